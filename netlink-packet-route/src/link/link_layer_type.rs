//! Link-layer types (`ARPHRD_*`) of `ifi_type`.

use crate::link::codec::numeric_enum;

numeric_enum! {
    /// The link-layer (hardware) type of a device (`ifi_type`, `ARPHRD_*`).
    #[derive(Default)]
    pub enum LinkLayerType: u16 {
        /// `ARPHRD_NETROM` (0, also what requests carry)
        #[default]
        Netrom = 0,
        /// `ARPHRD_ETHER`: Ethernet (also veth, bridge, macvlan, ...).
        Ether = 1,
        /// `ARPHRD_EETHER`
        Eether = 2,
        /// `ARPHRD_AX25`
        Ax25 = 3,
        /// `ARPHRD_PRONET`
        Pronet = 4,
        /// `ARPHRD_CHAOS`
        Chaos = 5,
        /// `ARPHRD_IEEE802`
        Ieee802 = 6,
        /// `ARPHRD_ARCNET`
        Arcnet = 7,
        /// `ARPHRD_APPLETLK`
        Appletlk = 8,
        /// `ARPHRD_DLCI`
        Dlci = 15,
        /// `ARPHRD_ATM`
        Atm = 19,
        /// `ARPHRD_METRICOM`
        Metricom = 23,
        /// `ARPHRD_IEEE1394`
        Ieee1394 = 24,
        /// `ARPHRD_EUI64`
        Eui64 = 27,
        /// `ARPHRD_INFINIBAND`
        Infiniband = 32,
        /// `ARPHRD_SLIP`
        Slip = 256,
        /// `ARPHRD_CSLIP`
        Cslip = 257,
        /// `ARPHRD_SLIP6`
        Slip6 = 258,
        /// `ARPHRD_CSLIP6`
        Cslip6 = 259,
        /// `ARPHRD_RSRVD`
        Rsrvd = 260,
        /// `ARPHRD_ADAPT`
        Adapt = 264,
        /// `ARPHRD_ROSE`
        Rose = 270,
        /// `ARPHRD_X25`
        X25 = 271,
        /// `ARPHRD_HWX25`
        Hwx25 = 272,
        /// `ARPHRD_CAN`
        Can = 280,
        /// `ARPHRD_MCTP`
        Mctp = 290,
        /// `ARPHRD_PPP`
        Ppp = 512,
        /// `ARPHRD_CISCO` (`ARPHRD_HDLC`)
        Cisco = 513,
        /// `ARPHRD_LAPB`
        Lapb = 516,
        /// `ARPHRD_DDCMP`
        Ddcmp = 517,
        /// `ARPHRD_RAWHDLC`
        RawHdlc = 518,
        /// `ARPHRD_RAWIP`
        RawIp = 519,
        /// `ARPHRD_TUNNEL`: IPIP tunnel.
        Tunnel = 768,
        /// `ARPHRD_TUNNEL6`: IP6IP6 tunnel.
        Tunnel6 = 769,
        /// `ARPHRD_FRAD`
        Frad = 770,
        /// `ARPHRD_SKIP`
        Skip = 771,
        /// `ARPHRD_LOOPBACK`
        Loopback = 772,
        /// `ARPHRD_LOCALTLK`
        Localtlk = 773,
        /// `ARPHRD_FDDI`
        Fddi = 774,
        /// `ARPHRD_BIF`
        Bif = 775,
        /// `ARPHRD_SIT`: IPv6-in-IPv4.
        Sit = 776,
        /// `ARPHRD_IPDDP`
        Ipddp = 777,
        /// `ARPHRD_IPGRE`: GRE over IP.
        IpGre = 778,
        /// `ARPHRD_PIMREG`
        PimReg = 779,
        /// `ARPHRD_HIPPI`
        Hippi = 780,
        /// `ARPHRD_ASH`
        Ash = 781,
        /// `ARPHRD_ECONET`
        Econet = 782,
        /// `ARPHRD_IRDA`
        Irda = 783,
        /// `ARPHRD_FCPP`
        Fcpp = 784,
        /// `ARPHRD_FCAL`
        Fcal = 785,
        /// `ARPHRD_FCPL`
        Fcpl = 786,
        /// `ARPHRD_FCFABRIC`
        FcFabric = 787,
        /// `ARPHRD_IEEE802_TR`
        Ieee802Tr = 800,
        /// `ARPHRD_IEEE80211`
        Ieee80211 = 801,
        /// `ARPHRD_IEEE80211_PRISM`
        Ieee80211Prism = 802,
        /// `ARPHRD_IEEE80211_RADIOTAP`
        Ieee80211Radiotap = 803,
        /// `ARPHRD_IEEE802154`
        Ieee802154 = 804,
        /// `ARPHRD_IEEE802154_MONITOR`
        Ieee802154Monitor = 805,
        /// `ARPHRD_PHONET`
        Phonet = 820,
        /// `ARPHRD_PHONET_PIPE`
        PhonetPipe = 821,
        /// `ARPHRD_CAIF`
        Caif = 822,
        /// `ARPHRD_IP6GRE`: GRE over IPv6.
        Ip6Gre = 823,
        /// `ARPHRD_NETLINK`
        Netlink = 824,
        /// `ARPHRD_6LOWPAN`
        SixLowpan = 825,
        /// `ARPHRD_VSOCKMON`
        VsockMon = 826,
        /// `ARPHRD_NONE`: no link-layer header (e.g. wireguard, tun).
        None = 0xfffe,
        /// `ARPHRD_VOID`
        Void = 0xffff,
    }
}
