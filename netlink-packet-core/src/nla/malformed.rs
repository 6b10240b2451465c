//! An attribute kept raw together with the reason it could not be decoded.

use std::fmt;

use crate::nla::{Nla, NlaBuffer, RawNla};
use crate::DecodeError;

/// An attribute whose type is known but whose value could not be decoded.
///
/// Parsers that prefer to keep going can store the attribute this way: it
/// re-emits byte-identically (like [`RawNla`]) and keeps the error for the
/// user to inspect.
///
/// ```
/// use netlink_packet_core::{parse_u32, MalformedNla, NlaBuffer};
/// let bytes = [7, 0, 4, 0, 1, 2, 3, 0];
/// let nla = NlaBuffer::new_checked(&bytes[..]).unwrap();
/// let error = parse_u32(nla.value()).unwrap_err();
/// let malformed = MalformedNla::new(&nla, error);
/// assert_eq!(malformed.raw.value, [1, 2, 3]);
/// assert_eq!(malformed.to_string(), "attribute type 4: expected 4 bytes, got 3");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedNla {
    /// The attribute as received.
    pub raw: RawNla,
    /// Why it could not be decoded.
    pub error: DecodeError,
}

impl MalformedNla {
    /// Keeps the attribute viewed by `buffer` raw, with `error`.
    pub fn new<T: AsRef<[u8]> + ?Sized>(buffer: &NlaBuffer<&T>, error: DecodeError) -> Self {
        MalformedNla {
            raw: RawNla {
                kind: buffer.raw_kind(),
                value: buffer.value().to_vec(),
            },
            error,
        }
    }
}

impl fmt::Display for MalformedNla {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "attribute type {}: {}", self.raw.kind(), self.error)
    }
}

impl Nla for MalformedNla {
    fn value_len(&self) -> usize {
        self.raw.value_len()
    }

    fn kind(&self) -> u16 {
        self.raw.kind()
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        self.raw.emit_value(buffer)
    }

    fn is_nested(&self) -> bool {
        self.raw.is_nested()
    }

    fn is_network_byteorder(&self) -> bool {
        self.raw.is_network_byteorder()
    }
}
