//! The owned neighbour message.

use std::net::IpAddr;

use super::attribute::NeighbourAttribute;
use super::flags::NeighbourFlags;
use super::header::{NeighbourHeader, NeighbourMessageBuffer, NEIGHBOUR_HEADER_LEN};
use super::state::NeighbourState;
use crate::common::attribute_message::attribute_message;
use crate::common::{AddressFamily, RouteType};
use crate::link::LinkAddress;

/// A neighbour message: `RTM_NEWNEIGH`, `RTM_DELNEIGH` or `RTM_GETNEIGH`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NeighbourMessage {
    /// The fixed header (`struct ndmsg`).
    pub header: NeighbourHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<NeighbourAttribute>,
}

impl NeighbourMessage {
    /// A message with the given header and no attributes.
    pub fn new(header: NeighbourHeader) -> Self {
        NeighbourMessage {
            header,
            attributes: Vec::new(),
        }
    }

    /// A request body for an IP neighbour `destination` on interface
    /// `ifindex` in `state`: the family follows the address and `NDA_DST`
    /// is set. Add the link-layer address with
    /// [`with_attribute`](Self::with_attribute).
    pub fn new_ip(ifindex: u32, destination: IpAddr, state: NeighbourState) -> Self {
        let family = match destination {
            IpAddr::V4(_) => AddressFamily::Inet,
            IpAddr::V6(_) => AddressFamily::Inet6,
        };
        NeighbourMessage {
            header: NeighbourHeader {
                family,
                ifindex,
                state,
                flags: NeighbourFlags::empty(),
                kind: RouteType::Unspec,
                padding: [0; 3],
            },
            attributes: vec![NeighbourAttribute::Destination(destination)],
        }
    }

    /// `NDA_DST`, if present.
    pub fn destination(&self) -> Option<IpAddr> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NeighbourAttribute::Destination(ip) => Some(*ip),
                _ => None,
            })
    }

    /// `NDA_LLADDR`, if present.
    pub fn link_layer_address(&self) -> Option<LinkAddress> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NeighbourAttribute::LinkLayerAddress(address) => Some(*address),
                _ => None,
            })
    }
}

attribute_message! {
    NeighbourMessage {
        header: NeighbourHeader,
        attributes: NeighbourAttribute,
        buffer: NeighbourMessageBuffer,
        header_len: NEIGHBOUR_HEADER_LEN,
        name: "neighbour message",
    }
}
