//! The origin of a route, nexthop, rule or address (`RTPROT_*`).

use super::numeric_enum::numeric_enum;

numeric_enum! {
    /// Who installed a route (`rtm_protocol`, `RTPROT_*`); nexthops, rules
    /// and addresses carry the same numbers. Unknown numbers (routing
    /// daemons pick their own) are kept as `Other`.
    #[derive(Default)]
    pub enum RouteProtocol: u8 {
        /// `RTPROT_UNSPEC`
        #[default]
        Unspec = 0,
        /// `RTPROT_REDIRECT`: installed by an ICMP redirect (not used by IPv4 any more).
        IcmpRedirect = 1,
        /// `RTPROT_KERNEL`: installed by the kernel.
        Kernel = 2,
        /// `RTPROT_BOOT`: installed during boot (the default of `ip route add`).
        Boot = 3,
        /// `RTPROT_STATIC`: installed by the administrator.
        Static = 4,
        /// `RTPROT_GATED`
        Gated = 8,
        /// `RTPROT_RA`: router advertisement.
        Ra = 9,
        /// `RTPROT_MRT`: Merit MRT.
        Mrt = 10,
        /// `RTPROT_ZEBRA`
        Zebra = 11,
        /// `RTPROT_BIRD`
        Bird = 12,
        /// `RTPROT_DNROUTED`
        DnRouted = 13,
        /// `RTPROT_XORP`
        Xorp = 14,
        /// `RTPROT_NTK`: Netsukuku.
        Ntk = 15,
        /// `RTPROT_DHCP`
        Dhcp = 16,
        /// `RTPROT_MROUTED`: multicast daemon.
        Mrouted = 17,
        /// `RTPROT_KEEPALIVED`
        Keepalived = 18,
        /// `RTPROT_BABEL`
        Babel = 42,
        /// `RTPROT_OPENR`
        OpenR = 99,
        /// `RTPROT_BGP`
        Bgp = 186,
        /// `RTPROT_ISIS`
        Isis = 187,
        /// `RTPROT_OSPF`
        Ospf = 188,
        /// `RTPROT_RIP`
        Rip = 189,
        /// `RTPROT_EIGRP`
        Eigrp = 192,
    }
}
