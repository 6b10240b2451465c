//! The rtnetlink message enum and the `RTM_*` message type numbers.

use netlink_packet_core::{
    DecodeError, Emitable, ErrorContext, NetlinkDeserializable, NetlinkHeader, NetlinkSerializable,
    Parseable,
};

use crate::address::{AddressMessage, AddressMessageBuffer};
use crate::address_label::{AddressLabelMessage, AddressLabelMessageBuffer};
use crate::link::{LinkMessage, LinkMessageBuffer};
use crate::neighbour::{NeighbourMessage, NeighbourMessageBuffer};
use crate::neighbour_table::{NeighbourTableMessage, NeighbourTableMessageBuffer};
use crate::netconf::{NetconfMessage, NetconfMessageBuffer};
use crate::nexthop::{NexthopMessage, NexthopMessageBuffer};
use crate::nsid::{NsIdMessage, NsIdMessageBuffer};
use crate::prefix::{PrefixMessage, PrefixMessageBuffer};
use crate::route::{RouteMessage, RouteMessageBuffer};
use crate::rule::{RuleMessage, RuleMessageBuffer};
use crate::stats::{StatsMessage, StatsMessageBuffer};

/// `RTM_NEWLINK`: a link was created or changed (request: create or change a link).
pub const RTM_NEWLINK: u16 = 16;
/// `RTM_DELLINK`: delete a link / a link was deleted.
pub const RTM_DELLINK: u16 = 17;
/// `RTM_GETLINK`: get or dump links.
pub const RTM_GETLINK: u16 = 18;
/// `RTM_SETLINK`: change a link (no creation).
pub const RTM_SETLINK: u16 = 19;
/// `RTM_NEWADDR`: add an address / an address was added.
pub const RTM_NEWADDR: u16 = 20;
/// `RTM_DELADDR`: delete an address / an address was deleted.
pub const RTM_DELADDR: u16 = 21;
/// `RTM_GETADDR`: get or dump addresses.
pub const RTM_GETADDR: u16 = 22;
/// `RTM_NEWROUTE`: add a route / a route was added.
pub const RTM_NEWROUTE: u16 = 24;
/// `RTM_DELROUTE`: delete a route / a route was deleted.
pub const RTM_DELROUTE: u16 = 25;
/// `RTM_GETROUTE`: get (route lookup) or dump routes.
pub const RTM_GETROUTE: u16 = 26;
/// `RTM_NEWNEIGH`: add a neighbour / a neighbour was added or changed.
pub const RTM_NEWNEIGH: u16 = 28;
/// `RTM_DELNEIGH`: delete a neighbour / a neighbour was deleted.
pub const RTM_DELNEIGH: u16 = 29;
/// `RTM_GETNEIGH`: get or dump neighbours.
pub const RTM_GETNEIGH: u16 = 30;
/// `RTM_NEWRULE`: add a routing rule / a rule was added.
pub const RTM_NEWRULE: u16 = 32;
/// `RTM_DELRULE`: delete a routing rule / a rule was deleted.
pub const RTM_DELRULE: u16 = 33;
/// `RTM_GETRULE`: dump routing rules.
pub const RTM_GETRULE: u16 = 34;
/// `RTM_NEWQDISC` (traffic control, kept raw by this crate).
pub const RTM_NEWQDISC: u16 = 36;
/// `RTM_DELQDISC` (traffic control, kept raw by this crate).
pub const RTM_DELQDISC: u16 = 37;
/// `RTM_GETQDISC` (traffic control, kept raw by this crate).
pub const RTM_GETQDISC: u16 = 38;
/// `RTM_NEWTCLASS` (traffic control, kept raw by this crate).
pub const RTM_NEWTCLASS: u16 = 40;
/// `RTM_DELTCLASS` (traffic control, kept raw by this crate).
pub const RTM_DELTCLASS: u16 = 41;
/// `RTM_GETTCLASS` (traffic control, kept raw by this crate).
pub const RTM_GETTCLASS: u16 = 42;
/// `RTM_NEWTFILTER` (traffic control, kept raw by this crate).
pub const RTM_NEWTFILTER: u16 = 44;
/// `RTM_DELTFILTER` (traffic control, kept raw by this crate).
pub const RTM_DELTFILTER: u16 = 45;
/// `RTM_GETTFILTER` (traffic control, kept raw by this crate).
pub const RTM_GETTFILTER: u16 = 46;
/// `RTM_NEWACTION` (traffic control, kept raw by this crate).
pub const RTM_NEWACTION: u16 = 48;
/// `RTM_DELACTION` (traffic control, kept raw by this crate).
pub const RTM_DELACTION: u16 = 49;
/// `RTM_GETACTION` (traffic control, kept raw by this crate).
pub const RTM_GETACTION: u16 = 50;
/// `RTM_NEWPREFIX`: an IPv6 prefix was learnt from a router advertisement.
pub const RTM_NEWPREFIX: u16 = 52;
/// `RTM_GETMULTICAST`: dump IPv4/IPv6 multicast addresses (replies are `RTM_NEWMULTICAST`/`RTM_GETMULTICAST`, kept raw).
pub const RTM_GETMULTICAST: u16 = 58;
/// `RTM_GETANYCAST`: dump IPv6 anycast addresses (kept raw).
pub const RTM_GETANYCAST: u16 = 62;
/// `RTM_NEWNEIGHTBL`: a neighbour table's parameters or statistics.
pub const RTM_NEWNEIGHTBL: u16 = 64;
/// `RTM_GETNEIGHTBL`: dump neighbour tables.
pub const RTM_GETNEIGHTBL: u16 = 66;
/// `RTM_SETNEIGHTBL`: change a neighbour table's parameters.
pub const RTM_SETNEIGHTBL: u16 = 67;
/// `RTM_NEWNDUSEROPT`: an ND user option (RDNSS...) was received (kept raw).
pub const RTM_NEWNDUSEROPT: u16 = 68;
/// `RTM_NEWADDRLABEL`: add an IPv6 address label / a label was added.
pub const RTM_NEWADDRLABEL: u16 = 72;
/// `RTM_DELADDRLABEL`: delete an IPv6 address label.
pub const RTM_DELADDRLABEL: u16 = 73;
/// `RTM_GETADDRLABEL`: get or dump IPv6 address labels.
pub const RTM_GETADDRLABEL: u16 = 74;
/// `RTM_GETDCB` (data center bridging, kept raw).
pub const RTM_GETDCB: u16 = 78;
/// `RTM_SETDCB` (data center bridging, kept raw).
pub const RTM_SETDCB: u16 = 79;
/// `RTM_NEWNETCONF`: per-device or global IP configuration changed.
pub const RTM_NEWNETCONF: u16 = 80;
/// `RTM_DELNETCONF`: a device's netconf entry went away.
pub const RTM_DELNETCONF: u16 = 81;
/// `RTM_GETNETCONF`: get or dump netconf entries.
pub const RTM_GETNETCONF: u16 = 82;
/// `RTM_NEWMDB` (bridge multicast database, kept raw).
pub const RTM_NEWMDB: u16 = 84;
/// `RTM_DELMDB` (bridge multicast database, kept raw).
pub const RTM_DELMDB: u16 = 85;
/// `RTM_GETMDB` (bridge multicast database, kept raw).
pub const RTM_GETMDB: u16 = 86;
/// `RTM_NEWNSID`: assign a network namespace id / an id was assigned.
pub const RTM_NEWNSID: u16 = 88;
/// `RTM_DELNSID`: a network namespace id was removed.
pub const RTM_DELNSID: u16 = 89;
/// `RTM_GETNSID`: get or dump network namespace ids.
pub const RTM_GETNSID: u16 = 90;
/// `RTM_NEWSTATS`: link statistics.
pub const RTM_NEWSTATS: u16 = 92;
/// `RTM_GETSTATS`: get or dump link statistics.
pub const RTM_GETSTATS: u16 = 94;
/// `RTM_SETSTATS`: change link statistics settings.
pub const RTM_SETSTATS: u16 = 95;
/// `RTM_NEWCACHEREPORT` (multicast routing cache report, kept raw).
pub const RTM_NEWCACHEREPORT: u16 = 96;
/// `RTM_NEWCHAIN` (tc chain, kept raw).
pub const RTM_NEWCHAIN: u16 = 100;
/// `RTM_DELCHAIN` (tc chain, kept raw).
pub const RTM_DELCHAIN: u16 = 101;
/// `RTM_GETCHAIN` (tc chain, kept raw).
pub const RTM_GETCHAIN: u16 = 102;
/// `RTM_NEWNEXTHOP`: add a nexthop object / a nexthop was added.
pub const RTM_NEWNEXTHOP: u16 = 104;
/// `RTM_DELNEXTHOP`: delete a nexthop object / a nexthop was deleted.
pub const RTM_DELNEXTHOP: u16 = 105;
/// `RTM_GETNEXTHOP`: get or dump nexthop objects.
pub const RTM_GETNEXTHOP: u16 = 106;
/// `RTM_NEWLINKPROP`: add link properties (alternative names).
pub const RTM_NEWLINKPROP: u16 = 108;
/// `RTM_DELLINKPROP`: delete link properties (alternative names).
pub const RTM_DELLINKPROP: u16 = 109;
/// `RTM_GETLINKPROP` (reserved, not implemented by the kernel).
pub const RTM_GETLINKPROP: u16 = 110;
/// `RTM_NEWVLAN` (bridge VLAN, kept raw).
pub const RTM_NEWVLAN: u16 = 112;
/// `RTM_DELVLAN` (bridge VLAN, kept raw).
pub const RTM_DELVLAN: u16 = 113;
/// `RTM_GETVLAN` (bridge VLAN, kept raw).
pub const RTM_GETVLAN: u16 = 114;
/// `RTM_NEWNEXTHOPBUCKET` (resilient nexthop group bucket, kept raw).
pub const RTM_NEWNEXTHOPBUCKET: u16 = 116;
/// `RTM_DELNEXTHOPBUCKET` (resilient nexthop group bucket, kept raw).
pub const RTM_DELNEXTHOPBUCKET: u16 = 117;
/// `RTM_GETNEXTHOPBUCKET` (resilient nexthop group bucket, kept raw).
pub const RTM_GETNEXTHOPBUCKET: u16 = 118;
/// `RTM_NEWTUNNEL` (VXLAN VNI filtering, kept raw).
pub const RTM_NEWTUNNEL: u16 = 120;
/// `RTM_DELTUNNEL` (VXLAN VNI filtering, kept raw).
pub const RTM_DELTUNNEL: u16 = 121;
/// `RTM_GETTUNNEL` (VXLAN VNI filtering, kept raw).
pub const RTM_GETTUNNEL: u16 = 122;

/// One rtnetlink (`NETLINK_ROUTE`) message payload.
///
/// Every message type this crate types has its own variant; every other
/// message type the kernel can send (traffic control, MDB, bridge VLAN,
/// tunnel, multicast route reports, ...) is kept as [`RtnlMessage::Other`]
/// with its payload bytes, so nothing is dropped and emitting it again is
/// byte-identical.
///
/// A `GET` request whose payload is shorter than the object's header (the
/// legacy one-byte `struct rtgenmsg` form of a dump request) is also kept as
/// `Other`, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RtnlMessage {
    /// `RTM_NEWLINK`
    NewLink(LinkMessage),
    /// `RTM_DELLINK`
    DelLink(LinkMessage),
    /// `RTM_GETLINK`
    GetLink(LinkMessage),
    /// `RTM_SETLINK`
    SetLink(LinkMessage),
    /// `RTM_NEWLINKPROP`
    NewLinkProperty(LinkMessage),
    /// `RTM_DELLINKPROP`
    DelLinkProperty(LinkMessage),
    /// `RTM_NEWADDR`
    NewAddress(AddressMessage),
    /// `RTM_DELADDR`
    DelAddress(AddressMessage),
    /// `RTM_GETADDR`
    GetAddress(AddressMessage),
    /// `RTM_NEWROUTE`
    NewRoute(RouteMessage),
    /// `RTM_DELROUTE`
    DelRoute(RouteMessage),
    /// `RTM_GETROUTE`
    GetRoute(RouteMessage),
    /// `RTM_NEWNEIGH`
    NewNeighbour(NeighbourMessage),
    /// `RTM_DELNEIGH`
    DelNeighbour(NeighbourMessage),
    /// `RTM_GETNEIGH`
    GetNeighbour(NeighbourMessage),
    /// `RTM_NEWRULE`
    NewRule(RuleMessage),
    /// `RTM_DELRULE`
    DelRule(RuleMessage),
    /// `RTM_GETRULE`
    GetRule(RuleMessage),
    /// `RTM_NEWNEIGHTBL`
    NewNeighbourTable(NeighbourTableMessage),
    /// `RTM_GETNEIGHTBL`
    GetNeighbourTable(NeighbourTableMessage),
    /// `RTM_SETNEIGHTBL`
    SetNeighbourTable(NeighbourTableMessage),
    /// `RTM_NEWNSID`
    NewNsId(NsIdMessage),
    /// `RTM_DELNSID`
    DelNsId(NsIdMessage),
    /// `RTM_GETNSID`
    GetNsId(NsIdMessage),
    /// `RTM_NEWPREFIX`
    NewPrefix(PrefixMessage),
    /// `RTM_NEWADDRLABEL`
    NewAddressLabel(AddressLabelMessage),
    /// `RTM_DELADDRLABEL`
    DelAddressLabel(AddressLabelMessage),
    /// `RTM_GETADDRLABEL`
    GetAddressLabel(AddressLabelMessage),
    /// `RTM_NEWNETCONF`
    NewNetconf(NetconfMessage),
    /// `RTM_DELNETCONF`
    DelNetconf(NetconfMessage),
    /// `RTM_GETNETCONF`
    GetNetconf(NetconfMessage),
    /// `RTM_NEWSTATS`
    NewStats(StatsMessage),
    /// `RTM_GETSTATS`
    GetStats(StatsMessage),
    /// `RTM_SETSTATS`
    SetStats(StatsMessage),
    /// `RTM_NEWNEXTHOP`
    NewNexthop(NexthopMessage),
    /// `RTM_DELNEXTHOP`
    DelNexthop(NexthopMessage),
    /// `RTM_GETNEXTHOP`
    GetNexthop(NexthopMessage),
    /// Any other message type, kept raw.
    Other {
        /// The netlink message type (`nlmsg_type`).
        message_type: u16,
        /// The payload after the netlink header, unchanged.
        payload: Vec<u8>,
    },
}

/// Applies `$body` to the inner message of every typed variant.
macro_rules! with_inner {
    ($self:expr, $inner:ident => $body:expr, other($t:ident, $p:ident) => $other:expr) => {
        match $self {
            RtnlMessage::NewLink($inner)
            | RtnlMessage::DelLink($inner)
            | RtnlMessage::GetLink($inner)
            | RtnlMessage::SetLink($inner)
            | RtnlMessage::NewLinkProperty($inner)
            | RtnlMessage::DelLinkProperty($inner) => $body,
            RtnlMessage::NewAddress($inner)
            | RtnlMessage::DelAddress($inner)
            | RtnlMessage::GetAddress($inner) => $body,
            RtnlMessage::NewRoute($inner)
            | RtnlMessage::DelRoute($inner)
            | RtnlMessage::GetRoute($inner) => $body,
            RtnlMessage::NewNeighbour($inner)
            | RtnlMessage::DelNeighbour($inner)
            | RtnlMessage::GetNeighbour($inner) => $body,
            RtnlMessage::NewRule($inner)
            | RtnlMessage::DelRule($inner)
            | RtnlMessage::GetRule($inner) => $body,
            RtnlMessage::NewNeighbourTable($inner)
            | RtnlMessage::GetNeighbourTable($inner)
            | RtnlMessage::SetNeighbourTable($inner) => $body,
            RtnlMessage::NewNsId($inner)
            | RtnlMessage::DelNsId($inner)
            | RtnlMessage::GetNsId($inner) => $body,
            RtnlMessage::NewPrefix($inner) => $body,
            RtnlMessage::NewAddressLabel($inner)
            | RtnlMessage::DelAddressLabel($inner)
            | RtnlMessage::GetAddressLabel($inner) => $body,
            RtnlMessage::NewNetconf($inner)
            | RtnlMessage::DelNetconf($inner)
            | RtnlMessage::GetNetconf($inner) => $body,
            RtnlMessage::NewStats($inner)
            | RtnlMessage::GetStats($inner)
            | RtnlMessage::SetStats($inner) => $body,
            RtnlMessage::NewNexthop($inner)
            | RtnlMessage::DelNexthop($inner)
            | RtnlMessage::GetNexthop($inner) => $body,
            RtnlMessage::Other {
                message_type: $t,
                payload: $p,
            } => $other,
        }
    };
}

impl RtnlMessage {
    /// The netlink message type (`RTM_*`) of this message.
    pub fn message_type(&self) -> u16 {
        use RtnlMessage::*;
        match self {
            NewLink(_) => RTM_NEWLINK,
            DelLink(_) => RTM_DELLINK,
            GetLink(_) => RTM_GETLINK,
            SetLink(_) => RTM_SETLINK,
            NewLinkProperty(_) => RTM_NEWLINKPROP,
            DelLinkProperty(_) => RTM_DELLINKPROP,
            NewAddress(_) => RTM_NEWADDR,
            DelAddress(_) => RTM_DELADDR,
            GetAddress(_) => RTM_GETADDR,
            NewRoute(_) => RTM_NEWROUTE,
            DelRoute(_) => RTM_DELROUTE,
            GetRoute(_) => RTM_GETROUTE,
            NewNeighbour(_) => RTM_NEWNEIGH,
            DelNeighbour(_) => RTM_DELNEIGH,
            GetNeighbour(_) => RTM_GETNEIGH,
            NewRule(_) => RTM_NEWRULE,
            DelRule(_) => RTM_DELRULE,
            GetRule(_) => RTM_GETRULE,
            NewNeighbourTable(_) => RTM_NEWNEIGHTBL,
            GetNeighbourTable(_) => RTM_GETNEIGHTBL,
            SetNeighbourTable(_) => RTM_SETNEIGHTBL,
            NewNsId(_) => RTM_NEWNSID,
            DelNsId(_) => RTM_DELNSID,
            GetNsId(_) => RTM_GETNSID,
            NewPrefix(_) => RTM_NEWPREFIX,
            NewAddressLabel(_) => RTM_NEWADDRLABEL,
            DelAddressLabel(_) => RTM_DELADDRLABEL,
            GetAddressLabel(_) => RTM_GETADDRLABEL,
            NewNetconf(_) => RTM_NEWNETCONF,
            DelNetconf(_) => RTM_DELNETCONF,
            GetNetconf(_) => RTM_GETNETCONF,
            NewStats(_) => RTM_NEWSTATS,
            GetStats(_) => RTM_GETSTATS,
            SetStats(_) => RTM_SETSTATS,
            NewNexthop(_) => RTM_NEWNEXTHOP,
            DelNexthop(_) => RTM_DELNEXTHOP,
            GetNexthop(_) => RTM_GETNEXTHOP,
            Other { message_type, .. } => *message_type,
        }
    }

    /// True for the message types this crate decodes into typed messages.
    pub fn is_typed_message_type(message_type: u16) -> bool {
        header_len_of(message_type).is_some()
    }

    /// Decodes the payload of a message of type `message_type`.
    ///
    /// This is what [`NetlinkDeserializable::deserialize`] does; it is
    /// provided on its own for callers that hold a payload without a header.
    pub fn parse_with_type(message_type: u16, payload: &[u8]) -> Result<Self, DecodeError> {
        if is_get_request(message_type) {
            if let Some(header_len) = header_len_of(message_type) {
                if payload.len() < header_len {
                    return Ok(RtnlMessage::Other {
                        message_type,
                        payload: payload.to_vec(),
                    });
                }
            }
        }
        parse_typed(message_type, payload)
    }
}

/// Decodes one typed message; unknown types are kept raw.
fn parse_typed(message_type: u16, payload: &[u8]) -> Result<RtnlMessage, DecodeError> {
    use RtnlMessage::*;
    macro_rules! parse {
        ($variant:ident, $msg:ident, $buf:ident, $name:literal) => {
            $variant($msg::parse(&$buf::new_checked(payload).context($name)?).context($name)?)
        };
    }
    Ok(match message_type {
        RTM_NEWLINK => parse!(NewLink, LinkMessage, LinkMessageBuffer, "RTM_NEWLINK"),
        RTM_DELLINK => parse!(DelLink, LinkMessage, LinkMessageBuffer, "RTM_DELLINK"),
        RTM_GETLINK => parse!(GetLink, LinkMessage, LinkMessageBuffer, "RTM_GETLINK"),
        RTM_SETLINK => parse!(SetLink, LinkMessage, LinkMessageBuffer, "RTM_SETLINK"),
        RTM_NEWLINKPROP => parse!(
            NewLinkProperty,
            LinkMessage,
            LinkMessageBuffer,
            "RTM_NEWLINKPROP"
        ),
        RTM_DELLINKPROP => parse!(
            DelLinkProperty,
            LinkMessage,
            LinkMessageBuffer,
            "RTM_DELLINKPROP"
        ),
        RTM_NEWADDR => parse!(
            NewAddress,
            AddressMessage,
            AddressMessageBuffer,
            "RTM_NEWADDR"
        ),
        RTM_DELADDR => parse!(
            DelAddress,
            AddressMessage,
            AddressMessageBuffer,
            "RTM_DELADDR"
        ),
        RTM_GETADDR => parse!(
            GetAddress,
            AddressMessage,
            AddressMessageBuffer,
            "RTM_GETADDR"
        ),
        RTM_NEWROUTE => parse!(NewRoute, RouteMessage, RouteMessageBuffer, "RTM_NEWROUTE"),
        RTM_DELROUTE => parse!(DelRoute, RouteMessage, RouteMessageBuffer, "RTM_DELROUTE"),
        RTM_GETROUTE => parse!(GetRoute, RouteMessage, RouteMessageBuffer, "RTM_GETROUTE"),
        RTM_NEWNEIGH => parse!(
            NewNeighbour,
            NeighbourMessage,
            NeighbourMessageBuffer,
            "RTM_NEWNEIGH"
        ),
        RTM_DELNEIGH => parse!(
            DelNeighbour,
            NeighbourMessage,
            NeighbourMessageBuffer,
            "RTM_DELNEIGH"
        ),
        RTM_GETNEIGH => parse!(
            GetNeighbour,
            NeighbourMessage,
            NeighbourMessageBuffer,
            "RTM_GETNEIGH"
        ),
        RTM_NEWRULE => parse!(NewRule, RuleMessage, RuleMessageBuffer, "RTM_NEWRULE"),
        RTM_DELRULE => parse!(DelRule, RuleMessage, RuleMessageBuffer, "RTM_DELRULE"),
        RTM_GETRULE => parse!(GetRule, RuleMessage, RuleMessageBuffer, "RTM_GETRULE"),
        RTM_NEWNEIGHTBL => parse!(
            NewNeighbourTable,
            NeighbourTableMessage,
            NeighbourTableMessageBuffer,
            "RTM_NEWNEIGHTBL"
        ),
        RTM_GETNEIGHTBL => parse!(
            GetNeighbourTable,
            NeighbourTableMessage,
            NeighbourTableMessageBuffer,
            "RTM_GETNEIGHTBL"
        ),
        RTM_SETNEIGHTBL => parse!(
            SetNeighbourTable,
            NeighbourTableMessage,
            NeighbourTableMessageBuffer,
            "RTM_SETNEIGHTBL"
        ),
        RTM_NEWNSID => parse!(NewNsId, NsIdMessage, NsIdMessageBuffer, "RTM_NEWNSID"),
        RTM_DELNSID => parse!(DelNsId, NsIdMessage, NsIdMessageBuffer, "RTM_DELNSID"),
        RTM_GETNSID => parse!(GetNsId, NsIdMessage, NsIdMessageBuffer, "RTM_GETNSID"),
        RTM_NEWPREFIX => parse!(
            NewPrefix,
            PrefixMessage,
            PrefixMessageBuffer,
            "RTM_NEWPREFIX"
        ),
        RTM_NEWADDRLABEL => parse!(
            NewAddressLabel,
            AddressLabelMessage,
            AddressLabelMessageBuffer,
            "RTM_NEWADDRLABEL"
        ),
        RTM_DELADDRLABEL => parse!(
            DelAddressLabel,
            AddressLabelMessage,
            AddressLabelMessageBuffer,
            "RTM_DELADDRLABEL"
        ),
        RTM_GETADDRLABEL => parse!(
            GetAddressLabel,
            AddressLabelMessage,
            AddressLabelMessageBuffer,
            "RTM_GETADDRLABEL"
        ),
        RTM_NEWNETCONF => parse!(
            NewNetconf,
            NetconfMessage,
            NetconfMessageBuffer,
            "RTM_NEWNETCONF"
        ),
        RTM_DELNETCONF => parse!(
            DelNetconf,
            NetconfMessage,
            NetconfMessageBuffer,
            "RTM_DELNETCONF"
        ),
        RTM_GETNETCONF => parse!(
            GetNetconf,
            NetconfMessage,
            NetconfMessageBuffer,
            "RTM_GETNETCONF"
        ),
        RTM_NEWSTATS => parse!(NewStats, StatsMessage, StatsMessageBuffer, "RTM_NEWSTATS"),
        RTM_GETSTATS => parse!(GetStats, StatsMessage, StatsMessageBuffer, "RTM_GETSTATS"),
        RTM_SETSTATS => parse!(SetStats, StatsMessage, StatsMessageBuffer, "RTM_SETSTATS"),
        RTM_NEWNEXTHOP => parse!(
            NewNexthop,
            NexthopMessage,
            NexthopMessageBuffer,
            "RTM_NEWNEXTHOP"
        ),
        RTM_DELNEXTHOP => parse!(
            DelNexthop,
            NexthopMessage,
            NexthopMessageBuffer,
            "RTM_DELNEXTHOP"
        ),
        RTM_GETNEXTHOP => parse!(
            GetNexthop,
            NexthopMessage,
            NexthopMessageBuffer,
            "RTM_GETNEXTHOP"
        ),
        _ => Other {
            message_type,
            payload: payload.to_vec(),
        },
    })
}

/// Whether `message_type` is a `GET` request type (which may be short).
fn is_get_request(message_type: u16) -> bool {
    matches!(
        message_type,
        RTM_GETLINK
            | RTM_GETADDR
            | RTM_GETROUTE
            | RTM_GETNEIGH
            | RTM_GETRULE
            | RTM_GETNEIGHTBL
            | RTM_GETNSID
            | RTM_GETADDRLABEL
            | RTM_GETNETCONF
            | RTM_GETSTATS
            | RTM_GETNEXTHOP
    )
}

/// Size of the fixed header of the typed object a message type carries.
fn header_len_of(message_type: u16) -> Option<usize> {
    Some(match message_type {
        // struct ifinfomsg
        RTM_NEWLINK | RTM_DELLINK | RTM_GETLINK | RTM_SETLINK | RTM_NEWLINKPROP
        | RTM_DELLINKPROP => 16,
        // struct ifaddrmsg
        RTM_NEWADDR | RTM_DELADDR | RTM_GETADDR => 8,
        // struct rtmsg
        RTM_NEWROUTE | RTM_DELROUTE | RTM_GETROUTE => 12,
        // struct ndmsg
        RTM_NEWNEIGH | RTM_DELNEIGH | RTM_GETNEIGH => 12,
        // struct fib_rule_hdr
        RTM_NEWRULE | RTM_DELRULE | RTM_GETRULE => 12,
        // struct ndtmsg
        RTM_NEWNEIGHTBL | RTM_GETNEIGHTBL | RTM_SETNEIGHTBL => 4,
        // struct rtgenmsg, padded
        RTM_NEWNSID | RTM_DELNSID | RTM_GETNSID => 4,
        // struct prefixmsg
        RTM_NEWPREFIX => 12,
        // struct ifaddrlblmsg
        RTM_NEWADDRLABEL | RTM_DELADDRLABEL | RTM_GETADDRLABEL => 8,
        // struct netconfmsg, padded
        RTM_NEWNETCONF | RTM_DELNETCONF | RTM_GETNETCONF => 4,
        // struct if_stats_msg
        RTM_NEWSTATS | RTM_GETSTATS | RTM_SETSTATS => 12,
        // struct nhmsg
        RTM_NEWNEXTHOP | RTM_DELNEXTHOP | RTM_GETNEXTHOP => 8,
        _ => return None,
    })
}

impl Emitable for RtnlMessage {
    fn buffer_len(&self) -> usize {
        with_inner!(self, inner => inner.buffer_len(), other(_t, payload) => payload.len())
    }

    fn emit(&self, buffer: &mut [u8]) {
        with_inner!(
            self,
            inner => inner.emit(buffer),
            other(_t, payload) => buffer[..payload.len()].copy_from_slice(payload)
        )
    }
}

impl NetlinkSerializable for RtnlMessage {
    fn message_type(&self) -> u16 {
        RtnlMessage::message_type(self)
    }

    fn buffer_len(&self) -> usize {
        Emitable::buffer_len(self)
    }

    fn serialize(&self, buffer: &mut [u8]) {
        self.emit(buffer)
    }
}

impl NetlinkDeserializable for RtnlMessage {
    type Error = DecodeError;

    fn deserialize(header: &NetlinkHeader, payload: &[u8]) -> Result<Self, Self::Error> {
        RtnlMessage::parse_with_type(header.message_type, payload)
    }
}
