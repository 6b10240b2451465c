//! Interface addresses: `RTM_NEWADDR`, `RTM_DELADDR`, `RTM_GETADDR`
//! (`struct ifaddrmsg` followed by `IFA_*` attributes).
//!
//! - [`AddressMessageBuffer`]: a checked view over the payload, with lazy
//!   accessors (index, family, prefix length, address, local, label, flags)
//!   that decode on demand and never allocate;
//! - [`AddressMessage`]: the owned message (header and attributes), parsed
//!   from the view and emitted byte-identically;
//! - [`AddressAttribute`]: every `IFA_*` attribute, typed; unknown ones are
//!   kept raw and malformed ones keep their bytes and decode error.
//!
//! ```
//! use std::net::{IpAddr, Ipv6Addr};
//! use netlink_packet_core::{Emitable, Parseable};
//! use netlink_packet_route::address::{
//!     AddressAttribute, AddressFlags, AddressMessage, AddressMessageBuffer,
//! };
//!
//! // An IPv6 address request with extended flags.
//! let address = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1));
//! let message = AddressMessage::new_address(7, address, 64)
//!     .with_attribute(AddressAttribute::Flags(
//!         AddressFlags::NODAD | AddressFlags::NOPREFIXROUTE,
//!     ));
//! let mut bytes = vec![0; message.buffer_len()];
//! message.emit(&mut bytes);
//!
//! // The lazy view reads fields without building the owned message.
//! let view = AddressMessageBuffer::new_checked(&bytes[..]).unwrap();
//! assert_eq!(view.index(), 7);
//! assert_eq!(view.prefix_len(), 64);
//! assert_eq!(view.address().unwrap(), Some(address));
//! assert!(view.flags().unwrap().contains(AddressFlags::NODAD));
//!
//! // The owned message parses back equal.
//! assert_eq!(AddressMessage::parse(&view).unwrap(), message);
//! ```

mod attribute;
mod cache_info;
mod flags;
mod header;
mod message;
mod protocol;

pub use attribute::{
    AddressAttribute, IFA_ADDRESS, IFA_ANYCAST, IFA_BROADCAST, IFA_CACHEINFO, IFA_FLAGS, IFA_LABEL,
    IFA_LOCAL, IFA_MULTICAST, IFA_PROTO, IFA_RT_PRIORITY, IFA_TARGET_NETNSID, IFA_UNSPEC,
};
pub use cache_info::{AddressCacheInfo, ADDRESS_CACHE_INFO_LEN, INFINITY_LIFE_TIME};
pub use flags::{AddressFlags, AddressHeaderFlags};
pub use header::{AddressHeader, AddressMessageBuffer, ADDRESS_HEADER_LEN};
pub use message::AddressMessage;
pub use protocol::AddressProtocol;
