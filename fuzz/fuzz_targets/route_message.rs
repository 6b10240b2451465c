//! NETLINK_ROUTE messages: every rtnetlink decoder (links with all their
//! nested kinds, addresses, routes, nexthops, neighbours, rules, ...).
//!
//! Properties: nothing panics; whatever decodes re-emits to bytes that decode
//! again, and a second round trip is byte-identical.

#![no_main]

use libfuzzer_sys::fuzz_target;
use netlink_packet_core::{DatagramMessages, NetlinkMessage, Parseable};
use netlink_packet_route::RtnlMessage;

fn emit(message: &NetlinkMessage<RtnlMessage>) -> Vec<u8> {
    let mut bytes = vec![0u8; message.buffer_len()];
    message.serialize(&mut bytes);
    bytes
}

fn round_trip(mut message: NetlinkMessage<RtnlMessage>) {
    message.finalize();
    let first = emit(&message);
    let reparsed = NetlinkMessage::<RtnlMessage>::deserialize(&first)
        .unwrap_or_else(|error| panic!("re-emitted message does not decode: {error}"));
    let second = emit(&reparsed);
    assert_eq!(first, second, "emit/parse is not a fixed point");
}

fuzz_target!(|data: &[u8]| {
    for item in DatagramMessages::new(data) {
        let Ok(buffer) = item else { break };
        if let Ok(message) = NetlinkMessage::<RtnlMessage>::parse(&buffer) {
            round_trip(message);
        }
    }
});
