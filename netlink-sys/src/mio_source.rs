//! `impl mio::event::Source for Socket` (feature `mio_socket`).

use std::{io, os::fd::AsRawFd};

use mio::{event::Source, unix::SourceFd, Interest, Registry, Token};

use crate::Socket;

/// Registers the socket's descriptor with a [`mio::Poll`]. Make the socket
/// non-blocking first ([`Socket::set_non_blocking`]) and, as usual with
/// mio, read until `WouldBlock` after each readable event.
impl Source for Socket {
    fn register(
        &mut self,
        registry: &Registry,
        token: Token,
        interests: Interest,
    ) -> io::Result<()> {
        SourceFd(&self.as_raw_fd()).register(registry, token, interests)
    }

    fn reregister(
        &mut self,
        registry: &Registry,
        token: Token,
        interests: Interest,
    ) -> io::Result<()> {
        SourceFd(&self.as_raw_fd()).reregister(registry, token, interests)
    }

    fn deregister(&mut self, registry: &Registry) -> io::Result<()> {
        SourceFd(&self.as_raw_fd()).deregister(registry)
    }
}
