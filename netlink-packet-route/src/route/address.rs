//! Addresses carried by route attributes (`RTA_DST`, `RTA_SRC`,
//! `RTA_GATEWAY`, `RTA_PREFSRC`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::DecodeError;

use crate::common::{AF_INET, AF_INET6, AF_MPLS};
use crate::route::MplsLabel;

/// An address in a route attribute. Its form follows the route's family:
/// IPv4 and IPv6 addresses, or an MPLS label stack for `AF_MPLS` routes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RouteAddress {
    /// An IPv4 address (4 bytes).
    Inet(Ipv4Addr),
    /// An IPv6 address (16 bytes).
    Inet6(Ipv6Addr),
    /// An MPLS label stack (`AF_MPLS` routes: the incoming label).
    Mpls(Vec<MplsLabel>),
    /// Bytes of another family (neither 4 nor 16 bytes long), unchanged.
    Other(Vec<u8>),
}

impl RouteAddress {
    /// Decodes an address of a route of family `family`.
    ///
    /// `AF_MPLS` values are label stacks; otherwise 4 bytes are IPv4 and 16
    /// bytes IPv6. For `AF_INET`/`AF_INET6` any other length is an error;
    /// for other families it is kept as [`RouteAddress::Other`].
    #[inline(always)]
    pub fn parse(bytes: &[u8], family: u8) -> Result<Self, DecodeError> {
        if family != AF_MPLS {
            if let Ok(array) = <[u8; 4]>::try_from(bytes) {
                return Ok(RouteAddress::Inet(Ipv4Addr::from(array)));
            }
            if let Ok(array) = <[u8; 16]>::try_from(bytes) {
                return Ok(RouteAddress::Inet6(Ipv6Addr::from(array)));
            }
        }
        Self::parse_uncommon(bytes, family)
    }

    #[cold]
    #[inline(never)]
    fn parse_uncommon(bytes: &[u8], family: u8) -> Result<Self, DecodeError> {
        match family {
            AF_MPLS => MplsLabel::parse_stack(bytes).map(RouteAddress::Mpls),
            AF_INET | AF_INET6 => Err(DecodeError::new(format!(
                "expected 4 or 16 bytes, got {}",
                bytes.len()
            ))),
            _ => Ok(RouteAddress::Other(bytes.to_vec())),
        }
    }

    /// Length on the wire.
    pub fn buffer_len(&self) -> usize {
        match self {
            RouteAddress::Inet(_) => 4,
            RouteAddress::Inet6(_) => 16,
            RouteAddress::Mpls(stack) => MplsLabel::stack_len(stack),
            RouteAddress::Other(bytes) => bytes.len(),
        }
    }

    /// Writes the address at the start of `buffer`.
    pub fn emit(&self, buffer: &mut [u8]) {
        match self {
            RouteAddress::Inet(ip) => buffer[..4].copy_from_slice(&ip.octets()),
            RouteAddress::Inet6(ip) => buffer[..16].copy_from_slice(&ip.octets()),
            RouteAddress::Mpls(stack) => MplsLabel::emit_stack(stack, buffer),
            RouteAddress::Other(bytes) => buffer[..bytes.len()].copy_from_slice(bytes),
        }
    }

    /// The IP address, if this is one.
    pub fn ip(&self) -> Option<IpAddr> {
        match self {
            RouteAddress::Inet(ip) => Some(IpAddr::V4(*ip)),
            RouteAddress::Inet6(ip) => Some(IpAddr::V6(*ip)),
            _ => None,
        }
    }
}

impl From<IpAddr> for RouteAddress {
    fn from(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(ip) => RouteAddress::Inet(ip),
            IpAddr::V6(ip) => RouteAddress::Inet6(ip),
        }
    }
}

impl From<Ipv4Addr> for RouteAddress {
    fn from(ip: Ipv4Addr) -> Self {
        RouteAddress::Inet(ip)
    }
}

impl From<Ipv6Addr> for RouteAddress {
    fn from(ip: Ipv6Addr) -> Self {
        RouteAddress::Inet6(ip)
    }
}
