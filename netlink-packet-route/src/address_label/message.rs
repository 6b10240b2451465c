//! The owned address label message.

use std::net::Ipv6Addr;

use super::attribute::AddressLabelAttribute;
use super::header::{AddressLabelHeader, AddressLabelMessageBuffer, ADDRESS_LABEL_HEADER_LEN};
use crate::common::attribute_message::attribute_message;
use crate::common::AddressFamily;

/// An address label message: `RTM_NEWADDRLABEL`, `RTM_DELADDRLABEL` or
/// `RTM_GETADDRLABEL`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AddressLabelMessage {
    /// The fixed header (`struct ifaddrlblmsg`).
    pub header: AddressLabelHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<AddressLabelAttribute>,
}

impl AddressLabelMessage {
    /// A request body labelling `prefix/prefix_len` with `label` on any
    /// interface.
    pub fn new(prefix: Ipv6Addr, prefix_len: u8, label: u32) -> Self {
        AddressLabelMessage {
            header: AddressLabelHeader {
                family: AddressFamily::Inet6,
                prefix_len,
                ..AddressLabelHeader::default()
            },
            attributes: vec![
                AddressLabelAttribute::Address(prefix),
                AddressLabelAttribute::Label(label),
            ],
        }
    }

    /// `IFAL_ADDRESS`, if present.
    pub fn address(&self) -> Option<Ipv6Addr> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                AddressLabelAttribute::Address(address) => Some(*address),
                _ => None,
            })
    }

    /// `IFAL_LABEL`, if present.
    pub fn label(&self) -> Option<u32> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                AddressLabelAttribute::Label(label) => Some(*label),
                _ => None,
            })
    }
}

attribute_message! {
    AddressLabelMessage {
        header: AddressLabelHeader,
        attributes: AddressLabelAttribute,
        buffer: AddressLabelMessageBuffer,
        header_len: ADDRESS_LABEL_HEADER_LEN,
        name: "address label message",
    }
}
