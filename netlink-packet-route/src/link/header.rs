//! The link message header (`struct ifinfomsg`).

use netlink_packet_core::{DecodeError, Emitable, Parseable};

use crate::link::buffer::LinkMessageBuffer;
use crate::link::{LinkFlags, LinkLayerType};

/// The fixed header of a link message (`struct ifinfomsg`, 16 bytes).
///
/// In requests, `index` 0 means "select by name" (or "any" in dumps) and
/// `change_mask` tells which bits of `flags` to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LinkHeader {
    /// Address family (`ifi_family`): `AF_UNSPEC` (0) for most messages,
    /// `AF_BRIDGE` (7) for bridge port messages, `AF_INET6` (10) for IPv6
    /// link information.
    pub family: u8,
    /// Link-layer type (`ifi_type`).
    pub link_layer_type: LinkLayerType,
    /// Device index (`ifi_index`).
    pub index: u32,
    /// Device flags (`ifi_flags`).
    pub flags: LinkFlags,
    /// Which flags a request changes (`ifi_change`); the kernel reports 0
    /// in dumps and the changed flags in notifications.
    pub change_mask: LinkFlags,
}

impl LinkHeader {
    /// Length of the header on the wire.
    pub const LEN: usize = 16;
}

impl<T: AsRef<[u8]> + ?Sized> Parseable<LinkMessageBuffer<&T>> for LinkHeader {
    fn parse(buf: &LinkMessageBuffer<&T>) -> Result<Self, DecodeError> {
        Ok(LinkHeader {
            family: buf.family(),
            link_layer_type: LinkLayerType::from(buf.link_layer_type()),
            index: buf.index(),
            flags: buf.flags(),
            change_mask: buf.change_mask(),
        })
    }
}

impl Emitable for LinkHeader {
    fn buffer_len(&self) -> usize {
        Self::LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buf = LinkMessageBuffer::new(&mut buffer[..Self::LEN]);
        buf.set_family(self.family);
        buf.set_reserved(0);
        buf.set_link_layer_type(self.link_layer_type.into());
        buf.set_index(self.index);
        buf.set_flags(self.flags);
        buf.set_change_mask(self.change_mask);
    }
}
