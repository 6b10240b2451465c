//! Bond port configuration (`IFLA_BOND_SLAVE_*`).

use crate::link::codec::attribute_set;
use crate::link::LinkAddress;

attribute_set! {
    /// One attribute of the `IFLA_INFO_SLAVE_DATA` of a bond port
    /// (`IFLA_BOND_SLAVE_*`).
    pub enum InfoBondPort {
        /// Port state (0 active, 1 backup).
        State(u8, Ne) = IFLA_BOND_SLAVE_STATE(1),
        /// MII status (0 up, 1 fail, 2 down, 3 back).
        MiiStatus(u8, Ne) = IFLA_BOND_SLAVE_MII_STATUS(2),
        /// Link failures counted.
        LinkFailureCount(u32, Ne) = IFLA_BOND_SLAVE_LINK_FAILURE_COUNT(3),
        /// Permanent hardware address.
        PermHwaddr(LinkAddress, Val) = IFLA_BOND_SLAVE_PERM_HWADDR(4),
        /// Transmit queue id.
        QueueId(u16, Ne) = IFLA_BOND_SLAVE_QUEUE_ID(5),
        /// 802.3ad aggregator id.
        AdAggregatorId(u16, Ne) = IFLA_BOND_SLAVE_AD_AGGREGATOR_ID(6),
        /// 802.3ad actor operational port state.
        AdActorOperPortState(u8, Ne) = IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE(7),
        /// 802.3ad partner operational port state.
        AdPartnerOperPortState(u16, Ne) = IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE(8),
        /// Port priority for active port selection.
        Prio(i32, Ne) = IFLA_BOND_SLAVE_PRIO(9),
        /// 802.3ad actor port priority.
        ActorPortPrio(u16, Ne) = IFLA_BOND_SLAVE_ACTOR_PORT_PRIO(10),
    }
}
