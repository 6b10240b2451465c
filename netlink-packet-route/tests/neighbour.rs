//! Neighbour messages (ARP/NDP entries and bridge FDB entries) against
//! kernel captures, iproute2 and the live kernel.

mod objects_support;

use std::net::IpAddr;

use netlink_packet_core::{NetlinkFlags, Parseable, RawNla};
use netlink_packet_route::common::{AddressFamily, RouteProtocol};
use netlink_packet_route::link::LinkAddress;
use netlink_packet_route::neighbour::{
    FdbExtAttribute, NeighbourAttribute, NeighbourExtFlags, NeighbourFlags, NeighbourHeader,
    NeighbourMessage, NeighbourMessageBuffer, NeighbourState,
};
use netlink_packet_route::{RTM_DELNEIGH, RTM_GETNEIGH, RTM_NEWNEIGH};
use netlink_test_support::{fixtures, ip, ip_json, run_in_netns, try_ip, unique_name};
use objects_support::{
    add_veth, assert_reemits, assert_typed_and_reemitted, fixture_link_names, fixture_replies,
    ifindex, route_fixture_messages, strategies, RouteSocket, VethPair,
};
use proptest::prelude::*;

fn parse(payload: &[u8]) -> NeighbourMessage {
    NeighbourMessage::parse_payload(payload).unwrap()
}

fn is_untyped(attribute: &NeighbourAttribute) -> bool {
    match attribute {
        NeighbourAttribute::Other(_) | NeighbourAttribute::Malformed(_) => true,
        NeighbourAttribute::FdbExtAttributes(list) => list
            .iter()
            .any(|a| matches!(a, FdbExtAttribute::Other(_) | FdbExtAttribute::Malformed(_))),
        _ => false,
    }
}

#[test]
fn every_fixture_neighbour_message_is_typed_and_reemits_identically() {
    let messages = route_fixture_messages(&[RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH]);
    // 6 + 41 + 2 + 59 dumped, 4 dump requests, 1 request, 4 notifications.
    assert!(messages.len() >= 117, "only {} messages", messages.len());
    assert_typed_and_reemitted(&messages, parse, |message| {
        message.attributes.iter().any(is_untyped)
    });
}

const DYNAMIC: NeighbourState = NeighbourState::REACHABLE
    .union(NeighbourState::STALE)
    .union(NeighbourState::DELAY)
    .union(NeighbourState::PROBE);

#[test]
fn ip_neighbours_agree_with_iproute2() {
    let names = fixture_link_names();
    let oracle = fixtures::oracle("ip_neigh");
    let oracle = oracle.as_array().unwrap();
    let mut shown = 0;
    for message in fixture_replies("rtnl_getneigh_dump_v4", &[RTM_NEWNEIGH])
        .into_iter()
        .chain(fixture_replies("rtnl_getneigh_dump_v6", &[RTM_NEWNEIGH]))
    {
        let neighbour = parse(&message.payload);
        // `ip neigh show` hides NOARP (and state-less) entries.
        let state = neighbour.header.state;
        if (state - NeighbourState::NOARP).is_empty() {
            continue;
        }
        shown += 1;
        let destination = neighbour.destination().unwrap().to_string();
        let dev = &names[&u64::from(neighbour.header.ifindex)];
        let json = oracle
            .iter()
            .find(|json| json["dst"] == destination.as_str() && json["dev"] == dev.as_str())
            .unwrap_or_else(|| panic!("{destination} dev {dev} not in ip -j neigh"));
        assert_eq!(
            json["lladdr"].as_str().unwrap(),
            neighbour.link_layer_address().unwrap().to_string()
        );
        let names: Vec<&str> = json["state"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let shown_state = names
            .iter()
            .map(|name| NeighbourState::from_name(name).unwrap())
            .fold(NeighbourState::empty(), |all, one| all | one);
        if state.intersects(DYNAMIC) {
            // Timer-driven states may move between the two captures.
            assert!(shown_state.intersects(DYNAMIC), "{destination}: {names:?}");
        } else {
            assert_eq!(shown_state, state, "{destination}");
            assert_eq!(state.names().collect::<Vec<_>>(), names);
        }
        assert_eq!(
            json.get("router").is_some(),
            neighbour.header.flags.contains(NeighbourFlags::ROUTER),
            "{destination}"
        );
    }
    assert_eq!(shown, oracle.len());
}

#[test]
fn proxy_neighbours_agree_with_iproute2() {
    let names = fixture_link_names();
    let oracle = fixtures::oracle("ip_neigh_proxy");
    let dump = fixture_replies("rtnl_getneigh_dump_proxy", &[RTM_NEWNEIGH]);
    assert_eq!(dump.len(), oracle.as_array().unwrap().len());
    for (message, json) in dump.iter().zip(oracle.as_array().unwrap()) {
        let neighbour = parse(&message.payload);
        assert!(neighbour.header.flags.contains(NeighbourFlags::PROXY));
        assert_eq!(json["dst"], neighbour.destination().unwrap().to_string());
        assert_eq!(
            json["dev"],
            names[&u64::from(neighbour.header.ifindex)].as_str()
        );
        assert!(json.get("proxy").is_some());
    }
}

/// The state word `bridge fdb` prints.
fn fdb_state_name(state: NeighbourState) -> &'static str {
    if state.contains(NeighbourState::PERMANENT) {
        "permanent"
    } else if state.contains(NeighbourState::NOARP) {
        "static"
    } else if state.contains(NeighbourState::STALE) {
        "stale"
    } else {
        ""
    }
}

#[test]
fn fdb_entries_agree_with_bridge_fdb() {
    let names = fixture_link_names();
    let oracle = fixtures::oracle("bridge_fdb");
    let oracle = oracle.as_array().unwrap();
    let dump = fixture_replies("rtnl_getneigh_dump_bridge_fdb", &[RTM_NEWNEIGH]);
    assert_eq!(dump.len(), oracle.len());
    for (message, json) in dump.iter().zip(oracle) {
        let entry = parse(&message.payload);
        assert_eq!(entry.header.family, AddressFamily::Bridge);
        let mac = entry.link_layer_address().unwrap();
        assert_eq!(json["mac"], mac.to_string());
        assert_eq!(
            json["ifname"],
            names[&u64::from(entry.header.ifindex)].as_str()
        );
        let master = entry.attributes.iter().find_map(|a| match a {
            NeighbourAttribute::Master(index) => Some(names[&u64::from(*index)].as_str()),
            _ => None,
        });
        assert_eq!(json["master"].as_str(), master, "{mac}");
        let flags = entry.header.flags;
        let mut expected_flags = Vec::new();
        for (flag, name) in [
            (NeighbourFlags::SELF, "self"),
            (NeighbourFlags::ROUTER, "router"),
            (NeighbourFlags::EXT_LEARNED, "extern_learn"),
            (NeighbourFlags::OFFLOADED, "offload"),
            (NeighbourFlags::MASTER, "master"),
            (NeighbourFlags::STICKY, "sticky"),
        ] {
            if flags.contains(flag) {
                expected_flags.push(name);
            }
        }
        let shown_flags: Vec<&str> = json["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        assert_eq!(shown_flags, expected_flags, "{mac}");
        assert_eq!(json["state"], fdb_state_name(entry.header.state), "{mac}");
    }
}

#[test]
fn malformed_attribute_keeps_the_rest_of_the_message() {
    let attributes = [
        RawNla::new(1, vec![10, 0, 0, 2]),
        // NDA_LLADDR longer than MAX_ADDR_LEN
        RawNla::new(2, vec![0xaa; 40]),
        // NDA_PROBES of 2 bytes
        RawNla::new(4, vec![1, 0]),
        // NDA_FDB_EXT_ATTRS with a bad NFEA_DONT_REFRESH
        RawNla::new(
            14 | 0x8000,
            vec![5, 0, 2, 0, 1, 0, 0, 0, 5, 0, 1, 0, 3, 0, 0, 0],
        ),
    ];
    let payload = strategies::payload(vec![2, 0, 0, 0, 4, 0, 0, 0, 0x80, 0, 0, 1], &attributes);
    let message = parse(&payload);
    assert_eq!(message.header.state, NeighbourState::PERMANENT);
    assert_eq!(message.destination(), Some(IpAddr::from([10, 0, 0, 2])));
    let errors: Vec<String> = message
        .attributes
        .iter()
        .filter_map(|a| match a {
            NeighbourAttribute::Malformed(m) => Some(m.error.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(
        errors,
        [
            "NDA_LLADDR: link-layer address of 40 bytes exceeds 32 bytes",
            "NDA_PROBES: expected 4 bytes, got 2"
        ]
    );
    let NeighbourAttribute::FdbExtAttributes(ext) = &message.attributes[3] else {
        panic!("{:?}", message.attributes[3]);
    };
    assert!(matches!(&ext[0], FdbExtAttribute::Malformed(m)
        if m.error.to_string() == "NFEA_DONT_REFRESH: expected an empty flag attribute, got 1 bytes"));
    assert!(matches!(ext[1], FdbExtAttribute::ActivityNotify(flags) if flags.bits() == 3));
    assert_reemits(&message, &payload, "hand-built message");
}

fn dump_neighbours(socket: &mut RouteSocket, family: AddressFamily) -> Vec<NeighbourMessage> {
    let request = NeighbourMessage::new(NeighbourHeader {
        family,
        ..NeighbourHeader::default()
    });
    socket.dump_parsed(RTM_GETNEIGH, &request, RTM_NEWNEIGH, parse)
}

#[test]
fn kernel_accepts_neighbours_built_here() {
    run_in_netns("kernel_accepts_neighbours_built_here", || {
        let VethPair { name, index, .. } = add_veth("obn", "obq");
        ip(&["link", "set", &name, "up"]);
        let mut socket = RouteSocket::open();
        let create = NetlinkFlags::CREATE | NetlinkFlags::EXCL;
        let mac = LinkAddress::from([0x02, 0x0b, 0, 0, 0, 0x42]);

        // A permanent IPv4 entry with a protocol.
        let v4: IpAddr = "10.88.0.2".parse().unwrap();
        let v4_request = NeighbourMessage::new_ip(index, v4, NeighbourState::PERMANENT)
            .with_attribute(NeighbourAttribute::LinkLayerAddress(mac))
            .with_attribute(NeighbourAttribute::Protocol(RouteProtocol::Static));
        v4_request.validate().unwrap();
        socket.change(RTM_NEWNEIGH, create, &v4_request);

        // An IPv6 router entry.
        let v6: IpAddr = "2001:db8:88::fe".parse().unwrap();
        let mut v6_request = NeighbourMessage::new_ip(index, v6, NeighbourState::REACHABLE)
            .with_attribute(NeighbourAttribute::LinkLayerAddress(mac));
        v6_request.header.flags = NeighbourFlags::ROUTER;
        socket.change(RTM_NEWNEIGH, create, &v6_request);

        // A proxy entry.
        let proxy: IpAddr = "10.88.0.77".parse().unwrap();
        let mut proxy_request = NeighbourMessage::new_ip(index, proxy, NeighbourState::NONE);
        proxy_request.header.flags = NeighbourFlags::PROXY;
        socket.change(RTM_NEWNEIGH, create, &proxy_request);

        // A managed entry (extended flag, no link-layer address).
        let managed: IpAddr = "10.88.0.3".parse().unwrap();
        let managed_request = NeighbourMessage::new_ip(index, managed, NeighbourState::NONE)
            .with_attribute(NeighbourAttribute::ExtFlags(NeighbourExtFlags::MANAGED));
        socket.change(RTM_NEWNEIGH, create, &managed_request);

        let shown = ip_json(&["neigh", "show", "dev", &name]);
        let find = |dst: &str| {
            shown
                .as_array()
                .unwrap()
                .iter()
                .find(|json| json["dst"] == dst)
                .cloned()
                .unwrap_or_else(|| panic!("{dst} not in {shown}"))
        };
        let v4_json = find("10.88.0.2");
        assert_eq!(v4_json["lladdr"], "02:0b:00:00:00:42");
        assert_eq!(v4_json["state"][0], "PERMANENT");
        assert_eq!(v4_json["protocol"], "static");
        let v6_json = find("2001:db8:88::fe");
        assert!(v6_json.get("router").is_some(), "{v6_json}");
        assert!(find("10.88.0.3").get("managed").is_some(), "{shown}");
        let proxies = ip_json(&["neigh", "show", "proxy", "dev", &name]);
        assert_eq!(proxies[0]["dst"], "10.88.0.77");

        let dumped: Vec<NeighbourMessage> = dump_neighbours(&mut socket, AddressFamily::Unspec)
            .into_iter()
            .filter(|n| n.header.ifindex == index)
            .collect();
        let v4_dumped = dumped.iter().find(|n| n.destination() == Some(v4)).unwrap();
        assert_eq!(v4_dumped.header.state, NeighbourState::PERMANENT);
        assert_eq!(v4_dumped.link_layer_address(), Some(mac));
        assert!(v4_dumped
            .attributes
            .contains(&NeighbourAttribute::Protocol(RouteProtocol::Static)));
        assert!(v4_dumped
            .attributes
            .iter()
            .any(|a| matches!(a, NeighbourAttribute::CacheInfo(_))));
        let managed_dumped = dumped
            .iter()
            .find(|n| n.destination() == Some(managed))
            .unwrap();
        assert!(managed_dumped
            .attributes
            .contains(&NeighbourAttribute::ExtFlags(NeighbourExtFlags::MANAGED)));
        let v6_dumped = dumped.iter().find(|n| n.destination() == Some(v6)).unwrap();
        assert!(v6_dumped.header.flags.contains(NeighbourFlags::ROUTER));
        assert!(dumped.iter().all(|n| !n.attributes.iter().any(is_untyped)));

        for request in [&v4_request, &v6_request, &proxy_request, &managed_request] {
            socket.change(RTM_DELNEIGH, NetlinkFlags::empty(), request);
        }
        let left: Vec<_> = dump_neighbours(&mut socket, AddressFamily::Unspec)
            .into_iter()
            .filter(|n| n.header.ifindex == index && n.destination() == Some(v4))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    });
}

#[test]
fn kernel_accepts_fdb_entries_built_here() {
    run_in_netns("kernel_accepts_fdb_entries_built_here", || {
        let bridge = unique_name("obr");
        if let Err(error) = try_ip(&["link", "add", &bridge, "type", "bridge"]) {
            netlink_test_support::skip(&format!("no bridge support: {error}"));
            return;
        }
        let VethPair {
            name: port,
            index: port_index,
            ..
        } = add_veth("obs", "obt");
        ip(&["link", "set", &port, "master", &bridge]);
        let bridge_index = ifindex(&bridge);
        let mut socket = RouteSocket::open();
        let mac = LinkAddress::from([0x02, 0x0b, 0, 0, 0x0f, 0xdb]);

        // `bridge fdb add MAC dev PORT master static sticky`
        let request = NeighbourMessage::new(NeighbourHeader {
            family: AddressFamily::Bridge,
            ifindex: port_index,
            state: NeighbourState::NOARP,
            flags: NeighbourFlags::MASTER | NeighbourFlags::STICKY,
            ..NeighbourHeader::default()
        })
        .with_attribute(NeighbourAttribute::LinkLayerAddress(mac));
        socket.change(
            RTM_NEWNEIGH,
            NetlinkFlags::CREATE | NetlinkFlags::EXCL,
            &request,
        );

        let output = std::process::Command::new("bridge")
            .args(["-j", "fdb", "show", "br", &bridge])
            .output()
            .expect("run bridge");
        let entries: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let entry = entries
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["mac"] == "02:0b:00:00:0f:db")
            .unwrap_or_else(|| panic!("{entries}"));
        assert_eq!(entry["state"], "static");
        assert!(entry["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "sticky"));

        let dumped = dump_neighbours(&mut socket, AddressFamily::Bridge);
        let ours = dumped
            .iter()
            .find(|n| n.link_layer_address() == Some(mac))
            .expect("fdb entry in dump");
        assert_eq!(ours.header.ifindex, port_index);
        assert!(ours.header.flags.contains(NeighbourFlags::STICKY));
        assert!(ours
            .attributes
            .contains(&NeighbourAttribute::Master(bridge_index)));
        assert!(dumped.iter().all(|n| !n.attributes.iter().any(is_untyped)));

        socket.change(RTM_DELNEIGH, NetlinkFlags::empty(), &request);
        assert!(dump_neighbours(&mut socket, AddressFamily::Bridge)
            .iter()
            .all(|n| n.link_layer_address() != Some(mac)));
    });
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(view) = NeighbourMessageBuffer::new_checked(&bytes[..]) {
            let _ = NeighbourMessage::parse(&view);
            let _ = (view.destination(), view.link_layer_address(), view.state());
        }
    }

    #[test]
    fn well_formed_messages_reemit_identically(payload in strategies::message_payload(12, 18)) {
        strategies::check_reemits(&payload, parse)?;
    }
}
