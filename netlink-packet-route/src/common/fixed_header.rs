//! The fixed-size header that starts most rtnetlink messages, declared once:
//! [`fixed_header!`] generates the checked buffer view over a message
//! payload (field getters and setters, the attribute bytes after the
//! header) and the owned header with `Parseable` / `Emitable`, so that each
//! object only states its layout.

use netlink_packet_core::{DecodeError, ErrorContext, NlasIterator};

/// A header field stored native-endian at a fixed offset.
pub(crate) trait HeaderField: Copy {
    /// Reads the field from the start of `bytes`; zero if `bytes` is too
    /// short (the getters of an unchecked view never panic).
    fn read(bytes: &[u8]) -> Self;
    /// Writes the field at the start of `bytes`. Panics if `bytes` is too
    /// short, as every setter of a view smaller than its header.
    fn write(self, bytes: &mut [u8]);
}

macro_rules! integer_fields {
    ($($ty:ty),*) => {$(
        impl HeaderField for $ty {
            #[inline]
            fn read(bytes: &[u8]) -> Self {
                bytes.first_chunk().map_or(0, |bytes| <$ty>::from_ne_bytes(*bytes))
            }
            #[inline]
            fn write(self, bytes: &mut [u8]) {
                bytes[..std::mem::size_of::<$ty>()].copy_from_slice(&self.to_ne_bytes());
            }
        }
    )*};
}

integer_fields!(u8, u16, u32);

/// Reserved or opaque bytes.
impl<const N: usize> HeaderField for [u8; N] {
    #[inline]
    fn read(bytes: &[u8]) -> Self {
        bytes.first_chunk().copied().unwrap_or([0; N])
    }
    #[inline]
    fn write(self, bytes: &mut [u8]) {
        bytes[..N].copy_from_slice(&self);
    }
}

/// Bit sets stored in a header field: read with `from_bits_retain`, so
/// unknown bits are kept. Implement it (empty) for a `bitflags` type to use
/// that type in a [`fixed_header!`] layout.
pub(crate) trait FlagsField: bitflags::Flags<Bits: HeaderField> + Copy {}

impl<F: FlagsField> HeaderField for F {
    #[inline]
    fn read(bytes: &[u8]) -> Self {
        F::from_bits_retain(F::Bits::read(bytes))
    }
    #[inline]
    fn write(self, bytes: &mut [u8]) {
        self.bits().write(bytes)
    }
}

/// Reads the field at `offset` of `buffer` (zero if the buffer is short).
#[inline]
pub(crate) fn read_field<F: HeaderField>(buffer: &[u8], offset: usize) -> F {
    F::read(buffer.get(offset..).unwrap_or_default())
}

/// Writes the field at `offset` of `buffer`.
#[inline]
pub(crate) fn write_field<F: HeaderField>(buffer: &mut [u8], offset: usize, value: F) {
    value.write(&mut buffer[offset..])
}

/// Converts between an owned header field and its wire form (numeric enums
/// and their numbers, a type and itself).
#[inline]
pub(crate) fn convert<A, B: From<A>>(value: A) -> B {
    B::from(value)
}

/// Checks that a payload of `len` bytes holds the whole header of
/// `header_len` bytes; the error names the message and the C structure.
#[inline]
pub(crate) fn check_header_len(
    len: usize,
    header_len: usize,
    message: &str,
    c_struct: &str,
) -> Result<(), DecodeError> {
    if len < header_len {
        return Err(too_short(len, header_len, message, c_struct));
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn too_short(len: usize, header_len: usize, message: &str, c_struct: &str) -> DecodeError {
    DecodeError::new(format!(
        "{message}: expected at least {header_len} bytes of {c_struct}, got {len}"
    ))
}

/// The value of the first attribute of type `kind` (flag bits ignored) in
/// `bytes`; a framing error before it is an error of `message`.
pub(crate) fn find_attribute<'a>(
    bytes: &'a [u8],
    kind: u16,
    message: &'static str,
) -> Result<Option<&'a [u8]>, DecodeError> {
    for nla in NlasIterator::new(bytes) {
        let nla = nla.context(message)?;
        if nla.kind() == kind {
            return Ok(Some(nla.into_value()));
        }
    }
    Ok(None)
}

/// Declares a message's fixed header from its layout.
///
/// ```text
/// fixed_header! {
///     /// Doc of the view.
///     pub struct FooMessageBuffer;
///     /// Doc of the owned header.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
///     pub struct FooHeader;
///     // length constant, message name and C structure for errors
///     layout FOO_HEADER_LEN, "foo message", "struct foomsg" {
///         /// Doc of the getter.
///         family / set_family: u8 = "`foo_family`" @ 0,
///         flags / set_flags: FooFlags = "`foo_flags`" @ 4, // FooFlags: FlagsField
///     }
///     header {
///         /// Doc of the owned field.
///         pub family: AddressFamily = family / set_family,
///         pub flags: FooFlags = flags / set_flags,
///     }
/// }
/// ```
///
/// The view gets `new`, `new_checked` (the payload must hold the header),
/// `into_inner`, `payload`, one getter and setter per layout field (the
/// setter's doc says "Sets" and the quoted description), `attribute_bytes`
/// (`_mut`), `attributes` and `find_attribute`. Each owned field is read
/// and written through a getter / setter pair, converted with `From`; a
/// pair may also be written by hand (fields that are not one contiguous
/// run of bytes). Emitting zeroes the header first, so bytes the owned
/// header does not keep are written as zero.
macro_rules! fixed_header {
    (
        $(#[$buffer_meta:meta])*
        pub struct $buffer:ident;
        $(#[$header_meta:meta])*
        pub struct $header:ident;
        layout $len:ident, $message:literal, $c_struct:literal {
            $(
                $(#[$field_meta:meta])*
                $getter:ident / $setter:ident : $wire:ty = $c_name:literal @ $offset:expr,
            )*
        }
        header {
            $(
                $(#[$owned_meta:meta])*
                pub $owned:ident : $owned_ty:ty = $owned_getter:ident / $owned_setter:ident,
            )*
        }
    ) => {
        $(#[$buffer_meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $buffer<T> {
            buffer: T,
        }

        impl<T: AsRef<[u8]>> $buffer<T> {
            /// Wraps `buffer` without checking its length; getters of a
            /// short buffer return 0.
            pub fn new(buffer: T) -> Self {
                $buffer { buffer }
            }

            /// Wraps `buffer` after checking that it holds the whole header.
            pub fn new_checked(buffer: T) -> Result<Self, netlink_packet_core::DecodeError> {
                $crate::common::fixed_header::check_header_len(
                    buffer.as_ref().len(),
                    $len,
                    $message,
                    $c_struct,
                )?;
                Ok($buffer { buffer })
            }

            /// The wrapped buffer.
            pub fn into_inner(self) -> T {
                self.buffer
            }

            /// The whole payload: header and attributes.
            pub fn payload(&self) -> &[u8] {
                self.buffer.as_ref()
            }

            $(
                $(#[$field_meta])*
                #[inline]
                pub fn $getter(&self) -> $wire {
                    $crate::common::fixed_header::read_field(self.buffer.as_ref(), $offset)
                }
            )*

            /// The attribute bytes after the header.
            pub fn attribute_bytes(&self) -> &[u8] {
                self.buffer.as_ref().get($len..).unwrap_or_default()
            }

            /// Iterates over the attributes without allocating.
            pub fn attributes(&self) -> netlink_packet_core::NlasIterator<'_> {
                netlink_packet_core::NlasIterator::new(self.attribute_bytes())
            }

            /// The value of the first attribute of type `kind` (flag bits
            /// ignored).
            pub fn find_attribute(
                &self,
                kind: u16,
            ) -> Result<Option<&[u8]>, netlink_packet_core::DecodeError> {
                $crate::common::fixed_header::find_attribute(self.attribute_bytes(), kind, $message)
            }
        }

        impl<T: AsRef<[u8]> + AsMut<[u8]>> $buffer<T> {
            $(
                #[doc = concat!("Sets ", $c_name, ".")]
                #[inline]
                pub fn $setter(&mut self, value: $wire) {
                    $crate::common::fixed_header::write_field(self.buffer.as_mut(), $offset, value)
                }
            )*

            /// The attribute bytes after the header, writable.
            pub fn attribute_bytes_mut(&mut self) -> &mut [u8] {
                &mut self.buffer.as_mut()[$len..]
            }
        }

        $(#[$header_meta])*
        pub struct $header {
            $(
                $(#[$owned_meta])*
                pub $owned: $owned_ty,
            )*
        }

        impl<T: AsRef<[u8]>> netlink_packet_core::Parseable<$buffer<T>> for $header {
            fn parse(buf: &$buffer<T>) -> Result<Self, netlink_packet_core::DecodeError> {
                Ok($header {
                    $( $owned: $crate::common::fixed_header::convert(buf.$owned_getter()), )*
                })
            }
        }

        impl netlink_packet_core::Emitable for $header {
            fn buffer_len(&self) -> usize {
                $len
            }

            fn emit(&self, buffer: &mut [u8]) {
                let header = &mut buffer[..$len];
                header.fill(0);
                let mut buf = $buffer::new(header);
                $( buf.$owned_setter($crate::common::fixed_header::convert(self.$owned)); )*
            }
        }
    };
}

pub(crate) use fixed_header;
