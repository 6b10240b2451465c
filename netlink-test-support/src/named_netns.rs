//! Named network namespaces (`ip netns add`) that clean up after themselves.

use std::path::PathBuf;

use crate::{ip, try_ip, unique_name};

/// A network namespace made with `ip netns add <unique name>` (a bind mount
/// under `/run/netns`), deleted with `ip netns del` when dropped, also when the
/// test panics.
///
/// Use it for tests that need a second namespace by name, path or fd (for
/// example a socket opened in another namespace). Create it from inside
/// [`run_in_netns`](crate::run_in_netns) so that links moved into it come from
/// the test's own namespace. Creating one needs root in the initial user
/// namespace (it mounts under `/run/netns`): in the unprivileged
/// user-namespace mode [`NamedNetns::create`] fails, and the test should
/// [`skip`](crate::skip) with the returned reason.
#[derive(Debug)]
pub struct NamedNetns {
    name: String,
}

impl NamedNetns {
    /// Creates a namespace named [`unique_name(prefix)`](crate::unique_name),
    /// or returns `ip`'s error.
    pub fn create(prefix: &str) -> Result<Self, String> {
        let name = unique_name(prefix);
        try_ip(&["netns", "add", &name])?;
        Ok(NamedNetns { name })
    }

    /// The namespace's name (`ip -n NAME`, `NetnsRef::Name`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The namespace's bind mount, `/run/netns/NAME`.
    pub fn path(&self) -> PathBuf {
        PathBuf::from("/run/netns").join(&self.name)
    }

    /// Runs `ip -n NAME <args>` (panics like [`ip`](crate::ip) on failure).
    pub fn ip(&self, args: &[&str]) -> String {
        let mut full = vec!["-n", self.name.as_str()];
        full.extend_from_slice(args);
        ip(&full)
    }
}

impl Drop for NamedNetns {
    fn drop(&mut self) {
        if let Err(error) = try_ip(&["netns", "del", &self.name]) {
            eprintln!("cleanup of namespace {}: {error}", self.name);
        }
    }
}

/// Identity of the calling thread's network namespace (the inode of
/// `/proc/thread-self/ns/net`): equal values mean the same namespace.
pub fn current_netns_id() -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/thread-self/ns/net")
        .unwrap_or_else(|error| panic!("stat /proc/thread-self/ns/net: {error}"))
        .ino()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ip_json, run_in_netns, skip};

    #[test]
    fn named_namespace_is_separate_and_removed_on_drop() {
        run_in_netns(
            "named_netns::tests::named_namespace_is_separate_and_removed_on_drop",
            || {
                let netns = match NamedNetns::create("tsnn") {
                    Ok(netns) => netns,
                    Err(reason) => {
                        skip(&format!("cannot create a named namespace: {reason}"));
                        return;
                    }
                };
                let path = netns.path();
                assert!(path.exists(), "{}", path.display());
                let link = unique_name("tsnl");
                ip(&["link", "add", &link, "type", "veth"]);
                ip(&["link", "set", &link, "netns", netns.name()]);
                let inside = netns.ip(&["-j", "link", "show", "dev", &link]);
                assert!(inside.contains(&link), "{inside}");
                let here = ip_json(&["link", "show"]);
                assert!(!here.to_string().contains(&format!("\"{link}\"")), "{here}");
                drop(netns);
                assert!(!path.exists(), "{} still exists", path.display());
            },
        );
    }

    #[test]
    fn namespace_ids_tell_namespaces_apart() {
        let outer = current_netns_id();
        assert_eq!(outer, current_netns_id());
        let (sender, receiver) = std::sync::mpsc::channel();
        run_in_netns(
            "named_netns::tests::namespace_ids_tell_namespaces_apart",
            move || {
                sender.send(current_netns_id()).expect("send id");
            },
        );
        if crate::is_namespace_child() {
            return;
        }
        if let Ok(inner) = receiver.try_recv() {
            assert_ne!(inner, outer);
        }
    }
}
