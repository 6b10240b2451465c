//! Connection and request settings.

use std::time::Duration;

/// Size of the receive buffer a connection starts with: the kernel sizes dump
/// datagrams after the largest buffer it has seen (up to 32 KiB), so a
/// smaller one would cost more system calls.
pub const DEFAULT_RECEIVE_BUFFER: usize = 32 * 1024;

/// Settings of a connection: the socket options it sets and the limits that
/// bound its memory.
///
/// `Config::default()` is what `new_connection`
/// uses. Fields are public; change what you need:
///
/// ```
/// let config = netlink_proto::Config {
///     max_queued_replies: 256,
///     ..Default::default()
/// };
/// assert!(config.extended_ack);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `NETLINK_EXT_ACK`: the kernel explains errors (message text, offending
    /// attribute). Default: on.
    pub extended_ack: bool,
    /// `NETLINK_CAP_ACK`: error and ack messages echo only the request's
    /// header, not the whole request. Default: on.
    pub cap_ack: bool,
    /// `NETLINK_GET_STRICT_CHK`: the kernel validates requests strictly and
    /// honours dump filters. `None` (default) turns it on for
    /// `NETLINK_ROUTE` and leaves other protocols as they are; `Some(on)`
    /// sets it either way.
    pub strict_checking: Option<bool>,
    /// The socket's kernel receive buffer (`SO_RCVBUFFORCE`, falling back to
    /// `SO_RCVBUF`). `None` (default) keeps the system's default. A larger
    /// buffer makes overflows (`ENOBUFS`) under notification floods rarer
    /// and allows more requests in flight.
    pub receive_buffer_size: Option<usize>,
    /// Initial size of the user-space receive buffer (reused for every
    /// datagram, grown to fit a larger one; datagrams are never truncated).
    /// Default [`DEFAULT_RECEIVE_BUFFER`]; values below it are raised to it.
    pub initial_buffer_size: usize,
    /// How many replies may wait in one request's queue before the
    /// connection stops reading the socket until the consumer catches up.
    /// Default 65,536 (with small messages such as routes,
    /// [`max_queued_reply_bytes`](Self::max_queued_reply_bytes) is reached
    /// first).
    pub max_queued_replies: usize,
    /// How many bytes of replies may wait in one request's queue before the
    /// connection stops reading the socket until the consumer catches up
    /// (replies are queued as received and decoded by their consumer). The
    /// queue may pass it by one datagram. Default 1 MiB: large enough that
    /// a consumer on another thread is woken about once per 512 KiB of a
    /// dump rather than once per datagram.
    pub max_queued_reply_bytes: usize,
    /// How many notifications may wait to be consumed. Past it, new ones are
    /// dropped and a [`Notification::Overflow`](crate::Notification::Overflow)
    /// says so (stopping to read the socket instead would stall the replies
    /// of requests). Default 1024. Dropping the
    /// [`Notifications`](crate::Notifications) stream discards them all.
    pub max_queued_notifications: usize,
    /// How many requests may await their replies at once; further requests
    /// wait in the connection's send queue. `None` (default) derives it from
    /// the socket's receive buffer (one request per 8 KiB), so replies that
    /// the kernel cannot hold back (acks, errors, single replies) cannot
    /// overflow it.
    pub max_in_flight: Option<usize>,
    /// The largest batch of requests written in one `sendmsg`. Default 32 KiB.
    pub max_batch_size: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            extended_ack: true,
            cap_ack: true,
            strict_checking: None,
            receive_buffer_size: None,
            initial_buffer_size: DEFAULT_RECEIVE_BUFFER,
            max_queued_replies: 64 * 1024,
            max_queued_reply_bytes: 1024 * 1024,
            max_queued_notifications: 1024,
            max_in_flight: None,
            max_batch_size: 32 * 1024,
        }
    }
}

impl Config {
    /// The default settings (same as `Config::default()`).
    pub fn new() -> Self {
        Self::default()
    }

    /// How many requests may be in flight with a kernel receive buffer of
    /// `receive_buffer` bytes.
    pub(crate) fn in_flight_limit(&self, receive_buffer: usize) -> usize {
        self.max_in_flight
            .unwrap_or(receive_buffer / REPLY_BUDGET)
            .max(1)
    }
}

/// Receive-buffer bytes budgeted for the reply of one in-flight request: a
/// kernel reply skb (data plus `sk_buff` overhead) of a typical single
/// reply or ack stays below it.
const REPLY_BUDGET: usize = 8 * 1024;

/// Options of one request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestOptions {
    /// Fail the request with [`Error::Timeout`](crate::Error::Timeout) when
    /// it has not ended after this long. Default: none.
    pub timeout: Option<Duration>,
    /// Accept replies from senders other than the kernel (port id 0), e.g.
    /// when the request goes to a user-space netlink peer. Default: off —
    /// messages from other senders go to the notifications.
    pub accept_foreign: bool,
    /// Restart a dump interrupted by a change (`NLM_F_DUMP_INTR`) at most
    /// this many times; the stream yields
    /// [`Error::DumpRestarted`](crate::Error::DumpRestarted) before the new
    /// attempt's messages. Default `None`: an interrupted dump ends with
    /// [`EndState::interrupted`](crate::EndState::interrupted) set.
    pub retry_interrupted_dump: Option<u32>,
    /// Whether the request is a dump. The kernel runs one dump at a time per
    /// socket, so dumps are sent one after another, alone. `None` (default)
    /// guesses from the flags: `NLM_F_DUMP` set without `NLM_F_CREATE` /
    /// `NLM_F_APPEND`.
    pub dump: Option<bool>,
}

impl RequestOptions {
    /// Default options with a timeout.
    pub fn with_timeout(timeout: Duration) -> Self {
        RequestOptions {
            timeout: Some(timeout),
            ..Self::default()
        }
    }
}
