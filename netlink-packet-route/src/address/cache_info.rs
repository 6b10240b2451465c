//! Address lifetimes and timestamps (`IFA_CACHEINFO`, `struct ifa_cacheinfo`).

use crate::common::native_struct::native_struct;

/// Length of `struct ifa_cacheinfo`.
pub const ADDRESS_CACHE_INFO_LEN: usize = AddressCacheInfo::LEN;

/// The lifetime value meaning "forever" (`INFINITY_LIFE_TIME`).
pub const INFINITY_LIFE_TIME: u32 = u32::MAX;

native_struct! {
    /// Lifetimes and timestamps of an address (`struct ifa_cacheinfo`).
    pub struct AddressCacheInfo: u32, "struct ifa_cacheinfo" {
        /// Remaining preferred lifetime in seconds (`ifa_prefered`);
        /// [`INFINITY_LIFE_TIME`] means forever.
        preferred,
        /// Remaining valid lifetime in seconds (`ifa_valid`);
        /// [`INFINITY_LIFE_TIME`] means forever.
        valid,
        /// Creation time in hundredths of seconds since boot (`cstamp`).
        created,
        /// Last update time in hundredths of seconds since boot (`tstamp`).
        updated,
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
