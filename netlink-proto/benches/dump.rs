//! Benchmark: a dump of many IPv4 routes in a private network namespace,
//! through the multiplexer (blocking, tokio, smol; raw and typed messages)
//! against a plain receive loop on a socket, in the same run.
//!
//! `cargo bench -p netlink-proto --bench dump` runs the full benchmark
//! (1,000,000 routes; set `NETLINK_BENCH_ROUTES` to change). Built and run as
//! a test (`cargo test --benches`), it does a small smoke run. Needs the
//! privilege to create a network namespace; prints `skipped: ...` without it.
//!
//! Measures wall time per variant (best and median of the rounds) and the
//! peak resident memory each variant added (`VmHWM` after resetting it
//! through `/proc/self/clear_refs`).

#[path = "../tests/common/mod.rs"]
mod common;

use std::{
    fs,
    future::Future,
    io,
    process::Command,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use common::{add_routes, dump_ipv4_routes, KERNEL, RTM_NEWROUTE};
use futures::StreamExt;
use netlink_packet_core::{
    AddressFamily, DatagramMessages, NetlinkFlags, NetlinkMessage, NetlinkPayload, RawMessage,
    NLMSG_DONE, NLMSG_ERROR, NLM_F_DUMP, NLM_F_REQUEST,
};
use netlink_packet_route::{route::RouteMessage, RtnlMessage};
use netlink_proto::BlockingConnection;
use netlink_sys::{protocols::NETLINK_ROUTE, Socket};

/// One measured variant: returns how many routes it saw.
struct Variant {
    name: &'static str,
    run: fn() -> usize,
}

/// A socket that was just sent a dump of the IPv4 routes.
fn plain_dump_socket() -> Socket {
    let mut socket = Socket::new(NETLINK_ROUTE).expect("socket");
    socket.bind_auto().expect("bind");
    let mut request = dump_ipv4_routes();
    request.header.sequence_number = 1;
    request.finalize();
    let mut bytes = vec![0; request.buffer_len()];
    request.serialize(&mut bytes);
    socket.send_to(&bytes, &KERNEL, 0).expect("send");
    socket
}

/// The plain loop: reads the dump, counting routes from the headers;
/// calls `after_recv` after each datagram.
fn plain_loop_with(mut after_recv: impl FnMut()) -> usize {
    let socket = plain_dump_socket();
    let mut buffer = vec![0u8; 32 * 1024];
    let mut routes = 0;
    loop {
        let len = socket.recv(&mut buffer, 0).expect("recv");
        after_recv();
        for message in DatagramMessages::new(&buffer[..len]) {
            let message = message.expect("framing");
            match message.message_type() {
                RTM_NEWROUTE => routes += 1,
                NLMSG_DONE => return routes,
                NLMSG_ERROR => panic!("dump failed"),
                _ => {}
            }
        }
    }
}

fn plain_loop() -> usize {
    plain_loop_with(|| {})
}

/// The plain loop, waking a parked thread after each datagram: what one
/// cross-thread wake-up per datagram costs (a futex wake of a thread parked
/// on the other core).
fn plain_loop_waking() -> usize {
    let stop = Arc::new(AtomicBool::new(false));
    let parked = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            while !stop.load(Ordering::Acquire) {
                std::thread::park();
            }
        })
    };
    let routes = plain_loop_with(|| parked.thread().unpark());
    stop.store(true, Ordering::Release);
    parked.thread().unpark();
    parked.join().expect("parked thread");
    routes
}

fn plain_loop_typed() -> usize {
    let socket = plain_dump_socket();
    let mut buffer = vec![0u8; 32 * 1024];
    let mut routes = 0;
    loop {
        let len = socket.recv(&mut buffer, 0).expect("recv");
        for message in DatagramMessages::new(&buffer[..len]) {
            let message = message.expect("framing");
            let decoded = NetlinkMessage::<RtnlMessage>::deserialize(message.message_bytes())
                .expect("decode");
            match decoded.payload {
                NetlinkPayload::InnerMessage(RtnlMessage::NewRoute(_)) => routes += 1,
                NetlinkPayload::Done(_) => return routes,
                NetlinkPayload::Error(error) => panic!("dump failed: {error}"),
                _ => {}
            }
        }
    }
}

fn count_raw(message: &NetlinkMessage<RawMessage>) -> usize {
    match &message.payload {
        NetlinkPayload::InnerMessage(raw) if raw.message_type == RTM_NEWROUTE => 1,
        _ => 0,
    }
}

fn count_typed(message: &NetlinkMessage<RtnlMessage>) -> usize {
    match &message.payload {
        NetlinkPayload::InnerMessage(RtnlMessage::NewRoute(route)) => {
            usize::from(!route.attributes.is_empty())
        }
        _ => 0,
    }
}

fn blocking_raw() -> usize {
    let mut connection = BlockingConnection::<RawMessage>::new(NETLINK_ROUTE).expect("connection");
    connection
        .request(dump_ipv4_routes(), KERNEL)
        .expect("request")
        .map(|reply| count_raw(&reply.expect("reply")))
        .sum()
}

async fn dump_raw(handle: netlink_proto::ConnectionHandle<RawMessage>, slow: bool) -> usize {
    let mut replies = handle.request(dump_ipv4_routes(), KERNEL).expect("request");
    let mut routes = 0;
    while let Some(reply) = replies.next().await {
        routes += count_raw(&reply.expect("reply"));
        if slow && routes % 1000 == 0 {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }
    assert!(replies.end_state().expect("ended").is_complete());
    routes
}

async fn dump_typed(handle: netlink_proto::ConnectionHandle<RtnlMessage>) -> usize {
    let mut request = NetlinkMessage::from(RtnlMessage::GetRoute(RouteMessage::new(
        AddressFamily::Inet,
    )));
    request.header.flags = NetlinkFlags::from_bits_retain(NLM_F_REQUEST | NLM_F_DUMP);
    let mut replies = handle.request(request, KERNEL).expect("request");
    let mut routes = 0;
    while let Some(reply) = replies.next().await {
        routes += count_typed(&reply.expect("reply"));
    }
    routes
}

/// Runs `work` with a tokio connection, the connection and the consumer
/// each a task of their own: on a current-thread runtime, or with
/// `workers` threads.
fn tokio_dump<T, F, Fut>(workers: Option<usize>, work: F) -> usize
where
    T: netlink_packet_core::NetlinkSerializable
        + netlink_packet_core::NetlinkDeserializable
        + Send
        + 'static,
    F: FnOnce(netlink_proto::ConnectionHandle<T>) -> Fut,
    Fut: Future<Output = usize> + Send + 'static,
{
    let runtime = match workers {
        None => tokio::runtime::Builder::new_current_thread(),
        Some(workers) => {
            let mut builder = tokio::runtime::Builder::new_multi_thread();
            builder.worker_threads(workers);
            builder
        }
    }
    .enable_all()
    .build()
    .expect("runtime");
    runtime.block_on(async {
        let (connection, handle, _) =
            netlink_proto::new_connection::<T>(NETLINK_ROUTE).expect("connection");
        tokio::spawn(connection);
        tokio::spawn(work(handle)).await.expect("task")
    })
}

/// The connection on its own thread (`spawn_connection_thread`), the
/// consumer on a current-thread runtime: decoding (in the consumer)
/// overlaps with receiving (in the connection's thread).
fn tokio_connection_thread_typed() -> usize {
    let (handle, notifications, thread) =
        netlink_proto::spawn_connection_thread::<RtnlMessage>(NETLINK_ROUTE, Default::default())
            .expect("connection");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let routes = runtime.block_on(dump_typed(handle));
    drop(notifications);
    thread.join().expect("connection thread");
    routes
}

#[cfg(feature = "smol")]
fn smol_raw() -> usize {
    async_io::block_on(async {
        use netlink_proto::Config;
        use netlink_sys::{AsyncSocket, SmolSocket};
        let socket = SmolSocket::new(NETLINK_ROUTE).expect("socket");
        let (connection, handle, _) =
            netlink_proto::new_connection_with_socket::<RawMessage, _>(socket, Config::default())
                .expect("connection");
        let work = dump_raw_smol(handle);
        futures::pin_mut!(connection, work);
        match futures::future::select(connection, work).await {
            futures::future::Either::Right((routes, _)) => routes,
            futures::future::Either::Left(_) => panic!("connection ended"),
        }
    })
}

#[cfg(feature = "smol")]
async fn dump_raw_smol(handle: netlink_proto::ConnectionHandle<RawMessage>) -> usize {
    let mut replies = handle.request(dump_ipv4_routes(), KERNEL).expect("request");
    let mut routes = 0;
    while let Some(reply) = replies.next().await {
        routes += count_raw(&reply.expect("reply"));
    }
    routes
}

/// `(VmRSS, VmHWM)` in KiB.
fn memory() -> (u64, u64) {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kib| kib.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn reset_peak() {
    // "5" resets VmHWM to the current RSS (Linux >= 4.0).
    let _ = fs::write("/proc/self/clear_refs", "5");
}

struct Measure {
    times: Vec<Duration>,
    peak_growth_kib: u64,
    routes: usize,
}

/// Environment variable naming the variant a child process measures alone.
const CHILD_ENV: &str = "NETLINK_BENCH_MEMORY_CHILD";

fn main() {
    if let Ok(index) = std::env::var(CHILD_ENV) {
        memory_child(&index);
        return;
    }
    let bench = std::env::args().any(|arg| arg == "--bench");
    let routes: u32 = std::env::var("NETLINK_BENCH_ROUTES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(if bench { 1_000_000 } else { 2_000 });
    let rounds = if bench { 7 } else { 1 };
    let outcome = std::thread::spawn(move || run(routes, rounds))
        .join()
        .expect("benchmark thread");
    if let Err(reason) = outcome {
        println!("skipped: {reason}");
    }
}

fn run(routes: u32, rounds: usize) -> Result<(), String> {
    // SAFETY: unshare affects only this thread's network namespace.
    if unsafe { libc::unshare(libc::CLONE_NEWNET) } != 0 {
        return Err(format!(
            "cannot create a network namespace: {}",
            io::Error::last_os_error()
        ));
    }
    let status = Command::new("ip")
        .args(["link", "set", "lo", "up"])
        .status()
        .map_err(|e| format!("ip: {e}"))?;
    assert!(status.success(), "ip link set lo up");
    let started = Instant::now();
    add_routes(0, routes).map_err(|e| format!("adding routes: {e}"))?;
    println!(
        "added {routes} routes in {:.2?}; kernel {}",
        started.elapsed(),
        fs::read_to_string("/proc/sys/kernel/osrelease")
            .unwrap_or_default()
            .trim()
    );

    let variants = selected_variants();
    let mut measures: Vec<Measure> = variants
        .iter()
        .map(|_| Measure {
            times: Vec::new(),
            peak_growth_kib: 0,
            routes: 0,
        })
        .collect();
    // Warm-up (page cache of the binary, allocator, kernel caches).
    (variants[0].run)();
    for _ in 0..rounds {
        for (variant, measure) in variants.iter().zip(&mut measures) {
            reset_peak();
            let (rss_before, _) = memory();
            let started = Instant::now();
            let seen = (variant.run)();
            let elapsed = started.elapsed();
            let (_, peak) = memory();
            assert!(
                seen >= routes as usize,
                "{}: saw {seen} routes",
                variant.name
            );
            measure.times.push(elapsed);
            measure.peak_growth_kib = measure.peak_growth_kib.max(peak.saturating_sub(rss_before));
            measure.routes = seen;
        }
    }
    let baseline = median(&measures[0].times);
    let baseline_best = measures[0].times.iter().min().copied().unwrap_or_default();
    println!(
        "{:<48} {:>9} {:>9} {:>9} {:>11} {:>13} {:>11}",
        "variant", "best", "median", "ns/route", "best ratio", "median ratio", "peak +RSS"
    );
    for (variant, measure) in variants.iter().zip(&measures) {
        let best = measure.times.iter().min().copied().unwrap_or_default();
        let median = median(&measure.times);
        println!(
            "{:<48} {:>9.1?} {:>9.1?} {:>9.0} {:>10.2}x {:>12.2}x {:>7} KiB",
            variant.name,
            best,
            median,
            best.as_nanos() as f64 / measure.routes as f64,
            best.as_secs_f64() / baseline_best.as_secs_f64(),
            median.as_secs_f64() / baseline.as_secs_f64(),
            measure.peak_growth_kib,
        );
    }

    // Peak memory of each variant alone, in a fresh process (inside this
    // namespace): freed heap of earlier variants does not hide growth.
    if std::env::var_os("NETLINK_BENCH_VARIANTS").is_some() {
        return Ok(());
    }
    println!("peak RSS growth, each variant alone in a fresh process:");
    let executable = std::env::current_exe().map_err(|e| e.to_string())?;
    for index in (0..variants.len())
        .map(|i| i.to_string())
        .chain(["slow".to_owned()])
    {
        let output = Command::new(&executable)
            .env(CHILD_ENV, &index)
            .output()
            .map_err(|e| format!("memory child: {e}"))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "memory child {index} failed: {stdout}"
        );
        print!("  {stdout}");
    }
    Ok(())
}

/// The variants to measure: all of them, or with `NETLINK_BENCH_VARIANTS`
/// set, those whose name contains one of its comma-separated words (for
/// profiling one variant; the baseline is then the first one selected).
fn selected_variants() -> Vec<Variant> {
    let Ok(filter) = std::env::var("NETLINK_BENCH_VARIANTS") else {
        return variants();
    };
    let words: Vec<&str> = filter.split(',').filter(|w| !w.is_empty()).collect();
    variants()
        .into_iter()
        .filter(|variant| words.iter().any(|word| variant.name.contains(word)))
        .collect()
}

/// The measured variants, in order (the first is the baseline).
fn variants() -> Vec<Variant> {
    fn variant(name: &'static str, run: fn() -> usize) -> Variant {
        Variant { name, run }
    }
    vec![
        variant("plain recv loop (headers only)", plain_loop),
        variant(
            "plain recv loop + typed decode (RtnlMessage)",
            plain_loop_typed,
        ),
        variant(
            "plain recv loop + a thread woken per datagram",
            plain_loop_waking,
        ),
        variant("blocking connection, RawMessage", blocking_raw),
        variant("tokio current-thread, RawMessage", || {
            tokio_dump(None, |handle| dump_raw(handle, false))
        }),
        variant("tokio current-thread, RtnlMessage (typed)", || {
            tokio_dump(None, dump_typed)
        }),
        variant("tokio 2 workers, RawMessage", || {
            tokio_dump(Some(2), |handle| dump_raw(handle, false))
        }),
        variant("tokio 2 workers, RtnlMessage (typed)", || {
            tokio_dump(Some(2), dump_typed)
        }),
        variant(
            "tokio, connection on its own thread, RtnlMessage (typed)",
            tokio_connection_thread_typed,
        ),
        #[cfg(feature = "smol")]
        variant("smol, RawMessage", smol_raw),
    ]
}

/// Child process: runs one variant (or the slow consumer) once and prints
/// its peak RSS growth over the process's RSS before it.
fn memory_child(which: &str) {
    let (rss_before, _) = memory();
    reset_peak();
    let started = Instant::now();
    let (name, routes) = match which.parse::<usize>() {
        Ok(index) => {
            let variant = &variants()[index];
            (variant.name, (variant.run)())
        }
        Err(_) => (
            "slow consumer (1 ms pause per 1,000 routes), tokio 2 workers",
            tokio_dump(Some(2), |handle| dump_raw(handle, true)),
        ),
    };
    let elapsed = started.elapsed();
    let (rss_after, peak) = memory();
    println!(
        "{name:<62} {routes} routes in {elapsed:>8.1?}: peak +{} KiB (RSS before {rss_before} KiB, after {rss_after} KiB)",
        peak.saturating_sub(rss_before)
    );
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}
