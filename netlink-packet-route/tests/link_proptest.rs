//! Hostile input never panics the link decoder, and whatever decodes
//! re-emits to bytes that decode to the same message.

use netlink_packet_core::{Emitable, Parseable};
use netlink_packet_route::link::{
    InfoBridge, InfoKind, InfoVxlan, IpVlanMode, LinkAttribute, LinkMessage, LinkMessageBuffer,
    MacVlanMode,
};
use netlink_test_support::fixtures;
use proptest::prelude::*;

fn emit(message: &LinkMessage) -> Vec<u8> {
    let mut bytes = vec![0; message.buffer_len()];
    message.emit(&mut bytes);
    bytes
}

fn parse(bytes: &[u8]) -> Result<LinkMessage, netlink_packet_core::DecodeError> {
    LinkMessage::parse(&LinkMessageBuffer::new_checked(bytes)?)
}

/// A link payload made of a zeroed header and the given attributes, each
/// written with a correct length and padding.
fn tlv_payload(family: u8, attributes: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let mut bytes = vec![0u8; 16];
    bytes[0] = family;
    for (kind, value) in attributes {
        let length = 4 + value.len();
        bytes.extend_from_slice(&(length as u16).to_ne_bytes());
        bytes.extend_from_slice(&kind.to_ne_bytes());
        bytes.extend_from_slice(value);
        bytes.resize(bytes.len().next_multiple_of(4), 0);
    }
    bytes
}

/// Link messages captured from the kernel, used as seeds for mutation.
fn captured_payloads() -> Vec<Vec<u8>> {
    let entry = fixtures::entry("rtnl_getlink_dump");
    let mut out = Vec::new();
    let mut rest = &entry.response[..];
    while rest.len() >= 16 {
        let length = u32::from_ne_bytes(rest[..4].try_into().unwrap()) as usize;
        let kind = u16::from_ne_bytes(rest[4..6].try_into().unwrap());
        if kind == 16 {
            out.push(rest[16..length].to_vec());
        }
        rest = &rest[length.next_multiple_of(4).min(rest.len())..];
    }
    out
}

fn attribute_strategy() -> impl Strategy<Value = (u16, Vec<u8>)> {
    let kind = prop_oneof![
        0u16..80,
        Just(0x8000 | 12),
        Just(0x8000 | 18),
        Just(0x8000 | 26),
        Just(0x8000 | 52)
    ];
    (kind, prop::collection::vec(any::<u8>(), 0..48))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(message) = parse(&bytes) {
            let again = parse(&emit(&message)).expect("re-emitted message decodes");
            prop_assert_eq!(again, message);
        }
        // The lazy view never panics either.
        if let Ok(view) = LinkMessageBuffer::new_checked(&bytes[..]) {
            let _ = (view.name(), view.mtu(), view.kind(), view.slave_kind(), view.operstate());
            let _ = view.alt_names().count();
        }
    }

    #[test]
    fn well_framed_attributes_round_trip_byte_identically(
        family in prop_oneof![Just(0u8), Just(7u8), Just(10u8)],
        attributes in prop::collection::vec(attribute_strategy(), 0..12),
    ) {
        let payload = tlv_payload(family, &attributes);
        let message = parse(&payload).expect("well-framed attributes decode");
        prop_assert_eq!(emit(&message), payload);
    }

    #[test]
    fn mutated_kernel_messages_never_panic_and_stay_lossless(
        seed in 0usize..14,
        mutations in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let payloads = captured_payloads();
        let mut payload = payloads[seed % payloads.len()].clone();
        for (index, byte) in mutations {
            let at = index.index(payload.len() - 16) + 16;
            payload[at] = byte;
        }
        if let Ok(message) = parse(&payload) {
            let emitted = emit(&message);
            // Same framing; only padding bytes (which re-emit as zeros) may differ.
            if payload.len() % 4 == 0 {
                prop_assert_eq!(emitted.len(), payload.len());
            }
            prop_assert_eq!(parse(&emitted).expect("re-emitted message decodes"), message);
        }
    }

    #[test]
    fn built_requests_parse_back_equal(
        name in "[a-z][a-z0-9]{0,14}",
        peer in "[a-z][a-z0-9]{0,14}",
        mtu in 68u32..65536,
        index in 1u32..100_000,
        kind in 0usize..6,
        up in any::<bool>(),
    ) {
        let builder = LinkMessage::builder();
        let builder = match kind {
            0 => builder.veth(name.clone(), peer).peer(|peer| peer.mtu(mtu).netns_fd(3)),
            1 => builder.bridge_with(name.clone(), vec![InfoBridge::StpState(1), InfoBridge::Priority(mtu as u16)]),
            2 => builder.macvlan(name.clone(), index, MacVlanMode::Bridge),
            3 => builder.ipvlan(name.clone(), index, IpVlanMode::L3s),
            4 => builder.vxlan(name.clone(), index, vec![InfoVxlan::Port(4789), InfoVxlan::Learning(0)]),
            _ => builder.ifb(name.clone()),
        };
        let builder = if up { builder.up() } else { builder.down() };
        let request = builder.mtu(mtu).master(index).build().unwrap();
        let bytes = emit(&request);
        let parsed = parse(&bytes).unwrap();
        prop_assert_eq!(&parsed, &request);
        prop_assert_eq!(parsed.name(), Some(name.as_str()));
        prop_assert!(parsed.kind().is_some());
        prop_assert!(!matches!(parsed.kind(), Some(InfoKind::Other(_))));
        prop_assert!(parsed.attributes.contains(&LinkAttribute::Mtu(mtu)));
    }
}

#[test]
fn oversized_attributes_are_refused_at_build_time() {
    let error = LinkMessage::builder()
        .name("x")
        .alias("a".repeat(70_000))
        .build()
        .unwrap_err();
    assert_eq!(
        error,
        netlink_packet_core::EmitError::AttributeTooLong {
            kind: 20,
            length: 70_001
        }
    );
    // A peer whose name is too long makes the whole IFLA_LINKINFO too long.
    let error = LinkMessage::builder()
        .veth("v", "p".repeat(65_600))
        .build()
        .unwrap_err();
    assert!(matches!(
        error,
        netlink_packet_core::EmitError::AttributeTooLong { .. }
    ));
}

/// A nest whose inner attribute is followed by non-zero padding cannot
/// re-emit its bytes (emitting pads with zeros): it must be kept raw, so the
/// message still round-trips byte-identically. (Found by the property above.)
#[test]
fn nest_with_nonzero_padding_is_kept_raw_and_round_trips() {
    let payload = tlv_payload(
        0,
        &[(0x8000 | 18, vec![9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])],
    );
    let message = parse(&payload).expect("message decodes");
    assert_eq!(emit(&message), payload);
    let debug = format!("{message:?}");
    assert!(debug.contains("non-zero padding"), "{debug}");
}
