//! Socket option level and names of `<linux/netlink.h>` (kernel ABI, stable).
//! Kept here rather than taken from `libc` so that every option is available
//! whatever the `libc` version.

use libc::c_int;

/// Socket option level of the netlink options.
pub(crate) const SOL_NETLINK: c_int = 270;
pub(crate) const NETLINK_ADD_MEMBERSHIP: c_int = 1;
pub(crate) const NETLINK_DROP_MEMBERSHIP: c_int = 2;
pub(crate) const NETLINK_PKTINFO: c_int = 3;
pub(crate) const NETLINK_BROADCAST_ERROR: c_int = 4;
pub(crate) const NETLINK_NO_ENOBUFS: c_int = 5;
pub(crate) const NETLINK_LISTEN_ALL_NSID: c_int = 8;
pub(crate) const NETLINK_LIST_MEMBERSHIPS: c_int = 9;
pub(crate) const NETLINK_CAP_ACK: c_int = 10;
pub(crate) const NETLINK_EXT_ACK: c_int = 11;
pub(crate) const NETLINK_GET_STRICT_CHK: c_int = 12;
