//! Kernel tests of the synchronous socket, each in a fresh private network
//! namespace (see netlink-test-support).

mod common;

use std::{
    io,
    os::fd::{AsFd, AsRawFd, FromRawFd, IntoRawFd, OwnedFd},
};

use common::*;
use netlink_sys::{
    protocols::{
        NETLINK_AUDIT, NETLINK_GENERIC, NETLINK_ROUTE, NETLINK_SOCK_DIAG, NETLINK_USERSOCK,
        NETLINK_XFRM,
    },
    NetnsRef, Socket, SocketAddr,
};
use netlink_test_support::{ip, is_namespace_child, run_in_netns, skip, unique_name};

#[test]
fn bind_auto_gives_distinct_port_ids() {
    run_in_netns("bind_auto_gives_distinct_port_ids", || {
        let mut first = Socket::new(NETLINK_ROUTE).unwrap();
        let mut second = Socket::new(NETLINK_ROUTE).unwrap();
        assert_eq!(first.local_addr().unwrap().port_number(), 0, "unbound");
        let first_addr = first.bind_auto().unwrap();
        let second_addr = second.bind_auto().unwrap();
        assert_ne!(first_addr.port_number(), 0);
        assert_ne!(second_addr.port_number(), 0);
        assert_ne!(first_addr.port_number(), second_addr.port_number());
        assert_eq!(first.local_addr().unwrap(), first_addr);
        assert_eq!(first_addr.multicast_groups(), 0);
    });
}

#[test]
fn bind_to_a_chosen_port_and_conflicts() {
    run_in_netns("bind_to_a_chosen_port_and_conflicts", || {
        let wanted = SocketAddr::new(0x1234_5678, 0);
        let mut first = Socket::new(NETLINK_USERSOCK).unwrap();
        first.bind(&wanted).unwrap();
        assert_eq!(first.local_addr().unwrap(), wanted);
        let mut second = Socket::new(NETLINK_USERSOCK).unwrap();
        let err = second.bind(&wanted).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EADDRINUSE), "{err}");
    });
}

#[test]
fn protocols_are_reported_and_bad_ones_refused() {
    run_in_netns("protocols_are_reported_and_bad_ones_refused", || {
        for protocol in [
            NETLINK_ROUTE,
            NETLINK_USERSOCK,
            NETLINK_SOCK_DIAG,
            NETLINK_XFRM,
            NETLINK_AUDIT,
            NETLINK_GENERIC,
        ] {
            let socket = Socket::new(protocol).unwrap_or_else(|e| panic!("{protocol}: {e}"));
            assert_eq!(socket.protocol().unwrap(), protocol);
        }
        let err = Socket::new(31).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EPROTONOSUPPORT), "{err}");
        let err = Socket::new(isize::MAX).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    });
}

#[test]
fn dump_links_with_a_hand_made_request() {
    run_in_netns("dump_links_with_a_hand_made_request", || {
        let name = unique_name("sysd");
        ip(&["link", "add", &name, "type", "veth"]);
        let mut socket = Socket::new(NETLINK_ROUTE).unwrap();
        let local = socket.bind_auto().unwrap();
        socket
            .send_to(&getlink_dump_request(7, 0), &SocketAddr::KERNEL, 0)
            .unwrap();
        let replies = collect_dump(&socket, 7);
        assert_eq!(replies.last().unwrap().kind, NLMSG_DONE);
        let links: Vec<String> = replies
            .iter()
            .filter(|m| m.kind == RTM_NEWLINK)
            .map(|m| {
                assert_eq!(m.port, local.port_number(), "reply addressed to us");
                assert_ne!(m.flags & NLM_F_MULTI, 0, "dump replies are multipart");
                link_name(m).unwrap()
            })
            .collect();
        assert_eq!(links.len(), 3, "lo and the veth pair: {links:?}");
        assert!(links.contains(&"lo".to_owned()), "{links:?}");
        assert!(links.contains(&name), "{links:?}");
    });
}

#[test]
fn recv_datagram_grows_an_empty_buffer() {
    run_in_netns("recv_datagram_grows_an_empty_buffer", || {
        // Kernel replies: a dump datagram is much larger than 0 bytes.
        let socket = Socket::new(NETLINK_ROUTE).unwrap();
        socket.send(&getlink_dump_request(1, 0), 0).unwrap();
        let mut buffer = Vec::new();
        let received = recv_datagram(&socket, &mut buffer);
        assert!(received.len > 16, "{received:?}");
        assert_eq!(received.len, received.datagram_len);
        assert!(!received.truncated());
        assert_eq!(buffer.len(), received.len);
        let first = &messages(&buffer)[0];
        assert_eq!(first.kind, RTM_NEWLINK);

        // A 100 KB user-to-user datagram into a small buffer with capacity.
        let mut receiver = Socket::new(NETLINK_USERSOCK).unwrap();
        let to = receiver.bind_auto().unwrap();
        let sender = Socket::new(NETLINK_USERSOCK).unwrap();
        let payload: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(sender.send_to(&payload, &to, 0).unwrap(), payload.len());
        let mut small = Vec::with_capacity(16);
        small.extend_from_slice(b"stale bytes");
        let received = recv_datagram(&receiver, &mut small);
        assert_eq!(received.len, payload.len());
        assert_eq!(received.datagram_len, payload.len());
        assert_eq!(small, payload, "whole datagram, stale bytes replaced");
        assert_eq!(received.source, sender.local_addr().unwrap());
        assert_ne!(received.source.port_number(), 0, "sender was auto-bound");
    });
}

#[test]
fn truncation_is_reported_not_hidden() {
    run_in_netns("truncation_is_reported_not_hidden", || {
        let mut receiver = Socket::new(NETLINK_USERSOCK).unwrap();
        let to = receiver.bind_auto().unwrap();
        receiver.set_non_blocking(true).unwrap();
        let sender = Socket::new(NETLINK_USERSOCK).unwrap();
        let payload: Vec<u8> = (0..5000u32).map(|i| (i % 253) as u8).collect();
        sender.send_to(&payload, &to, 0).unwrap();
        sender.send_to(b"second", &to, 0).unwrap();

        assert_eq!(receiver.peek_datagram_len().unwrap(), 5000);
        let mut small = [0u8; 64];
        let received = receiver.recv_from_truncating(&mut small, 0).unwrap();
        assert_eq!(received.len, 64);
        assert_eq!(received.datagram_len, 5000);
        assert!(received.truncated());
        assert_eq!(&small[..], &payload[..64]);

        // The truncated datagram is gone; the next one is intact.
        let received = receiver.recv_from_truncating(&mut small, 0).unwrap();
        assert_eq!((received.len, received.datagram_len), (6, 6));
        assert!(!received.truncated());
        assert_eq!(&small[..6], b"second");

        // Plain recv with MSG_TRUNC returns the real length too.
        sender.send_to(&payload, &to, 0).unwrap();
        assert_eq!(receiver.recv(&mut small, libc::MSG_TRUNC).unwrap(), 5000);
        let err = receiver.recv(&mut small, 0).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
    });
}

#[test]
fn send_recv_from_connect_and_non_blocking() {
    run_in_netns("send_recv_from_connect_and_non_blocking", || {
        let mut a = Socket::new(NETLINK_USERSOCK).unwrap();
        let mut b = Socket::new(NETLINK_USERSOCK).unwrap();
        let mut c = Socket::new(NETLINK_USERSOCK).unwrap();
        let (a_addr, b_addr, c_addr) = (
            a.bind_auto().unwrap(),
            b.bind_auto().unwrap(),
            c.bind_auto().unwrap(),
        );

        assert!(!a.is_non_blocking().unwrap());
        a.set_non_blocking(true).unwrap();
        assert!(a.is_non_blocking().unwrap());
        let mut buffer = [0u8; 32];
        let err = a.recv_from(&mut buffer, 0).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
        let err = a.recv_datagram(&mut Vec::new()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::WouldBlock);

        // Connected to b: `send` goes to b, and only b may send to a.
        a.connect(&b_addr).unwrap();
        b.connect(&a_addr).unwrap();
        assert_eq!(a.send(b"ping", 0).unwrap(), 4);
        wait_readable(&b);
        let (len, from) = b.recv_from(&mut buffer, 0).unwrap();
        assert_eq!((&buffer[..len], from), (&b"ping"[..], a_addr));
        b.send(b"pong", 0).unwrap();
        wait_readable(&a);
        let (len, from) = a.recv_from(&mut buffer, 0).unwrap();
        assert_eq!((&buffer[..len], from), (&b"pong"[..], b_addr));
        let err = c.send_to(b"intruder", &a_addr, 0).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::ECONNREFUSED), "{err}");

        a.set_non_blocking(false).unwrap();
        assert!(!a.is_non_blocking().unwrap());
        let _ = c_addr;
    });
}

#[test]
fn raw_fd_conversions_keep_the_socket() {
    run_in_netns("raw_fd_conversions_keep_the_socket", || {
        let mut socket = Socket::new(NETLINK_ROUTE).unwrap();
        let addr = socket.bind_auto().unwrap();
        assert_eq!(socket.as_fd().as_raw_fd(), socket.as_raw_fd());
        let raw = socket.into_raw_fd();
        // SAFETY: `raw` was just released by into_raw_fd and is owned by nobody.
        let socket = unsafe { Socket::from_raw_fd(raw) };
        assert_eq!(socket.local_addr().unwrap(), addr);
        let owned: OwnedFd = socket.into();
        let socket = Socket::from(owned);
        assert_eq!(socket.local_addr().unwrap(), addr);
        assert_eq!(dump_link_names(&socket, 3), ["lo"]);
    });
}

#[test]
fn memberships_add_list_drop() {
    run_in_netns("memberships_add_list_drop", || {
        let mut socket = Socket::new(NETLINK_ROUTE).unwrap();
        // Legacy bitmask: group 3 (RTNLGRP_NEIGH) through bind.
        socket.bind(&SocketAddr::new(0, 1 << 2)).unwrap();
        assert_eq!(socket.list_memberships().unwrap(), [3]);
        socket.add_membership(RTNLGRP_LINK).unwrap();
        socket.add_membership(RTNLGRP_BRVLAN).unwrap(); // above 32
        assert_eq!(socket.list_memberships().unwrap(), [1, 3, 33]);
        socket.drop_membership(RTNLGRP_LINK).unwrap();
        socket.drop_membership(3).unwrap();
        assert_eq!(socket.list_memberships().unwrap(), [33]);
        let err = socket.add_membership(100_000).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EINVAL), "{err}");
    });
}

#[test]
fn every_option_round_trips() {
    run_in_netns("every_option_round_trips", || {
        let socket = Socket::new(NETLINK_ROUTE).unwrap();
        type Set = fn(&Socket, bool) -> io::Result<()>;
        type Get = fn(&Socket) -> io::Result<bool>;
        let flags: [(&str, Set, Get); 7] = [
            ("ext_ack", Socket::set_ext_ack, Socket::get_ext_ack),
            (
                "strict_checking",
                Socket::set_strict_checking,
                Socket::get_strict_checking,
            ),
            ("cap_ack", Socket::set_cap_ack, Socket::get_cap_ack),
            ("no_enobufs", Socket::set_no_enobufs, Socket::get_no_enobufs),
            ("pktinfo", Socket::set_pktinfo, Socket::get_pktinfo),
            (
                "listen_all_nsid",
                Socket::set_listen_all_nsid,
                Socket::get_listen_all_nsid,
            ),
            (
                "broadcast_error",
                Socket::set_broadcast_error,
                Socket::get_broadcast_error,
            ),
        ];
        for (name, set, get) in flags {
            assert!(!get(&socket).unwrap(), "{name} is off on a new socket");
            set(&socket, true).unwrap();
            assert!(get(&socket).unwrap(), "{name} on");
            for (other, _, other_get) in flags {
                if other != name {
                    assert!(!other_get(&socket).unwrap(), "{other} moved with {name}");
                }
            }
            set(&socket, false).unwrap();
            assert!(!get(&socket).unwrap(), "{name} off again");
        }

        // Buffer sizes: the kernel doubles the request (below the caps).
        socket.set_rx_buf_size(32 * 1024).unwrap();
        assert_eq!(socket.get_rx_buf_size().unwrap(), 64 * 1024);
        socket.set_tx_buf_size(48 * 1024).unwrap();
        assert_eq!(socket.get_tx_buf_size().unwrap(), 96 * 1024);
        let err = socket.set_rx_buf_size(usize::MAX).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    });
}

#[test]
fn options_change_what_the_kernel_sends() {
    run_in_netns("options_change_what_the_kernel_sends", || {
        let socket = Socket::new(NETLINK_ROUTE).unwrap();
        // Without strict checking, bogus header fields of a dump are ignored.
        socket.send(&getlink_dump_request(1, 1), 0).unwrap();
        let done = collect_dump(&socket, 1).pop().unwrap();
        assert_eq!((done.kind, error_code(&done)), (NLMSG_DONE, 0));

        // Strict checking refuses them, and extended ack explains why: the
        // dump ends with a done message carrying the error and its text.
        socket.set_strict_checking(true).unwrap();
        socket.set_ext_ack(true).unwrap();
        socket.send(&getlink_dump_request(2, 1), 0).unwrap();
        let done = collect_dump(&socket, 2).pop().unwrap();
        assert_eq!((done.kind, error_code(&done)), (NLMSG_DONE, -libc::EINVAL));
        assert_ne!(done.flags & NLM_F_ACK_TLVS, 0, "extended ack attributes");
        let text = extended_ack_text(&done.payload[4..]);
        assert!(text.contains("Invalid values in header"), "{text}");

        // An error message echoes the whole request, or only its header
        // with cap ack.
        let request = getlink_request_for_index(3, 0x7fff_fff0);
        socket.send(&request, 0).unwrap();
        let error = collect_dump(&socket, 3).pop().unwrap();
        assert_eq!(
            (error.kind, error_code(&error)),
            (NLMSG_ERROR, -libc::ENODEV)
        );
        assert_eq!(error.flags & NLM_F_CAPPED, 0);
        assert_eq!(&error.payload[4..36], &request[..]);

        socket.set_cap_ack(true).unwrap();
        let request = getlink_request_for_index(4, 0x7fff_fff0);
        socket.send(&request, 0).unwrap();
        let error = collect_dump(&socket, 4).pop().unwrap();
        assert_eq!(
            (error.kind, error_code(&error)),
            (NLMSG_ERROR, -libc::ENODEV)
        );
        assert_ne!(error.flags & NLM_F_CAPPED, 0, "capped ack");
        assert_eq!(&error.payload[4..20], &request[..16], "header only");
        if error.flags & NLM_F_ACK_TLVS == 0 {
            assert_eq!(error.payload.len(), 20, "nothing after the header");
        }
    });
}

fn read_sysctl(path: &str) -> usize {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn force_rx_buf_size_exceeds_rmem_max_when_privileged() {
    run_in_netns("force_rx_buf_size_exceeds_rmem_max_when_privileged", || {
        let rmem_max = read_sysctl("/proc/sys/net/core/rmem_max");
        let wanted = rmem_max + 1024 * 1024;
        let socket = Socket::new(NETLINK_ROUTE).unwrap();
        let effective = socket.force_rx_buf_size(wanted).unwrap();
        assert_eq!(effective, socket.get_rx_buf_size().unwrap());
        if is_namespace_child() {
            // Root of a user namespace lacks CAP_NET_ADMIN of the initial
            // one: the fallback caps the size.
            assert_eq!(effective, 2 * rmem_max);
        } else {
            assert_eq!(effective, 2 * wanted, "forced past rmem_max {rmem_max}");
        }
    });
}

/// Drops `CAP_NET_ADMIN` from the calling thread's effective set (capability
/// sets are per thread).
fn drop_net_admin_on_this_thread() {
    const CAP_NET_ADMIN: u32 = 12;
    const LINUX_CAPABILITY_VERSION_3: u32 = 0x2008_0522;
    #[repr(C)]
    struct Header {
        version: u32,
        pid: libc::c_int,
    }
    #[repr(C)]
    #[derive(Clone, Copy, Default)]
    struct Data {
        effective: u32,
        permitted: u32,
        inheritable: u32,
    }
    let mut header = Header {
        version: LINUX_CAPABILITY_VERSION_3,
        pid: 0,
    };
    let mut data = [Data::default(); 2];
    // SAFETY: capget/capset with a valid header and two data structs (v3).
    unsafe {
        assert_eq!(
            libc::syscall(libc::SYS_capget, &mut header, data.as_mut_ptr()),
            0,
            "capget: {}",
            io::Error::last_os_error()
        );
        data[0].effective &= !(1 << CAP_NET_ADMIN);
        assert_eq!(
            libc::syscall(libc::SYS_capset, &mut header, data.as_ptr()),
            0,
            "capset: {}",
            io::Error::last_os_error()
        );
    }
}

#[test]
fn force_rx_buf_size_falls_back_without_privilege() {
    run_in_netns("force_rx_buf_size_falls_back_without_privilege", || {
        let rmem_max = read_sysctl("/proc/sys/net/core/rmem_max");
        // A thread of this namespace without CAP_NET_ADMIN.
        let (effective, reported) = std::thread::spawn(move || {
            drop_net_admin_on_this_thread();
            let socket = Socket::new(NETLINK_ROUTE).unwrap();
            let effective = socket.force_rx_buf_size(rmem_max * 4).unwrap();
            (effective, socket.get_rx_buf_size().unwrap())
        })
        .join()
        .unwrap();
        assert_eq!(effective, reported);
        assert_eq!(effective, 2 * rmem_max, "capped by rmem_max {rmem_max}");
    });
}

#[test]
fn pktinfo_reports_the_group_of_notifications() {
    run_in_netns("pktinfo_reports_the_group_of_notifications", || {
        let mut socket = Socket::new(NETLINK_ROUTE).unwrap();
        socket.bind_auto().unwrap();
        socket.add_membership(RTNLGRP_LINK).unwrap();
        socket.set_pktinfo(true).unwrap();
        let name = unique_name("syspk");
        ip(&["link", "add", &name, "type", "veth"]);
        let mut buffer = Vec::new();
        let received = recv_datagram(&socket, &mut buffer);
        assert!(received.source.is_kernel());
        assert_eq!(received.group, Some(RTNLGRP_LINK));
        assert_eq!(received.source.multicast_groups(), 1 << (RTNLGRP_LINK - 1));
        assert_eq!(received.nsid, None, "LISTEN_ALL_NSID is off");
        let message = &messages(&buffer)[0];
        assert_eq!(message.kind, RTM_NEWLINK);

        // Without pktinfo, no group is reported.
        socket.set_pktinfo(false).unwrap();
        ip(&["link", "set", &name, "up"]);
        let received = recv_datagram(&socket, &mut buffer);
        assert_eq!(received.group, None);
        assert_eq!(received.source.multicast_groups(), 1);
    });
}

#[test]
fn pktinfo_reports_groups_above_32() {
    run_in_netns("pktinfo_reports_groups_above_32", || {
        // Bringing a device up joins 224.0.0.1 on it, announced with
        // RTM_NEWMULTICAST to RTNLGRP_IPV4_MCADDR (37) since Linux 6.13.
        let mut socket = Socket::new(NETLINK_ROUTE).unwrap();
        socket.bind_auto().unwrap();
        if let Err(err) = socket.add_membership(RTNLGRP_IPV4_MCADDR) {
            skip(&format!(
                "kernel lacks RTNLGRP_IPV4_MCADDR (Linux < 6.13?): {err}"
            ));
            return;
        }
        socket.set_pktinfo(true).unwrap();
        let name = unique_name("sysmc");
        let peer = unique_name("sysmp");
        ip(&["link", "add", &name, "type", "veth", "peer", "name", &peer]);
        ip(&["link", "set", &name, "up"]);
        let mut buffer = Vec::new();
        let received = recv_datagram(&socket, &mut buffer);
        assert_eq!(received.group, Some(RTNLGRP_IPV4_MCADDR));
        // The legacy bitmask cannot express a group above 32.
        assert_eq!(received.source.multicast_groups(), 0);
        assert!(received.source.is_kernel());
        assert_eq!(messages(&buffer)[0].kind, RTM_NEWMULTICAST);
    });
}

#[test]
fn listen_all_nsid_tags_messages_of_other_namespaces() {
    run_in_netns("listen_all_nsid_tags_messages_of_other_namespaces", || {
        let peer = match NamedNetns::create("sysid") {
            Ok(peer) => peer,
            Err(reason) => {
                skip(&format!("cannot create a named namespace: {reason}"));
                return;
            }
        };
        // Give the peer namespace the id 42 in this (the test's) namespace.
        ip(&["netns", "set", &peer.name, "42"]);
        let mut socket = Socket::new(NETLINK_ROUTE).unwrap();
        socket.bind_auto().unwrap();
        socket.add_membership(RTNLGRP_LINK).unwrap();
        socket.set_listen_all_nsid(true).unwrap();
        let name = unique_name("sysns");
        peer.ip(&["link", "add", &name, "type", "veth"]);
        let mut buffer = Vec::new();
        let received = recv_datagram(&socket, &mut buffer);
        assert_eq!(received.nsid, Some(42), "{received:?}");
        let message = &messages(&buffer)[0];
        assert_eq!(message.kind, RTM_NEWLINK);
        let link = link_name(message).unwrap();
        assert!(link == name || link.starts_with("veth"), "{link}");
        // The link is not in this namespace.
        assert!(netlink_test_support::try_ip(&["link", "show", "dev", &name]).is_err());
    });
}

#[test]
fn new_in_namespace_by_name_path_and_fd() {
    run_in_netns("new_in_namespace_by_name_path_and_fd", || {
        let target = match NamedNetns::create("sysnew") {
            Ok(target) => target,
            Err(reason) => {
                skip(&format!("cannot create a named namespace: {reason}"));
                return;
            }
        };
        let name = unique_name("sysin");
        let peer = unique_name("sysip");
        target.ip(&["link", "add", &name, "type", "veth", "peer", "name", &peer]);
        let own_namespace = thread_netns_inode();
        let path = format!("/run/netns/{}", target.name);
        let file = std::fs::File::open(&path).unwrap();

        for ns in [
            NetnsRef::name(target.name.clone()),
            NetnsRef::path(&path),
            NetnsRef::Fd(file.as_raw_fd()),
        ] {
            let socket = Socket::new_in_namespace(NETLINK_ROUTE, &ns).unwrap();
            assert_eq!(thread_netns_inode(), own_namespace, "{ns}: thread moved");
            let mut links = dump_link_names(&socket, 1);
            links.sort();
            let mut expected = vec!["lo".to_owned(), name.clone(), peer.clone()];
            expected.sort();
            assert_eq!(links, expected, "{ns}");
        }
        // The descriptor was only borrowed.
        assert!(file.metadata().is_ok());
        // A socket made on this thread sees this namespace, without the links.
        let here = Socket::new(NETLINK_ROUTE).unwrap();
        assert_eq!(dump_link_names(&here, 2), ["lo"]);
    });
}

/// A thread parked in a namespace of its own, with a veth pair in it, so
/// that its namespace can be reached through `/proc` (no mount needed, so
/// this also works without root in a user namespace).
struct ParkedNamespace {
    tid: libc::pid_t,
    release: std::sync::mpsc::Sender<()>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl ParkedNamespace {
    fn start(link: &str, peer: &str) -> Self {
        let (link, peer) = (link.to_owned(), peer.to_owned());
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (release, release_rx) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            // SAFETY: unshare only changes this thread's namespaces.
            let unshared = unsafe { libc::unshare(libc::CLONE_NEWNET) };
            assert_eq!(unshared, 0, "unshare: {}", io::Error::last_os_error());
            ip(&["link", "add", &link, "type", "veth", "peer", "name", &peer]);
            // SAFETY: gettid cannot fail.
            ready_tx.send(unsafe { libc::gettid() }).unwrap();
            let _ = release_rx.recv();
        });
        let tid = ready_rx.recv().expect("the parked thread failed");
        ParkedNamespace {
            tid,
            release,
            thread: Some(thread),
        }
    }

    fn path(&self) -> String {
        format!("/proc/self/task/{}/ns/net", self.tid)
    }
}

impl Drop for ParkedNamespace {
    fn drop(&mut self) {
        let _ = self.release.send(());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[test]
fn new_in_namespace_of_another_thread_by_path_and_fd() {
    run_in_netns("new_in_namespace_of_another_thread_by_path_and_fd", || {
        let (link, peer) = (unique_name("systh"), unique_name("systp"));
        let parked = ParkedNamespace::start(&link, &peer);
        let own_namespace = thread_netns_inode();
        let file = std::fs::File::open(parked.path()).unwrap();
        let mut expected = vec!["lo".to_owned(), link.clone(), peer.clone()];
        expected.sort();
        for ns in [
            NetnsRef::path(parked.path()),
            NetnsRef::Fd(file.as_raw_fd()),
        ] {
            let socket = Socket::new_in_namespace(NETLINK_ROUTE, &ns).unwrap();
            assert_eq!(thread_netns_inode(), own_namespace, "{ns}: thread moved");
            let mut links = dump_link_names(&socket, 1);
            links.sort();
            assert_eq!(links, expected, "{ns}");
        }
        let here = Socket::new(NETLINK_ROUTE).unwrap();
        assert_eq!(dump_link_names(&here, 2), ["lo"]);
    });
}

#[test]
fn new_in_namespace_errors_name_the_namespace() {
    run_in_netns("new_in_namespace_errors_name_the_namespace", || {
        let missing = unique_name("sysmiss");
        let err = Socket::new_in_namespace(NETLINK_ROUTE, &NetnsRef::name(&missing)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(err.to_string().contains(&missing), "{err}");
        let err = Socket::new_in_namespace(NETLINK_ROUTE, &NetnsRef::Fd(-1)).unwrap_err();
        assert!(err.to_string().contains("descriptor -1"), "{err}");
        let err = Socket::new_in_namespace(NETLINK_ROUTE, &NetnsRef::name("../etc")).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    });
}
