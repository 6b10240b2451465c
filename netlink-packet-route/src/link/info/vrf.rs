//! `vrf` configuration (`IFLA_VRF_*`) and VRF port configuration
//! (`IFLA_VRF_PORT_*`).

use crate::link::codec::attribute_set;

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `vrf`.
    pub enum InfoVrf {
        /// The routing table of the VRF.
        Table(u32, Ne) = IFLA_VRF_TABLE(1),
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_SLAVE_DATA` of a VRF port.
    pub enum InfoVrfPort {
        /// The routing table of the VRF.
        Table(u32, Ne) = IFLA_VRF_PORT_TABLE(1),
    }
}
