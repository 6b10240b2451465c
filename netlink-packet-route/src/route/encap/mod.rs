//! Lightweight tunnel encapsulations of routes and nexthops (`RTA_ENCAP`
//! with `RTA_ENCAP_TYPE`, `NHA_ENCAP` with `NHA_ENCAP_TYPE`).

mod ip;
mod mpls;
mod seg6;
mod seg6_local;
mod srh;

use netlink_packet_core::{DecodeError, Emitable};

use crate::common::nla_list::parse_nested_nla_list;
use crate::common::numeric_enum::numeric_enum;

pub use ip::*;
pub use mpls::{MplsEncapAttribute, MPLS_IPTUNNEL_DST, MPLS_IPTUNNEL_TTL};
pub use seg6::{Seg6Encap, Seg6EncapAttribute, Seg6Mode, SEG6_IPTUNNEL_SRH};
pub use seg6_local::*;
pub use srh::{Ipv6SrHeader, IPV6_SR_HEADER_LEN};

numeric_enum! {
    /// The kind of a lightweight tunnel encapsulation (`LWTUNNEL_ENCAP_*`).
    pub enum EncapType: u16 {
        /// `LWTUNNEL_ENCAP_NONE`
        None = 0,
        /// `LWTUNNEL_ENCAP_MPLS`
        Mpls = 1,
        /// `LWTUNNEL_ENCAP_IP`
        Ip = 2,
        /// `LWTUNNEL_ENCAP_ILA`
        Ila = 3,
        /// `LWTUNNEL_ENCAP_IP6`
        Ip6 = 4,
        /// `LWTUNNEL_ENCAP_SEG6`
        Seg6 = 5,
        /// `LWTUNNEL_ENCAP_BPF`
        Bpf = 6,
        /// `LWTUNNEL_ENCAP_SEG6_LOCAL`
        Seg6Local = 7,
        /// `LWTUNNEL_ENCAP_RPL`
        Rpl = 8,
        /// `LWTUNNEL_ENCAP_IOAM6`
        Ioam6 = 9,
        /// `LWTUNNEL_ENCAP_XFRM`
        Xfrm = 10,
    }
}

/// The nested attributes of an encapsulation, typed after its
/// [`EncapType`] (which travels in a sibling attribute).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RouteEncap {
    /// `LWTUNNEL_ENCAP_MPLS`
    Mpls(Vec<MplsEncapAttribute>),
    /// `LWTUNNEL_ENCAP_IP`
    Ip(Vec<IpTunnelAttribute>),
    /// `LWTUNNEL_ENCAP_IP6`
    Ip6(Vec<Ip6TunnelAttribute>),
    /// `LWTUNNEL_ENCAP_SEG6`
    Seg6(Vec<Seg6EncapAttribute>),
    /// `LWTUNNEL_ENCAP_SEG6_LOCAL`
    Seg6Local(Vec<Seg6LocalAttribute>),
    /// The nested attributes of an encapsulation kept raw: ILA, BPF, RPL,
    /// IOAM6, XFRM, unknown types, or an encapsulation whose type attribute
    /// is missing. The bytes are the attribute value, unchanged.
    Raw(Vec<u8>),
}

impl RouteEncap {
    /// Decodes the value of `RTA_ENCAP` / `NHA_ENCAP` given the encap type
    /// found next to it (`None` when absent).
    pub fn parse(bytes: &[u8], encap_type: Option<EncapType>) -> Result<Self, DecodeError> {
        Ok(match encap_type {
            Some(EncapType::Mpls) => {
                RouteEncap::Mpls(parse_nested_nla_list(bytes, MplsEncapAttribute::parse)?)
            }
            Some(EncapType::Ip) => {
                RouteEncap::Ip(parse_nested_nla_list(bytes, IpTunnelAttribute::parse)?)
            }
            Some(EncapType::Ip6) => {
                RouteEncap::Ip6(parse_nested_nla_list(bytes, Ip6TunnelAttribute::parse)?)
            }
            Some(EncapType::Seg6) => {
                RouteEncap::Seg6(parse_nested_nla_list(bytes, Seg6EncapAttribute::parse)?)
            }
            Some(EncapType::Seg6Local) => {
                RouteEncap::Seg6Local(parse_nested_nla_list(bytes, Seg6LocalAttribute::parse)?)
            }
            _ => RouteEncap::Raw(bytes.to_vec()),
        })
    }

    /// The encap type matching the typed form (`None` for [`RouteEncap::Raw`]).
    pub fn encap_type(&self) -> Option<EncapType> {
        match self {
            RouteEncap::Mpls(_) => Some(EncapType::Mpls),
            RouteEncap::Ip(_) => Some(EncapType::Ip),
            RouteEncap::Ip6(_) => Some(EncapType::Ip6),
            RouteEncap::Seg6(_) => Some(EncapType::Seg6),
            RouteEncap::Seg6Local(_) => Some(EncapType::Seg6Local),
            RouteEncap::Raw(_) => None,
        }
    }

    /// Whether this encapsulation carries IP tunnel options
    /// (`LWTUNNEL_IP_OPTS`), which must never be sent to a 6.18 kernel.
    pub fn has_tunnel_options(&self) -> bool {
        match self {
            RouteEncap::Ip(attributes) => attributes.iter().any(IpTunnelAttribute::is_options),
            RouteEncap::Ip6(attributes) => attributes.iter().any(Ip6TunnelAttribute::is_options),
            _ => false,
        }
    }

    /// Length of the value on the wire.
    pub fn buffer_len(&self) -> usize {
        match self {
            RouteEncap::Mpls(list) => list.as_slice().buffer_len(),
            RouteEncap::Ip(list) => list.as_slice().buffer_len(),
            RouteEncap::Ip6(list) => list.as_slice().buffer_len(),
            RouteEncap::Seg6(list) => list.as_slice().buffer_len(),
            RouteEncap::Seg6Local(list) => list.as_slice().buffer_len(),
            RouteEncap::Raw(bytes) => bytes.len(),
        }
    }

    /// Writes the value at the start of `buffer`.
    pub fn emit(&self, buffer: &mut [u8]) {
        match self {
            RouteEncap::Mpls(list) => list.as_slice().emit(buffer),
            RouteEncap::Ip(list) => list.as_slice().emit(buffer),
            RouteEncap::Ip6(list) => list.as_slice().emit(buffer),
            RouteEncap::Seg6(list) => list.as_slice().emit(buffer),
            RouteEncap::Seg6Local(list) => list.as_slice().emit(buffer),
            RouteEncap::Raw(bytes) => buffer[..bytes.len()].copy_from_slice(bytes),
        }
    }
}
