//! Table configuration (`NDTA_CONFIG`, `struct ndt_config`).

use netlink_packet_core::DecodeError;

/// Length of `struct ndt_config`.
pub const NEIGHBOUR_TABLE_CONFIG_LEN: usize = 32;

/// Read-only configuration of a neighbour table (`struct ndt_config`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NeighbourTableConfig {
    /// `ndtc_key_len`: length of the lookup key (the network address).
    pub key_len: u16,
    /// `ndtc_entry_size`: size of one entry in bytes.
    pub entry_size: u16,
    /// `ndtc_entries`: number of entries.
    pub entries: u32,
    /// `ndtc_last_flush`: milliseconds since the last flush.
    pub last_flush: u32,
    /// `ndtc_last_rand`: milliseconds since the last randomisation of the
    /// reachable times.
    pub last_rand: u32,
    /// `ndtc_hash_rnd`: hash seed.
    pub hash_rnd: u32,
    /// `ndtc_hash_mask`: hash table mask.
    pub hash_mask: u32,
    /// `ndtc_hash_chain_gc`: hash chain being garbage collected.
    pub hash_chain_gc: u32,
    /// `ndtc_proxy_qlen`: length of the proxy queue.
    pub proxy_qlen: u32,
}

impl NeighbourTableConfig {
    /// Decodes the 32-byte structure.
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: &[u8; NEIGHBOUR_TABLE_CONFIG_LEN] = bytes.try_into().map_err(|_| {
            DecodeError::new(format!(
                "expected {NEIGHBOUR_TABLE_CONFIG_LEN} bytes of struct ndt_config, got {}",
                bytes.len()
            ))
        })?;
        let (head, tail) = bytes.split_at(4);
        let mut words = tail.chunks_exact(4).map(|chunk| {
            let mut word = [0u8; 4];
            word.copy_from_slice(chunk);
            u32::from_ne_bytes(word)
        });
        let mut next = || words.next().unwrap_or_default();
        let [k0, k1, e0, e1] = <[u8; 4]>::try_from(head).unwrap_or_default();
        Ok(NeighbourTableConfig {
            key_len: u16::from_ne_bytes([k0, k1]),
            entry_size: u16::from_ne_bytes([e0, e1]),
            entries: next(),
            last_flush: next(),
            last_rand: next(),
            hash_rnd: next(),
            hash_mask: next(),
            hash_chain_gc: next(),
            proxy_qlen: next(),
        })
    }

    /// Writes the 32-byte structure at the start of `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is shorter than [`NEIGHBOUR_TABLE_CONFIG_LEN`].
    pub fn emit(&self, buffer: &mut [u8]) {
        let buffer = &mut buffer[..NEIGHBOUR_TABLE_CONFIG_LEN];
        buffer[..2].copy_from_slice(&self.key_len.to_ne_bytes());
        buffer[2..4].copy_from_slice(&self.entry_size.to_ne_bytes());
        let words = [
            self.entries,
            self.last_flush,
            self.last_rand,
            self.hash_rnd,
            self.hash_mask,
            self.hash_chain_gc,
            self.proxy_qlen,
        ];
        for (chunk, word) in buffer[4..].chunks_exact_mut(4).zip(words) {
            chunk.copy_from_slice(&word.to_ne_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_kernel_bytes() {
        // NDTA_CONFIG of the arp_cache table in the 6.18 fixtures.
        let bytes = [
            0x04, 0x00, 0x50, 0x01, 0x08, 0x00, 0x00, 0x00, 0x50, 0xe5, 0x14, 0x00, 0xb4, 0x5a,
            0x02, 0x00, 0x69, 0x33, 0x1c, 0xa8, 0x1f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        let config = NeighbourTableConfig::parse(&bytes).unwrap();
        assert_eq!(config.key_len, 4);
        assert_eq!(config.entry_size, 0x150);
        assert_eq!(config.entries, 8);
        assert_eq!(config.hash_mask, 0x1f);
        let mut out = [0u8; NEIGHBOUR_TABLE_CONFIG_LEN];
        config.emit(&mut out);
        assert_eq!(out, bytes);
        assert!(NeighbourTableConfig::parse(&bytes[..31]).is_err());
    }
}
