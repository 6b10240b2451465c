//! Every link message captured from a Linux 6.18 kernel (dumps, requests,
//! notifications) decodes with every attribute typed and re-emits
//! byte-identically.

use netlink_packet_core::{Emitable, Parseable};
use netlink_packet_route::link::{
    AfSpecAttribute, Inet6Attribute, InfoData, InfoKind, InfoMacVlan, Ipv4DevConf, Ipv6DevConf,
    LinkAttribute, LinkMessage, LinkMessageBuffer, MacVlanMode, OperState,
};
use netlink_test_support::fixtures;

const LINK_TYPES: [u16; 6] = [16, 17, 18, 19, 108, 109];

/// One netlink message of a fixture file.
struct Message<'a> {
    message_type: u16,
    payload: &'a [u8],
}

fn messages(bytes: &[u8]) -> Vec<Message<'_>> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while rest.len() >= 16 {
        let length = u32::from_ne_bytes(rest[0..4].try_into().unwrap()) as usize;
        let message_type = u16::from_ne_bytes(rest[4..6].try_into().unwrap());
        assert!(length >= 16 && length <= rest.len(), "bad fixture framing");
        out.push(Message {
            message_type,
            payload: &rest[16..length],
        });
        rest = &rest[(length + 3) & !3.min(rest.len())..];
    }
    out
}

/// Every link message payload of every NETLINK_ROUTE fixture, with where it
/// comes from.
fn link_payloads() -> Vec<(String, &'static [u8])> {
    let mut out = Vec::new();
    for entry in fixtures::entries_for_protocol("NETLINK_ROUTE") {
        let files = [
            ("request", entry.request.as_deref()),
            ("response", Some(&entry.response[..])),
        ];
        for (which, bytes) in files {
            let Some(bytes) = bytes else { continue };
            for (index, message) in messages(bytes).into_iter().enumerate() {
                if LINK_TYPES.contains(&message.message_type) && message.payload.len() >= 16 {
                    out.push((format!("{} {which} #{index}", entry.name), message.payload));
                }
            }
        }
    }
    out
}

fn parse(payload: &[u8]) -> LinkMessage {
    LinkMessage::parse(&LinkMessageBuffer::new_checked(payload).unwrap()).unwrap()
}

fn emit(message: &LinkMessage) -> Vec<u8> {
    let mut bytes = vec![0xAA; message.buffer_len()];
    message.emit(&mut bytes);
    bytes
}

/// Names the catch-all (`Other(RawNla)`) and malformed attributes anywhere
/// in the message, nested ones included.
fn untyped(message: &LinkMessage) -> Vec<String> {
    let text = format!("{message:#?}");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| {
            (pair[0] == "Other(" && pair[1].starts_with("RawNla {")) || pair[0] == "Malformed("
        })
        .map(|(number, pair)| format!("line {number}: {} {}", pair[0], pair[1]))
        .collect()
}

#[test]
fn untyped_detector_sees_nested_catch_alls() {
    // IFLA_LINKINFO { IFLA_INFO_KIND "veth", unknown type 9 } and IFLA_MTU of 2 bytes.
    let mut payload = vec![0u8; 16];
    payload.extend_from_slice(&[24, 0, 18, 0, 9, 0, 1, 0, b'v', b'e', b't', b'h', 0, 0, 0, 0]);
    payload.extend_from_slice(&[8, 0, 9, 0, 1, 2, 3, 4]);
    payload.extend_from_slice(&[6, 0, 4, 0, 1, 2, 0, 0]);
    let message = parse(&payload);
    assert_eq!(emit(&message), payload);
    assert_eq!(untyped(&message).len(), 2, "{message:#?}");
}

#[test]
fn every_captured_link_message_round_trips_byte_identically() {
    let payloads = link_payloads();
    assert!(
        payloads.len() >= 56,
        "only {} link messages found",
        payloads.len()
    );
    for (origin, payload) in payloads {
        let message = parse(payload);
        assert_eq!(emit(&message), payload, "{origin}: re-emitted bytes differ");
    }
}

#[test]
fn every_captured_link_attribute_is_typed() {
    for (origin, payload) in link_payloads() {
        let message = parse(payload);
        let untyped = untyped(&message);
        if origin.starts_with("rtnl_newlink_bad_attr_policy request") {
            // IFLA_MTU with a 2-byte value: kept raw with its error.
            let malformed: Vec<_> = message.malformed().collect();
            assert_eq!(malformed.len(), 1, "{origin}: {message:#?}");
            assert_eq!(malformed[0].raw.kind, 4);
            assert_eq!(
                malformed[0].error.to_string(),
                "IFLA_MTU: expected 4 bytes, got 2"
            );
            continue;
        }
        assert!(
            untyped.is_empty(),
            "{origin}: untyped attributes {untyped:?}\n{message:#?}"
        );
    }
}

#[test]
fn lazy_view_agrees_with_owned_message() {
    for (origin, payload) in link_payloads() {
        let view = LinkMessageBuffer::new_checked(payload).unwrap();
        let message = parse(payload);
        assert_eq!(view.index(), message.header.index, "{origin}");
        assert_eq!(view.name(), message.name(), "{origin}");
        assert_eq!(view.mtu(), message.mtu(), "{origin}");
        assert_eq!(view.master(), message.master(), "{origin}");
        assert_eq!(view.operstate(), message.operstate(), "{origin}");
        assert_eq!(view.alias(), message.alias(), "{origin}");
        assert_eq!(
            view.kind(),
            message.kind().map(InfoKind::as_str),
            "{origin}"
        );
        assert_eq!(
            view.slave_kind(),
            message.slave_kind().map(InfoKind::as_str),
            "{origin}"
        );
        assert_eq!(
            view.address(),
            message.address().map(|address| address.as_bytes()),
            "{origin}"
        );
        assert!(view.alt_names().eq(message.alt_names()), "{origin}");
    }
}

#[test]
fn dump_decodes_known_values() {
    let entry = fixtures::entry("rtnl_getlink_dump");
    let links: Vec<LinkMessage> = messages(&entry.response)
        .into_iter()
        .filter(|message| message.message_type == 16)
        .map(|message| parse(message.payload))
        .collect();
    assert_eq!(links.len(), 14);

    let lo = links.iter().find(|link| link.name() == Some("lo")).unwrap();
    assert_eq!(lo.header.index, 1);
    assert_eq!(lo.mtu(), Some(65536));
    assert!(lo.attributes.contains(&LinkAttribute::NetnsImmutable(1)));

    let v1 = links
        .iter()
        .find(|link| link.name() == Some("fa-v1"))
        .unwrap();
    assert_eq!(v1.mtu(), Some(9000));
    assert_eq!(v1.kind(), Some(&InfoKind::Veth));
    assert_eq!(v1.address().unwrap().to_string(), "02:fa:00:00:01:01");
    let af_spec = v1
        .attributes
        .iter()
        .find_map(|attribute| match attribute {
            LinkAttribute::AfSpec(spec) => Some(spec),
            _ => None,
        })
        .unwrap();
    let mut saw_inet = false;
    let mut saw_inet6 = false;
    for family in af_spec.iter() {
        match family {
            AfSpecAttribute::Inet(attributes) => {
                saw_inet = true;
                let netlink_packet_route::link::InetAttribute::Conf(conf) = &attributes[0] else {
                    panic!("no IFLA_INET_CONF: {attributes:?}");
                };
                assert_eq!(conf.len(), 33);
                assert!(conf.get(Ipv4DevConf::ArpEvictNocarrier).is_some());
            }
            AfSpecAttribute::Inet6(attributes) => {
                saw_inet6 = true;
                let conf = attributes
                    .iter()
                    .find_map(|attribute| match attribute {
                        Inet6Attribute::Conf(conf) => Some(conf),
                        _ => None,
                    })
                    .unwrap();
                assert_eq!(conf.get(Ipv6DevConf::Mtu6), Some(9000));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(saw_inet && saw_inet6);

    let mv0 = links
        .iter()
        .find(|link| link.name() == Some("fa-mv0"))
        .unwrap();
    let Some(InfoData::MacVlan(data)) = mv0.info_data() else {
        panic!("no macvlan data: {mv0:?}");
    };
    assert!(data.contains(&InfoMacVlan::Mode(MacVlanMode::Bridge)));
    let mv1 = links
        .iter()
        .find(|link| link.name() == Some("fa-mv1"))
        .unwrap();
    let Some(InfoData::MacVlan(data)) = mv1.info_data() else {
        panic!("no macvlan data: {mv1:?}");
    };
    assert!(data.contains(&InfoMacVlan::Mode(MacVlanMode::Private)));

    for link in &links {
        assert!(link.operstate().is_some());
        assert_ne!(link.operstate(), Some(OperState::Other(255)));
    }
}
