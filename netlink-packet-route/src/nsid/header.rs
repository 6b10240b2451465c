//! The namespace id message header (`struct rtgenmsg`, padded to 4 bytes)
//! and the checked view over a whole namespace id message payload.

use netlink_packet_core::{DecodeError, Emitable, ErrorContext, NlasIterator, Parseable};

use crate::common::AddressFamily;

/// Length of the header: the one-byte `struct rtgenmsg` padded to 4 bytes.
pub const NSID_HEADER_LEN: usize = 4;

/// A checked view over a namespace id message payload: `struct rtgenmsg`
/// (padded to 4 bytes) followed by `NETNSA_*` attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NsIdMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> NsIdMessageBuffer<T> {
    /// Wraps `buffer` without checking its length; getters of a short
    /// buffer return 0.
    pub fn new(buffer: T) -> Self {
        NsIdMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds the whole (padded)
    /// header.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < NSID_HEADER_LEN {
            return Err(DecodeError::new(format!(
                "namespace id message: expected at least {NSID_HEADER_LEN} bytes of padded struct rtgenmsg, got {len}"
            )));
        }
        Ok(NsIdMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    /// `rtgen_family` (`AF_UNSPEC` in practice).
    pub fn family(&self) -> u8 {
        self.buffer.as_ref().first().copied().unwrap_or(0)
    }

    /// The three padding bytes after the family.
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
            .get(NSID_HEADER_LEN..)
            .unwrap_or_default()
    }

    /// Iterates over the attributes without allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }

    /// The value of the first attribute of type `kind` (flag bits ignored).
    pub fn find_attribute(&self, kind: u16) -> Result<Option<&[u8]>, DecodeError> {
        for nla in self.attributes() {
            let nla = nla.context("namespace id message")?;
            if nla.kind() == kind {
                return Ok(Some(nla.into_value()));
            }
        }
        Ok(None)
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> NsIdMessageBuffer<T> {
    /// Sets `rtgen_family`.
    pub fn set_family(&mut self, value: u8) {
        self.buffer.as_mut()[0] = value;
    }

    /// Sets the padding bytes.
    pub fn set_padding(&mut self, value: [u8; 3]) {
        self.buffer.as_mut()[1..4].copy_from_slice(&value);
    }
}

/// The fixed header of a namespace id message (`struct rtgenmsg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NsIdHeader {
    /// `rtgen_family`
    pub family: AddressFamily,
    /// The padding after the family (zero from the kernel), kept so that
    /// any message re-emits unchanged.
    pub padding: [u8; 3],
}

impl<T: AsRef<[u8]>> Parseable<NsIdMessageBuffer<T>> for NsIdHeader {
    fn parse(buf: &NsIdMessageBuffer<T>) -> Result<Self, DecodeError> {
        Ok(NsIdHeader {
            family: buf.family().into(),
            padding: buf.padding(),
        })
    }
}

impl Emitable for NsIdHeader {
    fn buffer_len(&self) -> usize {
        NSID_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buf = NsIdMessageBuffer::new(&mut buffer[..NSID_HEADER_LEN]);
        buf.set_family(self.family.into());
        buf.set_padding(self.padding);
    }
}
