//! Naming the attribute an extended ack points at.
//!
//! The kernel reports the offending attribute as a byte offset into the
//! request (`NLMSGERR_ATTR_OFFS`). This module walks the request's bytes to
//! that offset and names every attribute on the way, in the kernel's own
//! words: `IFLA_LINKINFO > IFLA_INFO_DATA > VETH_INFO_PEER > IFLA_MTU`.

use std::fmt;

use netlink_packet_route::{
    RTM_DELADDR, RTM_DELLINK, RTM_DELLINKPROP, RTM_DELNEIGH, RTM_DELROUTE, RTM_DELRULE,
    RTM_GETADDR, RTM_GETLINK, RTM_GETNEIGH, RTM_GETROUTE, RTM_GETRULE, RTM_NEWADDR, RTM_NEWLINK,
    RTM_NEWLINKPROP, RTM_NEWNEIGH, RTM_NEWROUTE, RTM_NEWRULE, RTM_SETLINK,
};

const NETLINK_HEADER_LEN: usize = 16;

/// One attribute on the path to the offending one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttributeSegment {
    /// The attribute type (without the `NLA_F_*` flag bits).
    pub kind: u16,
    /// The kernel's name for it (`IFLA_MTU`), when known.
    pub name: Option<&'static str>,
}

impl fmt::Display for AttributeSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name {
            Some(name) => f.write_str(name),
            None => write!(f, "attribute type {}", self.kind),
        }
    }
}

/// Where in a request the kernel found a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributePath {
    /// The fixed header (`struct ifinfomsg`...) when the offset points into
    /// it rather than at an attribute.
    pub header: Option<&'static str>,
    /// The attributes from the outermost to the offending one.
    pub segments: Vec<AttributeSegment>,
    /// The offset points inside the value of the last attribute rather
    /// than at its start (e.g. a field of a structure).
    pub inside_value: bool,
    /// The offset as the kernel reported it (from the start of the
    /// netlink header).
    pub offset: u32,
}

impl AttributePath {
    /// The name of the offending (innermost) attribute.
    pub fn last_name(&self) -> Option<&'static str> {
        self.segments.last().and_then(|segment| segment.name)
    }
}

impl fmt::Display for AttributePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return match self.header {
                Some(header) => write!(f, "{header} (byte {})", self.offset),
                None => write!(f, "byte {} of the request", self.offset),
            };
        }
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                f.write_str(" > ")?;
            }
            segment.fmt(f)?;
        }
        if self.inside_value {
            f.write_str(" (inside its value)")?;
        }
        Ok(())
    }
}

/// The attribute spaces this module can name.
#[derive(Debug, Clone, Copy)]
enum Space {
    Link,
    LinkInfo,
    VethData,
    Address,
    Route,
    Multipath,
    Metrics,
    Neighbour,
    Rule,
    Unknown,
}

/// The fixed header name and length and the attribute space of a message
/// type.
fn message_layout(message_type: u16) -> Option<(&'static str, usize, Space)> {
    Some(match message_type {
        RTM_NEWLINK | RTM_DELLINK | RTM_GETLINK | RTM_SETLINK | RTM_NEWLINKPROP
        | RTM_DELLINKPROP => ("struct ifinfomsg", 16, Space::Link),
        RTM_NEWADDR | RTM_DELADDR | RTM_GETADDR => ("struct ifaddrmsg", 8, Space::Address),
        RTM_NEWROUTE | RTM_DELROUTE | RTM_GETROUTE => ("struct rtmsg", 12, Space::Route),
        RTM_NEWNEIGH | RTM_DELNEIGH | RTM_GETNEIGH => ("struct ndmsg", 12, Space::Neighbour),
        RTM_NEWRULE | RTM_DELRULE | RTM_GETRULE => ("struct fib_rule_hdr", 12, Space::Rule),
        _ => return None,
    })
}

/// The name of the attribute type `kind` of message type `message_type`
/// (top level), e.g. `missing_attribute_name(RTM_NEWLINK, 3)` is `IFLA_IFNAME`.
pub(crate) fn top_level_name(message_type: u16, kind: u16) -> Option<&'static str> {
    let (_, _, space) = message_layout(message_type)?;
    name(space, kind)
}

/// Names the attribute at `offset` (from the start of the netlink header)
/// of the serialized request `request`.
pub fn name_offending_attribute(request: &[u8], offset: u32) -> Option<AttributePath> {
    let position = usize::try_from(offset).ok()?;
    let message_type = u16::from_ne_bytes([*request.get(4)?, *request.get(5)?]);
    let (header, header_len, space) = message_layout(message_type)?;
    let length = u32::from_ne_bytes(request.get(..4)?.try_into().ok()?) as usize;
    let message = request.get(..length.min(request.len()))?;
    let mut path = AttributePath {
        header: None,
        segments: Vec::new(),
        inside_value: false,
        offset,
    };
    if position < NETLINK_HEADER_LEN {
        path.header = Some("struct nlmsghdr");
        return Some(path);
    }
    let attributes_start = NETLINK_HEADER_LEN + header_len;
    if position < attributes_start {
        path.header = Some(header);
        return Some(path);
    }
    let found = walk(message, attributes_start, position, space, &mut path);
    if !found {
        return None;
    }
    Some(path)
}

/// Walks the attributes in `bytes[start..]` towards `target`; returns
/// whether an attribute containing `target` was found.
fn walk(bytes: &[u8], start: usize, target: usize, space: Space, path: &mut AttributePath) -> bool {
    walk_until(bytes, start, bytes.len(), target, space, path)
}

fn walk_until(
    bytes: &[u8],
    mut position: usize,
    end: usize,
    target: usize,
    space: Space,
    path: &mut AttributePath,
) -> bool {
    let end = end.min(bytes.len());
    let mut info_kind: Option<&[u8]> = None;
    while position + 4 <= end {
        let Some(header) = bytes.get(position..position + 4) else {
            return false;
        };
        let length = usize::from(u16::from_ne_bytes([header[0], header[1]]));
        let kind = u16::from_ne_bytes([header[2], header[3]]) & 0x3fff;
        if length < 4 || position + length > end {
            return false;
        }
        let value_start = position + 4;
        let value_end = position + length;
        if matches!(space, Space::LinkInfo) && kind == 1 {
            info_kind = bytes.get(value_start..value_end);
        }
        if target >= position && target < value_end.max(position + 4) {
            path.segments.push(AttributeSegment {
                kind,
                name: name(space, kind),
            });
            if target < value_start {
                return true;
            }
            let child = child_space(space, kind, info_kind);
            let found = match child {
                Some((Space::Multipath, _)) => {
                    walk_multipath(bytes, value_start, value_end, target, path)
                }
                Some((child, skip)) => {
                    walk_until(bytes, value_start + skip, value_end, target, child, path)
                }
                None => false,
            };
            if !found {
                path.inside_value = true;
            }
            return true;
        }
        position += (length + 3) & !3;
    }
    false
}

fn walk_multipath(
    bytes: &[u8],
    mut position: usize,
    end: usize,
    target: usize,
    path: &mut AttributePath,
) -> bool {
    while position + 8 <= end {
        let Some(header) = bytes.get(position..position + 2) else {
            return false;
        };
        let length = usize::from(u16::from_ne_bytes([header[0], header[1]]));
        if length < 8 || position + length > end {
            return false;
        }
        if target >= position && target < position + length {
            return target >= position + 8
                && walk_until(
                    bytes,
                    position + 8,
                    position + length,
                    target,
                    Space::Route,
                    path,
                );
        }
        position += (length + 3) & !3;
    }
    false
}

/// The space of the attributes nested in attribute `kind` of `space`, and
/// how many bytes of fixed header precede them.
fn child_space(space: Space, kind: u16, info_kind: Option<&[u8]>) -> Option<(Space, usize)> {
    match (space, kind) {
        (Space::Link, 18) => Some((Space::LinkInfo, 0)),
        (Space::Link, 52) => Some((Space::Link, 0)),
        (Space::LinkInfo, 2) => match info_kind {
            Some(b"veth\0") | Some(b"veth") => Some((Space::VethData, 0)),
            _ => Some((Space::Unknown, 0)),
        },
        (Space::LinkInfo, 5) => Some((Space::Unknown, 0)),
        (Space::VethData, 1) => Some((Space::Link, 16)),
        (Space::Route, 9) => Some((Space::Multipath, 0)),
        (Space::Route, 8) => Some((Space::Metrics, 0)),
        _ => None,
    }
}

fn name(space: Space, kind: u16) -> Option<&'static str> {
    let table: &[&str] = match space {
        Space::Link => IFLA,
        Space::LinkInfo => IFLA_INFO,
        Space::VethData => &["VETH_INFO_UNSPEC", "VETH_INFO_PEER"],
        Space::Address => IFA,
        Space::Route => RTA,
        Space::Metrics => RTAX,
        Space::Neighbour => NDA,
        Space::Rule => FRA,
        Space::Multipath | Space::Unknown => return None,
    };
    table.get(usize::from(kind)).copied()
}

const IFLA: &[&str] = &[
    "IFLA_UNSPEC",
    "IFLA_ADDRESS",
    "IFLA_BROADCAST",
    "IFLA_IFNAME",
    "IFLA_MTU",
    "IFLA_LINK",
    "IFLA_QDISC",
    "IFLA_STATS",
    "IFLA_COST",
    "IFLA_PRIORITY",
    "IFLA_MASTER",
    "IFLA_WIRELESS",
    "IFLA_PROTINFO",
    "IFLA_TXQLEN",
    "IFLA_MAP",
    "IFLA_WEIGHT",
    "IFLA_OPERSTATE",
    "IFLA_LINKMODE",
    "IFLA_LINKINFO",
    "IFLA_NET_NS_PID",
    "IFLA_IFALIAS",
    "IFLA_NUM_VF",
    "IFLA_VFINFO_LIST",
    "IFLA_STATS64",
    "IFLA_VF_PORTS",
    "IFLA_PORT_SELF",
    "IFLA_AF_SPEC",
    "IFLA_GROUP",
    "IFLA_NET_NS_FD",
    "IFLA_EXT_MASK",
    "IFLA_PROMISCUITY",
    "IFLA_NUM_TX_QUEUES",
    "IFLA_NUM_RX_QUEUES",
    "IFLA_CARRIER",
    "IFLA_PHYS_PORT_ID",
    "IFLA_CARRIER_CHANGES",
    "IFLA_PHYS_SWITCH_ID",
    "IFLA_LINK_NETNSID",
    "IFLA_PHYS_PORT_NAME",
    "IFLA_PROTO_DOWN",
    "IFLA_GSO_MAX_SEGS",
    "IFLA_GSO_MAX_SIZE",
    "IFLA_PAD",
    "IFLA_XDP",
    "IFLA_EVENT",
    "IFLA_NEW_NETNSID",
    "IFLA_TARGET_NETNSID",
    "IFLA_CARRIER_UP_COUNT",
    "IFLA_CARRIER_DOWN_COUNT",
    "IFLA_NEW_IFINDEX",
    "IFLA_MIN_MTU",
    "IFLA_MAX_MTU",
    "IFLA_PROP_LIST",
    "IFLA_ALT_IFNAME",
    "IFLA_PERM_ADDRESS",
    "IFLA_PROTO_DOWN_REASON",
    "IFLA_PARENT_DEV_NAME",
    "IFLA_PARENT_DEV_BUS_NAME",
    "IFLA_GRO_MAX_SIZE",
    "IFLA_TSO_MAX_SIZE",
    "IFLA_TSO_MAX_SEGS",
    "IFLA_ALLMULTI",
    "IFLA_DEVLINK_PORT",
    "IFLA_GSO_IPV4_MAX_SIZE",
    "IFLA_GRO_IPV4_MAX_SIZE",
    "IFLA_DPLL_PIN",
    "IFLA_MAX_PACING_OFFLOAD_HORIZON",
    "IFLA_NETNS_IMMUTABLE",
    "IFLA_HEADROOM",
    "IFLA_TAILROOM",
];

const IFLA_INFO: &[&str] = &[
    "IFLA_INFO_UNSPEC",
    "IFLA_INFO_KIND",
    "IFLA_INFO_DATA",
    "IFLA_INFO_XSTATS",
    "IFLA_INFO_SLAVE_KIND",
    "IFLA_INFO_SLAVE_DATA",
];

const IFA: &[&str] = &[
    "IFA_UNSPEC",
    "IFA_ADDRESS",
    "IFA_LOCAL",
    "IFA_LABEL",
    "IFA_BROADCAST",
    "IFA_ANYCAST",
    "IFA_CACHEINFO",
    "IFA_MULTICAST",
    "IFA_FLAGS",
    "IFA_RT_PRIORITY",
    "IFA_TARGET_NETNSID",
    "IFA_PROTO",
];

const RTA: &[&str] = &[
    "RTA_UNSPEC",
    "RTA_DST",
    "RTA_SRC",
    "RTA_IIF",
    "RTA_OIF",
    "RTA_GATEWAY",
    "RTA_PRIORITY",
    "RTA_PREFSRC",
    "RTA_METRICS",
    "RTA_MULTIPATH",
    "RTA_PROTOINFO",
    "RTA_FLOW",
    "RTA_CACHEINFO",
    "RTA_SESSION",
    "RTA_MP_ALGO",
    "RTA_TABLE",
    "RTA_MARK",
    "RTA_MFC_STATS",
    "RTA_VIA",
    "RTA_NEWDST",
    "RTA_PREF",
    "RTA_ENCAP_TYPE",
    "RTA_ENCAP",
    "RTA_EXPIRES",
    "RTA_PAD",
    "RTA_UID",
    "RTA_TTL_PROPAGATE",
    "RTA_IP_PROTO",
    "RTA_SPORT",
    "RTA_DPORT",
    "RTA_NH_ID",
    "RTA_FLOWLABEL",
];

const RTAX: &[&str] = &[
    "RTAX_UNSPEC",
    "RTAX_LOCK",
    "RTAX_MTU",
    "RTAX_WINDOW",
    "RTAX_RTT",
    "RTAX_RTTVAR",
    "RTAX_SSTHRESH",
    "RTAX_CWND",
    "RTAX_ADVMSS",
    "RTAX_REORDERING",
    "RTAX_HOPLIMIT",
    "RTAX_INITCWND",
    "RTAX_FEATURES",
    "RTAX_RTO_MIN",
    "RTAX_INITRWND",
    "RTAX_QUICKACK",
    "RTAX_CC_ALGO",
    "RTAX_FASTOPEN_NO_COOKIE",
];

const NDA: &[&str] = &[
    "NDA_UNSPEC",
    "NDA_DST",
    "NDA_LLADDR",
    "NDA_CACHEINFO",
    "NDA_PROBES",
    "NDA_VLAN",
    "NDA_PORT",
    "NDA_VNI",
    "NDA_IFINDEX",
    "NDA_MASTER",
    "NDA_LINK_NETNSID",
    "NDA_SRC_VNI",
    "NDA_PROTOCOL",
    "NDA_NH_ID",
    "NDA_FDB_EXT_ATTRS",
    "NDA_FLAGS_EXT",
    "NDA_NDM_STATE_MASK",
    "NDA_NDM_FLAGS_MASK",
];

const FRA: &[&str] = &[
    "FRA_UNSPEC",
    "FRA_DST",
    "FRA_SRC",
    "FRA_IIFNAME",
    "FRA_GOTO",
    "FRA_UNUSED2",
    "FRA_PRIORITY",
    "FRA_UNUSED3",
    "FRA_UNUSED4",
    "FRA_UNUSED5",
    "FRA_FWMARK",
    "FRA_FLOW",
    "FRA_TUN_ID",
    "FRA_SUPPRESS_IFGROUP",
    "FRA_SUPPRESS_PREFIXLEN",
    "FRA_TABLE",
    "FRA_FWMASK",
    "FRA_OIFNAME",
    "FRA_PAD",
    "FRA_L3MDEV",
    "FRA_UID_RANGE",
    "FRA_PROTOCOL",
    "FRA_IP_PROTO",
    "FRA_SPORT_RANGE",
    "FRA_DPORT_RANGE",
    "FRA_DSCP",
    "FRA_FLOWLABEL",
    "FRA_FLOWLABEL_MASK",
    "FRA_SPORT_MASK",
    "FRA_DPORT_MASK",
    "FRA_DSCP_MASK",
];

/// The kernel's name of an rtnetlink message type.
pub(crate) fn message_type_name(message_type: u16) -> &'static str {
    const NAMES: &[(u16, &str)] = &[
        (RTM_NEWLINK, "RTM_NEWLINK"),
        (RTM_DELLINK, "RTM_DELLINK"),
        (RTM_GETLINK, "RTM_GETLINK"),
        (RTM_SETLINK, "RTM_SETLINK"),
        (RTM_NEWLINKPROP, "RTM_NEWLINKPROP"),
        (RTM_DELLINKPROP, "RTM_DELLINKPROP"),
        (RTM_NEWADDR, "RTM_NEWADDR"),
        (RTM_DELADDR, "RTM_DELADDR"),
        (RTM_GETADDR, "RTM_GETADDR"),
        (RTM_NEWROUTE, "RTM_NEWROUTE"),
        (RTM_DELROUTE, "RTM_DELROUTE"),
        (RTM_GETROUTE, "RTM_GETROUTE"),
        (RTM_NEWNEIGH, "RTM_NEWNEIGH"),
        (RTM_DELNEIGH, "RTM_DELNEIGH"),
        (RTM_GETNEIGH, "RTM_GETNEIGH"),
        (RTM_NEWRULE, "RTM_NEWRULE"),
        (RTM_DELRULE, "RTM_DELRULE"),
        (RTM_GETRULE, "RTM_GETRULE"),
    ];
    NAMES
        .iter()
        .find(|(number, _)| *number == message_type)
        .map_or("RTM_?", |(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nla(kind: u16, value: &[u8]) -> Vec<u8> {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&((value.len() + 4) as u16).to_ne_bytes());
        bytes.extend_from_slice(&kind.to_ne_bytes());
        bytes.extend_from_slice(value);
        while bytes.len() % 4 != 0 {
            bytes.push(0);
        }
        bytes
    }

    fn message(message_type: u16, header_len: usize, attributes: &[u8]) -> Vec<u8> {
        let mut bytes = vec![0u8; 16 + header_len];
        bytes.extend_from_slice(attributes);
        let length = bytes.len() as u32;
        bytes[..4].copy_from_slice(&length.to_ne_bytes());
        bytes[4..6].copy_from_slice(&message_type.to_ne_bytes());
        bytes
    }

    #[test]
    fn names_a_nested_veth_peer_attribute() {
        // IFLA_IFNAME "v0", IFLA_LINKINFO { KIND "veth", DATA { PEER { ifinfomsg, IFLA_MTU } } }
        let mut peer = vec![0u8; 16];
        peer.extend(nla(4, &9000u32.to_ne_bytes()));
        let data = nla(1, &peer);
        let mut info = nla(1, b"veth\0");
        info.extend(nla(2, &data));
        let mut attributes = nla(3, b"v0\0");
        let linkinfo_at = attributes.len();
        attributes.extend(nla(18, &info));
        let request = message(RTM_NEWLINK, 16, &attributes);
        // Offset of IFLA_MTU inside the peer: nlmsghdr + ifinfomsg +
        // linkinfo header + kind attr (12) + data header + peer header + ifinfomsg.
        let mtu_offset = 16 + 16 + linkinfo_at + 4 + 12 + 4 + 4 + 16;
        let path = name_offending_attribute(&request, mtu_offset as u32).unwrap();
        assert_eq!(
            path.to_string(),
            "IFLA_LINKINFO > IFLA_INFO_DATA > VETH_INFO_PEER > IFLA_MTU"
        );
        assert!(!path.inside_value);
        assert_eq!(path.last_name(), Some("IFLA_MTU"));
    }

    #[test]
    fn names_multipath_gateway_and_header_fields() {
        let mut hop = vec![0u8; 8];
        hop.extend(nla(5, &[10, 0, 0, 1]));
        let hop_len = hop.len() as u16;
        hop[..2].copy_from_slice(&hop_len.to_ne_bytes());
        let attributes = nla(9, &hop);
        let request = message(RTM_NEWROUTE, 12, &attributes);
        let gateway = 16 + 12 + 4 + 8;
        let path = name_offending_attribute(&request, gateway as u32).unwrap();
        assert_eq!(path.to_string(), "RTA_MULTIPATH > RTA_GATEWAY");
        let inside = name_offending_attribute(&request, (gateway + 6) as u32).unwrap();
        assert_eq!(
            inside.to_string(),
            "RTA_MULTIPATH > RTA_GATEWAY (inside its value)"
        );
        let header = name_offending_attribute(&request, 20).unwrap();
        assert_eq!(header.header, Some("struct rtmsg"));
        assert!(name_offending_attribute(&request, 4000).is_none());
    }
}
