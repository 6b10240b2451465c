//! Link-layer (hardware) addresses of any length up to `MAX_ADDR_LEN`.

use std::fmt;
use std::str::FromStr;

use netlink_packet_core::DecodeError;

use crate::link::codec::WireValue;

/// A link-layer address (`IFLA_ADDRESS`, `IFLA_BROADCAST`,
/// `IFLA_PERM_ADDRESS`), stored inline (no allocation).
///
/// Its length depends on the device type: 6 bytes for Ethernet, 4 for IPv4
/// tunnels, 16 for IPv6 tunnels, 20 for InfiniBand, at most
/// [`LinkAddress::MAX_LEN`] (the kernel's `MAX_ADDR_LEN`).
///
/// ```
/// use netlink_packet_route::link::LinkAddress;
/// let mac: LinkAddress = "02:fa:00:00:77:01".parse().unwrap();
/// assert_eq!(mac.as_bytes(), &[0x02, 0xfa, 0, 0, 0x77, 0x01]);
/// assert_eq!(mac.to_string(), "02:fa:00:00:77:01");
/// assert_eq!(mac.to_mac(), Some([0x02, 0xfa, 0, 0, 0x77, 0x01]));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct LinkAddress {
    len: u8,
    bytes: [u8; LinkAddress::MAX_LEN],
}

impl LinkAddress {
    /// The longest link-layer address (`MAX_ADDR_LEN`).
    pub const MAX_LEN: usize = 32;

    /// The address made of `bytes`, or `None` if longer than
    /// [`LinkAddress::MAX_LEN`].
    pub fn new(bytes: &[u8]) -> Option<Self> {
        if bytes.len() > Self::MAX_LEN {
            return None;
        }
        let mut address = LinkAddress {
            len: bytes.len() as u8,
            bytes: [0; Self::MAX_LEN],
        };
        address.bytes[..bytes.len()].copy_from_slice(bytes);
        Some(address)
    }

    /// The address bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// Number of bytes.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Whether the address has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The address as a 6-byte MAC address, if it is one.
    pub fn to_mac(&self) -> Option<[u8; 6]> {
        <[u8; 6]>::try_from(self.as_bytes()).ok()
    }
}

impl Default for LinkAddress {
    fn default() -> Self {
        LinkAddress {
            len: 0,
            bytes: [0; Self::MAX_LEN],
        }
    }
}

impl From<[u8; 6]> for LinkAddress {
    fn from(mac: [u8; 6]) -> Self {
        let mut bytes = [0; Self::MAX_LEN];
        bytes[..6].copy_from_slice(&mac);
        LinkAddress { len: 6, bytes }
    }
}

impl fmt::Display for LinkAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, byte) in self.as_bytes().iter().enumerate() {
            if index > 0 {
                f.write_str(":")?;
            }
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for LinkAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LinkAddress({self})")
    }
}

/// The error of parsing a [`LinkAddress`] from text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid link-layer address {0:?}: expected up to 32 hex bytes separated by ':'")]
pub struct LinkAddressParseError(String);

impl FromStr for LinkAddress {
    type Err = LinkAddressParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || LinkAddressParseError(text.to_owned());
        let mut address = LinkAddress::default();
        if text.is_empty() {
            return Ok(address);
        }
        for part in text.split(':') {
            if part.is_empty() || part.len() > 2 || address.len() == Self::MAX_LEN {
                return Err(error());
            }
            let byte = u8::from_str_radix(part, 16).map_err(|_| error())?;
            address.bytes[address.len()] = byte;
            address.len += 1;
        }
        Ok(address)
    }
}

impl WireValue for LinkAddress {
    fn decode_value(bytes: &[u8]) -> Result<Self, DecodeError> {
        LinkAddress::new(bytes).ok_or_else(|| {
            DecodeError::new(format!(
                "link-layer address of {} bytes exceeds the maximum of {}",
                bytes.len(),
                Self::MAX_LEN
            ))
        })
    }

    fn value_len(&self) -> usize {
        self.len()
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        buffer.copy_from_slice(self.as_bytes())
    }
}
