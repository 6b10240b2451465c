//! Kernel tests of the async sockets (tokio, smol) and of the mio source,
//! each in a fresh private network namespace.

mod common;

use std::{
    future::Future,
    pin::Pin,
    task::{Context, Poll},
};

use common::*;
use netlink_sys::{
    protocols::{NETLINK_ROUTE, NETLINK_USERSOCK},
    AsyncSocket, AsyncSocketExt, SmolSocket, Socket, SocketAddr, TokioSocket,
};
use netlink_test_support::{ip, run_in_netns, unique_name};

/// Sends a link dump request and collects the link names from the replies,
/// through any [`AsyncSocket`].
async fn async_dump_link_names<S: AsyncSocket>(socket: &mut S, sequence: u32) -> Vec<String> {
    let request = getlink_dump_request(sequence, 0);
    let sent = if sequence % 2 == 0 {
        socket.send(&request).await.unwrap()
    } else {
        socket.send_to(&request, &SocketAddr::KERNEL).await.unwrap()
    };
    assert_eq!(sent, request.len());
    let mut buffer = Vec::new();
    let mut names = Vec::new();
    loop {
        let received = socket.recv_datagram(&mut buffer).await.unwrap();
        assert!(received.source.is_kernel());
        assert_eq!(received.len, buffer.len());
        for message in messages(&buffer) {
            assert_eq!(message.sequence, sequence);
            match message.kind {
                NLMSG_DONE => return names,
                RTM_NEWLINK => names.push(link_name(&message).unwrap()),
                other => panic!("unexpected message type {other}"),
            }
        }
    }
}

/// Polls `future` until it completes or `timer` fires first.
struct Timeout<F> {
    future: Pin<Box<F>>,
    timer: async_io::Timer,
}

impl<F: Future> Future for Timeout<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        if let Poll::Ready(output) = self.future.as_mut().poll(cx) {
            return Poll::Ready(output);
        }
        if Pin::new(&mut self.timer).poll(cx).is_ready() {
            panic!("no answer after {TIMEOUT:?}");
        }
        Poll::Pending
    }
}

fn smol_block_on<F: Future>(future: F) -> F::Output {
    async_io::block_on(Timeout {
        future: Box::pin(future),
        timer: async_io::Timer::after(TIMEOUT),
    })
}

#[test]
fn tokio_socket_request_response() {
    run_in_netns("tokio_socket_request_response", || {
        let name = unique_name("systk");
        ip(&["link", "add", &name, "type", "veth"]);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let mut socket = TokioSocket::new(NETLINK_ROUTE).unwrap();
            let local = socket.socket_mut().bind_auto().unwrap();
            assert_eq!(socket.socket_ref().local_addr().unwrap(), local);
            assert!(socket.socket_ref().is_non_blocking().unwrap());
            for sequence in [1, 2] {
                let names =
                    tokio::time::timeout(TIMEOUT, async_dump_link_names(&mut socket, sequence))
                        .await
                        .expect("dump answered in time");
                assert_eq!(names.len(), 3, "{names:?}");
                assert!(names.contains(&"lo".to_owned()) && names.contains(&name));
            }
        });
    });
}

#[test]
fn tokio_socket_waits_for_a_notification() {
    run_in_netns("tokio_socket_waits_for_a_notification", || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let name = unique_name("systn");
        runtime.block_on(async move {
            let mut socket = TokioSocket::new(NETLINK_ROUTE).unwrap();
            socket.socket_mut().bind_auto().unwrap();
            socket.socket_ref().add_membership(RTNLGRP_LINK).unwrap();
            socket.socket_ref().set_pktinfo(true).unwrap();
            // Nothing queued yet: the receive must wait (Pending), then wake
            // up when the link appears.
            let mut buffer = Vec::new();
            let create = tokio::task::spawn_blocking(move || {
                std::thread::sleep(std::time::Duration::from_millis(100));
                ip(&["link", "add", &name, "type", "veth"]);
            });
            let received = tokio::time::timeout(TIMEOUT, socket.recv_datagram(&mut buffer))
                .await
                .expect("notification in time")
                .unwrap();
            create.await.unwrap();
            assert_eq!(received.group, Some(RTNLGRP_LINK));
            assert_eq!(messages(&buffer)[0].kind, RTM_NEWLINK);
        });
    });
}

#[test]
fn smol_socket_request_response() {
    run_in_netns("smol_socket_request_response", || {
        let name = unique_name("syssm");
        ip(&["link", "add", &name, "type", "veth"]);
        smol_block_on(async {
            let mut socket = SmolSocket::new(NETLINK_ROUTE).unwrap();
            let local = socket.socket_mut().bind_auto().unwrap();
            assert_ne!(local.port_number(), 0);
            for sequence in [1, 2] {
                let names = async_dump_link_names(&mut socket, sequence).await;
                assert_eq!(names.len(), 3, "{names:?}");
                assert!(names.contains(&"lo".to_owned()) && names.contains(&name));
            }
            let socket = socket.into_socket();
            assert!(socket.is_non_blocking().unwrap());
        });
    });
}

#[test]
fn smol_socket_from_socket_between_users() {
    run_in_netns("smol_socket_from_socket_between_users", || {
        smol_block_on(async {
            let mut receiver =
                SmolSocket::from_socket(Socket::new(NETLINK_USERSOCK).unwrap()).unwrap();
            let to = receiver.socket_mut().bind_auto().unwrap();
            let mut sender = SmolSocket::new(NETLINK_USERSOCK).unwrap();
            let from = sender.socket_mut().bind_auto().unwrap();
            let big: Vec<u8> = (0..70_000u32).map(|i| (i % 241) as u8).collect();
            sender.send_to(&big, &to).await.unwrap();
            let mut buffer = Vec::new();
            let received = receiver.recv_datagram(&mut buffer).await.unwrap();
            assert_eq!(received.source, from);
            assert_eq!(buffer, big);
        });
    });
}

#[test]
fn mio_registration_reports_readiness() {
    run_in_netns("mio_registration_reports_readiness", || {
        use mio::{Events, Interest, Poll, Token};
        const SOCKET: Token = Token(7);
        let mut socket = Socket::new(NETLINK_ROUTE).unwrap();
        socket.set_non_blocking(true).unwrap();
        socket.bind_auto().unwrap();
        let mut poll = Poll::new().unwrap();
        poll.registry()
            .register(&mut socket, SOCKET, Interest::READABLE)
            .unwrap();
        let mut events = Events::with_capacity(4);
        poll.poll(&mut events, Some(std::time::Duration::ZERO))
            .unwrap();
        assert!(events.is_empty(), "nothing to read yet");

        socket.send(&getlink_dump_request(5, 0), 0).unwrap();
        let mut names = Vec::new();
        let mut buffer = Vec::new();
        'dump: loop {
            poll.poll(&mut events, Some(TIMEOUT)).unwrap();
            let event = events.iter().next().expect("readiness before the timeout");
            assert_eq!(event.token(), SOCKET);
            assert!(event.is_readable());
            // Edge-triggered: read until WouldBlock.
            loop {
                match socket.recv_datagram(&mut buffer) {
                    Ok(_) => {
                        for message in messages(&buffer) {
                            match message.kind {
                                NLMSG_DONE => break 'dump,
                                RTM_NEWLINK => names.push(link_name(&message).unwrap()),
                                other => panic!("unexpected message type {other}"),
                            }
                        }
                    }
                    Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => break,
                    Err(err) => panic!("recv_datagram: {err}"),
                }
            }
        }
        assert_eq!(names, ["lo"]);
        poll.registry()
            .reregister(&mut socket, SOCKET, Interest::READABLE | Interest::WRITABLE)
            .unwrap();
        poll.poll(&mut events, Some(TIMEOUT)).unwrap();
        assert!(events.iter().any(|event| event.is_writable()));
        poll.registry().deregister(&mut socket).unwrap();
    });
}
