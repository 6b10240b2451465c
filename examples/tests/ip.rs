//! The `ip` example against iproute2 in a private namespace.

use netlink_test_support::{ip, ip_json, run_in_netns};

fn run_ip(args: &[&str]) -> (bool, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ip"))
        .args(args)
        .output()
        .expect("run ip example");
    (
        output.status.success(),
        String::from_utf8(output.stdout).expect("utf-8"),
        String::from_utf8(output.stderr).expect("utf-8"),
    )
}

#[test]
fn ip_addr_matches_iproute2() {
    run_in_netns("ip_addr_matches_iproute2", || {
        ip(&[
            "link", "add", "ex-a", "mtu", "1400", "type", "veth", "peer", "name", "ex-b",
        ]);
        ip(&["link", "set", "ex-a", "up"]);
        ip(&["addr", "add", "10.7.0.1/24", "brd", "+", "dev", "ex-a"]);
        ip(&["addr", "add", "2001:db8:7::1/64", "dev", "ex-a", "nodad"]);
        let (ok, stdout, stderr) = run_ip(&["addr"]);
        assert!(ok, "{stderr}");
        let ours = ip(&["addr"]);
        let links = ip_json(&["addr"]);
        for link in links.as_array().unwrap() {
            let header = format!("{}: {}", link["ifindex"], link["ifname"].as_str().unwrap());
            let line = stdout
                .lines()
                .find(|line| line.starts_with(&header))
                .unwrap_or_else(|| panic!("no {header} in:\n{stdout}"));
            assert!(line.contains(&format!(" mtu {} ", link["mtu"])), "{line}");
            for address in link["addr_info"].as_array().unwrap() {
                let expected = format!(
                    "    {} {}/{} ",
                    address["family"].as_str().unwrap(),
                    address["local"].as_str().unwrap(),
                    address["prefixlen"]
                );
                assert!(stdout.contains(&expected), "{expected} in:\n{stdout}");
            }
        }
        // Same lines as iproute2 once trailing blanks are ignored (the
        // temporary kernel state is identical: nothing changes in between).
        let strip = |text: &str| -> Vec<String> {
            text.lines()
                .map(|line| line.trim_end().to_owned())
                .collect()
        };
        assert_eq!(strip(&stdout), strip(&ours));
    });
}

#[test]
fn ip_link_route_commands_change_the_kernel() {
    run_in_netns("ip_link_route_commands_change_the_kernel", || {
        let (ok, _, stderr) = run_ip(&[
            "link", "add", "ec-a", "type", "veth", "peer", "name", "ec-b",
        ]);
        assert!(ok, "{stderr}");
        let (ok, _, stderr) = run_ip(&["link", "set", "ec-a", "up", "mtu", "1300"]);
        assert!(ok, "{stderr}");
        assert_eq!(ip_json(&["link", "show", "ec-a"])[0]["mtu"], 1300);
        let (ok, _, stderr) = run_ip(&["addr", "add", "10.8.0.1/24", "dev", "ec-a"]);
        assert!(ok, "{stderr}");
        let (ok, _, stderr) = run_ip(&[
            "route",
            "add",
            "192.0.2.0/24",
            "via",
            "10.8.0.2",
            "metric",
            "5",
        ]);
        assert!(ok, "{stderr}");
        let (ok, stdout, _) = run_ip(&["route", "show"]);
        assert!(ok);
        assert!(
            stdout.contains("192.0.2.0/24 via 10.8.0.2 dev ec-a metric 5"),
            "{stdout}"
        );
        let (ok, _, stderr) = run_ip(&[
            "route",
            "add",
            "192.0.2.0/24",
            "via",
            "10.8.0.2",
            "metric",
            "5",
        ]);
        assert!(!ok);
        assert!(stderr.contains("File exists"), "{stderr}");
        let (ok, stdout, _) = run_ip(&["route", "get", "192.0.2.7"]);
        assert!(ok);
        assert!(
            stdout.starts_with("192.0.2.7 via 10.8.0.2 dev ec-a"),
            "{stdout}"
        );
        let (ok, _, stderr) = run_ip(&["link", "del", "ec-a"]);
        assert!(ok, "{stderr}");
        assert!(ip_json(&["link", "show"])
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["ifname"] != "ec-a"));
        let (ok, _, stderr) = run_ip(&["link", "show", "ec-a"]);
        assert!(!ok);
        assert!(stderr.contains("does not exist"), "{stderr}");
    });
}

/// Lines without trailing blanks.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.trim_end().to_owned())
        .collect()
}

#[test]
fn ip_route_neigh_rule_show_match_iproute2() {
    run_in_netns("ip_route_neigh_rule_show_match_iproute2", || {
        ip(&[
            "link", "add", "sh-a", "type", "veth", "peer", "name", "sh-b",
        ]);
        ip(&["link", "set", "sh-a", "up"]);
        ip(&["addr", "add", "10.9.0.1/24", "dev", "sh-a"]);
        ip(&[
            "-6",
            "addr",
            "add",
            "2001:db8:9::1/64",
            "dev",
            "sh-a",
            "nodad",
        ]);
        ip(&[
            "route",
            "add",
            "198.51.100.0/24",
            "nexthop",
            "via",
            "10.9.0.2",
            "weight",
            "2",
            "nexthop",
            "via",
            "10.9.0.3",
        ]);
        ip(&[
            "route",
            "add",
            "blackhole",
            "203.0.113.0/24",
            "table",
            "7",
            "metric",
            "3",
        ]);
        ip(&[
            "neigh",
            "add",
            "10.9.0.9",
            "lladdr",
            "02:00:00:00:00:09",
            "dev",
            "sh-a",
        ]);
        ip(&[
            "rule",
            "add",
            "pref",
            "100",
            "from",
            "10.1.0.0/16",
            "table",
            "7",
        ]);
        ip(&["rule", "add", "pref", "101", "fwmark", "7", "blackhole"]);
        for args in [
            &["route", "show"][..],
            &["route", "show", "table", "all"],
            &["route", "show", "table", "7"],
            &["-6", "route", "show"],
            &["neigh", "show"],
            &["rule", "show"],
        ] {
            // iproute2 takes `-6` first; ours after the command.
            let ours_args: Vec<&str> = if args[0] == "-6" {
                vec!["route", "show", "-6"]
            } else {
                args.to_vec()
            };
            let (ok, stdout, stderr) = run_ip(&ours_args);
            assert!(ok, "{args:?}: {stderr}");
            assert_eq!(lines(&stdout), lines(&ip(args)), "ip {args:?}");
            assert!(!stdout.is_empty(), "{args:?}");
        }
    });
}

#[test]
fn ip_monitor_prints_events() {
    run_in_netns("ip_monitor_prints_events", || {
        use std::io::BufRead;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ip"))
            .arg("monitor")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("spawn ip monitor");
        let stdout = child.stdout.take().unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        // It subscribes before it starts reading: repeat the change until
        // a line shows it (the first may come before the subscription).
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut seen = Vec::new();
        let mut round = 0;
        let found = loop {
            let name = format!("mo-{round}");
            ip(&[
                "link",
                "add",
                &name,
                "type",
                "veth",
                "peer",
                "name",
                &format!("mp-{round}"),
            ]);
            ip(&["addr", "add", "10.77.0.1/24", "dev", &name]);
            round += 1;
            let wait = std::time::Instant::now() + std::time::Duration::from_millis(500);
            let mut hit = None;
            while let Ok(line) =
                receiver.recv_timeout(wait.saturating_duration_since(std::time::Instant::now()))
            {
                if line.contains("inet 10.77.0.1/24") {
                    hit = Some(line.clone());
                }
                seen.push(line);
                if hit.is_some() {
                    break;
                }
            }
            if let Some(line) = hit {
                break line;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no address event; saw {seen:#?}"
            );
        };
        assert!(found.starts_with("    inet 10.77.0.1/24"), "{found}");
        assert!(
            seen.iter().any(|line| line.contains(": mo-")),
            "no link line in {seen:#?}"
        );
        let _ = child.kill();
        let _ = child.wait();
    });
}
