//! `veth` configuration: the peer device of a request.

use netlink_packet_core::{Nla, NlaBuffer, RawNla};

use crate::common::nla_list::malformed;
use crate::link::codec::{ContextValue, ParseAttr};
use crate::link::LinkMessage;

/// One attribute of the `IFLA_INFO_DATA` of a `veth` (`VETH_INFO_*`).
///
/// The kernel does not report it; requests creating a veth pair carry the
/// peer as a link message (header and attributes: name, address, netns, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InfoVeth {
    /// The peer device (`VETH_INFO_PEER`), sent without `NLA_F_NESTED`.
    Peer(LinkMessage),
    /// An attribute not known here (or a peer flagged `NLA_F_NESTED`), kept
    /// raw.
    Other(netlink_packet_core::RawNla),
    /// A known attribute whose value could not be decoded.
    Malformed(Box<netlink_packet_core::MalformedNla>),
}

impl ContextValue for LinkMessage {
    fn context_len(&self) -> usize {
        netlink_packet_core::Emitable::buffer_len(self)
    }

    fn context_emit(&self, buffer: &mut [u8]) {
        netlink_packet_core::Emitable::emit(self, buffer)
    }

    fn context_nested(&self) -> bool {
        false
    }
}

impl Nla for InfoVeth {
    fn value_len(&self) -> usize {
        match self {
            InfoVeth::Peer(peer) => peer.context_len(),
            InfoVeth::Other(raw) => raw.value_len(),
            InfoVeth::Malformed(malformed) => malformed.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        match self {
            InfoVeth::Peer(_) => 1,
            InfoVeth::Other(raw) => raw.kind(),
            InfoVeth::Malformed(malformed) => malformed.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            InfoVeth::Peer(peer) => peer.context_emit(buffer),
            InfoVeth::Other(raw) => raw.emit_value(buffer),
            InfoVeth::Malformed(malformed) => malformed.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            InfoVeth::Peer(_) => false,
            InfoVeth::Other(raw) => raw.is_nested(),
            InfoVeth::Malformed(malformed) => malformed.is_nested(),
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            InfoVeth::Peer(_) => false,
            InfoVeth::Other(raw) => raw.is_network_byteorder(),
            InfoVeth::Malformed(malformed) => malformed.is_network_byteorder(),
        }
    }
}

impl ParseAttr for InfoVeth {
    fn parse_attr(nla: &NlaBuffer<&[u8]>) -> Self {
        if nla.raw_kind() != 1 {
            return InfoVeth::Other(RawNla::new(nla.raw_kind(), nla.value()));
        }
        match LinkMessage::parse_payload(nla.value()) {
            Ok(peer) => InfoVeth::Peer(peer),
            Err(error) => InfoVeth::Malformed(malformed(nla, error, "VETH_INFO_PEER")),
        }
    }
}
