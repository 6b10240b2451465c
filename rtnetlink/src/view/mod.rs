//! Synchronized views: tables of kernel objects that stay current by
//! themselves. Each view subscribes to the objects' notifications, dumps
//! the tables, then applies every notification; when notifications are
//! lost (socket overflow) or cannot be applied exactly, it dumps again and
//! reconciles by object identity, reporting the differences — libnl's
//! cache manager idea.
//!
//! Each view has an asynchronous form (driven by a [`Handle`](crate::Handle)
//! and its [`Events`](crate::Events)) and a blocking one (driven by a
//! [`BlockingHandle`](crate::BlockingHandle)); both share the
//! reconciliation logic.

mod link_address;
mod route_rule;

use netlink_packet_route::{
    address::AddressMessage, link::LinkMessage, route::RouteMessage, rule::RuleMessage,
};

pub use link_address::{BlockingLinkAddressView, LinkAddressView};
pub use route_rule::{BlockingRouteRuleView, RouteKey, RouteRuleView, RuleKey};

/// One change of a synchronized view.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ViewChange {
    /// A link appeared.
    LinkAdded(LinkMessage),
    /// A link changed (new version).
    LinkChanged(LinkMessage),
    /// A link disappeared (its last known version).
    LinkRemoved(LinkMessage),
    /// An address appeared or changed.
    AddressAdded(AddressMessage),
    /// An address disappeared (its last known version).
    AddressRemoved(AddressMessage),
    /// A route appeared.
    RouteAdded(RouteMessage),
    /// A route changed: same identity ([`RouteKey`]) and next hops, other
    /// attributes (new version); or a route replaced another of the same
    /// identity.
    RouteChanged(RouteMessage),
    /// A route disappeared (its last known version).
    RouteRemoved(RouteMessage),
    /// A rule appeared.
    RuleAdded(RuleMessage),
    /// A rule disappeared (its last known version).
    RuleRemoved(RuleMessage),
    /// Notifications were lost (socket overflow); the view dumped the
    /// kernel's state again. The changes reported with this one are the
    /// differences found.
    Resynchronized,
}

/// What a batch of events asks the view to dump again.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Resync {
    /// Notifications were lost: everything.
    pub(crate) overflow: bool,
    /// The routes of these families (`AF_*`): a change the notifications
    /// do not describe exactly (IPv4 routes flushed silently with their
    /// link, a next hop removed from an IPv6 multipath route).
    pub(crate) route_families: Vec<u8>,
    /// The rules of these families (a rule's interface came or went).
    pub(crate) rule_families: Vec<u8>,
}

impl Resync {
    pub(crate) fn is_empty(&self) -> bool {
        !self.overflow && self.route_families.is_empty() && self.rule_families.is_empty()
    }

    pub(crate) fn routes(&mut self, family: u8) {
        if !self.route_families.contains(&family) {
            self.route_families.push(family);
        }
    }

    pub(crate) fn rules(&mut self, family: u8) {
        if !self.rule_families.contains(&family) {
            self.rule_families.push(family);
        }
    }
}
