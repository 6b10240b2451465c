//! `nldecode` on the kernel fixtures: every NETLINK_ROUTE capture decodes and
//! round-trips (exit 0), the one deliberately malformed request is reported
//! (exit 1), and broken input is an error, never a crash.

use std::process::{Command, Output};

use netlink_test_support::fixtures;

fn nldecode(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nldecode"))
        .args(args)
        .output()
        .expect("run nldecode")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const MALFORMED_ON_PURPOSE: &str = "rtnl_newlink_bad_attr_policy.req.bin";

#[test]
fn every_route_fixture_decodes_and_round_trips() {
    let dir = fixtures::dir().join("route");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/route")
        .map(|entry| entry.expect("dir entry").path())
        .collect();
    files.sort();
    assert!(files.len() > 50, "{} route fixture files", files.len());
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let output = nldecode(&["--protocol", "route", "--roundtrip", file.to_str().unwrap()]);
        let text = stdout(&output);
        if name == MALFORMED_ON_PURPOSE {
            assert_eq!(output.status.code(), Some(1), "{name}:\n{text}");
            assert!(text.contains("IFLA_MTU: expected 4 bytes, got 2"), "{text}");
            assert!(
                text.contains("kept raw because they did not decode"),
                "{text}"
            );
            // Even kept raw, the attribute re-emits byte-identically.
            assert!(text.contains("round trip: identical"), "{text}");
        } else {
            assert!(output.status.success(), "{name}:\n{text}");
            assert!(!text.contains("DIFFERS"), "{name}:\n{text}");
            assert!(text.ends_with(", 0 problem(s)\n"), "{name}:\n{text}");
        }
    }
}

#[test]
fn link_dump_prints_the_decoded_links() {
    let file = fixtures::dir().join("route/rtnl_getlink_dump.resp.bin");
    let output = nldecode(&["--protocol", "route", file.to_str().unwrap()]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    let entry = fixtures::entry("rtnl_getlink_dump");
    assert!(
        text.ends_with(&format!(
            "{} message(s), 0 problem(s)\n",
            entry.message_count
        )),
        "{text}"
    );
    for link in fixtures::oracle("ip_link")
        .as_array()
        .expect("ip -j link array")
    {
        let name = link["ifname"].as_str().expect("ifname");
        assert!(text.contains(&format!("\"{name}\"")), "{name} missing");
    }
    assert!(text.contains("Done("), "the dump's NLMSG_DONE is shown");
}

#[test]
fn raw_protocol_decodes_any_protocol_at_the_netlink_level() {
    let file = fixtures::dir().join("route/rtnl_getlink_by_index_enodev.resp.bin");
    let output = nldecode(&["--protocol", "raw", "--roundtrip", file.to_str().unwrap()]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("Error("), "{text}");
    assert!(text.contains("round trip: identical"), "{text}");
}

#[test]
fn broken_input_is_reported_not_crashed_on() {
    let original = std::fs::read(fixtures::dir().join("route/rtnl_getroute_dump_v4.resp.bin"))
        .expect("fixture");
    let dir = std::env::temp_dir().join(format!("nldecode-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    // A message length pointing past the end of the file.
    let mut truncated = original.clone();
    truncated.truncate(original.len() / 2 + 1);
    let path = dir.join("truncated.bin");
    std::fs::write(&path, &truncated).unwrap();
    let output = nldecode(&["--protocol", "route", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("FRAMING ERROR"),
        "{}",
        stdout(&output)
    );

    // Usage errors exit 2.
    let output = nldecode(&["--protocol", "carrier-pigeon", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
