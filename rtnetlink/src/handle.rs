//! The asynchronous handle and the stream of a dump.

use std::{
    pin::Pin,
    task::{Context, Poll},
};

use futures::{Stream, StreamExt};
use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RtnlMessage;
use netlink_proto::{ConnectionHandle, ReplyStream};
use netlink_sys::SocketAddr;

use crate::{
    executor::{DumpFilter, Extract},
    request::Request,
    AddressHandle, Error, LinkHandle, MulticastGroup, NeighbourHandle, RouteHandle, RuleHandle,
};

/// The kernel's netlink address.
pub(crate) fn kernel() -> SocketAddr {
    SocketAddr::new(0, 0)
}

/// Sends rtnetlink requests on a connection; cheap to clone, usable from any
/// task. Get one from [`new_connection`](crate::new_connection).
///
/// Each object kind has its sub-handle: [`link`](Self::link),
/// [`address`](Self::address), [`route`](Self::route),
/// [`neighbours`](Self::neighbours), [`rule`](Self::rule).
#[derive(Debug, Clone)]
pub struct Handle {
    inner: ConnectionHandle<RtnlMessage>,
}

impl Handle {
    /// Wraps a netlink-proto handle of a `NETLINK_ROUTE` connection.
    pub fn new(inner: ConnectionHandle<RtnlMessage>) -> Self {
        Handle { inner }
    }

    /// The netlink-proto handle underneath, to send any rtnetlink message.
    pub fn connection_handle(&self) -> &ConnectionHandle<RtnlMessage> {
        &self.inner
    }

    /// Links (network devices).
    pub fn link(&self) -> LinkHandle<Handle> {
        LinkHandle::new(self.clone())
    }

    /// Interface addresses.
    pub fn address(&self) -> AddressHandle<Handle> {
        AddressHandle::new(self.clone())
    }

    /// Routes.
    pub fn route(&self) -> RouteHandle<Handle> {
        RouteHandle::new(self.clone())
    }

    /// Neighbours (ARP / NDP entries) and bridge forwarding entries.
    pub fn neighbours(&self) -> NeighbourHandle<Handle> {
        NeighbourHandle::new(self.clone())
    }

    /// Routing policy rules.
    pub fn rule(&self) -> RuleHandle<Handle> {
        RuleHandle::new(self.clone())
    }

    /// Joins multicast groups: their notifications then arrive on the
    /// connection's [`Events`](crate::Events).
    pub async fn subscribe(&self, groups: &[MulticastGroup]) -> Result<(), Error> {
        for group in groups {
            self.inner
                .add_membership(group.number())
                .await
                .map_err(|error| match error {
                    netlink_proto::Error::Io(error) => Error::Io(error),
                    _ => Error::ConnectionClosed,
                })?;
        }
        Ok(())
    }

    /// Leaves multicast groups.
    pub async fn unsubscribe(&self, groups: &[MulticastGroup]) -> Result<(), Error> {
        for group in groups {
            self.inner
                .drop_membership(group.number())
                .await
                .map_err(|error| match error {
                    netlink_proto::Error::Io(error) => Error::Io(error),
                    _ => Error::ConnectionClosed,
                })?;
        }
        Ok(())
    }

    /// Sends any rtnetlink message as is (set its header flags) and returns
    /// the raw stream of replies: the escape hatch for what the builders do
    /// not cover.
    pub fn request(
        &self,
        message: NetlinkMessage<RtnlMessage>,
    ) -> Result<ReplyStream<RtnlMessage>, Error> {
        self.inner
            .request(message, kernel())
            .map_err(|_| Error::ConnectionClosed)
    }

    fn send(&self, request: &Request) -> Result<ReplyStream<RtnlMessage>, Error> {
        let options = netlink_proto::RequestOptions {
            dump: Some(request.is_dump()),
            ..Default::default()
        };
        self.inner
            .request_with(request.netlink_message(), kernel(), &options)
            .map_err(|error| request.error(error))
    }

    pub(crate) async fn acknowledged(&self, request: Request) -> Result<(), Error> {
        let mut replies = self.send(&request)?;
        while let Some(reply) = replies.next().await {
            match reply {
                Ok(_) => {}
                Err(error) if !error.is_final() => {
                    log::debug!("{}: {error}", request.operation);
                }
                Err(error) => return Err(request.error(error)),
            }
        }
        Ok(())
    }

    pub(crate) fn dump<T>(
        &self,
        request: Result<Request, Error>,
        extract: Extract<T>,
        filter: DumpFilter<T>,
    ) -> DumpStream<T> {
        let (state, request) = match request {
            Ok(request) => match self.send(&request) {
                Ok(replies) => (DumpState::Running(replies), Some(request)),
                Err(error) => (DumpState::Failed(Some(error)), Some(request)),
            },
            Err(error) => (DumpState::Failed(Some(error)), None),
        };
        DumpStream {
            state,
            request,
            extract,
            filter,
            end: None,
        }
    }
}

enum DumpState {
    Running(ReplyStream<RtnlMessage>),
    Failed(Option<Error>),
    Ended,
}

/// The objects of a dump (or of a get), as a [`Stream`] of
/// `Result<T, Error>`; it ends after the last object or after an error.
///
/// When the request carried a kernel-side filter, the kernel applies it if
/// it can (strict checking, on by default) and marks its answer
/// `NLM_F_DUMP_FILTERED`; for the messages it did not mark (a kernel that
/// ignores the filter, or a socket without strict checking), this stream
/// applies the same filter itself, so only matching objects are yielded
/// either way. Filters the kernel has no notion of (an address's prefix,
/// a rule's table) are always applied here.
/// [`kernel_filtered`](Self::kernel_filtered) tells, after the end,
/// whether the kernel did the filtering.
pub struct DumpStream<T> {
    state: DumpState,
    request: Option<Request>,
    extract: Extract<T>,
    filter: DumpFilter<T>,
    end: Option<netlink_proto::EndState>,
}

impl<T> std::fmt::Debug for DumpStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DumpStream")
            .field("operation", &self.request.as_ref().map(|r| r.operation))
            .field("kernel_filtered", &self.kernel_filtered())
            .finish_non_exhaustive()
    }
}

impl<T> Unpin for DumpStream<T> {}

impl<T> DumpStream<T> {
    /// After the stream ended: whether the kernel applied the request's
    /// filter (it marked its answer `NLM_F_DUMP_FILTERED`); `false` also
    /// when the request had no kernel-side filter. `None` while the stream
    /// runs or if it failed.
    pub fn kernel_filtered(&self) -> Option<bool> {
        self.end.as_ref().map(|end| end.filtered)
    }

    /// After the stream ended: whether the kernel's table changed during
    /// the dump (`NLM_F_DUMP_INTR`), so that objects may be missing or
    /// duplicated; dump again for a consistent view.
    pub fn interrupted(&self) -> Option<bool> {
        self.end.as_ref().map(|end| end.interrupted)
    }
}

impl<T> Stream for DumpStream<T> {
    type Item = Result<T, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            let replies = match &mut this.state {
                DumpState::Running(replies) => replies,
                DumpState::Failed(error) => {
                    let error = error.take();
                    this.state = DumpState::Ended;
                    return Poll::Ready(error.map(Err));
                }
                DumpState::Ended => return Poll::Ready(None),
            };
            match replies.poll_next_unpin(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => {
                    this.end = replies.end_state();
                    this.state = DumpState::Ended;
                    return Poll::Ready(None);
                }
                Poll::Ready(Some(Ok(message))) => {
                    let NetlinkPayload::InnerMessage(inner) = message.payload else {
                        continue;
                    };
                    let Some(object) = (this.extract)(inner) else {
                        continue;
                    };
                    if !this.filter.keeps(&message.header, &object) {
                        continue;
                    }
                    return Poll::Ready(Some(Ok(object)));
                }
                Poll::Ready(Some(Err(error))) => {
                    let final_error = error.is_final();
                    let error = match &this.request {
                        Some(request) => request.error(error),
                        None => Error::ConnectionClosed,
                    };
                    if final_error {
                        this.state = DumpState::Ended;
                    }
                    return Poll::Ready(Some(Err(error)));
                }
            }
        }
    }
}
