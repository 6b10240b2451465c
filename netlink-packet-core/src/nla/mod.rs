//! The netlink attribute (NLA, TLV) framework.
//!
//! An attribute is a 4-byte header (`u16` length including the header,
//! `u16` type whose two top bits are flags) followed by the value and padding
//! up to a multiple of 4 bytes.
//!
//! - [`NlaBuffer`]: a checked view over one attribute;
//! - [`NlasIterator`]: a zero-allocation iterator over the attributes of a
//!   byte slice;
//! - [`Nla`]: the trait of owned attributes, with a blanket [`Emitable`]
//!   implementation writing header, value and padding;
//! - [`RawNla`]: a catch-all that keeps any attribute byte-identically;
//! - [`MalformedNla`]: an attribute kept raw together with the reason it
//!   could not be decoded.
//!
//! [`Emitable`]: crate::Emitable

mod buffer;
mod iterator;
mod malformed;
mod raw;
mod traits;

pub use buffer::NlaBuffer;
pub use iterator::NlasIterator;
pub use malformed::MalformedNla;
pub use raw::RawNla;
pub use traits::Nla;

/// Flag bit of the attribute type: the value is a nested attribute list.
pub const NLA_F_NESTED: u16 = 0x8000;
/// Flag bit of the attribute type: the value is in network byte order.
pub const NLA_F_NET_BYTEORDER: u16 = 0x4000;
/// Mask of the attribute type without the flag bits.
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
/// Attributes are aligned to this many bytes.
pub const NLA_ALIGNTO: usize = 4;
/// Length of the attribute header.
pub const NLA_HEADER_SIZE: usize = 4;

/// Rounds `len` up to the attribute alignment (4 bytes), saturating.
#[inline]
pub const fn nla_align(len: usize) -> usize {
    match len.checked_add(NLA_ALIGNTO - 1) {
        Some(sum) => sum & !(NLA_ALIGNTO - 1),
        None => usize::MAX & !(NLA_ALIGNTO - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment() {
        assert_eq!(nla_align(0), 0);
        assert_eq!(nla_align(1), 4);
        assert_eq!(nla_align(4), 4);
        assert_eq!(nla_align(5), 8);
        assert_eq!(nla_align(usize::MAX), usize::MAX & !3);
        assert_eq!(NLA_TYPE_MASK, 0x3fff);
    }
}
