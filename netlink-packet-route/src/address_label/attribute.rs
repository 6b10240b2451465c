//! Address label attributes (`IFAL_*`).

use std::net::Ipv6Addr;

use netlink_packet_core::emit::emit_u32;
use netlink_packet_core::{
    parse_ipv6, parse_u32, DecodeError, MalformedNla, Nla, NlaBuffer, Parseable, RawNla,
};

/// `IFAL_ADDRESS`: the prefix (`struct in6_addr`).
pub const IFAL_ADDRESS: u16 = 1;
/// `IFAL_LABEL`: the label (`u32`).
pub const IFAL_LABEL: u16 = 2;

/// One address label attribute (`IFAL_*`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddressLabelAttribute {
    /// `IFAL_ADDRESS`: the prefix (length in the header).
    Address(Ipv6Addr),
    /// `IFAL_LABEL`: the label.
    Label(u32),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

impl Nla for AddressLabelAttribute {
    fn value_len(&self) -> usize {
        match self {
            AddressLabelAttribute::Address(_) => 16,
            AddressLabelAttribute::Label(_) => 4,
            AddressLabelAttribute::Other(nla) => nla.value_len(),
            AddressLabelAttribute::Malformed(nla) => nla.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        match self {
            AddressLabelAttribute::Address(_) => IFAL_ADDRESS,
            AddressLabelAttribute::Label(_) => IFAL_LABEL,
            AddressLabelAttribute::Other(nla) => nla.kind(),
            AddressLabelAttribute::Malformed(nla) => nla.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            AddressLabelAttribute::Address(address) => {
                buffer[..16].copy_from_slice(&address.octets())
            }
            AddressLabelAttribute::Label(label) => emit_u32(buffer, *label),
            AddressLabelAttribute::Other(nla) => nla.emit_value(buffer),
            AddressLabelAttribute::Malformed(nla) => nla.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            AddressLabelAttribute::Other(nla) => nla.is_nested(),
            AddressLabelAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            AddressLabelAttribute::Other(nla) => nla.is_network_byteorder(),
            AddressLabelAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for AddressLabelAttribute {
    /// Never fails: unknown types become [`AddressLabelAttribute::Other`]
    /// and undecodable values [`AddressLabelAttribute::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        let value = buf.value();
        let (name, parsed) = match buf.raw_kind() {
            IFAL_ADDRESS => (
                "IFAL_ADDRESS",
                parse_ipv6(value).map(AddressLabelAttribute::Address),
            ),
            IFAL_LABEL => (
                "IFAL_LABEL",
                parse_u32(value).map(AddressLabelAttribute::Label),
            ),
            kind => return Ok(AddressLabelAttribute::Other(RawNla::new(kind, value))),
        };
        Ok(parsed.unwrap_or_else(|error| {
            AddressLabelAttribute::Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}
