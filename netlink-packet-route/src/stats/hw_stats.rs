//! Hardware counters (`struct rtnl_hw_stats64`).

use netlink_packet_core::DecodeError;

/// Length of `struct rtnl_hw_stats64`.
pub const HW_STATS64_LEN: usize = 72;

/// Counters of traffic handled in hardware (`struct rtnl_hw_stats64`),
/// e.g. `IFLA_OFFLOAD_XSTATS_L3_STATS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct HwStats64 {
    /// Packets received.
    pub rx_packets: u64,
    /// Packets transmitted.
    pub tx_packets: u64,
    /// Bytes received.
    pub rx_bytes: u64,
    /// Bytes transmitted.
    pub tx_bytes: u64,
    /// Receive errors.
    pub rx_errors: u64,
    /// Transmit errors.
    pub tx_errors: u64,
    /// Packets dropped on receive.
    pub rx_dropped: u64,
    /// Packets dropped on transmit.
    pub tx_dropped: u64,
    /// Multicast packets received.
    pub multicast: u64,
}

impl HwStats64 {
    /// Decodes the 72-byte structure.
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        if bytes.len() != HW_STATS64_LEN {
            return Err(DecodeError::new(format!(
                "expected {HW_STATS64_LEN} bytes of struct rtnl_hw_stats64, got {}",
                bytes.len()
            )));
        }
        let mut words = bytes.chunks_exact(8).map(|chunk| {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            u64::from_ne_bytes(word)
        });
        let mut next = || words.next().unwrap_or_default();
        Ok(HwStats64 {
            rx_packets: next(),
            tx_packets: next(),
            rx_bytes: next(),
            tx_bytes: next(),
            rx_errors: next(),
            tx_errors: next(),
            rx_dropped: next(),
            tx_dropped: next(),
            multicast: next(),
        })
    }

    /// Writes the 72-byte structure at the start of `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is shorter than [`HW_STATS64_LEN`].
    pub fn emit(&self, buffer: &mut [u8]) {
        let words = [
            self.rx_packets,
            self.tx_packets,
            self.rx_bytes,
            self.tx_bytes,
            self.rx_errors,
            self.tx_errors,
            self.rx_dropped,
            self.tx_dropped,
            self.multicast,
        ];
        for (chunk, word) in buffer[..HW_STATS64_LEN].chunks_exact_mut(8).zip(words) {
            chunk.copy_from_slice(&word.to_ne_bytes());
        }
    }
}
