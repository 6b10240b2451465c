//! The link message header (`struct ifinfomsg`) and the checked view over a
//! whole link message payload (its lazy attribute accessors are in
//! `buffer.rs`).

use crate::common::fixed_header::{fixed_header, FlagsField};
use crate::link::{LinkFlags, LinkLayerType};

/// Length of `struct ifinfomsg`.
const IFINFOMSG_LEN: usize = 16;

impl FlagsField for LinkFlags {}

fixed_header! {
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
    pub struct LinkMessageBuffer;
    /// The fixed header of a link message (`struct ifinfomsg`, 16 bytes).
    ///
    /// In requests, `index` 0 means "select by name" (or "any" in dumps) and
    /// `change_mask` tells which bits of `flags` to change. The padding byte
    /// `__ifi_pad` is not kept: it is emitted as zero.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct LinkHeader;
    layout IFINFOMSG_LEN, "link message", "struct ifinfomsg" {
        /// Address family (`ifi_family`).
        family / set_family: u8 = "the address family" @ 0,
        /// The padding byte after the family (`__ifi_pad`).
        reserved / set_reserved: u8 = "the padding byte" @ 1,
        /// Link-layer type (`ifi_type`, `ARPHRD_*`).
        link_layer_type / set_link_layer_type: u16 = "the link-layer type" @ 2,
        /// Device index (`ifi_index`).
        index / set_index: u32 = "the device index" @ 4,
        /// Device flags (`ifi_flags`).
        flags / set_flags: LinkFlags = "the device flags" @ 8,
        /// Change mask (`ifi_change`).
        change_mask / set_change_mask: LinkFlags = "the change mask" @ 12,
    }
    header {
        /// Address family (`ifi_family`): `AF_UNSPEC` (0) for most messages,
        /// `AF_BRIDGE` (7) for bridge port messages, `AF_INET6` (10) for IPv6
        /// link information.
        pub family: u8 = family / set_family,
        /// Link-layer type (`ifi_type`).
        pub link_layer_type: LinkLayerType = link_layer_type / set_link_layer_type,
        /// Device index (`ifi_index`).
        pub index: u32 = index / set_index,
        /// Device flags (`ifi_flags`).
        pub flags: LinkFlags = flags / set_flags,
        /// Which flags a request changes (`ifi_change`); the kernel reports 0
        /// in dumps and the changed flags in notifications.
        pub change_mask: LinkFlags = change_mask / set_change_mask,
    }
}

impl LinkHeader {
    /// Length of the header on the wire.
    pub const LEN: usize = IFINFOMSG_LEN;
}
