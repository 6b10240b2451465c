//! `RTA_VIA`: a gateway of another family than the route (`struct rtvia`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::DecodeError;

use crate::common::{AF_INET, AF_INET6};

/// A gateway with its own address family (`struct rtvia`): IPv6 gateways
/// of IPv4 routes, and the nexthops of MPLS routes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RouteVia {
    /// `AF_INET` gateway.
    Inet(Ipv4Addr),
    /// `AF_INET6` gateway.
    Inet6(Ipv6Addr),
    /// Another family (for example `AF_PACKET` with a link-layer address),
    /// kept as is.
    Other {
        /// `rtvia_family`
        family: u16,
        /// `rtvia_addr`
        address: Vec<u8>,
    },
}

impl RouteVia {
    /// Decodes a `struct rtvia`.
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let Some((family, address)) = bytes.split_first_chunk::<2>() else {
            return Err(DecodeError::new(format!(
                "expected at least 2 bytes (rtvia_family), got {}",
                bytes.len()
            )));
        };
        let family = u16::from_ne_bytes(*family);
        match family {
            f if f == u16::from(AF_INET) => <[u8; 4]>::try_from(address)
                .map(|a| RouteVia::Inet(Ipv4Addr::from(a)))
                .map_err(|_| {
                    DecodeError::new(format!(
                        "AF_INET address: expected 4 bytes, got {}",
                        address.len()
                    ))
                }),
            f if f == u16::from(AF_INET6) => <[u8; 16]>::try_from(address)
                .map(|a| RouteVia::Inet6(Ipv6Addr::from(a)))
                .map_err(|_| {
                    DecodeError::new(format!(
                        "AF_INET6 address: expected 16 bytes, got {}",
                        address.len()
                    ))
                }),
            _ => Ok(RouteVia::Other {
                family,
                address: address.to_vec(),
            }),
        }
    }

    /// Length on the wire.
    pub fn buffer_len(&self) -> usize {
        2 + match self {
            RouteVia::Inet(_) => 4,
            RouteVia::Inet6(_) => 16,
            RouteVia::Other { address, .. } => address.len(),
        }
    }

    /// Writes the `struct rtvia` at the start of `buffer`.
    pub fn emit(&self, buffer: &mut [u8]) {
        match self {
            RouteVia::Inet(ip) => {
                buffer[..2].copy_from_slice(&u16::from(AF_INET).to_ne_bytes());
                buffer[2..6].copy_from_slice(&ip.octets());
            }
            RouteVia::Inet6(ip) => {
                buffer[..2].copy_from_slice(&u16::from(AF_INET6).to_ne_bytes());
                buffer[2..18].copy_from_slice(&ip.octets());
            }
            RouteVia::Other { family, address } => {
                buffer[..2].copy_from_slice(&family.to_ne_bytes());
                buffer[2..2 + address.len()].copy_from_slice(address);
            }
        }
    }

    /// The IP address, if the family is IPv4 or IPv6.
    pub fn ip(&self) -> Option<IpAddr> {
        match self {
            RouteVia::Inet(ip) => Some(IpAddr::V4(*ip)),
            RouteVia::Inet6(ip) => Some(IpAddr::V6(*ip)),
            RouteVia::Other { .. } => None,
        }
    }
}

impl From<IpAddr> for RouteVia {
    fn from(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(ip) => RouteVia::Inet(ip),
            IpAddr::V6(ip) => RouteVia::Inet6(ip),
        }
    }
}
