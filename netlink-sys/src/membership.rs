//! Multicast group membership by group number (`NETLINK_ADD_MEMBERSHIP`,
//! `NETLINK_DROP_MEMBERSHIP`, `NETLINK_LIST_MEMBERSHIPS`).

use std::{io, mem, os::fd::AsRawFd};

use libc::c_int;

use crate::{constants, options::set_int, socket::cvt, Socket};

/// Group numbers from the `NETLINK_LIST_MEMBERSHIPS` bitmask: bit `i` of
/// word `w` is group `32 * w + i + 1`.
pub(crate) fn groups_from_bitmask(words: &[u32]) -> Vec<u32> {
    let mut groups = Vec::new();
    for (word_index, word) in (0u32..).zip(words) {
        for bit in 0..32 {
            if word & (1 << bit) != 0 {
                groups.push(word_index * 32 + bit + 1);
            }
        }
    }
    groups
}

fn group_as_int(group: u32) -> io::Result<c_int> {
    c_int::try_from(group).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("multicast group {group} does not fit a C int"),
        )
    })
}

/// Multicast group membership.
impl Socket {
    /// Joins multicast group `group` (a number such as `RTNLGRP_LINK` = 1,
    /// any number the protocol has, including those above 32 that the
    /// legacy bind bitmask cannot express). Joining most groups needs no
    /// privilege for route sockets; `EINVAL` means the group does not exist.
    ///
    /// The socket must be bound ([`bind_auto`](Self::bind_auto) or
    /// [`bind`](Self::bind)) to receive anything: the kernel does not
    /// deliver multicast messages to an unbound socket (port id 0), and
    /// joining a group does not bind it.
    pub fn add_membership(&self, group: u32) -> io::Result<()> {
        set_int(
            self,
            constants::SOL_NETLINK,
            constants::NETLINK_ADD_MEMBERSHIP,
            group_as_int(group)?,
        )
    }

    /// Leaves multicast group `group`.
    pub fn drop_membership(&self, group: u32) -> io::Result<()> {
        set_int(
            self,
            constants::SOL_NETLINK,
            constants::NETLINK_DROP_MEMBERSHIP,
            group_as_int(group)?,
        )
    }

    /// The multicast groups the socket is a member of, in increasing order
    /// (groups joined with [`add_membership`](Self::add_membership) and with
    /// the legacy bind bitmask alike).
    pub fn list_memberships(&self) -> io::Result<Vec<u32>> {
        // The kernel answers with the length it needs (one bit per group of
        // the protocol, rounded to u32 words) and copies what fits: grow and
        // ask again until everything fits.
        let mut words: Vec<u32> = vec![0; 4];
        loop {
            let offered = words.len() * mem::size_of::<u32>();
            let mut len = libc::socklen_t::try_from(offered).map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("membership bitmask of {offered} bytes is too large"),
                )
            })?;
            // SAFETY: `words` has room for `len` bytes; the kernel writes at
            // most `len` bytes and reports the size it needs in `len`.
            cvt(unsafe {
                libc::getsockopt(
                    self.as_raw_fd(),
                    constants::SOL_NETLINK,
                    constants::NETLINK_LIST_MEMBERSHIPS,
                    words.as_mut_ptr().cast(),
                    &mut len,
                )
            })?;
            let needed = len as usize;
            if needed <= offered {
                let used = needed.div_ceil(mem::size_of::<u32>());
                return Ok(groups_from_bitmask(words.get(..used).unwrap_or(&words)));
            }
            // Protocols have at most a few thousand groups: bound the growth
            // so that a surprising answer cannot ask for a huge allocation.
            const MAX_BITMASK_BYTES: usize = 1 << 20;
            if needed > MAX_BITMASK_BYTES {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "kernel asks for a {needed}-byte membership bitmask, more than \
                         the {MAX_BITMASK_BYTES} bytes this crate accepts"
                    ),
                ));
            }
            words = vec![0; needed.div_ceil(mem::size_of::<u32>())];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitmask_bits_map_to_one_based_group_numbers() {
        assert_eq!(groups_from_bitmask(&[]), Vec::<u32>::new());
        assert_eq!(groups_from_bitmask(&[0b1]), vec![1]);
        assert_eq!(groups_from_bitmask(&[0x8000_0001, 0b10]), vec![1, 32, 34]);
        assert_eq!(groups_from_bitmask(&[0, 0, 1]), vec![65]);
    }

    #[test]
    fn groups_beyond_c_int_are_refused() {
        let err = group_as_int(u32::MAX).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("multicast group"), "{err}");
    }
}
