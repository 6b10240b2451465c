//! Rule attributes (`FRA_*`).

use std::net::IpAddr;

use netlink_packet_core::emit::{
    emit_c_string, emit_ip, emit_u16, emit_u32, emit_u32_be, emit_u64_be, emit_u8, ip_len,
};
use netlink_packet_core::{
    parse_c_string, parse_ip, parse_u16, parse_u32, parse_u32_be, parse_u64_be, parse_u8,
    DecodeError, MalformedNla, Nla, NlaBuffer, Parseable, RawNla,
};

use super::ranges::{RulePortRange, RuleUidRange};
use crate::common::{RouteProtocol, RouteTable};

/// `FRA_UNSPEC`
pub const FRA_UNSPEC: u16 = 0;
/// `FRA_DST`: destination prefix.
pub const FRA_DST: u16 = 1;
/// `FRA_SRC`: source prefix.
pub const FRA_SRC: u16 = 2;
/// `FRA_IIFNAME`: input interface name.
pub const FRA_IIFNAME: u16 = 3;
/// `FRA_GOTO`: priority of the rule to jump to (`FR_ACT_GOTO`).
pub const FRA_GOTO: u16 = 4;
/// `FRA_PRIORITY`: priority (preference) of the rule.
pub const FRA_PRIORITY: u16 = 6;
/// `FRA_FWMARK`: firewall mark.
pub const FRA_FWMARK: u16 = 10;
/// `FRA_FLOW`: realm (flow / class id).
pub const FRA_FLOW: u16 = 11;
/// `FRA_TUN_ID`: tunnel id (`__be64`).
pub const FRA_TUN_ID: u16 = 12;
/// `FRA_SUPPRESS_IFGROUP`: suppress routes through interfaces of this group.
pub const FRA_SUPPRESS_IFGROUP: u16 = 13;
/// `FRA_SUPPRESS_PREFIXLEN`: suppress routes with this prefix length or less.
pub const FRA_SUPPRESS_PREFIXLEN: u16 = 14;
/// `FRA_TABLE`: table id (32 bits).
pub const FRA_TABLE: u16 = 15;
/// `FRA_FWMASK`: mask of the firewall mark.
pub const FRA_FWMASK: u16 = 16;
/// `FRA_OIFNAME`: output interface name.
pub const FRA_OIFNAME: u16 = 17;
/// `FRA_PAD`: alignment padding.
pub const FRA_PAD: u16 = 18;
/// `FRA_L3MDEV`: use the table of the L3 master device (`u8`).
pub const FRA_L3MDEV: u16 = 19;
/// `FRA_UID_RANGE`: UID range (`struct fib_rule_uid_range`).
pub const FRA_UID_RANGE: u16 = 20;
/// `FRA_PROTOCOL`: originator of the rule (`RTPROT_*`).
pub const FRA_PROTOCOL: u16 = 21;
/// `FRA_IP_PROTO`: IP protocol (`IPPROTO_*`).
pub const FRA_IP_PROTO: u16 = 22;
/// `FRA_SPORT_RANGE`: source port range.
pub const FRA_SPORT_RANGE: u16 = 23;
/// `FRA_DPORT_RANGE`: destination port range.
pub const FRA_DPORT_RANGE: u16 = 24;
/// `FRA_DSCP`: DSCP (6 bits, `u8`), Linux 6.12+.
pub const FRA_DSCP: u16 = 25;
/// `FRA_FLOWLABEL`: IPv6 flow label (`__be32`), Linux 6.13+.
pub const FRA_FLOWLABEL: u16 = 26;
/// `FRA_FLOWLABEL_MASK`: IPv6 flow label mask (`__be32`), Linux 6.13+.
pub const FRA_FLOWLABEL_MASK: u16 = 27;
/// `FRA_SPORT_MASK`: source port mask (`u16`), Linux 6.15+.
pub const FRA_SPORT_MASK: u16 = 28;
/// `FRA_DPORT_MASK`: destination port mask (`u16`), Linux 6.15+.
pub const FRA_DPORT_MASK: u16 = 29;
/// `FRA_DSCP_MASK`: DSCP mask (`u8`), Linux 6.15+.
pub const FRA_DSCP_MASK: u16 = 30;

/// One rule attribute (`FRA_*`).
///
/// Unknown attribute types are kept in [`RuleAttribute::Other`]; an
/// attribute of a known type whose value cannot be decoded is kept in
/// [`RuleAttribute::Malformed`] with its error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RuleAttribute {
    /// `FRA_DST`: destination prefix (length in the header's `dst_len`).
    Destination(IpAddr),
    /// `FRA_SRC`: source prefix (length in the header's `src_len`).
    Source(IpAddr),
    /// `FRA_IIFNAME`: input interface name.
    IifName(String),
    /// `FRA_GOTO`: priority of the rule to jump to.
    Goto(u32),
    /// `FRA_PRIORITY`: priority (preference) of this rule.
    Priority(u32),
    /// `FRA_FWMARK`: firewall mark.
    FwMark(u32),
    /// `FRA_FLOW`: realm.
    Flow(u32),
    /// `FRA_TUN_ID`: tunnel id (host order here; network order on the wire).
    TunnelId(u64),
    /// `FRA_SUPPRESS_IFGROUP`: suppress routes through this interface group.
    SuppressIfGroup(u32),
    /// `FRA_SUPPRESS_PREFIXLEN`: suppress routes with this prefix length or
    /// less (`u32::MAX`: not set).
    SuppressPrefixLen(u32),
    /// `FRA_TABLE`: the table id (any 32-bit id).
    Table(RouteTable),
    /// `FRA_FWMASK`: firewall mark mask.
    FwMask(u32),
    /// `FRA_OIFNAME`: output interface name.
    OifName(String),
    /// `FRA_L3MDEV`: use the table of the L3 master device (1).
    L3MDev(u8),
    /// `FRA_UID_RANGE`: UID range.
    UidRange(RuleUidRange),
    /// `FRA_PROTOCOL`: originator of the rule.
    Protocol(RouteProtocol),
    /// `FRA_IP_PROTO`: IP protocol number (`IPPROTO_TCP` = 6, ...).
    IpProtocol(u8),
    /// `FRA_SPORT_RANGE`: source port range.
    SourcePortRange(RulePortRange),
    /// `FRA_DPORT_RANGE`: destination port range.
    DestinationPortRange(RulePortRange),
    /// `FRA_DSCP`: DSCP value (0-63).
    Dscp(u8),
    /// `FRA_FLOWLABEL`: IPv6 flow label (host order here).
    FlowLabel(u32),
    /// `FRA_FLOWLABEL_MASK`: IPv6 flow label mask (host order here).
    FlowLabelMask(u32),
    /// `FRA_SPORT_MASK`: source port mask.
    SourcePortMask(u16),
    /// `FRA_DPORT_MASK`: destination port mask.
    DestinationPortMask(u16),
    /// `FRA_DSCP_MASK`: DSCP mask.
    DscpMask(u8),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

impl Nla for RuleAttribute {
    fn value_len(&self) -> usize {
        use RuleAttribute::*;
        match self {
            Destination(ip) | Source(ip) => ip_len(ip),
            IifName(name) | OifName(name) => name.len() + 1,
            Goto(_) | Priority(_) | FwMark(_) | Flow(_) | SuppressIfGroup(_)
            | SuppressPrefixLen(_) | Table(_) | FwMask(_) | FlowLabel(_) | FlowLabelMask(_) => 4,
            TunnelId(_) | UidRange(_) => 8,
            L3MDev(_) | Protocol(_) | IpProtocol(_) | Dscp(_) | DscpMask(_) => 1,
            SourcePortRange(_) | DestinationPortRange(_) => RulePortRange::LEN,
            SourcePortMask(_) | DestinationPortMask(_) => 2,
            Other(nla) => nla.value_len(),
            Malformed(nla) => nla.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        use RuleAttribute::*;
        match self {
            Destination(_) => FRA_DST,
            Source(_) => FRA_SRC,
            IifName(_) => FRA_IIFNAME,
            Goto(_) => FRA_GOTO,
            Priority(_) => FRA_PRIORITY,
            FwMark(_) => FRA_FWMARK,
            Flow(_) => FRA_FLOW,
            TunnelId(_) => FRA_TUN_ID,
            SuppressIfGroup(_) => FRA_SUPPRESS_IFGROUP,
            SuppressPrefixLen(_) => FRA_SUPPRESS_PREFIXLEN,
            Table(_) => FRA_TABLE,
            FwMask(_) => FRA_FWMASK,
            OifName(_) => FRA_OIFNAME,
            L3MDev(_) => FRA_L3MDEV,
            UidRange(_) => FRA_UID_RANGE,
            Protocol(_) => FRA_PROTOCOL,
            IpProtocol(_) => FRA_IP_PROTO,
            SourcePortRange(_) => FRA_SPORT_RANGE,
            DestinationPortRange(_) => FRA_DPORT_RANGE,
            Dscp(_) => FRA_DSCP,
            FlowLabel(_) => FRA_FLOWLABEL,
            FlowLabelMask(_) => FRA_FLOWLABEL_MASK,
            SourcePortMask(_) => FRA_SPORT_MASK,
            DestinationPortMask(_) => FRA_DPORT_MASK,
            DscpMask(_) => FRA_DSCP_MASK,
            Other(nla) => nla.kind(),
            Malformed(nla) => nla.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        use RuleAttribute::*;
        match self {
            Destination(ip) | Source(ip) => emit_ip(buffer, ip),
            IifName(name) | OifName(name) => emit_c_string(buffer, name),
            Goto(value)
            | Priority(value)
            | FwMark(value)
            | Flow(value)
            | SuppressIfGroup(value)
            | SuppressPrefixLen(value)
            | FwMask(value) => emit_u32(buffer, *value),
            Table(table) => emit_u32(buffer, table.0),
            FlowLabel(value) | FlowLabelMask(value) => emit_u32_be(buffer, *value),
            TunnelId(value) => emit_u64_be(buffer, *value),
            UidRange(range) => range.emit(buffer),
            L3MDev(value) | IpProtocol(value) | Dscp(value) | DscpMask(value) => {
                emit_u8(buffer, *value)
            }
            Protocol(protocol) => emit_u8(buffer, (*protocol).into()),
            SourcePortRange(range) | DestinationPortRange(range) => range.emit(buffer),
            SourcePortMask(value) | DestinationPortMask(value) => emit_u16(buffer, *value),
            Other(nla) => nla.emit_value(buffer),
            Malformed(nla) => nla.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            RuleAttribute::Other(nla) => nla.is_nested(),
            RuleAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            RuleAttribute::Other(nla) => nla.is_network_byteorder(),
            RuleAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for RuleAttribute {
    /// Never fails: unknown types become [`RuleAttribute::Other`] and
    /// undecodable values [`RuleAttribute::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        use RuleAttribute::*;
        let value = buf.value();
        let (name, parsed) = match buf.raw_kind() {
            FRA_DST => ("FRA_DST", parse_ip(value).map(Destination)),
            FRA_SRC => ("FRA_SRC", parse_ip(value).map(Source)),
            FRA_IIFNAME => ("FRA_IIFNAME", parse_c_string(value).map(IifName)),
            FRA_GOTO => ("FRA_GOTO", parse_u32(value).map(Goto)),
            FRA_PRIORITY => ("FRA_PRIORITY", parse_u32(value).map(Priority)),
            FRA_FWMARK => ("FRA_FWMARK", parse_u32(value).map(FwMark)),
            FRA_FLOW => ("FRA_FLOW", parse_u32(value).map(Flow)),
            FRA_TUN_ID => ("FRA_TUN_ID", parse_u64_be(value).map(TunnelId)),
            FRA_SUPPRESS_IFGROUP => (
                "FRA_SUPPRESS_IFGROUP",
                parse_u32(value).map(SuppressIfGroup),
            ),
            FRA_SUPPRESS_PREFIXLEN => (
                "FRA_SUPPRESS_PREFIXLEN",
                parse_u32(value).map(SuppressPrefixLen),
            ),
            FRA_TABLE => (
                "FRA_TABLE",
                parse_u32(value).map(|id| Table(RouteTable(id))),
            ),
            FRA_FWMASK => ("FRA_FWMASK", parse_u32(value).map(FwMask)),
            FRA_OIFNAME => ("FRA_OIFNAME", parse_c_string(value).map(OifName)),
            FRA_L3MDEV => ("FRA_L3MDEV", parse_u8(value).map(L3MDev)),
            FRA_UID_RANGE => ("FRA_UID_RANGE", RuleUidRange::parse(value).map(UidRange)),
            FRA_PROTOCOL => (
                "FRA_PROTOCOL",
                parse_u8(value).map(|protocol| Protocol(protocol.into())),
            ),
            FRA_IP_PROTO => ("FRA_IP_PROTO", parse_u8(value).map(IpProtocol)),
            FRA_SPORT_RANGE => (
                "FRA_SPORT_RANGE",
                RulePortRange::parse(value).map(SourcePortRange),
            ),
            FRA_DPORT_RANGE => (
                "FRA_DPORT_RANGE",
                RulePortRange::parse(value).map(DestinationPortRange),
            ),
            FRA_DSCP => ("FRA_DSCP", parse_u8(value).map(Dscp)),
            FRA_FLOWLABEL => ("FRA_FLOWLABEL", parse_u32_be(value).map(FlowLabel)),
            FRA_FLOWLABEL_MASK => ("FRA_FLOWLABEL_MASK", parse_u32_be(value).map(FlowLabelMask)),
            FRA_SPORT_MASK => ("FRA_SPORT_MASK", parse_u16(value).map(SourcePortMask)),
            FRA_DPORT_MASK => ("FRA_DPORT_MASK", parse_u16(value).map(DestinationPortMask)),
            FRA_DSCP_MASK => ("FRA_DSCP_MASK", parse_u8(value).map(DscpMask)),
            kind => return Ok(Other(RawNla::new(kind, value))),
        };
        Ok(parsed.unwrap_or_else(|error| {
            Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}
