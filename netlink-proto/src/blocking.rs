//! The blocking front-end: the same multiplexer over a plain blocking
//! socket, driven by the calling thread (no runtime, no hidden thread).

use std::{
    io,
    os::fd::AsRawFd,
    time::{Duration, Instant},
};

use netlink_packet_core::{NetlinkDeserializable, NetlinkMessage, NetlinkSerializable};
use netlink_sys::{Socket, SocketAddr};

use crate::{
    config::DEFAULT_RECEIVE_BUFFER,
    connection::is_overflow,
    protocol::{NextReply, Protocol, Reply, RequestId},
    socket_setup, Config, EndState, Error, Notification, RequestOptions,
};

/// A connection for programs without an async runtime.
///
/// Every call runs on the calling thread: it sends what is queued and reads
/// the socket until it has what was asked for. Several requests can be in
/// flight at once ([`submit`](Self::submit), then
/// [`next_reply`](Self::next_reply) per request); replies to the others are
/// queued meanwhile, within the limits of [`Config`] — past them a call
/// returns [`Error::QueueFull`] instead of growing memory.
///
/// ```
/// use netlink_packet_core::{NetlinkFlags, NetlinkMessage, RawMessage, NLM_F_REQUEST};
/// use netlink_proto::{BlockingConnection, RequestOptions};
/// use netlink_sys::{protocols::NETLINK_ROUTE, SocketAddr};
///
/// const RTM_GETLINK: u16 = 18;
/// let get_link = |index: i32| {
///     let mut ifinfomsg = vec![0u8; 16];
///     ifinfomsg[4..8].copy_from_slice(&index.to_ne_bytes());
///     let mut message = NetlinkMessage::from(RawMessage::new(RTM_GETLINK, ifinfomsg));
///     message.header.flags = NetlinkFlags::from_bits_retain(NLM_F_REQUEST);
///     message
/// };
///
/// let mut connection = BlockingConnection::<RawMessage>::new(NETLINK_ROUTE)?;
/// // Two requests in flight at once, in one datagram.
/// let ids = connection.submit_batch(
///     [get_link(1), get_link(1)],
///     SocketAddr::new(0, 0),
///     &RequestOptions::default(),
/// )?;
/// for id in ids {
///     let reply = connection.next_reply(id).expect("one reply")?;
///     assert_eq!(reply.header.sequence_number, connection.protocol().sequence_number(id).unwrap());
///     assert!(connection.next_reply(id).is_none(), "no ack asked: the reply ends it");
///     connection.release(id);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct BlockingConnection<T> {
    socket: Socket,
    protocol: Protocol<T>,
    buffer: Vec<u8>,
}

impl<T> std::fmt::Debug for BlockingConnection<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlockingConnection")
            .field("socket", &self.socket)
            .field("protocol", &self.protocol)
            .finish_non_exhaustive()
    }
}

/// What one step of the blocking loop did.
enum Step {
    Progress,
    CallerDeadline,
}

impl<T> BlockingConnection<T> {
    /// Opens a socket for netlink `protocol` with the default [`Config`].
    pub fn new(protocol: isize) -> io::Result<Self> {
        Self::with_config(protocol, Config::default())
    }

    /// Opens a socket for netlink `protocol` with `config`.
    pub fn with_config(protocol: isize, config: Config) -> io::Result<Self> {
        Self::from_socket(Socket::new(protocol)?, config)
    }

    /// Uses `socket` (e.g. created in another network namespace with
    /// `Socket::new_in_namespace`), made blocking, bound unless it is, and
    /// configured by `config`.
    pub fn from_socket(mut socket: Socket, config: Config) -> io::Result<Self> {
        socket.set_non_blocking(false)?;
        let setup = socket_setup::configure(&mut socket, &config)?;
        Ok(BlockingConnection {
            socket,
            protocol: Protocol::new(setup.local_port, &config, setup.max_in_flight),
            buffer: Vec::with_capacity(config.initial_buffer_size.max(DEFAULT_RECEIVE_BUFFER)),
        })
    }

    /// The socket.
    pub fn socket(&self) -> &Socket {
        &self.socket
    }

    /// The port id of the socket.
    pub fn local_port(&self) -> u32 {
        self.protocol.local_port()
    }

    /// The multiplexer (statistics, counts).
    pub fn protocol(&self) -> &Protocol<T> {
        &self.protocol
    }

    /// Joins multicast group `group`.
    pub fn add_membership(&self, group: u32) -> io::Result<()> {
        self.socket.add_membership(group)
    }

    /// Leaves multicast group `group`.
    pub fn drop_membership(&self, group: u32) -> io::Result<()> {
        self.socket.drop_membership(group)
    }

    /// How request `id` ended, once it ended without error.
    pub fn end_state(&self, id: RequestId) -> Option<&EndState> {
        self.protocol.end_state(id)
    }

    /// Forgets request `id`: cancels it if it runs (its later replies are
    /// discarded), drops its queued replies.
    pub fn release(&mut self, id: RequestId) {
        self.protocol.cancel(id);
    }
}

impl<T> BlockingConnection<T>
where
    T: NetlinkSerializable + NetlinkDeserializable,
{
    /// Sends `message` to `destination` and returns an iterator over its
    /// replies (see [`ReplyStream`](crate::ReplyStream) for what is yielded).
    /// Dropping the iterator cancels the request.
    pub fn request(
        &mut self,
        message: NetlinkMessage<T>,
        destination: SocketAddr,
    ) -> Result<BlockingReplies<'_, T>, Error<T>> {
        self.request_with(message, destination, &RequestOptions::default())
    }

    /// Like [`request`](Self::request), with options.
    pub fn request_with(
        &mut self,
        message: NetlinkMessage<T>,
        destination: SocketAddr,
        options: &RequestOptions,
    ) -> Result<BlockingReplies<'_, T>, Error<T>> {
        let id = self.submit(message, destination, options)?;
        Ok(BlockingReplies {
            connection: self,
            id,
            done: false,
        })
    }

    /// Queues a request and sends what can be sent now, without waiting for
    /// replies; read them with [`next_reply`](Self::next_reply) and
    /// [`release`](Self::release) the id when done.
    pub fn submit(
        &mut self,
        message: NetlinkMessage<T>,
        destination: SocketAddr,
        options: &RequestOptions,
    ) -> Result<RequestId, Error<T>> {
        let id = self
            .protocol
            .submit(message, destination, options, Instant::now())?;
        self.flush();
        Ok(id)
    }

    /// Queues many requests and sends them in as few datagrams as the limits
    /// allow.
    pub fn submit_batch(
        &mut self,
        messages: impl IntoIterator<Item = NetlinkMessage<T>>,
        destination: SocketAddr,
        options: &RequestOptions,
    ) -> Result<Vec<RequestId>, Error<T>> {
        let now = Instant::now();
        let ids = messages
            .into_iter()
            .map(|message| self.protocol.submit(message, destination, options, now))
            .collect::<Result<Vec<_>, _>>()?;
        self.flush();
        Ok(ids)
    }

    /// The next reply to request `id`, reading the socket until one arrives;
    /// `None` once the request ended and its replies were all taken.
    pub fn next_reply(&mut self, id: RequestId) -> Option<Reply<T>> {
        loop {
            match self.protocol.next_reply(id) {
                NextReply::Reply(reply) => return Some(reply),
                NextReply::Finished => return None,
                NextReply::Pending => {}
            }
            if let Err(error) = self.step(None) {
                // After a socket failure the request holds its final error.
                if !self.protocol.is_closed() {
                    return Some(Err(error));
                }
            }
        }
    }

    /// The next notification, reading the socket until one arrives or
    /// `timeout` passes (`Ok(None)`); `None` waits as long as it takes.
    pub fn next_notification(
        &mut self,
        timeout: Option<Duration>,
    ) -> Result<Option<Notification<T>>, Error<T>> {
        let deadline = timeout.map(|timeout| Instant::now() + timeout);
        loop {
            if let Some(notification) = self.protocol.next_notification() {
                return Ok(Some(notification));
            }
            if let Step::CallerDeadline = self.step(deadline)? {
                return Ok(None);
            }
        }
    }

    /// Sends every transmit the multiplexer allows now. A failed send fails
    /// its requests (they hold the error).
    fn flush(&mut self) {
        while let Some(transmit) = self.protocol.poll_transmit() {
            match self
                .socket
                .send_to(&transmit.bytes, &transmit.destination, 0)
            {
                Ok(_) => self.protocol.transmit_complete(transmit),
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {
                    self.protocol.transmit_blocked(transmit);
                }
                Err(error) => self.protocol.transmit_failed(transmit, &error),
            }
        }
    }

    /// Sends what can be sent, then waits for one datagram (or the next
    /// request deadline, or `caller_deadline`) and processes it.
    fn step(&mut self, caller_deadline: Option<Instant>) -> Result<Step, Error<T>> {
        // After an overflow nothing is sent until the receive queue has
        // been emptied (see `Protocol::handle_overflow`).
        if self.protocol.is_congested()
            && !wait_readable(&self.socket, Instant::now()).map_err(Error::Io)?
        {
            self.protocol.handle_socket_drained();
        }
        self.flush();
        if self.protocol.is_closed() {
            return Err(Error::ConnectionClosed);
        }
        if !self.protocol.wants_receive() {
            return Err(Error::QueueFull);
        }
        let deadline = match (self.protocol.next_deadline(), caller_deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(deadline) = deadline {
            let readable = wait_readable(&self.socket, deadline).map_err(Error::Io)?;
            if !readable {
                let now = Instant::now();
                self.protocol.handle_timeout(now);
                if caller_deadline.is_some_and(|d| d <= now) {
                    return Ok(Step::CallerDeadline);
                }
                return Ok(Step::Progress);
            }
        }
        match self.socket.recv_datagram(&mut self.buffer) {
            Ok(received) => {
                let datagram = self.buffer.get(..received.len).unwrap_or(&self.buffer);
                self.protocol
                    .handle_datagram(datagram, received.source, received.group);
                // No waker is registered here (this thread consumes the
                // replies itself); flushing keeps to the multiplexer's rule.
                self.protocol.flush_wakes();
            }
            Err(error) if is_overflow(&error) => self.protocol.handle_overflow(),
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => {
                self.protocol.close(Some(&error));
                return Err(Error::Io(error));
            }
        }
        Ok(Step::Progress)
    }
}

/// Waits until `socket` is readable or `deadline` passes; returns whether it
/// is readable.
fn wait_readable(socket: &Socket, deadline: Instant) -> io::Result<bool> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        // Round up so that a wake-up never comes before the deadline.
        let millis = left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32;
        let mut poll_fd = libc::pollfd {
            fd: socket.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, count 1.
        let ready = unsafe { libc::poll(&mut poll_fd, 1, millis) };
        if ready < 0 {
            let error = io::Error::last_os_error();
            if error.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(error);
        }
        if ready > 0 {
            return Ok(true);
        }
        if Instant::now() >= deadline {
            return Ok(false);
        }
    }
}

/// The replies to one request of a [`BlockingConnection`], read as the
/// iteration goes. Dropping it cancels the request.
pub struct BlockingReplies<'a, T> {
    connection: &'a mut BlockingConnection<T>,
    id: RequestId,
    done: bool,
}

impl<T> std::fmt::Debug for BlockingReplies<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlockingReplies")
            .field("id", &self.id)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<T> BlockingReplies<'_, T> {
    /// The request's id.
    pub fn id(&self) -> RequestId {
        self.id
    }

    /// How the request ended, once it ended without error.
    pub fn end_state(&self) -> Option<&EndState> {
        self.connection.end_state(self.id)
    }
}

impl<T> Iterator for BlockingReplies<'_, T>
where
    T: NetlinkSerializable + NetlinkDeserializable,
{
    type Item = Reply<T>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let reply = self.connection.next_reply(self.id);
        match &reply {
            None | Some(Err(Error::QueueFull)) => self.done = true,
            Some(_) => {}
        }
        reply
    }
}

impl<T> Drop for BlockingReplies<'_, T> {
    fn drop(&mut self) {
        self.connection.release(self.id);
    }
}
