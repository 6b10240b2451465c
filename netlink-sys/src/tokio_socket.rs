//! [`TokioSocket`]: a netlink socket on tokio's reactor (feature
//! `tokio_socket`).

use std::{
    io,
    os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd},
    task::{ready, Context, Poll},
};

use tokio::io::unix::AsyncFd;

use crate::{AsyncSocket, Received, Socket, SocketAddr};

/// A netlink socket registered with tokio's reactor through [`AsyncFd`].
/// Must be created inside a tokio runtime with IO enabled (`enable_io()` /
/// `enable_all()`).
///
/// `AsyncFd` requires that its descriptor is never exchanged while
/// registered, which a `&mut Socket` handed out by
/// [`AsyncSocket::socket_mut`] could do (`std::mem::replace`). To stay sound
/// whatever the caller does, the reactor watches a duplicate of the socket's
/// descriptor (`dup`: same open socket, same readiness), owned here and
/// never exposed. This costs one extra descriptor per socket.
#[derive(Debug)]
pub struct TokioSocket {
    socket: Socket,
    readiness: AsyncFd<OwnedFd>,
}

impl TokioSocket {
    /// Runs a non-blocking operation when tokio says the socket is ready
    /// for `interest`, clearing the readiness on `WouldBlock` and waiting
    /// again.
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

    /// Gives the socket back, deregistered from tokio (still non-blocking).
    pub fn into_socket(self) -> Socket {
        self.socket
    }
}

impl AsyncSocket for TokioSocket {
    fn new(protocol: isize) -> io::Result<Self> {
        Self::from_socket(Socket::new(protocol)?)
    }

    fn from_socket(socket: Socket) -> io::Result<Self> {
        // O_NONBLOCK belongs to the open socket, shared by both descriptors.
        socket.set_non_blocking(true)?;
        let duplicate = socket.as_fd().try_clone_to_owned()?;
        // SAFETY: `duplicate` is an open descriptor owned by the AsyncFd for
        // its whole life; OwnedFd::as_raw_fd always returns that descriptor
        // and nothing can exchange it (it is never handed out).
        let readiness = unsafe { AsyncFd::register(duplicate) }?;
        Ok(TokioSocket { socket, readiness })
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

impl AsRawFd for TokioSocket {
    fn as_raw_fd(&self) -> RawFd {
        self.socket.as_raw_fd()
    }
}

impl AsFd for TokioSocket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.socket.as_fd()
    }
}
