//! Nexthop objects: `RTM_NEWNEXTHOP`, `RTM_DELNEXTHOP`, `RTM_GETNEXTHOP`
//! (`struct nhmsg` and `NHA_*` attributes): single nexthops, blackholes,
//! multipath and resilient groups, FDB nexthops.

pub(crate) mod attribute;
mod group;
mod header;
mod message;

pub use attribute::*;
pub use group::*;
pub use header::{NexthopHeader, NexthopMessageBuffer, NEXTHOP_HEADER_LEN};
pub use message::NexthopMessage;
