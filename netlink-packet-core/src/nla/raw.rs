//! The lossless catch-all attribute.

use crate::nla::{Nla, NlaBuffer, NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLA_TYPE_MASK};
use crate::{DecodeError, Parseable};

/// Any attribute, kept as raw bytes so that it re-emits byte-identically.
///
/// `kind` holds the type exactly as on the wire, flag bits included.
///
/// ```
/// use netlink_packet_core::{Emitable, NlaBuffer, Parseable, RawNla};
/// let bytes = [6, 0, 0x21, 0x80, 7, 7, 0, 0];
/// let nla = RawNla::parse(&NlaBuffer::new_checked(&bytes[..]).unwrap()).unwrap();
/// assert_eq!(nla, RawNla { kind: 0x8021, value: vec![7, 7] });
/// let mut out = [0u8; 8];
/// nla.emit(&mut out);
/// assert_eq!(out, bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RawNla {
    /// `nla_type` as on the wire, including `NLA_F_NESTED` and
    /// `NLA_F_NET_BYTEORDER`.
    pub kind: u16,
    /// The value, without header and padding.
    pub value: Vec<u8>,
}

impl RawNla {
    /// A raw attribute of the given wire type (flags included) and value.
    pub fn new(kind: u16, value: impl Into<Vec<u8>>) -> Self {
        RawNla {
            kind,
            value: value.into(),
        }
    }
}

impl Nla for RawNla {
    fn value_len(&self) -> usize {
        self.value.len()
    }

    fn kind(&self) -> u16 {
        self.kind & NLA_TYPE_MASK
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer.copy_from_slice(&self.value);
    }

    fn is_nested(&self) -> bool {
        self.kind & NLA_F_NESTED != 0
    }

    fn is_network_byteorder(&self) -> bool {
        self.kind & NLA_F_NET_BYTEORDER != 0
    }
}

impl<T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&T>> for RawNla {
    fn parse(buf: &NlaBuffer<&T>) -> Result<Self, DecodeError> {
        Ok(RawNla {
            kind: buf.raw_kind(),
            value: buf.value().to_vec(),
        })
    }
}
