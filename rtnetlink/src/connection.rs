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

/// Opens an rtnetlink connection driven by a thread of its own (see
/// [`netlink_proto::spawn_connection_thread`]): returns the [`Handle`], the
/// [`Events`] and the thread, which ends once the handle (and its clones)
/// and the events are dropped.
///
/// Replies are decoded by the task that reads them, so with the connection
/// on its own thread decoding overlaps the kernel's work: the fastest way
/// to read large dumps. The handle works from any runtime (or from none,
/// with a blocking executor such as `futures::executor::block_on`).
///
/// ```no_run
/// # async fn f() -> Result<(), rtnetlink::Error> {
/// let (handle, _events, _thread) = rtnetlink::spawn_connection_thread()?;
/// let lo = handle.link().get_one("lo").await?;
/// # Ok(()) }
/// ```
#[cfg(feature = "tokio")]
pub fn spawn_connection_thread() -> Result<(Handle, Events, std::thread::JoinHandle<()>), Error> {
    spawn_thread(Socket::new(NETLINK_ROUTE)?)
}

/// Like [`spawn_connection_thread`], with the socket opened inside the
/// network namespace `netns` (see [`new_connection_in`]).
#[cfg(feature = "tokio")]
pub fn spawn_connection_thread_in(
    netns: &NetnsRef,
) -> Result<(Handle, Events, std::thread::JoinHandle<()>), Error> {
    spawn_thread(Socket::new_in_namespace(NETLINK_ROUTE, netns)?)
}

#[cfg(feature = "tokio")]
fn spawn_thread(socket: Socket) -> Result<(Handle, Events, std::thread::JoinHandle<()>), Error> {
    let (handle, notifications, thread) =
        netlink_proto::spawn_connection_thread_with_socket(socket, Config::default())?;
    Ok((Handle::new(handle), Events::new(notifications), thread))
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
