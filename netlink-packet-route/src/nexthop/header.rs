//! The fixed nexthop header (`struct nhmsg`) and the checked view over a
//! nexthop message.

use std::net::IpAddr;

use netlink_packet_core::{parse_ip, DecodeError, Emitable, NlasIterator, Parseable};

use crate::common::{AddressFamily, NexthopFlags, RouteProtocol, RouteScope};
use crate::nexthop::attribute::{NHA_GATEWAY, NHA_ID, NHA_OIF};

/// Length of `struct nhmsg`.
pub const NEXTHOP_HEADER_LEN: usize = 8;

/// A checked view over a nexthop message payload: `struct nhmsg` followed
/// by `NHA_*` attributes. Getters cannot fail after
/// [`NexthopMessageBuffer::new_checked`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NexthopMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> NexthopMessageBuffer<T> {
    /// Wraps `buffer` without checking its length (getters of a short
    /// buffer return zeros).
    pub fn new(buffer: T) -> Self {
        NexthopMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds a whole `struct nhmsg`.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < NEXTHOP_HEADER_LEN {
            return Err(DecodeError::new(format!(
                "nexthop header: expected at least {NEXTHOP_HEADER_LEN} bytes, got {len}"
            )));
        }
        Ok(NexthopMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    fn byte(&self, offset: usize) -> u8 {
        self.buffer.as_ref().get(offset).copied().unwrap_or(0)
    }

    /// `nh_family`
    pub fn address_family(&self) -> u8 {
        self.byte(0)
    }

    /// `nh_scope`
    pub fn scope(&self) -> u8 {
        self.byte(1)
    }

    /// `nh_protocol`
    pub fn protocol(&self) -> u8 {
        self.byte(2)
    }

    /// `resvd`
    pub fn reserved(&self) -> u8 {
        self.byte(3)
    }

    /// `nh_flags` (`RTNH_F_*`)
    pub fn flags(&self) -> u32 {
        self.buffer
            .as_ref()
            .get(4..8)
            .and_then(|bytes| <[u8; 4]>::try_from(bytes).ok())
            .map_or(0, u32::from_ne_bytes)
    }

    /// The attribute bytes after the header.
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(NEXTHOP_HEADER_LEN..)
            .unwrap_or(&[])
    }

    /// Iterates over the attributes without decoding or allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }

    fn attribute(&self, kind: u16) -> Option<&[u8]> {
        self.attributes()
            .map_while(Result::ok)
            .find(|nla| nla.kind() == kind)
            .map(|nla| nla.into_value())
    }

    /// The nexthop id (`NHA_ID`), looked up without allocating.
    pub fn id(&self) -> Option<u32> {
        self.attribute(NHA_ID)
            .and_then(|v| <[u8; 4]>::try_from(v).ok())
            .map(u32::from_ne_bytes)
    }

    /// The output interface (`NHA_OIF`), looked up without allocating.
    pub fn output_interface(&self) -> Option<u32> {
        self.attribute(NHA_OIF)
            .and_then(|v| <[u8; 4]>::try_from(v).ok())
            .map(u32::from_ne_bytes)
    }

    /// The gateway (`NHA_GATEWAY`), looked up without allocating.
    pub fn gateway(&self) -> Option<IpAddr> {
        self.attribute(NHA_GATEWAY).and_then(|v| parse_ip(v).ok())
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> NexthopMessageBuffer<T> {
    /// Sets `nh_family`.
    pub fn set_address_family(&mut self, value: u8) {
        self.buffer.as_mut()[0] = value;
    }

    /// Sets `nh_scope`.
    pub fn set_scope(&mut self, value: u8) {
        self.buffer.as_mut()[1] = value;
    }

    /// Sets `nh_protocol`.
    pub fn set_protocol(&mut self, value: u8) {
        self.buffer.as_mut()[2] = value;
    }

    /// Sets `resvd`.
    pub fn set_reserved(&mut self, value: u8) {
        self.buffer.as_mut()[3] = value;
    }

    /// Sets `nh_flags`.
    pub fn set_flags(&mut self, value: u32) {
        self.buffer.as_mut()[4..8].copy_from_slice(&value.to_ne_bytes());
    }
}

/// The fixed header of a nexthop message (`struct nhmsg`), decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NexthopHeader {
    /// `nh_family` (`AF_UNSPEC` for groups and for dump requests).
    pub address_family: AddressFamily,
    /// `nh_scope`
    pub scope: RouteScope,
    /// `nh_protocol`
    pub protocol: RouteProtocol,
    /// `resvd` (must be 0)
    pub reserved: u8,
    /// `nh_flags`
    pub flags: NexthopFlags,
}

impl<T: AsRef<[u8]>> Parseable<NexthopMessageBuffer<T>> for NexthopHeader {
    fn parse(buf: &NexthopMessageBuffer<T>) -> Result<Self, DecodeError> {
        Ok(NexthopHeader {
            address_family: buf.address_family().into(),
            scope: buf.scope().into(),
            protocol: buf.protocol().into(),
            reserved: buf.reserved(),
            flags: NexthopFlags::from_bits_retain(buf.flags()),
        })
    }
}

impl Emitable for NexthopHeader {
    fn buffer_len(&self) -> usize {
        NEXTHOP_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut view = NexthopMessageBuffer::new(&mut buffer[..NEXTHOP_HEADER_LEN]);
        view.set_address_family(self.address_family.into());
        view.set_scope(self.scope.into());
        view.set_protocol(self.protocol.into());
        view.set_reserved(self.reserved);
        view.set_flags(self.flags.bits());
    }
}
