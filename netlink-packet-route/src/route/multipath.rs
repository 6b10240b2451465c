//! `RTA_MULTIPATH`: the hops of a multipath route (`struct rtnexthop`).

use netlink_packet_core::{DecodeError, Emitable, ErrorContext};

use crate::common::NexthopFlags;
use crate::route::attribute::parse_route_attributes;
use crate::route::{RouteAddress, RouteAttribute};

/// Length of `struct rtnexthop`.
pub const ROUTE_NEXTHOP_HEADER_LEN: usize = 8;

/// One hop of a multipath route: `struct rtnexthop` followed by its own
/// attributes (`RTA_GATEWAY`, `RTA_VIA`, `RTA_NEWDST`, `RTA_ENCAP_TYPE`,
/// `RTA_ENCAP`, `RTA_FLOW`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RouteNexthop {
    /// `rtnh_flags` (`RTNH_F_*`).
    pub flags: NexthopFlags,
    /// `rtnh_hops`: the weight minus one (see [`RouteNexthop::weight`]).
    pub hops: u8,
    /// `rtnh_ifindex`: the output interface index.
    pub interface_index: u32,
    /// The hop's attributes.
    pub attributes: Vec<RouteAttribute>,
}

impl RouteNexthop {
    /// The weight of the hop as `ip route` shows it (`rtnh_hops + 1`).
    pub fn weight(&self) -> u16 {
        u16::from(self.hops) + 1
    }

    /// Sets the weight (1..=256); values out of range are clamped.
    pub fn set_weight(&mut self, weight: u16) {
        self.hops = u8::try_from(weight.clamp(1, 256) - 1).unwrap_or(u8::MAX);
    }

    /// The gateway (`RTA_GATEWAY`, or `RTA_VIA`) of the hop as an IP address.
    pub fn gateway(&self) -> Option<std::net::IpAddr> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                RouteAttribute::Gateway(address) => address.ip(),
                RouteAttribute::Via(via) => via.ip(),
                _ => None,
            })
    }

    /// The `RTA_GATEWAY` address of the hop.
    pub fn gateway_address(&self) -> Option<&RouteAddress> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                RouteAttribute::Gateway(address) => Some(address),
                _ => None,
            })
    }

    fn header_len(&self) -> usize {
        ROUTE_NEXTHOP_HEADER_LEN + self.attributes.as_slice().buffer_len()
    }
}

impl Emitable for RouteNexthop {
    fn buffer_len(&self) -> usize {
        // rtnh_len is aligned (RTNH_ALIGN) because attributes are.
        self.header_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        let len = self.header_len();
        buffer[0..2].copy_from_slice(&(len as u16).to_ne_bytes());
        buffer[2] = self.flags.bits() as u8;
        buffer[3] = self.hops;
        buffer[4..8].copy_from_slice(&self.interface_index.to_ne_bytes());
        self.attributes
            .as_slice()
            .emit(&mut buffer[ROUTE_NEXTHOP_HEADER_LEN..len]);
    }
}

/// Walks the `struct rtnexthop` records of an `RTA_MULTIPATH` value.
struct HopIterator<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for HopIterator<'a> {
    /// `(flags, hops, ifindex, attribute bytes)`
    type Item = Result<(u8, u8, u32, &'a [u8]), DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let rest = std::mem::take(&mut self.rest);
        let Some(header) = rest.first_chunk::<ROUTE_NEXTHOP_HEADER_LEN>() else {
            return Some(Err(DecodeError::new(format!(
                "expected at least {ROUTE_NEXTHOP_HEADER_LEN} bytes (struct rtnexthop), got {}",
                rest.len()
            ))));
        };
        let len = usize::from(u16::from_ne_bytes([header[0], header[1]]));
        if len < ROUTE_NEXTHOP_HEADER_LEN || len > rest.len() {
            return Some(Err(DecodeError::new(format!(
                "rtnh_len {len} is not between {ROUTE_NEXTHOP_HEADER_LEN} and the {} bytes left",
                rest.len()
            ))));
        }
        let attributes = rest.get(ROUTE_NEXTHOP_HEADER_LEN..len).unwrap_or_default();
        self.rest = rest.get((len + 3) & !3..).unwrap_or_default();
        Some(Ok((
            header[2],
            header[3],
            u32::from_ne_bytes([header[4], header[5], header[6], header[7]]),
            attributes,
        )))
    }
}

/// Decodes the value of `RTA_MULTIPATH`.
pub(crate) fn parse_multipath(bytes: &[u8], family: u8) -> Result<Vec<RouteNexthop>, DecodeError> {
    let mut count = 0;
    for (index, hop) in (HopIterator { rest: bytes }).enumerate() {
        hop.with_context(|| format!("nexthop #{}", index + 1))?;
        count += 1;
    }
    let mut hops = Vec::with_capacity(count);
    for (index, hop) in (HopIterator { rest: bytes }).enumerate() {
        let (flags, hop_count, interface_index, attributes) =
            hop.with_context(|| format!("nexthop #{}", index + 1))?;
        hops.push(RouteNexthop {
            flags: NexthopFlags::from_bits_retain(u32::from(flags)),
            hops: hop_count,
            interface_index,
            attributes: parse_route_attributes(attributes, family)
                .with_context(|| format!("nexthop #{}", index + 1))?,
        });
    }
    Ok(hops)
}
