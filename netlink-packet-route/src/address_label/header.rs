//! The address label message header (`struct ifaddrlblmsg`) and the
//! checked view over a whole address label message payload.

use netlink_packet_core::{DecodeError, Emitable, NlasIterator, Parseable};

use crate::common::AddressFamily;

/// Length of `struct ifaddrlblmsg`.
pub const ADDRESS_LABEL_HEADER_LEN: usize = 12;

const FAMILY: usize = 0;
const RESERVED: usize = 1;
const PREFIX_LEN: usize = 2;
const FLAGS: usize = 3;
const INDEX: usize = 4;
const SEQ: usize = 8;

/// A checked view over an address label message payload: the 12-byte
/// `struct ifaddrlblmsg` followed by `IFAL_*` attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressLabelMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> AddressLabelMessageBuffer<T> {
    /// Wraps `buffer` without checking its length; getters of a short
    /// buffer return 0.
    pub fn new(buffer: T) -> Self {
        AddressLabelMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds the whole header.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < ADDRESS_LABEL_HEADER_LEN {
            return Err(DecodeError::new(format!(
                "address label message: expected at least {ADDRESS_LABEL_HEADER_LEN} bytes of struct ifaddrlblmsg, got {len}"
            )));
        }
        Ok(AddressLabelMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    fn byte(&self, offset: usize) -> u8 {
        self.buffer.as_ref().get(offset).copied().unwrap_or(0)
    }

    fn u32_at(&self, offset: usize) -> u32 {
        self.buffer
            .as_ref()
            .get(offset..)
            .and_then(|bytes| bytes.first_chunk::<4>())
            .map_or(0, |bytes| u32::from_ne_bytes(*bytes))
    }

    /// `ifal_family` (`AF_INET6`).
    pub fn family(&self) -> u8 {
        self.byte(FAMILY)
    }

    /// `__ifal_reserved`
    pub fn reserved(&self) -> u8 {
        self.byte(RESERVED)
    }

    /// `ifal_prefixlen`
    pub fn prefix_len(&self) -> u8 {
        self.byte(PREFIX_LEN)
    }

    /// `ifal_flags`
    pub fn flags(&self) -> u8 {
        self.byte(FLAGS)
    }

    /// `ifal_index`: the interface the label applies to (0: any).
    pub fn index(&self) -> u32 {
        self.u32_at(INDEX)
    }

    /// `ifal_seq`: sequence number of the label table (dumps).
    pub fn seq(&self) -> u32 {
        self.u32_at(SEQ)
    }

    /// The attribute bytes after the header.
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(ADDRESS_LABEL_HEADER_LEN..)
            .unwrap_or_default()
    }

    /// Iterates over the attributes without allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> AddressLabelMessageBuffer<T> {
    fn set_byte(&mut self, offset: usize, value: u8) {
        self.buffer.as_mut()[offset] = value;
    }

    fn set_u32(&mut self, offset: usize, value: u32) {
        self.buffer.as_mut()[offset..offset + 4].copy_from_slice(&value.to_ne_bytes())
    }

    /// Sets `ifal_family`.
    pub fn set_family(&mut self, value: u8) {
        self.set_byte(FAMILY, value)
    }

    /// Sets `__ifal_reserved`.
    pub fn set_reserved(&mut self, value: u8) {
        self.set_byte(RESERVED, value)
    }

    /// Sets `ifal_prefixlen`.
    pub fn set_prefix_len(&mut self, value: u8) {
        self.set_byte(PREFIX_LEN, value)
    }

    /// Sets `ifal_flags`.
    pub fn set_flags(&mut self, value: u8) {
        self.set_byte(FLAGS, value)
    }

    /// Sets `ifal_index`.
    pub fn set_index(&mut self, value: u32) {
        self.set_u32(INDEX, value)
    }

    /// Sets `ifal_seq`.
    pub fn set_seq(&mut self, value: u32) {
        self.set_u32(SEQ, value)
    }
}

/// The fixed header of an address label message (`struct ifaddrlblmsg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AddressLabelHeader {
    /// `ifal_family`
    pub family: AddressFamily,
    /// `__ifal_reserved` (zero from the kernel), kept so that any message
    /// re-emits unchanged.
    pub reserved: u8,
    /// `ifal_prefixlen`
    pub prefix_len: u8,
    /// `ifal_flags` (unused by the kernel).
    pub flags: u8,
    /// `ifal_index`: the interface (0: any).
    pub index: u32,
    /// `ifal_seq`: label table sequence number.
    pub seq: u32,
}

impl<T: AsRef<[u8]>> Parseable<AddressLabelMessageBuffer<T>> for AddressLabelHeader {
    fn parse(buf: &AddressLabelMessageBuffer<T>) -> Result<Self, DecodeError> {
        Ok(AddressLabelHeader {
            family: buf.family().into(),
            reserved: buf.reserved(),
            prefix_len: buf.prefix_len(),
            flags: buf.flags(),
            index: buf.index(),
            seq: buf.seq(),
        })
    }
}

impl Emitable for AddressLabelHeader {
    fn buffer_len(&self) -> usize {
        ADDRESS_LABEL_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buf = AddressLabelMessageBuffer::new(&mut buffer[..ADDRESS_LABEL_HEADER_LEN]);
        buf.set_family(self.family.into());
        buf.set_reserved(self.reserved);
        buf.set_prefix_len(self.prefix_len);
        buf.set_flags(self.flags);
        buf.set_index(self.index);
        buf.set_seq(self.seq);
    }
}
