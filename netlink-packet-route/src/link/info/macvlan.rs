//! `macvlan` / `macvtap` configuration (`IFLA_MACVLAN_*`).

use crate::link::codec::{attribute_set, numeric_enum};
use crate::link::Nested;

numeric_enum! {
    /// Forwarding mode of a macvlan (`MACVLAN_MODE_*`).
    pub enum MacVlanMode: u32 {
        /// `MACVLAN_MODE_PRIVATE`: no traffic between macvlans.
        Private = 1,
        /// `MACVLAN_MODE_VEPA`: traffic between macvlans via the external switch.
        Vepa = 2,
        /// `MACVLAN_MODE_BRIDGE`: macvlans talk to each other directly.
        Bridge = 4,
        /// `MACVLAN_MODE_PASSTHRU`: take over the lower device.
        Passthru = 8,
        /// `MACVLAN_MODE_SOURCE`: accept by source MAC address list.
        Source = 16,
    }
}

numeric_enum! {
    /// How a request changes the source MAC list (`MACVLAN_MACADDR_*`).
    pub enum MacVlanMacAddrMode: u32 {
        /// `MACVLAN_MACADDR_ADD`
        Add = 0,
        /// `MACVLAN_MACADDR_DEL`
        Delete = 1,
        /// `MACVLAN_MACADDR_FLUSH`
        Flush = 2,
        /// `MACVLAN_MACADDR_SET`
        Set = 3,
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `macvlan` or `macvtap`
    /// (`IFLA_MACVLAN_*`).
    pub enum InfoMacVlan {
        /// Forwarding mode.
        Mode(MacVlanMode, Val) = IFLA_MACVLAN_MODE(1),
        /// `MACVLAN_FLAG_*` (1 no promiscuous mode, 2 no destination filter).
        Flags(u16, Ne) = IFLA_MACVLAN_FLAGS(2),
        /// Source MAC list change mode (requests).
        MacAddrMode(MacVlanMacAddrMode, Val) = IFLA_MACVLAN_MACADDR_MODE(3),
        /// A source MAC address.
        MacAddr([u8; 6], Mac) = IFLA_MACVLAN_MACADDR(4),
        /// The source MAC list (nested `MacAddr` entries).
        MacAddrData(Nested<InfoMacVlan>, Nest) = IFLA_MACVLAN_MACADDR_DATA(5),
        /// Number of source MAC addresses.
        MacAddrCount(u32, Ne) = IFLA_MACVLAN_MACADDR_COUNT(6),
        /// Broadcast/multicast queue length requested.
        BcQueueLen(u32, Ne) = IFLA_MACVLAN_BC_QUEUE_LEN(7),
        /// Broadcast/multicast queue length in use.
        BcQueueLenUsed(u32, Ne) = IFLA_MACVLAN_BC_QUEUE_LEN_USED(8),
        /// Broadcast cutoff (number of macvlans above which broadcasts are
        /// not queued; negative disables).
        BcCutoff(i32, Ne) = IFLA_MACVLAN_BC_CUTOFF(9),
    }
}
