//! SRv6 encapsulation (`LWTUNNEL_ENCAP_SEG6`).

use netlink_packet_core::DecodeError;

use crate::common::nla_codec::{nla_enum, Codec};
use crate::common::numeric_enum::numeric_enum;
use crate::route::encap::Ipv6SrHeader;

/// `SEG6_IPTUNNEL_SRH`: `struct seg6_iptunnel_encap` (mode + SRH).
pub const SEG6_IPTUNNEL_SRH: u16 = 1;

numeric_enum! {
    /// How the SRH is applied (`SEG6_IPTUN_MODE_*`).
    pub enum Seg6Mode: u32 {
        /// `SEG6_IPTUN_MODE_INLINE`: insert the SRH in the packet.
        Inline = 0,
        /// `SEG6_IPTUN_MODE_ENCAP`: encapsulate in an outer IPv6 header.
        Encap = 1,
        /// `SEG6_IPTUN_MODE_L2ENCAP`: encapsulate the L2 frame.
        L2Encap = 2,
        /// `SEG6_IPTUN_MODE_ENCAP_RED`: reduced encapsulation.
        EncapRed = 3,
        /// `SEG6_IPTUN_MODE_L2ENCAP_RED`: reduced L2 encapsulation.
        L2EncapRed = 4,
    }
}

/// `struct seg6_iptunnel_encap`: the mode and the segment routing header.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Seg6Encap {
    /// `mode`
    pub mode: Seg6Mode,
    /// `srh`
    pub header: Ipv6SrHeader,
}

/// `struct seg6_iptunnel_encap` as an attribute value.
pub(crate) struct Seg6EncapCodec;
impl Codec for Seg6EncapCodec {
    type Value = Seg6Encap;
    fn parse(bytes: &[u8]) -> Result<Seg6Encap, DecodeError> {
        let Some((mode, srh)) = bytes.split_first_chunk::<4>() else {
            return Err(DecodeError::new(format!(
                "struct seg6_iptunnel_encap: expected at least 4 bytes, got {}",
                bytes.len()
            )));
        };
        Ok(Seg6Encap {
            mode: u32::from_ne_bytes(*mode).into(),
            header: Ipv6SrHeader::parse(srh)?,
        })
    }
    fn len(value: &Seg6Encap) -> usize {
        4 + value.header.buffer_len()
    }
    fn emit(value: &Seg6Encap, buffer: &mut [u8]) {
        buffer[..4].copy_from_slice(&u32::from(value.mode).to_ne_bytes());
        value.header.emit(&mut buffer[4..]);
    }
}

nla_enum! {
    /// An attribute of an SRv6 encapsulation (`SEG6_IPTUNNEL_*`), as in
    /// `ip -6 route add ... encap seg6 mode encap segs fc00::1,fc00::2`.
    pub enum Seg6EncapAttribute {
        /// `SEG6_IPTUNNEL_SRH`
        Srh(Seg6Encap) = SEG6_IPTUNNEL_SRH: Seg6EncapCodec,
    }
}
