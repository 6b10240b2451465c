//! Address-family specific link information (`IFLA_AF_SPEC`).
//!
//! In messages of family `AF_UNSPEC` the nest holds one nest per address
//! family ([`AfSpecAttribute`]: `AF_INET`, `AF_INET6`); in messages of
//! family `AF_BRIDGE` it holds bridge attributes directly
//! ([`BridgeAfSpecAttribute`]).

mod bridge;
mod inet;
mod inet6;
mod int_array;

pub use bridge::{
    BridgeAfSpecAttribute, BridgeFlags, BridgeMode, BridgeVlanInfo, BridgeVlanInfoFlags,
    BridgeVlanTunnelAttribute,
};
pub use inet::{InetAttribute, InetDevConf, Ipv4DevConf};
pub use inet6::{
    AddrGenMode, Icmp6Stats, Icmp6StatsField, Inet6Attribute, Inet6CacheInfo, Inet6DevConf,
    Inet6IfFlags, Inet6Stats, Inet6StatsField, Ipv6DevConf,
};

use crate::link::codec::attribute_set;
use crate::link::Nested;

attribute_set! {
    /// One per-family nest of `IFLA_AF_SPEC` in a link message of family
    /// `AF_UNSPEC` (the nest type is the address family).
    pub enum AfSpecAttribute {
        /// IPv4 settings of the device.
        Inet(Nested<InetAttribute>, Nest) = AF_INET(2),
        /// IPv6 settings and counters of the device.
        Inet6(Nested<Inet6Attribute>, Nest) = AF_INET6(10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::codec::WireValue;

    #[test]
    fn inline_array_spills_to_heap_losslessly_and_compares_by_value() {
        // 40 values: more than the 36 kept inline.
        let values: Vec<u32> = (1..=40).collect();
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_ne_bytes()).collect();
        let decoded = InetDevConf::decode_value(&bytes).unwrap();
        assert_eq!(decoded.as_slice(), values.as_slice());
        assert_eq!(decoded.value_len(), bytes.len());
        let mut emitted = vec![0; bytes.len()];
        decoded.emit_value(&mut emitted);
        assert_eq!(emitted, bytes);

        // Growing an inline array past its capacity gives the same value
        // as building it whole.
        let mut grown = InetDevConf::from(&values[..3]);
        assert_eq!(grown.len(), 3);
        grown.set(Ipv4DevConf::ArpEvictNocarrier, 33);
        assert_eq!(grown.len(), 33);
        assert_eq!(grown.get(Ipv4DevConf::Forwarding), Some(1));
        assert_eq!(grown.get(Ipv4DevConf::ArpEvictNocarrier), Some(33));
        let mut expected = vec![0; 33];
        expected[..3].copy_from_slice(&values[..3]);
        expected[32] = 33;
        assert_eq!(grown, InetDevConf::from(expected));

        let short = InetDevConf::decode_value(&bytes[..12]).unwrap();
        assert_eq!(short, InetDevConf::from(vec![1, 2, 3]));
        assert!(InetDevConf::decode_value(&bytes[..5]).is_err());
        assert!(InetDevConf::default().is_empty());
    }
}
