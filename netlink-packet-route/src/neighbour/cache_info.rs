//! Neighbour entry timers (`NDA_CACHEINFO`, `struct nda_cacheinfo`).

use netlink_packet_core::DecodeError;

/// Length of `struct nda_cacheinfo`.
pub const NEIGHBOUR_CACHE_INFO_LEN: usize = 16;

/// Ages and reference count of a neighbour entry (`struct nda_cacheinfo`).
/// Ages are in clock ticks (`USER_HZ`, usually hundredths of seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NeighbourCacheInfo {
    /// Time since the neighbour was last confirmed (`ndm_confirmed`).
    pub confirmed: u32,
    /// Time since the entry was last used (`ndm_used`).
    pub used: u32,
    /// Time since the entry was last updated (`ndm_updated`).
    pub updated: u32,
    /// Reference count (`ndm_refcnt`).
    pub refcnt: u32,
}

impl NeighbourCacheInfo {
    /// Decodes the 16-byte structure.
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: &[u8; NEIGHBOUR_CACHE_INFO_LEN] = bytes.try_into().map_err(|_| {
            DecodeError::new(format!(
                "expected {NEIGHBOUR_CACHE_INFO_LEN} bytes of struct nda_cacheinfo, got {}",
                bytes.len()
            ))
        })?;
        let [c0, c1, c2, c3, u0, u1, u2, u3, p0, p1, p2, p3, r0, r1, r2, r3] = *bytes;
        Ok(NeighbourCacheInfo {
            confirmed: u32::from_ne_bytes([c0, c1, c2, c3]),
            used: u32::from_ne_bytes([u0, u1, u2, u3]),
            updated: u32::from_ne_bytes([p0, p1, p2, p3]),
            refcnt: u32::from_ne_bytes([r0, r1, r2, r3]),
        })
    }

    /// Writes the 16-byte structure at the start of `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is shorter than [`NEIGHBOUR_CACHE_INFO_LEN`].
    pub fn emit(&self, buffer: &mut [u8]) {
        let fields = [self.confirmed, self.used, self.updated, self.refcnt];
        for (chunk, field) in buffer[..NEIGHBOUR_CACHE_INFO_LEN]
            .chunks_exact_mut(4)
            .zip(fields)
        {
            chunk.copy_from_slice(&field.to_ne_bytes());
        }
    }
}
