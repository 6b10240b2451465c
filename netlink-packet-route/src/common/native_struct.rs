//! C structures made only of native-endian integers of one width (cache
//! info, statistics, ranges), declared once: [`native_struct!`] generates
//! the struct, its length, and the exact-length decoder and the emitter.

use netlink_packet_core::DecodeError;

/// The error of a structure value of the wrong length.
#[cold]
#[inline(never)]
pub(crate) fn wrong_length(expected: usize, got: usize, c_struct: &str) -> DecodeError {
    DecodeError::new(format!(
        "expected {expected} bytes of {c_struct}, got {got}"
    ))
}

/// Declares `pub struct $name` of `$int` fields in wire order, with
/// `LEN`, `parse(&[u8])` (exactly `LEN` bytes, else an error naming the C
/// structure) and `emit(&self, &mut [u8])`.
///
/// ```text
/// native_struct! {
///     /// Doc of the struct.
///     pub struct FooCacheInfo: u32, "struct foo_cacheinfo" {
///         /// Doc of the field.
///         first,
///         second,
///     }
/// }
/// ```
macro_rules! native_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident: $int:ty, $c_struct:literal {
            $(
                $(#[$field_meta:meta])*
                $field:ident,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $int,
            )*
        }

        impl $name {
            /// Length on the wire.
            pub const LEN: usize = [$(stringify!($field)),*].len() * std::mem::size_of::<$int>();

            #[doc = concat!("Decodes the structure (`", $c_struct, "`, exactly [`Self::LEN`] bytes).")]
            pub fn parse(bytes: &[u8]) -> Result<Self, netlink_packet_core::DecodeError> {
                if bytes.len() != Self::LEN {
                    return Err($crate::common::native_struct::wrong_length(
                        Self::LEN,
                        bytes.len(),
                        $c_struct,
                    ));
                }
                let mut words = bytes
                    .chunks_exact(std::mem::size_of::<$int>())
                    .map(|chunk| chunk.try_into().map_or(0, <$int>::from_ne_bytes));
                Ok($name {
                    $( $field: words.next().unwrap_or_default(), )*
                })
            }

            /// Writes the structure at the start of `buffer`.
            ///
            /// # Panics
            ///
            /// If `buffer` is shorter than [`Self::LEN`].
            pub fn emit(&self, buffer: &mut [u8]) {
                let words = [$(self.$field),*];
                for (chunk, word) in buffer[..Self::LEN]
                    .chunks_exact_mut(std::mem::size_of::<$int>())
                    .zip(words)
                {
                    chunk.copy_from_slice(&word.to_ne_bytes());
                }
            }
        }
    };
}

pub(crate) use native_struct;
