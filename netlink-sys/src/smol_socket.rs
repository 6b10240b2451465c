//! [`SmolSocket`]: a netlink socket on `async-io`'s reactor, as used by smol
//! and async-std (feature `smol_socket`).

use std::{
    io,
    os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd},
    task::{ready, Context, Poll},
};

use async_io::Async;

use crate::{AsyncSocket, Received, Socket, SocketAddr};

/// A netlink socket registered with `async-io`'s reactor.
///
/// `async-io` forbids handing out a mutable reference to a registered
/// source (`Async::get_mut` is `unsafe`: replacing it would leave a stale
/// registration). To offer [`AsyncSocket::socket_mut`] soundly, the reactor
/// watches a duplicate of the socket's descriptor (`dup`, same open socket,
/// so the same readiness) while the [`Socket`] itself stays freely
/// accessible. This costs one extra descriptor per socket.
#[derive(Debug)]
pub struct SmolSocket {
    socket: Socket,
    readiness: Async<OwnedFd>,
}

impl SmolSocket {
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

    /// Gives the socket back, deregistered from the reactor (still
    /// non-blocking).
    pub fn into_socket(self) -> Socket {
        self.socket
    }
}

impl AsyncSocket for SmolSocket {
    fn new(protocol: isize) -> io::Result<Self> {
        Self::from_socket(Socket::new(protocol)?)
    }

    fn from_socket(socket: Socket) -> io::Result<Self> {
        // O_NONBLOCK belongs to the open socket, shared by both descriptors.
        socket.set_non_blocking(true)?;
        let duplicate = socket.as_fd().try_clone_to_owned()?;
        Ok(SmolSocket {
            socket,
            readiness: Async::new(duplicate)?,
        })
    }

    fn socket_ref(&self) -> &Socket {
        &self.socket
    }

    fn socket_mut(&mut self) -> &mut Socket {
        &mut self.socket
    }

    fn poll_send(&mut self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        self.poll_io(cx, true, |socket| socket.send(buf, 0))
    }

    fn poll_send_to(
        &mut self,
        cx: &mut Context<'_>,
        buf: &[u8],
        addr: &SocketAddr,
    ) -> Poll<io::Result<usize>> {
        self.poll_io(cx, true, |socket| socket.send_to(buf, addr, 0))
    }

    fn poll_recv_datagram(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut Vec<u8>,
    ) -> Poll<io::Result<Received>> {
        self.poll_io(cx, false, |socket| socket.recv_datagram(buf))
    }
}

impl AsRawFd for SmolSocket {
    fn as_raw_fd(&self) -> RawFd {
        self.socket.as_raw_fd()
    }
}

impl AsFd for SmolSocket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.socket.as_fd()
    }
}
