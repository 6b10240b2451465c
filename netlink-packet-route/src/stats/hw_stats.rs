//! Hardware counters (`struct rtnl_hw_stats64`).

use crate::common::native_struct::native_struct;

/// Length of `struct rtnl_hw_stats64`.
pub const HW_STATS64_LEN: usize = HwStats64::LEN;

native_struct! {
    /// Counters of traffic handled in hardware (`struct rtnl_hw_stats64`),
    /// e.g. `IFLA_OFFLOAD_XSTATS_L3_STATS`.
    pub struct HwStats64: u64, "struct rtnl_hw_stats64" {
        /// Packets received.
        rx_packets,
        /// Packets transmitted.
        tx_packets,
        /// Bytes received.
        rx_bytes,
        /// Bytes transmitted.
        tx_bytes,
        /// Receive errors.
        rx_errors,
        /// Transmit errors.
        tx_errors,
        /// Packets dropped on receive.
        rx_dropped,
        /// Packets dropped on transmit.
        tx_dropped,
        /// Multicast packets received.
        multicast,
    }
}
