//! The owned link message (`RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`,
//! `RTM_SETLINK`, `RTM_NEWLINKPROP`, `RTM_DELLINKPROP`).

use netlink_packet_core::{
    check_nla_value_len, DecodeError, EmitError, Emitable, ErrorContext, Nla, Parseable,
};

use crate::common::nla_list::parse_nla_list;
use crate::link::info::{InfoData, InfoKind, InfoSlaveData, LinkInfoAttribute};
use crate::link::{
    LinkAddress, LinkAttribute, LinkHeader, LinkMessageBuffer, LinkStats64, Nested, OperState,
    PropListAttribute,
};

/// A link message: the `ifinfomsg` header and the attributes, in wire
/// order.
///
/// ```
/// use netlink_packet_core::{Emitable, Parseable};
/// use netlink_packet_route::link::{LinkAttribute, LinkMessage, LinkMessageBuffer};
///
/// let request = LinkMessage::builder().name("br0").mtu(9000).build().unwrap();
/// let mut bytes = vec![0; request.buffer_len()];
/// request.emit(&mut bytes);
///
/// let parsed = LinkMessage::parse(&LinkMessageBuffer::new_checked(&bytes[..]).unwrap()).unwrap();
/// assert_eq!(parsed, request);
/// assert_eq!(parsed.name(), Some("br0"));
/// assert!(parsed.attributes.contains(&LinkAttribute::Mtu(9000)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkMessage {
    /// The fixed header.
    pub header: LinkHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<LinkAttribute>,
}

impl LinkMessage {
    /// A message with this header and no attributes.
    pub fn new(header: LinkHeader) -> Self {
        LinkMessage {
            header,
            attributes: Vec::new(),
        }
    }

    /// Decodes a link message payload (`ifinfomsg` and attributes).
    pub fn parse_payload(bytes: &[u8]) -> Result<Self, DecodeError> {
        LinkMessage::parse(&LinkMessageBuffer::new_checked(bytes)?)
    }

    /// Checks that the message can be emitted: every attribute value must
    /// fit the 16-bit attribute length (nested values are shorter than the
    /// attribute holding them, so checking the top level suffices).
    pub fn validate(&self) -> Result<(), EmitError> {
        for attribute in &self.attributes {
            check_nla_value_len(attribute.kind(), attribute.value_len())?;
        }
        Ok(())
    }

    /// The attributes whose value could not be decoded (top level only).
    pub fn malformed(&self) -> impl Iterator<Item = &netlink_packet_core::MalformedNla> {
        self.attributes
            .iter()
            .filter_map(|attribute| match attribute {
                LinkAttribute::Malformed(malformed) => Some(&**malformed),
                _ => None,
            })
    }

    /// The device index (`ifi_index`).
    pub fn index(&self) -> u32 {
        self.header.index
    }

    /// Device name (`IFLA_IFNAME`).
    pub fn name(&self) -> Option<&str> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                LinkAttribute::IfName(name) => Some(name.as_str()),
                _ => None,
            })
    }

    /// MTU (`IFLA_MTU`).
    pub fn mtu(&self) -> Option<u32> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                LinkAttribute::Mtu(mtu) => Some(*mtu),
                _ => None,
            })
    }

    /// Controller index (`IFLA_MASTER`).
    pub fn master(&self) -> Option<u32> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                LinkAttribute::Master(index) => Some(*index),
                _ => None,
            })
    }

    /// Lower device or peer index (`IFLA_LINK`).
    pub fn link(&self) -> Option<u32> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                LinkAttribute::Link(index) => Some(*index),
                _ => None,
            })
    }

    /// Operational state (`IFLA_OPERSTATE`).
    pub fn operstate(&self) -> Option<OperState> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                LinkAttribute::OperState(state) => Some(*state),
                _ => None,
            })
    }

    /// Link-layer address (`IFLA_ADDRESS`).
    pub fn address(&self) -> Option<&LinkAddress> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                LinkAttribute::Address(address) => Some(address),
                _ => None,
            })
    }

    /// Alias (`IFLA_IFALIAS`).
    pub fn alias(&self) -> Option<&str> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                LinkAttribute::IfAlias(alias) => Some(alias.as_str()),
                _ => None,
            })
    }

    /// Alternative names (`IFLA_PROP_LIST`).
    pub fn alt_names(&self) -> impl Iterator<Item = &str> {
        self.attributes
            .iter()
            .filter_map(|attribute| match attribute {
                LinkAttribute::PropList(list) => Some(list.iter()),
                _ => None,
            })
            .flatten()
            .filter_map(|property| match property {
                PropListAttribute::AltIfName(name) => Some(name.as_str()),
                _ => None,
            })
    }

    /// 64-bit counters (`IFLA_STATS64`).
    pub fn stats64(&self) -> Option<&LinkStats64> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                LinkAttribute::Stats64(stats) => Some(&**stats),
                _ => None,
            })
    }

    /// The attributes of `IFLA_LINKINFO`.
    pub fn link_info(&self) -> Option<&Nested<LinkInfoAttribute>> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                LinkAttribute::LinkInfo(info) => Some(info),
                _ => None,
            })
    }

    /// The link kind (`IFLA_INFO_KIND`).
    pub fn kind(&self) -> Option<&InfoKind> {
        self.link_info()?.iter().find_map(LinkInfoAttribute::kind)
    }

    /// The typed configuration of the link kind (`IFLA_INFO_DATA`).
    pub fn info_data(&self) -> Option<&InfoData> {
        self.link_info()?
            .iter()
            .find_map(|attribute| match attribute {
                LinkInfoAttribute::Data(data) => Some(data),
                _ => None,
            })
    }

    /// The controller kind (`IFLA_INFO_SLAVE_KIND`).
    pub fn slave_kind(&self) -> Option<&InfoKind> {
        self.link_info()?
            .iter()
            .find_map(LinkInfoAttribute::slave_kind)
    }

    /// The typed port configuration (`IFLA_INFO_SLAVE_DATA`).
    pub fn slave_data(&self) -> Option<&InfoSlaveData> {
        self.link_info()?
            .iter()
            .find_map(|attribute| match attribute {
                LinkInfoAttribute::SlaveData(data) => Some(data),
                _ => None,
            })
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<LinkMessageBuffer<&'a T>> for LinkMessage {
    fn parse(buf: &LinkMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        let header = LinkHeader::parse(buf)?;
        let family = header.family;
        let attributes = parse_nla_list(buf.attribute_bytes(), |nla| {
            LinkAttribute::parse_in_message(nla, family)
        })
        .context("link message")?;
        Ok(LinkMessage { header, attributes })
    }
}

impl Emitable for LinkMessage {
    fn buffer_len(&self) -> usize {
        LinkHeader::LEN + self.attributes.as_slice().buffer_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        self.attributes
            .as_slice()
            .emit(&mut buffer[LinkHeader::LEN..]);
    }
}
