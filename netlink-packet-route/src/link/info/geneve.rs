//! `geneve` configuration (`IFLA_GENEVE_*`).

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::link::codec::attribute_set;
use crate::link::info::PortRange;

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `geneve`
    /// (`IFLA_GENEVE_*`).
    pub enum InfoGeneve {
        /// Virtual network identifier.
        Id(u32, Ne) = IFLA_GENEVE_ID(1),
        /// IPv4 remote address.
        Remote(Ipv4Addr, V4) = IFLA_GENEVE_REMOTE(2),
        /// TTL.
        Ttl(u8, Ne) = IFLA_GENEVE_TTL(3),
        /// TOS.
        Tos(u8, Ne) = IFLA_GENEVE_TOS(4),
        /// UDP destination port (network order on the wire).
        Port(u16, Be) = IFLA_GENEVE_PORT(5),
        /// IPv6 remote address.
        Remote6(Ipv6Addr, V6) = IFLA_GENEVE_REMOTE6(7),
        /// UDP checksum (IPv4).
        UdpCsum(u8, Ne) = IFLA_GENEVE_UDP_CSUM(8),
        /// Zero UDP checksum on transmit (IPv6).
        UdpZeroCsum6Tx(u8, Ne) = IFLA_GENEVE_UDP_ZERO_CSUM6_TX(9),
        /// Accept zero UDP checksum (IPv6).
        UdpZeroCsum6Rx(u8, Ne) = IFLA_GENEVE_UDP_ZERO_CSUM6_RX(10),
        /// IPv6 flow label (network order on the wire).
        Label(u32, Be) = IFLA_GENEVE_LABEL(11),
        /// Inherit the TTL of the inner packet.
        TtlInherit(u8, Ne) = IFLA_GENEVE_TTL_INHERIT(12),
        /// Don't-fragment setting (0 unset, 1 set, 2 inherit).
        Df(u8, Ne) = IFLA_GENEVE_DF(13),
        /// UDP source port range.
        PortRange(PortRange, Val) = IFLA_GENEVE_PORT_RANGE(15),
    }
    flags {
        /// Metadata collection (external control plane).
        CollectMetadata = IFLA_GENEVE_COLLECT_METADATA(6),
        /// Inherit the inner protocol.
        InnerProtoInherit = IFLA_GENEVE_INNER_PROTO_INHERIT(14),
    }
}
