//! Nexthop attributes (`NHA_*`).

use std::net::IpAddr;

use netlink_packet_core::emit::{emit_ip, ip_len};
use netlink_packet_core::{
    parse_ip, parse_u16, parse_u32, DecodeError, MalformedNla, Nla, NlaBuffer, RawNla, NLA_F_NESTED,
};

use crate::common::nla_codec::{Codec, NestedFlagged};
use crate::common::nla_list::{malformed, parse_nla_list};
use crate::nexthop::group::GroupCodec;
use crate::nexthop::{
    NexthopBucketAttribute, NexthopGroupEntry, NexthopGroupStatsAttribute, NexthopGroupType,
    NexthopResilientGroupAttribute,
};
use crate::route::attribute::find_encap_type;
use crate::route::{EncapType, RouteEncap};

/// `NHA_UNSPEC`
pub const NHA_UNSPEC: u16 = 0;
/// `NHA_ID`
pub const NHA_ID: u16 = 1;
/// `NHA_GROUP`
pub const NHA_GROUP: u16 = 2;
/// `NHA_GROUP_TYPE`
pub const NHA_GROUP_TYPE: u16 = 3;
/// `NHA_BLACKHOLE`
pub const NHA_BLACKHOLE: u16 = 4;
/// `NHA_OIF`
pub const NHA_OIF: u16 = 5;
/// `NHA_GATEWAY`
pub const NHA_GATEWAY: u16 = 6;
/// `NHA_ENCAP_TYPE`
pub const NHA_ENCAP_TYPE: u16 = 7;
/// `NHA_ENCAP`
pub const NHA_ENCAP: u16 = 8;
/// `NHA_GROUPS`
pub const NHA_GROUPS: u16 = 9;
/// `NHA_MASTER`
pub const NHA_MASTER: u16 = 10;
/// `NHA_FDB`
pub const NHA_FDB: u16 = 11;
/// `NHA_RES_GROUP`
pub const NHA_RES_GROUP: u16 = 12;
/// `NHA_RES_BUCKET`
pub const NHA_RES_BUCKET: u16 = 13;
/// `NHA_OP_FLAGS`
pub const NHA_OP_FLAGS: u16 = 14;
/// `NHA_GROUP_STATS`
pub const NHA_GROUP_STATS: u16 = 15;
/// `NHA_HW_STATS_ENABLE`
pub const NHA_HW_STATS_ENABLE: u16 = 16;
/// `NHA_HW_STATS_USED`
pub const NHA_HW_STATS_USED: u16 = 17;

bitflags::bitflags! {
    /// `NHA_OP_FLAGS`: what a get / dump request should include
    /// (`NHA_OP_FLAG_*`). Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NexthopOpFlags: u32 {
        /// `NHA_OP_FLAG_DUMP_STATS`: include group statistics.
        const DUMP_STATS = 1 << 0;
        /// `NHA_OP_FLAG_DUMP_HW_STATS`: include hardware statistics.
        const DUMP_HW_STATS = 1 << 1;
        /// `NHA_OP_FLAG_RESP_GRP_RESVD_0`: return reserved group fields as 0.
        const RESP_GRP_RESVD_0 = 1 << 31;
    }
}

/// One nexthop attribute (`NHA_*`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NexthopAttribute {
    /// `NHA_ID`
    Id(u32),
    /// `NHA_GROUP`: the members of a group.
    Group(Vec<NexthopGroupEntry>),
    /// `NHA_GROUP_TYPE`
    GroupType(NexthopGroupType),
    /// `NHA_BLACKHOLE` (flag): drop packets.
    Blackhole,
    /// `NHA_OIF`: output interface index.
    Oif(u32),
    /// `NHA_GATEWAY`: IPv4 or IPv6 gateway.
    Gateway(IpAddr),
    /// `NHA_ENCAP_TYPE`
    EncapType(EncapType),
    /// `NHA_ENCAP`: typed after the sibling `NHA_ENCAP_TYPE`.
    Encap {
        /// The encapsulation.
        encap: RouteEncap,
        /// Whether `NLA_F_NESTED` is set on the wire: the kernel requires it
        /// in requests but omits it in what it sends.
        nested_flag: bool,
    },
    /// `NHA_GROUPS` (flag, dump requests): only dump groups.
    Groups,
    /// `NHA_MASTER` (dump requests): only nexthops on devices enslaved to
    /// this master.
    Master(u32),
    /// `NHA_FDB` (flag): a nexthop (group) for the bridge FDB / VXLAN.
    Fdb,
    /// `NHA_RES_GROUP`: resilient group parameters.
    ResilientGroup(Vec<NexthopResilientGroupAttribute>),
    /// `NHA_RES_BUCKET`: a resilient group bucket (bucket messages and
    /// bucket dump filters).
    ResilientBucket(Vec<NexthopBucketAttribute>),
    /// `NHA_OP_FLAGS`
    OpFlags(NexthopOpFlags),
    /// `NHA_GROUP_STATS`
    GroupStats(Vec<NexthopGroupStatsAttribute>),
    /// `NHA_HW_STATS_ENABLE`
    HardwareStatsEnable(u32),
    /// `NHA_HW_STATS_USED`
    HardwareStatsUsed(u32),
    /// An attribute without a type here, kept raw (flags included).
    Other(RawNla),
    /// A known attribute whose value could not be decoded, kept raw with the
    /// reason.
    Malformed(Box<MalformedNla>),
}

fn nexthop_attribute_name(kind: u16) -> &'static str {
    match kind & netlink_packet_core::NLA_TYPE_MASK {
        NHA_ID => "NHA_ID",
        NHA_GROUP => "NHA_GROUP",
        NHA_GROUP_TYPE => "NHA_GROUP_TYPE",
        NHA_BLACKHOLE => "NHA_BLACKHOLE",
        NHA_OIF => "NHA_OIF",
        NHA_GATEWAY => "NHA_GATEWAY",
        NHA_ENCAP_TYPE => "NHA_ENCAP_TYPE",
        NHA_ENCAP => "NHA_ENCAP",
        NHA_GROUPS => "NHA_GROUPS",
        NHA_MASTER => "NHA_MASTER",
        NHA_FDB => "NHA_FDB",
        NHA_RES_GROUP => "NHA_RES_GROUP",
        NHA_RES_BUCKET => "NHA_RES_BUCKET",
        NHA_OP_FLAGS => "NHA_OP_FLAGS",
        NHA_GROUP_STATS => "NHA_GROUP_STATS",
        NHA_HW_STATS_ENABLE => "NHA_HW_STATS_ENABLE",
        NHA_HW_STATS_USED => "NHA_HW_STATS_USED",
        _ => "nexthop attribute",
    }
}

fn flag(value: &[u8]) -> Result<(), DecodeError> {
    if value.is_empty() {
        Ok(())
    } else {
        Err(DecodeError::new(format!(
            "flag attribute: expected 0 bytes, got {}",
            value.len()
        )))
    }
}

const ENCAP_NESTED: u16 = NHA_ENCAP | NLA_F_NESTED;
const RES_GROUP: u16 = NHA_RES_GROUP | NLA_F_NESTED;
const RES_BUCKET: u16 = NHA_RES_BUCKET | NLA_F_NESTED;
const GROUP_STATS: u16 = NHA_GROUP_STATS | NLA_F_NESTED;

impl NexthopAttribute {
    /// Decodes one attribute; `encap_type` is the value of the sibling
    /// `NHA_ENCAP_TYPE` (needed to type `NHA_ENCAP`). Never fails: see
    /// [`NexthopAttribute::Malformed`]. To decode a list, prefer
    /// [`NexthopAttribute::parse_list`].
    pub fn parse(nla: NlaBuffer<&[u8]>, encap_type: Option<EncapType>) -> Self {
        match Self::parse_value(nla.raw_kind(), nla.value(), || encap_type) {
            Ok(attribute) => attribute,
            Err(error) => NexthopAttribute::Malformed(malformed(
                &nla,
                error,
                nexthop_attribute_name(nla.raw_kind()),
            )),
        }
    }

    /// Decodes the attribute list of a nexthop message.
    pub fn parse_list(bytes: &[u8]) -> Result<Vec<NexthopAttribute>, DecodeError> {
        parse_nla_list(bytes, |nla| {
            match Self::parse_value(nla.raw_kind(), nla.value(), || {
                find_encap_type(bytes, NHA_ENCAP_TYPE)
            }) {
                Ok(attribute) => attribute,
                Err(error) => NexthopAttribute::Malformed(malformed(
                    &nla,
                    error,
                    nexthop_attribute_name(nla.raw_kind()),
                )),
            }
        })
    }

    fn parse_value(
        kind: u16,
        value: &[u8],
        encap_type: impl FnOnce() -> Option<EncapType>,
    ) -> Result<Self, DecodeError> {
        use NexthopAttribute::*;
        Ok(match kind {
            NHA_ID => Id(parse_u32(value)?),
            NHA_GROUP => Group(GroupCodec::parse(value)?),
            NHA_GROUP_TYPE => GroupType(parse_u16(value)?.into()),
            NHA_BLACKHOLE => {
                flag(value)?;
                Blackhole
            }
            NHA_OIF => Oif(parse_u32(value)?),
            NHA_GATEWAY => Gateway(parse_ip(value)?),
            NHA_ENCAP_TYPE => EncapType(parse_u16(value)?.into()),
            NHA_ENCAP => Encap {
                encap: RouteEncap::parse(value, encap_type())?,
                nested_flag: false,
            },
            ENCAP_NESTED => Encap {
                encap: RouteEncap::parse(value, encap_type())?,
                nested_flag: true,
            },
            NHA_GROUPS => {
                flag(value)?;
                Groups
            }
            NHA_MASTER => Master(parse_u32(value)?),
            NHA_FDB => {
                flag(value)?;
                Fdb
            }
            RES_GROUP => ResilientGroup(NestedFlagged::parse(value)?),
            RES_BUCKET => ResilientBucket(NestedFlagged::parse(value)?),
            NHA_OP_FLAGS => OpFlags(NexthopOpFlags::from_bits_retain(parse_u32(value)?)),
            GROUP_STATS => GroupStats(NestedFlagged::parse(value)?),
            NHA_HW_STATS_ENABLE => HardwareStatsEnable(parse_u32(value)?),
            NHA_HW_STATS_USED => HardwareStatsUsed(parse_u32(value)?),
            _ => Other(RawNla::new(kind, value)),
        })
    }

    /// Whether this is the raw catch-all or a malformed attribute.
    pub fn is_raw(&self) -> bool {
        matches!(
            self,
            NexthopAttribute::Other(_) | NexthopAttribute::Malformed(_)
        )
    }
}

impl Nla for NexthopAttribute {
    fn value_len(&self) -> usize {
        use NexthopAttribute::*;
        match self {
            Id(_)
            | Oif(_)
            | Master(_)
            | OpFlags(_)
            | HardwareStatsEnable(_)
            | HardwareStatsUsed(_) => 4,
            Group(entries) => GroupCodec::len(entries),
            GroupType(_) | EncapType(_) => 2,
            Blackhole | Groups | Fdb => 0,
            Gateway(ip) => ip_len(ip),
            Encap { encap, .. } => encap.buffer_len(),
            ResilientGroup(list) => NestedFlagged::len(list),
            ResilientBucket(list) => NestedFlagged::len(list),
            GroupStats(list) => NestedFlagged::len(list),
            Other(raw) => raw.value_len(),
            Malformed(bad) => bad.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        use NexthopAttribute::*;
        match self {
            Id(_) => NHA_ID,
            Group(_) => NHA_GROUP,
            GroupType(_) => NHA_GROUP_TYPE,
            Blackhole => NHA_BLACKHOLE,
            Oif(_) => NHA_OIF,
            Gateway(_) => NHA_GATEWAY,
            EncapType(_) => NHA_ENCAP_TYPE,
            Encap { .. } => NHA_ENCAP,
            Groups => NHA_GROUPS,
            Master(_) => NHA_MASTER,
            Fdb => NHA_FDB,
            ResilientGroup(_) => NHA_RES_GROUP,
            ResilientBucket(_) => NHA_RES_BUCKET,
            OpFlags(_) => NHA_OP_FLAGS,
            GroupStats(_) => NHA_GROUP_STATS,
            HardwareStatsEnable(_) => NHA_HW_STATS_ENABLE,
            HardwareStatsUsed(_) => NHA_HW_STATS_USED,
            Other(raw) => raw.kind(),
            Malformed(bad) => bad.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        use NexthopAttribute::*;
        match self {
            Id(v) | Oif(v) | Master(v) | HardwareStatsEnable(v) | HardwareStatsUsed(v) => {
                buffer[..4].copy_from_slice(&v.to_ne_bytes())
            }
            OpFlags(flags) => buffer[..4].copy_from_slice(&flags.bits().to_ne_bytes()),
            Group(entries) => GroupCodec::emit(entries, buffer),
            GroupType(kind) => buffer[..2].copy_from_slice(&u16::from(*kind).to_ne_bytes()),
            EncapType(kind) => buffer[..2].copy_from_slice(&u16::from(*kind).to_ne_bytes()),
            Blackhole | Groups | Fdb => {}
            Gateway(ip) => emit_ip(buffer, ip),
            Encap { encap, .. } => encap.emit(buffer),
            ResilientGroup(list) => NestedFlagged::emit(list, buffer),
            ResilientBucket(list) => NestedFlagged::emit(list, buffer),
            GroupStats(list) => NestedFlagged::emit(list, buffer),
            Other(raw) => raw.emit_value(buffer),
            Malformed(bad) => bad.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        use NexthopAttribute::*;
        match self {
            ResilientGroup(_) | ResilientBucket(_) | GroupStats(_) => true,
            Encap { nested_flag, .. } => *nested_flag,
            Other(raw) => raw.is_nested(),
            Malformed(bad) => bad.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            NexthopAttribute::Other(raw) => raw.is_network_byteorder(),
            NexthopAttribute::Malformed(bad) => bad.is_network_byteorder(),
            _ => false,
        }
    }
}
