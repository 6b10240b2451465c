//! Socket options: the netlink flags of `SOL_NETLINK` and the buffer sizes
//! of `SOL_SOCKET`.

use std::{io, mem, os::fd::AsRawFd};

use libc::c_int;

use crate::{constants, socket::cvt, Socket};

/// `setsockopt(fd, level, name, &value, sizeof(int))`.
pub(crate) fn set_int(socket: &Socket, level: c_int, name: c_int, value: c_int) -> io::Result<()> {
    // SAFETY: `value` is a live c_int and its exact size is passed.
    cvt(unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            level,
            name,
            (&value as *const c_int).cast(),
            mem::size_of::<c_int>() as libc::socklen_t,
        )
    })?;
    Ok(())
}

/// `getsockopt(fd, level, name, &value, &len)` for an `int` option.
pub(crate) fn get_int(socket: &Socket, level: c_int, name: c_int) -> io::Result<c_int> {
    let mut value: c_int = 0;
    let mut len = mem::size_of::<c_int>() as libc::socklen_t;
    // SAFETY: `value` has room for `len` bytes; the kernel writes at most `len`.
    cvt(unsafe {
        libc::getsockopt(
            socket.as_raw_fd(),
            level,
            name,
            (&mut value as *mut c_int).cast(),
            &mut len,
        )
    })?;
    Ok(value)
}

fn set_flag(socket: &Socket, name: c_int, on: bool) -> io::Result<()> {
    set_int(socket, constants::SOL_NETLINK, name, c_int::from(on))
}

fn get_flag(socket: &Socket, name: c_int) -> io::Result<bool> {
    get_int(socket, constants::SOL_NETLINK, name).map(|value| value != 0)
}

/// A buffer size as the `int` the kernel takes, or `InvalidInput`.
fn buffer_size(size: usize, what: &str) -> io::Result<c_int> {
    c_int::try_from(size).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{what} of {size} bytes does not fit a C int"),
        )
    })
}

/// A size returned by the kernel; never negative in practice.
fn size_from_kernel(value: c_int) -> usize {
    usize::try_from(value).unwrap_or(0)
}

/// Netlink socket options (`SOL_NETLINK`) and buffer sizes (`SOL_SOCKET`).
///
/// Each flag has a setter and a `get_` getter reading the kernel's value.
impl Socket {
    /// `NETLINK_EXT_ACK`: have the kernel add extended acknowledgement
    /// attributes (error message text, offending attribute offset, cookie,
    /// policy) to error and done messages.
    pub fn set_ext_ack(&self, on: bool) -> io::Result<()> {
        set_flag(self, constants::NETLINK_EXT_ACK, on)
    }

    /// Whether `NETLINK_EXT_ACK` is on.
    pub fn get_ext_ack(&self) -> io::Result<bool> {
        get_flag(self, constants::NETLINK_EXT_ACK)
    }

    /// `NETLINK_GET_STRICT_CHK`: have the kernel validate dump requests
    /// strictly (header fields and attributes must be meaningful) and honour
    /// the filters they carry.
    pub fn set_strict_checking(&self, on: bool) -> io::Result<()> {
        set_flag(self, constants::NETLINK_GET_STRICT_CHK, on)
    }

    /// Whether `NETLINK_GET_STRICT_CHK` is on.
    pub fn get_strict_checking(&self) -> io::Result<bool> {
        get_flag(self, constants::NETLINK_GET_STRICT_CHK)
    }

    /// `NETLINK_CAP_ACK`: have error messages echo only the header of the
    /// failed request instead of the whole request (the message gets the
    /// `NLM_F_CAPPED` flag).
    pub fn set_cap_ack(&self, on: bool) -> io::Result<()> {
        set_flag(self, constants::NETLINK_CAP_ACK, on)
    }

    /// Whether `NETLINK_CAP_ACK` is on.
    pub fn get_cap_ack(&self) -> io::Result<bool> {
        get_flag(self, constants::NETLINK_CAP_ACK)
    }

    /// `NETLINK_NO_ENOBUFS`: do not report `ENOBUFS` when the receive queue
    /// overflows and multicast messages are dropped.
    pub fn set_no_enobufs(&self, on: bool) -> io::Result<()> {
        set_flag(self, constants::NETLINK_NO_ENOBUFS, on)
    }

    /// Whether `NETLINK_NO_ENOBUFS` is on.
    pub fn get_no_enobufs(&self) -> io::Result<bool> {
        get_flag(self, constants::NETLINK_NO_ENOBUFS)
    }

    /// `NETLINK_PKTINFO`: deliver with each datagram the multicast group it
    /// was sent to, reported in [`Received::group`](crate::Received::group)
    /// by [`recv_datagram`](Self::recv_datagram) and
    /// [`recv_from_truncating`](Self::recv_from_truncating).
    pub fn set_pktinfo(&self, on: bool) -> io::Result<()> {
        set_flag(self, constants::NETLINK_PKTINFO, on)
    }

    /// Whether `NETLINK_PKTINFO` is on.
    pub fn get_pktinfo(&self) -> io::Result<bool> {
        get_flag(self, constants::NETLINK_PKTINFO)
    }

    /// `NETLINK_LISTEN_ALL_NSID`: receive the multicast messages of every
    /// network namespace that has an id in this socket's namespace, each
    /// tagged with that id in [`Received::nsid`](crate::Received::nsid).
    /// Needs `CAP_NET_BROADCAST`.
    pub fn set_listen_all_nsid(&self, on: bool) -> io::Result<()> {
        set_flag(self, constants::NETLINK_LISTEN_ALL_NSID, on)
    }

    /// Whether `NETLINK_LISTEN_ALL_NSID` is on (readable since Linux 6.x;
    /// older kernels answer `ENOPROTOOPT`).
    pub fn get_listen_all_nsid(&self) -> io::Result<bool> {
        get_flag(self, constants::NETLINK_LISTEN_ALL_NSID)
    }

    /// `NETLINK_BROADCAST_ERROR`: make a multicast send by this socket report
    /// delivery errors instead of ignoring them.
    pub fn set_broadcast_error(&self, on: bool) -> io::Result<()> {
        set_flag(self, constants::NETLINK_BROADCAST_ERROR, on)
    }

    /// Whether `NETLINK_BROADCAST_ERROR` is on.
    pub fn get_broadcast_error(&self) -> io::Result<bool> {
        get_flag(self, constants::NETLINK_BROADCAST_ERROR)
    }

    /// `SO_RCVBUF`: request a receive buffer of `size` bytes. The kernel
    /// caps the request at `net.core.rmem_max` and doubles it for its
    /// bookkeeping; read the effective value with
    /// [`get_rx_buf_size`](Self::get_rx_buf_size), or use
    /// [`force_rx_buf_size`](Self::force_rx_buf_size) to exceed the cap.
    pub fn set_rx_buf_size(&self, size: usize) -> io::Result<()> {
        let size = buffer_size(size, "receive buffer")?;
        set_int(self, libc::SOL_SOCKET, libc::SO_RCVBUF, size)
    }

    /// The effective receive buffer size in bytes (`SO_RCVBUF`), as the
    /// kernel accounts it (twice the requested size).
    pub fn get_rx_buf_size(&self) -> io::Result<usize> {
        get_int(self, libc::SOL_SOCKET, libc::SO_RCVBUF).map(size_from_kernel)
    }

    /// Sets the receive buffer to `size` bytes ignoring `net.core.rmem_max`
    /// (`SO_RCVBUFFORCE`, needs `CAP_NET_ADMIN`); without that privilege
    /// (`EPERM`) falls back to `SO_RCVBUF`, which the kernel caps. Returns the
    /// effective size, as [`get_rx_buf_size`](Self::get_rx_buf_size) reports
    /// it, so the caller sees whether the fallback capped it.
    pub fn force_rx_buf_size(&self, size: usize) -> io::Result<usize> {
        let value = buffer_size(size, "receive buffer")?;
        match set_int(self, libc::SOL_SOCKET, libc::SO_RCVBUFFORCE, value) {
            Ok(()) => {}
            Err(err) if err.raw_os_error() == Some(libc::EPERM) => {
                set_int(self, libc::SOL_SOCKET, libc::SO_RCVBUF, value)?;
            }
            Err(err) => return Err(err),
        }
        self.get_rx_buf_size()
    }

    /// `SO_SNDBUF`: request a send buffer of `size` bytes (capped at
    /// `net.core.wmem_max`, doubled by the kernel).
    pub fn set_tx_buf_size(&self, size: usize) -> io::Result<()> {
        let size = buffer_size(size, "send buffer")?;
        set_int(self, libc::SOL_SOCKET, libc::SO_SNDBUF, size)
    }

    /// The effective send buffer size in bytes (`SO_SNDBUF`).
    pub fn get_tx_buf_size(&self) -> io::Result<usize> {
        get_int(self, libc::SOL_SOCKET, libc::SO_SNDBUF).map(size_from_kernel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffer_sizes_beyond_c_int_are_refused_with_context() {
        let err = buffer_size(usize::MAX, "receive buffer").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("receive buffer"), "{err}");
        assert_eq!(buffer_size(4096, "x").unwrap(), 4096);
    }

    #[test]
    fn negative_kernel_sizes_become_zero() {
        assert_eq!(size_from_kernel(-1), 0);
        assert_eq!(size_from_kernel(212_992), 212_992);
    }
}
