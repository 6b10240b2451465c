//! Prefix messages (`RTM_NEWPREFIX`). The fixtures hold none and a live
//! kernel only sends them on router advertisements, so these tests build
//! the kernel's layout by hand (`struct prefixmsg` as `inet6_fill_prefix`
//! writes it) and check decoding, tolerance and lossless re-emission.

mod objects_support;

use std::net::Ipv6Addr;

use netlink_packet_core::{Parseable, RawNla};
use netlink_packet_route::common::AddressFamily;
use netlink_packet_route::prefix::{
    PrefixAttribute, PrefixCacheInfo, PrefixFlags, PrefixMessage, PrefixMessageBuffer,
};
use objects_support::{assert_reemits, strategies};
use proptest::prelude::*;

fn parse(payload: &[u8]) -> PrefixMessage {
    PrefixMessage::parse_payload(payload).unwrap()
}

#[test]
fn kernel_layout_decodes() {
    // AF_INET6, ifindex 4, ND_OPT_PREFIX_INFORMATION, /64, onlink|autoconf.
    let header = vec![10, 0, 0, 0, 4, 0, 0, 0, 3, 64, 3, 0];
    let mut cache_info = 600u32.to_ne_bytes().to_vec();
    cache_info.extend_from_slice(&1800u32.to_ne_bytes());
    let attributes = [
        RawNla::new(
            1,
            Ipv6Addr::new(0x2001, 0xdb8, 7, 0, 0, 0, 0, 0)
                .octets()
                .to_vec(),
        ),
        RawNla::new(2, cache_info),
    ];
    let payload = strategies::payload(header, &attributes);
    let view = PrefixMessageBuffer::new_checked(&payload[..]).unwrap();
    assert_eq!(view.ifindex(), 4);
    assert_eq!(view.prefix_len(), 64);
    assert_eq!(view.flags(), PrefixFlags::ONLINK | PrefixFlags::AUTOCONF);
    let message = parse(&payload);
    assert_eq!(message.header.family, AddressFamily::Inet6);
    assert_eq!(message.header.kind, 3);
    assert_eq!(
        message.attributes,
        [
            PrefixAttribute::Address("2001:db8:7::".parse().unwrap()),
            PrefixAttribute::CacheInfo(PrefixCacheInfo {
                preferred_time: 600,
                valid_time: 1800
            }),
        ]
    );
    assert_reemits(&message, &payload, "prefix");
}

#[test]
fn malformed_attribute_keeps_the_rest_of_the_message() {
    let attributes = [
        RawNla::new(1, vec![0x20, 1, 0xd, 0xb8]),
        RawNla::new(2, vec![0; 8]),
        RawNla::new(3, vec![1, 2, 3]),
    ];
    let payload = strategies::payload(vec![10, 0, 0, 0, 4, 0, 0, 0, 3, 64, 1, 0], &attributes);
    let message = parse(&payload);
    assert!(
        matches!(&message.attributes[0], PrefixAttribute::Malformed(m)
        if m.error.to_string() == "PREFIX_ADDRESS: expected 16 bytes, got 4")
    );
    assert_eq!(
        message.attributes[1],
        PrefixAttribute::CacheInfo(PrefixCacheInfo::default())
    );
    assert_eq!(
        message.attributes[2],
        PrefixAttribute::Other(RawNla::new(3, vec![1, 2, 3]))
    );
    assert_reemits(&message, &payload, "hand-built message");
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..100)) {
        if let Ok(view) = PrefixMessageBuffer::new_checked(&bytes[..]) {
            let _ = PrefixMessage::parse(&view);
        }
    }

    #[test]
    fn well_formed_messages_reemit_identically(payload in strategies::message_payload(12, 3)) {
        strategies::check_reemits(&payload, parse)?;
    }
}
