//! MPLS label stack entries.

use netlink_packet_core::DecodeError;

/// One MPLS label stack entry (4 bytes, network order): 20-bit label,
/// 3-bit traffic class, bottom-of-stack bit and 8-bit TTL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MplsLabel {
    /// The 20-bit label value.
    pub label: u32,
    /// The 3-bit traffic class (formerly EXP).
    pub traffic_class: u8,
    /// The bottom-of-stack bit.
    pub bottom_of_stack: bool,
    /// The TTL (0 in route attributes).
    pub ttl: u8,
}

/// Length of one label stack entry on the wire.
pub const MPLS_LABEL_LEN: usize = 4;

impl MplsLabel {
    /// A label entry with the given value and bottom-of-stack bit, traffic
    /// class and TTL 0 (the form routes use).
    pub fn new(label: u32, bottom_of_stack: bool) -> Self {
        MplsLabel {
            label: label & 0xf_ffff,
            traffic_class: 0,
            bottom_of_stack,
            ttl: 0,
        }
    }

    /// Decodes one entry from its 32-bit network-order value.
    pub fn from_wire(value: u32) -> Self {
        MplsLabel {
            label: value >> 12,
            traffic_class: ((value >> 9) & 0x7) as u8,
            bottom_of_stack: (value >> 8) & 1 == 1,
            ttl: (value & 0xff) as u8,
        }
    }

    /// The 32-bit value of the entry (to be written in network order).
    pub fn to_wire(self) -> u32 {
        ((self.label & 0xf_ffff) << 12)
            | (u32::from(self.traffic_class & 0x7) << 9)
            | (u32::from(self.bottom_of_stack) << 8)
            | u32::from(self.ttl)
    }

    /// Decodes a label stack: a non-empty multiple of 4 bytes.
    pub fn parse_stack(bytes: &[u8]) -> Result<Vec<MplsLabel>, DecodeError> {
        if bytes.is_empty() || bytes.len() % MPLS_LABEL_LEN != 0 {
            return Err(DecodeError::new(format!(
                "MPLS label stack: expected a non-empty multiple of 4 bytes, got {}",
                bytes.len()
            )));
        }
        Ok(bytes
            .chunks_exact(MPLS_LABEL_LEN)
            .map(|chunk| {
                MplsLabel::from_wire(u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
            })
            .collect())
    }

    /// Length of an emitted label stack.
    pub fn stack_len(stack: &[MplsLabel]) -> usize {
        stack.len() * MPLS_LABEL_LEN
    }

    /// Writes a label stack at the start of `buffer`.
    pub fn emit_stack(stack: &[MplsLabel], buffer: &mut [u8]) {
        for (label, chunk) in stack.iter().zip(buffer.chunks_exact_mut(MPLS_LABEL_LEN)) {
            chunk.copy_from_slice(&label.to_wire().to_be_bytes());
        }
    }

    /// Builds a label stack from label values, setting the bottom-of-stack
    /// bit on the last one (as `ip route ... encap mpls 100/200` does).
    pub fn stack(labels: &[u32]) -> Vec<MplsLabel> {
        let last = labels.len().saturating_sub(1);
        labels
            .iter()
            .enumerate()
            .map(|(index, &label)| MplsLabel::new(label, index == last))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_round_trip_keeps_every_bit() {
        for value in [0u32, 0x0006_4100, 0xffff_ffff, 0x1234_5678] {
            assert_eq!(MplsLabel::from_wire(value).to_wire(), value);
        }
        let label = MplsLabel::from_wire(0x0006_4100);
        assert_eq!(label.label, 100);
        assert!(label.bottom_of_stack);
    }

    #[test]
    fn stack_sets_bottom_on_last() {
        let stack = MplsLabel::stack(&[100, 200]);
        let mut bytes = [0u8; 8];
        MplsLabel::emit_stack(&stack, &mut bytes);
        assert_eq!(bytes, [0, 0x06, 0x40, 0, 0, 0x0c, 0x81, 0]);
        assert_eq!(MplsLabel::parse_stack(&bytes).unwrap(), stack);
        assert!(MplsLabel::parse_stack(&bytes[..3]).is_err());
        assert!(MplsLabel::parse_stack(&[]).is_err());
    }
}
