//! The multiplexer against the running kernel, in a private network
//! namespace, for each front-end: tokio, smol and blocking.

mod common;

use std::{
    collections::BTreeSet,
    future::Future,
    net::Ipv4Addr,
    time::{Duration, Instant},
};

use common::*;
use futures::{future, StreamExt};
use netlink_packet_core::{NetlinkMessage, RawMessage};
use netlink_proto::{
    BlockingConnection, Config, ConnectionHandle, Error, Notification, Notifications,
    OverflowReason, ReplyStream,
};
use netlink_sys::protocols::NETLINK_ROUTE;
use netlink_test_support::run_in_netns;

type Handle = ConnectionHandle<RawMessage>;
type Reply = Result<NetlinkMessage<RawMessage>, Error<RawMessage>>;

const CONCURRENT: usize = 1000;
const DUMP_ROUTES: u32 = 10_000;
const FLOOD_ROUTES: u32 = 3_000;

/// Runs `work` with a tokio connection (current-thread runtime).
fn with_tokio<F, Fut>(config: Config, work: F)
where
    F: FnOnce(Handle, Notifications<RawMessage>) -> Fut,
    Fut: Future<Output = ()>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async {
        let (connection, handle, notifications) =
            netlink_proto::new_connection_with_config(NETLINK_ROUTE, config)
                .expect("tokio connection");
        let driver = tokio::spawn(connection);
        work(handle, notifications).await;
        // Everything dropped: the connection ends by itself.
        tokio::time::timeout(Duration::from_secs(5), driver)
            .await
            .expect("the connection ends once unused")
            .expect("driver task");
    });
}

/// Runs `work` with a connection on its own thread
/// (`spawn_connection_thread`), the consumer on a multi-threaded runtime.
fn with_connection_thread<F, Fut>(config: Config, work: F)
where
    F: FnOnce(Handle, Notifications<RawMessage>) -> Fut,
    Fut: Future<Output = ()>,
{
    let (handle, notifications, thread) =
        netlink_proto::spawn_connection_thread(NETLINK_ROUTE, config).expect("connection thread");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(work(handle, notifications));
    // Everything dropped: the connection, and its thread, end by themselves.
    let started = std::time::Instant::now();
    while !thread.is_finished() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the connection thread ends once unused"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    thread.join().expect("connection thread");
}

/// Runs `work` with a smol (async-io) connection, polled next to it.
#[cfg(feature = "smol")]
fn with_smol<F, Fut>(config: Config, work: F)
where
    F: FnOnce(Handle, Notifications<RawMessage>) -> Fut,
    Fut: Future<Output = ()>,
{
    use std::pin::pin;
    async_io::block_on(async {
        let (connection, handle, notifications) =
            netlink_proto::smol::new_connection_with_config(NETLINK_ROUTE, config)
                .expect("smol connection");
        let mut connection = pin!(connection);
        match future::select(connection.as_mut(), pin!(work(handle, notifications))).await {
            future::Either::Left(((), _)) => panic!("the connection ended while in use"),
            future::Either::Right(((), _)) => {}
        }
        connection.await;
    });
}

async fn collect(stream: ReplyStream<RawMessage>) -> (u32, Vec<Reply>) {
    let sequence = stream.sequence_number();
    (sequence, stream.collect().await)
}

/// Even requests ask for lo (one RTM_NEWLINK), odd ones for an index that
/// does not exist (ENODEV); every third asks for an ack.
fn concurrent_request(i: usize) -> NetlinkMessage<RawMessage> {
    let index = if i % 2 == 0 {
        LOOPBACK_INDEX
    } else {
        1_000_000 + i as i32
    };
    get_link(index, i % 3 == 0)
}

fn check_concurrent_reply(i: usize, sequence: u32, replies: &[Reply]) {
    if i % 2 == 0 {
        match replies {
            [Ok(message)] => {
                assert_eq!(message.header.sequence_number, sequence, "request {i}");
                assert_eq!(link_index(message), Some(LOOPBACK_INDEX), "request {i}");
            }
            other => panic!("request {i}: expected lo, got {other:?}"),
        }
    } else {
        match replies {
            [Err(Error::Kernel(error))] => {
                assert_eq!(error.errno(), libc::ENODEV, "request {i}");
                assert_eq!(error.request.sequence_number, sequence, "request {i}");
            }
            other => panic!("request {i}: expected ENODEV, got {other:?}"),
        }
    }
}

async fn thousand_concurrent_requests(handle: Handle) {
    let streams: Vec<_> = (0..CONCURRENT)
        .map(|i| {
            handle
                .request(concurrent_request(i), KERNEL)
                .expect("request")
        })
        .collect();
    let results = future::join_all(streams.into_iter().map(collect)).await;
    let mut sequences = BTreeSet::new();
    for (i, (sequence, replies)) in results.iter().enumerate() {
        check_concurrent_reply(i, *sequence, replies);
        sequences.insert(*sequence);
    }
    assert_eq!(sequences.len(), CONCURRENT, "distinct sequence numbers");
}

/// Checks a dump of the main table: exactly the routes added, each once, in
/// the kernel's (ascending) order.
fn check_route_dump(messages: &[NetlinkMessage<RawMessage>]) {
    let destinations: Vec<(Ipv4Addr, u8)> =
        messages.iter().filter_map(main_table_destination).collect();
    let expected: Vec<(Ipv4Addr, u8)> = (0..DUMP_ROUTES).map(route_destination).collect();
    assert_eq!(destinations.len(), expected.len(), "every route, once");
    assert_eq!(destinations, expected, "complete and in order");
}

async fn dump_routes(handle: Handle) {
    add_routes(0, DUMP_ROUTES).expect("add routes");
    let stream = handle.request(dump_ipv4_routes(), KERNEL).expect("dump");
    let sequence = stream.sequence_number();
    let mut stream = stream;
    let mut messages = Vec::new();
    while let Some(reply) = stream.next().await {
        let message = reply.expect("dump reply");
        assert_eq!(message.header.sequence_number, sequence);
        messages.push(message);
    }
    check_route_dump(&messages);
    let end = stream.end_state().expect("dump ended");
    assert!(end.is_complete(), "no change during the dump");
}

fn flood_config() -> Config {
    Config {
        receive_buffer_size: Some(16 * 1024),
        max_queued_notifications: 64,
        ..Config::default()
    }
}

async fn notification_flood(handle: Handle, mut notifications: Notifications<RawMessage>) {
    handle
        .add_membership(RTNLGRP_IPV4_ROUTE)
        .await
        .expect("join RTNLGRP_IPV4_ROUTE");
    // The flood comes from another socket while this task blocks in it, so
    // the connection cannot read: the kernel's buffer overflows.
    add_routes(0, FLOOD_ROUTES).expect("flood");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        assert!(Instant::now() < deadline, "no overflow event");
        match notifications.next().await.expect("notifications go on") {
            Notification::Overflow {
                failed_requests,
                reason,
            } => {
                assert_eq!(failed_requests, 0);
                if reason == OverflowReason::SocketBuffer {
                    break;
                }
            }
            Notification::Message(..) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    // Requests still work...
    let (_, replies) = collect(
        handle
            .request(get_link(LOOPBACK_INDEX, true), KERNEL)
            .unwrap(),
    )
    .await;
    assert!(matches!(&replies[..], [Ok(message)] if link_index(message) == Some(LOOPBACK_INDEX)));
    // ...and notifications still arrive: add a route and wait for it (after
    // whatever of the flood is still queued).
    let marker = Ipv4Addr::new(192, 0, 2, 0);
    let (_, replies) = collect(handle.request(new_route(marker, 24, true), KERNEL).unwrap()).await;
    assert!(replies.is_empty(), "{replies:?}");
    loop {
        assert!(
            Instant::now() < deadline,
            "no notification after the overflow"
        );
        if let Notification::Message(message, source) = notifications.next().await.unwrap() {
            if main_table_destination(&message) == Some((marker, 24)) {
                assert_eq!(source.port_number(), 0);
                break;
            }
        }
    }
}

/// Notifications reach a consumer on another thread than the connection's
/// (whose wake-ups the connection defers while it reads): every one of a
/// burst of route additions, in order, without the consumer having to be
/// woken by anything else (the deadline is checked before the stream, so a
/// missed wake-up fails instead of being rescued by a last poll).
async fn notifications_across_threads(
    handle: Handle,
    mut notifications: Notifications<RawMessage>,
) {
    const ROUTES: u32 = 500;
    handle
        .add_membership(RTNLGRP_IPV4_ROUTE)
        .await
        .expect("join RTNLGRP_IPV4_ROUTE");
    // Added from another thread (in this namespace too) in bursts with
    // pauses, so that the consumer keeps running out of notifications and
    // waiting for them: each burst needs a wake-up.
    let adder = std::thread::spawn(|| {
        for burst in 0..ROUTES / 100 {
            std::thread::sleep(Duration::from_millis(20));
            add_routes(burst * 100, 100).expect("routes");
        }
    });
    let deadline = tokio::time::sleep(Duration::from_secs(5));
    tokio::pin!(deadline);
    let mut seen = 0;
    while seen < ROUTES {
        let next = tokio::select! {
            biased;
            () = &mut deadline => panic!("{seen} of {ROUTES} notifications: a wake-up was missed"),
            next = notifications.next() => next.expect("notifications go on"),
        };
        match next {
            Notification::Message(message, _) => {
                if main_table_destination(&message) == Some(route_destination(seen)) {
                    seen += 1;
                }
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    adder.join().expect("route adder");
}

#[test]
fn connection_thread_notifications_reach_another_thread() {
    run_in_netns(
        "connection_thread_notifications_reach_another_thread",
        || {
            // A kernel buffer that holds the whole burst (about 1 KiB per
            // notification), so that a slow test machine cannot overflow it.
            let config = Config {
                receive_buffer_size: Some(4 * 1024 * 1024),
                ..Config::default()
            };
            with_connection_thread(config, notifications_across_threads);
        },
    );
}

#[test]
fn tokio_thousand_concurrent_requests() {
    run_in_netns("tokio_thousand_concurrent_requests", || {
        with_tokio(Config::default(), |handle, _| {
            thousand_concurrent_requests(handle)
        });
    });
}

#[test]
fn connection_thread_thousand_concurrent_requests() {
    run_in_netns("connection_thread_thousand_concurrent_requests", || {
        with_connection_thread(Config::default(), |handle, _| {
            thousand_concurrent_requests(handle)
        });
    });
}

#[test]
fn connection_thread_dump_of_ten_thousand_routes() {
    run_in_netns("connection_thread_dump_of_ten_thousand_routes", || {
        with_connection_thread(Config::default(), |handle, _| dump_routes(handle));
    });
}

#[test]
fn tokio_dump_of_ten_thousand_routes() {
    run_in_netns("tokio_dump_of_ten_thousand_routes", || {
        with_tokio(Config::default(), |handle, _| dump_routes(handle));
    });
}

#[test]
fn tokio_notification_flood_overflows_and_the_connection_goes_on() {
    run_in_netns(
        "tokio_notification_flood_overflows_and_the_connection_goes_on",
        || with_tokio(flood_config(), notification_flood),
    );
}

#[test]
fn tokio_request_timeout_and_cancel() {
    run_in_netns("tokio_request_timeout_and_cancel", || {
        with_tokio(Config::default(), |handle, _| async move {
            // A user-space peer that never answers: port 12345 unbound means
            // ECONNREFUSED, so bind a silent socket.
            let mut silent = netlink_sys::Socket::new(NETLINK_ROUTE).unwrap();
            let peer = silent.bind_auto().unwrap();
            let options = netlink_proto::RequestOptions {
                timeout: Some(Duration::from_millis(50)),
                ..Default::default()
            };
            let started = Instant::now();
            let (_, replies) = collect(
                handle
                    .request_with(get_link(LOOPBACK_INDEX, true), peer, &options)
                    .unwrap(),
            )
            .await;
            assert!(matches!(&replies[..], [Err(Error::Timeout)]), "{replies:?}");
            assert!(started.elapsed() >= Duration::from_millis(50));
            // Dropping a dump midway cancels it; the next request works.
            add_routes(0, 2000).unwrap();
            let mut dump = handle.request(dump_ipv4_routes(), KERNEL).unwrap();
            assert!(dump.next().await.unwrap().is_ok());
            drop(dump);
            let (_, replies) = collect(
                handle
                    .request(get_link(LOOPBACK_INDEX, false), KERNEL)
                    .unwrap(),
            )
            .await;
            assert!(matches!(&replies[..], [Ok(_)]));
        });
    });
}

#[test]
#[cfg(feature = "smol")]
fn smol_thousand_concurrent_requests() {
    run_in_netns("smol_thousand_concurrent_requests", || {
        with_smol(Config::default(), |handle, _| {
            thousand_concurrent_requests(handle)
        });
    });
}

#[test]
#[cfg(feature = "smol")]
fn smol_dump_of_ten_thousand_routes() {
    run_in_netns("smol_dump_of_ten_thousand_routes", || {
        with_smol(Config::default(), |handle, _| dump_routes(handle));
    });
}

#[test]
#[cfg(feature = "smol")]
fn smol_notification_flood_overflows_and_the_connection_goes_on() {
    run_in_netns(
        "smol_notification_flood_overflows_and_the_connection_goes_on",
        || with_smol(flood_config(), notification_flood),
    );
}

#[test]
fn blocking_thousand_concurrent_requests() {
    run_in_netns("blocking_thousand_concurrent_requests", || {
        let mut connection = BlockingConnection::<RawMessage>::new(NETLINK_ROUTE).unwrap();
        let ids = connection
            .submit_batch(
                (0..CONCURRENT).map(concurrent_request),
                KERNEL,
                &Default::default(),
            )
            .unwrap();
        let sequences: Vec<u32> = ids
            .iter()
            .map(|&id| connection.protocol().sequence_number(id).unwrap())
            .collect();
        // Read them in reverse: the replies of the others queue meanwhile.
        for (i, &id) in ids.iter().enumerate().rev() {
            let mut replies = Vec::new();
            while let Some(reply) = connection.next_reply(id) {
                replies.push(reply);
            }
            check_concurrent_reply(i, sequences[i], &replies);
            connection.release(id);
        }
        assert_eq!(connection.protocol().request_count(), 0);
    });
}

#[test]
fn blocking_dump_of_ten_thousand_routes() {
    run_in_netns("blocking_dump_of_ten_thousand_routes", || {
        add_routes(0, DUMP_ROUTES).expect("add routes");
        let mut connection = BlockingConnection::<RawMessage>::new(NETLINK_ROUTE).unwrap();
        let mut replies = connection.request(dump_ipv4_routes(), KERNEL).unwrap();
        let messages: Vec<_> = replies.by_ref().map(|reply| reply.unwrap()).collect();
        assert!(replies.end_state().unwrap().is_complete());
        drop(replies);
        check_route_dump(&messages);
    });
}

#[test]
fn blocking_notification_flood_overflows_and_the_connection_goes_on() {
    run_in_netns(
        "blocking_notification_flood_overflows_and_the_connection_goes_on",
        || {
            let mut connection =
                BlockingConnection::<RawMessage>::with_config(NETLINK_ROUTE, flood_config())
                    .unwrap();
            connection.add_membership(RTNLGRP_IPV4_ROUTE).unwrap();
            add_routes(0, FLOOD_ROUTES).expect("flood");
            let mut overflowed = false;
            while let Some(notification) = connection
                .next_notification(Some(Duration::from_secs(2)))
                .unwrap()
            {
                if let Notification::Overflow {
                    reason: OverflowReason::SocketBuffer,
                    ..
                } = notification
                {
                    overflowed = true;
                    break;
                }
            }
            assert!(overflowed, "no overflow event");
            // Drain what is left of the flood.
            while connection
                .next_notification(Some(Duration::from_millis(100)))
                .unwrap()
                .is_some()
            {}
            let replies: Vec<_> = connection
                .request(get_link(LOOPBACK_INDEX, false), KERNEL)
                .unwrap()
                .collect();
            assert!(matches!(&replies[..], [Ok(m)] if link_index(m) == Some(LOOPBACK_INDEX)));
            let marker = Ipv4Addr::new(192, 0, 2, 0);
            let replies: Vec<_> = connection
                .request(new_route(marker, 24, true), KERNEL)
                .unwrap()
                .collect();
            assert!(replies.is_empty(), "{replies:?}");
            match connection
                .next_notification(Some(Duration::from_secs(2)))
                .unwrap()
            {
                Some(Notification::Message(message, _)) => {
                    assert_eq!(main_table_destination(&message), Some((marker, 24)));
                }
                other => panic!("expected the new route's notification, got {other:?}"),
            }
        },
    );
}

#[test]
fn blocking_request_timeout() {
    run_in_netns("blocking_request_timeout", || {
        let mut connection = BlockingConnection::<RawMessage>::new(NETLINK_ROUTE).unwrap();
        let mut silent = netlink_sys::Socket::new(NETLINK_ROUTE).unwrap();
        let peer = silent.bind_auto().unwrap();
        let options = netlink_proto::RequestOptions::with_timeout(Duration::from_millis(50));
        let replies: Vec<_> = connection
            .request_with(get_link(LOOPBACK_INDEX, true), peer, &options)
            .unwrap()
            .collect();
        assert!(matches!(&replies[..], [Err(Error::Timeout)]), "{replies:?}");
    });
}

#[test]
fn tokio_dropping_the_connection_ends_pending_requests() {
    run_in_netns(
        "tokio_dropping_the_connection_ends_pending_requests",
        || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let (connection, handle, mut notifications) =
                    netlink_proto::new_connection::<RawMessage>(NETLINK_ROUTE).unwrap();
                let driver = tokio::spawn(connection);
                // A silent user-space peer: the request stays pending.
                let mut silent = netlink_sys::Socket::new(NETLINK_ROUTE).unwrap();
                let peer = silent.bind_auto().unwrap();
                let mut pending = handle
                    .request(get_link(LOOPBACK_INDEX, true), peer)
                    .unwrap();
                tokio::time::sleep(Duration::from_millis(20)).await;
                driver.abort();
                assert!(driver.await.unwrap_err().is_cancelled());
                assert!(matches!(
                    pending.next().await,
                    Some(Err(Error::ConnectionClosed))
                ));
                assert!(pending.next().await.is_none());
                assert!(notifications.next().await.is_none(), "notifications end");
                assert!(handle.is_closed());
                match handle.request(get_link(LOOPBACK_INDEX, false), KERNEL) {
                    Err(Error::NotSent(message)) => assert_eq!(link_index_of_request(&message), 1),
                    other => panic!("expected NotSent, got {other:?}"),
                }
                drop(silent);
            });
        },
    );
}

fn link_index_of_request(message: &NetlinkMessage<RawMessage>) -> i32 {
    match &message.payload {
        netlink_packet_core::NetlinkPayload::InnerMessage(raw) => {
            i32::from_ne_bytes(raw.payload[4..8].try_into().unwrap())
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn socket_defaults_are_set_and_can_be_changed() {
    run_in_netns("socket_defaults_are_set_and_can_be_changed", || {
        let connection = BlockingConnection::<RawMessage>::new(NETLINK_ROUTE).unwrap();
        let socket = connection.socket();
        assert!(socket.get_ext_ack().unwrap());
        assert!(socket.get_cap_ack().unwrap());
        assert!(
            socket.get_strict_checking().unwrap(),
            "on for NETLINK_ROUTE"
        );
        assert!(socket.get_pktinfo().unwrap());
        assert_ne!(connection.local_port(), 0, "bound");

        let config = Config {
            extended_ack: false,
            cap_ack: false,
            strict_checking: Some(false),
            receive_buffer_size: Some(1 << 20),
            ..Config::default()
        };
        let connection =
            BlockingConnection::<RawMessage>::with_config(NETLINK_ROUTE, config).unwrap();
        let socket = connection.socket();
        assert!(!socket.get_ext_ack().unwrap());
        assert!(!socket.get_cap_ack().unwrap());
        assert!(!socket.get_strict_checking().unwrap());
        assert!(socket.get_rx_buf_size().unwrap() >= 1 << 20);

        // Other protocols keep the kernel's strict-checking default.
        let generic =
            BlockingConnection::<RawMessage>::new(netlink_sys::protocols::NETLINK_GENERIC).unwrap();
        assert!(!generic.socket().get_strict_checking().unwrap());
    });
}
