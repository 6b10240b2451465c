//! Nexthop groups: `NHA_GROUP` entries (`struct nexthop_grp`), group type
//! and resilient group parameters.

use netlink_packet_core::DecodeError;

use crate::common::nla_codec::{nla_enum, Bytes, Codec, NestedFlagged, U16, U32, U64};
use crate::common::numeric_enum::numeric_enum;

/// Length of `struct nexthop_grp`.
pub const NEXTHOP_GROUP_ENTRY_LEN: usize = 8;

/// One member of a nexthop group (`struct nexthop_grp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NexthopGroupEntry {
    /// `id`: the member nexthop's id.
    pub id: u32,
    /// `weight`: low 8 bits of the weight minus one.
    pub weight_low: u8,
    /// `weight_high`: high 8 bits of the weight minus one.
    pub weight_high: u8,
    /// `resvd2` (must be 0)
    pub reserved: u16,
}

impl NexthopGroupEntry {
    /// A member with the given weight (1..=65536 as `ip nexthop ... group
    /// 11,2/12` writes it; clamped).
    pub fn new(id: u32, weight: u32) -> Self {
        let raw = weight.clamp(1, 65536) - 1;
        NexthopGroupEntry {
            id,
            weight_low: (raw & 0xff) as u8,
            weight_high: ((raw >> 8) & 0xff) as u8,
            reserved: 0,
        }
    }

    /// The weight as `ip nexthop` shows it (1 to 65536).
    pub fn weight(&self) -> u32 {
        ((u32::from(self.weight_high) << 8) | u32::from(self.weight_low)) + 1
    }
}

/// `NHA_GROUP` as an attribute value.
pub(crate) struct GroupCodec;
impl Codec for GroupCodec {
    type Value = Vec<NexthopGroupEntry>;
    fn parse(bytes: &[u8]) -> Result<Vec<NexthopGroupEntry>, DecodeError> {
        if bytes.len() % NEXTHOP_GROUP_ENTRY_LEN != 0 {
            return Err(DecodeError::new(format!(
                "expected a multiple of {NEXTHOP_GROUP_ENTRY_LEN} bytes (struct nexthop_grp), got {}",
                bytes.len()
            )));
        }
        Ok(bytes
            .chunks_exact(NEXTHOP_GROUP_ENTRY_LEN)
            .map(|c| NexthopGroupEntry {
                id: u32::from_ne_bytes([c[0], c[1], c[2], c[3]]),
                weight_low: c[4],
                weight_high: c[5],
                reserved: u16::from_ne_bytes([c[6], c[7]]),
            })
            .collect())
    }
    fn len(value: &Vec<NexthopGroupEntry>) -> usize {
        value.len() * NEXTHOP_GROUP_ENTRY_LEN
    }
    fn emit(value: &Vec<NexthopGroupEntry>, buffer: &mut [u8]) {
        for (entry, chunk) in value
            .iter()
            .zip(buffer.chunks_exact_mut(NEXTHOP_GROUP_ENTRY_LEN))
        {
            chunk[0..4].copy_from_slice(&entry.id.to_ne_bytes());
            chunk[4] = entry.weight_low;
            chunk[5] = entry.weight_high;
            chunk[6..8].copy_from_slice(&entry.reserved.to_ne_bytes());
        }
    }
}

numeric_enum! {
    /// The kind of a nexthop group (`NHA_GROUP_TYPE`, `NEXTHOP_GRP_TYPE_*`).
    pub enum NexthopGroupType: u16 {
        /// `NEXTHOP_GRP_TYPE_MPATH`: hash-threshold multipath (the default).
        Multipath = 0,
        /// `NEXTHOP_GRP_TYPE_RES`: resilient hashing with buckets.
        Resilient = 1,
    }
}

/// `NHA_RES_GROUP_PAD`
pub const NHA_RES_GROUP_PAD: u16 = 0;
/// `NHA_RES_GROUP_BUCKETS`
pub const NHA_RES_GROUP_BUCKETS: u16 = 1;
/// `NHA_RES_GROUP_IDLE_TIMER`
pub const NHA_RES_GROUP_IDLE_TIMER: u16 = 2;
/// `NHA_RES_GROUP_UNBALANCED_TIMER`
pub const NHA_RES_GROUP_UNBALANCED_TIMER: u16 = 3;
/// `NHA_RES_GROUP_UNBALANCED_TIME`
pub const NHA_RES_GROUP_UNBALANCED_TIME: u16 = 4;

/// `NHA_RES_BUCKET_PAD`
pub const NHA_RES_BUCKET_PAD: u16 = 0;
/// `NHA_RES_BUCKET_INDEX`
pub const NHA_RES_BUCKET_INDEX: u16 = 1;
/// `NHA_RES_BUCKET_IDLE_TIME`
pub const NHA_RES_BUCKET_IDLE_TIME: u16 = 2;
/// `NHA_RES_BUCKET_NH_ID`
pub const NHA_RES_BUCKET_NH_ID: u16 = 3;

/// `NHA_GROUP_STATS_ENTRY`
pub const NHA_GROUP_STATS_ENTRY: u16 = 1;
/// `NHA_GROUP_STATS_ENTRY_ID`
pub const NHA_GROUP_STATS_ENTRY_ID: u16 = 1;
/// `NHA_GROUP_STATS_ENTRY_PACKETS`
pub const NHA_GROUP_STATS_ENTRY_PACKETS: u16 = 2;
/// `NHA_GROUP_STATS_ENTRY_PACKETS_HW`
pub const NHA_GROUP_STATS_ENTRY_PACKETS_HW: u16 = 3;

nla_enum! {
    /// A parameter of a resilient nexthop group (`NHA_RES_GROUP_*`).
    /// Timers are in clock ticks (`USER_HZ`).
    pub enum NexthopResilientGroupAttribute {
        /// `NHA_RES_GROUP_PAD`
        Pad(Vec<u8>) = NHA_RES_GROUP_PAD: Bytes,
        /// `NHA_RES_GROUP_BUCKETS`: number of buckets.
        Buckets(u16) = NHA_RES_GROUP_BUCKETS: U16,
        /// `NHA_RES_GROUP_IDLE_TIMER`
        IdleTimer(u32) = NHA_RES_GROUP_IDLE_TIMER: U32,
        /// `NHA_RES_GROUP_UNBALANCED_TIMER`
        UnbalancedTimer(u32) = NHA_RES_GROUP_UNBALANCED_TIMER: U32,
        /// `NHA_RES_GROUP_UNBALANCED_TIME`: time the group has been unbalanced.
        UnbalancedTime(u64) = NHA_RES_GROUP_UNBALANCED_TIME: U64,
    }
}

nla_enum! {
    /// A bucket of a resilient group (`NHA_RES_BUCKET_*`).
    pub enum NexthopBucketAttribute {
        /// `NHA_RES_BUCKET_PAD`
        Pad(Vec<u8>) = NHA_RES_BUCKET_PAD: Bytes,
        /// `NHA_RES_BUCKET_INDEX`
        Index(u16) = NHA_RES_BUCKET_INDEX: U16,
        /// `NHA_RES_BUCKET_IDLE_TIME` (clock ticks)
        IdleTime(u64) = NHA_RES_BUCKET_IDLE_TIME: U64,
        /// `NHA_RES_BUCKET_NH_ID`
        NexthopId(u32) = NHA_RES_BUCKET_NH_ID: U32,
    }
}

/// A variable-width unsigned integer (`NLA_UINT`): 4 bytes when the value
/// fits, else 8. An 8-byte encoding of a value that fits 4 bytes is not
/// canonical and is rejected (the attribute is then kept raw).
pub(crate) struct Uint;
impl Codec for Uint {
    type Value = u64;
    fn parse(bytes: &[u8]) -> Result<u64, DecodeError> {
        match bytes.len() {
            4 => Ok(u64::from(u32::from_ne_bytes([
                bytes[0], bytes[1], bytes[2], bytes[3],
            ]))),
            8 => {
                let mut array = [0u8; 8];
                array.copy_from_slice(bytes);
                let value = u64::from_ne_bytes(array);
                if value <= u64::from(u32::MAX) {
                    Err(DecodeError::new(
                        "NLA_UINT: 8-byte encoding of a 32-bit value",
                    ))
                } else {
                    Ok(value)
                }
            }
            other => Err(DecodeError::new(format!(
                "NLA_UINT: expected 4 or 8 bytes, got {other}"
            ))),
        }
    }
    fn len(value: &u64) -> usize {
        if *value <= u64::from(u32::MAX) {
            4
        } else {
            8
        }
    }
    fn emit(value: &u64, buffer: &mut [u8]) {
        match u32::try_from(*value) {
            Ok(small) => buffer[..4].copy_from_slice(&small.to_ne_bytes()),
            Err(_) => buffer[..8].copy_from_slice(&value.to_ne_bytes()),
        }
    }
}

nla_enum! {
    /// The statistics of one group member (`NHA_GROUP_STATS_ENTRY_*`).
    pub enum NexthopGroupStatsEntryAttribute {
        /// `NHA_GROUP_STATS_ENTRY_ID`: member id.
        Id(u32) = NHA_GROUP_STATS_ENTRY_ID: U32,
        /// `NHA_GROUP_STATS_ENTRY_PACKETS`
        Packets(u64) = NHA_GROUP_STATS_ENTRY_PACKETS: Uint,
        /// `NHA_GROUP_STATS_ENTRY_PACKETS_HW`
        PacketsHardware(u64) = NHA_GROUP_STATS_ENTRY_PACKETS_HW: Uint,
    }
}

nla_enum! {
    /// An entry of `NHA_GROUP_STATS`.
    pub enum NexthopGroupStatsAttribute {
        /// `NHA_GROUP_STATS_ENTRY`
        Entry(Vec<NexthopGroupStatsEntryAttribute>) = NHA_GROUP_STATS_ENTRY: NestedFlagged<NexthopGroupStatsEntryAttribute>,
    }
}
