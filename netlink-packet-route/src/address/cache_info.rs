//! Address lifetimes and timestamps (`IFA_CACHEINFO`, `struct ifa_cacheinfo`).

use netlink_packet_core::DecodeError;

/// Length of `struct ifa_cacheinfo`.
pub const ADDRESS_CACHE_INFO_LEN: usize = 16;

/// The lifetime value meaning "forever" (`INFINITY_LIFE_TIME`).
pub const INFINITY_LIFE_TIME: u32 = u32::MAX;

/// Lifetimes and timestamps of an address (`struct ifa_cacheinfo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AddressCacheInfo {
    /// Remaining preferred lifetime in seconds (`ifa_prefered`);
    /// [`INFINITY_LIFE_TIME`] means forever.
    pub preferred: u32,
    /// Remaining valid lifetime in seconds (`ifa_valid`);
    /// [`INFINITY_LIFE_TIME`] means forever.
    pub valid: u32,
    /// Creation time in hundredths of seconds since boot (`cstamp`).
    pub created: u32,
    /// Last update time in hundredths of seconds since boot (`tstamp`).
    pub updated: u32,
}

impl AddressCacheInfo {
    /// Decodes the 16-byte structure.
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: &[u8; ADDRESS_CACHE_INFO_LEN] = bytes.try_into().map_err(|_| {
            DecodeError::new(format!(
                "expected {ADDRESS_CACHE_INFO_LEN} bytes of struct ifa_cacheinfo, got {}",
                bytes.len()
            ))
        })?;
        let [p0, p1, p2, p3, v0, v1, v2, v3, c0, c1, c2, c3, t0, t1, t2, t3] = *bytes;
        Ok(AddressCacheInfo {
            preferred: u32::from_ne_bytes([p0, p1, p2, p3]),
            valid: u32::from_ne_bytes([v0, v1, v2, v3]),
            created: u32::from_ne_bytes([c0, c1, c2, c3]),
            updated: u32::from_ne_bytes([t0, t1, t2, t3]),
        })
    }

    /// Writes the 16-byte structure at the start of `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is shorter than [`ADDRESS_CACHE_INFO_LEN`].
    pub fn emit(&self, buffer: &mut [u8]) {
        let fields = [self.preferred, self.valid, self.created, self.updated];
        for (chunk, field) in buffer[..ADDRESS_CACHE_INFO_LEN]
            .chunks_exact_mut(4)
            .zip(fields)
        {
            chunk.copy_from_slice(&field.to_ne_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_length_check() {
        let info = AddressCacheInfo {
            preferred: INFINITY_LIFE_TIME,
            valid: 300,
            created: 0x0215cc,
            updated: 0x0215cd,
        };
        let mut bytes = [0u8; ADDRESS_CACHE_INFO_LEN];
        info.emit(&mut bytes);
        assert_eq!(&bytes[..8], &[0xff, 0xff, 0xff, 0xff, 0x2c, 0x01, 0, 0]);
        assert_eq!(AddressCacheInfo::parse(&bytes).unwrap(), info);
        assert_eq!(
            AddressCacheInfo::parse(&bytes[..15])
                .unwrap_err()
                .to_string(),
            "expected 16 bytes of struct ifa_cacheinfo, got 15"
        );
    }
}
