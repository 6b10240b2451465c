//! Neighbour entry timers (`NDA_CACHEINFO`, `struct nda_cacheinfo`).

use crate::common::native_struct::native_struct;

/// Length of `struct nda_cacheinfo`.
pub const NEIGHBOUR_CACHE_INFO_LEN: usize = NeighbourCacheInfo::LEN;

native_struct! {
    /// Ages and reference count of a neighbour entry (`struct nda_cacheinfo`).
    /// Ages are in clock ticks (`USER_HZ`, usually hundredths of seconds).
    pub struct NeighbourCacheInfo: u32, "struct nda_cacheinfo" {
        /// Time since the neighbour was last confirmed (`ndm_confirmed`).
        confirmed,
        /// Time since the entry was last used (`ndm_used`).
        used,
        /// Time since the entry was last updated (`ndm_updated`).
        updated,
        /// Reference count (`ndm_refcnt`).
        refcnt,
    }
}
