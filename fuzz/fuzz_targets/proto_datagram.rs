//! The multiplexer's receive path (`netlink_proto::protocol::Protocol`) fed
//! arbitrary datagrams between scripted events: routing to requests and
//! notifications, runs of replies, deferred wake-ups, queue limits,
//! overflow and congestion, cancellation, and the consumer-side splitting
//! and decoding of queued replies.
//!
//! Input: a series of chunks `[control: u8][readdress: u8][length: u8]
//! [datagram bytes]`. The control byte picks the sender (kernel or another
//! port), whether the datagram came on a multicast group, a request, and an
//! event after the datagram (overflow, receive queue drained, taking the
//! request's replies, cancelling it). An odd `readdress` byte rewrites the
//! sequence number and port of every message the datagram frames to the
//! request's, so that replies are common without the fuzzer guessing them.
//! Requests are sent with sequence numbers 1001 (acked get), 1002 (get
//! without ack) and 1003 (a dump, sent once the others end), to port 4242.
//!
//! Properties: nothing panics; a taken queue yields exactly as many replies
//! as it says it holds.

#![no_main]

use std::{collections::VecDeque, time::Instant};

use libfuzzer_sys::fuzz_target;
use netlink_packet_core::{NetlinkFlags, NetlinkMessage, RawMessage};
use netlink_proto::{
    protocol::{Protocol, ReplyQueue, RequestId},
    Config, RequestOptions,
};
use netlink_sys::SocketAddr;

const PORT: u32 = 4242;

fn request(flags: u16) -> NetlinkMessage<RawMessage> {
    let mut message = NetlinkMessage::from(RawMessage::new(18, vec![0; 16]));
    message.header.flags = NetlinkFlags::from_bits_retain(flags);
    message
}

/// Sets sequence number and port of every message `datagram` frames.
fn address_to(datagram: &mut [u8], sequence: u32) {
    let mut offset = 0;
    while let Some(header) = datagram.get_mut(offset..offset + 16) {
        let length = u32::from_ne_bytes([header[0], header[1], header[2], header[3]]) as usize;
        header[8..12].copy_from_slice(&sequence.to_ne_bytes());
        header[12..16].copy_from_slice(&PORT.to_ne_bytes());
        if length < 16 {
            break;
        }
        offset += (length + 3) & !3;
    }
}

fn send_all(protocol: &mut Protocol<RawMessage>) {
    while let Some(transmit) = protocol.poll_transmit() {
        protocol.transmit_complete(transmit);
    }
}

fn take_all(protocol: &mut Protocol<RawMessage>, id: RequestId) {
    let mut replies = ReplyQueue::new();
    protocol.take_replies(id, &mut replies);
    let expected = replies.len();
    let mut popped = 0;
    while replies.pop().is_some() {
        popped += 1;
    }
    assert_eq!(popped, expected, "a queue yields the replies it counts");
    assert!(replies.is_empty() && replies.undecoded_bytes() == 0);
}

fuzz_target!(|data: &[u8]| {
    let config = Config {
        max_queued_replies: 8,
        max_queued_reply_bytes: 512,
        max_queued_notifications: 8,
        ..Config::default()
    };
    let mut protocol = Protocol::<RawMessage>::with_first_sequence_after(PORT, &config, 8, 1000);
    let options = RequestOptions {
        retry_interrupted_dump: Some(1),
        ..RequestOptions::default()
    };
    let kernel = SocketAddr::new(0, 0);
    let now = Instant::now();
    let mut ids = Vec::new();
    for flags in [0x1 | 0x4, 0x1, 0x1 | 0x300] {
        // NLM_F_REQUEST with NLM_F_ACK; alone; with NLM_F_DUMP.
        if let Ok(id) = protocol.submit(request(flags), kernel, &options, now) {
            ids.push(id);
        }
    }
    send_all(&mut protocol);

    let mut wakers = Vec::new();
    let mut notifications = VecDeque::new();
    let mut rest = data;
    while let [control, readdress, length, tail @ ..] = rest {
        let length = usize::from(*length).min(tail.len());
        let (datagram, next) = tail.split_at(length);
        rest = next;
        let target = ids.get(usize::from(control >> 6)).copied();
        let mut datagram = datagram.to_vec();
        if readdress & 1 != 0 {
            if let Some(sequence) = target.and_then(|id| protocol.sequence_number(id)) {
                address_to(&mut datagram, sequence);
            }
        }
        let source = if control & 1 == 0 {
            kernel
        } else {
            SocketAddr::new(77, 0)
        };
        let group = (control & 2 != 0).then_some(1);
        protocol.handle_datagram(&datagram, source, group);
        if protocol.wakes_due() || control & 4 != 0 {
            protocol.take_wakers(&mut wakers);
            wakers.clear();
        }
        match (control >> 3) & 7 {
            1 => protocol.handle_overflow(),
            2 => {
                protocol.handle_socket_drained();
            }
            3 | 4 => {
                if let Some(id) = target {
                    take_all(&mut protocol, id);
                }
            }
            5 => {
                if let Some(id) = target {
                    protocol.cancel(id);
                }
            }
            6 => {
                protocol.take_notifications(&mut notifications);
                notifications.clear();
            }
            _ => {}
        }
        send_all(&mut protocol);
    }
    for id in ids {
        take_all(&mut protocol, id);
    }
    protocol.take_notifications(&mut notifications);
    protocol.close(None);
});
