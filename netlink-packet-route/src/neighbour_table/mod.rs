//! Neighbour tables (ARP / NDP cache parameters and statistics):
//! `RTM_NEWNEIGHTBL`, `RTM_GETNEIGHTBL`, `RTM_SETNEIGHTBL` (`struct ndtmsg`
//! followed by `NDTA_*` attributes).
//!
//! A dump returns, per table, one message with the table-wide data
//! (`NDTA_CONFIG`, `NDTA_STATS`, thresholds and the default parameters) and
//! one message per device with that device's parameters
//! (`NDTA_PARMS` containing `NDTPA_IFINDEX`).
//!
//! ```
//! use netlink_packet_core::{Emitable, Parseable};
//! use netlink_packet_route::neighbour_table::{
//!     NeighbourTableAttribute, NeighbourTableMessage, NeighbourTableMessageBuffer,
//!     NeighbourTableParameter,
//! };
//!
//! // `ip ntable change name arp_cache dev <3> queue 20`
//! let message = NeighbourTableMessage::new_inet("arp_cache").with_attribute(
//!     NeighbourTableAttribute::Parameters(vec![
//!         NeighbourTableParameter::IfIndex(3),
//!         NeighbourTableParameter::QueueLen(20),
//!     ]),
//! );
//! let mut bytes = vec![0; message.buffer_len()];
//! message.emit(&mut bytes);
//! let parsed =
//!     NeighbourTableMessage::parse(&NeighbourTableMessageBuffer::new_checked(&bytes[..]).unwrap())
//!         .unwrap();
//! assert_eq!(parsed.name(), Some("arp_cache"));
//! assert_eq!(parsed, message);
//! ```

mod attribute;
mod config;
mod header;
mod message;
mod parameter;
mod stats;

pub use attribute::{
    NeighbourTableAttribute, NDTA_CONFIG, NDTA_GC_INTERVAL, NDTA_NAME, NDTA_PAD, NDTA_PARMS,
    NDTA_STATS, NDTA_THRESH1, NDTA_THRESH2, NDTA_THRESH3, NDTA_UNSPEC,
};
pub use config::{NeighbourTableConfig, NEIGHBOUR_TABLE_CONFIG_LEN};
pub use header::{NeighbourTableHeader, NeighbourTableMessageBuffer, NEIGHBOUR_TABLE_HEADER_LEN};
pub use message::NeighbourTableMessage;
pub use parameter::{
    NeighbourTableParameter, NDTPA_ANYCAST_DELAY, NDTPA_APP_PROBES, NDTPA_BASE_REACHABLE_TIME,
    NDTPA_DELAY_PROBE_TIME, NDTPA_GC_STALETIME, NDTPA_IFINDEX, NDTPA_INTERVAL_PROBE_TIME_MS,
    NDTPA_LOCKTIME, NDTPA_MCAST_PROBES, NDTPA_MCAST_REPROBES, NDTPA_PAD, NDTPA_PROXY_DELAY,
    NDTPA_PROXY_QLEN, NDTPA_QUEUE_LEN, NDTPA_QUEUE_LENBYTES, NDTPA_REACHABLE_TIME, NDTPA_REFCNT,
    NDTPA_RETRANS_TIME, NDTPA_UCAST_PROBES, NDTPA_UNSPEC,
};
pub use stats::{NeighbourTableStats, NEIGHBOUR_TABLE_STATS_LEN};
