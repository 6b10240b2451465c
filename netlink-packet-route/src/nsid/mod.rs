//! Network namespace ids: `RTM_NEWNSID`, `RTM_DELNSID`, `RTM_GETNSID`
//! (`struct rtgenmsg`, padded to 4 bytes, followed by `NETNSA_*`
//! attributes).
//!
//! ```
//! use netlink_packet_core::{Emitable, Parseable};
//! use netlink_packet_route::nsid::{NsIdAttribute, NsIdMessage, NsIdMessageBuffer};
//!
//! // `ip netns set <pid's namespace> 42`
//! let message = NsIdMessage::default()
//!     .with_attribute(NsIdAttribute::Pid(1234))
//!     .with_attribute(NsIdAttribute::NsId(42));
//! let mut bytes = vec![0; message.buffer_len()];
//! message.emit(&mut bytes);
//! let parsed = NsIdMessage::parse(&NsIdMessageBuffer::new_checked(&bytes[..]).unwrap()).unwrap();
//! assert_eq!(parsed.nsid(), Some(42));
//! assert_eq!(parsed, message);
//! ```

mod attribute;
mod header;
mod message;

pub use attribute::{
    NsIdAttribute, NETNSA_CURRENT_NSID, NETNSA_FD, NETNSA_NONE, NETNSA_NSID,
    NETNSA_NSID_NOT_ASSIGNED, NETNSA_PID, NETNSA_TARGET_NSID,
};
pub use header::{NsIdHeader, NsIdMessageBuffer, NSID_HEADER_LEN};
pub use message::NsIdMessage;
