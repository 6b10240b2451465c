#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod address;
pub mod address_label;
pub mod common;
pub mod link;
mod message;
pub mod neighbour;
pub mod neighbour_table;
pub mod netconf;
pub mod nexthop;
pub mod nsid;
pub mod prefix;
pub mod route;
pub mod rule;
pub mod stats;

pub use message::*;

/// Re-export of the netlink-packet-core crate this crate is built on.
pub use netlink_packet_core;
