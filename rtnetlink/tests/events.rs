//! Notifications and the synchronized view against the live kernel.

#![cfg(feature = "tokio")]

use std::time::Duration;

use futures::StreamExt;
use netlink_test_support::{ip, ip_json, run_in_netns};
use rtnetlink::{BlockingHandle, Event, LinkAddressView, MulticastGroup, ViewChange};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn typed_events_for_links_addresses_routes() {
    run_in_netns("typed_events_for_links_addresses_routes", || {
        runtime().block_on(async {
            let (connection, handle, mut events) = rtnetlink::new_connection().unwrap();
            tokio::spawn(connection);
            handle.subscribe(MulticastGroup::ALL_TYPED).await.unwrap();
            ip(&[
                "link", "add", "ev-a", "type", "veth", "peer", "name", "ev-b",
            ]);
            ip(&["link", "set", "ev-a", "up"]);
            ip(&["addr", "add", "10.11.0.1/24", "dev", "ev-a"]);
            ip(&["link", "del", "ev-a"]);
            let (mut new_link, mut new_address, mut new_route, mut del_link) =
                (false, false, false, false);
            while !(new_link && new_address && new_route && del_link) {
                let event = tokio::time::timeout(Duration::from_secs(5), events.next())
                    .await
                    .expect("event within 5 s")
                    .expect("stream open");
                match event {
                    Event::NewLink(link) if link.name() == Some("ev-a") => new_link = true,
                    Event::NewAddress(address)
                        if address.local_or_address() == Some("10.11.0.1".parse().unwrap()) =>
                    {
                        new_address = true
                    }
                    Event::NewRoute(route) if route.header.destination_prefix_length == 24 => {
                        new_route = true
                    }
                    Event::DelLink(link) if link.name() == Some("ev-a") => del_link = true,
                    _ => {}
                }
            }
        });
    });
}

#[test]
fn blocking_events() {
    run_in_netns("blocking_events", || {
        let handle = BlockingHandle::new().unwrap();
        handle.subscribe(&[MulticastGroup::Link]).unwrap();
        assert!(handle
            .next_event(Some(Duration::from_millis(50)))
            .unwrap()
            .is_none());
        ip(&["link", "add", "bev", "type", "bridge"]);
        loop {
            let event = handle
                .next_event(Some(Duration::from_secs(5)))
                .unwrap()
                .expect("an event within 5 s");
            if let Event::NewLink(link) = event {
                assert_eq!(link.name(), Some("bev"));
                break;
            }
        }
    });
}

#[test]
fn view_follows_links_and_addresses() {
    run_in_netns("view_follows_links_and_addresses", || {
        runtime().block_on(async {
            let (connection, handle, events) = rtnetlink::new_connection().unwrap();
            tokio::spawn(connection);
            let mut view = LinkAddressView::new(handle, events).await.unwrap();
            assert_eq!(view.links().count(), 1);
            assert!(view.link_by_name("lo").is_some());
            assert!(view.addresses().count() >= 1);

            ip(&[
                "link", "add", "vw-a", "type", "veth", "peer", "name", "vw-b",
            ]);
            let mut seen = Vec::new();
            while !(seen.contains(&"vw-a".to_owned()) && seen.contains(&"vw-b".to_owned())) {
                for change in view.next_changes().await.unwrap() {
                    if let ViewChange::LinkAdded(link) = change {
                        seen.push(link.name().unwrap().to_owned());
                    }
                }
            }
            let index = view.link_by_name("vw-a").unwrap().index();
            ip(&["addr", "add", "10.12.0.1/24", "dev", "vw-a"]);
            loop {
                let changes = view.next_changes().await.unwrap();
                if changes
                    .iter()
                    .any(|c| matches!(c, ViewChange::AddressAdded(a) if a.header.index == index))
                {
                    break;
                }
            }
            assert_eq!(view.addresses_of(index).count(), 1);
            ip(&["link", "set", "vw-a", "mtu", "1280"]);
            loop {
                let changes = view.next_changes().await.unwrap();
                if changes
                    .iter()
                    .any(|c| matches!(c, ViewChange::LinkChanged(l) if l.mtu() == Some(1280)))
                {
                    break;
                }
            }
            assert_eq!(view.link(index).unwrap().mtu(), Some(1280));
            ip(&["link", "del", "vw-a"]);
            loop {
                let changes = view.next_changes().await.unwrap();
                if changes
                    .iter()
                    .any(|c| matches!(c, ViewChange::LinkRemoved(l) if l.index() == index))
                {
                    break;
                }
            }
            assert!(view.link(index).is_none());
            assert_eq!(view.addresses_of(index).count(), 0);
            assert_eq!(view.resynchronizations(), 0);
        });
    });
}

#[test]
fn view_resynchronizes_after_overflow() {
    run_in_netns("view_resynchronizes_after_overflow", || {
        runtime().block_on(async {
            let config = rtnetlink::proto::Config {
                receive_buffer_size: Some(4096),
                ..Default::default()
            };
            let (connection, handle, events) =
                rtnetlink::new_connection_with_config(config).unwrap();
            tokio::spawn(connection);
            let mut view = LinkAddressView::new(handle, events).await.unwrap();
            // Many changes while nobody reads: the 4 KiB buffer overflows.
            let batch: String = (0..40)
                .map(|i| format!("link add ov{i} type veth peer name ovp{i}\n"))
                .collect();
            let file = std::env::temp_dir().join(format!("rtnl-batch-{}", std::process::id()));
            std::fs::write(&file, batch).unwrap();
            ip(&["-batch", file.to_str().unwrap()]);
            let _ = std::fs::remove_file(&file);
            let expected = 1 + 80;
            let mut resynchronized = false;
            while view.links().count() != expected {
                let changes = view.next_changes().await.unwrap();
                resynchronized |= changes.contains(&ViewChange::Resynchronized);
            }
            assert!(resynchronized, "the 4 KiB buffer should have overflowed");
            assert!(view.resynchronizations() >= 1);
            for i in 0..40 {
                assert!(view.link_by_name(&format!("ov{i}")).is_some());
            }
        });
    });
}

#[test]
fn blocking_view_follows_and_resynchronizes() {
    run_in_netns("blocking_view_follows_and_resynchronizes", || {
        let config = rtnetlink::proto::Config {
            receive_buffer_size: Some(4096),
            ..Default::default()
        };
        let handle = BlockingHandle::with_config(config).unwrap();
        let mut view = rtnetlink::BlockingLinkAddressView::new(handle).unwrap();
        assert_eq!(view.links().count(), 1);
        assert!(view
            .next_changes(Some(Duration::from_millis(50)))
            .unwrap()
            .is_empty());
        ip(&["link", "add", "bvw", "type", "bridge"]);
        ip(&["addr", "add", "10.13.0.1/24", "dev", "bvw"]);
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while view.link_by_name("bvw").is_none() || view.addresses().count() < 2 {
            assert!(std::time::Instant::now() < deadline, "no events");
            view.next_changes(Some(Duration::from_secs(1))).unwrap();
        }
        let index = view.link_by_name("bvw").unwrap().index();
        assert_eq!(view.addresses_of(index).count(), 1);
        // Overflow the 4 KiB buffer while nobody reads.
        let batch: String = (0..40)
            .map(|i| format!("link add bov{i} type veth peer name bovp{i}\n"))
            .collect();
        let file = std::env::temp_dir().join(format!("rtnl-bview-{}", std::process::id()));
        std::fs::write(&file, batch).unwrap();
        ip(&["-batch", file.to_str().unwrap()]);
        let _ = std::fs::remove_file(&file);
        let mut resynchronized = false;
        while view.links().count() != 2 + 80 {
            assert!(std::time::Instant::now() < deadline + Duration::from_secs(5));
            let changes = view.next_changes(Some(Duration::from_secs(1))).unwrap();
            resynchronized |= changes.contains(&ViewChange::Resynchronized);
        }
        assert!(resynchronized, "the 4 KiB buffer should have overflowed");
        assert!(view.resynchronizations() >= 1);
        let names: Vec<String> = ip_json(&["link", "show"])
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["ifname"].as_str().unwrap().to_owned())
            .collect();
        for name in names {
            assert!(view.link_by_name(&name).is_some(), "{name}");
        }
    });
}
