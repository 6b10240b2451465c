//! Namespace id messages against kernel captures, iproute2 and the live
//! kernel.

mod objects_support;

use std::os::fd::AsRawFd;

use netlink_packet_core::{NetlinkFlags, Parseable, RawNla};
use netlink_packet_route::nsid::{NsIdAttribute, NsIdMessage, NsIdMessageBuffer};
use netlink_packet_route::{RTM_DELNSID, RTM_GETNSID, RTM_NEWNSID};
use netlink_test_support::{fixtures, ip_json, run_in_netns, skip, NamedNetns};
use objects_support::{
    assert_reemits, assert_typed_and_reemitted, route_fixture_messages, strategies, RouteSocket,
};
use proptest::prelude::*;

fn parse(payload: &[u8]) -> NsIdMessage {
    NsIdMessage::parse_payload(payload).unwrap()
}

#[test]
fn every_fixture_nsid_message_is_typed_and_reemits_identically() {
    let messages = route_fixture_messages(&[RTM_NEWNSID, RTM_DELNSID, RTM_GETNSID]);
    assert_eq!(messages.len(), 2, "one id and its dump request");
    assert_typed_and_reemitted(&messages, parse, |message| {
        message
            .attributes
            .iter()
            .any(|a| matches!(a, NsIdAttribute::Other(_) | NsIdAttribute::Malformed(_)))
    });
}

#[test]
fn dump_agrees_with_iproute2() {
    let oracle = fixtures::oracle("ip_netns_list_id");
    let dumped = route_fixture_messages(&[RTM_NEWNSID]);
    let ids: Vec<i64> = dumped
        .iter()
        .map(|message| i64::from(parse(&message.payload).nsid().unwrap()))
        .collect();
    let shown: Vec<i64> = oracle
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["nsid"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, shown);
    assert_eq!(ids, [42]);
}

#[test]
fn malformed_attribute_keeps_the_rest_of_the_message() {
    let attributes = [
        RawNla::new(1, vec![7, 0]),
        RawNla::new(2, 99u32.to_ne_bytes().to_vec()),
    ];
    let payload = strategies::payload(vec![0; 4], &attributes);
    let message = parse(&payload);
    assert!(matches!(&message.attributes[0], NsIdAttribute::Malformed(m)
        if m.error.to_string() == "NETNSA_NSID: expected 4 bytes, got 2"));
    assert_eq!(message.attributes[1], NsIdAttribute::Pid(99));
    assert_reemits(&message, &payload, "hand-built message");
}

#[test]
fn kernel_assigns_ids_built_here() {
    run_in_netns("kernel_assigns_ids_built_here", || {
        let other = match NamedNetns::create("obns") {
            Ok(other) => other,
            Err(reason) => {
                skip(&format!("cannot create a named namespace: {reason}"));
                return;
            }
        };
        let file = std::fs::File::open(other.path()).expect("open the namespace");
        let fd = file.as_raw_fd() as u32;
        let mut socket = RouteSocket::open();

        let request = NsIdMessage::default()
            .with_attribute(NsIdAttribute::Fd(fd))
            .with_attribute(NsIdAttribute::NsId(17));
        socket.change(RTM_NEWNSID, NetlinkFlags::empty(), &request);

        let shown = ip_json(&["netns", "list-id"]);
        assert_eq!(shown[0]["nsid"], 17, "{shown}");
        assert_eq!(shown[0]["name"], other.name());

        // Dump.
        let dumped: Vec<NsIdMessage> = socket
            .dump(RTM_GETNSID, &NsIdMessage::default(), RTM_NEWNSID)
            .iter()
            .map(|payload| parse(payload))
            .collect();
        assert_eq!(dumped.len(), 1);
        assert_eq!(dumped[0].nsid(), Some(17));

        // Get by file descriptor.
        let get = NsIdMessage::default().with_attribute(NsIdAttribute::Fd(fd));
        let replies = socket
            .request(RTM_GETNSID, NetlinkFlags::empty(), &get)
            .expect("RTM_GETNSID by fd");
        assert_eq!(replies.len(), 1);
        assert_eq!(replies[0].0, RTM_NEWNSID);
        assert_eq!(parse(&replies[0].1).nsid(), Some(17));
    });
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..100)) {
        if let Ok(view) = NsIdMessageBuffer::new_checked(&bytes[..]) {
            let _ = NsIdMessage::parse(&view);
        }
    }

    #[test]
    fn well_formed_messages_reemit_identically(payload in strategies::message_payload(4, 6)) {
        strategies::check_reemits(&payload, parse)?;
    }
}
