//! `hsr` (HSR/PRP redundancy) configuration (`IFLA_HSR_*`).

use crate::link::codec::attribute_set;

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of an `hsr` device.
    pub enum InfoHsr {
        /// First port device index.
        Port1(u32, Ne) = IFLA_HSR_SLAVE1(1),
        /// Second port device index.
        Port2(u32, Ne) = IFLA_HSR_SLAVE2(2),
        /// Last byte of the supervision multicast address.
        MulticastSpec(u8, Ne) = IFLA_HSR_MULTICAST_SPEC(3),
        /// Supervision frame multicast address.
        SupervisionAddr([u8; 6], Mac) = IFLA_HSR_SUPERVISION_ADDR(4),
        /// Sequence number.
        SeqNr(u16, Ne) = IFLA_HSR_SEQ_NR(5),
        /// HSR version.
        Version(u8, Ne) = IFLA_HSR_VERSION(6),
        /// Protocol (0 HSR, 1 PRP).
        Protocol(u8, Ne) = IFLA_HSR_PROTOCOL(7),
        /// Interlink device index.
        Interlink(u32, Ne) = IFLA_HSR_INTERLINK(8),
    }
}
