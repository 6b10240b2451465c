//! Device I/O map (`IFLA_MAP`, `struct rtnl_link_ifmap`).

use netlink_packet_core::DecodeError;

use crate::link::codec::{u64_at, WireValue};

/// Hardware I/O parameters of a device (`IFLA_MAP`). Mostly zero on
/// modern hardware.
///
/// The structure is 28 bytes of fields, padded to 32 where `u64` is 8-byte
/// aligned (as on x86-64); the kernel sends the size of its platform with
/// zero padding, which is what is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LinkMap {
    /// Shared memory start.
    pub mem_start: u64,
    /// Shared memory end.
    pub mem_end: u64,
    /// I/O base address.
    pub base_addr: u64,
    /// Interrupt line.
    pub irq: u16,
    /// DMA channel.
    pub dma: u8,
    /// Port (media) type.
    pub port: u8,
}

impl LinkMap {
    const FIELDS_LEN: usize = 28;
    const WIRE_LEN: usize = if std::mem::align_of::<u64>() == 8 {
        32
    } else {
        28
    };
}

impl WireValue for LinkMap {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        if bytes.len() != Self::WIRE_LEN {
            return Err(DecodeError::new(format!(
                "expected {} bytes, got {}",
                Self::WIRE_LEN,
                bytes.len()
            )));
        }
        if bytes[Self::FIELDS_LEN..].iter().any(|&byte| byte != 0) {
            return Err(DecodeError::new("non-zero padding at the end"));
        }
        Ok(LinkMap {
            mem_start: u64_at(bytes, 0),
            mem_end: u64_at(bytes, 1),
            base_addr: u64_at(bytes, 2),
            irq: u16::from_ne_bytes([bytes[24], bytes[25]]),
            dma: bytes[26],
            port: bytes[27],
        })
    }

    fn value_len(&self) -> usize {
        Self::WIRE_LEN
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer[0..8].copy_from_slice(&self.mem_start.to_ne_bytes());
        buffer[8..16].copy_from_slice(&self.mem_end.to_ne_bytes());
        buffer[16..24].copy_from_slice(&self.base_addr.to_ne_bytes());
        buffer[24..26].copy_from_slice(&self.irq.to_ne_bytes());
        buffer[26] = self.dma;
        buffer[27] = self.port;
        buffer[Self::FIELDS_LEN..].fill(0);
    }
}
