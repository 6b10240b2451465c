//! The owned address message.

use std::net::IpAddr;

use super::attribute::AddressAttribute;
use super::cache_info::AddressCacheInfo;
use super::flags::{AddressFlags, AddressHeaderFlags};
use super::header::{AddressHeader, AddressMessageBuffer, ADDRESS_HEADER_LEN};
use crate::common::attribute_message::attribute_message;
use crate::common::{AddressFamily, RouteScope};

/// An address message: `RTM_NEWADDR`, `RTM_DELADDR` or `RTM_GETADDR`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AddressMessage {
    /// The fixed header (`struct ifaddrmsg`).
    pub header: AddressHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<AddressAttribute>,
}

impl AddressMessage {
    /// A message with the given header and no attributes.
    pub fn new(header: AddressHeader) -> Self {
        AddressMessage {
            header,
            attributes: Vec::new(),
        }
    }

    /// A request body for adding or deleting `address/prefix_len` on the
    /// interface `index`: the family follows the address and both
    /// `IFA_LOCAL` and `IFA_ADDRESS` are set to it, as `ip address add`
    /// does.
    pub fn new_address(index: u32, address: IpAddr, prefix_len: u8) -> Self {
        let family = match address {
            IpAddr::V4(_) => AddressFamily::Inet,
            IpAddr::V6(_) => AddressFamily::Inet6,
        };
        AddressMessage {
            header: AddressHeader {
                family,
                prefix_len,
                flags: AddressHeaderFlags::empty(),
                scope: RouteScope::Universe,
                index,
            },
            attributes: vec![
                AddressAttribute::Local(address),
                AddressAttribute::Address(address),
            ],
        }
    }

    /// `IFA_ADDRESS`, if present.
    pub fn address(&self) -> Option<IpAddr> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                AddressAttribute::Address(ip) => Some(*ip),
                _ => None,
            })
    }

    /// `IFA_LOCAL`, if present.
    pub fn local(&self) -> Option<IpAddr> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                AddressAttribute::Local(ip) => Some(*ip),
                _ => None,
            })
    }

    /// `IFA_LOCAL` if present, else `IFA_ADDRESS`: the address of this
    /// host, as `ip address` shows it.
    pub fn local_or_address(&self) -> Option<IpAddr> {
        self.local().or_else(|| self.address())
    }

    /// `IFA_LABEL`, if present.
    pub fn label(&self) -> Option<&str> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                AddressAttribute::Label(label) => Some(label.as_str()),
                _ => None,
            })
    }

    /// `IFA_CACHEINFO`, if present.
    pub fn cache_info(&self) -> Option<AddressCacheInfo> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                AddressAttribute::CacheInfo(info) => Some(*info),
                _ => None,
            })
    }

    /// The complete flags: `IFA_FLAGS` if present, else the header byte.
    pub fn flags(&self) -> AddressFlags {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                AddressAttribute::Flags(flags) => Some(*flags),
                _ => None,
            })
            .unwrap_or_else(|| self.header.flags.into())
    }
}

attribute_message! {
    AddressMessage {
        header: AddressHeader,
        attributes: AddressAttribute,
        buffer: AddressMessageBuffer,
        header_len: ADDRESS_HEADER_LEN,
        name: "address message",
    }
}
