//! The cloneable handle that sends requests on a connection.

use std::{sync::Arc, time::Instant};

use futures::channel::oneshot;
use netlink_packet_core::{NetlinkMessage, NetlinkSerializable};
use netlink_sys::SocketAddr;

use crate::{
    shared::{Command, Shared},
    Error, ReplyStream, RequestOptions,
};

/// Sends requests on a [`Connection`](crate::Connection). Cheap to clone;
/// usable from any task or thread.
pub struct ConnectionHandle<T> {
    shared: Arc<Shared<T>>,
    local_port: u32,
}

impl<T> std::fmt::Debug for ConnectionHandle<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionHandle")
            .field("local_port", &self.local_port)
            .finish_non_exhaustive()
    }
}

impl<T> Clone for ConnectionHandle<T> {
    fn clone(&self) -> Self {
        self.shared.lock().handles += 1;
        ConnectionHandle {
            shared: self.shared.clone(),
            local_port: self.local_port,
        }
    }
}

impl<T> Drop for ConnectionHandle<T> {
    fn drop(&mut self) {
        let waker = {
            let mut state = self.shared.lock();
            state.handles -= 1;
            if state.handles == 0 {
                state.driver_waker.clone()
            } else {
                None
            }
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl<T> ConnectionHandle<T> {
    pub(crate) fn new(shared: Arc<Shared<T>>, local_port: u32) -> Self {
        ConnectionHandle { shared, local_port }
    }

    /// The port id of the connection's socket (replies are addressed to it).
    pub fn local_port(&self) -> u32 {
        self.local_port
    }

    /// Whether the connection has ended (further requests fail with
    /// [`Error::NotSent`]).
    pub fn is_closed(&self) -> bool {
        self.shared.lock().protocol.is_closed()
    }

    /// Joins multicast group `group` (e.g. `RTNLGRP_LINK`); its messages
    /// arrive as [`Notification::Message`](crate::Notification::Message).
    pub async fn add_membership(&self, group: u32) -> Result<(), Error<T>> {
        self.command(|answer| Command::AddMembership(group, answer))
            .await
    }

    /// Leaves multicast group `group`.
    pub async fn drop_membership(&self, group: u32) -> Result<(), Error<T>> {
        self.command(|answer| Command::DropMembership(group, answer))
            .await
    }

    async fn command(
        &self,
        command: impl FnOnce(oneshot::Sender<std::io::Result<()>>) -> Command,
    ) -> Result<(), Error<T>> {
        let (sender, receiver) = oneshot::channel();
        let waker = {
            let mut state = self.shared.lock();
            if state.protocol.is_closed() {
                return Err(Error::ConnectionClosed);
            }
            state.commands.push_back(command(sender));
            state.driver_waker.clone()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
        match receiver.await {
            Ok(result) => result.map_err(Error::Io),
            Err(oneshot::Canceled) => Err(Error::ConnectionClosed),
        }
    }
}

impl<T: NetlinkSerializable> ConnectionHandle<T> {
    /// Sends `message` to `destination` (`SocketAddr::new(0, 0)` for the
    /// kernel) and returns the stream of its replies.
    ///
    /// The sequence number is assigned by the connection; the header's flags
    /// are sent as given (set `NLM_F_REQUEST`, and `NLM_F_ACK` to be told
    /// about success, `NLM_F_DUMP` for a dump). Fails only when the
    /// connection is closed ([`Error::NotSent`]).
    pub fn request(
        &self,
        message: NetlinkMessage<T>,
        destination: SocketAddr,
    ) -> Result<ReplyStream<T>, Error<T>> {
        self.request_with(message, destination, &RequestOptions::default())
    }

    /// Like [`request`](Self::request), with options (timeout, dump restart,
    /// accepting other senders).
    pub fn request_with(
        &self,
        message: NetlinkMessage<T>,
        destination: SocketAddr,
        options: &RequestOptions,
    ) -> Result<ReplyStream<T>, Error<T>> {
        let now = Instant::now();
        let (id, sequence) = self.shared.with(|state| {
            let id = state.protocol.submit(message, destination, options, now)?;
            let sequence = state.protocol.sequence_number(id).unwrap_or_default();
            Ok::<_, Error<T>>((id, sequence))
        })?;
        Ok(ReplyStream::new(self.shared.clone(), id, sequence))
    }

    /// Queues many requests at once: they are sent in as few datagrams as
    /// [`Config::max_batch_size`](crate::Config::max_batch_size) and the
    /// in-flight limit allow (a `sendmsg` each). Returns their streams in
    /// order.
    pub fn request_batch(
        &self,
        messages: impl IntoIterator<Item = NetlinkMessage<T>>,
        destination: SocketAddr,
        options: &RequestOptions,
    ) -> Result<Vec<ReplyStream<T>>, Error<T>> {
        let now = Instant::now();
        let submitted = self.shared.with(|state| {
            messages
                .into_iter()
                .map(|message| {
                    let id = state.protocol.submit(message, destination, options, now)?;
                    let sequence = state.protocol.sequence_number(id).unwrap_or_default();
                    Ok((id, sequence))
                })
                .collect::<Result<Vec<_>, Error<T>>>()
        })?;
        Ok(submitted
            .into_iter()
            .map(|(id, sequence)| ReplyStream::new(self.shared.clone(), id, sequence))
            .collect())
    }
}
