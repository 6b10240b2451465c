//! Neighbours (ARP / NDP cache entries and bridge FDB entries):
//! `RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH` (`struct ndmsg` followed
//! by `NDA_*` attributes).
//!
//! ```
//! use std::net::IpAddr;
//! use netlink_packet_core::{Emitable, Parseable};
//! use netlink_packet_route::link::LinkAddress;
//! use netlink_packet_route::neighbour::{
//!     NeighbourAttribute, NeighbourMessage, NeighbourMessageBuffer, NeighbourState,
//! };
//!
//! // `ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev <3> nud permanent`
//! let message = NeighbourMessage::new_ip(3, "10.0.0.2".parse().unwrap(), NeighbourState::PERMANENT)
//!     .with_attribute(NeighbourAttribute::LinkLayerAddress(LinkAddress::from([
//!         2, 0, 0, 0, 0, 2,
//!     ])));
//! let mut bytes = vec![0; message.buffer_len()];
//! message.emit(&mut bytes);
//!
//! let view = NeighbourMessageBuffer::new_checked(&bytes[..]).unwrap();
//! assert_eq!(view.state(), NeighbourState::PERMANENT);
//! assert_eq!(view.destination().unwrap(), Some("10.0.0.2".parse::<IpAddr>().unwrap()));
//! assert_eq!(NeighbourMessage::parse(&view).unwrap(), message);
//! ```

mod attribute;
mod cache_info;
mod fdb_ext;
mod flags;
mod header;
mod message;
mod state;

pub use attribute::{
    NeighbourAttribute, NDA_CACHEINFO, NDA_DST, NDA_FDB_EXT_ATTRS, NDA_FLAGS_EXT, NDA_IFINDEX,
    NDA_LINK_NETNSID, NDA_LLADDR, NDA_MASTER, NDA_NDM_FLAGS_MASK, NDA_NDM_STATE_MASK, NDA_NH_ID,
    NDA_PORT, NDA_PROBES, NDA_PROTOCOL, NDA_SRC_VNI, NDA_UNSPEC, NDA_VLAN, NDA_VNI,
};
pub use cache_info::{NeighbourCacheInfo, NEIGHBOUR_CACHE_INFO_LEN};
pub use fdb_ext::{FdbExtAttribute, FdbNotifyFlags, NFEA_ACTIVITY_NOTIFY, NFEA_DONT_REFRESH};
pub use flags::{NeighbourExtFlags, NeighbourFlags};
pub use header::{NeighbourHeader, NeighbourMessageBuffer, NEIGHBOUR_HEADER_LEN};
pub use message::NeighbourMessage;
pub use state::NeighbourState;
