//! Value codecs shared by the link attribute sets, and the macro that
//! generates an attribute enum with its parser and emitter from a table.
//!
//! Everything here is crate-private plumbing: the public face is the
//! generated enums (`LinkAttribute`, `InfoBridge`, ...).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::emit::emit_c_string;
use netlink_packet_core::{
    parse_c_string, parse_ip, DecodeError, Nla, NlaBuffer, RawNla, NLA_F_NESTED,
    NLA_F_NET_BYTEORDER,
};

use crate::common::nla_list::parse_nested_nla_list;
use crate::link::{LinkName, Nested};

/// Decodes one attribute of an attribute set. Never fails: unknown types
/// become `Other`, values that do not decode become `Malformed`.
pub(crate) trait ParseAttr: Sized {
    fn parse_attr(nla: &NlaBuffer<&[u8]>) -> Self;
}

/// How one attribute value of type `T` is read and written.
pub(crate) trait Codec<T> {
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<T, DecodeError>;
    fn len(value: &T) -> usize;
    fn encode(value: &T, buffer: &mut [u8]);
    fn nested(_value: &T) -> bool {
        false
    }
}

/// Values with their own wire format (structs, enums over integers).
pub(crate) trait WireValue: Sized {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError>;
    fn value_len(&self) -> usize;
    fn emit_value(&self, buffer: &mut [u8]);
}

impl<T: WireValue> WireValue for Box<T> {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        T::decode_value(bytes).map(Box::new)
    }
    fn value_len(&self) -> usize {
        (**self).value_len()
    }
    fn emit_value(&self, buffer: &mut [u8]) {
        (**self).emit_value(buffer)
    }
}

/// The value of a non-nested attribute: flag bits would be lost on re-emit,
/// so an attribute carrying them is not decoded.
#[inline]
pub(crate) fn plain<'a>(nla: &'a NlaBuffer<&[u8]>) -> Result<&'a [u8], DecodeError> {
    if nla.raw_kind() & (NLA_F_NESTED | NLA_F_NET_BYTEORDER) != 0 {
        return Err(unexpected_flags(nla.raw_kind()));
    }
    Ok(nla.value())
}

#[cold]
fn unexpected_flags(raw_kind: u16) -> DecodeError {
    DecodeError::new(format!(
        "unexpected flag bits {:#06x} on a non-nested attribute",
        raw_kind & (NLA_F_NESTED | NLA_F_NET_BYTEORDER)
    ))
}

/// The value of a non-nested attribute of exactly `N` bytes: the fast path
/// reads the header once; anything unusual takes the precise slow path.
#[inline(always)]
pub(crate) fn fixed<const N: usize>(nla: &NlaBuffer<&[u8]>) -> Result<[u8; N], DecodeError> {
    let bytes: &[u8] = nla.inner();
    if let Some((&[l0, l1, k0, k1], rest)) = bytes.split_first_chunk::<4>() {
        if usize::from(u16::from_ne_bytes([l0, l1])) == 4 + N
            && u16::from_ne_bytes([k0, k1]) & (NLA_F_NESTED | NLA_F_NET_BYTEORDER) == 0
        {
            if let Some(value) = rest.first_chunk::<N>() {
                return Ok(*value);
            }
        }
    }
    fixed_slow(nla)
}

#[cold]
#[inline(never)]
fn fixed_slow<const N: usize>(nla: &NlaBuffer<&[u8]>) -> Result<[u8; N], DecodeError> {
    exact(plain(nla)?)
}

/// Exactly `N` bytes.
#[inline]
pub(crate) fn exact<const N: usize>(bytes: &[u8]) -> Result<[u8; N], DecodeError> {
    <[u8; N]>::try_from(bytes).map_err(|_| wrong_length(N, bytes.len()))
}

#[cold]
pub(crate) fn wrong_length(expected: usize, got: usize) -> DecodeError {
    let unit = if expected == 1 { "byte" } else { "bytes" };
    DecodeError::new(format!("expected {expected} {unit}, got {got}"))
}

/// Reads a native-endian `u32` at `index` (in `u32` units) of an array;
/// the caller has checked the length.
#[inline]
pub(crate) fn u32_at(bytes: &[u8], index: usize) -> u32 {
    let mut word = [0u8; 4];
    if let Some(chunk) = bytes.get(index * 4..index * 4 + 4) {
        word.copy_from_slice(chunk);
    }
    u32::from_ne_bytes(word)
}

/// Reads a native-endian `u64` at `index` (in `u64` units) of an array;
/// the caller has checked the length.
#[inline]
pub(crate) fn u64_at(bytes: &[u8], index: usize) -> u64 {
    let mut word = [0u8; 8];
    if let Some(chunk) = bytes.get(index * 8..index * 8 + 8) {
        word.copy_from_slice(chunk);
    }
    u64::from_ne_bytes(word)
}

/// Native-endian integers.
pub(crate) struct Ne;
/// Big-endian (network order) integers.
pub(crate) struct Be;
/// NUL-terminated UTF-8 strings.
pub(crate) struct Str;
/// Opaque bytes.
pub(crate) struct Bytes;
/// Ethernet MAC addresses.
pub(crate) struct Mac;
/// IPv4 addresses, IPv6 addresses, either (by length).
pub(crate) struct V4;
pub(crate) struct V6;
pub(crate) struct Ip;
/// Nested attribute lists.
pub(crate) struct Nest;
/// Values implementing [`WireValue`].
pub(crate) struct Val;

macro_rules! int_codecs {
    ($($ty:ty),*) => {$(
        impl Codec<$ty> for Ne {
            #[inline]
            fn decode(nla: &NlaBuffer<&[u8]>) -> Result<$ty, DecodeError> {
                fixed(nla).map(<$ty>::from_ne_bytes)
            }
            #[inline]
            fn len(_: &$ty) -> usize {
                std::mem::size_of::<$ty>()
            }
            #[inline]
            fn encode(value: &$ty, buffer: &mut [u8]) {
                buffer.copy_from_slice(&value.to_ne_bytes());
            }
        }
        impl Codec<$ty> for Be {
            #[inline]
            fn decode(nla: &NlaBuffer<&[u8]>) -> Result<$ty, DecodeError> {
                fixed(nla).map(<$ty>::from_be_bytes)
            }
            #[inline]
            fn len(_: &$ty) -> usize {
                std::mem::size_of::<$ty>()
            }
            #[inline]
            fn encode(value: &$ty, buffer: &mut [u8]) {
                buffer.copy_from_slice(&value.to_be_bytes());
            }
        }
    )*};
}

int_codecs!(u8, u16, u32, u64, i8, i16, i32, i64);

impl Codec<String> for Str {
    #[inline]
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<String, DecodeError> {
        parse_c_string(plain(nla)?)
    }
    #[inline]
    fn len(value: &String) -> usize {
        value.len() + 1
    }
    #[inline]
    fn encode(value: &String, buffer: &mut [u8]) {
        emit_c_string(buffer, value)
    }
}

impl Codec<LinkName> for Str {
    #[inline]
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<LinkName, DecodeError> {
        LinkName::parse_c_string(plain(nla)?)
    }
    #[inline]
    fn len(value: &LinkName) -> usize {
        value.len() + 1
    }
    #[inline]
    fn encode(value: &LinkName, buffer: &mut [u8]) {
        let (text, nul) = buffer.split_at_mut(value.len());
        text.copy_from_slice(value.as_bytes());
        nul[0] = 0;
    }
}

impl Codec<Vec<u8>> for Bytes {
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<Vec<u8>, DecodeError> {
        Ok(plain(nla)?.to_vec())
    }
    fn len(value: &Vec<u8>) -> usize {
        value.len()
    }
    fn encode(value: &Vec<u8>, buffer: &mut [u8]) {
        buffer.copy_from_slice(value)
    }
}

impl Codec<[u8; 6]> for Mac {
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<[u8; 6], DecodeError> {
        fixed(nla)
    }
    fn len(_: &[u8; 6]) -> usize {
        6
    }
    fn encode(value: &[u8; 6], buffer: &mut [u8]) {
        buffer.copy_from_slice(value)
    }
}

impl Codec<Ipv4Addr> for V4 {
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<Ipv4Addr, DecodeError> {
        fixed::<4>(nla).map(Ipv4Addr::from)
    }
    fn len(_: &Ipv4Addr) -> usize {
        4
    }
    fn encode(value: &Ipv4Addr, buffer: &mut [u8]) {
        buffer.copy_from_slice(&value.octets())
    }
}

impl Codec<Ipv6Addr> for V6 {
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<Ipv6Addr, DecodeError> {
        fixed::<16>(nla).map(Ipv6Addr::from)
    }
    fn len(_: &Ipv6Addr) -> usize {
        16
    }
    fn encode(value: &Ipv6Addr, buffer: &mut [u8]) {
        buffer.copy_from_slice(&value.octets())
    }
}

impl Codec<IpAddr> for Ip {
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<IpAddr, DecodeError> {
        parse_ip(plain(nla)?)
    }
    fn len(value: &IpAddr) -> usize {
        match value {
            IpAddr::V4(_) => 4,
            IpAddr::V6(_) => 16,
        }
    }
    fn encode(value: &IpAddr, buffer: &mut [u8]) {
        match value {
            IpAddr::V4(v4) => buffer.copy_from_slice(&v4.octets()),
            IpAddr::V6(v6) => buffer.copy_from_slice(&v6.octets()),
        }
    }
}

impl<T: WireValue> Codec<T> for Val {
    #[inline]
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<T, DecodeError> {
        T::decode_value(plain(nla)?)
    }
    #[inline]
    fn len(value: &T) -> usize {
        value.value_len()
    }
    #[inline]
    fn encode(value: &T, buffer: &mut [u8]) {
        value.emit_value(buffer)
    }
}

impl<T: ParseAttr + Nla> Codec<Nested<T>> for Nest {
    #[inline]
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<Nested<T>, DecodeError> {
        parse_nest(nla)
    }
    #[inline]
    fn len(value: &Nested<T>) -> usize {
        value.value_len()
    }
    #[inline]
    fn encode(value: &Nested<T>, buffer: &mut [u8]) {
        value.emit_value(buffer)
    }
    #[inline]
    fn nested(value: &Nested<T>) -> bool {
        value.nested_flag
    }
}

/// Decodes the attributes of a nest into a [`Nested`] that remembers the
/// nest's `NLA_F_NESTED` flag; `NLA_F_NET_BYTEORDER` on a nest is refused.
#[inline]
pub(crate) fn parse_nest<T: ParseAttr>(nla: &NlaBuffer<&[u8]>) -> Result<Nested<T>, DecodeError> {
    parse_nest_with(nla, T::parse_attr)
}

/// Like [`parse_nest`] with an explicit per-attribute parser.
///
/// The attribute stream itself must be well formed (each length within
/// bounds); a broken stream is an error for the enclosing attribute. The
/// value of a nest ends with the padding of its last attribute (the
/// kernel's `nla_nest_end` counts it): a nest without it would not re-emit
/// identically, so it is refused.
#[inline]
pub(crate) fn parse_nest_with<T>(
    nla: &NlaBuffer<&[u8]>,
    mut parse: impl FnMut(&NlaBuffer<&[u8]>) -> T,
) -> Result<Nested<T>, DecodeError> {
    if nla.network_byte_order_flag() {
        return Err(DecodeError::new("unexpected NLA_F_NET_BYTEORDER flag"));
    }
    let attributes = parse_nested_nla_list(nla.value(), |nla| parse(&nla))?;
    Ok(Nested::with_flag(attributes, nla.nested_flag()))
}

/// Generates an attribute enum, its `Nla` implementation and its
/// `ParseAttr` implementation from a table of
/// `Variant(Type, Codec) = KERNEL_NAME(number)` entries.
///
/// `flags { ... }` lists attributes whose presence is the value (empty);
/// `custom { ... }` lists variants that are part of the enum and emitted by
/// it, but decoded by hand-written code before the table is consulted.
macro_rules! attribute_set {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident($ty:ty, $codec:ident) = $cname:ident($kind:literal),
            )*
        }
        $(flags {
            $(
                $(#[$fmeta:meta])*
                $fvariant:ident = $fcname:ident($fkind:literal),
            )*
        })?
        $(custom {
            $(
                $(#[$cmeta:meta])*
                $cvariant:ident($cty:ty, $ccodec:ident) = $ccname:ident($ckind:literal),
            )*
        })?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("\n\nKernel: `", stringify!($cname), "` (", stringify!($kind), ").")]
                $variant($ty),
            )*
            $($(
                $(#[$fmeta])*
                #[doc = concat!("\n\nKernel: `", stringify!($fcname), "` (", stringify!($fkind), "), a flag without value.")]
                $fvariant,
            )*)?
            $($(
                $(#[$cmeta])*
                #[doc = concat!("\n\nKernel: `", stringify!($ccname), "` (", stringify!($ckind), ").")]
                $cvariant($cty),
            )*)?
            /// An attribute of a type not known here, kept raw (flag bits included).
            Other(netlink_packet_core::RawNla),
            /// A known attribute whose value could not be decoded, kept raw
            /// together with the decoding error.
            Malformed(Box<netlink_packet_core::MalformedNla>),
        }

        impl netlink_packet_core::Nla for $name {
            #[inline]
            fn value_len(&self) -> usize {
                #[allow(unused_imports)]
                use $crate::link::codec::Codec as _;
                match self {
                    $($name::$variant(value) => <$crate::link::codec::$codec as $crate::link::codec::Codec<$ty>>::len(value),)*
                    $($($name::$fvariant => 0,)*)?
                    $($($name::$cvariant(value) => <$crate::link::codec::$ccodec as $crate::link::codec::Codec<$cty>>::len(value),)*)?
                    $name::Other(raw) => raw.value_len(),
                    $name::Malformed(malformed) => malformed.value_len(),
                }
            }

            #[inline]
            fn kind(&self) -> u16 {
                match self {
                    $($name::$variant(_) => $kind,)*
                    $($($name::$fvariant => $fkind,)*)?
                    $($($name::$cvariant(_) => $ckind,)*)?
                    $name::Other(raw) => raw.kind(),
                    $name::Malformed(malformed) => malformed.kind(),
                }
            }

            #[inline]
            fn emit_value(&self, buffer: &mut [u8]) {
                match self {
                    $($name::$variant(value) => <$crate::link::codec::$codec as $crate::link::codec::Codec<$ty>>::encode(value, buffer),)*
                    $($($name::$fvariant => {})*)?
                    $($($name::$cvariant(value) => <$crate::link::codec::$ccodec as $crate::link::codec::Codec<$cty>>::encode(value, buffer),)*)?
                    $name::Other(raw) => raw.emit_value(buffer),
                    $name::Malformed(malformed) => malformed.emit_value(buffer),
                }
            }

            #[inline]
            fn is_nested(&self) -> bool {
                match self {
                    $($name::$variant(value) => <$crate::link::codec::$codec as $crate::link::codec::Codec<$ty>>::nested(value),)*
                    $($($name::$fvariant => false,)*)?
                    $($($name::$cvariant(value) => <$crate::link::codec::$ccodec as $crate::link::codec::Codec<$cty>>::nested(value),)*)?
                    $name::Other(raw) => raw.is_nested(),
                    $name::Malformed(malformed) => malformed.is_nested(),
                }
            }

            #[inline]
            fn is_network_byteorder(&self) -> bool {
                match self {
                    $name::Other(raw) => raw.is_network_byteorder(),
                    $name::Malformed(malformed) => malformed.is_network_byteorder(),
                    _ => false,
                }
            }
        }

        impl $crate::link::codec::ParseAttr for $name {
            #[inline]
            fn parse_attr(nla: &netlink_packet_core::NlaBuffer<&[u8]>) -> Self {
                match nla.kind() {
                    $($kind => match <$crate::link::codec::$codec as $crate::link::codec::Codec<$ty>>::decode(nla) {
                        Ok(value) => $name::$variant(value),
                        Err(error) => $name::Malformed($crate::common::nla_list::malformed(
                            nla,
                            error,
                            stringify!($cname),
                        )),
                    },)*
                    $($($fkind => {
                        if nla.raw_kind() == $fkind && nla.value_length() == 0 {
                            $name::$fvariant
                        } else {
                            $name::Malformed($crate::common::nla_list::malformed(
                                nla,
                                netlink_packet_core::DecodeError::new(
                                    "expected an empty flag attribute without flag bits",
                                ),
                                stringify!($fcname),
                            ))
                        }
                    })*)?
                    _ => $name::Other(netlink_packet_core::RawNla::new(nla.raw_kind(), nla.value())),
                }
            }
        }
    };
}

pub(crate) use attribute_set;

/// Declares a numeric enum with an `Other(n)` catch-all (the crate's
/// `numeric_enum!`) that is also a native-endian [`WireValue`].
macro_rules! numeric_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $int:ty {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $value:literal,
            )*
        }
    ) => {
        $crate::common::numeric_enum::numeric_enum! {
            $(#[$meta])*
            pub enum $name: $int {
                $(
                    $(#[$vmeta])*
                    $variant = $value,
                )*
            }
        }

        impl $crate::link::codec::WireValue for $name {
            #[inline]
            fn decode_value(bytes: &[u8]) -> Result<Self, netlink_packet_core::DecodeError> {
                $crate::link::codec::exact(bytes).map(|b| $name::from(<$int>::from_ne_bytes(b)))
            }
            #[inline]
            fn value_len(&self) -> usize {
                std::mem::size_of::<$int>()
            }
            #[inline]
            fn emit_value(&self, buffer: &mut [u8]) {
                buffer.copy_from_slice(&<$int>::from(*self).to_ne_bytes());
            }
        }
    };
}

pub(crate) use numeric_enum;

/// Declares a structure of native-endian `u32` fields (the crate's
/// `native_struct!`) that is also a [`WireValue`].
macro_rules! u32_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident = $c_struct:literal {
            $($(#[$fmeta:meta])* $field:ident,)*
        }
    ) => {
        $crate::common::native_struct::native_struct! {
            $(#[$meta])*
            pub struct $name: u32, $c_struct {
                $($(#[$fmeta])* $field,)*
            }
        }

        impl $crate::link::codec::WireValue for $name {
            #[inline]
            fn decode_value(bytes: &[u8]) -> Result<Self, netlink_packet_core::DecodeError> {
                $name::parse(bytes)
            }

            #[inline]
            fn value_len(&self) -> usize {
                $name::LEN
            }

            #[inline]
            fn emit_value(&self, buffer: &mut [u8]) {
                self.emit(buffer)
            }
        }
    };
}

pub(crate) use u32_struct;

impl ParseAttr for RawNla {
    #[inline]
    fn parse_attr(nla: &NlaBuffer<&[u8]>) -> Self {
        RawNla::new(nla.raw_kind(), nla.value())
    }
}

impl<const N: usize> WireValue for [u8; N] {
    #[inline]
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        exact(bytes)
    }
    #[inline]
    fn value_len(&self) -> usize {
        N
    }
    #[inline]
    fn emit_value(&self, buffer: &mut [u8]) {
        buffer.copy_from_slice(self)
    }
}

/// Values decoded by hand-written code that knows their context (the link
/// kind, the message family); the attribute enum only emits them.
pub(crate) trait ContextValue {
    fn context_len(&self) -> usize;
    fn context_emit(&self, buffer: &mut [u8]);
    fn context_nested(&self) -> bool;
}

/// Codec of [`ContextValue`]s.
pub(crate) struct Context;

impl<T: ContextValue> Codec<T> for Context {
    fn decode(_nla: &NlaBuffer<&[u8]>) -> Result<T, DecodeError> {
        Err(DecodeError::new("this attribute is decoded in its context"))
    }
    #[inline]
    fn len(value: &T) -> usize {
        value.context_len()
    }
    #[inline]
    fn encode(value: &T, buffer: &mut [u8]) {
        value.context_emit(buffer)
    }
    #[inline]
    fn nested(value: &T) -> bool {
        value.context_nested()
    }
}

/// Variable-width unsigned integers (`NLA_UINT`): 4 bytes when the value
/// fits, 8 otherwise, as the kernel's `nla_put_uint` writes them.
pub(crate) struct Uint;

impl Codec<u64> for Uint {
    #[inline]
    fn decode(nla: &NlaBuffer<&[u8]>) -> Result<u64, DecodeError> {
        let value = plain(nla)?;
        match value.len() {
            4 => exact::<4>(value).map(|b| u64::from(u32::from_ne_bytes(b))),
            8 => {
                let wide = exact::<8>(value).map(u64::from_ne_bytes)?;
                if wide <= u64::from(u32::MAX) {
                    return Err(DecodeError::new(
                        "8-byte variable-width integer whose value fits 4 bytes",
                    ));
                }
                Ok(wide)
            }
            got => Err(DecodeError::new(format!(
                "expected 4 or 8 bytes, got {got}"
            ))),
        }
    }
    #[inline]
    fn len(value: &u64) -> usize {
        if *value <= u64::from(u32::MAX) {
            4
        } else {
            8
        }
    }
    #[inline]
    fn encode(value: &u64, buffer: &mut [u8]) {
        match u32::try_from(*value) {
            Ok(narrow) => buffer.copy_from_slice(&narrow.to_ne_bytes()),
            Err(_) => buffer.copy_from_slice(&value.to_ne_bytes()),
        }
    }
}

/// An attribute that is an empty flag in requests and a `u8` in the
/// kernel's reports (e.g. `IFLA_VXLAN_TTL_INHERIT`).
impl WireValue for Option<u8> {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        match *bytes {
            [] => Ok(None),
            [value] => Ok(Some(value)),
            _ => Err(DecodeError::new(format!(
                "expected 0 or 1 byte, got {}",
                bytes.len()
            ))),
        }
    }
    fn value_len(&self) -> usize {
        usize::from(self.is_some())
    }
    fn emit_value(&self, buffer: &mut [u8]) {
        if let Some(value) = self {
            buffer[0] = *value;
        }
    }
}
