//! Helpers shared by the address / neighbour / rule / neighbour table /
//! nsid / prefix / address label / netconf / stats tests: fixture message
//! extraction and a minimal synchronous rtnetlink request loop.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io;

use netlink_packet_core::{
    DatagramMessages, Emitable, NetlinkFlags, NetlinkHeader, NETLINK_HEADER_LEN, NLMSG_DONE,
    NLMSG_ERROR,
};
use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};
use netlink_test_support::fixtures;

/// One netlink message taken from a fixture file.
#[derive(Debug, Clone)]
pub struct FixtureMessage {
    /// The fixture entry and the file part it comes from.
    pub origin: String,
    /// `nlmsg_type`
    pub message_type: u16,
    /// `nlmsg_flags`
    pub flags: u16,
    /// The payload after the netlink header.
    pub payload: Vec<u8>,
}

fn split(origin: &str, bytes: &[u8], out: &mut Vec<FixtureMessage>) {
    for message in DatagramMessages::new(bytes) {
        let message = message.unwrap_or_else(|error| panic!("{origin}: {error}"));
        out.push(FixtureMessage {
            origin: origin.to_owned(),
            message_type: message.message_type(),
            flags: message.flags().bits(),
            payload: message.payload().to_vec(),
        });
    }
}

/// Every NETLINK_ROUTE fixture message (requests, replies and
/// notifications) of one of `types`.
pub fn route_fixture_messages(types: &[u16]) -> Vec<FixtureMessage> {
    let mut all = Vec::new();
    for entry in fixtures::entries_for_protocol("NETLINK_ROUTE") {
        if let Some(request) = &entry.request {
            split(&format!("{} request", entry.name), request, &mut all);
        }
        for (index, datagram) in entry.response_datagrams().into_iter().enumerate() {
            split(
                &format!("{} datagram {index}", entry.name),
                datagram,
                &mut all,
            );
        }
    }
    all.retain(|message| types.contains(&message.message_type));
    all
}

/// The messages of `types` in the reply of fixture entry `name`.
pub fn fixture_replies(name: &str, types: &[u16]) -> Vec<FixtureMessage> {
    let entry = fixtures::entry(name);
    let mut all = Vec::new();
    for (index, datagram) in entry.response_datagrams().into_iter().enumerate() {
        split(&format!("{name} datagram {index}"), datagram, &mut all);
    }
    all.retain(|message| types.contains(&message.message_type));
    all
}

/// The bytes of `message`.
pub fn emit_to_vec<M: Emitable>(message: &M) -> Vec<u8> {
    let mut bytes = vec![0u8; message.buffer_len()];
    message.emit(&mut bytes);
    bytes
}

/// Emits `message` and asserts that the bytes equal `expected`.
pub fn assert_reemits<M: Emitable + std::fmt::Debug>(message: &M, expected: &[u8], origin: &str) {
    let bytes = emit_to_vec(message);
    assert_eq!(
        bytes, expected,
        "{origin}: re-emitted bytes differ from the kernel's for {message:#?}"
    );
}

/// Parses every message with `parse`, asserts that `has_untyped` (an
/// `Other` or `Malformed` attribute) does not hold for it and that it
/// re-emits byte-identically.
pub fn assert_typed_and_reemitted<M: Emitable + std::fmt::Debug>(
    messages: &[FixtureMessage],
    parse: impl Fn(&[u8]) -> M,
    has_untyped: impl Fn(&M) -> bool,
) {
    for message in messages {
        let parsed = parse(&message.payload);
        assert!(
            !has_untyped(&parsed),
            "{}: untyped attribute in {parsed:?}",
            message.origin
        );
        assert_reemits(&parsed, &message.payload, &message.origin);
    }
}

/// Interface names by index, from the `ip_link` oracle of the fixtures.
pub fn fixture_link_names() -> HashMap<u64, String> {
    fixtures::oracle("ip_link")
        .as_array()
        .expect("ip_link oracle is an array")
        .iter()
        .map(|link| {
            (
                link["ifindex"].as_u64().expect("ifindex"),
                link["ifname"].as_str().expect("ifname").to_owned(),
            )
        })
        .collect()
}

/// Why a request failed.
#[derive(Debug)]
pub enum RequestError {
    /// The socket failed.
    Io(io::Error),
    /// The kernel answered with this negative errno.
    Kernel(i32),
}

/// A NETLINK_ROUTE socket in the current network namespace.
pub struct RouteSocket {
    socket: Socket,
    sequence: u32,
}

impl RouteSocket {
    /// Opens and binds the socket (extended acks on).
    pub fn open() -> Self {
        let mut socket = Socket::new(NETLINK_ROUTE).expect("open NETLINK_ROUTE socket");
        socket.bind_auto().expect("bind");
        socket
            .connect(&SocketAddr::new(0, 0))
            .expect("connect to the kernel");
        socket.set_ext_ack(true).expect("NETLINK_EXT_ACK");
        RouteSocket {
            socket,
            sequence: 1,
        }
    }

    /// Sends one request of `message_type` with `flags` (REQUEST is added)
    /// and `payload`, and collects the replies until the kernel ends them
    /// (done, ack or error). Returns the `(type, payload)` of every reply
    /// message that is not a control message.
    pub fn request<M: Emitable>(
        &mut self,
        message_type: u16,
        flags: NetlinkFlags,
        payload: &M,
    ) -> Result<Vec<(u16, Vec<u8>)>, RequestError> {
        self.sequence += 1;
        let sequence = self.sequence;
        let length = NETLINK_HEADER_LEN + payload.buffer_len();
        let header = NetlinkHeader {
            length: length as u32,
            message_type,
            flags: flags | NetlinkFlags::REQUEST,
            sequence_number: sequence,
            port_number: 0,
        };
        let mut bytes = vec![0u8; length];
        header.emit(&mut bytes[..NETLINK_HEADER_LEN]);
        payload.emit(&mut bytes[NETLINK_HEADER_LEN..]);
        self.socket.send(&bytes, 0).map_err(RequestError::Io)?;

        let is_dump = flags.contains(NetlinkFlags::DUMP);
        let wants_ack = flags.contains(NetlinkFlags::ACK);
        let mut replies = Vec::new();
        let mut buffer = Vec::new();
        loop {
            self.socket
                .recv_datagram(&mut buffer)
                .map_err(RequestError::Io)?;
            for message in DatagramMessages::new(&buffer) {
                let message = message.expect("kernel datagram frames decode");
                if message.sequence_number() != sequence {
                    continue;
                }
                match message.message_type() {
                    NLMSG_DONE => return Ok(replies),
                    NLMSG_ERROR => {
                        let payload = message.payload();
                        let code = payload
                            .first_chunk::<4>()
                            .map(|bytes| i32::from_ne_bytes(*bytes))
                            .expect("error code");
                        return if code == 0 {
                            Ok(replies)
                        } else {
                            Err(RequestError::Kernel(code))
                        };
                    }
                    other => {
                        replies.push((other, message.payload().to_vec()));
                        if !is_dump && !wants_ack {
                            return Ok(replies);
                        }
                    }
                }
            }
        }
    }

    /// Sends a dump request and returns the reply payloads of `reply_type`.
    pub fn dump<M: Emitable>(
        &mut self,
        message_type: u16,
        payload: &M,
        reply_type: u16,
    ) -> Vec<Vec<u8>> {
        self.request(message_type, NetlinkFlags::DUMP, payload)
            .unwrap_or_else(|error| panic!("dump of type {message_type} failed: {error:?}"))
            .into_iter()
            .map(|(kind, payload)| {
                assert_eq!(kind, reply_type, "unexpected reply type");
                payload
            })
            .collect()
    }

    /// Like [`RouteSocket::dump`], each reply payload decoded with `parse`.
    pub fn dump_parsed<M: Emitable, T>(
        &mut self,
        message_type: u16,
        payload: &M,
        reply_type: u16,
        parse: impl Fn(&[u8]) -> T,
    ) -> Vec<T> {
        self.dump(message_type, payload, reply_type)
            .iter()
            .map(|payload| parse(payload))
            .collect()
    }

    /// Sends a request with `NLM_F_ACK` (plus `flags`) and expects success.
    pub fn change<M: Emitable + std::fmt::Debug>(
        &mut self,
        message_type: u16,
        flags: NetlinkFlags,
        payload: &M,
    ) {
        if let Err(error) = self.request(message_type, flags | NetlinkFlags::ACK, payload) {
            panic!("request of type {message_type} with {payload:#?} failed: {error:?}");
        }
    }
}

/// The two ends of a veth pair created by [`add_veth`].
pub struct VethPair {
    /// The first end.
    pub name: String,
    /// The other end.
    pub peer: String,
    /// The index of the first end.
    pub index: u32,
}

/// Creates a veth pair (left down) whose names are unique names starting
/// with `prefix` and `peer_prefix`.
pub fn add_veth(prefix: &str, peer_prefix: &str) -> VethPair {
    let name = netlink_test_support::unique_name(prefix);
    let peer = netlink_test_support::unique_name(peer_prefix);
    netlink_test_support::ip(&["link", "add", &name, "type", "veth", "peer", "name", &peer]);
    let index = ifindex(&name);
    VethPair { name, peer, index }
}

/// The index of interface `name` (via `ip -j link show`).
pub fn ifindex(name: &str) -> u32 {
    let links = netlink_test_support::ip_json(&["link", "show", "dev", name]);
    links[0]["ifindex"].as_u64().expect("ifindex") as u32
}

/// Proptest strategies for well-formed attribute lists.
pub mod strategies {
    use netlink_packet_core::{Emitable, RawNla, NLA_F_NESTED};
    use proptest::prelude::*;
    use proptest::test_runner::TestCaseError;

    /// An attribute value: mostly of the lengths typed attributes use, so
    /// that typed decoding is exercised, sometimes of any length.
    pub fn value() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..=1),
            prop::collection::vec(any::<u8>(), 2..=2),
            prop::collection::vec(any::<u8>(), 4..=4),
            prop::collection::vec(any::<u8>(), 6..=6),
            prop::collection::vec(any::<u8>(), 8..=8),
            prop::collection::vec(any::<u8>(), 16..=16),
            // a NUL-terminated ASCII string
            "[a-z0-9:]{0,15}".prop_map(|text| {
                let mut bytes = text.into_bytes();
                bytes.push(0);
                bytes
            }),
            prop::collection::vec(any::<u8>(), 0..=96),
        ]
    }

    /// A list of attributes whose types are mostly in `0..=max_kind`, some
    /// with `NLA_F_NESTED`, some nested lists of attributes themselves.
    pub fn attributes(max_kind: u16) -> impl Strategy<Value = Vec<RawNla>> {
        let kind = prop_oneof![
            8 => 0..=max_kind,
            1 => (0..=max_kind).prop_map(|kind| kind | NLA_F_NESTED),
            1 => any::<u16>(),
        ];
        let leaf = (kind, value()).prop_map(|(kind, value)| RawNla::new(kind, value));
        let nested = (
            0..=max_kind,
            prop::collection::vec((0..=max_kind, value()), 0..4),
        )
            .prop_map(|(kind, inner)| {
                let inner: Vec<RawNla> = inner
                    .into_iter()
                    .map(|(kind, value)| RawNla::new(kind, value))
                    .collect();
                let mut bytes = vec![0u8; inner.as_slice().buffer_len()];
                inner.as_slice().emit(&mut bytes);
                RawNla::new(kind, bytes)
            });
        prop::collection::vec(prop_oneof![4 => leaf, 1 => nested], 0..10)
    }

    /// A message payload: `header` followed by the emitted `attributes`
    /// (with zero padding, as the kernel writes it).
    pub fn payload(header: Vec<u8>, attributes: &[RawNla]) -> Vec<u8> {
        let mut bytes = header;
        let start = bytes.len();
        bytes.resize(start + attributes.buffer_len(), 0);
        attributes.emit(&mut bytes[start..]);
        bytes
    }

    /// A well-formed message payload: `header_len` arbitrary header bytes
    /// followed by [`attributes`]`(max_kind)`.
    pub fn message_payload(header_len: usize, max_kind: u16) -> impl Strategy<Value = Vec<u8>> {
        (
            prop::collection::vec(any::<u8>(), header_len),
            attributes(max_kind),
        )
            .prop_map(|(header, attributes)| payload(header, &attributes))
    }

    /// Checks that `payload` decodes with `parse`, re-emits byte-identically
    /// and decodes back to an equal message.
    pub fn check_reemits<M: Emitable + PartialEq + std::fmt::Debug>(
        payload: &[u8],
        parse: impl Fn(&[u8]) -> M,
    ) -> Result<(), TestCaseError> {
        let message = parse(payload);
        let bytes = super::emit_to_vec(&message);
        prop_assert_eq!(&bytes, payload);
        prop_assert_eq!(parse(&bytes), message);
        Ok(())
    }
}
