//! IP and IPv6 tunnel encapsulation (`LWTUNNEL_ENCAP_IP`, `LWTUNNEL_ENCAP_IP6`)
//! for collect-metadata tunnels, with their tunnel options.
//!
//! Note: the kernel (6.18) can crash when it receives `LWTUNNEL_IP_OPTS`;
//! these types decode and emit them, but never send them to a kernel.

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::{parse_u16_be, DecodeError};

use crate::common::nla_codec::{
    nla_enum, Bytes, Codec, Ipv4, Ipv6, Nested, U16Be, U32Be, U64Be, U32, U8,
};

/// `LWTUNNEL_IP_ID`: tunnel id (key), network order.
pub const LWTUNNEL_IP_ID: u16 = 1;
/// `LWTUNNEL_IP_DST`
pub const LWTUNNEL_IP_DST: u16 = 2;
/// `LWTUNNEL_IP_SRC`
pub const LWTUNNEL_IP_SRC: u16 = 3;
/// `LWTUNNEL_IP_TTL`
pub const LWTUNNEL_IP_TTL: u16 = 4;
/// `LWTUNNEL_IP_TOS`
pub const LWTUNNEL_IP_TOS: u16 = 5;
/// `LWTUNNEL_IP_FLAGS`
pub const LWTUNNEL_IP_FLAGS: u16 = 6;
/// `LWTUNNEL_IP_PAD`
pub const LWTUNNEL_IP_PAD: u16 = 7;
/// `LWTUNNEL_IP_OPTS`
pub const LWTUNNEL_IP_OPTS: u16 = 8;

/// `LWTUNNEL_IP6_ID`
pub const LWTUNNEL_IP6_ID: u16 = 1;
/// `LWTUNNEL_IP6_DST`
pub const LWTUNNEL_IP6_DST: u16 = 2;
/// `LWTUNNEL_IP6_SRC`
pub const LWTUNNEL_IP6_SRC: u16 = 3;
/// `LWTUNNEL_IP6_HOPLIMIT`
pub const LWTUNNEL_IP6_HOPLIMIT: u16 = 4;
/// `LWTUNNEL_IP6_TC`
pub const LWTUNNEL_IP6_TC: u16 = 5;
/// `LWTUNNEL_IP6_FLAGS`
pub const LWTUNNEL_IP6_FLAGS: u16 = 6;
/// `LWTUNNEL_IP6_PAD`
pub const LWTUNNEL_IP6_PAD: u16 = 7;
/// `LWTUNNEL_IP6_OPTS`
pub const LWTUNNEL_IP6_OPTS: u16 = 8;

/// `LWTUNNEL_IP_OPTS_GENEVE`
pub const LWTUNNEL_IP_OPTS_GENEVE: u16 = 1;
/// `LWTUNNEL_IP_OPTS_VXLAN`
pub const LWTUNNEL_IP_OPTS_VXLAN: u16 = 2;
/// `LWTUNNEL_IP_OPTS_ERSPAN`
pub const LWTUNNEL_IP_OPTS_ERSPAN: u16 = 3;

/// `LWTUNNEL_IP_OPT_GENEVE_CLASS`
pub const LWTUNNEL_IP_OPT_GENEVE_CLASS: u16 = 1;
/// `LWTUNNEL_IP_OPT_GENEVE_TYPE`
pub const LWTUNNEL_IP_OPT_GENEVE_TYPE: u16 = 2;
/// `LWTUNNEL_IP_OPT_GENEVE_DATA`
pub const LWTUNNEL_IP_OPT_GENEVE_DATA: u16 = 3;
/// `LWTUNNEL_IP_OPT_VXLAN_GBP`
pub const LWTUNNEL_IP_OPT_VXLAN_GBP: u16 = 1;
/// `LWTUNNEL_IP_OPT_ERSPAN_VER`
pub const LWTUNNEL_IP_OPT_ERSPAN_VER: u16 = 1;
/// `LWTUNNEL_IP_OPT_ERSPAN_INDEX`
pub const LWTUNNEL_IP_OPT_ERSPAN_INDEX: u16 = 2;
/// `LWTUNNEL_IP_OPT_ERSPAN_DIR`
pub const LWTUNNEL_IP_OPT_ERSPAN_DIR: u16 = 3;
/// `LWTUNNEL_IP_OPT_ERSPAN_HWID`
pub const LWTUNNEL_IP_OPT_ERSPAN_HWID: u16 = 4;

bitflags::bitflags! {
    /// Tunnel flags (`TUNNEL_*`, the 16-bit network-order form used by
    /// `LWTUNNEL_IP_FLAGS`). Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct TunnelFlags: u16 {
        /// `TUNNEL_CSUM`
        const CSUM = 0x0001;
        /// `TUNNEL_ROUTING`
        const ROUTING = 0x0002;
        /// `TUNNEL_KEY`
        const KEY = 0x0004;
        /// `TUNNEL_SEQ`
        const SEQ = 0x0008;
        /// `TUNNEL_STRICT`
        const STRICT = 0x0010;
        /// `TUNNEL_REC`
        const REC = 0x0020;
        /// `TUNNEL_VERSION`
        const VERSION = 0x0040;
        /// `TUNNEL_NO_KEY`
        const NO_KEY = 0x0080;
        /// `TUNNEL_DONT_FRAGMENT`
        const DONT_FRAGMENT = 0x0100;
        /// `TUNNEL_OAM`
        const OAM = 0x0200;
        /// `TUNNEL_CRIT_OPT`
        const CRIT_OPT = 0x0400;
        /// `TUNNEL_GENEVE_OPT`
        const GENEVE_OPT = 0x0800;
        /// `TUNNEL_VXLAN_OPT`
        const VXLAN_OPT = 0x1000;
        /// `TUNNEL_NOCACHE`
        const NOCACHE = 0x2000;
        /// `TUNNEL_ERSPAN_OPT`
        const ERSPAN_OPT = 0x4000;
        /// `TUNNEL_GTP_OPT`
        const GTP_OPT = 0x8000;
    }
}

/// Tunnel flags as a network-order `u16`.
pub(crate) struct Flags;
impl Codec for Flags {
    type Value = TunnelFlags;
    fn parse(bytes: &[u8]) -> Result<TunnelFlags, DecodeError> {
        parse_u16_be(bytes).map(TunnelFlags::from_bits_retain)
    }
    fn len(_: &TunnelFlags) -> usize {
        2
    }
    fn emit(value: &TunnelFlags, buffer: &mut [u8]) {
        buffer[..2].copy_from_slice(&value.bits().to_be_bytes());
    }
}

nla_enum! {
    /// One Geneve option (`LWTUNNEL_IP_OPT_GENEVE_*`).
    pub enum GeneveOptionAttribute {
        /// `LWTUNNEL_IP_OPT_GENEVE_CLASS` (network order)
        Class(u16) = LWTUNNEL_IP_OPT_GENEVE_CLASS: U16Be,
        /// `LWTUNNEL_IP_OPT_GENEVE_TYPE`
        Type(u8) = LWTUNNEL_IP_OPT_GENEVE_TYPE: U8,
        /// `LWTUNNEL_IP_OPT_GENEVE_DATA`
        Data(Vec<u8>) = LWTUNNEL_IP_OPT_GENEVE_DATA: Bytes,
    }
}

nla_enum! {
    /// A VXLAN option (`LWTUNNEL_IP_OPT_VXLAN_*`).
    pub enum VxlanOptionAttribute {
        /// `LWTUNNEL_IP_OPT_VXLAN_GBP`: group based policy id.
        Gbp(u32) = LWTUNNEL_IP_OPT_VXLAN_GBP: U32,
    }
}

nla_enum! {
    /// An ERSPAN option (`LWTUNNEL_IP_OPT_ERSPAN_*`).
    pub enum ErspanOptionAttribute {
        /// `LWTUNNEL_IP_OPT_ERSPAN_VER`
        Version(u8) = LWTUNNEL_IP_OPT_ERSPAN_VER: U8,
        /// `LWTUNNEL_IP_OPT_ERSPAN_INDEX` (network order)
        Index(u32) = LWTUNNEL_IP_OPT_ERSPAN_INDEX: U32Be,
        /// `LWTUNNEL_IP_OPT_ERSPAN_DIR`
        Direction(u8) = LWTUNNEL_IP_OPT_ERSPAN_DIR: U8,
        /// `LWTUNNEL_IP_OPT_ERSPAN_HWID`
        HardwareId(u8) = LWTUNNEL_IP_OPT_ERSPAN_HWID: U8,
    }
}

nla_enum! {
    /// A tunnel option set (`LWTUNNEL_IP_OPTS_*`).
    pub enum IpTunnelOption {
        /// `LWTUNNEL_IP_OPTS_GENEVE`: one Geneve option.
        Geneve(Vec<GeneveOptionAttribute>) = LWTUNNEL_IP_OPTS_GENEVE: Nested<GeneveOptionAttribute>,
        /// `LWTUNNEL_IP_OPTS_VXLAN`
        Vxlan(Vec<VxlanOptionAttribute>) = LWTUNNEL_IP_OPTS_VXLAN: Nested<VxlanOptionAttribute>,
        /// `LWTUNNEL_IP_OPTS_ERSPAN`
        Erspan(Vec<ErspanOptionAttribute>) = LWTUNNEL_IP_OPTS_ERSPAN: Nested<ErspanOptionAttribute>,
    }
}

nla_enum! {
    /// An attribute of an IPv4 tunnel encapsulation (`LWTUNNEL_IP_*`), as in
    /// `ip route add ... encap ip id 42 dst 192.0.2.1 ttl 64 dev vxlan0`.
    pub enum IpTunnelAttribute {
        /// `LWTUNNEL_IP_ID`: tunnel key (network order).
        Id(u64) = LWTUNNEL_IP_ID: U64Be,
        /// `LWTUNNEL_IP_DST`
        Destination(Ipv4Addr) = LWTUNNEL_IP_DST: Ipv4,
        /// `LWTUNNEL_IP_SRC`
        Source(Ipv4Addr) = LWTUNNEL_IP_SRC: Ipv4,
        /// `LWTUNNEL_IP_TTL`
        Ttl(u8) = LWTUNNEL_IP_TTL: U8,
        /// `LWTUNNEL_IP_TOS`
        Tos(u8) = LWTUNNEL_IP_TOS: U8,
        /// `LWTUNNEL_IP_FLAGS`
        Flags(TunnelFlags) = LWTUNNEL_IP_FLAGS: Flags,
        /// `LWTUNNEL_IP_PAD`: alignment padding for the 64-bit id.
        Pad(Vec<u8>) = LWTUNNEL_IP_PAD: Bytes,
        /// `LWTUNNEL_IP_OPTS` (never send it to a 6.18 kernel: it crashes).
        Options(Vec<IpTunnelOption>) = LWTUNNEL_IP_OPTS: Nested<IpTunnelOption>,
    }
}

nla_enum! {
    /// An attribute of an IPv6 tunnel encapsulation (`LWTUNNEL_IP6_*`).
    pub enum Ip6TunnelAttribute {
        /// `LWTUNNEL_IP6_ID`: tunnel key (network order).
        Id(u64) = LWTUNNEL_IP6_ID: U64Be,
        /// `LWTUNNEL_IP6_DST`
        Destination(Ipv6Addr) = LWTUNNEL_IP6_DST: Ipv6,
        /// `LWTUNNEL_IP6_SRC`
        Source(Ipv6Addr) = LWTUNNEL_IP6_SRC: Ipv6,
        /// `LWTUNNEL_IP6_HOPLIMIT`
        HopLimit(u8) = LWTUNNEL_IP6_HOPLIMIT: U8,
        /// `LWTUNNEL_IP6_TC`: traffic class.
        TrafficClass(u8) = LWTUNNEL_IP6_TC: U8,
        /// `LWTUNNEL_IP6_FLAGS`
        Flags(TunnelFlags) = LWTUNNEL_IP6_FLAGS: Flags,
        /// `LWTUNNEL_IP6_PAD`
        Pad(Vec<u8>) = LWTUNNEL_IP6_PAD: Bytes,
        /// `LWTUNNEL_IP6_OPTS` (never send it to a 6.18 kernel: it crashes).
        Options(Vec<IpTunnelOption>) = LWTUNNEL_IP6_OPTS: Nested<IpTunnelOption>,
    }
}

impl IpTunnelAttribute {
    /// Whether this attribute carries tunnel options (`LWTUNNEL_IP_OPTS`),
    /// which must never be sent to a 6.18 kernel.
    pub fn is_options(&self) -> bool {
        netlink_packet_core::Nla::kind(self) == LWTUNNEL_IP_OPTS
    }
}

impl Ip6TunnelAttribute {
    /// Whether this attribute carries tunnel options (`LWTUNNEL_IP6_OPTS`),
    /// which must never be sent to a 6.18 kernel.
    pub fn is_options(&self) -> bool {
        netlink_packet_core::Nla::kind(self) == LWTUNNEL_IP6_OPTS
    }
}
