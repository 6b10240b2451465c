//! The owned rule message.

use std::net::IpAddr;

use netlink_packet_core::{
    check_nla_value_len, DecodeError, EmitError, Emitable, ErrorContext, Nla, NlasIterator,
    Parseable,
};

use super::action::RuleAction;
use super::attribute::RuleAttribute;
use super::flags::RuleFlags;
use super::header::{RuleHeader, RuleMessageBuffer, RULE_HEADER_LEN};
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

    /// Appends an attribute (builder style).
    #[must_use]
    pub fn with_attribute(mut self, attribute: RuleAttribute) -> Self {
        self.attributes.push(attribute);
        self
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

    /// Checks that every attribute fits its 16-bit length field.
    pub fn validate(&self) -> Result<(), EmitError> {
        self.attributes
            .iter()
            .try_for_each(|attribute| check_nla_value_len(attribute.kind(), attribute.value_len()))
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

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<RuleMessageBuffer<&'a T>> for RuleMessage {
    fn parse(buf: &RuleMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        let header = RuleHeader::parse(buf)?;
        let bytes = buf.attribute_bytes();
        let mut attributes = Vec::with_capacity(NlasIterator::new(bytes).count());
        for nla in NlasIterator::new(bytes) {
            let nla = nla.context("rule message")?;
            attributes.push(RuleAttribute::parse(&nla)?);
        }
        Ok(RuleMessage { header, attributes })
    }
}

impl Emitable for RuleMessage {
    fn buffer_len(&self) -> usize {
        RULE_HEADER_LEN + self.attributes.as_slice().buffer_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        self.attributes
            .as_slice()
            .emit(&mut buffer[RULE_HEADER_LEN..]);
    }
}
