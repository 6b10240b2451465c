//! The owned netconf message.

use super::attribute::NetconfAttribute;
use super::header::{NetconfHeader, NetconfMessageBuffer, NETCONF_HEADER_LEN};
use crate::common::attribute_message::attribute_message;
use crate::common::AddressFamily;

/// A netconf message: `RTM_NEWNETCONF`, `RTM_DELNETCONF` or
/// `RTM_GETNETCONF`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NetconfMessage {
    /// The fixed header (`struct netconfmsg`).
    pub header: NetconfHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<NetconfAttribute>,
}

impl NetconfMessage {
    /// A message of `family` without attributes.
    pub fn new(family: AddressFamily) -> Self {
        NetconfMessage {
            header: NetconfHeader {
                family,
                padding: [0; 3],
            },
            attributes: Vec::new(),
        }
    }

    /// `NETCONFA_IFINDEX`, if present.
    pub fn ifindex(&self) -> Option<i32> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NetconfAttribute::IfIndex(index) => Some(*index),
                _ => None,
            })
    }
}

attribute_message! {
    NetconfMessage {
        header: NetconfHeader,
        attributes: NetconfAttribute,
        buffer: NetconfMessageBuffer,
        header_len: NETCONF_HEADER_LEN,
        name: "netconf message",
    }
}
