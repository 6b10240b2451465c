//! Printing objects in iproute2's layout.

use std::{collections::HashMap, fmt::Write, net::IpAddr};

use rtnetlink::packet_route::{
    address::{AddressFlags, AddressMessage, INFINITY_LIFE_TIME},
    common::{AddressFamily, RouteProtocol, RouteScope, RouteTable, RouteType},
    link::{LinkAttribute, LinkFlags, LinkLayerType, LinkMessage},
    neighbour::{NeighbourMessage, NeighbourState},
    route::RouteMessage,
    rule::{RuleAction, RuleAttribute, RuleMessage},
};

/// Link names and flags by index, to print `dev NAME`, `master NAME`
/// and whether a lower device is down (`M-DOWN`).
pub type Names = HashMap<u32, (String, LinkFlags)>;

pub fn names(links: &[LinkMessage]) -> Names {
    links
        .iter()
        .filter_map(|link| Some((link.index(), (link.name()?.to_owned(), link.header.flags))))
        .collect()
}

pub fn name_of(names: &Names, index: u32) -> String {
    names
        .get(&index)
        .map(|(name, _)| name.clone())
        .unwrap_or_else(|| format!("if{index}"))
}

fn flag_names(flags: LinkFlags, lower_down: bool) -> String {
    const ORDER: &[(LinkFlags, &str)] = &[
        (LinkFlags::LOOPBACK, "LOOPBACK"),
        (LinkFlags::BROADCAST, "BROADCAST"),
        (LinkFlags::POINTOPOINT, "POINTOPOINT"),
        (LinkFlags::MULTICAST, "MULTICAST"),
        (LinkFlags::NOARP, "NOARP"),
        (LinkFlags::ALLMULTI, "ALLMULTI"),
        (LinkFlags::PROMISC, "PROMISC"),
        (LinkFlags::MASTER, "MASTER"),
        (LinkFlags::SLAVE, "SLAVE"),
        (LinkFlags::DEBUG, "DEBUG"),
        (LinkFlags::DYNAMIC, "DYNAMIC"),
        (LinkFlags::AUTOMEDIA, "AUTOMEDIA"),
        (LinkFlags::PORTSEL, "PORTSEL"),
        (LinkFlags::NOTRAILERS, "NOTRAILERS"),
        (LinkFlags::UP, "UP"),
        (LinkFlags::LOWER_UP, "LOWER_UP"),
        (LinkFlags::DORMANT, "DORMANT"),
        (LinkFlags::ECHO, "ECHO"),
    ];
    let mut names = Vec::new();
    if flags.contains(LinkFlags::UP) && !flags.contains(LinkFlags::RUNNING) {
        names.push("NO-CARRIER");
    }
    names.extend(
        ORDER
            .iter()
            .filter(|(flag, _)| flags.contains(*flag))
            .map(|(_, name)| *name),
    );
    if lower_down {
        names.push("M-DOWN");
    }
    names.join(",")
}

fn link_type(kind: LinkLayerType) -> String {
    match kind {
        LinkLayerType::Ether => "ether".to_owned(),
        LinkLayerType::Loopback => "loopback".to_owned(),
        LinkLayerType::None => "none".to_owned(),
        other => format!("[{}]", u16::from(other)),
    }
}

/// The first lines of a link, as `ip link show` (with `mode`) and `ip addr
/// show` (without) print them.
pub fn link(out: &mut String, link: &LinkMessage, names: &Names, with_mode: bool) {
    let name = link.name().unwrap_or("?");
    let _ = write!(out, "{}: {name}", link.index());
    let mut lower_down = false;
    if let Some(lower) = link.link() {
        if lower != link.index() && lower != 0 {
            let netns = link
                .attributes
                .iter()
                .any(|a| matches!(a, LinkAttribute::LinkNetNsId(_)));
            match names.get(&lower) {
                Some((lower_name, lower_flags)) if !netns => {
                    lower_down = !lower_flags.contains(LinkFlags::UP);
                    let _ = write!(out, "@{lower_name}");
                }
                _ => {
                    let _ = write!(out, "@if{lower}");
                }
            }
        }
    }
    let _ = write!(out, ": <{}>", flag_names(link.header.flags, lower_down));
    if let Some(mtu) = link.mtu() {
        let _ = write!(out, " mtu {mtu}");
    }
    for attribute in &link.attributes {
        if let LinkAttribute::Qdisc(qdisc) = attribute {
            let _ = write!(out, " qdisc {qdisc}");
        }
    }
    if let Some(master) = link.master() {
        let _ = write!(out, " master {}", name_of(names, master));
    }
    if let Some(state) = link.operstate() {
        let state = state
            .name()
            .map(str::to_owned)
            .unwrap_or_else(|| "UNKNOWN".to_owned());
        let _ = write!(out, " state {state}");
    }
    if with_mode {
        out.push_str(" mode DEFAULT");
    }
    for attribute in &link.attributes {
        match attribute {
            LinkAttribute::Group(0) => out.push_str(" group default"),
            LinkAttribute::Group(group) => {
                let _ = write!(out, " group {group}");
            }
            _ => {}
        }
    }
    for attribute in &link.attributes {
        if let LinkAttribute::TxQueueLen(qlen) = attribute {
            let _ = write!(out, " qlen {qlen}");
        }
    }
    out.push('\n');
    let _ = write!(out, "    link/{}", link_type(link.header.link_layer_type));
    if let Some(address) = link.address() {
        let _ = write!(out, " {address}");
    }
    for attribute in &link.attributes {
        if let LinkAttribute::Broadcast(broadcast) = attribute {
            let _ = write!(out, " brd {broadcast}");
        }
    }
    if let Some(nsid) = link.attributes.iter().find_map(|a| match a {
        LinkAttribute::LinkNetNsId(id) => Some(*id),
        _ => None,
    }) {
        let _ = write!(out, " link-netnsid {nsid}");
    }
    out.push('\n');
    for name in link.alt_names() {
        let _ = writeln!(out, "    altname {name}");
    }
    if let Some(alias) = link.alias() {
        let _ = writeln!(out, "    alias {alias}");
    }
}

fn scope_name(scope: RouteScope) -> String {
    match scope {
        RouteScope::Universe => "global".to_owned(),
        RouteScope::Site => "site".to_owned(),
        RouteScope::Link => "link".to_owned(),
        RouteScope::Host => "host".to_owned(),
        RouteScope::NoWhere => "nowhere".to_owned(),
        other => u8::from(other).to_string(),
    }
}

fn lifetime(seconds: u32) -> String {
    if seconds == INFINITY_LIFE_TIME {
        "forever".to_owned()
    } else {
        format!("{seconds}sec")
    }
}

/// One address, as `ip addr show` prints it under its link.
pub fn address(out: &mut String, address: &AddressMessage, link_name: &str) {
    let family = match address.header.family {
        AddressFamily::Inet => "inet",
        AddressFamily::Inet6 => "inet6",
        _ => return,
    };
    let local = address.local_or_address();
    let peer = match (address.local(), address.address()) {
        (Some(local), Some(peer)) if local != peer => Some(peer),
        _ => None,
    };
    let _ = write!(out, "    {family}");
    if let Some(local) = local {
        let _ = write!(out, " {local}");
    }
    match peer {
        Some(peer) => {
            let _ = write!(out, " peer {peer}/{}", address.header.prefix_len);
        }
        None => {
            let _ = write!(out, "/{}", address.header.prefix_len);
        }
    }
    for attribute in &address.attributes {
        if let rtnetlink::packet_route::address::AddressAttribute::Broadcast(broadcast) = attribute
        {
            let _ = write!(out, " brd {broadcast}");
        }
    }
    let _ = write!(out, " scope {}", scope_name(address.header.scope));
    let flags = address.flags();
    const FLAGS: &[(AddressFlags, &str)] = &[
        (AddressFlags::TEMPORARY, "temporary"),
        (AddressFlags::NODAD, "nodad"),
        (AddressFlags::OPTIMISTIC, "optimistic"),
        (AddressFlags::DADFAILED, "dadfailed"),
        (AddressFlags::HOMEADDRESS, "home"),
        (AddressFlags::DEPRECATED, "deprecated"),
        (AddressFlags::TENTATIVE, "tentative"),
        (AddressFlags::MANAGETEMPADDR, "mngtmpaddr"),
        (AddressFlags::NOPREFIXROUTE, "noprefixroute"),
        (AddressFlags::MCAUTOJOIN, "autojoin"),
        (AddressFlags::STABLE_PRIVACY, "stable-privacy"),
    ];
    if family == "inet" && flags.contains(AddressFlags::SECONDARY) {
        out.push_str(" secondary");
    }
    if !flags.contains(AddressFlags::PERMANENT) && family == "inet6" {
        out.push_str(" dynamic");
    }
    for (flag, name) in FLAGS {
        if (*flag != AddressFlags::TEMPORARY || family == "inet6") && flags.contains(*flag) {
            let _ = write!(out, " {name}");
        }
    }
    if family == "inet" {
        let _ = write!(out, " {}", address.label().unwrap_or(link_name));
    }
    out.push('\n');
    let (valid, preferred) = address
        .cache_info()
        .map_or((INFINITY_LIFE_TIME, INFINITY_LIFE_TIME), |info| {
            (info.valid, info.preferred)
        });
    let _ = writeln!(
        out,
        "       valid_lft {} preferred_lft {}",
        lifetime(valid),
        lifetime(preferred)
    );
}

fn protocol_name(protocol: RouteProtocol) -> String {
    match protocol {
        RouteProtocol::Kernel => "kernel".to_owned(),
        RouteProtocol::Boot => "boot".to_owned(),
        RouteProtocol::Static => "static".to_owned(),
        RouteProtocol::Ra => "ra".to_owned(),
        RouteProtocol::Dhcp => "dhcp".to_owned(),
        RouteProtocol::Bird => "bird".to_owned(),
        RouteProtocol::Zebra => "zebra".to_owned(),
        RouteProtocol::Bgp => "bgp".to_owned(),
        RouteProtocol::Ospf => "ospf".to_owned(),
        RouteProtocol::Unspec => "unspec".to_owned(),
        other => u8::from(other).to_string(),
    }
}

fn type_name(kind: RouteType) -> Option<&'static str> {
    Some(match kind {
        RouteType::Unicast => return None,
        RouteType::Local => "local",
        RouteType::Broadcast => "broadcast",
        RouteType::Anycast => "anycast",
        RouteType::Multicast => "multicast",
        RouteType::BlackHole => "blackhole",
        RouteType::Unreachable => "unreachable",
        RouteType::Prohibit => "prohibit",
        RouteType::Throw => "throw",
        RouteType::Nat => "nat",
        _ => "unknown",
    })
}

/// One route, as `ip route show` prints it.
pub fn route(out: &mut String, route: &RouteMessage, names: &Names, show_table: bool) {
    if let Some(kind) = type_name(route.header.kind) {
        let _ = write!(out, "{kind} ");
    }
    match route.destination().and_then(|d| d.ip()) {
        Some(destination) => {
            let full = match destination {
                IpAddr::V4(_) => 32,
                IpAddr::V6(_) => 128,
            };
            if route.header.destination_prefix_length == full {
                let _ = write!(out, "{destination}");
            } else {
                let _ = write!(
                    out,
                    "{destination}/{}",
                    route.header.destination_prefix_length
                );
            }
        }
        None => out.push_str("default"),
    }
    if let Some(gateway) = route.gateway() {
        let _ = write!(out, " via {gateway}");
    }
    if let Some(oif) = route.output_interface() {
        let _ = write!(out, " dev {}", name_of(names, oif));
    }
    if show_table && route.table() != RouteTable::MAIN.0 {
        let _ = write!(out, " table {}", RouteTable(route.table()));
    }
    if !matches!(
        route.header.protocol,
        RouteProtocol::Boot | RouteProtocol::Unspec
    ) {
        let _ = write!(out, " proto {}", protocol_name(route.header.protocol));
    }
    if route.header.scope != RouteScope::Universe {
        let _ = write!(out, " scope {}", scope_name(route.header.scope));
    }
    for attribute in &route.attributes {
        if let rtnetlink::packet_route::route::RouteAttribute::PreferredSource(source) = attribute {
            if let Some(source) = source.ip() {
                let _ = write!(out, " src {source}");
            }
        }
    }
    if let Some(metric) = route.priority() {
        let _ = write!(out, " metric {metric}");
    }
    for metric in route.metrics() {
        if let rtnetlink::packet_route::route::RouteMetric::Mtu(mtu) = metric {
            let _ = write!(out, " mtu {mtu}");
        }
    }
    route_flags(out, route.header.flags);
    for attribute in &route.attributes {
        if let rtnetlink::packet_route::route::RouteAttribute::Preference(preference) = attribute {
            use rtnetlink::packet_route::route::RoutePreference;
            let name = match preference {
                RoutePreference::Low => "low",
                RoutePreference::Medium => "medium",
                RoutePreference::High => "high",
                _ => "invalid",
            };
            let _ = write!(out, " pref {name}");
        }
    }
    out.push('\n');
    for hop in route.multipath() {
        out.push_str("\tnexthop");
        if let Some(gateway) = hop.gateway() {
            let _ = write!(out, " via {gateway}");
        }
        let _ = write!(
            out,
            " dev {} weight {}",
            name_of(names, hop.interface_index),
            hop.weight()
        );
        route_flags(
            out,
            rtnetlink::packet_route::route::RouteFlags::from_bits_retain(hop.flags.bits()),
        );
        out.push('\n');
    }
}

/// The next-hop flags iproute2 prints after a route (`dead`, `onlink`,
/// `pervasive`, `offload`, `linkdown`).
fn route_flags(out: &mut String, flags: rtnetlink::packet_route::route::RouteFlags) {
    use rtnetlink::packet_route::route::RouteFlags;
    for (flag, name) in [
        (RouteFlags::DEAD, "dead"),
        (RouteFlags::ONLINK, "onlink"),
        (RouteFlags::PERVASIVE, "pervasive"),
        (RouteFlags::OFFLOAD, "offload"),
        (RouteFlags::LINKDOWN, "linkdown"),
    ] {
        if flags.contains(flag) {
            let _ = write!(out, " {name}");
        }
    }
}

/// One neighbour, as `ip neigh show` prints it.
pub fn neighbour(out: &mut String, neighbour: &NeighbourMessage, names: &Names) {
    let Some(destination) = neighbour.destination() else {
        return;
    };
    let _ = write!(
        out,
        "{destination} dev {}",
        name_of(names, neighbour.header.ifindex)
    );
    if let Some(lladdr) = neighbour.link_layer_address() {
        let _ = write!(out, " lladdr {lladdr}");
    }
    if neighbour
        .header
        .flags
        .contains(rtnetlink::packet_route::neighbour::NeighbourFlags::ROUTER)
    {
        out.push_str(" router");
    }
    let state = neighbour.header.state;
    let states: Vec<&str> = [
        (NeighbourState::INCOMPLETE, "INCOMPLETE"),
        (NeighbourState::REACHABLE, "REACHABLE"),
        (NeighbourState::STALE, "STALE"),
        (NeighbourState::DELAY, "DELAY"),
        (NeighbourState::PROBE, "PROBE"),
        (NeighbourState::FAILED, "FAILED"),
        (NeighbourState::NOARP, "NOARP"),
        (NeighbourState::PERMANENT, "PERMANENT"),
    ]
    .iter()
    .filter(|(flag, _)| state.contains(*flag))
    .map(|(_, name)| *name)
    .collect();
    if states.is_empty() {
        out.push_str(" NONE");
    } else {
        let _ = write!(out, " {}", states.join(","));
    }
    out.push('\n');
}

/// One rule, as `ip rule show` prints it.
pub fn rule(out: &mut String, rule: &RuleMessage) {
    let _ = write!(out, "{}:\t", rule.priority().unwrap_or(0));
    let full = if rule.header.family == AddressFamily::Inet6 {
        128
    } else {
        32
    };
    match rule.source() {
        Some(source) if rule.header.src_len != full => {
            let _ = write!(out, "from {source}/{}", rule.header.src_len);
        }
        Some(source) => {
            let _ = write!(out, "from {source}");
        }
        None => out.push_str("from all"),
    }
    if let Some(destination) = rule.destination() {
        let _ = write!(out, " to {destination}/{}", rule.header.dst_len);
    }
    for attribute in &rule.attributes {
        match attribute {
            RuleAttribute::FwMark(mark) => {
                let _ = write!(out, " fwmark {mark:#x}");
            }
            RuleAttribute::IifName(name) => {
                let _ = write!(out, " iif {name}");
            }
            RuleAttribute::OifName(name) => {
                let _ = write!(out, " oif {name}");
            }
            _ => {}
        }
    }
    match rule.header.action {
        RuleAction::ToTable => {
            let _ = write!(out, " lookup {}", rule.table());
        }
        RuleAction::Goto => out.push_str(" goto"),
        RuleAction::Nop => out.push_str(" nop"),
        RuleAction::Blackhole => out.push_str(" blackhole"),
        RuleAction::Unreachable => out.push_str(" unreachable"),
        RuleAction::Prohibit => out.push_str(" prohibit"),
        other => {
            let _ = write!(out, " action {}", u8::from(other));
        }
    }
    out.push('\n');
}
