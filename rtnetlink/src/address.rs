//! `handle.address()`: get, add, replace, delete and flush addresses.

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::{
    address::{AddressAttribute, AddressCacheInfo, AddressFlags, AddressHeader, AddressMessage},
    common::{AddressFamily, RouteScope},
    RtnlMessage,
};

use crate::{
    executor::{DumpFilter, Executor},
    request::{ack_flags, dump_flags, Request},
    BlockingHandle, Error, Handle,
};

fn extract_address(message: RtnlMessage) -> Option<AddressMessage> {
    match message {
        RtnlMessage::NewAddress(address) => Some(address),
        _ => None,
    }
}

fn check(message: AddressMessage) -> Result<AddressMessage, Error> {
    message
        .validate()
        .map_err(|error| Error::InvalidRequest(error.to_string()))?;
    Ok(message)
}

/// Address requests; from [`Handle::address`](crate::Handle::address) or
/// [`BlockingHandle::address`](crate::BlockingHandle::address).
#[derive(Debug, Clone)]
pub struct AddressHandle<H> {
    handle: H,
}

impl<H: Executor> AddressHandle<H> {
    pub(crate) fn new(handle: H) -> Self {
        AddressHandle { handle }
    }

    /// Gets addresses (`ip address show`), optionally filtered.
    pub fn get(&self) -> AddressGetRequest<H> {
        AddressGetRequest {
            handle: self.handle.clone(),
            index: None,
            family: None,
            address: None,
        }
    }

    /// Adds `address/prefix_len` to link `index` (`ip address add`);
    /// fails with `EEXIST` if it is there already.
    pub fn add(&self, index: u32, address: IpAddr, prefix_len: u8) -> AddressAddRequest<H> {
        AddressAddRequest {
            handle: self.handle.clone(),
            message: AddressMessage::new_address(index, address, prefix_len),
            flags: NetlinkFlags::CREATE | NetlinkFlags::EXCL,
            address_flags: AddressFlags::empty(),
            operation: "address add",
        }
    }

    /// Adds or replaces `address/prefix_len` on link `index`
    /// (`ip address replace`).
    pub fn replace(&self, index: u32, address: IpAddr, prefix_len: u8) -> AddressAddRequest<H> {
        AddressAddRequest {
            operation: "address replace",
            flags: NetlinkFlags::CREATE | NetlinkFlags::REPLACE,
            ..self.add(index, address, prefix_len)
        }
    }

    /// Removes `address/prefix_len` from link `index` (`ip address del`).
    pub fn del(&self, index: u32, address: IpAddr, prefix_len: u8) -> H::Ack {
        self.del_message(AddressMessage::new_address(index, address, prefix_len))
    }

    /// Removes the address described by `message` (e.g. one from a dump).
    pub fn del_message(&self, message: AddressMessage) -> H::Ack {
        let request = check(message).map(|message| {
            Request::new(
                RtnlMessage::DelAddress(message),
                ack_flags(NetlinkFlags::empty()),
                "address del",
            )
        });
        self.handle.execute_ack(request)
    }
}

impl AddressHandle<Handle> {
    /// Removes every address of link `index` (`ip address flush dev`), of
    /// `family` when given. Returns how many were removed.
    pub async fn flush(&self, index: u32, family: Option<AddressFamily>) -> Result<usize, Error> {
        use futures::TryStreamExt;
        let mut get = self.get().index(index);
        if let Some(family) = family {
            get = get.family(family);
        }
        let addresses: Vec<AddressMessage> = get.execute().try_collect().await?;
        let mut removed = 0;
        for address in addresses {
            match self.del_message(strip_for_delete(address)).await {
                Ok(()) => removed += 1,
                // Removing a primary address removes its secondaries too.
                Err(error) if error.is_not_found() => {}
                Err(error) => return Err(error),
            }
        }
        Ok(removed)
    }
}

impl AddressHandle<BlockingHandle> {
    /// Removes every address of link `index` (`ip address flush dev`), of
    /// `family` when given. Returns how many were removed.
    pub fn flush(&self, index: u32, family: Option<AddressFamily>) -> Result<usize, Error> {
        let mut get = self.get().index(index);
        if let Some(family) = family {
            get = get.family(family);
        }
        // Read the whole list before deleting: a dump running while its
        // table changes may skip entries.
        let addresses = get.execute().collect::<Result<Vec<_>, _>>()?;
        let mut removed = 0;
        for address in addresses {
            match self.del_message(strip_for_delete(address)) {
                Ok(()) => removed += 1,
                Err(error) if error.is_not_found() => {}
                Err(error) => return Err(error),
            }
        }
        Ok(removed)
    }
}

/// Keeps what selects an address for deletion (header, local, address).
fn strip_for_delete(mut message: AddressMessage) -> AddressMessage {
    message.attributes.retain(|attribute| {
        matches!(
            attribute,
            AddressAttribute::Local(_) | AddressAttribute::Address(_)
        )
    });
    message
}

/// Gets addresses; see [`AddressHandle::get`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct AddressGetRequest<H> {
    handle: H,
    index: Option<u32>,
    family: Option<AddressFamily>,
    address: Option<(IpAddr, Option<u8>)>,
}

impl<H: Executor> AddressGetRequest<H> {
    /// Only addresses of link `index` (filtered by the kernel).
    pub fn index(mut self, index: u32) -> Self {
        self.index = Some(index);
        self
    }

    /// Only addresses of `family` (`Inet`, `Inet6`).
    pub fn family(mut self, family: AddressFamily) -> Self {
        self.family = Some(family);
        self
    }

    /// Only this address (any prefix length).
    pub fn address(mut self, address: IpAddr) -> Self {
        self.family = Some(family_of(address));
        self.address = Some((address, None));
        self
    }

    /// Only this address with this prefix length.
    pub fn prefix(mut self, address: IpAddr, prefix_len: u8) -> Self {
        self.family = Some(family_of(address));
        self.address = Some((address, Some(prefix_len)));
        self
    }

    /// Sends the request: a stream (async) or a `Vec` (blocking) of
    /// addresses.
    pub fn execute(self) -> H::Dump<AddressMessage> {
        let header = AddressHeader {
            family: self.family.unwrap_or(AddressFamily::Unspec),
            index: self.index.unwrap_or(0),
            ..AddressHeader::default()
        };
        let request = Request::new(
            RtnlMessage::GetAddress(AddressMessage::new(header)),
            dump_flags(),
            "address dump",
        );
        let (index, family, address) = (self.index, self.family, self.address);
        let filter = DumpFilter::kernel(move |message: &AddressMessage| {
            index.is_none_or(|index| message.header.index == index)
        })
        .with_local(move |message: &AddressMessage| {
            family.is_none_or(|family| message.header.family == family)
                && address.is_none_or(|(address, prefix_len)| {
                    message.local_or_address() == Some(address)
                        && prefix_len.is_none_or(|len| message.header.prefix_len == len)
                })
        });
        self.handle
            .execute_dump(Ok(request), extract_address, filter)
    }
}

fn family_of(address: IpAddr) -> AddressFamily {
    match address {
        IpAddr::V4(_) => AddressFamily::Inet,
        IpAddr::V6(_) => AddressFamily::Inet6,
    }
}

/// Adds or replaces an address; see [`AddressHandle::add`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct AddressAddRequest<H> {
    handle: H,
    message: AddressMessage,
    flags: NetlinkFlags,
    address_flags: AddressFlags,
    operation: &'static str,
}

impl<H: Executor> AddressAddRequest<H> {
    fn replace_attribute(mut self, attribute: AddressAttribute) -> Self {
        let kind = std::mem::discriminant(&attribute);
        self.message
            .attributes
            .retain(|existing| std::mem::discriminant(existing) != kind);
        self.message.attributes.push(attribute);
        self
    }

    /// The peer of a point-to-point address (`ip address add A peer P`):
    /// `IFA_ADDRESS` becomes the peer, `IFA_LOCAL` stays the address.
    pub fn peer(self, peer: IpAddr) -> Self {
        self.replace_attribute(AddressAttribute::Address(peer))
    }

    /// The IPv4 broadcast address.
    pub fn broadcast(self, broadcast: Ipv4Addr) -> Self {
        self.replace_attribute(AddressAttribute::Broadcast(broadcast))
    }

    /// The IPv4 label (`eth0:1`); it must start with the link's name.
    pub fn label(self, label: impl Into<String>) -> Self {
        self.replace_attribute(AddressAttribute::Label(label.into()))
    }

    /// Valid and preferred lifetimes in seconds (`u32::MAX` is forever).
    pub fn lifetimes(self, valid: u32, preferred: u32) -> Self {
        self.replace_attribute(AddressAttribute::CacheInfo(AddressCacheInfo {
            preferred,
            valid,
            created: 0,
            updated: 0,
        }))
    }

    /// The scope (`host`, `link`, `universe`...).
    pub fn scope(mut self, scope: RouteScope) -> Self {
        self.message.header.scope = scope;
        self
    }

    /// Adds address flags (`IFA_F_*`).
    pub fn flags(mut self, flags: AddressFlags) -> Self {
        self.address_flags |= flags;
        self
    }

    /// No duplicate address detection (IPv6, `nodad`).
    pub fn nodad(self) -> Self {
        self.flags(AddressFlags::NODAD)
    }

    /// No prefix route for the address (`noprefixroute`).
    pub fn noprefixroute(self) -> Self {
        self.flags(AddressFlags::NOPREFIXROUTE)
    }

    /// Metric of the prefix route (`IFA_RT_PRIORITY`).
    pub fn route_priority(self, metric: u32) -> Self {
        self.replace_attribute(AddressAttribute::RoutePriority(metric))
    }

    /// Sends the request; resolves when the kernel acknowledged it.
    pub fn execute(self) -> H::Ack {
        let mut message = self.message;
        if !self.address_flags.is_empty() {
            message.header.flags = self.address_flags.header_flags();
            message
                .attributes
                .push(AddressAttribute::Flags(self.address_flags));
        }
        let request = check(message).map(|message| {
            Request::new(
                RtnlMessage::NewAddress(message),
                ack_flags(self.flags),
                self.operation,
            )
        });
        self.handle.execute_ack(request)
    }
}
