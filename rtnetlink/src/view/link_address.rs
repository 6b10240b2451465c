//! A synchronized view of the links and addresses of a namespace: dump
//! once, then follow the kernel's notifications; after a socket overflow,
//! dump again and report what changed.

use std::{collections::BTreeMap, net::IpAddr, time::Duration};

use futures::TryStreamExt;
use netlink_packet_route::{
    address::AddressMessage,
    link::{LinkAttribute, LinkMessage},
};

use crate::{BlockingHandle, Error, Event, Events, Handle, MulticastGroup, ViewChange};

/// The groups a links-and-addresses view follows.
const GROUPS: &[MulticastGroup] = &[
    MulticastGroup::Link,
    MulticastGroup::Ipv4Address,
    MulticastGroup::Ipv6Address,
];

/// What identifies an address: link, family, prefix length, address.
type AddressKey = (u32, u8, u8, Option<IpAddr>);

fn address_key(address: &AddressMessage) -> AddressKey {
    (
        address.header.index,
        address.header.family.into(),
        address.header.prefix_len,
        address.local_or_address(),
    )
}

/// Whether two versions of a link differ in more than their counters.
fn link_differs(old: &LinkMessage, new: &LinkMessage) -> bool {
    let significant = |link: &LinkMessage| -> Vec<LinkAttribute> {
        link.attributes
            .iter()
            .filter(|a| !matches!(a, LinkAttribute::Stats(_) | LinkAttribute::Stats64(_)))
            .cloned()
            .collect()
    };
    old.header != new.header || significant(old) != significant(new)
}

/// The tables and how events and dumps change them; shared by the
/// asynchronous and the blocking view.
#[derive(Debug, Default)]
struct LinkAddressTables {
    links: BTreeMap<u32, LinkMessage>,
    addresses: BTreeMap<AddressKey, AddressMessage>,
    resyncs: u64,
}

impl LinkAddressTables {
    /// Applies one event; returns whether it was an overflow.
    fn apply(&mut self, event: Event, changes: &mut Vec<ViewChange>) -> bool {
        match event {
            Event::NewLink(link) => {
                let index = link.index();
                match self.links.insert(index, link.clone()) {
                    None => changes.push(ViewChange::LinkAdded(link)),
                    Some(old) if link_differs(&old, &link) => {
                        changes.push(ViewChange::LinkChanged(link))
                    }
                    Some(_) => {}
                }
            }
            Event::DelLink(link) => {
                if let Some(old) = self.links.remove(&link.index()) {
                    self.addresses.retain(|key, _| key.0 != link.index());
                    changes.push(ViewChange::LinkRemoved(old));
                }
            }
            Event::NewAddress(address) => {
                let key = address_key(&address);
                match self.addresses.insert(key, address.clone()) {
                    Some(old) if old == address => {}
                    _ => changes.push(ViewChange::AddressAdded(address)),
                }
            }
            Event::DelAddress(address) => {
                if let Some(old) = self.addresses.remove(&address_key(&address)) {
                    changes.push(ViewChange::AddressRemoved(old));
                }
            }
            Event::Overflow => return true,
            _ => {}
        }
        false
    }

    /// Replaces the tables with fresh dumps; returns the differences.
    fn replace(
        &mut self,
        links: Vec<LinkMessage>,
        addresses: Vec<AddressMessage>,
    ) -> Vec<ViewChange> {
        let mut changes = Vec::new();
        let old_links = std::mem::replace(
            &mut self.links,
            links.into_iter().map(|link| (link.index(), link)).collect(),
        );
        for (index, old) in &old_links {
            match self.links.get(index) {
                None => changes.push(ViewChange::LinkRemoved(old.clone())),
                Some(new) if link_differs(old, new) => {
                    changes.push(ViewChange::LinkChanged(new.clone()))
                }
                Some(_) => {}
            }
        }
        for (index, new) in &self.links {
            if !old_links.contains_key(index) {
                changes.push(ViewChange::LinkAdded(new.clone()));
            }
        }
        let old_addresses = std::mem::replace(
            &mut self.addresses,
            addresses
                .into_iter()
                .map(|address| (address_key(&address), address))
                .collect(),
        );
        for (key, old) in &old_addresses {
            if !self.addresses.contains_key(key) {
                changes.push(ViewChange::AddressRemoved(old.clone()));
            }
        }
        for (key, new) in &self.addresses {
            if old_addresses.get(key) != Some(new) {
                changes.push(ViewChange::AddressAdded(new.clone()));
            }
        }
        changes
    }

    fn link_by_name(&self, name: &str) -> Option<&LinkMessage> {
        self.links.values().find(|link| link.name() == Some(name))
    }

    fn addresses_of(&self, index: u32) -> impl Iterator<Item = &AddressMessage> {
        self.addresses
            .values()
            .filter(move |address| address.header.index == index)
    }
}

/// The read accessors both views share.
macro_rules! link_address_accessors {
    () => {
        /// The links, by index.
        pub fn links(&self) -> impl Iterator<Item = &LinkMessage> {
            self.tables.links.values()
        }

        /// The link with index `index`.
        pub fn link(&self, index: u32) -> Option<&LinkMessage> {
            self.tables.links.get(&index)
        }

        /// The link named `name`.
        pub fn link_by_name(&self, name: &str) -> Option<&LinkMessage> {
            self.tables.link_by_name(name)
        }

        /// Every address.
        pub fn addresses(&self) -> impl Iterator<Item = &AddressMessage> {
            self.tables.addresses.values()
        }

        /// The addresses of link `index`.
        pub fn addresses_of(&self, index: u32) -> impl Iterator<Item = &AddressMessage> {
            self.tables.addresses_of(index)
        }

        /// How many times the view dumped again after an overflow.
        pub fn resynchronizations(&self) -> u64 {
            self.tables.resyncs
        }
    };
}

/// An always-current table of the links and addresses of a namespace.
///
/// It subscribes to link and address notifications, dumps both tables,
/// then applies every notification. When the socket overflows (the kernel
/// dropped notifications), it dumps again, reconciles by identity (link
/// index; address link, family, prefix and address) and reports the
/// differences, so the table never silently drifts.
///
/// Give it a connection of its own: it consumes that connection's
/// [`Events`].
///
/// ```no_run
/// # async fn f() -> Result<(), rtnetlink::Error> {
/// let (connection, handle, events) = rtnetlink::new_connection()?;
/// tokio::spawn(connection);
/// let mut view = rtnetlink::LinkAddressView::new(handle, events).await?;
/// for link in view.links() {
///     println!("{} {:?}", link.index(), link.name());
/// }
/// loop {
///     for change in view.next_changes().await? {
///         println!("{change:?}");
///     }
/// }
/// # }
/// ```
#[derive(Debug)]
pub struct LinkAddressView {
    handle: Handle,
    events: Events,
    tables: LinkAddressTables,
}

impl LinkAddressView {
    /// Subscribes `handle`'s connection to the link and address groups and
    /// loads the current state.
    pub async fn new(handle: Handle, events: Events) -> Result<Self, Error> {
        handle.subscribe(GROUPS).await?;
        let mut view = LinkAddressView {
            handle,
            events,
            tables: LinkAddressTables::default(),
        };
        view.resynchronize().await?;
        Ok(view)
    }

    link_address_accessors!();

    /// Waits for the next notification, applies it and everything already
    /// queued, and returns the changes (empty when the notifications
    /// changed nothing, e.g. counters only).
    pub async fn next_changes(&mut self) -> Result<Vec<ViewChange>, Error> {
        let (first, _) = self
            .events
            .next_flagged()
            .await
            .ok_or(Error::ConnectionClosed)?;
        let mut changes = Vec::new();
        let mut overflow = self.tables.apply(first, &mut changes);
        // Take what is already queued without waiting.
        while let Some((event, _)) = self.events.try_next_flagged() {
            overflow |= self.tables.apply(event, &mut changes);
        }
        if overflow {
            self.tables.resyncs += 1;
            changes.push(ViewChange::Resynchronized);
            changes.extend(self.resynchronize().await?);
        }
        Ok(changes)
    }

    /// Dumps links and addresses and replaces the tables; returns the
    /// differences to the previous tables.
    async fn resynchronize(&mut self) -> Result<Vec<ViewChange>, Error> {
        let links: Vec<LinkMessage> = self.handle.link().get().execute().try_collect().await?;
        let addresses: Vec<AddressMessage> =
            self.handle.address().get().execute().try_collect().await?;
        Ok(self.tables.replace(links, addresses))
    }
}

/// The blocking form of [`LinkAddressView`]: the same always-current
/// table of links and addresses, driven by a [`BlockingHandle`].
///
/// Give it a handle of its own (not a clone of one used elsewhere): it
/// consumes that connection's events.
///
/// ```no_run
/// use std::time::Duration;
///
/// let handle = rtnetlink::BlockingHandle::new()?;
/// let mut view = rtnetlink::BlockingLinkAddressView::new(handle)?;
/// println!("{} links", view.links().count());
/// loop {
///     for change in view.next_changes(Some(Duration::from_secs(1)))? {
///         println!("{change:?}");
///     }
/// }
/// # Ok::<(), rtnetlink::Error>(())
/// ```
#[derive(Debug)]
pub struct BlockingLinkAddressView {
    handle: BlockingHandle,
    tables: LinkAddressTables,
}

impl BlockingLinkAddressView {
    /// Subscribes `handle`'s connection to the link and address groups and
    /// loads the current state.
    pub fn new(handle: BlockingHandle) -> Result<Self, Error> {
        handle.subscribe(GROUPS)?;
        let mut view = BlockingLinkAddressView {
            handle,
            tables: LinkAddressTables::default(),
        };
        view.resynchronize()?;
        Ok(view)
    }

    link_address_accessors!();

    /// Waits at most `timeout` (`None`: as long as it takes) for the next
    /// notification, applies it and everything already queued, and
    /// returns the changes (empty when the time passed or the
    /// notifications changed nothing).
    pub fn next_changes(&mut self, timeout: Option<Duration>) -> Result<Vec<ViewChange>, Error> {
        let mut changes = Vec::new();
        let Some((first, _)) = self.handle.next_event_flagged(timeout)? else {
            return Ok(changes);
        };
        let mut overflow = self.tables.apply(first, &mut changes);
        while let Some((event, _)) = self.handle.next_event_flagged(Some(Duration::ZERO))? {
            overflow |= self.tables.apply(event, &mut changes);
        }
        if overflow {
            self.tables.resyncs += 1;
            changes.push(ViewChange::Resynchronized);
            changes.extend(self.resynchronize()?);
        }
        Ok(changes)
    }

    fn resynchronize(&mut self) -> Result<Vec<ViewChange>, Error> {
        let links = self
            .handle
            .link()
            .get()
            .execute()
            .collect::<Result<Vec<_>, _>>()?;
        let addresses = self
            .handle
            .address()
            .get()
            .execute()
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.tables.replace(links, addresses))
    }
}
