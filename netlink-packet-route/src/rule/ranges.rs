//! UID and port ranges (`struct fib_rule_uid_range`, `struct fib_rule_port_range`).

use netlink_packet_core::DecodeError;

/// A UID range (`FRA_UID_RANGE`, `struct fib_rule_uid_range`), inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RuleUidRange {
    /// First UID of the range.
    pub start: u32,
    /// Last UID of the range.
    pub end: u32,
}

impl RuleUidRange {
    /// Length on the wire.
    pub const LEN: usize = 8;

    /// Decodes the 8-byte structure.
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let Ok([s0, s1, s2, s3, e0, e1, e2, e3]) = <[u8; 8]>::try_from(bytes) else {
            return Err(DecodeError::new(format!(
                "expected 8 bytes of struct fib_rule_uid_range, got {}",
                bytes.len()
            )));
        };
        Ok(RuleUidRange {
            start: u32::from_ne_bytes([s0, s1, s2, s3]),
            end: u32::from_ne_bytes([e0, e1, e2, e3]),
        })
    }

    /// Writes the 8-byte structure at the start of `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is shorter than 8 bytes.
    pub fn emit(&self, buffer: &mut [u8]) {
        buffer[..4].copy_from_slice(&self.start.to_ne_bytes());
        buffer[4..8].copy_from_slice(&self.end.to_ne_bytes());
    }
}

/// A port range (`FRA_SPORT_RANGE`, `FRA_DPORT_RANGE`,
/// `struct fib_rule_port_range`), inclusive, in host byte order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RulePortRange {
    /// First port of the range.
    pub start: u16,
    /// Last port of the range.
    pub end: u16,
}

impl RulePortRange {
    /// Length on the wire.
    pub const LEN: usize = 4;

    /// Decodes the 4-byte structure.
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let Ok([s0, s1, e0, e1]) = <[u8; 4]>::try_from(bytes) else {
            return Err(DecodeError::new(format!(
                "expected 4 bytes of struct fib_rule_port_range, got {}",
                bytes.len()
            )));
        };
        Ok(RulePortRange {
            start: u16::from_ne_bytes([s0, s1]),
            end: u16::from_ne_bytes([e0, e1]),
        })
    }

    /// Writes the 4-byte structure at the start of `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is shorter than 4 bytes.
    pub fn emit(&self, buffer: &mut [u8]) {
        buffer[..2].copy_from_slice(&self.start.to_ne_bytes());
        buffer[2..4].copy_from_slice(&self.end.to_ne_bytes());
    }
}
