//! Rule messages against kernel captures, iproute2 and the live kernel.

mod objects_support;

use netlink_packet_core::{NetlinkFlags, Parseable, RawNla};
use netlink_packet_route::common::{AddressFamily, RouteProtocol, RouteTable};
use netlink_packet_route::rule::{
    RuleAction, RuleAttribute, RuleFlags, RuleHeader, RuleMessage, RuleMessageBuffer,
    RulePortRange, RuleUidRange,
};
use netlink_packet_route::{RTM_DELRULE, RTM_GETRULE, RTM_NEWRULE};
use netlink_test_support::{fixtures, ip_json, run_in_netns};
use objects_support::{
    assert_reemits, assert_typed_and_reemitted, fixture_replies, route_fixture_messages,
    strategies, RouteSocket,
};
use proptest::prelude::*;

fn parse(payload: &[u8]) -> RuleMessage {
    RuleMessage::parse_payload(payload).unwrap()
}

fn is_untyped(attribute: &RuleAttribute) -> bool {
    matches!(
        attribute,
        RuleAttribute::Other(_) | RuleAttribute::Malformed(_)
    )
}

#[test]
fn every_fixture_rule_message_is_typed_and_reemits_identically() {
    let messages = route_fixture_messages(&[RTM_NEWRULE, RTM_DELRULE, RTM_GETRULE]);
    assert_eq!(messages.len(), 16, "10 + 4 rules and 2 dump requests");
    assert_typed_and_reemitted(&messages, parse, |message| {
        message.attributes.iter().any(is_untyped)
    });
}

fn attribute<T>(rule: &RuleMessage, pick: impl Fn(&RuleAttribute) -> Option<T>) -> Option<T> {
    rule.attributes.iter().find_map(pick)
}

/// Compares one decoded rule with its `ip -j rule` line.
fn assert_rule_matches(rule: &RuleMessage, json: &serde_json::Value) {
    let what = format!("{json}");
    // The kernel leaves FRA_PRIORITY out for priority 0.
    assert_eq!(
        json["priority"].as_u64(),
        Some(u64::from(rule.priority().unwrap_or(0))),
        "{what}"
    );
    match rule.source() {
        Some(source) => {
            assert_eq!(json["src"], source.to_string(), "{what}");
            assert_eq!(json["srclen"], rule.header.src_len, "{what}");
        }
        None => assert_eq!(json["src"], "all", "{what}"),
    }
    match rule.destination() {
        Some(destination) => {
            assert_eq!(json["dst"], destination.to_string(), "{what}");
            assert_eq!(json["dstlen"], rule.header.dst_len, "{what}");
        }
        None => assert!(json.get("dst").is_none(), "{what}"),
    }
    assert_eq!(json["table"], rule.table().to_string(), "{what}");
    let fwmark = attribute(rule, |a| match a {
        RuleAttribute::FwMark(mark) => Some(format!("{mark:#x}")),
        _ => None,
    });
    assert_eq!(json["fwmark"].as_str(), fwmark.as_deref(), "{what}");
    let fwmask = attribute(rule, |a| match a {
        RuleAttribute::FwMask(mask) if *mask != u32::MAX => Some(format!("{mask:#x}")),
        _ => None,
    });
    assert_eq!(json["fwmask"].as_str(), fwmask.as_deref(), "{what}");
    let iif = attribute(rule, |a| match a {
        RuleAttribute::IifName(name) => Some(name.clone()),
        _ => None,
    });
    assert_eq!(json["iif"].as_str(), iif.as_deref(), "{what}");
    let oif = attribute(rule, |a| match a {
        RuleAttribute::OifName(name) => Some(name.clone()),
        _ => None,
    });
    assert_eq!(json["oif"].as_str(), oif.as_deref(), "{what}");
    let suppress = attribute(rule, |a| match a {
        RuleAttribute::SuppressPrefixLen(len) if *len != u32::MAX => Some(u64::from(*len)),
        _ => None,
    });
    assert_eq!(json["suppress_prefixlen"].as_u64(), suppress, "{what}");
    let tos = (rule.header.tos != 0).then(|| format!("{:#x}", rule.header.tos));
    assert_eq!(json["tos"].as_str(), tos.as_deref(), "{what}");
    assert_eq!(rule.header.action, RuleAction::ToTable, "{what}");
}

#[test]
fn dumps_agree_with_iproute2() {
    for (dump, oracle, family) in [
        ("rtnl_getrule_dump_v4", "ip_rule_v4", AddressFamily::Inet),
        ("rtnl_getrule_dump_v6", "ip_rule_v6", AddressFamily::Inet6),
    ] {
        let rules = fixture_replies(dump, &[RTM_NEWRULE]);
        let oracle = fixtures::oracle(oracle);
        let oracle = oracle.as_array().unwrap();
        assert_eq!(rules.len(), oracle.len(), "{dump}");
        for (message, json) in rules.iter().zip(oracle) {
            let rule = parse(&message.payload);
            assert_eq!(rule.header.family, family);
            assert_rule_matches(&rule, json);
        }
    }
}

#[test]
fn malformed_attribute_keeps_the_rest_of_the_message() {
    let attributes = [
        RawNla::new(6, 1000u32.to_ne_bytes().to_vec()),
        // FRA_UID_RANGE of 4 bytes instead of 8
        RawNla::new(20, vec![1, 0, 0, 0]),
        // FRA_IIFNAME without its NUL
        RawNla::new(3, b"eth0".to_vec()),
        RawNla::new(15, 100u32.to_ne_bytes().to_vec()),
    ];
    let payload = strategies::payload(vec![2, 0, 24, 0, 100, 0, 0, 1, 0, 0, 0, 0], &attributes);
    let rule = parse(&payload);
    assert_eq!(rule.priority(), Some(1000));
    assert_eq!(rule.table(), RouteTable(100));
    let errors: Vec<String> = rule
        .attributes
        .iter()
        .filter_map(|a| match a {
            RuleAttribute::Malformed(m) => Some(m.error.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(
        errors,
        [
            "FRA_UID_RANGE: expected 8 bytes of struct fib_rule_uid_range, got 4",
            "FRA_IIFNAME: string is not NUL-terminated"
        ]
    );
    assert_reemits(&rule, &payload, "hand-built rule");
}

fn dump_rules(socket: &mut RouteSocket, family: AddressFamily) -> Vec<RuleMessage> {
    let request = RuleMessage::new(RuleHeader {
        family,
        ..RuleHeader::default()
    });
    socket.dump_parsed(RTM_GETRULE, &request, RTM_NEWRULE, parse)
}

#[test]
fn kernel_accepts_rules_built_here() {
    run_in_netns("kernel_accepts_rules_built_here", || {
        let mut socket = RouteSocket::open();
        let create = NetlinkFlags::CREATE | NetlinkFlags::EXCL;
        // Without privilege the test runs in a user namespace that maps only
        // UID 0: other UIDs are invalid there (EINVAL).
        let uids = if netlink_test_support::is_namespace_child() {
            RuleUidRange { start: 0, end: 0 }
        } else {
            RuleUidRange {
                start: 1000,
                end: 2000,
            }
        };

        // Many selectors, a table id above 255 (RT_TABLE_COMPAT in the header).
        let selectors = RuleMessage::new_ipv4(RuleAction::ToTable)
            .with_source("10.99.0.0".parse().unwrap(), 16)
            .with_destination("10.98.0.0".parse().unwrap(), 24)
            .with_table(RouteTable(1234))
            .with_attribute(RuleAttribute::Priority(5000))
            .with_attribute(RuleAttribute::FwMark(0x20))
            .with_attribute(RuleAttribute::FwMask(0xff))
            .with_attribute(RuleAttribute::IifName("lo".into()))
            .with_attribute(RuleAttribute::IpProtocol(6))
            .with_attribute(RuleAttribute::SourcePortRange(RulePortRange {
                start: 1000,
                end: 2000,
            }))
            .with_attribute(RuleAttribute::DestinationPortRange(RulePortRange {
                start: 443,
                end: 443,
            }))
            .with_attribute(RuleAttribute::UidRange(uids))
            .with_attribute(RuleAttribute::TunnelId(7))
            .with_attribute(RuleAttribute::Protocol(RouteProtocol::Static))
            .with_attribute(RuleAttribute::SuppressPrefixLen(8));
        assert_eq!(selectors.header.table, 252);
        selectors.validate().unwrap();
        socket.change(RTM_NEWRULE, create, &selectors);

        // Newer selectors (Linux 6.12+ / 6.15+): DSCP with mask, port masks.
        let newer = RuleMessage::new_ipv4(RuleAction::ToTable)
            .with_table(RouteTable(200))
            .with_attribute(RuleAttribute::Priority(5001))
            .with_attribute(RuleAttribute::Dscp(0x08))
            .with_attribute(RuleAttribute::DscpMask(0x38))
            .with_attribute(RuleAttribute::IpProtocol(17))
            .with_attribute(RuleAttribute::DestinationPortRange(RulePortRange {
                start: 0x1200,
                end: 0x1200,
            }))
            .with_attribute(RuleAttribute::DestinationPortMask(0xff00))
            .with_attribute(RuleAttribute::SourcePortRange(RulePortRange {
                start: 0x0034,
                end: 0x0034,
            }))
            .with_attribute(RuleAttribute::SourcePortMask(0x00ff));
        socket.change(RTM_NEWRULE, create, &newer);

        // IPv6: flow label with mask, a realm, a goto and a blackhole.
        let v6 = RuleMessage::new_ipv6(RuleAction::ToTable)
            .with_source("2001:db8:99::".parse().unwrap(), 48)
            .with_table(RouteTable(300))
            .with_attribute(RuleAttribute::Priority(6000))
            .with_attribute(RuleAttribute::FlowLabel(0x12345))
            .with_attribute(RuleAttribute::FlowLabelMask(0xfffff))
            .with_attribute(RuleAttribute::OifName("lo".into()));
        socket.change(RTM_NEWRULE, create, &v6);
        let goto = RuleMessage::new_ipv6(RuleAction::Goto)
            .with_attribute(RuleAttribute::Priority(5900))
            .with_attribute(RuleAttribute::Goto(6000));
        socket.change(RTM_NEWRULE, create, &goto);
        let blackhole = RuleMessage::new_ipv6(RuleAction::Blackhole)
            .with_attribute(RuleAttribute::Priority(6100))
            .with_attribute(RuleAttribute::FwMark(9));
        socket.change(RTM_NEWRULE, create, &blackhole);
        let l3mdev = RuleMessage::new_ipv4(RuleAction::ToTable)
            .with_attribute(RuleAttribute::Priority(900))
            .with_attribute(RuleAttribute::L3MDev(1));
        socket.change(RTM_NEWRULE, create, &l3mdev);

        // iproute2 shows what it knows of them.
        let shown = ip_json(&["-4", "rule", "show"]);
        let json = shown
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["priority"] == 5000)
            .expect("rule 5000 listed");
        assert_eq!(json["src"], "10.99.0.0");
        assert_eq!(json["srclen"], 16);
        assert_eq!(json["dst"], "10.98.0.0");
        assert_eq!(json["dstlen"], 24);
        assert_eq!(json["table"], "1234");
        assert_eq!(json["fwmark"], "0x20");
        assert_eq!(json["fwmask"], "0xff");
        assert_eq!(json["iif"], "lo");
        assert_eq!(json["ipproto"], "tcp");
        assert_eq!(json["sport_start"], 1000);
        assert_eq!(json["sport_end"], 2000);
        assert_eq!(json["dport"], 443);
        assert_eq!(json["uid_start"], uids.start);
        assert_eq!(json["uid_end"], uids.end);
        assert_eq!(json["tun_id"], 7);
        assert_eq!(json["protocol"], "static");
        assert_eq!(json["suppress_prefixlen"], 8);
        assert!(shown
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["priority"] == 900 && r.get("l3mdev").is_some()));
        let shown6 = ip_json(&["-6", "rule", "show"]);
        let goto_json = shown6
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["priority"] == 5900)
            .expect("goto rule listed");
        assert_eq!(goto_json["goto"], 6000);
        let blackhole_json = shown6
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["priority"] == 6100)
            .expect("blackhole rule listed");
        assert_eq!(blackhole_json["action"], "blackhole");

        // The kernel echoes every selector with the numbering used here.
        let v4_rules = dump_rules(&mut socket, AddressFamily::Inet);
        let dumped = v4_rules
            .iter()
            .find(|r| r.priority() == Some(5000))
            .unwrap();
        assert_eq!(dumped.table(), RouteTable(1234));
        for expected in &selectors.attributes {
            assert!(
                dumped.attributes.contains(expected),
                "{expected:?} missing in {dumped:?}"
            );
        }
        let dumped = v4_rules
            .iter()
            .find(|r| r.priority() == Some(5001))
            .unwrap();
        for expected in &newer.attributes {
            assert!(
                dumped.attributes.contains(expected),
                "{expected:?} missing in {dumped:?}"
            );
        }
        let v6_rules = dump_rules(&mut socket, AddressFamily::Inet6);
        let dumped = v6_rules
            .iter()
            .find(|r| r.priority() == Some(6000))
            .unwrap();
        for expected in &v6.attributes {
            assert!(
                dumped.attributes.contains(expected),
                "{expected:?} missing in {dumped:?}"
            );
        }
        let dumped = v6_rules
            .iter()
            .find(|r| r.priority() == Some(5900))
            .unwrap();
        assert_eq!(dumped.header.action, RuleAction::Goto);
        assert!(dumped.attributes.contains(&RuleAttribute::Goto(6000)));
        assert!(!dumped.header.flags.contains(RuleFlags::UNRESOLVED));
        for rule in v4_rules.iter().chain(&v6_rules) {
            assert!(!rule.attributes.iter().any(is_untyped), "{rule:?}");
        }

        // Deleting by the same bodies.
        for request in [&selectors, &newer, &v6, &goto, &blackhole, &l3mdev] {
            socket.change(RTM_DELRULE, NetlinkFlags::empty(), request);
        }
        let left = dump_rules(&mut socket, AddressFamily::Unspec);
        assert!(left
            .iter()
            .all(|r| ![5000, 5001, 6000, 5900, 6100, 900].contains(&r.priority().unwrap_or(0))));
        // Only the default rules remain (plus the multicast routing ones,
        // families RTNL_FAMILY_IPMR and RTNL_FAMILY_IP6MR).
        let unicast = left
            .iter()
            .filter(|r| matches!(r.header.family, AddressFamily::Inet | AddressFamily::Inet6))
            .count();
        assert_eq!(unicast, 5, "{left:?}");
    });
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(view) = RuleMessageBuffer::new_checked(&bytes[..]) {
            let _ = RuleMessage::parse(&view);
        }
    }

    #[test]
    fn well_formed_messages_reemit_identically(payload in strategies::message_payload(12, 31)) {
        strategies::check_reemits(&payload, parse)?;
    }
}
