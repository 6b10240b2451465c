//! IPv6 address labels (RFC 6724 policy table): `RTM_NEWADDRLABEL`,
//! `RTM_DELADDRLABEL`, `RTM_GETADDRLABEL` (`struct ifaddrlblmsg` followed by
//! `IFAL_*` attributes).
//!
//! ```
//! use std::net::Ipv6Addr;
//! use netlink_packet_core::{Emitable, Parseable};
//! use netlink_packet_route::address_label::{
//!     AddressLabelAttribute, AddressLabelMessage, AddressLabelMessageBuffer,
//! };
//!
//! // `ip addrlabel add prefix 2001:db8::/32 label 100`
//! let message = AddressLabelMessage::new(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0), 32, 100);
//! let mut bytes = vec![0; message.buffer_len()];
//! message.emit(&mut bytes);
//! let view = AddressLabelMessageBuffer::new_checked(&bytes[..]).unwrap();
//! assert_eq!(view.prefix_len(), 32);
//! let parsed = AddressLabelMessage::parse(&view).unwrap();
//! assert_eq!(parsed.label(), Some(100));
//! assert_eq!(parsed, message);
//! ```

mod attribute;
mod header;
mod message;

pub use attribute::{AddressLabelAttribute, IFAL_ADDRESS, IFAL_LABEL};
pub use header::{AddressLabelHeader, AddressLabelMessageBuffer, ADDRESS_LABEL_HEADER_LEN};
pub use message::AddressLabelMessage;
