//! Table statistics (`NDTA_STATS`, `struct ndt_stats`).

use netlink_packet_core::DecodeError;

/// Length of `struct ndt_stats`.
pub const NEIGHBOUR_TABLE_STATS_LEN: usize = 88;

/// Statistics of a neighbour table (`struct ndt_stats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NeighbourTableStats {
    /// `ndts_allocs`: entries allocated.
    pub allocs: u64,
    /// `ndts_destroys`: entries destroyed.
    pub destroys: u64,
    /// `ndts_hash_grows`: times the hash table grew.
    pub hash_grows: u64,
    /// `ndts_res_failed`: failed resolutions.
    pub res_failed: u64,
    /// `ndts_lookups`: lookups.
    pub lookups: u64,
    /// `ndts_hits`: successful lookups.
    pub hits: u64,
    /// `ndts_rcv_probes_mcast`: multicast probes received.
    pub rcv_probes_mcast: u64,
    /// `ndts_rcv_probes_ucast`: unicast probes received.
    pub rcv_probes_ucast: u64,
    /// `ndts_periodic_gc_runs`: periodic garbage collection runs.
    pub periodic_gc_runs: u64,
    /// `ndts_forced_gc_runs`: forced garbage collection runs.
    pub forced_gc_runs: u64,
    /// `ndts_table_fulls`: times the table was full.
    pub table_fulls: u64,
}

impl NeighbourTableStats {
    /// Decodes the 88-byte structure.
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        if bytes.len() != NEIGHBOUR_TABLE_STATS_LEN {
            return Err(DecodeError::new(format!(
                "expected {NEIGHBOUR_TABLE_STATS_LEN} bytes of struct ndt_stats, got {}",
                bytes.len()
            )));
        }
        let mut words = bytes.chunks_exact(8).map(|chunk| {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            u64::from_ne_bytes(word)
        });
        let mut next = || words.next().unwrap_or_default();
        Ok(NeighbourTableStats {
            allocs: next(),
            destroys: next(),
            hash_grows: next(),
            res_failed: next(),
            lookups: next(),
            hits: next(),
            rcv_probes_mcast: next(),
            rcv_probes_ucast: next(),
            periodic_gc_runs: next(),
            forced_gc_runs: next(),
            table_fulls: next(),
        })
    }

    /// Writes the 88-byte structure at the start of `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is shorter than [`NEIGHBOUR_TABLE_STATS_LEN`].
    pub fn emit(&self, buffer: &mut [u8]) {
        let words = [
            self.allocs,
            self.destroys,
            self.hash_grows,
            self.res_failed,
            self.lookups,
            self.hits,
            self.rcv_probes_mcast,
            self.rcv_probes_ucast,
            self.periodic_gc_runs,
            self.forced_gc_runs,
            self.table_fulls,
        ];
        for (chunk, word) in buffer[..NEIGHBOUR_TABLE_STATS_LEN]
            .chunks_exact_mut(8)
            .zip(words)
        {
            chunk.copy_from_slice(&word.to_ne_bytes());
        }
    }
}
