//! The blocking handle: the same builders, executed on the calling thread.

use std::{
    io,
    sync::{Arc, Mutex, MutexGuard},
    time::Duration,
};

use netlink_packet_core::{NetlinkFlags, NetlinkPayload};
use netlink_packet_route::RtnlMessage;
use netlink_proto::{
    BlockingConnection, Config, EndState, Error as ProtoError, RequestId, RequestOptions,
};
use netlink_sys::{protocols::NETLINK_ROUTE, NetnsRef, Socket};

use crate::{
    event::Event,
    executor::{DumpFilter, Extract},
    handle::kernel,
    request::Request,
    AddressHandle, Error, LinkHandle, MulticastGroup, NeighbourHandle, RouteHandle, RuleHandle,
};

/// A handle for programs without an async runtime: every `execute()`
/// sends the request and waits for its answer on the calling thread, and
/// returns values (dumps as [`BlockingDump`] iterators that read the
/// socket as they go).
///
/// Cheap to clone; clones share one socket (requests from several threads
/// take turns).
///
/// ```no_run
/// let handle = rtnetlink::BlockingHandle::new()?;
/// for link in handle.link().get().execute() {
///     let link = link?;
///     println!("{} {:?}", link.index(), link.name());
/// }
/// # Ok::<(), rtnetlink::Error>(())
/// ```
#[derive(Clone)]
pub struct BlockingHandle {
    connection: Arc<Mutex<BlockingConnection<RtnlMessage>>>,
}

impl std::fmt::Debug for BlockingHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlockingHandle").finish_non_exhaustive()
    }
}

impl BlockingHandle {
    /// Opens a `NETLINK_ROUTE` socket in the caller's network namespace.
    pub fn new() -> Result<Self, Error> {
        Self::from_socket(Socket::new(NETLINK_ROUTE)?)
    }

    /// Opens a `NETLINK_ROUTE` socket inside the network namespace `netns`
    /// (by name, path or descriptor); the calling thread stays where it is.
    pub fn new_in(netns: &NetnsRef) -> Result<Self, Error> {
        Self::from_socket(Socket::new_in_namespace(NETLINK_ROUTE, netns)?)
    }

    /// Opens a `NETLINK_ROUTE` socket in the caller's network namespace
    /// with netlink-proto settings (receive buffer size, queue limits,
    /// strict checking...).
    pub fn with_config(config: Config) -> Result<Self, Error> {
        Self::from_socket_with_config(Socket::new(NETLINK_ROUTE)?, config)
    }

    /// Uses `socket` (a `NETLINK_ROUTE` socket) with the default settings.
    pub fn from_socket(socket: Socket) -> Result<Self, Error> {
        Self::from_socket_with_config(socket, Config::default())
    }

    /// Uses `socket` (a `NETLINK_ROUTE` socket, e.g. opened in another
    /// namespace) with `config`.
    pub fn from_socket_with_config(socket: Socket, config: Config) -> Result<Self, Error> {
        let connection = BlockingConnection::from_socket(socket, config)?;
        Ok(BlockingHandle {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    fn lock(&self) -> MutexGuard<'_, BlockingConnection<RtnlMessage>> {
        lock(&self.connection)
    }

    /// Links (network devices).
    pub fn link(&self) -> LinkHandle<BlockingHandle> {
        LinkHandle::new(self.clone())
    }

    /// Interface addresses.
    pub fn address(&self) -> AddressHandle<BlockingHandle> {
        AddressHandle::new(self.clone())
    }

    /// Routes.
    pub fn route(&self) -> RouteHandle<BlockingHandle> {
        RouteHandle::new(self.clone())
    }

    /// Neighbours and bridge forwarding entries.
    pub fn neighbours(&self) -> NeighbourHandle<BlockingHandle> {
        NeighbourHandle::new(self.clone())
    }

    /// Routing policy rules.
    pub fn rule(&self) -> RuleHandle<BlockingHandle> {
        RuleHandle::new(self.clone())
    }

    /// Joins multicast groups; read their events with
    /// [`next_event`](Self::next_event).
    pub fn subscribe(&self, groups: &[MulticastGroup]) -> Result<(), Error> {
        let connection = self.lock();
        for group in groups {
            connection.add_membership(group.number())?;
        }
        Ok(())
    }

    /// The next event of the subscribed groups, waiting at most `timeout`
    /// (`None`: as long as it takes); `Ok(None)` when the time passed.
    pub fn next_event(&self, timeout: Option<Duration>) -> Result<Option<Event>, Error> {
        Ok(self.next_event_flagged(timeout)?.map(|(event, _)| event))
    }

    /// Like [`next_event`](Self::next_event), with the header flags of the
    /// event's message.
    pub(crate) fn next_event_flagged(
        &self,
        timeout: Option<Duration>,
    ) -> Result<Option<(Event, NetlinkFlags)>, Error> {
        let notification = self
            .lock()
            .next_notification(timeout)
            .map_err(|error| match error {
                netlink_proto::Error::Io(error) => Error::Io(error),
                netlink_proto::Error::ConnectionClosed => Error::ConnectionClosed,
                other => Error::Io(io::Error::other(other.to_string())),
            })?;
        Ok(notification.map(Event::from_notification_flagged))
    }

    pub(crate) fn acknowledged(&self, request: Request) -> Result<(), Error> {
        for reply in self.dump::<()>(Ok(request), |_| None, DumpFilter::default()) {
            reply?;
        }
        Ok(())
    }

    pub(crate) fn dump<T>(
        &self,
        request: Result<Request, Error>,
        extract: Extract<T>,
        filter: DumpFilter<T>,
    ) -> BlockingDump<T> {
        let mut dump = BlockingDump {
            connection: self.connection.clone(),
            id: None,
            request: None,
            failed: None,
            extract,
            filter,
            end: None,
        };
        let request = match request {
            Ok(request) => request,
            Err(error) => {
                dump.failed = Some(error);
                return dump;
            }
        };
        let options = RequestOptions {
            dump: Some(request.is_dump()),
            ..Default::default()
        };
        match self
            .lock()
            .submit(request.netlink_message(), kernel(), &options)
        {
            Ok(id) => dump.id = Some(id),
            Err(error) => dump.failed = Some(request.error(error)),
        }
        dump.request = Some(request);
        dump
    }
}

/// The objects of a dump (or of a get) of a [`BlockingHandle`]: an
/// [`Iterator`] of `Result<T, Error>` that reads the socket as it goes, a
/// datagram at a time, so that a dump of a million routes never sits in
/// memory at once. It ends after the last object or after an error.
///
/// Filtering works as for [`DumpStream`](crate::DumpStream): the kernel
/// applies what it can, the rest (or everything, on a kernel that ignores
/// the filter) is applied here;
/// [`kernel_filtered`](Self::kernel_filtered) tells which.
///
/// The handle's connection is locked only while a datagram is read, so
/// other requests on clones of the handle (deleting what the dump shows,
/// for instance) may run between two items; their replies and the dump's
/// wait in the connection's bounded queues meanwhile. Dropping the
/// iterator before its end cancels the dump (its remaining replies are
/// discarded).
///
/// ```no_run
/// let handle = rtnetlink::BlockingHandle::new()?;
/// let mut links = handle.link().get().execute();
/// for link in &mut links {
///     let link = link?;
///     println!("{}: {:?}", link.index(), link.name());
/// }
/// // Or everything at once:
/// let links: Vec<_> = handle.link().get().execute().collect::<Result<_, _>>()?;
/// # Ok::<(), rtnetlink::Error>(())
/// ```
#[must_use = "a dump does nothing unless iterated"]
pub struct BlockingDump<T> {
    connection: Arc<Mutex<BlockingConnection<RtnlMessage>>>,
    /// The request in flight; `None` once it ended (or never started).
    id: Option<RequestId>,
    request: Option<Request>,
    /// An error to yield before ending (the request could not be built or
    /// sent).
    failed: Option<Error>,
    extract: Extract<T>,
    filter: DumpFilter<T>,
    end: Option<EndState>,
}

impl<T> std::fmt::Debug for BlockingDump<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlockingDump")
            .field("operation", &self.request.as_ref().map(|r| r.operation))
            .field("running", &self.id.is_some())
            .field("kernel_filtered", &self.kernel_filtered())
            .finish_non_exhaustive()
    }
}

impl<T> BlockingDump<T> {
    /// After the iterator ended: whether the kernel applied the request's
    /// filter (it marked its answer `NLM_F_DUMP_FILTERED`); `false` also
    /// when the request had no kernel-side filter. `None` while it runs or
    /// if it failed.
    pub fn kernel_filtered(&self) -> Option<bool> {
        self.end.as_ref().map(|end| end.filtered)
    }

    /// After the iterator ended: whether the kernel's table changed during
    /// the dump (`NLM_F_DUMP_INTR`), so that objects may be missing or
    /// duplicated; dump again for a consistent view.
    pub fn interrupted(&self) -> Option<bool> {
        self.end.as_ref().map(|end| end.interrupted)
    }

    /// Forgets the request: cancels it if it still runs.
    fn finish(&mut self) {
        if let Some(id) = self.id.take() {
            let mut connection = lock(&self.connection);
            self.end = connection.end_state(id).cloned();
            connection.release(id);
        }
    }
}

impl<T> Iterator for BlockingDump<T> {
    type Item = Result<T, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(error) = self.failed.take() {
            return Some(Err(error));
        }
        loop {
            let id = self.id?;
            let reply = lock(&self.connection).next_reply(id);
            match reply {
                None => {
                    self.finish();
                    return None;
                }
                Some(Ok(message)) => {
                    let NetlinkPayload::InnerMessage(inner) = message.payload else {
                        continue;
                    };
                    let Some(object) = (self.extract)(inner) else {
                        continue;
                    };
                    if self.filter.keeps(&message.header, &object) {
                        return Some(Ok(object));
                    }
                }
                Some(Err(error)) => {
                    let final_error = error.is_final() || matches!(error, ProtoError::QueueFull);
                    let error = match &self.request {
                        Some(request) => request.error(error),
                        None => Error::ConnectionClosed,
                    };
                    if final_error {
                        self.finish();
                    }
                    return Some(Err(error));
                }
            }
        }
    }
}

impl<T> Drop for BlockingDump<T> {
    fn drop(&mut self) {
        self.finish();
    }
}

fn lock(
    connection: &Mutex<BlockingConnection<RtnlMessage>>,
) -> MutexGuard<'_, BlockingConnection<RtnlMessage>> {
    // A panic while holding the lock leaves the connection usable: the
    // multiplexer's state is consistent between calls.
    connection
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
