//! Arrays of integers indexed by a kernel enum (devconf, SNMP counters),
//! stored inline up to a capacity so that decoding does not allocate.

/// Declares either a newtype over `Vec<$int>` or (for short arrays, whose
/// inline storage keeps the attribute enum small) an inline array of up to
/// `$cap` `$int`s (heap beyond), whose entries are indexed by the
/// `$key` enum, with its wire codec (a packed native-endian array).
macro_rules! int_array {
    (
        $(#[$meta:meta])*
        pub struct $name:ident(Vec<$int:ty>) indexed by $key:ident from $base:literal;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
        pub struct $name(pub Vec<$int>);

        impl From<Vec<$int>> for $name {
            fn from(values: Vec<$int>) -> Self {
                $name(values)
            }
        }

        impl From<&[$int]> for $name {
            fn from(values: &[$int]) -> Self {
                $name(values.to_vec())
            }
        }

        impl $name {
            /// All values, in key order.
            #[inline]
            pub fn as_slice(&self) -> &[$int] {
                &self.0
            }

            /// The number of values the kernel sent.
            #[inline]
            pub fn len(&self) -> usize {
                self.0.len()
            }

            /// Whether the array has no values.
            #[inline]
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }

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
                if let Some(slot) = self.0.get_mut(index) {
                    *slot = value;
                }
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
                // Exact size, no zero-filling first.
                let mut values: Vec<$int> = Vec::with_capacity(bytes.len() / WORD);
                values.extend(bytes.chunks_exact(WORD).map(|word| {
                    // Always WORD bytes (`chunks_exact`): the fallback is dead code.
                    <$int>::from_ne_bytes(word.try_into().unwrap_or([0; WORD]))
                }));
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
    (
        $(#[$meta:meta])*
        pub struct $name:ident([$int:ty; $cap:literal]) indexed by $key:ident from $base:literal;
    ) => {
        $(#[$meta])*
        ///
        /// Up to
        #[doc = stringify!($cap)]
        /// values are stored inline (no allocation); longer arrays (from a
        /// newer kernel) are kept whole on the heap.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name {
            // Invariants (the derived comparisons rely on them): `heap` is
            // empty unless `len > $cap`, in which case it holds all values
            // and `inline` is all zero; otherwise `inline[len..]` is zero.
            len: usize,
            inline: [$int; $cap],
            heap: Vec<$int>,
        }

        impl Default for $name {
            fn default() -> Self {
                $name { len: 0, inline: [0; $cap], heap: Vec::new() }
            }
        }

        impl From<&[$int]> for $name {
            fn from(values: &[$int]) -> Self {
                let mut array = $name::default();
                array.len = values.len();
                match array.inline.get_mut(..values.len()) {
                    Some(inline) => inline.copy_from_slice(values),
                    None => array.heap = values.to_vec(),
                }
                array
            }
        }

        impl From<Vec<$int>> for $name {
            fn from(values: Vec<$int>) -> Self {
                $name::from(values.as_slice())
            }
        }

        impl $name {
            /// All values, in key order.
            #[inline]
            pub fn as_slice(&self) -> &[$int] {
                if self.len > $cap {
                    &self.heap
                } else {
                    self.inline.get(..self.len).unwrap_or_default()
                }
            }

            /// The number of values the kernel sent.
            #[inline]
            pub fn len(&self) -> usize {
                self.len
            }

            /// Whether the array has no values.
            #[inline]
            pub fn is_empty(&self) -> bool {
                self.len == 0
            }

            /// The value of `key`, if the kernel sent that many entries.
            #[inline]
            pub fn get(&self, key: $key) -> Option<$int> {
                (key as usize).checked_sub($base).and_then(|index| self.as_slice().get(index).copied())
            }

            /// Sets the value of `key`, growing the array with zeros if
            /// needed.
            pub fn set(&mut self, key: $key, value: $int) {
                let Some(index) = (key as usize).checked_sub($base) else {
                    return;
                };
                if index >= self.len {
                    if index >= $cap && self.len <= $cap {
                        self.heap = self.as_slice().to_vec();
                        self.inline = [0; $cap];
                    }
                    self.len = index + 1;
                    if self.len > $cap {
                        self.heap.resize(self.len, 0);
                    }
                }
                let values = if self.len > $cap {
                    self.heap.get_mut(index)
                } else {
                    self.inline.get_mut(index)
                };
                if let Some(slot) = values {
                    *slot = value;
                }
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
                let mut array = $name::default();
                array.len = bytes.len() / WORD;
                // Always WORD bytes (`chunks_exact`): the fallback is dead code.
                let words = bytes
                    .chunks_exact(WORD)
                    .map(|word| <$int>::from_ne_bytes(word.try_into().unwrap_or([0; WORD])));
                if array.len <= $cap {
                    for (value, word) in array.inline.iter_mut().zip(words) {
                        *value = word;
                    }
                } else {
                    array.heap = words.collect();
                }
                Ok(array)
            }

            fn value_len(&self) -> usize {
                self.len * std::mem::size_of::<$int>()
            }

            fn emit_value(&self, buffer: &mut [u8]) {
                for (chunk, value) in buffer
                    .chunks_exact_mut(std::mem::size_of::<$int>())
                    .zip(self.as_slice())
                {
                    chunk.copy_from_slice(&value.to_ne_bytes());
                }
            }
        }
    };
}

pub(crate) use int_array;
