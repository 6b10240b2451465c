//! A connection driven by a thread of its own.

use std::{io, sync::mpsc, thread::JoinHandle};

use netlink_packet_core::{NetlinkDeserializable, NetlinkSerializable};
use netlink_sys::{AsyncSocket, Socket, TokioSocket};

use crate::{new_connection_with_socket, Config, ConnectionHandle, Notifications};

/// What [`spawn_connection_thread`] returns: the connection's handle, its
/// notifications, and the thread driving it.
pub type ConnectionThread<T> = (ConnectionHandle<T>, Notifications<T>, JoinHandle<()>);

/// Creates a connection and drives it on a new thread (named
/// `netlink-connection`, running a single-threaded tokio runtime of its
/// own); returns its handle, its notifications and the thread.
///
/// Replies are decoded by their consumer (see
/// [`ReplyQueue`](crate::protocol::ReplyQueue)), so with the connection on
/// its own thread the consumer decodes one batch of replies while the
/// thread receives the next datagram from the kernel: on a large dump,
/// typed decoding overlaps the kernel's work instead of adding to it. (On a
/// multi-threaded tokio runtime, a connection spawned as a task often takes
/// turns with its consumer on one worker: the scheduler runs a task woken
/// by another on the same worker.) The handle works from any runtime or
/// thread.
///
/// The thread ends when the connection does: once every handle and the
/// notifications are dropped and no request is left, or when the socket
/// fails.
///
/// # Examples
///
/// ```
/// use futures::StreamExt;
/// use netlink_packet_core::{NetlinkFlags, NetlinkMessage, RawMessage, NLM_F_DUMP, NLM_F_REQUEST};
/// use netlink_proto::{spawn_connection_thread, Config};
/// use netlink_sys::{protocols::NETLINK_ROUTE, SocketAddr};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let (handle, notifications, thread) =
///     spawn_connection_thread::<RawMessage>(NETLINK_ROUTE, Config::default())?;
///
/// // A dump of every link (RTM_GETLINK with an `ifinfomsg` of zeros).
/// let mut request = NetlinkMessage::from(RawMessage::new(18, vec![0; 16]));
/// request.header.flags = NetlinkFlags::from_bits_retain(NLM_F_REQUEST | NLM_F_DUMP);
/// let mut replies = handle.request(request, SocketAddr::new(0, 0))?;
/// let mut links = 0;
/// while let Some(reply) = replies.next().await {
///     reply?;
///     links += 1;
/// }
/// assert!(links >= 1);
///
/// drop((replies, handle, notifications));
/// thread.join().expect("the connection thread ends");
/// # Ok(())
/// # }
/// ```
pub fn spawn_connection_thread<T>(
    protocol: isize,
    config: Config,
) -> io::Result<ConnectionThread<T>>
where
    T: NetlinkSerializable + NetlinkDeserializable + Send + 'static,
{
    spawn_connection_thread_with_socket(Socket::new(protocol)?, config)
}

/// Like [`spawn_connection_thread`], over a socket opened by the caller
/// (for instance in another network namespace with
/// [`Socket::new_in_namespace`]); the connection configures it as
/// [`new_connection_with_socket`] does.
pub fn spawn_connection_thread_with_socket<T>(
    socket: Socket,
    config: Config,
) -> io::Result<ConnectionThread<T>>
where
    T: NetlinkSerializable + NetlinkDeserializable + Send + 'static,
{
    let (sender, receiver) = mpsc::sync_channel(1);
    let thread = std::thread::Builder::new()
        .name("netlink-connection".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(error) => {
                    let _ = sender.send(Err(error));
                    return;
                }
            };
            runtime.block_on(async move {
                let connection = TokioSocket::from_socket(socket)
                    .and_then(|socket| new_connection_with_socket::<T, _>(socket, config));
                match connection {
                    Ok((connection, handle, notifications)) => {
                        if sender.send(Ok((handle, notifications))).is_ok() {
                            connection.await;
                        }
                    }
                    Err(error) => {
                        let _ = sender.send(Err(error));
                    }
                }
            });
        })?;
    match receiver.recv() {
        Ok(Ok((handle, notifications))) => Ok((handle, notifications, thread)),
        Ok(Err(error)) => {
            let _ = thread.join();
            Err(error)
        }
        Err(_) => {
            let _ = thread.join();
            Err(io::Error::other(
                "the connection thread ended before creating the connection",
            ))
        }
    }
}
