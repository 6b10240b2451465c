//! Address label messages against iproute2 and the live kernel (the
//! fixtures hold none).

mod objects_support;

use std::net::Ipv6Addr;

use netlink_packet_core::{NetlinkFlags, Parseable, RawNla};
use netlink_packet_route::address_label::{
    AddressLabelAttribute, AddressLabelMessage, AddressLabelMessageBuffer,
};
use netlink_packet_route::common::AddressFamily;
use netlink_packet_route::{RTM_DELADDRLABEL, RTM_GETADDRLABEL, RTM_NEWADDRLABEL};
use netlink_test_support::{ip_json, run_in_netns};
use objects_support::{assert_reemits, strategies, RouteSocket};
use proptest::prelude::*;

fn parse(payload: &[u8]) -> AddressLabelMessage {
    AddressLabelMessage::parse_payload(payload).unwrap()
}

fn dump(socket: &mut RouteSocket) -> Vec<AddressLabelMessage> {
    // The handler is registered for AF_INET6 only (AF_UNSPEC: EOPNOTSUPP).
    let mut request = AddressLabelMessage::default();
    request.header.family = AddressFamily::Inet6;
    socket
        .dump(RTM_GETADDRLABEL, &request, RTM_NEWADDRLABEL)
        .iter()
        .map(|payload| {
            let message = parse(payload);
            assert_reemits(&message, payload, "kernel address label");
            message
        })
        .collect()
}

#[test]
fn kernel_labels_decode_and_accept_new_ones() {
    run_in_netns("kernel_labels_decode_and_accept_new_ones", || {
        let mut socket = RouteSocket::open();

        // The default policy table agrees with `ip addrlabel`.
        let labels = dump(&mut socket);
        let shown = ip_json(&["addrlabel", "list"]);
        let shown = shown.as_array().unwrap();
        assert_eq!(labels.len(), shown.len());
        for (label, json) in labels.iter().zip(shown) {
            assert!(label.attributes.iter().all(|a| !matches!(
                a,
                AddressLabelAttribute::Other(_) | AddressLabelAttribute::Malformed(_)
            )));
            assert_eq!(json["address"], label.address().unwrap().to_string());
            assert_eq!(json["prefixlen"], label.header.prefix_len);
            assert_eq!(json["label"].as_u64(), label.label().map(u64::from));
        }

        // A label built here.
        let prefix: Ipv6Addr = "2001:db8:55::".parse().unwrap();
        let request = AddressLabelMessage::new(prefix, 48, 99);
        socket.change(
            RTM_NEWADDRLABEL,
            NetlinkFlags::CREATE | NetlinkFlags::EXCL,
            &request,
        );
        let shown = ip_json(&["addrlabel", "list"]);
        assert!(
            shown
                .as_array()
                .unwrap()
                .iter()
                .any(|json| json["address"] == "2001:db8:55::"
                    && json["prefixlen"] == 48
                    && json["label"] == 99),
            "{shown}"
        );
        let labels = dump(&mut socket);
        assert!(labels
            .iter()
            .any(|l| l.address() == Some(prefix) && l.label() == Some(99)));

        socket.change(RTM_DELADDRLABEL, NetlinkFlags::empty(), &request);
        assert!(dump(&mut socket)
            .iter()
            .all(|l| l.address() != Some(prefix)));
    });
}

#[test]
fn malformed_attribute_keeps_the_rest_of_the_message() {
    let attributes = [
        RawNla::new(1, vec![0x20, 1]),
        RawNla::new(2, 7u32.to_ne_bytes().to_vec()),
    ];
    let payload = strategies::payload(vec![10, 0, 32, 0, 0, 0, 0, 0, 9, 0, 0, 0], &attributes);
    let message = parse(&payload);
    assert_eq!(message.header.seq, 9);
    assert_eq!(message.label(), Some(7));
    assert!(
        matches!(&message.attributes[0], AddressLabelAttribute::Malformed(m)
        if m.error.to_string() == "IFAL_ADDRESS: expected 16 bytes, got 2")
    );
    assert_reemits(&message, &payload, "hand-built message");
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..100)) {
        if let Ok(view) = AddressLabelMessageBuffer::new_checked(&bytes[..]) {
            let _ = AddressLabelMessage::parse(&view);
        }
    }

    #[test]
    fn well_formed_messages_reemit_identically(payload in strategies::message_payload(12, 3)) {
        strategies::check_reemits(&payload, parse)?;
    }
}
