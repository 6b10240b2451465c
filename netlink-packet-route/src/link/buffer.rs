//! A checked, zero-copy view over a link message payload, with lazy
//! accessors that decode single attributes on demand.

use netlink_packet_core::{NlaBuffer, NlasIterator};

use crate::link::{LinkHeader, LinkMessageBuffer, OperState};

impl<T: AsRef<[u8]>> LinkMessageBuffer<T> {
    /// Length of the fixed header.
    pub const HEADER_LEN: usize = LinkHeader::LEN;

    /// The value of the first attribute of type `kind` (flag bits
    /// ignored), if any; stops at a malformed attribute stream.
    pub fn attribute(&self, kind: u16) -> Option<&[u8]> {
        find(self.attribute_bytes(), kind)
    }

    /// Device name (`IFLA_IFNAME`).
    pub fn name(&self) -> Option<&str> {
        self.attribute(3).and_then(c_str)
    }

    /// MTU (`IFLA_MTU`).
    pub fn mtu(&self) -> Option<u32> {
        self.attribute(4).and_then(u32_value)
    }

    /// Minimum MTU (`IFLA_MIN_MTU`).
    pub fn min_mtu(&self) -> Option<u32> {
        self.attribute(50).and_then(u32_value)
    }

    /// Maximum MTU (`IFLA_MAX_MTU`).
    pub fn max_mtu(&self) -> Option<u32> {
        self.attribute(51).and_then(u32_value)
    }

    /// Lower device or peer index (`IFLA_LINK`).
    pub fn link(&self) -> Option<u32> {
        self.attribute(5).and_then(u32_value)
    }

    /// Controller index (`IFLA_MASTER`).
    pub fn master(&self) -> Option<u32> {
        self.attribute(10).and_then(u32_value)
    }

    /// Transmit queue length (`IFLA_TXQLEN`).
    pub fn txqlen(&self) -> Option<u32> {
        self.attribute(13).and_then(u32_value)
    }

    /// Device group (`IFLA_GROUP`).
    pub fn group(&self) -> Option<u32> {
        self.attribute(27).and_then(u32_value)
    }

    /// Operational state (`IFLA_OPERSTATE`).
    pub fn operstate(&self) -> Option<OperState> {
        match *self.attribute(16)? {
            [state] => Some(OperState::from(state)),
            _ => None,
        }
    }

    /// Link-layer address bytes (`IFLA_ADDRESS`).
    pub fn address(&self) -> Option<&[u8]> {
        self.attribute(1)
    }

    /// Link-layer broadcast address bytes (`IFLA_BROADCAST`).
    pub fn broadcast(&self) -> Option<&[u8]> {
        self.attribute(2)
    }

    /// Permanent address bytes (`IFLA_PERM_ADDRESS`).
    pub fn perm_address(&self) -> Option<&[u8]> {
        self.attribute(54)
    }

    /// Alias (`IFLA_IFALIAS`).
    pub fn alias(&self) -> Option<&str> {
        self.attribute(20).and_then(c_str)
    }

    /// Root queueing discipline name (`IFLA_QDISC`).
    pub fn qdisc(&self) -> Option<&str> {
        self.attribute(6).and_then(c_str)
    }

    /// Namespace id of the peer / lower device namespace
    /// (`IFLA_LINK_NETNSID`).
    pub fn link_netnsid(&self) -> Option<i32> {
        self.attribute(37)
            .and_then(|value| <[u8; 4]>::try_from(value).ok())
            .map(i32::from_ne_bytes)
    }

    /// Link kind (`IFLA_LINKINFO` / `IFLA_INFO_KIND`), e.g. `"veth"`.
    pub fn kind(&self) -> Option<&str> {
        find(self.attribute(18)?, 1).and_then(c_str)
    }

    /// Controller kind (`IFLA_LINKINFO` / `IFLA_INFO_SLAVE_KIND`), e.g.
    /// `"bridge"` for a bridge port.
    pub fn slave_kind(&self) -> Option<&str> {
        find(self.attribute(18)?, 4).and_then(c_str)
    }

    /// Alternative names (`IFLA_PROP_LIST` / `IFLA_ALT_IFNAME`).
    pub fn alt_names(&self) -> impl Iterator<Item = &str> {
        NlasIterator::new(self.attribute(52).unwrap_or_default())
            .map_while(Result::ok)
            .filter(|nla| nla.kind() == 53)
            .filter_map(|nla| c_str(nla.into_value()))
    }
}

/// The value of the first attribute of type `kind` in `bytes`.
fn find(bytes: &[u8], kind: u16) -> Option<&[u8]> {
    NlasIterator::new(bytes)
        .map_while(Result::ok)
        .find(|nla| nla.kind() == kind)
        .map(NlaBuffer::into_value)
}

fn c_str(value: &[u8]) -> Option<&str> {
    std::str::from_utf8(value.strip_suffix(&[0]).unwrap_or(value)).ok()
}

fn u32_value(value: &[u8]) -> Option<u32> {
    <[u8; 4]>::try_from(value).ok().map(u32::from_ne_bytes)
}
