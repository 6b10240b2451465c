//! The neighbour table message header (`struct ndtmsg`) and the checked
//! view over a whole neighbour table message payload.

use netlink_packet_core::{DecodeError, Emitable, ErrorContext, NlasIterator, Parseable};

use crate::common::AddressFamily;

/// Length of `struct ndtmsg`.
pub const NEIGHBOUR_TABLE_HEADER_LEN: usize = 4;

/// A checked view over a neighbour table message payload: the 4-byte
/// `struct ndtmsg` followed by `NDTA_*` attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeighbourTableMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> NeighbourTableMessageBuffer<T> {
    /// Wraps `buffer` without checking its length; getters of a short
    /// buffer return 0.
    pub fn new(buffer: T) -> Self {
        NeighbourTableMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds the whole header.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < NEIGHBOUR_TABLE_HEADER_LEN {
            return Err(DecodeError::new(format!(
                "neighbour table message: expected at least {NEIGHBOUR_TABLE_HEADER_LEN} bytes of struct ndtmsg, got {len}"
            )));
        }
        Ok(NeighbourTableMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    /// `ndtm_family`: `AF_INET` (ARP) or `AF_INET6` (NDP).
    pub fn family(&self) -> u8 {
        self.buffer.as_ref().first().copied().unwrap_or(0)
    }

    /// `ndtm_pad1` and `ndtm_pad2` (reserved).
    pub fn padding(&self) -> [u8; 3] {
        self.buffer
            .as_ref()
            .get(1..)
            .and_then(|bytes| bytes.first_chunk::<3>())
            .copied()
            .unwrap_or_default()
    }

    /// The attribute bytes after the header.
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(NEIGHBOUR_TABLE_HEADER_LEN..)
            .unwrap_or_default()
    }

    /// Iterates over the attributes without allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }

    /// The value of the first attribute of type `kind` (flag bits ignored).
    pub fn find_attribute(&self, kind: u16) -> Result<Option<&[u8]>, DecodeError> {
        for nla in self.attributes() {
            let nla = nla.context("neighbour table message")?;
            if nla.kind() == kind {
                return Ok(Some(nla.into_value()));
            }
        }
        Ok(None)
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> NeighbourTableMessageBuffer<T> {
    /// Sets `ndtm_family`.
    pub fn set_family(&mut self, value: u8) {
        self.buffer.as_mut()[0] = value;
    }

    /// Sets the reserved bytes.
    pub fn set_padding(&mut self, value: [u8; 3]) {
        self.buffer.as_mut()[1..4].copy_from_slice(&value);
    }
}

/// The fixed header of a neighbour table message (`struct ndtmsg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NeighbourTableHeader {
    /// `ndtm_family`
    pub family: AddressFamily,
    /// The reserved `ndtm_pad1` / `ndtm_pad2` bytes (zero from the kernel),
    /// kept so that any message re-emits unchanged.
    pub padding: [u8; 3],
}

impl<T: AsRef<[u8]>> Parseable<NeighbourTableMessageBuffer<T>> for NeighbourTableHeader {
    fn parse(buf: &NeighbourTableMessageBuffer<T>) -> Result<Self, DecodeError> {
        Ok(NeighbourTableHeader {
            family: buf.family().into(),
            padding: buf.padding(),
        })
    }
}

impl Emitable for NeighbourTableHeader {
    fn buffer_len(&self) -> usize {
        NEIGHBOUR_TABLE_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buf = NeighbourTableMessageBuffer::new(&mut buffer[..NEIGHBOUR_TABLE_HEADER_LEN]);
        buf.set_family(self.family.into());
        buf.set_padding(self.padding);
    }
}
