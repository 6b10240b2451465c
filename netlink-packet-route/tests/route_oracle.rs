//! Routes and nexthops decoded from the fixtures agree with what iproute2
//! printed for the same kernel state (`ip -j -d route show table all`,
//! `ip -j nexthop show`).

use std::collections::HashMap;
use std::net::IpAddr;

use netlink_packet_core::{DatagramMessages, NetlinkMessage, NetlinkPayload, NlasIterator};
use netlink_packet_route::nexthop::{NexthopAttribute, NexthopMessage};
use netlink_packet_route::route::{
    RouteAddress, RouteAttribute, RouteFlags, RouteMessage, RouteMessageBuffer, RouteMetric,
    RoutePreference,
};
use netlink_packet_route::{RtnlMessage, RTM_NEWROUTE};
use netlink_test_support::fixtures;
use serde_json::{json, Map, Value};

/// Interface names by index, from the link dump fixture (decoded by hand
/// here so this test does not depend on the link module).
fn interface_names() -> HashMap<u32, String> {
    let mut names = HashMap::new();
    let entry = fixtures::entry("rtnl_getlink_dump");
    for datagram in entry.response_datagrams() {
        for message in DatagramMessages::new(datagram) {
            let message = message.expect("link dump framing");
            if message.message_type() != 16 {
                continue;
            }
            let payload = message.into_payload();
            let index = u32::from_ne_bytes(payload[4..8].try_into().expect("ifi_index"));
            for nla in NlasIterator::new(&payload[16..]) {
                let nla = nla.expect("link attribute");
                if nla.kind() == 3 {
                    let name = nla.value().strip_suffix(&[0]).unwrap_or(nla.value());
                    names.insert(index, String::from_utf8(name.to_vec()).expect("name"));
                }
            }
        }
    }
    assert!(names.len() > 10, "link dump fixture names: {names:?}");
    names
}

fn messages(name: &str) -> Vec<RtnlMessage> {
    let entry = fixtures::entry(name);
    let mut out = Vec::new();
    for datagram in entry.response_datagrams() {
        for message in DatagramMessages::new(datagram) {
            let message = message.expect("framing");
            let decoded =
                NetlinkMessage::<RtnlMessage>::deserialize(message.message_bytes()).expect(name);
            if let NetlinkPayload::InnerMessage(inner) = decoded.payload {
                out.push(inner);
            }
        }
    }
    out
}

fn routes(name: &str) -> Vec<RouteMessage> {
    messages(name)
        .into_iter()
        .filter_map(|m| match m {
            RtnlMessage::NewRoute(route) => Some(route),
            _ => None,
        })
        .collect()
}

fn protocol_name(protocol: u8) -> String {
    match protocol {
        0 => "unspec".into(),
        1 => "redirect".into(),
        2 => "kernel".into(),
        3 => "boot".into(),
        4 => "static".into(),
        42 => "babel".into(),
        186 => "bgp".into(),
        other => other.to_string(),
    }
}

fn scope_name(scope: u8) -> String {
    match scope {
        0 => "global".into(),
        200 => "site".into(),
        253 => "link".into(),
        254 => "host".into(),
        255 => "nowhere".into(),
        other => other.to_string(),
    }
}

fn type_name(kind: u8) -> &'static str {
    match kind {
        1 => "unicast",
        2 => "local",
        3 => "broadcast",
        4 => "anycast",
        5 => "multicast",
        6 => "blackhole",
        7 => "unreachable",
        8 => "prohibit",
        9 => "throw",
        10 => "nat",
        _ => "unknown",
    }
}

fn table_name(table: u32) -> String {
    match table {
        253 => "default".into(),
        254 => "main".into(),
        255 => "local".into(),
        other => other.to_string(),
    }
}

fn flag_names(flags: RouteFlags) -> Vec<Value> {
    let mut names = Vec::new();
    for (flag, name) in [
        (RouteFlags::DEAD, "dead"),
        (RouteFlags::ONLINK, "onlink"),
        (RouteFlags::PERVASIVE, "pervasive"),
        (RouteFlags::OFFLOAD, "offload"),
        (RouteFlags::TRAP, "trap"),
        (RouteFlags::NOTIFY, "notify"),
        (RouteFlags::LINKDOWN, "linkdown"),
        (RouteFlags::UNRESOLVED, "unresolved"),
    ] {
        if flags.contains(flag) {
            names.push(json!(name));
        }
    }
    names
}

fn ip_string(address: &RouteAddress) -> String {
    match address {
        RouteAddress::Inet(ip) => ip.to_string(),
        RouteAddress::Inet6(ip) => ip.to_string(),
        other => panic!("unexpected address {other:?}"),
    }
}

/// Builds the `ip -j -d route` object for a decoded route.
fn ip_json_of(route: &RouteMessage, names: &HashMap<u32, String>) -> Value {
    let header = &route.header;
    let mut object = Map::new();
    object.insert("type".into(), json!(type_name(header.kind.into())));
    let full_length = match route.destination() {
        Some(RouteAddress::Inet6(_)) => 128,
        _ => 32,
    };
    let destination = match route.destination() {
        None => "default".to_string(),
        Some(address) if header.destination_prefix_length == full_length => ip_string(address),
        Some(address) => format!(
            "{}/{}",
            ip_string(address),
            header.destination_prefix_length
        ),
    };
    object.insert("dst".into(), json!(destination));
    let mut metrics = Map::new();
    let mut nexthops = Vec::new();
    for attribute in &route.attributes {
        match attribute {
            RouteAttribute::Gateway(address) => {
                object.insert("gateway".into(), json!(ip_string(address)));
            }
            RouteAttribute::Oif(index) => {
                object.insert("dev".into(), json!(names[index]));
            }
            RouteAttribute::PreferredSource(address) => {
                object.insert("prefsrc".into(), json!(ip_string(address)));
            }
            RouteAttribute::Priority(metric) => {
                object.insert("metric".into(), json!(metric));
            }
            RouteAttribute::NexthopId(id) => {
                object.insert("nhid".into(), json!(id));
            }
            RouteAttribute::Preference(preference) => {
                let name = match preference {
                    RoutePreference::Medium => "medium",
                    RoutePreference::High => "high",
                    RoutePreference::Low => "low",
                    _ => "invalid",
                };
                object.insert("pref".into(), json!(name));
            }
            RouteAttribute::CacheInfo(info) if info.expires != 0 => {
                object.insert("expires".into(), json!("present"));
            }
            RouteAttribute::Metrics(list) => {
                for metric in list {
                    let (name, value) = match metric {
                        RouteMetric::Mtu(v) => ("mtu", *v),
                        RouteMetric::Window(v) => ("window", *v),
                        RouteMetric::AdvMss(v) => ("advmss", *v),
                        RouteMetric::HopLimit(v) => ("hoplimit", *v),
                        RouteMetric::InitCwnd(v) => ("initcwnd", *v),
                        RouteMetric::Lock(_) => continue,
                        other => panic!("metric not in the fixtures: {other:?}"),
                    };
                    metrics.insert(name.into(), json!(value));
                }
            }
            RouteAttribute::Multipath(hops) => {
                for hop in hops {
                    let mut h = Map::new();
                    if let Some(gateway) = hop.gateway() {
                        h.insert("gateway".into(), json!(gateway.to_string()));
                    }
                    h.insert("dev".into(), json!(names[&hop.interface_index]));
                    h.insert("weight".into(), json!(hop.weight()));
                    h.insert(
                        "flags".into(),
                        json!(flag_names(RouteFlags::from_bits_retain(hop.flags.bits()))),
                    );
                    nexthops.push(Value::Object(h));
                }
            }
            _ => {}
        }
    }
    object.insert("table".into(), json!(table_name(route.table())));
    object.insert(
        "protocol".into(),
        json!(protocol_name(header.protocol.into())),
    );
    object.insert("scope".into(), json!(scope_name(header.scope.into())));
    object.insert("flags".into(), json!(flag_names(header.flags)));
    if !metrics.is_empty() {
        object.insert("metrics".into(), json!([metrics]));
    }
    if !nexthops.is_empty() {
        object.insert("nexthops".into(), json!(nexthops));
    }
    Value::Object(object)
}

/// The oracle object without what the route message alone cannot tell:
/// `nh_info` (ip looks the nexthop object up separately) and the exact
/// remaining lifetime of `expires` (it ticks).
fn normalized_oracle(mut value: Value) -> Value {
    let object = value.as_object_mut().expect("oracle route object");
    object.remove("nh_info");
    if object.contains_key("expires") {
        object.insert("expires".into(), json!("present"));
    }
    value
}

fn sorted(mut values: Vec<Value>) -> Vec<String> {
    let mut out: Vec<String> = values.drain(..).map(|v| v.to_string()).collect();
    out.sort();
    out
}

fn compare_dump_with_oracle(fixture: &str, oracle: &str) {
    let names = interface_names();
    let decoded: Vec<Value> = routes(fixture)
        .iter()
        .map(|route| ip_json_of(route, &names))
        .collect();
    let expected: Vec<Value> = fixtures::oracle(oracle)
        .as_array()
        .expect("oracle array")
        .iter()
        .cloned()
        .map(normalized_oracle)
        .collect();
    assert_eq!(decoded.len(), expected.len(), "number of routes");
    let decoded = sorted(decoded);
    let expected = sorted(expected);
    for (ours, theirs) in decoded.iter().zip(&expected) {
        assert_eq!(ours, theirs);
    }
}

#[test]
fn ipv4_route_dump_matches_ip_route() {
    compare_dump_with_oracle("rtnl_getroute_dump_v4", "ip_route_v4");
}

#[test]
fn ipv6_route_dump_matches_ip_route() {
    compare_dump_with_oracle("rtnl_getroute_dump_v6", "ip_route_v6");
}

#[test]
fn nexthop_dump_matches_ip_nexthop() {
    let names = interface_names();
    let nexthops: Vec<NexthopMessage> = messages("rtnl_getnexthop_dump")
        .into_iter()
        .filter_map(|m| match m {
            RtnlMessage::NewNexthop(nexthop) => Some(nexthop),
            _ => None,
        })
        .collect();
    let oracle = fixtures::oracle("ip_nexthop");
    let oracle = oracle.as_array().expect("oracle array");
    assert_eq!(nexthops.len(), oracle.len());
    for (nexthop, expected) in nexthops.iter().zip(oracle) {
        assert_eq!(nexthop.id(), expected["id"].as_u64().map(|id| id as u32));
        assert_eq!(
            nexthop.gateway_address().map(|ip| ip.to_string()),
            expected["gateway"].as_str().map(str::to_string),
            "gateway of nexthop {:?}",
            nexthop.id()
        );
        assert_eq!(
            nexthop
                .output_interface()
                .map(|index| names[&index].clone()),
            expected["dev"].as_str().map(str::to_string)
        );
        assert_eq!(nexthop.is_blackhole(), expected.get("blackhole").is_some());
        if let Some(scope) = expected["scope"].as_str() {
            assert_eq!(scope_name(nexthop.header.scope.into()), scope);
        }
        let members: Vec<(u64, u64)> = nexthop
            .group_members()
            .iter()
            .map(|member| (u64::from(member.id), u64::from(member.weight())))
            .collect();
        let expected_members: Vec<(u64, u64)> = expected["group"]
            .as_array()
            .map(|group| {
                group
                    .iter()
                    .map(|m| {
                        (
                            m["id"].as_u64().unwrap_or(0),
                            m["weight"].as_u64().unwrap_or(1),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(members, expected_members);
        assert!(!nexthop.attributes.iter().any(NexthopAttribute::is_raw));
    }
}

#[test]
fn lazy_view_agrees_with_owned_decode_on_every_route() {
    let mut checked = 0;
    for name in [
        "rtnl_getroute_dump_v4",
        "rtnl_getroute_dump_v6",
        "rtnl_getroute_dump_v4_strict_table100",
    ] {
        let entry = fixtures::entry(name);
        for datagram in entry.response_datagrams() {
            for message in DatagramMessages::new(datagram) {
                let message = message.expect("framing");
                if message.message_type() != RTM_NEWROUTE {
                    continue;
                }
                let view = RouteMessageBuffer::new_checked(message.into_payload()).expect("view");
                let owned: RouteMessage =
                    netlink_packet_core::Parseable::parse(&view).expect("owned route");
                let summary = view.summary();
                assert_eq!(view.table(), owned.table());
                assert_eq!(summary.table, owned.table());
                assert_eq!(
                    view.destination(),
                    owned.destination().and_then(RouteAddress::ip)
                );
                assert_eq!(summary.destination, view.destination());
                assert_eq!(view.gateway(), owned.gateway());
                assert_eq!(summary.gateway, owned.gateway());
                assert_eq!(view.output_interface(), owned.output_interface());
                assert_eq!(summary.output_interface, owned.output_interface());
                assert_eq!(summary.priority, owned.priority());
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "only {checked} routes checked");
}

#[test]
fn strict_table_filter_returns_only_table_100() {
    let tables: Vec<u32> = routes("rtnl_getroute_dump_v4_strict_table100")
        .iter()
        .map(RouteMessage::table)
        .collect();
    assert!(!tables.is_empty());
    assert!(tables.iter().all(|&table| table == 100), "{tables:?}");
    let gateway: Option<IpAddr> = routes("rtnl_getroute_dump_v4_strict_table100")
        .iter()
        .find_map(RouteMessage::gateway);
    assert_eq!(gateway, Some("10.10.2.254".parse().expect("ip")));
}
