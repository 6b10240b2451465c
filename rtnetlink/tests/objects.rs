//! Address, route, neighbour and rule operations against the live kernel,
//! checked with `ip -j`.

#![cfg(feature = "tokio")]

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use common::{addresses_of, index_of, with_handle};
use futures::TryStreamExt;
use netlink_test_support::skip_unsupported;
use netlink_test_support::{ip, ip_json, run_in_netns};
use rtnetlink::{
    packet_route::{
        common::{AddressFamily, RouteProtocol, RouteType},
        route::{
            IpTunnelAttribute, IpTunnelOption, MplsEncapAttribute, MplsLabel, RouteAttribute,
            RouteEncap, RouteMetric,
        },
    },
    BlockingHandle, NextHop,
};
use serde_json::Value;

fn v4(a: u8, b: u8, c: u8, d: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(a, b, c, d))
}

fn v6(text: &str) -> IpAddr {
    IpAddr::V6(text.parse::<Ipv6Addr>().unwrap())
}

fn setup_veth(name: &str, peer: &str) -> u32 {
    ip(&["link", "add", name, "type", "veth", "peer", "name", peer]);
    ip(&["link", "set", name, "up"]);
    ip(&["link", "set", peer, "up"]);
    index_of(name)
}

fn find<'a>(list: &'a [Value], key: &str, value: &str) -> Option<&'a Value> {
    list.iter().find(|item| item[key] == value)
}

#[test]
fn addresses_add_get_replace_del_flush() {
    run_in_netns("addresses_add_get_replace_del_flush", || {
        let index = setup_veth("ad-a", "ad-b");
        with_handle(|handle| async move {
            handle
                .address()
                .add(index, v4(10, 1, 0, 1), 24)
                .broadcast(Ipv4Addr::new(10, 1, 0, 255))
                .label("ad-a:one")
                .execute()
                .await
                .expect("v4 add");
            handle
                .address()
                .add(index, v4(10, 9, 0, 1), 32)
                .peer(v4(10, 9, 0, 2))
                .execute()
                .await
                .expect("peer add");
            handle
                .address()
                .add(index, v6("2001:db8::1"), 64)
                .nodad()
                .noprefixroute()
                .lifetimes(3000, 2000)
                .execute()
                .await
                .expect("v6 add");
            let error = handle
                .address()
                .add(index, v4(10, 1, 0, 1), 24)
                .execute()
                .await
                .unwrap_err();
            assert!(error.already_exists(), "{error}");

            let info = addresses_of("ad-a");
            let one = find(&info, "local", "10.1.0.1").expect("10.1.0.1");
            assert_eq!(one["prefixlen"], 24);
            assert_eq!(one["broadcast"], "10.1.0.255");
            assert_eq!(one["label"], "ad-a:one");
            let peer = find(&info, "local", "10.9.0.1").expect("peer address");
            assert_eq!(peer["address"], "10.9.0.2");
            let six = find(&info, "local", "2001:db8::1").expect("v6");
            assert_eq!(six["nodad"], true);
            assert_eq!(six["noprefixroute"], true);
            assert!(six["valid_life_time"].as_u64().unwrap() <= 3000);
            assert!(six["preferred_life_time"].as_u64().unwrap() <= 2000);

            // Dump with filters.
            let mine: Vec<_> = handle
                .address()
                .get()
                .index(index)
                .execute()
                .try_collect()
                .await
                .unwrap();
            let ours = info.len();
            assert_eq!(mine.len(), ours);
            let only_v6: Vec<_> = handle
                .address()
                .get()
                .index(index)
                .family(AddressFamily::Inet6)
                .execute()
                .try_collect()
                .await
                .unwrap();
            assert!(only_v6
                .iter()
                .all(|a| a.header.family == AddressFamily::Inet6));
            let exact: Vec<_> = handle
                .address()
                .get()
                .prefix(v4(10, 1, 0, 1), 24)
                .execute()
                .try_collect()
                .await
                .unwrap();
            assert_eq!(exact.len(), 1);
            assert_eq!(exact[0].label(), Some("ad-a:one"));

            // Replace updates the existing address (its lifetimes) in place.
            handle
                .address()
                .replace(index, v4(10, 1, 0, 1), 24)
                .lifetimes(100, 50)
                .execute()
                .await
                .expect("replace");
            let info = addresses_of("ad-a");
            let replaced = find(&info, "local", "10.1.0.1").unwrap();
            assert!(
                replaced["valid_life_time"].as_u64().unwrap() <= 100,
                "{replaced}"
            );
            assert_eq!(info.len(), ours);

            // Delete one, then flush the rest.
            handle
                .address()
                .del(index, v4(10, 1, 0, 1), 24)
                .await
                .expect("del");
            assert!(find(&addresses_of("ad-a"), "local", "10.1.0.1").is_none());
            let error = handle
                .address()
                .del(index, v4(10, 1, 0, 1), 24)
                .await
                .unwrap_err();
            assert!(error.is_not_found(), "{error}");
            let removed = handle
                .address()
                .flush(index, Some(AddressFamily::Inet))
                .await
                .unwrap();
            assert_eq!(removed, 1);
            assert!(addresses_of("ad-a").iter().all(|a| a["family"] != "inet"));
        });
    });
}

#[test]
fn routes_add_dump_lookup_replace_del() {
    run_in_netns("routes_add_dump_lookup_replace_del", || {
        let index = setup_veth("rt-a", "rt-b");
        let other = index_of("rt-b");
        ip(&["addr", "add", "10.2.0.1/24", "dev", "rt-a"]);
        ip(&["addr", "add", "10.3.0.1/24", "dev", "rt-b"]);
        with_handle(|handle| async move {
            // Gateway route with a metric and an MTU metric.
            handle
                .route()
                .add(v4(192, 0, 2, 0), 24)
                .gateway(v4(10, 2, 0, 2))
                .priority(50)
                .metric(RouteMetric::Mtu(1300))
                .execute()
                .await
                .expect("gateway route");
            let routes = ip_json(&["route", "show", "192.0.2.0/24"]);
            assert_eq!(routes[0]["gateway"], "10.2.0.2");
            assert_eq!(routes[0]["dev"], "rt-a");
            assert_eq!(routes[0]["metric"], 50);
            assert_eq!(routes[0]["metrics"][0]["mtu"], 1300);

            // Duplicate: EEXIST, with the kernel's text when it gives one.
            let error = handle
                .route()
                .add(v4(192, 0, 2, 0), 24)
                .gateway(v4(10, 2, 0, 2))
                .priority(50)
                .execute()
                .await
                .unwrap_err();
            assert!(error.already_exists(), "{error}");
            assert!(
                error.to_string().contains("route add (RTM_NEWROUTE"),
                "{error}"
            );

            // Invalid gateway: the extended-ack text comes through.
            let error = handle
                .route()
                .add(v4(198, 51, 100, 0), 24)
                .gateway(v4(172, 31, 0, 1))
                .execute()
                .await
                .unwrap_err();
            assert_eq!(error.errno(), Some(libc::ENETUNREACH), "{error}");
            assert!(error.kernel_message().is_some(), "{error}");

            // Table over 255, multipath with weights.
            handle
                .route()
                .add(v4(203, 0, 113, 0), 24)
                .table(1000)
                .multipath(vec![
                    NextHop::new(v4(10, 2, 0, 2), index).weight(3),
                    NextHop::new(v4(10, 3, 0, 2), other).weight(7),
                ])
                .execute()
                .await
                .expect("multipath route");
            let routes = ip_json(&["route", "show", "table", "1000"]);
            let hops = routes[0]["nexthops"].as_array().expect("nexthops");
            assert_eq!(hops.len(), 2);
            assert_eq!(hops[0]["gateway"], "10.2.0.2");
            assert_eq!(hops[0]["weight"], 3);
            assert_eq!(hops[1]["weight"], 7);

            // Types: blackhole, unreachable, prohibit, local.
            for (prefix, kind, name) in [
                (v4(198, 18, 1, 0), RouteType::BlackHole, "blackhole"),
                (v4(198, 18, 2, 0), RouteType::Unreachable, "unreachable"),
                (v4(198, 18, 3, 0), RouteType::Prohibit, "prohibit"),
            ] {
                handle
                    .route()
                    .add(prefix, 24)
                    .kind(kind)
                    .table(1000)
                    .execute()
                    .await
                    .expect(name);
                let shown = ip_json(&["route", "show", "table", "1000", "type", name]);
                assert_eq!(shown.as_array().unwrap().len(), 1, "{name}: {shown}");
            }
            handle
                .route()
                .add(v4(10, 2, 0, 77), 32)
                .kind(RouteType::Local)
                .output_interface(index)
                .execute()
                .await
                .expect("local route");
            let local = ip_json(&["route", "show", "table", "local", "10.2.0.77"]);
            assert_eq!(local[0]["type"], "local");

            // Kernel-filtered dump of one table.
            let mut dump = handle
                .route()
                .get(AddressFamily::Inet)
                .table(1000)
                .execute();
            let mut in_table = Vec::new();
            while let Some(route) = dump.try_next().await.unwrap() {
                in_table.push(route);
            }
            assert_eq!(in_table.len(), 4);
            assert!(in_table.iter().all(|r| r.table() == 1000));
            assert_eq!(dump.kernel_filtered(), Some(true));
            let boot: Vec<_> = handle
                .route()
                .get(AddressFamily::Inet)
                .protocol(RouteProtocol::Boot)
                .execute()
                .try_collect()
                .await
                .unwrap();
            assert!(boot.iter().any(|r| r.priority() == Some(50)));
            assert!(boot
                .iter()
                .all(|r| r.header.protocol == RouteProtocol::Boot));

            // Lookup (`ip route get`).
            let found = handle
                .route()
                .lookup(v4(192, 0, 2, 9))
                .execute()
                .await
                .expect("lookup");
            assert_eq!(found.gateway(), Some(v4(10, 2, 0, 2)));
            assert_eq!(found.output_interface(), Some(index));

            // Replace moves the route to the other gateway.
            handle
                .route()
                .replace(v4(192, 0, 2, 0), 24)
                .gateway(v4(10, 3, 0, 2))
                .priority(50)
                .execute()
                .await
                .expect("replace");
            let routes = ip_json(&["route", "show", "192.0.2.0/24"]);
            assert_eq!(routes.as_array().unwrap().len(), 1);
            assert_eq!(routes[0]["gateway"], "10.3.0.2");

            // Delete, and deleting again is not found.
            handle
                .route()
                .del(v4(192, 0, 2, 0), 24)
                .priority(50)
                .execute()
                .await
                .expect("del");
            assert!(ip_json(&["route", "show", "192.0.2.0/24"])
                .as_array()
                .unwrap()
                .is_empty());
            let error = handle
                .route()
                .del(v4(192, 0, 2, 0), 24)
                .execute()
                .await
                .unwrap_err();
            assert!(error.is_not_found(), "{error}");
            // Delete what a dump returned.
            for route in in_table {
                handle.route().del_message(route).await.expect("del dumped");
            }
            assert!(ip_json(&["route", "show", "table", "1000"])
                .as_array()
                .unwrap()
                .is_empty());

            // IPv6.
            ip(&["addr", "add", "2001:db8:2::1/64", "dev", "rt-a", "nodad"]);
            handle
                .route()
                .add(v6("2001:db8:99::"), 48)
                .gateway(v6("2001:db8:2::2"))
                .execute()
                .await
                .expect("v6 route");
            let routes = ip_json(&["-6", "route", "show", "2001:db8:99::/48"]);
            assert_eq!(routes[0]["gateway"], "2001:db8:2::2");
        });
    });
}

#[test]
fn neighbours_and_bridge_fdb() {
    run_in_netns("neighbours_and_bridge_fdb", || {
        let index = setup_veth("nb-a", "nb-b");
        ip(&["link", "add", "nb-br", "type", "bridge"]);
        ip(&["link", "set", "nb-b", "master", "nb-br"]);
        let port = index_of("nb-b");
        with_handle(|handle| async move {
            handle
                .neighbours()
                .add(index, v4(10, 4, 0, 9))
                .link_layer_address([2, 0, 0, 0, 0, 9])
                .execute()
                .await
                .expect("neigh add");
            let shown = ip_json(&["neigh", "show", "dev", "nb-a"]);
            let entry = find(shown.as_array().unwrap(), "dst", "10.4.0.9").expect("entry");
            assert_eq!(entry["lladdr"], "02:00:00:00:00:09");
            assert_eq!(entry["state"][0], "PERMANENT");
            let error = handle
                .neighbours()
                .add(index, v4(10, 4, 0, 9))
                .link_layer_address([2, 0, 0, 0, 0, 9])
                .execute()
                .await
                .unwrap_err();
            assert!(error.already_exists(), "{error}");
            handle
                .neighbours()
                .replace(index, v4(10, 4, 0, 9))
                .link_layer_address([2, 0, 0, 0, 0, 10])
                .execute()
                .await
                .expect("replace");
            handle
                .neighbours()
                .add(index, v6("2001:db8::9"))
                .link_layer_address([2, 0, 0, 0, 0, 11])
                .execute()
                .await
                .expect("v6 neigh");
            let dumped: Vec<_> = handle
                .neighbours()
                .get()
                .index(index)
                .execute()
                .try_collect()
                .await
                .unwrap();
            let entry = dumped
                .iter()
                .find(|n| n.destination() == Some(v4(10, 4, 0, 9)))
                .expect("dumped entry");
            assert_eq!(
                entry.link_layer_address().unwrap().as_bytes(),
                &[2, 0, 0, 0, 0, 10]
            );
            assert!(dumped
                .iter()
                .any(|n| n.destination() == Some(v6("2001:db8::9"))));
            handle
                .neighbours()
                .del(index, v4(10, 4, 0, 9))
                .await
                .expect("del");
            let shown = ip_json(&["neigh", "show", "dev", "nb-a"]);
            assert!(find(shown.as_array().unwrap(), "dst", "10.4.0.9").is_none());
            let error = handle
                .neighbours()
                .del(index, v4(10, 4, 0, 9))
                .await
                .unwrap_err();
            assert!(error.is_not_found(), "{error}");

            // Bridge forwarding entry.
            handle
                .neighbours()
                .add_bridge(port, [2, 0, 0, 0, 0, 0x42])
                .execute()
                .await
                .expect("fdb add");
            let fdb = std::process::Command::new("bridge")
                .args(["-j", "fdb", "show", "dev", "nb-b"])
                .output()
                .expect("bridge fdb");
            let fdb: Value = serde_json::from_slice(&fdb.stdout).unwrap();
            assert!(
                fdb.as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["mac"] == "02:00:00:00:00:42"),
                "{fdb}"
            );
            let dumped: Vec<_> = handle
                .neighbours()
                .get()
                .family(AddressFamily::Bridge)
                .index(port)
                .execute()
                .try_collect()
                .await
                .unwrap();
            assert!(dumped.iter().any(|n| n
                .link_layer_address()
                .is_some_and(|a| a.as_bytes() == [2, 0, 0, 0, 0, 0x42])));
        });
    });
}

#[test]
fn rules_add_get_del() {
    run_in_netns("rules_add_get_del", || {
        with_handle(|handle| async move {
            handle
                .rule()
                .add(AddressFamily::Inet)
                .priority(1234)
                .source(v4(10, 5, 0, 0), 16)
                .fwmark(7, 0xff)
                .table(1000)
                .execute()
                .await
                .expect("rule add");
            let rules = ip_json(&["rule", "show"]);
            let rule = rules
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["priority"] == 1234)
                .expect("rule");
            assert_eq!(rule["src"], "10.5.0.0");
            assert_eq!(rule["srclen"], 16);
            assert_eq!(rule["table"], "1000");
            assert_eq!(rule["fwmark"], "0x7");
            let error = handle
                .rule()
                .add(AddressFamily::Inet)
                .priority(1234)
                .source(v4(10, 5, 0, 0), 16)
                .fwmark(7, 0xff)
                .table(1000)
                .execute()
                .await
                .unwrap_err();
            assert!(error.already_exists(), "{error}");
            handle
                .rule()
                .add(AddressFamily::Inet6)
                .priority(1235)
                .action(rtnetlink::packet_route::rule::RuleAction::Blackhole)
                .execute()
                .await
                .expect("v6 blackhole rule");
            let found: Vec<_> = handle
                .rule()
                .get(AddressFamily::Inet)
                .table(1000)
                .execute()
                .try_collect()
                .await
                .unwrap();
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].priority(), Some(1234));
            let six = ip_json(&["-6", "rule", "show"]);
            assert!(
                six.as_array()
                    .unwrap()
                    .iter()
                    .any(|r| r["priority"] == 1235 && r["action"] == "blackhole"),
                "{six}"
            );
            handle
                .rule()
                .del(AddressFamily::Inet)
                .priority(1234)
                .execute()
                .await
                .expect("rule del");
            assert!(!ip_json(&["rule", "show"])
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["priority"] == 1234));
            let error = handle
                .rule()
                .del(AddressFamily::Inet)
                .priority(1234)
                .execute()
                .await
                .unwrap_err();
            assert!(error.is_not_found(), "{error}");
        });
    });
}

#[test]
fn objects_blocking() {
    run_in_netns("objects_blocking", || {
        let index = setup_veth("bo-a", "bo-b");
        let handle = BlockingHandle::new().unwrap();
        handle
            .address()
            .add(index, v4(10, 6, 0, 1), 24)
            .execute()
            .unwrap();
        handle
            .address()
            .replace(index, v4(10, 6, 0, 1), 24)
            .lifetimes(500, 400)
            .execute()
            .unwrap();
        let one = find(&addresses_of("bo-a"), "local", "10.6.0.1")
            .cloned()
            .expect("10.6.0.1");
        assert!(one["valid_life_time"].as_u64().unwrap() <= 500, "{one}");
        let addresses: Vec<_> = handle
            .address()
            .get()
            .index(index)
            .execute()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(addresses
            .iter()
            .any(|a| a.local_or_address() == Some(v4(10, 6, 0, 1))));
        handle
            .route()
            .add(v4(192, 0, 2, 0), 24)
            .gateway(v4(10, 6, 0, 2))
            .table(2000)
            .execute()
            .unwrap();
        let mut dump = handle
            .route()
            .get(AddressFamily::Inet)
            .table(2000)
            .execute();
        let routes: Vec<_> = dump.by_ref().collect::<Result<_, _>>().unwrap();
        assert_eq!(routes.len(), 1);
        assert_eq!(dump.kernel_filtered(), Some(true));
        assert_eq!(dump.interrupted(), Some(false));
        assert_eq!(
            ip_json(&["route", "show", "table", "2000"])[0]["gateway"],
            "10.6.0.2"
        );
        let found = handle.route().lookup(v4(10, 6, 0, 77)).execute().unwrap();
        assert_eq!(found.output_interface(), Some(index));
        let error = handle
            .route()
            .add(v4(192, 0, 2, 0), 24)
            .gateway(v4(10, 6, 0, 2))
            .table(2000)
            .execute()
            .unwrap_err();
        assert!(error.already_exists(), "{error}");
        handle
            .neighbours()
            .add(index, v4(10, 6, 0, 9))
            .link_layer_address([2, 0, 0, 0, 0, 1])
            .execute()
            .unwrap();
        // IPv4 only: IPv6 entries come and go with neighbour discovery.
        let ours: Vec<_> = handle
            .neighbours()
            .get()
            .family(AddressFamily::Inet)
            .index(index)
            .execute()
            .collect::<Result<_, _>>()
            .unwrap();
        let theirs = ip_json(&["-4", "neigh", "show", "dev", "bo-a", "nud", "all"]);
        assert_eq!(ours.len(), theirs.as_array().unwrap().len(), "{theirs}");
        assert!(ours
            .iter()
            .any(|n| n.destination() == Some(v4(10, 6, 0, 9))));
        handle.neighbours().del(index, v4(10, 6, 0, 9)).unwrap();
        assert!(ip_json(&["neigh", "show", "dev", "bo-a"])
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["dst"] != "10.6.0.9"));
        handle
            .rule()
            .add(AddressFamily::Inet)
            .priority(999)
            .table(2000)
            .execute()
            .unwrap();
        let rules: Vec<_> = handle
            .rule()
            .get(AddressFamily::Inet)
            .priority(999)
            .execute()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0].table().0, 2000);
        handle
            .rule()
            .del(AddressFamily::Inet)
            .priority(999)
            .execute()
            .unwrap();
        assert!(!ip_json(&["rule", "show"])
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["priority"] == 999));
        handle
            .route()
            .del(v4(192, 0, 2, 0), 24)
            .table(2000)
            .execute()
            .unwrap();
        assert!(handle.address().flush(index, None).unwrap() > 0);
        assert!(addresses_of("bo-a").iter().all(|a| a["family"] != "inet"));
    });
}

/// Full `PREFIX/LEN` of a route's destination as iproute2 prints it.
fn json_prefix(dst: &str, v6: bool) -> String {
    match dst {
        "default" if v6 => "::/0".to_owned(),
        "default" => "0.0.0.0/0".to_owned(),
        prefix if prefix.contains('/') => prefix.to_owned(),
        host if v6 => format!("{host}/128"),
        host => format!("{host}/32"),
    }
}

/// Sorted destinations and tables of a JSON route list.
fn json_routes(routes: &Value) -> Vec<String> {
    let mut list: Vec<String> = routes
        .as_array()
        .unwrap()
        .iter()
        .map(|route| {
            format!(
                "{} {}",
                json_prefix(route["dst"].as_str().unwrap(), false),
                route["table"].as_str().unwrap_or("main")
            )
        })
        .collect();
    list.sort();
    list
}

fn our_routes(routes: &[rtnetlink::packet_route::route::RouteMessage]) -> Vec<String> {
    let mut list: Vec<String> = routes
        .iter()
        .map(|route| {
            let dst = match route.destination().and_then(|d| d.ip()) {
                Some(ip) => format!("{ip}/{}", route.header.destination_prefix_length),
                None => "0.0.0.0/0".to_owned(),
            };
            let table = match route.table() {
                254 => "main".to_owned(),
                255 => "local".to_owned(),
                other => other.to_string(),
            };
            format!("{dst} {table}")
        })
        .collect();
    list.sort();
    list
}

fn setup_filter_fixture() -> (u32, u32) {
    let a = setup_veth("ft-a", "ft-b");
    let b = index_of("ft-b");
    ip(&["addr", "add", "10.60.0.1/24", "dev", "ft-a"]);
    ip(&["addr", "add", "10.60.1.1/24", "dev", "ft-a"]);
    ip(&["addr", "add", "10.61.0.1/24", "dev", "ft-b"]);
    ip(&[
        "route",
        "add",
        "192.0.2.0/24",
        "via",
        "10.60.0.2",
        "table",
        "300",
    ]);
    ip(&[
        "route",
        "add",
        "198.51.100.0/24",
        "via",
        "10.61.0.2",
        "table",
        "300",
        "proto",
        "static",
    ]);
    ip(&[
        "route",
        "add",
        "203.0.113.0/24",
        "via",
        "10.61.0.2",
        "proto",
        "static",
    ]);
    ip(&[
        "route",
        "add",
        "198.18.0.0/16",
        "dev",
        "ft-b",
        "table",
        "301",
    ]);
    (a, b)
}

/// Runs the route and address filters on a connection with `config`;
/// returns whether the kernel filtered each dump.
async fn check_filters(handle: rtnetlink::Handle, a: u32, b: u32) -> Vec<Option<bool>> {
    let mut kernel = Vec::new();
    // Table.
    let mut dump = handle.route().get(AddressFamily::Inet).table(300).execute();
    let mut found = Vec::new();
    while let Some(route) = dump.try_next().await.unwrap() {
        found.push(route);
    }
    assert_eq!(
        our_routes(&found),
        json_routes(&ip_json(&["-4", "route", "show", "table", "300"]))
            .into_iter()
            .map(|r| r.replace(" main", " 300"))
            .collect::<Vec<_>>()
    );
    kernel.push(dump.kernel_filtered());
    // Protocol (every table).
    let mut dump = handle
        .route()
        .get(AddressFamily::Inet)
        .protocol(RouteProtocol::Static)
        .execute();
    let mut found = Vec::new();
    while let Some(route) = dump.try_next().await.unwrap() {
        found.push(route);
    }
    assert_eq!(
        our_routes(&found),
        json_routes(&ip_json(&[
            "-4", "route", "show", "table", "all", "proto", "static"
        ]))
    );
    assert_eq!(found.len(), 2);
    kernel.push(dump.kernel_filtered());
    // Output interface (every table).
    let mut dump = handle
        .route()
        .get(AddressFamily::Inet)
        .output_interface(b)
        .execute();
    let mut found = Vec::new();
    while let Some(route) = dump.try_next().await.unwrap() {
        found.push(route);
    }
    assert_eq!(
        our_routes(&found),
        json_routes(&ip_json(&[
            "-4", "route", "show", "table", "all", "dev", "ft-b"
        ]))
    );
    assert!(found.iter().all(|r| r.output_interface() == Some(b)));
    kernel.push(dump.kernel_filtered());
    // Addresses of one link.
    let mut dump = handle
        .address()
        .get()
        .index(a)
        .family(AddressFamily::Inet)
        .execute();
    let mut found = Vec::new();
    while let Some(address) = dump.try_next().await.unwrap() {
        found.push(address.local_or_address().unwrap().to_string());
    }
    found.sort();
    let mut expected: Vec<String> = addresses_of("ft-a")
        .iter()
        .filter(|a| a["family"] == "inet")
        .map(|a| a["local"].as_str().unwrap().to_owned())
        .collect();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(found.len(), 2);
    kernel.push(dump.kernel_filtered());
    kernel
}

#[test]
fn dump_filters_by_kernel_or_here() {
    run_in_netns("dump_filters_by_kernel_or_here", || {
        let (a, b) = setup_filter_fixture();
        // Strict checking (the default): the kernel filters.
        with_handle(|handle| async move {
            assert_eq!(
                check_filters(handle, a, b).await,
                [Some(true), Some(true), Some(true), Some(true)]
            );
        });
        // Without strict checking the kernel ignores route and address
        // filters: the same results come from filtering here.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let config = rtnetlink::proto::Config {
                strict_checking: Some(false),
                ..Default::default()
            };
            let (connection, handle, _) = rtnetlink::new_connection_with_config(config).unwrap();
            tokio::spawn(connection);
            assert_eq!(
                check_filters(handle, a, b).await,
                [Some(false), Some(false), Some(false), Some(false)]
            );
        });
        // Blocking, both ways.
        for strict in [true, false] {
            let config = rtnetlink::proto::Config {
                strict_checking: Some(strict),
                ..Default::default()
            };
            let handle = BlockingHandle::with_config(config).unwrap();
            let mut dump = handle.route().get(AddressFamily::Inet).table(301).execute();
            let found: Vec<_> = dump.by_ref().collect::<Result<_, _>>().unwrap();
            assert_eq!(our_routes(&found), ["198.18.0.0/16 301"]);
            assert_eq!(dump.kernel_filtered(), Some(strict));
            let mut dump = handle.address().get().index(b).execute();
            let found: Vec<_> = dump.by_ref().collect::<Result<_, _>>().unwrap();
            assert!(found.iter().all(|address| address.header.index == b));
            assert!(found
                .iter()
                .any(|address| address.local_or_address() == Some(v4(10, 61, 0, 1))));
            assert_eq!(dump.kernel_filtered(), Some(strict));
        }
        // A table that does not exist: the kernel says so.
        let handle = BlockingHandle::new().unwrap();
        let error = handle
            .route()
            .get(AddressFamily::Inet)
            .table(4242)
            .execute()
            .next()
            .expect("an error")
            .unwrap_err();
        assert!(error.is_not_found(), "{error}");
        assert_eq!(
            error.kernel_message(),
            Some("ipv4: FIB table does not exist")
        );
    });
}

#[test]
fn route_lookup_with_mark_oif_and_iif() {
    run_in_netns("route_lookup_with_mark_oif_and_iif", || {
        let (a, b) = setup_filter_fixture();
        std::fs::write("/proc/sys/net/ipv4/ip_forward", "1").unwrap();
        ip(&["rule", "add", "fwmark", "9", "table", "300", "pref", "100"]);
        let json = |args: &[&str]| ip_json(args)[0].clone();
        with_handle(|handle| async move {
            // The mark selects table 300 by the rule.
            let marked = handle
                .route()
                .lookup(v4(192, 0, 2, 7))
                .mark(9)
                .execute()
                .await
                .expect("lookup with mark");
            let oracle = json(&["route", "get", "192.0.2.7", "mark", "9"]);
            assert_eq!(oracle["gateway"], "10.60.0.2");
            assert_eq!(marked.gateway(), Some(v4(10, 60, 0, 2)));
            assert_eq!(marked.output_interface(), Some(a));
            assert_eq!(marked.table(), 300);
            // Without the mark there is no route.
            let error = handle
                .route()
                .lookup(v4(192, 0, 2, 7))
                .execute()
                .await
                .unwrap_err();
            assert_eq!(error.errno(), Some(libc::ENETUNREACH), "{error}");
            // Forced output interface.
            let forced = handle
                .route()
                .lookup(v4(10, 99, 0, 1))
                .output_interface(b)
                .execute()
                .await
                .expect("lookup with oif");
            let oracle = json(&["route", "get", "10.99.0.1", "oif", "ft-b"]);
            assert_eq!(oracle["dev"], "ft-b");
            assert_eq!(forced.output_interface(), Some(b));
            // As if received on ft-b from 10.61.0.2: forwarded out of ft-a.
            let input = handle
                .route()
                .lookup(v4(10, 60, 0, 2))
                .source(v4(10, 61, 0, 2))
                .input_interface(b)
                .execute()
                .await
                .expect("lookup with iif");
            let oracle = json(&[
                "route",
                "get",
                "10.60.0.2",
                "from",
                "10.61.0.2",
                "iif",
                "ft-b",
            ]);
            assert_eq!(oracle["iif"], "ft-b");
            assert_eq!(oracle["dev"], "ft-a");
            assert_eq!(input.output_interface(), Some(a));
            assert!(input
                .attributes
                .iter()
                .any(|attribute| matches!(attribute, RouteAttribute::Iif(i) if *i == b)));
            // The matching FIB entry rather than the resolved route.
            let entry = handle
                .route()
                .lookup(v4(192, 0, 2, 7))
                .mark(9)
                .fib_match()
                .execute()
                .await
                .expect("fibmatch");
            assert_eq!(entry.header.destination_prefix_length, 24);
        });
        let handle = BlockingHandle::new().unwrap();
        let marked = handle
            .route()
            .lookup(v4(192, 0, 2, 7))
            .mark(9)
            .execute()
            .unwrap();
        assert_eq!(marked.gateway(), Some(v4(10, 60, 0, 2)));
    });
}

/// Whether this kernel routes MPLS; tries to load the modules first.
fn mpls_available() -> Result<(), String> {
    let _ = std::process::Command::new("modprobe")
        .args(["mpls_router", "mpls_iptunnel"])
        .output();
    if std::path::Path::new("/proc/sys/net/mpls/platform_labels").exists() {
        Ok(())
    } else {
        Err(
            "no MPLS routing in this kernel (CONFIG_MPLS_ROUTING; modprobe mpls_router \
             mpls_iptunnel did not provide /proc/sys/net/mpls)"
                .to_owned(),
        )
    }
}

#[test]
fn mpls_encap_route() {
    run_in_netns("mpls_encap_route", || {
        let index = setup_veth("mp-a", "mp-b");
        ip(&["addr", "add", "10.70.0.1/24", "dev", "mp-a"]);
        let available = mpls_available();
        if available.is_ok() {
            std::fs::write("/proc/sys/net/mpls/platform_labels", "1000").unwrap();
        }
        let mpls = available.is_ok();
        with_handle(|handle| async move {
            let result = handle
                .route()
                .add(v4(192, 0, 2, 0), 24)
                .gateway(v4(10, 70, 0, 2))
                .output_interface(index)
                .mpls_encap(&[100, 200])
                .execute()
                .await;
            match &available {
                Err(reason) => {
                    // Without MPLS tunnels the kernel refuses the
                    // encapsulation and says why.
                    let error = result.unwrap_err();
                    assert_eq!(error.errno(), Some(libc::EOPNOTSUPP), "{error}");
                    assert!(error.kernel_message().is_some(), "{error}");
                    skip_unsupported("MPLS routing", &format!("MPLS encap route: {reason}"));
                }
                Ok(()) => {
                    result.expect("MPLS encap route");
                    let shown = ip_json(&["route", "show", "192.0.2.0/24"]);
                    assert_eq!(shown[0]["encap"], "mpls", "{shown}");
                    let routes: Vec<_> = handle
                        .route()
                        .get(AddressFamily::Inet)
                        .table(254)
                        .execute()
                        .try_collect()
                        .await
                        .unwrap();
                    let route = routes
                        .iter()
                        .find(|r| r.destination().and_then(|d| d.ip()) == Some(v4(192, 0, 2, 0)))
                        .expect("dumped");
                    let encap = route.attributes.iter().find_map(|a| match a {
                        RouteAttribute::Encap { encap, .. } => Some(encap.clone()),
                        _ => None,
                    });
                    assert_eq!(
                        encap,
                        Some(RouteEncap::Mpls(vec![MplsEncapAttribute::Destination(
                            MplsLabel::stack(&[100, 200])
                        )]))
                    );
                }
            }
        });
        if mpls {
            let handle = BlockingHandle::new().unwrap();
            handle
                .route()
                .add(v4(198, 51, 100, 0), 24)
                .gateway(v4(10, 70, 0, 2))
                .mpls_encap(&[300])
                .execute()
                .expect("blocking MPLS encap route");
            assert_eq!(
                ip_json(&["route", "show", "198.51.100.0/24"])[0]["encap"],
                "mpls"
            );
        }
    });
}

#[test]
fn tunnel_options_are_never_sent() {
    // The builder refuses before sending (inside a private namespace all
    // the same, in case it did not).
    run_in_netns("tunnel_options_are_never_sent", || {
        let handle = BlockingHandle::new().unwrap();
        let options = RouteEncap::Ip(vec![
            IpTunnelAttribute::Id(42),
            IpTunnelAttribute::Options(vec![IpTunnelOption::Vxlan(Vec::new())]),
        ]);
        assert!(options.has_tunnel_options());
        let error = handle
            .route()
            .add(v4(192, 0, 2, 0), 24)
            .encap(options.clone())
            .execute()
            .unwrap_err();
        assert!(
            matches!(error, rtnetlink::Error::InvalidRequest(_)),
            "{error}"
        );
        assert!(error.to_string().contains("LWTUNNEL_IP_OPTS"), "{error}");
        // Hidden in a multipath hop too.
        let mut route = rtnetlink::packet_route::route::RouteMessage::unicast(v4(192, 0, 2, 0), 24);
        let mut hop = rtnetlink::packet_route::route::RouteNexthop::default();
        hop.attributes.push(RouteAttribute::Encap {
            encap: options,
            nested_flag: false,
        });
        route = route.with_multipath(vec![hop]);
        let error = handle.route().del_message(route).unwrap_err();
        assert!(error.to_string().contains("LWTUNNEL_IP_OPTS"), "{error}");
    });
}

#[test]
fn bridge_fdb_add_replace_del() {
    run_in_netns("bridge_fdb_add_replace_del", || {
        setup_veth("fd-a", "fd-b");
        // (This kernel has no bridge VLAN filtering: entries without VLAN.)
        ip(&["link", "add", "fd-br", "type", "bridge"]);
        ip(&["link", "set", "fd-b", "master", "fd-br"]);
        let port = index_of("fd-b");
        let bridge = index_of("fd-br");
        let fdb = || -> Vec<Value> {
            let output = std::process::Command::new("bridge")
                .args(["-j", "fdb", "show", "dev", "fd-b"])
                .output()
                .expect("bridge fdb");
            let all: Value = serde_json::from_slice(&output.stdout).unwrap();
            all.as_array()
                .unwrap()
                .iter()
                .filter(|e| e["mac"] == "02:00:00:00:00:51")
                .cloned()
                .collect()
        };
        with_handle(|handle| async move {
            handle
                .neighbours()
                .add_bridge(port, [2, 0, 0, 0, 0, 0x51])
                .execute()
                .await
                .expect("fdb add");
            let entries = fdb();
            assert_eq!(entries.len(), 1, "{entries:?}");
            assert_eq!(entries[0]["state"], "static", "{entries:?}");
            let error = handle
                .neighbours()
                .add_bridge(port, [2, 0, 0, 0, 0, 0x51])
                .execute()
                .await
                .unwrap_err();
            assert!(error.already_exists(), "{error}");
            handle
                .neighbours()
                .replace_bridge(port, [2, 0, 0, 0, 0, 0x51])
                .execute()
                .await
                .expect("fdb replace");
            // The controller filter of a bridge dump.
            let on_bridge: Vec<_> = handle
                .neighbours()
                .get()
                .family(AddressFamily::Bridge)
                .master(bridge)
                .execute()
                .try_collect()
                .await
                .unwrap();
            assert!(on_bridge.iter().any(|n| n
                .link_layer_address()
                .is_some_and(|a| a.as_bytes() == [2, 0, 0, 0, 0, 0x51])));
            handle
                .neighbours()
                .del_bridge(port, [2, 0, 0, 0, 0, 0x51], None)
                .await
                .expect("fdb del");
            assert!(fdb().is_empty());
            let error = handle
                .neighbours()
                .del_bridge(port, [2, 0, 0, 0, 0, 0x51], None)
                .await
                .unwrap_err();
            assert!(error.is_not_found(), "{error}");
        });
        let handle = BlockingHandle::new().unwrap();
        handle
            .neighbours()
            .add_bridge(port, [2, 0, 0, 0, 0, 0x51])
            .execute()
            .unwrap();
        assert_eq!(fdb().len(), 1);
        handle
            .neighbours()
            .del_bridge(port, [2, 0, 0, 0, 0, 0x51], None)
            .unwrap();
        assert!(fdb().is_empty());
    });
}

#[test]
fn rules_with_more_selectors_and_actions() {
    run_in_netns("rules_with_more_selectors_and_actions", || {
        let handle = BlockingHandle::new().unwrap();
        handle
            .rule()
            .add(AddressFamily::Inet)
            .priority(2001)
            .destination(v4(10, 80, 0, 0), 16)
            .invert()
            .ip_protocol(6)
            .destination_ports(80, 443)
            .source_ports(1000, 2000)
            .uid_range(100, 200)
            .input_interface("lo")
            .suppress_prefix_length(0)
            .table(300)
            .execute()
            .expect("rule with selectors");
        handle
            .rule()
            .add(AddressFamily::Inet)
            .priority(2002)
            .tos(0x10)
            .goto(2004)
            .execute()
            .expect("goto rule");
        handle
            .rule()
            .add(AddressFamily::Inet)
            .priority(2003)
            .l3mdev()
            .execute()
            .expect("l3mdev rule");
        handle
            .rule()
            .add(AddressFamily::Inet)
            .priority(2004)
            .action(rtnetlink::packet_route::rule::RuleAction::Unreachable)
            .execute()
            .expect("unreachable rule");
        let rules = ip_json(&["rule", "show"]);
        let rule = |priority: u32| -> Value {
            rules
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["priority"] == priority)
                .cloned()
                .unwrap_or_else(|| panic!("rule {priority} in {rules}"))
        };
        let first = rule(2001);
        assert!(first.get("not").is_some(), "{first}");
        assert_eq!(first["dst"], "10.80.0.0");
        assert_eq!(first["dstlen"], 16);
        assert_eq!(first["ipproto"], "tcp");
        assert_eq!(first["dport_start"], 80);
        assert_eq!(first["dport_end"], 443);
        assert_eq!(first["sport_start"], 1000);
        assert_eq!(first["uid_start"], 100);
        assert_eq!(first["uid_end"], 200);
        assert_eq!(first["iif"], "lo");
        assert_eq!(first["suppress_prefixlen"], 0);
        assert_eq!(first["table"], "300");
        assert_eq!(rule(2002)["goto"], 2004);
        assert_eq!(rule(2002)["tos"], "0x10");
        assert!(rule(2003).get("l3mdev").is_some(), "{}", rule(2003));
        assert!(rule(2003).get("table").is_none(), "{}", rule(2003));
        assert_eq!(rule(2004)["action"], "unreachable");
        let ours: Vec<_> = handle
            .rule()
            .get(AddressFamily::Inet)
            .execute()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(ours.len(), rules.as_array().unwrap().len());
        for priority in [2001, 2002, 2003, 2004] {
            handle
                .rule()
                .del(AddressFamily::Inet)
                .priority(priority)
                .execute()
                .unwrap();
        }
        assert_eq!(ip_json(&["rule", "show"]).as_array().unwrap().len(), 3);
    });
}
