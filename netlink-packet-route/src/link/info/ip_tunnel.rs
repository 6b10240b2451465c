//! IP-in-IP tunnel configuration (`IFLA_IPTUN_*`) of `ipip`, `sit` and
//! `ip6tnl` devices.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::DecodeError;

use crate::link::codec::{attribute_set, WireValue};

/// Tunnel flags (`IFLA_IPTUN_FLAGS`): `sit` sends 16 bits (`SIT_ISATAP`),
/// `ip6tnl` 32 bits (`IP6_TNL_F_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IpTunnelFlags {
    /// 16-bit flags (`sit`).
    U16(u16),
    /// 32-bit flags (`ip6tnl`).
    U32(u32),
}

impl WireValue for IpTunnelFlags {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        match *bytes {
            [a, b] => Ok(IpTunnelFlags::U16(u16::from_ne_bytes([a, b]))),
            [a, b, c, d] => Ok(IpTunnelFlags::U32(u32::from_ne_bytes([a, b, c, d]))),
            _ => Err(DecodeError::new(format!(
                "expected 2 or 4 bytes, got {}",
                bytes.len()
            ))),
        }
    }

    fn value_len(&self) -> usize {
        match self {
            IpTunnelFlags::U16(_) => 2,
            IpTunnelFlags::U32(_) => 4,
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            IpTunnelFlags::U16(flags) => buffer.copy_from_slice(&flags.to_ne_bytes()),
            IpTunnelFlags::U32(flags) => buffer.copy_from_slice(&flags.to_ne_bytes()),
        }
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of an IP-in-IP tunnel
    /// (`IFLA_IPTUN_*`). Addresses are IPv4 or IPv6 depending on the kind.
    pub enum InfoIpTunnel {
        /// Lower device index.
        Link(u32, Ne) = IFLA_IPTUN_LINK(1),
        /// Local address.
        Local(IpAddr, Ip) = IFLA_IPTUN_LOCAL(2),
        /// Remote address.
        Remote(IpAddr, Ip) = IFLA_IPTUN_REMOTE(3),
        /// TTL (hop limit).
        Ttl(u8, Ne) = IFLA_IPTUN_TTL(4),
        /// TOS (traffic class).
        Tos(u8, Ne) = IFLA_IPTUN_TOS(5),
        /// IPv6 encapsulation limit.
        EncapLimit(u8, Ne) = IFLA_IPTUN_ENCAP_LIMIT(6),
        /// IPv6 flow information (network order).
        FlowInfo(u32, Be) = IFLA_IPTUN_FLOWINFO(7),
        /// Tunnel flags.
        Flags(IpTunnelFlags, Val) = IFLA_IPTUN_FLAGS(8),
        /// Inner protocol (IPPROTO_IPIP, IPPROTO_IPV6, IPPROTO_MPLS, 0 any).
        Proto(u8, Ne) = IFLA_IPTUN_PROTO(9),
        /// Path MTU discovery.
        PmtuDisc(u8, Ne) = IFLA_IPTUN_PMTUDISC(10),
        /// 6rd prefix.
        SixRdPrefix(Ipv6Addr, V6) = IFLA_IPTUN_6RD_PREFIX(11),
        /// 6rd relay prefix.
        SixRdRelayPrefix(Ipv4Addr, V4) = IFLA_IPTUN_6RD_RELAY_PREFIX(12),
        /// 6rd prefix length.
        SixRdPrefixLen(u16, Ne) = IFLA_IPTUN_6RD_PREFIXLEN(13),
        /// 6rd relay prefix length.
        SixRdRelayPrefixLen(u16, Ne) = IFLA_IPTUN_6RD_RELAY_PREFIXLEN(14),
        /// Encapsulation type (none, FOU, GUE).
        EncapType(u16, Ne) = IFLA_IPTUN_ENCAP_TYPE(15),
        /// Encapsulation flags.
        EncapFlags(u16, Ne) = IFLA_IPTUN_ENCAP_FLAGS(16),
        /// Encapsulation source port (network order).
        EncapSport(u16, Be) = IFLA_IPTUN_ENCAP_SPORT(17),
        /// Encapsulation destination port (network order).
        EncapDport(u16, Be) = IFLA_IPTUN_ENCAP_DPORT(18),
        /// Firewall mark of the encapsulated packets.
        FwMark(u32, Ne) = IFLA_IPTUN_FWMARK(20),
    }
    flags {
        /// Metadata collection (external control plane).
        CollectMetadata = IFLA_IPTUN_COLLECT_METADATA(19),
    }
}
