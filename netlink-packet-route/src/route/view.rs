//! Lazy accessors on [`RouteMessageBuffer`]: single values looked up in the
//! receive buffer on demand, without allocating.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::common::AF_MPLS;
use crate::route::attribute::{
    RTA_DST, RTA_GATEWAY, RTA_IIF, RTA_NH_ID, RTA_OIF, RTA_PREFSRC, RTA_PRIORITY, RTA_SRC,
    RTA_TABLE, RTA_VIA,
};
use crate::route::RouteMessageBuffer;

/// The most used values of a route, gathered in one pass over its
/// attributes by [`RouteMessageBuffer::summary`]. Values that are absent or
/// do not decode are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RouteSummary {
    /// The table id (`RTA_TABLE`, else `rtm_table`).
    pub table: u32,
    /// `RTA_DST` as an IP address.
    pub destination: Option<IpAddr>,
    /// `RTA_GATEWAY`, or the IP address of `RTA_VIA`.
    pub gateway: Option<IpAddr>,
    /// `RTA_OIF`
    pub output_interface: Option<u32>,
    /// `RTA_PRIORITY`
    pub priority: Option<u32>,
}

#[inline]
fn ip_of(bytes: &[u8]) -> Option<IpAddr> {
    if let Ok(array) = <[u8; 4]>::try_from(bytes) {
        Some(IpAddr::V4(Ipv4Addr::from(array)))
    } else if let Ok(array) = <[u8; 16]>::try_from(bytes) {
        Some(IpAddr::V6(Ipv6Addr::from(array)))
    } else {
        None
    }
}

#[inline]
fn u32_of(bytes: &[u8]) -> Option<u32> {
    <[u8; 4]>::try_from(bytes).ok().map(u32::from_ne_bytes)
}

#[inline]
fn via_ip(bytes: &[u8]) -> Option<IpAddr> {
    let (family, address) = bytes.split_first_chunk::<2>()?;
    match u16::from_ne_bytes(*family) {
        2 | 10 => ip_of(address),
        _ => None,
    }
}

impl<T: AsRef<[u8]>> RouteMessageBuffer<T> {
    /// The value of the first attribute of type `kind` (flag bits ignored),
    /// if any. Stops at the first malformed attribute header.
    #[inline]
    pub fn attribute(&self, kind: u16) -> Option<&[u8]> {
        self.attributes()
            .map_while(Result::ok)
            .find(|nla| nla.kind() == kind)
            .map(|nla| nla.into_value())
    }

    /// The table id: `RTA_TABLE` when present (ids over 255), else the
    /// header's `rtm_table`.
    #[inline]
    pub fn table(&self) -> u32 {
        self.attribute(RTA_TABLE)
            .and_then(u32_of)
            .unwrap_or(u32::from(self.header_table()))
    }

    fn ip_attribute(&self, kind: u16) -> Option<IpAddr> {
        if self.address_family() == AF_MPLS {
            return None;
        }
        self.attribute(kind).and_then(ip_of)
    }

    /// The destination (`RTA_DST`) as an IP address; `None` for a default
    /// route, an MPLS route or a malformed value.
    #[inline]
    pub fn destination(&self) -> Option<IpAddr> {
        self.ip_attribute(RTA_DST)
    }

    /// The source prefix (`RTA_SRC`) as an IP address.
    #[inline]
    pub fn source(&self) -> Option<IpAddr> {
        self.ip_attribute(RTA_SRC)
    }

    /// The gateway: `RTA_GATEWAY`, else the IPv4/IPv6 address of `RTA_VIA`.
    /// Multipath routes carry their gateways per hop: `None` here.
    #[inline]
    pub fn gateway(&self) -> Option<IpAddr> {
        self.ip_attribute(RTA_GATEWAY)
            .or_else(|| self.attribute(RTA_VIA).and_then(via_ip))
    }

    /// The preferred source address (`RTA_PREFSRC`).
    #[inline]
    pub fn preferred_source(&self) -> Option<IpAddr> {
        self.ip_attribute(RTA_PREFSRC)
    }

    /// The output interface index (`RTA_OIF`).
    #[inline]
    pub fn output_interface(&self) -> Option<u32> {
        self.attribute(RTA_OIF).and_then(u32_of)
    }

    /// The input interface index (`RTA_IIF`).
    #[inline]
    pub fn input_interface(&self) -> Option<u32> {
        self.attribute(RTA_IIF).and_then(u32_of)
    }

    /// The metric (`RTA_PRIORITY`).
    #[inline]
    pub fn priority(&self) -> Option<u32> {
        self.attribute(RTA_PRIORITY).and_then(u32_of)
    }

    /// The nexthop object id (`RTA_NH_ID`).
    #[inline]
    pub fn nexthop_id(&self) -> Option<u32> {
        self.attribute(RTA_NH_ID).and_then(u32_of)
    }

    /// Table, destination, gateway, output interface and priority in one
    /// pass over the attributes, without allocating.
    pub fn summary(&self) -> RouteSummary {
        let inet = self.address_family() != AF_MPLS;
        let mut summary = RouteSummary {
            table: u32::from(self.header_table()),
            ..RouteSummary::default()
        };
        let mut via = None;
        for nla in self.attributes().map_while(Result::ok) {
            let value = nla.value();
            match nla.kind() {
                RTA_TABLE => {
                    if let Some(table) = u32_of(value) {
                        summary.table = table;
                    }
                }
                RTA_DST if inet => summary.destination = ip_of(value),
                RTA_GATEWAY if inet => summary.gateway = ip_of(value),
                RTA_VIA => via = via_ip(value),
                RTA_OIF => summary.output_interface = u32_of(value),
                RTA_PRIORITY => summary.priority = u32_of(value),
                _ => {}
            }
        }
        if summary.gateway.is_none() {
            summary.gateway = via;
        }
        summary
    }
}
