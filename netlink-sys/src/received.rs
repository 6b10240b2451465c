//! What a receive call learnt about one datagram, including its control
//! messages (`NETLINK_PKTINFO`, `NETLINK_LISTEN_ALL_NSID`).

use std::mem;

use crate::{constants, SocketAddr};

/// The outcome of receiving one datagram with `recvmsg(2)`.
///
/// Returned by [`Socket::recv_datagram`](crate::Socket::recv_datagram) (never
/// truncated) and [`Socket::recv_from_truncating`](crate::Socket::recv_from_truncating)
/// (which reports truncation instead of hiding it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Received {
    /// Number of bytes written into the caller's buffer.
    pub len: usize,
    /// Real size of the datagram as the kernel queued it (learnt with
    /// `MSG_TRUNC`). Greater than [`len`](Self::len) means the datagram was
    /// truncated and its tail is lost; see [`Received::truncated`].
    pub datagram_len: usize,
    /// Sender: port id 0 is the kernel; `multicast_groups` is the legacy
    /// bitmask of the group the message was sent to (0 for unicast).
    pub source: SocketAddr,
    /// Multicast group the datagram was delivered through, any group number
    /// (also above 32), when `NETLINK_PKTINFO` is on
    /// ([`Socket::set_pktinfo`](crate::Socket::set_pktinfo)). `None` for unicast
    /// messages or when the option is off.
    pub group: Option<u32>,
    /// Network namespace id, as seen from the receiving socket's namespace, of
    /// the namespace the message comes from, when `NETLINK_LISTEN_ALL_NSID` is
    /// on ([`Socket::set_listen_all_nsid`](crate::Socket::set_listen_all_nsid))
    /// and the kernel knows such an id. `None` otherwise.
    pub nsid: Option<i32>,
}

impl Received {
    /// Whether the datagram was larger than the buffer and lost its tail.
    pub fn truncated(&self) -> bool {
        self.datagram_len > self.len
    }
}

/// Control messages of one `recvmsg` that this crate understands.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ControlInfo {
    pub(crate) group: Option<u32>,
    pub(crate) nsid: Option<i32>,
}

/// Room for the control messages a netlink socket can deliver: one
/// `nl_pktinfo` (4 bytes) and one nsid (`int`), each behind a `cmsghdr`,
/// with plenty of slack. `u64` elements give the alignment `cmsghdr` needs.
pub(crate) type ControlBuffer = [u64; 16];

/// `CMSG_ALIGN`: control messages are aligned to `sizeof(size_t)` on Linux
/// (glibc and musl alike, matching the kernel's `sizeof(long)`).
const fn cmsg_align(len: usize) -> usize {
    let align = mem::size_of::<usize>();
    (len + align - 1) & !(align - 1)
}

/// Reads a native-endian `u32` at the start of `bytes`, if there are 4 bytes.
fn read_u32(bytes: &[u8]) -> Option<u32> {
    let array: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
    Some(u32::from_ne_bytes(array))
}

/// Walks the control messages written by the kernel into `bytes`
/// (`msg_control[..msg_controllen]`), keeping the netlink ones. Bounds are
/// checked at every step: a malformed area ends the walk, it never panics.
pub(crate) fn parse_control_messages(bytes: &[u8]) -> ControlInfo {
    let header_len = mem::size_of::<libc::cmsghdr>();
    let data_offset = cmsg_align(header_len);
    let mut info = ControlInfo::default();
    let mut rest = bytes;
    while rest.len() >= header_len {
        // SAFETY: `rest` holds at least size_of::<cmsghdr>() bytes, cmsghdr is
        // plain old data (integers only) for which any bytes are a valid value,
        // and read_unaligned copes with any alignment.
        let header: libc::cmsghdr =
            unsafe { std::ptr::read_unaligned(rest.as_ptr().cast::<libc::cmsghdr>()) };
        // `cmsg_len` is `size_t` on glibc and `socklen_t` on musl: both fit usize.
        let cmsg_len = header.cmsg_len as usize;
        if cmsg_len < data_offset || cmsg_len > rest.len() {
            break;
        }
        let data = rest.get(data_offset..cmsg_len).unwrap_or(&[]);
        if header.cmsg_level == constants::SOL_NETLINK {
            match header.cmsg_type {
                constants::NETLINK_PKTINFO => {
                    // struct nl_pktinfo { __u32 group; }; 0 means unicast.
                    info.group = read_u32(data).filter(|group| *group != 0);
                }
                constants::NETLINK_LISTEN_ALL_NSID => {
                    info.nsid = read_u32(data).map(|nsid| nsid as i32);
                }
                _ => {}
            }
        }
        match rest.get(cmsg_align(cmsg_len)..) {
            Some(next) => rest = next,
            None => break,
        }
    }
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds one control message the way the kernel lays it out.
    fn cmsg(level: i32, kind: i32, data: &[u8]) -> Vec<u8> {
        let header_len = mem::size_of::<libc::cmsghdr>();
        let cmsg_len = cmsg_align(header_len) + data.len();
        // SAFETY: all-zero bytes are a valid cmsghdr.
        let mut header: libc::cmsghdr = unsafe { mem::zeroed() };
        header.cmsg_len = cmsg_len as _;
        header.cmsg_level = level;
        header.cmsg_type = kind;
        // SAFETY: reading the bytes of a plain old data struct we own.
        let header_bytes = unsafe {
            std::slice::from_raw_parts((&header as *const libc::cmsghdr).cast::<u8>(), header_len)
        };
        let mut out = header_bytes.to_vec();
        out.resize(cmsg_align(header_len), 0);
        out.extend_from_slice(data);
        out.resize(cmsg_align(cmsg_len), 0);
        out
    }

    #[test]
    fn pktinfo_and_nsid_are_decoded() {
        let mut bytes = cmsg(
            constants::SOL_NETLINK,
            constants::NETLINK_PKTINFO,
            &33u32.to_ne_bytes(),
        );
        bytes.extend(cmsg(
            constants::SOL_NETLINK,
            constants::NETLINK_LISTEN_ALL_NSID,
            &7i32.to_ne_bytes(),
        ));
        let info = parse_control_messages(&bytes);
        assert_eq!(info.group, Some(33));
        assert_eq!(info.nsid, Some(7));
    }

    #[test]
    fn group_zero_is_unicast_and_reported_as_none() {
        let bytes = cmsg(
            constants::SOL_NETLINK,
            constants::NETLINK_PKTINFO,
            &0u32.to_ne_bytes(),
        );
        assert_eq!(parse_control_messages(&bytes).group, None);
    }

    #[test]
    fn negative_nsid_is_kept() {
        let bytes = cmsg(
            constants::SOL_NETLINK,
            constants::NETLINK_LISTEN_ALL_NSID,
            &(-1i32).to_ne_bytes(),
        );
        assert_eq!(parse_control_messages(&bytes).nsid, Some(-1));
    }

    #[test]
    fn other_levels_are_ignored() {
        let bytes = cmsg(
            libc::SOL_SOCKET,
            constants::NETLINK_PKTINFO,
            &5u32.to_ne_bytes(),
        );
        assert_eq!(parse_control_messages(&bytes), ControlInfo::default());
    }

    #[test]
    fn malformed_control_areas_never_panic() {
        let good = cmsg(
            constants::SOL_NETLINK,
            constants::NETLINK_PKTINFO,
            &9u32.to_ne_bytes(),
        );
        // Every prefix: cut inside the header or the data gives nothing, a
        // prefix holding the whole message (padding may be missing) gives it.
        let message_len = cmsg_align(mem::size_of::<libc::cmsghdr>()) + 4;
        for end in 0..=good.len() {
            let expected = if end >= message_len { Some(9) } else { None };
            assert_eq!(
                parse_control_messages(&good[..end]).group,
                expected,
                "prefix {end}"
            );
        }
        // A length field pointing past the end, and one shorter than a header.
        let len_field = mem::size_of::<usize>();
        let mut too_long = good.clone();
        too_long[..len_field].copy_from_slice(&usize::MAX.to_ne_bytes());
        assert_eq!(parse_control_messages(&too_long), ControlInfo::default());
        let mut too_short = good.clone();
        too_short[..len_field].copy_from_slice(&1usize.to_ne_bytes());
        assert_eq!(parse_control_messages(&too_short), ControlInfo::default());
        // Short data (2 bytes instead of 4): no value, no panic.
        let short = cmsg(constants::SOL_NETLINK, constants::NETLINK_PKTINFO, &[1, 2]);
        assert_eq!(parse_control_messages(&short).group, None);
        // Arbitrary garbage.
        for seed in 0u32..256 {
            let garbage: Vec<u8> = (0..64u32)
                .map(|i| (i.wrapping_mul(2654435761).wrapping_add(seed * 97) >> 13) as u8)
                .collect();
            let _ = parse_control_messages(&garbage);
        }
    }

    #[test]
    fn truncated_compares_lengths() {
        let mut received = Received {
            len: 10,
            datagram_len: 10,
            source: SocketAddr::KERNEL,
            group: None,
            nsid: None,
        };
        assert!(!received.truncated());
        received.datagram_len = 11;
        assert!(received.truncated());
    }
}
