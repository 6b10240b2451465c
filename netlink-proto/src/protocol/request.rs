//! The state of one request inside the multiplexer.

use std::{task::Waker, time::Instant};

use netlink_packet_core::NetlinkMessage;
use netlink_sys::SocketAddr;

use super::ReplyQueue;
use crate::{EndState, Error, RequestInfo};

/// One item of a request's reply stream.
pub type Reply<T> = Result<NetlinkMessage<T>, Error<T>>;

/// Identifies a request within one [`Protocol`](super::Protocol) for its
/// whole life, across dump restarts (which change its sequence number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub(crate) u64);

/// Where the request is on the kernel's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Waiting in the send queue.
    Queued,
    /// Handed to a transmit (`sent` once the transmit completed); its replies
    /// may arrive.
    InFlight { sent: bool },
    /// The kernel ended it (or it can no longer be answered).
    Ended,
}

/// A request's state.
#[derive(Debug)]
pub(crate) struct Request<T> {
    pub(crate) sequence: u32,
    pub(crate) destination: SocketAddr,
    pub(crate) info: RequestInfo,
    pub(crate) phase: Phase,
    /// The serialized request; released once sent unless a dump restart may
    /// need it again.
    pub(crate) bytes: Vec<u8>,
    pub(crate) is_dump: bool,
    pub(crate) wants_ack: bool,
    pub(crate) accept_foreign: bool,
    pub(crate) retries_left: u32,
    pub(crate) restarts: u32,
    /// A multipart reply arrived in the current attempt: the kernel is
    /// running a dump for it (whose parts it never drops).
    pub(crate) received_part: bool,
    pub(crate) interrupted: bool,
    pub(crate) filtered: bool,
    /// The current attempt is interrupted and will be restarted: its
    /// remaining parts are not delivered.
    pub(crate) discarding: bool,
    /// The consumer got (or was queued) its last item: nothing more is pushed.
    pub(crate) finished: bool,
    /// The consumer is gone: replies are discarded until the kernel ends
    /// the request, then the entry is removed.
    pub(crate) abandoned: bool,
    pub(crate) queue: ReplyQueue<T>,
    /// `queue` holds the maximum of replies (counted in `full_queues`).
    pub(crate) full: bool,
    /// Listed in the multiplexer's deferred wake-ups.
    pub(crate) wake_deferred: bool,
    pub(crate) end: Option<EndState>,
    pub(crate) waker: Option<Waker>,
    pub(crate) deadline: Option<Instant>,
}

impl<T> Request<T> {
    /// Whether the kernel is (or may be) running a dump for this request.
    pub(crate) fn is_dumping(&self) -> bool {
        self.is_dump || self.received_part
    }

    /// Whether the serialized request must be kept after sending it.
    pub(crate) fn keeps_bytes(&self) -> bool {
        self.retries_left > 0
    }

    pub(crate) fn wake(&mut self) {
        if let Some(waker) = self.waker.take() {
            waker.wake();
        }
    }
}
