#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod addr;
mod async_socket;
mod constants;
mod membership;
mod netns;
mod options;
pub mod protocols;
mod received;
mod socket;

#[cfg(feature = "mio_socket")]
mod mio_source;
#[cfg(any(feature = "smol_socket", feature = "tokio_socket"))]
mod reactor_socket;
#[cfg(feature = "smol_socket")]
mod smol_socket;
#[cfg(feature = "tokio_socket")]
mod tokio_socket;

pub use addr::SocketAddr;
pub use async_socket::{AsyncSocket, AsyncSocketExt, RecvDatagramFuture, SendFuture, SendToFuture};
pub use netns::{NetnsRef, NETNS_RUN_DIR};
pub use received::Received;
pub use socket::Socket;

#[cfg(feature = "smol_socket")]
#[cfg_attr(docsrs, doc(cfg(feature = "smol_socket")))]
pub use smol_socket::SmolSocket;
#[cfg(feature = "tokio_socket")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio_socket")))]
pub use tokio_socket::TokioSocket;
