//! The fixed route header (`struct rtmsg`) and the checked view over a
//! route message.

use netlink_packet_core::{DecodeError, Emitable, NlasIterator, Parseable};

use crate::common::{AddressFamily, RouteProtocol, RouteScope, RouteType};
use crate::route::RouteFlags;

/// Length of `struct rtmsg`.
pub const ROUTE_HEADER_LEN: usize = 12;

const FAMILY: usize = 0;
const DST_LEN: usize = 1;
const SRC_LEN: usize = 2;
const TOS: usize = 3;
const TABLE: usize = 4;
const PROTOCOL: usize = 5;
const SCOPE: usize = 6;
const TYPE: usize = 7;
const FLAGS: usize = 8;

/// A checked view over a route message payload: `struct rtmsg` followed by
/// `RTA_*` attributes.
///
/// After [`RouteMessageBuffer::new_checked`] the getters cannot fail.
/// Besides the header fields it offers lazy accessors that look up single
/// attributes on demand without allocating (see
/// [`RouteMessageBuffer::table`], [`RouteMessageBuffer::destination`], ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> RouteMessageBuffer<T> {
    /// Wraps `buffer` without checking its length (getters of a short
    /// buffer return zeros).
    #[inline]
    pub fn new(buffer: T) -> Self {
        RouteMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds a whole `struct rtmsg`.
    #[inline]
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < ROUTE_HEADER_LEN {
            return Err(short_header(len));
        }
        Ok(RouteMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    #[inline]
    fn byte(&self, offset: usize) -> u8 {
        self.buffer.as_ref().get(offset).copied().unwrap_or(0)
    }

    /// `rtm_family`: the address family (`AF_INET`, `AF_INET6`, `AF_MPLS`...).
    #[inline]
    pub fn address_family(&self) -> u8 {
        self.byte(FAMILY)
    }

    /// `rtm_dst_len`: prefix length of the destination.
    #[inline]
    pub fn destination_prefix_length(&self) -> u8 {
        self.byte(DST_LEN)
    }

    /// `rtm_src_len`: prefix length of the source (IPv6 source routing).
    #[inline]
    pub fn source_prefix_length(&self) -> u8 {
        self.byte(SRC_LEN)
    }

    /// `rtm_tos`: the TOS / DSCP selector.
    #[inline]
    pub fn tos(&self) -> u8 {
        self.byte(TOS)
    }

    /// `rtm_table`: the one-byte table id (252, `RT_TABLE_COMPAT`, when the
    /// id does not fit; see [`RouteMessageBuffer::table`]).
    #[inline]
    pub fn header_table(&self) -> u8 {
        self.byte(TABLE)
    }

    /// `rtm_protocol`
    #[inline]
    pub fn protocol(&self) -> u8 {
        self.byte(PROTOCOL)
    }

    /// `rtm_scope`
    #[inline]
    pub fn scope(&self) -> u8 {
        self.byte(SCOPE)
    }

    /// `rtm_type`
    #[inline]
    pub fn route_type(&self) -> u8 {
        self.byte(TYPE)
    }

    /// `rtm_flags`
    #[inline]
    pub fn flags(&self) -> u32 {
        let bytes = self.buffer.as_ref();
        bytes
            .get(FLAGS..)
            .and_then(|rest| rest.first_chunk::<4>())
            .map_or(0, |chunk| u32::from_ne_bytes(*chunk))
    }

    /// The attribute bytes after the header.
    #[inline]
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer.as_ref().get(ROUTE_HEADER_LEN..).unwrap_or(&[])
    }

    /// Iterates over the attributes without decoding or allocating.
    #[inline]
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> RouteMessageBuffer<T> {
    /// Sets `rtm_family`.
    pub fn set_address_family(&mut self, value: u8) {
        self.buffer.as_mut()[FAMILY] = value;
    }

    /// Sets `rtm_dst_len`.
    pub fn set_destination_prefix_length(&mut self, value: u8) {
        self.buffer.as_mut()[DST_LEN] = value;
    }

    /// Sets `rtm_src_len`.
    pub fn set_source_prefix_length(&mut self, value: u8) {
        self.buffer.as_mut()[SRC_LEN] = value;
    }

    /// Sets `rtm_tos`.
    pub fn set_tos(&mut self, value: u8) {
        self.buffer.as_mut()[TOS] = value;
    }

    /// Sets `rtm_table`.
    pub fn set_header_table(&mut self, value: u8) {
        self.buffer.as_mut()[TABLE] = value;
    }

    /// Sets `rtm_protocol`.
    pub fn set_protocol(&mut self, value: u8) {
        self.buffer.as_mut()[PROTOCOL] = value;
    }

    /// Sets `rtm_scope`.
    pub fn set_scope(&mut self, value: u8) {
        self.buffer.as_mut()[SCOPE] = value;
    }

    /// Sets `rtm_type`.
    pub fn set_route_type(&mut self, value: u8) {
        self.buffer.as_mut()[TYPE] = value;
    }

    /// Sets `rtm_flags`.
    pub fn set_flags(&mut self, value: u32) {
        self.buffer.as_mut()[FLAGS..FLAGS + 4].copy_from_slice(&value.to_ne_bytes());
    }

    /// The mutable attribute bytes after the header.
    pub fn attribute_bytes_mut(&mut self) -> &mut [u8] {
        &mut self.buffer.as_mut()[ROUTE_HEADER_LEN..]
    }
}

/// The error of a payload too short for `struct rtmsg` (out of line, so
/// that the check inlines).
#[cold]
#[inline(never)]
fn short_header(len: usize) -> DecodeError {
    DecodeError::new(format!(
        "route header: expected at least {ROUTE_HEADER_LEN} bytes, got {len}"
    ))
}

/// The fixed header of a route message (`struct rtmsg`), decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RouteHeader {
    /// `rtm_family`
    pub address_family: AddressFamily,
    /// `rtm_dst_len`: prefix length of the destination.
    pub destination_prefix_length: u8,
    /// `rtm_src_len`: prefix length of the source.
    pub source_prefix_length: u8,
    /// `rtm_tos`: TOS / DSCP selector.
    pub tos: u8,
    /// `rtm_table`: one-byte table id; ids over 255 are in
    /// [`RouteAttribute::Table`](crate::route::RouteAttribute::Table) and
    /// this byte is then 252 (`RT_TABLE_COMPAT`).
    pub table: u8,
    /// `rtm_protocol`
    pub protocol: RouteProtocol,
    /// `rtm_scope`
    pub scope: RouteScope,
    /// `rtm_type`
    pub kind: RouteType,
    /// `rtm_flags`
    pub flags: RouteFlags,
}

impl<T: AsRef<[u8]>> Parseable<RouteMessageBuffer<T>> for RouteHeader {
    #[inline]
    fn parse(buf: &RouteMessageBuffer<T>) -> Result<Self, DecodeError> {
        // One length check for the whole header; a short, unchecked view
        // reads as zeros past its end, like the getters.
        let bytes = buf.buffer.as_ref();
        let header = match bytes.first_chunk::<ROUTE_HEADER_LEN>() {
            Some(header) => *header,
            None => {
                let mut header = [0u8; ROUTE_HEADER_LEN];
                header
                    .iter_mut()
                    .zip(bytes)
                    .for_each(|(to, from)| *to = *from);
                header
            }
        };
        Ok(RouteHeader {
            address_family: header[FAMILY].into(),
            destination_prefix_length: header[DST_LEN],
            source_prefix_length: header[SRC_LEN],
            tos: header[TOS],
            table: header[TABLE],
            protocol: header[PROTOCOL].into(),
            scope: header[SCOPE].into(),
            kind: header[TYPE].into(),
            flags: RouteFlags::from_bits_retain(u32::from_ne_bytes([
                header[FLAGS],
                header[FLAGS + 1],
                header[FLAGS + 2],
                header[FLAGS + 3],
            ])),
        })
    }
}

impl Emitable for RouteHeader {
    fn buffer_len(&self) -> usize {
        ROUTE_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut view = RouteMessageBuffer::new(&mut buffer[..ROUTE_HEADER_LEN]);
        view.set_address_family(self.address_family.into());
        view.set_destination_prefix_length(self.destination_prefix_length);
        view.set_source_prefix_length(self.source_prefix_length);
        view.set_tos(self.tos);
        view.set_header_table(self.table);
        view.set_protocol(self.protocol.into());
        view.set_scope(self.scope.into());
        view.set_route_type(self.kind.into());
        view.set_flags(self.flags.bits());
    }
}
