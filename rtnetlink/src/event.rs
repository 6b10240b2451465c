//! Typed notifications: multicast groups to subscribe to and the events
//! they deliver.

use std::{
    pin::Pin,
    task::{Context, Poll},
};

use futures::{Stream, StreamExt};
use netlink_packet_core::{DecodeError, NetlinkFlags, NetlinkPayload};
use netlink_packet_route::{
    address::AddressMessage, link::LinkMessage, neighbour::NeighbourMessage, route::RouteMessage,
    rule::RuleMessage, RtnlMessage,
};
use netlink_proto::{Notification, Notifications};

/// An rtnetlink multicast group (`RTNLGRP_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MulticastGroup {
    /// `RTNLGRP_LINK`: links created, changed, deleted.
    Link,
    /// `RTNLGRP_NEIGH`: neighbour entries.
    Neighbour,
    /// `RTNLGRP_IPV4_IFADDR`: IPv4 addresses.
    Ipv4Address,
    /// `RTNLGRP_IPV4_ROUTE`: IPv4 routes.
    Ipv4Route,
    /// `RTNLGRP_IPV4_RULE`: IPv4 rules.
    Ipv4Rule,
    /// `RTNLGRP_IPV6_IFADDR`: IPv6 addresses.
    Ipv6Address,
    /// `RTNLGRP_IPV6_ROUTE`: IPv6 routes.
    Ipv6Route,
    /// `RTNLGRP_IPV6_RULE`: IPv6 rules.
    Ipv6Rule,
    /// `RTNLGRP_NSID`: namespace ids.
    NsId,
    /// `RTNLGRP_NEXTHOP`: nexthop objects.
    Nexthop,
    /// Any other group by number.
    Other(u32),
}

impl MulticastGroup {
    /// Every group [`Event`] has a typed variant for: links, addresses,
    /// routes, neighbours and rules of IPv4 and IPv6.
    pub const ALL_TYPED: &'static [MulticastGroup] = &[
        MulticastGroup::Link,
        MulticastGroup::Neighbour,
        MulticastGroup::Ipv4Address,
        MulticastGroup::Ipv6Address,
        MulticastGroup::Ipv4Route,
        MulticastGroup::Ipv6Route,
        MulticastGroup::Ipv4Rule,
        MulticastGroup::Ipv6Rule,
    ];

    /// The kernel's group number (`RTNLGRP_*`).
    pub fn number(self) -> u32 {
        match self {
            MulticastGroup::Link => 1,
            MulticastGroup::Neighbour => 3,
            MulticastGroup::Ipv4Address => 5,
            MulticastGroup::Ipv4Route => 7,
            MulticastGroup::Ipv4Rule => 8,
            MulticastGroup::Ipv6Address => 9,
            MulticastGroup::Ipv6Route => 11,
            MulticastGroup::Ipv6Rule => 19,
            MulticastGroup::NsId => 28,
            MulticastGroup::Nexthop => 32,
            MulticastGroup::Other(number) => number,
        }
    }
}

/// One notification, typed.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Event {
    /// A link was created or changed (`RTM_NEWLINK`).
    NewLink(LinkMessage),
    /// A link was deleted (`RTM_DELLINK`).
    DelLink(LinkMessage),
    /// An address was added or changed (`RTM_NEWADDR`).
    NewAddress(AddressMessage),
    /// An address was removed (`RTM_DELADDR`).
    DelAddress(AddressMessage),
    /// A route was added or changed (`RTM_NEWROUTE`).
    NewRoute(RouteMessage),
    /// A route was removed (`RTM_DELROUTE`).
    DelRoute(RouteMessage),
    /// A neighbour entry was added or changed (`RTM_NEWNEIGH`).
    NewNeighbour(NeighbourMessage),
    /// A neighbour entry was removed (`RTM_DELNEIGH`).
    DelNeighbour(NeighbourMessage),
    /// A rule was added (`RTM_NEWRULE`).
    NewRule(RuleMessage),
    /// A rule was removed (`RTM_DELRULE`).
    DelRule(RuleMessage),
    /// Any other rtnetlink message (nexthops, netconf, ...).
    Other(Box<RtnlMessage>),
    /// The socket overflowed: notifications were lost. State tracked from
    /// events must be dumped again ([`LinkAddressView`](crate::LinkAddressView)
    /// does it by itself).
    Overflow,
    /// A notification that could not be decoded.
    Undecodable(DecodeError),
}

impl Event {
    pub(crate) fn from_message(message: RtnlMessage) -> Event {
        match message {
            RtnlMessage::NewLink(m) => Event::NewLink(m),
            RtnlMessage::DelLink(m) => Event::DelLink(m),
            RtnlMessage::NewAddress(m) => Event::NewAddress(m),
            RtnlMessage::DelAddress(m) => Event::DelAddress(m),
            RtnlMessage::NewRoute(m) => Event::NewRoute(m),
            RtnlMessage::DelRoute(m) => Event::DelRoute(m),
            RtnlMessage::NewNeighbour(m) => Event::NewNeighbour(m),
            RtnlMessage::DelNeighbour(m) => Event::DelNeighbour(m),
            RtnlMessage::NewRule(m) => Event::NewRule(m),
            RtnlMessage::DelRule(m) => Event::DelRule(m),
            other => Event::Other(Box::new(other)),
        }
    }

    /// The event and the header flags of its message (`NLM_F_REPLACE`,
    /// `NLM_F_APPEND`... tell how a route changed); empty flags for
    /// overflows and undecodable notifications.
    pub(crate) fn from_notification_flagged(
        notification: Notification<RtnlMessage>,
    ) -> (Event, NetlinkFlags) {
        let flags = match &notification {
            Notification::Message(message, _) => message.header.flags,
            _ => NetlinkFlags::empty(),
        };
        (Event::from_notification(notification), flags)
    }

    pub(crate) fn from_notification(notification: Notification<RtnlMessage>) -> Event {
        match notification {
            Notification::Message(message, _) => match message.payload {
                NetlinkPayload::InnerMessage(inner) => Event::from_message(inner),
                NetlinkPayload::Overrun(_) => Event::Overflow,
                other => Event::Undecodable(DecodeError::new(format!(
                    "unexpected control message (type {}) among notifications",
                    match other {
                        NetlinkPayload::Done(_) => "done",
                        NetlinkPayload::Error(_) => "error",
                        NetlinkPayload::Ack(_) => "ack",
                        _ => "noop",
                    }
                ))),
            },
            Notification::Undecodable { error, .. } => Event::Undecodable(error),
            Notification::Overflow { .. } => Event::Overflow,
        }
    }
}

/// The notifications of a connection as typed [`Event`]s: a [`Stream`]
/// that ends when the connection ends. Join groups with
/// [`Handle::subscribe`](crate::Handle::subscribe).
pub struct Events {
    inner: Notifications<RtnlMessage>,
}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Events")
            .field("inner", &self.inner)
            .finish()
    }
}

impl Events {
    /// Wraps netlink-proto's notifications.
    pub fn new(inner: Notifications<RtnlMessage>) -> Self {
        Events { inner }
    }

    /// The raw notifications underneath.
    pub fn into_inner(self) -> Notifications<RtnlMessage> {
        self.inner
    }

    /// The next event with the header flags of its message.
    pub(crate) fn poll_next_flagged(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<(Event, NetlinkFlags)>> {
        self.inner
            .poll_next_unpin(cx)
            .map(|item| item.map(Event::from_notification_flagged))
    }

    /// Waits for the next event with the header flags of its message.
    pub(crate) async fn next_flagged(&mut self) -> Option<(Event, NetlinkFlags)> {
        futures::future::poll_fn(|cx| self.poll_next_flagged(cx)).await
    }

    /// The next event if one is queued, without waiting.
    pub(crate) fn try_next_flagged(&mut self) -> Option<(Event, NetlinkFlags)> {
        let waker = futures::task::noop_waker_ref();
        let mut cx = Context::from_waker(waker);
        match self.poll_next_flagged(&mut cx) {
            Poll::Ready(item) => item,
            Poll::Pending => None,
        }
    }
}

impl Stream for Events {
    type Item = Event;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        self.inner
            .poll_next_unpin(cx)
            .map(|item| item.map(Event::from_notification))
    }
}
