//! `handle.rule()`: routing policy rules.

use std::net::IpAddr;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::{
    common::{AddressFamily, RouteProtocol, RouteTable},
    rule::{
        RuleAction, RuleAttribute, RuleFlags, RuleHeader, RuleMessage, RulePortRange, RuleUidRange,
    },
    RtnlMessage,
};

use crate::{
    executor::{DumpFilter, Executor},
    request::{ack_flags, dump_flags, Request},
    Error,
};

fn extract_rule(message: RtnlMessage) -> Option<RuleMessage> {
    match message {
        RtnlMessage::NewRule(rule) => Some(rule),
        _ => None,
    }
}

/// Rule requests; from [`Handle::rule`](crate::Handle::rule) or
/// [`BlockingHandle::rule`](crate::BlockingHandle::rule).
#[derive(Debug, Clone)]
pub struct RuleHandle<H> {
    handle: H,
}

impl<H: Executor> RuleHandle<H> {
    pub(crate) fn new(handle: H) -> Self {
        RuleHandle { handle }
    }

    /// Dumps the rules of `family` (`ip rule show`; `Unspec` for all).
    /// The kernel cannot filter rule dumps: `table` and `priority`
    /// filters are applied here.
    pub fn get(&self, family: AddressFamily) -> RuleGetRequest<H> {
        RuleGetRequest {
            handle: self.handle.clone(),
            family,
            table: None,
            priority: None,
        }
    }

    /// Adds a rule of `family` (`ip rule add`); by default it looks up
    /// the main table. Fails with `EEXIST` if an identical rule exists.
    pub fn add(&self, family: AddressFamily) -> RuleRequest<H> {
        let mut message = RuleMessage::new(RuleHeader {
            family,
            action: RuleAction::ToTable,
            ..RuleHeader::default()
        });
        message.header.table = RouteTable::MAIN.header_byte();
        RuleRequest {
            handle: self.handle.clone(),
            message,
            delete: false,
            table_set: false,
        }
    }

    /// Deletes the first rule of `family` matching what the builder sets
    /// (`ip rule del`).
    pub fn del(&self, family: AddressFamily) -> RuleRequest<H> {
        let message = RuleMessage::new(RuleHeader {
            family,
            ..RuleHeader::default()
        });
        RuleRequest {
            handle: self.handle.clone(),
            message,
            delete: true,
            table_set: false,
        }
    }

    /// Deletes the rule described by `message` (e.g. from a dump).
    pub fn del_message(&self, message: RuleMessage) -> H::Ack {
        let request = Request::new(
            RtnlMessage::DelRule(message),
            ack_flags(NetlinkFlags::empty()),
            "rule del",
        );
        self.handle.execute_ack(Ok(request))
    }
}

/// Dumps rules; see [`RuleHandle::get`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct RuleGetRequest<H> {
    handle: H,
    family: AddressFamily,
    table: Option<u32>,
    priority: Option<u32>,
}

impl<H: Executor> RuleGetRequest<H> {
    /// Only rules looking up `table`.
    pub fn table(mut self, table: u32) -> Self {
        self.table = Some(table);
        self
    }

    /// Only rules with priority `priority`.
    pub fn priority(mut self, priority: u32) -> Self {
        self.priority = Some(priority);
        self
    }

    /// Sends the request: a stream (async) or a `Vec` (blocking).
    pub fn execute(self) -> H::Dump<RuleMessage> {
        let message = RuleMessage::new(RuleHeader {
            family: self.family,
            ..RuleHeader::default()
        });
        let request = Request::new(RtnlMessage::GetRule(message), dump_flags(), "rule dump");
        let (family, table, priority) = (self.family, self.table, self.priority);
        let filter = DumpFilter::default().with_local(move |rule: &RuleMessage| {
            (family == AddressFamily::Unspec || rule.header.family == family)
                && table.is_none_or(|table| rule.table().0 == table)
                && priority.is_none_or(|priority| rule.priority() == Some(priority))
        });
        self.handle.execute_dump(Ok(request), extract_rule, filter)
    }
}

/// Adds or deletes a rule; see [`RuleHandle::add`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct RuleRequest<H> {
    handle: H,
    message: RuleMessage,
    delete: bool,
    table_set: bool,
}

impl<H: Executor> RuleRequest<H> {
    fn attribute(mut self, attribute: RuleAttribute) -> Self {
        self.message.attributes.push(attribute);
        self
    }

    /// Look up `table` (`lookup`; ids over 255 go in `FRA_TABLE`).
    pub fn table(mut self, table: u32) -> Self {
        self.message = self.message.with_table(RouteTable(table));
        self.table_set = true;
        self
    }

    /// Priority (`pref`).
    pub fn priority(self, priority: u32) -> Self {
        self.attribute(RuleAttribute::Priority(priority))
    }

    /// Source prefix selector (`from`).
    pub fn source(mut self, prefix: IpAddr, prefix_len: u8) -> Self {
        self.message = self.message.with_source(prefix, prefix_len);
        self
    }

    /// Destination prefix selector (`to`).
    pub fn destination(mut self, prefix: IpAddr, prefix_len: u8) -> Self {
        self.message = self.message.with_destination(prefix, prefix_len);
        self
    }

    /// Firewall mark selector (`fwmark MARK/MASK`).
    pub fn fwmark(self, mark: u32, mask: u32) -> Self {
        self.attribute(RuleAttribute::FwMark(mark))
            .attribute(RuleAttribute::FwMask(mask))
    }

    /// Input interface selector (`iif`).
    pub fn input_interface(self, name: impl Into<String>) -> Self {
        self.attribute(RuleAttribute::IifName(name.into()))
    }

    /// Output interface selector (`oif`).
    pub fn output_interface(self, name: impl Into<String>) -> Self {
        self.attribute(RuleAttribute::OifName(name.into()))
    }

    /// TOS selector (`tos`).
    pub fn tos(mut self, tos: u8) -> Self {
        self.message.header.tos = tos;
        self
    }

    /// IP protocol selector (`ipproto`).
    pub fn ip_protocol(self, protocol: u8) -> Self {
        self.attribute(RuleAttribute::IpProtocol(protocol))
    }

    /// Source port range selector (`sport`).
    pub fn source_ports(self, start: u16, end: u16) -> Self {
        self.attribute(RuleAttribute::SourcePortRange(RulePortRange { start, end }))
    }

    /// Destination port range selector (`dport`).
    pub fn destination_ports(self, start: u16, end: u16) -> Self {
        self.attribute(RuleAttribute::DestinationPortRange(RulePortRange {
            start,
            end,
        }))
    }

    /// UID range selector (`uidrange`).
    pub fn uid_range(self, start: u32, end: u32) -> Self {
        self.attribute(RuleAttribute::UidRange(RuleUidRange { start, end }))
    }

    /// VRF selector: look up the table of the VRF the packet's interface
    /// belongs to (`l3mdev`); the rule then has no table of its own.
    pub fn l3mdev(self) -> Self {
        self.attribute(RuleAttribute::L3MDev(1))
    }

    /// Tunnel id selector (`tun_id`).
    pub fn tunnel_id(self, id: u64) -> Self {
        self.attribute(RuleAttribute::TunnelId(id))
    }

    /// Inverts the selectors: the rule applies to packets that do *not*
    /// match them (`not`).
    pub fn invert(mut self) -> Self {
        self.message.header.flags |= RuleFlags::INVERT;
        self
    }

    /// Ignore a table lookup result whose prefix length is this or less
    /// (`suppress_prefixlength`).
    pub fn suppress_prefix_length(self, length: u32) -> Self {
        self.attribute(RuleAttribute::SuppressPrefixLen(length))
    }

    /// Ignore a table lookup result whose output interface is in group
    /// `group` (`suppress_ifgroup`).
    pub fn suppress_interface_group(self, group: u32) -> Self {
        self.attribute(RuleAttribute::SuppressIfGroup(group))
    }

    /// Realms (`realms`, `FRA_FLOW`).
    pub fn realms(self, realms: u32) -> Self {
        self.attribute(RuleAttribute::Flow(realms))
    }

    /// Adds any attribute as is (selectors this builder does not name,
    /// such as DSCP or flow label).
    pub fn with_attribute(self, attribute: RuleAttribute) -> Self {
        self.attribute(attribute)
    }

    /// Who installs the rule (`protocol`).
    pub fn protocol(self, protocol: RouteProtocol) -> Self {
        self.attribute(RuleAttribute::Protocol(protocol))
    }

    /// The action: `ToTable` (default with a table), `Blackhole`,
    /// `Unreachable`, `Prohibit`, `Nop`, or `Goto` (see [`goto`](Self::goto)).
    pub fn action(mut self, action: RuleAction) -> Self {
        self.message.header.action = action;
        self
    }

    /// Jump to the rule with priority `priority` (`goto`).
    pub fn goto(mut self, priority: u32) -> Self {
        self.message.header.action = RuleAction::Goto;
        self.attribute(RuleAttribute::Goto(priority))
    }

    /// Sends the request; resolves when the kernel acknowledged it.
    pub fn execute(self) -> H::Ack {
        let mut message = self.message;
        let l3mdev = message
            .attributes
            .iter()
            .any(|attribute| matches!(attribute, RuleAttribute::L3MDev(_)));
        if (message.header.action != RuleAction::ToTable || l3mdev)
            && !self.table_set
            && !self.delete
        {
            // No default table: the action needs none, or the VRF gives
            // it (the kernel refuses l3mdev with a table).
            message.header.table = 0;
        }
        let request = message
            .validate()
            .map_err(|error| Error::InvalidRequest(error.to_string()))
            .map(|()| {
                if self.delete {
                    Request::new(
                        RtnlMessage::DelRule(message),
                        ack_flags(NetlinkFlags::empty()),
                        "rule del",
                    )
                } else {
                    Request::new(
                        RtnlMessage::NewRule(message),
                        ack_flags(NetlinkFlags::CREATE | NetlinkFlags::EXCL),
                        "rule add",
                    )
                }
            });
        self.handle.execute_ack(request)
    }
}
