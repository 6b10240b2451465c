//! SR-IOV virtual functions: `IFLA_VFINFO_LIST`, `IFLA_VF_PORTS` and
//! `IFLA_PORT_SELF`.

use netlink_packet_core::DecodeError;

use crate::link::codec::{attribute_set, exact, u32_at, u32_struct, u64_at, WireValue};
use crate::link::Nested;

/// A MAC address in a 32-byte field (`MAX_ADDR_LEN`), as VF structures
/// carry them; bytes after the address length are zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct VfMac {
    /// The virtual function number.
    pub vf: u32,
    /// The address field; an Ethernet MAC uses the first 6 bytes.
    pub mac: [u8; 32],
}

impl WireValue for VfMac {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: [u8; 36] = exact(bytes)?;
        let mut mac = [0u8; 32];
        mac.copy_from_slice(&bytes[4..]);
        Ok(VfMac {
            vf: u32_at(&bytes, 0),
            mac,
        })
    }

    fn value_len(&self) -> usize {
        36
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer[..4].copy_from_slice(&self.vf.to_ne_bytes());
        buffer[4..].copy_from_slice(&self.mac);
    }
}

/// The broadcast address of a VF (`IFLA_VF_BROADCAST`, 32-byte field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VfBroadcast(pub [u8; 32]);

impl WireValue for VfBroadcast {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        exact(bytes).map(VfBroadcast)
    }

    fn value_len(&self) -> usize {
        32
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer.copy_from_slice(&self.0)
    }
}

u32_struct! {
    /// VLAN filter of a VF (`struct ifla_vf_vlan`).
    pub struct VfVlan = "struct ifla_vf_vlan" {
        /// The virtual function number.
        vf,
        /// VLAN id, 0 disables the filter.
        vlan,
        /// 802.1p priority.
        qos,
    }
}

u32_struct! {
    /// Maximum transmit rate of a VF in Mbit/s (`struct ifla_vf_tx_rate`).
    pub struct VfTxRate = "struct ifla_vf_tx_rate" {
        /// The virtual function number.
        vf,
        /// Maximum rate, 0 disables throttling.
        rate,
    }
}

u32_struct! {
    /// Minimum and maximum transmit rate of a VF in Mbit/s
    /// (`struct ifla_vf_rate`).
    pub struct VfRate = "struct ifla_vf_rate" {
        /// The virtual function number.
        vf,
        /// Minimum rate.
        min_tx_rate,
        /// Maximum rate.
        max_tx_rate,
    }
}

u32_struct! {
    /// An on/off setting of a VF (`struct ifla_vf_spoofchk`,
    /// `ifla_vf_rss_query_en`, `ifla_vf_trust`).
    pub struct VfSetting = "struct ifla_vf_spoofchk" {
        /// The virtual function number.
        vf,
        /// 0 (off) or 1 (on).
        setting,
    }
}

u32_struct! {
    /// Link state policy of a VF (`struct ifla_vf_link_state`): 0 auto
    /// (follow the uplink), 1 always up, 2 always down.
    pub struct VfLinkState = "struct ifla_vf_link_state" {
        /// The virtual function number.
        vf,
        /// `IFLA_VF_LINK_STATE_*`.
        link_state,
    }
}

/// An InfiniBand GUID of a VF (`struct ifla_vf_guid`, 16 bytes with
/// padding after `vf`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct VfGuid {
    /// The virtual function number.
    pub vf: u32,
    /// The GUID.
    pub guid: u64,
}

impl WireValue for VfGuid {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: [u8; 16] = exact(bytes)?;
        if u32_at(&bytes, 1) != 0 {
            return Err(DecodeError::new("non-zero padding after the VF number"));
        }
        Ok(VfGuid {
            vf: u32_at(&bytes, 0),
            guid: u64_at(&bytes, 1),
        })
    }

    fn value_len(&self) -> usize {
        16
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer[..4].copy_from_slice(&self.vf.to_ne_bytes());
        buffer[4..8].fill(0);
        buffer[8..].copy_from_slice(&self.guid.to_ne_bytes());
    }
}

/// VLAN filter of a VF with its protocol (`struct ifla_vf_vlan_info`,
/// 14 bytes padded to 16; the padding must be zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct VfVlanInfo {
    /// The virtual function number.
    pub vf: u32,
    /// VLAN id, 0 disables the filter.
    pub vlan: u32,
    /// 802.1p priority.
    pub qos: u32,
    /// VLAN protocol (ethertype, e.g. 0x8100 or 0x88a8).
    pub vlan_proto: u16,
}

impl WireValue for VfVlanInfo {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: [u8; 16] = exact(bytes)?;
        let (fields, padding) = bytes.split_at(14);
        if padding.iter().any(|&byte| byte != 0) {
            return Err(DecodeError::new("non-zero padding after vlan_proto"));
        }
        Ok(VfVlanInfo {
            vf: u32_at(fields, 0),
            vlan: u32_at(fields, 1),
            qos: u32_at(fields, 2),
            vlan_proto: u16::from_be_bytes([fields[12], fields[13]]),
        })
    }

    fn value_len(&self) -> usize {
        16
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer[..4].copy_from_slice(&self.vf.to_ne_bytes());
        buffer[4..8].copy_from_slice(&self.vlan.to_ne_bytes());
        buffer[8..12].copy_from_slice(&self.qos.to_ne_bytes());
        buffer[12..14].copy_from_slice(&self.vlan_proto.to_be_bytes());
        buffer[14..].fill(0);
    }
}

attribute_set! {
    /// One entry of `IFLA_VF_VLAN_LIST`.
    pub enum VfVlanListAttribute {
        /// A VLAN filter with protocol.
        Info(VfVlanInfo, Val) = IFLA_VF_VLAN_INFO(1),
    }
}

attribute_set! {
    /// One counter of `IFLA_VF_STATS` (`IFLA_VF_STATS_*`).
    pub enum VfStatsAttribute {
        /// Packets received.
        RxPackets(u64, Ne) = IFLA_VF_STATS_RX_PACKETS(0),
        /// Packets transmitted.
        TxPackets(u64, Ne) = IFLA_VF_STATS_TX_PACKETS(1),
        /// Bytes received.
        RxBytes(u64, Ne) = IFLA_VF_STATS_RX_BYTES(2),
        /// Bytes transmitted.
        TxBytes(u64, Ne) = IFLA_VF_STATS_TX_BYTES(3),
        /// Broadcast packets received.
        Broadcast(u64, Ne) = IFLA_VF_STATS_BROADCAST(4),
        /// Multicast packets received.
        Multicast(u64, Ne) = IFLA_VF_STATS_MULTICAST(5),
        /// Alignment padding.
        Pad(Vec<u8>, Bytes) = IFLA_VF_STATS_PAD(6),
        /// Received packets dropped.
        RxDropped(u64, Ne) = IFLA_VF_STATS_RX_DROPPED(7),
        /// Transmitted packets dropped.
        TxDropped(u64, Ne) = IFLA_VF_STATS_TX_DROPPED(8),
    }
}

attribute_set! {
    /// One attribute of a virtual function (`IFLA_VF_*`), nested in
    /// `IFLA_VF_INFO`.
    pub enum VfInfoAttribute {
        /// MAC address.
        Mac(VfMac, Val) = IFLA_VF_MAC(1),
        /// VLAN filter.
        Vlan(VfVlan, Val) = IFLA_VF_VLAN(2),
        /// Maximum transmit rate (legacy).
        TxRate(VfTxRate, Val) = IFLA_VF_TX_RATE(3),
        /// Spoof checking.
        SpoofCheck(VfSetting, Val) = IFLA_VF_SPOOFCHK(4),
        /// Link state policy.
        LinkState(VfLinkState, Val) = IFLA_VF_LINK_STATE(5),
        /// Minimum and maximum transmit rate.
        Rate(VfRate, Val) = IFLA_VF_RATE(6),
        /// RSS redirection table and hash key query.
        RssQueryEn(VfSetting, Val) = IFLA_VF_RSS_QUERY_EN(7),
        /// Counters.
        Stats(Nested<VfStatsAttribute>, Nest) = IFLA_VF_STATS(8),
        /// Trusted VF.
        Trust(VfSetting, Val) = IFLA_VF_TRUST(9),
        /// InfiniBand node GUID.
        IbNodeGuid(VfGuid, Val) = IFLA_VF_IB_NODE_GUID(10),
        /// InfiniBand port GUID.
        IbPortGuid(VfGuid, Val) = IFLA_VF_IB_PORT_GUID(11),
        /// VLAN filters with protocol (QinQ).
        VlanList(Nested<VfVlanListAttribute>, Nest) = IFLA_VF_VLAN_LIST(12),
        /// Broadcast address.
        Broadcast(VfBroadcast, Val) = IFLA_VF_BROADCAST(13),
    }
}

attribute_set! {
    /// One entry of `IFLA_VFINFO_LIST`.
    pub enum VfInfoListAttribute {
        /// One virtual function.
        Info(Nested<VfInfoAttribute>, Nest) = IFLA_VF_INFO(1),
    }
}

/// 802.1Qbg VSI type (`struct ifla_port_vsi`, 8 bytes with padding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PortVsi {
    /// VSI manager id.
    pub manager_id: u8,
    /// VSI type id (24 bits).
    pub type_id: [u8; 3],
    /// VSI type version.
    pub type_version: u8,
}

impl WireValue for PortVsi {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: [u8; 8] = exact(bytes)?;
        if bytes[5..].iter().any(|&byte| byte != 0) {
            return Err(DecodeError::new("non-zero padding after vsi_type_version"));
        }
        Ok(PortVsi {
            manager_id: bytes[0],
            type_id: [bytes[1], bytes[2], bytes[3]],
            type_version: bytes[4],
        })
    }

    fn value_len(&self) -> usize {
        8
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer[0] = self.manager_id;
        buffer[1..4].copy_from_slice(&self.type_id);
        buffer[4] = self.type_version;
        buffer[5..].fill(0);
    }
}

attribute_set! {
    /// One attribute of a VF port profile (`IFLA_PORT_*`), nested in
    /// `IFLA_VF_PORT` or `IFLA_PORT_SELF`.
    pub enum PortAttribute {
        /// The VF number.
        Vf(u32, Ne) = IFLA_PORT_VF(1),
        /// Port profile name.
        Profile(String, Str) = IFLA_PORT_PROFILE(2),
        /// 802.1Qbg VSI type.
        VsiType(PortVsi, Val) = IFLA_PORT_VSI_TYPE(3),
        /// Instance UUID.
        InstanceUuid([u8; 16], Val) = IFLA_PORT_INSTANCE_UUID(4),
        /// Host UUID.
        HostUuid([u8; 16], Val) = IFLA_PORT_HOST_UUID(5),
        /// Request (`PORT_REQUEST_*`).
        Request(u8, Ne) = IFLA_PORT_REQUEST(6),
        /// Response (`PORT_VDP_RESPONSE_*`, `PORT_PROFILE_RESPONSE_*`).
        Response(u16, Ne) = IFLA_PORT_RESPONSE(7),
    }
}

attribute_set! {
    /// One entry of `IFLA_VF_PORTS`.
    pub enum VfPortsAttribute {
        /// The port profile of one VF.
        Port(Nested<PortAttribute>, Nest) = IFLA_VF_PORT(1),
    }
}
