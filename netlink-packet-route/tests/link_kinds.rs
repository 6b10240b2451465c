//! Link kinds the test kernel lacks (vlan, bond, vrf, gre, ...): their
//! configuration round-trips, decodes from bytes laid out as the kernel's
//! structures, and lands in typed attributes.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::{Emitable, Parseable};
use netlink_packet_route::link::*;

fn emit(message: &LinkMessage) -> Vec<u8> {
    let mut bytes = vec![0; message.buffer_len()];
    message.emit(&mut bytes);
    bytes
}

fn parse(bytes: &[u8]) -> LinkMessage {
    LinkMessage::parse(&LinkMessageBuffer::new_checked(bytes).unwrap()).unwrap()
}

/// A link payload: a zeroed header and
/// `IFLA_LINKINFO { IFLA_INFO_KIND kind, IFLA_INFO_DATA { data } }`.
fn link_info_payload(kind: &str, data: &[u8]) -> Vec<u8> {
    let mut kind_value = kind.as_bytes().to_vec();
    kind_value.push(0);
    let mut info = Vec::new();
    push_attribute(&mut info, 1, &kind_value);
    push_attribute(&mut info, 2, data);
    let mut payload = vec![0u8; 16];
    push_attribute(&mut payload, 18, &info);
    payload
}

/// Appends an attribute of type `kind` with `value` and its padding.
fn push_attribute(bytes: &mut Vec<u8>, kind: u16, value: &[u8]) {
    bytes.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
    bytes.extend_from_slice(&kind.to_ne_bytes());
    bytes.extend_from_slice(value);
    bytes.resize(bytes.len().next_multiple_of(4), 0);
}

fn assert_typed(message: &LinkMessage) {
    let text = format!("{message:?}");
    assert!(
        !text.contains("Other(RawNla") && !text.contains("Malformed("),
        "untyped: {message:#?}"
    );
}

fn round_trip(kind: InfoKind, data: Option<InfoData>, slave: Option<(InfoKind, InfoSlaveData)>) {
    let mut info = vec![LinkInfoAttribute::Kind(kind.clone())];
    if let Some(data) = data {
        info.push(LinkInfoAttribute::Data(data));
    }
    if let Some((slave_kind, slave_data)) = slave {
        info.push(LinkInfoAttribute::SlaveKind(slave_kind));
        info.push(LinkInfoAttribute::SlaveData(slave_data));
    }
    let message = LinkMessage {
        header: LinkHeader {
            index: 5,
            ..LinkHeader::default()
        },
        attributes: vec![
            LinkAttribute::IfName(format!("t-{kind}").into()),
            LinkAttribute::LinkInfo(Nested::with_flag(info, false)),
        ],
    };
    let bytes = emit(&message);
    let parsed = parse(&bytes);
    assert_eq!(parsed, message, "{kind}");
    assert_eq!(emit(&parsed), bytes, "{kind}");
    assert_typed(&parsed);
    assert_eq!(parsed.kind(), Some(&kind));
}

#[test]
fn every_typed_kind_round_trips() {
    let v4 = Ipv4Addr::new(192, 0, 2, 1);
    let v6: Ipv6Addr = "2001:db8::1".parse().unwrap();
    round_trip(
        InfoKind::Vlan,
        Some(InfoData::Vlan(Nested::new(vec![
            InfoVlan::Id(42),
            InfoVlan::Protocol(0x88a8),
            InfoVlan::Flags(VlanFlags {
                flags: 1,
                mask: 0xffff_ffff,
            }),
            InfoVlan::EgressQos(Nested::new(vec![VlanQosAttribute::Mapping(
                VlanQosMapping { from: 1, to: 5 },
            )])),
            InfoVlan::IngressQos(Nested::new(vec![VlanQosAttribute::Mapping(
                VlanQosMapping { from: 2, to: 3 },
            )])),
        ]))),
        None,
    );
    round_trip(
        InfoKind::Vxlan,
        Some(InfoData::Vxlan(Nested::new(vec![
            InfoVxlan::Id(10),
            InfoVxlan::Group(v4),
            InfoVxlan::Local6(v6),
            InfoVxlan::PortRange(PortRange {
                low: 1000,
                high: 2000,
            }),
            InfoVxlan::Port(4789),
            InfoVxlan::Label(0x12345),
            InfoVxlan::TtlInherit(None),
            InfoVxlan::TtlInherit(Some(1)),
            InfoVxlan::Gbp,
            InfoVxlan::ReservedBits([1, 2, 3, 4, 5, 6, 7, 8]),
        ]))),
        None,
    );
    round_trip(
        InfoKind::Geneve,
        Some(InfoData::Geneve(Nested::new(vec![
            InfoGeneve::Id(7),
            InfoGeneve::Remote6(v6),
            InfoGeneve::CollectMetadata,
            InfoGeneve::PortRange(PortRange { low: 1, high: 2 }),
        ]))),
        None,
    );
    round_trip(
        InfoKind::Bond,
        Some(InfoData::Bond(Nested::new(vec![
            InfoBond::Mode(4),
            InfoBond::MiiMon(100),
            InfoBond::ArpIpTarget(BondArpTargets(vec![v4, Ipv4Addr::new(192, 0, 2, 2)])),
            InfoBond::NsIp6Target(BondNsTargets(vec![v6])),
            InfoBond::AdInfo(Nested::with_flag(
                vec![
                    BondAdInfoAttribute::Aggregator(1),
                    BondAdInfoAttribute::PartnerMac([2, 0, 0, 0, 0, 9]),
                ],
                false,
            )),
            InfoBond::AdActorSystem([2, 0, 0, 0, 0, 1]),
            InfoBond::BroadcastNeigh(1),
        ]))),
        Some((
            InfoKind::Vrf,
            InfoSlaveData::Vrf(Nested::new(vec![InfoVrfPort::Table(10)])),
        )),
    );
    round_trip(
        InfoKind::Dummy,
        None,
        Some((
            InfoKind::Bond,
            InfoSlaveData::Bond(Nested::new(vec![
                InfoBondPort::State(1),
                InfoBondPort::PermHwaddr(LinkAddress::from([2, 0, 0, 0, 0, 3])),
                InfoBondPort::Prio(-5),
                InfoBondPort::ActorPortPrio(255),
            ])),
        )),
    );
    round_trip(
        InfoKind::Vrf,
        Some(InfoData::Vrf(Nested::new(vec![InfoVrf::Table(100)]))),
        None,
    );
    for kind in [
        InfoKind::Gre,
        InfoKind::GreTap,
        InfoKind::Ip6Gre,
        InfoKind::Ip6GreTap,
    ] {
        let address = if matches!(kind, InfoKind::Ip6Gre | InfoKind::Ip6GreTap) {
            IpAddr::V6(v6)
        } else {
            IpAddr::V4(v4)
        };
        round_trip(
            kind,
            Some(InfoData::Gre(Nested::new(vec![
                InfoGre::Local(address),
                InfoGre::Remote(address),
                InfoGre::IKey(7),
                InfoGre::IFlags(0x2000),
                InfoGre::Ttl(64),
                InfoGre::CollectMetadata,
                InfoGre::ErspanHwid(3),
            ]))),
            None,
        );
    }
    round_trip(
        InfoKind::Sit,
        Some(InfoData::IpTunnel(Nested::new(vec![
            InfoIpTunnel::Remote(IpAddr::V4(v4)),
            InfoIpTunnel::Flags(IpTunnelFlags::U16(1)),
            InfoIpTunnel::SixRdPrefix(v6),
            InfoIpTunnel::SixRdPrefixLen(48),
        ]))),
        None,
    );
    round_trip(
        InfoKind::Ip6Tnl,
        Some(InfoData::IpTunnel(Nested::new(vec![
            InfoIpTunnel::Remote(IpAddr::V6(v6)),
            InfoIpTunnel::Flags(IpTunnelFlags::U32(0x30000)),
            InfoIpTunnel::EncapLimit(4),
        ]))),
        None,
    );
    round_trip(
        InfoKind::Xfrm,
        Some(InfoData::Xfrm(Nested::new(vec![
            InfoXfrm::IfId(3),
            InfoXfrm::CollectMetadata,
        ]))),
        None,
    );
    round_trip(
        InfoKind::MacSec,
        Some(InfoData::MacSec(Nested::new(vec![
            InfoMacSec::Sci(0x0200_0000_0001_0001),
            InfoMacSec::CipherSuite(0x0080_C200_0100_0001),
            InfoMacSec::Validation(MacSecValidation::Strict),
        ]))),
        None,
    );
    round_trip(
        InfoKind::Hsr,
        Some(InfoData::Hsr(Nested::new(vec![
            InfoHsr::Port1(3),
            InfoHsr::Port2(4),
            InfoHsr::SupervisionAddr([1, 0x15, 0x4e, 0, 1, 0]),
            InfoHsr::Protocol(1),
        ]))),
        None,
    );
    round_trip(
        InfoKind::Tun,
        Some(InfoData::Tun(Nested::new(vec![
            InfoTun::Owner(u32::MAX),
            InfoTun::Type(2),
            InfoTun::MultiQueue(1),
        ]))),
        None,
    );
    let peer = LinkMessage::builder().name("nk-peer").build().unwrap();
    round_trip(
        InfoKind::Netkit,
        Some(InfoData::Netkit(Nested::new(vec![
            InfoNetkit::PeerInfo(NetkitPeer(peer)),
            InfoNetkit::Policy(NetkitPolicy::Next),
            InfoNetkit::Mode(NetkitMode::L3),
            InfoNetkit::Headroom(32),
        ]))),
        None,
    );
    round_trip(
        InfoKind::IpVtap,
        Some(InfoData::IpVtap(Nested::new(vec![
            InfoIpVlan::Mode(IpVlanMode::L2),
            InfoIpVlan::Flags(1),
        ]))),
        None,
    );
    round_trip(
        InfoKind::MacVlan,
        Some(InfoData::MacVlan(Nested::new(vec![
            InfoMacVlan::Mode(MacVlanMode::Source),
            InfoMacVlan::MacAddrData(Nested::new(vec![InfoMacVlan::MacAddr([2, 0, 0, 0, 0, 7])])),
            InfoMacVlan::BcCutoff(-1),
        ]))),
        None,
    );
}

#[test]
fn vlan_bytes_as_the_kernel_lays_them_out() {
    // IFLA_LINKINFO { KIND "vlan", DATA { ID 100, FLAGS {1, 0xffffffff},
    //   PROTOCOL 0x8100 (big endian), EGRESS_QOS { MAPPING {3 -> 4} } } }
    let mut data = Vec::new();
    data.extend_from_slice(&[6, 0, 1, 0, 100, 0, 0, 0]);
    data.extend_from_slice(&[12, 0, 2, 0, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    data.extend_from_slice(&[6, 0, 5, 0, 0x81, 0x00, 0, 0]);
    data.extend_from_slice(&[16, 0, 3, 0, 12, 0, 1, 0, 3, 0, 0, 0, 4, 0, 0, 0]);
    let payload = link_info_payload("vlan", &data);

    let message = parse(&payload);
    assert_eq!(emit(&message), payload);
    let Some(InfoData::Vlan(vlan)) = message.info_data() else {
        panic!("{message:#?}");
    };
    assert!(!vlan.nested_flag);
    assert_eq!(
        vlan.attributes,
        vec![
            InfoVlan::Id(100),
            InfoVlan::Flags(VlanFlags {
                flags: 1,
                mask: u32::MAX
            }),
            InfoVlan::Protocol(0x8100),
            InfoVlan::EgressQos(Nested::with_flag(
                vec![VlanQosAttribute::Mapping(VlanQosMapping { from: 3, to: 4 })],
                false
            )),
        ]
    );
}

#[test]
fn bond_targets_are_indexed_nested_addresses() {
    // IFLA_BOND_ARP_IP_TARGET { 0: 10.0.0.1, 1: 10.0.0.2 }
    let value = [8, 0, 0, 0, 10, 0, 0, 1, 8, 0, 1, 0, 10, 0, 0, 2];
    let mut data = vec![20, 0, 8, 0];
    data.extend_from_slice(&value);
    let payload = link_info_payload("bond", &data);

    let message = parse(&payload);
    assert_eq!(emit(&message), payload);
    let Some(InfoData::Bond(bond)) = message.info_data() else {
        panic!("{message:#?}");
    };
    assert_eq!(
        bond.attributes,
        vec![InfoBond::ArpIpTarget(BondArpTargets(vec![
            Ipv4Addr::new(10, 0, 0, 1),
            Ipv4Addr::new(10, 0, 0, 2)
        ]))]
    );
}

#[test]
fn unknown_kinds_keep_their_data_raw() {
    // IFLA_LINKINFO { KIND "can", DATA { 1: 4 bytes } }
    let mut payload = vec![0u8; 16];
    payload.extend_from_slice(&[28, 0, 18, 0]);
    payload.extend_from_slice(&[8, 0, 1, 0, b'c', b'a', b'n', 0]);
    payload.extend_from_slice(&[16, 0, 2, 0x80, 8, 0, 1, 0, 1, 2, 3, 4, 4, 0, 9, 0]);
    let message = parse(&payload);
    assert_eq!(emit(&message), payload);
    assert_eq!(message.kind(), Some(&InfoKind::Other("can".into())));
    let info = message.link_info().unwrap();
    assert!(matches!(&info[1], LinkInfoAttribute::Other(raw) if raw.kind == 0x8002));
}

#[test]
fn a_malformed_nested_value_keeps_the_rest_of_the_message() {
    // IFLA_IFNAME "x", IFLA_LINKINFO { KIND "bridge", DATA { PRIORITY with 3 bytes } }, IFLA_MTU 1500
    let mut payload = vec![0u8; 16];
    payload.extend_from_slice(&[6, 0, 3, 0, b'x', 0, 0, 0]);
    payload.extend_from_slice(&[28, 0, 18, 0]);
    payload.extend_from_slice(&[11, 0, 1, 0, b'b', b'r', b'i', b'd', b'g', b'e', 0, 0]);
    payload.extend_from_slice(&[12, 0, 2, 0, 7, 0, 6, 0, 1, 2, 3, 0]);
    payload.extend_from_slice(&[8, 0, 4, 0, 0xdc, 0x05, 0, 0]);
    let message = parse(&payload);
    assert_eq!(emit(&message), payload);
    assert_eq!(message.name(), Some("x"));
    assert_eq!(message.mtu(), Some(1500));
    let Some(InfoData::Bridge(bridge)) = message.info_data() else {
        panic!("{message:#?}");
    };
    let InfoBridge::Malformed(malformed) = &bridge[0] else {
        panic!("{bridge:?}");
    };
    assert_eq!(
        malformed.error.to_string(),
        "IFLA_BR_PRIORITY: expected 2 bytes, got 3"
    );
}

#[test]
fn af_bridge_messages_decode_protinfo_and_af_spec_as_bridge_attributes() {
    let message = LinkMessage {
        header: LinkHeader {
            family: 7,
            index: 3,
            ..LinkHeader::default()
        },
        attributes: vec![
            LinkAttribute::ProtoInfoBridge(Nested::new(vec![
                BridgePortAttribute::Cost(10),
                BridgePortAttribute::State(BridgePortState::Forwarding),
            ])),
            LinkAttribute::AfSpecBridge(Nested::with_flag(
                vec![
                    BridgeAfSpecAttribute::Flags(BridgeFlags::MASTER),
                    BridgeAfSpecAttribute::VlanInfo(BridgeVlanInfo {
                        flags: BridgeVlanInfoFlags::PVID | BridgeVlanInfoFlags::UNTAGGED,
                        vid: 10,
                    }),
                ],
                false,
            )),
        ],
    };
    let parsed = parse(&emit(&message));
    assert_eq!(parsed, message);
    // The same bytes in an AF_INET6 message are IPv6 information.
    let mut bytes = emit(&LinkMessage {
        header: LinkHeader {
            family: 10,
            ..LinkHeader::default()
        },
        attributes: vec![LinkAttribute::ProtoInfoInet6(Nested::new(vec![
            Inet6Attribute::Flags(Inet6IfFlags::READY),
            Inet6Attribute::Token("::1".parse().unwrap()),
        ]))],
    });
    let inet6 = parse(&bytes);
    assert_typed(&inet6);
    bytes[0] = 0;
    // In AF_UNSPEC messages IFLA_PROTINFO has no defined meaning: kept raw.
    let unspec = parse(&bytes);
    assert!(matches!(unspec.attributes[0], LinkAttribute::Other(_)));
    assert_eq!(emit(&unspec), bytes);
}

#[test]
fn builder_puts_the_peer_where_the_kind_expects_it() {
    let netkit = LinkMessage::builder()
        .name("nk0")
        .kind(InfoKind::Netkit)
        .peer(|peer| peer.name("nk0p"))
        .build()
        .unwrap();
    let Some(InfoData::Netkit(data)) = netkit.info_data() else {
        panic!("{netkit:#?}");
    };
    let InfoNetkit::PeerInfo(NetkitPeer(peer)) = &data[0] else {
        panic!("{data:?}");
    };
    assert_eq!(peer.name(), Some("nk0p"));
    assert_eq!(parse(&emit(&netkit)), netkit);

    let veth = LinkMessage::builder().veth("v0", "v0p").build().unwrap();
    let Some(InfoData::Veth(data)) = veth.info_data() else {
        panic!("{veth:#?}");
    };
    let InfoVeth::Peer(peer) = &data[0] else {
        panic!("{data:?}");
    };
    assert_eq!(peer.name(), Some("v0p"));
    // The peer is sent without NLA_F_NESTED, as iproute2 does.
    let bytes = emit(&veth);
    let peer_at = bytes
        .windows(4)
        .position(|window| window[2..] == [1, 0] && window[..2] == [(4 + 16 + 8) as u8, 0])
        .expect("VETH_INFO_PEER attribute");
    assert_eq!(bytes[peer_at + 3] & 0x80, 0);
    assert_eq!(parse(&bytes), veth);
}
