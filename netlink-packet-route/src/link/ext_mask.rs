//! The extended filter mask of link requests (`IFLA_EXT_MASK`).

use bitflags::bitflags;
use netlink_packet_core::DecodeError;

use crate::link::codec::{exact, WireValue};

bitflags! {
    /// What a link dump or get should include (`RTEXT_FILTER_*`), sent as
    /// `IFLA_EXT_MASK`. Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct ExtFilterMask: u32 {
        /// `RTEXT_FILTER_VF`: include SR-IOV virtual function information.
        const VF = 1 << 0;
        /// `RTEXT_FILTER_BRVLAN`: include bridge VLAN information.
        const BRVLAN = 1 << 1;
        /// `RTEXT_FILTER_BRVLAN_COMPRESSED`: bridge VLANs as ranges.
        const BRVLAN_COMPRESSED = 1 << 2;
        /// `RTEXT_FILTER_SKIP_STATS`: leave out the statistics.
        const SKIP_STATS = 1 << 3;
        /// `RTEXT_FILTER_MRP`: include bridge MRP information.
        const MRP = 1 << 4;
        /// `RTEXT_FILTER_CFM_CONFIG`: include bridge CFM configuration.
        const CFM_CONFIG = 1 << 5;
        /// `RTEXT_FILTER_CFM_STATUS`: include bridge CFM status.
        const CFM_STATUS = 1 << 6;
        /// `RTEXT_FILTER_MST`: include bridge MST information.
        const MST = 1 << 7;
    }
}

impl WireValue for ExtFilterMask {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        exact(bytes).map(|b| ExtFilterMask::from_bits_retain(u32::from_ne_bytes(b)))
    }

    fn value_len(&self) -> usize {
        4
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer.copy_from_slice(&self.bits().to_ne_bytes())
    }
}
