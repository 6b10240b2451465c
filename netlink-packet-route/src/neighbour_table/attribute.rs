//! Neighbour table attributes (`NDTA_*`).

use netlink_packet_core::emit::{emit_c_string, emit_u32, emit_u64};
use netlink_packet_core::{
    parse_c_string, parse_u32, parse_u64, DecodeError, Emitable, MalformedNla, Nla, NlaBuffer,
    NlasIterator, Parseable, RawNla,
};

use super::config::{NeighbourTableConfig, NEIGHBOUR_TABLE_CONFIG_LEN};
use super::parameter::NeighbourTableParameter;
use super::stats::{NeighbourTableStats, NEIGHBOUR_TABLE_STATS_LEN};

/// `NDTA_UNSPEC`
pub const NDTA_UNSPEC: u16 = 0;
/// `NDTA_NAME`: the table name (`arp_cache`, `ndisc_cache`).
pub const NDTA_NAME: u16 = 1;
/// `NDTA_THRESH1`: below this many entries, no garbage collection (`u32`).
pub const NDTA_THRESH1: u16 = 2;
/// `NDTA_THRESH2`: soft maximum of entries (`u32`).
pub const NDTA_THRESH2: u16 = 3;
/// `NDTA_THRESH3`: hard maximum of entries (`u32`).
pub const NDTA_THRESH3: u16 = 4;
/// `NDTA_CONFIG`: `struct ndt_config` (read-only).
pub const NDTA_CONFIG: u16 = 5;
/// `NDTA_PARMS`: nested `NDTPA_*` parameters.
pub const NDTA_PARMS: u16 = 6;
/// `NDTA_STATS`: `struct ndt_stats` (read-only).
pub const NDTA_STATS: u16 = 7;
/// `NDTA_GC_INTERVAL`: garbage collection interval (`u64` ms).
pub const NDTA_GC_INTERVAL: u16 = 8;
/// `NDTA_PAD`: alignment padding.
pub const NDTA_PAD: u16 = 9;

/// One neighbour table attribute (`NDTA_*`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NeighbourTableAttribute {
    /// `NDTA_NAME`: the table name.
    Name(String),
    /// `NDTA_THRESH1`: no garbage collection below this many entries.
    Threshold1(u32),
    /// `NDTA_THRESH2`: soft maximum of entries.
    Threshold2(u32),
    /// `NDTA_THRESH3`: hard maximum of entries.
    Threshold3(u32),
    /// `NDTA_CONFIG`: table configuration.
    Config(NeighbourTableConfig),
    /// `NDTA_PARMS`: default or per-device parameters.
    Parameters(Vec<NeighbourTableParameter>),
    /// `NDTA_STATS`: table statistics.
    Stats(NeighbourTableStats),
    /// `NDTA_GC_INTERVAL`: garbage collection interval in milliseconds.
    GcInterval(u64),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

impl Nla for NeighbourTableAttribute {
    fn value_len(&self) -> usize {
        use NeighbourTableAttribute::*;
        match self {
            Name(name) => name.len() + 1,
            Threshold1(_) | Threshold2(_) | Threshold3(_) => 4,
            Config(_) => NEIGHBOUR_TABLE_CONFIG_LEN,
            Parameters(parameters) => parameters.as_slice().buffer_len(),
            Stats(_) => NEIGHBOUR_TABLE_STATS_LEN,
            GcInterval(_) => 8,
            Other(nla) => nla.value_len(),
            Malformed(nla) => nla.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        use NeighbourTableAttribute::*;
        match self {
            Name(_) => NDTA_NAME,
            Threshold1(_) => NDTA_THRESH1,
            Threshold2(_) => NDTA_THRESH2,
            Threshold3(_) => NDTA_THRESH3,
            Config(_) => NDTA_CONFIG,
            Parameters(_) => NDTA_PARMS,
            Stats(_) => NDTA_STATS,
            GcInterval(_) => NDTA_GC_INTERVAL,
            Other(nla) => nla.kind(),
            Malformed(nla) => nla.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        use NeighbourTableAttribute::*;
        match self {
            Name(name) => emit_c_string(buffer, name),
            Threshold1(value) | Threshold2(value) | Threshold3(value) => emit_u32(buffer, *value),
            Config(config) => config.emit(buffer),
            Parameters(parameters) => parameters.as_slice().emit(buffer),
            Stats(stats) => stats.emit(buffer),
            GcInterval(value) => emit_u64(buffer, *value),
            Other(nla) => nla.emit_value(buffer),
            Malformed(nla) => nla.emit_value(buffer),
        }
    }

    // The kernel nests NDTA_PARMS without NLA_F_NESTED; so does this crate.
    fn is_nested(&self) -> bool {
        match self {
            NeighbourTableAttribute::Other(nla) => nla.is_nested(),
            NeighbourTableAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            NeighbourTableAttribute::Other(nla) => nla.is_network_byteorder(),
            NeighbourTableAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for NeighbourTableAttribute {
    /// Never fails: unknown types become [`NeighbourTableAttribute::Other`]
    /// and undecodable values [`NeighbourTableAttribute::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        use NeighbourTableAttribute::*;
        let value = buf.value();
        let (name, parsed) = match buf.raw_kind() {
            NDTA_NAME => ("NDTA_NAME", parse_c_string(value).map(Name)),
            NDTA_THRESH1 => ("NDTA_THRESH1", parse_u32(value).map(Threshold1)),
            NDTA_THRESH2 => ("NDTA_THRESH2", parse_u32(value).map(Threshold2)),
            NDTA_THRESH3 => ("NDTA_THRESH3", parse_u32(value).map(Threshold3)),
            NDTA_CONFIG => (
                "NDTA_CONFIG",
                NeighbourTableConfig::parse(value).map(Config),
            ),
            NDTA_PARMS => ("NDTA_PARMS", parse_parameters(value).map(Parameters)),
            NDTA_STATS => ("NDTA_STATS", NeighbourTableStats::parse(value).map(Stats)),
            NDTA_GC_INTERVAL => ("NDTA_GC_INTERVAL", parse_u64(value).map(GcInterval)),
            kind => return Ok(Other(RawNla::new(kind, value))),
        };
        Ok(parsed.unwrap_or_else(|error| {
            Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}

/// Parses the nested parameter list, refusing lists that would not re-emit
/// to the same length (missing padding of the last attribute).
fn parse_parameters(value: &[u8]) -> Result<Vec<NeighbourTableParameter>, DecodeError> {
    let mut parameters = Vec::with_capacity(NlasIterator::new(value).count());
    for nla in NlasIterator::new(value) {
        parameters.push(NeighbourTableParameter::parse(&nla?)?);
    }
    let emitted_len = parameters.as_slice().buffer_len();
    if emitted_len != value.len() {
        return Err(DecodeError::new(format!(
            "nested attributes of {} bytes are not padded to {emitted_len} bytes",
            value.len()
        )));
    }
    Ok(parameters)
}
