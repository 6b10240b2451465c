#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod fixtures;
mod ip;
mod named_netns;
mod netns;
mod sha256;
mod skip;

pub use ip::{ip, ip_json, kernel_has_link_kind, try_ip, unique_name};
pub use named_netns::{current_netns_id, NamedNetns};
pub use netns::{is_namespace_child, run_in_netns};
pub use skip::{require_kernel, skip, skip_unsupported, REQUIRE_KERNEL_ENV};
