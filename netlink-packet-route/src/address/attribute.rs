//! Address attributes (`IFA_*`).

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_core::emit::{emit_c_string, emit_i32, emit_ip, emit_u32, emit_u8, ip_len};
use netlink_packet_core::{
    parse_c_string, parse_i32, parse_ip, parse_ipv4, parse_u32, parse_u8, DecodeError,
    MalformedNla, Nla, NlaBuffer, Parseable, RawNla,
};

use super::cache_info::{AddressCacheInfo, ADDRESS_CACHE_INFO_LEN};
use super::flags::AddressFlags;
use super::protocol::AddressProtocol;

/// `IFA_UNSPEC`
pub const IFA_UNSPEC: u16 = 0;
/// `IFA_ADDRESS`: the prefix address (the peer address on point-to-point links).
pub const IFA_ADDRESS: u16 = 1;
/// `IFA_LOCAL`: the local address.
pub const IFA_LOCAL: u16 = 2;
/// `IFA_LABEL`: the IPv4 address label (`eth0:1`).
pub const IFA_LABEL: u16 = 3;
/// `IFA_BROADCAST`: the IPv4 broadcast address.
pub const IFA_BROADCAST: u16 = 4;
/// `IFA_ANYCAST`: an IPv6 anycast address.
pub const IFA_ANYCAST: u16 = 5;
/// `IFA_CACHEINFO`: lifetimes and timestamps (`struct ifa_cacheinfo`).
pub const IFA_CACHEINFO: u16 = 6;
/// `IFA_MULTICAST`: a multicast address.
pub const IFA_MULTICAST: u16 = 7;
/// `IFA_FLAGS`: the 32-bit address flags.
pub const IFA_FLAGS: u16 = 8;
/// `IFA_RT_PRIORITY`: priority (metric) of the prefix route.
pub const IFA_RT_PRIORITY: u16 = 9;
/// `IFA_TARGET_NETNSID`: operate in the namespace with this id (requests).
pub const IFA_TARGET_NETNSID: u16 = 10;
/// `IFA_PROTO`: who created the address.
pub const IFA_PROTO: u16 = 11;

/// One address attribute (`IFA_*`).
///
/// Unknown attribute types are kept in [`AddressAttribute::Other`]; an
/// attribute of a known type whose value cannot be decoded is kept in
/// [`AddressAttribute::Malformed`] with its error. Both re-emit their bytes
/// unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddressAttribute {
    /// `IFA_ADDRESS`: the prefix address; on point-to-point links the peer.
    Address(IpAddr),
    /// `IFA_LOCAL`: the local address.
    Local(IpAddr),
    /// `IFA_LABEL`: the IPv4 address label.
    Label(String),
    /// `IFA_BROADCAST`: the IPv4 broadcast address.
    Broadcast(Ipv4Addr),
    /// `IFA_ANYCAST`: an IPv6 anycast address.
    Anycast(IpAddr),
    /// `IFA_CACHEINFO`: lifetimes and timestamps.
    CacheInfo(AddressCacheInfo),
    /// `IFA_MULTICAST`: a multicast address.
    Multicast(IpAddr),
    /// `IFA_FLAGS`: all address flags.
    Flags(AddressFlags),
    /// `IFA_RT_PRIORITY`: priority (metric) of the prefix route.
    RoutePriority(u32),
    /// `IFA_TARGET_NETNSID`: the namespace id to operate in.
    TargetNetnsId(i32),
    /// `IFA_PROTO`: the originator of the address.
    Protocol(AddressProtocol),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

impl Nla for AddressAttribute {
    fn value_len(&self) -> usize {
        use AddressAttribute::*;
        match self {
            Address(ip) | Local(ip) | Anycast(ip) | Multicast(ip) => ip_len(ip),
            Label(label) => label.len() + 1,
            Broadcast(_) => 4,
            CacheInfo(_) => ADDRESS_CACHE_INFO_LEN,
            Flags(_) | RoutePriority(_) | TargetNetnsId(_) => 4,
            Protocol(_) => 1,
            Other(nla) => nla.value_len(),
            Malformed(nla) => nla.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        use AddressAttribute::*;
        match self {
            Address(_) => IFA_ADDRESS,
            Local(_) => IFA_LOCAL,
            Label(_) => IFA_LABEL,
            Broadcast(_) => IFA_BROADCAST,
            Anycast(_) => IFA_ANYCAST,
            CacheInfo(_) => IFA_CACHEINFO,
            Multicast(_) => IFA_MULTICAST,
            Flags(_) => IFA_FLAGS,
            RoutePriority(_) => IFA_RT_PRIORITY,
            TargetNetnsId(_) => IFA_TARGET_NETNSID,
            Protocol(_) => IFA_PROTO,
            Other(nla) => nla.kind(),
            Malformed(nla) => nla.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        use AddressAttribute::*;
        match self {
            Address(ip) | Local(ip) | Anycast(ip) | Multicast(ip) => emit_ip(buffer, ip),
            Label(label) => emit_c_string(buffer, label),
            Broadcast(ip) => buffer[..4].copy_from_slice(&ip.octets()),
            CacheInfo(info) => info.emit(buffer),
            Flags(flags) => emit_u32(buffer, flags.bits()),
            RoutePriority(value) => emit_u32(buffer, *value),
            TargetNetnsId(value) => emit_i32(buffer, *value),
            Protocol(protocol) => emit_u8(buffer, (*protocol).into()),
            Other(nla) => nla.emit_value(buffer),
            Malformed(nla) => nla.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            AddressAttribute::Other(nla) => nla.is_nested(),
            AddressAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            AddressAttribute::Other(nla) => nla.is_network_byteorder(),
            AddressAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for AddressAttribute {
    /// Never fails: unknown types become [`AddressAttribute::Other`] and
    /// undecodable values [`AddressAttribute::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        use AddressAttribute::*;
        let value = buf.value();
        // Matching the raw type (flag bits included) keeps attributes with
        // unexpected flag bits raw, so that they re-emit unchanged.
        let (name, parsed) = match buf.raw_kind() {
            IFA_ADDRESS => ("IFA_ADDRESS", parse_ip(value).map(Address)),
            IFA_LOCAL => ("IFA_LOCAL", parse_ip(value).map(Local)),
            IFA_LABEL => ("IFA_LABEL", parse_c_string(value).map(Label)),
            IFA_BROADCAST => ("IFA_BROADCAST", parse_ipv4(value).map(Broadcast)),
            IFA_ANYCAST => ("IFA_ANYCAST", parse_ip(value).map(Anycast)),
            IFA_CACHEINFO => (
                "IFA_CACHEINFO",
                AddressCacheInfo::parse(value).map(CacheInfo),
            ),
            IFA_MULTICAST => ("IFA_MULTICAST", parse_ip(value).map(Multicast)),
            IFA_FLAGS => (
                "IFA_FLAGS",
                parse_u32(value).map(|bits| Flags(AddressFlags::from_bits_retain(bits))),
            ),
            IFA_RT_PRIORITY => ("IFA_RT_PRIORITY", parse_u32(value).map(RoutePriority)),
            IFA_TARGET_NETNSID => ("IFA_TARGET_NETNSID", parse_i32(value).map(TargetNetnsId)),
            IFA_PROTO => (
                "IFA_PROTO",
                parse_u8(value).map(|protocol| Protocol(protocol.into())),
            ),
            kind => {
                return Ok(Other(RawNla {
                    kind,
                    value: value.to_vec(),
                }))
            }
        };
        Ok(parsed.unwrap_or_else(|error| {
            Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netlink_packet_core::Emitable;

    fn parse(bytes: &[u8]) -> AddressAttribute {
        AddressAttribute::parse(&NlaBuffer::new_checked(bytes).unwrap()).unwrap()
    }

    fn emit(attribute: &AddressAttribute) -> Vec<u8> {
        let mut bytes = vec![0; attribute.buffer_len()];
        attribute.emit(&mut bytes);
        bytes
    }

    #[test]
    fn label_keeps_its_terminator() {
        let bytes = [7, 0, 3, 0, b'l', b'o', 0, 0];
        let attribute = parse(&bytes);
        assert_eq!(attribute, AddressAttribute::Label("lo".into()));
        assert_eq!(emit(&attribute), bytes);
    }

    #[test]
    fn malformed_value_is_kept_with_its_error() {
        // IFA_FLAGS with 3 bytes.
        let bytes = [7, 0, 8, 0, 1, 2, 3, 0];
        let attribute = parse(&bytes);
        let AddressAttribute::Malformed(malformed) = &attribute else {
            panic!("expected Malformed, got {attribute:?}");
        };
        assert_eq!(
            malformed.error.to_string(),
            "IFA_FLAGS: expected 4 bytes, got 3"
        );
        assert_eq!(emit(&attribute), bytes);
    }

    #[test]
    fn unknown_kind_and_unexpected_flags_stay_raw() {
        let unknown = [5, 0, 42, 0, 9, 0, 0, 0];
        assert_eq!(
            parse(&unknown),
            AddressAttribute::Other(RawNla::new(42, vec![9]))
        );
        // IFA_FLAGS with NLA_F_NET_BYTEORDER set is not the kernel's form.
        let flagged = [8, 0, 8, 0x40, 1, 0, 0, 0];
        assert!(matches!(parse(&flagged), AddressAttribute::Other(_)));
        assert_eq!(emit(&parse(&flagged)), flagged);
    }

    #[test]
    fn addresses_of_both_families() {
        let v4 = [8, 0, 2, 0, 10, 0, 0, 1];
        assert_eq!(
            parse(&v4),
            AddressAttribute::Local(IpAddr::from([10, 0, 0, 1]))
        );
        let broadcast = [8, 0, 4, 0, 10, 0, 0, 255];
        assert_eq!(
            parse(&broadcast),
            AddressAttribute::Broadcast(Ipv4Addr::new(10, 0, 0, 255))
        );
        let mut v6 = vec![20, 0, 1, 0];
        v6.extend_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
        v6.extend_from_slice(&[0; 11]);
        v6.push(1);
        let attribute = parse(&v6);
        assert_eq!(
            attribute,
            AddressAttribute::Address("2001:db8::1".parse().unwrap())
        );
        assert_eq!(emit(&attribute), v6);
    }
}
