//! The link statistics message header (`struct if_stats_msg`) and the
//! checked view over a whole statistics message payload.

use crate::common::fixed_header::{fixed_header, FlagsField};
use crate::common::AddressFamily;

/// Length of `struct if_stats_msg`.
pub const STATS_HEADER_LEN: usize = 12;

bitflags::bitflags! {
    /// Which statistics groups a request asks for and a reply carries
    /// (`filter_mask`, `IFLA_STATS_FILTER_BIT(IFLA_STATS_*)`). Unknown bits
    /// are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct StatsFilterMask: u32 {
        /// `IFLA_STATS_LINK_64`: the 64-bit device counters.
        const LINK_64 = 1 << 0;
        /// `IFLA_STATS_LINK_XSTATS`: driver-specific statistics (bridge, bond).
        const LINK_XSTATS = 1 << 1;
        /// `IFLA_STATS_LINK_XSTATS_SLAVE`: port-specific statistics of the master.
        const LINK_XSTATS_SLAVE = 1 << 2;
        /// `IFLA_STATS_LINK_OFFLOAD_XSTATS`: offload (hardware) statistics.
        const LINK_OFFLOAD_XSTATS = 1 << 3;
        /// `IFLA_STATS_AF_SPEC`: per-address-family statistics (MPLS).
        const AF_SPEC = 1 << 4;
    }
}

impl FlagsField for StatsFilterMask {}

fixed_header! {
    /// A checked view over a statistics message payload: the 12-byte
    /// `struct if_stats_msg` followed by attributes (`IFLA_STATS_*` in
    /// replies, `IFLA_STATS_GETSET_*` in requests).
    pub struct StatsMessageBuffer;
    /// The fixed header of a statistics message (`struct if_stats_msg`), the
    /// same in requests and replies.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct StatsHeader;
    layout STATS_HEADER_LEN, "stats message", "struct if_stats_msg" {
        /// `family`
        family / set_family: u8 = "`family`" @ 0,
        /// `pad1` and `pad2` (reserved).
        padding / set_padding: [u8; 3] = "the reserved bytes" @ 1,
        /// `ifindex`: the device (0 in dump requests).
        ifindex / set_ifindex: u32 = "`ifindex`" @ 4,
        /// `filter_mask`: the statistics groups asked for / carried.
        filter_mask / set_filter_mask: StatsFilterMask = "`filter_mask`" @ 8,
    }
    header {
        /// `family` (`AF_UNSPEC`)
        pub family: AddressFamily = family / set_family,
        /// The reserved `pad1` / `pad2` bytes (zero from the kernel), kept so
        /// that any message re-emits unchanged.
        pub padding: [u8; 3] = padding / set_padding,
        /// `ifindex`: the device (0 in dump requests).
        pub ifindex: u32 = ifindex / set_ifindex,
        /// `filter_mask`
        pub filter_mask: StatsFilterMask = filter_mask / set_filter_mask,
    }
}
