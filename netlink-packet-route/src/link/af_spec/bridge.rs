//! Bridge information in `IFLA_AF_SPEC` of `AF_BRIDGE` link messages
//! (`IFLA_BRIDGE_*`): what `bridge link` and `bridge vlan` use.

use bitflags::bitflags;
use netlink_packet_core::{DecodeError, RawNla};

use crate::link::codec::{attribute_set, exact, numeric_enum, WireValue};
use crate::link::Nested;

bitflags! {
    /// Whom a bridge request addresses (`IFLA_BRIDGE_FLAGS`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct BridgeFlags: u16 {
        /// `BRIDGE_FLAGS_MASTER`: the bridge (software) device.
        const MASTER = 1;
        /// `BRIDGE_FLAGS_SELF`: the lower device itself (hardware).
        const SELF = 2;
    }
}

impl WireValue for BridgeFlags {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        exact(bytes).map(|b| BridgeFlags::from_bits_retain(u16::from_ne_bytes(b)))
    }

    fn value_len(&self) -> usize {
        2
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer.copy_from_slice(&self.bits().to_ne_bytes())
    }
}

numeric_enum! {
    /// Forwarding mode of a hardware bridge (`BRIDGE_MODE_*`).
    pub enum BridgeMode: u16 {
        /// `BRIDGE_MODE_VEB`: virtual Ethernet bridge.
        Veb = 0,
        /// `BRIDGE_MODE_VEPA`: virtual Ethernet port aggregator.
        Vepa = 1,
        /// `BRIDGE_MODE_UNDEF`
        Undefined = 0xffff,
    }
}

bitflags! {
    /// Flags of a bridge VLAN entry (`BRIDGE_VLAN_INFO_*`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct BridgeVlanInfoFlags: u16 {
        /// `BRIDGE_VLAN_INFO_MASTER`: operate on the bridge device as well.
        const MASTER = 1 << 0;
        /// `BRIDGE_VLAN_INFO_PVID`: the port VLAN id (untagged ingress).
        const PVID = 1 << 1;
        /// `BRIDGE_VLAN_INFO_UNTAGGED`: egress untagged.
        const UNTAGGED = 1 << 2;
        /// `BRIDGE_VLAN_INFO_RANGE_BEGIN`: first VLAN of a range.
        const RANGE_BEGIN = 1 << 3;
        /// `BRIDGE_VLAN_INFO_RANGE_END`: last VLAN of a range.
        const RANGE_END = 1 << 4;
        /// `BRIDGE_VLAN_INFO_BRENTRY`: global bridge VLAN entry.
        const BRENTRY = 1 << 5;
        /// `BRIDGE_VLAN_INFO_ONLY_OPTS`: only change options.
        const ONLY_OPTS = 1 << 6;
    }
}

/// One bridge VLAN entry (`struct bridge_vlan_info`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct BridgeVlanInfo {
    /// Entry flags.
    pub flags: BridgeVlanInfoFlags,
    /// VLAN id.
    pub vid: u16,
}

impl WireValue for BridgeVlanInfo {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: [u8; 4] = exact(bytes)?;
        Ok(BridgeVlanInfo {
            flags: BridgeVlanInfoFlags::from_bits_retain(u16::from_ne_bytes([bytes[0], bytes[1]])),
            vid: u16::from_ne_bytes([bytes[2], bytes[3]]),
        })
    }

    fn value_len(&self) -> usize {
        4
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer[..2].copy_from_slice(&self.flags.bits().to_ne_bytes());
        buffer[2..].copy_from_slice(&self.vid.to_ne_bytes());
    }
}

impl WireValue for BridgeVlanInfoFlags {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        exact(bytes).map(|b| BridgeVlanInfoFlags::from_bits_retain(u16::from_ne_bytes(b)))
    }

    fn value_len(&self) -> usize {
        2
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer.copy_from_slice(&self.bits().to_ne_bytes())
    }
}

attribute_set! {
    /// One attribute of `IFLA_BRIDGE_VLAN_TUNNEL_INFO`
    /// (`IFLA_BRIDGE_VLAN_TUNNEL_*`): a VLAN to tunnel id mapping.
    pub enum BridgeVlanTunnelAttribute {
        /// Tunnel id.
        Id(u32, Ne) = IFLA_BRIDGE_VLAN_TUNNEL_ID(1),
        /// VLAN id.
        Vid(u16, Ne) = IFLA_BRIDGE_VLAN_TUNNEL_VID(2),
        /// Range flags.
        Flags(BridgeVlanInfoFlags, Val) = IFLA_BRIDGE_VLAN_TUNNEL_FLAGS(3),
    }
}

attribute_set! {
    /// One attribute of `IFLA_AF_SPEC` in an `AF_BRIDGE` link message
    /// (`IFLA_BRIDGE_*`).
    pub enum BridgeAfSpecAttribute {
        /// Whom the request addresses.
        Flags(BridgeFlags, Val) = IFLA_BRIDGE_FLAGS(1),
        /// Hardware bridge mode.
        Mode(BridgeMode, Val) = IFLA_BRIDGE_MODE(2),
        /// A VLAN entry of the port.
        VlanInfo(BridgeVlanInfo, Val) = IFLA_BRIDGE_VLAN_INFO(3),
        /// A VLAN to tunnel id mapping.
        VlanTunnelInfo(Nested<BridgeVlanTunnelAttribute>, Nest) = IFLA_BRIDGE_VLAN_TUNNEL_INFO(4),
        /// Media redundancy protocol configuration (`IFLA_BRIDGE_MRP_*`, kept
        /// as raw nested attributes).
        Mrp(Nested<RawNla>, Nest) = IFLA_BRIDGE_MRP(5),
        /// Connectivity fault management (`IFLA_BRIDGE_CFM_*`, kept as raw
        /// nested attributes).
        Cfm(Nested<RawNla>, Nest) = IFLA_BRIDGE_CFM(6),
        /// Multiple spanning tree state (`IFLA_BRIDGE_MST_*`, kept as raw
        /// nested attributes).
        Mst(Nested<RawNla>, Nest) = IFLA_BRIDGE_MST(7),
    }
}
