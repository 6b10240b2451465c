//! Dump the machine's network interfaces with the synchronous socket of
//! `netlink-sys` and the core types of `netlink-packet-core`.
//!
//! This works without root: reading links is allowed to every user.
//!
//! ```text
//! cargo run -p netlink-examples --bin dump_links
//! ```

use std::process::ExitCode;

use netlink_packet_core::{
    parse_string, parse_u32, DatagramMessages, Emitable, NetlinkFlags, NetlinkHeader,
    NetlinkMessage, NetlinkPayload, NlasIterator, Parseable, RawMessage, NLM_F_DUMP, NLM_F_REQUEST,
};
use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};

const RTM_GETLINK: u16 = 18;
const RTM_NEWLINK: u16 = 16;
const IFINFOMSG_LEN: usize = 16;
const IFLA_ADDRESS: u16 = 1;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFF_UP: u32 = 1;

/// One interface, as printed.
struct Link {
    index: i32,
    name: String,
    mtu: Option<u32>,
    up: bool,
    address: Option<String>,
}

fn build_request() -> Vec<u8> {
    let header = NetlinkHeader {
        length: (16 + IFINFOMSG_LEN) as u32,
        message_type: RTM_GETLINK,
        flags: NetlinkFlags::from_bits_retain(NLM_F_REQUEST | NLM_F_DUMP),
        sequence_number: 1,
        port_number: 0,
    };
    let mut request = vec![0u8; 16 + IFINFOMSG_LEN];
    header.emit(&mut request[..16]);
    // ifinfomsg: family AF_UNSPEC and everything else zero.
    request
}

fn decode_link(payload: &[u8]) -> Result<Link, String> {
    let header = payload
        .get(..IFINFOMSG_LEN)
        .ok_or_else(|| format!("ifinfomsg too short: {} bytes", payload.len()))?;
    let index = i32::from_ne_bytes([header[4], header[5], header[6], header[7]]);
    let flags = u32::from_ne_bytes([header[8], header[9], header[10], header[11]]);
    let mut link = Link {
        index,
        name: String::new(),
        mtu: None,
        up: flags & IFF_UP != 0,
        address: None,
    };
    for attribute in NlasIterator::new(&payload[IFINFOMSG_LEN..]) {
        let attribute = attribute.map_err(|e| e.to_string())?;
        match attribute.kind() {
            IFLA_IFNAME => {
                link.name = parse_string(attribute.value()).map_err(|e| e.to_string())?
            }
            IFLA_MTU => link.mtu = Some(parse_u32(attribute.value()).map_err(|e| e.to_string())?),
            IFLA_ADDRESS => {
                let hex: Vec<String> = attribute
                    .value()
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                link.address = Some(hex.join(":"));
            }
            _ => {}
        }
    }
    Ok(link)
}

fn run() -> Result<Vec<Link>, String> {
    let mut socket = Socket::new(NETLINK_ROUTE).map_err(|e| format!("socket: {e}"))?;
    socket.bind_auto().map_err(|e| format!("bind: {e}"))?;
    socket
        .send_to(&build_request(), &SocketAddr::new(0, 0), 0)
        .map_err(|e| format!("send: {e}"))?;

    let mut links = Vec::new();
    let mut buffer = Vec::with_capacity(32 * 1024);
    loop {
        socket
            .recv_datagram(&mut buffer)
            .map_err(|e| format!("recv: {e}"))?;
        for message in DatagramMessages::new(&buffer) {
            let message = message.map_err(|e| format!("decode: {e}"))?;
            let message = NetlinkMessage::<RawMessage>::parse(&message)
                .map_err(|e| format!("decode: {e}"))?;
            match message.payload {
                NetlinkPayload::Done(_) => return Ok(links),
                NetlinkPayload::Error(error) => return Err(format!("kernel error: {error}")),
                NetlinkPayload::InnerMessage(inner) if inner.message_type == RTM_NEWLINK => {
                    links.push(decode_link(&inner.payload)?)
                }
                _ => {}
            }
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(links) => {
            for link in links {
                println!(
                    "{}: {}: mtu {} state {}{}",
                    link.index,
                    link.name,
                    link.mtu.map_or_else(|| "?".to_string(), |m| m.to_string()),
                    if link.up { "UP" } else { "DOWN" },
                    link.address
                        .map(|a| format!(" link {a}"))
                        .unwrap_or_default()
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("dump_links: {error}");
            ExitCode::FAILURE
        }
    }
}
