//! Attribute lists: the zero-copy iterator, raw attributes, extended ack and
//! policy decoding, and the value parsers.
//!
//! Properties: nothing panics; every attribute the iterator yields re-emits
//! as a `RawNla` to exactly its bytes (plus zero padding); a decoded
//! extended ack re-emits to bytes that decode to the same value.

#![no_main]

use libfuzzer_sys::fuzz_target;
use netlink_packet_core::{
    nla_align, parse, Emitable, ExtendedAck, NlasIterator, Parseable, Policy, RawNla,
};

fn emit<E: Emitable + ?Sized>(value: &E) -> Vec<u8> {
    let mut bytes = vec![0u8; value.buffer_len()];
    value.emit(&mut bytes);
    bytes
}

fuzz_target!(|data: &[u8]| {
    let mut offset = 0;
    for nla in NlasIterator::new(data) {
        let Ok(nla) = nla else { break };
        let length = usize::from(nla.length());
        let raw = RawNla::parse(&nla).expect("raw attributes always decode");
        let emitted = emit(&raw);
        assert_eq!(emitted.len(), nla_align(length));
        assert_eq!(&emitted[..length], &data[offset..offset + length]);
        assert!(emitted[length..].iter().all(|&byte| byte == 0));
        let value = nla.value();
        let _ = parse::parse_u32(value);
        let _ = parse::parse_string(value);
        let _ = parse::parse_c_string(value);
        let _ = parse::parse_ip(value);
        offset += nla_align(length);
    }

    if let Ok(ack) = ExtendedAck::parse(data) {
        let again = ExtendedAck::parse(&emit(&ack)[..]).expect("re-emitted ext ack decodes");
        assert_eq!(again, ack);
        let _ = ack.offending_attribute(data);
        let _ = ack.to_string();
    }
    if let Ok(policy) = Policy::parse(data) {
        let _ = policy.to_string();
    }
});
