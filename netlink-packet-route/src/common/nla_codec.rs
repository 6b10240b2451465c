//! Crate-internal value codecs and the `nla_enum!` macro that builds typed
//! attribute enums (typed variants plus lossless `Other` / `Malformed`).

use std::marker::PhantomData;
use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::{
    parse_c_string, parse_ipv4, parse_ipv6, parse_u16, parse_u16_be, parse_u32, parse_u32_be,
    parse_u64, parse_u64_be, parse_u8, DecodeError, Emitable, Nla, NlaBuffer,
};

/// How one attribute value is decoded and emitted.
pub(crate) trait Codec {
    /// The decoded value.
    type Value;
    /// Whether the kernel sets `NLA_F_NESTED` on this attribute.
    const NESTED: bool = false;
    /// Decodes the value bytes.
    fn parse(bytes: &[u8]) -> Result<Self::Value, DecodeError>;
    /// Length of the emitted value.
    fn len(value: &Self::Value) -> usize;
    /// Writes the value (exactly `len` bytes).
    fn emit(value: &Self::Value, buffer: &mut [u8]);
}

macro_rules! int_codec {
    ($name:ident, $ty:ty, $parse:ident, $to:ident) => {
        pub(crate) struct $name;
        impl Codec for $name {
            type Value = $ty;
            #[inline]
            fn parse(bytes: &[u8]) -> Result<$ty, DecodeError> {
                $parse(bytes)
            }
            #[inline]
            fn len(_: &$ty) -> usize {
                std::mem::size_of::<$ty>()
            }
            #[inline]
            fn emit(value: &$ty, buffer: &mut [u8]) {
                buffer[..std::mem::size_of::<$ty>()].copy_from_slice(&value.$to());
            }
        }
    };
}

int_codec!(U8, u8, parse_u8, to_ne_bytes);
int_codec!(U16, u16, parse_u16, to_ne_bytes);
int_codec!(U32, u32, parse_u32, to_ne_bytes);
int_codec!(U64, u64, parse_u64, to_ne_bytes);
int_codec!(U16Be, u16, parse_u16_be, to_be_bytes);
int_codec!(U32Be, u32, parse_u32_be, to_be_bytes);
int_codec!(U64Be, u64, parse_u64_be, to_be_bytes);

/// An IPv4 address.
pub(crate) struct Ipv4;
impl Codec for Ipv4 {
    type Value = Ipv4Addr;
    fn parse(bytes: &[u8]) -> Result<Ipv4Addr, DecodeError> {
        parse_ipv4(bytes)
    }
    fn len(_: &Ipv4Addr) -> usize {
        4
    }
    fn emit(value: &Ipv4Addr, buffer: &mut [u8]) {
        buffer[..4].copy_from_slice(&value.octets());
    }
}

/// An IPv6 address.
pub(crate) struct Ipv6;
impl Codec for Ipv6 {
    type Value = Ipv6Addr;
    fn parse(bytes: &[u8]) -> Result<Ipv6Addr, DecodeError> {
        parse_ipv6(bytes)
    }
    fn len(_: &Ipv6Addr) -> usize {
        16
    }
    fn emit(value: &Ipv6Addr, buffer: &mut [u8]) {
        buffer[..16].copy_from_slice(&value.octets());
    }
}

/// Opaque bytes.
pub(crate) struct Bytes;
impl Codec for Bytes {
    type Value = Vec<u8>;
    fn parse(bytes: &[u8]) -> Result<Vec<u8>, DecodeError> {
        Ok(bytes.to_vec())
    }
    fn len(value: &Vec<u8>) -> usize {
        value.len()
    }
    fn emit(value: &Vec<u8>, buffer: &mut [u8]) {
        buffer[..value.len()].copy_from_slice(value);
    }
}

/// A NUL-terminated string.
pub(crate) struct CString;
impl Codec for CString {
    type Value = String;
    fn parse(bytes: &[u8]) -> Result<String, DecodeError> {
        parse_c_string(bytes)
    }
    fn len(value: &String) -> usize {
        value.len() + 1
    }
    fn emit(value: &String, buffer: &mut [u8]) {
        buffer[..value.len()].copy_from_slice(value.as_bytes());
        buffer[value.len()] = 0;
    }
}

/// A numeric enum or bit set stored as a native-endian `u32`.
pub(crate) struct U32As<T>(PhantomData<T>);
impl<T: From<u32> + Copy> Codec for U32As<T>
where
    u32: From<T>,
{
    type Value = T;
    fn parse(bytes: &[u8]) -> Result<T, DecodeError> {
        parse_u32(bytes).map(T::from)
    }
    fn len(_: &T) -> usize {
        4
    }
    fn emit(value: &T, buffer: &mut [u8]) {
        buffer[..4].copy_from_slice(&u32::from(*value).to_ne_bytes());
    }
}

/// Attribute enums decodable one attribute at a time.
pub(crate) trait ParseNla: Sized {
    /// Decodes one attribute, never failing (bad values become `Malformed`).
    fn parse_nla(nla: NlaBuffer<&[u8]>) -> Self;
}

/// A nested list of attributes, emitted without `NLA_F_NESTED`.
pub(crate) struct Nested<T>(PhantomData<T>);
impl<T: ParseNla + Nla> Codec for Nested<T> {
    type Value = Vec<T>;
    fn parse(bytes: &[u8]) -> Result<Vec<T>, DecodeError> {
        super::nla_list::parse_nested_nla_list(bytes, T::parse_nla)
    }
    fn len(value: &Vec<T>) -> usize {
        value.as_slice().buffer_len()
    }
    fn emit(value: &Vec<T>, buffer: &mut [u8]) {
        value.as_slice().emit(buffer)
    }
}

/// A nested list of attributes, emitted with `NLA_F_NESTED`.
pub(crate) struct NestedFlagged<T>(PhantomData<T>);
impl<T: ParseNla + Nla> Codec for NestedFlagged<T> {
    type Value = Vec<T>;
    const NESTED: bool = true;
    fn parse(bytes: &[u8]) -> Result<Vec<T>, DecodeError> {
        Nested::<T>::parse(bytes)
    }
    fn len(value: &Vec<T>) -> usize {
        Nested::<T>::len(value)
    }
    fn emit(value: &Vec<T>, buffer: &mut [u8]) {
        Nested::<T>::emit(value, buffer)
    }
}

/// Declares an attribute enum: one typed variant per known attribute type
/// (`Variant(Type) = KIND_CONSTANT: Codec`), plus `Other(RawNla)` for
/// unknown types and `Malformed(Box<MalformedNla>)` for known types whose
/// value does not decode. Implements `parse(NlaBuffer) -> Self`, `Nla`
/// and `ParseNla`. An attribute whose flag bits differ from the canonical
/// ones is kept as `Other`, so re-emitting is always byte-identical.
macro_rules! nla_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident($ty:ty) = $kind:ident : $codec:ty,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$vmeta])*
                $variant($ty),
            )*
            /// An attribute without a type here, kept raw (flags included).
            Other(netlink_packet_core::RawNla),
            /// A known attribute whose value could not be decoded, kept raw
            /// with the reason.
            Malformed(Box<netlink_packet_core::MalformedNla>),
        }

        impl $name {
            /// Decodes one attribute. Never fails: unknown types become
            /// `Other`, undecodable values `Malformed`.
            pub fn parse(nla: netlink_packet_core::NlaBuffer<&[u8]>) -> Self {
                #[allow(unused_imports)]
                use $crate::common::nla_codec::Codec as _;
                let value = nla.value();
                let raw_kind = nla.raw_kind();
                $(
                    if raw_kind
                        == ($kind
                            | if <$codec>::NESTED {
                                netlink_packet_core::NLA_F_NESTED
                            } else {
                                0
                            })
                    {
                        return match <$codec>::parse(value) {
                            Ok(parsed) => $name::$variant(parsed),
                            Err(error) => $name::Malformed(
                                $crate::common::nla_list::malformed(&nla, error, stringify!($kind)),
                            ),
                        };
                    }
                )*
                $name::Other(netlink_packet_core::RawNla::new(raw_kind, value))
            }
        }

        impl $crate::common::nla_codec::ParseNla for $name {
            fn parse_nla(nla: netlink_packet_core::NlaBuffer<&[u8]>) -> Self {
                $name::parse(nla)
            }
        }

        impl netlink_packet_core::Nla for $name {
            fn value_len(&self) -> usize {
                #[allow(unused_imports)]
                use $crate::common::nla_codec::Codec as _;
                match self {
                    $( $name::$variant(value) => <$codec>::len(value), )*
                    $name::Other(raw) => raw.value_len(),
                    $name::Malformed(bad) => bad.value_len(),
                }
            }

            fn kind(&self) -> u16 {
                match self {
                    $( $name::$variant(_) => $kind, )*
                    $name::Other(raw) => raw.kind(),
                    $name::Malformed(bad) => bad.kind(),
                }
            }

            fn emit_value(&self, buffer: &mut [u8]) {
                #[allow(unused_imports)]
                use $crate::common::nla_codec::Codec as _;
                match self {
                    $( $name::$variant(value) => <$codec>::emit(value, buffer), )*
                    $name::Other(raw) => raw.emit_value(buffer),
                    $name::Malformed(bad) => bad.emit_value(buffer),
                }
            }

            fn is_nested(&self) -> bool {
                #[allow(unused_imports)]
                use $crate::common::nla_codec::Codec as _;
                match self {
                    $( $name::$variant(_) => <$codec>::NESTED, )*
                    $name::Other(raw) => raw.is_nested(),
                    $name::Malformed(bad) => bad.is_nested(),
                }
            }

            fn is_network_byteorder(&self) -> bool {
                match self {
                    $name::Other(raw) => raw.is_network_byteorder(),
                    $name::Malformed(bad) => bad.is_network_byteorder(),
                    _ => false,
                }
            }
        }
    };
}

pub(crate) use nla_enum;

/// A bit set stored as a native-endian `u32`.
pub(crate) struct U32Flags<T>(PhantomData<T>);
impl<T: bitflags::Flags<Bits = u32> + Copy> Codec for U32Flags<T> {
    type Value = T;
    fn parse(bytes: &[u8]) -> Result<T, DecodeError> {
        parse_u32(bytes).map(T::from_bits_retain)
    }
    fn len(_: &T) -> usize {
        4
    }
    fn emit(value: &T, buffer: &mut [u8]) {
        buffer[..4].copy_from_slice(&value.bits().to_ne_bytes());
    }
}
