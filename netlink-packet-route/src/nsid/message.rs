//! The owned namespace id message.

use super::attribute::NsIdAttribute;
use super::header::{NsIdHeader, NsIdMessageBuffer, NSID_HEADER_LEN};
use crate::common::attribute_message::attribute_message;

/// A namespace id message: `RTM_NEWNSID`, `RTM_DELNSID` or `RTM_GETNSID`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NsIdMessage {
    /// The fixed header (`struct rtgenmsg`).
    pub header: NsIdHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<NsIdAttribute>,
}

impl NsIdMessage {
    /// `NETNSA_NSID`, if present.
    pub fn nsid(&self) -> Option<i32> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                NsIdAttribute::NsId(id) => Some(*id),
                _ => None,
            })
    }
}

attribute_message! {
    NsIdMessage {
        header: NsIdHeader,
        attributes: NsIdAttribute,
        buffer: NsIdMessageBuffer,
        header_len: NSID_HEADER_LEN,
        name: "namespace id message",
    }
}
