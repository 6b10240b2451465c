//! Shared helpers of the live-kernel tests and the benchmark: hand-built
//! NETLINK_ROUTE messages (no dependency on a route packet crate) and fast
//! route population.

#![allow(dead_code)]

use std::{io, net::Ipv4Addr};

use netlink_packet_core::{
    nla::NlasIterator, DatagramMessages, NetlinkFlags, NetlinkMessage, NetlinkPayload, RawMessage,
    NLMSG_DONE, NLMSG_ERROR, NLM_F_ACK, NLM_F_CREATE, NLM_F_DUMP, NLM_F_EXCL, NLM_F_REQUEST,
};
use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};

pub const KERNEL: SocketAddr = SocketAddr::new(0, 0);
pub const RTM_NEWLINK: u16 = 16;
pub const RTM_GETLINK: u16 = 18;
pub const RTM_NEWROUTE: u16 = 24;
pub const RTM_GETROUTE: u16 = 26;
pub const RTNLGRP_IPV4_ROUTE: u32 = 7;
const AF_INET: u8 = 2;
const RT_TABLE_MAIN: u8 = 254;
const RTA_DST: u16 = 1;
const RTA_OIF: u16 = 4;
const RTA_TABLE: u16 = 15;
pub const LOOPBACK_INDEX: i32 = 1;

fn message(message_type: u16, flags: u16, payload: Vec<u8>) -> NetlinkMessage<RawMessage> {
    let mut message = NetlinkMessage::from(RawMessage::new(message_type, payload));
    message.header.flags = NetlinkFlags::from_bits_retain(flags);
    message
}

/// `RTM_GETLINK` for one interface index.
pub fn get_link(index: i32, ack: bool) -> NetlinkMessage<RawMessage> {
    let mut payload = vec![0u8; 16];
    payload[4..8].copy_from_slice(&index.to_ne_bytes());
    let flags = NLM_F_REQUEST | if ack { NLM_F_ACK } else { 0 };
    message(RTM_GETLINK, flags, payload)
}

/// The interface index of an `RTM_NEWLINK` reply.
pub fn link_index(message: &NetlinkMessage<RawMessage>) -> Option<i32> {
    match &message.payload {
        NetlinkPayload::InnerMessage(raw) if raw.message_type == RTM_NEWLINK => {
            let bytes: [u8; 4] = raw.payload.get(4..8)?.try_into().ok()?;
            Some(i32::from_ne_bytes(bytes))
        }
        _ => None,
    }
}

/// `RTM_GETROUTE` dump of IPv4 routes.
pub fn dump_ipv4_routes() -> NetlinkMessage<RawMessage> {
    let mut payload = vec![0u8; 12];
    payload[0] = AF_INET;
    message(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, payload)
}

/// The `rtmsg` + attributes of `RTM_NEWROUTE` for `destination/prefix dev lo`.
fn new_route_payload(destination: Ipv4Addr, prefix: u8) -> Vec<u8> {
    let mut payload = vec![AF_INET, prefix, 0, 0, RT_TABLE_MAIN, 4, 253, 1, 0, 0, 0, 0];
    payload.extend_from_slice(&8u16.to_ne_bytes());
    payload.extend_from_slice(&RTA_DST.to_ne_bytes());
    payload.extend_from_slice(&destination.octets());
    payload.extend_from_slice(&8u16.to_ne_bytes());
    payload.extend_from_slice(&RTA_OIF.to_ne_bytes());
    payload.extend_from_slice(&(LOOPBACK_INDEX as u32).to_ne_bytes());
    payload
}

/// `RTM_NEWROUTE` for `destination/prefix dev lo`.
pub fn new_route(destination: Ipv4Addr, prefix: u8, ack: bool) -> NetlinkMessage<RawMessage> {
    let flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL | if ack { NLM_F_ACK } else { 0 };
    message(RTM_NEWROUTE, flags, new_route_payload(destination, prefix))
}

/// The `n`-th test route: 10.x.y.0/24 for n < 65536, then 11.x.y.z/32.
pub fn route_destination(n: u32) -> (Ipv4Addr, u8) {
    if n < 65536 {
        (Ipv4Addr::new(10, (n >> 8) as u8, n as u8, 0), 24)
    } else {
        let m = n - 65536;
        (
            Ipv4Addr::new(
                11 + (m >> 24) as u8,
                (m >> 16) as u8,
                (m >> 8) as u8,
                m as u8,
            ),
            32,
        )
    }
}

/// Destination of a main-table IPv4 route message, or `None` for other
/// tables or kinds.
pub fn main_table_destination(message: &NetlinkMessage<RawMessage>) -> Option<(Ipv4Addr, u8)> {
    let NetlinkPayload::InnerMessage(raw) = &message.payload else {
        return None;
    };
    route_destination_of(raw.message_type, &raw.payload)
}

/// Destination of a main-table IPv4 route from raw `rtmsg` bytes.
pub fn route_destination_of(message_type: u16, payload: &[u8]) -> Option<(Ipv4Addr, u8)> {
    if message_type != RTM_NEWROUTE || payload.len() < 12 || payload[0] != AF_INET {
        return None;
    }
    let mut table = u32::from(payload[4]);
    let mut destination = None;
    for attribute in NlasIterator::new(&payload[12..]) {
        let attribute = attribute.ok()?;
        match attribute.kind() {
            RTA_DST => {
                let octets: [u8; 4] = attribute.value().try_into().ok()?;
                destination = Some(Ipv4Addr::from(octets));
            }
            RTA_TABLE => {
                let bytes: [u8; 4] = attribute.value().try_into().ok()?;
                table = u32::from_ne_bytes(bytes);
            }
            _ => {}
        }
    }
    if table != u32::from(RT_TABLE_MAIN) {
        return None;
    }
    Some((destination?, payload[1]))
}

/// Adds routes `first..first+count` (see [`route_destination`]) through a
/// plain socket: batches of requests without acks, then one acked request
/// to learn that all were processed; fails on any error the kernel sent.
pub fn add_routes(first: u32, count: u32) -> io::Result<()> {
    let mut socket = Socket::new(NETLINK_ROUTE)?;
    socket.bind_auto()?;
    socket.set_ext_ack(true)?;
    let mut batch = Vec::with_capacity(64 * 1024);
    let mut sequence = 1u32;
    let mut buffer = Vec::with_capacity(64 * 1024);
    let send = |batch: &mut Vec<u8>| -> io::Result<()> {
        if !batch.is_empty() {
            socket.send_to(batch, &KERNEL, 0)?;
            batch.clear();
        }
        Ok(())
    };
    for n in first..first + count {
        let (destination, prefix) = route_destination(n);
        let last = n + 1 == first + count;
        let mut message = new_route(destination, prefix, last);
        message.header.sequence_number = sequence;
        sequence += 1;
        message.finalize();
        let start = batch.len();
        batch.resize(start + message.buffer_len(), 0);
        message.serialize(&mut batch[start..]);
        if batch.len() > 60 * 1024 {
            send(&mut batch)?;
        }
    }
    send(&mut batch)?;
    let last_sequence = sequence - 1;
    loop {
        socket.recv_datagram(&mut buffer)?;
        for message in DatagramMessages::new(&buffer) {
            let message = message.map_err(io::Error::other)?;
            if message.message_type() == NLMSG_ERROR {
                let parsed = NetlinkMessage::<RawMessage>::deserialize(message.message_bytes())
                    .map_err(io::Error::other)?;
                match parsed.payload {
                    NetlinkPayload::Error(error) => {
                        return Err(io::Error::other(format!(
                            "adding route (sequence {}): {error}",
                            parsed.header.sequence_number
                        )))
                    }
                    NetlinkPayload::Ack(_) if parsed.header.sequence_number == last_sequence => {
                        return Ok(())
                    }
                    _ => {}
                }
            } else if message.message_type() == NLMSG_DONE {
                return Err(io::Error::other("unexpected NLMSG_DONE"));
            }
        }
    }
}
