//! Unit-level behaviour of the route and nexthop codecs and of the
//! `RtnlMessage` glue: tolerant decoding, error context, encapsulations the
//! fixtures do not contain, short requests and unknown message types.

use netlink_packet_core::{
    Emitable, NetlinkDeserializable, NetlinkHeader, NetlinkMessage, NetlinkPayload, Nla, Parseable,
};
use netlink_packet_route::nexthop::{NexthopAttribute, NexthopMessage, NexthopMessageBuffer};
use netlink_packet_route::route::{
    EncapType, ErspanOptionAttribute, GeneveOptionAttribute, IpTunnelAttribute, IpTunnelOption,
    MplsEncapAttribute, MplsLabel, RouteAddress, RouteAttribute, RouteEncap, RouteMessage,
    RouteMessageBuffer, RouteVia, TunnelFlags,
};
use netlink_packet_route::{RtnlMessage, RTM_GETLINK, RTM_GETROUTE, RTM_NEWQDISC, RTM_NEWROUTE};

/// Builds one attribute: length, type, value, padding.
fn nla(kind: u16, value: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
    bytes.extend_from_slice(&kind.to_ne_bytes());
    bytes.extend_from_slice(value);
    bytes.resize(bytes.len().next_multiple_of(4), 0);
    bytes
}

/// An IPv4 unicast route header (main table, boot, universe, unicast).
fn route_header(family: u8, dst_len: u8) -> Vec<u8> {
    vec![family, dst_len, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0]
}

fn parse_route(bytes: &[u8]) -> RouteMessage {
    RouteMessage::parse(&RouteMessageBuffer::new_checked(bytes).expect("header")).expect("route")
}

fn emit<T: Emitable>(value: &T) -> Vec<u8> {
    let mut bytes = vec![0u8; value.buffer_len()];
    value.emit(&mut bytes);
    bytes
}

#[test]
fn one_malformed_attribute_keeps_the_rest_and_its_reason() {
    let mut bytes = route_header(2, 16);
    bytes.extend(nla(1, &[10, 2, 0, 0])); // RTA_DST
    bytes.extend(nla(5, &[10, 1, 0])); // RTA_GATEWAY, 3 bytes: malformed
    bytes.extend(nla(4, &7u32.to_ne_bytes())); // RTA_OIF
    let route = parse_route(&bytes);
    assert_eq!(route.attributes.len(), 3);
    assert_eq!(
        route.destination(),
        Some(&RouteAddress::Inet("10.2.0.0".parse().expect("ip")))
    );
    assert_eq!(route.output_interface(), Some(7));
    let RouteAttribute::Malformed(bad) = &route.attributes[1] else {
        panic!("expected a malformed gateway: {:?}", route.attributes[1]);
    };
    assert_eq!(bad.raw.kind, 5);
    assert_eq!(bad.raw.value, vec![10, 1, 0]);
    assert_eq!(
        bad.error.to_string(),
        "RTA_GATEWAY: expected 4 or 16 bytes, got 3"
    );
    assert_eq!(
        emit(&route),
        bytes,
        "malformed attributes re-emit as received"
    );
}

#[test]
fn multipath_errors_name_the_hop() {
    // Two hops; the second one's rtnh_len runs past the attribute.
    let mut hops = Vec::new();
    hops.extend_from_slice(&8u16.to_ne_bytes());
    hops.extend_from_slice(&[0, 0, 3, 0, 0, 0]);
    hops.extend_from_slice(&40u16.to_ne_bytes());
    hops.extend_from_slice(&[0, 0, 4, 0, 0, 0]);
    let mut bytes = route_header(2, 16);
    bytes.extend(nla(9, &hops));
    let route = parse_route(&bytes);
    let RouteAttribute::Malformed(bad) = &route.attributes[0] else {
        panic!("expected malformed multipath");
    };
    assert_eq!(
        bad.error.to_string(),
        "RTA_MULTIPATH > nexthop #2: rtnh_len 40 is not between 8 and the 8 bytes left"
    );
    assert_eq!(emit(&route), bytes);
}

#[test]
fn framing_errors_fail_the_message_with_context() {
    let mut bytes = route_header(2, 16);
    bytes.extend_from_slice(&[12, 0, 1, 0, 10, 0]); // says 12 bytes, has 6
    let error = RouteMessage::parse(&RouteMessageBuffer::new_checked(&bytes[..]).expect("header"))
        .expect_err("truncated attribute");
    assert_eq!(
        error.to_string(),
        "route message attributes: attribute at offset 0 (type 1): length field 12 exceeds the 6 bytes left"
    );
    let error = RtnlMessage::parse_with_type(RTM_NEWROUTE, &bytes).expect_err("truncated");
    assert!(
        error
            .to_string()
            .starts_with("RTM_NEWROUTE > route message attributes"),
        "{error}"
    );
    let error = RtnlMessage::parse_with_type(RTM_NEWROUTE, &[2, 0, 0]).expect_err("short");
    assert_eq!(
        error.to_string(),
        "RTM_NEWROUTE: route header: expected at least 12 bytes, got 3"
    );
}

#[test]
fn mpls_encap_decodes_label_stack_after_its_type() {
    // The kernel puts RTA_ENCAP before RTA_ENCAP_TYPE.
    let mut encap = nla(1, &[0x00, 0x06, 0x40, 0x00, 0x00, 0x0c, 0x81, 0x00]);
    encap.extend(nla(2, &[64]));
    let mut bytes = route_header(2, 16);
    bytes.extend(nla(1, &[10, 7, 0, 0]));
    bytes.extend(nla(22, &encap));
    bytes.extend(nla(21, &1u16.to_ne_bytes()));
    let route = parse_route(&bytes);
    assert_eq!(
        route.attributes[1],
        RouteAttribute::Encap {
            encap: RouteEncap::Mpls(vec![
                MplsEncapAttribute::Destination(MplsLabel::stack(&[100, 200])),
                MplsEncapAttribute::Ttl(64),
            ]),
            nested_flag: false,
        }
    );
    assert_eq!(
        route.attributes[2],
        RouteAttribute::EncapType(EncapType::Mpls)
    );
    assert_eq!(emit(&route), bytes);
}

#[test]
fn encap_without_type_or_of_untyped_kind_stays_raw_and_lossless() {
    let encap = nla(1, &[1, 2, 3, 4]);
    let mut bytes = route_header(10, 64);
    bytes.extend(nla(22, &encap));
    let route = parse_route(&bytes);
    assert_eq!(
        route.attributes[0],
        RouteAttribute::Encap {
            encap: RouteEncap::Raw(encap.clone()),
            nested_flag: false
        }
    );
    bytes.extend(nla(21, &3u16.to_ne_bytes())); // ILA: kept raw
    let route = parse_route(&bytes);
    assert!(matches!(
        &route.attributes[0],
        RouteAttribute::Encap { encap: RouteEncap::Raw(raw), .. } if raw == &encap
    ));
    assert_eq!(emit(&route), bytes);
}

#[test]
fn ip_tunnel_options_are_typed_and_flagged_as_unsafe_to_send() {
    let encap = RouteEncap::Ip(vec![
        IpTunnelAttribute::Id(0x1234),
        IpTunnelAttribute::Destination("192.0.2.1".parse().expect("ip")),
        IpTunnelAttribute::Flags(TunnelFlags::KEY | TunnelFlags::CSUM),
        IpTunnelAttribute::Options(vec![
            IpTunnelOption::Geneve(vec![
                GeneveOptionAttribute::Class(0x0102),
                GeneveOptionAttribute::Type(0x80),
                GeneveOptionAttribute::Data(vec![1, 2, 3, 4]),
            ]),
            IpTunnelOption::Erspan(vec![
                ErspanOptionAttribute::Version(2),
                ErspanOptionAttribute::Index(77),
            ]),
        ]),
    ]);
    assert!(encap.has_tunnel_options());
    let route = RouteMessage::unicast("10.9.0.0".parse().expect("ip"), 16).with_encap(encap);
    let bytes = emit(&route);
    assert_eq!(parse_route(&bytes), route);
    // LWTUNNEL_IP_ID is network order on the wire.
    let id = [0u8, 0, 0, 0, 0, 0, 0x12, 0x34];
    assert!(bytes.windows(8).any(|w| w == id));
}

#[test]
fn via_carries_its_own_family() {
    let mut via = 10u16.to_ne_bytes().to_vec();
    via.extend_from_slice(
        &"2001:db8::1"
            .parse::<std::net::Ipv6Addr>()
            .expect("ip")
            .octets(),
    );
    let mut bytes = route_header(2, 0);
    bytes.extend(nla(18, &via));
    let mut packet = 17u16.to_ne_bytes().to_vec();
    packet.extend_from_slice(&[2, 0, 0, 0, 0, 1]);
    bytes.extend(nla(18, &packet));
    let route = parse_route(&bytes);
    assert_eq!(route.gateway(), Some("2001:db8::1".parse().expect("ip")));
    assert_eq!(
        route.attributes[1],
        RouteAttribute::Via(RouteVia::Other {
            family: 17,
            address: vec![2, 0, 0, 0, 0, 1]
        })
    );
    let view = RouteMessageBuffer::new_checked(&bytes[..]).expect("view");
    assert_eq!(view.gateway(), Some("2001:db8::1".parse().expect("ip")));
    assert_eq!(emit(&route), bytes);
}

#[test]
fn mpls_routes_use_label_stacks() {
    // AF_MPLS route: RTA_DST is the incoming label, RTA_NEWDST the swap.
    let mut bytes = route_header(28, 20);
    bytes.extend(nla(1, &[0x00, 0x06, 0x41, 0x00]));
    bytes.extend(nla(19, &[0x00, 0x0c, 0x81, 0x00]));
    bytes.extend(nla(26, &[1]));
    let route = parse_route(&bytes);
    assert_eq!(
        route.attributes[0],
        RouteAttribute::Destination(RouteAddress::Mpls(vec![MplsLabel::new(100, true)]))
    );
    assert_eq!(
        route.attributes[1],
        RouteAttribute::NewDestination(vec![MplsLabel::new(200, true)])
    );
    assert_eq!(route.attributes[2], RouteAttribute::TtlPropagate(1));
    let view = RouteMessageBuffer::new_checked(&bytes[..]).expect("view");
    assert_eq!(view.destination(), None, "MPLS labels are not IP addresses");
    assert_eq!(emit(&route), bytes);
}

#[test]
fn table_ids_over_255_combine_with_the_header() {
    let mut bytes = route_header(2, 16);
    bytes[4] = 252;
    bytes.extend(nla(15, &1000u32.to_ne_bytes()));
    let route = parse_route(&bytes);
    assert_eq!(route.table(), 1000);
    assert_eq!(
        RouteMessageBuffer::new_checked(&bytes[..])
            .expect("view")
            .table(),
        1000
    );
    let built = RouteMessage::unicast("10.0.0.0".parse().expect("ip"), 8).with_table(1000);
    assert_eq!(built.header.table, 252);
    assert_eq!(built.table(), 1000);
}

#[test]
fn oversized_attributes_are_refused_before_emitting() {
    let route = RouteMessage::unicast("10.0.0.0".parse().expect("ip"), 8)
        .with_encap(RouteEncap::Raw(vec![0; 70_000]));
    let error = route.check().expect_err("too long");
    assert_eq!(
        error.to_string(),
        "attribute type 22: value of 70000 bytes exceeds the maximum of 65531 bytes"
    );
    assert!(RouteMessage::unicast("10.0.0.0".parse().expect("ip"), 8)
        .check()
        .is_ok());
}

#[test]
fn short_get_requests_and_unknown_types_stay_raw() {
    // Legacy dump request: struct rtgenmsg (1 byte + 3 padding).
    let message = RtnlMessage::parse_with_type(RTM_GETLINK, &[17, 0, 0, 0]).expect("short");
    assert_eq!(
        message,
        RtnlMessage::Other {
            message_type: RTM_GETLINK,
            payload: vec![17, 0, 0, 0]
        }
    );
    assert_eq!(emit(&message), vec![17, 0, 0, 0]);
    let qdisc = RtnlMessage::parse_with_type(RTM_NEWQDISC, &[0, 1, 2, 3, 4]).expect("raw");
    assert_eq!(qdisc.message_type(), RTM_NEWQDISC);
    assert!(!RtnlMessage::is_typed_message_type(RTM_NEWQDISC));
    assert!(RtnlMessage::is_typed_message_type(RTM_NEWROUTE));
    // A full-size GETROUTE is typed.
    let get = RtnlMessage::parse_with_type(RTM_GETROUTE, &route_header(2, 0)).expect("typed");
    assert!(matches!(get, RtnlMessage::GetRoute(_)));
}

#[test]
fn netlink_message_glue_round_trips() {
    let route = RouteMessage::unicast("10.2.0.0".parse().expect("ip"), 16)
        .with_gateway("10.1.0.254".parse().expect("ip"))
        .with_output_interface(3);
    let mut message = NetlinkMessage::from(RtnlMessage::NewRoute(route.clone()));
    message.finalize();
    assert_eq!(message.header.message_type, RTM_NEWROUTE);
    let mut bytes = vec![0u8; message.buffer_len()];
    message.serialize(&mut bytes);
    let decoded = NetlinkMessage::<RtnlMessage>::deserialize(&bytes).expect("decode");
    assert_eq!(
        decoded.payload,
        NetlinkPayload::InnerMessage(RtnlMessage::NewRoute(route))
    );
    let header = NetlinkHeader {
        message_type: RTM_NEWROUTE,
        ..NetlinkHeader::default()
    };
    assert!(RtnlMessage::deserialize(&header, &bytes[16..]).is_ok());
}

#[test]
fn nexthop_flags_and_group_weights() {
    // NHA_ID 13, NHA_GROUP {11 weight 2, 12 weight 1}, NHA_GROUP_TYPE 0.
    let mut bytes = vec![0u8, 0, 3, 0, 0, 0, 0, 0];
    bytes.extend(nla(1, &13u32.to_ne_bytes()));
    let mut group = Vec::new();
    group.extend_from_slice(&11u32.to_ne_bytes());
    group.extend_from_slice(&[1, 0, 0, 0]);
    group.extend_from_slice(&12u32.to_ne_bytes());
    group.extend_from_slice(&[0, 0, 0, 0]);
    bytes.extend(nla(2, &group));
    bytes.extend(nla(3, &0u16.to_ne_bytes()));
    bytes.extend(nla(4, &[])); // NHA_BLACKHOLE flag
    bytes.extend(nla(11, &[1])); // NHA_FDB with a value: malformed
    let nexthop =
        NexthopMessage::parse(&NexthopMessageBuffer::new_checked(&bytes[..]).expect("view"))
            .expect("nexthop");
    let weights: Vec<(u32, u32)> = nexthop
        .group_members()
        .iter()
        .map(|m| (m.id, m.weight()))
        .collect();
    assert_eq!(weights, vec![(11, 2), (12, 1)]);
    assert!(nexthop.is_blackhole());
    let NexthopAttribute::Malformed(bad) = &nexthop.attributes[4] else {
        panic!("expected malformed NHA_FDB");
    };
    assert_eq!(
        bad.error.to_string(),
        "NHA_FDB: flag attribute: expected 0 bytes, got 1"
    );
    assert_eq!(bad.kind(), 11);
    assert_eq!(emit(&nexthop), bytes);
    let view = NexthopMessageBuffer::new_checked(&bytes[..]).expect("view");
    assert_eq!(view.id(), Some(13));
}
