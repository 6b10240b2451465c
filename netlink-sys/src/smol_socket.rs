//! [`SmolSocket`]: a netlink socket on `async-io`'s reactor, as used by smol
//! and async-std (feature `smol_socket`).

use std::{
    io,
    os::fd::OwnedFd,
    task::{ready, Context, Poll},
};

use async_io::Async;

use crate::reactor_socket::reactor_socket;
use crate::Socket;

reactor_socket! {
    /// A netlink socket registered with `async-io`'s reactor.
    ///
    /// `async-io` forbids handing out a mutable reference to a registered
    /// source (`Async::get_mut` is `unsafe`: replacing it would leave a stale
    /// registration). To offer [`AsyncSocket::socket_mut`](crate::AsyncSocket::socket_mut)
    /// soundly, the reactor watches a duplicate of the socket's descriptor
    /// (`dup`, same open socket, so the same readiness) while the [`Socket`]
    /// itself stays freely accessible. This costs one extra descriptor per
    /// socket.
    pub struct SmolSocket {
        readiness: Async<OwnedFd>,
    }
}

impl SmolSocket {
    /// Registers the duplicate descriptor with `async-io`.
    fn register(duplicate: OwnedFd) -> io::Result<Async<OwnedFd>> {
        Async::new(duplicate)
    }

    /// Runs a non-blocking operation, waiting for readiness on
    /// `WouldBlock`.
    fn poll_io<T>(
        &self,
        cx: &mut Context<'_>,
        writable: bool,
        mut operation: impl FnMut(&Socket) -> io::Result<T>,
    ) -> Poll<io::Result<T>> {
        loop {
            match operation(&self.socket) {
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => {}
                result => return Poll::Ready(result),
            }
            if writable {
                ready!(self.readiness.poll_writable(cx))?;
            } else {
                ready!(self.readiness.poll_readable(cx))?;
            }
        }
    }
}
