//! Neighbour entry flags (`NTF_*`, and the extended `NTF_EXT_*`).

bitflags::bitflags! {
    /// Neighbour entry flags (`ndm_flags`, `NTF_*`). Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NeighbourFlags: u8 {
        /// `NTF_USE`: mark the entry as used (requests).
        const USE = 0x01;
        /// `NTF_SELF`: an FDB entry of the device itself (not of its master).
        const SELF = 0x02;
        /// `NTF_MASTER`: an FDB entry of the master (bridge).
        const MASTER = 0x04;
        /// `NTF_PROXY`: a proxy ARP / proxy NDP entry.
        const PROXY = 0x08;
        /// `NTF_EXT_LEARNED`: learnt by an external entity (e.g. a switch).
        const EXT_LEARNED = 0x10;
        /// `NTF_OFFLOADED`: offloaded to hardware.
        const OFFLOADED = 0x20;
        /// `NTF_STICKY`: the FDB entry must not move to another port.
        const STICKY = 0x40;
        /// `NTF_ROUTER`: the neighbour is an IPv6 router.
        const ROUTER = 0x80;
    }
}

bitflags::bitflags! {
    /// Extended neighbour flags (`NDA_FLAGS_EXT`, `NTF_EXT_*`). Unknown bits
    /// are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NeighbourExtFlags: u32 {
        /// `NTF_EXT_MANAGED`: kept reachable by the kernel for a userspace
        /// control plane.
        const MANAGED = 0x01;
        /// `NTF_EXT_LOCKED`: an FDB entry on a locked bridge port (MAB).
        const LOCKED = 0x02;
        /// `NTF_EXT_EXT_VALIDATED`: an externally learnt entry validated by
        /// the control plane.
        const EXT_VALIDATED = 0x04;
    }
}
