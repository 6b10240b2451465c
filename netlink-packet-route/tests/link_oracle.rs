//! The decoded link dump agrees with what iproute2 (`ip -j -d link show`)
//! printed for the same state.

use std::collections::{BTreeMap, BTreeSet};

use netlink_packet_core::Parseable;
use netlink_packet_route::link::{
    AddrGenMode, AfSpecAttribute, BridgeId, BridgePortAttribute, Inet6Attribute, InfoBridge,
    InfoData, InfoMacVlan, InfoSlaveData, LinkAttribute, LinkFlags, LinkLayerType, LinkMessage,
    LinkMessageBuffer, MacVlanMode,
};
use netlink_test_support::fixtures;
use serde_json::Value;

/// Picks one numeric attribute of a link.
type NumberPicker = fn(&LinkAttribute) -> Option<u64>;

fn dump() -> Vec<LinkMessage> {
    let entry = fixtures::entry("rtnl_getlink_dump");
    let mut links = Vec::new();
    let mut rest = &entry.response[..];
    while rest.len() >= 16 {
        let length = u32::from_ne_bytes(rest[..4].try_into().unwrap()) as usize;
        let kind = u16::from_ne_bytes(rest[4..6].try_into().unwrap());
        if kind == 16 {
            let buffer = LinkMessageBuffer::new_checked(&rest[16..length]).unwrap();
            links.push(LinkMessage::parse(&buffer).unwrap());
        }
        rest = &rest[length.next_multiple_of(4).min(rest.len())..];
    }
    links
}

fn find<T>(link: &LinkMessage, pick: impl Fn(&LinkAttribute) -> Option<T>) -> Option<T> {
    link.attributes.iter().find_map(pick)
}

/// The flag names iproute2 prints (`print_link_flags`).
fn flag_names(flags: LinkFlags) -> BTreeSet<String> {
    let names = [
        (LinkFlags::LOOPBACK, "LOOPBACK"),
        (LinkFlags::BROADCAST, "BROADCAST"),
        (LinkFlags::POINTOPOINT, "POINTOPOINT"),
        (LinkFlags::MULTICAST, "MULTICAST"),
        (LinkFlags::NOARP, "NOARP"),
        (LinkFlags::ALLMULTI, "ALLMULTI"),
        (LinkFlags::PROMISC, "PROMISC"),
        (LinkFlags::MASTER, "MASTER"),
        (LinkFlags::SLAVE, "SLAVE"),
        (LinkFlags::DEBUG, "DEBUG"),
        (LinkFlags::DYNAMIC, "DYNAMIC"),
        (LinkFlags::AUTOMEDIA, "AUTOMEDIA"),
        (LinkFlags::PORTSEL, "PORTSEL"),
        (LinkFlags::NOTRAILERS, "NOTRAILERS"),
        (LinkFlags::UP, "UP"),
        (LinkFlags::LOWER_UP, "LOWER_UP"),
        (LinkFlags::DORMANT, "DORMANT"),
        (LinkFlags::ECHO, "ECHO"),
    ];
    let mut set: BTreeSet<String> = names
        .iter()
        .filter(|(flag, _)| flags.contains(*flag))
        .map(|(_, name)| name.to_string())
        .collect();
    if flags.contains(LinkFlags::UP) && !flags.contains(LinkFlags::LOWER_UP) {
        set.insert("NO-CARRIER".into());
    }
    set
}

/// `ip` prints bridge ids as `%.2x%.2x.%x:%x:%x:%x:%x:%x`.
fn bridge_id(id: &BridgeId) -> String {
    let [a, b, c, d, e, f] = id.address;
    format!("{:04x}.{a:x}:{b:x}:{c:x}:{d:x}:{e:x}:{f:x}", id.priority)
}

fn u64_of(value: &Value) -> u64 {
    value
        .as_u64()
        .unwrap_or_else(|| panic!("not a number: {value}"))
}

fn bool_of(value: &Value) -> u8 {
    u8::from(
        value
            .as_bool()
            .unwrap_or_else(|| panic!("not a bool: {value}")),
    )
}

fn check_bridge(name: &str, data: &[InfoBridge], expected: &Value) {
    let mut checked = 0;
    for attribute in data {
        let (key, actual) = match attribute {
            InfoBridge::ForwardDelay(v) => ("forward_delay", u64::from(*v)),
            InfoBridge::HelloTime(v) => ("hello_time", u64::from(*v)),
            InfoBridge::MaxAge(v) => ("max_age", u64::from(*v)),
            InfoBridge::AgeingTime(v) => ("ageing_time", u64::from(*v)),
            InfoBridge::StpState(v) => ("stp_state", u64::from(*v)),
            InfoBridge::Priority(v) => ("priority", u64::from(*v)),
            InfoBridge::VlanFiltering(v) => ("vlan_filtering", u64::from(*v)),
            InfoBridge::RootPort(v) => ("root_port", u64::from(*v)),
            InfoBridge::RootPathCost(v) => ("root_path_cost", u64::from(*v)),
            InfoBridge::TopologyChange(v) => ("topology_change", u64::from(*v)),
            InfoBridge::TopologyChangeDetected(v) => ("topology_change_detected", u64::from(*v)),
            InfoBridge::MulticastSnooping(v) => ("mcast_snooping", u64::from(*v)),
            InfoBridge::MulticastRouter(v) => ("mcast_router", u64::from(*v)),
            InfoBridge::MulticastQueryUseIfaddr(v) => ("mcast_query_use_ifaddr", u64::from(*v)),
            InfoBridge::MulticastQuerier(v) => ("mcast_querier", u64::from(*v)),
            InfoBridge::MulticastHashElasticity(v) => ("mcast_hash_elasticity", u64::from(*v)),
            InfoBridge::MulticastHashMax(v) => ("mcast_hash_max", u64::from(*v)),
            InfoBridge::MulticastLastMemberCount(v) => ("mcast_last_member_cnt", u64::from(*v)),
            InfoBridge::MulticastStartupQueryCount(v) => ("mcast_startup_query_cnt", u64::from(*v)),
            InfoBridge::MulticastLastMemberInterval(v) => ("mcast_last_member_intvl", *v),
            InfoBridge::MulticastMembershipInterval(v) => ("mcast_membership_intvl", *v),
            InfoBridge::MulticastQuerierInterval(v) => ("mcast_querier_intvl", *v),
            InfoBridge::MulticastQueryInterval(v) => ("mcast_query_intvl", *v),
            InfoBridge::MulticastQueryResponseInterval(v) => ("mcast_query_response_intvl", *v),
            InfoBridge::MulticastStartupQueryInterval(v) => ("mcast_startup_query_intvl", *v),
            InfoBridge::MulticastStatsEnabled(v) => ("mcast_stats_enabled", u64::from(*v)),
            InfoBridge::MulticastIgmpVersion(v) => ("mcast_igmp_version", u64::from(*v)),
            InfoBridge::MulticastMldVersion(v) => ("mcast_mld_version", u64::from(*v)),
            InfoBridge::NfCallIptables(v) => ("nf_call_iptables", u64::from(*v)),
            InfoBridge::NfCallIp6tables(v) => ("nf_call_ip6tables", u64::from(*v)),
            InfoBridge::NfCallArptables(v) => ("nf_call_arptables", u64::from(*v)),
            InfoBridge::GroupFwdMask(v) => {
                assert_eq!(expected["group_fwd_mask"], format!("{v:x}"), "{name}");
                checked += 1;
                continue;
            }
            InfoBridge::BridgeId(id) => {
                assert_eq!(expected["bridge_id"], bridge_id(id), "{name}");
                checked += 1;
                continue;
            }
            InfoBridge::RootId(id) => {
                assert_eq!(expected["root_id"], bridge_id(id), "{name}");
                checked += 1;
                continue;
            }
            InfoBridge::GroupAddr(mac) => {
                let text = mac.map(|byte| format!("{byte:02x}")).join(":");
                assert_eq!(expected["group_addr"], text, "{name}");
                checked += 1;
                continue;
            }
            InfoBridge::MultiBoolOpt(options) => {
                assert_eq!(
                    u64_of(&expected["no_linklocal_learn"]),
                    u64::from(options.optval & 1),
                    "{name}"
                );
                assert_eq!(
                    u64_of(&expected["mcast_vlan_snooping"]),
                    u64::from(options.optval >> 1 & 1),
                    "{name}"
                );
                checked += 1;
                continue;
            }
            _ => continue,
        };
        assert_eq!(u64_of(&expected[key]), actual, "{name} {key}");
        checked += 1;
    }
    assert!(
        checked >= 35,
        "{name}: only {checked} bridge values compared"
    );
}

fn check_bridge_port(name: &str, data: &[BridgePortAttribute], expected: &Value) {
    let mut checked = 0;
    for attribute in data {
        let (key, actual) = match attribute {
            BridgePortAttribute::State(state) => {
                let text = match u8::from(*state) {
                    0 => "disabled",
                    1 => "listening",
                    2 => "learning",
                    3 => "forwarding",
                    4 => "blocking",
                    other => panic!("state {other}"),
                };
                assert_eq!(expected["state"], text, "{name}");
                checked += 1;
                continue;
            }
            BridgePortAttribute::Priority(v) => {
                assert_eq!(u64_of(&expected["priority"]), u64::from(*v), "{name}");
                checked += 1;
                continue;
            }
            BridgePortAttribute::Cost(v) => {
                assert_eq!(u64_of(&expected["cost"]), u64::from(*v), "{name}");
                checked += 1;
                continue;
            }
            BridgePortAttribute::DesignatedPort(v) => {
                assert_eq!(
                    u64_of(&expected["designated_port"]),
                    u64::from(*v),
                    "{name}"
                );
                checked += 1;
                continue;
            }
            BridgePortAttribute::DesignatedCost(v) => {
                assert_eq!(
                    u64_of(&expected["designated_cost"]),
                    u64::from(*v),
                    "{name}"
                );
                checked += 1;
                continue;
            }
            BridgePortAttribute::Id(v) => {
                assert_eq!(expected["id"], format!("{v:#x}"), "{name}");
                checked += 1;
                continue;
            }
            BridgePortAttribute::No(v) => {
                assert_eq!(expected["no"], format!("{v:#x}"), "{name}");
                checked += 1;
                continue;
            }
            BridgePortAttribute::BridgeId(id) => {
                assert_eq!(expected["bridge_id"], bridge_id(id), "{name}");
                checked += 1;
                continue;
            }
            BridgePortAttribute::RootId(id) => {
                assert_eq!(expected["root_id"], bridge_id(id), "{name}");
                checked += 1;
                continue;
            }
            BridgePortAttribute::GroupFwdMask(v) => {
                assert_eq!(expected["group_fwd_mask"], format!("{v:x}"), "{name}");
                checked += 1;
                continue;
            }
            BridgePortAttribute::MulticastRouter(v) => {
                assert_eq!(
                    u64_of(&expected["multicast_router"]),
                    u64::from(*v),
                    "{name}"
                );
                checked += 1;
                continue;
            }
            BridgePortAttribute::TopologyChangeAck(v) => {
                assert_eq!(
                    u64_of(&expected["topology_change_ack"]),
                    u64::from(*v),
                    "{name}"
                );
                checked += 1;
                continue;
            }
            BridgePortAttribute::ConfigPending(v) => {
                assert_eq!(u64_of(&expected["config_pending"]), u64::from(*v), "{name}");
                checked += 1;
                continue;
            }
            BridgePortAttribute::Mode(v) => ("hairpin", *v),
            BridgePortAttribute::Guard(v) => ("guard", *v),
            BridgePortAttribute::Protect(v) => ("root_block", *v),
            BridgePortAttribute::FastLeave(v) => ("fastleave", *v),
            BridgePortAttribute::Learning(v) => ("learning", *v),
            BridgePortAttribute::UnicastFlood(v) => ("flood", *v),
            BridgePortAttribute::ProxyArp(v) => ("proxy_arp", *v),
            BridgePortAttribute::ProxyArpWifi(v) => ("proxy_arp_wifi", *v),
            BridgePortAttribute::MulticastFlood(v) => ("mcast_flood", *v),
            BridgePortAttribute::BroadcastFlood(v) => ("bcast_flood", *v),
            BridgePortAttribute::MulticastToUnicast(v) => ("mcast_to_unicast", *v),
            BridgePortAttribute::NeighSuppress(v) => ("neigh_suppress", *v),
            BridgePortAttribute::VlanTunnel(v) => ("vlan_tunnel", *v),
            BridgePortAttribute::Isolated(v) => ("isolated", *v),
            BridgePortAttribute::Locked(v) => ("locked", *v),
            _ => continue,
        };
        assert_eq!(bool_of(&expected[key]), actual, "{name} {key}");
        checked += 1;
    }
    assert!(
        checked >= 28,
        "{name}: only {checked} bridge port values compared"
    );
}

#[test]
fn link_dump_matches_ip_link_show() {
    let links = dump();
    let oracle = fixtures::oracle("ip_link");
    let oracle = oracle.as_array().unwrap();
    assert_eq!(links.len(), oracle.len());
    let names: BTreeMap<u32, &str> = links
        .iter()
        .map(|link| (link.header.index, link.name().unwrap()))
        .collect();

    for expected in oracle {
        let name = expected["ifname"].as_str().unwrap();
        let link = links.iter().find(|link| link.name() == Some(name)).unwrap();
        assert_eq!(
            u64::from(link.header.index),
            u64_of(&expected["ifindex"]),
            "{name}"
        );
        assert_eq!(
            u64::from(link.mtu().unwrap()),
            u64_of(&expected["mtu"]),
            "{name}"
        );
        let expected_flags: BTreeSet<String> = expected["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|flag| flag.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(flag_names(link.header.flags), expected_flags, "{name}");
        assert_eq!(
            link.operstate().unwrap().name().unwrap(),
            expected["operstate"],
            "{name}"
        );
        let link_mode = find(link, |a| match a {
            LinkAttribute::LinkMode(mode) => Some(*mode),
            _ => None,
        });
        assert_eq!(
            link_mode.unwrap().name().unwrap(),
            expected["linkmode"],
            "{name}"
        );
        let link_type = match link.header.link_layer_type {
            LinkLayerType::Ether => "ether",
            LinkLayerType::Loopback => "loopback",
            other => panic!("{name}: unexpected link type {other:?}"),
        };
        assert_eq!(link_type, expected["link_type"], "{name}");
        assert_eq!(
            link.address().unwrap().to_string(),
            expected["address"],
            "{name}"
        );
        let broadcast = find(link, |a| match a {
            LinkAttribute::Broadcast(address) => Some(address.to_string()),
            _ => None,
        });
        assert_eq!(broadcast.unwrap(), expected["broadcast"], "{name}");
        let qdisc = find(link, |a| match a {
            LinkAttribute::Qdisc(qdisc) => Some(qdisc.to_string()),
            _ => None,
        });
        assert_eq!(qdisc.unwrap(), expected["qdisc"], "{name}");

        let numbers: [(&str, NumberPicker); 12] = [
            ("txqlen", |a| match a {
                LinkAttribute::TxQueueLen(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("min_mtu", |a| match a {
                LinkAttribute::MinMtu(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("max_mtu", |a| match a {
                LinkAttribute::MaxMtu(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("promiscuity", |a| match a {
                LinkAttribute::Promiscuity(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("allmulti", |a| match a {
                LinkAttribute::AllMulti(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("num_tx_queues", |a| match a {
                LinkAttribute::NumTxQueues(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("num_rx_queues", |a| match a {
                LinkAttribute::NumRxQueues(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("gso_max_size", |a| match a {
                LinkAttribute::GsoMaxSize(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("gso_max_segs", |a| match a {
                LinkAttribute::GsoMaxSegs(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("tso_max_size", |a| match a {
                LinkAttribute::TsoMaxSize(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("tso_max_segs", |a| match a {
                LinkAttribute::TsoMaxSegs(v) => Some(u64::from(*v)),
                _ => None,
            }),
            ("gro_max_size", |a| match a {
                LinkAttribute::GroMaxSize(v) => Some(u64::from(*v)),
                _ => None,
            }),
        ];
        for (key, pick) in numbers {
            assert_eq!(
                link.attributes.iter().find_map(pick),
                Some(u64_of(&expected[key])),
                "{name} {key}"
            );
        }

        let group = find(link, |a| match a {
            LinkAttribute::Group(group) => Some(*group),
            _ => None,
        })
        .unwrap();
        let expected_group = match expected["group"].as_str().unwrap() {
            "default" => 0,
            other => other.parse().unwrap(),
        };
        assert_eq!(group, expected_group, "{name}");

        assert_eq!(link.alias(), expected["ifalias"].as_str(), "{name}");
        let altnames: Vec<&str> = link.alt_names().collect();
        let expected_altnames: Vec<&str> = expected["altnames"]
            .as_array()
            .map(|names| names.iter().map(|n| n.as_str().unwrap()).collect())
            .unwrap_or_default();
        assert_eq!(altnames, expected_altnames, "{name}");

        assert_eq!(
            link.master().map(|index| names[&index]),
            expected["master"].as_str(),
            "{name}"
        );
        match (expected.get("link"), expected.get("link_index")) {
            (Some(peer), _) => assert_eq!(names[&link.link().unwrap()], peer, "{name}"),
            (None, Some(index)) => {
                assert_eq!(u64::from(link.link().unwrap()), u64_of(index), "{name}");
                let nsid = find(link, |a| match a {
                    LinkAttribute::LinkNetNsId(nsid) => Some(*nsid),
                    _ => None,
                });
                assert_eq!(
                    nsid.map(i64::from),
                    expected["link_netnsid"].as_i64(),
                    "{name}"
                );
            }
            (None, None) => {
                assert!(link.link().is_none_or(|l| l == link.header.index), "{name}")
            }
        }

        let gen_mode = find(link, |a| match a {
            LinkAttribute::AfSpec(spec) => spec.iter().find_map(|family| match family {
                AfSpecAttribute::Inet6(attributes) => {
                    attributes.iter().find_map(|attribute| match attribute {
                        Inet6Attribute::AddrGenMode(mode) => Some(*mode),
                        _ => None,
                    })
                }
                _ => None,
            }),
            _ => None,
        });
        let gen_mode = match gen_mode.unwrap() {
            AddrGenMode::Eui64 => "eui64",
            AddrGenMode::None => "none",
            AddrGenMode::StablePrivacy => "stable_secret",
            AddrGenMode::Random => "random",
            other => panic!("{other:?}"),
        };
        assert_eq!(gen_mode, expected["inet6_addr_gen_mode"], "{name}");

        let info = &expected["linkinfo"];
        assert_eq!(
            link.kind().map(|kind| kind.as_str()),
            info["info_kind"].as_str(),
            "{name}"
        );
        assert_eq!(
            link.slave_kind().map(|kind| kind.as_str()),
            info["info_slave_kind"].as_str(),
            "{name}"
        );
        match link.info_data() {
            Some(InfoData::Bridge(data)) => check_bridge(name, data, &info["info_data"]),
            Some(InfoData::MacVlan(data)) => {
                let expected = &info["info_data"];
                for attribute in data.iter() {
                    match attribute {
                        InfoMacVlan::Mode(mode) => {
                            let text = match mode {
                                MacVlanMode::Private => "private",
                                MacVlanMode::Vepa => "vepa",
                                MacVlanMode::Bridge => "bridge",
                                MacVlanMode::Passthru => "passthru",
                                MacVlanMode::Source => "source",
                                other => panic!("{other:?}"),
                            };
                            assert_eq!(expected["mode"], text, "{name}");
                        }
                        InfoMacVlan::BcQueueLen(len) => {
                            assert_eq!(u64_of(&expected["bcqueuelen"]), u64::from(*len))
                        }
                        InfoMacVlan::BcQueueLenUsed(len) => {
                            assert_eq!(u64_of(&expected["usedbcqueuelen"]), u64::from(*len))
                        }
                        _ => {}
                    }
                }
            }
            Some(other) => panic!("{name}: unexpected data {other:?}"),
            None => assert!(info.get("info_data").is_none(), "{name}"),
        }
        match link.slave_data() {
            Some(InfoSlaveData::Bridge(data)) => {
                check_bridge_port(name, data, &info["info_slave_data"])
            }
            Some(other) => panic!("{name}: unexpected slave data {other:?}"),
            None => assert!(info.get("info_slave_data").is_none(), "{name}"),
        }
    }
}
