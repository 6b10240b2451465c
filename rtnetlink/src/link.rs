//! `handle.link()`: get, add, set and delete links.

use std::{fmt, os::fd::RawFd};

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::{
    link::{
        ExtFilterMask, InfoKind, LinkAddress, LinkAttribute, LinkFlags, LinkMessage,
        LinkMessageBuilder, MacVlanMode,
    },
    RtnlMessage,
};

use crate::{
    executor::{DumpFilter, Executor, Then},
    request::{ack_flags, dump_flags, Request},
    Error,
};

/// Selects one link: by index, by name, or by alternative name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LinkSelector {
    /// By interface index.
    Index(u32),
    /// By name (`IFLA_IFNAME`); the kernel also matches alternative names.
    Name(String),
}

impl From<u32> for LinkSelector {
    fn from(index: u32) -> Self {
        LinkSelector::Index(index)
    }
}

impl From<&str> for LinkSelector {
    fn from(name: &str) -> Self {
        LinkSelector::Name(name.to_owned())
    }
}

impl From<String> for LinkSelector {
    fn from(name: String) -> Self {
        LinkSelector::Name(name)
    }
}

impl From<&String> for LinkSelector {
    fn from(name: &String) -> Self {
        LinkSelector::Name(name.clone())
    }
}

impl fmt::Display for LinkSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkSelector::Index(index) => write!(f, "link with index {index}"),
            LinkSelector::Name(name) => write!(f, "link named {name:?}"),
        }
    }
}

impl LinkSelector {
    fn apply(&self, builder: LinkMessageBuilder) -> LinkMessageBuilder {
        match self {
            LinkSelector::Index(index) => builder.index(*index),
            LinkSelector::Name(name) => builder.name(name.clone()),
        }
    }
}

fn extract_link(message: RtnlMessage) -> Option<LinkMessage> {
    match message {
        RtnlMessage::NewLink(link) => Some(link),
        _ => None,
    }
}

fn build(builder: LinkMessageBuilder) -> Result<LinkMessage, Error> {
    builder
        .build()
        .map_err(|error| Error::InvalidRequest(error.to_string()))
}

/// Link requests; from [`Handle::link`](crate::Handle::link) or
/// [`BlockingHandle::link`](crate::BlockingHandle::link).
#[derive(Debug, Clone)]
pub struct LinkHandle<H> {
    handle: H,
}

impl<H: Executor> LinkHandle<H> {
    pub(crate) fn new(handle: H) -> Self {
        LinkHandle { handle }
    }

    /// Gets links: all of them (`ip link show`), or one selected with
    /// [`LinkGetRequest::index`] / [`LinkGetRequest::name`], or those of a
    /// kind or controller (filtered by the kernel).
    pub fn get(&self) -> LinkGetRequest<H> {
        LinkGetRequest {
            handle: self.handle.clone(),
            selector: None,
            master: None,
            kind: None,
            ext_mask: None,
            netns_id: None,
        }
    }

    /// Gets the one link `selector` names; a missing link is
    /// [`Error::NotFound`] (`is_not_found()`).
    pub fn get_one(&self, selector: impl Into<LinkSelector>) -> H::Single<LinkMessage> {
        let selector = selector.into();
        let request = self.get().select(selector).request();
        self.handle.execute_single(request, extract_link)
    }

    /// Creates a link (`ip link add`): choose its kind with the builder.
    /// Fails with `EEXIST` if a link of that name exists, unless
    /// [`LinkAddRequest::create_or_modify`] is used.
    pub fn add(&self) -> LinkAddRequest<H> {
        LinkAddRequest {
            handle: self.handle.clone(),
            builder: LinkMessage::builder(),
            flags: NetlinkFlags::CREATE | NetlinkFlags::EXCL,
        }
    }

    /// Changes an existing link (`ip link set`); never creates one.
    pub fn set(&self, selector: impl Into<LinkSelector>) -> LinkSetRequest<H> {
        LinkSetRequest {
            handle: self.handle.clone(),
            selector: selector.into(),
            builder: LinkMessage::builder(),
            rename: None,
        }
    }

    /// Deletes a link (`ip link del`).
    pub fn del(&self, selector: impl Into<LinkSelector>) -> LinkDelRequest<H> {
        LinkDelRequest {
            handle: self.handle.clone(),
            selector: selector.into(),
        }
    }

    /// Adds alternative names to a link (`ip link property add altname`).
    pub fn add_alt_names<I, S>(&self, selector: impl Into<LinkSelector>, names: I) -> H::Ack
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.alt_names(selector.into(), names, true)
    }

    /// Removes alternative names of a link (`ip link property del altname`).
    pub fn del_alt_names<I, S>(&self, selector: impl Into<LinkSelector>, names: I) -> H::Ack
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.alt_names(selector.into(), names, false)
    }

    fn alt_names<I, S>(&self, selector: LinkSelector, names: I, add: bool) -> H::Ack
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let request =
            build(selector.apply(LinkMessage::builder()).prop_alt_names(names)).map(|message| {
                let (message, operation) = if add {
                    (RtnlMessage::NewLinkProperty(message), "link altname add")
                } else {
                    (RtnlMessage::DelLinkProperty(message), "link altname del")
                };
                Request::new(message, ack_flags(NetlinkFlags::empty()), operation)
                    .not_found(selector.to_string())
            });
        self.handle.execute_ack(request)
    }
}

/// Gets links; see [`LinkHandle::get`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct LinkGetRequest<H> {
    handle: H,
    selector: Option<LinkSelector>,
    master: Option<u32>,
    kind: Option<String>,
    ext_mask: Option<ExtFilterMask>,
    netns_id: Option<i32>,
}

impl<H: Executor> LinkGetRequest<H> {
    /// Only the link with this index.
    pub fn index(self, index: u32) -> Self {
        self.select(LinkSelector::Index(index))
    }

    /// Only the link with this name (or alternative name). A missing link
    /// is [`Error::NotFound`].
    pub fn name(self, name: impl Into<String>) -> Self {
        self.select(LinkSelector::Name(name.into()))
    }

    /// Only the link `selector` names.
    pub fn select(mut self, selector: LinkSelector) -> Self {
        self.selector = Some(selector);
        self
    }

    /// Only the ports of controller `index` (bridge, bond, VRF); filtered
    /// by the kernel (`IFLA_MASTER` dump filter) and checked here.
    pub fn master(mut self, index: u32) -> Self {
        self.master = Some(index);
        self
    }

    /// Only links of this kind (`"veth"`, `"bridge"`...); filtered by the
    /// kernel (`IFLA_INFO_KIND` dump filter) and checked here.
    pub fn kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }

    /// What the kernel includes (`IFLA_EXT_MASK`), e.g. VF information.
    pub fn ext_mask(mut self, mask: ExtFilterMask) -> Self {
        self.ext_mask = Some(mask);
        self
    }

    /// Gets the links of another namespace: the one this namespace knows
    /// by id `nsid` (`IFLA_TARGET_NETNSID`; ids are given with
    /// `ip netns set NAME ID` or by the kernel when a link crosses
    /// namespaces). The replies carry `IFLA_TARGET_NETNSID` too. An id this
    /// namespace does not know is `EINVAL`.
    pub fn target_netnsid(mut self, nsid: i32) -> Self {
        self.netns_id = Some(nsid);
        self
    }

    fn request(&self) -> Result<Request, Error> {
        let mut builder = LinkMessage::builder();
        if let Some(mask) = self.ext_mask {
            builder = builder.ext_mask(mask);
        }
        if let Some(nsid) = self.netns_id {
            builder = builder.target_netnsid(nsid);
        }
        if let Some(selector) = &self.selector {
            let message = build(selector.apply(builder))?;
            let what = match self.netns_id {
                Some(nsid) => format!("{selector} in the namespace with id {nsid}"),
                None => selector.to_string(),
            };
            return Ok(Request::new(
                RtnlMessage::GetLink(message),
                NetlinkFlags::REQUEST,
                "link get",
            )
            .not_found(what));
        }
        if let Some(master) = self.master {
            builder = builder.master(master);
        }
        if let Some(kind) = &self.kind {
            builder = builder.kind(InfoKind::from(kind.as_str()));
        }
        Ok(Request::new(
            RtnlMessage::GetLink(build(builder)?),
            dump_flags(),
            "link dump",
        ))
    }

    fn filter(&self) -> DumpFilter<LinkMessage> {
        if self.selector.is_some() || (self.master.is_none() && self.kind.is_none()) {
            return DumpFilter::default();
        }
        let master = self.master;
        let kind = self.kind.clone();
        let kind_matches = move |link: &LinkMessage| {
            kind.as_deref()
                .is_none_or(|kind| link.kind().map(InfoKind::as_str) == Some(kind))
        };
        let filter = DumpFilter::kernel({
            let kind_matches = kind_matches.clone();
            move |link: &LinkMessage| {
                master.is_none_or(|master| link.master() == Some(master)) && kind_matches(link)
            }
        });
        if master.is_some() && self.kind.is_some() {
            // The kernel ignores a kind it has no driver for (no link can
            // be of that kind then) but still applies the controller and
            // marks the answer filtered: check the kind here too.
            filter.with_local(kind_matches)
        } else {
            filter
        }
    }

    /// Sends the request: a [`DumpStream`](crate::DumpStream) of links (one
    /// link for a selected one) with a [`Handle`](crate::Handle), a
    /// `Result<Vec<LinkMessage>, Error>` with a
    /// [`BlockingHandle`](crate::BlockingHandle).
    pub fn execute(self) -> H::Dump<LinkMessage> {
        let filter = self.filter();
        self.handle
            .execute_dump(self.request(), extract_link, filter)
    }
}

/// Creates a link; see [`LinkHandle::add`]. Pick the kind with one of
/// [`veth`](Self::veth), [`bridge`](Self::bridge),
/// [`macvlan`](Self::macvlan), [`ifb`](Self::ifb), [`dummy`](Self::dummy),
/// [`kind`](Self::kind), or describe everything with
/// [`with_builder`](Self::with_builder).
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct LinkAddRequest<H> {
    handle: H,
    builder: LinkMessageBuilder,
    flags: NetlinkFlags,
}

impl<H: Executor> LinkAddRequest<H> {
    fn map(mut self, f: impl FnOnce(LinkMessageBuilder) -> LinkMessageBuilder) -> Self {
        self.builder = f(self.builder);
        self
    }

    /// A veth pair: `name` and its peer `peer_name` (configure the peer
    /// further with [`peer`](Self::peer)).
    pub fn veth(self, name: impl Into<String>, peer_name: impl Into<String>) -> Self {
        self.map(|b| b.veth(name, peer_name))
    }

    /// A bridge.
    pub fn bridge(self, name: impl Into<String>) -> Self {
        self.map(|b| b.bridge(name))
    }

    /// A macvlan on the link with index `parent`.
    pub fn macvlan(self, name: impl Into<String>, parent: u32, mode: MacVlanMode) -> Self {
        self.map(|b| b.macvlan(name, parent, mode))
    }

    /// An ifb (intermediate functional block) device.
    pub fn ifb(self, name: impl Into<String>) -> Self {
        self.map(|b| b.ifb(name))
    }

    /// A dummy device (needs the `dummy` module).
    pub fn dummy(self, name: impl Into<String>) -> Self {
        self.map(|b| b.dummy(name))
    }

    /// A link of any kind netlink-packet-route can describe: name and
    /// kind; add its configuration with [`with_builder`](Self::with_builder)
    /// (`InfoData`).
    pub fn kind(self, name: impl Into<String>, kind: InfoKind) -> Self {
        self.map(|b| b.name(name).kind(kind))
    }

    /// Changes the underlying [`LinkMessageBuilder`] (every attribute and
    /// kind configuration it offers: vlan, vxlan, bond, vrf...).
    pub fn with_builder(self, f: impl FnOnce(LinkMessageBuilder) -> LinkMessageBuilder) -> Self {
        self.map(f)
    }

    /// Configures the veth peer: name, MTU, address, namespace...
    pub fn peer(self, f: impl FnOnce(LinkMessageBuilder) -> LinkMessageBuilder) -> Self {
        self.map(|b| b.peer(f))
    }

    /// Creates the veth peer directly in the namespace of descriptor `fd`
    /// (e.g. an open `/run/netns/NAME`).
    pub fn peer_netns_fd(self, fd: RawFd) -> Self {
        self.peer(|peer| peer.netns_fd(fd as u32))
    }

    /// Creates the link in the namespace of descriptor `fd`.
    pub fn netns_fd(self, fd: RawFd) -> Self {
        self.map(|b| b.netns_fd(fd as u32))
    }

    /// MTU of the new link.
    pub fn mtu(self, mtu: u32) -> Self {
        self.map(|b| b.mtu(mtu))
    }

    /// Link-layer address of the new link.
    pub fn address(self, address: impl Into<LinkAddress>) -> Self {
        self.map(|b| b.address(address))
    }

    /// Transmit queue length of the new link.
    pub fn txqlen(self, txqlen: u32) -> Self {
        self.map(|b| b.txqlen(txqlen))
    }

    /// Brings the new link up.
    pub fn up(self) -> Self {
        self.map(|b| b.up())
    }

    /// Attaches the new link to controller `index`.
    pub fn master(self, index: u32) -> Self {
        self.map(|b| b.master(index))
    }

    /// Alias of the new link.
    pub fn alias(self, alias: impl Into<String>) -> Self {
        self.map(|b| b.alias(alias))
    }

    /// If a link of that name exists, change it instead of failing
    /// (`NLM_F_CREATE` without `NLM_F_EXCL`).
    pub fn create_or_modify(mut self) -> Self {
        self.flags = NetlinkFlags::CREATE;
        self
    }

    /// Sends the request; resolves when the kernel acknowledged it.
    pub fn execute(self) -> H::Ack {
        let flags = self.flags;
        let request = build(self.builder).map(|message| {
            Request::new(RtnlMessage::NewLink(message), ack_flags(flags), "link add")
        });
        self.handle.execute_ack(request)
    }
}

/// Changes a link; see [`LinkHandle::set`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct LinkSetRequest<H> {
    handle: H,
    selector: LinkSelector,
    builder: LinkMessageBuilder,
    rename: Option<String>,
}

impl<H: Executor> LinkSetRequest<H> {
    fn map(mut self, f: impl FnOnce(LinkMessageBuilder) -> LinkMessageBuilder) -> Self {
        self.builder = f(self.builder);
        self
    }

    /// Administratively up.
    pub fn up(self) -> Self {
        self.map(|b| b.up())
    }

    /// Administratively down.
    pub fn down(self) -> Self {
        self.map(|b| b.down())
    }

    /// Sets or clears `flags` within `mask`.
    pub fn flags(self, flags: LinkFlags, mask: LinkFlags) -> Self {
        self.map(|b| b.flags(flags, mask))
    }

    /// MTU.
    pub fn mtu(self, mtu: u32) -> Self {
        self.map(|b| b.mtu(mtu))
    }

    /// New name (`ip link set DEV name NEW`).
    ///
    /// The kernel reads `IFLA_IFNAME` as the new name when the request
    /// names the link by index, and as the selector otherwise. So a link
    /// selected by name is first looked up (one `RTM_GETLINK`) and then
    /// renamed by its index; if it is renamed or deleted by someone else
    /// in between, the rename acts on whatever link has that index then
    /// (or fails with not found).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.rename = Some(name.into());
        self
    }

    /// Link-layer address.
    pub fn address(self, address: impl Into<LinkAddress>) -> Self {
        self.map(|b| b.address(address))
    }

    /// Attaches to controller `index` (bridge, bond, VRF).
    pub fn master(self, index: u32) -> Self {
        self.map(|b| b.master(index))
    }

    /// Detaches from the controller.
    pub fn nomaster(self) -> Self {
        self.map(|b| b.nomaster())
    }

    /// Moves the link to the namespace of descriptor `fd`, an open
    /// namespace file such as `/run/netns/NAME` or `/proc/PID/ns/net`
    /// (`IFLA_NET_NS_FD`, `ip link set DEV netns NAME`).
    pub fn netns_fd(self, fd: RawFd) -> Self {
        self.map(|b| b.netns_fd(fd as u32))
    }

    /// Moves the link to the network namespace of process `pid`
    /// (`IFLA_NET_NS_PID`, `ip link set DEV netns PID`).
    pub fn netns_pid(self, pid: u32) -> Self {
        self.map(|b| b.netns_pid(pid))
    }

    /// Moves the link to the namespace that this namespace knows by id
    /// `nsid` (`IFLA_TARGET_NETNSID`; ids come from `ip netns set NAME
    /// ID`, `RTM_NEWNSID`, or the kernel assigning one when a link pair
    /// crosses namespaces).
    ///
    /// What the kernel does with it, checked on Linux 6.18: in a change
    /// request (`RTM_NEWLINK` without `NLM_F_CREATE`) the link is looked up
    /// in the *socket's* namespace and moved into the namespace with that
    /// id; the other changes of the request (MTU, name...) are applied
    /// too. It does not select a link inside the other namespace: a link
    /// that lives there is not found (`ENODEV`). An id this namespace does
    /// not know is `EINVAL` (without extended-ack text). To read links of
    /// another namespace by id, see [`LinkGetRequest::target_netnsid`].
    pub fn netns_id(self, nsid: i32) -> Self {
        self.map(|b| b.target_netnsid(nsid))
    }

    /// Alias (`ip link set alias`).
    pub fn alias(self, alias: impl Into<String>) -> Self {
        self.map(|b| b.alias(alias))
    }

    /// Transmit queue length.
    pub fn txqlen(self, txqlen: u32) -> Self {
        self.map(|b| b.txqlen(txqlen))
    }

    /// Adds any attribute as is.
    pub fn attribute(self, attribute: LinkAttribute) -> Self {
        self.map(|b| b.attribute(attribute))
    }

    fn request(
        selector: &LinkSelector,
        builder: LinkMessageBuilder,
        rename: Option<String>,
    ) -> Result<Request, Error> {
        let builder = match (selector, rename) {
            (LinkSelector::Index(index), Some(name)) => builder.index(*index).name(name),
            (selector, _) => selector.apply(builder),
        };
        // RTM_NEWLINK without NLM_F_CREATE: change an existing link only.
        Ok(Request::new(
            RtnlMessage::NewLink(build(builder)?),
            ack_flags(NetlinkFlags::empty()),
            "link set",
        )
        .not_found(selector.to_string()))
    }

    /// Sends the request; resolves when the kernel acknowledged it.
    pub fn execute(self) -> H::Ack {
        let LinkSetRequest {
            handle,
            selector,
            builder,
            rename,
        } = self;
        match (selector, rename) {
            (LinkSelector::Name(old), Some(new)) => {
                let lookup = LinkHandle::new(handle.clone())
                    .get()
                    .name(old.clone())
                    .request();
                let then: Then<LinkMessage> = Box::new(move |link: LinkMessage| {
                    Self::request(&LinkSelector::Index(link.index()), builder, Some(new))
                        .map(|request| request.not_found(LinkSelector::Name(old).to_string()))
                });
                handle.execute_ack_after(lookup, extract_link, then)
            }
            (selector, rename) => handle.execute_ack(Self::request(&selector, builder, rename)),
        }
    }
}

/// Deletes a link; see [`LinkHandle::del`].
#[must_use = "a request does nothing until executed"]
#[derive(Debug, Clone)]
pub struct LinkDelRequest<H> {
    handle: H,
    selector: LinkSelector,
}

impl<H: Executor> LinkDelRequest<H> {
    /// Sends the request; resolves when the kernel acknowledged it.
    pub fn execute(self) -> H::Ack {
        let request = build(self.selector.apply(LinkMessage::builder())).map(|message| {
            Request::new(
                RtnlMessage::DelLink(message),
                ack_flags(NetlinkFlags::empty()),
                "link del",
            )
            .not_found(self.selector.to_string())
        });
        self.handle.execute_ack(request)
    }
}
