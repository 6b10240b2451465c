//! Link operations against the live kernel, checked with `ip -j`.

#![cfg(feature = "tokio")]

mod common;

use std::os::fd::AsRawFd;

use common::{index_of, link_json, link_names, with_handle};
use futures::TryStreamExt;
use netlink_test_support::{ip, kernel_has_link_kind, run_in_netns, skip, NamedNetns};
use rtnetlink::{
    packet_route::link::{LinkAddress, LinkAttribute, MacVlanMode},
    BlockingHandle,
};

#[test]
fn veth_add_get_set_del_async() {
    run_in_netns("veth_add_get_set_del_async", || {
        with_handle(|handle| async move {
            handle
                .link()
                .add()
                .veth("rt-a", "rt-b")
                .mtu(1400)
                .peer(|peer| peer.mtu(1300))
                .execute()
                .await
                .expect("veth add");
            let a = link_json("rt-a");
            assert_eq!(a["mtu"], 1400);
            assert_eq!(a["linkinfo"]["info_kind"], "veth");
            assert_eq!(link_json("rt-b")["mtu"], 1300);

            // Adding it again is EEXIST.
            let error = handle
                .link()
                .add()
                .veth("rt-a", "rt-c")
                .execute()
                .await
                .unwrap_err();
            assert!(error.already_exists(), "{error}");

            // Get by name, by index, and dump.
            let index = index_of("rt-a");
            let by_name = handle.link().get_one("rt-a").await.expect("get by name");
            assert_eq!(by_name.index(), index);
            let by_index: Vec<_> = handle
                .link()
                .get()
                .index(index)
                .execute()
                .try_collect()
                .await
                .expect("get by index");
            assert_eq!(by_index.len(), 1);
            assert_eq!(by_index[0].name(), Some("rt-a"));
            let all: Vec<_> = handle.link().get().execute().try_collect().await.unwrap();
            let mut names: Vec<String> = all
                .iter()
                .map(|link| link.name().unwrap().to_owned())
                .collect();
            names.sort();
            let mut expected = link_names();
            expected.sort();
            assert_eq!(names, expected);

            // Kernel-side kind filter.
            let mut veths = handle.link().get().kind("veth").execute();
            let mut count = 0;
            while let Some(link) = veths.try_next().await.unwrap() {
                assert_eq!(link.kind().map(|k| k.as_str()), Some("veth"));
                count += 1;
            }
            assert_eq!(count, 2);
            assert_eq!(veths.kernel_filtered(), Some(true));

            // Set: up, MTU, alias, txqlen, address, rename.
            let mac: LinkAddress = "02:00:00:00:aa:01".parse().unwrap();
            handle
                .link()
                .set(index)
                .up()
                .mtu(1280)
                .alias("test alias")
                .txqlen(77)
                .address(mac)
                .execute()
                .await
                .expect("set");
            let a = link_json("rt-a");
            assert!(a["flags"].as_array().unwrap().iter().any(|f| f == "UP"));
            assert_eq!(a["mtu"], 1280);
            assert_eq!(a["ifalias"], "test alias");
            assert_eq!(a["txqlen"], 77);
            assert_eq!(a["address"], "02:00:00:00:aa:01");
            handle.link().set("rt-a").down().execute().await.unwrap();
            assert!(!link_json("rt-a")["flags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "UP"));
            handle
                .link()
                .set(index)
                .name("rt-renamed")
                .execute()
                .await
                .expect("rename");
            assert_eq!(index_of("rt-renamed"), index);

            // Alternative names.
            handle
                .link()
                .add_alt_names(index, ["rt-alt-one"])
                .await
                .expect("altname add");
            assert_eq!(link_json("rt-renamed")["altnames"][0], "rt-alt-one");
            let via_alt = handle.link().get_one("rt-alt-one").await.unwrap();
            assert_eq!(via_alt.index(), index);
            handle
                .link()
                .del_alt_names(index, ["rt-alt-one"])
                .await
                .expect("altname del");
            assert!(link_json("rt-renamed")["altnames"].is_null());

            // Delete; the peer goes with it.
            handle
                .link()
                .del("rt-renamed")
                .execute()
                .await
                .expect("del");
            assert!(!link_names()
                .iter()
                .any(|n| n == "rt-renamed" || n == "rt-b"));
        });
    });
}

#[test]
fn missing_link_is_a_clear_not_found() {
    run_in_netns("missing_link_is_a_clear_not_found", || {
        with_handle(|handle| async move {
            let error = handle.link().get_one("nosuchlink0").await.unwrap_err();
            assert!(error.is_not_found(), "{error}");
            let text = error.to_string();
            assert!(
                text.contains("link named \"nosuchlink0\" not found"),
                "{text}"
            );
            let error = handle
                .link()
                .set("nosuchlink0")
                .up()
                .execute()
                .await
                .unwrap_err();
            assert!(error.is_not_found(), "{error}");
            let error = handle.link().del(4242).execute().await.unwrap_err();
            assert!(error.is_not_found(), "{error}");
            assert_eq!(error.errno(), Some(libc::ENODEV));
        });
    });
}

#[test]
fn invalid_mtu_reports_the_kernel_text_and_attribute() {
    run_in_netns("invalid_mtu_reports_the_kernel_text_and_attribute", || {
        with_handle(|handle| async move {
            handle
                .link()
                .add()
                .veth("mtu-a", "mtu-b")
                .execute()
                .await
                .unwrap();
            let error = handle
                .link()
                .set("mtu-a")
                .mtu(70000)
                .execute()
                .await
                .unwrap_err();
            assert_eq!(error.errno(), Some(libc::EINVAL), "{error}");
            let kernel = error.kernel_error().expect("kernel error");
            let message = kernel.message.as_deref().expect("extended ack text");
            assert!(message.to_lowercase().contains("mtu"), "{message}");
            let text = error.to_string();
            assert!(text.contains("link set (RTM_NEWLINK"), "{text}");
            assert!(text.contains(message), "{text}");
            assert_eq!(link_json("mtu-a")["mtu"], 1500);
        });
    });
}

#[test]
fn offending_attribute_is_named_even_when_nested() {
    run_in_netns("offending_attribute_is_named_even_when_nested", || {
        with_handle(|handle| async move {
            let long = "a-name-longer-than-ifnamsiz";
            let error = handle
                .link()
                .add()
                .bridge(long)
                .execute()
                .await
                .unwrap_err();
            // Too long for the attribute policy: ERANGE.
            assert_eq!(error.errno(), Some(libc::ERANGE), "{error}");
            assert_eq!(
                error.kernel_message(),
                Some("Attribute failed policy validation")
            );
            let path = error
                .kernel_error()
                .and_then(|k| k.offending_attribute.clone())
                .expect("offending attribute");
            assert_eq!(path.to_string(), "IFLA_IFNAME", "{error}");

            let error = handle
                .link()
                .add()
                .veth("ok-a", long)
                .execute()
                .await
                .unwrap_err();
            let path = error
                .kernel_error()
                .and_then(|k| k.offending_attribute.clone())
                .expect("offending attribute");
            assert_eq!(
                path.to_string(),
                "IFLA_LINKINFO > IFLA_INFO_DATA > VETH_INFO_PEER > IFLA_IFNAME",
                "{error}"
            );
            assert!(error.to_string().contains("VETH_INFO_PEER > IFLA_IFNAME"));
        });
    });
}

#[test]
fn bridge_ifb_macvlan_and_master() {
    run_in_netns("bridge_ifb_macvlan_and_master", || {
        with_handle(|handle| async move {
            handle.link().add().bridge("rt-br").execute().await.unwrap();
            handle
                .link()
                .add()
                .veth("rt-p0", "rt-p1")
                .execute()
                .await
                .unwrap();
            let bridge = index_of("rt-br");
            assert_eq!(link_json("rt-br")["linkinfo"]["info_kind"], "bridge");
            handle
                .link()
                .set("rt-p0")
                .master(bridge)
                .execute()
                .await
                .unwrap();
            assert_eq!(link_json("rt-p0")["master"], "rt-br");
            let ports: Vec<_> = handle
                .link()
                .get()
                .master(bridge)
                .execute()
                .try_collect()
                .await
                .unwrap();
            assert_eq!(ports.len(), 1);
            assert_eq!(ports[0].name(), Some("rt-p0"));
            handle
                .link()
                .set("rt-p0")
                .nomaster()
                .execute()
                .await
                .unwrap();
            assert!(link_json("rt-p0")["master"].is_null());

            if kernel_has_link_kind("ifb") {
                handle.link().add().ifb("rt-ifb").execute().await.unwrap();
                assert_eq!(link_json("rt-ifb")["linkinfo"]["info_kind"], "ifb");
            } else {
                skip("kernel has no ifb");
            }
            let parent = index_of("rt-p1");
            handle
                .link()
                .add()
                .macvlan("rt-mv", parent, MacVlanMode::Bridge)
                .execute()
                .await
                .unwrap();
            let mv = link_json("rt-mv");
            assert_eq!(mv["linkinfo"]["info_kind"], "macvlan");
            assert_eq!(mv["linkinfo"]["info_data"]["mode"], "bridge");
            assert_eq!(mv["link"], "rt-p1");
        });
    });
}

#[test]
fn veth_peer_in_other_namespace_and_move() {
    run_in_netns("veth_peer_in_other_namespace_and_move", || {
        let netns = match NamedNetns::create("rtns") {
            Ok(netns) => netns,
            Err(reason) => return skip(&format!("cannot create a named namespace: {reason}")),
        };
        let file = std::fs::File::open(netns.path()).expect("open netns");
        let fd = file.as_raw_fd();
        let name = netns.name().to_owned();
        with_handle(|handle| async move {
            handle
                .link()
                .add()
                .veth("ns-a", "ns-b")
                .peer_netns_fd(fd)
                .execute()
                .await
                .unwrap();
            assert!(link_names().contains(&"ns-a".to_owned()));
            assert!(!link_names().contains(&"ns-b".to_owned()));
            // A connection opened in the other namespace sees the peer.
            let (connection, other, _) =
                rtnetlink::new_connection_in(&rtnetlink::NetnsRef::name(name.clone())).unwrap();
            tokio::spawn(connection);
            let peer = other.link().get_one("ns-b").await.expect("peer in netns");
            assert_eq!(peer.name(), Some("ns-b"));
            // So does a connection on its own thread opened there.
            let (threaded, _events, thread) =
                rtnetlink::spawn_connection_thread_in(&rtnetlink::NetnsRef::name(name)).unwrap();
            let peer = threaded
                .link()
                .get_one("ns-b")
                .await
                .expect("peer in netns");
            assert_eq!(peer.name(), Some("ns-b"));
            drop((threaded, _events));
            tokio::task::spawn_blocking(move || thread.join().expect("connection thread"))
                .await
                .unwrap();
            // Move ns-a there by descriptor.
            handle
                .link()
                .set("ns-a")
                .netns_fd(fd)
                .execute()
                .await
                .unwrap();
            assert!(!link_names().contains(&"ns-a".to_owned()));
            other.link().get_one("ns-a").await.expect("moved link");
        });
        let there = netns.ip(&["-j", "link", "show"]);
        assert!(
            there.contains("\"ns-a\"") && there.contains("\"ns-b\""),
            "{there}"
        );
        drop(file);
    });
}

#[test]
fn link_operations_on_a_connection_thread() {
    run_in_netns("link_operations_on_a_connection_thread", || {
        let (handle, events, thread) = rtnetlink::spawn_connection_thread().unwrap();
        // No runtime on this thread: the connection's thread does the IO.
        futures::executor::block_on(async {
            handle
                .link()
                .add()
                .veth("th-a", "th-b")
                .mtu(1440)
                .execute()
                .await
                .unwrap();
            assert_eq!(link_json("th-a")["mtu"], 1440);
            let links: Vec<_> = handle.link().get().execute().try_collect().await.unwrap();
            assert_eq!(links.len(), link_names().len());
            handle.link().del("th-a").execute().await.unwrap();
        });
        assert!(!link_names().contains(&"th-a".to_owned()));
        drop((handle, events));
        thread
            .join()
            .expect("the connection thread ends once unused");
    });
}

#[test]
fn link_operations_blocking() {
    run_in_netns("link_operations_blocking", || {
        let handle = BlockingHandle::new().unwrap();
        handle
            .link()
            .add()
            .veth("bl-a", "bl-b")
            .mtu(1450)
            .execute()
            .unwrap();
        assert_eq!(link_json("bl-a")["mtu"], 1450);
        let link = handle.link().get_one("bl-a").unwrap();
        assert_eq!(link.mtu(), Some(1450));
        handle
            .link()
            .set(link.index())
            .up()
            .mtu(1350)
            .execute()
            .unwrap();
        assert_eq!(link_json("bl-a")["mtu"], 1350);
        assert_eq!(handle.link().get().execute().count(), link_names().len());
        let error = handle.link().get_one("bl-missing").unwrap_err();
        assert!(error.is_not_found(), "{error}");
        handle.link().del("bl-a").execute().unwrap();
        assert!(!link_names().contains(&"bl-a".to_owned()));
        ip(&["link", "show"]);
    });
}

/// The names in a JSON list of links, sorted.
fn json_names(links: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> = links
        .as_array()
        .unwrap()
        .iter()
        .map(|link| link["ifname"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

fn our_names(links: &[rtnetlink::packet_route::link::LinkMessage]) -> Vec<String> {
    let mut names: Vec<String> = links
        .iter()
        .map(|link| link.name().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn link_dump_filters_by_kernel_or_here() {
    run_in_netns("link_dump_filters_by_kernel_or_here", || {
        ip(&["link", "add", "fl-br", "type", "bridge"]);
        for (a, b) in [("fl-a0", "fl-b0"), ("fl-a1", "fl-b1")] {
            ip(&["link", "add", a, "type", "veth", "peer", "name", b]);
            ip(&["link", "set", a, "master", "fl-br"]);
        }
        let bridge = index_of("fl-br");
        let ports = json_names(&netlink_test_support::ip_json(&[
            "link", "show", "master", "fl-br",
        ]));
        let veths = json_names(&netlink_test_support::ip_json(&[
            "link", "show", "type", "veth",
        ]));
        assert_eq!(ports, ["fl-a0", "fl-a1"]);
        assert_eq!(veths.len(), 4);
        let expected_ports = ports.clone();
        with_handle(|handle| async move {
            let ports = expected_ports;
            // Strict checking (the default): the kernel filters and says so.
            let mut dump = handle.link().get().master(bridge).execute();
            let mut found = Vec::new();
            while let Some(link) = dump.try_next().await.unwrap() {
                found.push(link);
            }
            assert_eq!(our_names(&found), ports);
            assert_eq!(dump.kernel_filtered(), Some(true));
            let mut dump = handle.link().get().kind("veth").execute();
            let mut found = Vec::new();
            while let Some(link) = dump.try_next().await.unwrap() {
                found.push(link);
            }
            assert_eq!(our_names(&found), veths);
            assert_eq!(dump.kernel_filtered(), Some(true));
            // A kind the kernel has no driver for: it ignores the filter
            // (nothing marked filtered) and the dump is filtered here.
            let mut dump = handle.link().get().kind("no-such-kind").execute();
            assert!(dump.try_next().await.unwrap().is_none());
            assert_eq!(dump.kernel_filtered(), Some(false));
            // With a controller too, the kernel marks the answer filtered
            // (by controller) but not by kind: the kind is checked here.
            let mut dump = handle
                .link()
                .get()
                .master(bridge)
                .kind("no-such-kind")
                .execute();
            assert!(dump.try_next().await.unwrap().is_none());
            assert_eq!(dump.kernel_filtered(), Some(true));
            // An unfiltered dump is not marked.
            let mut dump = handle.link().get().execute();
            while dump.try_next().await.unwrap().is_some() {}
            assert_eq!(dump.kernel_filtered(), Some(false));
        });
        // Without strict checking the kernel still applies link filters.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let ports_again = ports.clone();
        runtime.block_on(async move {
            let config = rtnetlink::proto::Config {
                strict_checking: Some(false),
                ..Default::default()
            };
            let (connection, handle, _) = rtnetlink::new_connection_with_config(config).unwrap();
            tokio::spawn(connection);
            let mut dump = handle.link().get().master(bridge).execute();
            let mut found = Vec::new();
            while let Some(link) = dump.try_next().await.unwrap() {
                found.push(link);
            }
            assert_eq!(our_names(&found), ports_again);
            assert_eq!(dump.kernel_filtered(), Some(true));
        });
        // Blocking, streamed.
        let handle = BlockingHandle::new().unwrap();
        let mut dump = handle.link().get().master(bridge).execute();
        let found: Vec<_> = dump.by_ref().collect::<Result<_, _>>().unwrap();
        assert_eq!(our_names(&found), ports);
        assert_eq!(dump.kernel_filtered(), Some(true));
        let mut dump = handle.link().get().kind("no-such-kind").execute();
        assert!(dump.next().is_none());
        assert_eq!(dump.kernel_filtered(), Some(false));
    });
}

#[test]
fn blocking_dump_streams_and_cancels() {
    run_in_netns("blocking_dump_streams_and_cancels", || {
        let batch: String = (0..60)
            .map(|i| format!("link add st{i} type veth peer name stp{i}\n"))
            .collect();
        let file = std::env::temp_dir().join(format!("rtnl-stream-{}", std::process::id()));
        std::fs::write(&file, batch).unwrap();
        ip(&["-batch", file.to_str().unwrap()]);
        let _ = std::fs::remove_file(&file);
        let handle = BlockingHandle::new().unwrap();
        // Items arrive one by one; another request runs in the middle of
        // the dump, on a clone of the handle.
        let mut dump = handle.link().get().execute();
        let first = dump.next().expect("a link").unwrap();
        assert_eq!(first.name(), Some("lo"));
        handle.link().set("st0").mtu(1400).execute().unwrap();
        let rest: Vec<_> = dump.by_ref().collect::<Result<_, _>>().unwrap();
        assert_eq!(rest.len() + 1, link_names().len());
        assert_eq!(dump.interrupted(), Some(false));
        assert_eq!(link_json("st0")["mtu"], 1400);
        // Dropped before its end: the dump is cancelled and the connection
        // goes on working.
        let mut dump = handle.link().get().execute();
        assert!(dump.next().is_some());
        assert_eq!(dump.kernel_filtered(), None, "still running");
        drop(dump);
        let lo = handle.link().get_one("lo").unwrap();
        assert_eq!(lo.index(), 1);
        assert_eq!(handle.link().get().execute().count(), link_names().len());
    });
}

#[test]
fn rename_a_link_selected_by_name() {
    run_in_netns("rename_a_link_selected_by_name", || {
        ip(&[
            "link", "add", "rn-a", "type", "veth", "peer", "name", "rn-b",
        ]);
        let index = index_of("rn-a");
        with_handle(|handle| async move {
            handle
                .link()
                .set("rn-a")
                .name("rn-renamed")
                .mtu(1420)
                .execute()
                .await
                .expect("rename by name");
            let renamed = link_json("rn-renamed");
            assert_eq!(renamed["ifindex"], index);
            assert_eq!(renamed["mtu"], 1420);
            let error = handle
                .link()
                .set("rn-missing")
                .name("rn-other")
                .execute()
                .await
                .unwrap_err();
            assert!(error.is_not_found(), "{error}");
            assert!(
                error.to_string().contains("link named \"rn-missing\""),
                "{error}"
            );
        });
        let handle = BlockingHandle::new().unwrap();
        handle
            .link()
            .set("rn-b")
            .name("rn-peer")
            .execute()
            .expect("blocking rename by name");
        assert!(link_names().contains(&"rn-peer".to_owned()));
        assert!(!link_names().contains(&"rn-b".to_owned()));
    });
}

#[test]
fn move_links_by_namespace_fd_pid_and_id() {
    run_in_netns("move_links_by_namespace_fd_pid_and_id", || {
        let netns = match NamedNetns::create("mvns") {
            Ok(netns) => netns,
            Err(reason) => return skip(&format!("cannot create a named namespace: {reason}")),
        };
        // This namespace knows the other one by id 7.
        ip(&["netns", "set", netns.name(), "7"]);
        // Veths: bridges cannot change namespace ("The interface netns is
        // immutable").
        for name in ["mv-pid", "mv-id", "mv-blk"] {
            let peer = format!("{name}-p");
            ip(&["link", "add", name, "type", "veth", "peer", "name", &peer]);
        }
        ip(&[
            "link", "add", "mv-x", "type", "veth", "peer", "name", "mv-y",
        ]);
        netns.ip(&["link", "add", "mv-there", "type", "bridge"]);
        // A process living in the other namespace, for the move by pid.
        let mut sleeper = std::process::Command::new("ip")
            .args(["netns", "exec", netns.name(), "sleep", "30"])
            .spawn()
            .expect("spawn sleep in netns");
        let pid = sleeper.id();
        // Wait until the process runs in the other namespace.
        let there = std::fs::metadata(netns.path()).unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            use std::os::unix::fs::MetadataExt;
            let ns = std::fs::metadata(format!("/proc/{pid}/ns/net"));
            if ns.is_ok_and(|ns| ns.ino() == there.ino()) {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "sleeper not in netns");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        with_handle(|handle| async move {
            handle
                .link()
                .set("mv-pid")
                .netns_pid(pid)
                .execute()
                .await
                .expect("move by pid");
            // By id: the link is found here and moved there, with the
            // request's other changes.
            handle
                .link()
                .set("mv-id")
                .netns_id(7)
                .mtu(1400)
                .execute()
                .await
                .expect("move by id");
            // The id does not select links of the other namespace.
            let error = handle
                .link()
                .set("mv-there")
                .netns_id(7)
                .execute()
                .await
                .unwrap_err();
            assert!(error.is_not_found(), "{error}");
            let error = handle
                .link()
                .set("mv-x")
                .netns_id(99)
                .execute()
                .await
                .unwrap_err();
            assert_eq!(error.errno(), Some(libc::EINVAL), "{error}");
            // Reading the other namespace's links by id.
            let moved = handle
                .link()
                .get()
                .name("mv-id")
                .target_netnsid(7)
                .execute()
                .try_next()
                .await
                .unwrap()
                .expect("mv-id over there");
            assert_eq!(moved.mtu(), Some(1400));
            let there: Vec<_> = handle
                .link()
                .get()
                .target_netnsid(7)
                .execute()
                .try_collect()
                .await
                .unwrap();
            let mut names = our_names(&there);
            names.retain(|n| n.starts_with("mv-"));
            assert_eq!(names, ["mv-id", "mv-pid", "mv-there"]);
            assert!(there.iter().all(|link| link
                .attributes
                .iter()
                .any(|a| matches!(a, LinkAttribute::TargetNetNsId(7)))));
            let error = handle
                .link()
                .get_one("mv-id")
                .await
                .expect_err("not here any more");
            assert!(error.is_not_found());
        });
        let handle = BlockingHandle::new().unwrap();
        handle
            .link()
            .set("mv-blk")
            .netns_id(7)
            .execute()
            .expect("blocking move by id");
        let _ = sleeper.kill();
        let _ = sleeper.wait();
        let here = link_names();
        for name in ["mv-pid", "mv-id", "mv-blk"] {
            assert!(!here.contains(&name.to_owned()), "{name} still here");
        }
        let there = json_names(&serde_json::from_str(&netns.ip(&["-j", "link", "show"])).unwrap());
        for name in ["mv-pid", "mv-id", "mv-blk", "mv-there"] {
            assert!(
                there.contains(&name.to_owned()),
                "{name} not there: {there:?}"
            );
        }
        let mv_id: serde_json::Value =
            serde_json::from_str(&netns.ip(&["-j", "link", "show", "mv-id"])).unwrap();
        assert_eq!(mv_id[0]["mtu"], 1400);
    });
}

#[test]
fn link_set_blocking_alias_txqlen_address_master() {
    run_in_netns("link_set_blocking_alias_txqlen_address_master", || {
        let handle = BlockingHandle::new().unwrap();
        handle.link().add().bridge("sb-br").execute().unwrap();
        handle.link().add().veth("sb-a", "sb-b").execute().unwrap();
        let bridge = handle.link().get_one("sb-br").unwrap().index();
        let mac: LinkAddress = "02:00:00:00:bb:01".parse().unwrap();
        handle
            .link()
            .set("sb-a")
            .alias("blocking alias")
            .txqlen(55)
            .address(mac)
            .master(bridge)
            .up()
            .execute()
            .unwrap();
        let a = link_json("sb-a");
        assert_eq!(a["ifalias"], "blocking alias");
        assert_eq!(a["txqlen"], 55);
        assert_eq!(a["address"], "02:00:00:00:bb:01");
        assert_eq!(a["master"], "sb-br");
        handle.link().set("sb-a").nomaster().execute().unwrap();
        assert!(link_json("sb-a")["master"].is_null());
        handle
            .link()
            .add_alt_names("sb-a", ["sb-alt"])
            .expect("altname");
        assert_eq!(link_json("sb-a")["altnames"][0], "sb-alt");
        handle
            .link()
            .del("sb-alt")
            .execute()
            .expect("del by altname");
        assert!(!link_names().contains(&"sb-a".to_owned()));
    });
}
