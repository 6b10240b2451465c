//! Whole netlink datagrams: the strict and lenient walks, message decoding
//! (control messages with extended ack, raw inner messages) and re-emission.
//!
//! Properties: nothing panics; whatever decodes re-emits to bytes that
//! decode again, and a second round trip is byte-identical (emit ∘ parse
//! reaches a fixed point after one round).

#![no_main]

use libfuzzer_sys::fuzz_target;
use netlink_packet_core::{DatagramMessages, NetlinkMessage, Parseable, RawMessage};

fn emit(message: &NetlinkMessage<RawMessage>) -> Vec<u8> {
    let mut bytes = vec![0u8; message.buffer_len()];
    message.serialize(&mut bytes);
    bytes
}

fn round_trip(mut message: NetlinkMessage<RawMessage>) {
    message.finalize();
    let first = emit(&message);
    let reparsed = NetlinkMessage::<RawMessage>::deserialize(&first)
        .unwrap_or_else(|error| panic!("re-emitted message does not decode: {error}"));
    let second = emit(&reparsed);
    assert_eq!(first, second, "emit/parse is not a fixed point");
}

fuzz_target!(|data: &[u8]| {
    if let Ok(message) = NetlinkMessage::<RawMessage>::deserialize(data) {
        round_trip(message);
    }
    for walk in [DatagramMessages::new(data), DatagramMessages::lenient(data)] {
        let mut failed = false;
        for item in walk {
            assert!(!failed, "datagram walk went on after an error");
            match item {
                Ok(buffer) => {
                    if let Ok(message) = NetlinkMessage::<RawMessage>::parse(&buffer) {
                        round_trip(message);
                    }
                }
                Err(_) => failed = true,
            }
        }
    }
});
