//! Netlink protocol (family) numbers, the third argument of
//! `socket(AF_NETLINK, SOCK_RAW, protocol)`.
//!
//! Values come from `<linux/netlink.h>`; they are part of the kernel ABI and
//! never change. Pass one of them to [`Socket::new`](crate::Socket::new).

/// Routing and device hooks: links, addresses, routes, neighbours, rules,
/// qdiscs, ... (rtnetlink, `man 7 rtnetlink`).
pub const NETLINK_ROUTE: isize = 0;
/// Unused protocol number (was `NETLINK_SKIP`).
pub const NETLINK_UNUSED: isize = 1;
/// Reserved for user mode socket protocols.
pub const NETLINK_USERSOCK: isize = 2;
/// Unused; was the IPv4 firewall packet transport (`ip_queue`), removed in Linux 3.5.
pub const NETLINK_FIREWALL: isize = 3;
/// Socket monitoring (`ss`): query sockets of every family (`man 7 sock_diag`).
pub const NETLINK_SOCK_DIAG: isize = 4;
/// Old name of [`NETLINK_SOCK_DIAG`], kept by the kernel headers.
pub const NETLINK_INET_DIAG: isize = NETLINK_SOCK_DIAG;
/// Netfilter/iptables ULOG (removed from the kernel in 3.17).
pub const NETLINK_NFLOG: isize = 5;
/// IPsec: transformation states and policies.
pub const NETLINK_XFRM: isize = 6;
/// SELinux event notifications.
pub const NETLINK_SELINUX: isize = 7;
/// Open-iSCSI.
pub const NETLINK_ISCSI: isize = 8;
/// Kernel audit subsystem.
pub const NETLINK_AUDIT: isize = 9;
/// FIB lookup from user space (`fib_trie` testing).
pub const NETLINK_FIB_LOOKUP: isize = 10;
/// Kernel connector (proc events, ...).
pub const NETLINK_CONNECTOR: isize = 11;
/// Netfilter subsystem: nftables, conntrack, queue, log, ...
pub const NETLINK_NETFILTER: isize = 12;
/// Unused; was the IPv6 firewall packet transport (`ip6_queue`).
pub const NETLINK_IP6_FW: isize = 13;
/// DECnet routing messages (DECnet support was removed in Linux 6.1).
pub const NETLINK_DNRTMSG: isize = 14;
/// Kernel messages to user space: uevents of the device model (udev).
pub const NETLINK_KOBJECT_UEVENT: isize = 15;
/// Generic netlink: dynamically registered families (nl80211, devlink,
/// ethtool, wireguard, ...).
pub const NETLINK_GENERIC: isize = 16;
/// SCSI transports.
pub const NETLINK_SCSITRANSPORT: isize = 18;
/// eCryptfs user space daemon communication.
pub const NETLINK_ECRYPTFS: isize = 19;
/// RDMA (InfiniBand and friends) configuration.
pub const NETLINK_RDMA: isize = 20;
/// Crypto layer: query and configure crypto algorithms.
pub const NETLINK_CRYPTO: isize = 21;
/// SMC (shared memory communications) monitoring.
pub const NETLINK_SMC: isize = 22;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocol_numbers_match_the_kernel_headers_and_libc() {
        assert_eq!(NETLINK_ROUTE, libc::NETLINK_ROUTE as isize);
        assert_eq!(NETLINK_USERSOCK, libc::NETLINK_USERSOCK as isize);
        assert_eq!(NETLINK_SOCK_DIAG, libc::NETLINK_SOCK_DIAG as isize);
        assert_eq!(NETLINK_NFLOG, libc::NETLINK_NFLOG as isize);
        assert_eq!(NETLINK_XFRM, libc::NETLINK_XFRM as isize);
        assert_eq!(NETLINK_SELINUX, libc::NETLINK_SELINUX as isize);
        assert_eq!(NETLINK_ISCSI, libc::NETLINK_ISCSI as isize);
        assert_eq!(NETLINK_AUDIT, libc::NETLINK_AUDIT as isize);
        assert_eq!(NETLINK_FIB_LOOKUP, libc::NETLINK_FIB_LOOKUP as isize);
        assert_eq!(NETLINK_CONNECTOR, libc::NETLINK_CONNECTOR as isize);
        assert_eq!(NETLINK_NETFILTER, libc::NETLINK_NETFILTER as isize);
        assert_eq!(NETLINK_IP6_FW, libc::NETLINK_IP6_FW as isize);
        assert_eq!(NETLINK_DNRTMSG, libc::NETLINK_DNRTMSG as isize);
        assert_eq!(
            NETLINK_KOBJECT_UEVENT,
            libc::NETLINK_KOBJECT_UEVENT as isize
        );
        assert_eq!(NETLINK_GENERIC, libc::NETLINK_GENERIC as isize);
        assert_eq!(NETLINK_SCSITRANSPORT, libc::NETLINK_SCSITRANSPORT as isize);
        assert_eq!(NETLINK_ECRYPTFS, libc::NETLINK_ECRYPTFS as isize);
        assert_eq!(NETLINK_RDMA, libc::NETLINK_RDMA as isize);
        assert_eq!(NETLINK_CRYPTO, libc::NETLINK_CRYPTO as isize);
        assert_eq!(NETLINK_SMC, 22);
        assert_eq!(NETLINK_INET_DIAG, NETLINK_SOCK_DIAG);
    }
}
