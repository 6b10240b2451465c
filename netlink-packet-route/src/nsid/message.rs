//! The owned namespace id message.

use netlink_packet_core::{DecodeError, Emitable, ErrorContext, NlasIterator, Parseable};

use super::attribute::NsIdAttribute;
use super::header::{NsIdHeader, NsIdMessageBuffer, NSID_HEADER_LEN};

/// A namespace id message: `RTM_NEWNSID`, `RTM_DELNSID` or `RTM_GETNSID`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NsIdMessage {
    /// The fixed header (`struct rtgenmsg`).
    pub header: NsIdHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<NsIdAttribute>,
}

impl NsIdMessage {
    /// Appends an attribute (builder style).
    #[must_use]
    pub fn with_attribute(mut self, attribute: NsIdAttribute) -> Self {
        self.attributes.push(attribute);
        self
    }

    /// `NETNSA_NSID`, if present.
    pub fn nsid(&self) -> Option<i32> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NsIdAttribute::NsId(id) => Some(*id),
                _ => None,
            })
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NsIdMessageBuffer<&'a T>> for NsIdMessage {
    fn parse(buf: &NsIdMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        let header = NsIdHeader::parse(buf)?;
        let bytes = buf.attribute_bytes();
        let mut attributes = Vec::with_capacity(NlasIterator::new(bytes).count());
        for nla in NlasIterator::new(bytes) {
            let nla = nla.context("namespace id message")?;
            attributes.push(NsIdAttribute::parse(&nla)?);
        }
        Ok(NsIdMessage { header, attributes })
    }
}

impl Emitable for NsIdMessage {
    fn buffer_len(&self) -> usize {
        NSID_HEADER_LEN + self.attributes.as_slice().buffer_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        self.attributes
            .as_slice()
            .emit(&mut buffer[NSID_HEADER_LEN..]);
    }
}
