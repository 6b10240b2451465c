//! Offload statistics (nested in `IFLA_STATS_LINK_OFFLOAD_XSTATS`).

use netlink_packet_core::DecodeError;

use super::hw_stats::{HwStats64, HW_STATS64_LEN};
use crate::common::nla_codec::{nla_enum, Codec, NestedFlagged, U8};
use crate::link::codec::WireValue;
use crate::link::LinkStats64;

/// `IFLA_OFFLOAD_XSTATS_CPU_HIT`: traffic that hit the CPU
/// (`struct rtnl_link_stats64`).
pub const IFLA_OFFLOAD_XSTATS_CPU_HIT: u16 = 1;
/// `IFLA_OFFLOAD_XSTATS_HW_S_INFO`: whether hardware statistics are
/// requested / in use, per statistics type (nested).
pub const IFLA_OFFLOAD_XSTATS_HW_S_INFO: u16 = 2;
/// `IFLA_OFFLOAD_XSTATS_L3_STATS`: L3 traffic handled in hardware
/// (`struct rtnl_hw_stats64`).
pub const IFLA_OFFLOAD_XSTATS_L3_STATS: u16 = 3;
/// `IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST`: the statistics were requested
/// (`u8`).
pub const IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST: u16 = 1;
/// `IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED`: the hardware uses them (`u8`).
pub const IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED: u16 = 2;

/// `struct rtnl_link_stats64` as an attribute value.
pub(crate) struct LinkStats64Codec;

impl Codec for LinkStats64Codec {
    type Value = LinkStats64;
    fn parse(bytes: &[u8]) -> Result<LinkStats64, DecodeError> {
        LinkStats64::decode_value(bytes)
    }
    fn len(value: &LinkStats64) -> usize {
        WireValue::value_len(value)
    }
    fn emit(value: &LinkStats64, buffer: &mut [u8]) {
        WireValue::emit_value(value, buffer)
    }
}

/// `struct rtnl_hw_stats64` as an attribute value.
pub(crate) struct HwStats64Codec;

impl Codec for HwStats64Codec {
    type Value = HwStats64;
    fn parse(bytes: &[u8]) -> Result<HwStats64, DecodeError> {
        HwStats64::parse(bytes)
    }
    fn len(_: &HwStats64) -> usize {
        HW_STATS64_LEN
    }
    fn emit(value: &HwStats64, buffer: &mut [u8]) {
        value.emit(buffer)
    }
}

nla_enum! {
    /// One offload statistics attribute (`IFLA_OFFLOAD_XSTATS_*`).
    pub enum OffloadStatsAttribute {
        /// `IFLA_OFFLOAD_XSTATS_CPU_HIT`: traffic that hit the CPU.
        CpuHit(LinkStats64) = IFLA_OFFLOAD_XSTATS_CPU_HIT: LinkStats64Codec,
        /// `IFLA_OFFLOAD_XSTATS_HW_S_INFO`: per statistics type, whether
        /// hardware statistics are requested and used.
        HwStatsInfo(Vec<HwStatsInfo>) = IFLA_OFFLOAD_XSTATS_HW_S_INFO: NestedFlagged<HwStatsInfo>,
        /// `IFLA_OFFLOAD_XSTATS_L3_STATS`: L3 traffic handled in hardware.
        L3Stats(HwStats64) = IFLA_OFFLOAD_XSTATS_L3_STATS: HwStats64Codec,
    }
}

nla_enum! {
    /// One entry of `IFLA_OFFLOAD_XSTATS_HW_S_INFO`, keyed by the
    /// statistics type it describes.
    pub enum HwStatsInfo {
        /// The L3 statistics (`IFLA_OFFLOAD_XSTATS_L3_STATS`).
        L3Stats(Vec<HwStatsInfoAttribute>) = IFLA_OFFLOAD_XSTATS_L3_STATS: NestedFlagged<HwStatsInfoAttribute>,
    }
}

nla_enum! {
    /// Whether one kind of hardware statistics is requested and used
    /// (`IFLA_OFFLOAD_XSTATS_HW_S_INFO_*`).
    pub enum HwStatsInfoAttribute {
        /// `IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST`: 1 if requested.
        Request(u8) = IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST: U8,
        /// `IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED`: 1 if the hardware uses them.
        Used(u8) = IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED: U8,
    }
}
