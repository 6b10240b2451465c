//! What a [`Connection`](crate::Connection) needs from an async runtime: an
//! async socket and a timer.

use std::{future::Future, time::Instant};

use netlink_sys::AsyncSocket;

/// An [`AsyncSocket`] with the timer of the runtime it belongs to, so that
/// [`Connection`](crate::Connection) can enforce request timeouts.
///
/// Implemented for `TokioSocket` (feature `tokio`) and `SmolSocket`
/// (feature `smol`); implement it to drive a connection on another runtime.
pub trait RuntimeSocket: AsyncSocket {
    /// A future that completes at a deadline.
    type Timer: Future<Output = ()> + Unpin + Send;

    /// A timer completing at `deadline`. Only called while a request with a
    /// timeout is pending.
    fn timer(deadline: Instant) -> Self::Timer;
}

#[cfg(feature = "tokio")]
mod tokio_runtime {
    use std::{pin::Pin, time::Instant};

    use netlink_sys::TokioSocket;

    use super::RuntimeSocket;

    impl RuntimeSocket for TokioSocket {
        type Timer = Pin<Box<tokio::time::Sleep>>;

        fn timer(deadline: Instant) -> Self::Timer {
            Box::pin(tokio::time::sleep_until(deadline.into()))
        }
    }
}

#[cfg(feature = "smol")]
mod smol_runtime {
    use std::{
        future::Future,
        pin::Pin,
        task::{Context, Poll},
        time::Instant,
    };

    use netlink_sys::SmolSocket;

    use super::RuntimeSocket;

    /// An async-io timer as a `Future<Output = ()>`.
    #[derive(Debug)]
    pub struct SmolTimer(async_io::Timer);

    impl Future for SmolTimer {
        type Output = ();

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            Pin::new(&mut self.0).poll(cx).map(|_| ())
        }
    }

    impl RuntimeSocket for SmolSocket {
        type Timer = SmolTimer;

        fn timer(deadline: Instant) -> Self::Timer {
            SmolTimer(async_io::Timer::at(deadline))
        }
    }
}

#[cfg(feature = "smol")]
pub use smol_runtime::SmolTimer;

/// The socket type [`Connection`](crate::Connection) uses when none is
/// named: `TokioSocket` with the `tokio` feature, else `SmolSocket` with
/// `smol`, else `NoRuntime`.
#[cfg(feature = "tokio")]
pub type DefaultSocket = netlink_sys::TokioSocket;
/// The socket type [`Connection`](crate::Connection) uses when none is
/// named: `TokioSocket` with the `tokio` feature, else `SmolSocket` with
/// `smol`, else `NoRuntime`.
#[cfg(all(feature = "smol", not(feature = "tokio")))]
pub type DefaultSocket = netlink_sys::SmolSocket;
/// The socket type [`Connection`](crate::Connection) uses when none is
/// named: `TokioSocket` with the `tokio` feature, else `SmolSocket` with
/// `smol`, else `NoRuntime`.
#[cfg(not(any(feature = "tokio", feature = "smol")))]
pub type DefaultSocket = NoRuntime;

/// Placeholder default socket type when neither the `tokio` nor the `smol`
/// feature is enabled: it cannot be created (every constructor fails with
/// `Unsupported`). Name your own [`RuntimeSocket`] instead, or use the
/// blocking front-end.
#[cfg(not(any(feature = "tokio", feature = "smol")))]
#[derive(Debug)]
pub enum NoRuntime {}

#[cfg(not(any(feature = "tokio", feature = "smol")))]
mod no_runtime {
    use std::{
        future::Pending,
        io,
        task::{Context, Poll},
        time::Instant,
    };

    use netlink_sys::{AsyncSocket, Received, Socket, SocketAddr};

    use super::{NoRuntime, RuntimeSocket};

    fn unsupported() -> io::Error {
        io::Error::new(
            io::ErrorKind::Unsupported,
            "netlink-proto was built without the `tokio` or `smol` feature",
        )
    }

    impl AsyncSocket for NoRuntime {
        fn new(_protocol: isize) -> io::Result<Self> {
            Err(unsupported())
        }
        fn from_socket(_socket: Socket) -> io::Result<Self> {
            Err(unsupported())
        }
        fn socket_ref(&self) -> &Socket {
            match *self {}
        }
        fn socket_mut(&mut self) -> &mut Socket {
            match *self {}
        }
        fn poll_send(&mut self, _cx: &mut Context<'_>, _buf: &[u8]) -> Poll<io::Result<usize>> {
            match *self {}
        }
        fn poll_send_to(
            &mut self,
            _cx: &mut Context<'_>,
            _buf: &[u8],
            _addr: &SocketAddr,
        ) -> Poll<io::Result<usize>> {
            match *self {}
        }
        fn poll_recv_datagram(
            &mut self,
            _cx: &mut Context<'_>,
            _buf: &mut Vec<u8>,
        ) -> Poll<io::Result<Received>> {
            match *self {}
        }
    }

    impl RuntimeSocket for NoRuntime {
        type Timer = Pending<()>;

        fn timer(_deadline: Instant) -> Self::Timer {
            std::future::pending()
        }
    }
}
