//! The owned neighbour table message.

use super::attribute::NeighbourTableAttribute;
use super::header::{
    NeighbourTableHeader, NeighbourTableMessageBuffer, NEIGHBOUR_TABLE_HEADER_LEN,
};
use super::parameter::NeighbourTableParameter;
use crate::common::attribute_message::attribute_message;
use crate::common::AddressFamily;

/// A neighbour table message: `RTM_NEWNEIGHTBL`, `RTM_GETNEIGHTBL` or
/// `RTM_SETNEIGHTBL`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NeighbourTableMessage {
    /// The fixed header (`struct ndtmsg`).
    pub header: NeighbourTableHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<NeighbourTableAttribute>,
}

impl NeighbourTableMessage {
    /// A message with the given header and no attributes.
    pub fn new(header: NeighbourTableHeader) -> Self {
        NeighbourTableMessage {
            header,
            attributes: Vec::new(),
        }
    }

    /// A request body naming an IPv4 table (`arp_cache`), for
    /// `RTM_SETNEIGHTBL`.
    pub fn new_inet(name: &str) -> Self {
        Self::named(AddressFamily::Inet, name)
    }

    /// A request body naming an IPv6 table (`ndisc_cache`), for
    /// `RTM_SETNEIGHTBL`.
    pub fn new_inet6(name: &str) -> Self {
        Self::named(AddressFamily::Inet6, name)
    }

    fn named(family: AddressFamily, name: &str) -> Self {
        NeighbourTableMessage {
            header: NeighbourTableHeader {
                family,
                padding: [0; 3],
            },
            attributes: vec![NeighbourTableAttribute::Name(name.to_owned())],
        }
    }

    /// `NDTA_NAME`, if present.
    pub fn name(&self) -> Option<&str> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NeighbourTableAttribute::Name(name) => Some(name.as_str()),
                _ => None,
            })
    }

    /// The parameters of `NDTA_PARMS`, if present.
    pub fn parameters(&self) -> Option<&[NeighbourTableParameter]> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NeighbourTableAttribute::Parameters(parameters) => Some(parameters.as_slice()),
                _ => None,
            })
    }

    /// The device of a per-device parameter message (`NDTPA_IFINDEX` in
    /// `NDTA_PARMS`); `None` for the table-wide message.
    pub fn ifindex(&self) -> Option<u32> {
        self.parameters()?
            .iter()
            .find_map(|parameter| match parameter {
                NeighbourTableParameter::IfIndex(index) => Some(*index),
                _ => None,
            })
    }
}

attribute_message! {
    NeighbourTableMessage {
        header: NeighbourTableHeader,
        attributes: NeighbourTableAttribute,
        buffer: NeighbourTableMessageBuffer,
        header_len: NEIGHBOUR_TABLE_HEADER_LEN,
        name: "neighbour table message",
    }
}
