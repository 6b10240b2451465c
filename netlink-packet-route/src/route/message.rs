//! The owned route message: header plus attributes.

use std::net::IpAddr;

use netlink_packet_core::{
    check_nla_value_len, DecodeError, EmitError, Emitable, ErrorContext, Nla, Parseable,
};

use crate::common::{AddressFamily, RouteProtocol, RouteScope, RouteTable, RouteType};
use crate::route::attribute::parse_route_attributes;
use crate::route::{
    RouteAddress, RouteAttribute, RouteEncap, RouteHeader, RouteMessageBuffer, RouteMetric,
    RouteNexthop, RouteVia,
};

/// A route message (`RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE`):
/// `struct rtmsg` plus `RTA_*` attributes, in wire order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RouteMessage {
    /// The fixed header.
    pub header: RouteHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<RouteAttribute>,
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<RouteMessageBuffer<&'a T>> for RouteMessage {
    fn parse(buf: &RouteMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        let header = RouteHeader::parse(buf)?;
        let attributes =
            parse_route_attributes(buf.attribute_bytes(), u8::from(header.address_family))
                .context("route message attributes")?;
        Ok(RouteMessage { header, attributes })
    }
}

impl Emitable for RouteMessage {
    fn buffer_len(&self) -> usize {
        self.header.buffer_len() + self.attributes.as_slice().buffer_len()
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        let header_len = self.header.buffer_len();
        let attributes_len = self.attributes.as_slice().buffer_len();
        self.attributes
            .as_slice()
            .emit(&mut buffer[header_len..header_len + attributes_len]);
    }
}

impl RouteMessage {
    /// An empty message of the given family (table 0, everything zero),
    /// the usual start of a dump request.
    pub fn new(family: AddressFamily) -> Self {
        RouteMessage {
            header: RouteHeader {
                address_family: family,
                ..RouteHeader::default()
            },
            attributes: Vec::new(),
        }
    }

    /// A unicast route to `destination/prefix_length` in the main table,
    /// protocol `boot`, scope universe, as `ip route add` starts one.
    /// Add a gateway, an output interface, ... with the `with_*` methods.
    pub fn unicast(destination: IpAddr, prefix_length: u8) -> Self {
        let family = match destination {
            IpAddr::V4(_) => AddressFamily::Inet,
            IpAddr::V6(_) => AddressFamily::Inet6,
        };
        let mut message = RouteMessage::new(family);
        message.header.table = RouteTable::MAIN.header_byte();
        message.header.protocol = RouteProtocol::Boot;
        message.header.scope = RouteScope::Universe;
        message.header.kind = RouteType::Unicast;
        message.header.destination_prefix_length = prefix_length;
        if prefix_length > 0 {
            message
                .attributes
                .push(RouteAttribute::Destination(destination.into()));
        }
        message
    }

    /// Sets the route type (`blackhole`, `unreachable`, ...).
    #[must_use]
    pub fn with_kind(mut self, kind: RouteType) -> Self {
        self.header.kind = kind;
        self
    }

    /// Sets the scope.
    #[must_use]
    pub fn with_scope(mut self, scope: RouteScope) -> Self {
        self.header.scope = scope;
        self
    }

    /// Sets the protocol.
    #[must_use]
    pub fn with_protocol(mut self, protocol: RouteProtocol) -> Self {
        self.header.protocol = protocol;
        self
    }

    /// Sets the table: `rtm_table` when it fits a byte (else
    /// `RT_TABLE_COMPAT`) and always `RTA_TABLE`, as iproute2 does.
    #[must_use]
    pub fn with_table(mut self, table: u32) -> Self {
        self.header.table = RouteTable(table).header_byte();
        self.attributes
            .retain(|a| !matches!(a, RouteAttribute::Table(_)));
        self.attributes.push(RouteAttribute::Table(table));
        self
    }

    /// Adds a gateway (`RTA_GATEWAY` of the same family, `RTA_VIA`
    /// otherwise).
    #[must_use]
    pub fn with_gateway(mut self, gateway: IpAddr) -> Self {
        let same_family = matches!(
            (self.header.address_family, gateway),
            (AddressFamily::Inet, IpAddr::V4(_)) | (AddressFamily::Inet6, IpAddr::V6(_))
        );
        self.attributes.push(if same_family {
            RouteAttribute::Gateway(gateway.into())
        } else {
            RouteAttribute::Via(RouteVia::from(gateway))
        });
        self
    }

    /// Adds the output interface (`RTA_OIF`).
    #[must_use]
    pub fn with_output_interface(mut self, index: u32) -> Self {
        self.attributes.push(RouteAttribute::Oif(index));
        self
    }

    /// Adds the metric (`RTA_PRIORITY`).
    #[must_use]
    pub fn with_priority(mut self, priority: u32) -> Self {
        self.attributes.push(RouteAttribute::Priority(priority));
        self
    }

    /// Adds the preferred source (`RTA_PREFSRC`).
    #[must_use]
    pub fn with_preferred_source(mut self, source: IpAddr) -> Self {
        self.attributes
            .push(RouteAttribute::PreferredSource(source.into()));
        self
    }

    /// Adds metrics (`RTA_METRICS`).
    #[must_use]
    pub fn with_metrics(mut self, metrics: Vec<RouteMetric>) -> Self {
        self.attributes.push(RouteAttribute::Metrics(metrics));
        self
    }

    /// Adds multipath hops (`RTA_MULTIPATH`).
    #[must_use]
    pub fn with_multipath(mut self, hops: Vec<RouteNexthop>) -> Self {
        self.attributes.push(RouteAttribute::Multipath(hops));
        self
    }

    /// Uses a nexthop object (`RTA_NH_ID`).
    #[must_use]
    pub fn with_nexthop_id(mut self, id: u32) -> Self {
        self.attributes.push(RouteAttribute::NexthopId(id));
        self
    }

    /// Adds an encapsulation (`RTA_ENCAP_TYPE` and `RTA_ENCAP`).
    ///
    /// Never send IP tunnel options (`LWTUNNEL_IP_OPTS`) to a 6.18 kernel:
    /// it crashes (see [`RouteEncap::has_tunnel_options`]).
    #[must_use]
    pub fn with_encap(mut self, encap: RouteEncap) -> Self {
        if let Some(kind) = encap.encap_type() {
            self.attributes.push(RouteAttribute::EncapType(kind));
        }
        self.attributes.push(RouteAttribute::Encap {
            encap,
            nested_flag: false,
        });
        self
    }

    /// Checks that every attribute fits its 16-bit length field, so that
    /// emitting cannot produce a wrapped length.
    pub fn check(&self) -> Result<(), EmitError> {
        for attribute in &self.attributes {
            check_nla_value_len(attribute.kind(), attribute.value_len())?;
        }
        Ok(())
    }

    /// The table id: `RTA_TABLE` if present, else `rtm_table`.
    pub fn table(&self) -> u32 {
        self.attributes
            .iter()
            .find_map(|a| match a {
                RouteAttribute::Table(table) => Some(*table),
                _ => None,
            })
            .unwrap_or(u32::from(self.header.table))
    }

    /// The destination (`RTA_DST`); `None` for a default route.
    pub fn destination(&self) -> Option<&RouteAddress> {
        self.attributes.iter().find_map(|a| match a {
            RouteAttribute::Destination(address) => Some(address),
            _ => None,
        })
    }

    /// The gateway: `RTA_GATEWAY`, or the IP address of `RTA_VIA`.
    pub fn gateway(&self) -> Option<IpAddr> {
        self.attributes.iter().find_map(|a| match a {
            RouteAttribute::Gateway(address) => address.ip(),
            RouteAttribute::Via(via) => via.ip(),
            _ => None,
        })
    }

    /// The output interface index (`RTA_OIF`).
    pub fn output_interface(&self) -> Option<u32> {
        self.attributes.iter().find_map(|a| match a {
            RouteAttribute::Oif(index) => Some(*index),
            _ => None,
        })
    }

    /// The metric (`RTA_PRIORITY`).
    pub fn priority(&self) -> Option<u32> {
        self.attributes.iter().find_map(|a| match a {
            RouteAttribute::Priority(priority) => Some(*priority),
            _ => None,
        })
    }

    /// The multipath hops (`RTA_MULTIPATH`), empty if none.
    pub fn multipath(&self) -> &[RouteNexthop] {
        self.attributes
            .iter()
            .find_map(|a| match a {
                RouteAttribute::Multipath(hops) => Some(hops.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }

    /// The metrics (`RTA_METRICS`), empty if none.
    pub fn metrics(&self) -> &[RouteMetric] {
        self.attributes
            .iter()
            .find_map(|a| match a {
                RouteAttribute::Metrics(metrics) => Some(metrics.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }
}
