//! Per-device IP configuration: `RTM_NEWNETCONF`, `RTM_DELNETCONF`,
//! `RTM_GETNETCONF` (`struct netconfmsg`, padded to 4 bytes, followed by
//! `NETCONFA_*` attributes).
//!
//! ```
//! use netlink_packet_core::{Emitable, Parseable};
//! use netlink_packet_route::netconf::{
//!     NetconfAttribute, NetconfMessage, NetconfMessageBuffer, NETCONFA_IFINDEX_ALL,
//! };
//! use netlink_packet_route::common::AddressFamily;
//!
//! // `ip -4 netconf show dev all`
//! let message = NetconfMessage::new(AddressFamily::Inet)
//!     .with_attribute(NetconfAttribute::IfIndex(NETCONFA_IFINDEX_ALL));
//! let mut bytes = vec![0; message.buffer_len()];
//! message.emit(&mut bytes);
//! let parsed =
//!     NetconfMessage::parse(&NetconfMessageBuffer::new_checked(&bytes[..]).unwrap()).unwrap();
//! assert_eq!(parsed.ifindex(), Some(NETCONFA_IFINDEX_ALL));
//! assert_eq!(parsed, message);
//! ```

mod attribute;
mod header;
mod message;

pub use attribute::{
    NetconfAttribute, NETCONFA_BC_FORWARDING, NETCONFA_FORCE_FORWARDING, NETCONFA_FORWARDING,
    NETCONFA_IFINDEX, NETCONFA_IFINDEX_ALL, NETCONFA_IFINDEX_DEFAULT,
    NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN, NETCONFA_INPUT, NETCONFA_MC_FORWARDING,
    NETCONFA_PROXY_NEIGH, NETCONFA_RP_FILTER, NETCONFA_UNSPEC,
};
pub use header::{NetconfHeader, NetconfMessageBuffer, NETCONF_HEADER_LEN};
pub use message::NetconfMessage;
