//! `ipvlan` / `ipvtap` configuration (`IFLA_IPVLAN_*`).

use crate::link::codec::{attribute_set, numeric_enum};

numeric_enum! {
    /// Mode of an ipvlan (`IPVLAN_MODE_*`).
    pub enum IpVlanMode: u16 {
        /// `IPVLAN_MODE_L2`
        L2 = 0,
        /// `IPVLAN_MODE_L3`
        L3 = 1,
        /// `IPVLAN_MODE_L3S`
        L3s = 2,
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of an `ipvlan` or `ipvtap`
    /// (`IFLA_IPVLAN_*`).
    pub enum InfoIpVlan {
        /// Mode.
        Mode(IpVlanMode, Val) = IFLA_IPVLAN_MODE(1),
        /// `IPVLAN_F_*` (1 private, 2 VEPA).
        Flags(u16, Ne) = IFLA_IPVLAN_FLAGS(2),
    }
}
