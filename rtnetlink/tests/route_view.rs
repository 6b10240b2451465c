//! The synchronized route and rule view against the live kernel, checked
//! with `ip -j route show table all` and `ip -j rule show`.

// Most tests need a tokio connection; the blocking ones run with the
// default features.
#![cfg(feature = "tokio")]

use std::{
    collections::HashMap,
    time::{Duration, Instant},
};

use netlink_test_support::{ip, ip_json, run_in_netns};
use rtnetlink::{
    packet_route::{
        common::AddressFamily,
        route::{RouteAttribute, RouteMessage},
        rule::{RuleAction, RuleAttribute, RuleFlags, RuleMessage},
    },
    BlockingHandle, BlockingRouteRuleView, RouteRuleView, ViewChange,
};
use serde_json::Value;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// No IPv6 duplicate address detection: routes would appear when it ends,
/// seconds later, and make the comparisons racy.
fn no_dad() {
    for scope in ["all", "default"] {
        std::fs::write(format!("/proc/sys/net/ipv6/conf/{scope}/accept_dad"), "0")
            .expect("accept_dad");
    }
}

fn setup_links() {
    no_dad();
    ip(&[
        "link", "add", "rv-a", "type", "veth", "peer", "name", "rv-b",
    ]);
    ip(&["link", "set", "rv-a", "up"]);
    ip(&["link", "set", "rv-b", "up"]);
    ip(&["addr", "add", "10.30.0.1/24", "dev", "rv-a"]);
    ip(&["addr", "add", "2001:db8:30::1/64", "dev", "rv-a", "nodad"]);
    // The IPv6 local route appears once the veth carrier is up, which the
    // kernel reports asynchronously (link watch): wait for it, so that the
    // views start from a settled table.
    let deadline = Instant::now() + Duration::from_secs(10);
    while ip_json(&["-6", "route", "show", "table", "local", "2001:db8:30::1"])
        .as_array()
        .is_none_or(|routes| routes.is_empty())
    {
        assert!(
            Instant::now() < deadline,
            "the local route of 2001:db8:30::1 never appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn batch(commands: &[String]) {
    let file = std::env::temp_dir().join(format!(
        "rtnl-route-view-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&file, commands.join("\n") + "\n").unwrap();
    ip(&["-batch", file.to_str().unwrap()]);
    let _ = std::fs::remove_file(&file);
}

fn link_names() -> HashMap<u32, String> {
    ip_json(&["link", "show"])
        .as_array()
        .unwrap()
        .iter()
        .map(|link| {
            (
                link["ifindex"].as_u64().unwrap() as u32,
                link["ifname"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn table_name(table: u32) -> String {
    match table {
        253 => "default".to_owned(),
        254 => "main".to_owned(),
        255 => "local".to_owned(),
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
        _ => "other",
    }
}

fn full_prefix(dst: &str, v6: bool) -> String {
    match dst {
        "default" if v6 => "::/0".to_owned(),
        "default" => "0.0.0.0/0".to_owned(),
        prefix if prefix.contains('/') => prefix.to_owned(),
        host if v6 => format!("{host}/128"),
        host => format!("{host}/32"),
    }
}

/// One route as text, from iproute2's JSON.
fn route_from_json(route: &Value, v6: bool) -> String {
    let text = |value: &Value| value.as_str().unwrap_or("-").to_owned();
    let mut hops: Vec<String> = match route["nexthops"].as_array() {
        Some(hops) => hops
            .iter()
            .map(|hop| format!("{}@{}", text(&hop["gateway"]), text(&hop["dev"])))
            .collect(),
        None => vec![format!(
            "{}@{}",
            text(&route["gateway"]),
            text(&route["dev"])
        )],
    };
    hops.sort();
    format!(
        "{} {} table {} metric {} via {}",
        route["type"].as_str().unwrap_or("unicast"),
        full_prefix(route["dst"].as_str().unwrap(), v6),
        route["table"].as_str().unwrap_or("main"),
        route["metric"].as_u64().unwrap_or(0),
        hops.join(",")
    )
}

/// One route as text, from this crate's message.
fn route_text(route: &RouteMessage, names: &HashMap<u32, String>) -> String {
    let v6 = route.header.address_family == AddressFamily::Inet6;
    let dst = match route.destination().and_then(|d| d.ip()) {
        Some(ip) => format!("{ip}/{}", route.header.destination_prefix_length),
        None if v6 => "::/0".to_owned(),
        None => "0.0.0.0/0".to_owned(),
    };
    let name = |index: u32| names.get(&index).cloned().unwrap_or_else(|| "-".to_owned());
    let mut hops: Vec<String> = if route.multipath().is_empty() {
        vec![format!(
            "{}@{}",
            route
                .gateway()
                .map(|g| g.to_string())
                .unwrap_or_else(|| "-".to_owned()),
            route.output_interface().map(name).unwrap_or("-".to_owned())
        )]
    } else {
        route
            .multipath()
            .iter()
            .map(|hop| {
                let gateway = hop.attributes.iter().find_map(|a| match a {
                    RouteAttribute::Gateway(g) => g.ip(),
                    _ => None,
                });
                format!(
                    "{}@{}",
                    gateway
                        .map(|g| g.to_string())
                        .unwrap_or_else(|| "-".to_owned()),
                    name(hop.interface_index)
                )
            })
            .collect()
    };
    hops.sort();
    format!(
        "{} {dst} table {} metric {} via {}",
        type_name(route.header.kind.into()),
        table_name(route.table()),
        route.priority().unwrap_or(0),
        hops.join(",")
    )
}

fn rule_from_json(rule: &Value) -> String {
    let target = if let Some(action) = rule["action"].as_str() {
        action.to_owned()
    } else if let Some(goto) = rule["goto"].as_u64() {
        format!("goto {goto}")
    } else {
        format!("table {}", rule["table"].as_str().unwrap())
    };
    let src = match (rule["src"].as_str(), rule["srclen"].as_u64()) {
        (Some("all"), _) | (None, _) => "all".to_owned(),
        (Some(src), Some(len)) => format!("{src}/{len}"),
        (Some(src), None) => src.to_owned(),
    };
    format!(
        "{} from {src} iif {} detached {} {target}",
        rule["priority"],
        rule["iif"].as_str().unwrap_or("-"),
        rule.get("iif_detached").is_some()
    )
}

fn rule_text(rule: &RuleMessage) -> String {
    let target = match rule.header.action {
        RuleAction::ToTable => format!("table {}", table_name(rule.table().0)),
        RuleAction::Blackhole => "blackhole".to_owned(),
        RuleAction::Unreachable => "unreachable".to_owned(),
        RuleAction::Prohibit => "prohibit".to_owned(),
        RuleAction::Nop => "nop".to_owned(),
        RuleAction::Goto => format!(
            "goto {}",
            rule.attributes
                .iter()
                .find_map(|a| match a {
                    RuleAttribute::Goto(target) => Some(*target),
                    _ => None,
                })
                .unwrap_or(0)
        ),
        other => format!("{other:?}"),
    };
    let src = match rule.source() {
        Some(src) => format!("{src}/{}", rule.header.src_len),
        None => "all".to_owned(),
    };
    let iif = rule
        .attributes
        .iter()
        .find_map(|a| match a {
            RuleAttribute::IifName(name) => Some(name.as_str()),
            _ => None,
        })
        .unwrap_or("-");
    format!(
        "{} from {src} iif {iif} detached {} {target}",
        rule.priority().unwrap_or(0),
        rule.header.flags.contains(RuleFlags::IIF_DETACHED)
    )
}

/// Routes and rules as iproute2 shows them, sorted.
fn oracle() -> (Vec<String>, Vec<String>) {
    let mut routes = Vec::new();
    for (flag, v6) in [("-4", false), ("-6", true)] {
        for route in ip_json(&[flag, "route", "show", "table", "all"])
            .as_array()
            .unwrap()
        {
            routes.push(route_from_json(route, v6));
        }
    }
    let mut rules = Vec::new();
    for flag in ["-4", "-6"] {
        for rule in ip_json(&[flag, "rule", "show"]).as_array().unwrap() {
            rules.push(format!("{flag} {}", rule_from_json(rule)));
        }
    }
    routes.sort();
    rules.sort();
    (routes, rules)
}

/// Routes and rules as a view holds them, sorted.
fn held<'a>(
    routes: impl Iterator<Item = &'a RouteMessage>,
    rules: impl Iterator<Item = &'a RuleMessage>,
) -> (Vec<String>, Vec<String>) {
    let names = link_names();
    let mut routes: Vec<String> = routes.map(|r| route_text(r, &names)).collect();
    let mut rules: Vec<String> = rules
        .map(|rule| {
            let flag = if rule.header.family == AddressFamily::Inet6 {
                "-6"
            } else {
                "-4"
            };
            format!("{flag} {}", rule_text(rule))
        })
        .collect();
    routes.sort();
    rules.sort();
    (routes, rules)
}

/// Applies changes until the view equals iproute2's picture (checked
/// whenever the events pause); returns every change seen. Panics with
/// both pictures after 20 s.
async fn converge(view: &mut RouteRuleView) -> Vec<ViewChange> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    loop {
        match tokio::time::timeout(Duration::from_millis(300), view.next_changes()).await {
            Ok(changes) => seen.extend(changes.expect("changes")),
            Err(_) => {
                let expected = oracle();
                let actual = held(view.routes(), view.rules());
                if expected == actual {
                    return seen;
                }
                if Instant::now() > deadline {
                    assert_eq!(actual, expected, "view vs ip -j");
                }
            }
        }
    }
}

fn converge_blocking(view: &mut BlockingRouteRuleView) -> Vec<ViewChange> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    loop {
        let changes = view
            .next_changes(Some(Duration::from_millis(300)))
            .expect("changes");
        if !changes.is_empty() {
            seen.extend(changes);
            continue;
        }
        let expected = oracle();
        let actual = held(view.routes(), view.rules());
        if expected == actual {
            return seen;
        }
        if Instant::now() > deadline {
            assert_eq!(actual, expected, "view vs ip -j");
        }
    }
}

fn many_changes() -> Vec<String> {
    let mut commands = Vec::new();
    for i in 0..300u32 {
        commands.push(format!(
            "route add 198.18.{}.{}/32 via 10.30.0.2 table 100",
            i / 256,
            i % 256
        ));
    }
    for i in 0..100u32 {
        commands.push(format!(
            "route add 2001:db8:99:{i:x}::/64 via 2001:db8:30::2 metric {}",
            100 + i % 3
        ));
    }
    for i in 0..20u32 {
        commands.push(format!(
            "rule add pref {} from 10.40.{i}.0/24 table 100",
            1000 + i
        ));
    }
    // Changes among the additions: deletions and a replacement.
    for i in 0..10u32 {
        commands.push(format!("route del 198.18.0.{i}/32 table 100"));
    }
    commands.push("route replace 198.18.0.20/32 via 10.30.0.3 table 100".to_owned());
    commands.push("rule del pref 1000".to_owned());
    commands
}

#[test]
fn route_view_follows_events() {
    run_in_netns("route_view_follows_events", || {
        setup_links();
        runtime().block_on(async {
            let (connection, handle, events) = rtnetlink::new_connection().unwrap();
            tokio::spawn(connection);
            let mut view = RouteRuleView::new(handle, events).await.unwrap();
            assert_eq!(held(view.routes(), view.rules()), oracle());
            assert!(view.routes_in_table(255).count() >= 3);

            ip(&[
                "route",
                "add",
                "192.0.2.0/24",
                "via",
                "10.30.0.2",
                "table",
                "200",
            ]);
            let changes = converge(&mut view).await;
            assert!(
                changes.iter().any(|c| matches!(c,
                    ViewChange::RouteAdded(r) if r.table() == 200)),
                "{changes:?}"
            );
            // Two IPv4 routes with one identity (append), then a replace.
            ip(&[
                "route",
                "append",
                "192.0.2.0/24",
                "via",
                "10.30.0.3",
                "table",
                "200",
            ]);
            converge(&mut view).await;
            assert_eq!(view.routes_in_table(200).count(), 2);
            ip(&[
                "route",
                "replace",
                "192.0.2.0/24",
                "via",
                "10.30.0.4",
                "table",
                "200",
            ]);
            let changes = converge(&mut view).await;
            assert!(
                changes
                    .iter()
                    .any(|c| matches!(c, ViewChange::RouteChanged(_))),
                "{changes:?}"
            );
            // An IPv6 multipath route, then one of its hops removed (the
            // notification only has that hop: the view dumps again).
            ip(&[
                "-6",
                "route",
                "add",
                "2001:db8:77::/64",
                "nexthop",
                "via",
                "2001:db8:30::2",
                "nexthop",
                "via",
                "2001:db8:30::3",
            ]);
            converge(&mut view).await;
            ip(&[
                "-6",
                "route",
                "del",
                "2001:db8:77::/64",
                "via",
                "2001:db8:30::3",
            ]);
            converge(&mut view).await;
            // Rules: add, an interface rule whose interface goes away
            // (detached without a notification), delete.
            ip(&[
                "rule",
                "add",
                "pref",
                "900",
                "from",
                "10.50.0.0/16",
                "table",
                "200",
            ]);
            ip(&[
                "link", "add", "rv-c", "type", "veth", "peer", "name", "rv-d",
            ]);
            ip(&["rule", "add", "pref", "901", "iif", "rv-c", "table", "200"]);
            converge(&mut view).await;
            ip(&["link", "del", "rv-c"]);
            converge(&mut view).await;
            assert!(view
                .rules()
                .any(|r| r.header.flags.contains(RuleFlags::IIF_DETACHED)));
            ip(&["rule", "del", "pref", "900"]);
            let changes = converge(&mut view).await;
            assert!(
                changes
                    .iter()
                    .any(|c| matches!(c, ViewChange::RuleRemoved(r) if r.priority() == Some(900))),
                "{changes:?}"
            );
            // The link goes down: IPv4 flushes the routes through it
            // without notifications; the view notices by the link event.
            ip(&["link", "set", "rv-a", "down"]);
            let changes = converge(&mut view).await;
            assert!(
                changes.iter().any(|c| matches!(c,
                    ViewChange::RouteRemoved(r) if r.table() == 200)),
                "{changes:?}"
            );
            assert_eq!(view.routes_in_table(200).count(), 0);
            assert_eq!(view.resynchronizations(), 0, "no overflow expected");
        });
    });
}

#[test]
fn route_view_resynchronizes_after_overflow() {
    run_in_netns("route_view_resynchronizes_after_overflow", || {
        setup_links();
        runtime().block_on(async {
            let config = rtnetlink::proto::Config {
                receive_buffer_size: Some(4096),
                ..Default::default()
            };
            let (connection, handle, events) =
                rtnetlink::new_connection_with_config(config).unwrap();
            tokio::spawn(connection);
            let mut view = RouteRuleView::new(handle, events).await.unwrap();
            // Hundreds of changes while nobody reads: the 4 KiB buffer
            // overflows.
            batch(&many_changes());
            let changes = converge(&mut view).await;
            assert!(
                changes.contains(&ViewChange::Resynchronized),
                "the 4 KiB buffer should have overflowed"
            );
            assert!(view.resynchronizations() >= 1);
            assert_eq!(view.routes_in_table(100).count(), 290);
            assert!(changes.iter().any(|c| matches!(c,
                ViewChange::RouteAdded(r) if r.table() == 100)));
            assert!(changes
                .iter()
                .any(|c| matches!(c, ViewChange::RuleAdded(_))));
        });
    });
}

#[test]
fn blocking_route_view_resynchronizes_after_overflow() {
    run_in_netns("blocking_route_view_resynchronizes_after_overflow", || {
        setup_links();
        let config = rtnetlink::proto::Config {
            receive_buffer_size: Some(4096),
            ..Default::default()
        };
        let handle = BlockingHandle::with_config(config).unwrap();
        let mut view = BlockingRouteRuleView::new(handle).unwrap();
        assert_eq!(held(view.routes(), view.rules()), oracle());
        batch(&many_changes());
        let changes = converge_blocking(&mut view);
        assert!(changes.contains(&ViewChange::Resynchronized));
        assert!(view.resynchronizations() >= 1);
        assert_eq!(view.routes_in_table(100).count(), 290);
        // Then events one by one.
        ip(&["route", "del", "198.18.0.20/32", "table", "100"]);
        let changes = converge_blocking(&mut view);
        assert!(
            changes.iter().any(|c| matches!(c,
                ViewChange::RouteRemoved(r) if r.table() == 100)),
            "{changes:?}"
        );
        assert_eq!(view.routes_in_table(100).count(), 289);
    });
}

#[test]
fn route_view_of_one_family() {
    run_in_netns("route_view_of_one_family", || {
        setup_links();
        let handle = BlockingHandle::new().unwrap();
        let view = BlockingRouteRuleView::with_families(handle, &[AddressFamily::Inet]).unwrap();
        assert!(view
            .routes()
            .all(|r| r.header.address_family == AddressFamily::Inet));
        assert!(view.rules().all(|r| r.header.family == AddressFamily::Inet));
        let error = BlockingRouteRuleView::with_families(
            BlockingHandle::new().unwrap(),
            &[AddressFamily::Bridge],
        )
        .unwrap_err();
        assert!(error.to_string().contains("IPv4 and IPv6"), "{error}");
    });
}
