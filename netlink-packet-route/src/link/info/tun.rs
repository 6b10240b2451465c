//! `tun` (tun and tap) configuration (`IFLA_TUN_*`).

use crate::link::codec::attribute_set;

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `tun` device.
    pub enum InfoTun {
        /// Owner uid (`u32::MAX` if none).
        Owner(u32, Ne) = IFLA_TUN_OWNER(1),
        /// Owner gid (`u32::MAX` if none).
        Group(u32, Ne) = IFLA_TUN_GROUP(2),
        /// Device type (1 tun, 2 tap).
        Type(u8, Ne) = IFLA_TUN_TYPE(3),
        /// Packet information header.
        Pi(u8, Ne) = IFLA_TUN_PI(4),
        /// Virtio net header.
        VnetHdr(u8, Ne) = IFLA_TUN_VNET_HDR(5),
        /// Persistent device.
        Persist(u8, Ne) = IFLA_TUN_PERSIST(6),
        /// Multi-queue device.
        MultiQueue(u8, Ne) = IFLA_TUN_MULTI_QUEUE(7),
        /// Number of queues.
        NumQueues(u32, Ne) = IFLA_TUN_NUM_QUEUES(8),
        /// Number of disabled queues.
        NumDisabledQueues(u32, Ne) = IFLA_TUN_NUM_DISABLED_QUEUES(9),
    }
}
