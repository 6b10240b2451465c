//! Writers for attribute values, the counterparts of [`crate::parse`].
//!
//! Each writes at the start of `buffer` and panics if it is too short (a
//! caller bug: [`Nla::emit_value`](crate::Nla::emit_value) receives a buffer
//! of exactly [`Nla::value_len`](crate::Nla::value_len) bytes).

use std::net::IpAddr;

macro_rules! int_emitters {
    ($($(#[$doc:meta])* $name:ident => $ty:ty, $to:ident;)*) => {$(
        $(#[$doc])*
        #[inline]
        pub fn $name(buffer: &mut [u8], value: $ty) {
            let bytes = value.$to();
            buffer[..bytes.len()].copy_from_slice(&bytes);
        }
    )*};
}

int_emitters! {
    /// Writes a `u8`.
    emit_u8 => u8, to_ne_bytes;
    /// Writes a native-endian `u16`.
    emit_u16 => u16, to_ne_bytes;
    /// Writes a native-endian `u32`.
    emit_u32 => u32, to_ne_bytes;
    /// Writes a native-endian `u64`.
    emit_u64 => u64, to_ne_bytes;
    /// Writes an `i8`.
    emit_i8 => i8, to_ne_bytes;
    /// Writes a native-endian `i16`.
    emit_i16 => i16, to_ne_bytes;
    /// Writes a native-endian `i32`.
    emit_i32 => i32, to_ne_bytes;
    /// Writes a native-endian `i64`.
    emit_i64 => i64, to_ne_bytes;
    /// Writes a big-endian (network order) `u16`.
    emit_u16_be => u16, to_be_bytes;
    /// Writes a big-endian (network order) `u32`.
    emit_u32_be => u32, to_be_bytes;
    /// Writes a big-endian (network order) `u64`.
    emit_u64_be => u64, to_be_bytes;
}

/// Writes the bytes of a string followed by a NUL (`value.len() + 1`
/// bytes), the form [`parse_c_string`](crate::parse_c_string) reads.
pub fn emit_c_string(buffer: &mut [u8], value: &str) {
    buffer[..value.len()].copy_from_slice(value.as_bytes());
    buffer[value.len()] = 0;
}

/// Writes an IP address in network order: 4 bytes for IPv4, 16 for IPv6.
pub fn emit_ip(buffer: &mut [u8], value: &IpAddr) {
    match value {
        IpAddr::V4(v4) => buffer[..4].copy_from_slice(&v4.octets()),
        IpAddr::V6(v6) => buffer[..16].copy_from_slice(&v6.octets()),
    }
}

/// Length of [`emit_ip`]'s output: 4 or 16.
pub fn ip_len(value: &IpAddr) -> usize {
    match value {
        IpAddr::V4(_) => 4,
        IpAddr::V6(_) => 16,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::*;

    #[test]
    fn emitters_invert_parsers() {
        let mut buf = [0u8; 16];
        emit_u16(&mut buf, 0xabcd);
        assert_eq!(parse_u16(&buf[..2]), Ok(0xabcd));
        emit_u32_be(&mut buf, 0x0102_0304);
        assert_eq!(&buf[..4], &[1, 2, 3, 4]);
        emit_i64(&mut buf, -9);
        assert_eq!(parse_i64(&buf[..8]), Ok(-9));
        emit_c_string(&mut buf, "lo");
        assert_eq!(&buf[..3], b"lo\0");
        let ip: IpAddr = "10.1.2.3".parse().unwrap();
        emit_ip(&mut buf, &ip);
        assert_eq!(parse_ip(&buf[..ip_len(&ip)]), Ok(ip));
    }
}
