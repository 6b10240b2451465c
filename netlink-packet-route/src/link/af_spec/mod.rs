//! Address-family specific link information (`IFLA_AF_SPEC`).
//!
//! In messages of family `AF_UNSPEC` the nest holds one nest per address
//! family ([`AfSpecAttribute`]: `AF_INET`, `AF_INET6`); in messages of
//! family `AF_BRIDGE` it holds bridge attributes directly
//! ([`BridgeAfSpecAttribute`]).

mod bridge;
mod inet;
mod inet6;
mod int_array;

pub use bridge::{
    BridgeAfSpecAttribute, BridgeFlags, BridgeMode, BridgeVlanInfo, BridgeVlanInfoFlags,
    BridgeVlanTunnelAttribute,
};
pub use inet::{InetAttribute, InetDevConf, Ipv4DevConf};
pub use inet6::{
    AddrGenMode, Icmp6Stats, Icmp6StatsField, Inet6Attribute, Inet6CacheInfo, Inet6DevConf,
    Inet6IfFlags, Inet6Stats, Inet6StatsField, Ipv6DevConf,
};

use crate::link::codec::attribute_set;
use crate::link::Nested;

attribute_set! {
    /// One per-family nest of `IFLA_AF_SPEC` in a link message of family
    /// `AF_UNSPEC` (the nest type is the address family).
    pub enum AfSpecAttribute {
        /// IPv4 settings of the device.
        Inet(Nested<InetAttribute>, Nest) = AF_INET(2),
        /// IPv6 settings and counters of the device.
        Inet6(Nested<Inet6Attribute>, Nest) = AF_INET6(10),
    }
}
