//! Bridge port configuration (`IFLA_BRPORT_*`), in `IFLA_INFO_SLAVE_DATA`
//! of a bridge port and in `IFLA_PROTINFO` of `AF_BRIDGE` link messages.
//!
//! Timers are in hundredths of a second.

use crate::link::codec::{attribute_set, numeric_enum};
use crate::link::info::BridgeId;

numeric_enum! {
    /// Spanning tree state of a bridge port (`BR_STATE_*`).
    pub enum BridgePortState: u8 {
        /// `BR_STATE_DISABLED`
        Disabled = 0,
        /// `BR_STATE_LISTENING`
        Listening = 1,
        /// `BR_STATE_LEARNING`
        Learning = 2,
        /// `BR_STATE_FORWARDING`
        Forwarding = 3,
        /// `BR_STATE_BLOCKING`
        Blocking = 4,
    }
}

attribute_set! {
    /// One bridge port attribute (`IFLA_BRPORT_*`).
    pub enum BridgePortAttribute {
        /// Spanning tree state.
        State(BridgePortState, Val) = IFLA_BRPORT_STATE(1),
        /// STP port priority.
        Priority(u16, Ne) = IFLA_BRPORT_PRIORITY(2),
        /// STP path cost.
        Cost(u32, Ne) = IFLA_BRPORT_COST(3),
        /// Hairpin mode.
        Mode(u8, Ne) = IFLA_BRPORT_MODE(4),
        /// BPDU guard.
        Guard(u8, Ne) = IFLA_BRPORT_GUARD(5),
        /// Root port protection.
        Protect(u8, Ne) = IFLA_BRPORT_PROTECT(6),
        /// Multicast fast leave.
        FastLeave(u8, Ne) = IFLA_BRPORT_FAST_LEAVE(7),
        /// MAC learning.
        Learning(u8, Ne) = IFLA_BRPORT_LEARNING(8),
        /// Flood unknown unicast.
        UnicastFlood(u8, Ne) = IFLA_BRPORT_UNICAST_FLOOD(9),
        /// Proxy ARP.
        ProxyArp(u8, Ne) = IFLA_BRPORT_PROXYARP(10),
        /// Sync learned addresses from the device.
        LearningSync(u8, Ne) = IFLA_BRPORT_LEARNING_SYNC(11),
        /// Proxy ARP for Wi-Fi.
        ProxyArpWifi(u8, Ne) = IFLA_BRPORT_PROXYARP_WIFI(12),
        /// Designated root.
        RootId(BridgeId, Val) = IFLA_BRPORT_ROOT_ID(13),
        /// Designated bridge.
        BridgeId(BridgeId, Val) = IFLA_BRPORT_BRIDGE_ID(14),
        /// Designated port.
        DesignatedPort(u16, Ne) = IFLA_BRPORT_DESIGNATED_PORT(15),
        /// Designated cost.
        DesignatedCost(u16, Ne) = IFLA_BRPORT_DESIGNATED_COST(16),
        /// Port id.
        Id(u16, Ne) = IFLA_BRPORT_ID(17),
        /// Port number.
        No(u16, Ne) = IFLA_BRPORT_NO(18),
        /// Topology change acknowledgement pending.
        TopologyChangeAck(u8, Ne) = IFLA_BRPORT_TOPOLOGY_CHANGE_ACK(19),
        /// Configuration BPDU pending.
        ConfigPending(u8, Ne) = IFLA_BRPORT_CONFIG_PENDING(20),
        /// Message age timer.
        MessageAgeTimer(u64, Ne) = IFLA_BRPORT_MESSAGE_AGE_TIMER(21),
        /// Forward delay timer.
        ForwardDelayTimer(u64, Ne) = IFLA_BRPORT_FORWARD_DELAY_TIMER(22),
        /// Hold timer.
        HoldTimer(u64, Ne) = IFLA_BRPORT_HOLD_TIMER(23),
        /// Multicast router mode (0 disabled, 1 automatic, 2 permanent,
        /// 3 temporary).
        MulticastRouter(u8, Ne) = IFLA_BRPORT_MULTICAST_ROUTER(25),
        /// Alignment padding.
        Pad(Vec<u8>, Bytes) = IFLA_BRPORT_PAD(26),
        /// Flood unknown multicast.
        MulticastFlood(u8, Ne) = IFLA_BRPORT_MCAST_FLOOD(27),
        /// Multicast to unicast.
        MulticastToUnicast(u8, Ne) = IFLA_BRPORT_MCAST_TO_UCAST(28),
        /// VLAN to tunnel mapping.
        VlanTunnel(u8, Ne) = IFLA_BRPORT_VLAN_TUNNEL(29),
        /// Flood broadcast.
        BroadcastFlood(u8, Ne) = IFLA_BRPORT_BCAST_FLOOD(30),
        /// Group forwarding mask.
        GroupFwdMask(u16, Ne) = IFLA_BRPORT_GROUP_FWD_MASK(31),
        /// Neighbour (ARP/ND) suppression.
        NeighSuppress(u8, Ne) = IFLA_BRPORT_NEIGH_SUPPRESS(32),
        /// Isolated port.
        Isolated(u8, Ne) = IFLA_BRPORT_ISOLATED(33),
        /// Backup port index.
        BackupPort(u32, Ne) = IFLA_BRPORT_BACKUP_PORT(34),
        /// MRP ring open.
        MrpRingOpen(u8, Ne) = IFLA_BRPORT_MRP_RING_OPEN(35),
        /// MRP interconnect open.
        MrpInOpen(u8, Ne) = IFLA_BRPORT_MRP_IN_OPEN(36),
        /// Limit of tracked EHT hosts.
        MulticastEhtHostsLimit(u32, Ne) = IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT(37),
        /// Number of tracked EHT hosts (read only).
        MulticastEhtHostsCount(u32, Ne) = IFLA_BRPORT_MCAST_EHT_HOSTS_CNT(38),
        /// Locked port (802.1X).
        Locked(u8, Ne) = IFLA_BRPORT_LOCKED(39),
        /// MAC authentication bypass.
        Mab(u8, Ne) = IFLA_BRPORT_MAB(40),
        /// Number of MDB entries (read only).
        MulticastNGroups(u32, Ne) = IFLA_BRPORT_MCAST_N_GROUPS(41),
        /// Maximum number of MDB entries.
        MulticastMaxGroups(u32, Ne) = IFLA_BRPORT_MCAST_MAX_GROUPS(42),
        /// Per-VLAN neighbour suppression.
        NeighVlanSuppress(u8, Ne) = IFLA_BRPORT_NEIGH_VLAN_SUPPRESS(43),
        /// Backup nexthop id.
        BackupNhid(u32, Ne) = IFLA_BRPORT_BACKUP_NHID(44),
    }
    flags {
        /// Flush the port's dynamic FDB entries (requests).
        Flush = IFLA_BRPORT_FLUSH(24),
    }
}
