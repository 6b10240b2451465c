//! Checks of the fixtures loader against the manifest and the raw bytes.

use netlink_test_support::fixtures::{self, Kind};

const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const NLM_F_CAPPED: u16 = 0x100;
const NLM_F_ACK_TLVS: u16 = 0x200;

/// A netlink header read straight from bytes, independent of the crates under test.
struct RawHeader {
    len: usize,
    message_type: u16,
    flags: u16,
    seq: u32,
}

fn header_at(bytes: &[u8], offset: usize) -> RawHeader {
    let field = |at: usize, n: usize| &bytes[offset + at..offset + at + n];
    RawHeader {
        len: u32::from_ne_bytes(field(0, 4).try_into().unwrap()) as usize,
        message_type: u16::from_ne_bytes(field(4, 2).try_into().unwrap()),
        flags: u16::from_ne_bytes(field(6, 2).try_into().unwrap()),
        seq: u32::from_ne_bytes(field(8, 4).try_into().unwrap()),
    }
}

/// Splits one datagram into (offset, header) pairs, checking alignment and bounds.
fn walk(datagram: &[u8], what: &str) -> Vec<(usize, RawHeader)> {
    let mut messages = Vec::new();
    let mut offset = 0;
    while offset < datagram.len() {
        assert!(
            datagram.len() - offset >= 16,
            "{what}: short header at {offset}"
        );
        let header = header_at(datagram, offset);
        assert!(
            header.len >= 16 && offset + header.len <= datagram.len(),
            "{what}: bad nlmsg_len {} at {offset}",
            header.len
        );
        let next = offset + header.len.div_ceil(4) * 4;
        messages.push((offset, header));
        offset = next.min(datagram.len());
    }
    messages
}

#[test]
fn manifest_entries_are_all_loaded() {
    let manifest_entries = fixtures::manifest()["entries"].as_array().unwrap();
    assert_eq!(fixtures::entries().len(), manifest_entries.len());
    assert_eq!(fixtures::entries().len(), 73);
    for (entry, json) in fixtures::entries().iter().zip(manifest_entries) {
        assert_eq!(entry.name, json["name"].as_str().unwrap());
        assert_eq!(&entry.json, json);
        assert_eq!(
            entry.response.len(),
            json["response"]["bytes"].as_u64().unwrap() as usize
        );
        match entry.kind {
            Kind::Multicast => assert!(entry.request.is_none(), "{}", entry.name),
            Kind::Dump | Kind::Request => {
                let request = entry.request.as_ref().expect("request bytes");
                assert_eq!(
                    request.len(),
                    json["request"]["bytes"].as_u64().unwrap() as usize
                );
            }
        }
    }
    assert!(fixtures::find_entry("no_such_fixture").is_none());
}

#[test]
fn datagrams_split_into_whole_messages() {
    for entry in fixtures::entries() {
        let datagrams = entry.response_datagrams();
        assert_eq!(
            datagrams.len(),
            entry.datagram_sizes.len(),
            "{}",
            entry.name
        );
        let mut message_count = 0;
        for (datagram, size) in datagrams.iter().zip(&entry.datagram_sizes) {
            assert_eq!(datagram.len(), *size);
            message_count += walk(datagram, &entry.name).len();
        }
        assert_eq!(message_count, entry.message_count, "{}", entry.name);
        assert_eq!(
            entry.message_types.values().sum::<usize>(),
            entry.message_count,
            "{}",
            entry.name
        );
    }
}

#[test]
fn request_messages_match_the_request_bytes() {
    for entry in fixtures::entries() {
        let Some(request) = &entry.request else {
            assert!(entry.request_messages.is_empty());
            continue;
        };
        let walked = walk(request, &entry.name);
        assert_eq!(walked.len(), entry.request_messages.len(), "{}", entry.name);
        for ((offset, header), expected) in walked.iter().zip(&entry.request_messages) {
            assert_eq!(*offset, expected.offset, "{}", entry.name);
            assert_eq!(header.len, expected.len, "{}", entry.name);
            assert_eq!(header.message_type, expected.message_type, "{}", entry.name);
            assert_eq!(header.flags, expected.flags, "{}", entry.name);
            assert_eq!(header.seq, expected.seq, "{}", entry.name);
        }
    }
}

#[test]
fn expected_errors_match_the_error_messages_in_the_bytes() {
    let mut checked = 0;
    for entry in fixtures::entries() {
        let errors: Vec<(RawHeader, i32, RawHeader)> = entry
            .response_datagrams()
            .into_iter()
            .flat_map(|datagram| {
                walk(datagram, &entry.name)
                    .into_iter()
                    .filter(|(_, header)| header.message_type == NLMSG_ERROR)
                    .map(move |(offset, header)| {
                        let code = i32::from_ne_bytes(
                            datagram[offset + 16..offset + 20].try_into().unwrap(),
                        );
                        let echoed = header_at(datagram, offset + 20);
                        (header, code, echoed)
                    })
            })
            .collect();
        assert_eq!(errors.len(), entry.errors.len(), "{}", entry.name);
        for ((header, code, echoed), expected) in errors.iter().zip(&entry.errors) {
            assert_eq!(*code, expected.error, "{}", entry.name);
            assert_eq!(header.seq, expected.seq, "{}", entry.name);
            assert_eq!(
                header.flags & NLM_F_CAPPED != 0,
                expected.capped,
                "{}",
                entry.name
            );
            assert_eq!(
                header.flags & NLM_F_ACK_TLVS != 0,
                expected.ack_tlvs,
                "{}",
                entry.name
            );
            assert_eq!(expected.is_ack(), *code == 0);
            assert_eq!(echoed.len as u32, expected.orig.len, "{}", entry.name);
            assert_eq!(
                echoed.message_type, expected.orig.message_type,
                "{}",
                entry.name
            );
            assert_eq!(echoed.flags, expected.orig.flags, "{}", entry.name);
            assert_eq!(echoed.seq, expected.orig.seq, "{}", entry.name);
            checked += 1;
        }
        let dones_with_code = entry
            .response_datagrams()
            .into_iter()
            .flat_map(|datagram| walk(datagram, &entry.name))
            .filter(|(_, header)| {
                header.message_type == NLMSG_DONE && header.flags & NLM_F_ACK_TLVS != 0
            })
            .count();
        assert_eq!(dones_with_code, entry.done_errors.len(), "{}", entry.name);
    }
    assert!(checked > 20, "only {checked} errors checked");
}

#[test]
fn extended_ack_expectations_are_decoded() {
    let policy = fixtures::entry("rtnl_newlink_bad_attr_policy").expected_error();
    assert_eq!(policy.error, -34);
    assert_eq!(policy.errno, "ERANGE");
    let ack = policy.ext_ack.as_ref().expect("ext ack");
    assert_eq!(
        ack.msg.as_deref(),
        Some("Attribute failed policy validation")
    );
    assert_eq!(ack.offs, Some(32));
    assert_eq!(ack.policy.as_deref(), Some(&[4u16, 5, 1][..]));

    let missing = fixtures::entry("genl_netdev_dev_get_missing_attr").expected_error();
    let ack = missing.ext_ack.as_ref().expect("ext ack");
    assert_eq!((ack.msg.as_deref(), ack.miss_type), (None, Some(1)));

    let capped = fixtures::entry("rtnl_newaddr_enodev_extack_capped").expected_error();
    assert!(capped.capped && capped.ack_tlvs);
    let legacy = fixtures::entry("rtnl_newaddr_enodev_legacy").expected_error();
    assert!(!legacy.capped && !legacy.ack_tlvs && legacy.ext_ack.is_none());

    let strict = &fixtures::entry("rtnl_getaddr_dump_strict_badhdr").done_errors;
    assert_eq!(strict.len(), 1);
    assert_eq!(strict[0].error, -22);
    assert_eq!(
        strict[0].ext_ack.as_ref().and_then(|a| a.msg.as_deref()),
        Some("ipv4: Invalid values in header for address dump request")
    );
}

#[test]
fn multicast_entry_describes_its_triggers() {
    let events = fixtures::entry("rtnl_notifications");
    assert!(events.is_multicast());
    assert!(
        events.groups.contains(&1),
        "RTNLGRP_LINK joined: {:?}",
        events.groups
    );
    assert!(!events.triggers.is_empty());
    for trigger in &events.triggers {
        assert_eq!(fixtures::entry(trigger).kind, Kind::Request);
    }
    assert_eq!(events.message_types.get("RTM_NEWLINK"), Some(&10));
}

#[test]
fn protocols_and_family_ids() {
    assert!(fixtures::entries_for_protocol("NETLINK_ROUTE").all(|e| e.protocol_num == 0));
    assert!(fixtures::entries_for_protocol("NETLINK_GENERIC").all(|e| e.protocol_num == 16));
    assert!(fixtures::entries_for_protocol("NETLINK_AUDIT").count() >= 3);
    assert_eq!(fixtures::genl_family_id("nlctrl"), Some(16));
    assert_eq!(fixtures::genl_family_id("no-such-family"), None);
}

#[test]
fn oracles_load() {
    for info in fixtures::oracles() {
        let text = fixtures::oracle_text(&info.name);
        assert_eq!(text.len(), info.bytes, "{}", info.name);
        if info.format == "json" && info.json_valid {
            let _ = fixtures::oracle(&info.name);
        }
    }
    let links = fixtures::oracle("ip_link");
    let names: Vec<&str> = links
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|link| link["ifname"].as_str())
        .collect();
    assert!(
        names.contains(&"fa-v1") && names.contains(&"lo"),
        "{names:?}"
    );
    assert!(fixtures::oracle_text("tc_class_fa_v1").contains("htb"));
}

#[test]
fn fixture_dir_is_inside_the_workspace() {
    let dir = fixtures::dir().canonicalize().unwrap();
    assert!(dir.ends_with("fixtures/kernel-6.18"), "{}", dir.display());
    assert!(
        !dir.to_string_lossy().contains("shared"),
        "{}",
        dir.display()
    );
}
