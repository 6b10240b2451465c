//! The IPv6 segment routing header (`struct ipv6_sr_hdr`) carried by SEG6
//! encapsulations.

use std::net::Ipv6Addr;

use netlink_packet_core::DecodeError;

use crate::common::nla_codec::Codec;

/// Length of the fixed part of `struct ipv6_sr_hdr`.
pub const IPV6_SR_HEADER_LEN: usize = 8;

/// An IPv6 segment routing header (`struct ipv6_sr_hdr`), as given to
/// `ip route ... encap seg6 mode encap segs A,B`. All fields are kept as on
/// the wire, so re-emitting is byte-identical.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Ipv6SrHeader {
    /// `nexthdr`
    pub next_header: u8,
    /// `hdrlen`: length after the first 8 bytes, in 8-byte units.
    pub header_length: u8,
    /// `type`: routing type (4 for SRH).
    pub routing_type: u8,
    /// `segments_left`
    pub segments_left: u8,
    /// `first_segment`: index of the last entry of the segment list.
    pub first_segment: u8,
    /// `flags` (`SR6_FLAG1_*`)
    pub flags: u8,
    /// `tag` (host order here, network order on the wire)
    pub tag: u16,
    /// The segment list (`first_segment + 1` entries; the list is in reverse
    /// order: entry 0 is the final segment).
    pub segments: Vec<Ipv6Addr>,
    /// Bytes after the segment list (TLVs such as HMAC), unchanged.
    pub tlvs: Vec<u8>,
}

impl Ipv6SrHeader {
    /// A header for the given segments in travel order (first segment to
    /// visit first), as `ip ... segs A,B,C` builds it: the list is stored
    /// reversed, `hdrlen = 2 * n`, `segments_left = first_segment = n - 1`.
    pub fn from_segments(travel_order: &[Ipv6Addr]) -> Self {
        let count = travel_order.len();
        let last = u8::try_from(count.saturating_sub(1)).unwrap_or(u8::MAX);
        Ipv6SrHeader {
            next_header: 0,
            header_length: u8::try_from(count * 2).unwrap_or(u8::MAX),
            routing_type: 4,
            segments_left: last,
            first_segment: last,
            flags: 0,
            tag: 0,
            segments: travel_order.iter().rev().copied().collect(),
            tlvs: Vec::new(),
        }
    }

    /// Decodes a header from `bytes` (the segment list length comes from
    /// `first_segment`; whatever follows is kept as `tlvs`).
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let Some((fixed, rest)) = bytes.split_first_chunk::<IPV6_SR_HEADER_LEN>() else {
            return Err(DecodeError::new(format!(
                "struct ipv6_sr_hdr: expected at least {IPV6_SR_HEADER_LEN} bytes, got {}",
                bytes.len()
            )));
        };
        let count = usize::from(fixed[4]) + 1;
        let segment_bytes = count * 16;
        let Some((list, tlvs)) = rest.split_at_checked(segment_bytes) else {
            return Err(DecodeError::new(format!(
                "struct ipv6_sr_hdr: first_segment {} needs {segment_bytes} bytes of segments, got {}",
                fixed[4],
                rest.len()
            )));
        };
        let segments = list
            .chunks_exact(16)
            .map(|chunk| {
                let mut octets = [0u8; 16];
                octets.copy_from_slice(chunk);
                Ipv6Addr::from(octets)
            })
            .collect();
        Ok(Ipv6SrHeader {
            next_header: fixed[0],
            header_length: fixed[1],
            routing_type: fixed[2],
            segments_left: fixed[3],
            first_segment: fixed[4],
            flags: fixed[5],
            tag: u16::from_be_bytes([fixed[6], fixed[7]]),
            segments,
            tlvs: tlvs.to_vec(),
        })
    }

    /// Length on the wire.
    pub fn buffer_len(&self) -> usize {
        IPV6_SR_HEADER_LEN + self.segments.len() * 16 + self.tlvs.len()
    }

    /// Writes the header at the start of `buffer`.
    pub fn emit(&self, buffer: &mut [u8]) {
        buffer[0] = self.next_header;
        buffer[1] = self.header_length;
        buffer[2] = self.routing_type;
        buffer[3] = self.segments_left;
        buffer[4] = self.first_segment;
        buffer[5] = self.flags;
        buffer[6..8].copy_from_slice(&self.tag.to_be_bytes());
        let mut offset = IPV6_SR_HEADER_LEN;
        for segment in &self.segments {
            buffer[offset..offset + 16].copy_from_slice(&segment.octets());
            offset += 16;
        }
        buffer[offset..offset + self.tlvs.len()].copy_from_slice(&self.tlvs);
    }
}

/// `struct ipv6_sr_hdr` as an attribute value.
pub(crate) struct SrhCodec;
impl Codec for SrhCodec {
    type Value = Ipv6SrHeader;
    fn parse(bytes: &[u8]) -> Result<Ipv6SrHeader, DecodeError> {
        Ipv6SrHeader::parse(bytes)
    }
    fn len(value: &Ipv6SrHeader) -> usize {
        value.buffer_len()
    }
    fn emit(value: &Ipv6SrHeader, buffer: &mut [u8]) {
        value.emit(buffer)
    }
}
