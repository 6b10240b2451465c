//! Decoding speed of the hot path: walking the datagrams of a 100 000-route
//! dump and iterating every message's attributes.
//!
//! `cargo bench -p netlink-packet-core --bench decode` prints the time per
//! message and per attribute. No criterion: a plain bench binary, results
//! recorded in the README.

use std::hint::black_box;
use std::time::{Duration, Instant};

use netlink_packet_core::{
    parse_u32, DatagramMessages, Emitable, NetlinkBuffer, NetlinkFlags, NetlinkHeader,
    NetlinkMessage, NlasIterator, Parseable, RawMessage, RawNla, NETLINK_HEADER_LEN,
};

const ROUTES: usize = 100_000;
const DATAGRAM_LIMIT: usize = 32 * 1024;
const RTMSG_LEN: usize = 12;
const RTM_NEWROUTE: u16 = 24;
const RTA_OIF: u16 = 4;

/// An RTM_NEWROUTE-like message: rtmsg + table, dst, priority, oif, gateway,
/// pref, cacheinfo-sized blob.
fn route(index: u32) -> Vec<u8> {
    let attributes = [
        RawNla::new(15, 254u32.to_ne_bytes()), // RTA_TABLE
        RawNla::new(1, (0x0a00_0000 | index).to_be_bytes()), // RTA_DST
        RawNla::new(6, 100u32.to_ne_bytes()),  // RTA_PRIORITY
        RawNla::new(RTA_OIF, (index % 16 + 1).to_ne_bytes()), // RTA_OIF
        RawNla::new(5, [192, 168, 0, 1]),      // RTA_GATEWAY
        RawNla::new(20, [0u8]),                // RTA_PREF
        RawNla::new(12, [0u8; 32]),            // RTA_CACHEINFO
    ];
    let mut payload = vec![2u8, 24, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0];
    let start = payload.len();
    payload.resize(start + attributes.as_slice().buffer_len(), 0);
    attributes.as_slice().emit(&mut payload[start..]);
    let mut message = NetlinkMessage::new(
        NetlinkHeader {
            flags: NetlinkFlags::MULTIPART,
            sequence_number: 1,
            port_number: 4242,
            ..Default::default()
        },
        RawMessage::new(RTM_NEWROUTE, payload).into(),
    );
    message.finalize();
    let mut bytes = vec![0u8; message.buffer_len()];
    message.serialize(&mut bytes);
    bytes
}

fn datagrams() -> Vec<Vec<u8>> {
    let mut datagrams = vec![Vec::new()];
    for index in 0..ROUTES {
        let message = route(index as u32);
        if datagrams
            .last()
            .is_some_and(|d| d.len() + message.len() > DATAGRAM_LIMIT)
        {
            datagrams.push(Vec::new());
        }
        if let Some(datagram) = datagrams.last_mut() {
            datagram.extend_from_slice(&message);
        }
    }
    datagrams
}

/// Zero-copy: walk messages and attributes, decode RTA_OIF.
fn walk_attributes(datagrams: &[Vec<u8>]) -> (usize, u64) {
    let mut attributes = 0;
    let mut oif_sum = 0u64;
    for datagram in datagrams {
        for message in DatagramMessages::new(datagram) {
            let Ok(message) = message else { continue };
            let payload = message.into_payload();
            for nla in NlasIterator::new(payload.get(RTMSG_LEN..).unwrap_or_default()) {
                let Ok(nla) = nla else { break };
                attributes += 1;
                if nla.kind() == RTA_OIF {
                    oif_sum += u64::from(parse_u32(nla.value()).unwrap_or(0));
                }
            }
        }
    }
    (attributes, oif_sum)
}

/// Owned: decode each message into `NetlinkMessage<RawMessage>` and its
/// attributes into `RawNla`s.
fn decode_owned(datagrams: &[Vec<u8>]) -> usize {
    let mut attributes = 0;
    for datagram in datagrams {
        for message in DatagramMessages::new(datagram) {
            let Ok(message) = message else { continue };
            let Ok(message) = NetlinkMessage::<RawMessage>::parse(&message) else {
                continue;
            };
            let Some(inner) = message.payload.inner() else {
                continue;
            };
            let nlas: Vec<RawNla> = NlasIterator::new(&inner.payload[RTMSG_LEN..])
                .filter_map(|nla| nla.ok().and_then(|nla| RawNla::parse(&nla).ok()))
                .collect();
            attributes += nlas.len();
        }
    }
    attributes
}

fn measure<T>(name: &str, per: &[(&str, usize)], mut run: impl FnMut() -> T) {
    run(); // warm up
    let mut best = Duration::MAX;
    for _ in 0..15 {
        let start = Instant::now();
        black_box(run());
        best = best.min(start.elapsed());
    }
    let mut line = format!("{name:<28} {:>9.3} ms", best.as_secs_f64() * 1e3);
    for (unit, count) in per {
        line += &format!(
            "  {:>7.2} ns/{unit}",
            best.as_nanos() as f64 / *count as f64
        );
    }
    println!("{line}");
}

fn main() {
    let datagrams = datagrams();
    let bytes: usize = datagrams.iter().map(Vec::len).sum();
    let (attributes, _) = walk_attributes(&datagrams);
    assert_eq!(attributes, ROUTES * 7);
    let first = NetlinkBuffer::new_checked(&datagrams[0][..]).map(|b| b.length());
    println!(
        "{ROUTES} routes, {attributes} attributes, {} datagrams, {bytes} bytes ({} bytes per message {:?})",
        datagrams.len(),
        bytes / ROUTES,
        first.map(|l| l as usize - NETLINK_HEADER_LEN)
    );
    let per = [("message", ROUTES), ("attribute", attributes)];
    measure("zero-copy walk + RTA_OIF", &per, || {
        walk_attributes(&datagrams)
    });
    measure("owned RawMessage + RawNla", &per, || {
        decode_owned(&datagrams)
    });
}
