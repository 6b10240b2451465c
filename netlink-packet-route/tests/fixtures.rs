//! The whole-crate fixture test: every NETLINK_ROUTE message captured from a
//! real 6.18 kernel (responses, requests and multicast notifications) decodes
//! into `NetlinkMessage<RtnlMessage>` and re-emits byte-identically, and the
//! object kinds this crate types leave no attribute raw (`Other`) or
//! `Malformed` (except the one the fixtures malform on purpose).

use netlink_packet_core::{DatagramMessages, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RtnlMessage;
use netlink_test_support::fixtures;

/// One message of a fixture file.
struct FixtureMessage<'a> {
    fixture: &'a str,
    part: &'static str,
    index: usize,
    bytes: &'a [u8],
}

fn route_fixture_messages() -> Vec<FixtureMessage<'static>> {
    let mut messages = Vec::new();
    for entry in fixtures::entries_for_protocol("NETLINK_ROUTE") {
        if let Some(request) = &entry.request {
            push_messages(&mut messages, &entry.name, "request", &[request.as_slice()]);
        }
        let part = if entry.is_multicast() {
            "events"
        } else {
            "response"
        };
        push_messages(
            &mut messages,
            &entry.name,
            part,
            &entry.response_datagrams(),
        );
    }
    messages
}

fn push_messages(
    out: &mut Vec<FixtureMessage<'static>>,
    fixture: &'static str,
    part: &'static str,
    datagrams: &[&'static [u8]],
) {
    let mut index = 0;
    for datagram in datagrams {
        for message in DatagramMessages::new(datagram) {
            let message = message.unwrap_or_else(|error| {
                panic!("{fixture} {part}: message #{index} framing: {error}")
            });
            out.push(FixtureMessage {
                fixture,
                part,
                index,
                bytes: message.message_bytes(),
            });
            index += 1;
        }
    }
}

fn decode(message: &FixtureMessage<'_>) -> NetlinkMessage<RtnlMessage> {
    NetlinkMessage::<RtnlMessage>::deserialize(message.bytes).unwrap_or_else(|error| {
        panic!(
            "{} {} #{}: decode failed: {error}",
            message.fixture, message.part, message.index
        )
    })
}

#[test]
fn every_route_fixture_message_round_trips_byte_identically() {
    let messages = route_fixture_messages();
    assert!(
        messages.len() > 300,
        "expected the NETLINK_ROUTE fixtures to hold hundreds of messages, got {}",
        messages.len()
    );
    let mut failures = Vec::new();
    for message in &messages {
        let decoded = decode(message);
        let mut emitted = vec![0u8; decoded.buffer_len()];
        decoded.serialize(&mut emitted);
        if emitted != message.bytes {
            let first_difference = emitted
                .iter()
                .zip(message.bytes)
                .position(|(a, b)| a != b)
                .unwrap_or(emitted.len().min(message.bytes.len()));
            failures.push(format!(
                "{} {} #{} (type {}): re-emitted {} bytes vs {} captured, first difference at byte {}",
                message.fixture,
                message.part,
                message.index,
                decoded.header.message_type,
                emitted.len(),
                message.bytes.len(),
                first_difference
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} messages do not round-trip:\n{}",
        failures.len(),
        messages.len(),
        failures.join("\n")
    );
}

/// Finds raw (`Other(RawNla ...)`) and `Malformed` attributes anywhere in a
/// decoded message, through its `Debug` form, which every attribute enum of
/// the crate shares: returns `(attribute type, surrounding text)`.
fn raw_attributes(debug: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for marker in [
        "Other(RawNla { kind: ",
        "Malformed(MalformedNla { raw: RawNla { kind: ",
    ] {
        let mut search_from = 0;
        while let Some(position) = debug[search_from..].find(marker) {
            let start = search_from + position;
            let kind_start = start + marker.len();
            let kind: String = debug[kind_start..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let context_start = debug[..start]
                .char_indices()
                .rev()
                .nth(60)
                .map_or(0, |(i, _)| i);
            let context_end = (kind_start + 200).min(debug.len());
            let context_end = (context_end..=debug.len())
                .find(|&i| debug.is_char_boundary(i))
                .unwrap_or(debug.len());
            found.push((
                format!("{} type {}", marker.split('(').next().unwrap_or(""), kind),
                debug[context_start..context_end].to_string(),
            ));
            search_from = kind_start;
        }
    }
    found
}

/// Raw attributes the fixtures hold on purpose: `(fixture, part, type)`.
/// `rtnl_newlink_bad_attr_policy` sends a 2-byte `IFLA_MTU` to provoke the
/// kernel's policy error: decoding must keep it as `Malformed`.
const EXPECTED_MALFORMED: &[(&str, &str, &str)] = &[(
    "rtnl_newlink_bad_attr_policy",
    "request",
    "Malformed type 4",
)];

#[test]
fn typed_object_kinds_leave_no_attribute_raw() {
    let mut unexpected = Vec::new();
    let mut expected_found = Vec::new();
    let mut typed_messages = 0;
    for message in route_fixture_messages() {
        let decoded = decode(&message);
        let NetlinkPayload::InnerMessage(inner) = &decoded.payload else {
            continue;
        };
        if let RtnlMessage::Other { message_type, .. } = inner {
            if RtnlMessage::is_typed_message_type(*message_type) {
                unexpected.push(format!(
                    "{} {} #{}: typed message type {message_type} kept as RtnlMessage::Other",
                    message.fixture, message.part, message.index
                ));
            }
            continue;
        }
        typed_messages += 1;
        let debug = format!("{inner:?}");
        for (kind, context) in raw_attributes(&debug) {
            let line = format!(
                "{} {} #{} (message type {}): {kind} in …{context}…",
                message.fixture, message.part, message.index, decoded.header.message_type
            );
            if EXPECTED_MALFORMED.contains(&(message.fixture, message.part, kind.as_str())) {
                expected_found.push(line);
            } else {
                unexpected.push(line);
            }
        }
    }
    assert!(typed_messages > 200, "only {typed_messages} typed messages");
    assert_eq!(
        expected_found.len(),
        EXPECTED_MALFORMED.len(),
        "the deliberately malformed fixture attributes must decode as Malformed: {expected_found:?}"
    );
    assert!(
        unexpected.is_empty(),
        "{} raw or malformed attributes:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
}

#[test]
fn route_and_nexthop_fixtures_decode_as_typed_messages() {
    let mut routes = 0;
    let mut nexthops = 0;
    for message in route_fixture_messages() {
        match decode(&message).payload {
            NetlinkPayload::InnerMessage(RtnlMessage::NewRoute(route)) => {
                routes += 1;
                assert!(
                    !route.attributes.is_empty(),
                    "{}: empty route",
                    message.fixture
                );
            }
            NetlinkPayload::InnerMessage(RtnlMessage::NewNexthop(nexthop)) => {
                nexthops += 1;
                assert!(
                    nexthop.id().is_some(),
                    "{}: nexthop without id",
                    message.fixture
                );
            }
            _ => {}
        }
    }
    assert!(routes >= 150, "only {routes} RTM_NEWROUTE messages");
    assert!(nexthops >= 6, "only {nexthops} RTM_NEWNEXTHOP messages");
}

#[test]
fn raw_attribute_scan_finds_raw_and_malformed_attributes() {
    // The scan relies on the Debug form; make sure it sees both kinds.
    let mut bytes = vec![2u8, 16, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0];
    bytes.extend_from_slice(&[8, 0, 99, 0, 1, 2, 3, 4]); // unknown type 99
    bytes.extend_from_slice(&[7, 0, 5, 0, 10, 1, 0, 0]); // 3-byte RTA_GATEWAY
    let message = RtnlMessage::parse_with_type(24, &bytes).expect("route");
    let found = raw_attributes(&format!("{message:?}"));
    let kinds: Vec<&str> = found.iter().map(|(kind, _)| kind.as_str()).collect();
    assert_eq!(kinds, vec!["Other type 99", "Malformed type 5"]);
}
