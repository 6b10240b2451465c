//! A minimal synchronous rtnetlink client for the kernel tests of this
//! crate (built on netlink-sys `Socket` only).

#![allow(dead_code)]
#![allow(clippy::result_large_err)]

use netlink_packet_core::{
    DatagramMessages, ErrorMessage, NetlinkFlags, NetlinkHeader, NetlinkMessage, NetlinkPayload,
};
use netlink_packet_route::nexthop::{NexthopAttribute, NexthopMessage};
use netlink_packet_route::route::{RouteAttribute, RouteMessage, RouteMetric};
use netlink_packet_route::RtnlMessage;
use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};

/// A bound `NETLINK_ROUTE` socket with a sequence counter.
pub struct Rtnl {
    socket: Socket,
    sequence: u32,
    buffer: Vec<u8>,
}

/// Every message the kernel answered, decoded, and the final status.
pub struct Reply {
    /// Protocol messages (dump entries, echoes).
    pub messages: Vec<RtnlMessage>,
    /// `Err` with the kernel's error (and extended ack) if it refused.
    pub status: Result<(), ErrorMessage>,
}

impl Rtnl {
    /// Opens the socket in the calling thread's network namespace.
    pub fn new() -> Self {
        let mut socket = Socket::new(NETLINK_ROUTE).expect("netlink route socket");
        socket.bind_auto().expect("bind");
        socket.set_ext_ack(true).expect("ext ack");
        Rtnl {
            socket,
            sequence: 1000,
            buffer: Vec::with_capacity(64 * 1024),
        }
    }

    /// Sends `message` with `flags` (REQUEST is added) and collects the
    /// answer until the ACK / error / DONE. Every received message is
    /// checked to re-emit byte-identically.
    pub fn request(&mut self, message: RtnlMessage, flags: NetlinkFlags) -> Reply {
        if let RtnlMessage::NewRoute(route) = &message {
            assert_no_tunnel_options(route);
        }
        self.sequence += 1;
        let header = NetlinkHeader {
            flags: flags | NetlinkFlags::REQUEST,
            sequence_number: self.sequence,
            ..NetlinkHeader::default()
        };
        let mut request = NetlinkMessage::new(header, NetlinkPayload::InnerMessage(message));
        request.finalize();
        let mut bytes = vec![0u8; request.buffer_len()];
        request.serialize(&mut bytes);
        self.socket
            .send_to(&bytes, &SocketAddr::new(0, 0), 0)
            .expect("send");
        let wants_ack = flags.contains(NetlinkFlags::ACK);
        let is_dump = flags.contains(NetlinkFlags::DUMP);
        let mut messages = Vec::new();
        loop {
            self.socket.recv_datagram(&mut self.buffer).expect("recv");
            for raw in DatagramMessages::new(&self.buffer) {
                let raw = raw.expect("datagram framing");
                let bytes = raw.message_bytes();
                let decoded = NetlinkMessage::<RtnlMessage>::deserialize(bytes)
                    .unwrap_or_else(|e| panic!("kernel message does not decode: {e}"));
                let mut emitted = vec![0u8; decoded.buffer_len()];
                decoded.serialize(&mut emitted);
                assert_eq!(
                    emitted, bytes,
                    "kernel message does not re-emit identically: {decoded:?}"
                );
                if decoded.header.sequence_number != self.sequence {
                    continue;
                }
                match decoded.payload {
                    NetlinkPayload::InnerMessage(inner) => {
                        messages.push(inner);
                        if !is_dump && !wants_ack {
                            return Reply {
                                messages,
                                status: Ok(()),
                            };
                        }
                    }
                    NetlinkPayload::Ack(_) | NetlinkPayload::Done(_) => {
                        return Reply {
                            messages,
                            status: Ok(()),
                        };
                    }
                    NetlinkPayload::Error(error) => {
                        return Reply {
                            messages,
                            status: Err(error),
                        };
                    }
                    other => panic!("unexpected control message {other:?}"),
                }
            }
        }
    }

    /// Sends a create request (`CREATE | EXCL | ACK`) and panics on error.
    pub fn create(&mut self, message: RtnlMessage) {
        let description = format!("{message:?}");
        let reply = self.request(
            message,
            NetlinkFlags::CREATE | NetlinkFlags::EXCL | NetlinkFlags::ACK,
        );
        if let Err(error) = reply.status {
            panic!("kernel refused {description}: {error}");
        }
    }

    /// Sends a create request and returns the kernel's verdict.
    pub fn try_create(&mut self, message: RtnlMessage) -> Result<(), ErrorMessage> {
        self.request(
            message,
            NetlinkFlags::CREATE | NetlinkFlags::EXCL | NetlinkFlags::ACK,
        )
        .status
    }

    /// Dumps with `message` as the request.
    pub fn dump(&mut self, message: RtnlMessage) -> Vec<RtnlMessage> {
        let reply = self.request(message, NetlinkFlags::DUMP);
        if let Err(error) = reply.status {
            panic!("dump failed: {error}");
        }
        reply.messages
    }
}

/// Never let `LWTUNNEL_IP_OPTS` reach the kernel: it crashes 6.18.
pub fn assert_no_tunnel_options(route: &RouteMessage) {
    for attribute in &route.attributes {
        match attribute {
            RouteAttribute::Encap { encap, .. } => assert!(!encap.has_tunnel_options()),
            RouteAttribute::Multipath(hops) => {
                for hop in hops {
                    for attribute in &hop.attributes {
                        if let RouteAttribute::Encap { encap, .. } = attribute {
                            assert!(!encap.has_tunnel_options());
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Panics if any attribute of `route`, at any depth, is raw or malformed.
pub fn assert_route_fully_typed(route: &RouteMessage) {
    let debug = format!("{route:?}");
    assert!(
        !debug.contains("Other(RawNla") && !debug.contains("Malformed(") && !debug.contains("Raw("),
        "route has raw attributes: {debug}"
    );
    for attribute in &route.attributes {
        assert!(!attribute.is_raw(), "{attribute:?}");
        if let RouteAttribute::Metrics(metrics) = attribute {
            assert!(!metrics
                .iter()
                .any(|m| matches!(m, RouteMetric::Other(_) | RouteMetric::Malformed(_))));
        }
    }
}

/// Panics if any attribute of `nexthop`, at any depth, is raw or malformed.
pub fn assert_nexthop_fully_typed(nexthop: &NexthopMessage) {
    let debug = format!("{nexthop:?}");
    assert!(
        !debug.contains("Other(RawNla") && !debug.contains("Malformed(") && !debug.contains("Raw("),
        "nexthop has raw attributes: {debug}"
    );
    assert!(!nexthop.attributes.iter().any(NexthopAttribute::is_raw));
}

/// The route messages of a reply.
pub fn routes(messages: Vec<RtnlMessage>) -> Vec<RouteMessage> {
    messages
        .into_iter()
        .filter_map(|m| match m {
            RtnlMessage::NewRoute(route) => Some(route),
            _ => None,
        })
        .collect()
}

/// The nexthop messages of a reply.
pub fn nexthops(messages: Vec<RtnlMessage>) -> Vec<NexthopMessage> {
    messages
        .into_iter()
        .filter_map(|m| match m {
            RtnlMessage::NewNexthop(nexthop) => Some(nexthop),
            _ => None,
        })
        .collect()
}

/// Creates a veth pair `name`/`name`p, up, with 10.1.0.1/24 and
/// 2001:db8:1::1/64 on `name`; returns the index of `name`.
pub fn setup_veth(name: &str) -> u32 {
    let peer = format!("{name}p");
    netlink_test_support::ip(&["link", "add", name, "type", "veth", "peer", "name", &peer]);
    netlink_test_support::ip(&["link", "set", name, "up"]);
    netlink_test_support::ip(&["link", "set", &peer, "up"]);
    netlink_test_support::ip(&["addr", "add", "10.1.0.1/24", "dev", name]);
    netlink_test_support::ip(&[
        "-6",
        "addr",
        "add",
        "2001:db8:1::1/64",
        "dev",
        name,
        "nodad",
    ]);
    let links = netlink_test_support::ip_json(&["link", "show", name]);
    links[0]["ifindex"].as_u64().expect("ifindex") as u32
}
