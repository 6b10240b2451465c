//! Opening connections: tokio (default), smol (feature `smol`), in the
//! caller's namespace or another one.

#[cfg(any(feature = "tokio", feature = "smol"))]
use netlink_packet_route::RtnlMessage;
#[cfg(any(feature = "tokio", feature = "smol"))]
use netlink_proto::{Config, RuntimeSocket};
#[cfg(any(feature = "tokio", feature = "smol"))]
use netlink_sys::{protocols::NETLINK_ROUTE, NetnsRef, Socket};

#[cfg(any(feature = "tokio", feature = "smol"))]
use crate::{Error, Events, Handle};

/// The future driving a connection: spawn it (`tokio::spawn(connection)`).
#[cfg(feature = "tokio")]
pub type Connection = netlink_proto::Connection<RtnlMessage, netlink_sys::TokioSocket>;

#[cfg(any(feature = "tokio", feature = "smol"))]
fn open<S: RuntimeSocket>(
    socket: Socket,
    config: Config,
) -> Result<(netlink_proto::Connection<RtnlMessage, S>, Handle, Events), Error> {
    let socket = S::from_socket(socket)?;
    let (connection, handle, notifications) =
        netlink_proto::new_connection_with_socket(socket, config)?;
    Ok((connection, Handle::new(handle), Events::new(notifications)))
}

/// Opens an rtnetlink connection driven by tokio, in the caller's network
/// namespace: returns the connection future to spawn, the [`Handle`] to
/// send requests and the [`Events`] of subscribed groups (drop them if you
/// do not subscribe).
///
/// Call it inside a tokio runtime with IO enabled.
///
/// ```no_run
/// # async fn f() -> Result<(), rtnetlink::Error> {
/// let (connection, handle, _events) = rtnetlink::new_connection()?;
/// tokio::spawn(connection);
/// let lo = handle.link().get_one("lo").await?;
/// # Ok(()) }
/// ```
#[cfg(feature = "tokio")]
pub fn new_connection() -> Result<(Connection, Handle, Events), Error> {
    new_connection_with_config(Config::default())
}

/// Like [`new_connection`] with netlink-proto settings (receive buffer
/// size, queue limits...).
#[cfg(feature = "tokio")]
pub fn new_connection_with_config(config: Config) -> Result<(Connection, Handle, Events), Error> {
    open(Socket::new(NETLINK_ROUTE)?, config)
}

/// Like [`new_connection`], with the socket opened inside the network
/// namespace `netns` (by name as `ip netns` knows it, path, or
/// descriptor). The calling thread never changes namespace; every request
/// of the connection acts in `netns`.
#[cfg(feature = "tokio")]
pub fn new_connection_in(netns: &NetnsRef) -> Result<(Connection, Handle, Events), Error> {
    open(
        Socket::new_in_namespace(NETLINK_ROUTE, netns)?,
        Config::default(),
    )
}

/// Connections driven by smol (async-io); feature `smol`.
#[cfg(feature = "smol")]
pub mod smol {
    use super::*;

    /// The future driving a smol connection: spawn it on any executor.
    pub type Connection = netlink_proto::Connection<RtnlMessage, netlink_sys::SmolSocket>;

    /// Opens an rtnetlink connection driven by async-io (smol) in the
    /// caller's network namespace.
    pub fn new_connection() -> Result<(Connection, Handle, Events), Error> {
        open(Socket::new(NETLINK_ROUTE)?, Config::default())
    }

    /// Opens a smol connection inside the network namespace `netns`.
    pub fn new_connection_in(netns: &NetnsRef) -> Result<(Connection, Handle, Events), Error> {
        open(
            Socket::new_in_namespace(NETLINK_ROUTE, netns)?,
            Config::default(),
        )
    }
}
