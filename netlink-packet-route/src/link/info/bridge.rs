//! `bridge` configuration (`IFLA_BR_*`).
//!
//! Times are in hundredths of a second (`clock_t` with `USER_HZ` = 100).

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::DecodeError;

use crate::link::codec::{attribute_set, exact, u32_struct, WireValue};
use crate::link::Nested;

/// A bridge identifier (`struct ifla_bridge_id`): priority and MAC
/// address, as printed `8000.02:fa:...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct BridgeId {
    /// Bridge priority (the two first bytes, network order).
    pub priority: u16,
    /// Bridge MAC address.
    pub address: [u8; 6],
}

impl WireValue for BridgeId {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        let bytes: [u8; 8] = exact(bytes)?;
        let mut address = [0u8; 6];
        address.copy_from_slice(&bytes[2..]);
        Ok(BridgeId {
            priority: u16::from_be_bytes([bytes[0], bytes[1]]),
            address,
        })
    }

    fn value_len(&self) -> usize {
        8
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer[..2].copy_from_slice(&self.priority.to_be_bytes());
        buffer[2..].copy_from_slice(&self.address);
    }
}

u32_struct! {
    /// Boolean bridge options (`struct br_boolopt_multi`): bit `n` of
    /// `optval` is option `n` (`BR_BOOLOPT_*`), changed only where `optmask`
    /// has the bit.
    pub struct BridgeBoolOpts = "struct br_boolopt_multi" {
        /// Option values.
        optval,
        /// Options to change (requests) or known options (replies).
        optmask,
    }
}

attribute_set! {
    /// One attribute of `IFLA_BR_MCAST_QUERIER_STATE`
    /// (`BRIDGE_QUERIER_*`).
    pub enum BridgeQuerierAttribute {
        /// Address of the selected IPv4 querier.
        Ipv4Address(Ipv4Addr, V4) = BRIDGE_QUERIER_IP_ADDRESS(1),
        /// Port index of the IPv4 querier.
        Ipv4Port(u32, Ne) = BRIDGE_QUERIER_IP_PORT(2),
        /// Other-querier timer (IPv4).
        Ipv4OtherTimer(u64, Ne) = BRIDGE_QUERIER_IP_OTHER_TIMER(3),
        /// Alignment padding.
        Pad(Vec<u8>, Bytes) = BRIDGE_QUERIER_PAD(4),
        /// Address of the selected IPv6 querier.
        Ipv6Address(Ipv6Addr, V6) = BRIDGE_QUERIER_IPV6_ADDRESS(5),
        /// Port index of the IPv6 querier.
        Ipv6Port(u32, Ne) = BRIDGE_QUERIER_IPV6_PORT(6),
        /// Other-querier timer (IPv6).
        Ipv6OtherTimer(u64, Ne) = BRIDGE_QUERIER_IPV6_OTHER_TIMER(7),
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `bridge` (`IFLA_BR_*`).
    pub enum InfoBridge {
        /// STP forwarding delay.
        ForwardDelay(u32, Ne) = IFLA_BR_FORWARD_DELAY(1),
        /// STP hello time.
        HelloTime(u32, Ne) = IFLA_BR_HELLO_TIME(2),
        /// STP maximum message age.
        MaxAge(u32, Ne) = IFLA_BR_MAX_AGE(3),
        /// FDB entry ageing time.
        AgeingTime(u32, Ne) = IFLA_BR_AGEING_TIME(4),
        /// STP state (0 off, 1 kernel STP, 2 user STP).
        StpState(u32, Ne) = IFLA_BR_STP_STATE(5),
        /// STP bridge priority.
        Priority(u16, Ne) = IFLA_BR_PRIORITY(6),
        /// VLAN filtering enabled.
        VlanFiltering(u8, Ne) = IFLA_BR_VLAN_FILTERING(7),
        /// VLAN protocol (ethertype, network order on the wire).
        VlanProtocol(u16, Be) = IFLA_BR_VLAN_PROTOCOL(8),
        /// Group forwarding mask.
        GroupFwdMask(u16, Ne) = IFLA_BR_GROUP_FWD_MASK(9),
        /// Root bridge id.
        RootId(BridgeId, Val) = IFLA_BR_ROOT_ID(10),
        /// This bridge's id.
        BridgeId(BridgeId, Val) = IFLA_BR_BRIDGE_ID(11),
        /// Root port number.
        RootPort(u16, Ne) = IFLA_BR_ROOT_PORT(12),
        /// Root path cost.
        RootPathCost(u32, Ne) = IFLA_BR_ROOT_PATH_COST(13),
        /// Topology change in progress.
        TopologyChange(u8, Ne) = IFLA_BR_TOPOLOGY_CHANGE(14),
        /// Topology change detected.
        TopologyChangeDetected(u8, Ne) = IFLA_BR_TOPOLOGY_CHANGE_DETECTED(15),
        /// Hello timer.
        HelloTimer(u64, Ne) = IFLA_BR_HELLO_TIMER(16),
        /// Topology change notification timer.
        TcnTimer(u64, Ne) = IFLA_BR_TCN_TIMER(17),
        /// Topology change timer.
        TopologyChangeTimer(u64, Ne) = IFLA_BR_TOPOLOGY_CHANGE_TIMER(18),
        /// FDB garbage collection timer.
        GcTimer(u64, Ne) = IFLA_BR_GC_TIMER(19),
        /// STP group address.
        GroupAddr([u8; 6], Mac) = IFLA_BR_GROUP_ADDR(20),
        /// Multicast router mode (0 disabled, 1 automatic, 2 permanent).
        MulticastRouter(u8, Ne) = IFLA_BR_MCAST_ROUTER(22),
        /// Multicast snooping enabled.
        MulticastSnooping(u8, Ne) = IFLA_BR_MCAST_SNOOPING(23),
        /// Use the bridge's own address as IGMP query source.
        MulticastQueryUseIfaddr(u8, Ne) = IFLA_BR_MCAST_QUERY_USE_IFADDR(24),
        /// Multicast querier enabled.
        MulticastQuerier(u8, Ne) = IFLA_BR_MCAST_QUERIER(25),
        /// Multicast hash elasticity (deprecated, always 16).
        MulticastHashElasticity(u32, Ne) = IFLA_BR_MCAST_HASH_ELASTICITY(26),
        /// Multicast hash table size.
        MulticastHashMax(u32, Ne) = IFLA_BR_MCAST_HASH_MAX(27),
        /// Last member query count.
        MulticastLastMemberCount(u32, Ne) = IFLA_BR_MCAST_LAST_MEMBER_CNT(28),
        /// Startup query count.
        MulticastStartupQueryCount(u32, Ne) = IFLA_BR_MCAST_STARTUP_QUERY_CNT(29),
        /// Last member query interval.
        MulticastLastMemberInterval(u64, Ne) = IFLA_BR_MCAST_LAST_MEMBER_INTVL(30),
        /// Membership interval.
        MulticastMembershipInterval(u64, Ne) = IFLA_BR_MCAST_MEMBERSHIP_INTVL(31),
        /// Other querier interval.
        MulticastQuerierInterval(u64, Ne) = IFLA_BR_MCAST_QUERIER_INTVL(32),
        /// Query interval.
        MulticastQueryInterval(u64, Ne) = IFLA_BR_MCAST_QUERY_INTVL(33),
        /// Query response interval.
        MulticastQueryResponseInterval(u64, Ne) = IFLA_BR_MCAST_QUERY_RESPONSE_INTVL(34),
        /// Startup query interval.
        MulticastStartupQueryInterval(u64, Ne) = IFLA_BR_MCAST_STARTUP_QUERY_INTVL(35),
        /// Call iptables hooks.
        NfCallIptables(u8, Ne) = IFLA_BR_NF_CALL_IPTABLES(36),
        /// Call ip6tables hooks.
        NfCallIp6tables(u8, Ne) = IFLA_BR_NF_CALL_IP6TABLES(37),
        /// Call arptables hooks.
        NfCallArptables(u8, Ne) = IFLA_BR_NF_CALL_ARPTABLES(38),
        /// Default port VLAN id.
        VlanDefaultPvid(u16, Ne) = IFLA_BR_VLAN_DEFAULT_PVID(39),
        /// Alignment padding.
        Pad(Vec<u8>, Bytes) = IFLA_BR_PAD(40),
        /// Per-VLAN statistics enabled.
        VlanStatsEnabled(u8, Ne) = IFLA_BR_VLAN_STATS_ENABLED(41),
        /// Multicast statistics enabled.
        MulticastStatsEnabled(u8, Ne) = IFLA_BR_MCAST_STATS_ENABLED(42),
        /// IGMP version.
        MulticastIgmpVersion(u8, Ne) = IFLA_BR_MCAST_IGMP_VERSION(43),
        /// MLD version.
        MulticastMldVersion(u8, Ne) = IFLA_BR_MCAST_MLD_VERSION(44),
        /// Per-port VLAN statistics.
        VlanStatsPerPort(u8, Ne) = IFLA_BR_VLAN_STATS_PER_PORT(45),
        /// Boolean options.
        MultiBoolOpt(BridgeBoolOpts, Val) = IFLA_BR_MULTI_BOOLOPT(46),
        /// Multicast querier state (read only).
        MulticastQuerierState(Nested<BridgeQuerierAttribute>, Nest) = IFLA_BR_MCAST_QUERIER_STATE(47),
        /// Number of dynamically learned FDB entries (read only).
        FdbNLearned(u32, Ne) = IFLA_BR_FDB_N_LEARNED(48),
        /// Maximum number of dynamically learned FDB entries.
        FdbMaxLearned(u32, Ne) = IFLA_BR_FDB_MAX_LEARNED(49),
    }
    flags {
        /// Flush the dynamic FDB entries (requests).
        FdbFlush = IFLA_BR_FDB_FLUSH(21),
    }
}
