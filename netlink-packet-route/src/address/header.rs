//! The address message header (`struct ifaddrmsg`) and the checked view
//! over a whole address message payload.

use std::net::IpAddr;

use netlink_packet_core::{
    parse_ip, parse_u32, DecodeError, Emitable, ErrorContext, NlasIterator, Parseable,
};

use super::attribute::{IFA_ADDRESS, IFA_FLAGS, IFA_LABEL, IFA_LOCAL};
use super::flags::{AddressFlags, AddressHeaderFlags};
use crate::common::{AddressFamily, RouteScope};

/// Length of `struct ifaddrmsg`.
pub const ADDRESS_HEADER_LEN: usize = 8;

const FAMILY: usize = 0;
const PREFIX_LEN: usize = 1;
const FLAGS: usize = 2;
const SCOPE: usize = 3;
const INDEX: usize = 4;

/// A checked view over an address message payload: the 8-byte
/// `struct ifaddrmsg` followed by `IFA_*` attributes.
///
/// Besides the header getters, it has lazy accessors ([`address`],
/// [`local`], [`label`], [`flags`]) that walk the attributes on each call
/// and never allocate: the fast path for filtering large dumps.
///
/// [`address`]: AddressMessageBuffer::address
/// [`local`]: AddressMessageBuffer::local
/// [`label`]: AddressMessageBuffer::label
/// [`flags`]: AddressMessageBuffer::flags
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> AddressMessageBuffer<T> {
    /// Wraps `buffer` without checking its length; getters of a short
    /// buffer return 0.
    pub fn new(buffer: T) -> Self {
        AddressMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds the whole header.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < ADDRESS_HEADER_LEN {
            return Err(DecodeError::new(format!(
                "address message: expected at least {ADDRESS_HEADER_LEN} bytes of struct ifaddrmsg, got {len}"
            )));
        }
        Ok(AddressMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    fn byte(&self, offset: usize) -> u8 {
        self.buffer.as_ref().get(offset).copied().unwrap_or(0)
    }

    /// `ifa_family`: the address family (`AF_INET`, `AF_INET6`, ...).
    pub fn family(&self) -> u8 {
        self.byte(FAMILY)
    }

    /// `ifa_prefixlen`: the prefix length.
    pub fn prefix_len(&self) -> u8 {
        self.byte(PREFIX_LEN)
    }

    /// `ifa_flags`: the low eight address flags. See [`Self::flags`] for
    /// the complete flags.
    pub fn header_flags(&self) -> AddressHeaderFlags {
        AddressHeaderFlags::from_bits_retain(self.byte(FLAGS))
    }

    /// `ifa_scope`: the address scope.
    pub fn scope(&self) -> u8 {
        self.byte(SCOPE)
    }

    /// `ifa_index`: the index of the interface the address belongs to.
    pub fn index(&self) -> u32 {
        self.buffer
            .as_ref()
            .get(INDEX..)
            .and_then(|bytes| bytes.first_chunk::<4>())
            .map_or(0, |bytes| u32::from_ne_bytes(*bytes))
    }

    /// The attribute bytes after the header.
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(ADDRESS_HEADER_LEN..)
            .unwrap_or_default()
    }

    /// Iterates over the attributes without allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }

    /// The value of the first attribute of type `kind` (flag bits ignored).
    pub fn find_attribute(&self, kind: u16) -> Result<Option<&[u8]>, DecodeError> {
        for nla in self.attributes() {
            let nla = nla.context("address message")?;
            if nla.kind() == kind {
                return Ok(Some(nla.into_value()));
            }
        }
        Ok(None)
    }

    /// `IFA_ADDRESS`: the prefix address (the peer on point-to-point links).
    pub fn address(&self) -> Result<Option<IpAddr>, DecodeError> {
        self.find_attribute(IFA_ADDRESS)?
            .map(|value| parse_ip(value).context("IFA_ADDRESS"))
            .transpose()
    }

    /// `IFA_LOCAL`: the local address (IPv4).
    pub fn local(&self) -> Result<Option<IpAddr>, DecodeError> {
        self.find_attribute(IFA_LOCAL)?
            .map(|value| parse_ip(value).context("IFA_LOCAL"))
            .transpose()
    }

    /// The address of this host: `IFA_LOCAL` if present (IPv4), else
    /// `IFA_ADDRESS` (IPv6) — what `ip address` shows as `local`.
    pub fn local_or_address(&self) -> Result<Option<IpAddr>, DecodeError> {
        match self.local()? {
            Some(local) => Ok(Some(local)),
            None => self.address(),
        }
    }

    /// `IFA_LABEL`, borrowed from the buffer.
    pub fn label(&self) -> Result<Option<&str>, DecodeError> {
        self.find_attribute(IFA_LABEL)?
            .map(|value| borrowed_c_string(value).context("IFA_LABEL"))
            .transpose()
    }

    /// The complete flags: `IFA_FLAGS` if present, else the header byte.
    pub fn flags(&self) -> Result<AddressFlags, DecodeError> {
        match self.find_attribute(IFA_FLAGS)? {
            Some(value) => Ok(AddressFlags::from_bits_retain(
                parse_u32(value).context("IFA_FLAGS")?,
            )),
            None => Ok(self.header_flags().into()),
        }
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> AddressMessageBuffer<T> {
    fn set_byte(&mut self, offset: usize, value: u8) {
        self.buffer.as_mut()[offset] = value;
    }

    /// Sets `ifa_family`.
    pub fn set_family(&mut self, value: u8) {
        self.set_byte(FAMILY, value)
    }

    /// Sets `ifa_prefixlen`.
    pub fn set_prefix_len(&mut self, value: u8) {
        self.set_byte(PREFIX_LEN, value)
    }

    /// Sets `ifa_flags`.
    pub fn set_header_flags(&mut self, value: AddressHeaderFlags) {
        self.set_byte(FLAGS, value.bits())
    }

    /// Sets `ifa_scope`.
    pub fn set_scope(&mut self, value: u8) {
        self.set_byte(SCOPE, value)
    }

    /// Sets `ifa_index`.
    pub fn set_index(&mut self, value: u32) {
        self.buffer.as_mut()[INDEX..INDEX + 4].copy_from_slice(&value.to_ne_bytes())
    }

    /// The attribute bytes after the header, writable.
    pub fn attribute_bytes_mut(&mut self) -> &mut [u8] {
        &mut self.buffer.as_mut()[ADDRESS_HEADER_LEN..]
    }
}

/// The fixed header of an address message (`struct ifaddrmsg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AddressHeader {
    /// `ifa_family`
    pub family: AddressFamily,
    /// `ifa_prefixlen`
    pub prefix_len: u8,
    /// `ifa_flags`: the low eight flags; `IFA_FLAGS` carries all of them.
    pub flags: AddressHeaderFlags,
    /// `ifa_scope`
    pub scope: RouteScope,
    /// `ifa_index`: the interface index.
    pub index: u32,
}

impl<T: AsRef<[u8]>> Parseable<AddressMessageBuffer<T>> for AddressHeader {
    fn parse(buf: &AddressMessageBuffer<T>) -> Result<Self, DecodeError> {
        Ok(AddressHeader {
            family: buf.family().into(),
            prefix_len: buf.prefix_len(),
            flags: buf.header_flags(),
            scope: buf.scope().into(),
            index: buf.index(),
        })
    }
}

impl Emitable for AddressHeader {
    fn buffer_len(&self) -> usize {
        ADDRESS_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buf = AddressMessageBuffer::new(&mut buffer[..ADDRESS_HEADER_LEN]);
        buf.set_family(self.family.into());
        buf.set_prefix_len(self.prefix_len);
        buf.set_header_flags(self.flags);
        buf.set_scope(self.scope.into());
        buf.set_index(self.index);
    }
}

/// A NUL-terminated UTF-8 string borrowed from `bytes`: the last byte must
/// be the only NUL (as `parse_c_string` of netlink-packet-core checks).
fn borrowed_c_string(bytes: &[u8]) -> Result<&str, DecodeError> {
    let Some(content) = bytes.strip_suffix(&[0]) else {
        return Err(DecodeError::new("string is not NUL-terminated"));
    };
    if content.contains(&0) {
        return Err(DecodeError::new("string has a NUL before its terminator"));
    }
    std::str::from_utf8(content)
        .map_err(|error| DecodeError::new(format!("invalid UTF-8 string: {error}")))
}
