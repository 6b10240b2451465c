//! How a built request is carried out: asynchronously by a [`Handle`]
//! (futures and streams) or synchronously by a [`BlockingHandle`] (values
//! and iterators). The builders are shared; their `execute()` returns what
//! the handle they came from gives.

use std::sync::Arc;

use futures::future::BoxFuture;
use netlink_packet_core::{NetlinkFlags, NetlinkHeader};
use netlink_packet_route::RtnlMessage;

use crate::{request::Request, BlockingDump, BlockingHandle, DumpStream, Error, Handle};

/// A client-side test of the objects of a dump.
pub(crate) type Filter<T> = Arc<dyn Fn(&T) -> bool + Send + Sync>;

/// Takes the object of type `T` out of a reply message (`None` for a
/// message of another type, which is skipped).
pub(crate) type Extract<T> = fn(RtnlMessage) -> Option<T>;

/// Builds the second request of a two-step operation from the object the
/// first one returned (e.g. a link's index from a lookup by name).
pub(crate) type Then<T> = Box<dyn FnOnce(T) -> Result<Request, Error> + Send>;

/// (Internal.) The client-side side of a dump's filters.
///
/// `kernel` repeats what the request asked the kernel to filter: it is
/// checked here only for the messages the kernel did not mark
/// `NLM_F_DUMP_FILTERED` (a kernel that ignored the filter, or one
/// without strict checking). `local` is what the kernel cannot filter:
/// it is always checked here.
pub struct DumpFilter<T> {
    pub(crate) kernel: Option<Filter<T>>,
    pub(crate) local: Option<Filter<T>>,
}

impl<T> Clone for DumpFilter<T> {
    fn clone(&self) -> Self {
        DumpFilter {
            kernel: self.kernel.clone(),
            local: self.local.clone(),
        }
    }
}

impl<T> Default for DumpFilter<T> {
    fn default() -> Self {
        DumpFilter {
            kernel: None,
            local: None,
        }
    }
}

impl<T> DumpFilter<T> {
    /// Filters the kernel applies when it can.
    pub(crate) fn kernel(filter: impl Fn(&T) -> bool + Send + Sync + 'static) -> Self {
        DumpFilter {
            kernel: Some(Arc::new(filter)),
            local: None,
        }
    }

    /// Adds a filter only this crate applies.
    pub(crate) fn with_local(
        mut self,
        filter: impl Fn(&T) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.local = Some(Arc::new(filter));
        self
    }

    /// Whether `object`, which came in a message with `header`, is kept.
    pub(crate) fn keeps(&self, header: &NetlinkHeader, object: &T) -> bool {
        let kernel_filtered = header.flags.contains(NetlinkFlags::DUMP_FILTERED);
        (kernel_filtered || self.kernel.as_ref().is_none_or(|filter| filter(object)))
            && self.local.as_ref().is_none_or(|filter| filter(object))
    }
}

pub(crate) mod sealed {
    use super::{DumpFilter, Error, Extract, Request, Then};

    /// The execution primitives behind [`Executor`](super::Executor); not
    /// nameable outside this crate.
    pub trait Sealed {
        type Ack: Send;
        type Single<T: Send + 'static>: Send;
        type Dump<T: Send + 'static>: Send;

        fn execute_ack(&self, request: Result<Request, Error>) -> Self::Ack;

        /// Runs `first` (a single get), then the request `then` builds from
        /// its object, and waits for that one's acknowledgement.
        fn execute_ack_after<T: Send + 'static>(
            &self,
            first: Result<Request, Error>,
            extract: Extract<T>,
            then: Then<T>,
        ) -> Self::Ack;

        fn execute_single<T: Send + 'static>(
            &self,
            request: Result<Request, Error>,
            extract: Extract<T>,
        ) -> Self::Single<T>;

        fn execute_dump<T: Send + 'static>(
            &self,
            request: Result<Request, Error>,
            extract: Extract<T>,
            filter: DumpFilter<T>,
        ) -> Self::Dump<T>;
    }
}

/// What a request builder's `execute()` returns depends on the handle it
/// came from: with a [`Handle`], acknowledged requests give a future of
/// `Result<(), Error>`, single gets a future of `Result<T, Error>` and
/// dumps a [`DumpStream<T>`]; with a [`BlockingHandle`], they give
/// `Result<(), Error>`, `Result<T, Error>` and a [`BlockingDump<T>`]
/// iterator of `Result<T, Error>` that reads the dump as it goes.
///
/// Implemented by those two handles only.
pub trait Executor: Clone + sealed::Sealed {}

impl Executor for Handle {}
impl Executor for BlockingHandle {}

/// The error of a single get that found nothing.
pub(crate) fn nothing_found(operation: &'static str, not_found: Option<String>) -> Error {
    match not_found {
        Some(what) => Error::NotFound { what, source: None },
        None => Error::UnexpectedReply(format!("{operation}: no object in the reply")),
    }
}

impl sealed::Sealed for Handle {
    type Ack = BoxFuture<'static, Result<(), Error>>;
    type Single<T: Send + 'static> = BoxFuture<'static, Result<T, Error>>;
    type Dump<T: Send + 'static> = DumpStream<T>;

    fn execute_ack(&self, request: Result<Request, Error>) -> Self::Ack {
        let handle = self.clone();
        Box::pin(async move { handle.acknowledged(request?).await })
    }

    fn execute_ack_after<T: Send + 'static>(
        &self,
        first: Result<Request, Error>,
        extract: Extract<T>,
        then: Then<T>,
    ) -> Self::Ack {
        let handle = self.clone();
        let single = self.execute_single(first, extract);
        Box::pin(async move {
            let object = single.await?;
            handle.acknowledged(then(object)?).await
        })
    }

    fn execute_single<T: Send + 'static>(
        &self,
        request: Result<Request, Error>,
        extract: Extract<T>,
    ) -> Self::Single<T> {
        let handle = self.clone();
        Box::pin(async move {
            let request = request?;
            let operation = request.operation;
            let not_found = request.not_found.clone();
            let mut stream = handle.dump(Ok(request), extract, DumpFilter::default());
            use futures::TryStreamExt;
            match stream.try_next().await? {
                Some(object) => Ok(object),
                None => Err(nothing_found(operation, not_found)),
            }
        })
    }

    fn execute_dump<T: Send + 'static>(
        &self,
        request: Result<Request, Error>,
        extract: Extract<T>,
        filter: DumpFilter<T>,
    ) -> Self::Dump<T> {
        self.dump(request, extract, filter)
    }
}

impl sealed::Sealed for BlockingHandle {
    type Ack = Result<(), Error>;
    type Single<T: Send + 'static> = Result<T, Error>;
    type Dump<T: Send + 'static> = BlockingDump<T>;

    fn execute_ack(&self, request: Result<Request, Error>) -> Self::Ack {
        self.acknowledged(request?)
    }

    fn execute_ack_after<T: Send + 'static>(
        &self,
        first: Result<Request, Error>,
        extract: Extract<T>,
        then: Then<T>,
    ) -> Self::Ack {
        let object = self.execute_single(first, extract)?;
        self.acknowledged(then(object)?)
    }

    fn execute_single<T: Send + 'static>(
        &self,
        request: Result<Request, Error>,
        extract: Extract<T>,
    ) -> Self::Single<T> {
        let request = request?;
        let operation = request.operation;
        let not_found = request.not_found.clone();
        let mut replies = self.dump(Ok(request), extract, DumpFilter::default());
        match replies.next() {
            Some(result) => result,
            None => Err(nothing_found(operation, not_found)),
        }
    }

    fn execute_dump<T: Send + 'static>(
        &self,
        request: Result<Request, Error>,
        extract: Extract<T>,
        filter: DumpFilter<T>,
    ) -> Self::Dump<T> {
        self.dump(request, extract, filter)
    }
}
