//! Real kernel bytes (fixtures/kernel-6.18): every captured reply and
//! notification stream walks into messages, decodes at the core level,
//! re-emits byte-identically, and every error / ack / done decodes with the
//! extended ack the manifest records.

use netlink_packet_core::{
    DatagramMessages, DoneMessage, ErrorMessage, ExtendedAck, NetlinkBuffer, NetlinkFlags,
    NetlinkMessage, NetlinkPayload, RawMessage, NETLINK_HEADER_LEN,
};
use netlink_test_support::fixtures::{self, Entry, ExpectedExtAck};

/// Every message of `datagram`, strictly, with the bytes it was decoded from.
fn messages(
    entry: &Entry,
    index: usize,
    datagram: &[u8],
) -> Vec<(Vec<u8>, NetlinkMessage<RawMessage>)> {
    DatagramMessages::new(datagram)
        .map(|buffer| {
            let buffer =
                buffer.unwrap_or_else(|error| panic!("{} datagram #{index}: {error}", entry.name));
            let bytes = buffer.message_bytes();
            let message = NetlinkMessage::<RawMessage>::deserialize(bytes)
                .unwrap_or_else(|error| panic!("{} datagram #{index}: {error}", entry.name));
            (bytes.to_vec(), message)
        })
        .collect()
}

fn response_messages(entry: &Entry) -> Vec<(Vec<u8>, NetlinkMessage<RawMessage>)> {
    entry
        .response_datagrams()
        .iter()
        .enumerate()
        .flat_map(|(index, datagram)| messages(entry, index, datagram))
        .collect()
}

fn emit(message: &NetlinkMessage<RawMessage>) -> Vec<u8> {
    let mut bytes = vec![0u8; message.buffer_len()];
    message.serialize(&mut bytes);
    bytes
}

#[test]
fn fixture_set_is_not_empty() {
    assert!(fixtures::entries().len() >= 70);
    for protocol in [
        "NETLINK_ROUTE",
        "NETLINK_GENERIC",
        "NETLINK_SOCK_DIAG",
        "NETLINK_AUDIT",
    ] {
        assert!(
            fixtures::entries_for_protocol(protocol).count() > 0,
            "no {protocol} fixtures"
        );
    }
}

#[test]
fn every_response_walks_into_the_recorded_number_of_messages() {
    for entry in fixtures::entries() {
        let messages = response_messages(entry);
        assert_eq!(
            messages.len(),
            entry.message_count,
            "{}: message count",
            entry.name
        );
        // Audit replies come from a kernel thread with port id 0 (only the
        // ack carries the requester's); notifications are addressed to groups.
        if entry.is_multicast() || entry.protocol == "NETLINK_AUDIT" {
            continue;
        }
        for (_, message) in &messages {
            {
                assert_eq!(
                    message.header.port_number, entry.portid,
                    "{}: portid",
                    entry.name
                );
            }
        }
    }
}

#[test]
fn lenient_walk_agrees_with_strict_walk_on_kernel_bytes() {
    for entry in fixtures::entries() {
        for datagram in entry.response_datagrams() {
            let strict: Vec<_> = DatagramMessages::new(datagram)
                .map(|m| m.map(NetlinkBuffer::message_bytes))
                .collect();
            let lenient: Vec<_> = DatagramMessages::lenient(datagram)
                .map(|m| m.map(NetlinkBuffer::message_bytes))
                .collect();
            assert_eq!(strict, lenient, "{}", entry.name);
        }
    }
}

#[test]
fn every_message_re_emits_byte_identically() {
    let mut checked = 0;
    for entry in fixtures::entries() {
        for (bytes, message) in response_messages(entry) {
            assert_eq!(
                emit(&message),
                bytes,
                "{}: {:?}",
                entry.name,
                message.header
            );
            checked += 1;
        }
        if let Some(request) = &entry.request {
            for (bytes, message) in messages(entry, 0, request) {
                assert_eq!(emit(&message), bytes, "{} request", entry.name);
                assert!(message.payload.inner().is_some(), "{} request", entry.name);
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} messages checked");
}

fn check_ext_ack(name: &str, actual: &ExtendedAck, expected: Option<&ExpectedExtAck>) {
    let Some(expected) = expected else {
        assert!(actual.is_empty(), "{name}: unexpected ext ack {actual:?}");
        return;
    };
    assert_eq!(actual.message, expected.msg, "{name}: message");
    assert_eq!(actual.offset, expected.offs, "{name}: offset");
    assert_eq!(
        actual.missing_type, expected.miss_type,
        "{name}: missing type"
    );
    assert_eq!(
        actual.missing_nest, expected.miss_nest,
        "{name}: missing nest"
    );
    assert_eq!(actual.cookie, expected.cookie, "{name}: cookie");
    let policy_kinds = actual.policy.as_ref().map(|policy| {
        policy
            .attributes
            .iter()
            .map(netlink_packet_core::Nla::kind)
            .collect::<Vec<u16>>()
    });
    assert_eq!(policy_kinds, expected.policy, "{name}: policy");
    assert!(
        actual.unknown.is_empty(),
        "{name}: unknown ext ack TLVs {:?}",
        actual.unknown
    );
}

/// The request message an error echoes (matched by sequence number).
fn request_message(entry: &Entry, seq: u32) -> &[u8] {
    let request = entry.request.as_deref().expect("request bytes");
    let message = entry
        .request_messages
        .iter()
        .find(|message| message.seq == seq)
        .unwrap_or_else(|| panic!("{}: no request with seq {seq}", entry.name));
    &request[message.offset..message.offset + message.len]
}

#[test]
fn every_error_and_ack_decodes_with_its_extended_ack() {
    let mut checked = 0;
    for entry in fixtures::entries() {
        let decoded: Vec<_> = response_messages(entry)
            .into_iter()
            .filter(|(_, message)| message.payload.is_error() || message.payload.is_ack())
            .map(|(_, message)| message)
            .collect();
        assert_eq!(
            decoded.len(),
            entry.errors.len(),
            "{}: error count",
            entry.name
        );
        for (message, expected) in decoded.iter().zip(&entry.errors) {
            let name = &entry.name;
            assert_eq!(message.header.sequence_number, expected.seq, "{name}: seq");
            let flags = message.header.flags;
            assert_eq!(
                flags.contains(NetlinkFlags::CAPPED),
                expected.capped,
                "{name}: capped"
            );
            assert_eq!(
                flags.contains(NetlinkFlags::ACK_TLVS),
                expected.ack_tlvs,
                "{name}: tlvs"
            );
            let (echoed, ext_ack) = match &message.payload {
                NetlinkPayload::Ack(ack) => {
                    assert!(
                        expected.is_ack(),
                        "{name}: decoded an ack, expected an error"
                    );
                    (&ack.header, &ack.extended_ack)
                }
                NetlinkPayload::Error(error) => {
                    assert_eq!(error.raw_code(), expected.error, "{name}: code");
                    check_error_helpers(entry, error);
                    (&error.header, &error.extended_ack)
                }
                other => unreachable!("filtered: {other:?}"),
            };
            let echoed_header = NetlinkBuffer::new(&echoed[..NETLINK_HEADER_LEN]);
            assert_eq!(
                echoed_header.length(),
                expected.orig.len,
                "{name}: echoed len"
            );
            assert_eq!(echoed_header.message_type(), expected.orig.message_type);
            assert_eq!(echoed_header.flags().bits(), expected.orig.flags);
            assert_eq!(echoed_header.sequence_number(), expected.orig.seq);
            let request = request_message(entry, expected.orig.seq);
            if expected.capped {
                assert_eq!(echoed.as_slice(), &request[..NETLINK_HEADER_LEN], "{name}");
            } else {
                assert_eq!(echoed.as_slice(), request, "{name}: echoed request");
            }
            check_ext_ack(name, ext_ack, expected.ext_ack.as_ref());
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} errors/acks checked");
}

fn check_error_helpers(entry: &Entry, error: &ErrorMessage) {
    assert_eq!(error.errno(), -error.raw_code());
    assert_eq!(error.to_io().raw_os_error(), Some(error.errno()));
    if let Some(message) = &error.extended_ack.message {
        assert!(
            error.to_string().contains(message.as_str()),
            "{}",
            entry.name
        );
    }
    match error.extended_ack.offset {
        Some(offset) => {
            let bytes = error.offending_bytes().expect("offending bytes");
            let request = request_message(entry, error.echoed_header().unwrap().sequence_number);
            let offset = offset as usize;
            assert_eq!(
                bytes,
                &request[offset..offset + bytes.len()],
                "{}",
                entry.name
            );
            assert_eq!(
                usize::from(u16::from_ne_bytes([bytes[0], bytes[1]])),
                bytes.len()
            );
        }
        None => assert_eq!(error.offending_bytes(), None),
    }
}

#[test]
fn policy_violation_points_at_the_offending_attribute() {
    let entry = fixtures::entry("rtnl_newlink_bad_attr_policy");
    let messages = response_messages(entry);
    let [(_, message)] = messages.as_slice() else {
        panic!("expected one message, got {}", messages.len());
    };
    let NetlinkPayload::Error(error) = &message.payload else {
        panic!("expected an error, got {:?}", message.payload);
    };
    assert_eq!(error.errno(), libc_erange());
    let policy = error.extended_ack.policy.as_ref().expect("policy");
    assert!(policy.attribute_type().is_some());
    assert!(policy.max_value_unsigned().is_some());
    let bytes = error.offending_bytes().expect("offending bytes");
    assert_eq!(&error.header[32..32 + bytes.len()], bytes);
    let text = error.to_string();
    assert!(text.starts_with("Numerical result out of range (os error 34): Attribute failed policy validation (offset 32, policy: "), "{text}");
}

fn libc_erange() -> i32 {
    34
}

#[test]
fn every_done_with_a_code_or_ext_ack_decodes() {
    let mut checked = 0;
    for entry in fixtures::entries() {
        let done: Vec<DoneMessage> = response_messages(entry)
            .into_iter()
            .filter_map(|(_, message)| match message.payload {
                NetlinkPayload::Done(done) => Some(done),
                _ => None,
            })
            .collect();
        let interesting: Vec<&DoneMessage> = done
            .iter()
            .filter(|done| done.code.unwrap_or(0) != 0 || !done.extended_ack.is_empty())
            .collect();
        assert_eq!(interesting.len(), entry.done_errors.len(), "{}", entry.name);
        for (done, expected) in interesting.iter().zip(&entry.done_errors) {
            assert_eq!(done.code, Some(expected.error), "{}", entry.name);
            check_ext_ack(&entry.name, &done.extended_ack, expected.ext_ack.as_ref());
            checked += 1;
        }
        // Dumps end with a 4-byte code; audit's rule list ends with an empty
        // NLMSG_DONE.
        for done in &done {
            let expect_code = entry.protocol != "NETLINK_AUDIT";
            assert_eq!(
                done.code.is_some(),
                expect_code,
                "{}: done code",
                entry.name
            );
        }
    }
    assert!(checked >= 3, "only {checked} done messages checked");
}
