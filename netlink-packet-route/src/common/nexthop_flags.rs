//! Nexthop flags (`RTNH_F_*`), shared by routes, multipath hops and nexthop
//! objects.

bitflags::bitflags! {
    /// Nexthop flags (`RTNH_F_*`): the `rtnh_flags` byte of a multipath hop,
    /// the low byte of `rtm_flags` and the `nh_flags` of a nexthop object.
    /// Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NexthopFlags: u32 {
        /// `RTNH_F_DEAD`: the nexthop is dead (used by multipath only).
        const DEAD = 1;
        /// `RTNH_F_PERVASIVE`: do recursive gateway lookup.
        const PERVASIVE = 2;
        /// `RTNH_F_ONLINK`: the gateway is forced on link.
        const ONLINK = 4;
        /// `RTNH_F_OFFLOAD`: offloaded to hardware.
        const OFFLOAD = 8;
        /// `RTNH_F_LINKDOWN`: the carrier of the device is down.
        const LINKDOWN = 16;
        /// `RTNH_F_UNRESOLVED`: the gateway is unresolved (VXLAN/FDB).
        const UNRESOLVED = 32;
        /// `RTNH_F_TRAP`: trapping packets to the CPU.
        const TRAP = 64;
    }
}
