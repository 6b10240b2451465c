//! A checked view over one attribute.

use crate::bytes::write;
use crate::nla::{NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLA_HEADER_SIZE, NLA_TYPE_MASK};
use crate::DecodeError;

const LENGTH: usize = 0;
const TYPE: usize = 2;

/// A view over one netlink attribute: 4-byte header then the value.
///
/// [`NlaBuffer::new_checked`] validates the header; getters never panic
/// (on an unchecked short buffer they return 0 / an empty value).
///
/// ```
/// use netlink_packet_core::NlaBuffer;
/// // IFLA_MTU (4) = 1500
/// let bytes = [8, 0, 4, 0, 0xdc, 0x05, 0, 0];
/// let nla = NlaBuffer::new_checked(&bytes[..]).unwrap();
/// assert_eq!(nla.kind(), 4);
/// assert_eq!(nla.value(), &[0xdc, 0x05, 0, 0]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NlaBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> NlaBuffer<T> {
    /// Wraps `buffer` without checking anything.
    #[inline]
    pub fn new(buffer: T) -> Self {
        NlaBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds the header and that the
    /// length field is at least 4 and at most the buffer length (trailing
    /// bytes, such as padding, are allowed).
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let this = NlaBuffer::new(buffer);
        let available = this.buffer.as_ref().len();
        if available < NLA_HEADER_SIZE {
            return Err(DecodeError::new(format!(
                "attribute header: expected at least {NLA_HEADER_SIZE} bytes, got {available}"
            )));
        }
        let length = usize::from(this.length());
        if length < NLA_HEADER_SIZE {
            return Err(DecodeError::new(format!(
                "attribute type {}: length field {length} is less than the header length {NLA_HEADER_SIZE}",
                this.kind()
            )));
        }
        if length > available {
            return Err(DecodeError::new(format!(
                "attribute type {}: length field {length} exceeds the {available} bytes available",
                this.kind()
            )));
        }
        Ok(this)
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    /// A reference to the wrapped buffer.
    pub fn inner(&self) -> &T {
        &self.buffer
    }

    /// The 4 header bytes (zeros if the buffer is shorter).
    #[inline]
    fn header(&self) -> [u8; NLA_HEADER_SIZE] {
        match self.buffer.as_ref().first_chunk::<NLA_HEADER_SIZE>() {
            Some(header) => *header,
            None => [0; NLA_HEADER_SIZE],
        }
    }

    /// `nla_len`: header plus value, without padding.
    #[inline]
    pub fn length(&self) -> u16 {
        let [low, high, _, _] = self.header();
        u16::from_ne_bytes([low, high])
    }

    /// `nla_type` with the flag bits.
    #[inline]
    pub fn raw_kind(&self) -> u16 {
        let [_, _, low, high] = self.header();
        u16::from_ne_bytes([low, high])
    }

    /// The attribute type without the flag bits.
    #[inline]
    pub fn kind(&self) -> u16 {
        self.raw_kind() & NLA_TYPE_MASK
    }

    /// Whether `NLA_F_NESTED` is set.
    #[inline]
    pub fn nested_flag(&self) -> bool {
        self.raw_kind() & NLA_F_NESTED != 0
    }

    /// Whether `NLA_F_NET_BYTEORDER` is set.
    #[inline]
    pub fn network_byte_order_flag(&self) -> bool {
        self.raw_kind() & NLA_F_NET_BYTEORDER != 0
    }

    /// Length of the value (`length - 4`, 0 if the length is invalid).
    #[inline]
    pub fn value_length(&self) -> usize {
        usize::from(self.length()).saturating_sub(NLA_HEADER_SIZE)
    }

    /// The value: bytes `4..length`, clamped to the bytes present.
    #[inline]
    pub fn value(&self) -> &[u8] {
        let bytes = self.buffer.as_ref();
        let end = usize::from(self.length()).min(bytes.len());
        bytes.get(NLA_HEADER_SIZE..end).unwrap_or(&[])
    }
}

impl<'a> NlaBuffer<&'a [u8]> {
    /// The value with the lifetime of the underlying bytes (see
    /// [`NlaBuffer::value`]).
    #[inline]
    pub fn into_value(self) -> &'a [u8] {
        let bytes = self.buffer;
        let end = usize::from(self.length()).min(bytes.len());
        bytes.get(NLA_HEADER_SIZE..end).unwrap_or(&[])
    }
}

/// Setters. They panic if the buffer is shorter than needed: a caller bug
/// when building an attribute.
impl<T: AsRef<[u8]> + AsMut<[u8]>> NlaBuffer<T> {
    /// Sets `nla_len`.
    pub fn set_length(&mut self, value: u16) {
        write(self.buffer.as_mut(), LENGTH, &value.to_ne_bytes());
    }

    /// Sets `nla_type`, flag bits included.
    pub fn set_raw_kind(&mut self, value: u16) {
        write(self.buffer.as_mut(), TYPE, &value.to_ne_bytes());
    }

    /// Sets the type, keeping the flag bits already set.
    pub fn set_kind(&mut self, value: u16) {
        let flags = self.raw_kind() & !NLA_TYPE_MASK;
        self.set_raw_kind(flags | (value & NLA_TYPE_MASK));
    }

    /// Sets or clears `NLA_F_NESTED`.
    pub fn set_nested_flag(&mut self, nested: bool) {
        let kind = self.raw_kind();
        self.set_raw_kind(if nested {
            kind | NLA_F_NESTED
        } else {
            kind & !NLA_F_NESTED
        });
    }

    /// Sets or clears `NLA_F_NET_BYTEORDER`.
    pub fn set_network_byte_order_flag(&mut self, network_order: bool) {
        let kind = self.raw_kind();
        self.set_raw_kind(if network_order {
            kind | NLA_F_NET_BYTEORDER
        } else {
            kind & !NLA_F_NET_BYTEORDER
        });
    }

    /// The mutable value: bytes `4..length`, clamped to the bytes present.
    pub fn value_mut(&mut self) -> &mut [u8] {
        let end = usize::from(self.length()).min(self.buffer.as_ref().len());
        self.buffer
            .as_mut()
            .get_mut(NLA_HEADER_SIZE..end)
            .unwrap_or(&mut [])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_kind() {
        let bytes = [4, 0, 0x05, 0xc0];
        let nla = NlaBuffer::new_checked(&bytes[..]).unwrap();
        assert_eq!(nla.raw_kind(), 0xc005);
        assert_eq!(nla.kind(), 5);
        assert!(nla.nested_flag());
        assert!(nla.network_byte_order_flag());
        assert_eq!(nla.value(), &[] as &[u8]);
    }

    #[test]
    fn new_checked_errors_are_precise() {
        assert_eq!(
            NlaBuffer::new_checked(&[8u8, 0][..])
                .unwrap_err()
                .to_string(),
            "attribute header: expected at least 4 bytes, got 2"
        );
        assert_eq!(
            NlaBuffer::new_checked(&[8u8, 0, 3, 0, 1][..])
                .unwrap_err()
                .to_string(),
            "attribute type 3: length field 8 exceeds the 5 bytes available"
        );
        assert_eq!(
            NlaBuffer::new_checked(&[2u8, 0, 3, 0][..])
                .unwrap_err()
                .to_string(),
            "attribute type 3: length field 2 is less than the header length 4"
        );
    }

    #[test]
    fn setters_build_an_attribute() {
        let mut bytes = [0u8; 8];
        let mut nla = NlaBuffer::new(&mut bytes[..]);
        nla.set_length(6);
        nla.set_kind(3);
        nla.set_nested_flag(true);
        nla.value_mut().copy_from_slice(&[0xaa, 0xbb]);
        nla.set_nested_flag(false);
        nla.set_network_byte_order_flag(true);
        assert_eq!(bytes, [6, 0, 3, 0x40, 0xaa, 0xbb, 0, 0]);
    }
}
