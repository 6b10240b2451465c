//! `vxlan` configuration (`IFLA_VXLAN_*`).

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::DecodeError;

use crate::link::codec::{attribute_set, exact, WireValue};

/// A UDP source port range (`struct ifla_vxlan_port_range`,
/// `struct ifla_geneve_port_range`), network order on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PortRange {
    /// Lowest port.
    pub low: u16,
    /// Highest port.
    pub high: u16,
}

impl WireValue for PortRange {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: [u8; 4] = exact(bytes)?;
        Ok(PortRange {
            low: u16::from_be_bytes([bytes[0], bytes[1]]),
            high: u16::from_be_bytes([bytes[2], bytes[3]]),
        })
    }

    fn value_len(&self) -> usize {
        4
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer[..2].copy_from_slice(&self.low.to_be_bytes());
        buffer[2..].copy_from_slice(&self.high.to_be_bytes());
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `vxlan` (`IFLA_VXLAN_*`).
    pub enum InfoVxlan {
        /// VXLAN network identifier.
        Id(u32, Ne) = IFLA_VXLAN_ID(1),
        /// IPv4 multicast group or remote address.
        Group(Ipv4Addr, V4) = IFLA_VXLAN_GROUP(2),
        /// Lower device index.
        Link(u32, Ne) = IFLA_VXLAN_LINK(3),
        /// IPv4 local address.
        Local(Ipv4Addr, V4) = IFLA_VXLAN_LOCAL(4),
        /// TTL.
        Ttl(u8, Ne) = IFLA_VXLAN_TTL(5),
        /// TOS.
        Tos(u8, Ne) = IFLA_VXLAN_TOS(6),
        /// Learning of remote addresses.
        Learning(u8, Ne) = IFLA_VXLAN_LEARNING(7),
        /// FDB ageing time in seconds.
        Ageing(u32, Ne) = IFLA_VXLAN_AGEING(8),
        /// Maximum number of FDB entries.
        Limit(u32, Ne) = IFLA_VXLAN_LIMIT(9),
        /// UDP source port range.
        PortRange(PortRange, Val) = IFLA_VXLAN_PORT_RANGE(10),
        /// ARP/ND proxy.
        Proxy(u8, Ne) = IFLA_VXLAN_PROXY(11),
        /// Route short circuit.
        Rsc(u8, Ne) = IFLA_VXLAN_RSC(12),
        /// L2 miss notifications.
        L2Miss(u8, Ne) = IFLA_VXLAN_L2MISS(13),
        /// L3 miss notifications.
        L3Miss(u8, Ne) = IFLA_VXLAN_L3MISS(14),
        /// UDP destination port (network order on the wire).
        Port(u16, Be) = IFLA_VXLAN_PORT(15),
        /// IPv6 multicast group or remote address.
        Group6(Ipv6Addr, V6) = IFLA_VXLAN_GROUP6(16),
        /// IPv6 local address.
        Local6(Ipv6Addr, V6) = IFLA_VXLAN_LOCAL6(17),
        /// UDP checksum (IPv4).
        UdpCsum(u8, Ne) = IFLA_VXLAN_UDP_CSUM(18),
        /// Zero UDP checksum on transmit (IPv6).
        UdpZeroCsum6Tx(u8, Ne) = IFLA_VXLAN_UDP_ZERO_CSUM6_TX(19),
        /// Accept zero UDP checksum (IPv6).
        UdpZeroCsum6Rx(u8, Ne) = IFLA_VXLAN_UDP_ZERO_CSUM6_RX(20),
        /// Remote checksum offload on transmit.
        RemCsumTx(u8, Ne) = IFLA_VXLAN_REMCSUM_TX(21),
        /// Remote checksum offload on receive.
        RemCsumRx(u8, Ne) = IFLA_VXLAN_REMCSUM_RX(22),
        /// Metadata collection (external control plane).
        CollectMetadata(u8, Ne) = IFLA_VXLAN_COLLECT_METADATA(25),
        /// IPv6 flow label (network order on the wire).
        Label(u32, Be) = IFLA_VXLAN_LABEL(26),
        /// Inherit the TTL of the inner packet: requests send it as an empty
        /// flag (`None`), the kernel reports it as a `u8` (`Some`).
        TtlInherit(Option<u8>, Val) = IFLA_VXLAN_TTL_INHERIT(28),
        /// Don't-fragment setting (0 unset, 1 set, 2 inherit).
        Df(u8, Ne) = IFLA_VXLAN_DF(29),
        /// VNI filtering (with metadata collection).
        VniFilter(u8, Ne) = IFLA_VXLAN_VNIFILTER(30),
        /// Local bypass.
        LocalBypass(u8, Ne) = IFLA_VXLAN_LOCALBYPASS(31),
        /// IPv6 flow label policy (0 fixed, 1 inherit).
        LabelPolicy(u32, Ne) = IFLA_VXLAN_LABEL_POLICY(32),
        /// Reserved header bits to accept (`struct vxlanhdr`).
        ReservedBits([u8; 8], Val) = IFLA_VXLAN_RESERVED_BITS(33),
        /// Multicast route.
        McRoute(u8, Ne) = IFLA_VXLAN_MC_ROUTE(34),
    }
    flags {
        /// Group policy extension.
        Gbp = IFLA_VXLAN_GBP(23),
        /// Remote checksum offload without partial checksum.
        RemCsumNoPartial = IFLA_VXLAN_REMCSUM_NOPARTIAL(24),
        /// Generic protocol extension.
        Gpe = IFLA_VXLAN_GPE(27),
    }
}
