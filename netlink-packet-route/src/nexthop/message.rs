//! The owned nexthop message: header plus attributes.

use std::net::IpAddr;

use netlink_packet_core::{
    check_nla_value_len, DecodeError, EmitError, Emitable, ErrorContext, Nla, Parseable,
};

use crate::common::{AddressFamily, RouteProtocol};
use crate::nexthop::{
    NexthopAttribute, NexthopGroupEntry, NexthopGroupType, NexthopHeader, NexthopMessageBuffer,
    NexthopResilientGroupAttribute,
};
use crate::route::RouteEncap;

/// A nexthop message (`RTM_NEWNEXTHOP`, `RTM_DELNEXTHOP`,
/// `RTM_GETNEXTHOP`): `struct nhmsg` plus `NHA_*` attributes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NexthopMessage {
    /// The fixed header.
    pub header: NexthopHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<NexthopAttribute>,
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NexthopMessageBuffer<&'a T>> for NexthopMessage {
    fn parse(buf: &NexthopMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        Ok(NexthopMessage {
            header: NexthopHeader::parse(buf)?,
            attributes: NexthopAttribute::parse_list(buf.attribute_bytes())
                .context("nexthop message attributes")?,
        })
    }
}

impl Emitable for NexthopMessage {
    fn buffer_len(&self) -> usize {
        self.header.buffer_len() + self.attributes.as_slice().buffer_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        let start = self.header.buffer_len();
        let len = self.attributes.as_slice().buffer_len();
        self.attributes
            .as_slice()
            .emit(&mut buffer[start..start + len]);
    }
}

impl NexthopMessage {
    /// A message with the given id and an empty header of family `family`
    /// (protocol `boot`, like `ip nexthop add`).
    pub fn new(id: u32, family: AddressFamily) -> Self {
        NexthopMessage {
            header: NexthopHeader {
                address_family: family,
                protocol: RouteProtocol::Boot,
                ..NexthopHeader::default()
            },
            attributes: vec![NexthopAttribute::Id(id)],
        }
    }

    /// A gateway nexthop: `ip nexthop add id ID via GATEWAY dev OIF`.
    pub fn gateway(id: u32, gateway: IpAddr, output_interface: u32) -> Self {
        let family = match gateway {
            IpAddr::V4(_) => AddressFamily::Inet,
            IpAddr::V6(_) => AddressFamily::Inet6,
        };
        let mut message = NexthopMessage::new(id, family);
        message.attributes.push(NexthopAttribute::Gateway(gateway));
        message
            .attributes
            .push(NexthopAttribute::Oif(output_interface));
        message
    }

    /// A device nexthop: `ip nexthop add id ID dev OIF` (family `AF_INET`).
    pub fn device(id: u32, output_interface: u32) -> Self {
        let mut message = NexthopMessage::new(id, AddressFamily::Inet);
        message
            .attributes
            .push(NexthopAttribute::Oif(output_interface));
        message
    }

    /// A blackhole nexthop: `ip nexthop add id ID blackhole` (family
    /// `AF_INET`: the kernel refuses `AF_UNSPEC` here).
    pub fn blackhole(id: u32) -> Self {
        let mut message = NexthopMessage::new(id, AddressFamily::Inet);
        message.attributes.push(NexthopAttribute::Blackhole);
        message
    }

    /// A multipath group: `ip nexthop add id ID group A,W/B,W`.
    pub fn group(id: u32, members: Vec<NexthopGroupEntry>) -> Self {
        let mut message = NexthopMessage::new(id, AddressFamily::Unspec);
        message.attributes.push(NexthopAttribute::Group(members));
        message
    }

    /// A resilient group: `ip nexthop add id ID group ... type resilient
    /// buckets N idle_timer T unbalanced_timer U` (timers in seconds).
    pub fn resilient_group(
        id: u32,
        members: Vec<NexthopGroupEntry>,
        buckets: u16,
        idle_timer: u32,
        unbalanced_timer: u32,
    ) -> Self {
        let mut message = NexthopMessage::group(id, members);
        message
            .attributes
            .push(NexthopAttribute::GroupType(NexthopGroupType::Resilient));
        message
            .attributes
            .push(NexthopAttribute::ResilientGroup(vec![
                NexthopResilientGroupAttribute::Buckets(buckets),
                NexthopResilientGroupAttribute::IdleTimer(idle_timer),
                NexthopResilientGroupAttribute::UnbalancedTimer(unbalanced_timer),
            ]));
        message
    }

    /// Adds an encapsulation (`NHA_ENCAP_TYPE` and `NHA_ENCAP`).
    ///
    /// Never send IP tunnel options (`LWTUNNEL_IP_OPTS`) to a 6.18 kernel.
    #[must_use]
    pub fn with_encap(mut self, encap: RouteEncap) -> Self {
        if let Some(kind) = encap.encap_type() {
            self.attributes.push(NexthopAttribute::EncapType(kind));
        }
        self.attributes.push(NexthopAttribute::Encap {
            encap,
            nested_flag: true,
        });
        self
    }

    /// Marks the nexthop for FDB use (`NHA_FDB`).
    #[must_use]
    pub fn with_fdb(mut self) -> Self {
        self.attributes.push(NexthopAttribute::Fdb);
        self
    }

    /// Checks that every attribute fits its 16-bit length field.
    pub fn check(&self) -> Result<(), EmitError> {
        for attribute in &self.attributes {
            check_nla_value_len(attribute.kind(), attribute.value_len())?;
        }
        Ok(())
    }

    /// The id (`NHA_ID`).
    pub fn id(&self) -> Option<u32> {
        self.attributes.iter().find_map(|a| match a {
            NexthopAttribute::Id(id) => Some(*id),
            _ => None,
        })
    }

    /// The gateway (`NHA_GATEWAY`).
    pub fn gateway_address(&self) -> Option<IpAddr> {
        self.attributes.iter().find_map(|a| match a {
            NexthopAttribute::Gateway(ip) => Some(*ip),
            _ => None,
        })
    }

    /// The output interface (`NHA_OIF`).
    pub fn output_interface(&self) -> Option<u32> {
        self.attributes.iter().find_map(|a| match a {
            NexthopAttribute::Oif(index) => Some(*index),
            _ => None,
        })
    }

    /// The group members (`NHA_GROUP`), empty if not a group.
    pub fn group_members(&self) -> &[NexthopGroupEntry] {
        self.attributes
            .iter()
            .find_map(|a| match a {
                NexthopAttribute::Group(entries) => Some(entries.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }

    /// Whether this is a blackhole nexthop (`NHA_BLACKHOLE`).
    pub fn is_blackhole(&self) -> bool {
        self.attributes
            .iter()
            .any(|a| matches!(a, NexthopAttribute::Blackhole))
    }
}
