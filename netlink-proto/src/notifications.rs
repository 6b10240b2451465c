//! The stream of notifications of a connection.

use std::{
    collections::VecDeque,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};

use futures::{stream::FusedStream, Stream};

use crate::{shared::Shared, Notification};

/// Everything the socket receives that is not a reply to one of the
/// connection's requests: multicast messages, messages from other senders,
/// overflow events. See [`Notification`].
///
/// The queue behind it is bounded ([`Config::max_queued_notifications`](crate::Config::max_queued_notifications)):
/// past it, notifications are dropped and a
/// [`Notification::Overflow`](crate::Notification::Overflow) says so. Drop
/// the stream if you do not need notifications; they are then discarded.
/// The stream ends when the connection ends.
pub struct Notifications<T> {
    shared: Arc<Shared<T>>,
    buffer: VecDeque<Notification<T>>,
    finished: bool,
}

impl<T> Unpin for Notifications<T> {}

impl<T> std::fmt::Debug for Notifications<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Notifications")
            .field("buffered", &self.buffer.len())
            .field("finished", &self.finished)
            .finish()
    }
}

impl<T> Notifications<T> {
    pub(crate) fn new(shared: Arc<Shared<T>>) -> Self {
        Notifications {
            shared,
            buffer: VecDeque::new(),
            finished: false,
        }
    }
}

impl<T> Stream for Notifications<T> {
    type Item = Notification<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if let Some(notification) = this.buffer.pop_front() {
            return Poll::Ready(Some(notification));
        }
        if this.finished {
            return Poll::Ready(None);
        }
        let buffer = &mut this.buffer;
        this.finished = this.shared.with(|state| {
            let finished = state.protocol.take_notifications(buffer);
            if !finished && buffer.is_empty() {
                state.protocol.register_notification_waker(cx.waker());
            }
            finished
        });
        match this.buffer.pop_front() {
            Some(notification) => Poll::Ready(Some(notification)),
            None if this.finished => Poll::Ready(None),
            None => Poll::Pending,
        }
    }
}

impl<T> FusedStream for Notifications<T> {
    fn is_terminated(&self) -> bool {
        self.finished && self.buffer.is_empty()
    }
}

impl<T> Drop for Notifications<T> {
    fn drop(&mut self) {
        self.shared
            .with(|state| state.protocol.close_notifications());
    }
}
