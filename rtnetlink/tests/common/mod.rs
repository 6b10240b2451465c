//! Shared helpers of the kernel tests.
#![allow(dead_code)]

use std::future::Future;

use netlink_test_support::ip_json;
use serde_json::Value;

/// Runs `body` with a fresh tokio connection inside the calling thread's
/// namespace (call it inside `run_in_netns`).
pub fn with_handle<F, Fut>(body: F)
where
    F: FnOnce(rtnetlink::Handle) -> Fut,
    Fut: Future<Output = ()>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async move {
        let (connection, handle, _events) = rtnetlink::new_connection().expect("connection");
        tokio::spawn(connection);
        body(handle).await;
    });
}

/// `ip -j -d link show NAME`, the one object.
pub fn link_json(name: &str) -> Value {
    let links = ip_json(&["-d", "link", "show", "dev", name]);
    links[0].clone()
}

/// The names of all links of the namespace according to iproute2.
pub fn link_names() -> Vec<String> {
    ip_json(&["link", "show"])
        .as_array()
        .expect("array")
        .iter()
        .map(|link| link["ifname"].as_str().expect("ifname").to_owned())
        .collect()
}

/// The index of link `name` according to iproute2.
pub fn index_of(name: &str) -> u32 {
    link_json(name)["ifindex"].as_u64().expect("ifindex") as u32
}

/// The `addr_info` entries of link `name` according to iproute2.
pub fn addresses_of(name: &str) -> Vec<Value> {
    let links = ip_json(&["addr", "show", "dev", name]);
    links[0]["addr_info"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}
