//! `handle.neighbours()`: neighbour (ARP / NDP) entries and bridge
//! forwarding database entries.

use std::net::IpAddr;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::{
    common::{AddressFamily, RouteType},
    link::LinkAddress,
    neighbour::{
        NeighbourAttribute, NeighbourFlags, NeighbourHeader, NeighbourMessage, NeighbourState,
    },
    RtnlMessage,
};

use crate::{
    executor::{DumpFilter, Executor},
    request::{ack_flags, dump_flags, Request},
    Error,
};

/// The controller an entry names (`NDA_MASTER`, carried by bridge
/// forwarding entries).
fn entry_master(entry: &NeighbourMessage) -> Option<u32> {
    entry
        .attributes
        .iter()
        .find_map(|attribute| match attribute {
            NeighbourAttribute::Master(master) => Some(*master),
            _ => None,
        })
}

fn extract_neighbour(message: RtnlMessage) -> Option<NeighbourMessage> {
    match message {
        RtnlMessage::NewNeighbour(neighbour) => Some(neighbour),
        _ => None,
    }
}

/// Neighbour requests; from [`Handle::neighbours`](crate::Handle::neighbours)
/// or [`BlockingHandle::neighbours`](crate::BlockingHandle::neighbours).
#[derive(Debug, Clone)]
pub struct NeighbourHandle<H> {
    handle: H,
}

impl<H: Executor> NeighbourHandle<H> {
    pub(crate) fn new(handle: H) -> Self {
        NeighbourHandle { handle }
    }

    /// Dumps neighbours (`ip neigh show`; `AddressFamily::Bridge` for the
    /// bridge forwarding database, `bridge fdb show`).
    pub fn get(&self) -> NeighbourGetRequest<H> {
        NeighbourGetRequest {
            handle: self.handle.clone(),
            family: AddressFamily::Unspec,
            index: None,
            master: None,
        }
    }

    /// Adds the IP neighbour `destination` on link `index`, permanent by
    /// default (`ip neigh add`); fails with `EEXIST` if it exists.
    pub fn add(&self, index: u32, destination: IpAddr) -> NeighbourAddRequest<H> {
        NeighbourAddRequest {
            handle: self.handle.clone(),
            message: NeighbourMessage::new_ip(index, destination, NeighbourState::PERMANENT),
            flags: NetlinkFlags::CREATE | NetlinkFlags::EXCL,
            operation: "neighbour add",
        }
    }

    /// Adds or replaces the IP neighbour `destination` on link `index`
    /// (`ip neigh replace`).
    pub fn replace(&self, index: u32, destination: IpAddr) -> NeighbourAddRequest<H> {
        NeighbourAddRequest {
            flags: NetlinkFlags::CREATE | NetlinkFlags::REPLACE,
            operation: "neighbour replace",
            ..self.add(index, destination)
        }
    }

    /// Adds a bridge forwarding entry for `address` on bridge port `port`
    /// (`bridge fdb add ADDR dev PORT master static`); fails with `EEXIST`
    /// if it exists.
    pub fn add_bridge(&self, port: u32, address: [u8; 6]) -> NeighbourAddRequest<H> {
        let header = NeighbourHeader {
            family: AddressFamily::Bridge,
            ifindex: port,
            state: NeighbourState::NOARP,
            flags: NeighbourFlags::MASTER,
            kind: RouteType::Unspec,
            padding: [0; 3],
        };
        NeighbourAddRequest {
            handle: self.handle.clone(),
            message: NeighbourMessage::new(header).with_attribute(
                NeighbourAttribute::LinkLayerAddress(LinkAddress::from(address)),
            ),
            flags: NetlinkFlags::CREATE | NetlinkFlags::EXCL,
            operation: "bridge fdb add",
        }
    }

    /// Adds or replaces a bridge forwarding entry for `address` on bridge
    /// port `port` (`bridge fdb replace ADDR dev PORT master static`).
    pub fn replace_bridge(&self, port: u32, address: [u8; 6]) -> NeighbourAddRequest<H> {
        NeighbourAddRequest {
            flags: NetlinkFlags::CREATE | NetlinkFlags::REPLACE,
            operation: "bridge fdb replace",
            ..self.add_bridge(port, address)
        }
    }

    /// Deletes the bridge forwarding entry for `address` on bridge port
    /// `port` (`bridge fdb del ADDR dev PORT master`), in VLAN `vlan` when
    /// given.
    pub fn del_bridge(&self, port: u32, address: [u8; 6], vlan: Option<u16>) -> H::Ack {
        let header = NeighbourHeader {
            family: AddressFamily::Bridge,
            ifindex: port,
            state: NeighbourState::empty(),
            flags: NeighbourFlags::MASTER,
            kind: RouteType::Unspec,
            padding: [0; 3],
        };
        let mut message = NeighbourMessage::new(header).with_attribute(
            NeighbourAttribute::LinkLayerAddress(LinkAddress::from(address)),
        );
        if let Some(vlan) = vlan {
            message = message.with_attribute(NeighbourAttribute::Vlan(vlan));
        }
        let request = Request::new(
            RtnlMessage::DelNeighbour(message),
            ack_flags(NetlinkFlags::empty()),
            "bridge fdb del",
        );
        self.handle.execute_ack(Ok(request))
    }

    /// Deletes the IP neighbour `destination` on link `index`.
    pub fn del(&self, index: u32, destination: IpAddr) -> H::Ack {
        self.del_message(NeighbourMessage::new_ip(
            index,
            destination,
            NeighbourState::empty(),
        ))
    }

    /// Deletes the entry described by `message` (e.g. from a dump).
    pub fn del_message(&self, message: NeighbourMessage) -> H::Ack {
        let request = Request::new(
            RtnlMessage::DelNeighbour(message),
            ack_flags(NetlinkFlags::empty()),
            "neighbour del",
        );
        self.handle.execute_ack(Ok(request))
    }
}

/// Dumps neighbours; see [`NeighbourHandle::get`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct NeighbourGetRequest<H> {
    handle: H,
    family: AddressFamily,
    index: Option<u32>,
    master: Option<u32>,
}

impl<H: Executor> NeighbourGetRequest<H> {
    /// Only entries of `family` (`Inet`, `Inet6`, `Bridge`).
    pub fn family(mut self, family: AddressFamily) -> Self {
        self.family = family;
        self
    }

    /// Only entries on link `index` (filtered by the kernel).
    pub fn index(mut self, index: u32) -> Self {
        self.index = Some(index);
        self
    }

    /// Only entries on ports of controller `index` (filtered by the
    /// kernel; where it does not, entries are checked here by the
    /// controller they name, `NDA_MASTER`, which only bridge forwarding
    /// entries carry: IP neighbours are then kept).
    pub fn master(mut self, index: u32) -> Self {
        self.master = Some(index);
        self
    }

    /// Sends the request: a stream (async) or a `Vec` (blocking).
    pub fn execute(self) -> H::Dump<NeighbourMessage> {
        let header = NeighbourHeader {
            family: self.family,
            ..NeighbourHeader::default()
        };
        let mut message = NeighbourMessage::new(header);
        if let Some(index) = self.index {
            message = message.with_attribute(NeighbourAttribute::IfIndex(index));
        }
        if let Some(master) = self.master {
            message = message.with_attribute(NeighbourAttribute::Master(master));
        }
        let request = Request::new(
            RtnlMessage::GetNeighbour(message),
            dump_flags(),
            "neighbour dump",
        );
        let (family, index, master) = (self.family, self.index, self.master);
        let filter = DumpFilter::kernel(move |entry: &NeighbourMessage| {
            index.is_none_or(|index| entry.header.ifindex == index)
                && master.is_none_or(|master| entry_master(entry).is_none_or(|m| m == master))
        })
        .with_local(move |entry: &NeighbourMessage| {
            family == AddressFamily::Unspec || entry.header.family == family
        });
        self.handle
            .execute_dump(Ok(request), extract_neighbour, filter)
    }
}

/// Adds or replaces a neighbour; see [`NeighbourHandle::add`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct NeighbourAddRequest<H> {
    handle: H,
    message: NeighbourMessage,
    flags: NetlinkFlags,
    operation: &'static str,
}

impl<H: Executor> NeighbourAddRequest<H> {
    /// The link-layer address (`lladdr`).
    pub fn link_layer_address(mut self, address: impl Into<LinkAddress>) -> Self {
        self.message
            .attributes
            .retain(|a| !matches!(a, NeighbourAttribute::LinkLayerAddress(_)));
        self.message
            .attributes
            .push(NeighbourAttribute::LinkLayerAddress(address.into()));
        self
    }

    /// The state (`permanent`, `reachable`, `stale`, `noarp`...).
    pub fn state(mut self, state: NeighbourState) -> Self {
        self.message.header.state = state;
        self
    }

    /// Entry flags (`NTF_*`: `router`, `proxy`, `self`, `master`...).
    pub fn flags(mut self, flags: NeighbourFlags) -> Self {
        self.message.header.flags = flags;
        self
    }

    /// The VLAN of a bridge forwarding entry.
    pub fn vlan(mut self, vlan: u16) -> Self {
        self.message.attributes.push(NeighbourAttribute::Vlan(vlan));
        self
    }

    /// The remote IP of a VXLAN forwarding entry (`dst`).
    pub fn destination(mut self, destination: IpAddr) -> Self {
        self.message
            .attributes
            .push(NeighbourAttribute::Destination(destination));
        self
    }

    /// Sends the request; resolves when the kernel acknowledged it.
    pub fn execute(self) -> H::Ack {
        let request = self
            .message
            .validate()
            .map_err(|error| Error::InvalidRequest(error.to_string()))
            .map(|()| {
                Request::new(
                    RtnlMessage::NewNeighbour(self.message),
                    ack_flags(self.flags),
                    self.operation,
                )
            });
        self.handle.execute_ack(request)
    }
}
