//! Routes: `RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE` (`struct rtmsg`
//! and `RTA_*` attributes).
//!
//! - [`RouteMessageBuffer`]: checked view with header getters and lazy,
//!   allocation-free accessors ([`RouteMessageBuffer::table`],
//!   [`RouteMessageBuffer::destination`], [`RouteMessageBuffer::summary`]...);
//! - [`RouteMessage`]: owned header + [`RouteAttribute`]s, parse and emit;
//! - attribute values: [`RouteAddress`], [`RouteVia`], [`MplsLabel`],
//!   [`RouteMetric`], [`RouteNexthop`] (multipath), [`RouteCacheInfo`],
//!   [`RouteEncap`] (MPLS, IP, IPv6, SEG6, SEG6-local encapsulations).

mod address;
pub(crate) mod attribute;
mod cache_info;
mod encap;
mod flags;
mod header;
mod message;
pub(crate) mod metrics;
mod mpls_label;
pub(crate) mod multipath;
mod preference;
mod via;
mod view;

pub use address::RouteAddress;
pub use attribute::*;
pub use cache_info::{RouteCacheInfo, RouteMfcStats, ROUTE_CACHE_INFO_LEN, ROUTE_MFC_STATS_LEN};
pub use encap::*;
pub use flags::RouteFlags;
pub use header::{RouteHeader, RouteMessageBuffer, ROUTE_HEADER_LEN};
pub use message::RouteMessage;
pub use metrics::*;
pub use mpls_label::{MplsLabel, MPLS_LABEL_LEN};
pub use multipath::{RouteNexthop, ROUTE_NEXTHOP_HEADER_LEN};
pub use preference::RoutePreference;
pub use via::RouteVia;
pub use view::RouteSummary;

pub use crate::common::{
    AddressFamily, NexthopFlags, RouteProtocol, RouteScope, RouteTable, RouteType,
};
