//! The prefix message header (`struct prefixmsg`) and the checked view over
//! a whole prefix message payload.

use netlink_packet_core::{DecodeError, Emitable, NlasIterator, Parseable};

use crate::common::AddressFamily;

/// Length of `struct prefixmsg`.
pub const PREFIX_HEADER_LEN: usize = 12;

const FAMILY: usize = 0;
const PAD1: usize = 1;
const PAD2: usize = 2;
const IFINDEX: usize = 4;
const KIND: usize = 8;
const PREFIX_LEN: usize = 9;
const FLAGS: usize = 10;
const PAD3: usize = 11;

bitflags::bitflags! {
    /// Prefix flags (`prefix_flags`, `IF_PREFIX_*`). Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct PrefixFlags: u8 {
        /// `IF_PREFIX_ONLINK`: the prefix is on-link.
        const ONLINK = 0x01;
        /// `IF_PREFIX_AUTOCONF`: usable for address autoconfiguration.
        const AUTOCONF = 0x02;
    }
}

/// A checked view over a prefix message payload: the 12-byte
/// `struct prefixmsg` followed by `PREFIX_*` attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrefixMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> PrefixMessageBuffer<T> {
    /// Wraps `buffer` without checking its length; getters of a short
    /// buffer return 0.
    pub fn new(buffer: T) -> Self {
        PrefixMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds the whole header.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < PREFIX_HEADER_LEN {
            return Err(DecodeError::new(format!(
                "prefix message: expected at least {PREFIX_HEADER_LEN} bytes of struct prefixmsg, got {len}"
            )));
        }
        Ok(PrefixMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    fn byte(&self, offset: usize) -> u8 {
        self.buffer.as_ref().get(offset).copied().unwrap_or(0)
    }

    /// `prefix_family` (`AF_INET6`).
    pub fn family(&self) -> u8 {
        self.byte(FAMILY)
    }

    /// `prefix_ifindex`: the interface the advertisement arrived on.
    pub fn ifindex(&self) -> u32 {
        self.buffer
            .as_ref()
            .get(IFINDEX..)
            .and_then(|bytes| bytes.first_chunk::<4>())
            .map_or(0, |bytes| u32::from_ne_bytes(*bytes))
    }

    /// `prefix_type`: the ND option type (3, prefix information).
    pub fn kind(&self) -> u8 {
        self.byte(KIND)
    }

    /// `prefix_len`
    pub fn prefix_len(&self) -> u8 {
        self.byte(PREFIX_LEN)
    }

    /// `prefix_flags`
    pub fn flags(&self) -> PrefixFlags {
        PrefixFlags::from_bits_retain(self.byte(FLAGS))
    }

    /// The reserved bytes `prefix_pad1`, `prefix_pad2` (2 bytes) and
    /// `prefix_pad3`, in wire order.
    pub fn padding(&self) -> [u8; 4] {
        [
            self.byte(PAD1),
            self.byte(PAD2),
            self.byte(PAD2 + 1),
            self.byte(PAD3),
        ]
    }

    /// The attribute bytes after the header.
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(PREFIX_HEADER_LEN..)
            .unwrap_or_default()
    }

    /// Iterates over the attributes without allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> PrefixMessageBuffer<T> {
    fn set_byte(&mut self, offset: usize, value: u8) {
        self.buffer.as_mut()[offset] = value;
    }

    /// Sets `prefix_family`.
    pub fn set_family(&mut self, value: u8) {
        self.set_byte(FAMILY, value)
    }

    /// Sets `prefix_ifindex`.
    pub fn set_ifindex(&mut self, value: u32) {
        self.buffer.as_mut()[IFINDEX..IFINDEX + 4].copy_from_slice(&value.to_ne_bytes())
    }

    /// Sets `prefix_type`.
    pub fn set_kind(&mut self, value: u8) {
        self.set_byte(KIND, value)
    }

    /// Sets `prefix_len`.
    pub fn set_prefix_len(&mut self, value: u8) {
        self.set_byte(PREFIX_LEN, value)
    }

    /// Sets `prefix_flags`.
    pub fn set_flags(&mut self, value: PrefixFlags) {
        self.set_byte(FLAGS, value.bits())
    }

    /// Sets the reserved bytes (see [`PrefixMessageBuffer::padding`]).
    pub fn set_padding(&mut self, value: [u8; 4]) {
        let [pad1, pad2_low, pad2_high, pad3] = value;
        self.set_byte(PAD1, pad1);
        self.set_byte(PAD2, pad2_low);
        self.set_byte(PAD2 + 1, pad2_high);
        self.set_byte(PAD3, pad3);
    }
}

/// The fixed header of a prefix message (`struct prefixmsg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PrefixHeader {
    /// `prefix_family`
    pub family: AddressFamily,
    /// `prefix_ifindex`
    pub ifindex: u32,
    /// `prefix_type`: the ND option type (3, prefix information).
    pub kind: u8,
    /// `prefix_len`
    pub prefix_len: u8,
    /// `prefix_flags`
    pub flags: PrefixFlags,
    /// The reserved bytes (zero from the kernel), kept so that any message
    /// re-emits unchanged.
    pub padding: [u8; 4],
}

impl Default for PrefixHeader {
    /// An `AF_INET6` prefix information header (type 3) with everything
    /// else zero.
    fn default() -> Self {
        PrefixHeader {
            family: AddressFamily::Inet6,
            ifindex: 0,
            kind: 3,
            prefix_len: 0,
            flags: PrefixFlags::empty(),
            padding: [0; 4],
        }
    }
}

impl<T: AsRef<[u8]>> Parseable<PrefixMessageBuffer<T>> for PrefixHeader {
    fn parse(buf: &PrefixMessageBuffer<T>) -> Result<Self, DecodeError> {
        Ok(PrefixHeader {
            family: buf.family().into(),
            ifindex: buf.ifindex(),
            kind: buf.kind(),
            prefix_len: buf.prefix_len(),
            flags: buf.flags(),
            padding: buf.padding(),
        })
    }
}

impl Emitable for PrefixHeader {
    fn buffer_len(&self) -> usize {
        PREFIX_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buf = PrefixMessageBuffer::new(&mut buffer[..PREFIX_HEADER_LEN]);
        buf.set_family(self.family.into());
        buf.set_padding(self.padding);
        buf.set_ifindex(self.ifindex);
        buf.set_kind(self.kind);
        buf.set_prefix_len(self.prefix_len);
        buf.set_flags(self.flags);
    }
}
