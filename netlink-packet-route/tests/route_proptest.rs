//! Property tests: decoding arbitrary bytes never panics, and emitted route
//! and nexthop messages decode back to the same value.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::{Emitable, NetlinkDeserializable, NetlinkHeader, Parseable};
use netlink_packet_route::common::{AddressFamily, NexthopFlags};
use netlink_packet_route::nexthop::{
    NexthopAttribute, NexthopGroupEntry, NexthopMessage, NexthopMessageBuffer,
};
use netlink_packet_route::route::{
    EncapType, Ipv6SrHeader, MplsEncapAttribute, MplsLabel, RouteAddress, RouteAttribute,
    RouteCacheInfo, RouteEncap, RouteFeatures, RouteFlags, RouteHeader, RouteMessage,
    RouteMessageBuffer, RouteMetric, RouteNexthop, RoutePreference, RouteVia, Seg6Encap,
    Seg6EncapAttribute, Seg6LocalAction, Seg6LocalAttribute, Seg6Mode,
};
use netlink_packet_route::RtnlMessage;
use proptest::prelude::*;

fn header_with_type(message_type: u16) -> NetlinkHeader {
    NetlinkHeader {
        message_type,
        ..NetlinkHeader::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn rtnl_message_deserialize_never_panics(
        message_type in prop_oneof![16u16..=122, any::<u16>()],
        payload in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let header = header_with_type(message_type);
        if let Ok(message) = RtnlMessage::deserialize(&header, &payload) {
            // Whatever decodes must emit without panicking.
            let mut buffer = vec![0u8; message.buffer_len()];
            message.emit(&mut buffer);
        }
    }

    #[test]
    fn route_messages_with_structured_garbage_never_panic(
        header in proptest::collection::vec(any::<u8>(), 12),
        attributes in proptest::collection::vec(
            (0u16..40, proptest::collection::vec(any::<u8>(), 0..40)), 0..8),
        family in prop_oneof![Just(2u8), Just(10u8), Just(28u8), any::<u8>()],
    ) {
        // Well-framed attributes with arbitrary values exercise every
        // attribute decoder (including nested multipath / metrics / encap).
        let mut bytes = header;
        bytes[0] = family;
        for (kind, value) in &attributes {
            let len = 4 + value.len();
            bytes.extend_from_slice(&(len as u16).to_ne_bytes());
            bytes.extend_from_slice(&kind.to_ne_bytes());
            bytes.extend_from_slice(value);
            bytes.resize(bytes.len().next_multiple_of(4), 0);
        }
        let buffer = RouteMessageBuffer::new_checked(&bytes[..]).expect("12 bytes");
        let _ = buffer.summary();
        if let Ok(route) = RouteMessage::parse(&buffer) {
            let mut emitted = vec![0u8; route.buffer_len()];
            route.emit(&mut emitted);
            // Well-framed, padded input re-emits identically.
            prop_assert_eq!(&emitted, &bytes);
        }
    }

    #[test]
    fn route_messages_round_trip(route in route_message()) {
        let mut bytes = vec![0u8; route.buffer_len()];
        route.emit(&mut bytes);
        let parsed = RouteMessage::parse(&RouteMessageBuffer::new_checked(&bytes[..]).expect("header"))
            .expect("emitted route decodes");
        prop_assert_eq!(parsed, route);
    }

    #[test]
    fn nexthop_messages_round_trip(nexthop in nexthop_message()) {
        let mut bytes = vec![0u8; nexthop.buffer_len()];
        nexthop.emit(&mut bytes);
        let parsed = NexthopMessage::parse(&NexthopMessageBuffer::new_checked(&bytes[..]).expect("header"))
            .expect("emitted nexthop decodes");
        prop_assert_eq!(parsed, nexthop);
    }
}

fn inet_address() -> impl Strategy<Value = RouteAddress> {
    any::<[u8; 4]>().prop_map(|o| RouteAddress::Inet(Ipv4Addr::from(o)))
}

fn metric() -> impl Strategy<Value = RouteMetric> {
    prop_oneof![
        any::<u32>().prop_map(RouteMetric::Mtu),
        any::<u32>().prop_map(RouteMetric::AdvMss),
        any::<u32>().prop_map(RouteMetric::HopLimit),
        any::<u32>().prop_map(|v| RouteMetric::Features(RouteFeatures::from_bits_retain(v))),
        "[a-z]{1,15}".prop_map(RouteMetric::CongestionControl),
    ]
}

fn hop() -> impl Strategy<Value = RouteNexthop> {
    (any::<u8>(), any::<u8>(), any::<u32>(), inet_address()).prop_map(
        |(flags, hops, interface_index, gateway)| RouteNexthop {
            flags: NexthopFlags::from_bits_retain(u32::from(flags)),
            hops,
            interface_index,
            attributes: vec![RouteAttribute::Gateway(gateway)],
        },
    )
}

fn route_attribute() -> impl Strategy<Value = RouteAttribute> {
    prop_oneof![
        inet_address().prop_map(RouteAttribute::Destination),
        inet_address().prop_map(RouteAttribute::Gateway),
        inet_address().prop_map(RouteAttribute::PreferredSource),
        any::<u32>().prop_map(RouteAttribute::Oif),
        any::<u32>().prop_map(RouteAttribute::Priority),
        any::<u32>().prop_map(RouteAttribute::Table),
        any::<u32>().prop_map(RouteAttribute::NexthopId),
        any::<u16>().prop_map(RouteAttribute::SourcePort),
        any::<u8>().prop_map(|p| RouteAttribute::Preference(RoutePreference::from(p))),
        proptest::collection::vec(metric(), 0..5).prop_map(RouteAttribute::Metrics),
        proptest::collection::vec(hop(), 1..4).prop_map(RouteAttribute::Multipath),
        any::<[u8; 16]>().prop_map(|o| RouteAttribute::Via(RouteVia::Inet6(Ipv6Addr::from(o)))),
        any::<[u32; 8]>().prop_map(|w| RouteAttribute::CacheInfo(RouteCacheInfo {
            client_references: w[0],
            last_use: w[1],
            expires: w[2] as i32,
            error: w[3],
            used: w[4],
            id: w[5],
            ts: w[6],
            ts_age: w[7],
        })),
        any::<u64>().prop_map(RouteAttribute::MulticastExpires),
        proptest::collection::vec(any::<u32>(), 1..4).prop_map(|labels| {
            RouteAttribute::NewDestination(labels.into_iter().map(MplsLabel::from_wire).collect())
        }),
    ]
}

fn encap_attributes() -> impl Strategy<Value = Vec<RouteAttribute>> {
    prop_oneof![
        proptest::collection::vec(any::<u32>(), 1..4).prop_map(|labels| vec![
            RouteAttribute::Encap {
                encap: RouteEncap::Mpls(vec![MplsEncapAttribute::Destination(MplsLabel::stack(
                    &labels.iter().map(|l| l & 0xf_ffff).collect::<Vec<_>>()
                ))]),
                nested_flag: true,
            },
            RouteAttribute::EncapType(EncapType::Mpls),
        ]),
        proptest::collection::vec(any::<[u8; 16]>(), 1..4).prop_map(|segments| vec![
            RouteAttribute::EncapType(EncapType::Seg6),
            RouteAttribute::Encap {
                encap: RouteEncap::Seg6(vec![Seg6EncapAttribute::Srh(Seg6Encap {
                    mode: Seg6Mode::Encap,
                    header: Ipv6SrHeader::from_segments(
                        &segments.into_iter().map(Ipv6Addr::from).collect::<Vec<_>>()
                    ),
                })]),
                nested_flag: false,
            },
        ]),
        any::<u32>().prop_map(|table| vec![
            RouteAttribute::EncapType(EncapType::Seg6Local),
            RouteAttribute::Encap {
                encap: RouteEncap::Seg6Local(vec![
                    Seg6LocalAttribute::Action(Seg6LocalAction::EndT),
                    Seg6LocalAttribute::Table(table),
                ]),
                nested_flag: false,
            },
        ]),
    ]
}

fn route_message() -> impl Strategy<Value = RouteMessage> {
    (
        any::<[u8; 8]>(),
        any::<u32>(),
        proptest::collection::vec(route_attribute(), 0..8),
        encap_attributes(),
    )
        .prop_map(|(h, flags, mut attributes, encap)| {
            attributes.extend(encap);
            RouteMessage {
                header: RouteHeader {
                    address_family: AddressFamily::Inet,
                    destination_prefix_length: h[1],
                    source_prefix_length: h[2],
                    tos: h[3],
                    table: h[4],
                    protocol: h[5].into(),
                    scope: h[6].into(),
                    kind: h[7].into(),
                    flags: RouteFlags::from_bits_retain(flags),
                },
                attributes,
            }
        })
}

fn nexthop_attribute() -> impl Strategy<Value = NexthopAttribute> {
    prop_oneof![
        any::<u32>().prop_map(NexthopAttribute::Id),
        any::<u32>().prop_map(NexthopAttribute::Oif),
        Just(NexthopAttribute::Blackhole),
        Just(NexthopAttribute::Fdb),
        any::<[u8; 4]>().prop_map(|o| NexthopAttribute::Gateway(IpAddr::from(o))),
        any::<[u8; 16]>().prop_map(|o| NexthopAttribute::Gateway(IpAddr::from(o))),
        proptest::collection::vec((any::<u32>(), 1u32..=65536), 1..5).prop_map(|members| {
            NexthopAttribute::Group(
                members
                    .into_iter()
                    .map(|(id, weight)| NexthopGroupEntry::new(id, weight))
                    .collect(),
            )
        }),
    ]
}

fn nexthop_message() -> impl Strategy<Value = NexthopMessage> {
    (
        any::<u8>(),
        any::<u32>(),
        proptest::collection::vec(nexthop_attribute(), 0..6),
    )
        .prop_map(|(protocol, flags, attributes)| {
            let mut message = NexthopMessage::default();
            message.header.protocol = protocol.into();
            message.header.flags = NexthopFlags::from_bits_retain(flags);
            message.attributes = attributes;
            message
        })
}
