//! The stream of replies to one request.

use std::{
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};

use futures::{stream::FusedStream, Stream};
use netlink_packet_core::NetlinkDeserializable;

use crate::{
    protocol::{Reply, ReplyQueue, RequestId},
    shared::Shared,
    EndState,
};

/// The replies to one request, as a [`Stream`] of
/// `Result<NetlinkMessage<T>, Error<T>>` that ends when the kernel ends the
/// request.
///
/// - Data replies arrive as `Ok(message)`; the message that ends the request
///   (ack or `NLMSG_DONE`) is not yielded: read it with
///   [`end_state`](Self::end_state) once the stream ended.
/// - A refused request yields `Err(Error::Kernel(..))` and ends.
/// - See [`Error`](crate::Error) for which errors are final.
///
/// Dropping the stream cancels the request: its later replies are discarded
/// and its entry is removed when the kernel ends it.
pub struct ReplyStream<T> {
    shared: Arc<Shared<T>>,
    id: RequestId,
    sequence: u32,
    buffer: ReplyQueue<T>,
    finished: bool,
}

// Nothing is pinned structurally: the stream is only ever used through
// `&mut`.
impl<T> Unpin for ReplyStream<T> {}

impl<T> std::fmt::Debug for ReplyStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReplyStream")
            .field("id", &self.id)
            .field("sequence", &self.sequence)
            .field("buffered", &self.buffer.len())
            .field("finished", &self.finished)
            .finish()
    }
}

impl<T> ReplyStream<T> {
    pub(crate) fn new(shared: Arc<Shared<T>>, id: RequestId, sequence: u32) -> Self {
        ReplyStream {
            shared,
            id,
            sequence,
            buffer: ReplyQueue::new(),
            finished: false,
        }
    }

    /// The request's id within its connection.
    pub fn id(&self) -> RequestId {
        self.id
    }

    /// The sequence number the request was first sent with (replies carry
    /// it; a restarted dump gets a new one).
    pub fn sequence_number(&self) -> u32 {
        self.sequence
    }

    /// How the request ended, once it ended without error: ack or
    /// `NLMSG_DONE` (with its extended ack), and for a dump whether it was
    /// interrupted or filtered. `None` while it runs or if it failed.
    pub fn end_state(&self) -> Option<EndState> {
        self.shared.lock().protocol.end_state(self.id).cloned()
    }
}

impl<T: NetlinkDeserializable> Stream for ReplyStream<T> {
    type Item = Reply<T>;

    /// Replies are decoded here, in the consumer's task, one at a time (see
    /// [`ReplyQueue`]).
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if let Some(reply) = this.buffer.pop() {
            return Poll::Ready(Some(reply));
        }
        if this.finished {
            return Poll::Ready(None);
        }
        let id = this.id;
        let buffer = &mut this.buffer;
        this.finished = this.shared.with(|state| {
            let finished = state.protocol.take_replies(id, buffer);
            if !finished && buffer.is_empty() {
                state.protocol.register_reply_waker(id, cx.waker());
            }
            finished
        });
        match this.buffer.pop() {
            Some(reply) => Poll::Ready(Some(reply)),
            None if this.finished => Poll::Ready(None),
            None => Poll::Pending,
        }
    }
}

impl<T: NetlinkDeserializable> FusedStream for ReplyStream<T> {
    fn is_terminated(&self) -> bool {
        self.finished && self.buffer.is_empty()
    }
}

impl<T> Drop for ReplyStream<T> {
    fn drop(&mut self) {
        let id = self.id;
        self.shared.with(|state| state.protocol.cancel(id));
    }
}
