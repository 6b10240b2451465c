//! Helpers shared by the kernel tests: hand-built requests, a bounded
//! datagram walker, waiting with a timeout, and named namespaces that are
//! removed even when a test fails.

#![allow(dead_code)] // each test binary uses a different subset

use std::{os::fd::AsRawFd, time::Duration};

use netlink_sys::{Received, Socket};

pub const NLMSG_ERROR: u16 = 2;
pub const NLMSG_DONE: u16 = 3;
pub const RTM_NEWLINK: u16 = 16;
pub const RTM_GETLINK: u16 = 18;
pub const RTM_NEWMULTICAST: u16 = 56;
pub const NLM_F_REQUEST: u16 = 0x1;
pub const NLM_F_MULTI: u16 = 0x2;
pub const NLM_F_ACK: u16 = 0x4;
pub const NLM_F_DUMP: u16 = 0x300;
pub const NLM_F_CAPPED: u16 = 0x100;
pub const NLM_F_ACK_TLVS: u16 = 0x200;
pub const IFLA_IFNAME: u16 = 3;
pub const NLMSGERR_ATTR_MSG: u16 = 1;
pub const RTNLGRP_LINK: u32 = 1;
pub const RTNLGRP_BRVLAN: u32 = 33;
pub const RTNLGRP_IPV4_MCADDR: u32 = 37;

/// How long a test waits for the kernel before failing.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// `RTM_GETLINK` dump request: `struct nlmsghdr` + `struct ifinfomsg`, 32
/// bytes, built by hand. `ifi_flags` lets a test make it invalid for strict
/// checking.
pub fn getlink_dump_request(sequence: u32, ifi_flags: u32) -> [u8; 32] {
    let mut request = [0u8; 32];
    request[0..4].copy_from_slice(&32u32.to_ne_bytes());
    request[4..6].copy_from_slice(&RTM_GETLINK.to_ne_bytes());
    request[6..8].copy_from_slice(&(NLM_F_REQUEST | NLM_F_DUMP).to_ne_bytes());
    request[8..12].copy_from_slice(&sequence.to_ne_bytes());
    // port id 0, then ifinfomsg: family 0, pad, type 0, index 0, flags, change 0.
    request[24..28].copy_from_slice(&ifi_flags.to_ne_bytes());
    request
}

/// `RTM_GETLINK` for one link index, with `NLM_F_ACK`: 32 bytes.
pub fn getlink_request_for_index(sequence: u32, index: i32) -> [u8; 32] {
    let mut request = getlink_dump_request(sequence, 0);
    request[6..8].copy_from_slice(&(NLM_F_REQUEST | NLM_F_ACK).to_ne_bytes());
    request[20..24].copy_from_slice(&index.to_ne_bytes());
    request
}

/// The `NLMSGERR_ATTR_MSG` text among extended ack attributes.
pub fn extended_ack_text(tlvs: &[u8]) -> String {
    attributes(tlvs)
        .into_iter()
        .find(|(kind, _)| *kind == NLMSGERR_ATTR_MSG)
        .map(|(_, value)| {
            let text = value.split(|byte| *byte == 0).next().unwrap_or(&[]);
            String::from_utf8_lossy(text).into_owned()
        })
        .expect("an extended ack message")
}

/// One netlink message of a datagram.
#[derive(Debug, Clone)]
pub struct Message {
    pub kind: u16,
    pub flags: u16,
    pub sequence: u32,
    pub port: u32,
    pub payload: Vec<u8>,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_ne_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Splits a datagram into messages; panics on malformed kernel output.
pub fn messages(datagram: &[u8]) -> Vec<Message> {
    let mut out = Vec::new();
    let mut offset = 0;
    while offset < datagram.len() {
        let length = u32_at(datagram, offset).expect("message header") as usize;
        assert!(length >= 16, "message length {length} < 16 at {offset}");
        let end = offset + length;
        let bytes = datagram
            .get(offset..end)
            .unwrap_or_else(|| panic!("message of {length} bytes past the datagram end"));
        out.push(Message {
            kind: u16_at(bytes, 4).expect("type"),
            flags: u16_at(bytes, 6).expect("flags"),
            sequence: u32_at(bytes, 8).expect("sequence"),
            port: u32_at(bytes, 12).expect("port"),
            payload: bytes[16..].to_vec(),
        });
        offset = (end + 3) & !3;
    }
    out
}

/// Attributes (kind, value) of `bytes`.
pub fn attributes(bytes: &[u8]) -> Vec<(u16, Vec<u8>)> {
    let mut out = Vec::new();
    let mut offset = 0;
    while offset + 4 <= bytes.len() {
        let length = u16_at(bytes, offset).expect("nla length") as usize;
        let kind = u16_at(bytes, offset + 2).expect("nla type") & 0x3fff;
        assert!(length >= 4, "attribute length {length} < 4");
        let value = bytes
            .get(offset + 4..offset + length)
            .expect("attribute within its message");
        out.push((kind, value.to_vec()));
        offset += (length + 3) & !3;
    }
    out
}

/// The `IFLA_IFNAME` of an `RTM_NEWLINK` message.
pub fn link_name(message: &Message) -> Option<String> {
    let attributes = attributes(message.payload.get(16..)?);
    let (_, value) = attributes
        .into_iter()
        .find(|(kind, _)| *kind == IFLA_IFNAME)?;
    let name = value.split(|byte| *byte == 0).next()?;
    Some(String::from_utf8_lossy(name).into_owned())
}

/// Waits until `socket` has something to read, failing the test after
/// [`TIMEOUT`].
pub fn wait_readable(socket: &Socket) {
    let mut poll_fd = libc::pollfd {
        fd: socket.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    let ready = unsafe { libc::poll(&mut poll_fd, 1, TIMEOUT.as_millis() as libc::c_int) };
    assert!(ready >= 0, "poll: {}", std::io::Error::last_os_error());
    assert_eq!(ready, 1, "nothing to read after {TIMEOUT:?}");
}

/// `recv_datagram` that fails the test instead of blocking forever.
pub fn recv_datagram(socket: &Socket, buffer: &mut Vec<u8>) -> Received {
    wait_readable(socket);
    socket.recv_datagram(buffer).expect("recv_datagram")
}

/// Receives the messages answering request `sequence` up to `NLMSG_DONE`
/// (or an `NLMSG_ERROR`, returned as the last message).
pub fn collect_dump(socket: &Socket, sequence: u32) -> Vec<Message> {
    let mut buffer = Vec::new();
    let mut all = Vec::new();
    loop {
        let received = recv_datagram(socket, &mut buffer);
        assert!(
            received.source.is_kernel(),
            "reply from {}",
            received.source
        );
        assert_eq!(received.len, buffer.len());
        for message in messages(&buffer) {
            assert_eq!(message.sequence, sequence, "reply to another request");
            let last = message.kind == NLMSG_DONE || message.kind == NLMSG_ERROR;
            all.push(message);
            if last {
                return all;
            }
        }
    }
}

/// Dumps the links seen by `socket` and returns their names.
pub fn dump_link_names(socket: &Socket, sequence: u32) -> Vec<String> {
    socket
        .send(&getlink_dump_request(sequence, 0), 0)
        .expect("send the dump request");
    let replies = collect_dump(socket, sequence);
    assert_eq!(replies.last().map(|m| m.kind), Some(NLMSG_DONE));
    replies
        .iter()
        .filter(|m| m.kind == RTM_NEWLINK)
        .map(|m| link_name(m).expect("every link has a name"))
        .collect()
}

/// The error code of an `NLMSG_ERROR` or `NLMSG_DONE` message (negative
/// errno, 0 for an ack or a successful dump).
pub fn error_code(message: &Message) -> i32 {
    assert!(
        matches!(message.kind, NLMSG_ERROR | NLMSG_DONE),
        "{message:?}"
    );
    i32::from_ne_bytes(message.payload[..4].try_into().expect("error code"))
}

/// Identity (inode) of the calling thread's network namespace.
pub fn thread_netns_inode() -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/thread-self/ns/net")
        .expect("stat /proc/thread-self/ns/net")
        .ino()
}

/// A namespace made with `ip netns add`, deleted with `ip netns del` when
/// dropped, also when the test panics.
pub struct NamedNetns {
    pub name: String,
}

impl NamedNetns {
    /// Creates a uniquely named namespace, or returns why it could not.
    pub fn create(prefix: &str) -> Result<Self, String> {
        let name = netlink_test_support::unique_name(prefix);
        netlink_test_support::try_ip(&["netns", "add", &name])?;
        Ok(NamedNetns { name })
    }

    /// Runs `ip -n NAME args...`.
    pub fn ip(&self, args: &[&str]) -> String {
        let mut full = vec!["-n", self.name.as_str()];
        full.extend_from_slice(args);
        netlink_test_support::ip(&full)
    }
}

impl Drop for NamedNetns {
    fn drop(&mut self) {
        if let Err(error) = netlink_test_support::try_ip(&["netns", "del", &self.name]) {
            eprintln!("cleanup: {error}");
        }
    }
}
