//! Netconf messages against kernel captures, iproute2 and the live kernel.

mod objects_support;

use netlink_packet_core::{NetlinkFlags, Parseable, RawNla};
use netlink_packet_route::common::AddressFamily;
use netlink_packet_route::netconf::{
    NetconfAttribute, NetconfMessage, NetconfMessageBuffer, NETCONFA_IFINDEX_ALL,
    NETCONFA_IFINDEX_DEFAULT,
};
use netlink_packet_route::{RTM_DELNETCONF, RTM_GETNETCONF, RTM_NEWNETCONF};
use netlink_test_support::{fixtures, ip_json, run_in_netns};
use objects_support::{
    add_veth, assert_reemits, assert_typed_and_reemitted, fixture_link_names, fixture_replies,
    route_fixture_messages, strategies, RouteSocket, VethPair,
};
use proptest::prelude::*;

fn parse(payload: &[u8]) -> NetconfMessage {
    NetconfMessage::parse_payload(payload).unwrap()
}

fn is_untyped(attribute: &NetconfAttribute) -> bool {
    matches!(
        attribute,
        NetconfAttribute::Other(_) | NetconfAttribute::Malformed(_)
    )
}

#[test]
fn every_fixture_netconf_message_is_typed_and_reemits_identically() {
    let messages = route_fixture_messages(&[RTM_NEWNETCONF, RTM_DELNETCONF, RTM_GETNETCONF]);
    // 16 + 16 dumped, 2 dump requests, 8 notifications.
    assert_eq!(messages.len(), 42);
    assert_typed_and_reemitted(&messages, parse, |message| {
        message.attributes.iter().any(is_untyped)
    });
}

fn interface_name(index: i32, names: &dyn Fn(i32) -> String) -> String {
    match index {
        NETCONFA_IFINDEX_ALL => "all".into(),
        NETCONFA_IFINDEX_DEFAULT => "default".into(),
        index => names(index),
    }
}

/// Compares a decoded netconf entry with its `ip -j netconf` line.
fn assert_matches_iproute2(message: &NetconfMessage, json: &serde_json::Value) {
    for attribute in &message.attributes {
        let (key, value) = match attribute {
            NetconfAttribute::Forwarding(v) => ("forwarding", *v),
            NetconfAttribute::McForwarding(v) => ("mc_forwarding", *v),
            NetconfAttribute::ProxyNeigh(v) => ("proxy_neigh", *v),
            NetconfAttribute::IgnoreRoutesWithLinkdown(v) => ("ignore_routes_with_linkdown", *v),
            NetconfAttribute::RpFilter(v) => {
                let mode = match v {
                    0 => "off",
                    1 => "strict",
                    _ => "loose",
                };
                assert_eq!(json["rp_filter"], mode, "{json}");
                continue;
            }
            _ => continue,
        };
        assert_eq!(json[key], value != 0, "{key} in {json}");
    }
}

#[test]
fn dumps_agree_with_iproute2() {
    let names = fixture_link_names();
    let name_of = |index: i32| names[&(index as u64)].clone();
    let oracle = fixtures::oracle("ip_netconf");
    let oracle = oracle.as_array().unwrap();
    let mut compared = 0;
    for (dump, family) in [
        ("rtnl_getnetconf_dump_v4", "inet"),
        ("rtnl_getnetconf_dump_v6", "inet6"),
    ] {
        for message in fixture_replies(dump, &[RTM_NEWNETCONF]) {
            let netconf = parse(&message.payload);
            let interface = interface_name(netconf.ifindex().unwrap(), &name_of);
            let json = oracle
                .iter()
                .find(|json| json["family"] == family && json["interface"] == interface.as_str())
                .unwrap_or_else(|| panic!("{family} {interface} not in ip -j netconf"));
            assert_matches_iproute2(&netconf, json);
            compared += 1;
        }
    }
    assert_eq!(compared, oracle.len());
}

#[test]
fn malformed_attribute_keeps_the_rest_of_the_message() {
    let attributes = [
        RawNla::new(1, 5i32.to_ne_bytes().to_vec()),
        RawNla::new(2, vec![1]),
        RawNla::new(9, 1i32.to_ne_bytes().to_vec()),
    ];
    let payload = strategies::payload(vec![10, 0, 0, 0], &attributes);
    let message = parse(&payload);
    assert_eq!(message.ifindex(), Some(5));
    assert!(
        matches!(&message.attributes[1], NetconfAttribute::Malformed(m)
        if m.error.to_string() == "NETCONFA_FORWARDING: expected 4 bytes, got 1")
    );
    assert_eq!(message.attributes[2], NetconfAttribute::ForceForwarding(1));
    assert_reemits(&message, &payload, "hand-built message");
}

#[test]
fn kernel_netconf_decodes_and_follows_sysctls() {
    run_in_netns("kernel_netconf_decodes_and_follows_sysctls", || {
        let VethPair { name, index, .. } = add_veth("obc", "obd");
        let mut socket = RouteSocket::open();

        // The whole dump agrees with iproute2 in this namespace.
        let dumped = socket.dump_parsed(
            RTM_GETNETCONF,
            &NetconfMessage::new(AddressFamily::Unspec),
            RTM_NEWNETCONF,
            parse,
        );
        let shown = ip_json(&["netconf", "show"]);
        let name_of = |i: i32| {
            let links = ip_json(&["link", "show"]);
            links
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["ifindex"] == i64::from(i))
                .map(|l| l["ifname"].as_str().unwrap().to_owned())
                .unwrap_or_default()
        };
        let mut matched = 0;
        for netconf in &dumped {
            assert!(!netconf.attributes.iter().any(is_untyped), "{netconf:?}");
            let family = match netconf.header.family {
                AddressFamily::Inet => "inet",
                AddressFamily::Inet6 => "inet6",
                _ => continue,
            };
            let interface = interface_name(netconf.ifindex().unwrap(), &name_of);
            if let Some(json) = shown
                .as_array()
                .unwrap()
                .iter()
                .find(|j| j["family"] == family && j["interface"] == interface.as_str())
            {
                assert_matches_iproute2(netconf, json);
                matched += 1;
            }
        }
        assert!(matched >= 6, "{matched} of {dumped:?}");

        // A sysctl change shows up in a GET for the device.
        std::fs::write(format!("/proc/sys/net/ipv4/conf/{name}/rp_filter"), "2")
            .expect("write rp_filter");
        let get = NetconfMessage::new(AddressFamily::Inet)
            .with_attribute(NetconfAttribute::IfIndex(index as i32));
        let replies = socket
            .request(RTM_GETNETCONF, NetlinkFlags::empty(), &get)
            .expect("RTM_GETNETCONF for the device");
        assert_eq!(replies.len(), 1);
        let netconf = parse(&replies[0].1);
        assert_eq!(netconf.ifindex(), Some(index as i32));
        assert!(
            netconf.attributes.contains(&NetconfAttribute::RpFilter(2)),
            "{netconf:?}"
        );
    });
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..100)) {
        if let Ok(view) = NetconfMessageBuffer::new_checked(&bytes[..]) {
            let _ = NetconfMessage::parse(&view);
        }
    }

    #[test]
    fn well_formed_messages_reemit_identically(payload in strategies::message_payload(4, 10)) {
        strategies::check_reemits(&payload, parse)?;
    }
}
