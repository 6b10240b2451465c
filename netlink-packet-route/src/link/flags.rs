//! Device flags (`IFF_*`) of `ifi_flags` and `ifi_change`.

use bitflags::bitflags;

bitflags! {
    /// Device flags (`IFF_*`), as in `ifinfomsg.ifi_flags` (and the change
    /// mask `ifi_change`). Unknown bits are kept.
    ///
    /// ```
    /// use netlink_packet_route::link::LinkFlags;
    /// let flags = LinkFlags::from_bits_retain(0x1_1043);
    /// assert!(flags.contains(LinkFlags::UP | LinkFlags::LOWER_UP));
    /// assert_eq!(flags.bits(), 0x1_1043);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct LinkFlags: u32 {
        /// `IFF_UP`: administratively up.
        const UP = 1 << 0;
        /// `IFF_BROADCAST`: a valid broadcast address is set.
        const BROADCAST = 1 << 1;
        /// `IFF_DEBUG`: internal debugging flag.
        const DEBUG = 1 << 2;
        /// `IFF_LOOPBACK`: a loopback device.
        const LOOPBACK = 1 << 3;
        /// `IFF_POINTOPOINT`: a point-to-point link.
        const POINTOPOINT = 1 << 4;
        /// `IFF_NOTRAILERS`: avoid use of trailers (unused).
        const NOTRAILERS = 1 << 5;
        /// `IFF_RUNNING`: operationally up (RFC 2863 "up" or similar).
        const RUNNING = 1 << 6;
        /// `IFF_NOARP`: no ARP protocol.
        const NOARP = 1 << 7;
        /// `IFF_PROMISC`: receive all packets.
        const PROMISC = 1 << 8;
        /// `IFF_ALLMULTI`: receive all multicast packets.
        const ALLMULTI = 1 << 9;
        /// `IFF_MASTER`: controller of a load balancer (bonding).
        const MASTER = 1 << 10;
        /// `IFF_SLAVE`: port of a load balancer (bonding).
        const SLAVE = 1 << 11;
        /// `IFF_MULTICAST`: supports multicast.
        const MULTICAST = 1 << 12;
        /// `IFF_PORTSEL`: can set the media type.
        const PORTSEL = 1 << 13;
        /// `IFF_AUTOMEDIA`: auto media selection active.
        const AUTOMEDIA = 1 << 14;
        /// `IFF_DYNAMIC`: dialup device with changing addresses.
        const DYNAMIC = 1 << 15;
        /// `IFF_LOWER_UP`: the driver signals L1 up.
        const LOWER_UP = 1 << 16;
        /// `IFF_DORMANT`: the driver signals dormant.
        const DORMANT = 1 << 17;
        /// `IFF_ECHO`: echo sent packets.
        const ECHO = 1 << 18;
    }
}
