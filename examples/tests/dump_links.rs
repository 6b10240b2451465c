//! The README's "run it" command: `dump_links` lists the interfaces of the
//! namespace it runs in, checked against iproute2 in a private namespace.

use netlink_test_support::{ip, ip_json, run_in_netns};

#[test]
fn dump_links_lists_every_interface_like_iproute2() {
    run_in_netns("dump_links_lists_every_interface_like_iproute2", || {
        ip(&[
            "link", "add", "dl-a", "mtu", "1400", "type", "veth", "peer", "name", "dl-b",
        ]);
        ip(&["link", "set", "dl-a", "up"]);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_dump_links"))
            .output()
            .expect("run dump_links");
        assert!(output.status.success(), "dump_links failed: {output:?}");
        let stdout = String::from_utf8(output.stdout).expect("utf-8 output");
        let lines: Vec<&str> = stdout.lines().collect();

        let links = ip_json(&["link", "show"]);
        let links = links.as_array().expect("ip -j link prints an array");
        assert_eq!(lines.len(), links.len(), "one line per link:\n{stdout}");
        for link in links {
            let index = link["ifindex"].as_u64().expect("ifindex");
            let name = link["ifname"].as_str().expect("ifname");
            let mtu = link["mtu"].as_u64().expect("mtu");
            let line = lines
                .iter()
                .find(|line| line.starts_with(&format!("{index}: {name}: ")))
                .unwrap_or_else(|| panic!("no line for {index}: {name} in:\n{stdout}"));
            assert!(line.contains(&format!("mtu {mtu} ")), "{line}");
            if let Some(address) = link["address"].as_str() {
                assert!(line.ends_with(&format!("link {address}")), "{line}");
            }
        }
        assert!(stdout.contains(": dl-a: mtu 1400 "), "{stdout}");
    });
}
