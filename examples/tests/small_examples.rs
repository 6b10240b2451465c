//! The small focused examples, run in a private namespace and checked with
//! iproute2.

use netlink_test_support::{ip, ip_json, run_in_netns, skip, NamedNetns};

fn run(binary: &str, args: &[&str]) -> String {
    let output = std::process::Command::new(binary)
        .args(args)
        .output()
        .expect("run example");
    assert!(
        output.status.success(),
        "{binary} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

#[test]
fn veth_pair_moved_to_a_namespace() {
    run_in_netns("veth_pair_moved_to_a_namespace", || {
        let netns = match NamedNetns::create("exns") {
            Ok(netns) => netns,
            Err(reason) => return skip(&format!("cannot create a named namespace: {reason}")),
        };
        let stdout = run(env!("CARGO_BIN_EXE_veth_netns"), &[netns.name()]);
        assert!(stdout.contains(": veth-host"), "{stdout}");
        assert!(stdout.contains(": veth-ns"), "{stdout}");
        let host = ip_json(&["link", "show", "veth-host"]);
        assert!(host[0]["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "UP"));
        let inside = netns.ip(&["-j", "link", "show", "veth-ns"]);
        assert!(inside.contains("\"veth-ns\""), "{inside}");
    });
}

#[test]
fn address_and_route_are_added() {
    run_in_netns("address_and_route_are_added", || {
        ip(&[
            "link", "add", "ar-a", "type", "veth", "peer", "name", "ar-b",
        ]);
        ip(&["link", "set", "ar-a", "up"]);
        let stdout = run(
            env!("CARGO_BIN_EXE_add_address_and_route"),
            &["ar-a", "10.20.0.1/24", "198.51.100.0/24", "10.20.0.2"],
        );
        assert!(stdout.contains("address 10.20.0.1/24 on ar-a"), "{stdout}");
        let routes = ip_json(&["route", "show", "198.51.100.0/24"]);
        assert_eq!(routes[0]["gateway"], "10.20.0.2");
        assert_eq!(routes[0]["dev"], "ar-a");
    });
}

/// Reads the lines a child prints, on a thread, so that waiting for one can
/// time out.
fn line_reader(stdout: std::process::ChildStdout) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

/// Waits up to 5 s for a line containing `needle`; returns the lines seen.
fn wait_for_line(
    lines: &std::sync::mpsc::Receiver<String>,
    needle: &str,
    seen: &mut Vec<String>,
) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => {
                seen.push(line.clone());
                if line.contains(needle) {
                    return line;
                }
            }
            Err(_) => panic!("no line with {needle:?} within 5 s; saw {seen:#?}"),
        }
    }
}

#[test]
fn watch_links_prints_link_events() {
    run_in_netns("watch_links_prints_link_events", || {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_watch_links"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn watch_links");
        let lines = line_reader(child.stdout.take().expect("stdout"));
        let mut seen = Vec::new();
        // Subscribed once it says so.
        wait_for_line(&lines, "watching link events", &mut seen);
        ip(&[
            "link", "add", "wl-a", "type", "veth", "peer", "name", "wl-b",
        ]);
        let index = ip_json(&["link", "show", "wl-a"])[0]["ifindex"]
            .as_u64()
            .unwrap();
        ip(&["link", "set", "wl-a", "up"]);
        ip(&["link", "del", "wl-a"]);
        let created = wait_for_line(&lines, &format!("new/changed: {index}: wl-a"), &mut seen);
        assert!(created.contains("flags"), "{created}");
        let up = wait_for_line(&lines, "UP", &mut seen);
        assert!(up.contains("wl-a"), "{up}");
        wait_for_line(&lines, &format!("deleted: {index}: wl-a"), &mut seen);
        // Ctrl-C ends it cleanly.
        let status = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill -INT");
        assert!(status.success());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let exit = loop {
            if let Some(exit) = child.try_wait().expect("wait") {
                break exit;
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("watch_links did not stop on SIGINT");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert!(exit.success(), "{exit}");
    });
}
