//! Netconf attributes (`NETCONFA_*`).

use netlink_packet_core::emit::emit_i32;
use netlink_packet_core::{
    parse_i32, DecodeError, MalformedNla, Nla, NlaBuffer, Parseable, RawNla,
};

/// `NETCONFA_UNSPEC`
pub const NETCONFA_UNSPEC: u16 = 0;
/// `NETCONFA_IFINDEX`: the device (`s32`; see [`NETCONFA_IFINDEX_ALL`],
/// [`NETCONFA_IFINDEX_DEFAULT`]).
pub const NETCONFA_IFINDEX: u16 = 1;
/// `NETCONFA_FORWARDING` (`s32`).
pub const NETCONFA_FORWARDING: u16 = 2;
/// `NETCONFA_RP_FILTER` (`s32`, IPv4: 0 off, 1 strict, 2 loose).
pub const NETCONFA_RP_FILTER: u16 = 3;
/// `NETCONFA_MC_FORWARDING` (`s32`, read-only).
pub const NETCONFA_MC_FORWARDING: u16 = 4;
/// `NETCONFA_PROXY_NEIGH` (`s32`: proxy ARP / proxy NDP).
pub const NETCONFA_PROXY_NEIGH: u16 = 5;
/// `NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN` (`s32`).
pub const NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN: u16 = 6;
/// `NETCONFA_INPUT` (`s32`, MPLS: accept labelled packets).
pub const NETCONFA_INPUT: u16 = 7;
/// `NETCONFA_BC_FORWARDING` (`s32`, IPv4 broadcast forwarding).
pub const NETCONFA_BC_FORWARDING: u16 = 8;
/// `NETCONFA_FORCE_FORWARDING` (`s32`, IPv6, Linux 6.17+).
pub const NETCONFA_FORCE_FORWARDING: u16 = 9;

/// The `NETCONFA_IFINDEX` value of the `all` pseudo-device.
pub const NETCONFA_IFINDEX_ALL: i32 = -1;
/// The `NETCONFA_IFINDEX` value of the `default` pseudo-device.
pub const NETCONFA_IFINDEX_DEFAULT: i32 = -2;

/// One netconf attribute (`NETCONFA_*`); values are `s32` booleans or
/// modes as the matching sysctl holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NetconfAttribute {
    /// `NETCONFA_IFINDEX`: the device index, or [`NETCONFA_IFINDEX_ALL`] /
    /// [`NETCONFA_IFINDEX_DEFAULT`].
    IfIndex(i32),
    /// `NETCONFA_FORWARDING`
    Forwarding(i32),
    /// `NETCONFA_RP_FILTER`: 0 off, 1 strict, 2 loose.
    RpFilter(i32),
    /// `NETCONFA_MC_FORWARDING`
    McForwarding(i32),
    /// `NETCONFA_PROXY_NEIGH`
    ProxyNeigh(i32),
    /// `NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN`
    IgnoreRoutesWithLinkdown(i32),
    /// `NETCONFA_INPUT` (MPLS)
    Input(i32),
    /// `NETCONFA_BC_FORWARDING`
    BcForwarding(i32),
    /// `NETCONFA_FORCE_FORWARDING` (IPv6)
    ForceForwarding(i32),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

impl NetconfAttribute {
    fn typed(&self) -> Option<(u16, i32)> {
        use NetconfAttribute::*;
        Some(match self {
            IfIndex(v) => (NETCONFA_IFINDEX, *v),
            Forwarding(v) => (NETCONFA_FORWARDING, *v),
            RpFilter(v) => (NETCONFA_RP_FILTER, *v),
            McForwarding(v) => (NETCONFA_MC_FORWARDING, *v),
            ProxyNeigh(v) => (NETCONFA_PROXY_NEIGH, *v),
            IgnoreRoutesWithLinkdown(v) => (NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN, *v),
            Input(v) => (NETCONFA_INPUT, *v),
            BcForwarding(v) => (NETCONFA_BC_FORWARDING, *v),
            ForceForwarding(v) => (NETCONFA_FORCE_FORWARDING, *v),
            Other(_) | Malformed(_) => return None,
        })
    }
}

impl Nla for NetconfAttribute {
    fn value_len(&self) -> usize {
        match self {
            NetconfAttribute::Other(nla) => nla.value_len(),
            NetconfAttribute::Malformed(nla) => nla.value_len(),
            _ => 4,
        }
    }

    fn kind(&self) -> u16 {
        match self {
            NetconfAttribute::Other(nla) => nla.kind(),
            NetconfAttribute::Malformed(nla) => nla.kind(),
            typed => typed.typed().map_or(NETCONFA_UNSPEC, |(kind, _)| kind),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            NetconfAttribute::Other(nla) => nla.emit_value(buffer),
            NetconfAttribute::Malformed(nla) => nla.emit_value(buffer),
            typed => {
                if let Some((_, value)) = typed.typed() {
                    emit_i32(buffer, value)
                }
            }
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            NetconfAttribute::Other(nla) => nla.is_nested(),
            NetconfAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            NetconfAttribute::Other(nla) => nla.is_network_byteorder(),
            NetconfAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for NetconfAttribute {
    /// Never fails: unknown types become [`NetconfAttribute::Other`] and
    /// undecodable values [`NetconfAttribute::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        use NetconfAttribute::*;
        let value = buf.value();
        let (name, variant): (&str, fn(i32) -> Self) = match buf.raw_kind() {
            NETCONFA_IFINDEX => ("NETCONFA_IFINDEX", IfIndex),
            NETCONFA_FORWARDING => ("NETCONFA_FORWARDING", Forwarding),
            NETCONFA_RP_FILTER => ("NETCONFA_RP_FILTER", RpFilter),
            NETCONFA_MC_FORWARDING => ("NETCONFA_MC_FORWARDING", McForwarding),
            NETCONFA_PROXY_NEIGH => ("NETCONFA_PROXY_NEIGH", ProxyNeigh),
            NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN => (
                "NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN",
                IgnoreRoutesWithLinkdown,
            ),
            NETCONFA_INPUT => ("NETCONFA_INPUT", Input),
            NETCONFA_BC_FORWARDING => ("NETCONFA_BC_FORWARDING", BcForwarding),
            NETCONFA_FORCE_FORWARDING => ("NETCONFA_FORCE_FORWARDING", ForceForwarding),
            kind => return Ok(Other(RawNla::new(kind, value))),
        };
        Ok(parse_i32(value).map(variant).unwrap_or_else(|error| {
            Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}
