//! Device counters: `IFLA_STATS` (`struct rtnl_link_stats`, 32-bit) and
//! `IFLA_STATS64` (`struct rtnl_link_stats64`).

use netlink_packet_core::DecodeError;

use crate::link::codec::WireValue;

/// Declares the device counter structures (one per counter width) from
/// one list of counters: the base counters, then the two optional newest
/// ones.
macro_rules! link_stats {
    (
        $(
            $(#[$meta:meta])*
            pub struct $name:ident: $int:ty;
        )*
        counters $counters:tt
        optional $optional:tt
    ) => {
        $(
            link_stats! {
                @one
                $(#[$meta])*
                pub struct $name: $int $counters $optional
            }
        )*
    };
    (
        @one
        $(#[$meta:meta])*
        pub struct $name:ident: $int:ty {
            $($(#[$fmeta:meta])* $field:ident,)*
        } {
            $(#[$nmeta:meta])* $nohandler:ident,
            $(#[$ometa:meta])* $otherhost:ident,
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $int,)*
            $(#[$nmeta])*
            pub $nohandler: Option<$int>,
            $(#[$ometa])*
            pub $otherhost: Option<$int>,
        }

        impl $name {
            const WORD: usize = std::mem::size_of::<$int>();
            const BASE_FIELDS: usize = [$(stringify!($field)),*].len();

            fn field_count(&self) -> usize {
                if self.$otherhost.is_some() {
                    Self::BASE_FIELDS + 2
                } else if self.$nohandler.is_some() {
                    Self::BASE_FIELDS + 1
                } else {
                    Self::BASE_FIELDS
                }
            }
        }

        impl WireValue for $name {
            fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
                let words_len = bytes.len() / Self::WORD;
                if bytes.len() % Self::WORD != 0
                    || !(Self::BASE_FIELDS..=Self::BASE_FIELDS + 2).contains(&words_len)
                {
                    return Err(DecodeError::new(format!(
                        "expected {}, {} or {} bytes, got {}",
                        Self::BASE_FIELDS * Self::WORD,
                        (Self::BASE_FIELDS + 1) * Self::WORD,
                        (Self::BASE_FIELDS + 2) * Self::WORD,
                        bytes.len()
                    )));
                }
                let mut words = [0 as $int; Self::BASE_FIELDS + 2];
                for (word, chunk) in words.iter_mut().zip(bytes.chunks_exact(Self::WORD)) {
                    if let Ok(chunk) = <[u8; std::mem::size_of::<$int>()]>::try_from(chunk) {
                        *word = <$int>::from_ne_bytes(chunk);
                    }
                }
                let [$($field,)* $nohandler, $otherhost] = words;
                Ok($name {
                    $($field,)*
                    $nohandler: (words_len > Self::BASE_FIELDS).then_some($nohandler),
                    $otherhost: (words_len > Self::BASE_FIELDS + 1).then_some($otherhost),
                })
            }

            fn value_len(&self) -> usize {
                self.field_count() * Self::WORD
            }

            fn emit_value(&self, buffer: &mut [u8]) {
                let values = [
                    $(self.$field,)*
                    self.$nohandler.unwrap_or_default(),
                    self.$otherhost.unwrap_or_default(),
                ];
                for (chunk, value) in buffer
                    .chunks_exact_mut(Self::WORD)
                    .zip(values.iter().take(self.field_count()))
                {
                    chunk.copy_from_slice(&value.to_ne_bytes());
                }
            }
        }
    };
}

link_stats! {
    /// 64-bit device counters (`IFLA_STATS64`, `struct rtnl_link_stats64`).
    ///
    /// The two newest counters are optional: kernels before 4.6 send
    /// neither, kernels before 5.19 no `rx_otherhost_dropped`. They are
    /// emitted back with the length they came with.
    pub struct LinkStats64: u64;
    /// 32-bit device counters (`IFLA_STATS`, `struct rtnl_link_stats`);
    /// the same counters as [`LinkStats64`], truncated to 32 bits.
    ///
    /// `rx_nohandler` is optional (Linux 4.6+); `rx_otherhost_dropped` is
    /// never sent by the kernel in this structure and is kept only if
    /// present.
    pub struct LinkStats: u32;
    counters {
        /// Good packets received.
        rx_packets,
        /// Packets transmitted.
        tx_packets,
        /// Good bytes received.
        rx_bytes,
        /// Bytes transmitted.
        tx_bytes,
        /// Bad packets received.
        rx_errors,
        /// Transmit problems.
        tx_errors,
        /// Packets received but dropped (no resources, unsupported protocol).
        rx_dropped,
        /// Packets dropped on their way to transmission.
        tx_dropped,
        /// Multicast packets received.
        multicast,
        /// Collisions during transmission.
        collisions,
        /// Packets dropped for an invalid length.
        rx_length_errors,
        /// Receiver FIFO overflow events.
        rx_over_errors,
        /// Packets received with a CRC error.
        rx_crc_errors,
        /// Receiver frame alignment errors.
        rx_frame_errors,
        /// Receiver FIFO errors.
        rx_fifo_errors,
        /// Packets missed by the host.
        rx_missed_errors,
        /// Aborted transmissions.
        tx_aborted_errors,
        /// Carrier lost during transmission.
        tx_carrier_errors,
        /// Transmit FIFO underruns.
        tx_fifo_errors,
        /// Heartbeat (SQE test) errors.
        tx_heartbeat_errors,
        /// Late collisions.
        tx_window_errors,
        /// Compressed packets received.
        rx_compressed,
        /// Compressed packets transmitted.
        tx_compressed,
    }
    optional {
        /// Packets dropped by the stack because the device was not designated
        /// to receive them (Linux 4.6+).
        rx_nohandler,
        /// Packets dropped because of a destination MAC mismatch (Linux 5.19+;
        /// never sent in the 32-bit structure).
        rx_otherhost_dropped,
    }
}
