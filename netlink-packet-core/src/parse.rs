//! Parsers for attribute values: integers, strings, addresses.
//!
//! Each takes the value bytes and checks their length exactly; errors read
//! `expected N bytes, got M`. Integers are in native byte order unless the
//! name ends in `_be` (network byte order).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::DecodeError;

#[inline]
fn exact<const N: usize>(bytes: &[u8]) -> Result<[u8; N], DecodeError> {
    match <[u8; N]>::try_from(bytes) {
        Ok(array) => Ok(array),
        Err(_) => Err(wrong_length(N, bytes.len())),
    }
}

#[cold]
fn wrong_length(expected: usize, got: usize) -> DecodeError {
    DecodeError::new(format!(
        "expected {expected} byte{}, got {got}",
        if expected == 1 { "" } else { "s" }
    ))
}

macro_rules! int_parsers {
    ($($(#[$doc:meta])* $name:ident => $ty:ty, $from:ident;)*) => {$(
        $(#[$doc])*
        #[inline]
        pub fn $name(bytes: &[u8]) -> Result<$ty, DecodeError> {
            exact::<{ std::mem::size_of::<$ty>() }>(bytes).map(<$ty>::$from)
        }
    )*};
}

int_parsers! {
    /// A `u8` (exactly 1 byte).
    parse_u8 => u8, from_ne_bytes;
    /// A native-endian `u16` (exactly 2 bytes).
    parse_u16 => u16, from_ne_bytes;
    /// A native-endian `u32` (exactly 4 bytes).
    parse_u32 => u32, from_ne_bytes;
    /// A native-endian `u64` (exactly 8 bytes).
    parse_u64 => u64, from_ne_bytes;
    /// An `i8` (exactly 1 byte).
    parse_i8 => i8, from_ne_bytes;
    /// A native-endian `i16` (exactly 2 bytes).
    parse_i16 => i16, from_ne_bytes;
    /// A native-endian `i32` (exactly 4 bytes).
    parse_i32 => i32, from_ne_bytes;
    /// A native-endian `i64` (exactly 8 bytes).
    parse_i64 => i64, from_ne_bytes;
    /// A big-endian (network order) `u16` (exactly 2 bytes).
    parse_u16_be => u16, from_be_bytes;
    /// A big-endian (network order) `u32` (exactly 4 bytes).
    parse_u32_be => u32, from_be_bytes;
    /// A big-endian (network order) `u64` (exactly 8 bytes).
    parse_u64_be => u64, from_be_bytes;
}

/// A UTF-8 string; one trailing NUL, if present, is stripped.
///
/// ```
/// use netlink_packet_core::parse_string;
/// assert_eq!(parse_string(b"eth0\0").unwrap(), "eth0");
/// assert_eq!(parse_string(b"eth0").unwrap(), "eth0");
/// ```
pub fn parse_string(bytes: &[u8]) -> Result<String, DecodeError> {
    let bytes = bytes.strip_suffix(&[0]).unwrap_or(bytes);
    utf8(bytes)
}

/// A NUL-terminated UTF-8 string: the last byte must be the only NUL.
///
/// ```
/// use netlink_packet_core::parse_c_string;
/// assert_eq!(parse_c_string(b"lo\0").unwrap(), "lo");
/// assert_eq!(
///     parse_c_string(b"lo").unwrap_err().to_string(),
///     "string is not NUL-terminated"
/// );
/// ```
pub fn parse_c_string(bytes: &[u8]) -> Result<String, DecodeError> {
    let Some(content) = bytes.strip_suffix(&[0]) else {
        return Err(DecodeError::new("string is not NUL-terminated"));
    };
    if let Some(position) = content.iter().position(|&byte| byte == 0) {
        return Err(DecodeError::new(format!(
            "string has a NUL at byte {position} before its terminator at byte {}",
            content.len()
        )));
    }
    utf8(content)
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => Err(DecodeError::new(format!("invalid UTF-8 string: {error}"))),
    }
}

/// A MAC (Ethernet) address (exactly 6 bytes).
pub fn parse_mac(bytes: &[u8]) -> Result<[u8; 6], DecodeError> {
    exact::<6>(bytes)
}

/// An IPv4 address (exactly 4 bytes, network order).
pub fn parse_ipv4(bytes: &[u8]) -> Result<Ipv4Addr, DecodeError> {
    exact::<4>(bytes).map(Ipv4Addr::from)
}

/// An IPv6 address (exactly 16 bytes, network order).
pub fn parse_ipv6(bytes: &[u8]) -> Result<Ipv6Addr, DecodeError> {
    exact::<16>(bytes).map(Ipv6Addr::from)
}

/// An IPv4 or IPv6 address, told apart by length (4 or 16 bytes).
///
/// ```
/// use netlink_packet_core::parse_ip;
/// assert_eq!(parse_ip(&[127, 0, 0, 1]).unwrap().to_string(), "127.0.0.1");
/// assert_eq!(
///     parse_ip(&[1, 2, 3]).unwrap_err().to_string(),
///     "expected 4 or 16 bytes, got 3"
/// );
/// ```
pub fn parse_ip(bytes: &[u8]) -> Result<IpAddr, DecodeError> {
    if let Ok(array) = <[u8; 4]>::try_from(bytes) {
        Ok(IpAddr::V4(Ipv4Addr::from(array)))
    } else if let Ok(array) = <[u8; 16]>::try_from(bytes) {
        Ok(IpAddr::V6(Ipv6Addr::from(array)))
    } else {
        Err(DecodeError::new(format!(
            "expected 4 or 16 bytes, got {}",
            bytes.len()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_check_exact_length() {
        assert_eq!(parse_u8(&[7]), Ok(7));
        assert_eq!(parse_u16(&1234u16.to_ne_bytes()), Ok(1234));
        assert_eq!(parse_u32(&0xdead_beefu32.to_ne_bytes()), Ok(0xdead_beef));
        assert_eq!(parse_u64(&u64::MAX.to_ne_bytes()), Ok(u64::MAX));
        assert_eq!(parse_i8(&[0xff]), Ok(-1));
        assert_eq!(parse_i16(&(-2i16).to_ne_bytes()), Ok(-2));
        assert_eq!(parse_i32(&(-3i32).to_ne_bytes()), Ok(-3));
        assert_eq!(parse_i64(&(-4i64).to_ne_bytes()), Ok(-4));
        assert_eq!(parse_u16_be(&[0x12, 0x34]), Ok(0x1234));
        assert_eq!(parse_u32_be(&[0, 0, 0x12, 0x34]), Ok(0x1234));
        assert_eq!(parse_u64_be(&[0, 0, 0, 0, 0, 0, 0x12, 0x34]), Ok(0x1234));
        assert_eq!(
            parse_u8(&[]).unwrap_err().to_string(),
            "expected 1 byte, got 0"
        );
        assert_eq!(
            parse_u32(&[1, 2, 3, 4, 5]).unwrap_err().to_string(),
            "expected 4 bytes, got 5"
        );
        assert_eq!(
            parse_u64_be(&[1]).unwrap_err().to_string(),
            "expected 8 bytes, got 1"
        );
    }

    #[test]
    fn strings() {
        assert_eq!(parse_string(b"a\0b\0").unwrap(), "a\0b");
        assert_eq!(parse_string(b"").unwrap(), "");
        assert_eq!(
            parse_string(&[0xff, 0]).unwrap_err().message(),
            "invalid UTF-8 string: invalid utf-8 sequence of 1 bytes from index 0"
        );
        assert_eq!(parse_c_string(b"\0").unwrap(), "");
        assert_eq!(
            parse_c_string(b"a\0b\0").unwrap_err().to_string(),
            "string has a NUL at byte 1 before its terminator at byte 3"
        );
        assert!(parse_c_string(b"").is_err());
    }

    #[test]
    fn addresses() {
        assert_eq!(parse_mac(&[2, 0, 0, 0, 0, 1]), Ok([2, 0, 0, 0, 0, 1]));
        assert_eq!(
            parse_mac(&[2, 0]).unwrap_err().to_string(),
            "expected 6 bytes, got 2"
        );
        assert_eq!(parse_ipv4(&[10, 0, 0, 1]), Ok(Ipv4Addr::new(10, 0, 0, 1)));
        assert_eq!(parse_ipv6(&[0; 16]), Ok(Ipv6Addr::UNSPECIFIED));
        let mut v6 = [0u8; 16];
        v6[15] = 1;
        assert_eq!(parse_ip(&v6), Ok(IpAddr::V6(Ipv6Addr::LOCALHOST)));
        assert!(parse_ip(&[0; 15]).is_err());
    }
}
