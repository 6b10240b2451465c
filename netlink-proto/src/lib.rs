#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod blocking;
mod config;
mod connection;
mod end_state;
mod error;
mod handle;
mod notification;
mod notifications;
pub mod protocol;
mod reply_stream;
mod runtime;
mod shared;
mod socket_setup;
#[cfg(feature = "tokio")]
mod thread;

pub use blocking::{BlockingConnection, BlockingReplies};
pub use config::{Config, RequestOptions, DEFAULT_RECEIVE_BUFFER};
#[cfg(feature = "smol")]
pub use connection::smol;
#[cfg(feature = "tokio")]
pub use connection::{new_connection, new_connection_with_config};
pub use connection::{new_connection_with_socket, Connection};
pub use end_state::{EndState, RequestEnd};
pub use error::{Error, KernelError, RequestInfo};
pub use handle::ConnectionHandle;
pub use notification::{Notification, OverflowReason};
pub use notifications::Notifications;
pub use protocol::{Reply, RequestId};
pub use reply_stream::ReplyStream;
#[cfg(not(any(feature = "tokio", feature = "smol")))]
pub use runtime::NoRuntime;
#[cfg(feature = "smol")]
pub use runtime::SmolTimer;
pub use runtime::{DefaultSocket, RuntimeSocket};
#[cfg(feature = "tokio")]
pub use thread::{spawn_connection_thread, spawn_connection_thread_with_socket, ConnectionThread};

/// Re-exports of the crates in this crate's API, so that users need not
/// depend on matching versions themselves.
pub use netlink_packet_core as packet_core;
pub use netlink_sys as sys;
