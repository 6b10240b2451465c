//! A checked, zero-copy view over a link message payload, with lazy
//! accessors that decode single attributes on demand.

use netlink_packet_core::{DecodeError, NlaBuffer, NlasIterator};

use crate::link::{LinkFlags, OperState};

const FAMILY: usize = 0;
const RESERVED: usize = 1;
const LINK_LAYER_TYPE: usize = 2;
const INDEX: usize = 4;
const FLAGS: usize = 8;
const CHANGE: usize = 12;
const ATTRIBUTES: usize = 16;

/// A view over the payload of a link message (`struct ifinfomsg` followed
/// by attributes).
///
/// The accessors read straight from the buffer and never allocate, which is
/// the fast path for programs filtering large dumps:
///
/// ```
/// use netlink_packet_route::link::{LinkMessage, LinkMessageBuffer};
/// use netlink_packet_core::Emitable;
///
/// let message = LinkMessage::builder().index(7).name("eth0").mtu(1500).build().unwrap();
/// let mut bytes = vec![0; message.buffer_len()];
/// message.emit(&mut bytes);
///
/// let view = LinkMessageBuffer::new_checked(&bytes[..]).unwrap();
/// assert_eq!(view.index(), 7);
/// assert_eq!(view.name(), Some("eth0"));
/// assert_eq!(view.mtu(), Some(1500));
/// assert_eq!(view.kind(), None);
/// ```
///
/// An attribute whose value is malformed reads as absent; decode the owned
/// [`LinkMessage`](crate::link::LinkMessage) to see the error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> LinkMessageBuffer<T> {
    /// Length of the fixed header.
    pub const HEADER_LEN: usize = ATTRIBUTES;

    /// Wraps `buffer` without checking its length (the getters of a too
    /// short buffer return zeros).
    pub fn new(buffer: T) -> Self {
        LinkMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking it holds the 16-byte header.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < ATTRIBUTES {
            return Err(DecodeError::new(format!(
                "link message: expected at least {ATTRIBUTES} bytes (struct ifinfomsg), got {len}"
            )));
        }
        Ok(LinkMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    /// The whole payload: header and attributes.
    pub fn payload(&self) -> &[u8] {
        self.buffer.as_ref()
    }

    fn read<const N: usize>(&self, offset: usize) -> [u8; N] {
        self.buffer
            .as_ref()
            .get(offset..offset + N)
            .and_then(|bytes| <[u8; N]>::try_from(bytes).ok())
            .unwrap_or([0; N])
    }

    /// Address family (`ifi_family`).
    pub fn family(&self) -> u8 {
        self.read::<1>(FAMILY)[0]
    }

    /// The padding byte after the family (`__ifi_pad`).
    pub fn reserved(&self) -> u8 {
        self.read::<1>(RESERVED)[0]
    }

    /// Link-layer type (`ifi_type`, `ARPHRD_*`).
    pub fn link_layer_type(&self) -> u16 {
        u16::from_ne_bytes(self.read(LINK_LAYER_TYPE))
    }

    /// Device index (`ifi_index`).
    pub fn index(&self) -> u32 {
        u32::from_ne_bytes(self.read(INDEX))
    }

    /// Device flags (`ifi_flags`).
    pub fn flags(&self) -> LinkFlags {
        LinkFlags::from_bits_retain(u32::from_ne_bytes(self.read(FLAGS)))
    }

    /// Change mask (`ifi_change`).
    pub fn change_mask(&self) -> LinkFlags {
        LinkFlags::from_bits_retain(u32::from_ne_bytes(self.read(CHANGE)))
    }

    /// The attribute bytes after the header.
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer.as_ref().get(ATTRIBUTES..).unwrap_or_default()
    }

    /// Iterates over the attributes without decoding or allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }

    /// The value of the first attribute of type `kind` (flag bits
    /// ignored), if any; stops at a malformed attribute stream.
    pub fn attribute(&self, kind: u16) -> Option<&[u8]> {
        find(self.attribute_bytes(), kind)
    }

    /// Device name (`IFLA_IFNAME`).
    pub fn name(&self) -> Option<&str> {
        self.attribute(3).and_then(c_str)
    }

    /// MTU (`IFLA_MTU`).
    pub fn mtu(&self) -> Option<u32> {
        self.attribute(4).and_then(u32_value)
    }

    /// Minimum MTU (`IFLA_MIN_MTU`).
    pub fn min_mtu(&self) -> Option<u32> {
        self.attribute(50).and_then(u32_value)
    }

    /// Maximum MTU (`IFLA_MAX_MTU`).
    pub fn max_mtu(&self) -> Option<u32> {
        self.attribute(51).and_then(u32_value)
    }

    /// Lower device or peer index (`IFLA_LINK`).
    pub fn link(&self) -> Option<u32> {
        self.attribute(5).and_then(u32_value)
    }

    /// Controller index (`IFLA_MASTER`).
    pub fn master(&self) -> Option<u32> {
        self.attribute(10).and_then(u32_value)
    }

    /// Transmit queue length (`IFLA_TXQLEN`).
    pub fn txqlen(&self) -> Option<u32> {
        self.attribute(13).and_then(u32_value)
    }

    /// Device group (`IFLA_GROUP`).
    pub fn group(&self) -> Option<u32> {
        self.attribute(27).and_then(u32_value)
    }

    /// Operational state (`IFLA_OPERSTATE`).
    pub fn operstate(&self) -> Option<OperState> {
        match *self.attribute(16)? {
            [state] => Some(OperState::from(state)),
            _ => None,
        }
    }

    /// Link-layer address bytes (`IFLA_ADDRESS`).
    pub fn address(&self) -> Option<&[u8]> {
        self.attribute(1)
    }

    /// Link-layer broadcast address bytes (`IFLA_BROADCAST`).
    pub fn broadcast(&self) -> Option<&[u8]> {
        self.attribute(2)
    }

    /// Permanent address bytes (`IFLA_PERM_ADDRESS`).
    pub fn perm_address(&self) -> Option<&[u8]> {
        self.attribute(54)
    }

    /// Alias (`IFLA_IFALIAS`).
    pub fn alias(&self) -> Option<&str> {
        self.attribute(20).and_then(c_str)
    }

    /// Root queueing discipline name (`IFLA_QDISC`).
    pub fn qdisc(&self) -> Option<&str> {
        self.attribute(6).and_then(c_str)
    }

    /// Namespace id of the peer / lower device namespace
    /// (`IFLA_LINK_NETNSID`).
    pub fn link_netnsid(&self) -> Option<i32> {
        self.attribute(37)
            .and_then(|value| <[u8; 4]>::try_from(value).ok())
            .map(i32::from_ne_bytes)
    }

    /// Link kind (`IFLA_LINKINFO` / `IFLA_INFO_KIND`), e.g. `"veth"`.
    pub fn kind(&self) -> Option<&str> {
        find(self.attribute(18)?, 1).and_then(c_str)
    }

    /// Controller kind (`IFLA_LINKINFO` / `IFLA_INFO_SLAVE_KIND`), e.g.
    /// `"bridge"` for a bridge port.
    pub fn slave_kind(&self) -> Option<&str> {
        find(self.attribute(18)?, 4).and_then(c_str)
    }

    /// Alternative names (`IFLA_PROP_LIST` / `IFLA_ALT_IFNAME`).
    pub fn alt_names(&self) -> impl Iterator<Item = &str> {
        NlasIterator::new(self.attribute(52).unwrap_or_default())
            .map_while(Result::ok)
            .filter(|nla| nla.kind() == 53)
            .filter_map(|nla| c_str(nla.into_value()))
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> LinkMessageBuffer<T> {
    fn write(&mut self, offset: usize, bytes: &[u8]) {
        self.buffer.as_mut()[offset..offset + bytes.len()].copy_from_slice(bytes);
    }

    /// Sets the address family. Panics if the buffer is shorter than the
    /// header (as all setters).
    pub fn set_family(&mut self, value: u8) {
        self.write(FAMILY, &[value]);
    }

    /// Sets the padding byte.
    pub fn set_reserved(&mut self, value: u8) {
        self.write(RESERVED, &[value]);
    }

    /// Sets the link-layer type.
    pub fn set_link_layer_type(&mut self, value: u16) {
        self.write(LINK_LAYER_TYPE, &value.to_ne_bytes());
    }

    /// Sets the device index.
    pub fn set_index(&mut self, value: u32) {
        self.write(INDEX, &value.to_ne_bytes());
    }

    /// Sets the device flags.
    pub fn set_flags(&mut self, value: LinkFlags) {
        self.write(FLAGS, &value.bits().to_ne_bytes());
    }

    /// Sets the change mask.
    pub fn set_change_mask(&mut self, value: LinkFlags) {
        self.write(CHANGE, &value.bits().to_ne_bytes());
    }

    /// The attribute bytes, writable.
    pub fn attribute_bytes_mut(&mut self) -> &mut [u8] {
        &mut self.buffer.as_mut()[ATTRIBUTES..]
    }
}

/// The value of the first attribute of type `kind` in `bytes`.
fn find(bytes: &[u8], kind: u16) -> Option<&[u8]> {
    NlasIterator::new(bytes)
        .map_while(Result::ok)
        .find(|nla| nla.kind() == kind)
        .map(NlaBuffer::into_value)
}

fn c_str(value: &[u8]) -> Option<&str> {
    std::str::from_utf8(value.strip_suffix(&[0]).unwrap_or(value)).ok()
}

fn u32_value(value: &[u8]) -> Option<u32> {
    <[u8; 4]>::try_from(value).ok().map(u32::from_ne_bytes)
}
