//! [`TokioSocket`]: a netlink socket on tokio's reactor (feature
//! `tokio_socket`).

use std::{
    io,
    os::fd::OwnedFd,
    task::{ready, Context, Poll},
};

use tokio::io::unix::AsyncFd;

use crate::reactor_socket::reactor_socket;
use crate::Socket;

reactor_socket! {
    /// A netlink socket registered with tokio's reactor through [`AsyncFd`].
    /// Must be created inside a tokio runtime with IO enabled (`enable_io()` /
    /// `enable_all()`).
    ///
    /// `AsyncFd` requires that its descriptor is never exchanged while
    /// registered, which a `&mut Socket` handed out by
    /// [`AsyncSocket::socket_mut`](crate::AsyncSocket::socket_mut) could do
    /// (`std::mem::replace`). To stay sound whatever the caller does, the
    /// reactor watches a duplicate of the socket's descriptor (`dup`: same open
    /// socket, same readiness), owned here and never exposed. This costs one
    /// extra descriptor per socket.
    pub struct TokioSocket {
        readiness: AsyncFd<OwnedFd>,
    }
}

impl TokioSocket {
    /// Registers the duplicate descriptor with tokio.
    fn register(duplicate: OwnedFd) -> io::Result<AsyncFd<OwnedFd>> {
        // SAFETY: `duplicate` is an open descriptor owned by the AsyncFd for
        // its whole life; OwnedFd::as_raw_fd always returns that descriptor
        // and nothing can exchange it (it is never handed out).
        unsafe { AsyncFd::register(duplicate) }.map_err(io::Error::from)
    }

    /// Runs a non-blocking operation when tokio says the socket is ready
    /// (for writing if `writable`, else for reading), clearing the
    /// readiness on `WouldBlock` and waiting again.
    fn poll_io<T>(
        &self,
        cx: &mut Context<'_>,
        writable: bool,
        mut operation: impl FnMut(&Socket) -> io::Result<T>,
    ) -> Poll<io::Result<T>> {
        loop {
            let mut guard = if writable {
                ready!(self.readiness.poll_write_ready(cx))?
            } else {
                ready!(self.readiness.poll_read_ready(cx))?
            };
            match guard.try_io(|_| operation(&self.socket)) {
                Ok(result) => return Poll::Ready(result),
                Err(_would_block) => continue,
            }
        }
    }
}
