//! The owned neighbour message.

use std::net::IpAddr;

use netlink_packet_core::{
    check_nla_value_len, DecodeError, EmitError, Emitable, ErrorContext, Nla, NlasIterator,
    Parseable,
};

use super::attribute::NeighbourAttribute;
use super::flags::NeighbourFlags;
use super::header::{NeighbourHeader, NeighbourMessageBuffer, NEIGHBOUR_HEADER_LEN};
use super::state::NeighbourState;
use crate::common::{AddressFamily, RouteType};
use crate::link::LinkAddress;

/// A neighbour message: `RTM_NEWNEIGH`, `RTM_DELNEIGH` or `RTM_GETNEIGH`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NeighbourMessage {
    /// The fixed header (`struct ndmsg`).
    pub header: NeighbourHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<NeighbourAttribute>,
}

impl NeighbourMessage {
    /// A message with the given header and no attributes.
    pub fn new(header: NeighbourHeader) -> Self {
        NeighbourMessage {
            header,
            attributes: Vec::new(),
        }
    }

    /// A request body for an IP neighbour `destination` on interface
    /// `ifindex` in `state`: the family follows the address and `NDA_DST`
    /// is set. Add the link-layer address with
    /// [`with_attribute`](Self::with_attribute).
    pub fn new_ip(ifindex: u32, destination: IpAddr, state: NeighbourState) -> Self {
        let family = match destination {
            IpAddr::V4(_) => AddressFamily::Inet,
            IpAddr::V6(_) => AddressFamily::Inet6,
        };
        NeighbourMessage {
            header: NeighbourHeader {
                family,
                ifindex,
                state,
                flags: NeighbourFlags::empty(),
                kind: RouteType::Unspec,
                padding: [0; 3],
            },
            attributes: vec![NeighbourAttribute::Destination(destination)],
        }
    }

    /// Appends an attribute (builder style).
    #[must_use]
    pub fn with_attribute(mut self, attribute: NeighbourAttribute) -> Self {
        self.attributes.push(attribute);
        self
    }

    /// Checks that every attribute fits its 16-bit length field.
    pub fn validate(&self) -> Result<(), EmitError> {
        self.attributes
            .iter()
            .try_for_each(|attribute| check_nla_value_len(attribute.kind(), attribute.value_len()))
    }

    /// `NDA_DST`, if present.
    pub fn destination(&self) -> Option<IpAddr> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NeighbourAttribute::Destination(ip) => Some(*ip),
                _ => None,
            })
    }

    /// `NDA_LLADDR`, if present.
    pub fn link_layer_address(&self) -> Option<LinkAddress> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NeighbourAttribute::LinkLayerAddress(address) => Some(*address),
                _ => None,
            })
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NeighbourMessageBuffer<&'a T>> for NeighbourMessage {
    fn parse(buf: &NeighbourMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        let header = NeighbourHeader::parse(buf)?;
        let bytes = buf.attribute_bytes();
        let mut attributes = Vec::with_capacity(NlasIterator::new(bytes).count());
        for nla in NlasIterator::new(bytes) {
            let nla = nla.context("neighbour message")?;
            attributes.push(NeighbourAttribute::parse(&nla)?);
        }
        Ok(NeighbourMessage { header, attributes })
    }
}

impl Emitable for NeighbourMessage {
    fn buffer_len(&self) -> usize {
        NEIGHBOUR_HEADER_LEN + self.attributes.as_slice().buffer_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        self.attributes
            .as_slice()
            .emit(&mut buffer[NEIGHBOUR_HEADER_LEN..]);
    }
}
