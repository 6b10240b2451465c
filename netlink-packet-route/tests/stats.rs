//! Link statistics messages against kernel captures, iproute2 and the live
//! kernel.

mod objects_support;

use netlink_packet_core::{NetlinkFlags, Parseable, ParseableParametrized, RawNla};
use netlink_packet_route::stats::{
    HwStatsInfo, HwStatsInfoAttribute, OffloadStatsAttribute, StatsAttribute, StatsFilter,
    StatsFilterMask, StatsMessage, StatsMessageBuffer, StatsMessageKind,
};
use netlink_packet_route::{RTM_GETSTATS, RTM_NEWSTATS, RTM_SETSTATS};
use netlink_test_support::{fixtures, ip, run_in_netns, unique_name};
use objects_support::{
    add_veth, assert_reemits, assert_typed_and_reemitted, fixture_replies, route_fixture_messages,
    strategies, RouteSocket, VethPair,
};
use proptest::prelude::*;

fn parse_reply(payload: &[u8]) -> StatsMessage {
    StatsMessage::parse_payload(payload).unwrap()
}

fn parse_request(payload: &[u8]) -> StatsMessage {
    StatsMessage::parse_with_param(
        &StatsMessageBuffer::new_checked(payload).unwrap(),
        StatsMessageKind::Request,
    )
    .unwrap()
}

fn is_untyped(attribute: &StatsAttribute) -> bool {
    match attribute {
        StatsAttribute::Other(_) | StatsAttribute::Malformed(_) => true,
        StatsAttribute::LinkOffloadXstats(list) => list.iter().any(|a| match a {
            OffloadStatsAttribute::Other(_) | OffloadStatsAttribute::Malformed(_) => true,
            OffloadStatsAttribute::HwStatsInfo(info) => info.iter().any(|i| match i {
                HwStatsInfo::L3Stats(list) => list.iter().any(|a| {
                    matches!(
                        a,
                        HwStatsInfoAttribute::Other(_) | HwStatsInfoAttribute::Malformed(_)
                    )
                }),
                _ => true,
            }),
            _ => false,
        }),
        StatsAttribute::GetFilters(list) => list
            .iter()
            .any(|f| matches!(f, StatsFilter::Other(_) | StatsFilter::Malformed(_))),
        _ => false,
    }
}

#[test]
fn every_fixture_stats_message_is_typed_and_reemits_identically() {
    let replies = route_fixture_messages(&[RTM_NEWSTATS]);
    assert_eq!(replies.len(), 14);
    assert_typed_and_reemitted(&replies, parse_reply, |message| {
        message.attributes.iter().any(is_untyped)
    });
    for message in &replies {
        assert!(parse_reply(&message.payload).link64().is_some());
    }
    let requests = route_fixture_messages(&[RTM_GETSTATS, RTM_SETSTATS]);
    assert_eq!(requests.len(), 1);
    for message in &requests {
        let parsed = parse_request(&message.payload);
        assert_eq!(
            parsed.header.filter_mask,
            StatsFilterMask::LINK_64 | StatsFilterMask::AF_SPEC
        );
        assert_reemits(&parsed, &message.payload, &message.origin);
    }
}

#[test]
fn counters_agree_with_iproute2() {
    let oracle = fixtures::oracle("ip_link_stats");
    let oracle = oracle.as_array().unwrap();
    for message in fixture_replies("rtnl_getstats_dump", &[RTM_NEWSTATS]) {
        let stats = parse_reply(&message.payload);
        let json = oracle
            .iter()
            .find(|link| link["ifindex"] == u64::from(stats.header.ifindex))
            .expect("link in ip -s link");
        let counters = stats.link64().unwrap();
        // iproute2 ran after the dump: its counters can only be larger.
        for (dumped, shown) in [
            (counters.rx_packets, &json["stats64"]["rx"]["packets"]),
            (counters.rx_bytes, &json["stats64"]["rx"]["bytes"]),
            (counters.tx_packets, &json["stats64"]["tx"]["packets"]),
            (counters.tx_bytes, &json["stats64"]["tx"]["bytes"]),
        ] {
            let shown = shown.as_u64().unwrap();
            assert!(
                shown >= dumped && shown - dumped < 10_000,
                "{}: dumped {dumped}, shown {shown}",
                json["ifname"]
            );
        }
        assert_eq!(
            json["stats64"]["rx"]["errors"].as_u64(),
            Some(counters.rx_errors)
        );
        assert_eq!(
            json["stats64"]["tx"]["dropped"].as_u64(),
            Some(counters.tx_dropped)
        );
    }
}

#[test]
fn request_and_reply_numbering_differ() {
    // Attribute 1 is IFLA_STATS_GET_FILTERS (nested) in a request and
    // IFLA_STATS_LINK_64 in a reply.
    let filters = strategies::payload(Vec::new(), &[RawNla::new(4, 6u32.to_ne_bytes().to_vec())]);
    let payload = strategies::payload(
        vec![0, 0, 0, 0, 3, 0, 0, 0, 8, 0, 0, 0],
        &[RawNla::new(1 | 0x8000, filters)],
    );
    let request = parse_request(&payload);
    assert_eq!(
        request.attributes,
        [StatsAttribute::GetFilters(vec![
            StatsFilter::LinkOffloadXstats(6)
        ])]
    );
    assert_reemits(&request, &payload, "request");
    let reply = parse_reply(&payload);
    assert!(matches!(reply.attributes[0], StatsAttribute::Other(_)));
    assert_reemits(&reply, &payload, "same bytes read as a reply");
    // A LINK_64 of the wrong size is malformed, not lost.
    let payload = strategies::payload(vec![0; 12], &[RawNla::new(1, vec![0; 100])]);
    let reply = parse_reply(&payload);
    assert!(matches!(&reply.attributes[0], StatsAttribute::Malformed(m)
        if m.error.to_string().starts_with("IFLA_STATS_LINK_64: expected 184, 192 or 200 bytes")));
    assert_reemits(&reply, &payload, "malformed");
}

fn get_stats(socket: &mut RouteSocket, request: &StatsMessage) -> Vec<StatsMessage> {
    let flags = if request.header.ifindex == 0 {
        NetlinkFlags::DUMP
    } else {
        NetlinkFlags::empty()
    };
    socket
        .request(RTM_GETSTATS, flags, request)
        .expect("RTM_GETSTATS")
        .into_iter()
        .map(|(kind, payload)| {
            assert_eq!(kind, RTM_NEWSTATS);
            parse_reply(&payload)
        })
        .collect()
}

#[test]
fn kernel_statistics_decode_typed() {
    run_in_netns("kernel_statistics_decode_typed", || {
        let bridge = unique_name("obw");
        ip(&["link", "add", &bridge, "type", "bridge"]);
        let VethPair {
            name: port,
            peer,
            index: port_index,
        } = add_veth("obx", "oby");
        ip(&["link", "set", &port, "master", &bridge]);
        for link in [&bridge, &port, &peer] {
            ip(&["link", "set", link, "up"]);
        }
        let mut socket = RouteSocket::open();

        // Every group, for every link.
        let all = StatsMessage::new_request(
            0,
            StatsFilterMask::LINK_64
                | StatsFilterMask::LINK_XSTATS
                | StatsFilterMask::LINK_XSTATS_SLAVE
                | StatsFilterMask::LINK_OFFLOAD_XSTATS
                | StatsFilterMask::AF_SPEC,
        );
        let replies = get_stats(&mut socket, &all);
        assert_eq!(replies.len(), 4, "lo, bridge and the veth pair");
        for reply in &replies {
            assert!(reply.link64().is_some());
            for attribute in &reply.attributes {
                assert!(
                    !matches!(
                        attribute,
                        StatsAttribute::Other(_) | StatsAttribute::Malformed(_)
                    ),
                    "{attribute:?}"
                );
            }
        }
        let port_stats = replies
            .iter()
            .find(|r| r.header.ifindex == port_index)
            .unwrap();
        // The bridge keeps per-port statistics (LINK_XSTATS_TYPE_BRIDGE = 1).
        assert!(
            port_stats.attributes.iter().any(|a| matches!(a,
            StatsAttribute::LinkXstatsSlave(list) if list.iter().any(|x| x.kind & 0x3fff == 1))),
            "{port_stats:?}"
        );

        // Enable L3 offload statistics on the port with RTM_SETSTATS, then
        // ask only for the hardware statistics info with a filter.
        let mut set = StatsMessage::new_request(port_index, StatsFilterMask::empty());
        set.attributes
            .push(StatsAttribute::SetOffloadXstatsL3Stats(1));
        socket.change(RTM_SETSTATS, NetlinkFlags::empty(), &set);
        let get = StatsMessage::new_request(port_index, StatsFilterMask::LINK_OFFLOAD_XSTATS)
            .with_filters(vec![StatsFilter::LinkOffloadXstats(
                1 << (netlink_packet_route::stats::IFLA_OFFLOAD_XSTATS_HW_S_INFO - 1),
            )]);
        let replies = get_stats(&mut socket, &get);
        assert_eq!(replies.len(), 1);
        assert!(!replies[0].attributes.iter().any(is_untyped), "{replies:?}");
        let StatsAttribute::LinkOffloadXstats(offload) = &replies[0].attributes[0] else {
            panic!("{replies:?}");
        };
        let [OffloadStatsAttribute::HwStatsInfo(info)] = offload.as_slice() else {
            panic!("only HW_S_INFO was asked for: {offload:?}");
        };
        let [HwStatsInfo::L3Stats(l3)] = info.as_slice() else {
            panic!("{info:?}");
        };
        assert!(l3.contains(&HwStatsInfoAttribute::Request(1)), "{l3:?}");
        assert!(l3.contains(&HwStatsInfoAttribute::Used(0)), "{l3:?}");
    });
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(view) = StatsMessageBuffer::new_checked(&bytes[..]) {
            let _ = StatsMessage::parse(&view);
            let _ = StatsMessage::parse_with_param(&view, StatsMessageKind::Request);
        }
    }

    #[test]
    fn well_formed_messages_reemit_identically(
        payload in strategies::message_payload(12, 6),
        request in any::<bool>(),
    ) {
        strategies::check_reemits(&payload, if request { parse_request } else { parse_reply })?;
    }
}
