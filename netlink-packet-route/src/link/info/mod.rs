//! Link kinds and their configuration (`IFLA_LINKINFO`).
//!
//! `IFLA_LINKINFO` names the kind of a virtual device (`IFLA_INFO_KIND`:
//! "veth", "bridge", ...) and carries its configuration
//! (`IFLA_INFO_DATA`, decoded according to the kind into [`InfoData`]). A
//! device enslaved to a bridge, bond or VRF also carries its port
//! configuration (`IFLA_INFO_SLAVE_KIND` / `IFLA_INFO_SLAVE_DATA`, decoded
//! into [`InfoSlaveData`]).

mod bond;
mod bond_port;
mod bridge;
mod bridge_port;
mod geneve;
mod gre;
mod hsr;
mod ip_tunnel;
mod ipvlan;
mod kind;
mod macsec;
mod macvlan;
mod netkit;
mod tun;
mod veth;
mod vlan;
mod vrf;
mod vxlan;
mod xfrm;

pub use bond::{BondAdInfoAttribute, BondArpTargets, BondNsTargets, InfoBond};
pub use bond_port::InfoBondPort;
pub use bridge::{BridgeBoolOpts, BridgeId, BridgeQuerierAttribute, InfoBridge};
pub use bridge_port::{BridgePortAttribute, BridgePortState};
pub use geneve::InfoGeneve;
pub use gre::InfoGre;
pub use hsr::InfoHsr;
pub use ip_tunnel::{InfoIpTunnel, IpTunnelFlags};
pub use ipvlan::{InfoIpVlan, IpVlanMode};
pub use kind::InfoKind;
pub use macsec::{InfoMacSec, MacSecValidation};
pub use macvlan::{InfoMacVlan, MacVlanMacAddrMode, MacVlanMode};
pub use netkit::{InfoNetkit, NetkitMode, NetkitPeer, NetkitPolicy, NetkitScrub};
pub use tun::InfoTun;
pub use veth::InfoVeth;
pub use vlan::{InfoVlan, VlanFlags, VlanQosAttribute, VlanQosMapping};
pub use vrf::{InfoVrf, InfoVrfPort};
pub use vxlan::{InfoVxlan, PortRange};
pub use xfrm::InfoXfrm;

use netlink_packet_core::emit::emit_c_string;
use netlink_packet_core::{DecodeError, NlaBuffer, RawNla};

use crate::common::nla_list::malformed;
use crate::link::codec::{attribute_set, parse_nest, parse_nest_with, ContextValue};
use crate::link::Nested;

attribute_set! {
    /// One attribute nested in `IFLA_LINKINFO` (`IFLA_INFO_*`).
    pub enum LinkInfoAttribute {
        /// Driver statistics (`IFLA_INFO_XSTATS`, driver-specific bytes, e.g.
        /// CAN devices).
        Xstats(Vec<u8>, Bytes) = IFLA_INFO_XSTATS(3),
    }
    custom {
        /// The kind of the device, NUL-terminated on the wire (as the kernel
        /// sends it).
        Kind(InfoKind, Context) = IFLA_INFO_KIND(1),
        /// The kind of the device, sent without a terminating NUL (some
        /// tools do so in requests); emitted back the same way.
        KindWithoutNul(UnterminatedKind, Context) = IFLA_INFO_KIND(1),
        /// The configuration of the device, decoded according to the kind.
        Data(InfoData, Context) = IFLA_INFO_DATA(2),
        /// The kind of the controller this device is a port of (`bridge`,
        /// `bond`, `vrf`).
        SlaveKind(InfoKind, Context) = IFLA_INFO_SLAVE_KIND(4),
        /// The controller kind, sent without a terminating NUL.
        SlaveKindWithoutNul(UnterminatedKind, Context) = IFLA_INFO_SLAVE_KIND(4),
        /// The port configuration, decoded according to the controller kind.
        SlaveData(InfoSlaveData, Context) = IFLA_INFO_SLAVE_DATA(5),
    }
}

/// A kind string that came without its terminating NUL.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnterminatedKind(pub InfoKind);

impl ContextValue for InfoKind {
    fn context_len(&self) -> usize {
        self.as_str().len() + 1
    }

    fn context_emit(&self, buffer: &mut [u8]) {
        emit_c_string(buffer, self.as_str())
    }

    fn context_nested(&self) -> bool {
        false
    }
}

impl ContextValue for UnterminatedKind {
    fn context_len(&self) -> usize {
        self.0.as_str().len()
    }

    fn context_emit(&self, buffer: &mut [u8]) {
        buffer.copy_from_slice(self.0.as_str().as_bytes())
    }

    fn context_nested(&self) -> bool {
        false
    }
}

/// The configuration of a device of a known kind (`IFLA_INFO_DATA`).
///
/// Kinds without configuration attributes (`dummy`, `ifb`, `wireguard`) and
/// kinds not typed here keep their `IFLA_INFO_DATA`, if any, as
/// [`LinkInfoAttribute::Other`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InfoData {
    /// `veth` (requests only: the peer to create).
    Veth(Nested<InfoVeth>),
    /// `bridge`.
    Bridge(Nested<InfoBridge>),
    /// `macvlan`.
    MacVlan(Nested<InfoMacVlan>),
    /// `macvtap` (same attributes as macvlan).
    MacVtap(Nested<InfoMacVlan>),
    /// `ipvlan`.
    IpVlan(Nested<InfoIpVlan>),
    /// `ipvtap` (same attributes as ipvlan).
    IpVtap(Nested<InfoIpVlan>),
    /// `vlan`.
    Vlan(Nested<InfoVlan>),
    /// `vxlan`.
    Vxlan(Nested<InfoVxlan>),
    /// `geneve`.
    Geneve(Nested<InfoGeneve>),
    /// `bond`.
    Bond(Nested<InfoBond>),
    /// `vrf`.
    Vrf(Nested<InfoVrf>),
    /// `gre`, `gretap`, `ip6gre`, `ip6gretap`, `erspan`, `ip6erspan`.
    Gre(Nested<InfoGre>),
    /// `ipip`, `sit`, `ip6tnl`.
    IpTunnel(Nested<InfoIpTunnel>),
    /// `xfrm`.
    Xfrm(Nested<InfoXfrm>),
    /// `macsec`.
    MacSec(Nested<InfoMacSec>),
    /// `hsr`.
    Hsr(Nested<InfoHsr>),
    /// `tun` (tun and tap devices).
    Tun(Nested<InfoTun>),
    /// `netkit`.
    Netkit(Nested<InfoNetkit>),
}

macro_rules! for_each_data {
    ($value:expr, $nested:ident => $body:expr) => {
        match $value {
            InfoData::Veth($nested) => $body,
            InfoData::Bridge($nested) => $body,
            InfoData::MacVlan($nested) | InfoData::MacVtap($nested) => $body,
            InfoData::IpVlan($nested) | InfoData::IpVtap($nested) => $body,
            InfoData::Vlan($nested) => $body,
            InfoData::Vxlan($nested) => $body,
            InfoData::Geneve($nested) => $body,
            InfoData::Bond($nested) => $body,
            InfoData::Vrf($nested) => $body,
            InfoData::Gre($nested) => $body,
            InfoData::IpTunnel($nested) => $body,
            InfoData::Xfrm($nested) => $body,
            InfoData::MacSec($nested) => $body,
            InfoData::Hsr($nested) => $body,
            InfoData::Tun($nested) => $body,
            InfoData::Netkit($nested) => $body,
        }
    };
}

impl ContextValue for InfoData {
    fn context_len(&self) -> usize {
        for_each_data!(self, nested => nested.value_len())
    }

    fn context_emit(&self, buffer: &mut [u8]) {
        for_each_data!(self, nested => nested.emit_value(buffer))
    }

    fn context_nested(&self) -> bool {
        for_each_data!(self, nested => nested.nested_flag)
    }
}

impl InfoData {
    /// Decodes the `IFLA_INFO_DATA` of a device of kind `kind`; `None` if
    /// the kind has no typed configuration.
    fn parse(kind: &InfoKind, nla: &NlaBuffer<&[u8]>) -> Option<Result<Self, DecodeError>> {
        Some(match kind {
            InfoKind::Veth => parse_nest(nla).map(InfoData::Veth),
            InfoKind::Bridge => parse_nest(nla).map(InfoData::Bridge),
            InfoKind::MacVlan => parse_nest(nla).map(InfoData::MacVlan),
            InfoKind::MacVtap => parse_nest(nla).map(InfoData::MacVtap),
            InfoKind::IpVlan => parse_nest(nla).map(InfoData::IpVlan),
            InfoKind::IpVtap => parse_nest(nla).map(InfoData::IpVtap),
            InfoKind::Vlan => parse_nest(nla).map(InfoData::Vlan),
            InfoKind::Vxlan => parse_nest(nla).map(InfoData::Vxlan),
            InfoKind::Geneve => parse_nest(nla).map(InfoData::Geneve),
            InfoKind::Bond => parse_nest(nla).map(InfoData::Bond),
            InfoKind::Vrf => parse_nest(nla).map(InfoData::Vrf),
            InfoKind::Gre
            | InfoKind::GreTap
            | InfoKind::Ip6Gre
            | InfoKind::Ip6GreTap
            | InfoKind::Erspan
            | InfoKind::Ip6Erspan => parse_nest(nla).map(InfoData::Gre),
            InfoKind::IpIp | InfoKind::Sit | InfoKind::Ip6Tnl => {
                parse_nest(nla).map(InfoData::IpTunnel)
            }
            InfoKind::Xfrm => parse_nest(nla).map(InfoData::Xfrm),
            InfoKind::MacSec => parse_nest(nla).map(InfoData::MacSec),
            InfoKind::Hsr => parse_nest(nla).map(InfoData::Hsr),
            InfoKind::Tun => parse_nest(nla).map(InfoData::Tun),
            InfoKind::Netkit => {
                parse_nest_with(nla, InfoNetkit::parse_attr_with_peer).map(InfoData::Netkit)
            }
            InfoKind::Dummy
            | InfoKind::Ifb
            | InfoKind::Wireguard
            | InfoKind::Vti
            | InfoKind::Vti6
            | InfoKind::Other(_) => return None,
        })
    }
}

/// The port configuration of a device enslaved to a controller of a known
/// kind (`IFLA_INFO_SLAVE_DATA`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InfoSlaveData {
    /// Port of a `bridge`.
    Bridge(Nested<BridgePortAttribute>),
    /// Port of a `bond`.
    Bond(Nested<InfoBondPort>),
    /// Port of a `vrf`.
    Vrf(Nested<InfoVrfPort>),
}

impl ContextValue for InfoSlaveData {
    fn context_len(&self) -> usize {
        match self {
            InfoSlaveData::Bridge(nested) => nested.value_len(),
            InfoSlaveData::Bond(nested) => nested.value_len(),
            InfoSlaveData::Vrf(nested) => nested.value_len(),
        }
    }

    fn context_emit(&self, buffer: &mut [u8]) {
        match self {
            InfoSlaveData::Bridge(nested) => nested.emit_value(buffer),
            InfoSlaveData::Bond(nested) => nested.emit_value(buffer),
            InfoSlaveData::Vrf(nested) => nested.emit_value(buffer),
        }
    }

    fn context_nested(&self) -> bool {
        match self {
            InfoSlaveData::Bridge(nested) => nested.nested_flag,
            InfoSlaveData::Bond(nested) => nested.nested_flag,
            InfoSlaveData::Vrf(nested) => nested.nested_flag,
        }
    }
}

impl InfoSlaveData {
    fn parse(kind: &InfoKind, nla: &NlaBuffer<&[u8]>) -> Option<Result<Self, DecodeError>> {
        Some(match kind {
            InfoKind::Bridge => parse_nest(nla).map(InfoSlaveData::Bridge),
            InfoKind::Bond => parse_nest(nla).map(InfoSlaveData::Bond),
            InfoKind::Vrf => parse_nest(nla).map(InfoSlaveData::Vrf),
            _ => return None,
        })
    }
}

/// Decodes a kind string: `Ok((kind, nul_terminated))`.
fn parse_kind(nla: &NlaBuffer<&[u8]>) -> Result<(InfoKind, bool), DecodeError> {
    let value = crate::link::codec::plain(nla)?;
    let (text, terminated) = match value.split_last() {
        Some((0, text)) => (text, true),
        _ => (value, false),
    };
    // The usual case: a known kind (ASCII, no NUL, not empty).
    if let Some(kind) = InfoKind::known(text) {
        return Ok((kind, terminated));
    }
    if text.contains(&0) {
        return Err(DecodeError::new(
            "kind string contains a NUL before its end",
        ));
    }
    let text = std::str::from_utf8(text)
        .map_err(|error| DecodeError::new(format!("invalid UTF-8 kind string: {error}")))?;
    if text.is_empty() && !terminated {
        return Err(DecodeError::new("empty kind string"));
    }
    Ok((InfoKind::from(text), terminated))
}

/// Decodes the value of `IFLA_LINKINFO`: the data attributes are decoded
/// according to the kind attributes that precede them.
pub(crate) fn parse_link_info(
    nla: &NlaBuffer<&[u8]>,
) -> Result<Nested<LinkInfoAttribute>, DecodeError> {
    let mut kind: Option<InfoKind> = None;
    let mut slave_kind: Option<InfoKind> = None;
    parse_nest_with(nla, |nla| {
        use crate::link::codec::ParseAttr;
        match nla.kind() {
            1 | 4 => match parse_kind(nla) {
                Ok((value, terminated)) => {
                    let slot = if nla.kind() == 1 {
                        &mut kind
                    } else {
                        &mut slave_kind
                    };
                    *slot = Some(value.clone());
                    match (nla.kind(), terminated) {
                        (1, true) => LinkInfoAttribute::Kind(value),
                        (1, false) => LinkInfoAttribute::KindWithoutNul(UnterminatedKind(value)),
                        (_, true) => LinkInfoAttribute::SlaveKind(value),
                        (_, false) => {
                            LinkInfoAttribute::SlaveKindWithoutNul(UnterminatedKind(value))
                        }
                    }
                }
                Err(error) => LinkInfoAttribute::Malformed(malformed(
                    nla,
                    error,
                    if nla.kind() == 1 {
                        "IFLA_INFO_KIND"
                    } else {
                        "IFLA_INFO_SLAVE_KIND"
                    },
                )),
            },
            2 => match kind.as_ref().and_then(|kind| InfoData::parse(kind, nla)) {
                Some(Ok(data)) => LinkInfoAttribute::Data(data),
                Some(Err(error)) => LinkInfoAttribute::Malformed(malformed(
                    nla,
                    error,
                    &format!(
                        "IFLA_INFO_DATA ({})",
                        kind.as_ref().map_or("?", InfoKind::as_str)
                    ),
                )),
                None => LinkInfoAttribute::Other(RawNla::new(nla.raw_kind(), nla.value())),
            },
            5 => match slave_kind
                .as_ref()
                .and_then(|kind| InfoSlaveData::parse(kind, nla))
            {
                Some(Ok(data)) => LinkInfoAttribute::SlaveData(data),
                Some(Err(error)) => LinkInfoAttribute::Malformed(malformed(
                    nla,
                    error,
                    &format!(
                        "IFLA_INFO_SLAVE_DATA ({})",
                        slave_kind.as_ref().map_or("?", InfoKind::as_str)
                    ),
                )),
                None => LinkInfoAttribute::Other(RawNla::new(nla.raw_kind(), nla.value())),
            },
            _ => LinkInfoAttribute::parse_attr(nla),
        }
    })
}

impl LinkInfoAttribute {
    /// The device kind, if this is a kind attribute.
    pub fn kind(&self) -> Option<&InfoKind> {
        match self {
            LinkInfoAttribute::Kind(kind)
            | LinkInfoAttribute::KindWithoutNul(UnterminatedKind(kind)) => Some(kind),
            _ => None,
        }
    }

    /// The controller kind, if this is a slave kind attribute.
    pub fn slave_kind(&self) -> Option<&InfoKind> {
        match self {
            LinkInfoAttribute::SlaveKind(kind)
            | LinkInfoAttribute::SlaveKindWithoutNul(UnterminatedKind(kind)) => Some(kind),
            _ => None,
        }
    }
}
