//! GRE tunnel configuration (`IFLA_GRE_*`) of `gre`, `gretap`, `ip6gre`,
//! `ip6gretap`, `erspan` and `ip6erspan` devices.

use std::net::IpAddr;

use crate::link::codec::attribute_set;

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a GRE device
    /// (`IFLA_GRE_*`). Addresses are IPv4 or IPv6 depending on the kind.
    pub enum InfoGre {
        /// Lower device index.
        Link(u32, Ne) = IFLA_GRE_LINK(1),
        /// GRE flags on receive (`GRE_CSUM`, `GRE_KEY`, `GRE_SEQ`, network order).
        IFlags(u16, Be) = IFLA_GRE_IFLAGS(2),
        /// GRE flags on transmit (network order).
        OFlags(u16, Be) = IFLA_GRE_OFLAGS(3),
        /// Input key (network order).
        IKey(u32, Be) = IFLA_GRE_IKEY(4),
        /// Output key (network order).
        OKey(u32, Be) = IFLA_GRE_OKEY(5),
        /// Local address.
        Local(IpAddr, Ip) = IFLA_GRE_LOCAL(6),
        /// Remote address.
        Remote(IpAddr, Ip) = IFLA_GRE_REMOTE(7),
        /// TTL (hop limit).
        Ttl(u8, Ne) = IFLA_GRE_TTL(8),
        /// TOS (traffic class).
        Tos(u8, Ne) = IFLA_GRE_TOS(9),
        /// Path MTU discovery.
        PmtuDisc(u8, Ne) = IFLA_GRE_PMTUDISC(10),
        /// IPv6 encapsulation limit.
        EncapLimit(u8, Ne) = IFLA_GRE_ENCAP_LIMIT(11),
        /// IPv6 flow information (network order).
        FlowInfo(u32, Be) = IFLA_GRE_FLOWINFO(12),
        /// IPv6 tunnel flags (`IP6_TNL_F_*`).
        Flags(u32, Ne) = IFLA_GRE_FLAGS(13),
        /// Encapsulation type (none, FOU, GUE).
        EncapType(u16, Ne) = IFLA_GRE_ENCAP_TYPE(14),
        /// Encapsulation flags.
        EncapFlags(u16, Ne) = IFLA_GRE_ENCAP_FLAGS(15),
        /// Encapsulation source port (network order).
        EncapSport(u16, Be) = IFLA_GRE_ENCAP_SPORT(16),
        /// Encapsulation destination port (network order).
        EncapDport(u16, Be) = IFLA_GRE_ENCAP_DPORT(17),
        /// Ignore the don't-fragment bit.
        IgnoreDf(u8, Ne) = IFLA_GRE_IGNORE_DF(19),
        /// Firewall mark of the encapsulated packets.
        FwMark(u32, Ne) = IFLA_GRE_FWMARK(20),
        /// ERSPAN index.
        ErspanIndex(u32, Ne) = IFLA_GRE_ERSPAN_INDEX(21),
        /// ERSPAN version.
        ErspanVer(u8, Ne) = IFLA_GRE_ERSPAN_VER(22),
        /// ERSPAN direction.
        ErspanDir(u8, Ne) = IFLA_GRE_ERSPAN_DIR(23),
        /// ERSPAN hardware id.
        ErspanHwid(u16, Ne) = IFLA_GRE_ERSPAN_HWID(24),
    }
    flags {
        /// Metadata collection (external control plane).
        CollectMetadata = IFLA_GRE_COLLECT_METADATA(18),
    }
}
