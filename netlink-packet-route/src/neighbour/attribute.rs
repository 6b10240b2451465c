//! Neighbour attributes (`NDA_*`).

use std::net::IpAddr;

use netlink_packet_core::emit::{
    emit_i32, emit_ip, emit_u16, emit_u16_be, emit_u32, emit_u8, ip_len,
};
use netlink_packet_core::{
    parse_i32, parse_ip, parse_u16, parse_u16_be, parse_u32, parse_u8, DecodeError, Emitable,
    MalformedNla, Nla, NlaBuffer, NlasIterator, Parseable, RawNla, NLA_F_NESTED,
};

use super::cache_info::{NeighbourCacheInfo, NEIGHBOUR_CACHE_INFO_LEN};
use super::fdb_ext::FdbExtAttribute;
use super::flags::{NeighbourExtFlags, NeighbourFlags};
use super::state::NeighbourState;
use crate::common::RouteProtocol;
use crate::link::LinkAddress;

/// `NDA_UNSPEC`
pub const NDA_UNSPEC: u16 = 0;
/// `NDA_DST`: the neighbour's network address.
pub const NDA_DST: u16 = 1;
/// `NDA_LLADDR`: the link-layer address.
pub const NDA_LLADDR: u16 = 2;
/// `NDA_CACHEINFO`: `struct nda_cacheinfo`.
pub const NDA_CACHEINFO: u16 = 3;
/// `NDA_PROBES`: number of probes sent (`u32`).
pub const NDA_PROBES: u16 = 4;
/// `NDA_VLAN`: the VLAN id of an FDB entry (`u16`).
pub const NDA_VLAN: u16 = 5;
/// `NDA_PORT`: the UDP port of a VXLAN FDB entry (`__be16`).
pub const NDA_PORT: u16 = 6;
/// `NDA_VNI`: the VNI of a VXLAN FDB entry (`u32`).
pub const NDA_VNI: u16 = 7;
/// `NDA_IFINDEX`: the outgoing interface of a VXLAN FDB entry (`u32`).
pub const NDA_IFINDEX: u16 = 8;
/// `NDA_MASTER`: the master (bridge) of the interface (`u32`).
pub const NDA_MASTER: u16 = 9;
/// `NDA_LINK_NETNSID`: the namespace id of the link (`s32`).
pub const NDA_LINK_NETNSID: u16 = 10;
/// `NDA_SRC_VNI`: the source VNI of a VXLAN FDB entry (`u32`).
pub const NDA_SRC_VNI: u16 = 11;
/// `NDA_PROTOCOL`: the originator of the entry (`u8`, `RTPROT_*`).
pub const NDA_PROTOCOL: u16 = 12;
/// `NDA_NH_ID`: the nexthop id of an FDB entry (`u32`).
pub const NDA_NH_ID: u16 = 13;
/// `NDA_FDB_EXT_ATTRS`: nested `NFEA_*` attributes.
pub const NDA_FDB_EXT_ATTRS: u16 = 14;
/// `NDA_FLAGS_EXT`: extended flags (`u32`, `NTF_EXT_*`).
pub const NDA_FLAGS_EXT: u16 = 15;
/// `NDA_NDM_STATE_MASK`: state mask of a bulk delete request (`u16`).
pub const NDA_NDM_STATE_MASK: u16 = 16;
/// `NDA_NDM_FLAGS_MASK`: flags mask of a bulk delete request (`u8`).
pub const NDA_NDM_FLAGS_MASK: u16 = 17;

/// One neighbour attribute (`NDA_*`).
///
/// Unknown attribute types are kept in [`NeighbourAttribute::Other`]; an
/// attribute of a known type whose value cannot be decoded is kept in
/// [`NeighbourAttribute::Malformed`] with its error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NeighbourAttribute {
    /// `NDA_DST`: the neighbour's IP address; for a VXLAN FDB entry the
    /// remote endpoint.
    Destination(IpAddr),
    /// `NDA_LLADDR`: the link-layer address.
    LinkLayerAddress(LinkAddress),
    /// `NDA_CACHEINFO`: ages and reference count.
    CacheInfo(NeighbourCacheInfo),
    /// `NDA_PROBES`: number of probes sent.
    Probes(u32),
    /// `NDA_VLAN`: the VLAN id of an FDB entry.
    Vlan(u16),
    /// `NDA_PORT`: the UDP destination port of a VXLAN FDB entry (host
    /// order here; network order on the wire).
    Port(u16),
    /// `NDA_VNI`: the VNI of a VXLAN FDB entry.
    Vni(u32),
    /// `NDA_IFINDEX`: the outgoing interface of a VXLAN FDB entry.
    IfIndex(u32),
    /// `NDA_MASTER`: the master device (bridge) index.
    Master(u32),
    /// `NDA_LINK_NETNSID`: the namespace id of the link.
    LinkNetnsId(i32),
    /// `NDA_SRC_VNI`: the source VNI of a VXLAN FDB entry.
    SourceVni(u32),
    /// `NDA_PROTOCOL`: the originator of the entry.
    Protocol(RouteProtocol),
    /// `NDA_NH_ID`: the nexthop object id of an FDB entry.
    NexthopId(u32),
    /// `NDA_FDB_EXT_ATTRS`: FDB extension attributes.
    FdbExtAttributes(Vec<FdbExtAttribute>),
    /// `NDA_FLAGS_EXT`: extended flags.
    ExtFlags(NeighbourExtFlags),
    /// `NDA_NDM_STATE_MASK`: which state bits a bulk delete matches.
    StateMask(NeighbourState),
    /// `NDA_NDM_FLAGS_MASK`: which flag bits a bulk delete matches.
    FlagsMask(NeighbourFlags),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

impl Nla for NeighbourAttribute {
    fn value_len(&self) -> usize {
        use NeighbourAttribute::*;
        match self {
            Destination(ip) => ip_len(ip),
            LinkLayerAddress(address) => address.len(),
            CacheInfo(_) => NEIGHBOUR_CACHE_INFO_LEN,
            Probes(_) | Vni(_) | IfIndex(_) | Master(_) | LinkNetnsId(_) | SourceVni(_)
            | NexthopId(_) | ExtFlags(_) => 4,
            Vlan(_) | Port(_) | StateMask(_) => 2,
            Protocol(_) | FlagsMask(_) => 1,
            FdbExtAttributes(attributes) => attributes.as_slice().buffer_len(),
            Other(nla) => nla.value_len(),
            Malformed(nla) => nla.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        use NeighbourAttribute::*;
        match self {
            Destination(_) => NDA_DST,
            LinkLayerAddress(_) => NDA_LLADDR,
            CacheInfo(_) => NDA_CACHEINFO,
            Probes(_) => NDA_PROBES,
            Vlan(_) => NDA_VLAN,
            Port(_) => NDA_PORT,
            Vni(_) => NDA_VNI,
            IfIndex(_) => NDA_IFINDEX,
            Master(_) => NDA_MASTER,
            LinkNetnsId(_) => NDA_LINK_NETNSID,
            SourceVni(_) => NDA_SRC_VNI,
            Protocol(_) => NDA_PROTOCOL,
            NexthopId(_) => NDA_NH_ID,
            FdbExtAttributes(_) => NDA_FDB_EXT_ATTRS,
            ExtFlags(_) => NDA_FLAGS_EXT,
            StateMask(_) => NDA_NDM_STATE_MASK,
            FlagsMask(_) => NDA_NDM_FLAGS_MASK,
            Other(nla) => nla.kind(),
            Malformed(nla) => nla.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        use NeighbourAttribute::*;
        match self {
            Destination(ip) => emit_ip(buffer, ip),
            LinkLayerAddress(address) => buffer.copy_from_slice(address.as_bytes()),
            CacheInfo(info) => info.emit(buffer),
            Probes(value) | Vni(value) | IfIndex(value) | Master(value) | SourceVni(value)
            | NexthopId(value) => emit_u32(buffer, *value),
            LinkNetnsId(value) => emit_i32(buffer, *value),
            Vlan(value) => emit_u16(buffer, *value),
            Port(value) => emit_u16_be(buffer, *value),
            Protocol(protocol) => emit_u8(buffer, (*protocol).into()),
            FdbExtAttributes(attributes) => attributes.as_slice().emit(buffer),
            ExtFlags(flags) => emit_u32(buffer, flags.bits()),
            StateMask(state) => emit_u16(buffer, state.bits()),
            FlagsMask(flags) => emit_u8(buffer, flags.bits()),
            Other(nla) => nla.emit_value(buffer),
            Malformed(nla) => nla.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            NeighbourAttribute::FdbExtAttributes(_) => true,
            NeighbourAttribute::Other(nla) => nla.is_nested(),
            NeighbourAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            NeighbourAttribute::Other(nla) => nla.is_network_byteorder(),
            NeighbourAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for NeighbourAttribute {
    /// Never fails: unknown types become [`NeighbourAttribute::Other`] and
    /// undecodable values [`NeighbourAttribute::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        use NeighbourAttribute::*;
        let value = buf.value();
        let (name, parsed) = match buf.raw_kind() {
            NDA_DST => ("NDA_DST", parse_ip(value).map(Destination)),
            NDA_LLADDR => ("NDA_LLADDR", link_address(value).map(LinkLayerAddress)),
            NDA_CACHEINFO => (
                "NDA_CACHEINFO",
                NeighbourCacheInfo::parse(value).map(CacheInfo),
            ),
            NDA_PROBES => ("NDA_PROBES", parse_u32(value).map(Probes)),
            NDA_VLAN => ("NDA_VLAN", parse_u16(value).map(Vlan)),
            NDA_PORT => ("NDA_PORT", parse_u16_be(value).map(Port)),
            NDA_VNI => ("NDA_VNI", parse_u32(value).map(Vni)),
            NDA_IFINDEX => ("NDA_IFINDEX", parse_u32(value).map(IfIndex)),
            NDA_MASTER => ("NDA_MASTER", parse_u32(value).map(Master)),
            NDA_LINK_NETNSID => ("NDA_LINK_NETNSID", parse_i32(value).map(LinkNetnsId)),
            NDA_SRC_VNI => ("NDA_SRC_VNI", parse_u32(value).map(SourceVni)),
            NDA_PROTOCOL => (
                "NDA_PROTOCOL",
                parse_u8(value).map(|protocol| Protocol(protocol.into())),
            ),
            NDA_NH_ID => ("NDA_NH_ID", parse_u32(value).map(NexthopId)),
            kind if kind == NDA_FDB_EXT_ATTRS | NLA_F_NESTED => (
                "NDA_FDB_EXT_ATTRS",
                parse_nested(value).map(FdbExtAttributes),
            ),
            NDA_FLAGS_EXT => (
                "NDA_FLAGS_EXT",
                parse_u32(value).map(|bits| ExtFlags(NeighbourExtFlags::from_bits_retain(bits))),
            ),
            NDA_NDM_STATE_MASK => (
                "NDA_NDM_STATE_MASK",
                parse_u16(value).map(|bits| StateMask(NeighbourState::from_bits_retain(bits))),
            ),
            NDA_NDM_FLAGS_MASK => (
                "NDA_NDM_FLAGS_MASK",
                parse_u8(value).map(|bits| FlagsMask(NeighbourFlags::from_bits_retain(bits))),
            ),
            kind => return Ok(Other(RawNla::new(kind, value))),
        };
        Ok(parsed.unwrap_or_else(|error| {
            Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}

/// Parses a nested attribute list, refusing lists that would not re-emit
/// to the same length (missing padding of the last attribute).
fn parse_nested(value: &[u8]) -> Result<Vec<FdbExtAttribute>, DecodeError> {
    let mut attributes = Vec::new();
    for nla in NlasIterator::new(value) {
        attributes.push(FdbExtAttribute::parse(&nla?)?);
    }
    let emitted_len = attributes.as_slice().buffer_len();
    if emitted_len != value.len() {
        return Err(DecodeError::new(format!(
            "nested attributes of {} bytes are not padded to {emitted_len} bytes",
            value.len()
        )));
    }
    Ok(attributes)
}

/// A link-layer address of at most `MAX_ADDR_LEN` bytes.
pub(super) fn link_address(value: &[u8]) -> Result<LinkAddress, DecodeError> {
    LinkAddress::new(value).ok_or_else(|| {
        DecodeError::new(format!(
            "link-layer address of {} bytes exceeds {} bytes",
            value.len(),
            LinkAddress::MAX_LEN
        ))
    })
}
