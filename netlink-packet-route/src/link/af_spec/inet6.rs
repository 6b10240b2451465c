//! IPv6 device information (`AF_INET6` in `IFLA_AF_SPEC`, and
//! `IFLA_PROTINFO` of `AF_INET6` link messages).

use std::net::Ipv6Addr;

use bitflags::bitflags;
use netlink_packet_core::DecodeError;

use crate::link::af_spec::int_array::int_array;
use crate::link::codec::{attribute_set, exact, numeric_enum, u32_struct, WireValue};

bitflags! {
    /// IPv6 state flags of a device (`IFLA_INET6_FLAGS`, `IF_*`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Inet6IfFlags: u32 {
        /// `IF_RS_SENT`: a router solicitation was sent.
        const RS_SENT = 0x10;
        /// `IF_RA_RCVD`: a router advertisement was received.
        const RA_RCVD = 0x20;
        /// `IF_RA_MANAGED`: the RA had the managed flag.
        const RA_MANAGED = 0x40;
        /// `IF_RA_OTHERCONF`: the RA had the other-configuration flag.
        const RA_OTHERCONF = 0x80;
        /// `IF_READY`: the device is ready for IPv6.
        const READY = 0x8000_0000;
    }
}

impl WireValue for Inet6IfFlags {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        exact(bytes).map(|b| Inet6IfFlags::from_bits_retain(u32::from_ne_bytes(b)))
    }

    fn value_len(&self) -> usize {
        4
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer.copy_from_slice(&self.bits().to_ne_bytes())
    }
}

/// Keys of the IPv6 device configuration array (`DEVCONF_*`, the
/// `net.ipv6.conf.<dev>.*` sysctls).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(usize)]
#[allow(missing_docs)]
#[non_exhaustive]
pub enum Ipv6DevConf {
    Forwarding = 0,
    HopLimit,
    Mtu6,
    AcceptRa,
    AcceptRedirects,
    Autoconf,
    DadTransmits,
    RtrSolicits,
    RtrSolicitInterval,
    RtrSolicitDelay,
    UseTempaddr,
    TempValidLft,
    TempPreferedLft,
    RegenMaxRetry,
    MaxDesyncFactor,
    MaxAddresses,
    ForceMldVersion,
    AcceptRaDefrtr,
    AcceptRaPinfo,
    AcceptRaRtrPref,
    RtrProbeInterval,
    AcceptRaRtInfoMaxPlen,
    ProxyNdp,
    OptimisticDad,
    AcceptSourceRoute,
    McForwarding,
    DisableIpv6,
    AcceptDad,
    ForceTllao,
    NdiscNotify,
    Mldv1UnsolicitedReportInterval,
    Mldv2UnsolicitedReportInterval,
    SuppressFragNdisc,
    AcceptRaFromLocal,
    UseOptimistic,
    AcceptRaMtu,
    StableSecret,
    UseOifAddrsOnly,
    AcceptRaMinHopLimit,
    IgnoreRoutesWithLinkdown,
    DropUnicastInL2Multicast,
    DropUnsolicitedNa,
    KeepAddrOnDown,
    RtrSolicitMaxInterval,
    Seg6Enabled,
    Seg6RequireHmac,
    EnhancedDad,
    AddrGenMode,
    DisablePolicy,
    AcceptRaRtInfoMinPlen,
    NdiscTclass,
    RplSegEnabled,
    RaDefrtrMetric,
    Ioam6Enabled,
    Ioam6Id,
    Ioam6IdWide,
    NdiscEvictNocarrier,
    AcceptUntrackedNa,
    AcceptRaMinLft,
    ForceForwarding,
}

int_array! {
    /// The IPv6 device configuration (`IFLA_INET6_CONF`): one signed value
    /// per `DEVCONF_*` key, in key order starting at key 0.
    ///
    /// ```
    /// use netlink_packet_route::link::{Inet6DevConf, Ipv6DevConf};
    /// let conf = Inet6DevConf::from(vec![0, 64, 1500]);
    /// assert_eq!(conf.get(Ipv6DevConf::Mtu6), Some(1500));
    /// ```
    pub struct Inet6DevConf(Vec<i32>) indexed by Ipv6DevConf from 0;
}

/// Counters of the IPv6 statistics array (`IPSTATS_MIB_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(usize)]
#[allow(missing_docs)]
#[non_exhaustive]
pub enum Inet6StatsField {
    /// Number of counters that follow (the kernel fills index 0 with it).
    Num = 0,
    InPkts,
    InOctets,
    InDelivers,
    OutForwDatagrams,
    OutPkts,
    OutOctets,
    InHdrErrors,
    InTooBigErrors,
    InNoRoutes,
    InAddrErrors,
    InUnknownProtos,
    InTruncatedPkts,
    InDiscards,
    OutDiscards,
    OutNoRoutes,
    ReasmTimeout,
    ReasmReqds,
    ReasmOks,
    ReasmFails,
    FragOks,
    FragFails,
    FragCreates,
    InMcastPkts,
    OutMcastPkts,
    InBcastPkts,
    OutBcastPkts,
    InMcastOctets,
    OutMcastOctets,
    InBcastOctets,
    OutBcastOctets,
    CsumErrors,
    NoEctPkts,
    Ect1Pkts,
    Ect0Pkts,
    CePkts,
    ReasmOverlaps,
}

int_array! {
    /// IPv6 counters of the device (`IFLA_INET6_STATS`), indexed by
    /// [`Inet6StatsField`].
    pub struct Inet6Stats(Vec<u64>) indexed by Inet6StatsField from 0;
}

/// Counters of the ICMPv6 statistics array (`ICMP6_MIB_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(usize)]
#[allow(missing_docs)]
#[non_exhaustive]
pub enum Icmp6StatsField {
    /// Number of counters that follow.
    Num = 0,
    InMsgs,
    InErrors,
    OutMsgs,
    OutErrors,
    CsumErrors,
    RateLimitHost,
}

int_array! {
    /// ICMPv6 counters of the device (`IFLA_INET6_ICMP6STATS`), indexed by
    /// [`Icmp6StatsField`].
    pub struct Icmp6Stats([u64; 8]) indexed by Icmp6StatsField from 0;
}

u32_struct! {
    /// IPv6 timing information of a device (`struct ifla_cacheinfo`).
    pub struct Inet6CacheInfo = "struct ifla_cacheinfo" {
        /// Maximum reassembly length.
        max_reasm_len,
        /// Time of the last update of the interface table, in hundredths of a
        /// second since boot.
        tstamp,
        /// Reachable time, in milliseconds.
        reachable_time,
        /// Retransmission timer, in milliseconds.
        retrans_time,
    }
}

numeric_enum! {
    /// How IPv6 link-local addresses are generated (`IN6_ADDR_GEN_MODE_*`).
    pub enum AddrGenMode: u8 {
        /// `IN6_ADDR_GEN_MODE_EUI64`
        Eui64 = 0,
        /// `IN6_ADDR_GEN_MODE_NONE`
        None = 1,
        /// `IN6_ADDR_GEN_MODE_STABLE_PRIVACY`
        StablePrivacy = 2,
        /// `IN6_ADDR_GEN_MODE_RANDOM`
        Random = 3,
    }
}

attribute_set! {
    /// One attribute of the `AF_INET6` nest of `IFLA_AF_SPEC`, or of
    /// `IFLA_PROTINFO` in `AF_INET6` link messages (`IFLA_INET6_*`).
    pub enum Inet6Attribute {
        /// State flags.
        Flags(Inet6IfFlags, Val) = IFLA_INET6_FLAGS(1),
        /// Device configuration.
        Conf(Inet6DevConf, Val) = IFLA_INET6_CONF(2),
        /// IPv6 counters.
        Stats(Inet6Stats, Val) = IFLA_INET6_STATS(3),
        /// Timing information.
        CacheInfo(Inet6CacheInfo, Val) = IFLA_INET6_CACHEINFO(5),
        /// ICMPv6 counters.
        Icmp6Stats(Icmp6Stats, Val) = IFLA_INET6_ICMP6STATS(6),
        /// Interface identifier token.
        Token(Ipv6Addr, V6) = IFLA_INET6_TOKEN(7),
        /// Link-local address generation mode.
        AddrGenMode(AddrGenMode, Val) = IFLA_INET6_ADDR_GEN_MODE(8),
        /// MTU announced by router advertisements.
        RaMtu(u32, Ne) = IFLA_INET6_RA_MTU(9),
    }
}
