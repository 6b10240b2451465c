//! A synchronized view of the routes and rules of a namespace.
//!
//! Route and rule dumps cannot say that they were interrupted, and some
//! changes reach no notification at all (IPv4 routes flushed with their
//! link, the "detached" mark of a rule whose interface went away). So the
//! view does not trust one dump or one event stream: it keys every object
//! by its identity in the kernel ([`RouteKey`], [`RuleKey`]), applies
//! events by identity (replaying an event twice, or an event older than a
//! dump, leaves the same table), and when notifications were lost or a
//! change cannot be applied exactly it dumps the affected table again and
//! reports the differences by identity.

use std::{collections::HashMap, net::IpAddr, time::Duration};

use futures::TryStreamExt;
use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::{
    common::AddressFamily,
    link::{LinkFlags, LinkMessage},
    route::{RouteAddress, RouteAttribute, RouteFlags, RouteMessage},
    rule::{RuleAttribute, RuleFlags, RuleMessage},
};

use super::Resync;
use crate::{BlockingHandle, Error, Event, Events, Handle, MulticastGroup, ViewChange};

/// What identifies a route in the kernel's tables: two routes with the
/// same key cannot both be added with `ip route add` (`EEXIST`).
///
/// Several routes may still share a key — IPv4 `ip route append` /
/// `prepend`, or IPv6 routes that cannot form a multipath route — and are
/// then told apart by their type and next hops.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RouteKey {
    /// The address family.
    pub family: AddressFamily,
    /// The table id (`RTA_TABLE`, or the header's byte).
    pub table: u32,
    /// The destination prefix (`None`: a default route).
    pub destination: Option<RouteAddress>,
    /// The destination prefix length.
    pub destination_prefix_length: u8,
    /// The source prefix (IPv6 source routing).
    pub source: Option<RouteAddress>,
    /// The source prefix length.
    pub source_prefix_length: u8,
    /// The TOS (IPv4) / DS field selector.
    pub tos: u8,
    /// The metric (`RTA_PRIORITY`, 0 when absent).
    pub priority: u32,
}

impl RouteKey {
    /// The identity of `route`.
    pub fn of(route: &RouteMessage) -> Self {
        RouteKey {
            family: route.header.address_family,
            table: route.table(),
            destination: route.destination().cloned(),
            destination_prefix_length: route.header.destination_prefix_length,
            source: route.attributes.iter().find_map(|a| match a {
                RouteAttribute::Source(source) => Some(source.clone()),
                _ => None,
            }),
            source_prefix_length: route.header.source_prefix_length,
            tos: route.header.tos,
            priority: route.priority().unwrap_or(0),
        }
    }
}

/// What identifies a rule: its family, priority and selectors (what
/// packets it matches). Rules that share a key differ by their action
/// (table, goto...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleKey {
    /// The address family.
    pub family: AddressFamily,
    /// The priority (`FRA_PRIORITY`, 0 when absent).
    pub priority: u32,
    /// The source prefix length.
    pub source_prefix_length: u8,
    /// The destination prefix length.
    pub destination_prefix_length: u8,
    /// The TOS selector.
    pub tos: u8,
    /// Whether the selectors are inverted (`not`, `FIB_RULE_INVERT`).
    pub invert: bool,
    /// The selector attributes (prefixes, interfaces, marks, ports, uid
    /// range...), in the kernel's order.
    pub selectors: Vec<RuleAttribute>,
}

impl RuleKey {
    /// The identity of `rule`.
    pub fn of(rule: &RuleMessage) -> Self {
        RuleKey {
            family: rule.header.family,
            priority: rule.priority().unwrap_or(0),
            source_prefix_length: rule.header.src_len,
            destination_prefix_length: rule.header.dst_len,
            tos: rule.header.tos,
            invert: rule.header.flags.contains(RuleFlags::INVERT),
            selectors: rule
                .attributes
                .iter()
                .filter(|attribute| is_selector(attribute))
                .cloned()
                .collect(),
        }
    }
}

/// Whether a rule attribute selects packets (rather than saying what to do
/// with them).
fn is_selector(attribute: &RuleAttribute) -> bool {
    !matches!(
        attribute,
        RuleAttribute::Priority(_)
            | RuleAttribute::Table(_)
            | RuleAttribute::Goto(_)
            | RuleAttribute::Flow(_)
            | RuleAttribute::SuppressPrefixLen(_)
            | RuleAttribute::SuppressIfGroup(_)
            | RuleAttribute::Protocol(_)
    )
}

/// Whether two rules are the same rule: same identity and action. The
/// header flags the kernel changes by itself (interface detached, goto
/// target unresolved) do not count.
fn same_rule(a: &RuleMessage, b: &RuleMessage) -> bool {
    let volatile = RuleFlags::IIF_DETACHED | RuleFlags::OIF_DETACHED | RuleFlags::UNRESOLVED;
    let mut a_header = a.header;
    let mut b_header = b.header;
    a_header.flags.remove(volatile);
    b_header.flags.remove(volatile);
    a_header == b_header && a.attributes == b.attributes
}

/// The interface names a rule selects on.
fn rule_interfaces(rule: &RuleMessage) -> impl Iterator<Item = &str> {
    rule.attributes
        .iter()
        .filter_map(|attribute| match attribute {
            RuleAttribute::IifName(name) | RuleAttribute::OifName(name) => Some(name.as_str()),
            _ => None,
        })
}

/// A route's next hops: nexthop object id, and (interface, gateway) per
/// hop.
type NextHops = (Option<u32>, Vec<(u32, Option<IpAddr>)>);

fn next_hops(route: &RouteMessage) -> NextHops {
    let id = route.attributes.iter().find_map(|a| match a {
        RouteAttribute::NexthopId(id) => Some(*id),
        _ => None,
    });
    let hops = if route.multipath().is_empty() {
        vec![(route.output_interface().unwrap_or(0), route.gateway())]
    } else {
        route
            .multipath()
            .iter()
            .map(|hop| {
                let gateway = hop.attributes.iter().find_map(|a| match a {
                    RouteAttribute::Gateway(address) => address.ip(),
                    RouteAttribute::Via(via) => via.ip(),
                    _ => None,
                });
                (hop.interface_index, gateway)
            })
            .collect()
    };
    (id, hops)
}

/// Whether two routes of one key are the same route: same type and next
/// hops.
fn same_route(a: &RouteMessage, b: &RouteMessage) -> bool {
    a.header.kind == b.header.kind && next_hops(a) == next_hops(b)
}

/// Whether every hop of `part` is a hop of `whole` (an IPv6 route that
/// became one hop of a multipath route, or lost one).
fn hops_within(part: &RouteMessage, whole: &RouteMessage) -> bool {
    let (part_id, part_hops) = next_hops(part);
    let (whole_id, whole_hops) = next_hops(whole);
    part.header.kind == whole.header.kind
        && part_id == whole_id
        && part_hops.iter().all(|hop| whole_hops.contains(hop))
}

/// Whether two versions of one route differ in more than their counters
/// and timers.
fn route_differs(old: &RouteMessage, new: &RouteMessage) -> bool {
    let significant = |route: &RouteMessage| -> Vec<RouteAttribute> {
        route
            .attributes
            .iter()
            .filter(|a| !matches!(a, RouteAttribute::CacheInfo(_) | RouteAttribute::Expires(_)))
            .cloned()
            .collect()
    };
    old.header != new.header || significant(old) != significant(new)
}

/// Whether `route` goes through link `index`.
fn uses_link(route: &RouteMessage, index: u32) -> bool {
    next_hops(route).1.iter().any(|(hop, _)| *hop == index)
}

/// The link state that decides whether routes through a link exist.
const LINK_STATE: LinkFlags = LinkFlags::UP
    .union(LinkFlags::LOWER_UP)
    .union(LinkFlags::RUNNING);

/// The tables and how events and dumps change them; shared by the
/// asynchronous and the blocking view.
#[derive(Debug)]
struct RouteRuleTables {
    families: Vec<AddressFamily>,
    routes: HashMap<RouteKey, Vec<RouteMessage>>,
    rules: Vec<RuleMessage>,
    /// Each link's state flags and name, to notice what the kernel
    /// changes without telling.
    links: HashMap<u32, (LinkFlags, Option<String>)>,
    resyncs: u64,
}

impl RouteRuleTables {
    fn new(families: &[AddressFamily]) -> Result<Self, Error> {
        let mut tracked = Vec::new();
        for family in families {
            match family {
                AddressFamily::Inet | AddressFamily::Inet6 => {
                    if !tracked.contains(family) {
                        tracked.push(*family);
                    }
                }
                other => {
                    return Err(Error::InvalidRequest(format!(
                        "a route and rule view follows IPv4 and IPv6, not {other:?}"
                    )))
                }
            }
        }
        if tracked.is_empty() {
            return Err(Error::InvalidRequest(
                "a route and rule view needs at least one family".to_owned(),
            ));
        }
        Ok(RouteRuleTables {
            families: tracked,
            routes: HashMap::new(),
            rules: Vec::new(),
            links: HashMap::new(),
            resyncs: 0,
        })
    }

    /// The groups to join for the tracked families (and links).
    fn groups(&self) -> Vec<MulticastGroup> {
        let mut groups = vec![MulticastGroup::Link];
        for family in &self.families {
            match family {
                AddressFamily::Inet => {
                    groups.extend([MulticastGroup::Ipv4Route, MulticastGroup::Ipv4Rule])
                }
                _ => groups.extend([MulticastGroup::Ipv6Route, MulticastGroup::Ipv6Rule]),
            }
        }
        groups
    }

    fn tracks(&self, family: AddressFamily) -> bool {
        self.families.contains(&family)
    }

    /// Applies one event; what it cannot apply exactly goes to `resync`.
    fn apply(
        &mut self,
        event: Event,
        flags: NetlinkFlags,
        changes: &mut Vec<ViewChange>,
        resync: &mut Resync,
    ) {
        let wanted = |route: &RouteMessage| {
            self.tracks(route.header.address_family)
                && !route.header.flags.contains(RouteFlags::CLONED)
        };
        match event {
            Event::NewRoute(route) if wanted(&route) => {
                self.new_route(route, flags, changes, resync)
            }
            Event::DelRoute(route) if wanted(&route) => self.del_route(route, changes, resync),
            Event::NewRule(rule) if self.tracks(rule.header.family) => self.new_rule(rule, changes),
            Event::DelRule(rule) if self.tracks(rule.header.family) => {
                if let Some(position) = self.rules.iter().position(|r| same_rule(r, &rule)) {
                    changes.push(ViewChange::RuleRemoved(self.rules.remove(position)));
                }
            }
            Event::NewLink(link) => self.link_changed(&link, false, resync),
            Event::DelLink(link) => self.link_changed(&link, true, resync),
            Event::Overflow => resync.overflow = true,
            _ => {}
        }
    }

    fn new_route(
        &mut self,
        route: RouteMessage,
        flags: NetlinkFlags,
        changes: &mut Vec<ViewChange>,
        resync: &mut Resync,
    ) {
        let family = route.header.address_family;
        let list = self.routes.entry(RouteKey::of(&route)).or_default();
        if let Some(existing) = list.iter_mut().find(|r| same_route(r, &route)) {
            if route_differs(existing, &route) {
                *existing = route.clone();
                changes.push(ViewChange::RouteChanged(route));
            }
            return;
        }
        if flags.contains(NetlinkFlags::REPLACE) && !list.is_empty() {
            // The kernel replaced the first route of the key.
            list[0] = route.clone();
            changes.push(ViewChange::RouteChanged(route));
            return;
        }
        if family == AddressFamily::Inet6 {
            // A route that gained hops (IPv6 multipath routes grow by
            // siblings): the notification carries the whole route.
            let before = list.len();
            let position = list.iter().position(|r| hops_within(r, &route));
            list.retain(|r| !hops_within(r, &route));
            if list.len() != before {
                list.insert(position.unwrap_or(0).min(list.len()), route.clone());
                changes.push(ViewChange::RouteChanged(route));
                return;
            }
        }
        if flags.contains(NetlinkFlags::APPEND) || family == AddressFamily::Inet6 {
            list.push(route.clone());
        } else {
            // `ip route add` / `prepend`: the kernel puts it first.
            list.insert(0, route.clone());
        }
        if list.len() > 1 && family == AddressFamily::Inet6 {
            // Two IPv6 routes of one key that are not one multipath
            // route: rare enough to check against the kernel.
            resync.routes(u8::from(family));
        }
        changes.push(ViewChange::RouteAdded(route));
    }

    fn del_route(
        &mut self,
        route: RouteMessage,
        changes: &mut Vec<ViewChange>,
        resync: &mut Resync,
    ) {
        let key = RouteKey::of(&route);
        let Some(list) = self.routes.get_mut(&key) else {
            return;
        };
        if let Some(position) = list.iter().position(|r| same_route(r, &route)) {
            changes.push(ViewChange::RouteRemoved(list.remove(position)));
            if list.is_empty() {
                self.routes.remove(&key);
            }
        } else if list.iter().any(|r| hops_within(&route, r)) {
            // One hop of a multipath route went away: what remains is not
            // in the notification.
            resync.routes(u8::from(route.header.address_family));
        }
    }

    fn new_rule(&mut self, rule: RuleMessage, changes: &mut Vec<ViewChange>) {
        if let Some(existing) = self.rules.iter_mut().find(|r| same_rule(r, &rule)) {
            // Only the kernel's own flags may differ: keep the newest.
            *existing = rule;
            return;
        }
        // After the rules of lower or equal priority, as the kernel.
        let priority = rule.priority().unwrap_or(0);
        let position = self
            .rules
            .iter()
            .position(|r| {
                r.header.family == rule.header.family && r.priority().unwrap_or(0) > priority
            })
            .unwrap_or(self.rules.len());
        self.rules.insert(position, rule.clone());
        changes.push(ViewChange::RuleAdded(rule));
    }

    /// A link appeared, changed or went away: routes through it may have
    /// been flushed (IPv4 does it silently) or marked, rules on its name
    /// attached or detached.
    fn link_changed(&mut self, link: &LinkMessage, deleted: bool, resync: &mut Resync) {
        let index = link.index();
        let state = link.header.flags & LINK_STATE;
        let name = link.name().map(str::to_owned);
        let previous = if deleted {
            self.links.remove(&index)
        } else {
            self.links.insert(index, (state, name.clone()))
        };
        let state_changed = deleted || previous.as_ref().is_some_and(|(old, _)| *old != state);
        if state_changed {
            for family in &self.families {
                let affected = self.routes.iter().any(|(key, list)| {
                    key.family == *family && list.iter().any(|route| uses_link(route, index))
                });
                if affected {
                    resync.routes(u8::from(*family));
                }
            }
        }
        let old_name = previous.and_then(|(_, name)| name);
        let name_changed = deleted || old_name != name;
        if name_changed {
            let names: Vec<&str> = old_name
                .iter()
                .chain(name.iter())
                .map(String::as_str)
                .collect();
            for rule in &self.rules {
                if rule_interfaces(rule).any(|n| names.contains(&n)) {
                    resync.rules(u8::from(rule.header.family));
                }
            }
        }
    }

    fn replace_links(&mut self, links: Vec<LinkMessage>) {
        self.links = links
            .iter()
            .map(|link| {
                (
                    link.index(),
                    (
                        link.header.flags & LINK_STATE,
                        link.name().map(str::to_owned),
                    ),
                )
            })
            .collect();
    }

    /// Replaces the routes of `family` with a fresh dump; reports the
    /// differences by identity.
    fn replace_routes(
        &mut self,
        family: AddressFamily,
        routes: Vec<RouteMessage>,
        changes: &mut Vec<ViewChange>,
    ) {
        let mut fresh: HashMap<RouteKey, Vec<RouteMessage>> = HashMap::new();
        for route in routes {
            if route.header.address_family == family
                && !route.header.flags.contains(RouteFlags::CLONED)
            {
                fresh.entry(RouteKey::of(&route)).or_default().push(route);
            }
        }
        let old_keys: Vec<RouteKey> = self
            .routes
            .keys()
            .filter(|key| key.family == family)
            .cloned()
            .collect();
        for key in old_keys {
            let old = self.routes.remove(&key).unwrap_or_default();
            let new = fresh.remove(&key).unwrap_or_default();
            diff_routes(&old, &new, changes);
            if !new.is_empty() {
                self.routes.insert(key, new);
            }
        }
        for (key, new) in fresh {
            changes.extend(new.iter().cloned().map(ViewChange::RouteAdded));
            self.routes.insert(key, new);
        }
    }

    /// Replaces the rules of `family` with a fresh dump; reports the
    /// differences by identity.
    fn replace_rules(
        &mut self,
        family: AddressFamily,
        rules: Vec<RuleMessage>,
        changes: &mut Vec<ViewChange>,
    ) {
        let fresh: Vec<RuleMessage> = rules
            .into_iter()
            .filter(|rule| rule.header.family == family)
            .collect();
        let (old, kept): (Vec<RuleMessage>, Vec<RuleMessage>) = std::mem::take(&mut self.rules)
            .into_iter()
            .partition(|rule| rule.header.family == family);
        let mut unmatched: Vec<&RuleMessage> = fresh.iter().collect();
        for rule in &old {
            match unmatched.iter().position(|new| same_rule(new, rule)) {
                Some(position) => {
                    unmatched.remove(position);
                }
                None => changes.push(ViewChange::RuleRemoved(rule.clone())),
            }
        }
        changes.extend(unmatched.into_iter().cloned().map(ViewChange::RuleAdded));
        self.rules = kept;
        self.rules.extend(fresh);
        self.rules
            .sort_by_key(|rule| (u8::from(rule.header.family), rule.priority().unwrap_or(0)));
    }
}

/// Reports how the routes of one key changed from `old` to `new`.
fn diff_routes(old: &[RouteMessage], new: &[RouteMessage], changes: &mut Vec<ViewChange>) {
    if let ([old], [new]) = (old, new) {
        // One route before and after: the route of that identity changed
        // (possibly its next hops, by a replace).
        if route_differs(old, new) {
            changes.push(ViewChange::RouteChanged(new.clone()));
        }
        return;
    }
    let mut unmatched: Vec<&RouteMessage> = new.iter().collect();
    for route in old {
        match unmatched
            .iter()
            .position(|candidate| same_route(candidate, route))
        {
            Some(position) => {
                let candidate = unmatched.remove(position);
                if route_differs(route, candidate) {
                    changes.push(ViewChange::RouteChanged(candidate.clone()));
                }
            }
            None => changes.push(ViewChange::RouteRemoved(route.clone())),
        }
    }
    changes.extend(unmatched.into_iter().cloned().map(ViewChange::RouteAdded));
}

/// The read accessors both views share.
macro_rules! route_rule_accessors {
    () => {
        /// Every route (of every tracked family and table), in no
        /// particular order.
        pub fn routes(&self) -> impl Iterator<Item = &RouteMessage> {
            self.tables.routes.values().flatten()
        }

        /// The routes of table `table`.
        pub fn routes_in_table(&self, table: u32) -> impl Iterator<Item = &RouteMessage> {
            self.tables
                .routes
                .iter()
                .filter(move |(key, _)| key.table == table)
                .flat_map(|(_, routes)| routes)
        }

        /// The routes with identity `key` (usually one; several for IPv4
        /// routes added with `append` / `prepend`).
        pub fn routes_with_key(&self, key: &RouteKey) -> &[RouteMessage] {
            self.tables
                .routes
                .get(key)
                .map(Vec::as_slice)
                .unwrap_or(&[])
        }

        /// Every rule, by family and priority.
        pub fn rules(&self) -> impl Iterator<Item = &RuleMessage> {
            self.tables.rules.iter()
        }

        /// The rules with identity `key` (same priority and selectors).
        pub fn rules_with_key<'a>(
            &'a self,
            key: &'a RuleKey,
        ) -> impl Iterator<Item = &'a RuleMessage> + 'a {
            self.tables
                .rules
                .iter()
                .filter(move |rule| &RuleKey::of(rule) == key)
        }

        /// How many times the view dumped again after an overflow.
        pub fn resynchronizations(&self) -> u64 {
            self.tables.resyncs
        }
    };
}

/// An always-current table of the routes (every table) and rules of a
/// namespace, for IPv4 and IPv6.
///
/// It subscribes to route, rule and link notifications, dumps the routes,
/// rules and links, then applies every notification by object identity
/// ([`RouteKey`], [`RuleKey`]). It dumps a table again, and reports the
/// differences, when
/// - the socket overflowed (notifications were lost; reported with
///   [`ViewChange::Resynchronized`] first),
/// - a link that routes go through went down or away (IPv4 then flushes
///   those routes without a notification),
/// - an interface a rule names appeared, was renamed or went away (the
///   kernel marks the rule detached without a notification),
/// - one hop of an IPv6 multipath route was removed (the notification
///   only has that hop).
///
/// Cached (cloned) routes are not part of the view, as in
/// `ip route show table all`.
///
/// Give it a connection of its own: it consumes that connection's
/// [`Events`].
///
/// ```no_run
/// # async fn f() -> Result<(), rtnetlink::Error> {
/// let (connection, handle, events) = rtnetlink::new_connection()?;
/// tokio::spawn(connection);
/// let mut view = rtnetlink::RouteRuleView::new(handle, events).await?;
/// println!("{} routes, {} rules", view.routes().count(), view.rules().count());
/// loop {
///     for change in view.next_changes().await? {
///         println!("{change:?}");
///     }
/// }
/// # }
/// ```
#[derive(Debug)]
pub struct RouteRuleView {
    handle: Handle,
    events: Events,
    tables: RouteRuleTables,
}

impl RouteRuleView {
    /// Follows IPv4 and IPv6 routes and rules: subscribes `handle`'s
    /// connection and loads the current state.
    pub async fn new(handle: Handle, events: Events) -> Result<Self, Error> {
        Self::with_families(handle, events, &[AddressFamily::Inet, AddressFamily::Inet6]).await
    }

    /// Follows the routes and rules of `families` (`Inet`, `Inet6`).
    pub async fn with_families(
        handle: Handle,
        events: Events,
        families: &[AddressFamily],
    ) -> Result<Self, Error> {
        let tables = RouteRuleTables::new(families)?;
        handle.subscribe(&tables.groups()).await?;
        let mut view = RouteRuleView {
            handle,
            events,
            tables,
        };
        let everything = Resync {
            overflow: true,
            ..Resync::default()
        };
        view.resynchronize(everything).await?;
        Ok(view)
    }

    route_rule_accessors!();

    /// Waits for the next notification, applies it and everything already
    /// queued, dumps again what could not be applied exactly, and returns
    /// the changes (empty when the notifications changed nothing the view
    /// holds).
    pub async fn next_changes(&mut self) -> Result<Vec<ViewChange>, Error> {
        let (first, flags) = self
            .events
            .next_flagged()
            .await
            .ok_or(Error::ConnectionClosed)?;
        let mut changes = Vec::new();
        let mut resync = Resync::default();
        self.tables.apply(first, flags, &mut changes, &mut resync);
        while let Some((event, flags)) = self.events.try_next_flagged() {
            self.tables.apply(event, flags, &mut changes, &mut resync);
        }
        if resync.overflow {
            self.tables.resyncs += 1;
            changes.push(ViewChange::Resynchronized);
        }
        if !resync.is_empty() {
            changes.extend(self.resynchronize(resync).await?);
        }
        Ok(changes)
    }

    async fn resynchronize(&mut self, resync: Resync) -> Result<Vec<ViewChange>, Error> {
        let mut changes = Vec::new();
        if resync.overflow {
            let links: Vec<LinkMessage> = self.handle.link().get().execute().try_collect().await?;
            self.tables.replace_links(links);
        }
        for family in self.tables.families.clone() {
            let number = u8::from(family);
            if resync.overflow || resync.route_families.contains(&number) {
                let routes: Vec<RouteMessage> = self
                    .handle
                    .route()
                    .get(family)
                    .execute()
                    .try_collect()
                    .await?;
                self.tables.replace_routes(family, routes, &mut changes);
            }
            if resync.overflow || resync.rule_families.contains(&number) {
                let rules: Vec<RuleMessage> = self
                    .handle
                    .rule()
                    .get(family)
                    .execute()
                    .try_collect()
                    .await?;
                self.tables.replace_rules(family, rules, &mut changes);
            }
        }
        Ok(changes)
    }
}

/// The blocking form of [`RouteRuleView`]: the same always-current table
/// of routes and rules, driven by a [`BlockingHandle`].
///
/// Give it a handle of its own (not a clone of one used elsewhere): it
/// consumes that connection's events.
///
/// ```no_run
/// use std::time::Duration;
///
/// let handle = rtnetlink::BlockingHandle::new()?;
/// let mut view = rtnetlink::BlockingRouteRuleView::new(handle)?;
/// println!("{} routes", view.routes().count());
/// loop {
///     for change in view.next_changes(Some(Duration::from_secs(1)))? {
///         println!("{change:?}");
///     }
/// }
/// # Ok::<(), rtnetlink::Error>(())
/// ```
#[derive(Debug)]
pub struct BlockingRouteRuleView {
    handle: BlockingHandle,
    tables: RouteRuleTables,
}

impl BlockingRouteRuleView {
    /// Follows IPv4 and IPv6 routes and rules: subscribes `handle`'s
    /// connection and loads the current state.
    pub fn new(handle: BlockingHandle) -> Result<Self, Error> {
        Self::with_families(handle, &[AddressFamily::Inet, AddressFamily::Inet6])
    }

    /// Follows the routes and rules of `families` (`Inet`, `Inet6`).
    pub fn with_families(
        handle: BlockingHandle,
        families: &[AddressFamily],
    ) -> Result<Self, Error> {
        let tables = RouteRuleTables::new(families)?;
        handle.subscribe(&tables.groups())?;
        let mut view = BlockingRouteRuleView { handle, tables };
        let everything = Resync {
            overflow: true,
            ..Resync::default()
        };
        view.resynchronize(everything)?;
        Ok(view)
    }

    route_rule_accessors!();

    /// Waits at most `timeout` (`None`: as long as it takes) for the next
    /// notification, applies it and everything already queued, dumps
    /// again what could not be applied exactly, and returns the changes
    /// (empty when the time passed or nothing the view holds changed).
    pub fn next_changes(&mut self, timeout: Option<Duration>) -> Result<Vec<ViewChange>, Error> {
        let mut changes = Vec::new();
        let Some((first, flags)) = self.handle.next_event_flagged(timeout)? else {
            return Ok(changes);
        };
        let mut resync = Resync::default();
        self.tables.apply(first, flags, &mut changes, &mut resync);
        while let Some((event, flags)) = self.handle.next_event_flagged(Some(Duration::ZERO))? {
            self.tables.apply(event, flags, &mut changes, &mut resync);
        }
        if resync.overflow {
            self.tables.resyncs += 1;
            changes.push(ViewChange::Resynchronized);
        }
        if !resync.is_empty() {
            changes.extend(self.resynchronize(resync)?);
        }
        Ok(changes)
    }

    fn resynchronize(&mut self, resync: Resync) -> Result<Vec<ViewChange>, Error> {
        let mut changes = Vec::new();
        if resync.overflow {
            let links = self
                .handle
                .link()
                .get()
                .execute()
                .collect::<Result<Vec<_>, _>>()?;
            self.tables.replace_links(links);
        }
        for family in self.tables.families.clone() {
            let number = u8::from(family);
            if resync.overflow || resync.route_families.contains(&number) {
                let routes = self
                    .handle
                    .route()
                    .get(family)
                    .execute()
                    .collect::<Result<Vec<_>, _>>()?;
                self.tables.replace_routes(family, routes, &mut changes);
            }
            if resync.overflow || resync.rule_families.contains(&number) {
                let rules = self
                    .handle
                    .rule()
                    .get(family)
                    .execute()
                    .collect::<Result<Vec<_>, _>>()?;
                self.tables.replace_rules(family, rules, &mut changes);
            }
        }
        Ok(changes)
    }
}
