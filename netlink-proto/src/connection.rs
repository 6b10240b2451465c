//! The async driver: moves bytes between the multiplexer and an async socket.

use std::{
    future::Future,
    io,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll, Waker},
    time::Instant,
};

use netlink_packet_core::{NetlinkDeserializable, NetlinkSerializable};

use crate::{
    config::DEFAULT_RECEIVE_BUFFER,
    protocol::Protocol,
    runtime::{DefaultSocket, RuntimeSocket},
    shared::Shared,
    socket_setup, Config, ConnectionHandle, Notifications,
};

/// Datagrams read in one poll before yielding to other tasks.
const DATAGRAMS_PER_POLL: usize = 64;

/// The future that drives a connection: it sends queued requests, reads the
/// socket and routes what arrives. Spawn it on the runtime of its socket
/// (`tokio::spawn(connection)`) or poll it alongside your work.
///
/// It completes when every [`ConnectionHandle`], the [`Notifications`] and
/// every [`ReplyStream`](crate::ReplyStream) are dropped, or when the socket
/// fails (pending requests then end with [`Error::Io`](crate::Error::Io)).
/// Dropping it ends every pending request with
/// [`Error::ConnectionClosed`](crate::Error::ConnectionClosed).
///
/// It only reads the socket while the reply and notification queues have
/// room: a slow consumer slows the kernel down instead of growing memory.
pub struct Connection<T, S: RuntimeSocket = DefaultSocket> {
    shared: Arc<Shared<T>>,
    socket: S,
    buffer: Vec<u8>,
    /// Consumers to wake once the lock is released (reused).
    wakers: Vec<Waker>,
    timer: Option<(Instant, S::Timer)>,
    done: bool,
}

impl<T, S: RuntimeSocket> Unpin for Connection<T, S> {}

impl<T, S: RuntimeSocket + std::fmt::Debug> std::fmt::Debug for Connection<T, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("socket", &self.socket)
            .field("protocol", &self.shared.lock().protocol)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// Creates a connection over `socket` (any [`RuntimeSocket`]: a
/// `TokioSocket`, a `SmolSocket`, yours), configured by `config`.
///
/// The socket is bound to a kernel-chosen port unless already bound, and
/// gets the options of `config`. Use this to open a connection in another
/// network namespace: create the socket with `Socket::new_in_namespace` and
/// wrap it with `TokioSocket::from_socket` / `SmolSocket::from_socket`.
#[allow(clippy::type_complexity)]
pub fn new_connection_with_socket<T, S: RuntimeSocket>(
    mut socket: S,
    config: Config,
) -> io::Result<(Connection<T, S>, ConnectionHandle<T>, Notifications<T>)> {
    let setup = socket_setup::configure(socket.socket_mut(), &config)?;
    let protocol = Protocol::new(setup.local_port, &config, setup.max_in_flight);
    let shared = Arc::new(Shared::new(protocol));
    let connection = Connection {
        shared: shared.clone(),
        socket,
        buffer: Vec::with_capacity(config.initial_buffer_size.max(DEFAULT_RECEIVE_BUFFER)),
        wakers: Vec::new(),
        timer: None,
        done: false,
    };
    let handle = ConnectionHandle::new(shared.clone(), setup.local_port);
    Ok((connection, handle, Notifications::new(shared)))
}

/// Creates a tokio connection for netlink `protocol` (e.g.
/// `netlink_sys::protocols::NETLINK_ROUTE`) with the default [`Config`].
///
/// Call it inside a tokio runtime with IO enabled (and time enabled if you
/// use request timeouts), then spawn the returned [`Connection`].
#[cfg(feature = "tokio")]
#[allow(clippy::type_complexity)]
pub fn new_connection<T>(
    protocol: isize,
) -> io::Result<(
    Connection<T, netlink_sys::TokioSocket>,
    ConnectionHandle<T>,
    Notifications<T>,
)> {
    new_connection_with_config(protocol, Config::default())
}

/// Creates a tokio connection for netlink `protocol` with `config`.
/// See [`new_connection`].
#[cfg(feature = "tokio")]
#[allow(clippy::type_complexity)]
pub fn new_connection_with_config<T>(
    protocol: isize,
    config: Config,
) -> io::Result<(
    Connection<T, netlink_sys::TokioSocket>,
    ConnectionHandle<T>,
    Notifications<T>,
)> {
    use netlink_sys::AsyncSocket;
    new_connection_with_socket(netlink_sys::TokioSocket::new(protocol)?, config)
}

/// Connections driven by smol (async-io).
#[cfg(feature = "smol")]
pub mod smol {
    use std::io;

    use netlink_sys::{AsyncSocket, SmolSocket};

    use super::{new_connection_with_socket, Connection};
    use crate::{Config, ConnectionHandle, Notifications};

    /// Creates a smol connection for netlink `protocol` with the default
    /// [`Config`]. Poll the returned [`Connection`] on any executor; async-io
    /// drives the socket and timers.
    #[allow(clippy::type_complexity)]
    pub fn new_connection<T>(
        protocol: isize,
    ) -> io::Result<(
        Connection<T, SmolSocket>,
        ConnectionHandle<T>,
        Notifications<T>,
    )> {
        new_connection_with_config(protocol, Config::default())
    }

    /// Creates a smol connection for netlink `protocol` with `config`.
    #[allow(clippy::type_complexity)]
    pub fn new_connection_with_config<T>(
        protocol: isize,
        config: Config,
    ) -> io::Result<(
        Connection<T, SmolSocket>,
        ConnectionHandle<T>,
        Notifications<T>,
    )> {
        new_connection_with_socket(SmolSocket::new(protocol)?, config)
    }
}

impl<T, S: RuntimeSocket> Connection<T, S> {
    /// The socket, e.g. to read or change options.
    pub fn socket(&self) -> &S {
        &self.socket
    }

    /// Wakes the consumers whose wake-up the multiplexer deferred, outside
    /// the lock.
    fn wake_consumers(&mut self) {
        self.shared.lock().protocol.take_wakers(&mut self.wakers);
        self.wakers.drain(..).for_each(Waker::wake);
    }

    /// Wakes the consumers, arms the timer for the earliest request
    /// deadline; returns `Pending`.
    fn wait(&mut self, cx: &mut Context<'_>, deadline: Option<Instant>) -> Poll<()> {
        self.wake_consumers();
        let Some(deadline) = deadline else {
            self.timer = None;
            return Poll::Pending;
        };
        let timer = match &mut self.timer {
            Some((at, timer)) if *at == deadline => timer,
            slot => &mut slot.insert((deadline, S::timer(deadline))).1,
        };
        if Pin::new(timer).poll(cx).is_ready() {
            self.timer = None;
            cx.waker().wake_by_ref();
        }
        Poll::Pending
    }

    fn finish(&mut self, error: Option<&io::Error>) -> Poll<()> {
        self.shared.lock().protocol.close(error);
        self.done = true;
        self.timer = None;
        Poll::Ready(())
    }
}

impl<T, S> Future for Connection<T, S>
where
    T: NetlinkSerializable + NetlinkDeserializable,
    S: RuntimeSocket,
{
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        if this.done {
            return Poll::Ready(());
        }
        let mut datagrams = 0;
        let mut send_blocked = false;
        loop {
            let mut state = this.shared.lock();
            match &state.driver_waker {
                Some(waker) if waker.will_wake(cx.waker()) => {}
                _ => state.driver_waker = Some(cx.waker().clone()),
            }
            state.protocol.take_driver_wake();
            while let Some(command) = state.commands.pop_front() {
                command.apply(this.socket.socket_ref());
            }
            let unused = state.handles == 0
                && !state.protocol.notifications_open()
                && state.protocol.live_request_count() == 0;
            if state.protocol.is_closed() || unused {
                drop(state);
                return this.finish(None);
            }
            let now = Instant::now();
            let deadline = state.protocol.next_deadline();
            if deadline.is_some_and(|deadline| deadline <= now) {
                state.protocol.handle_timeout(now);
                continue;
            }
            if !send_blocked {
                if let Some(transmit) = state.protocol.poll_transmit() {
                    drop(state);
                    let sent = this
                        .socket
                        .poll_send_to(cx, &transmit.bytes, &transmit.destination);
                    let mut state = this.shared.lock();
                    match sent {
                        Poll::Ready(Ok(_)) => state.protocol.transmit_complete(transmit),
                        Poll::Ready(Err(error)) if error.kind() == io::ErrorKind::Interrupted => {
                            state.protocol.transmit_blocked(transmit);
                        }
                        Poll::Ready(Err(error)) => {
                            log::debug!("netlink send failed: {error}");
                            state.protocol.transmit_failed(transmit, &error);
                        }
                        Poll::Pending => {
                            state.protocol.transmit_blocked(transmit);
                            send_blocked = true;
                        }
                    }
                    continue;
                }
            }
            if !state.protocol.wants_receive() {
                drop(state);
                return this.wait(cx, deadline);
            }
            drop(state);
            if datagrams == DATAGRAMS_PER_POLL {
                this.wake_consumers();
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
            match this.socket.poll_recv_datagram(cx, &mut this.buffer) {
                Poll::Ready(Ok(received)) => {
                    datagrams += 1;
                    let datagram = this.buffer.get(..received.len).unwrap_or(&this.buffer);
                    let wakes_due = {
                        let mut state = this.shared.lock();
                        state
                            .protocol
                            .handle_datagram(datagram, received.source, received.group);
                        state.protocol.wakes_due()
                    };
                    if wakes_due {
                        this.wake_consumers();
                        // Let the consumer run: on a single thread it must;
                        // on a multi-threaded tokio runtime, where it lands
                        // on this worker, another worker can take this task
                        // meanwhile and receive while it decodes.
                        cx.waker().wake_by_ref();
                        return Poll::Pending;
                    }
                }
                Poll::Ready(Err(error)) if is_overflow(&error) => {
                    this.shared.lock().protocol.handle_overflow();
                }
                Poll::Ready(Err(error)) if error.kind() == io::ErrorKind::Interrupted => {}
                Poll::Ready(Err(error)) => {
                    log::debug!("netlink receive failed, closing the connection: {error}");
                    return this.finish(Some(&error));
                }
                Poll::Pending => {
                    // The receive queue is empty: sending may resume after
                    // an overflow.
                    if this.shared.lock().protocol.handle_socket_drained() {
                        continue;
                    }
                    return this.wait(cx, deadline);
                }
            }
        }
    }
}

/// Whether a receive error means that messages were lost and the socket goes
/// on: `ENOBUFS` (the kernel dropped messages), or a datagram another reader
/// took between peek and read (`InvalidData` from `recv_datagram`).
pub(crate) fn is_overflow(error: &io::Error) -> bool {
    error.raw_os_error() == Some(libc::ENOBUFS) || error.kind() == io::ErrorKind::InvalidData
}

impl<T, S: RuntimeSocket> Drop for Connection<T, S> {
    fn drop(&mut self) {
        if !self.done {
            self.shared.lock().protocol.close(None);
        }
    }
}
