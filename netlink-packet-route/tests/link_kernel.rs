//! Link requests built with this crate, sent to the running kernel in a
//! private network namespace, and checked with `ip -j -d link`.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::os::fd::AsRawFd;

use netlink_packet_core::{
    DatagramMessages, Emitable, ErrorMessage, NetlinkFlags, NetlinkHeader, NetlinkMessage,
    NetlinkPayload,
};
use netlink_packet_route::link::{
    BridgePortAttribute, ExtFilterMask, InfoBridge, InfoData, InfoGeneve, InfoGre, InfoIpTunnel,
    InfoKind, InfoMacSec, InfoVxlan, InfoXfrm, IpVlanMode, LinkAttribute, LinkMessage, MacVlanMode,
    Nested,
};
use netlink_packet_route::RtnlMessage;
use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};
use netlink_test_support::{
    ip_json, kernel_has_link_kind, run_in_netns, skip, skip_unsupported, NamedNetns,
};
use serde_json::Value;

/// A bound `NETLINK_ROUTE` socket of the calling thread's namespace.
struct Rtnl {
    socket: Socket,
    sequence: u32,
    buffer: Vec<u8>,
}

impl Rtnl {
    fn new() -> Self {
        let mut socket = Socket::new(NETLINK_ROUTE).expect("netlink route socket");
        socket.bind_auto().expect("bind");
        socket.set_ext_ack(true).expect("extended ack");
        Rtnl {
            socket,
            sequence: 0,
            buffer: Vec::new(),
        }
    }

    /// Sends one request and collects the replies until ACK, error or DONE.
    /// Every link message received must decode fully typed and re-emit
    /// byte-identically.
    fn request(
        &mut self,
        message: RtnlMessage,
        flags: NetlinkFlags,
    ) -> Result<Vec<LinkMessage>, Box<ErrorMessage>> {
        self.sequence += 1;
        let header = NetlinkHeader {
            flags: flags | NetlinkFlags::REQUEST,
            sequence_number: self.sequence,
            ..NetlinkHeader::default()
        };
        let mut request = NetlinkMessage::new(header, NetlinkPayload::InnerMessage(message));
        request.finalize();
        let mut bytes = vec![0u8; request.buffer_len()];
        request.serialize(&mut bytes);
        self.socket
            .send_to(&bytes, &SocketAddr::new(0, 0), 0)
            .expect("send");
        let mut links = Vec::new();
        loop {
            self.socket.recv_datagram(&mut self.buffer).expect("recv");
            for raw in DatagramMessages::new(&self.buffer) {
                let bytes = raw.expect("datagram framing").message_bytes();
                let decoded = NetlinkMessage::<RtnlMessage>::deserialize(bytes)
                    .unwrap_or_else(|error| panic!("kernel message does not decode: {error}"));
                let mut emitted = vec![0u8; decoded.buffer_len()];
                decoded.emit(&mut emitted);
                assert_eq!(emitted, bytes, "not byte-identical: {decoded:?}");
                if decoded.header.sequence_number != self.sequence {
                    continue;
                }
                match decoded.payload {
                    NetlinkPayload::InnerMessage(RtnlMessage::NewLink(link)) => {
                        assert_fully_typed(&link);
                        links.push(link);
                        if !flags.contains(NetlinkFlags::DUMP) {
                            return Ok(links);
                        }
                    }
                    NetlinkPayload::Ack(_) | NetlinkPayload::Done(_) => return Ok(links),
                    NetlinkPayload::Error(error) => return Err(Box::new(error)),
                    other => panic!("unexpected reply {other:?}"),
                }
            }
        }
    }

    /// `RTM_NEWLINK` with `CREATE | EXCL | ACK`.
    fn create(&mut self, link: LinkMessage) {
        let text = format!("{link:?}");
        let flags = NetlinkFlags::CREATE | NetlinkFlags::EXCL | NetlinkFlags::ACK;
        if let Err(error) = self.request(RtnlMessage::NewLink(link), flags) {
            panic!("kernel refused to create {text}: {error}");
        }
    }

    /// `RTM_SETLINK` with `ACK`.
    fn set(&mut self, link: LinkMessage) {
        let text = format!("{link:?}");
        if let Err(error) = self.request(RtnlMessage::SetLink(link), NetlinkFlags::ACK) {
            panic!("kernel refused to change {text}: {error}");
        }
    }

    /// `RTM_GETLINK` of one link by name.
    fn get(&mut self, name: &str) -> LinkMessage {
        let request = LinkMessage::builder()
            .name(name)
            .ext_mask(ExtFilterMask::VF)
            .build()
            .unwrap();
        let mut links = self
            .request(RtnlMessage::GetLink(request), NetlinkFlags::empty())
            .unwrap_or_else(|error| panic!("get {name}: {error}"));
        assert_eq!(links.len(), 1);
        links.remove(0)
    }

    /// `RTM_GETLINK` dump.
    fn dump(&mut self) -> Vec<LinkMessage> {
        let request = LinkMessage::builder()
            .ext_mask(ExtFilterMask::VF)
            .build()
            .unwrap();
        self.request(RtnlMessage::GetLink(request), NetlinkFlags::DUMP)
            .expect("dump")
    }

    /// `RTM_DELLINK` by index.
    fn delete(&mut self, index: u32) {
        let request = LinkMessage::builder().index(index).build().unwrap();
        self.request(RtnlMessage::DelLink(request), NetlinkFlags::ACK)
            .expect("delete");
    }
}

/// Panics if any attribute, at any depth, is a raw catch-all or malformed.
fn assert_fully_typed(link: &LinkMessage) {
    let text = format!("{link:?}");
    assert!(
        !text.contains("Other(RawNla") && !text.contains("Malformed("),
        "link has untyped attributes: {link:#?}"
    );
}

fn show(name: &str) -> Value {
    ip_json(&["-d", "link", "show", "dev", name])[0].clone()
}

fn has_flag(link: &Value, flag: &str) -> bool {
    link["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|value| value == flag)
}

#[test]
fn creates_veth_pair_with_configured_peer() {
    run_in_netns("creates_veth_pair_with_configured_peer", || {
        let mut rtnl = Rtnl::new();
        rtnl.create(
            LinkMessage::builder()
                .veth("lv0", "lv0p")
                .mtu(1400)
                .address([0x02, 0xfa, 0xbe, 0xef, 0x00, 0x01])
                .peer(|peer| {
                    peer.mtu(1300)
                        .address([0x02, 0xfa, 0xbe, 0xef, 0x00, 0x02])
                        .txqlen(77)
                })
                .build()
                .unwrap(),
        );
        let lv0 = show("lv0");
        assert_eq!(lv0["linkinfo"]["info_kind"], "veth");
        assert_eq!(lv0["mtu"], 1400);
        assert_eq!(lv0["address"], "02:fa:be:ef:00:01");
        assert_eq!(lv0["link"], "lv0p");
        let lv0p = show("lv0p");
        assert_eq!(lv0p["mtu"], 1300);
        assert_eq!(lv0p["address"], "02:fa:be:ef:00:02");
        assert_eq!(lv0p["txqlen"], 77);

        let decoded = rtnl.get("lv0");
        assert_eq!(decoded.kind(), Some(&InfoKind::Veth));
        assert_eq!(decoded.mtu(), Some(1400));
        assert_eq!(decoded.link(), Some(rtnl.get("lv0p").index()));
    });
}

#[test]
fn creates_veth_peer_in_another_namespace() {
    run_in_netns("creates_veth_peer_in_another_namespace", || {
        let other = match NamedNetns::create("lk") {
            Ok(other) => other,
            Err(reason) => return skip(&format!("no named namespace: {reason}")),
        };
        let fd = std::fs::File::open(other.path()).expect("open namespace");
        let mut rtnl = Rtnl::new();
        rtnl.create(
            LinkMessage::builder()
                .veth("lv1", "lv1p")
                .peer(|peer| peer.netns_fd(fd.as_raw_fd() as u32).mtu(1280))
                .build()
                .unwrap(),
        );
        let here = show("lv1");
        assert!(here.get("link_netnsid").is_some(), "{here}");
        let there: Value =
            serde_json::from_str(&other.ip(&["-j", "link", "show", "dev", "lv1p"])).unwrap();
        assert_eq!(there[0]["mtu"], 1280);
        let decoded = rtnl.get("lv1");
        assert!(decoded
            .attributes
            .iter()
            .any(|attribute| matches!(attribute, LinkAttribute::LinkNetNsId(_))));
    });
}

#[test]
fn bridges_ports_and_changes() {
    run_in_netns("bridges_ports_and_changes", || {
        let mut rtnl = Rtnl::new();
        rtnl.create(
            LinkMessage::builder()
                .bridge_with(
                    "lbr0",
                    vec![
                        InfoBridge::Priority(0x1234),
                        InfoBridge::AgeingTime(12_300),
                        InfoBridge::HelloTime(300),
                        InfoBridge::MulticastSnooping(0),
                    ],
                )
                .up()
                .build()
                .unwrap(),
        );
        // The alias is not applied at creation: set it afterwards.
        let bridge_index = rtnl.get("lbr0").index();
        rtnl.set(
            LinkMessage::builder()
                .index(bridge_index)
                .alias("link test bridge")
                .build()
                .unwrap(),
        );
        let bridge = show("lbr0");
        assert_eq!(bridge["linkinfo"]["info_kind"], "bridge");
        assert_eq!(bridge["linkinfo"]["info_data"]["priority"], 0x1234);
        assert_eq!(bridge["linkinfo"]["info_data"]["ageing_time"], 12_300);
        assert_eq!(bridge["linkinfo"]["info_data"]["hello_time"], 300);
        assert_eq!(bridge["linkinfo"]["info_data"]["mcast_snooping"], 0);
        assert_eq!(bridge["ifalias"], "link test bridge");
        assert!(has_flag(&bridge, "UP"));

        rtnl.create(LinkMessage::builder().veth("lv2", "lv2p").build().unwrap());
        let port_index = rtnl.get("lv2").index();
        // ip link set dev lv2 master lbr0 mtu 1450 name lv2-port up
        rtnl.set(
            LinkMessage::builder()
                .index(port_index)
                .master(bridge_index)
                .mtu(1450)
                .name("lv2-port")
                .up()
                .build()
                .unwrap(),
        );
        let port = show("lv2-port");
        assert_eq!(port["master"], "lbr0");
        assert_eq!(port["mtu"], 1450);
        assert!(has_flag(&port, "UP"));
        assert_eq!(port["linkinfo"]["info_slave_kind"], "bridge");

        // bridge link set dev lv2-port cost 33 (AF_BRIDGE, IFLA_PROTINFO)
        rtnl.set(
            LinkMessage::builder()
                .family(7)
                .index(port_index)
                .attribute(LinkAttribute::ProtoInfoBridge(Nested::new(vec![
                    BridgePortAttribute::Cost(33),
                    BridgePortAttribute::Learning(0),
                ])))
                .build()
                .unwrap(),
        );
        let port = show("lv2-port");
        assert_eq!(port["linkinfo"]["info_slave_data"]["cost"], 33);
        assert_eq!(port["linkinfo"]["info_slave_data"]["learning"], false);
        let decoded = rtnl.get("lv2-port");
        assert_eq!(decoded.master(), Some(bridge_index));
        assert_eq!(decoded.slave_kind(), Some(&InfoKind::Bridge));

        // down, nomaster
        rtnl.set(
            LinkMessage::builder()
                .index(port_index)
                .nomaster()
                .down()
                .build()
                .unwrap(),
        );
        let port = show("lv2-port");
        assert!(port.get("master").is_none(), "{port}");
        assert!(!has_flag(&port, "UP"));

        rtnl.delete(port_index);
        assert!(netlink_test_support::try_ip(&["link", "show", "dev", "lv2-port"]).is_err());
    });
}

#[test]
fn creates_macvlan_and_ifb() {
    run_in_netns("creates_macvlan_and_ifb", || {
        let mut rtnl = Rtnl::new();
        rtnl.create(LinkMessage::builder().veth("lv3", "lv3p").build().unwrap());
        let parent = rtnl.get("lv3").index();
        rtnl.create(
            LinkMessage::builder()
                .macvlan("lmv0", parent, MacVlanMode::Private)
                .build()
                .unwrap(),
        );
        rtnl.create(
            LinkMessage::builder()
                .macvlan("lmv1", parent, MacVlanMode::Bridge)
                .build()
                .unwrap(),
        );
        let mv0 = show("lmv0");
        assert_eq!(mv0["linkinfo"]["info_kind"], "macvlan");
        assert_eq!(mv0["linkinfo"]["info_data"]["mode"], "private");
        assert_eq!(mv0["link"], "lv3");
        assert_eq!(show("lmv1")["linkinfo"]["info_data"]["mode"], "bridge");
        let decoded = rtnl.get("lmv1");
        assert!(matches!(decoded.info_data(), Some(InfoData::MacVlan(_))));

        rtnl.create(
            LinkMessage::builder()
                .ifb("lifb0")
                .txqlen(64)
                .build()
                .unwrap(),
        );
        let ifb = show("lifb0");
        assert_eq!(ifb["linkinfo"]["info_kind"], "ifb");
        assert_eq!(ifb["txqlen"], 64);
        assert_eq!(rtnl.get("lifb0").kind(), Some(&InfoKind::Ifb));
    });
}

#[test]
fn dump_agrees_with_ip_link() {
    run_in_netns("dump_agrees_with_ip_link", || {
        let mut rtnl = Rtnl::new();
        rtnl.create(LinkMessage::builder().bridge("lbr9").build().unwrap());
        let bridge = rtnl.get("lbr9").index();
        rtnl.create(
            LinkMessage::builder()
                .veth("lv9", "lv9p")
                .master(bridge)
                .group(7)
                .build()
                .unwrap(),
        );
        rtnl.create(LinkMessage::builder().ifb("lifb9").build().unwrap());
        let links = rtnl.dump();
        let expected = ip_json(&["-d", "link", "show"]);
        let expected = expected.as_array().unwrap();
        assert_eq!(links.len(), expected.len());
        for link in &links {
            let name = link.name().unwrap();
            let oracle = expected
                .iter()
                .find(|entry| entry["ifname"] == name)
                .unwrap_or_else(|| panic!("{name} not listed by ip"));
            assert_eq!(oracle["ifindex"], link.index(), "{name}");
            assert_eq!(oracle["mtu"], link.mtu().unwrap(), "{name}");
            assert_eq!(
                oracle["linkinfo"]["info_kind"].as_str(),
                link.kind().map(InfoKind::as_str),
                "{name}"
            );
            assert_eq!(
                oracle["operstate"].as_str(),
                link.operstate().and_then(|state| state.name()),
                "{name}"
            );
        }
        let lv9 = links
            .iter()
            .find(|link| link.name() == Some("lv9"))
            .unwrap();
        assert_eq!(lv9.master(), Some(bridge));
        assert!(lv9.attributes.contains(&LinkAttribute::Group(7)));
    });
}

#[test]
fn creates_optional_kinds_when_the_kernel_has_them() {
    run_in_netns("creates_optional_kinds_when_the_kernel_has_them", || {
        let mut rtnl = Rtnl::new();
        rtnl.create(LinkMessage::builder().veth("lv8", "lv8p").build().unwrap());
        let parent = rtnl.get("lv8").index();
        let candidates: Vec<(&str, LinkMessage)> = vec![
            (
                "dummy",
                LinkMessage::builder().dummy("ldummy0").build().unwrap(),
            ),
            (
                "vlan",
                LinkMessage::builder()
                    .vlan("lvlan0", parent, 42)
                    .build()
                    .unwrap(),
            ),
            (
                "vxlan",
                LinkMessage::builder()
                    .vxlan(
                        "lvx0",
                        4242,
                        vec![InfoVxlan::Port(4789), InfoVxlan::Link(parent)],
                    )
                    .build()
                    .unwrap(),
            ),
            (
                "ipvlan",
                LinkMessage::builder()
                    .ipvlan("lipv0", parent, IpVlanMode::L3)
                    .build()
                    .unwrap(),
            ),
            (
                "macvtap",
                LinkMessage::builder()
                    .macvtap("lmvt0", parent, MacVlanMode::Vepa)
                    .build()
                    .unwrap(),
            ),
            (
                "vrf",
                LinkMessage::builder().vrf("lvrf0", 1001).build().unwrap(),
            ),
            (
                "bond",
                LinkMessage::builder()
                    .bond("lbond0", 1, vec![])
                    .build()
                    .unwrap(),
            ),
            (
                "wireguard",
                LinkMessage::builder().wireguard("lwg0").build().unwrap(),
            ),
            (
                "geneve",
                LinkMessage::builder()
                    .name("lgnv0")
                    .kind(InfoKind::Geneve)
                    .info_data(InfoData::Geneve(Nested::new(vec![
                        InfoGeneve::Id(77),
                        InfoGeneve::Remote(Ipv4Addr::new(192, 0, 2, 7)),
                    ])))
                    .build()
                    .unwrap(),
            ),
            (
                "gretap",
                LinkMessage::builder()
                    .name("lgtap0")
                    .kind(InfoKind::GreTap)
                    .info_data(InfoData::Gre(Nested::new(vec![
                        InfoGre::Local(Ipv4Addr::new(192, 0, 2, 1).into()),
                        InfoGre::Remote(Ipv4Addr::new(192, 0, 2, 2).into()),
                        InfoGre::Ttl(17),
                    ])))
                    .build()
                    .unwrap(),
            ),
            (
                "ip6gre",
                LinkMessage::builder()
                    .name("lg6re0")
                    .kind(InfoKind::Ip6Gre)
                    .info_data(InfoData::Gre(Nested::new(vec![InfoGre::Remote(
                        "2001:db8::2".parse::<Ipv6Addr>().unwrap().into(),
                    )])))
                    .build()
                    .unwrap(),
            ),
            (
                "ipip",
                LinkMessage::builder()
                    .name("lipip0")
                    .kind(InfoKind::IpIp)
                    .info_data(InfoData::IpTunnel(Nested::new(vec![
                        InfoIpTunnel::Remote(Ipv4Addr::new(192, 0, 2, 9).into()),
                        InfoIpTunnel::Ttl(9),
                    ])))
                    .build()
                    .unwrap(),
            ),
            (
                "sit",
                LinkMessage::builder()
                    .name("lsit0")
                    .kind(InfoKind::Sit)
                    .info_data(InfoData::IpTunnel(Nested::new(vec![InfoIpTunnel::Remote(
                        Ipv4Addr::new(192, 0, 2, 10).into(),
                    )])))
                    .build()
                    .unwrap(),
            ),
            (
                "ip6tnl",
                LinkMessage::builder()
                    .name("lip6t0")
                    .kind(InfoKind::Ip6Tnl)
                    .info_data(InfoData::IpTunnel(Nested::new(vec![InfoIpTunnel::Remote(
                        "2001:db8::9".parse::<Ipv6Addr>().unwrap().into(),
                    )])))
                    .build()
                    .unwrap(),
            ),
            (
                "xfrm",
                LinkMessage::builder()
                    .name("lxfrm0")
                    .kind(InfoKind::Xfrm)
                    .info_data(InfoData::Xfrm(Nested::new(vec![
                        InfoXfrm::Link(parent),
                        InfoXfrm::IfId(5),
                    ])))
                    .build()
                    .unwrap(),
            ),
            (
                "macsec",
                LinkMessage::builder()
                    .name("lmsec0")
                    .link(parent)
                    .kind(InfoKind::MacSec)
                    .info_data(InfoData::MacSec(Nested::new(vec![InfoMacSec::Port(11)])))
                    .build()
                    .unwrap(),
            ),
            (
                "netkit",
                LinkMessage::builder()
                    .name("lnk0")
                    .kind(InfoKind::Netkit)
                    .build()
                    .unwrap(),
            ),
        ];
        for (kind, request) in candidates {
            let needs_parent = ["ipvlan", "macvtap", "macsec", "xfrm"].contains(&kind);
            if !needs_parent && !kernel_has_link_kind(kind) {
                skip_unsupported(&format!("link kind {kind}"), "not available");
                continue;
            }
            let name = request.name().unwrap().to_owned();
            let flags = NetlinkFlags::CREATE | NetlinkFlags::EXCL | NetlinkFlags::ACK;
            match rtnl.request(RtnlMessage::NewLink(request), flags) {
                Ok(_) => {}
                Err(error) if error.errno() == libc::EOPNOTSUPP => {
                    skip_unsupported(&format!("link kind {kind}"), &error.to_string());
                    continue;
                }
                Err(error) => panic!("kernel refused {kind}: {error}"),
            }
            let shown = show(&name);
            assert_eq!(shown["linkinfo"]["info_kind"], kind);
            let decoded = rtnl.get(&name);
            assert_eq!(decoded.kind().map(InfoKind::as_str), Some(kind));
        }
    });
}

#[test]
fn adds_alternative_names_and_selects_by_them() {
    run_in_netns("adds_alternative_names_and_selects_by_them", || {
        let mut rtnl = Rtnl::new();
        rtnl.create(LinkMessage::builder().veth("lv7", "lv7p").build().unwrap());
        let index = rtnl.get("lv7").index();
        // ip link property add dev lv7 altname lv7-uplink-primary altname lv7-b
        let request = LinkMessage::builder()
            .index(index)
            .prop_alt_names(["lv7-uplink-primary", "lv7-b"])
            .build()
            .unwrap();
        rtnl.request(RtnlMessage::NewLinkProperty(request), NetlinkFlags::ACK)
            .unwrap_or_else(|error| panic!("altname add: {error}"));
        let shown = show("lv7");
        assert_eq!(
            shown["altnames"],
            serde_json::json!(["lv7-uplink-primary", "lv7-b"])
        );

        // ip link show altname lv7-uplink-primary
        let request = LinkMessage::builder()
            .alt_name("lv7-uplink-primary")
            .build()
            .unwrap();
        let found = rtnl
            .request(RtnlMessage::GetLink(request), NetlinkFlags::empty())
            .unwrap_or_else(|error| panic!("get by altname: {error}"));
        assert_eq!(found[0].index(), index);
        assert!(found[0]
            .alt_names()
            .eq(["lv7-uplink-primary", "lv7-b"].into_iter()));

        // ip link property del dev lv7 altname lv7-b
        let request = LinkMessage::builder()
            .index(index)
            .prop_alt_names(["lv7-b"])
            .build()
            .unwrap();
        rtnl.request(RtnlMessage::DelLinkProperty(request), NetlinkFlags::ACK)
            .unwrap_or_else(|error| panic!("altname del: {error}"));
        assert_eq!(
            show("lv7")["altnames"],
            serde_json::json!(["lv7-uplink-primary"])
        );

        // An unknown name is refused with the kernel's error.
        let request = LinkMessage::builder().name("lv-missing").build().unwrap();
        let error = rtnl
            .request(RtnlMessage::GetLink(request), NetlinkFlags::empty())
            .unwrap_err();
        assert_eq!(error.errno(), libc::ENODEV);
    });
}
