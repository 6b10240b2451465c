//! The owned prefix message.

use netlink_packet_core::{DecodeError, Emitable, ErrorContext, NlasIterator, Parseable};

use super::attribute::PrefixAttribute;
use super::header::{PrefixHeader, PrefixMessageBuffer, PREFIX_HEADER_LEN};

/// A prefix message (`RTM_NEWPREFIX`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrefixMessage {
    /// The fixed header (`struct prefixmsg`).
    pub header: PrefixHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<PrefixAttribute>,
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<PrefixMessageBuffer<&'a T>> for PrefixMessage {
    fn parse(buf: &PrefixMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        let header = PrefixHeader::parse(buf)?;
        let bytes = buf.attribute_bytes();
        let mut attributes = Vec::with_capacity(NlasIterator::new(bytes).count());
        for nla in NlasIterator::new(bytes) {
            let nla = nla.context("prefix message")?;
            attributes.push(PrefixAttribute::parse(&nla)?);
        }
        Ok(PrefixMessage { header, attributes })
    }
}

impl Emitable for PrefixMessage {
    fn buffer_len(&self) -> usize {
        PREFIX_HEADER_LEN + self.attributes.as_slice().buffer_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        self.attributes
            .as_slice()
            .emit(&mut buffer[PREFIX_HEADER_LEN..]);
    }
}
