#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod address;
mod attribute_name;
mod blocking;
mod connection;
mod error;
mod event;
mod executor;
mod handle;
mod link;
mod neighbour;
mod request;
mod route;
mod rule;
mod view;

pub use address::{AddressAddRequest, AddressGetRequest, AddressHandle};
pub use attribute_name::{name_offending_attribute, AttributePath, AttributeSegment};
pub use blocking::{BlockingDump, BlockingHandle};
#[cfg(feature = "smol")]
pub use connection::smol;
#[cfg(feature = "tokio")]
pub use connection::{
    new_connection, new_connection_in, new_connection_with_config, spawn_connection_thread,
    spawn_connection_thread_in, Connection,
};
pub use error::{Error, KernelError, RequestSummary};
pub use event::{Event, Events, MulticastGroup};
pub use executor::Executor;
pub use handle::{DumpStream, Handle};
pub use link::{
    LinkAddRequest, LinkDelRequest, LinkGetRequest, LinkHandle, LinkSelector, LinkSetRequest,
};
pub use neighbour::{NeighbourAddRequest, NeighbourGetRequest, NeighbourHandle};
pub use route::{NextHop, RouteAddRequest, RouteGetRequest, RouteHandle, RouteLookupRequest};
pub use rule::{RuleGetRequest, RuleHandle, RuleRequest};
pub use view::{
    BlockingLinkAddressView, BlockingRouteRuleView, LinkAddressView, RouteKey, RouteRuleView,
    RuleKey, ViewChange,
};

/// The packet crates this crate is built on, re-exported so that one
/// dependency is enough.
pub use netlink_packet_core as packet_core;
pub use netlink_packet_route as packet_route;
pub use netlink_proto as proto;
pub use netlink_sys as sys;
pub use netlink_sys::NetnsRef;
