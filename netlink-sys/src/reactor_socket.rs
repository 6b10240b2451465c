//! What the reactor-backed sockets ([`SmolSocket`](crate::SmolSocket),
//! [`TokioSocket`](crate::TokioSocket)) share.
//!
//! Both keep the [`Socket`] freely accessible (for
//! [`AsyncSocket::socket_mut`](crate::AsyncSocket::socket_mut)) and let
//! their reactor watch a duplicate of its descriptor instead (`dup`: same
//! open socket, so the same readiness; one extra descriptor per socket).
//! Each reactor file only says how the duplicate is registered and how to
//! wait for readiness; [`reactor_socket!`] implements the rest.

use std::io;
use std::os::fd::{AsFd, OwnedFd};

use crate::Socket;

/// Makes `socket` non-blocking and duplicates its descriptor for a reactor
/// to watch (`O_NONBLOCK` belongs to the open socket, so both descriptors
/// share it).
pub(crate) fn nonblocking_duplicate(socket: &Socket) -> io::Result<OwnedFd> {
    socket.set_non_blocking(true)?;
    socket.as_fd().try_clone_to_owned()
}

/// Declares `pub struct $name { readiness: $readiness }` with the field
/// `socket: Socket` added, and implements `into_socket`,
/// [`AsyncSocket`](crate::AsyncSocket), `AsRawFd` and `AsFd` for it, given
/// its inherent `fn register(OwnedFd) -> io::Result<$readiness>` (registers
/// the duplicate) and `fn poll_io(&self, cx, writable, operation)` (runs a
/// non-blocking operation, waiting for readiness on `WouldBlock`).
macro_rules! reactor_socket {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            readiness: $readiness:ty $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub struct $name {
            socket: $crate::Socket,
            readiness: $readiness,
        }

        impl $name {
            /// Gives the socket back, deregistered from the reactor (still
            /// non-blocking).
            pub fn into_socket(self) -> $crate::Socket {
                self.socket
            }
        }

        impl $crate::AsyncSocket for $name {
            fn new(protocol: isize) -> std::io::Result<Self> {
                Self::from_socket($crate::Socket::new(protocol)?)
            }

            fn from_socket(socket: $crate::Socket) -> std::io::Result<Self> {
                let duplicate = $crate::reactor_socket::nonblocking_duplicate(&socket)?;
                let readiness = Self::register(duplicate)?;
                Ok($name { socket, readiness })
            }

            fn socket_ref(&self) -> &$crate::Socket {
                &self.socket
            }

            fn socket_mut(&mut self) -> &mut $crate::Socket {
                &mut self.socket
            }

            fn poll_send(
                &mut self,
                cx: &mut std::task::Context<'_>,
                buf: &[u8],
            ) -> std::task::Poll<std::io::Result<usize>> {
                self.poll_io(cx, true, |socket| socket.send(buf, 0))
            }

            fn poll_send_to(
                &mut self,
                cx: &mut std::task::Context<'_>,
                buf: &[u8],
                addr: &$crate::SocketAddr,
            ) -> std::task::Poll<std::io::Result<usize>> {
                self.poll_io(cx, true, |socket| socket.send_to(buf, addr, 0))
            }

            fn poll_recv_datagram(
                &mut self,
                cx: &mut std::task::Context<'_>,
                buf: &mut Vec<u8>,
            ) -> std::task::Poll<std::io::Result<$crate::Received>> {
                self.poll_io(cx, false, |socket| socket.recv_datagram(buf))
            }
        }

        impl std::os::fd::AsRawFd for $name {
            fn as_raw_fd(&self) -> std::os::fd::RawFd {
                self.socket.as_raw_fd()
            }
        }

        impl std::os::fd::AsFd for $name {
            fn as_fd(&self) -> std::os::fd::BorrowedFd<'_> {
                self.socket.as_fd()
            }
        }
    };
}

pub(crate) use reactor_socket;
