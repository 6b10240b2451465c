//! The owned neighbour table message.

use netlink_packet_core::{
    check_nla_value_len, DecodeError, EmitError, Emitable, ErrorContext, Nla, NlasIterator,
    Parseable,
};

use super::attribute::NeighbourTableAttribute;
use super::header::{
    NeighbourTableHeader, NeighbourTableMessageBuffer, NEIGHBOUR_TABLE_HEADER_LEN,
};
use super::parameter::NeighbourTableParameter;
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

    /// Appends an attribute (builder style).
    #[must_use]
    pub fn with_attribute(mut self, attribute: NeighbourTableAttribute) -> Self {
        self.attributes.push(attribute);
        self
    }

    /// Checks that every attribute fits its 16-bit length field.
    pub fn validate(&self) -> Result<(), EmitError> {
        self.attributes
            .iter()
            .try_for_each(|attribute| check_nla_value_len(attribute.kind(), attribute.value_len()))
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

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NeighbourTableMessageBuffer<&'a T>>
    for NeighbourTableMessage
{
    fn parse(buf: &NeighbourTableMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        let header = NeighbourTableHeader::parse(buf)?;
        let bytes = buf.attribute_bytes();
        let mut attributes = Vec::with_capacity(NlasIterator::new(bytes).count());
        for nla in NlasIterator::new(bytes) {
            let nla = nla.context("neighbour table message")?;
            attributes.push(NeighbourTableAttribute::parse(&nla)?);
        }
        Ok(NeighbourTableMessage { header, attributes })
    }
}

impl Emitable for NeighbourTableMessage {
    fn buffer_len(&self) -> usize {
        NEIGHBOUR_TABLE_HEADER_LEN + self.attributes.as_slice().buffer_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        self.attributes
            .as_slice()
            .emit(&mut buffer[NEIGHBOUR_TABLE_HEADER_LEN..]);
    }
}
