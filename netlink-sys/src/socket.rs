//! The synchronous netlink socket: creation, addressing, sending and
//! receiving.

use std::{
    io, mem,
    os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, IntoRawFd, OwnedFd, RawFd},
};

use libc::c_int;

use crate::{
    received::{parse_control_messages, ControlBuffer},
    Received, SocketAddr,
};

/// Turns a `-1` return of a libc call into the thread's `errno`.
pub(crate) fn cvt(ret: c_int) -> io::Result<c_int> {
    if ret == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret)
    }
}

/// Same as [`cvt`] for the `ssize_t` returns of send and receive calls.
fn cvt_size(ret: libc::ssize_t) -> io::Result<usize> {
    usize::try_from(ret).map_err(|_| io::Error::last_os_error())
}

/// A netlink socket (`socket(AF_NETLINK, SOCK_RAW, protocol)`), owning its
/// file descriptor.
///
/// The socket is blocking when created; see
/// [`set_non_blocking`](Self::set_non_blocking). All calls map to one (or,
/// for [`recv_datagram`](Self::recv_datagram), two) system calls and report
/// the kernel's error as an [`io::Error`] with its `errno`.
///
/// Options, multicast memberships and namespace support live in their own
/// `impl` blocks: see [`add_membership`](Self::add_membership),
/// [`set_ext_ack`](Self::set_ext_ack) and
/// [`new_in_namespace`](Self::new_in_namespace).
#[derive(Debug)]
pub struct Socket {
    fd: OwnedFd,
}

impl Socket {
    /// Opens a blocking netlink socket for `protocol`, one of the
    /// [`protocols`](crate::protocols) constants. The descriptor is
    /// close-on-exec.
    ///
    /// Fails with `EPROTONOSUPPORT` when the kernel lacks the protocol, and
    /// with `InvalidInput` when `protocol` does not fit a C `int`.
    pub fn new(protocol: isize) -> io::Result<Self> {
        let protocol = c_int::try_from(protocol).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("netlink protocol number {protocol} does not fit a C int"),
            )
        })?;
        // SAFETY: plain system call; the result is checked below.
        let fd = cvt(unsafe {
            libc::socket(
                libc::AF_NETLINK,
                libc::SOCK_RAW | libc::SOCK_CLOEXEC,
                protocol,
            )
        })?;
        // SAFETY: `fd` is a freshly created descriptor that nothing else owns.
        Ok(Socket {
            fd: unsafe { OwnedFd::from_raw_fd(fd) },
        })
    }

    /// The netlink protocol of the socket (`SO_PROTOCOL`).
    pub fn protocol(&self) -> io::Result<isize> {
        crate::options::get_int(self, libc::SOL_SOCKET, libc::SO_PROTOCOL).map(|p| p as isize)
    }

    /// Binds the socket to `addr`: a port id (0 lets the kernel choose one)
    /// and a legacy multicast groups bitmask.
    ///
    /// A non-zero port id already used by another socket gives `EADDRINUSE`.
    pub fn bind(&mut self, addr: &SocketAddr) -> io::Result<()> {
        let raw = addr.to_raw();
        // SAFETY: `raw` is a valid sockaddr_nl and RAW_LEN its size.
        cvt(unsafe {
            libc::bind(
                self.as_raw_fd(),
                (&raw as *const libc::sockaddr_nl).cast(),
                SocketAddr::RAW_LEN,
            )
        })?;
        Ok(())
    }

    /// Binds to a port id chosen by the kernel, with no legacy group, and
    /// returns the address the socket got.
    pub fn bind_auto(&mut self) -> io::Result<SocketAddr> {
        self.bind(&SocketAddr::new(0, 0))?;
        self.local_addr()
    }

    /// The address the socket is bound to (`getsockname`). A socket that was
    /// never bound has port id 0 until its first send, which auto-binds it.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        // SAFETY: all-zero bytes are a valid sockaddr_nl.
        let mut raw: libc::sockaddr_nl = unsafe { mem::zeroed() };
        let mut len = SocketAddr::RAW_LEN;
        // SAFETY: `raw` has room for `len` bytes, and `len` is updated by the call.
        cvt(unsafe {
            libc::getsockname(
                self.as_raw_fd(),
                (&mut raw as *mut libc::sockaddr_nl).cast(),
                &mut len,
            )
        })?;
        Ok(SocketAddr::from_raw(&raw))
    }

    /// Sets the default destination of [`send`](Self::send) (usually the
    /// kernel, [`SocketAddr::KERNEL`], which is also the default of an
    /// unconnected socket). Unicast messages from any other sender are then
    /// refused (the sender gets `ECONNREFUSED`); multicast is still received.
    pub fn connect(&self, addr: &SocketAddr) -> io::Result<()> {
        let raw = addr.to_raw();
        // SAFETY: `raw` is a valid sockaddr_nl and RAW_LEN its size.
        cvt(unsafe {
            libc::connect(
                self.as_raw_fd(),
                (&raw as *const libc::sockaddr_nl).cast(),
                SocketAddr::RAW_LEN,
            )
        })?;
        Ok(())
    }

    /// Switches `O_NONBLOCK` on or off. A non-blocking socket returns
    /// [`io::ErrorKind::WouldBlock`] instead of waiting.
    pub fn set_non_blocking(&self, non_blocking: bool) -> io::Result<()> {
        let fd = self.as_raw_fd();
        // SAFETY: fcntl on a descriptor we own.
        let flags = cvt(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
        let new_flags = if non_blocking {
            flags | libc::O_NONBLOCK
        } else {
            flags & !libc::O_NONBLOCK
        };
        if new_flags != flags {
            // SAFETY: fcntl on a descriptor we own.
            cvt(unsafe { libc::fcntl(fd, libc::F_SETFL, new_flags) })?;
        }
        Ok(())
    }

    /// Whether `O_NONBLOCK` is set.
    pub fn is_non_blocking(&self) -> io::Result<bool> {
        // SAFETY: fcntl on a descriptor we own.
        let flags = cvt(unsafe { libc::fcntl(self.as_raw_fd(), libc::F_GETFL) })?;
        Ok(flags & libc::O_NONBLOCK != 0)
    }

    /// Sends `buf` as one datagram to the connected address (the kernel if
    /// [`connect`](Self::connect) was not called). `flags` are `send(2)`
    /// flags such as `libc::MSG_DONTWAIT`.
    pub fn send(&self, buf: &[u8], flags: c_int) -> io::Result<usize> {
        // SAFETY: `buf` is valid for reads of `buf.len()` bytes.
        cvt_size(unsafe { libc::send(self.as_raw_fd(), buf.as_ptr().cast(), buf.len(), flags) })
    }

    /// Sends `buf` as one datagram to `addr`.
    pub fn send_to(&self, buf: &[u8], addr: &SocketAddr, flags: c_int) -> io::Result<usize> {
        let raw = addr.to_raw();
        // SAFETY: `buf` is valid for reads of its length; `raw` is a valid
        // sockaddr_nl of RAW_LEN bytes.
        cvt_size(unsafe {
            libc::sendto(
                self.as_raw_fd(),
                buf.as_ptr().cast(),
                buf.len(),
                flags,
                (&raw as *const libc::sockaddr_nl).cast(),
                SocketAddr::RAW_LEN,
            )
        })
    }

    /// Receives one datagram into `buf` and returns the number of bytes
    /// written (`recv(2)`).
    ///
    /// A datagram larger than `buf` is **silently truncated** by this plain
    /// call, unless `flags` contains `libc::MSG_TRUNC`, in which case the
    /// datagram's real length is returned (possibly more than `buf.len()`).
    /// Prefer [`recv_datagram`](Self::recv_datagram), which never truncates,
    /// or [`recv_from_truncating`](Self::recv_from_truncating), which says so.
    pub fn recv(&self, buf: &mut [u8], flags: c_int) -> io::Result<usize> {
        // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
        cvt_size(unsafe { libc::recv(self.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len(), flags) })
    }

    /// Like [`recv`](Self::recv), also returning the sender's address.
    pub fn recv_from(&self, buf: &mut [u8], flags: c_int) -> io::Result<(usize, SocketAddr)> {
        // SAFETY: all-zero bytes are a valid sockaddr_nl.
        let mut raw: libc::sockaddr_nl = unsafe { mem::zeroed() };
        let mut addr_len = SocketAddr::RAW_LEN;
        // SAFETY: `buf` is valid for writes of its length; `raw` has room for
        // `addr_len` bytes.
        let len = cvt_size(unsafe {
            libc::recvfrom(
                self.as_raw_fd(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                flags,
                (&mut raw as *mut libc::sockaddr_nl).cast(),
                &mut addr_len,
            )
        })?;
        Ok((len, SocketAddr::from_raw(&raw)))
    }

    /// Size of the next queued datagram, without consuming it
    /// (`MSG_PEEK | MSG_TRUNC` with an empty buffer). Blocks like a receive on
    /// a blocking socket; returns `WouldBlock` on a non-blocking one.
    pub fn peek_datagram_len(&self) -> io::Result<usize> {
        let mut empty = [0u8; 0];
        self.recv(&mut empty, libc::MSG_PEEK | libc::MSG_TRUNC)
    }

    /// Receives one whole datagram, whatever its size, into `buf`.
    ///
    /// The datagram's size is learnt first with `MSG_PEEK | MSG_TRUNC`, `buf`
    /// grows to hold it (its capacity is kept for the next call), then the
    /// datagram is received with `recvmsg(2)`. On return `buf.len()` is the
    /// datagram's length and [`Received`] tells the sender and, when enabled,
    /// the multicast group and namespace id.
    ///
    /// Never truncates: if another reader of the same socket took the peeked
    /// datagram between the two calls and the next one is larger, the
    /// truncation is reported as an error of kind `InvalidData` rather than
    /// returned as a short datagram.
    pub fn recv_datagram(&self, buf: &mut Vec<u8>) -> io::Result<Received> {
        let size = self.peek_datagram_len()?;
        buf.clear();
        buf.try_reserve(size).map_err(|err| {
            io::Error::new(
                io::ErrorKind::OutOfMemory,
                format!("cannot allocate {size} bytes for a netlink datagram: {err}"),
            )
        })?;
        let spare = buf.spare_capacity_mut();
        let received = self.recvmsg(spare.as_mut_ptr().cast(), spare.len(), 0)?;
        // SAFETY: the kernel initialized the first `received.len` bytes of the
        // spare capacity, and `received.len <= spare.len()` (recvmsg never
        // writes past the iovec).
        unsafe { buf.set_len(received.len) };
        if received.truncated() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "netlink datagram of {} bytes truncated to {}: another reader \
                     took the datagram peeked on this socket",
                    received.datagram_len, received.len
                ),
            ));
        }
        Ok(received)
    }

    /// Receives one datagram into a fixed `buf`, reporting truncation instead
    /// of hiding it: a datagram larger than `buf` is cut (its tail is lost,
    /// as with any datagram socket) and the result has
    /// `datagram_len > len` ([`Received::truncated`]).
    ///
    /// `flags` are `recvmsg(2)` flags such as `libc::MSG_DONTWAIT` or
    /// `libc::MSG_PEEK`; `MSG_TRUNC` is always added.
    pub fn recv_from_truncating(&self, buf: &mut [u8], flags: c_int) -> io::Result<Received> {
        self.recvmsg(buf.as_mut_ptr(), buf.len(), flags)
    }

    /// One `recvmsg` into `len` bytes at `data`, with `MSG_TRUNC`, collecting
    /// the sender address and the netlink control messages.
    ///
    /// `data` must be valid for writes of `len` bytes (initialized or not).
    fn recvmsg(&self, data: *mut u8, len: usize, flags: c_int) -> io::Result<Received> {
        // SAFETY (for the zeroed values): sockaddr_nl and msghdr are plain old
        // data for which all-zero bytes are valid (null pointers, zero lengths).
        let mut source: libc::sockaddr_nl = unsafe { mem::zeroed() };
        let mut control: ControlBuffer = [0; 16];
        let mut iov = libc::iovec {
            iov_base: data.cast(),
            iov_len: len,
        };
        let mut msg: libc::msghdr = unsafe { mem::zeroed() };
        msg.msg_name = (&mut source as *mut libc::sockaddr_nl).cast();
        msg.msg_namelen = SocketAddr::RAW_LEN;
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = mem::size_of::<ControlBuffer>() as _;
        // SAFETY: every pointer in `msg` points to live memory of the stated
        // size: `source`, `iov` (whose buffer the caller vouches for) and
        // `control`; the kernel writes within those bounds.
        let datagram_len = cvt_size(unsafe {
            libc::recvmsg(self.as_raw_fd(), &mut msg, flags | libc::MSG_TRUNC)
        })?;
        // SAFETY: `control` is a live array; it is read as bytes.
        let control_bytes = unsafe {
            std::slice::from_raw_parts(
                control.as_ptr().cast::<u8>(),
                mem::size_of::<ControlBuffer>(),
            )
        };
        let control_len = (msg.msg_controllen as usize).min(control_bytes.len());
        let info = parse_control_messages(control_bytes.get(..control_len).unwrap_or(&[]));
        Ok(Received {
            len: datagram_len.min(len),
            datagram_len,
            source: SocketAddr::from_raw(&source),
            group: info.group,
            nsid: info.nsid,
        })
    }
}

impl AsRawFd for Socket {
    fn as_raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}

impl AsFd for Socket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl FromRawFd for Socket {
    /// Takes ownership of `fd`.
    ///
    /// # Safety
    ///
    /// `fd` must be an open netlink socket descriptor that nothing else owns
    /// or closes.
    unsafe fn from_raw_fd(fd: RawFd) -> Self {
        Socket {
            // SAFETY: guaranteed by the caller.
            fd: unsafe { OwnedFd::from_raw_fd(fd) },
        }
    }
}

impl IntoRawFd for Socket {
    fn into_raw_fd(self) -> RawFd {
        self.fd.into_raw_fd()
    }
}

impl From<Socket> for OwnedFd {
    fn from(socket: Socket) -> Self {
        socket.fd
    }
}

impl From<OwnedFd> for Socket {
    /// Wraps an owned descriptor, which should be a netlink socket (not
    /// checked: calls on another kind of descriptor fail with the kernel's
    /// error).
    fn from(fd: OwnedFd) -> Self {
        Socket { fd }
    }
}
