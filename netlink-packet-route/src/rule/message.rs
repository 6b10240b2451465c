//! The owned rule message.

use std::net::IpAddr;

use super::action::RuleAction;
use super::attribute::RuleAttribute;
use super::flags::RuleFlags;
use super::header::{RuleHeader, RuleMessageBuffer, RULE_HEADER_LEN};
use crate::common::attribute_message::attribute_message;
use crate::common::{AddressFamily, RouteTable};

/// A rule message: `RTM_NEWRULE`, `RTM_DELRULE` or `RTM_GETRULE`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleMessage {
    /// The fixed header (`struct fib_rule_hdr`).
    pub header: RuleHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<RuleAttribute>,
}

impl RuleMessage {
    /// A message with the given header and no attributes.
    pub fn new(header: RuleHeader) -> Self {
        RuleMessage {
            header,
            attributes: Vec::new(),
        }
    }

    /// An IPv4 rule with `action` and no selector.
    pub fn new_ipv4(action: RuleAction) -> Self {
        Self::with_family(AddressFamily::Inet, action)
    }

    /// An IPv6 rule with `action` and no selector.
    pub fn new_ipv6(action: RuleAction) -> Self {
        Self::with_family(AddressFamily::Inet6, action)
    }

    fn with_family(family: AddressFamily, action: RuleAction) -> Self {
        RuleMessage::new(RuleHeader {
            family,
            action,
            flags: RuleFlags::empty(),
            ..RuleHeader::default()
        })
    }

    /// Adds the source selector `FRA_SRC` and sets `src_len` (builder style).
    #[must_use]
    pub fn with_source(mut self, prefix: IpAddr, prefix_len: u8) -> Self {
        self.header.src_len = prefix_len;
        self.with_attribute(RuleAttribute::Source(prefix))
    }

    /// Adds the destination selector `FRA_DST` and sets `dst_len` (builder
    /// style).
    #[must_use]
    pub fn with_destination(mut self, prefix: IpAddr, prefix_len: u8) -> Self {
        self.header.dst_len = prefix_len;
        self.with_attribute(RuleAttribute::Destination(prefix))
    }

    /// Sets the table: the header byte (or `RT_TABLE_COMPAT` for ids above
    /// 255) and `FRA_TABLE` with the full id (builder style).
    #[must_use]
    pub fn with_table(mut self, table: RouteTable) -> Self {
        self.header.table = table.header_byte();
        self.attributes
            .retain(|attribute| !matches!(attribute, RuleAttribute::Table(_)));
        self.with_attribute(RuleAttribute::Table(table))
    }

    /// The table: `FRA_TABLE` if present, else the header byte.
    pub fn table(&self) -> RouteTable {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                RuleAttribute::Table(table) => Some(*table),
                _ => None,
            })
            .unwrap_or(RouteTable(u32::from(self.header.table)))
    }

    /// `FRA_PRIORITY`, if present.
    pub fn priority(&self) -> Option<u32> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                RuleAttribute::Priority(priority) => Some(*priority),
                _ => None,
            })
    }

    /// `FRA_SRC`, if present.
    pub fn source(&self) -> Option<IpAddr> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                RuleAttribute::Source(ip) => Some(*ip),
                _ => None,
            })
    }

    /// `FRA_DST`, if present.
    pub fn destination(&self) -> Option<IpAddr> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                RuleAttribute::Destination(ip) => Some(*ip),
                _ => None,
            })
    }
}

attribute_message! {
    RuleMessage {
        header: RuleHeader,
        attributes: RuleAttribute,
        buffer: RuleMessageBuffer,
        header_len: RULE_HEADER_LEN,
        name: "rule message",
    }
}
