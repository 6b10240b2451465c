//! Applying a [`Config`] to a socket before the multiplexer uses it.

use std::io;

use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};

use crate::Config;

/// What the multiplexer needs to know about a configured socket.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SocketSetup {
    pub(crate) local_port: u32,
    pub(crate) max_in_flight: usize,
}

fn context(what: &str, error: io::Error) -> io::Error {
    io::Error::new(
        error.kind(),
        format!("netlink connection setup: {what}: {error}"),
    )
}

/// Binds the socket (to a kernel-chosen port) unless it is bound, sets the
/// options of `config` and `NETLINK_PKTINFO` (needed to tell multicast
/// deliveries from replies), and reads the receive buffer size.
pub(crate) fn configure(socket: &mut Socket, config: &Config) -> io::Result<SocketSetup> {
    let mut local = socket.local_addr().map_err(|e| context("getsockname", e))?;
    if local.port_number() == 0 {
        local = socket
            .bind(&SocketAddr::new(0, local.multicast_groups()))
            .and_then(|()| socket.local_addr())
            .map_err(|e| context("bind", e))?;
    }
    socket
        .set_ext_ack(config.extended_ack)
        .map_err(|e| context("NETLINK_EXT_ACK", e))?;
    socket
        .set_cap_ack(config.cap_ack)
        .map_err(|e| context("NETLINK_CAP_ACK", e))?;
    let strict = match config.strict_checking {
        Some(on) => Some(on),
        None => match socket.protocol() {
            Ok(protocol) if protocol == NETLINK_ROUTE => Some(true),
            _ => None,
        },
    };
    if let Some(on) = strict {
        socket
            .set_strict_checking(on)
            .map_err(|e| context("NETLINK_GET_STRICT_CHK", e))?;
    }
    socket
        .set_pktinfo(true)
        .map_err(|e| context("NETLINK_PKTINFO", e))?;
    if let Some(size) = config.receive_buffer_size {
        socket
            .force_rx_buf_size(size)
            .map_err(|e| context("SO_RCVBUF", e))?;
    }
    let receive_buffer = socket
        .get_rx_buf_size()
        .map_err(|e| context("SO_RCVBUF", e))?;
    Ok(SocketSetup {
        local_port: local.port_number(),
        max_in_flight: config.in_flight_limit(receive_buffer),
    })
}
