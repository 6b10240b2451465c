//! Arrays of integers indexed by a kernel enum (devconf, SNMP counters).

/// Declares a newtype over `Vec<$int>` whose entries are indexed by the
/// `$key` enum, with its wire codec (a packed native-endian array).
macro_rules! int_array {
    (
        $(#[$meta:meta])*
        pub struct $name:ident(Vec<$int:ty>) indexed by $key:ident from $base:literal;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
        pub struct $name(pub Vec<$int>);

        impl $name {
            /// The value of `key`, if the kernel sent that many entries.
            #[inline]
            pub fn get(&self, key: $key) -> Option<$int> {
                (key as usize).checked_sub($base).and_then(|index| self.0.get(index).copied())
            }

            /// Sets the value of `key`, growing the array with zeros if
            /// needed.
            pub fn set(&mut self, key: $key, value: $int) {
                let Some(index) = (key as usize).checked_sub($base) else {
                    return;
                };
                if self.0.len() <= index {
                    self.0.resize(index + 1, 0);
                }
                self.0[index] = value;
            }
        }

        impl $crate::link::codec::WireValue for $name {
            fn decode_value(bytes: &[u8]) -> Result<Self, netlink_packet_core::DecodeError> {
                const WORD: usize = std::mem::size_of::<$int>();
                if bytes.len() % WORD != 0 {
                    return Err(netlink_packet_core::DecodeError::new(format!(
                        "array of {WORD}-byte values has a length of {} bytes",
                        bytes.len()
                    )));
                }
                let mut values: Vec<$int> = vec![0; bytes.len() / WORD];
                for (value, chunk) in values.iter_mut().zip(bytes.chunks_exact(WORD)) {
                    if let Ok(word) = <[u8; WORD]>::try_from(chunk) {
                        *value = <$int>::from_ne_bytes(word);
                    }
                }
                Ok($name(values))
            }

            fn value_len(&self) -> usize {
                self.0.len() * std::mem::size_of::<$int>()
            }

            fn emit_value(&self, buffer: &mut [u8]) {
                for (chunk, value) in buffer
                    .chunks_exact_mut(std::mem::size_of::<$int>())
                    .zip(&self.0)
                {
                    chunk.copy_from_slice(&value.to_ne_bytes());
                }
            }
        }
    };
}

pub(crate) use int_array;
