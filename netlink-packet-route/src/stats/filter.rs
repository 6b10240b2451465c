//! Per-group filter masks of a statistics request
//! (nested in `IFLA_STATS_GET_FILTERS`).

use crate::common::nla_codec::{nla_enum, U32};

use super::attribute::{
    IFLA_STATS_AF_SPEC, IFLA_STATS_LINK_64, IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_STATS_LINK_XSTATS,
    IFLA_STATS_LINK_XSTATS_SLAVE,
};

nla_enum! {
    /// A filter mask for the nested attributes of one statistics group
    /// (bit `n - 1` selects nested attribute `n`). Linux filters only
    /// [`StatsFilter::LinkOffloadXstats`] (bits of `IFLA_OFFLOAD_XSTATS_*`).
    pub enum StatsFilter {
        /// Mask for `IFLA_STATS_LINK_64`.
        Link64(u32) = IFLA_STATS_LINK_64: U32,
        /// Mask for `IFLA_STATS_LINK_XSTATS`.
        LinkXstats(u32) = IFLA_STATS_LINK_XSTATS: U32,
        /// Mask for `IFLA_STATS_LINK_XSTATS_SLAVE`.
        LinkXstatsSlave(u32) = IFLA_STATS_LINK_XSTATS_SLAVE: U32,
        /// Mask for `IFLA_STATS_LINK_OFFLOAD_XSTATS`.
        LinkOffloadXstats(u32) = IFLA_STATS_LINK_OFFLOAD_XSTATS: U32,
        /// Mask for `IFLA_STATS_AF_SPEC`.
        AfSpec(u32) = IFLA_STATS_AF_SPEC: U32,
    }
}
