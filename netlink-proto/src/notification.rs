//! What arrives on the socket without answering one of our requests.

use netlink_packet_core::{DecodeError, NetlinkMessage};
use netlink_sys::SocketAddr;

/// A message that is not a reply to one of this connection's requests, or an
/// event of the connection itself.
#[derive(Debug)]
pub enum Notification<T> {
    /// A multicast message (the source's `multicast_groups()` tells the group
    /// for groups 1 to 32), a message from another sender than the kernel, or
    /// a message whose sequence number matches no request.
    Message(NetlinkMessage<T>, SocketAddr),
    /// A message that could not be decoded, kept with its raw bytes (from
    /// its header on; when the datagram's framing itself is broken, the rest
    /// of the datagram).
    Undecodable {
        /// The message's bytes.
        bytes: Vec<u8>,
        /// Why it could not be decoded.
        error: DecodeError,
        /// Who sent it.
        source: SocketAddr,
    },
    /// Messages were lost: state tracked from notifications must be
    /// resynchronised (dump it again). The connection itself goes on working.
    Overflow {
        /// Where messages were lost.
        reason: OverflowReason,
        /// How many in-flight requests were failed with
        /// [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown) because
        /// their replies may have been among the lost messages. (A dump that
        /// had started answering goes on: the kernel never drops dump parts.)
        failed_requests: usize,
    },
}

/// Where an [`Notification::Overflow`] lost messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverflowReason {
    /// The socket's receive buffer overflowed (`ENOBUFS`): the kernel dropped
    /// messages for this socket — multicast notifications and possibly
    /// replies.
    SocketBuffer,
    /// The notification queue was full ([`Config::max_queued_notifications`](crate::Config::max_queued_notifications)):
    /// this connection dropped notifications because their consumer was
    /// behind, rather than stop reading the socket (which would stall the
    /// replies of requests).
    NotificationQueue,
}
