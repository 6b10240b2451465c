//! The runtime-independent async socket interface that `netlink-proto` and
//! other async users program against.

use std::{
    future::Future,
    io,
    pin::Pin,
    task::{Context, Poll},
};

use crate::{Received, Socket, SocketAddr};

/// A netlink socket driven by an async runtime.
///
/// Implemented by `TokioSocket` (feature `tokio_socket`) and `SmolSocket`
/// (feature `smol_socket`). The `poll_*` methods follow the usual contract: they
/// return `Poll::Pending` after arranging for `cx`'s waker to be woken when
/// the socket may be ready, and never block. The socket is non-blocking.
///
/// [`AsyncSocketExt`] adds `async` versions of the `poll_*` methods.
pub trait AsyncSocket: Sized + Unpin {
    /// Opens a socket for `protocol` (see [`protocols`](crate::protocols))
    /// and registers it with the runtime.
    fn new(protocol: isize) -> io::Result<Self>;

    /// Registers an existing socket (for example one from
    /// [`Socket::new_in_namespace`]) with the runtime, making it
    /// non-blocking.
    fn from_socket(socket: Socket) -> io::Result<Self>;

    /// The underlying socket: options, memberships, local address, ...
    fn socket_ref(&self) -> &Socket;

    /// The underlying socket, mutably: [`Socket::bind`], [`Socket::bind_auto`].
    ///
    /// Replacing the socket (for example with `std::mem::replace`) detaches
    /// it from the runtime's readiness tracking: do not.
    fn socket_mut(&mut self) -> &mut Socket;

    /// Sends `buf` as one datagram to the connected address (the kernel by
    /// default).
    fn poll_send(&mut self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>>;

    /// Sends `buf` as one datagram to `addr`.
    fn poll_send_to(
        &mut self,
        cx: &mut Context<'_>,
        buf: &[u8],
        addr: &SocketAddr,
    ) -> Poll<io::Result<usize>>;

    /// Receives one whole datagram into `buf`, growing it as needed; see
    /// [`Socket::recv_datagram`].
    fn poll_recv_datagram(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut Vec<u8>,
    ) -> Poll<io::Result<Received>>;
}

/// `async` methods for every [`AsyncSocket`].
pub trait AsyncSocketExt: AsyncSocket {
    /// Sends `buf` as one datagram to the connected address.
    fn send<'a>(&'a mut self, buf: &'a [u8]) -> SendFuture<'a, Self> {
        SendFuture { socket: self, buf }
    }

    /// Sends `buf` as one datagram to `addr`.
    fn send_to<'a>(&'a mut self, buf: &'a [u8], addr: &'a SocketAddr) -> SendToFuture<'a, Self> {
        SendToFuture {
            socket: self,
            buf,
            addr,
        }
    }

    /// Receives one whole datagram into `buf`, growing it as needed.
    fn recv_datagram<'a>(&'a mut self, buf: &'a mut Vec<u8>) -> RecvDatagramFuture<'a, Self> {
        RecvDatagramFuture { socket: self, buf }
    }
}

impl<S: AsyncSocket> AsyncSocketExt for S {}

/// Future of [`AsyncSocketExt::send`].
#[derive(Debug)]
#[must_use = "futures do nothing unless polled"]
pub struct SendFuture<'a, S> {
    socket: &'a mut S,
    buf: &'a [u8],
}

impl<S: AsyncSocket> Future for SendFuture<'_, S> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        this.socket.poll_send(cx, this.buf)
    }
}

/// Future of [`AsyncSocketExt::send_to`].
#[derive(Debug)]
#[must_use = "futures do nothing unless polled"]
pub struct SendToFuture<'a, S> {
    socket: &'a mut S,
    buf: &'a [u8],
    addr: &'a SocketAddr,
}

impl<S: AsyncSocket> Future for SendToFuture<'_, S> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        this.socket.poll_send_to(cx, this.buf, this.addr)
    }
}

/// Future of [`AsyncSocketExt::recv_datagram`].
#[derive(Debug)]
#[must_use = "futures do nothing unless polled"]
pub struct RecvDatagramFuture<'a, S> {
    socket: &'a mut S,
    buf: &'a mut Vec<u8>,
}

impl<S: AsyncSocket> Future for RecvDatagramFuture<'_, S> {
    type Output = io::Result<Received>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        this.socket.poll_recv_datagram(cx, this.buf)
    }
}
