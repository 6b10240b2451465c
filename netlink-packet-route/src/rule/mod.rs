//! Routing policy rules: `RTM_NEWRULE`, `RTM_DELRULE`, `RTM_GETRULE`
//! (`struct fib_rule_hdr` followed by `FRA_*` attributes).
//!
//! ```
//! use std::net::IpAddr;
//! use netlink_packet_core::{Emitable, Parseable};
//! use netlink_packet_route::common::RouteTable;
//! use netlink_packet_route::rule::{
//!     RuleAction, RuleAttribute, RuleMessage, RuleMessageBuffer, RulePortRange,
//! };
//!
//! // `ip rule add from 10.1.0.0/16 fwmark 0x20/0xff dport 443 table 100 pref 1000`
//! let message = RuleMessage::new_ipv4(RuleAction::ToTable)
//!     .with_source("10.1.0.0".parse().unwrap(), 16)
//!     .with_table(RouteTable(100))
//!     .with_attribute(RuleAttribute::Priority(1000))
//!     .with_attribute(RuleAttribute::FwMark(0x20))
//!     .with_attribute(RuleAttribute::FwMask(0xff))
//!     .with_attribute(RuleAttribute::DestinationPortRange(RulePortRange { start: 443, end: 443 }));
//! let mut bytes = vec![0; message.buffer_len()];
//! message.emit(&mut bytes);
//!
//! let view = RuleMessageBuffer::new_checked(&bytes[..]).unwrap();
//! assert_eq!(view.src_len(), 16);
//! let parsed = RuleMessage::parse(&view).unwrap();
//! assert_eq!(parsed.table(), RouteTable(100));
//! assert_eq!(parsed.source(), Some("10.1.0.0".parse::<IpAddr>().unwrap()));
//! assert_eq!(parsed, message);
//! ```

mod action;
mod attribute;
mod flags;
mod header;
mod message;
mod ranges;

pub use action::RuleAction;
pub use attribute::{
    RuleAttribute, FRA_DPORT_MASK, FRA_DPORT_RANGE, FRA_DSCP, FRA_DSCP_MASK, FRA_DST, FRA_FLOW,
    FRA_FLOWLABEL, FRA_FLOWLABEL_MASK, FRA_FWMARK, FRA_FWMASK, FRA_GOTO, FRA_IIFNAME, FRA_IP_PROTO,
    FRA_L3MDEV, FRA_OIFNAME, FRA_PAD, FRA_PRIORITY, FRA_PROTOCOL, FRA_SPORT_MASK, FRA_SPORT_RANGE,
    FRA_SRC, FRA_SUPPRESS_IFGROUP, FRA_SUPPRESS_PREFIXLEN, FRA_TABLE, FRA_TUN_ID, FRA_UID_RANGE,
    FRA_UNSPEC,
};
pub use flags::RuleFlags;
pub use header::{RuleHeader, RuleMessageBuffer, RULE_HEADER_LEN};
pub use message::RuleMessage;
pub use ranges::{RulePortRange, RuleUidRange};
