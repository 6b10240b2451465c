//! IPv4 device configuration (`AF_INET` in `IFLA_AF_SPEC`).

use crate::link::af_spec::int_array::int_array;
use crate::link::codec::attribute_set;

/// Keys of the IPv4 device configuration array (`IPV4_DEVCONF_*`, the
/// `net.ipv4.conf.<dev>.*` sysctls).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(usize)]
#[allow(missing_docs)]
#[non_exhaustive]
pub enum Ipv4DevConf {
    Forwarding = 1,
    McForwarding,
    ProxyArp,
    AcceptRedirects,
    SecureRedirects,
    SendRedirects,
    SharedMedia,
    RpFilter,
    AcceptSourceRoute,
    BootpRelay,
    LogMartians,
    Tag,
    ArpFilter,
    MediumId,
    NoXfrm,
    NoPolicy,
    ForceIgmpVersion,
    ArpAnnounce,
    ArpIgnore,
    PromoteSecondaries,
    ArpAccept,
    ArpNotify,
    AcceptLocal,
    SrcVmark,
    ProxyArpPvlan,
    RouteLocalnet,
    Igmpv2UnsolicitedReportInterval,
    Igmpv3UnsolicitedReportInterval,
    IgnoreRoutesWithLinkdown,
    DropUnicastInL2Multicast,
    DropGratuitousArp,
    BcForwarding,
    ArpEvictNocarrier,
}

int_array! {
    /// The IPv4 device configuration (`IFLA_INET_CONF`): one value per
    /// `IPV4_DEVCONF_*` key, in key order starting at key 1. Read it with
    /// [`InetDevConf::get`]; the raw array is [`InetDevConf::as_slice`].
    ///
    /// ```
    /// use netlink_packet_route::link::{InetDevConf, Ipv4DevConf};
    /// let conf = InetDevConf::from(vec![1, 0, 0]);
    /// assert_eq!(conf.get(Ipv4DevConf::Forwarding), Some(1));
    /// assert_eq!(conf.get(Ipv4DevConf::RpFilter), None);
    /// ```
    pub struct InetDevConf([u32; 36]) indexed by Ipv4DevConf from 1;
}

attribute_set! {
    /// One attribute of the `AF_INET` nest of `IFLA_AF_SPEC` (`IFLA_INET_*`).
    pub enum InetAttribute {
        /// The device configuration array.
        Conf(InetDevConf, Val) = IFLA_INET_CONF(1),
    }
}
