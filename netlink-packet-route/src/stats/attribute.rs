//! Statistics attributes: `IFLA_STATS_*` in replies and
//! `IFLA_STATS_GETSET_*` in requests.

use netlink_packet_core::emit::emit_u8;
use netlink_packet_core::{
    parse_u8, DecodeError, Emitable, MalformedNla, Nla, NlaBuffer, Parseable,
    ParseableParametrized, RawNla, NLA_F_NESTED,
};

use super::filter::StatsFilter;
use super::offload::OffloadStatsAttribute;
use crate::common::nla_list::parse_nla_list;
use crate::link::codec::WireValue;
use crate::link::LinkStats64;

/// `IFLA_STATS_LINK_64`: `struct rtnl_link_stats64` (replies).
pub const IFLA_STATS_LINK_64: u16 = 1;
/// `IFLA_STATS_LINK_XSTATS`: driver statistics, nested by
/// `LINK_XSTATS_TYPE_*` (replies).
pub const IFLA_STATS_LINK_XSTATS: u16 = 2;
/// `IFLA_STATS_LINK_XSTATS_SLAVE`: port statistics of the master, nested
/// by `LINK_XSTATS_TYPE_*` (replies).
pub const IFLA_STATS_LINK_XSTATS_SLAVE: u16 = 3;
/// `IFLA_STATS_LINK_OFFLOAD_XSTATS`: nested `IFLA_OFFLOAD_XSTATS_*`
/// (replies).
pub const IFLA_STATS_LINK_OFFLOAD_XSTATS: u16 = 4;
/// `IFLA_STATS_AF_SPEC`: per-family statistics, nested by family (replies).
pub const IFLA_STATS_AF_SPEC: u16 = 5;
/// `IFLA_STATS_GET_FILTERS`: nested per-group filter masks (requests).
pub const IFLA_STATS_GET_FILTERS: u16 = 1;
/// `IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS`: enable (1) or disable (0) L3
/// hardware statistics (`u8`, `RTM_SETSTATS`).
pub const IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS: u16 = 2;

/// Which attribute numbering a statistics message uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StatsMessageKind {
    /// `RTM_NEWSTATS`: `IFLA_STATS_*` attributes.
    #[default]
    Reply,
    /// `RTM_GETSTATS` and `RTM_SETSTATS`: `IFLA_STATS_GETSET_*` attributes.
    Request,
}

/// One statistics attribute.
///
/// Replies (`RTM_NEWSTATS`) carry the first five variants, requests
/// (`RTM_GETSTATS`, `RTM_SETSTATS`) [`GetFilters`](Self::GetFilters) and
/// [`SetOffloadXstatsL3Stats`](Self::SetOffloadXstatsL3Stats): the two
/// sets share attribute numbers, so parsing needs the
/// [`StatsMessageKind`]. Driver statistics (bridge, bond) and per-family
/// statistics are kept as their raw nested attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatsAttribute {
    /// `IFLA_STATS_LINK_64`: the 64-bit device counters.
    Link64(LinkStats64),
    /// `IFLA_STATS_LINK_XSTATS`: driver statistics, one raw nested
    /// attribute per `LINK_XSTATS_TYPE_*` (1 bridge, 2 bond).
    LinkXstats(Vec<RawNla>),
    /// `IFLA_STATS_LINK_XSTATS_SLAVE`: port statistics kept by the master,
    /// one raw nested attribute per `LINK_XSTATS_TYPE_*`.
    LinkXstatsSlave(Vec<RawNla>),
    /// `IFLA_STATS_LINK_OFFLOAD_XSTATS`: offload statistics.
    LinkOffloadXstats(Vec<OffloadStatsAttribute>),
    /// `IFLA_STATS_AF_SPEC`: one raw nested attribute per address family
    /// (`AF_MPLS`: `MPLS_STATS_LINK`).
    AfSpec(Vec<RawNla>),
    /// `IFLA_STATS_GET_FILTERS` (requests): per-group filter masks.
    GetFilters(Vec<StatsFilter>),
    /// `IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS` (`RTM_SETSTATS`): 1 to
    /// enable L3 hardware statistics, 0 to disable them.
    SetOffloadXstatsL3Stats(u8),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

fn raw_list_len(list: &[RawNla]) -> usize {
    list.buffer_len()
}

impl Nla for StatsAttribute {
    fn value_len(&self) -> usize {
        use StatsAttribute::*;
        match self {
            Link64(stats) => WireValue::value_len(stats),
            LinkXstats(list) | LinkXstatsSlave(list) | AfSpec(list) => raw_list_len(list),
            LinkOffloadXstats(list) => list.as_slice().buffer_len(),
            GetFilters(list) => list.as_slice().buffer_len(),
            SetOffloadXstatsL3Stats(_) => 1,
            Other(nla) => nla.value_len(),
            Malformed(nla) => nla.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        use StatsAttribute::*;
        match self {
            Link64(_) => IFLA_STATS_LINK_64,
            LinkXstats(_) => IFLA_STATS_LINK_XSTATS,
            LinkXstatsSlave(_) => IFLA_STATS_LINK_XSTATS_SLAVE,
            LinkOffloadXstats(_) => IFLA_STATS_LINK_OFFLOAD_XSTATS,
            AfSpec(_) => IFLA_STATS_AF_SPEC,
            GetFilters(_) => IFLA_STATS_GET_FILTERS,
            SetOffloadXstatsL3Stats(_) => IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS,
            Other(nla) => nla.kind(),
            Malformed(nla) => nla.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        use StatsAttribute::*;
        match self {
            Link64(stats) => WireValue::emit_value(stats, buffer),
            LinkXstats(list) | LinkXstatsSlave(list) | AfSpec(list) => list.as_slice().emit(buffer),
            LinkOffloadXstats(list) => list.as_slice().emit(buffer),
            GetFilters(list) => list.as_slice().emit(buffer),
            SetOffloadXstatsL3Stats(value) => emit_u8(buffer, *value),
            Other(nla) => nla.emit_value(buffer),
            Malformed(nla) => nla.emit_value(buffer),
        }
    }

    /// The kernel nests reply groups without `NLA_F_NESTED`; requests set
    /// it on `IFLA_STATS_GET_FILTERS` (strict validation wants it).
    fn is_nested(&self) -> bool {
        match self {
            StatsAttribute::GetFilters(_) => true,
            StatsAttribute::Other(nla) => nla.is_nested(),
            StatsAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            StatsAttribute::Other(nla) => nla.is_network_byteorder(),
            StatsAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> ParseableParametrized<NlaBuffer<&'a T>, StatsMessageKind>
    for StatsAttribute
{
    /// Never fails: unknown types become [`StatsAttribute::Other`] and
    /// undecodable values [`StatsAttribute::Malformed`].
    fn parse_with_param(
        buf: &NlaBuffer<&'a T>,
        kind: StatsMessageKind,
    ) -> Result<Self, DecodeError> {
        use StatsAttribute::*;
        let value = buf.value();
        let raw_kind = buf.raw_kind();
        let (name, parsed) = match (kind, raw_kind) {
            (StatsMessageKind::Reply, IFLA_STATS_LINK_64) => (
                "IFLA_STATS_LINK_64",
                LinkStats64::decode_value(value).map(Link64),
            ),
            (StatsMessageKind::Reply, IFLA_STATS_LINK_XSTATS) => (
                "IFLA_STATS_LINK_XSTATS",
                parse_raw_list(value).map(LinkXstats),
            ),
            (StatsMessageKind::Reply, IFLA_STATS_LINK_XSTATS_SLAVE) => (
                "IFLA_STATS_LINK_XSTATS_SLAVE",
                parse_raw_list(value).map(LinkXstatsSlave),
            ),
            (StatsMessageKind::Reply, IFLA_STATS_LINK_OFFLOAD_XSTATS) => (
                "IFLA_STATS_LINK_OFFLOAD_XSTATS",
                parse_canonical(value, OffloadStatsAttribute::parse).map(LinkOffloadXstats),
            ),
            (StatsMessageKind::Reply, IFLA_STATS_AF_SPEC) => {
                ("IFLA_STATS_AF_SPEC", parse_raw_list(value).map(AfSpec))
            }
            (StatsMessageKind::Request, kind) if kind == IFLA_STATS_GET_FILTERS | NLA_F_NESTED => (
                "IFLA_STATS_GET_FILTERS",
                parse_canonical(value, StatsFilter::parse).map(GetFilters),
            ),
            (StatsMessageKind::Request, IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS) => (
                "IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS",
                parse_u8(value).map(SetOffloadXstatsL3Stats),
            ),
            _ => return Ok(Other(RawNla::new(raw_kind, value))),
        };
        Ok(parsed.unwrap_or_else(|error| {
            Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for StatsAttribute {
    /// Parses a reply (`RTM_NEWSTATS`) attribute.
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        Self::parse_with_param(buf, StatsMessageKind::Reply)
    }
}

/// Parses a nested list with `parse`, refusing lists that would not
/// re-emit to the same length (missing padding of the last attribute).
fn parse_canonical<'a, A: Nla>(
    value: &'a [u8],
    parse: impl FnMut(NlaBuffer<&'a [u8]>) -> A,
) -> Result<Vec<A>, DecodeError> {
    let list = parse_nla_list(value, parse)?;
    let emitted_len = list.as_slice().buffer_len();
    if emitted_len != value.len() {
        return Err(DecodeError::new(format!(
            "nested attributes of {} bytes are not padded to {emitted_len} bytes",
            value.len()
        )));
    }
    Ok(list)
}

/// Parses a nested list keeping every attribute raw.
fn parse_raw_list(value: &[u8]) -> Result<Vec<RawNla>, DecodeError> {
    parse_canonical(value, |nla| RawNla::new(nla.raw_kind(), nla.value()))
}
