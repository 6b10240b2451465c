//! Routes and nexthops built with this crate's emitters are accepted by the
//! live kernel (in a private network namespace), show up in `ip -j`, and
//! the kernel's dumps of them decode fully typed and re-emit identically.

mod route_support;

use std::net::{IpAddr, Ipv6Addr};

use netlink_packet_core::{AddressFamily, NetlinkFlags};
use netlink_packet_route::nexthop::{
    NexthopAttribute, NexthopGroupEntry, NexthopMessage, NexthopOpFlags,
    NexthopResilientGroupAttribute,
};
use netlink_packet_route::route::{
    EncapType, Ip6TunnelAttribute, IpTunnelAttribute, Ipv6SrHeader, MetricsLock,
    MplsEncapAttribute, MplsLabel, RouteAddress, RouteAttribute, RouteEncap, RouteFeatures,
    RouteFlags, RouteMessage, RouteMetric, RouteNexthop, RouteProtocol, RouteScope, RouteType,
    Seg6Encap, Seg6EncapAttribute, Seg6LocalAction, Seg6LocalAttribute, Seg6LocalCounter, Seg6Mode,
};
use netlink_packet_route::RtnlMessage;
use netlink_test_support::{ip_json, run_in_netns, skip_unsupported};
use route_support::*;

fn ip(text: &str) -> IpAddr {
    text.parse().expect("ip address")
}

/// Dumps the routes of `family` and checks every one decodes fully typed.
fn dump_routes(rtnl: &mut Rtnl, family: AddressFamily) -> Vec<RouteMessage> {
    let all = routes(rtnl.dump(RtnlMessage::GetRoute(RouteMessage::new(family))));
    for route in &all {
        assert_route_fully_typed(route);
    }
    all
}

fn find_route(routes: &[RouteMessage], destination: &str, prefix: u8) -> RouteMessage {
    let wanted = RouteAddress::from(ip(destination));
    routes
        .iter()
        .find(|r| r.destination() == Some(&wanted) && r.header.destination_prefix_length == prefix)
        .cloned()
        .unwrap_or_else(|| panic!("route {destination}/{prefix} not in the dump"))
}

#[test]
fn unicast_routes_with_gateway_v4_and_v6() {
    run_in_netns("unicast_routes_with_gateway_v4_and_v6", || {
        let oif = setup_veth("rt0");
        let mut rtnl = Rtnl::new();
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("10.2.0.0"), 16)
                .with_protocol(RouteProtocol::Static)
                .with_gateway(ip("10.1.0.254"))
                .with_output_interface(oif)
                .with_priority(33),
        ));
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("2001:db8:2::"), 64)
                .with_gateway(ip("2001:db8:1::fe"))
                .with_output_interface(oif)
                .with_priority(44),
        ));
        let shown = ip_json(&["route", "show", "10.2.0.0/16"]);
        assert_eq!(shown[0]["gateway"], "10.1.0.254");
        assert_eq!(shown[0]["metric"], 33);
        assert_eq!(shown[0]["protocol"], "static");
        assert_eq!(shown[0]["dev"], "rt0");
        let shown = ip_json(&["-6", "route", "show", "2001:db8:2::/64"]);
        assert_eq!(shown[0]["gateway"], "2001:db8:1::fe");
        assert_eq!(shown[0]["metric"], 44);

        let v4 = find_route(&dump_routes(&mut rtnl, AddressFamily::Inet), "10.2.0.0", 16);
        assert_eq!(v4.gateway(), Some(ip("10.1.0.254")));
        assert_eq!(v4.output_interface(), Some(oif));
        assert_eq!(v4.priority(), Some(33));
        assert_eq!(v4.header.protocol, RouteProtocol::Static);
        assert_eq!(v4.table(), 254);
        let v6 = find_route(
            &dump_routes(&mut rtnl, AddressFamily::Inet6),
            "2001:db8:2::",
            64,
        );
        assert_eq!(v6.gateway(), Some(ip("2001:db8:1::fe")));
        assert_eq!(v6.priority(), Some(44));

        // The kernel refuses a duplicate with EEXIST, and says so.
        let error = rtnl
            .try_create(RtnlMessage::NewRoute(
                RouteMessage::unicast(ip("10.2.0.0"), 16)
                    .with_protocol(RouteProtocol::Static)
                    .with_gateway(ip("10.1.0.254"))
                    .with_priority(33),
            ))
            .expect_err("duplicate route");
        assert_eq!(error.errno(), libc_eexist());
    });
}

fn libc_eexist() -> i32 {
    17
}

#[test]
fn multipath_routes_with_weights_v4_and_v6() {
    run_in_netns("multipath_routes_with_weights_v4_and_v6", || {
        let oif = setup_veth("rt1");
        let mut rtnl = Rtnl::new();
        let hop = |gateway: &str, weight: u16| {
            let mut hop = RouteNexthop {
                interface_index: oif,
                attributes: vec![RouteAttribute::Gateway(ip(gateway).into())],
                ..RouteNexthop::default()
            };
            hop.set_weight(weight);
            hop
        };
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("10.21.0.0"), 16)
                .with_multipath(vec![hop("10.1.0.253", 1), hop("10.1.0.254", 3)]),
        ));
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("2001:db8:21::"), 64)
                .with_multipath(vec![hop("2001:db8:1::fd", 2), hop("2001:db8:1::fe", 5)]),
        ));
        let shown = ip_json(&["route", "show", "10.21.0.0/16"]);
        let hops = shown[0]["nexthops"].as_array().expect("nexthops");
        assert_eq!(hops.len(), 2);
        assert_eq!(hops[0]["gateway"], "10.1.0.253");
        assert_eq!(hops[0]["weight"], 1);
        assert_eq!(hops[1]["gateway"], "10.1.0.254");
        assert_eq!(hops[1]["weight"], 3);
        let shown = ip_json(&["-6", "route", "show", "2001:db8:21::/64"]);
        let hops = shown[0]["nexthops"].as_array().expect("nexthops");
        assert_eq!(hops.len(), 2);
        assert_eq!(hops[1]["weight"], 5);

        let v4 = find_route(
            &dump_routes(&mut rtnl, AddressFamily::Inet),
            "10.21.0.0",
            16,
        );
        let weights: Vec<(Option<IpAddr>, u16)> = v4
            .multipath()
            .iter()
            .map(|h| (h.gateway(), h.weight()))
            .collect();
        assert_eq!(
            weights,
            vec![(Some(ip("10.1.0.253")), 1), (Some(ip("10.1.0.254")), 3)]
        );
        let v6 = find_route(
            &dump_routes(&mut rtnl, AddressFamily::Inet6),
            "2001:db8:21::",
            64,
        );
        assert_eq!(v6.multipath().len(), 2);
        assert_eq!(v6.multipath()[1].weight(), 5);
        assert!(v6.multipath().iter().all(|h| h.interface_index == oif));
    });
}

#[test]
fn route_metrics_including_congestion_control_and_features() {
    run_in_netns(
        "route_metrics_including_congestion_control_and_features",
        || {
            let oif = setup_veth("rt2");
            let mut rtnl = Rtnl::new();
            let metrics = vec![
                RouteMetric::Lock(MetricsLock::MTU),
                RouteMetric::Mtu(1400),
                RouteMetric::AdvMss(1360),
                RouteMetric::Window(65535),
                RouteMetric::InitCwnd(10),
                RouteMetric::HopLimit(32),
                RouteMetric::Features(RouteFeatures::ECN),
                RouteMetric::RtoMin(100),
                RouteMetric::QuickAck(1),
                RouteMetric::CongestionControl("reno".into()),
            ];
            rtnl.create(RtnlMessage::NewRoute(
                RouteMessage::unicast(ip("10.23.0.0"), 16)
                    .with_gateway(ip("10.1.0.254"))
                    .with_output_interface(oif)
                    .with_metrics(metrics),
            ));
            let shown = ip_json(&["-d", "route", "show", "10.23.0.0/16"]);
            let metrics = &shown[0]["metrics"][0];
            assert_eq!(metrics["mtu"], 1400);
            assert_eq!(metrics["advmss"], 1360);
            assert_eq!(metrics["window"], 65535);
            assert_eq!(metrics["initcwnd"], 10);
            assert_eq!(metrics["hoplimit"], 32);
            assert_eq!(metrics["rto_min"], 100);
            assert_eq!(metrics["quickack"], 1);
            assert_eq!(metrics["congestion"], "reno");
            assert!(metrics.get("ecn").is_some(), "{metrics}");

            let route = find_route(
                &dump_routes(&mut rtnl, AddressFamily::Inet),
                "10.23.0.0",
                16,
            );
            let metrics = route.metrics();
            assert!(metrics.contains(&RouteMetric::Mtu(1400)), "{metrics:?}");
            assert!(
                metrics.contains(&RouteMetric::Lock(MetricsLock::MTU)),
                "{metrics:?}"
            );
            assert!(metrics.contains(&RouteMetric::CongestionControl("reno".into())));
            assert!(metrics.contains(&RouteMetric::Features(RouteFeatures::ECN)));
            assert!(metrics.contains(&RouteMetric::RtoMin(100)));
        },
    );
}

#[test]
fn table_ids_over_255_and_special_route_types() {
    run_in_netns("table_ids_over_255_and_special_route_types", || {
        let oif = setup_veth("rt3");
        let mut rtnl = Rtnl::new();
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("10.40.0.0"), 16)
                .with_output_interface(oif)
                .with_scope(RouteScope::Link)
                .with_table(1000),
        ));
        for (destination, kind) in [
            ("10.99.0.0", RouteType::BlackHole),
            ("10.98.0.0", RouteType::Unreachable),
            ("10.97.0.0", RouteType::Prohibit),
            ("10.96.0.0", RouteType::Throw),
        ] {
            rtnl.create(RtnlMessage::NewRoute(
                RouteMessage::unicast(ip(destination), 16)
                    .with_kind(kind)
                    .with_table(1000),
            ));
        }
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("2001:db8:dead::"), 64).with_kind(RouteType::Unreachable),
        ));
        let shown = ip_json(&["route", "show", "table", "1000"]);
        let types: Vec<&str> = shown
            .as_array()
            .expect("routes")
            .iter()
            .map(|r| r["type"].as_str().unwrap_or("unicast"))
            .collect();
        for expected in ["blackhole", "unreachable", "prohibit", "throw"] {
            assert!(
                types.contains(&expected),
                "{expected} missing from {types:?}"
            );
        }
        assert!(shown
            .as_array()
            .expect("routes")
            .iter()
            .any(|r| r["dst"] == "10.40.0.0/16"));

        let dumped = dump_routes(&mut rtnl, AddressFamily::Inet);
        let in_1000: Vec<&RouteMessage> = dumped.iter().filter(|r| r.table() == 1000).collect();
        assert_eq!(in_1000.len(), 5, "{in_1000:?}");
        for route in &in_1000 {
            assert_eq!(route.header.table, 252, "rtm_table must be RT_TABLE_COMPAT");
            assert!(route.attributes.contains(&RouteAttribute::Table(1000)));
        }
        let blackhole = find_route(&dumped, "10.99.0.0", 16);
        assert_eq!(blackhole.header.kind, RouteType::BlackHole);
        let unreachable6 = find_route(
            &dump_routes(&mut rtnl, AddressFamily::Inet6),
            "2001:db8:dead::",
            64,
        );
        assert_eq!(unreachable6.header.kind, RouteType::Unreachable);
    });
}

#[test]
fn seg6_and_seg6_local_encapsulations() {
    run_in_netns("seg6_and_seg6_local_encapsulations", || {
        let oif = setup_veth("rt4");
        let mut rtnl = Rtnl::new();
        let segments = [ip6("fc00::1"), ip6("fc00::2")];
        let encap = RouteEncap::Seg6(vec![Seg6EncapAttribute::Srh(Seg6Encap {
            mode: Seg6Mode::Encap,
            header: Ipv6SrHeader::from_segments(&segments),
        })]);
        if let Err(error) = rtnl.try_create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("2001:db8:8::"), 64)
                .with_output_interface(oif)
                .with_encap(encap.clone()),
        )) {
            skip_unsupported("SEG6 lwtunnel", &error.to_string());
            return;
        }
        let shown = ip_json(&["-d", "-6", "route", "show", "2001:db8:8::/64"]);
        assert_eq!(shown[0]["encap"], "seg6");
        assert_eq!(shown[0]["mode"], "encap");
        assert_eq!(shown[0]["segs"], serde_json::json!(["fc00::1", "fc00::2"]));

        let local = RouteEncap::Seg6Local(vec![
            Seg6LocalAttribute::Action(Seg6LocalAction::End),
            // The kernel wants all three counters to enable counting.
            Seg6LocalAttribute::Counters(vec![
                Seg6LocalCounter::Packets(0),
                Seg6LocalCounter::Bytes(0),
                Seg6LocalCounter::Errors(0),
            ]),
        ]);
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("fc00::100"), 128)
                .with_output_interface(oif)
                .with_encap(local),
        ));
        let shown = ip_json(&["-d", "-6", "route", "show", "fc00::100/128"]);
        assert_eq!(shown[0]["encap"], "seg6local");
        assert_eq!(shown[0]["action"], "End");

        let dumped = dump_routes(&mut rtnl, AddressFamily::Inet6);
        let seg6 = find_route(&dumped, "2001:db8:8::", 64);
        assert!(seg6
            .attributes
            .contains(&RouteAttribute::EncapType(EncapType::Seg6)));
        assert!(
            seg6.attributes.contains(&RouteAttribute::Encap {
                encap,
                nested_flag: false
            }),
            "{seg6:?}"
        );
        let local = find_route(&dumped, "fc00::100", 128);
        let attributes = local
            .attributes
            .iter()
            .find_map(|a| match a {
                RouteAttribute::Encap {
                    encap: RouteEncap::Seg6Local(list),
                    ..
                } => Some(list),
                _ => None,
            })
            .expect("seg6local encap");
        assert!(attributes.contains(&Seg6LocalAttribute::Action(Seg6LocalAction::End)));
        assert!(
            attributes
                .iter()
                .any(|a| matches!(a, Seg6LocalAttribute::Counters(c) if !c.is_empty())),
            "kernel reports counters: {attributes:?}"
        );
    });
}

fn ip6(text: &str) -> Ipv6Addr {
    text.parse().expect("ipv6")
}

#[test]
fn ip_and_ip6_tunnel_encapsulations_without_options() {
    run_in_netns("ip_and_ip6_tunnel_encapsulations_without_options", || {
        let oif = setup_veth("rt5");
        let mut rtnl = Rtnl::new();
        let encap = RouteEncap::Ip(vec![
            IpTunnelAttribute::Id(100),
            IpTunnelAttribute::Destination("192.0.2.9".parse().expect("ip")),
            IpTunnelAttribute::Ttl(10),
        ]);
        if let Err(error) = rtnl.try_create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("10.9.0.0"), 16)
                .with_output_interface(oif)
                .with_encap(encap),
        )) {
            skip_unsupported("IP lwtunnel", &error.to_string());
            return;
        }
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("2001:db8:9::"), 64)
                .with_output_interface(oif)
                .with_encap(RouteEncap::Ip6(vec![
                    Ip6TunnelAttribute::Id(200),
                    Ip6TunnelAttribute::Destination(ip6("2001:db8::9")),
                    Ip6TunnelAttribute::HopLimit(7),
                ])),
        ));
        let shown = ip_json(&["-d", "route", "show", "10.9.0.0/16"]);
        assert_eq!(shown[0]["encap"], "ip");
        assert_eq!(shown[0]["id"], 100);
        assert_eq!(shown[0]["ttl"], 10);
        let shown = ip_json(&["-d", "-6", "route", "show", "2001:db8:9::/64"]);
        assert_eq!(shown[0]["encap"], "ip6");
        assert_eq!(shown[0]["id"], 200);
        assert_eq!(shown[0]["hoplimit"], 7);

        let v4 = find_route(&dump_routes(&mut rtnl, AddressFamily::Inet), "10.9.0.0", 16);
        let tunnel = v4
            .attributes
            .iter()
            .find_map(|a| match a {
                RouteAttribute::Encap {
                    encap: RouteEncap::Ip(list),
                    ..
                } => Some(list),
                _ => None,
            })
            .expect("ip encap");
        assert!(tunnel.contains(&IpTunnelAttribute::Id(100)), "{tunnel:?}");
        assert!(tunnel.contains(&IpTunnelAttribute::Ttl(10)));
        let v6 = find_route(
            &dump_routes(&mut rtnl, AddressFamily::Inet6),
            "2001:db8:9::",
            64,
        );
        assert!(format!("{v6:?}").contains("HopLimit(7)"), "{v6:?}");
    });
}

#[test]
fn mpls_encapsulation_when_the_kernel_supports_it() {
    run_in_netns("mpls_encapsulation_when_the_kernel_supports_it", || {
        let oif = setup_veth("rt6");
        let mut rtnl = Rtnl::new();
        let encap = RouteEncap::Mpls(vec![MplsEncapAttribute::Destination(MplsLabel::stack(&[
            100, 200,
        ]))]);
        match rtnl.try_create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("10.7.0.0"), 16)
                .with_gateway(ip("10.1.0.254"))
                .with_output_interface(oif)
                .with_encap(encap.clone()),
        )) {
            Ok(()) => {
                let shown = ip_json(&["-d", "route", "show", "10.7.0.0/16"]);
                assert_eq!(shown[0]["encap"], "mpls");
                let route =
                    find_route(&dump_routes(&mut rtnl, AddressFamily::Inet), "10.7.0.0", 16);
                assert!(route.attributes.contains(&RouteAttribute::Encap {
                    encap,
                    nested_flag: false
                }));
            }
            Err(error) => {
                // EOPNOTSUPP: no CONFIG_MPLS_IPTUNNEL (mpls_iptunnel module).
                assert_eq!(error.errno(), 95, "unexpected error: {error}");
                skip_unsupported("MPLS lwtunnel (mpls_iptunnel)", &error.to_string());
            }
        }
    });
}

#[test]
fn nexthop_objects_groups_and_routes_using_them() {
    run_in_netns("nexthop_objects_groups_and_routes_using_them", || {
        let oif = setup_veth("rt7");
        let mut rtnl = Rtnl::new();
        rtnl.create(RtnlMessage::NewNexthop(NexthopMessage::gateway(
            11,
            ip("10.1.0.254"),
            oif,
        )));
        rtnl.create(RtnlMessage::NewNexthop(NexthopMessage::gateway(
            12,
            ip("10.1.0.253"),
            oif,
        )));
        rtnl.create(RtnlMessage::NewNexthop(NexthopMessage::group(
            13,
            vec![NexthopGroupEntry::new(11, 2), NexthopGroupEntry::new(12, 1)],
        )));
        rtnl.create(RtnlMessage::NewNexthop(NexthopMessage::blackhole(14)));
        rtnl.create(RtnlMessage::NewNexthop(NexthopMessage::gateway(
            21,
            ip("2001:db8:1::fe"),
            oif,
        )));
        rtnl.create(RtnlMessage::NewNexthop(NexthopMessage::device(22, oif)));
        rtnl.create(RtnlMessage::NewNexthop(NexthopMessage::resilient_group(
            15,
            vec![NexthopGroupEntry::new(11, 1), NexthopGroupEntry::new(12, 1)],
            32,
            60,
            0,
        )));
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("10.50.0.0"), 16).with_nexthop_id(13),
        ));

        let shown = ip_json(&["nexthop", "show"]);
        let by_id = |id: u64| {
            shown
                .as_array()
                .expect("nexthops")
                .iter()
                .find(|n| n["id"] == id)
                .cloned()
                .unwrap_or_else(|| panic!("nexthop {id} missing from {shown}"))
        };
        assert_eq!(by_id(11)["gateway"], "10.1.0.254");
        assert_eq!(by_id(13)["group"][0]["weight"], 2);
        assert!(by_id(14).get("blackhole").is_some());
        assert_eq!(by_id(21)["gateway"], "2001:db8:1::fe");
        assert_eq!(by_id(15)["type"], "resilient");
        assert_eq!(by_id(15)["resilient_args"]["buckets"], 32);
        let route = ip_json(&["route", "show", "10.50.0.0/16"]);
        assert_eq!(route[0]["nhid"], 13);

        let dumped = nexthops(rtnl.dump(RtnlMessage::GetNexthop(NexthopMessage::default())));
        assert_eq!(dumped.len(), 7);
        for nexthop in &dumped {
            assert_nexthop_fully_typed(nexthop);
        }
        let group = dumped
            .iter()
            .find(|n| n.id() == Some(13))
            .expect("group 13");
        let members: Vec<(u32, u32)> = group
            .group_members()
            .iter()
            .map(|m| (m.id, m.weight()))
            .collect();
        assert_eq!(members, vec![(11, 2), (12, 1)]);
        let resilient = dumped
            .iter()
            .find(|n| n.id() == Some(15))
            .expect("group 15");
        assert!(resilient.attributes.iter().any(|a| matches!(
            a,
            NexthopAttribute::ResilientGroup(list)
                if list.contains(&NexthopResilientGroupAttribute::Buckets(32))
        )));
        assert!(dumped
            .iter()
            .any(|n| n.id() == Some(14) && n.is_blackhole()));

        // Group statistics on request (NHA_OP_FLAGS).
        let mut request = NexthopMessage::default();
        request
            .attributes
            .push(NexthopAttribute::OpFlags(NexthopOpFlags::DUMP_STATS));
        let with_stats = nexthops(rtnl.dump(RtnlMessage::GetNexthop(request)));
        let stats_group = with_stats
            .iter()
            .find(|n| n.id() == Some(13))
            .expect("group 13");
        assert_nexthop_fully_typed(stats_group);
        assert!(
            stats_group
                .attributes
                .iter()
                .any(|a| matches!(a, NexthopAttribute::GroupStats(entries) if entries.len() == 2)),
            "{stats_group:?}"
        );

        let route = find_route(
            &dump_routes(&mut rtnl, AddressFamily::Inet),
            "10.50.0.0",
            16,
        );
        assert!(route.attributes.contains(&RouteAttribute::NexthopId(13)));
    });
}

#[test]
fn nexthop_with_encapsulation() {
    run_in_netns("nexthop_with_encapsulation", || {
        let oif = setup_veth("rt8");
        let mut rtnl = Rtnl::new();
        let encap = RouteEncap::Seg6(vec![Seg6EncapAttribute::Srh(Seg6Encap {
            mode: Seg6Mode::Encap,
            header: Ipv6SrHeader::from_segments(&[ip6("fc00::1")]),
        })]);
        let message = NexthopMessage::gateway(30, ip("10.1.0.254"), oif).with_encap(encap.clone());
        if let Err(error) = rtnl.try_create(RtnlMessage::NewNexthop(message)) {
            panic!("kernel refused a nexthop with SEG6 encap: {error}");
        }
        let shown = ip_json(&["nexthop", "show", "id", "30"]);
        assert_eq!(shown[0]["encap"], "seg6");
        let dumped = nexthops(rtnl.dump(RtnlMessage::GetNexthop(NexthopMessage::default())));
        let nexthop = dumped
            .iter()
            .find(|n| n.id() == Some(30))
            .expect("nexthop 30");
        assert_nexthop_fully_typed(nexthop);
        assert!(nexthop.attributes.contains(&NexthopAttribute::Encap {
            encap,
            // The kernel sends it without NLA_F_NESTED.
            nested_flag: false
        }));
    });
}

#[test]
fn route_lookup_and_fib_match() {
    run_in_netns("route_lookup_and_fib_match", || {
        let oif = setup_veth("rt9");
        let mut rtnl = Rtnl::new();
        rtnl.create(RtnlMessage::NewRoute(
            RouteMessage::unicast(ip("10.23.0.0"), 16)
                .with_gateway(ip("10.1.0.254"))
                .with_output_interface(oif)
                .with_metrics(vec![RouteMetric::Mtu(1400)]),
        ));
        let mut lookup = RouteMessage::new(AddressFamily::Inet);
        lookup.header.destination_prefix_length = 32;
        lookup
            .attributes
            .push(RouteAttribute::Destination(ip("10.23.1.1").into()));
        let reply = routes(
            rtnl.request(RtnlMessage::GetRoute(lookup.clone()), NetlinkFlags::empty())
                .messages,
        );
        assert_eq!(reply.len(), 1);
        assert_route_fully_typed(&reply[0]);
        assert_eq!(reply[0].gateway(), Some(ip("10.1.0.254")));
        assert_eq!(
            reply[0].destination(),
            Some(&RouteAddress::from(ip("10.23.1.1")))
        );

        lookup.header.flags = RouteFlags::FIB_MATCH;
        let reply = routes(
            rtnl.request(RtnlMessage::GetRoute(lookup), NetlinkFlags::empty())
                .messages,
        );
        assert_eq!(reply.len(), 1);
        assert_eq!(reply[0].header.destination_prefix_length, 16);
        assert!(reply[0].metrics().contains(&RouteMetric::Mtu(1400)));
    });
}
