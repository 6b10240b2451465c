//! Table statistics (`NDTA_STATS`, `struct ndt_stats`).

use crate::common::native_struct::native_struct;

/// Length of `struct ndt_stats`.
pub const NEIGHBOUR_TABLE_STATS_LEN: usize = NeighbourTableStats::LEN;

native_struct! {
    /// Statistics of a neighbour table (`struct ndt_stats`).
    pub struct NeighbourTableStats: u64, "struct ndt_stats" {
        /// `ndts_allocs`: entries allocated.
        allocs,
        /// `ndts_destroys`: entries destroyed.
        destroys,
        /// `ndts_hash_grows`: times the hash table grew.
        hash_grows,
        /// `ndts_res_failed`: failed resolutions.
        res_failed,
        /// `ndts_lookups`: lookups.
        lookups,
        /// `ndts_hits`: successful lookups.
        hits,
        /// `ndts_rcv_probes_mcast`: multicast probes received.
        rcv_probes_mcast,
        /// `ndts_rcv_probes_ucast`: unicast probes received.
        rcv_probes_ucast,
        /// `ndts_periodic_gc_runs`: periodic garbage collection runs.
        periodic_gc_runs,
        /// `ndts_forced_gc_runs`: forced garbage collection runs.
        forced_gc_runs,
        /// `ndts_table_fulls`: times the table was full.
        table_fulls,
    }
}
