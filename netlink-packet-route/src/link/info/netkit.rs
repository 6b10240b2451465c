//! `netkit` configuration (`IFLA_NETKIT_*`).

use netlink_packet_core::NlaBuffer;

use crate::common::nla_list::malformed;
use crate::link::codec::{attribute_set, numeric_enum, ContextValue, ParseAttr};
use crate::link::LinkMessage;

numeric_enum! {
    /// Default action of a netkit device without program (`NETKIT_*`).
    pub enum NetkitPolicy: i32 {
        /// `NETKIT_NEXT`
        Next = -1,
        /// `NETKIT_PASS`
        Pass = 0,
        /// `NETKIT_DROP`
        Drop = 2,
        /// `NETKIT_REDIRECT`
        Redirect = 7,
    }
}

numeric_enum! {
    /// Layer of a netkit device (`NETKIT_L2`, `NETKIT_L3`).
    pub enum NetkitMode: u32 {
        /// `NETKIT_L2`
        L2 = 0,
        /// `NETKIT_L3`
        L3 = 1,
    }
}

numeric_enum! {
    /// Scrubbing of packet metadata (`NETKIT_SCRUB_*`).
    pub enum NetkitScrub: u32 {
        /// `NETKIT_SCRUB_NONE`
        None = 0,
        /// `NETKIT_SCRUB_DEFAULT`
        Default = 1,
    }
}

/// The peer of a netkit request, a link message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetkitPeer(pub LinkMessage);

impl ContextValue for NetkitPeer {
    fn context_len(&self) -> usize {
        self.0.context_len()
    }

    fn context_emit(&self, buffer: &mut [u8]) {
        self.0.context_emit(buffer)
    }

    fn context_nested(&self) -> bool {
        false
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `netkit` device
    /// (`IFLA_NETKIT_*`).
    pub enum InfoNetkit {
        /// Whether this is the primary device of the pair.
        Primary(u8, Ne) = IFLA_NETKIT_PRIMARY(2),
        /// Default action.
        Policy(NetkitPolicy, Val) = IFLA_NETKIT_POLICY(3),
        /// Default action of the peer.
        PeerPolicy(NetkitPolicy, Val) = IFLA_NETKIT_PEER_POLICY(4),
        /// Layer.
        Mode(NetkitMode, Val) = IFLA_NETKIT_MODE(5),
        /// Metadata scrubbing.
        Scrub(NetkitScrub, Val) = IFLA_NETKIT_SCRUB(6),
        /// Metadata scrubbing of the peer.
        PeerScrub(NetkitScrub, Val) = IFLA_NETKIT_PEER_SCRUB(7),
        /// Needed headroom.
        Headroom(u16, Ne) = IFLA_NETKIT_HEADROOM(8),
        /// Needed tailroom.
        Tailroom(u16, Ne) = IFLA_NETKIT_TAILROOM(9),
    }
    custom {
        /// The peer device (requests).
        PeerInfo(NetkitPeer, Context) = IFLA_NETKIT_PEER_INFO(1),
    }
}

impl InfoNetkit {
    pub(crate) fn parse_attr_with_peer(nla: &NlaBuffer<&[u8]>) -> Self {
        if nla.raw_kind() == 1 {
            return match LinkMessage::parse_payload(nla.value()) {
                Ok(peer) => InfoNetkit::PeerInfo(NetkitPeer(peer)),
                Err(error) => InfoNetkit::Malformed(malformed(nla, error, "IFLA_NETKIT_PEER_INFO")),
            };
        }
        Self::parse_attr(nla)
    }
}
