//! The `Nla` trait of owned attributes and its blanket `Emitable`.

use crate::nla::{nla_align, NlaBuffer, NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLA_HEADER_SIZE};
use crate::Emitable;

/// An owned netlink attribute.
///
/// Implementors describe the value; the blanket [`Emitable`] implementation
/// writes the header (length, type and flags), the value and zeroed padding.
///
/// The value length must fit the 16-bit length field (at most
/// [`NLA_MAX_VALUE_LEN`](crate::NLA_MAX_VALUE_LEN) bytes): builders check it
/// with [`check_nla_value_len`](crate::check_nla_value_len) before emitting;
/// a longer value is emitted with a truncated length field.
pub trait Nla {
    /// Length of the value in bytes, without header and padding.
    fn value_len(&self) -> usize;

    /// The attribute type, without the flag bits.
    fn kind(&self) -> u16;

    /// Writes the value into `buffer`, which is exactly
    /// [`Nla::value_len`] bytes long.
    fn emit_value(&self, buffer: &mut [u8]);

    /// Whether to set `NLA_F_NESTED` in the emitted type.
    fn is_nested(&self) -> bool {
        false
    }

    /// Whether to set `NLA_F_NET_BYTEORDER` in the emitted type.
    fn is_network_byteorder(&self) -> bool {
        false
    }
}

impl<T: Nla> Emitable for T {
    #[inline]
    fn buffer_len(&self) -> usize {
        nla_align(NLA_HEADER_SIZE + self.value_len())
    }

    fn emit(&self, buffer: &mut [u8]) {
        let value_len = self.value_len();
        let length = NLA_HEADER_SIZE + value_len;
        let mut kind = self.kind();
        if self.is_nested() {
            kind |= NLA_F_NESTED;
        }
        if self.is_network_byteorder() {
            kind |= NLA_F_NET_BYTEORDER;
        }
        let mut nla = NlaBuffer::new(&mut buffer[..nla_align(length)]);
        nla.set_length(length as u16);
        nla.set_raw_kind(kind);
        let buffer = nla.into_inner();
        self.emit_value(&mut buffer[NLA_HEADER_SIZE..length]);
        buffer[length..].fill(0);
    }
}

impl<T: Nla> Emitable for [T] {
    fn buffer_len(&self) -> usize {
        self.iter().map(Emitable::buffer_len).sum()
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut offset = 0;
        for nla in self {
            let len = nla.buffer_len();
            nla.emit(&mut buffer[offset..offset + len]);
            offset += len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Mtu(u32);

    impl Nla for Mtu {
        fn value_len(&self) -> usize {
            4
        }
        fn kind(&self) -> u16 {
            4
        }
        fn emit_value(&self, buffer: &mut [u8]) {
            buffer.copy_from_slice(&self.0.to_ne_bytes());
        }
    }

    struct Flagged(&'static [u8]);

    impl Nla for Flagged {
        fn value_len(&self) -> usize {
            self.0.len()
        }
        fn kind(&self) -> u16 {
            9
        }
        fn emit_value(&self, buffer: &mut [u8]) {
            buffer.copy_from_slice(self.0);
        }
        fn is_nested(&self) -> bool {
            true
        }
        fn is_network_byteorder(&self) -> bool {
            true
        }
    }

    #[test]
    fn emits_header_value_and_zero_padding() {
        let nla = Flagged(&[1, 2, 3]);
        assert_eq!(nla.buffer_len(), 8);
        let mut bytes = [0xffu8; 8];
        nla.emit(&mut bytes);
        assert_eq!(bytes, [7, 0, 9, 0xc0, 1, 2, 3, 0]);
    }

    #[test]
    fn emits_slices_back_to_back() {
        let nlas = [Mtu(1500), Mtu(9000)];
        assert_eq!(nlas.buffer_len(), 16);
        let mut bytes = [0u8; 16];
        nlas.emit(&mut bytes);
        assert_eq!(
            bytes,
            [8, 0, 4, 0, 0xdc, 0x05, 0, 0, 8, 0, 4, 0, 0x28, 0x23, 0, 0]
        );
    }
}
