//! The owned netconf message.

use netlink_packet_core::{DecodeError, Emitable, ErrorContext, NlasIterator, Parseable};

use super::attribute::NetconfAttribute;
use super::header::{NetconfHeader, NetconfMessageBuffer, NETCONF_HEADER_LEN};
use crate::common::AddressFamily;

/// A netconf message: `RTM_NEWNETCONF`, `RTM_DELNETCONF` or
/// `RTM_GETNETCONF`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NetconfMessage {
    /// The fixed header (`struct netconfmsg`).
    pub header: NetconfHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<NetconfAttribute>,
}

impl NetconfMessage {
    /// A message of `family` without attributes.
    pub fn new(family: AddressFamily) -> Self {
        NetconfMessage {
            header: NetconfHeader {
                family,
                padding: [0; 3],
            },
            attributes: Vec::new(),
        }
    }

    /// Appends an attribute (builder style).
    #[must_use]
    pub fn with_attribute(mut self, attribute: NetconfAttribute) -> Self {
        self.attributes.push(attribute);
        self
    }

    /// `NETCONFA_IFINDEX`, if present.
    pub fn ifindex(&self) -> Option<i32> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NetconfAttribute::IfIndex(index) => Some(*index),
                _ => None,
            })
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NetconfMessageBuffer<&'a T>> for NetconfMessage {
    fn parse(buf: &NetconfMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        let header = NetconfHeader::parse(buf)?;
        let bytes = buf.attribute_bytes();
        let mut attributes = Vec::with_capacity(NlasIterator::new(bytes).count());
        for nla in NlasIterator::new(bytes) {
            let nla = nla.context("netconf message")?;
            attributes.push(NetconfAttribute::parse(&nla)?);
        }
        Ok(NetconfMessage { header, attributes })
    }
}

impl Emitable for NetconfMessage {
    fn buffer_len(&self) -> usize {
        NETCONF_HEADER_LEN + self.attributes.as_slice().buffer_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        self.attributes
            .as_slice()
            .emit(&mut buffer[NETCONF_HEADER_LEN..]);
    }
}
