//! The neighbour message header (`struct ndmsg`) and the checked view over
//! a whole neighbour message payload.

use std::net::IpAddr;

use netlink_packet_core::{parse_ip, DecodeError, Emitable, ErrorContext, NlasIterator, Parseable};

use super::attribute::{link_address, NDA_DST, NDA_LLADDR};
use super::flags::NeighbourFlags;
use super::state::NeighbourState;
use crate::common::{AddressFamily, RouteType};
use crate::link::LinkAddress;

/// Length of `struct ndmsg`.
pub const NEIGHBOUR_HEADER_LEN: usize = 12;

const FAMILY: usize = 0;
const PAD1: usize = 1;
const PAD2: usize = 2;
const IFINDEX: usize = 4;
const STATE: usize = 8;
const FLAGS: usize = 10;
const KIND: usize = 11;

/// A checked view over a neighbour message payload: the 12-byte
/// `struct ndmsg` followed by `NDA_*` attributes. The lazy accessors
/// ([`destination`](Self::destination),
/// [`link_layer_address`](Self::link_layer_address)) decode on demand
/// without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeighbourMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> NeighbourMessageBuffer<T> {
    /// Wraps `buffer` without checking its length; getters of a short
    /// buffer return 0.
    pub fn new(buffer: T) -> Self {
        NeighbourMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds the whole header.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < NEIGHBOUR_HEADER_LEN {
            return Err(DecodeError::new(format!(
                "neighbour message: expected at least {NEIGHBOUR_HEADER_LEN} bytes of struct ndmsg, got {len}"
            )));
        }
        Ok(NeighbourMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    fn array<const N: usize>(&self, offset: usize) -> [u8; N] {
        self.buffer
            .as_ref()
            .get(offset..)
            .and_then(|bytes| bytes.first_chunk::<N>())
            .copied()
            .unwrap_or([0; N])
    }

    /// `ndm_family`: `AF_INET`, `AF_INET6`, `AF_BRIDGE` (FDB), ...
    pub fn family(&self) -> u8 {
        self.array::<1>(FAMILY)[0]
    }

    /// `ndm_pad1` (reserved).
    pub fn pad1(&self) -> u8 {
        self.array::<1>(PAD1)[0]
    }

    /// `ndm_pad2` (reserved).
    pub fn pad2(&self) -> u16 {
        u16::from_ne_bytes(self.array(PAD2))
    }

    /// `ndm_ifindex`: the interface index.
    pub fn ifindex(&self) -> u32 {
        u32::from_ne_bytes(self.array(IFINDEX))
    }

    /// `ndm_state`: the `NUD_*` state.
    pub fn state(&self) -> NeighbourState {
        NeighbourState::from_bits_retain(u16::from_ne_bytes(self.array(STATE)))
    }

    /// `ndm_flags`: the `NTF_*` flags.
    pub fn flags(&self) -> NeighbourFlags {
        NeighbourFlags::from_bits_retain(self.array::<1>(FLAGS)[0])
    }

    /// `ndm_type`: the route type of the entry (`RTN_*`).
    pub fn kind(&self) -> u8 {
        self.array::<1>(KIND)[0]
    }

    /// The attribute bytes after the header.
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(NEIGHBOUR_HEADER_LEN..)
            .unwrap_or_default()
    }

    /// Iterates over the attributes without allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }

    /// The value of the first attribute of type `kind` (flag bits ignored).
    pub fn find_attribute(&self, kind: u16) -> Result<Option<&[u8]>, DecodeError> {
        for nla in self.attributes() {
            let nla = nla.context("neighbour message")?;
            if nla.kind() == kind {
                return Ok(Some(nla.into_value()));
            }
        }
        Ok(None)
    }

    /// `NDA_DST`: the neighbour's IP address (for FDB entries, the remote
    /// tunnel endpoint).
    pub fn destination(&self) -> Result<Option<IpAddr>, DecodeError> {
        self.find_attribute(NDA_DST)?
            .map(|value| parse_ip(value).context("NDA_DST"))
            .transpose()
    }

    /// `NDA_LLADDR`: the link-layer address.
    pub fn link_layer_address(&self) -> Result<Option<LinkAddress>, DecodeError> {
        self.find_attribute(NDA_LLADDR)?
            .map(|value| link_address(value).context("NDA_LLADDR"))
            .transpose()
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> NeighbourMessageBuffer<T> {
    fn set(&mut self, offset: usize, bytes: &[u8]) {
        self.buffer.as_mut()[offset..offset + bytes.len()].copy_from_slice(bytes)
    }

    /// Sets `ndm_family`.
    pub fn set_family(&mut self, value: u8) {
        self.set(FAMILY, &[value])
    }

    /// Sets `ndm_pad1`.
    pub fn set_pad1(&mut self, value: u8) {
        self.set(PAD1, &[value])
    }

    /// Sets `ndm_pad2`.
    pub fn set_pad2(&mut self, value: u16) {
        self.set(PAD2, &value.to_ne_bytes())
    }

    /// Sets `ndm_ifindex`.
    pub fn set_ifindex(&mut self, value: u32) {
        self.set(IFINDEX, &value.to_ne_bytes())
    }

    /// Sets `ndm_state`.
    pub fn set_state(&mut self, value: NeighbourState) {
        self.set(STATE, &value.bits().to_ne_bytes())
    }

    /// Sets `ndm_flags`.
    pub fn set_flags(&mut self, value: NeighbourFlags) {
        self.set(FLAGS, &[value.bits()])
    }

    /// Sets `ndm_type`.
    pub fn set_kind(&mut self, value: u8) {
        self.set(KIND, &[value])
    }
}

/// The fixed header of a neighbour message (`struct ndmsg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NeighbourHeader {
    /// `ndm_family`
    pub family: AddressFamily,
    /// `ndm_ifindex`: the interface index.
    pub ifindex: u32,
    /// `ndm_state`
    pub state: NeighbourState,
    /// `ndm_flags`
    pub flags: NeighbourFlags,
    /// `ndm_type`: the route type of the entry (unicast, multicast, ...).
    pub kind: RouteType,
    /// The reserved `ndm_pad1` and `ndm_pad2` bytes, kept so that any
    /// message re-emits unchanged (zero in what the kernel sends).
    pub padding: [u8; 3],
}

impl<T: AsRef<[u8]>> Parseable<NeighbourMessageBuffer<T>> for NeighbourHeader {
    fn parse(buf: &NeighbourMessageBuffer<T>) -> Result<Self, DecodeError> {
        let [pad2_low, pad2_high] = buf.pad2().to_ne_bytes();
        Ok(NeighbourHeader {
            family: buf.family().into(),
            ifindex: buf.ifindex(),
            state: buf.state(),
            flags: buf.flags(),
            kind: buf.kind().into(),
            padding: [buf.pad1(), pad2_low, pad2_high],
        })
    }
}

impl Emitable for NeighbourHeader {
    fn buffer_len(&self) -> usize {
        NEIGHBOUR_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buf = NeighbourMessageBuffer::new(&mut buffer[..NEIGHBOUR_HEADER_LEN]);
        buf.set_family(self.family.into());
        buf.set_pad1(self.padding[0]);
        buf.set_pad2(u16::from_ne_bytes([self.padding[1], self.padding[2]]));
        buf.set_ifindex(self.ifindex);
        buf.set_state(self.state);
        buf.set_flags(self.flags);
        buf.set_kind(self.kind.into());
    }
}
