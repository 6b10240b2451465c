//! IPv6 prefixes learnt from router advertisements: `RTM_NEWPREFIX`
//! notifications (`struct prefixmsg` followed by `PREFIX_*` attributes),
//! sent to the `RTNLGRP_IPV6_PREFIX` multicast group.
//!
//! ```
//! use std::net::Ipv6Addr;
//! use netlink_packet_core::{Emitable, Parseable};
//! use netlink_packet_route::prefix::{
//!     PrefixAttribute, PrefixCacheInfo, PrefixFlags, PrefixHeader, PrefixMessage,
//!     PrefixMessageBuffer,
//! };
//!
//! let message = PrefixMessage {
//!     header: PrefixHeader {
//!         ifindex: 2,
//!         prefix_len: 64,
//!         flags: PrefixFlags::ONLINK | PrefixFlags::AUTOCONF,
//!         ..PrefixHeader::default()
//!     },
//!     attributes: vec![
//!         PrefixAttribute::Address(Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0)),
//!         PrefixAttribute::CacheInfo(PrefixCacheInfo { preferred_time: 600, valid_time: 1800 }),
//!     ],
//! };
//! let mut bytes = vec![0; message.buffer_len()];
//! message.emit(&mut bytes);
//! let view = PrefixMessageBuffer::new_checked(&bytes[..]).unwrap();
//! assert_eq!(view.prefix_len(), 64);
//! assert_eq!(PrefixMessage::parse(&view).unwrap(), message);
//! ```

mod attribute;
mod header;
mod message;

pub use attribute::{
    PrefixAttribute, PrefixCacheInfo, PREFIX_ADDRESS, PREFIX_CACHEINFO, PREFIX_UNSPEC,
};
pub use header::{PrefixFlags, PrefixHeader, PrefixMessageBuffer, PREFIX_HEADER_LEN};
pub use message::PrefixMessage;
