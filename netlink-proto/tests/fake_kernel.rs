//! The sans-IO multiplexer against a scripted fake kernel: no socket at all.
//!
//! Replies are hand-built where the test is about routing logic, and real
//! kernel bytes (the 6.18 fixtures, with sequence and port rewritten) where
//! the test is about what the kernel actually sends.

use std::{
    collections::VecDeque,
    io,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    task::{Wake, Waker},
    time::{Duration, Instant},
};

use netlink_packet_core::{
    DecodeError, NetlinkDeserializable, NetlinkFlags, NetlinkHeader, NetlinkMessage,
    NetlinkPayload, NetlinkSerializable, RawMessage, NLMSG_DONE, NLMSG_ERROR, NLM_F_ACK,
    NLM_F_DUMP, NLM_F_DUMP_FILTERED, NLM_F_DUMP_INTR, NLM_F_MULTIPART, NLM_F_REQUEST,
};
use netlink_proto::{
    protocol::{NextReply, Protocol, ReplyQueue, Transmit},
    Config, Error, Notification, OverflowReason, RequestEnd, RequestId, RequestOptions,
};
use netlink_sys::SocketAddr;
use netlink_test_support::fixtures;

const PORT: u32 = 4242;
const KERNEL: SocketAddr = SocketAddr::new(0, 0);
const RTM_NEWLINK: u16 = 16;
const RTM_GETLINK: u16 = 18;
const RTM_NEWADDR: u16 = 20;
const RTM_GETADDR: u16 = 22;

type Reply = Result<NetlinkMessage<RawMessage>, Error<RawMessage>>;

fn protocol_with(config: &Config, max_in_flight: usize) -> Protocol<RawMessage> {
    Protocol::with_first_sequence_after(PORT, config, max_in_flight, 1000)
}

fn protocol() -> Protocol<RawMessage> {
    protocol_with(&Config::default(), 64)
}

fn request(message_type: u16, flags: u16, payload: &[u8]) -> NetlinkMessage<RawMessage> {
    let mut message = NetlinkMessage::from(RawMessage::new(message_type, payload.to_vec()));
    message.header.flags = NetlinkFlags::from_bits_retain(flags);
    message
}

fn get(flags: u16) -> NetlinkMessage<RawMessage> {
    request(RTM_GETLINK, NLM_F_REQUEST | flags, &[0; 16])
}

fn dump() -> NetlinkMessage<RawMessage> {
    request(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, &[0; 16])
}

fn submit(protocol: &mut Protocol<RawMessage>, message: NetlinkMessage<RawMessage>) -> RequestId {
    submit_with(protocol, message, &RequestOptions::default())
}

fn submit_with(
    protocol: &mut Protocol<RawMessage>,
    message: NetlinkMessage<RawMessage>,
    options: &RequestOptions,
) -> RequestId {
    protocol
        .submit(message, KERNEL, options, Instant::now())
        .expect("submit on an open protocol")
}

/// A header as the fake kernel sees it in a transmit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sent {
    message_type: u16,
    flags: u16,
    sequence: u32,
}

/// Splits a transmit into the requests it carries.
fn parse_transmit(transmit: &Transmit) -> Vec<Sent> {
    let mut sent = Vec::new();
    let mut rest = &transmit.bytes[..];
    while !rest.is_empty() {
        let header = header_of(rest);
        sent.push(Sent {
            message_type: header.message_type,
            flags: header.flags.bits(),
            sequence: header.sequence_number,
        });
        let step = (header.length as usize + 3) & !3;
        rest = rest.get(step..).unwrap_or(&[]);
    }
    sent
}

fn header_of(bytes: &[u8]) -> NetlinkHeader {
    use netlink_packet_core::{NetlinkBuffer, Parseable};
    NetlinkHeader::parse(&NetlinkBuffer::new(bytes)).expect("valid header")
}

/// Takes the next transmit, marks it sent, returns what it carried.
fn transmit(protocol: &mut Protocol<RawMessage>) -> Vec<Sent> {
    let transmit = protocol.poll_transmit().expect("a transmit is ready");
    assert_eq!(transmit.destination, KERNEL);
    let sent = parse_transmit(&transmit);
    protocol.transmit_complete(transmit);
    sent
}

fn message(message_type: u16, flags: u16, sequence: u32, payload: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&(16 + payload.len() as u32).to_ne_bytes());
    bytes.extend_from_slice(&message_type.to_ne_bytes());
    bytes.extend_from_slice(&flags.to_ne_bytes());
    bytes.extend_from_slice(&sequence.to_ne_bytes());
    bytes.extend_from_slice(&PORT.to_ne_bytes());
    bytes.extend_from_slice(payload);
    while bytes.len() % 4 != 0 {
        bytes.push(0);
    }
    bytes
}

fn data(sequence: u32, flags: u16, tag: u8) -> Vec<u8> {
    message(RTM_NEWLINK, flags, sequence, &[tag; 16])
}

/// `NLMSG_ERROR` with `code` (0 = ack), the echoed header of a GETLINK
/// (capped) and an optional extended-ack message.
fn error(sequence: u32, code: i32, text: Option<&str>) -> Vec<u8> {
    let mut payload = code.to_ne_bytes().to_vec();
    let echoed = message(RTM_GETLINK, NLM_F_REQUEST, sequence, &[]);
    payload.extend_from_slice(&echoed[..16]);
    let mut flags = 0x100; // NLM_F_CAPPED
    if let Some(text) = text {
        flags |= 0x200; // NLM_F_ACK_TLVS
        let mut value = text.as_bytes().to_vec();
        value.push(0);
        payload.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
        payload.extend_from_slice(&1u16.to_ne_bytes()); // NLMSGERR_ATTR_MSG
        payload.extend_from_slice(&value);
        while payload.len() % 4 != 0 {
            payload.push(0);
        }
    }
    message(NLMSG_ERROR, flags, sequence, &payload)
}

fn done(sequence: u32, flags: u16) -> Vec<u8> {
    message(
        NLMSG_DONE,
        NLM_F_MULTIPART | flags,
        sequence,
        &0i32.to_ne_bytes(),
    )
}

fn datagram(messages: &[Vec<u8>]) -> Vec<u8> {
    messages.concat()
}

fn feed(protocol: &mut Protocol<RawMessage>, messages: &[Vec<u8>]) {
    protocol.handle_datagram(&datagram(messages), KERNEL, None);
}

/// Everything queued for a request, and whether it is finished.
fn drain(protocol: &mut Protocol<RawMessage>, id: RequestId) -> (Vec<Reply>, bool) {
    let mut out = ReplyQueue::new();
    let finished = protocol.take_replies(id, &mut out);
    (std::iter::from_fn(|| out.pop()).collect(), finished)
}

fn tag(reply: &Reply) -> u8 {
    match reply {
        Ok(NetlinkMessage {
            payload: NetlinkPayload::InnerMessage(raw),
            ..
        }) => raw.payload[0],
        other => panic!("expected a data reply, got {other:?}"),
    }
}

fn notifications(protocol: &mut Protocol<RawMessage>) -> Vec<Notification<RawMessage>> {
    let mut out = VecDeque::new();
    protocol.take_notifications(&mut out);
    out.into_iter().collect()
}

/// Rewrites sequence number and port of every message of a fixture datagram
/// (as if the kernel answered our request).
fn readdress(datagram: &[u8], sequence: u32) -> Vec<u8> {
    let mut bytes = datagram.to_vec();
    let mut offset = 0;
    while offset + 16 <= bytes.len() {
        let length = u32::from_ne_bytes(bytes[offset..offset + 4].try_into().unwrap()) as usize;
        bytes[offset + 8..offset + 12].copy_from_slice(&sequence.to_ne_bytes());
        bytes[offset + 12..offset + 16].copy_from_slice(&PORT.to_ne_bytes());
        offset += (length + 3) & !3;
    }
    bytes
}

/// Submits a fixture's request and feeds the kernel's recorded answer.
fn replay(protocol: &mut Protocol<RawMessage>, name: &str) -> (RequestId, Vec<Reply>, bool) {
    let entry = fixtures::entry(name);
    let request_bytes = entry.request.as_ref().expect("fixture has a request");
    let parsed = NetlinkMessage::<RawMessage>::deserialize(request_bytes).expect("request parses");
    let id = submit(protocol, parsed);
    let sent = transmit(protocol);
    assert_eq!(sent.len(), 1);
    for datagram in entry.response_datagrams() {
        protocol.handle_datagram(&readdress(datagram, sent[0].sequence), KERNEL, None);
    }
    let (replies, finished) = drain(protocol, id);
    (id, replies, finished)
}

#[test]
fn interleaved_replies_reach_their_requests() {
    let mut protocol = protocol();
    let a = submit(&mut protocol, get(NLM_F_ACK));
    let b = submit(&mut protocol, get(NLM_F_ACK));
    let c = submit(&mut protocol, get(NLM_F_ACK));
    let sent = transmit(&mut protocol);
    assert_eq!(
        sent.len(),
        3,
        "three queued requests go out in one datagram"
    );
    let (sa, sb, sc) = (sent[0].sequence, sent[1].sequence, sent[2].sequence);
    assert_eq!([sb, sc], [sa + 1, sa + 2]);
    assert!(protocol.poll_transmit().is_none());

    feed(&mut protocol, &[data(sb, 0, 0xb1), data(sa, 0, 0xa1)]);
    feed(&mut protocol, &[error(sc, -libc::ENODEV, None)]);
    feed(&mut protocol, &[data(sb, 0, 0xb2)]);
    feed(&mut protocol, &[error(sa, 0, None), error(sb, 0, None)]);

    let (replies, finished) = drain(&mut protocol, a);
    assert!(finished);
    assert_eq!(replies.iter().map(tag).collect::<Vec<_>>(), [0xa1]);
    assert!(matches!(
        protocol.end_state(a).map(|end| &end.end),
        Some(RequestEnd::Ack(_))
    ));

    let (replies, finished) = drain(&mut protocol, b);
    assert!(finished);
    assert_eq!(replies.iter().map(tag).collect::<Vec<_>>(), [0xb1, 0xb2]);

    let (replies, finished) = drain(&mut protocol, c);
    assert!(finished);
    match &replies[..] {
        [Err(Error::Kernel(error))] => {
            assert_eq!(error.errno(), libc::ENODEV);
            assert_eq!(error.request.sequence_number, sc);
            assert_eq!(error.request.message_type, RTM_GETLINK);
        }
        other => panic!("expected one kernel error, got {other:?}"),
    }
    assert!(protocol.end_state(c).is_none());
    assert_eq!(protocol.in_flight(), 0);
    assert!(notifications(&mut protocol).is_empty());
}

#[test]
fn multipart_dump_across_datagrams_from_kernel_bytes() {
    let mut protocol = protocol();
    let (id, replies, finished) = replay(&mut protocol, "rtnl_getlink_dump");
    assert!(finished);
    let entry = fixtures::entry("rtnl_getlink_dump");
    assert_eq!(
        replies.len(),
        entry.message_count - 1,
        "every RTM_NEWLINK, no DONE"
    );
    // In order and byte-identical to what the kernel sent.
    let mut expected = Vec::new();
    for datagram in entry.response_datagrams() {
        for buffer in netlink_packet_core::DatagramMessages::new(datagram) {
            let buffer = buffer.unwrap();
            if buffer.message_type() == RTM_NEWLINK {
                expected.push(buffer.payload().to_vec());
            }
        }
    }
    let got: Vec<Vec<u8>> = replies
        .into_iter()
        .map(|reply| match reply.unwrap().payload {
            NetlinkPayload::InnerMessage(raw) => raw.payload,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(got, expected);
    let end = protocol.end_state(id).expect("ended without error");
    assert!(matches!(end.end, RequestEnd::Done(_)));
    assert!(end.is_complete());
    assert!(!end.filtered);
    assert_eq!(protocol.in_flight(), 0);
}

#[test]
fn kernel_error_with_extended_ack() {
    let mut protocol = protocol();
    let (_, replies, finished) = replay(&mut protocol, "rtnl_newaddr_enodev_extack");
    assert!(finished);
    let expected = fixtures::entry("rtnl_newaddr_enodev_extack").expected_error();
    match &replies[..] {
        [Err(Error::Kernel(error))] => {
            assert_eq!(-error.errno(), expected.error);
            let text = expected.ext_ack.as_ref().and_then(|ack| ack.msg.clone());
            assert!(text.is_some(), "the fixture has an extended-ack message");
            assert_eq!(error.message().map(str::to_owned), text);
            assert!(
                error.to_string().contains(text.as_deref().unwrap()),
                "Display shows the kernel's text: {error}"
            );
        }
        other => panic!("expected one kernel error, got {other:?}"),
    }
}

#[test]
fn reply_then_ack_in_separate_datagrams() {
    let mut protocol = protocol();
    let (id, replies, finished) = replay(&mut protocol, "rtnl_getlink_by_altname_ack");
    assert!(finished);
    assert_eq!(replies.len(), 1);
    assert!(replies[0].is_ok());
    assert!(matches!(
        protocol.end_state(id).unwrap().end,
        RequestEnd::Ack(_)
    ));
}

#[test]
fn acked_request_ends_with_ack() {
    let mut protocol = protocol();
    let (id, replies, finished) = replay(&mut protocol, "rtnl_newroute_v4");
    assert!(finished);
    assert!(replies.is_empty(), "an ack is not yielded as a message");
    assert!(matches!(
        protocol.end_state(id).unwrap().end,
        RequestEnd::Ack(_)
    ));
}

#[test]
fn request_without_ack_ends_at_its_single_reply() {
    let mut protocol = protocol();
    let (id, replies, finished) = replay(&mut protocol, "rtnl_getlink_by_name");
    assert!(finished, "no ack requested: the reply ends the request");
    assert_eq!(replies.len(), 1);
    assert!(matches!(
        protocol.end_state(id).unwrap().end,
        RequestEnd::Reply
    ));
    assert_eq!(protocol.in_flight(), 0);
}

#[test]
fn done_with_negative_code_is_a_kernel_error() {
    let mut protocol = protocol();
    let (_, replies, finished) = replay(&mut protocol, "rtnl_getaddr_dump_strict_badhdr");
    assert!(finished);
    let expected = &fixtures::entry("rtnl_getaddr_dump_strict_badhdr").done_errors[0];
    match &replies[..] {
        [Err(Error::Kernel(error))] => {
            assert_eq!(-error.errno(), expected.error);
            let text = expected.ext_ack.as_ref().and_then(|ack| ack.msg.clone());
            assert_eq!(error.message().map(str::to_owned), text);
        }
        other => panic!("expected a kernel error from NLMSG_DONE, got {other:?}"),
    }
}

#[test]
fn dump_answered_by_an_error_ends_with_it() {
    let mut protocol = protocol();
    let (_, replies, finished) = replay(&mut protocol, "rtnl_getvlan_dump_bridge");
    assert!(finished);
    assert!(
        matches!(&replies[..], [Err(Error::Kernel(_))]),
        "{replies:?}"
    );
}

#[test]
fn interrupted_and_filtered_dump_keeps_its_data() {
    let mut protocol = protocol();
    let id = submit(&mut protocol, dump());
    let s = transmit(&mut protocol)[0].sequence;
    feed(
        &mut protocol,
        &[data(s, NLM_F_MULTIPART | NLM_F_DUMP_FILTERED, 1)],
    );
    feed(
        &mut protocol,
        &[data(
            s,
            NLM_F_MULTIPART | NLM_F_DUMP_INTR | NLM_F_DUMP_FILTERED,
            2,
        )],
    );
    feed(&mut protocol, &[data(s, NLM_F_MULTIPART, 3), done(s, 0)]);
    let (replies, finished) = drain(&mut protocol, id);
    assert!(finished);
    assert_eq!(replies.iter().map(tag).collect::<Vec<_>>(), [1, 2, 3]);
    let end = protocol.end_state(id).unwrap();
    assert!(end.interrupted);
    assert!(!end.is_complete());
    assert!(end.filtered);
    assert_eq!(end.restarts, 0);
}

#[test]
fn interrupt_flag_on_done_alone_counts() {
    let mut protocol = protocol();
    let id = submit(&mut protocol, dump());
    let s = transmit(&mut protocol)[0].sequence;
    feed(
        &mut protocol,
        &[data(s, NLM_F_MULTIPART, 1), done(s, NLM_F_DUMP_INTR)],
    );
    let (replies, finished) = drain(&mut protocol, id);
    assert!(finished);
    assert_eq!(replies.len(), 1);
    assert!(protocol.end_state(id).unwrap().interrupted);
}

#[test]
fn interrupted_dump_restarts_when_asked() {
    let mut protocol = protocol();
    let options = RequestOptions {
        retry_interrupted_dump: Some(2),
        ..Default::default()
    };
    let id = submit_with(&mut protocol, dump(), &options);
    let first = transmit(&mut protocol);
    let s1 = first[0].sequence;
    feed(&mut protocol, &[data(s1, NLM_F_MULTIPART, 1)]);
    feed(
        &mut protocol,
        &[
            data(s1, NLM_F_MULTIPART | NLM_F_DUMP_INTR, 2),
            data(s1, NLM_F_MULTIPART, 3),
        ],
    );
    assert!(
        protocol.poll_transmit().is_none(),
        "the restart waits for the interrupted attempt's DONE (the kernel runs one dump at a time)"
    );
    feed(&mut protocol, &[done(s1, NLM_F_DUMP_INTR)]);
    let (replies, finished) = drain(&mut protocol, id);
    assert!(!finished);
    assert_eq!(replies.len(), 2, "{replies:?}");
    assert_eq!(tag(&replies[0]), 1);
    assert!(matches!(
        replies[1],
        Err(Error::DumpRestarted { attempt: 1 })
    ));

    let second = transmit(&mut protocol);
    let s2 = second[0].sequence;
    assert_ne!(s2, s1);
    assert_eq!(second[0].message_type, first[0].message_type);
    assert_eq!(second[0].flags, first[0].flags);
    assert_eq!(protocol.sequence_number(id), Some(s2));

    // A straggler of the first attempt is discarded, not delivered.
    feed(&mut protocol, &[data(s1, NLM_F_MULTIPART, 9)]);
    assert_eq!(protocol.statistics().discarded_replies, 1);

    feed(
        &mut protocol,
        &[data(s2, NLM_F_MULTIPART, 4), data(s2, NLM_F_MULTIPART, 5)],
    );
    feed(&mut protocol, &[done(s2, 0)]);
    let (replies, finished) = drain(&mut protocol, id);
    assert!(finished);
    assert_eq!(replies.iter().map(tag).collect::<Vec<_>>(), [4, 5]);
    let end = protocol.end_state(id).unwrap();
    assert!(end.is_complete());
    assert_eq!(end.restarts, 1);
    assert!(notifications(&mut protocol).is_empty());
}

#[test]
fn dump_retries_are_bounded() {
    let mut protocol = protocol();
    let options = RequestOptions {
        retry_interrupted_dump: Some(1),
        ..Default::default()
    };
    let id = submit_with(&mut protocol, dump(), &options);
    let s1 = transmit(&mut protocol)[0].sequence;
    feed(
        &mut protocol,
        &[data(s1, NLM_F_MULTIPART | NLM_F_DUMP_INTR, 1), done(s1, 0)],
    );
    let s2 = transmit(&mut protocol)[0].sequence;
    feed(
        &mut protocol,
        &[data(s2, NLM_F_MULTIPART | NLM_F_DUMP_INTR, 2), done(s2, 0)],
    );
    assert!(protocol.poll_transmit().is_none(), "no third attempt");
    let (replies, finished) = drain(&mut protocol, id);
    assert!(finished);
    assert!(matches!(
        replies[0],
        Err(Error::DumpRestarted { attempt: 1 })
    ));
    assert_eq!(tag(&replies[1]), 2, "the last attempt's data is delivered");
    let end = protocol.end_state(id).unwrap();
    assert!(end.interrupted);
    assert_eq!(end.restarts, 1);
}

#[test]
fn overflow_fails_unanswered_requests_and_the_connection_goes_on() {
    let mut protocol = protocol();
    let answered = submit(&mut protocol, get(NLM_F_ACK));
    let half = submit(&mut protocol, get(NLM_F_ACK));
    let silent = submit(&mut protocol, get(0));
    let sent = transmit(&mut protocol);
    let not_sent = submit(&mut protocol, get(0));
    feed(
        &mut protocol,
        &[
            data(sent[0].sequence, 0, 1),
            error(sent[0].sequence, 0, None),
        ],
    );
    feed(&mut protocol, &[data(sent[1].sequence, 0, 2)]);
    // The socket had reported ENOBUFS before `not_sent` went out.
    protocol.handle_overflow();

    assert!(drain(&mut protocol, answered).1);
    assert!(protocol.end_state(answered).is_some());
    let (replies, finished) = drain(&mut protocol, half);
    assert!(finished);
    assert_eq!(tag(&replies[0]), 2);
    assert!(matches!(replies[1], Err(Error::OutcomeUnknown)));
    let (replies, finished) = drain(&mut protocol, silent);
    assert!(finished);
    assert!(matches!(&replies[..], [Err(Error::OutcomeUnknown)]));
    match &notifications(&mut protocol)[..] {
        [Notification::Overflow {
            failed_requests,
            reason,
        }] => {
            assert_eq!(*failed_requests, 2);
            assert_eq!(*reason, OverflowReason::SocketBuffer);
        }
        other => panic!("expected one overflow event, got {other:?}"),
    }
    assert_eq!(protocol.statistics().overflows, 1);

    // A late reply to a failed request is discarded, not a notification.
    feed(&mut protocol, &[error(sent[2].sequence, 0, None)]);
    assert!(notifications(&mut protocol).is_empty());

    // The request that was not yet sent is unaffected and works, once the
    // receive queue has been emptied: until then the kernel may drop its
    // reply without reporting another overflow.
    assert!(protocol.is_congested());
    assert!(protocol.poll_transmit().is_none());
    feed(&mut protocol, &[data(0, 0, 3)]);
    assert!(protocol.poll_transmit().is_none());
    assert!(protocol.handle_socket_drained(), "sending resumes");
    assert!(!protocol.is_congested());
    assert!(!protocol.handle_socket_drained(), "nothing more to resume");
    let s = transmit(&mut protocol)[0].sequence;
    feed(&mut protocol, &[data(s, 0, 7)]);
    let (replies, finished) = drain(&mut protocol, not_sent);
    assert!(finished);
    assert_eq!(tag(&replies[0]), 7);
}

#[test]
fn overflow_spares_a_running_dump() {
    let mut protocol = protocol();
    let id = submit(&mut protocol, dump());
    let s = transmit(&mut protocol)[0].sequence;
    feed(&mut protocol, &[data(s, NLM_F_MULTIPART, 1)]);
    protocol.handle_overflow();
    feed(&mut protocol, &[data(s, NLM_F_MULTIPART, 2), done(s, 0)]);
    let (replies, finished) = drain(&mut protocol, id);
    assert!(finished);
    assert_eq!(replies.iter().map(tag).collect::<Vec<_>>(), [1, 2]);
    assert!(protocol.end_state(id).unwrap().is_complete());
    match &notifications(&mut protocol)[..] {
        [Notification::Overflow {
            failed_requests, ..
        }] => assert_eq!(*failed_requests, 0),
        other => panic!("expected one overflow event, got {other:?}"),
    }
}

#[test]
fn foreign_sender_goes_to_notifications_unless_accepted() {
    let mut protocol = protocol();
    let strict = submit(&mut protocol, get(0));
    let open = submit_with(
        &mut protocol,
        get(0),
        &RequestOptions {
            accept_foreign: true,
            ..Default::default()
        },
    );
    let sent = transmit(&mut protocol);
    let stranger = SocketAddr::new(999, 0);
    protocol.handle_datagram(&data(sent[0].sequence, 0, 1), stranger, None);
    protocol.handle_datagram(&data(sent[1].sequence, 0, 2), stranger, None);

    match &notifications(&mut protocol)[..] {
        [Notification::Message(message, source)] => {
            assert_eq!(source.port_number(), 999);
            assert_eq!(message.header.sequence_number, sent[0].sequence);
        }
        other => panic!("expected the foreign message as a notification, got {other:?}"),
    }
    let (replies, finished) = drain(&mut protocol, strict);
    assert!(replies.is_empty() && !finished, "the request still waits");
    let (replies, finished) = drain(&mut protocol, open);
    assert!(finished);
    assert_eq!(tag(&replies[0]), 2);
}

#[test]
fn multicast_and_sequence_less_messages_are_notifications() {
    let mut protocol = protocol();
    let id = submit(&mut protocol, get(0));
    let s = transmit(&mut protocol)[0].sequence;
    // A multicast notification caused by our own request carries our
    // sequence number and port: it still is no reply.
    protocol.handle_datagram(&data(s, 0, 1), KERNEL, Some(1));
    protocol.handle_datagram(&data(s, 0, 2), SocketAddr::new(0, 1), None);
    feed(&mut protocol, &[data(0, 0, 3)]);
    feed(&mut protocol, &[data(s + 77, 0, 4)]);
    let tags: Vec<u8> = notifications(&mut protocol)
        .iter()
        .map(|notification| match notification {
            Notification::Message(message, _) => match &message.payload {
                NetlinkPayload::InnerMessage(raw) => raw.payload[0],
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(tags, [1, 2, 3, 4]);
    assert!(drain(&mut protocol, id).0.is_empty());
}

#[test]
fn multicast_fixture_events_are_all_notifications() {
    let mut protocol = protocol();
    let entry = fixtures::entry("rtnl_notifications");
    let group = entry.groups.first().copied();
    for datagram in entry.response_datagrams() {
        protocol.handle_datagram(datagram, KERNEL, group);
    }
    let all = notifications(&mut protocol);
    assert_eq!(all.len(), entry.message_count);
    assert!(all
        .iter()
        .all(|notification| matches!(notification, Notification::Message(..))));
}

#[test]
fn cancelled_request_discards_later_replies_and_does_not_leak() {
    let mut protocol = protocol();
    let id = submit(&mut protocol, dump());
    let s = transmit(&mut protocol)[0].sequence;
    feed(&mut protocol, &[data(s, NLM_F_MULTIPART, 1)]);
    protocol.cancel(id);
    assert_eq!(
        protocol.request_count(),
        1,
        "kept until the kernel ends the dump"
    );
    assert_eq!(protocol.live_request_count(), 0);
    feed(
        &mut protocol,
        &[data(s, NLM_F_MULTIPART, 2), data(s, NLM_F_MULTIPART, 3)],
    );
    feed(&mut protocol, &[done(s, 0)]);
    assert_eq!(protocol.request_count(), 0, "entry removed at DONE");
    assert_eq!(protocol.in_flight(), 0);
    assert_eq!(protocol.statistics().discarded_replies, 3);
    assert!(notifications(&mut protocol).is_empty());
    assert!(protocol.is_drained(id));

    // Cancelling before sending: never sent.
    let queued = submit(&mut protocol, get(0));
    protocol.cancel(queued);
    assert_eq!(protocol.request_count(), 0);
    assert!(protocol.poll_transmit().is_none());

    // Cancelling after the end releases the entry.
    let ended = submit(&mut protocol, get(0));
    let s = transmit(&mut protocol)[0].sequence;
    feed(&mut protocol, &[data(s, 0, 1)]);
    assert_eq!(protocol.request_count(), 1);
    protocol.cancel(ended);
    assert_eq!(protocol.request_count(), 0);
}

#[test]
fn sequence_numbers_wrap_and_skip_zero() {
    let mut protocol =
        Protocol::with_first_sequence_after(PORT, &Config::default(), 64, u32::MAX - 1);
    let ids: Vec<RequestId> = (0..3).map(|_| submit(&mut protocol, get(0))).collect();
    let sent = transmit(&mut protocol);
    let sequences: Vec<u32> = sent.iter().map(|s| s.sequence).collect();
    assert_eq!(sequences, [u32::MAX, 1, 2]);
    feed(
        &mut protocol,
        &[data(2, 0, 0xc), data(u32::MAX, 0, 0xa), data(1, 0, 0xb)],
    );
    for (id, expected) in ids.into_iter().zip([0xa, 0xb, 0xc]) {
        let (replies, finished) = drain(&mut protocol, id);
        assert!(finished);
        assert_eq!(tag(&replies[0]), expected);
    }
}

#[test]
fn timeout_fails_the_request_and_late_replies_are_discarded() {
    let mut protocol = protocol();
    let start = Instant::now();
    let id = protocol
        .submit(
            get(0),
            KERNEL,
            &RequestOptions::with_timeout(Duration::from_secs(1)),
            start,
        )
        .unwrap();
    let s = transmit(&mut protocol)[0].sequence;
    assert_eq!(
        protocol.next_deadline(),
        Some(start + Duration::from_secs(1))
    );
    protocol.handle_timeout(start + Duration::from_millis(999));
    assert!(!drain(&mut protocol, id).1);
    protocol.handle_timeout(start + Duration::from_secs(1));
    let (replies, finished) = drain(&mut protocol, id);
    assert!(finished);
    assert!(matches!(&replies[..], [Err(Error::Timeout)]));
    assert_eq!(protocol.in_flight(), 0);
    assert_eq!(protocol.next_deadline(), None);
    feed(&mut protocol, &[data(s, 0, 1)]);
    assert!(notifications(&mut protocol).is_empty());
    assert_eq!(protocol.statistics().discarded_replies, 1);
}

#[test]
fn timed_out_dump_stays_in_flight_until_done() {
    let mut protocol = protocol();
    let start = Instant::now();
    let id = protocol
        .submit(
            dump(),
            KERNEL,
            &RequestOptions::with_timeout(Duration::from_secs(1)),
            start,
        )
        .unwrap();
    let s = transmit(&mut protocol)[0].sequence;
    let next = submit(&mut protocol, dump());
    protocol.handle_timeout(start + Duration::from_secs(2));
    assert!(matches!(
        &drain(&mut protocol, id).0[..],
        [Err(Error::Timeout)]
    ));
    assert!(
        protocol.poll_transmit().is_none(),
        "the next dump waits: the kernel still runs the first"
    );
    feed(&mut protocol, &[data(s, NLM_F_MULTIPART, 1), done(s, 0)]);
    assert!(
        drain(&mut protocol, id).0.is_empty(),
        "late parts discarded"
    );
    let sent = transmit(&mut protocol);
    assert_eq!(sent.len(), 1);
    assert_eq!(protocol.sequence_number(next), Some(sent[0].sequence));
}

#[test]
fn full_reply_queue_stops_reading_until_the_consumer_catches_up() {
    let config = Config {
        max_queued_replies: 4,
        ..Config::default()
    };
    let mut protocol = protocol_with(&config, 64);
    let id = submit(&mut protocol, dump());
    let s = transmit(&mut protocol)[0].sequence;
    assert!(protocol.wants_receive());
    let parts: Vec<Vec<u8>> = (0..6).map(|i| data(s, NLM_F_MULTIPART, i)).collect();
    feed(&mut protocol, &parts);
    assert!(
        !protocol.wants_receive(),
        "queue over its limit: stop reading"
    );
    protocol.take_driver_wake();
    let mut out = ReplyQueue::new();
    assert!(!protocol.take_replies(id, &mut out));
    assert_eq!(out.len(), 6);
    assert!(protocol.wants_receive());
    assert!(
        protocol.take_driver_wake(),
        "the driver is told to read again"
    );
    // Popping one at a time releases the limit too.
    let parts: Vec<Vec<u8>> = (0..4).map(|i| data(s, NLM_F_MULTIPART, i)).collect();
    feed(&mut protocol, &parts);
    assert!(!protocol.wants_receive());
    assert!(matches!(protocol.next_reply(id), NextReply::Reply(Ok(_))));
    assert!(protocol.wants_receive());
    // Cancelling also releases it.
    feed(&mut protocol, &parts);
    assert!(!protocol.wants_receive());
    protocol.cancel(id);
    assert!(protocol.wants_receive());
}

#[test]
fn byte_limit_of_a_reply_queue_stops_reading_too() {
    let config = Config {
        max_queued_reply_bytes: 100,
        ..Config::default()
    };
    let mut protocol = protocol_with(&config, 64);
    let id = submit(&mut protocol, dump());
    let s = transmit(&mut protocol)[0].sequence;
    // Three parts of 32 bytes: under the limit.
    let parts: Vec<Vec<u8>> = (0..3).map(|i| data(s, NLM_F_MULTIPART, i)).collect();
    feed(&mut protocol, &parts);
    assert!(protocol.wants_receive());
    // A fourth one reaches it.
    feed(&mut protocol, &[data(s, NLM_F_MULTIPART, 3)]);
    assert!(!protocol.wants_receive());
    let (replies, finished) = drain(&mut protocol, id);
    assert!(!finished);
    assert_eq!(replies.iter().map(tag).collect::<Vec<_>>(), [0, 1, 2, 3]);
    assert!(protocol.wants_receive());
}

/// A waker counting its wake-ups.
#[derive(Default)]
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

impl CountingWaker {
    fn count(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

#[test]
fn consumer_wakes_wait_for_the_driver_unless_the_queue_is_half_full() {
    let config = Config {
        max_queued_replies: 16,
        ..Config::default()
    };
    let mut protocol = protocol_with(&config, 64);
    let id = submit(&mut protocol, dump());
    let s = transmit(&mut protocol)[0].sequence;
    let counter = Arc::new(CountingWaker::default());
    let waker = Waker::from(counter.clone());
    protocol.register_reply_waker(id, &waker);

    // A few parts: the wake-up waits for the driver's flush.
    let parts: Vec<Vec<u8>> = (0..3).map(|i| data(s, NLM_F_MULTIPART, i)).collect();
    feed(&mut protocol, &parts);
    feed(&mut protocol, &parts);
    assert_eq!(counter.count(), 0);
    assert!(!protocol.wakes_due());
    let mut wakers = Vec::new();
    protocol.take_wakers(&mut wakers);
    assert_eq!(wakers.len(), 1, "one wake-up for the two datagrams");
    wakers.drain(..).for_each(Waker::wake);
    assert_eq!(counter.count(), 1);
    protocol.take_wakers(&mut wakers);
    assert!(wakers.is_empty(), "nothing left to wake");
    drain(&mut protocol, id);

    // Half the limit (8 of 16): due at once.
    protocol.register_reply_waker(id, &waker);
    let parts: Vec<Vec<u8>> = (0..8).map(|i| data(s, NLM_F_MULTIPART, i)).collect();
    feed(&mut protocol, &parts);
    assert!(protocol.wakes_due());
    protocol.flush_wakes();
    assert!(!protocol.wakes_due());
    assert_eq!(counter.count(), 2);
    drain(&mut protocol, id);

    // The end of the request wakes at once.
    protocol.register_reply_waker(id, &waker);
    feed(&mut protocol, &[data(s, NLM_F_MULTIPART, 9), done(s, 0)]);
    assert_eq!(counter.count(), 3);
    protocol.flush_wakes();
    assert_eq!(counter.count(), 3, "the waker was used already");

    // Notifications too wait for the flush.
    let counter = Arc::new(CountingWaker::default());
    protocol.register_notification_waker(&Waker::from(counter.clone()));
    protocol.handle_datagram(&data(0, 0, 1), KERNEL, Some(1));
    assert_eq!(counter.count(), 0);
    protocol.flush_wakes();
    assert_eq!(counter.count(), 1);
}

#[test]
fn replies_of_several_requests_in_one_datagram_keep_their_order() {
    let mut protocol = protocol();
    // A multipart answer to a request not flagged as a dump (a dump goes
    // alone), next to the replies of another request.
    let not_a_dump = RequestOptions {
        dump: Some(false),
        ..RequestOptions::default()
    };
    let a = submit_with(&mut protocol, dump(), &not_a_dump);
    let b = submit(&mut protocol, get(NLM_F_ACK));
    let sent = transmit(&mut protocol);
    let (sa, sb) = (sent[0].sequence, sent[1].sequence);
    feed(
        &mut protocol,
        &[
            data(sa, NLM_F_MULTIPART, 1),
            data(sa, NLM_F_MULTIPART, 2),
            data(sb, 0, 0xb1),
            data(sa, NLM_F_MULTIPART, 3),
            data(sa, NLM_F_MULTIPART | NLM_F_DUMP_INTR, 4),
            data(sa, NLM_F_MULTIPART, 5),
            error(sb, 0, None),
            data(0, 0, 0xee),
            data(sa, NLM_F_MULTIPART, 6),
            done(sa, 0),
        ],
    );
    let (replies, finished) = drain(&mut protocol, a);
    assert!(finished);
    assert_eq!(
        replies.iter().map(tag).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    assert!(protocol.end_state(a).unwrap().interrupted);
    let (replies, finished) = drain(&mut protocol, b);
    assert!(finished);
    assert_eq!(replies.iter().map(tag).collect::<Vec<_>>(), [0xb1]);
    let notes = notifications(&mut protocol);
    assert_eq!(notes.len(), 1, "the sequence-less message: {notes:?}");
}

#[test]
fn full_notification_queue_drops_and_reports_without_stalling_requests() {
    let config = Config {
        max_queued_notifications: 2,
        ..Config::default()
    };
    let mut protocol = protocol_with(&config, 64);
    let id = submit(&mut protocol, get(0));
    let s = transmit(&mut protocol)[0].sequence;
    for i in 0..5 {
        protocol.handle_datagram(&data(0, 0, i), KERNEL, Some(1));
    }
    assert!(
        protocol.wants_receive(),
        "unread notifications never stop reading"
    );
    feed(&mut protocol, &[data(s, 0, 9)]);
    assert_eq!(
        tag(&drain(&mut protocol, id).0[0]),
        9,
        "the reply got through"
    );
    let all = notifications(&mut protocol);
    assert_eq!(all.len(), 3, "two kept, then one overflow event: {all:?}");
    assert!(matches!(all[0], Notification::Message(..)));
    assert!(matches!(
        all[2],
        Notification::Overflow {
            reason: OverflowReason::NotificationQueue,
            failed_requests: 0
        }
    ));
    assert_eq!(protocol.statistics().dropped_notifications, 3);
    // Room again: notifications flow, and a new loss is reported again.
    for i in 0..4 {
        protocol.handle_datagram(&data(0, 0, i), KERNEL, Some(1));
    }
    assert_eq!(notifications(&mut protocol).len(), 3);
    protocol.close_notifications();
    protocol.handle_datagram(&data(0, 0, 4), KERNEL, Some(1));
    assert_eq!(protocol.queued_notifications(), 0);
    assert_eq!(protocol.statistics().dropped_notifications, 6);
}

#[test]
fn dumps_go_alone_and_one_at_a_time() {
    let mut protocol = protocol();
    let a = submit(&mut protocol, get(0));
    let d1 = submit(&mut protocol, dump());
    let d2 = submit(&mut protocol, dump());
    let b = submit(&mut protocol, get(0));
    let sent = transmit(&mut protocol);
    assert_eq!(sent.len(), 1, "the dump waits for the request in flight");
    assert!(protocol.poll_transmit().is_none());
    feed(&mut protocol, &[data(sent[0].sequence, 0, 1)]);
    let sent = transmit(&mut protocol);
    assert_eq!(sent.len(), 1);
    assert_eq!(protocol.sequence_number(d1), Some(sent[0].sequence));
    assert!(
        protocol.poll_transmit().is_none(),
        "nothing goes while a dump runs"
    );
    feed(&mut protocol, &[done(sent[0].sequence, 0)]);
    let sent = transmit(&mut protocol);
    assert_eq!(protocol.sequence_number(d2), Some(sent[0].sequence));
    assert_eq!(sent.len(), 1);
    feed(&mut protocol, &[done(sent[0].sequence, 0)]);
    let sent = transmit(&mut protocol);
    assert_eq!(protocol.sequence_number(b), Some(sent[0].sequence));
    assert!(drain(&mut protocol, a).1);
}

#[test]
fn in_flight_limit_and_batch_size_shape_transmits() {
    let mut protocol = protocol_with(&Config::default(), 2);
    let ids: Vec<RequestId> = (0..5).map(|_| submit(&mut protocol, get(0))).collect();
    let sent = transmit(&mut protocol);
    assert_eq!(sent.len(), 2);
    assert!(protocol.poll_transmit().is_none());
    feed(&mut protocol, &[data(sent[0].sequence, 0, 1)]);
    assert_eq!(transmit(&mut protocol).len(), 1);
    drop(ids);

    let config = Config {
        max_batch_size: 100,
        ..Config::default()
    };
    let mut protocol = protocol_with(&config, 64);
    for _ in 0..5 {
        submit(&mut protocol, get(0)); // 32 bytes each
    }
    assert_eq!(transmit(&mut protocol).len(), 3);
    assert_eq!(transmit(&mut protocol).len(), 2);
}

#[test]
fn blocked_transmit_is_retried_and_failed_transmit_fails_its_requests() {
    let mut protocol = protocol();
    let id = submit(&mut protocol, get(0));
    let transmit_1 = protocol.poll_transmit().unwrap();
    let bytes = transmit_1.bytes.clone();
    assert!(protocol.poll_transmit().is_none(), "one transmit at a time");
    protocol.transmit_blocked(transmit_1);
    let again = protocol.poll_transmit().unwrap();
    assert_eq!(again.bytes, bytes);
    protocol.transmit_failed(again, &io::Error::from_raw_os_error(libc::ECONNREFUSED));
    let (replies, finished) = drain(&mut protocol, id);
    assert!(finished);
    match &replies[..] {
        [Err(Error::Io(error))] => assert_eq!(error.raw_os_error(), Some(libc::ECONNREFUSED)),
        other => panic!("{other:?}"),
    }
    assert_eq!(protocol.in_flight(), 0);
}

#[test]
fn close_ends_every_request_and_refuses_new_ones() {
    let mut protocol = protocol();
    let sent = submit(&mut protocol, get(0));
    transmit(&mut protocol);
    let queued = submit(&mut protocol, get(0));
    let cancelled = submit(&mut protocol, dump());
    protocol.close(Some(&io::Error::from_raw_os_error(libc::EBADF)));
    protocol.cancel(cancelled);
    for id in [sent, queued] {
        let (replies, finished) = drain(&mut protocol, id);
        assert!(finished);
        match &replies[..] {
            [Err(Error::Io(error))] => assert_eq!(error.raw_os_error(), Some(libc::EBADF)),
            other => panic!("{other:?}"),
        }
    }
    assert!(!protocol.wants_receive());
    assert!(protocol.poll_transmit().is_none());
    let mut out = VecDeque::new();
    assert!(protocol.take_notifications(&mut out), "notifications end");
    match protocol.submit(get(7), KERNEL, &RequestOptions::default(), Instant::now()) {
        Err(Error::NotSent(message)) => assert_eq!(message.header.flags.bits(), NLM_F_REQUEST | 7),
        other => panic!("{other:?}"),
    }
    let mut protocol = self::protocol();
    let pending = submit(&mut protocol, get(0));
    protocol.close(None);
    assert!(matches!(
        &drain(&mut protocol, pending).0[..],
        [Err(Error::ConnectionClosed)]
    ));
}

#[test]
fn broken_messages_are_reported_not_dropped() {
    let mut protocol = protocol();
    let id = submit(&mut protocol, get(NLM_F_ACK));
    let s = transmit(&mut protocol)[0].sequence;
    // An NLMSG_ERROR too short to hold its error code ends the request with
    // a decode error.
    feed(&mut protocol, &[message(NLMSG_ERROR, 0, s, &[1, 2])]);
    let (replies, finished) = drain(&mut protocol, id);
    assert!(finished);
    assert!(
        matches!(&replies[..], [Err(Error::Decode(_))]),
        "{replies:?}"
    );

    // A datagram whose framing is broken is an undecodable notification.
    let mut broken = data(0, 0, 1);
    broken[0] = 200;
    protocol.handle_datagram(&broken, KERNEL, None);
    match &notifications(&mut protocol)[..] {
        [Notification::Undecodable { bytes, error, .. }] => {
            assert_eq!(bytes, &broken);
            assert!(error.to_string().contains("length"), "{error}");
        }
        other => panic!("{other:?}"),
    }
}

/// A message type whose decoding fails on payloads starting with 0xff.
#[derive(Debug)]
struct Picky(u8);

impl NetlinkSerializable for Picky {
    fn message_type(&self) -> u16 {
        RTM_GETADDR
    }
    fn buffer_len(&self) -> usize {
        1
    }
    fn serialize(&self, buffer: &mut [u8]) {
        buffer[0] = self.0;
    }
}

impl NetlinkDeserializable for Picky {
    type Error = DecodeError;
    fn deserialize(header: &NetlinkHeader, payload: &[u8]) -> Result<Self, DecodeError> {
        match payload.first() {
            Some(0xff) | None => Err(DecodeError::new(format!(
                "picky message type {}: bad payload",
                header.message_type
            ))),
            Some(byte) => Ok(Picky(*byte)),
        }
    }
}

#[test]
fn undecodable_data_reply_is_a_non_final_error_item() {
    let mut protocol: Protocol<Picky> =
        Protocol::with_first_sequence_after(PORT, &Config::default(), 64, 0);
    let mut dump = NetlinkMessage::from(Picky(0));
    dump.header.flags = NetlinkFlags::from_bits_retain(NLM_F_REQUEST | NLM_F_DUMP);
    let id = protocol
        .submit(dump, KERNEL, &RequestOptions::default(), Instant::now())
        .unwrap();
    let transmit_1 = protocol.poll_transmit().unwrap();
    protocol.transmit_complete(transmit_1);
    let parts = [
        message(RTM_NEWADDR, NLM_F_MULTIPART, 1, &[1]),
        message(RTM_NEWADDR, NLM_F_MULTIPART, 1, &[0xff]),
        message(RTM_NEWADDR, NLM_F_MULTIPART, 1, &[3]),
        done(1, 0),
    ];
    protocol.handle_datagram(&parts.concat(), KERNEL, None);
    let mut out = ReplyQueue::new();
    assert!(protocol.take_replies(id, &mut out));
    let items: Vec<_> = std::iter::from_fn(|| out.pop()).collect();
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok());
    match &items[1] {
        Err(error @ Error::Decode(inner)) => {
            assert!(!error.is_final());
            let text = inner.to_string();
            assert!(text.contains("bad payload"), "{text}");
            assert!(
                text.contains("sequence 1"),
                "context says which request: {text}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(items[2].is_ok());
    assert!(protocol.end_state(id).unwrap().is_complete());

    // Undecodable notifications keep their bytes.
    let bad = message(RTM_NEWADDR, 0, 0, &[0xff]);
    protocol.handle_datagram(&bad, KERNEL, Some(5));
    match protocol.next_notification() {
        Some(Notification::Undecodable { bytes, error, .. }) => {
            assert_eq!(bytes, bad[..17].to_vec());
            assert!(error.to_string().contains("bad payload"));
        }
        other => panic!("{other:?}"),
    }
}
