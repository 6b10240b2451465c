//! The address message header (`struct ifaddrmsg`) and the checked view
//! over a whole address message payload.

use std::net::IpAddr;

use netlink_packet_core::{parse_ip, parse_u32, DecodeError, ErrorContext};

use super::attribute::{IFA_ADDRESS, IFA_FLAGS, IFA_LABEL, IFA_LOCAL};
use super::flags::{AddressFlags, AddressHeaderFlags};
use crate::common::fixed_header::{fixed_header, FlagsField};
use crate::common::{AddressFamily, RouteScope};

/// Length of `struct ifaddrmsg`.
pub const ADDRESS_HEADER_LEN: usize = 8;

fixed_header! {
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
    pub struct AddressMessageBuffer;
    /// The fixed header of an address message (`struct ifaddrmsg`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct AddressHeader;
    layout ADDRESS_HEADER_LEN, "address message", "struct ifaddrmsg" {
        /// `ifa_family`: the address family (`AF_INET`, `AF_INET6`, ...).
        family / set_family: u8 = "`ifa_family`" @ 0,
        /// `ifa_prefixlen`: the prefix length.
        prefix_len / set_prefix_len: u8 = "`ifa_prefixlen`" @ 1,
        /// `ifa_flags`: the low eight address flags. See [`Self::flags`] for
        /// the complete flags.
        header_flags / set_header_flags: AddressHeaderFlags = "`ifa_flags`" @ 2,
        /// `ifa_scope`: the address scope.
        scope / set_scope: u8 = "`ifa_scope`" @ 3,
        /// `ifa_index`: the index of the interface the address belongs to.
        index / set_index: u32 = "`ifa_index`" @ 4,
    }
    header {
        /// `ifa_family`
        pub family: AddressFamily = family / set_family,
        /// `ifa_prefixlen`
        pub prefix_len: u8 = prefix_len / set_prefix_len,
        /// `ifa_flags`: the low eight flags; `IFA_FLAGS` carries all of them.
        pub flags: AddressHeaderFlags = header_flags / set_header_flags,
        /// `ifa_scope`
        pub scope: RouteScope = scope / set_scope,
        /// `ifa_index`: the interface index.
        pub index: u32 = index / set_index,
    }
}

impl FlagsField for AddressHeaderFlags {}

impl<T: AsRef<[u8]>> AddressMessageBuffer<T> {
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
