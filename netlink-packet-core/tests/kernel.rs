//! Live-kernel tests of the core types, each in a fresh private network
//! namespace (netlink-test-support `run_in_netns`): dumps, multicast
//! notifications, errors with extended ack, capped and uncapped acks, done
//! codes, and the tokio and smol sockets.

use std::time::{Duration, Instant};

use netlink_packet_core::{
    parse_string, DatagramMessages, NetlinkFlags, NetlinkHeader, NetlinkMessage, NetlinkPayload,
    Nla, NlasIterator, Parseable, RawMessage, RawNla, NLA_HEADER_SIZE,
};
use netlink_sys::{protocols::NETLINK_ROUTE, AsyncSocket, AsyncSocketExt, Socket};
use netlink_test_support::{ip, run_in_netns, skip, unique_name};

const RTM_NEWLINK: u16 = 16;
const RTM_GETLINK: u16 = 18;
const RTM_GETADDR: u16 = 22;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const RTNLGRP_LINK: u32 = 1;
const AF_INET: u8 = 2;
const LOOPBACK_INDEX: i32 = 1;
const ERANGE: i32 = 34;
const EINVAL: i32 = 22;
/// Size of `struct ifinfomsg`.
const IFINFOMSG_LEN: usize = 16;

type Message = NetlinkMessage<RawMessage>;

/// `struct ifinfomsg` for `index` (family AF_UNSPEC, no flag change).
fn ifinfomsg(index: i32) -> Vec<u8> {
    let mut payload = vec![0u8; IFINFOMSG_LEN];
    payload[4..8].copy_from_slice(&index.to_ne_bytes());
    payload
}

/// Appends `attribute` (header, value, padding) to `payload` with the core emitter.
fn push_attribute(payload: &mut Vec<u8>, attribute: &RawNla) {
    let start = payload.len();
    payload.resize(
        start + netlink_packet_core::Emitable::buffer_len(attribute),
        0,
    );
    netlink_packet_core::Emitable::emit(attribute, &mut payload[start..]);
}

/// A serialized request built with the core types.
fn request(message_type: u16, flags: NetlinkFlags, seq: u32, payload: Vec<u8>) -> Vec<u8> {
    let header = NetlinkHeader {
        flags,
        sequence_number: seq,
        ..NetlinkHeader::default()
    };
    let mut message = Message::new(
        header,
        NetlinkPayload::InnerMessage(RawMessage::new(message_type, payload)),
    );
    message.finalize();
    let mut bytes = vec![0u8; message.buffer_len()];
    message.serialize(&mut bytes);
    bytes
}

/// A bound NETLINK_ROUTE socket with extended acks on.
fn route_socket() -> Socket {
    let mut socket = Socket::new(NETLINK_ROUTE).expect("open NETLINK_ROUTE socket");
    socket.bind_auto().expect("bind");
    socket.set_ext_ack(true).expect("NETLINK_EXT_ACK");
    socket
}

/// Decodes every message of one datagram, checking that each re-emits to the
/// exact bytes received.
fn decode_datagram(datagram: &[u8]) -> Vec<Message> {
    DatagramMessages::new(datagram)
        .map(|buffer| {
            let buffer = buffer.expect("kernel datagram walks into messages");
            let message = Message::parse(&buffer).expect("kernel message decodes");
            let mut emitted = vec![0u8; message.buffer_len()];
            message.serialize(&mut emitted);
            let original = &buffer.into_inner()[..emitted.len()];
            assert_eq!(emitted, original, "re-emitted message differs: {message:?}");
            message
        })
        .collect()
}

/// Whether `message` ends the exchange of a request.
fn ends_request(message: &Message) -> bool {
    matches!(
        message.payload,
        NetlinkPayload::Done(_) | NetlinkPayload::Error(_) | NetlinkPayload::Ack(_)
    )
}

/// Sends `bytes` and collects every reply message up to the done, ack or error.
fn exchange(socket: &Socket, bytes: &[u8]) -> Vec<Message> {
    let seq = NetlinkHeader::parse(&netlink_packet_core::NetlinkBuffer::new(bytes))
        .expect("request header")
        .sequence_number;
    let sent = socket.send(bytes, 0).expect("send");
    assert_eq!(sent, bytes.len());
    let port = socket.local_addr().expect("local address").port_number();
    let mut replies = Vec::new();
    let mut buffer = Vec::new();
    loop {
        let received = socket.recv_datagram(&mut buffer).expect("receive");
        assert_eq!(
            received.source.port_number(),
            0,
            "reply not from the kernel"
        );
        assert!(!received.truncated());
        for message in decode_datagram(&buffer[..received.len]) {
            assert_eq!(message.header.sequence_number, seq);
            assert_eq!(message.header.port_number, port);
            let last = ends_request(&message);
            replies.push(message);
            if last {
                return replies;
            }
        }
    }
}

/// The `IFLA_IFNAME` of an `RTM_NEWLINK` payload, read without allocation
/// through `NlasIterator`.
fn link_name(payload: &[u8]) -> Option<String> {
    let attributes = payload.get(IFINFOMSG_LEN..)?;
    NlasIterator::new(attributes)
        .map(|attribute| attribute.expect("valid link attribute"))
        .find(|attribute| attribute.kind() == IFLA_IFNAME)
        .map(|attribute| parse_string(attribute.value()).expect("IFLA_IFNAME is a string"))
}

/// Names of the `RTM_NEWLINK` messages among `messages`.
fn link_names(messages: &[Message]) -> Vec<String> {
    messages
        .iter()
        .filter_map(|message| match &message.payload {
            NetlinkPayload::InnerMessage(inner) if inner.message_type == RTM_NEWLINK => {
                link_name(&inner.payload)
            }
            _ => None,
        })
        .collect()
}

fn link_dump_request(seq: u32) -> Vec<u8> {
    request(
        RTM_GETLINK,
        NetlinkFlags::REQUEST | NetlinkFlags::DUMP,
        seq,
        ifinfomsg(0),
    )
}

#[test]
fn link_dump_sees_only_loopback_and_done_carries_code_zero() {
    run_in_netns(
        "link_dump_sees_only_loopback_and_done_carries_code_zero",
        || {
            let socket = route_socket();
            let replies = exchange(&socket, &link_dump_request(7));
            assert_eq!(link_names(&replies), ["lo"]);
            for reply in &replies[..replies.len() - 1] {
                assert!(reply.header.flags.contains(NetlinkFlags::MULTIPART));
            }
            match &replies.last().expect("replies").payload {
                NetlinkPayload::Done(done) => {
                    assert_eq!(done.code, Some(0));
                    assert!(done.extended_ack.is_empty(), "{:?}", done.extended_ack);
                }
                other => panic!("dump ended with {other:?}"),
            }
        },
    );
}

#[test]
fn strict_dump_with_invalid_header_ends_with_done_error_and_message() {
    run_in_netns(
        "strict_dump_with_invalid_header_ends_with_done_error_and_message",
        || {
            let socket = route_socket();
            socket.set_strict_checking(true).expect("strict checking");
            // struct ifaddrmsg with a prefix length: not allowed in a strict dump.
            let ifaddrmsg = vec![AF_INET, 7, 0, 0, 0, 0, 0, 0];
            let bytes = request(
                RTM_GETADDR,
                NetlinkFlags::REQUEST | NetlinkFlags::DUMP,
                8,
                ifaddrmsg,
            );
            let replies = exchange(&socket, &bytes);
            let last = replies.last().expect("replies");
            assert!(last.header.flags.contains(NetlinkFlags::ACK_TLVS));
            match &last.payload {
                NetlinkPayload::Done(done) => {
                    assert_eq!(done.code, Some(-EINVAL));
                    assert_eq!(
                        done.extended_ack.message.as_deref(),
                        Some("ipv4: Invalid values in header for address dump request")
                    );
                }
                other => panic!("strict dump ended with {other:?}"),
            }
        },
    );
}

#[test]
fn veth_creation_is_notified_to_the_link_group() {
    run_in_netns("veth_creation_is_notified_to_the_link_group", || {
        let socket = route_socket();
        socket
            .add_membership(RTNLGRP_LINK)
            .expect("join RTNLGRP_LINK");
        socket.set_pktinfo(true).expect("NETLINK_PKTINFO");
        assert_eq!(
            socket.list_memberships().expect("memberships"),
            [RTNLGRP_LINK]
        );
        socket.set_non_blocking(true).expect("non-blocking");

        let name = unique_name("tcv");
        let peer = unique_name("tcp");
        ip(&["link", "add", &name, "type", "veth", "peer", "name", &peer]);

        let mut seen = Vec::new();
        let mut buffer = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(10);
        while !(seen.contains(&name) && seen.contains(&peer)) {
            assert!(
                Instant::now() < deadline,
                "no RTM_NEWLINK for {name}/{peer}: {seen:?}"
            );
            let received = match socket.recv_datagram(&mut buffer) {
                Ok(received) => received,
                Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                Err(error) => panic!("receive: {error}"),
            };
            assert_eq!(received.source.port_number(), 0, "not from the kernel");
            assert_eq!(received.group, Some(RTNLGRP_LINK));
            let messages = decode_datagram(&buffer[..received.len]);
            for message in &messages {
                // Link notifications are not answers to a request of ours.
                assert_eq!(message.header.sequence_number, 0);
                assert_eq!(message.header.port_number, 0);
            }
            seen.extend(link_names(&messages));
        }
    });
}

/// `RTM_NEWLINK` on `lo` setting a 2-byte `IFLA_MTU` (the policy wants 4).
fn bad_mtu_request(seq: u32) -> Vec<u8> {
    let mut payload = ifinfomsg(LOOPBACK_INDEX);
    push_attribute(&mut payload, &RawNla::new(IFLA_MTU, vec![0x00, 0x05]));
    request(
        RTM_NEWLINK,
        NetlinkFlags::REQUEST | NetlinkFlags::ACK,
        seq,
        payload,
    )
}

/// Offset of the first attribute of an `RTM_NEWLINK` request.
const FIRST_LINK_ATTRIBUTE: usize = 16 + IFINFOMSG_LEN;

#[test]
fn invalid_attribute_error_decodes_extended_ack_and_offending_bytes() {
    run_in_netns(
        "invalid_attribute_error_decodes_extended_ack_and_offending_bytes",
        || {
            let socket = route_socket();
            let bytes = bad_mtu_request(9);
            let replies = exchange(&socket, &bytes);
            assert_eq!(replies.len(), 1);
            let reply = &replies[0];
            assert!(reply.header.flags.contains(NetlinkFlags::ACK_TLVS));
            assert!(!reply.header.flags.contains(NetlinkFlags::CAPPED));
            let NetlinkPayload::Error(error) = &reply.payload else {
                panic!("expected an error, got {reply:?}");
            };
            assert_eq!(error.errno(), ERANGE);
            assert_eq!(error.raw_code(), -ERANGE);
            let ack = &error.extended_ack;
            assert_eq!(
                ack.message.as_deref(),
                Some("Attribute failed policy validation")
            );
            assert_eq!(ack.offset, Some(FIRST_LINK_ATTRIBUTE as u32));
            assert!(ack.policy.is_some(), "policy of the attribute: {ack:?}");
            // Uncapped: the whole request is echoed, and the offset points at IFLA_MTU.
            assert_eq!(error.header, bytes);
            let offending = error.offending_bytes().expect("offending attribute");
            let attribute = NlasIterator::new(offending)
                .next()
                .expect("one attribute")
                .expect("valid attribute");
            assert_eq!(attribute.kind(), IFLA_MTU);
            assert_eq!(attribute.value(), [0x00, 0x05]);
            assert_eq!(
                offending.len(),
                NLA_HEADER_SIZE + RawNla::new(IFLA_MTU, vec![0; 2]).value_len()
            );
            let text = error.to_string();
            assert!(
                text.contains("Attribute failed policy validation"),
                "{text}"
            );
        },
    );
}

#[test]
fn capped_error_echoes_only_the_header() {
    run_in_netns("capped_error_echoes_only_the_header", || {
        let socket = route_socket();
        socket.set_cap_ack(true).expect("NETLINK_CAP_ACK");
        let bytes = bad_mtu_request(10);
        let replies = exchange(&socket, &bytes);
        let reply = &replies[0];
        assert!(reply.header.flags.contains(NetlinkFlags::CAPPED));
        assert!(reply.header.flags.contains(NetlinkFlags::ACK_TLVS));
        let NetlinkPayload::Error(error) = &reply.payload else {
            panic!("expected an error, got {reply:?}");
        };
        assert_eq!(error.errno(), ERANGE);
        assert_eq!(error.header, bytes[..16]);
        let echoed = error.echoed_header().expect("echoed header");
        assert_eq!(echoed.message_type, RTM_NEWLINK);
        assert_eq!(echoed.sequence_number, 10);
        assert_eq!(echoed.length as usize, bytes.len());
        // The offset points past the echoed bytes; our own copy resolves it.
        assert_eq!(error.offending_bytes(), None);
        let attribute = error
            .extended_ack
            .offending_attribute(&bytes)
            .expect("offending attribute in our request");
        assert_eq!(
            attribute,
            &bytes[FIRST_LINK_ATTRIBUTE..FIRST_LINK_ATTRIBUTE + 6]
        );
    });
}

#[test]
fn success_is_an_ack_not_an_error() {
    run_in_netns("success_is_an_ack_not_an_error", || {
        let socket = route_socket();
        let mut payload = ifinfomsg(LOOPBACK_INDEX);
        push_attribute(
            &mut payload,
            &RawNla::new(IFLA_MTU, 60000u32.to_ne_bytes().to_vec()),
        );
        let bytes = request(
            RTM_NEWLINK,
            NetlinkFlags::REQUEST | NetlinkFlags::ACK,
            11,
            payload,
        );
        let replies = exchange(&socket, &bytes);
        assert_eq!(replies.len(), 1);
        let reply = &replies[0];
        // Success acks are always capped, even without NETLINK_CAP_ACK.
        assert!(reply.header.flags.contains(NetlinkFlags::CAPPED));
        let NetlinkPayload::Ack(ack) = &reply.payload else {
            panic!("expected an ack, got {reply:?}");
        };
        assert!(reply.payload.is_ack() && !reply.payload.is_error());
        assert_eq!(ack.header, bytes[..16]);
        assert!(ack.extended_ack.is_empty());
        let lo = netlink_test_support::ip_json(&["link", "show", "dev", "lo"]);
        assert_eq!(lo[0]["mtu"], 60000);
    });
}

/// Runs a link dump over any async socket and returns the link names.
async fn async_link_dump<S: AsyncSocket>(mut socket: S) -> Vec<String> {
    socket.socket_mut().bind_auto().expect("bind");
    let bytes = link_dump_request(12);
    let sent = socket.send(&bytes).await.expect("async send");
    assert_eq!(sent, bytes.len());
    let mut replies = Vec::new();
    let mut buffer = Vec::new();
    loop {
        let received = socket
            .recv_datagram(&mut buffer)
            .await
            .expect("async receive");
        let messages = decode_datagram(&buffer[..received.len]);
        let done = messages.iter().any(ends_request);
        replies.extend(messages);
        if done {
            break;
        }
    }
    assert!(replies.last().is_some_and(|last| last.payload.is_done()));
    assert!(replies
        .iter()
        .all(|reply| reply.header.sequence_number == 12));
    link_names(&replies)
}

#[test]
fn tokio_socket_completes_a_dump() {
    run_in_netns("tokio_socket_completes_a_dump", || {
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
        {
            Ok(runtime) => runtime,
            Err(error) => {
                skip(&format!("cannot build a tokio runtime: {error}"));
                return;
            }
        };
        let names = runtime.block_on(async {
            let socket = netlink_sys::TokioSocket::new(NETLINK_ROUTE).expect("tokio socket");
            async_link_dump(socket).await
        });
        assert_eq!(names, ["lo"]);
    });
}

#[test]
fn smol_socket_completes_a_dump() {
    run_in_netns("smol_socket_completes_a_dump", || {
        let names = async_io::block_on(async {
            let socket = netlink_sys::SmolSocket::new(NETLINK_ROUTE).expect("smol socket");
            async_link_dump(socket).await
        });
        assert_eq!(names, ["lo"]);
    });
}
