//! Address messages against kernel captures, iproute2 and the live kernel.

mod objects_support;

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_core::{NetlinkFlags, Parseable, RawNla};
use netlink_packet_route::address::{
    AddressAttribute, AddressFlags, AddressHeaderFlags, AddressMessage, AddressMessageBuffer,
    INFINITY_LIFE_TIME,
};
use netlink_packet_route::common::{AddressFamily, RouteScope};
use netlink_packet_route::{RTM_DELADDR, RTM_GETADDR, RTM_NEWADDR};
use netlink_test_support::{fixtures, ip, ip_json, run_in_netns};
use objects_support::{
    add_veth, assert_reemits, assert_typed_and_reemitted, fixture_link_names, fixture_replies,
    route_fixture_messages, strategies, RouteSocket, VethPair,
};
use proptest::prelude::*;

fn parse(payload: &[u8]) -> AddressMessage {
    AddressMessage::parse_payload(payload).unwrap()
}

#[test]
fn every_fixture_address_message_is_typed_and_reemits_identically() {
    let messages = route_fixture_messages(&[RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR]);
    // 35 + 12 dumped, 2 dump requests, 5 requests, 6 notifications, ...
    assert!(messages.len() >= 55, "only {} messages", messages.len());
    assert_typed_and_reemitted(&messages, parse, |message| {
        message.attributes.iter().any(|attribute| {
            matches!(
                attribute,
                AddressAttribute::Other(_) | AddressAttribute::Malformed(_)
            )
        })
    });
}

#[test]
fn lazy_view_agrees_with_owned_message() {
    for message in fixture_replies("rtnl_getaddr_dump", &[RTM_NEWADDR]) {
        let view = AddressMessageBuffer::new_checked(&message.payload[..]).unwrap();
        let owned = AddressMessage::parse(&view).unwrap();
        assert_eq!(view.index(), owned.header.index);
        assert_eq!(view.prefix_len(), owned.header.prefix_len);
        assert_eq!(AddressFamily::from(view.family()), owned.header.family);
        assert_eq!(view.address().unwrap(), owned.address());
        assert_eq!(view.local().unwrap(), owned.local());
        assert_eq!(view.label().unwrap(), owned.label());
        assert_eq!(view.flags().unwrap(), owned.flags());
    }
}

fn scope_name(scope: RouteScope) -> String {
    match scope {
        RouteScope::Universe => "global".into(),
        RouteScope::Site => "site".into(),
        RouteScope::Link => "link".into(),
        RouteScope::Host => "host".into(),
        RouteScope::NoWhere => "nowhere".into(),
        other => u8::from(other).to_string(),
    }
}

/// The flag keys `ip -j address` prints for an address.
fn iproute2_flag_names(family: AddressFamily, flags: AddressFlags) -> Vec<&'static str> {
    let mut names = Vec::new();
    if flags.contains(AddressFlags::SECONDARY) {
        names.push(if family == AddressFamily::Inet6 {
            "temporary"
        } else {
            "secondary"
        });
    }
    let table = [
        (AddressFlags::NODAD, "nodad"),
        (AddressFlags::OPTIMISTIC, "optimistic"),
        (AddressFlags::DADFAILED, "dadfailed"),
        (AddressFlags::HOMEADDRESS, "home"),
        (AddressFlags::DEPRECATED, "deprecated"),
        (AddressFlags::TENTATIVE, "tentative"),
        (AddressFlags::MANAGETEMPADDR, "mngtmpaddr"),
        (AddressFlags::NOPREFIXROUTE, "noprefixroute"),
        (AddressFlags::MCAUTOJOIN, "autojoin"),
        (AddressFlags::STABLE_PRIVACY, "stable-privacy"),
    ];
    names.extend(
        table
            .iter()
            .filter(|(flag, _)| flags.contains(*flag))
            .map(|(_, name)| *name),
    );
    if !flags.contains(AddressFlags::PERMANENT) {
        names.push("dynamic");
    }
    names.sort_unstable();
    names
}

#[test]
fn dump_agrees_with_iproute2() {
    let oracle = fixtures::oracle("ip_addr");
    let mut expected = Vec::new();
    for link in oracle.as_array().unwrap() {
        for address in link["addr_info"].as_array().unwrap() {
            expected.push((link["ifindex"].as_u64().unwrap() as u32, address.clone()));
        }
    }
    let dump = fixture_replies("rtnl_getaddr_dump", &[RTM_NEWADDR]);
    assert_eq!(dump.len(), expected.len());
    let flag_keys = [
        "secondary",
        "temporary",
        "nodad",
        "optimistic",
        "dadfailed",
        "home",
        "deprecated",
        "tentative",
        "mngtmpaddr",
        "noprefixroute",
        "autojoin",
        "stable-privacy",
        "dynamic",
    ];
    for message in &dump {
        let address = parse(&message.payload);
        let local = address.local_or_address().unwrap();
        let (_, json) = expected
            .iter()
            .find(|(index, json)| {
                *index == address.header.index && json["local"] == local.to_string()
            })
            .unwrap_or_else(|| panic!("{local} on {} not in ip -j addr", address.header.index));
        let what = format!("{local}");
        let family = match address.header.family {
            AddressFamily::Inet => "inet",
            AddressFamily::Inet6 => "inet6",
            _ => "other",
        };
        assert_eq!(json["family"], family, "{what}");
        assert_eq!(json["prefixlen"], address.header.prefix_len, "{what}");
        assert_eq!(json["scope"], scope_name(address.header.scope), "{what}");
        assert_eq!(json["label"].as_str(), address.label(), "{what}");
        let broadcast = address.attributes.iter().find_map(|a| match a {
            AddressAttribute::Broadcast(ip) => Some(ip.to_string()),
            _ => None,
        });
        assert_eq!(json["broadcast"].as_str(), broadcast.as_deref(), "{what}");
        // A peer (`address`) is printed when IFA_ADDRESS differs from IFA_LOCAL.
        let peer = match (address.local(), address.address()) {
            (Some(local), Some(peer)) if local != peer => Some(peer.to_string()),
            _ => None,
        };
        assert_eq!(json["address"].as_str(), peer.as_deref(), "{what}");
        let metric = address.attributes.iter().find_map(|a| match a {
            AddressAttribute::RoutePriority(metric) => Some(u64::from(*metric)),
            _ => None,
        });
        assert_eq!(json["metric"].as_u64(), metric, "{what}");
        let mut printed: Vec<&str> = flag_keys
            .iter()
            .copied()
            .filter(|key| json[*key] == true)
            .collect();
        printed.sort_unstable();
        assert_eq!(
            printed,
            iproute2_flag_names(address.header.family, address.flags()),
            "{what}"
        );
        // Lifetimes: infinite ones are equal; finite ones count down
        // between the binary dump and the iproute2 run.
        let info = address.cache_info().expect("IFA_CACHEINFO");
        for (key, dumped) in [
            ("valid_life_time", info.valid),
            ("preferred_life_time", info.preferred),
        ] {
            let shown = json[key].as_u64().unwrap();
            if dumped == INFINITY_LIFE_TIME {
                assert_eq!(shown, u64::from(INFINITY_LIFE_TIME), "{what} {key}");
            } else {
                assert!(
                    shown <= u64::from(dumped) && u64::from(dumped) - shown < 60,
                    "{what} {key}: dumped {dumped}, shown {shown}"
                );
            }
        }
    }
    // Every interface of the dump is known to iproute2.
    let names = fixture_link_names();
    assert!(dump
        .iter()
        .all(|m| names.contains_key(&u64::from(parse(&m.payload).header.index))));
}

#[test]
fn malformed_attribute_keeps_the_rest_of_the_message() {
    // IFA_LOCAL of 3 bytes between a good IFA_ADDRESS and a good IFA_LABEL.
    let attributes = [
        RawNla::new(1, vec![10, 0, 0, 1]),
        RawNla::new(2, vec![10, 0, 0]),
        RawNla::new(3, b"eth0\0".to_vec()),
    ];
    let payload = strategies::payload(vec![2, 24, 0x80, 0, 7, 0, 0, 0], &attributes);
    let message = parse(&payload);
    assert_eq!(message.header.index, 7);
    assert_eq!(message.header.flags, AddressHeaderFlags::PERMANENT);
    assert_eq!(message.address(), Some(IpAddr::from([10, 0, 0, 1])));
    assert_eq!(message.label(), Some("eth0"));
    let AddressAttribute::Malformed(malformed) = &message.attributes[1] else {
        panic!(
            "expected IFA_LOCAL to be malformed: {:?}",
            message.attributes[1]
        );
    };
    assert_eq!(
        malformed.error.to_string(),
        "IFA_LOCAL: expected 4 or 16 bytes, got 3"
    );
    assert_reemits(&message, &payload, "hand-built message");
    // The lazy view reports the same error.
    let view = AddressMessageBuffer::new_checked(&payload[..]).unwrap();
    assert!(view.local().unwrap_err().to_string().contains("IFA_LOCAL"));
}

#[test]
fn short_and_broken_payloads_are_errors_not_panics() {
    assert!(AddressMessageBuffer::new_checked(&[2u8, 24, 0][..]).is_err());
    // An attribute whose length field runs past the end.
    let payload = [2u8, 24, 0, 0, 1, 0, 0, 0, 12, 0, 1, 0, 10, 0];
    let error = AddressMessage::parse(&AddressMessageBuffer::new_checked(&payload[..]).unwrap())
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "address message: attribute at offset 0 (type 1): length field 12 exceeds the 6 bytes left"
    );
}

fn kernel_addresses(socket: &mut RouteSocket, index: u32) -> Vec<AddressMessage> {
    let request = AddressMessage::default();
    let mut addresses = socket.dump_parsed(RTM_GETADDR, &request, RTM_NEWADDR, parse);
    addresses.retain(|message| message.header.index == index);
    addresses
}

#[test]
fn kernel_accepts_addresses_built_here() {
    run_in_netns("kernel_accepts_addresses_built_here", || {
        let VethPair { name, index, .. } = add_veth("oba", "obp");
        ip(&["link", "set", &name, "up"]);
        let mut socket = RouteSocket::open();
        let create = NetlinkFlags::CREATE | NetlinkFlags::EXCL;

        // IPv6 with extended flags: NODAD (fits the header) and
        // NOPREFIXROUTE (only in IFA_FLAGS), plus a metric.
        let v6: IpAddr = "2001:db8:77::1".parse().unwrap();
        let v6_request = AddressMessage::new_address(index, v6, 64)
            .with_attribute(AddressAttribute::Flags(
                AddressFlags::NODAD | AddressFlags::NOPREFIXROUTE,
            ))
            .with_attribute(AddressAttribute::RoutePriority(333));
        v6_request.validate().unwrap();
        socket.change(RTM_NEWADDR, create, &v6_request);

        // IPv4 with a label, a broadcast address and a lifetime.
        let v4 = Ipv4Addr::new(10, 77, 0, 1);
        let label = format!("{name}:x");
        let mut v4_request = AddressMessage::new_address(index, IpAddr::V4(v4), 24)
            .with_attribute(AddressAttribute::Label(label.clone()))
            .with_attribute(AddressAttribute::Broadcast(Ipv4Addr::new(10, 77, 0, 255)))
            .with_attribute(AddressAttribute::CacheInfo(
                netlink_packet_route::address::AddressCacheInfo {
                    preferred: 500,
                    valid: 900,
                    created: 0,
                    updated: 0,
                },
            ));
        v4_request.header.scope = RouteScope::Universe;
        socket.change(RTM_NEWADDR, create, &v4_request);

        // iproute2 sees both as built.
        let shown = ip_json(&["address", "show", "dev", &name]);
        let infos = shown[0]["addr_info"].as_array().unwrap();
        let v6_json = infos
            .iter()
            .find(|info| info["local"] == "2001:db8:77::1")
            .expect("v6 address listed");
        assert_eq!(v6_json["prefixlen"], 64);
        assert_eq!(v6_json["nodad"], true);
        assert_eq!(v6_json["noprefixroute"], true);
        assert_eq!(v6_json["metric"], 333);
        let v4_json = infos
            .iter()
            .find(|info| info["local"] == "10.77.0.1")
            .expect("v4 address listed");
        assert_eq!(v4_json["label"], label.as_str());
        assert_eq!(v4_json["broadcast"], "10.77.0.255");
        assert_eq!(v4_json["prefixlen"], 24);
        assert_eq!(v4_json["dynamic"], true);
        assert!(v4_json["valid_life_time"].as_u64().unwrap() <= 900);

        // Our own dump decodes them, typed.
        let dumped = kernel_addresses(&mut socket, index);
        let v6_dumped = dumped
            .iter()
            .find(|message| message.address() == Some(v6))
            .expect("v6 in dump");
        assert!(v6_dumped
            .flags()
            .contains(AddressFlags::NODAD | AddressFlags::NOPREFIXROUTE | AddressFlags::PERMANENT));
        assert!(v6_dumped
            .attributes
            .contains(&AddressAttribute::RoutePriority(333)));
        let v4_dumped = dumped
            .iter()
            .find(|message| message.local() == Some(IpAddr::V4(v4)))
            .expect("v4 in dump");
        assert_eq!(v4_dumped.label(), Some(label.as_str()));
        let info = v4_dumped.cache_info().unwrap();
        assert!(info.valid <= 900 && info.valid > 800, "{info:?}");
        for message in &dumped {
            assert!(message.attributes.iter().all(|a| !matches!(
                a,
                AddressAttribute::Other(_) | AddressAttribute::Malformed(_)
            )));
        }

        // Deleting with the same body removes them.
        socket.change(RTM_DELADDR, NetlinkFlags::empty(), &v6_request);
        socket.change(
            RTM_DELADDR,
            NetlinkFlags::empty(),
            &AddressMessage::new_address(index, IpAddr::V4(v4), 24),
        );
        let remaining = kernel_addresses(&mut socket, index);
        assert!(remaining
            .iter()
            .all(|m| m.address() != Some(v6) && m.local() != Some(IpAddr::V4(v4))));
    });
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(view) = AddressMessageBuffer::new_checked(&bytes[..]) {
            let _ = AddressMessage::parse(&view);
            let _ = (view.address(), view.local(), view.label(), view.flags());
        }
    }

    #[test]
    fn well_formed_messages_reemit_identically(payload in strategies::message_payload(8, 12)) {
        strategies::check_reemits(&payload, parse)?;
    }
}
