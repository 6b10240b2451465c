//! The one error type of this crate: what failed, why, and where in the
//! request the kernel found the problem.

use std::{fmt, io};

use netlink_packet_core::{DecodeError, ExtendedAck, NetlinkFlags};

use crate::attribute_name::AttributePath;

/// Which request failed: enough to tell one of many concurrent requests
/// from another in a log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestSummary {
    /// What the request was for, e.g. `"route add"`, `"link get"`.
    pub operation: &'static str,
    /// The netlink message type, e.g. `RTM_NEWROUTE` (24).
    pub message_type: u16,
    /// The kernel's name of the message type, e.g. `"RTM_NEWROUTE"`.
    pub message_type_name: &'static str,
    /// The header flags the request was sent with.
    pub flags: NetlinkFlags,
    /// The sequence number the request was sent with (0 when unknown).
    pub sequence_number: u32,
}

impl fmt::Display for RequestSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}, flags {:#06x}, sequence {})",
            self.operation,
            self.message_type_name,
            self.flags.bits(),
            self.sequence_number
        )
    }
}

/// The kernel refused a request.
#[derive(Debug, Clone)]
pub struct KernelError {
    /// The positive errno, e.g. `libc::EEXIST`.
    pub errno: i32,
    /// The kernel's extended-ack text, e.g. `"Nexthop has invalid gateway"`.
    pub message: Option<String>,
    /// The attribute of the request the kernel pointed at (extended-ack
    /// offset), named: e.g. `IFLA_LINKINFO > IFLA_INFO_DATA > VETH_INFO_PEER > IFLA_MTU`.
    pub offending_attribute: Option<AttributePath>,
    /// The attribute the kernel said was missing (`NLMSGERR_ATTR_MISS_TYPE`),
    /// named after the request's attribute space when known.
    pub missing_attribute: Option<String>,
    /// The whole extended ack as decoded.
    pub extended_ack: ExtendedAck,
    /// The request that failed.
    pub request: RequestSummary,
}

impl KernelError {
    /// The error as an [`io::Error`] carrying the errno.
    pub fn to_io(&self) -> io::Error {
        io::Error::from_raw_os_error(self.errno)
    }
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: {}", self.request, self.to_io())?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(path) = &self.offending_attribute {
            write!(f, " (offending attribute: {path})")?;
        } else if let Some(offset) = self.extended_ack.offset {
            write!(f, " (offending byte offset {offset} in the request)")?;
        }
        if let Some(missing) = &self.missing_attribute {
            write!(f, " (missing attribute: {missing})")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong with a request.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The kernel refused the request: errno, extended-ack text, the named
    /// offending attribute and the request.
    Kernel(Box<KernelError>),
    /// The object asked for does not exist (e.g. a link by a name no link
    /// has). `source` is the kernel's answer when it gave one.
    NotFound {
        /// What was looked for, e.g. `link named "eth9"`.
        what: String,
        /// The kernel's refusal, if the lookup went to the kernel.
        source: Option<Box<KernelError>>,
    },
    /// The request was invalid before it reached the kernel (a builder
    /// found a contradiction or an oversized value).
    InvalidRequest(String),
    /// A reply could not be decoded.
    Decode(DecodeError),
    /// The reply to the request was not what was expected.
    UnexpectedReply(String),
    /// The socket overflowed while the request was in flight: whether the
    /// kernel carried it out is unknown; query the state again.
    OutcomeUnknown,
    /// The request timed out.
    Timeout,
    /// The connection closed (its driver future was dropped or its socket
    /// failed) before the request ended.
    ConnectionClosed,
    /// A socket or namespace operation failed.
    Io(io::Error),
}

impl Error {
    /// The errno of a kernel refusal (or of an I/O error), if any.
    pub fn errno(&self) -> Option<i32> {
        match self {
            Error::Kernel(error) => Some(error.errno),
            Error::NotFound {
                source: Some(error),
                ..
            } => Some(error.errno),
            Error::Io(error) => error.raw_os_error(),
            _ => None,
        }
    }

    /// The kernel's refusal, if this is one.
    pub fn kernel_error(&self) -> Option<&KernelError> {
        match self {
            Error::Kernel(error) => Some(error),
            Error::NotFound {
                source: Some(error),
                ..
            } => Some(error),
            _ => None,
        }
    }

    /// The kernel's extended-ack text, if it gave one.
    pub fn kernel_message(&self) -> Option<&str> {
        self.kernel_error()?.message.as_deref()
    }

    /// Whether the object does not exist: [`Error::NotFound`], or the
    /// kernel answered `ENODEV`, `ENOENT`, `ESRCH` or `EADDRNOTAVAIL`
    /// (what it answers for a missing link, neighbour or rule, route,
    /// address).
    pub fn is_not_found(&self) -> bool {
        match self {
            Error::NotFound { .. } => true,
            _ => matches!(
                self.errno(),
                Some(libc::ENODEV | libc::ENOENT | libc::ESRCH | libc::EADDRNOTAVAIL)
            ),
        }
    }

    /// Whether the object already exists (`EEXIST`).
    pub fn already_exists(&self) -> bool {
        matches!(self, Error::Kernel(_)) && self.errno() == Some(libc::EEXIST)
    }

    /// Whether the kernel refused for lack of privilege (`EPERM`, `EACCES`).
    pub fn is_permission_denied(&self) -> bool {
        matches!(self.errno(), Some(libc::EPERM | libc::EACCES))
    }

    /// Converts to an [`io::Error`], keeping the errno when there is one.
    pub fn into_io(self) -> io::Error {
        match self {
            Error::Io(error) => error,
            other => match other.errno() {
                Some(errno) => io::Error::new(
                    io::Error::from_raw_os_error(errno).kind(),
                    other.to_string(),
                ),
                None => io::Error::other(other.to_string()),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Kernel(error) => error.fmt(f),
            Error::NotFound { what, source } => {
                write!(f, "{what} not found")?;
                if let Some(source) = source {
                    write!(f, " (kernel: {}", source.to_io())?;
                    if let Some(message) = &source.message {
                        write!(f, ": {message}")?;
                    }
                    f.write_str(")")?;
                }
                Ok(())
            }
            Error::InvalidRequest(reason) => write!(f, "invalid request: {reason}"),
            Error::Decode(error) => write!(f, "cannot decode a reply: {error}"),
            Error::UnexpectedReply(what) => write!(f, "unexpected reply: {what}"),
            Error::OutcomeUnknown => f.write_str(
                "outcome unknown: the netlink socket overflowed while the request was in flight",
            ),
            Error::Timeout => f.write_str("the request timed out"),
            Error::ConnectionClosed => f.write_str("the netlink connection is closed"),
            Error::Io(error) => write!(f, "netlink socket error: {error}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Decode(error) => Some(error),
            Error::Io(error) => Some(error),
            _ => None,
        }
    }
}

impl std::error::Error for KernelError {}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error::Io(error)
    }
}

impl From<Error> for io::Error {
    fn from(error: Error) -> Self {
        error.into_io()
    }
}
