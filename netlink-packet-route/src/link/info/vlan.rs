//! 802.1Q `vlan` configuration (`IFLA_VLAN_*`).

use crate::link::codec::{attribute_set, u32_struct};
use crate::link::Nested;

u32_struct! {
    /// VLAN device flags and the mask of flags to change
    /// (`struct ifla_vlan_flags`, `VLAN_FLAG_*`).
    pub struct VlanFlags = "struct ifla_vlan_flags" {
        /// Flag values (1 reorder header, 2 GVRP, 4 loose binding, 8 MVRP,
        /// 16 bridge binding).
        flags,
        /// Flags to change.
        mask,
    }
}

u32_struct! {
    /// One priority mapping (`struct ifla_vlan_qos_mapping`).
    pub struct VlanQosMapping = "struct ifla_vlan_qos_mapping" {
        /// Source priority.
        from,
        /// Target priority.
        to,
    }
}

attribute_set! {
    /// One entry of `IFLA_VLAN_EGRESS_QOS` / `IFLA_VLAN_INGRESS_QOS`.
    pub enum VlanQosAttribute {
        /// A priority mapping.
        Mapping(VlanQosMapping, Val) = IFLA_VLAN_QOS_MAPPING(1),
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `vlan` (`IFLA_VLAN_*`).
    pub enum InfoVlan {
        /// VLAN id.
        Id(u16, Ne) = IFLA_VLAN_ID(1),
        /// Flags.
        Flags(VlanFlags, Val) = IFLA_VLAN_FLAGS(2),
        /// Egress priority mappings (skb priority to 802.1p).
        EgressQos(Nested<VlanQosAttribute>, Nest) = IFLA_VLAN_EGRESS_QOS(3),
        /// Ingress priority mappings (802.1p to skb priority).
        IngressQos(Nested<VlanQosAttribute>, Nest) = IFLA_VLAN_INGRESS_QOS(4),
        /// VLAN protocol (ethertype 0x8100 or 0x88a8, network order).
        Protocol(u16, Be) = IFLA_VLAN_PROTOCOL(5),
    }
}
