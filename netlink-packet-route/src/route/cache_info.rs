//! `RTA_CACHEINFO` (`struct rta_cacheinfo`) and `RTA_MFC_STATS`
//! (`struct rta_mfc_stats`).

use netlink_packet_core::DecodeError;

/// Length of `struct rta_cacheinfo`.
pub const ROUTE_CACHE_INFO_LEN: usize = 32;
/// Length of `struct rta_mfc_stats`.
pub const ROUTE_MFC_STATS_LEN: usize = 24;

/// Cache information of a route (`struct rta_cacheinfo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RouteCacheInfo {
    /// `rta_clntref`: reference count.
    pub client_references: u32,
    /// `rta_lastuse`: time since last use, in clock ticks.
    pub last_use: u32,
    /// `rta_expires`: time to expiry in clock ticks (0: does not expire).
    pub expires: i32,
    /// `rta_error`: the route's error (negative errno) as unsigned.
    pub error: u32,
    /// `rta_used`
    pub used: u32,
    /// `rta_id`
    pub id: u32,
    /// `rta_ts`
    pub ts: u32,
    /// `rta_tsage`
    pub ts_age: u32,
}

#[inline(always)]
fn words<const N: usize>(bytes: &[u8], what: &str) -> Result<[[u8; 4]; N], DecodeError> {
    if bytes.len() != N * 4 {
        return Err(wrong_length(what, N * 4, bytes.len()));
    }
    let mut out = [[0u8; 4]; N];
    for (word, chunk) in out.iter_mut().zip(bytes.chunks_exact(4)) {
        word.copy_from_slice(chunk);
    }
    Ok(out)
}

#[cold]
#[inline(never)]
fn wrong_length(what: &str, expected: usize, got: usize) -> DecodeError {
    DecodeError::new(format!("{what}: expected {expected} bytes, got {got}"))
}

impl RouteCacheInfo {
    /// Decodes a `struct rta_cacheinfo` (exactly 32 bytes).
    #[inline]
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let w = words::<8>(bytes, "struct rta_cacheinfo")?;
        Ok(RouteCacheInfo {
            client_references: u32::from_ne_bytes(w[0]),
            last_use: u32::from_ne_bytes(w[1]),
            expires: i32::from_ne_bytes(w[2]),
            error: u32::from_ne_bytes(w[3]),
            used: u32::from_ne_bytes(w[4]),
            id: u32::from_ne_bytes(w[5]),
            ts: u32::from_ne_bytes(w[6]),
            ts_age: u32::from_ne_bytes(w[7]),
        })
    }

    /// Writes the 32-byte structure at the start of `buffer`.
    pub fn emit(&self, buffer: &mut [u8]) {
        let values = [
            self.client_references.to_ne_bytes(),
            self.last_use.to_ne_bytes(),
            self.expires.to_ne_bytes(),
            self.error.to_ne_bytes(),
            self.used.to_ne_bytes(),
            self.id.to_ne_bytes(),
            self.ts.to_ne_bytes(),
            self.ts_age.to_ne_bytes(),
        ];
        for (chunk, value) in buffer[..ROUTE_CACHE_INFO_LEN]
            .chunks_exact_mut(4)
            .zip(values)
        {
            chunk.copy_from_slice(&value);
        }
    }
}

/// Statistics of a multicast forwarding cache entry (`struct rta_mfc_stats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RouteMfcStats {
    /// `mfcs_packets`
    pub packets: u64,
    /// `mfcs_bytes`
    pub bytes: u64,
    /// `mfcs_wrong_if`: packets received on the wrong interface.
    pub wrong_interface: u64,
}

impl RouteMfcStats {
    /// Decodes a `struct rta_mfc_stats` (exactly 24 bytes).
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let w = words::<6>(bytes, "struct rta_mfc_stats")?;
        let u64_at = |i: usize| {
            let mut b = [0u8; 8];
            b[..4].copy_from_slice(&w[i]);
            b[4..].copy_from_slice(&w[i + 1]);
            u64::from_ne_bytes(b)
        };
        Ok(RouteMfcStats {
            packets: u64_at(0),
            bytes: u64_at(2),
            wrong_interface: u64_at(4),
        })
    }

    /// Writes the 24-byte structure at the start of `buffer`.
    pub fn emit(&self, buffer: &mut [u8]) {
        buffer[0..8].copy_from_slice(&self.packets.to_ne_bytes());
        buffer[8..16].copy_from_slice(&self.bytes.to_ne_bytes());
        buffer[16..24].copy_from_slice(&self.wrong_interface.to_ne_bytes());
    }
}
