//! Neighbour table messages against kernel captures, iproute2 and the live
//! kernel.

mod objects_support;

use netlink_packet_core::{NetlinkFlags, Parseable, RawNla};
use netlink_packet_route::common::AddressFamily;
use netlink_packet_route::neighbour_table::{
    NeighbourTableAttribute, NeighbourTableHeader, NeighbourTableMessage,
    NeighbourTableMessageBuffer, NeighbourTableParameter,
};
use netlink_packet_route::{RTM_GETNEIGHTBL, RTM_NEWNEIGHTBL, RTM_SETNEIGHTBL};
use netlink_test_support::{fixtures, ip_json, run_in_netns};
use objects_support::{
    add_veth, assert_reemits, assert_typed_and_reemitted, fixture_link_names, fixture_replies,
    route_fixture_messages, strategies, RouteSocket, VethPair,
};
use proptest::prelude::*;

fn parse(payload: &[u8]) -> NeighbourTableMessage {
    NeighbourTableMessage::parse_payload(payload).unwrap()
}

fn is_untyped(attribute: &NeighbourTableAttribute) -> bool {
    match attribute {
        NeighbourTableAttribute::Other(_) | NeighbourTableAttribute::Malformed(_) => true,
        NeighbourTableAttribute::Parameters(parameters) => parameters.iter().any(|p| {
            matches!(
                p,
                NeighbourTableParameter::Other(_) | NeighbourTableParameter::Malformed(_)
            )
        }),
        _ => false,
    }
}

#[test]
fn every_fixture_neighbour_table_message_is_typed_and_reemits_identically() {
    let messages = route_fixture_messages(&[RTM_NEWNEIGHTBL, RTM_GETNEIGHTBL, RTM_SETNEIGHTBL]);
    assert_eq!(messages.len(), 17, "16 tables and a dump request");
    assert_typed_and_reemitted(&messages, parse, |message| {
        message.attributes.iter().any(is_untyped)
    });
}

/// The `ip -j ntable` key and value of a parameter (None for the ones it
/// does not print or that change on their own, like the randomised
/// reachable time).
fn iproute2_parameter(parameter: &NeighbourTableParameter) -> Option<(&'static str, u64)> {
    use NeighbourTableParameter::*;
    Some(match parameter {
        RefCount(v) => ("refcnt", u64::from(*v)),
        BaseReachableTime(v) => ("base_reachable", *v),
        RetransTime(v) => ("retrans", *v),
        GcStaleTime(v) => ("gc_stale", *v),
        DelayProbeTime(v) => ("delay_probe", *v),
        QueueLen(v) => ("queue", u64::from(*v)),
        AppProbes(v) => ("app_probes", u64::from(*v)),
        UcastProbes(v) => ("ucast_probes", u64::from(*v)),
        McastProbes(v) => ("mcast_probes", u64::from(*v)),
        AnycastDelay(v) => ("anycast_delay", *v),
        ProxyDelay(v) => ("proxy_delay", *v),
        ProxyQueueLen(v) => ("proxy_queue", u64::from(*v)),
        LockTime(v) => ("locktime", *v),
        _ => return None,
    })
}

#[test]
fn dump_agrees_with_iproute2() {
    let names = fixture_link_names();
    let oracle = fixtures::oracle("ip_ntable");
    let oracle = oracle.as_array().unwrap();
    let dump = fixture_replies("rtnl_getneightbl_dump", &[RTM_NEWNEIGHTBL]);
    let mut compared_parameters = 0;
    for message in &dump {
        let table = parse(&message.payload);
        let family = match table.header.family {
            AddressFamily::Inet => "inet",
            AddressFamily::Inet6 => "inet6",
            other => panic!("unexpected family {other:?}"),
        };
        let dev = table
            .ifindex()
            .map(|index| names[&u64::from(index)].as_str());
        let json = oracle
            .iter()
            .find(|json| {
                json["family"] == family
                    && json["name"].as_str() == table.name()
                    && json["dev"].as_str() == dev
            })
            .unwrap_or_else(|| panic!("{family} {:?} {dev:?} not in ip -j ntable", table.name()));
        for attribute in &table.attributes {
            let (key, value) = match attribute {
                NeighbourTableAttribute::Threshold1(v) => ("thresh1", u64::from(*v)),
                NeighbourTableAttribute::Threshold2(v) => ("thresh2", u64::from(*v)),
                NeighbourTableAttribute::Threshold3(v) => ("thresh3", u64::from(*v)),
                NeighbourTableAttribute::GcInterval(v) => ("gc_interval", *v),
                _ => continue,
            };
            assert_eq!(json[key].as_u64(), Some(value), "{family} {key}");
        }
        for parameter in table.parameters().expect("NDTA_PARMS") {
            if let Some((key, value)) = iproute2_parameter(parameter) {
                assert_eq!(json[key].as_u64(), Some(value), "{family} {dev:?} {key}");
                compared_parameters += 1;
            }
        }
        if dev.is_none() {
            let config = table.attributes.iter().find_map(|a| match a {
                NeighbourTableAttribute::Config(config) => Some(*config),
                _ => None,
            });
            let config = config.expect("table-wide message has NDTA_CONFIG");
            let key_len = if family == "inet" { 4 } else { 16 };
            assert_eq!(config.key_len, key_len);
            assert!(table.attributes.iter().any(
                |a| matches!(a, NeighbourTableAttribute::Stats(s) if s.lookups > 0 || s.allocs > 0)
            ));
        }
    }
    assert!(compared_parameters > 150, "{compared_parameters}");
}

#[test]
fn malformed_parameter_keeps_the_rest_of_the_message() {
    let parameters = [
        RawNla::new(1, 3u32.to_ne_bytes().to_vec()),
        // NDTPA_BASE_REACHABLE_TIME of 4 bytes (u64 expected)
        RawNla::new(4, 30000u32.to_ne_bytes().to_vec()),
        RawNla::new(8, 101u32.to_ne_bytes().to_vec()),
    ];
    let nested = strategies::payload(Vec::new(), &parameters);
    let attributes = [
        RawNla::new(1, b"arp_cache\0".to_vec()),
        RawNla::new(6, nested),
    ];
    let payload = strategies::payload(vec![2, 0, 0, 0], &attributes);
    let table = parse(&payload);
    assert_eq!(table.name(), Some("arp_cache"));
    assert_eq!(table.ifindex(), Some(3));
    let parameters = table.parameters().unwrap();
    assert_eq!(parameters[2], NeighbourTableParameter::QueueLen(101));
    let NeighbourTableParameter::Malformed(malformed) = &parameters[1] else {
        panic!("{:?}", parameters[1]);
    };
    assert_eq!(
        malformed.error.to_string(),
        "NDTPA_BASE_REACHABLE_TIME: expected 8 bytes, got 4"
    );
    assert_reemits(&table, &payload, "hand-built table");
}

#[test]
fn kernel_accepts_parameters_built_here() {
    run_in_netns("kernel_accepts_parameters_built_here", || {
        let VethPair { name, index, .. } = add_veth("obt", "obu");
        let mut socket = RouteSocket::open();

        let request = NeighbourTableMessage::new_inet("arp_cache").with_attribute(
            NeighbourTableAttribute::Parameters(vec![
                NeighbourTableParameter::IfIndex(index),
                NeighbourTableParameter::QueueLen(17),
                NeighbourTableParameter::BaseReachableTime(45_000),
                NeighbourTableParameter::UcastProbes(7),
                NeighbourTableParameter::IntervalProbeTime(4_000),
            ]),
        );
        request.validate().unwrap();
        socket.change(RTM_SETNEIGHTBL, NetlinkFlags::empty(), &request);

        let shown = ip_json(&["ntable", "show", "dev", &name, "name", "arp_cache"]);
        let json = &shown[0];
        assert_eq!(json["dev"], name.as_str());
        assert_eq!(json["queue"], 17);
        assert_eq!(json["base_reachable"], 45_000);
        assert_eq!(json["ucast_probes"], 7);

        let request = NeighbourTableMessage::new(NeighbourTableHeader {
            family: AddressFamily::Inet,
            padding: [0; 3],
        });
        let tables: Vec<NeighbourTableMessage> = socket
            .dump(RTM_GETNEIGHTBL, &request, RTM_NEWNEIGHTBL)
            .iter()
            .map(|payload| parse(payload))
            .collect();
        assert!(tables.iter().all(|t| !t.attributes.iter().any(is_untyped)));
        assert!(tables
            .iter()
            .any(|t| t.ifindex().is_none() && t.name() == Some("arp_cache")));
        let ours = tables
            .iter()
            .find(|t| t.ifindex() == Some(index))
            .expect("per-device parameters in dump");
        let parameters = ours.parameters().unwrap();
        for expected in [
            NeighbourTableParameter::QueueLen(17),
            NeighbourTableParameter::BaseReachableTime(45_000),
            NeighbourTableParameter::UcastProbes(7),
            NeighbourTableParameter::IntervalProbeTime(4_000),
        ] {
            assert!(
                parameters.contains(&expected),
                "{expected:?} in {parameters:?}"
            );
        }
    });
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(view) = NeighbourTableMessageBuffer::new_checked(&bytes[..]) {
            let _ = NeighbourTableMessage::parse(&view);
        }
    }

    #[test]
    fn well_formed_messages_reemit_identically(payload in strategies::message_payload(4, 10)) {
        strategies::check_reemits(&payload, parse)?;
    }
}
