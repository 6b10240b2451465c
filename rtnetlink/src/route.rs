//! `handle.route()`: dump (kernel-filtered), look up, add, replace and
//! delete routes.

use std::net::IpAddr;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::{
    common::{AddressFamily, RouteProtocol, RouteScope, RouteTable, RouteType},
    route::{
        MplsEncapAttribute, MplsLabel, RouteAttribute, RouteEncap, RouteFlags, RouteMessage,
        RouteMetric, RouteNexthop,
    },
    RtnlMessage,
};

use crate::{
    executor::{DumpFilter, Executor},
    request::{ack_flags, dump_flags, Request},
    Error,
};

fn extract_route(message: RtnlMessage) -> Option<RouteMessage> {
    match message {
        RtnlMessage::NewRoute(route) => Some(route),
        _ => None,
    }
}

fn family_of(address: IpAddr) -> AddressFamily {
    match address {
        IpAddr::V4(_) => AddressFamily::Inet,
        IpAddr::V6(_) => AddressFamily::Inet6,
    }
}

fn host_prefix(address: IpAddr) -> u8 {
    match address {
        IpAddr::V4(_) => 32,
        IpAddr::V6(_) => 128,
    }
}

/// Route requests; from [`Handle::route`](crate::Handle::route) or
/// [`BlockingHandle::route`](crate::BlockingHandle::route).
#[derive(Debug, Clone)]
pub struct RouteHandle<H> {
    handle: H,
}

impl<H: Executor> RouteHandle<H> {
    pub(crate) fn new(handle: H) -> Self {
        RouteHandle { handle }
    }

    /// Dumps routes of `family` (`AddressFamily::Unspec` for all); narrow
    /// with the filters of [`RouteGetRequest`], which the kernel applies.
    pub fn get(&self, family: AddressFamily) -> RouteGetRequest<H> {
        RouteGetRequest {
            handle: self.handle.clone(),
            family,
            table: None,
            protocol: None,
            kind: None,
            oif: None,
        }
    }

    /// Looks up the route the kernel would use to reach `destination`
    /// (`ip route get`). The answer names the table the route was found
    /// in (`RTM_F_LOOKUP_TABLE`, as iproute2 asks), not always `main`.
    pub fn lookup(&self, destination: IpAddr) -> RouteLookupRequest<H> {
        let mut message = RouteMessage::new(family_of(destination));
        message.header.flags |= RouteFlags::LOOKUP_TABLE;
        message.header.destination_prefix_length = host_prefix(destination);
        message
            .attributes
            .push(RouteAttribute::Destination(destination.into()));
        RouteLookupRequest {
            handle: self.handle.clone(),
            message,
        }
    }

    /// Adds a route to `destination/prefix_len` (`ip route add`); fails
    /// with `EEXIST` if the same route exists. Use prefix length 0 for a
    /// default route.
    pub fn add(&self, destination: IpAddr, prefix_len: u8) -> RouteAddRequest<H> {
        RouteAddRequest {
            handle: self.handle.clone(),
            message: RouteMessage::unicast(destination, prefix_len),
            flags: NetlinkFlags::CREATE | NetlinkFlags::EXCL,
            scope_set: false,
            table_set: false,
            hops: Vec::new(),
            metrics: Vec::new(),
            operation: "route add",
            delete: false,
        }
    }

    /// Adds or replaces the route to `destination/prefix_len`
    /// (`ip route replace`).
    pub fn replace(&self, destination: IpAddr, prefix_len: u8) -> RouteAddRequest<H> {
        RouteAddRequest {
            flags: NetlinkFlags::CREATE | NetlinkFlags::REPLACE,
            operation: "route replace",
            ..self.add(destination, prefix_len)
        }
    }

    /// Appends a route to `destination/prefix_len` even if routes to it
    /// exist (`ip route append`).
    pub fn append(&self, destination: IpAddr, prefix_len: u8) -> RouteAddRequest<H> {
        RouteAddRequest {
            flags: NetlinkFlags::CREATE | NetlinkFlags::APPEND,
            operation: "route append",
            ..self.add(destination, prefix_len)
        }
    }

    /// Deletes the route to `destination/prefix_len` matching what the
    /// builder sets (table, gateway, metric...) (`ip route del`).
    pub fn del(&self, destination: IpAddr, prefix_len: u8) -> RouteAddRequest<H> {
        let mut request = self.add(destination, prefix_len);
        request.flags = NetlinkFlags::empty();
        request.operation = "route del";
        request.delete = true;
        request.message.header.protocol = RouteProtocol::Unspec;
        request.message.header.kind = RouteType::Unspec;
        request
    }

    /// Deletes the route described by `message` (e.g. one from a dump).
    pub fn del_message(&self, message: RouteMessage) -> H::Ack {
        let request = if carries_tunnel_options(&message.attributes) {
            Err(Error::InvalidRequest(
                "IP tunnel encapsulations with tunnel options (LWTUNNEL_IP_OPTS) are never sent: \
                 they crash some kernels"
                    .to_owned(),
            ))
        } else {
            Ok(Request::new(
                RtnlMessage::DelRoute(message),
                ack_flags(NetlinkFlags::empty()),
                "route del",
            ))
        };
        self.handle.execute_ack(request)
    }
}

/// Dumps routes; see [`RouteHandle::get`].
///
/// The filters go to the kernel in a strict-checked dump request, so a
/// system with a million routes in other tables costs only the asked
/// table. They are also checked here, so the result is right even on
/// kernels that ignore them; [`DumpStream::kernel_filtered`](crate::DumpStream::kernel_filtered)
/// tells whether the kernel applied them.
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct RouteGetRequest<H> {
    handle: H,
    family: AddressFamily,
    table: Option<u32>,
    protocol: Option<RouteProtocol>,
    kind: Option<RouteType>,
    oif: Option<u32>,
}

impl<H: Executor> RouteGetRequest<H> {
    /// Only routes of table `table` (any id, including those over 255).
    pub fn table(mut self, table: u32) -> Self {
        self.table = Some(table);
        self
    }

    /// Only routes installed by `protocol`.
    pub fn protocol(mut self, protocol: RouteProtocol) -> Self {
        self.protocol = Some(protocol);
        self
    }

    /// Only routes of type `kind` (unicast, local, blackhole...).
    pub fn kind(mut self, kind: RouteType) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Only routes through output interface `index`.
    pub fn output_interface(mut self, index: u32) -> Self {
        self.oif = Some(index);
        self
    }

    /// Sends the request: a stream (async) or a `Vec` (blocking) of routes.
    pub fn execute(self) -> H::Dump<RouteMessage> {
        let mut message = RouteMessage::new(self.family);
        if let Some(table) = self.table {
            message = message.with_table(table);
        }
        if let Some(protocol) = self.protocol {
            message.header.protocol = protocol;
        }
        if let Some(kind) = self.kind {
            message.header.kind = kind;
        }
        if let Some(oif) = self.oif {
            message = message.with_output_interface(oif);
        }
        let request = Request::new(RtnlMessage::GetRoute(message), dump_flags(), "route dump");
        let family = self.family;
        let (table, protocol, kind, oif) = (self.table, self.protocol, self.kind, self.oif);
        let filter = DumpFilter::kernel(move |route: &RouteMessage| {
            table.is_none_or(|table| route.table() == table)
                && protocol.is_none_or(|protocol| route.header.protocol == protocol)
                && kind.is_none_or(|kind| route.header.kind == kind)
                && oif.is_none_or(|oif| {
                    route.output_interface() == Some(oif)
                        || route
                            .multipath()
                            .iter()
                            .any(|hop| hop.interface_index == oif)
                })
        })
        .with_local(move |route: &RouteMessage| {
            family == AddressFamily::Unspec || route.header.address_family == family
        });
        self.handle.execute_dump(Ok(request), extract_route, filter)
    }
}

/// Looks up a route; see [`RouteHandle::lookup`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct RouteLookupRequest<H> {
    handle: H,
    message: RouteMessage,
}

impl<H: Executor> RouteLookupRequest<H> {
    /// As if sent from source address `source` (`from`).
    pub fn source(mut self, source: IpAddr) -> Self {
        self.message.header.source_prefix_length = host_prefix(source);
        self.message
            .attributes
            .push(RouteAttribute::Source(source.into()));
        self
    }

    /// As if received on interface `index` (`iif`).
    pub fn input_interface(mut self, index: u32) -> Self {
        self.message.attributes.push(RouteAttribute::Iif(index));
        self
    }

    /// Forcing output interface `index` (`oif`).
    pub fn output_interface(mut self, index: u32) -> Self {
        self.message.attributes.push(RouteAttribute::Oif(index));
        self
    }

    /// With firewall mark `mark`.
    pub fn mark(mut self, mark: u32) -> Self {
        self.message.attributes.push(RouteAttribute::Mark(mark));
        self
    }

    /// Returns the matching FIB entry rather than the resolved route
    /// (`fibmatch`).
    pub fn fib_match(mut self) -> Self {
        self.message.header.flags |= RouteFlags::FIB_MATCH;
        self
    }

    /// Sends the request: a future of (async) or the (blocking) route.
    pub fn execute(self) -> H::Single<RouteMessage> {
        let request = Request::new(
            RtnlMessage::GetRoute(self.message),
            NetlinkFlags::REQUEST,
            "route get",
        );
        self.handle.execute_single(Ok(request), extract_route)
    }
}

/// Whether any encapsulation among `attributes` carries IP tunnel options.
fn carries_tunnel_options(attributes: &[RouteAttribute]) -> bool {
    attributes.iter().any(|attribute| match attribute {
        RouteAttribute::Encap { encap, .. } => encap.has_tunnel_options(),
        RouteAttribute::Multipath(hops) => hops
            .iter()
            .any(|hop| carries_tunnel_options(&hop.attributes)),
        _ => false,
    })
}

/// One hop of a multipath route (`ip route add ... nexthop via G dev D weight W`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NextHop {
    /// Gateway address.
    pub gateway: Option<IpAddr>,
    /// Output interface index.
    pub interface_index: u32,
    /// Weight, 1 to 256.
    pub weight: u16,
}

impl NextHop {
    /// A hop through `gateway` on interface `index`, weight 1.
    pub fn new(gateway: IpAddr, index: u32) -> Self {
        NextHop {
            gateway: Some(gateway),
            interface_index: index,
            weight: 1,
        }
    }

    /// Sets the weight (1 to 256).
    pub fn weight(mut self, weight: u16) -> Self {
        self.weight = weight;
        self
    }

    fn to_wire(&self, family: AddressFamily) -> Result<RouteNexthop, Error> {
        if !(1..=256).contains(&self.weight) {
            return Err(Error::InvalidRequest(format!(
                "nexthop weight {} is outside 1..=256",
                self.weight
            )));
        }
        let mut hop = RouteNexthop {
            interface_index: self.interface_index,
            ..RouteNexthop::default()
        };
        hop.set_weight(self.weight);
        if let Some(gateway) = self.gateway {
            let attribute = if family_of(gateway) == family {
                RouteAttribute::Gateway(gateway.into())
            } else {
                RouteAttribute::Via(gateway.into())
            };
            hop.attributes.push(attribute);
        }
        Ok(hop)
    }
}

/// Adds, replaces or deletes a route; see [`RouteHandle::add`].
///
/// Defaults as `ip route add`: main table, protocol `boot`, type unicast,
/// scope `link` for a route without gateway (`universe` with one, `host`
/// for local routes).
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct RouteAddRequest<H> {
    handle: H,
    message: RouteMessage,
    flags: NetlinkFlags,
    scope_set: bool,
    table_set: bool,
    hops: Vec<NextHop>,
    metrics: Vec<RouteMetric>,
    operation: &'static str,
    delete: bool,
}

impl<H: Executor> RouteAddRequest<H> {
    /// Through `gateway` (`via`); of another family it becomes `RTA_VIA`.
    pub fn gateway(mut self, gateway: IpAddr) -> Self {
        self.message = self.message.with_gateway(gateway);
        self
    }

    /// Out of interface `index` (`dev`).
    pub fn output_interface(mut self, index: u32) -> Self {
        self.message = self.message.with_output_interface(index);
        self
    }

    /// In table `table` (ids over 255 go in `RTA_TABLE`).
    pub fn table(mut self, table: u32) -> Self {
        self.message = self.message.with_table(table);
        self.table_set = true;
        self
    }

    /// With metric (priority) `metric`.
    pub fn priority(mut self, metric: u32) -> Self {
        self.message = self.message.with_priority(metric);
        self
    }

    /// With preferred source address `source` (`src`).
    pub fn preferred_source(mut self, source: IpAddr) -> Self {
        self.message = self.message.with_preferred_source(source);
        self
    }

    /// Installed by `protocol` (`proto`).
    pub fn protocol(mut self, protocol: RouteProtocol) -> Self {
        self.message.header.protocol = protocol;
        self
    }

    /// With scope `scope`.
    pub fn scope(mut self, scope: RouteScope) -> Self {
        self.message.header.scope = scope;
        self.scope_set = true;
        self
    }

    /// Of type `kind`: `BlackHole`, `Unreachable`, `Prohibit`, `Local`...
    pub fn kind(mut self, kind: RouteType) -> Self {
        self.message.header.kind = kind;
        self
    }

    /// A multipath route through these hops (with weights).
    pub fn multipath(mut self, hops: Vec<NextHop>) -> Self {
        self.hops = hops;
        self
    }

    /// Adds a metric (`mtu`, `advmss`, `initcwnd`...; `RTA_METRICS`).
    pub fn metric(mut self, metric: RouteMetric) -> Self {
        self.metrics.push(metric);
        self
    }

    /// An encapsulation (e.g. MPLS labels pushed on the packets; see
    /// [`mpls_encap`](Self::mpls_encap)).
    ///
    /// IP tunnel encapsulations carrying tunnel options
    /// (`LWTUNNEL_IP_OPTS`: geneve / vxlan / erspan options) are refused
    /// before sending ([`Error::InvalidRequest`]): they crash some kernels
    /// (6.18).
    pub fn encap(mut self, encap: RouteEncap) -> Self {
        self.message = self.message.with_encap(encap);
        self
    }

    /// Pushes the MPLS label stack `labels` (outermost first) on the
    /// packets (`ip route add ... encap mpls 100/200`); needs a kernel
    /// with MPLS IP tunnels (`mpls_iptunnel`).
    pub fn mpls_encap(self, labels: &[u32]) -> Self {
        self.encap(RouteEncap::Mpls(vec![MplsEncapAttribute::Destination(
            MplsLabel::stack(labels),
        )]))
    }

    /// Adds any attribute as is.
    pub fn attribute(mut self, attribute: RouteAttribute) -> Self {
        self.message.attributes.push(attribute);
        self
    }

    fn request(self) -> Result<Request, Error> {
        let mut message = self.message;
        if carries_tunnel_options(&message.attributes) {
            return Err(Error::InvalidRequest(
                "IP tunnel encapsulations with tunnel options (LWTUNNEL_IP_OPTS) are never sent: \
                 they crash some kernels"
                    .to_owned(),
            ));
        }
        let family = message.header.address_family;
        if !self.hops.is_empty() {
            let hops = self
                .hops
                .iter()
                .map(|hop| hop.to_wire(family))
                .collect::<Result<Vec<_>, _>>()?;
            message = message.with_multipath(hops);
        }
        if !self.metrics.is_empty() {
            message = message.with_metrics(self.metrics);
        }
        let kind = message.header.kind;
        if kind == RouteType::Local && !self.table_set {
            message = message.with_table(RouteTable::LOCAL.0);
            // with_table appends RTA_TABLE; the header byte says it too.
        }
        if !self.scope_set {
            let has_gateway = message.gateway().is_some()
                || !message.multipath().is_empty()
                || message
                    .attributes
                    .iter()
                    .any(|a| matches!(a, RouteAttribute::Via(_) | RouteAttribute::NexthopId(_)));
            message.header.scope = if self.delete {
                RouteScope::NoWhere
            } else {
                match kind {
                    RouteType::Local | RouteType::Nat => RouteScope::Host,
                    RouteType::Broadcast | RouteType::Multicast | RouteType::Anycast => {
                        RouteScope::Link
                    }
                    RouteType::Unicast | RouteType::Unspec if !has_gateway => RouteScope::Link,
                    _ => RouteScope::Universe,
                }
            };
        }
        message
            .check()
            .map_err(|error| Error::InvalidRequest(error.to_string()))?;
        let payload = if self.delete {
            RtnlMessage::DelRoute(message)
        } else {
            RtnlMessage::NewRoute(message)
        };
        Ok(Request::new(payload, ack_flags(self.flags), self.operation))
    }

    /// Sends the request; resolves when the kernel acknowledged it.
    pub fn execute(self) -> H::Ack {
        let handle = self.handle.clone();
        handle.execute_ack(self.request())
    }
}
