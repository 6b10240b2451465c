//! The netlink socket address, `struct sockaddr_nl`.

use std::{fmt, mem};

/// A netlink socket address: a port id and a legacy multicast group bitmask
/// (`struct sockaddr_nl`).
///
/// - The **port id** (`nl_pid`) identifies a socket; `0` is the kernel. When
///   binding, `0` asks the kernel to choose a unique port id (see
///   [`Socket::bind_auto`](crate::Socket::bind_auto)).
/// - The **multicast groups** (`nl_groups`) field is the legacy bitmask of the
///   groups 1 to 32 (bit `n - 1` for group `n`). To join any group, including
///   groups above 32, use [`Socket::add_membership`](crate::Socket::add_membership).
///   In a received message's source address it is the bitmask of the group the
///   message was sent to (0 for unicast).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SocketAddr {
    port_number: u32,
    multicast_groups: u32,
}

impl SocketAddr {
    /// The address of the kernel: port id 0, no group.
    pub const KERNEL: SocketAddr = SocketAddr::new(0, 0);

    /// An address from a port id and a legacy multicast groups bitmask.
    pub const fn new(port_number: u32, multicast_groups: u32) -> Self {
        SocketAddr {
            port_number,
            multicast_groups,
        }
    }

    /// The port id (`nl_pid`); 0 is the kernel.
    pub const fn port_number(&self) -> u32 {
        self.port_number
    }

    /// The legacy multicast groups bitmask (`nl_groups`).
    pub const fn multicast_groups(&self) -> u32 {
        self.multicast_groups
    }

    /// Whether this is the kernel's address (port id 0).
    pub const fn is_kernel(&self) -> bool {
        self.port_number == 0
    }

    /// The address as the C `struct sockaddr_nl`.
    pub fn to_raw(&self) -> libc::sockaddr_nl {
        // SAFETY: sockaddr_nl is plain old data (integers and padding), for
        // which all-zero bytes are a valid value.
        let mut raw: libc::sockaddr_nl = unsafe { mem::zeroed() };
        raw.nl_family = libc::AF_NETLINK as libc::sa_family_t;
        raw.nl_pid = self.port_number;
        raw.nl_groups = self.multicast_groups;
        raw
    }

    /// An address from the C `struct sockaddr_nl` (the family is not checked).
    pub fn from_raw(raw: &libc::sockaddr_nl) -> Self {
        SocketAddr::new(raw.nl_pid, raw.nl_groups)
    }

    /// Size of `struct sockaddr_nl`, as `socklen_t`.
    pub(crate) const RAW_LEN: libc::socklen_t =
        mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t;
}

impl fmt::Debug for SocketAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SocketAddr")
            .field("port_number", &self.port_number)
            .field(
                "multicast_groups",
                &format_args!("{:#x}", self.multicast_groups),
            )
            .finish()
    }
}

impl fmt::Display for SocketAddr {
    /// `port <id>` or `port <id>, groups <bitmask>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "port {}", self.port_number)?;
        if self.multicast_groups != 0 {
            write!(f, ", groups {:#x}", self.multicast_groups)?;
        }
        Ok(())
    }
}

impl From<libc::sockaddr_nl> for SocketAddr {
    fn from(raw: libc::sockaddr_nl) -> Self {
        SocketAddr::from_raw(&raw)
    }
}

impl From<SocketAddr> for libc::sockaddr_nl {
    fn from(addr: SocketAddr) -> Self {
        addr.to_raw()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn accessors_return_what_was_given() {
        let addr = SocketAddr::new(4242, 0b101);
        assert_eq!(addr.port_number(), 4242);
        assert_eq!(addr.multicast_groups(), 0b101);
        assert!(!addr.is_kernel());
        assert!(SocketAddr::KERNEL.is_kernel());
        assert_eq!(SocketAddr::default(), SocketAddr::KERNEL);
    }

    #[test]
    fn raw_conversion_round_trips_and_sets_the_family() {
        let addr = SocketAddr::new(0xdead_beef, 0x8000_0001);
        let raw = addr.to_raw();
        assert_eq!(i32::from(raw.nl_family), libc::AF_NETLINK);
        assert_eq!(raw.nl_pid, 0xdead_beef);
        assert_eq!(raw.nl_groups, 0x8000_0001);
        assert_eq!(SocketAddr::from(raw), addr);
        assert_eq!(libc::sockaddr_nl::from(addr).nl_pid, 0xdead_beef);
        assert_eq!(SocketAddr::RAW_LEN, 12);
    }

    #[test]
    fn equality_and_hash_use_both_fields() {
        let set: HashSet<SocketAddr> = [
            SocketAddr::new(1, 0),
            SocketAddr::new(1, 1),
            SocketAddr::new(1, 0),
        ]
        .into_iter()
        .collect();
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn display_and_debug_are_readable() {
        assert_eq!(SocketAddr::new(7, 0).to_string(), "port 7");
        assert_eq!(SocketAddr::new(7, 5).to_string(), "port 7, groups 0x5");
        assert_eq!(
            format!("{:?}", SocketAddr::new(7, 5)),
            "SocketAddr { port_number: 7, multicast_groups: 0x5 }"
        );
    }
}
