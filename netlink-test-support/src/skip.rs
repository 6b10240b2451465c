//! The skip policy shared by every kernel-facing test.

/// Environment variable that turns skips into failures.
///
/// When it is set to `1`, a kernel test that cannot run (no privilege to create
/// a namespace, a missing kernel feature that the test asked to skip on, ...)
/// fails instead of printing `skipped: <reason>`. CI sets it, so a green CI run
/// proves the kernel tests really ran.
pub const REQUIRE_KERNEL_ENV: &str = "NETLINK_TEST_REQUIRE_KERNEL";

/// Whether kernel tests must run rather than skip (`NETLINK_TEST_REQUIRE_KERNEL=1`).
pub fn require_kernel() -> bool {
    require_kernel_from(std::env::var_os(REQUIRE_KERNEL_ENV).as_deref())
}

fn require_kernel_from(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|value| value == "1")
}

/// Skips the current test with a reason.
///
/// Prints `skipped: <reason>` and returns normally, so the caller should
/// `return` right after. When [`require_kernel`] is true it panics with the
/// reason instead, failing the test.
///
/// ```
/// fn some_kernel_test() {
///     let kernel_lacks_feature = true;
///     if kernel_lacks_feature {
///         # if netlink_test_support::require_kernel() { return; }
///         netlink_test_support::skip("kernel has no dummy link kind");
///         return;
///     }
/// }
/// some_kernel_test();
/// ```
pub fn skip(reason: &str) {
    skip_with(require_kernel(), reason);
}

/// Skips the current test because the running kernel lacks a feature it
/// needs (a link kind, an lwtunnel type, MPLS routing, ...).
///
/// Unlike [`skip`], this never fails, even with `NETLINK_TEST_REQUIRE_KERNEL=1`:
/// that variable proves the tests had the privilege to run, but no test can
/// make the kernel it runs on grow a feature. Call it only after probing the
/// kernel (and, where possible, after checking how it refuses), and say what
/// is missing. Prints `skipped: kernel lacks <feature>: <reason>`.
///
/// ```
/// netlink_test_support::skip_unsupported("MPLS routing", "no /proc/sys/net/mpls");
/// ```
pub fn skip_unsupported(feature: &str, reason: &str) {
    println!("skipped: kernel lacks {feature}: {reason}");
}

fn skip_with(require_kernel: bool, reason: &str) {
    if require_kernel {
        panic!("{REQUIRE_KERNEL_ENV}=1 but the test cannot run: {reason}");
    }
    println!("skipped: {reason}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn only_the_value_1_requires_the_kernel() {
        assert!(require_kernel_from(Some(OsStr::new("1"))));
        assert!(!require_kernel_from(None));
        assert!(!require_kernel_from(Some(OsStr::new("0"))));
        assert!(!require_kernel_from(Some(OsStr::new(""))));
        assert!(!require_kernel_from(Some(OsStr::new("yes"))));
    }

    #[test]
    fn skip_returns_when_the_kernel_is_not_required() {
        skip_with(false, "testing the skip policy");
    }

    #[test]
    fn skip_panics_with_the_reason_when_the_kernel_is_required() {
        let payload = std::panic::catch_unwind(|| skip_with(true, "no veth here"))
            .expect_err("skip must fail the test when the kernel is required");
        let message = payload
            .downcast_ref::<String>()
            .expect("panic message is a String");
        assert!(message.contains("no veth here"), "{message}");
        assert!(message.contains(REQUIRE_KERNEL_ENV), "{message}");
    }
}
