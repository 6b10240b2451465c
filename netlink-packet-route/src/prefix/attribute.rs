//! Prefix attributes (`PREFIX_*`).

use std::net::Ipv6Addr;

use netlink_packet_core::{
    parse_ipv6, DecodeError, MalformedNla, Nla, NlaBuffer, Parseable, RawNla,
};

use crate::common::native_struct::native_struct;

/// `PREFIX_UNSPEC`
pub const PREFIX_UNSPEC: u16 = 0;
/// `PREFIX_ADDRESS`: the prefix (`struct in6_addr`).
pub const PREFIX_ADDRESS: u16 = 1;
/// `PREFIX_CACHEINFO`: lifetimes (`struct prefix_cacheinfo`).
pub const PREFIX_CACHEINFO: u16 = 2;

native_struct! {
    /// Lifetimes of a prefix (`struct prefix_cacheinfo`), in seconds.
    pub struct PrefixCacheInfo: u32, "struct prefix_cacheinfo" {
        /// `preferred_time`
        preferred_time,
        /// `valid_time`
        valid_time,
    }
}

/// One prefix attribute (`PREFIX_*`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PrefixAttribute {
    /// `PREFIX_ADDRESS`: the prefix.
    Address(Ipv6Addr),
    /// `PREFIX_CACHEINFO`: lifetimes.
    CacheInfo(PrefixCacheInfo),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

impl Nla for PrefixAttribute {
    fn value_len(&self) -> usize {
        match self {
            PrefixAttribute::Address(_) => 16,
            PrefixAttribute::CacheInfo(_) => PrefixCacheInfo::LEN,
            PrefixAttribute::Other(nla) => nla.value_len(),
            PrefixAttribute::Malformed(nla) => nla.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        match self {
            PrefixAttribute::Address(_) => PREFIX_ADDRESS,
            PrefixAttribute::CacheInfo(_) => PREFIX_CACHEINFO,
            PrefixAttribute::Other(nla) => nla.kind(),
            PrefixAttribute::Malformed(nla) => nla.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            PrefixAttribute::Address(address) => buffer[..16].copy_from_slice(&address.octets()),
            PrefixAttribute::CacheInfo(info) => info.emit(buffer),
            PrefixAttribute::Other(nla) => nla.emit_value(buffer),
            PrefixAttribute::Malformed(nla) => nla.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            PrefixAttribute::Other(nla) => nla.is_nested(),
            PrefixAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            PrefixAttribute::Other(nla) => nla.is_network_byteorder(),
            PrefixAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for PrefixAttribute {
    /// Never fails: unknown types become [`PrefixAttribute::Other`] and
    /// undecodable values [`PrefixAttribute::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        let value = buf.value();
        let (name, parsed) = match buf.raw_kind() {
            PREFIX_ADDRESS => (
                "PREFIX_ADDRESS",
                parse_ipv6(value).map(PrefixAttribute::Address),
            ),
            PREFIX_CACHEINFO => (
                "PREFIX_CACHEINFO",
                PrefixCacheInfo::parse(value).map(PrefixAttribute::CacheInfo),
            ),
            kind => return Ok(PrefixAttribute::Other(RawNla::new(kind, value))),
        };
        Ok(parsed.unwrap_or_else(|error| {
            PrefixAttribute::Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}
