//! The reason of a link notification (`IFLA_EVENT`).

use crate::link::codec::numeric_enum;

numeric_enum! {
    /// Why the kernel sent a link notification (`IFLA_EVENT_*`).
    pub enum LinkEvent: u32 {
        /// `IFLA_EVENT_NONE`
        None = 0,
        /// `IFLA_EVENT_REBOOT`: internal reset or reboot.
        Reboot = 1,
        /// `IFLA_EVENT_FEATURES`: offload features changed.
        Features = 2,
        /// `IFLA_EVENT_BONDING_FAILOVER`: the active bond port changed.
        BondingFailover = 3,
        /// `IFLA_EVENT_NOTIFY_PEERS`: gratuitous ARP / unsolicited NA re-sent.
        NotifyPeers = 4,
        /// `IFLA_EVENT_IGMP_RESEND`: IGMP joins re-sent.
        IgmpResend = 5,
        /// `IFLA_EVENT_BONDING_OPTIONS`: bonding options changed.
        BondingOptions = 6,
    }
}
