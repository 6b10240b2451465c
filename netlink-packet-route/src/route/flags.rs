//! Route flags (`rtm_flags`).

bitflags::bitflags! {
    /// The flags of a route (`rtm_flags`): the nexthop flags of a
    /// single-path route (`RTNH_F_*`, low byte) and the route message flags
    /// (`RTM_F_*`). Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct RouteFlags: u32 {
        /// `RTNH_F_DEAD`
        const DEAD = 0x1;
        /// `RTNH_F_PERVASIVE`
        const PERVASIVE = 0x2;
        /// `RTNH_F_ONLINK`: the gateway is on link even if no prefix says so.
        const ONLINK = 0x4;
        /// `RTNH_F_OFFLOAD`
        const OFFLOAD = 0x8;
        /// `RTNH_F_LINKDOWN`: the nexthop device has no carrier.
        const LINKDOWN = 0x10;
        /// `RTNH_F_UNRESOLVED`
        const UNRESOLVED = 0x20;
        /// `RTNH_F_TRAP`
        const TRAP = 0x40;
        /// `RTM_F_NOTIFY`: notify the user of route changes.
        const NOTIFY = 0x100;
        /// `RTM_F_CLONED`: a cloned (cache) route.
        const CLONED = 0x200;
        /// `RTM_F_EQUALIZE`: multipath equalizer (not implemented).
        const EQUALIZE = 0x400;
        /// `RTM_F_PREFIX`: a prefix address route.
        const PREFIX = 0x800;
        /// `RTM_F_LOOKUP_TABLE`: set `rtm_table` to the FIB lookup result.
        const LOOKUP_TABLE = 0x1000;
        /// `RTM_F_FIB_MATCH`: return the full FIB entry that matched.
        const FIB_MATCH = 0x2000;
        /// `RTM_F_OFFLOAD`: the route is offloaded.
        const RTM_OFFLOAD = 0x4000;
        /// `RTM_F_TRAP`: the route is trapping packets.
        const RTM_TRAP = 0x8000;
        /// `RTM_F_OFFLOAD_FAILED`: offloading the route failed.
        const OFFLOAD_FAILED = 0x2000_0000;
    }
}
