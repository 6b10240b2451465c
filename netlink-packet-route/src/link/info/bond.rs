//! `bond` configuration (`IFLA_BOND_*`).

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::{DecodeError, NlasIterator};

use crate::link::codec::{attribute_set, WireValue};
use crate::link::Nested;

/// Declares a list of addresses nested as attributes whose types are their
/// indexes (0, 1, 2, ...), as bonding reports its targets.
macro_rules! indexed_addresses {
    ($(#[$meta:meta])* pub struct $name:ident(Vec<$addr:ty>), $len:literal;) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
        pub struct $name(pub Vec<$addr>);

        impl WireValue for $name {
            fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
                let mut addresses = Vec::new();
                for (index, nla) in NlasIterator::new(bytes).enumerate() {
                    let nla = nla?;
                    if usize::from(nla.raw_kind()) != index {
                        return Err(DecodeError::new(format!(
                            "target #{index} has attribute type {}",
                            nla.raw_kind()
                        )));
                    }
                    let octets: [u8; $len] = crate::link::codec::exact(nla.value())
                        .map_err(|error| error.context(format!("target #{index}")))?;
                    addresses.push(<$addr>::from(octets));
                }
                Ok($name(addresses))
            }

            fn value_len(&self) -> usize {
                self.0.len() * (4 + $len)
            }

            fn emit_value(&self, buffer: &mut [u8]) {
                for (index, (chunk, address)) in
                    buffer.chunks_exact_mut(4 + $len).zip(&self.0).enumerate()
                {
                    chunk[..2].copy_from_slice(&((4 + $len) as u16).to_ne_bytes());
                    chunk[2..4].copy_from_slice(&(index as u16).to_ne_bytes());
                    chunk[4..].copy_from_slice(&address.octets());
                }
            }
        }
    };
}

indexed_addresses! {
    /// ARP monitoring targets (`IFLA_BOND_ARP_IP_TARGET`).
    pub struct BondArpTargets(Vec<Ipv4Addr>), 4;
}

indexed_addresses! {
    /// IPv6 neighbour solicitation targets (`IFLA_BOND_NS_IP6_TARGET`).
    pub struct BondNsTargets(Vec<Ipv6Addr>), 16;
}

attribute_set! {
    /// One attribute of `IFLA_BOND_AD_INFO` (`IFLA_BOND_AD_INFO_*`).
    pub enum BondAdInfoAttribute {
        /// Active aggregator id.
        Aggregator(u16, Ne) = IFLA_BOND_AD_INFO_AGGREGATOR(1),
        /// Number of ports in the aggregator.
        NumPorts(u16, Ne) = IFLA_BOND_AD_INFO_NUM_PORTS(2),
        /// Actor key.
        ActorKey(u16, Ne) = IFLA_BOND_AD_INFO_ACTOR_KEY(3),
        /// Partner key.
        PartnerKey(u16, Ne) = IFLA_BOND_AD_INFO_PARTNER_KEY(4),
        /// Partner MAC address.
        PartnerMac([u8; 6], Mac) = IFLA_BOND_AD_INFO_PARTNER_MAC(5),
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `bond` (`IFLA_BOND_*`).
    pub enum InfoBond {
        /// Bonding mode (0 balance-rr ... 6 balance-alb).
        Mode(u8, Ne) = IFLA_BOND_MODE(1),
        /// Index of the active port.
        ActivePort(u32, Ne) = IFLA_BOND_ACTIVE_SLAVE(2),
        /// MII monitoring interval in milliseconds.
        MiiMon(u32, Ne) = IFLA_BOND_MIIMON(3),
        /// Up delay in milliseconds.
        UpDelay(u32, Ne) = IFLA_BOND_UPDELAY(4),
        /// Down delay in milliseconds.
        DownDelay(u32, Ne) = IFLA_BOND_DOWNDELAY(5),
        /// Use carrier state for link monitoring.
        UseCarrier(u8, Ne) = IFLA_BOND_USE_CARRIER(6),
        /// ARP monitoring interval in milliseconds.
        ArpInterval(u32, Ne) = IFLA_BOND_ARP_INTERVAL(7),
        /// ARP monitoring targets.
        ArpIpTarget(BondArpTargets, Val) = IFLA_BOND_ARP_IP_TARGET(8),
        /// ARP validation mode.
        ArpValidate(u32, Ne) = IFLA_BOND_ARP_VALIDATE(9),
        /// Which ARP targets must be reachable (0 any, 1 all).
        ArpAllTargets(u32, Ne) = IFLA_BOND_ARP_ALL_TARGETS(10),
        /// Index of the primary port.
        Primary(u32, Ne) = IFLA_BOND_PRIMARY(11),
        /// Primary reselection policy.
        PrimaryReselect(u8, Ne) = IFLA_BOND_PRIMARY_RESELECT(12),
        /// MAC address policy on failover.
        FailOverMac(u8, Ne) = IFLA_BOND_FAIL_OVER_MAC(13),
        /// Transmit hash policy.
        XmitHashPolicy(u8, Ne) = IFLA_BOND_XMIT_HASH_POLICY(14),
        /// IGMP reports re-sent after a failover.
        ResendIgmp(u32, Ne) = IFLA_BOND_RESEND_IGMP(15),
        /// Peer notifications after a failover.
        NumPeerNotif(u8, Ne) = IFLA_BOND_NUM_PEER_NOTIF(16),
        /// Deliver duplicate frames on inactive ports.
        AllPortsActive(u8, Ne) = IFLA_BOND_ALL_SLAVES_ACTIVE(17),
        /// Minimum number of active links.
        MinLinks(u32, Ne) = IFLA_BOND_MIN_LINKS(18),
        /// Learning packet interval in seconds.
        LpInterval(u32, Ne) = IFLA_BOND_LP_INTERVAL(19),
        /// Packets sent per port (balance-rr).
        PacketsPerPort(u32, Ne) = IFLA_BOND_PACKETS_PER_SLAVE(20),
        /// LACP rate (0 slow, 1 fast).
        AdLacpRate(u8, Ne) = IFLA_BOND_AD_LACP_RATE(21),
        /// Aggregator selection policy.
        AdSelect(u8, Ne) = IFLA_BOND_AD_SELECT(22),
        /// 802.3ad aggregator information (read only).
        AdInfo(Nested<BondAdInfoAttribute>, Nest) = IFLA_BOND_AD_INFO(23),
        /// Actor system priority.
        AdActorSysPrio(u16, Ne) = IFLA_BOND_AD_ACTOR_SYS_PRIO(24),
        /// User port key.
        AdUserPortKey(u16, Ne) = IFLA_BOND_AD_USER_PORT_KEY(25),
        /// Actor system MAC address.
        AdActorSystem([u8; 6], Mac) = IFLA_BOND_AD_ACTOR_SYSTEM(26),
        /// Dynamic load balancing (balance-tlb).
        TlbDynamicLb(u8, Ne) = IFLA_BOND_TLB_DYNAMIC_LB(27),
        /// Delay between peer notifications in milliseconds.
        PeerNotifDelay(u32, Ne) = IFLA_BOND_PEER_NOTIF_DELAY(28),
        /// LACP active mode.
        AdLacpActive(u8, Ne) = IFLA_BOND_AD_LACP_ACTIVE(29),
        /// Missed ARP/NS replies before a port is down.
        MissedMax(u8, Ne) = IFLA_BOND_MISSED_MAX(30),
        /// IPv6 NS monitoring targets.
        NsIp6Target(BondNsTargets, Val) = IFLA_BOND_NS_IP6_TARGET(31),
        /// Coupled control of collecting and distributing (802.3ad).
        CoupledControl(u8, Ne) = IFLA_BOND_COUPLED_CONTROL(32),
        /// Broadcast neighbour solicitations (802.3ad).
        BroadcastNeigh(u8, Ne) = IFLA_BOND_BROADCAST_NEIGH(33),
    }
}
