//! Route dump decoding throughput: this crate against netlink-packet-route
//! 0.34 on the same bytes.
//!
//! Datasets: 100,000 IPv4 routes and 100,000 IPv6 routes, synthesized from
//! the real kernel route messages of the fixtures (every unicast route of the
//! captured dumps, re-emitted with distinct destination prefixes), laid out
//! as netlink messages back to back like a dump.
//!
//! Run: `cargo bench --manifest-path netlink-packet-route/bench/Cargo.toml`
//! (`-- --quick` for a short run).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use netlink_packet_core::{
    DatagramMessages, NetlinkHeader, NetlinkMessage, NetlinkPayload, Parseable,
};
use netlink_packet_route::link::{LinkMessage, LinkMessageBuffer};
use netlink_packet_route::route::{RouteAddress, RouteAttribute, RouteMessage, RouteMessageBuffer};
use netlink_packet_route::{RtnlMessage, RTM_NEWROUTE};
use netlink_test_support::fixtures;

const ROUTES: usize = 100_000;

/// One dataset: whole netlink messages back to back, plus the payload
/// offsets (so payload-level decoders see the same bytes).
struct Dataset {
    name: &'static str,
    bytes: Vec<u8>,
    payloads: Vec<(usize, usize)>,
}

fn template_routes(fixture: &str) -> Vec<RouteMessage> {
    let entry = fixtures::entry(fixture);
    let mut templates = Vec::new();
    for datagram in entry.response_datagrams() {
        for message in DatagramMessages::new(datagram) {
            let message = message.expect("fixture framing");
            if message.message_type() != RTM_NEWROUTE {
                continue;
            }
            let view = RouteMessageBuffer::new_checked(message.into_payload()).expect("route");
            let route = RouteMessage::parse(&view).expect("route decodes");
            if route.header.kind == netlink_packet_route::route::RouteType::Unicast
                && route.destination().is_some()
            {
                templates.push(route);
            }
        }
    }
    assert!(!templates.is_empty());
    templates
}

fn build(name: &'static str, fixture: &str, address: impl Fn(usize) -> RouteAddress) -> Dataset {
    let templates = template_routes(fixture);
    let mut bytes = Vec::new();
    let mut payloads = Vec::with_capacity(ROUTES);
    for index in 0..ROUTES {
        let mut route = templates[index % templates.len()].clone();
        for attribute in &mut route.attributes {
            if let RouteAttribute::Destination(destination) = attribute {
                *destination = address(index);
            }
        }
        let header = NetlinkHeader {
            sequence_number: 1,
            port_number: 4242,
            ..NetlinkHeader::default()
        };
        let mut message = NetlinkMessage::new(
            header,
            NetlinkPayload::InnerMessage(RtnlMessage::NewRoute(route)),
        );
        message.finalize();
        let start = bytes.len();
        bytes.resize(start + message.buffer_len(), 0);
        message.serialize(&mut bytes[start..]);
        payloads.push((start + 16, start + message.buffer_len()));
    }
    Dataset {
        name,
        bytes,
        payloads,
    }
}

/// A decoder under test: a name and a function over the whole dataset
/// returning a checksum of what it visited.
type Decoder = (&'static str, fn(&Dataset) -> usize);

/// Runs every decoder over the dataset in turn (interleaved, so load changes
/// on the machine hit them alike) for about `budget`; returns the best
/// nanoseconds per message of each.
fn measure(dataset: &Dataset, budget: Duration, decoders: &[Decoder]) -> Vec<f64> {
    measure_repeated(dataset, budget, decoders, 1)
}

/// Like [`measure`], a round decoding the dataset `repeat` times.
fn measure_repeated(
    dataset: &Dataset,
    budget: Duration,
    decoders: &[Decoder],
    repeat: usize,
) -> Vec<f64> {
    let mut best = vec![f64::INFINITY; decoders.len()];
    let start = Instant::now();
    let mut rounds = 0;
    while rounds < 3 || start.elapsed() < budget {
        for (slot, (_, decoder)) in best.iter_mut().zip(decoders) {
            let t = Instant::now();
            for _ in 0..repeat {
                black_box(decoder(dataset));
            }
            let messages = dataset.payloads.len() * repeat;
            let per_message = t.elapsed().as_nanos() as f64 / messages as f64;
            *slot = slot.min(per_message);
        }
        rounds += 1;
    }
    best
}

/// Decodes each payload into an owned message with this crate and visits
/// every attribute.
fn ours_owned(dataset: &Dataset) -> usize {
    let mut visited = 0;
    for &(start, end) in &dataset.payloads {
        let view = RouteMessageBuffer::new_checked(&dataset.bytes[start..end]).expect("view");
        let route = RouteMessage::parse(&view).expect("decode");
        for attribute in &route.attributes {
            visited += match attribute {
                RouteAttribute::Destination(_) => 1,
                RouteAttribute::Gateway(_) => 2,
                RouteAttribute::Oif(_) => 3,
                _ => 4,
            };
        }
        black_box(&route);
    }
    visited
}

/// Decodes whole netlink messages (header + payload) with this crate.
fn ours_netlink(dataset: &Dataset) -> usize {
    let mut visited = 0;
    for message in DatagramMessages::new(&dataset.bytes) {
        let message = message.expect("framing");
        let decoded = NetlinkMessage::<RtnlMessage>::parse(&message).expect("decode");
        match &decoded.payload {
            NetlinkPayload::InnerMessage(RtnlMessage::NewRoute(route)) => {
                visited += route.attributes.len();
            }
            NetlinkPayload::InnerMessage(RtnlMessage::NewLink(link)) => {
                visited += link.attributes.len();
            }
            _ => {}
        }
        black_box(&decoded);
    }
    visited
}

/// The lazy view: table, destination, gateway, oif, priority in one pass,
/// no allocation.
fn ours_summary(dataset: &Dataset) -> usize {
    let mut visited = 0;
    for &(start, end) in &dataset.payloads {
        let view = RouteMessageBuffer::new_checked(&dataset.bytes[start..end]).expect("view");
        let summary = view.summary();
        visited += summary.table as usize + usize::from(summary.gateway.is_some());
        black_box(summary);
    }
    visited
}

/// Visiting every attribute header without decoding.
fn ours_visit_only(dataset: &Dataset) -> usize {
    let mut visited = 0;
    for &(start, end) in &dataset.payloads {
        let view = RouteMessageBuffer::new_checked(&dataset.bytes[start..end]).expect("view");
        for nla in view.attributes() {
            visited += usize::from(nla.expect("attribute").kind());
        }
    }
    visited
}

/// netlink-packet-route 0.34: owned decode of each payload, visiting every
/// attribute.
fn v034_owned(dataset: &Dataset) -> usize {
    use nlpc09::Parseable as _;
    use nlpr034::route::{RouteAttribute as A034, RouteMessage as M034};
    let mut visited = 0;
    for &(start, end) in &dataset.payloads {
        let route = M034::parse(&dataset.bytes[start..end]).expect("0.34 decode");
        for attribute in &route.attributes {
            visited += match attribute {
                A034::Destination(_) => 1,
                A034::Gateway(_) => 2,
                A034::Oif(_) => 3,
                _ => 4,
            };
        }
        black_box(&route);
    }
    visited
}

/// netlink-packet-route 0.34: whole netlink messages.
fn v034_netlink(dataset: &Dataset) -> usize {
    use nlpr034::RouteNetlinkMessage;
    let mut visited = 0;
    let mut offset = 0;
    while offset < dataset.bytes.len() {
        let len =
            u32::from_ne_bytes(dataset.bytes[offset..offset + 4].try_into().expect("len")) as usize;
        let decoded = nlpc09::NetlinkMessage::<RouteNetlinkMessage>::deserialize(
            &dataset.bytes[offset..offset + len],
        )
        .expect("0.34 decode");
        match &decoded.payload {
            nlpc09::NetlinkPayload::InnerMessage(RouteNetlinkMessage::NewRoute(route)) => {
                visited += route.attributes.len();
            }
            nlpc09::NetlinkPayload::InnerMessage(RouteNetlinkMessage::NewLink(link)) => {
                visited += link.attributes.len();
            }
            _ => {}
        }
        black_box(&decoded);
        offset += (len + 3) & !3;
    }
    visited
}

/// Counts the bytes currently allocated on the heap, to report how much
/// memory decoded messages hold.
struct CountingAllocator;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only
// counts the sizes.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Average bytes (inline size plus heap) one decoded message holds, for a
/// decoder that keeps what it decodes.
fn retained_bytes<T>(dataset: &Dataset, decode: impl Fn(&[u8]) -> T) -> usize {
    let count = dataset.payloads.len().min(10_000);
    let before = ALLOCATED.load(Ordering::Relaxed);
    let mut kept = Vec::with_capacity(count);
    let vector_bytes = ALLOCATED.load(Ordering::Relaxed) - before;
    for &(start, end) in dataset.payloads.iter().take(count) {
        kept.push(decode(&dataset.bytes[start..end]));
    }
    let heap = ALLOCATED.load(Ordering::Relaxed) - before - vector_bytes;
    drop(black_box(kept));
    std::mem::size_of::<T>() + heap / count
}

/// Link dump: the links of the fixture dump repeated, with this crate's and
/// 0.34's owned link decode.
fn build_links() -> Dataset {
    build_links_of(LINKS, "link dump")
}

/// The fixture's link messages repeated to `count` links (a few dozen make
/// a dataset that stays in the CPU caches, as a received datagram does: the
/// kernel has just written it when it is decoded).
fn build_links_of(count: usize, name: &'static str) -> Dataset {
    let entry = fixtures::entry("rtnl_getlink_dump");
    let mut messages = Vec::new();
    for datagram in entry.response_datagrams() {
        for message in DatagramMessages::new(datagram) {
            let message = message.expect("fixture framing");
            if message.message_type() == 16 {
                messages.push(message.message_bytes().to_vec());
            }
        }
    }
    let mut bytes = Vec::new();
    let mut payloads = Vec::with_capacity(count);
    for index in 0..count {
        let message = &messages[index % messages.len()];
        let start = bytes.len();
        bytes.extend_from_slice(message);
        bytes.resize(bytes.len().next_multiple_of(4), 0);
        payloads.push((start + 16, start + message.len()));
    }
    Dataset {
        name,
        bytes,
        payloads,
    }
}

const LINKS: usize = 20_000;

/// Links of the in-cache link dataset (about 60 KiB of messages).
const HOT_LINKS: usize = 40;

fn ours_links(dataset: &Dataset) -> usize {
    let mut visited = 0;
    for &(start, end) in &dataset.payloads {
        let view = LinkMessageBuffer::new_checked(&dataset.bytes[start..end]).expect("view");
        let link = LinkMessage::parse(&view).expect("decode");
        visited += link.attributes.len();
        black_box(&link);
    }
    visited
}

fn v034_links(dataset: &Dataset) -> usize {
    use nlpc09::Parseable as _;
    let mut visited = 0;
    for &(start, end) in &dataset.payloads {
        let link =
            nlpr034::link::LinkMessage::parse(&dataset.bytes[start..end]).expect("0.34 decode");
        visited += link.attributes.len();
        black_box(&link);
    }
    visited
}

/// `--only NAME ROUNDS`: runs one decoder on the IPv4 route dataset (with
/// `NAME` ending in `6`, the IPv6 one; `links`, `0.34links`,
/// `netlinklinks`, `0.34netlinklinks` and `nonelinks` on the link dump;
/// `hotlinks`, `0.34hotlinks` and `nonehotlinks` on the in-cache one), for profiling with callgrind or `perf stat`.
fn run_only(args: &[String]) -> bool {
    let Some(position) = args.iter().position(|a| a == "--only") else {
        return false;
    };
    let name = args.get(position + 1).map_or("owned", String::as_str);
    let rounds: usize = args
        .get(position + 2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let dataset = if name.ends_with("hotlinks") {
        build_links_of(HOT_LINKS, "link dump in cache")
    } else if name.ends_with("links") {
        build_links()
    } else if name.ends_with('6') {
        build("IPv6 route dump", "rtnl_getroute_dump_v6", |i| {
            RouteAddress::Inet6(Ipv6Addr::from(
                0x2001_0db8_0000_0000_0000_0000_0000_0000u128 + ((i as u128) << 64),
            ))
        })
    } else {
        build("IPv4 route dump", "rtnl_getroute_dump_v4", |i| {
            RouteAddress::Inet(Ipv4Addr::from(0x0a00_0000u32 + ((i as u32) << 8)))
        })
    };
    let decoder: fn(&Dataset) -> usize = match name.trim_end_matches('6') {
        "0.34" => v034_owned,
        "netlink" => ours_netlink,
        "0.34netlink" => v034_netlink,
        "summary" => ours_summary,
        "visit" => ours_visit_only,
        "none" | "nonelinks" | "nonehotlinks" => |_| 0,
        "links" | "hotlinks" => ours_links,
        "0.34links" | "0.34hotlinks" => v034_links,
        "netlinklinks" => ours_netlink,
        "0.34netlinklinks" => v034_netlink,
        _ => ours_owned,
    };
    for _ in 0..rounds {
        black_box(decoder(&dataset));
    }
    true
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if run_only(&args) {
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let budget = if quick {
        Duration::from_millis(500)
    } else {
        Duration::from_secs(5)
    };
    let routes = [
        build("IPv4 route dump", "rtnl_getroute_dump_v4", |i| {
            RouteAddress::Inet(Ipv4Addr::from(0x0a00_0000u32 + ((i as u32) << 8)))
        }),
        build("IPv6 route dump", "rtnl_getroute_dump_v6", |i| {
            RouteAddress::Inet6(Ipv6Addr::from(
                0x2001_0db8_0000_0000_0000_0000_0000_0000u128 + ((i as u128) << 64),
            ))
        }),
    ];
    println!("Owned decode, ns per message (best of interleaved rounds):\n");
    println!("| dataset | messages | 0.34 owned | this crate owned | speed-up | 0.34 NetlinkMessage | this crate NetlinkMessage | speed-up | lazy summary | visit only |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for dataset in &routes {
        // Both decoders see the same attributes.
        assert_eq!(ours_owned(dataset), v034_owned(dataset), "{}", dataset.name);
        let times = measure(
            dataset,
            budget,
            &[
                ("0.34 owned", v034_owned),
                ("owned", ours_owned),
                ("0.34 netlink", v034_netlink),
                ("netlink", ours_netlink),
                ("summary", ours_summary),
                ("visit", ours_visit_only),
            ],
        );
        println!(
            "| {} | {} | {:.0} | {:.0} | **{:.1}×** | {:.0} | {:.0} | **{:.1}×** | {:.0} | {:.0} |",
            dataset.name,
            dataset.payloads.len(),
            times[0],
            times[1],
            times[0] / times[1],
            times[2],
            times[3],
            times[2] / times[3],
            times[4],
            times[5]
        );
    }
    let links = build_links();
    let hot_links = build_links_of(HOT_LINKS, "link dump, input in cache");
    for dataset in [&links, &hot_links] {
        assert_eq!(ours_links(dataset), v034_links(dataset), "{}", dataset.name);
        // The small dataset is decoded many times per measured round, so
        // that a round lasts about as long as one over the big dataset.
        let repeat = LINKS / dataset.payloads.len();
        let decoders: [Decoder; 4] = [
            ("0.34 links", v034_links),
            ("links", ours_links),
            ("0.34 netlink", v034_netlink),
            ("netlink", ours_netlink),
        ];
        let times = measure_repeated(dataset, budget, &decoders, repeat);
        println!(
            "| {} | {} | {:.0} | {:.0} | **{:.1}×** | {:.0} | {:.0} | **{:.1}×** | | |",
            dataset.name,
            dataset.payloads.len() * repeat,
            times[0],
            times[1],
            times[0] / times[1],
            times[2],
            times[3],
            times[2] / times[3]
        );
    }

    println!("\nMemory held by one owned message (inline size + heap), bytes:\n");
    println!("| dataset | 0.34 | this crate |");
    println!("|---|---|---|");
    for dataset in &routes {
        let old = retained_bytes(dataset, |payload| {
            use nlpc09::Parseable as _;
            nlpr034::route::RouteMessage::parse(payload).expect("0.34 decode")
        });
        let new = retained_bytes(dataset, |payload| {
            RouteMessage::parse(&RouteMessageBuffer::new_checked(payload).expect("view"))
                .expect("decode")
        });
        println!("| {} | {old} | {new} |", dataset.name);
    }
    let old = retained_bytes(&links, |payload| {
        use nlpc09::Parseable as _;
        nlpr034::link::LinkMessage::parse(payload).expect("0.34 decode")
    });
    let new = retained_bytes(&links, |payload| {
        LinkMessage::parse(&LinkMessageBuffer::new_checked(payload).expect("view")).expect("decode")
    });
    println!("| {} | {old} | {new} |", links.name);
}
