//! Link attributes (`IFLA_*`).

use netlink_packet_core::{DecodeError, NlaBuffer, ParseableParametrized, RawNla};

use crate::common::nla_list::malformed;

use crate::link::af_spec::{AfSpecAttribute, BridgeAfSpecAttribute, Inet6Attribute};
use crate::link::codec::{attribute_set, parse_nest, ParseAttr};
use crate::link::info::{parse_link_info, BridgePortAttribute, LinkInfoAttribute};
use crate::link::{
    ExtFilterMask, LinkAddress, LinkEvent, LinkMap, LinkMode, LinkName, LinkStats, LinkStats64,
    Nested, OperState, PortAttribute, PropListAttribute, ProtoDownReasonAttribute,
    VfInfoListAttribute, VfPortsAttribute, XdpAttribute,
};

/// `AF_BRIDGE`
const AF_BRIDGE: u8 = 7;
/// `AF_INET6`
const AF_INET6: u8 = 10;

attribute_set! {
    /// One attribute of a link message (`IFLA_*`).
    ///
    /// Every attribute the Linux 6.18 kernel sends is typed; others are kept
    /// in [`LinkAttribute::Other`], and a known attribute whose value does
    /// not decode is kept in [`LinkAttribute::Malformed`] with its error, so
    /// a message always re-emits byte-identically.
    pub enum LinkAttribute {
        /// Link-layer address.
        Address(LinkAddress, Val) = IFLA_ADDRESS(1),
        /// Link-layer broadcast (or point-to-point peer) address.
        Broadcast(LinkAddress, Val) = IFLA_BROADCAST(2),
        /// Device name.
        IfName(LinkName, Str) = IFLA_IFNAME(3),
        /// MTU.
        Mtu(u32, Ne) = IFLA_MTU(4),
        /// Index of the lower device (for tunnels, vlans, veth peers: the
        /// peer's index, possibly in another namespace).
        Link(u32, Ne) = IFLA_LINK(5),
        /// Name of the root queueing discipline.
        Qdisc(LinkName, Str) = IFLA_QDISC(6),
        /// 32-bit counters.
        Stats(Box<LinkStats>, Val) = IFLA_STATS(7),
        /// Index of the controller device (bridge, bond, VRF); 0 in a
        /// request detaches.
        Master(u32, Ne) = IFLA_MASTER(10),
        /// Wireless extension event (opaque `struct iw_event` data).
        Wireless(Vec<u8>, Bytes) = IFLA_WIRELESS(11),
        /// Transmit queue length.
        TxQueueLen(u32, Ne) = IFLA_TXQLEN(13),
        /// Hardware I/O map.
        Map(LinkMap, Val) = IFLA_MAP(14),
        /// Operational state (RFC 2863).
        OperState(OperState, Val) = IFLA_OPERSTATE(16),
        /// Link mode.
        LinkMode(LinkMode, Val) = IFLA_LINKMODE(17),
        /// Move the device to the network namespace of this process
        /// (requests).
        NetNsPid(u32, Ne) = IFLA_NET_NS_PID(19),
        /// Alias (description) of the device.
        IfAlias(String, Str) = IFLA_IFALIAS(20),
        /// Number of SR-IOV virtual functions.
        NumVf(u32, Ne) = IFLA_NUM_VF(21),
        /// SR-IOV virtual functions.
        VfInfoList(Nested<VfInfoListAttribute>, Nest) = IFLA_VFINFO_LIST(22),
        /// 64-bit counters.
        Stats64(Box<LinkStats64>, Val) = IFLA_STATS64(23),
        /// Port profiles of the virtual functions.
        VfPorts(Nested<VfPortsAttribute>, Nest) = IFLA_VF_PORTS(24),
        /// Port profile of the device itself.
        PortSelf(Nested<PortAttribute>, Nest) = IFLA_PORT_SELF(25),
        /// Device group.
        Group(u32, Ne) = IFLA_GROUP(27),
        /// Move the device to the network namespace of this file descriptor
        /// (requests).
        NetNsFd(u32, Ne) = IFLA_NET_NS_FD(28),
        /// What a dump or get should include (requests).
        ExtMask(ExtFilterMask, Val) = IFLA_EXT_MASK(29),
        /// Promiscuity count (> 0: promiscuous).
        Promiscuity(u32, Ne) = IFLA_PROMISCUITY(30),
        /// Number of transmit queues.
        NumTxQueues(u32, Ne) = IFLA_NUM_TX_QUEUES(31),
        /// Number of receive queues.
        NumRxQueues(u32, Ne) = IFLA_NUM_RX_QUEUES(32),
        /// Carrier state (1 up); writable for some devices.
        Carrier(u8, Ne) = IFLA_CARRIER(33),
        /// Physical port id.
        PhysPortId(Vec<u8>, Bytes) = IFLA_PHYS_PORT_ID(34),
        /// Carrier changes since creation (up + down).
        CarrierChanges(u32, Ne) = IFLA_CARRIER_CHANGES(35),
        /// Physical switch id.
        PhysSwitchId(Vec<u8>, Bytes) = IFLA_PHYS_SWITCH_ID(36),
        /// Namespace id (in this namespace) of the namespace of the lower
        /// device or peer.
        LinkNetNsId(i32, Ne) = IFLA_LINK_NETNSID(37),
        /// Physical port name.
        PhysPortName(LinkName, Str) = IFLA_PHYS_PORT_NAME(38),
        /// Protocol down (1: down by a protocol, e.g. a control plane).
        ProtoDown(u8, Ne) = IFLA_PROTO_DOWN(39),
        /// Maximum GSO segment count.
        GsoMaxSegs(u32, Ne) = IFLA_GSO_MAX_SEGS(40),
        /// Maximum GSO size.
        GsoMaxSize(u32, Ne) = IFLA_GSO_MAX_SIZE(41),
        /// Alignment padding.
        Pad(Vec<u8>, Bytes) = IFLA_PAD(42),
        /// XDP programs.
        Xdp(Nested<XdpAttribute>, Nest) = IFLA_XDP(43),
        /// Why this notification was sent.
        Event(LinkEvent, Val) = IFLA_EVENT(44),
        /// Namespace id (in the target namespace) of the origin namespace
        /// (notifications of devices moved to another namespace).
        NewNetNsId(i32, Ne) = IFLA_NEW_NETNSID(45),
        /// Target namespace id of a request (`IFLA_TARGET_NETNSID`, alias
        /// `IFLA_IF_NETNSID`).
        TargetNetNsId(i32, Ne) = IFLA_TARGET_NETNSID(46),
        /// Carrier up transitions.
        CarrierUpCount(u32, Ne) = IFLA_CARRIER_UP_COUNT(47),
        /// Carrier down transitions.
        CarrierDownCount(u32, Ne) = IFLA_CARRIER_DOWN_COUNT(48),
        /// New device index (moves and creation requests).
        NewIfIndex(i32, Ne) = IFLA_NEW_IFINDEX(49),
        /// Minimum MTU.
        MinMtu(u32, Ne) = IFLA_MIN_MTU(50),
        /// Maximum MTU.
        MaxMtu(u32, Ne) = IFLA_MAX_MTU(51),
        /// Link properties: alternative names.
        PropList(Nested<PropListAttribute>, Nest) = IFLA_PROP_LIST(52),
        /// An alternative name (requests: select a device by it, or add and
        /// delete names with `RTM_NEWLINKPROP`/`RTM_DELLINKPROP` inside
        /// `IFLA_PROP_LIST`).
        AltIfName(LinkName, Str) = IFLA_ALT_IFNAME(53),
        /// Permanent hardware address.
        PermAddress(LinkAddress, Val) = IFLA_PERM_ADDRESS(54),
        /// Protocol-down reasons.
        ProtoDownReason(Nested<ProtoDownReasonAttribute>, Nest) = IFLA_PROTO_DOWN_REASON(55),
        /// Parent device name (for devices without parent netdev).
        ParentDevName(LinkName, Str) = IFLA_PARENT_DEV_NAME(56),
        /// Bus of the parent device.
        ParentDevBusName(LinkName, Str) = IFLA_PARENT_DEV_BUS_NAME(57),
        /// Maximum GRO size.
        GroMaxSize(u32, Ne) = IFLA_GRO_MAX_SIZE(58),
        /// Maximum TSO size supported by the device.
        TsoMaxSize(u32, Ne) = IFLA_TSO_MAX_SIZE(59),
        /// Maximum TSO segment count supported by the device.
        TsoMaxSegs(u32, Ne) = IFLA_TSO_MAX_SEGS(60),
        /// All-multicast count (> 0: receives all multicast).
        AllMulti(u32, Ne) = IFLA_ALLMULTI(61),
        /// Devlink port of the device (`DEVLINK_ATTR_*` attributes, kept raw).
        DevlinkPort(Nested<RawNla>, Nest) = IFLA_DEVLINK_PORT(62),
        /// Maximum GSO size for IPv4.
        GsoIpv4MaxSize(u32, Ne) = IFLA_GSO_IPV4_MAX_SIZE(63),
        /// Maximum GRO size for IPv4.
        GroIpv4MaxSize(u32, Ne) = IFLA_GRO_IPV4_MAX_SIZE(64),
        /// DPLL pin of the device (`DPLL_A_PIN_*` attributes, kept raw).
        DpllPin(Nested<RawNla>, Nest) = IFLA_DPLL_PIN(65),
        /// Maximum pacing offload horizon in nanoseconds.
        MaxPacingOffloadHorizon(u64, Uint) = IFLA_MAX_PACING_OFFLOAD_HORIZON(66),
        /// The device cannot change namespace (1).
        NetnsImmutable(u8, Ne) = IFLA_NETNS_IMMUTABLE(67),
        /// Needed headroom.
        Headroom(u16, Ne) = IFLA_HEADROOM(68),
        /// Needed tailroom.
        Tailroom(u16, Ne) = IFLA_TAILROOM(69),
    }
    custom {
        /// Bridge port configuration, in link messages of family
        /// `AF_BRIDGE`.
        ProtoInfoBridge(Nested<BridgePortAttribute>, Nest) = IFLA_PROTINFO(12),
        /// IPv6 device information, in link messages of family `AF_INET6`.
        ProtoInfoInet6(Nested<Inet6Attribute>, Nest) = IFLA_PROTINFO(12),
        /// Link kind and its configuration.
        LinkInfo(Nested<LinkInfoAttribute>, Nest) = IFLA_LINKINFO(18),
        /// Per-address-family information (link messages of any family but
        /// `AF_BRIDGE`).
        AfSpec(Nested<AfSpecAttribute>, Nest) = IFLA_AF_SPEC(26),
        /// Bridge information (link messages of family `AF_BRIDGE`).
        AfSpecBridge(Nested<BridgeAfSpecAttribute>, Nest) = IFLA_AF_SPEC(26),
    }
}

impl LinkAttribute {
    /// Decodes one attribute of a link message of address family
    /// `family` (`ifi_family`, which selects the meaning of
    /// `IFLA_PROTINFO` and `IFLA_AF_SPEC`).
    ///
    /// Never fails: unknown attributes become [`LinkAttribute::Other`] and
    /// undecodable ones [`LinkAttribute::Malformed`].
    #[inline(never)]
    pub fn parse_with_family(nla: &NlaBuffer<&[u8]>, family: u8) -> Self {
        match nla.kind() {
            12 => {
                let parsed = match family {
                    AF_BRIDGE => parse_nest(nla).map(LinkAttribute::ProtoInfoBridge),
                    AF_INET6 => parse_nest(nla).map(LinkAttribute::ProtoInfoInet6),
                    _ => return LinkAttribute::Other(RawNla::new(nla.raw_kind(), nla.value())),
                };
                parsed.unwrap_or_else(|error| {
                    LinkAttribute::Malformed(malformed(nla, error, "IFLA_PROTINFO"))
                })
            }
            18 => parse_link_info(nla)
                .map(LinkAttribute::LinkInfo)
                .unwrap_or_else(|error| {
                    LinkAttribute::Malformed(malformed(nla, error, "IFLA_LINKINFO"))
                }),
            26 => {
                let parsed = if family == AF_BRIDGE {
                    parse_nest(nla).map(LinkAttribute::AfSpecBridge)
                } else {
                    parse_nest(nla).map(LinkAttribute::AfSpec)
                };
                parsed.unwrap_or_else(|error| {
                    LinkAttribute::Malformed(malformed(nla, error, "IFLA_AF_SPEC"))
                })
            }
            _ => LinkAttribute::parse_attr(nla),
        }
    }
}

impl LinkAttribute {
    /// Decodes one attribute of a link message, as
    /// [`LinkAttribute::parse_with_family`] does: the small fixed-size
    /// attributes that make most of a link message are decoded inline here
    /// (one length and type check), everything else out of line.
    #[inline(always)]
    pub(crate) fn parse_in_message(nla: NlaBuffer<&[u8]>, family: u8) -> Self {
        match parse_fixed(nla.inner()) {
            Some(attribute) => attribute,
            None => LinkAttribute::parse_with_family(&nla, family),
        }
    }
}

/// The attribute `bytes` (header included) if it is one of the integer
/// attributes of exactly its size and without flag bits; `None` for
/// anything else, which the table-driven decoder handles (with the same
/// result for these attributes: checked by a test over every type).
#[inline(always)]
fn parse_fixed(bytes: &[u8]) -> Option<LinkAttribute> {
    let (&[l0, l1, k0, k1], value) = bytes.split_first_chunk::<4>()?;
    // The raw type: an attribute with flag bits is not one of these.
    let kind = u16::from_ne_bytes([k0, k1]);
    match u16::from_ne_bytes([l0, l1]) {
        8 => {
            let value = u32::from_ne_bytes(*value.first_chunk::<4>()?);
            let signed = i32::from_ne_bytes(value.to_ne_bytes());
            Some(match kind {
                4 => LinkAttribute::Mtu(value),
                5 => LinkAttribute::Link(value),
                10 => LinkAttribute::Master(value),
                13 => LinkAttribute::TxQueueLen(value),
                19 => LinkAttribute::NetNsPid(value),
                21 => LinkAttribute::NumVf(value),
                27 => LinkAttribute::Group(value),
                28 => LinkAttribute::NetNsFd(value),
                30 => LinkAttribute::Promiscuity(value),
                31 => LinkAttribute::NumTxQueues(value),
                32 => LinkAttribute::NumRxQueues(value),
                35 => LinkAttribute::CarrierChanges(value),
                37 => LinkAttribute::LinkNetNsId(signed),
                40 => LinkAttribute::GsoMaxSegs(value),
                41 => LinkAttribute::GsoMaxSize(value),
                45 => LinkAttribute::NewNetNsId(signed),
                46 => LinkAttribute::TargetNetNsId(signed),
                47 => LinkAttribute::CarrierUpCount(value),
                48 => LinkAttribute::CarrierDownCount(value),
                49 => LinkAttribute::NewIfIndex(signed),
                50 => LinkAttribute::MinMtu(value),
                51 => LinkAttribute::MaxMtu(value),
                58 => LinkAttribute::GroMaxSize(value),
                59 => LinkAttribute::TsoMaxSize(value),
                60 => LinkAttribute::TsoMaxSegs(value),
                61 => LinkAttribute::AllMulti(value),
                63 => LinkAttribute::GsoIpv4MaxSize(value),
                64 => LinkAttribute::GroIpv4MaxSize(value),
                66 => LinkAttribute::MaxPacingOffloadHorizon(u64::from(value)),
                _ => return None,
            })
        }
        5 => {
            let value = *value.first()?;
            Some(match kind {
                16 => LinkAttribute::OperState(OperState::from(value)),
                17 => LinkAttribute::LinkMode(LinkMode::from(value)),
                33 => LinkAttribute::Carrier(value),
                39 => LinkAttribute::ProtoDown(value),
                67 => LinkAttribute::NetnsImmutable(value),
                _ => return None,
            })
        }
        6 => {
            let value = u16::from_ne_bytes(*value.first_chunk::<2>()?);
            Some(match kind {
                68 => LinkAttribute::Headroom(value),
                69 => LinkAttribute::Tailroom(value),
                _ => return None,
            })
        }
        _ => None,
    }
}

impl<T: AsRef<[u8]> + ?Sized> ParseableParametrized<NlaBuffer<&T>, u8> for LinkAttribute {
    /// Decodes one attribute of a link message of family `family`; never
    /// fails (see [`LinkAttribute::parse_with_family`]).
    fn parse_with_param(buf: &NlaBuffer<&T>, family: u8) -> Result<Self, DecodeError> {
        let nla = NlaBuffer::new(buf.inner().as_ref());
        Ok(LinkAttribute::parse_with_family(&nla, family))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inline decoder of small integer attributes agrees with the
    /// table-driven one for every attribute type (flag bits included) and
    /// every size it looks at.
    #[test]
    fn fixed_fast_path_matches_the_table() {
        let mut fast = 0;
        for raw_kind in 0..=u16::MAX {
            for (length, value) in [(5u16, 0xffff_ff81u32), (6, 0x8001_fffe), (8, 0x8765_4321)] {
                let mut bytes = Vec::new();
                bytes.extend_from_slice(&length.to_ne_bytes());
                bytes.extend_from_slice(&raw_kind.to_ne_bytes());
                bytes.extend_from_slice(&value.to_ne_bytes());
                bytes.truncate(usize::from(length));
                let Some(decoded) = parse_fixed(&bytes) else {
                    continue;
                };
                fast += 1;
                let nla = NlaBuffer::new(&bytes[..]);
                for family in [0, AF_BRIDGE, AF_INET6] {
                    assert_eq!(
                        decoded,
                        LinkAttribute::parse_with_family(&nla, family),
                        "type {raw_kind:#06x}, {length} bytes"
                    );
                }
            }
        }
        assert_eq!(fast, 36);
        // Short attributes are left to the precise decoder.
        assert_eq!(parse_fixed(&[8, 0, 4, 0, 1]), None);
    }
}
