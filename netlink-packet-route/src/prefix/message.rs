//! The owned prefix message.

use super::attribute::PrefixAttribute;
use super::header::{PrefixHeader, PrefixMessageBuffer, PREFIX_HEADER_LEN};
use crate::common::attribute_message::attribute_message;

/// A prefix message (`RTM_NEWPREFIX`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrefixMessage {
    /// The fixed header (`struct prefixmsg`).
    pub header: PrefixHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<PrefixAttribute>,
}

attribute_message! {
    PrefixMessage {
        header: PrefixHeader,
        attributes: PrefixAttribute,
        buffer: PrefixMessageBuffer,
        header_len: PREFIX_HEADER_LEN,
        name: "prefix message",
    }
}
