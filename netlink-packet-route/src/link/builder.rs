//! Building link requests: create devices (veth pairs, bridges, macvlans,
//! ...), change their state, MTU, name, controller or namespace.

use netlink_packet_core::EmitError;

use crate::link::info::{
    InfoBond, InfoBridge, InfoData, InfoIpVlan, InfoKind, InfoMacVlan, InfoNetkit, InfoVeth,
    InfoVlan, InfoVrf, InfoVxlan, IpVlanMode, LinkInfoAttribute, MacVlanMode, NetkitPeer,
};
use crate::link::{
    ExtFilterMask, LinkAddress, LinkAttribute, LinkFlags, LinkHeader, LinkMessage, LinkName,
    Nested, PropListAttribute,
};

/// Builds a [`LinkMessage`] for a request.
///
/// The message is only the payload: send it as `RTM_NEWLINK` with
/// `NLM_F_CREATE | NLM_F_EXCL` to create a device, as `RTM_NEWLINK` or
/// `RTM_SETLINK` to change one (selected by [`index`](Self::index) or
/// [`name`](Self::name)), as `RTM_DELLINK` to delete one.
///
/// [`build`](Self::build) checks that every attribute fits its 16-bit
/// length field, so an oversized value is an error, never a wrapped
/// length.
///
/// ```
/// use netlink_packet_route::link::{InfoKind, LinkMessage};
///
/// // ip link add v0 mtu 1400 type veth peer name v0p netns <fd>
/// let request = LinkMessage::builder()
///     .veth("v0", "v0p")
///     .mtu(1400)
///     .peer(|peer| peer.netns_fd(3))
///     .build()
///     .unwrap();
/// assert_eq!(request.kind(), Some(&InfoKind::Veth));
///
/// // ip link set dev 7 up master 4
/// let change = LinkMessage::builder().index(7).up().master(4).build().unwrap();
/// assert_eq!(change.master(), Some(4));
/// ```
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until built"]
pub struct LinkMessageBuilder {
    header: LinkHeader,
    attributes: Vec<LinkAttribute>,
    kind: Option<InfoKind>,
    data: Option<InfoData>,
    peer: Option<Box<LinkMessageBuilder>>,
}

impl LinkMessage {
    /// A builder for a request.
    pub fn builder() -> LinkMessageBuilder {
        LinkMessageBuilder::default()
    }
}

impl LinkMessageBuilder {
    /// An empty request (family `AF_UNSPEC`, index 0).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an attribute as is.
    pub fn attribute(mut self, attribute: LinkAttribute) -> Self {
        self.attributes.push(attribute);
        self
    }

    /// Sets the address family of the header (`AF_BRIDGE` for bridge port
    /// requests).
    pub fn family(mut self, family: u8) -> Self {
        self.header.family = family;
        self
    }

    /// Selects the device by index (`ifi_index`).
    pub fn index(mut self, index: u32) -> Self {
        self.header.index = index;
        self
    }

    /// Sets the device name (`IFLA_IFNAME`): the name of a new device, the
    /// device to select when the index is 0, or the new name otherwise.
    pub fn name(self, name: impl Into<String>) -> Self {
        self.attribute(LinkAttribute::IfName(LinkName::from(name.into())))
    }

    /// Selects the device by one of its alternative names
    /// (`IFLA_ALT_IFNAME`).
    pub fn alt_name(self, name: impl Into<String>) -> Self {
        self.attribute(LinkAttribute::AltIfName(LinkName::from(name.into())))
    }

    /// Alternative names to add or delete (`IFLA_PROP_LIST`, for
    /// `RTM_NEWLINKPROP` / `RTM_DELLINKPROP`).
    pub fn prop_alt_names<I, S>(self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.attribute(LinkAttribute::PropList(
            names
                .into_iter()
                .map(|name| PropListAttribute::AltIfName(LinkName::from(name.into())))
                .collect(),
        ))
    }

    /// Sets the MTU (`IFLA_MTU`).
    pub fn mtu(self, mtu: u32) -> Self {
        self.attribute(LinkAttribute::Mtu(mtu))
    }

    /// Sets the transmit queue length (`IFLA_TXQLEN`).
    pub fn txqlen(self, txqlen: u32) -> Self {
        self.attribute(LinkAttribute::TxQueueLen(txqlen))
    }

    /// Sets the link-layer address (`IFLA_ADDRESS`).
    pub fn address(self, address: impl Into<LinkAddress>) -> Self {
        self.attribute(LinkAttribute::Address(address.into()))
    }

    /// Sets the link-layer broadcast address (`IFLA_BROADCAST`).
    pub fn broadcast(self, address: impl Into<LinkAddress>) -> Self {
        self.attribute(LinkAttribute::Broadcast(address.into()))
    }

    /// Sets the alias (`IFLA_IFALIAS`).
    pub fn alias(self, alias: impl Into<String>) -> Self {
        self.attribute(LinkAttribute::IfAlias(alias.into()))
    }

    /// Sets the device group (`IFLA_GROUP`).
    pub fn group(self, group: u32) -> Self {
        self.attribute(LinkAttribute::Group(group))
    }

    /// Attaches the device to a controller (bridge, bond, VRF) by index
    /// (`IFLA_MASTER`).
    pub fn master(self, index: u32) -> Self {
        self.attribute(LinkAttribute::Master(index))
    }

    /// Detaches the device from its controller (`IFLA_MASTER` = 0).
    pub fn nomaster(self) -> Self {
        self.master(0)
    }

    /// Sets the lower device (`IFLA_LINK`), e.g. the parent of a macvlan
    /// or vlan.
    pub fn link(self, index: u32) -> Self {
        self.attribute(LinkAttribute::Link(index))
    }

    /// Moves the device (or creates it) in the namespace of this file
    /// descriptor (`IFLA_NET_NS_FD`).
    pub fn netns_fd(self, fd: u32) -> Self {
        self.attribute(LinkAttribute::NetNsFd(fd))
    }

    /// Moves the device (or creates it) in the namespace of this process
    /// (`IFLA_NET_NS_PID`).
    pub fn netns_pid(self, pid: u32) -> Self {
        self.attribute(LinkAttribute::NetNsPid(pid))
    }

    /// Addresses the request to the namespace with this id
    /// (`IFLA_TARGET_NETNSID`).
    pub fn target_netnsid(self, nsid: i32) -> Self {
        self.attribute(LinkAttribute::TargetNetNsId(nsid))
    }

    /// Sets the carrier (`IFLA_CARRIER`), for devices that allow it.
    pub fn carrier(self, up: bool) -> Self {
        self.attribute(LinkAttribute::Carrier(u8::from(up)))
    }

    /// What a get or dump should include (`IFLA_EXT_MASK`).
    pub fn ext_mask(self, mask: ExtFilterMask) -> Self {
        self.attribute(LinkAttribute::ExtMask(mask))
    }

    /// Sets the administrative state to up (`IFF_UP` in flags and change
    /// mask).
    pub fn up(mut self) -> Self {
        self.header.flags |= LinkFlags::UP;
        self.header.change_mask |= LinkFlags::UP;
        self
    }

    /// Sets the administrative state to down.
    pub fn down(mut self) -> Self {
        self.header.flags &= !LinkFlags::UP;
        self.header.change_mask |= LinkFlags::UP;
        self
    }

    /// Sets or clears flags: `flags` within `mask` are changed.
    pub fn flags(mut self, flags: LinkFlags, mask: LinkFlags) -> Self {
        self.header.flags = (self.header.flags & !mask) | (flags & mask);
        self.header.change_mask |= mask;
        self
    }

    /// Sets promiscuous mode (`IFF_PROMISC`).
    pub fn promiscuous(self, on: bool) -> Self {
        let flags = if on {
            LinkFlags::PROMISC
        } else {
            LinkFlags::empty()
        };
        self.flags(flags, LinkFlags::PROMISC)
    }

    /// Sets the link kind (`IFLA_INFO_KIND`) without configuration.
    pub fn kind(mut self, kind: InfoKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Sets the link kind configuration (`IFLA_INFO_DATA`).
    pub fn info_data(mut self, data: InfoData) -> Self {
        self.data = Some(data);
        self
    }

    /// Changes the peer of a veth (or netkit) request: name, address, MTU,
    /// namespace ... The peer goes into `VETH_INFO_PEER`, or
    /// `IFLA_NETKIT_PEER_INFO` when the kind is netkit.
    pub fn peer(mut self, change: impl FnOnce(LinkMessageBuilder) -> LinkMessageBuilder) -> Self {
        let peer = self.peer.take().map(|peer| *peer).unwrap_or_default();
        self.peer = Some(Box::new(change(peer)));
        self
    }

    /// A new veth pair: this device `name` and its peer `peer_name`.
    pub fn veth(self, name: impl Into<String>, peer_name: impl Into<String>) -> Self {
        let peer_name = peer_name.into();
        self.name(name)
            .kind(InfoKind::Veth)
            .peer(|peer| peer.name(peer_name))
    }

    /// A new bridge.
    pub fn bridge(self, name: impl Into<String>) -> Self {
        self.name(name).kind(InfoKind::Bridge)
    }

    /// A new bridge with configuration (`IFLA_BR_*`).
    pub fn bridge_with(self, name: impl Into<String>, options: Vec<InfoBridge>) -> Self {
        self.bridge(name)
            .info_data(InfoData::Bridge(Nested::new(options)))
    }

    /// A new macvlan on `parent` (index) in `mode`.
    pub fn macvlan(self, name: impl Into<String>, parent: u32, mode: MacVlanMode) -> Self {
        self.name(name)
            .link(parent)
            .kind(InfoKind::MacVlan)
            .info_data(InfoData::MacVlan(Nested::new(vec![InfoMacVlan::Mode(
                mode,
            )])))
    }

    /// A new macvtap on `parent` (index) in `mode`.
    pub fn macvtap(self, name: impl Into<String>, parent: u32, mode: MacVlanMode) -> Self {
        self.name(name)
            .link(parent)
            .kind(InfoKind::MacVtap)
            .info_data(InfoData::MacVtap(Nested::new(vec![InfoMacVlan::Mode(
                mode,
            )])))
    }

    /// A new ipvlan on `parent` (index) in `mode`.
    pub fn ipvlan(self, name: impl Into<String>, parent: u32, mode: IpVlanMode) -> Self {
        self.name(name)
            .link(parent)
            .kind(InfoKind::IpVlan)
            .info_data(InfoData::IpVlan(Nested::new(vec![InfoIpVlan::Mode(mode)])))
    }

    /// A new 802.1Q vlan `id` on `parent` (index).
    pub fn vlan(self, name: impl Into<String>, parent: u32, id: u16) -> Self {
        self.name(name)
            .link(parent)
            .kind(InfoKind::Vlan)
            .info_data(InfoData::Vlan(Nested::new(vec![InfoVlan::Id(id)])))
    }

    /// A new vxlan with network identifier `vni` and more configuration.
    pub fn vxlan(self, name: impl Into<String>, vni: u32, options: Vec<InfoVxlan>) -> Self {
        let mut data = vec![InfoVxlan::Id(vni)];
        data.extend(options);
        self.name(name)
            .kind(InfoKind::Vxlan)
            .info_data(InfoData::Vxlan(Nested::new(data)))
    }

    /// A new VRF bound to routing `table`.
    pub fn vrf(self, name: impl Into<String>, table: u32) -> Self {
        self.name(name)
            .kind(InfoKind::Vrf)
            .info_data(InfoData::Vrf(Nested::new(vec![InfoVrf::Table(table)])))
    }

    /// A new bond in `mode` (0 balance-rr, 1 active-backup, ... 6
    /// balance-alb) with more configuration.
    pub fn bond(self, name: impl Into<String>, mode: u8, options: Vec<InfoBond>) -> Self {
        let mut data = vec![InfoBond::Mode(mode)];
        data.extend(options);
        self.name(name)
            .kind(InfoKind::Bond)
            .info_data(InfoData::Bond(Nested::new(data)))
    }

    /// A new dummy device.
    pub fn dummy(self, name: impl Into<String>) -> Self {
        self.name(name).kind(InfoKind::Dummy)
    }

    /// A new ifb (intermediate functional block) device.
    pub fn ifb(self, name: impl Into<String>) -> Self {
        self.name(name).kind(InfoKind::Ifb)
    }

    /// A new wireguard device (configured over generic netlink).
    pub fn wireguard(self, name: impl Into<String>) -> Self {
        self.name(name).kind(InfoKind::Wireguard)
    }

    /// Assembles the message and checks the attribute lengths.
    pub fn build(self) -> Result<LinkMessage, EmitError> {
        let LinkMessageBuilder {
            header,
            mut attributes,
            kind,
            mut data,
            peer,
        } = self;
        if let Some(peer) = peer {
            let peer = peer.build()?;
            match (&kind, &mut data) {
                (_, Some(InfoData::Veth(veth))) => veth.push(InfoVeth::Peer(peer)),
                (_, Some(InfoData::Netkit(netkit))) => {
                    netkit.insert(0, InfoNetkit::PeerInfo(NetkitPeer(peer)))
                }
                (Some(InfoKind::Netkit), None) => {
                    data = Some(InfoData::Netkit(Nested::new(vec![InfoNetkit::PeerInfo(
                        NetkitPeer(peer),
                    )])))
                }
                _ => data = Some(InfoData::Veth(Nested::new(vec![InfoVeth::Peer(peer)]))),
            }
        }
        if kind.is_some() || data.is_some() {
            let mut info = Vec::with_capacity(2);
            if let Some(kind) = kind {
                info.push(LinkInfoAttribute::Kind(kind));
            }
            if let Some(data) = data {
                info.push(LinkInfoAttribute::Data(data));
            }
            attributes.push(LinkAttribute::LinkInfo(Nested::new(info)));
        }
        let message = LinkMessage { header, attributes };
        message.validate()?;
        Ok(message)
    }
}
