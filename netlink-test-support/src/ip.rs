//! iproute2 helpers for test setup and for checking results against `ip -j`.

use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

/// Longest interface name the kernel accepts (`IFNAMSIZ - 1`).
const MAX_INTERFACE_NAME_LEN: usize = 15;

/// Runs iproute2 `ip` with `args` and returns its standard output.
///
/// Meant for test setup: it panics, showing the command and `ip`'s stderr,
/// if `ip` cannot be started or exits with an error. It runs in the network
/// namespace of the calling thread (so inside [`run_in_netns`](crate::run_in_netns)
/// it sees the test's private namespace).
pub fn ip(args: &[&str]) -> String {
    try_ip(args).unwrap_or_else(|error| panic!("{error}"))
}

/// Runs iproute2 `ip` with `args`: `Ok(stdout)` on success, otherwise `Err` with a
/// message holding the command line, the exit status and `ip`'s stderr.
pub fn try_ip(args: &[&str]) -> Result<String, String> {
    let command_line = format!("ip {}", args.join(" "));
    let output = Command::new("ip").args(args).output().map_err(|error| {
        format!("`{command_line}`: cannot run ip (is iproute2 installed?): {error}")
    })?;
    if !output.status.success() {
        return Err(format!(
            "`{command_line}` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    String::from_utf8(output.stdout)
        .map_err(|error| format!("`{command_line}`: output is not UTF-8: {error}"))
}

/// Runs `ip -j <args>` and parses its JSON output.
///
/// Panics like [`ip`] on failure, and if the output is not JSON. An empty output
/// (some `ip` commands print nothing when there is nothing to show) gives an
/// empty JSON array.
pub fn ip_json(args: &[&str]) -> serde_json::Value {
    let mut full_args = Vec::with_capacity(args.len() + 1);
    full_args.push("-j");
    full_args.extend_from_slice(args);
    let output = ip(&full_args);
    if output.trim().is_empty() {
        return serde_json::Value::Array(Vec::new());
    }
    serde_json::from_str(&output).unwrap_or_else(|error| {
        panic!(
            "`ip {}` printed invalid JSON ({error}): {output}",
            full_args.join(" ")
        )
    })
}

/// Whether the running kernel can create links of `kind` (`veth`, `bridge`,
/// `dummy`, `macvlan`, ...) in the calling thread's network namespace.
///
/// It tries `ip link add <throwaway name> type <kind>` and deletes the link
/// again. Creation may fail for reasons other than a missing kind (for example
/// `macvlan` needs a lower device): only the kernel's "Unknown device type" /
/// `EOPNOTSUPP` answer counts as "not supported". Nothing is cached, because the
/// answer is tied to the namespace. Call it inside
/// [`run_in_netns`](crate::run_in_netns); it panics if permission is denied or
/// `ip` cannot be run, since then it cannot tell.
pub fn kernel_has_link_kind(kind: &str) -> bool {
    let name = unique_name("probe");
    match try_ip(&["link", "add", &name, "type", kind]) {
        Ok(_) => {
            // veth also made a peer; deleting one end removes both.
            ip(&["link", "del", &name]);
            true
        }
        Err(error) => {
            let lower = error.to_ascii_lowercase();
            if lower.contains("cannot run ip")
                || lower.contains("operation not permitted")
                || lower.contains("permission denied")
            {
                panic!("cannot probe link kind {kind:?}: {error}");
            }
            !(lower.contains("unknown device type")
                || lower.contains("operation not supported")
                || lower.contains("not supported"))
        }
    }
}

/// A name no other test of this run uses, for links and named namespaces.
///
/// The result is `prefix` followed by a suffix unique to this process and call,
/// cut to the kernel's 15-byte interface name limit (the prefix is shortened if
/// needed, so keep it short: 4 to 6 ASCII characters).
pub fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let suffix = format!(
        "{:x}x{:x}",
        std::process::id() & 0xffff,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let keep = MAX_INTERFACE_NAME_LEN.saturating_sub(suffix.len());
    let prefix: String = prefix.chars().filter(char::is_ascii).take(keep).collect();
    format!("{prefix}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run_in_netns;
    use std::collections::HashSet;

    #[test]
    fn unique_names_are_distinct_and_fit_an_interface_name() {
        let names: HashSet<String> = (0..1000).map(|_| unique_name("nltest")).collect();
        assert_eq!(names.len(), 1000);
        for name in &names {
            assert!(name.len() <= MAX_INTERFACE_NAME_LEN, "{name}");
            assert!(name.starts_with("nltest"), "{name}");
        }
        let long = unique_name("a-very-long-prefix-indeed");
        assert!(long.len() <= MAX_INTERFACE_NAME_LEN, "{long}");
        assert!(long.starts_with("a-very"), "{long}");
    }

    #[test]
    fn try_ip_reports_the_command_and_stderr() {
        run_in_netns("ip::tests::try_ip_reports_the_command_and_stderr", || {
            let error = try_ip(&["link", "show", "dev", "nosuchdev0"])
                .expect_err("showing a missing device fails");
            assert!(error.contains("ip link show dev nosuchdev0"), "{error}");
            assert!(error.contains("nosuchdev0"), "{error}");
            let lo = ip_json(&["link", "show", "dev", "lo"]);
            assert_eq!(lo[0]["ifname"], "lo");
        });
    }

    #[test]
    fn probing_link_kinds() {
        run_in_netns("ip::tests::probing_link_kinds", || {
            assert!(kernel_has_link_kind("veth"));
            assert!(!kernel_has_link_kind("nosuchkind"));
            // The probes leave nothing behind.
            let links = ip_json(&["link", "show"]);
            let names: Vec<&str> = links
                .as_array()
                .expect("ip -j link show prints an array")
                .iter()
                .filter_map(|link| link["ifname"].as_str())
                .collect();
            assert_eq!(names, ["lo"]);
        });
    }
}
