//! The errors a request can end with.

use std::{fmt, io};

use netlink_packet_core::{DecodeError, ErrorMessage, NetlinkFlags, NetlinkMessage};

/// What identifies a request in an error: enough to tell which of many
/// concurrent requests the kernel refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestInfo {
    /// The request's netlink message type (`nlmsg_type`).
    pub message_type: u16,
    /// The request's header flags as sent.
    pub flags: NetlinkFlags,
    /// The sequence number the request was sent with (of the last attempt
    /// for a restarted dump).
    pub sequence_number: u32,
}

/// The kernel refused a request: its `NLMSG_ERROR` reply (or a dump's
/// `NLMSG_DONE` carrying a negative error code), with the decoded extended
/// acknowledgement.
#[derive(Debug, Clone)]
pub struct KernelError {
    /// The kernel's error message: errno, echoed request and extended ack.
    pub error: ErrorMessage,
    /// The request the error answers.
    pub request: RequestInfo,
}

impl KernelError {
    /// The error as an [`io::Error`] (its `raw_os_error()` is the positive errno).
    pub fn to_io(&self) -> io::Error {
        self.error.to_io()
    }

    /// The positive errno, e.g. `libc::EEXIST`.
    pub fn errno(&self) -> i32 {
        self.error.errno()
    }

    /// The kernel's extended-ack text, when it gave one.
    pub fn message(&self) -> Option<&str> {
        self.error.extended_ack.message.as_deref()
    }
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "kernel refused request (message type {}, sequence {}): {}",
            self.request.message_type,
            self.request.sequence_number,
            self.error.to_io()
        )?;
        let ack = &self.error.extended_ack;
        if let Some(message) = &ack.message {
            write!(f, ": {message}")?;
        }
        if let Some(offset) = ack.offset {
            write!(f, " (offending attribute at byte {offset} of the request)")?;
        }
        Ok(())
    }
}

impl std::error::Error for KernelError {}

/// Why a request failed, or a non-final event in its reply stream.
///
/// Final errors (the stream ends after them): [`Kernel`](Error::Kernel),
/// [`OutcomeUnknown`](Error::OutcomeUnknown), [`Timeout`](Error::Timeout),
/// [`ConnectionClosed`](Error::ConnectionClosed), [`Io`](Error::Io), and a
/// [`Decode`](Error::Decode) error of the message that ended the request
/// (an undecodable `NLMSG_ERROR` or `NLMSG_DONE`).
///
/// Non-final items (the stream goes on): [`Decode`](Error::Decode) for one
/// undecodable data reply and [`DumpRestarted`](Error::DumpRestarted).
///
/// [`NotSent`](Error::NotSent) and [`QueueFull`](Error::QueueFull) are
/// returned by calls, never yielded by a reply stream.
pub enum Error<T> {
    /// The kernel refused the request (errno and extended ack inside; boxed
    /// to keep `Error` small).
    Kernel(Box<KernelError>),
    /// A reply to this request could not be decoded. The bytes were not
    /// dropped silently: this item stands for them.
    Decode(DecodeError),
    /// The socket overflowed (`ENOBUFS`) while the request was in flight: its
    /// reply may have been lost, so whether the kernel carried it out is
    /// unknown. Query the state again to find out.
    OutcomeUnknown,
    /// The request's timeout ([`RequestOptions::timeout`](crate::RequestOptions::timeout))
    /// passed before it ended. Later replies to it are discarded.
    Timeout,
    /// The dump was interrupted (`NLM_F_DUMP_INTR`: the kernel's table changed
    /// while it was dumped) and is being restarted, as asked with
    /// [`RequestOptions::retry_interrupted_dump`](crate::RequestOptions::retry_interrupted_dump).
    /// Not final: discard the messages received so far; the stream goes on
    /// with the dump's new attempt number `attempt` (1 for the first restart).
    DumpRestarted {
        /// Which restart this is, counting from 1.
        attempt: u32,
    },
    /// The connection ended (its socket failed, or the [`Connection`](crate::Connection)
    /// future was dropped) before the request ended.
    ConnectionClosed,
    /// The request was not sent because the connection is closed; here is
    /// the message back.
    NotSent(Box<NetlinkMessage<T>>),
    /// The socket failed while sending or receiving.
    Io(io::Error),
    /// Blocking front-end only: the request cannot progress because the
    /// queues of *other* requests or of notifications are full, and reading
    /// more from the socket would grow memory without bound. Read those
    /// replies or notifications (or release the requests) and call again.
    QueueFull,
}

impl<T> Error<T> {
    /// Whether the reply stream ends after this error.
    pub fn is_final(&self) -> bool {
        !matches!(self, Error::Decode(_) | Error::DumpRestarted { .. })
    }

    /// The kernel's error, when this is [`Error::Kernel`].
    pub fn kernel_error(&self) -> Option<&KernelError> {
        match self {
            Error::Kernel(error) => Some(error),
            _ => None,
        }
    }

    /// Converts to an [`io::Error`], keeping the errno of kernel errors.
    pub fn into_io(self) -> io::Error {
        match self {
            Error::Kernel(error) => error.to_io(),
            Error::Io(error) => error,
            Error::Timeout => io::Error::new(io::ErrorKind::TimedOut, "netlink request timed out"),
            other => io::Error::other(other.to_string()),
        }
    }
}

impl<T> fmt::Display for Error<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Kernel(error) => error.fmt(f),
            Error::Decode(error) => write!(f, "cannot decode a reply: {error}"),
            Error::OutcomeUnknown => f.write_str(
                "outcome unknown: the socket overflowed (ENOBUFS) while the request was in \
                 flight, so its reply may have been lost",
            ),
            Error::Timeout => f.write_str("the request timed out"),
            Error::DumpRestarted { attempt } => write!(
                f,
                "the dump was interrupted by a change and restarts (attempt {attempt}); \
                 discard the messages received so far"
            ),
            Error::ConnectionClosed => {
                f.write_str("the netlink connection closed before the request ended")
            }
            Error::NotSent(_) => f.write_str("the netlink connection is closed: request not sent"),
            Error::Io(error) => write!(f, "netlink socket error: {error}"),
            Error::QueueFull => f.write_str(
                "the reply queues of other requests or the notification queue are full; \
                 read them before waiting for this request",
            ),
        }
    }
}

impl<T> fmt::Debug for Error<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Kernel(error) => f.debug_tuple("Kernel").field(error).finish(),
            Error::Decode(error) => f.debug_tuple("Decode").field(error).finish(),
            Error::OutcomeUnknown => f.write_str("OutcomeUnknown"),
            Error::Timeout => f.write_str("Timeout"),
            Error::DumpRestarted { attempt } => f
                .debug_struct("DumpRestarted")
                .field("attempt", attempt)
                .finish(),
            Error::ConnectionClosed => f.write_str("ConnectionClosed"),
            Error::NotSent(message) => f
                .debug_struct("NotSent")
                .field("header", &message.header)
                .finish_non_exhaustive(),
            Error::Io(error) => f.debug_tuple("Io").field(error).finish(),
            Error::QueueFull => f.write_str("QueueFull"),
        }
    }
}

impl<T> std::error::Error for Error<T> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Kernel(error) => Some(error.as_ref()),
            Error::Decode(error) => Some(error),
            Error::Io(error) => Some(error),
            _ => None,
        }
    }
}

impl<T> From<Error<T>> for io::Error {
    fn from(error: Error<T>) -> Self {
        error.into_io()
    }
}

/// A copy of an I/O error for each of many requests that it ends
/// (`io::Error` is not `Clone`).
pub(crate) fn copy_io_error(error: &io::Error) -> io::Error {
    match error.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(error.kind(), error.to_string()),
    }
}
