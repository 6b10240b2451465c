//! Property tests: arbitrary bytes never panic any decoder, and emitted
//! values parse back equal.

use std::num::NonZeroI32;

use netlink_packet_core::{
    AckMessage, DatagramMessages, DoneMessage, Emitable, ErrorMessage, ExtendedAck, NetlinkFlags,
    NetlinkHeader, NetlinkMessage, NetlinkPayload, NlaBuffer, NlasIterator, Parseable, Policy,
    PolicyAttribute, PolicyAttributeType, RawMessage, RawNla, NETLINK_HEADER_LEN,
};
use proptest::collection::vec;
use proptest::prelude::*;

fn emit<E: Emitable + ?Sized>(value: &E) -> Vec<u8> {
    let mut bytes = vec![0u8; value.buffer_len()];
    value.emit(&mut bytes);
    bytes
}

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(any::<u8>(), 0..max)
}

fn raw_nla() -> impl Strategy<Value = RawNla> {
    (any::<u16>(), bytes(64)).prop_map(|(kind, value)| RawNla { kind, value })
}

/// A raw attribute that no decoder claims: an unknown type, or a known type
/// with unexpected flag bits.
fn unknown_nla(known_max: u16) -> impl Strategy<Value = RawNla> {
    prop_oneof![
        (known_max + 1..0x3fff_u16, bytes(24)).prop_map(|(kind, value)| RawNla { kind, value }),
        (1..=known_max, bytes(24)).prop_map(|(kind, value)| RawNla {
            kind: kind | 0x4000,
            value
        }),
    ]
}

fn policy() -> impl Strategy<Value = Policy> {
    let attribute = prop_oneof![
        any::<u32>().prop_map(|t| PolicyAttribute::Type(PolicyAttributeType::from(t))),
        any::<i64>().prop_map(PolicyAttribute::MinValueSigned),
        any::<i64>().prop_map(PolicyAttribute::MaxValueSigned),
        any::<u64>().prop_map(PolicyAttribute::MinValueUnsigned),
        any::<u64>().prop_map(PolicyAttribute::MaxValueUnsigned),
        any::<u32>().prop_map(PolicyAttribute::MinLength),
        any::<u32>().prop_map(PolicyAttribute::MaxLength),
        any::<u32>().prop_map(PolicyAttribute::PolicyIndex),
        any::<u32>().prop_map(PolicyAttribute::PolicyMaxType),
        any::<u32>().prop_map(PolicyAttribute::Bitfield32Mask),
        any::<u64>().prop_map(PolicyAttribute::Mask),
        bytes(8).prop_map(PolicyAttribute::Pad),
        unknown_nla(12).prop_map(PolicyAttribute::Other),
    ];
    vec(attribute, 0..6).prop_map(|attributes| Policy { attributes })
}

fn extended_ack() -> impl Strategy<Value = ExtendedAck> {
    (
        proptest::option::of("[ -~]{0,40}"),
        proptest::option::of(any::<u32>()),
        proptest::option::of(bytes(20)),
        proptest::option::of(policy()),
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<u32>()),
        vec(unknown_nla(6), 0..3),
    )
        .prop_map(
            |(message, offset, cookie, policy, missing_type, missing_nest, unknown)| ExtendedAck {
                message,
                offset,
                cookie,
                policy,
                missing_type,
                missing_nest,
                unknown,
            },
        )
}

/// An echoed request: a header whose length matches the echoed bytes
/// (uncapped) or a lone header (capped).
fn echoed_request(capped: bool) -> impl Strategy<Value = Vec<u8>> {
    (
        any::<NetlinkHeaderParts>(),
        bytes(if capped { 1 } else { 40 }),
    )
        .prop_map(move |(parts, body)| {
            let body = if capped { Vec::new() } else { body };
            let header = NetlinkHeader {
                length: (NETLINK_HEADER_LEN + body.len()) as u32,
                message_type: parts.0,
                flags: NetlinkFlags::from_bits_retain(parts.1),
                sequence_number: parts.2,
                port_number: parts.3,
            };
            let mut echoed = emit(&header);
            echoed.extend_from_slice(&body);
            echoed
        })
}

type NetlinkHeaderParts = (u16, u16, u32, u32);

fn message() -> impl Strategy<Value = NetlinkMessage<RawMessage>> {
    let flags = any::<u16>().prop_map(NetlinkFlags::from_bits_retain);
    (any::<NetlinkHeaderParts>(), flags)
        .prop_flat_map(|(parts, flags)| {
            let capped = flags.contains(NetlinkFlags::CAPPED);
            let payload = prop_oneof![
                (any::<i32>(), extended_ack()).prop_map(|(code, extended_ack)| {
                    NetlinkPayload::Done(DoneMessage {
                        code: Some(code),
                        extended_ack: Box::new(extended_ack),
                    })
                }),
                Just(NetlinkPayload::Done(DoneMessage::default())),
                (any::<i32>(), echoed_request(capped), extended_ack()).prop_map(
                    |(code, header, extended_ack)| match NonZeroI32::new(code) {
                        Some(code) => NetlinkPayload::Error(ErrorMessage {
                            code,
                            header,
                            extended_ack: Box::new(extended_ack),
                        }),
                        None => NetlinkPayload::Ack(AckMessage {
                            header,
                            extended_ack: Box::new(extended_ack),
                        }),
                    }
                ),
                bytes(16).prop_map(NetlinkPayload::Noop),
                bytes(16).prop_map(NetlinkPayload::Overrun),
                (prop_oneof![Just(0u16), 5..=u16::MAX], bytes(64))
                    .prop_map(|(t, p)| NetlinkPayload::InnerMessage(RawMessage::new(t, p))),
            ];
            (Just((parts, flags)), payload)
        })
        .prop_map(|((parts, flags), payload)| {
            let mut message = NetlinkMessage::new(
                NetlinkHeader {
                    length: 0,
                    message_type: 0,
                    flags,
                    sequence_number: parts.2,
                    port_number: parts.3,
                },
                payload,
            );
            message.finalize();
            message
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic_message_decoding(data in bytes(300)) {
        if let Ok(message) = NetlinkMessage::<RawMessage>::deserialize(&data) {
            // Whatever decodes re-emits to a message of the same length,
            // except for the cases the decoder documents as normalising.
            prop_assert!(message.header.length as usize <= data.len());
        }
    }

    #[test]
    fn arbitrary_control_messages_never_panic(
        message_type in 1u16..=4,
        flags in any::<u16>(),
        payload in bytes(200),
    ) {
        let header = NetlinkHeader {
            length: (NETLINK_HEADER_LEN + payload.len()) as u32,
            message_type,
            flags: NetlinkFlags::from_bits_retain(flags),
            sequence_number: 1,
            port_number: 0,
        };
        let mut data = emit(&header);
        data.extend_from_slice(&payload);
        let _ = NetlinkMessage::<RawMessage>::deserialize(&data);
    }

    #[test]
    fn datagram_walks_never_panic_and_stay_in_bounds(data in bytes(300)) {
        for lenient in [false, true] {
            let iter = if lenient {
                DatagramMessages::lenient(&data)
            } else {
                DatagramMessages::new(&data)
            };
            let mut total = 0;
            let mut failed = false;
            for item in iter {
                prop_assert!(!failed, "item after an error");
                match item {
                    Ok(buffer) => {
                        let message = buffer.into_inner();
                        prop_assert!(message.len() >= NETLINK_HEADER_LEN);
                        total += message.len();
                        let _ = NetlinkMessage::<RawMessage>::parse(&buffer);
                    }
                    Err(_) => failed = true,
                }
            }
            prop_assert!(total <= data.len());
        }
    }

    #[test]
    fn nla_iteration_never_panics_and_stops_after_errors(data in bytes(300)) {
        let mut failed = false;
        let mut consumed = 0;
        for item in NlasIterator::new(&data) {
            prop_assert!(!failed, "item after an error");
            match item {
                Ok(nla) => {
                    prop_assert!(usize::from(nla.length()) >= 4);
                    prop_assert_eq!(nla.value().len(), usize::from(nla.length()) - 4);
                    consumed += usize::from(nla.length());
                    let _ = RawNla::parse(&nla);
                }
                Err(_) => failed = true,
            }
        }
        prop_assert!(consumed <= data.len());
    }

    #[test]
    fn ext_ack_and_policy_decoding_never_panic(data in bytes(300)) {
        let _ = ExtendedAck::parse(&data[..]);
        let _ = Policy::parse(&data[..]);
        let _ = DoneMessage::parse(&data[..]);
    }

    #[test]
    fn emitted_messages_parse_back_equal(message in message()) {
        let bytes = {
            let mut bytes = vec![0u8; message.buffer_len()];
            message.serialize(&mut bytes);
            bytes
        };
        let parsed = NetlinkMessage::<RawMessage>::deserialize(&bytes);
        prop_assert_eq!(parsed.as_ref(), Ok(&message));
        let walked: Vec<_> = DatagramMessages::new(&bytes).collect();
        prop_assert_eq!(walked.len(), 1);
    }

    #[test]
    fn emitted_ext_acks_parse_back_equal(ack in extended_ack()) {
        prop_assert_eq!(ExtendedAck::parse(&emit(&ack)[..]), Ok(ack));
    }

    #[test]
    fn emitted_attributes_iterate_back_equal(nlas in vec(raw_nla(), 0..8)) {
        let bytes = emit(nlas.as_slice());
        let parsed: Result<Vec<RawNla>, _> = NlasIterator::new(&bytes)
            .map(|nla| nla.and_then(|nla| RawNla::parse(&nla)))
            .collect();
        prop_assert_eq!(parsed, Ok(nlas));
    }

    #[test]
    fn nla_buffer_checked_view_matches_iterator(data in bytes(80)) {
        if let Ok(nla) = NlaBuffer::new_checked(&data[..]) {
            let first = NlasIterator::new(&data).next();
            let from_iterator = first.and_then(Result::ok).map(|n| (n.raw_kind(), n.value().to_vec()));
            prop_assert_eq!(from_iterator, Some((nla.raw_kind(), nla.value().to_vec())));
        }
    }
}
