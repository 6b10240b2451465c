//! Running a test inside a fresh, private network namespace.

use std::ffi::CString;
use std::io;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::panic;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

use crate::skip::skip;

/// Set in the re-executed test process that already runs inside a user + network
/// namespace; its value is the test name it must run.
const CHILD_ENV: &str = "NETLINK_TEST_SUPPORT_NETNS_CHILD";
/// Path of a file the re-executed child creates once the test body returned, so
/// the parent can tell "the test passed" from "libtest ran no test".
const RAN_FILE_ENV: &str = "NETLINK_TEST_SUPPORT_RAN_FILE";
/// Exit code of a child that could not set up its namespace (it asks the parent to skip).
const CHILD_SETUP_FAILED: i32 = 77;

/// Runs `f` inside a fresh private network namespace and returns when it is done.
///
/// `test_name` is the full libtest name of the calling test (the path printed by
/// `cargo test`, without the crate name: `dump_links` for a function at the top
/// of `tests/kernel.rs`, `tests::dump_links` for one in a `mod tests`).
///
/// How the namespace is made, in order of preference:
///
/// 1. **Privileged** (root or `CAP_SYS_ADMIN`): `f` runs on a dedicated thread that
///    first calls `unshare(CLONE_NEWNET)` and brings `lo` up. Sockets opened and
///    processes (`ip ...`) spawned from that thread live in the new namespace; the
///    rest of the test process, and the machine, are untouched. A panic in `f` is
///    re-raised in the caller, so assertions fail the test.
/// 2. **Unprivileged, with user namespaces available**: a new user namespace cannot
///    be entered by a multithreaded process, so the current test binary is run
///    again (`<exe> --exact <test_name> --nocapture --test-threads=1`) in a child
///    process placed in a new user + network namespace, where it is root of its
///    own namespace. In that child, `run_in_netns` runs `f` directly. The child's
///    output is forwarded; the test fails if the child fails or ran no test of
///    that name.
/// 3. **Neither**: the test is skipped with [`skip`](crate::skip) (a `skipped:`
///    line, or a failure when `NETLINK_TEST_REQUIRE_KERNEL=1`).
///
/// In the unprivileged case the whole test function runs again in the child,
/// so code before and after the `run_in_netns` call runs there too (inside the
/// namespace). Keep the test's work inside `f`; code that must only run in the
/// caller's own namespace can check [`is_namespace_child`].
///
/// ```no_run
/// #[test]
/// fn loopback_is_up() {
///     netlink_test_support::run_in_netns("loopback_is_up", || {
///         let links = netlink_test_support::ip_json(&["link", "show", "lo"]);
///         assert!(links[0]["flags"].as_array().unwrap().iter().any(|f| f == "UP"));
///     });
/// }
/// ```
pub fn run_in_netns(test_name: &str, f: impl FnOnce() + Send + 'static) {
    check_test_name(test_name, thread::current().name());
    if let Some(child_of) = std::env::var_os(CHILD_ENV) {
        if child_of.as_bytes() != test_name.as_bytes() {
            panic!(
                "run_in_netns({test_name:?}) called in the namespace child started for test \
                 {child_of:?}: the test name passed to run_in_netns must be the test's full \
                 libtest path"
            );
        }
        run_as_namespace_child(f);
        return;
    }
    let direct_error = match run_on_namespaced_thread(f) {
        Ok(()) => return,
        Err(error) => error,
    };
    match run_in_user_namespace_child(test_name, &[]) {
        ChildOutcome::Passed => {}
        ChildOutcome::CannotRun(reason) => skip(&format!(
            "cannot create a private network namespace: unshare(CLONE_NEWNET): {direct_error}; \
             user namespace: {reason}"
        )),
    }
}

/// Panics if the calling thread is a libtest test thread (they are named after
/// their test) for a test other than `test_name`: a wrong name would only show
/// up when the tests run without root.
fn check_test_name(test_name: &str, thread_name: Option<&str>) {
    if let Some(running) = thread_name {
        if running != "main" && !running.starts_with("netns:") && running != test_name {
            panic!(
                "run_in_netns({test_name:?}) called from test {running:?}: pass the test's \
                 full libtest path, {running:?}"
            );
        }
    }
}

/// Whether this process is the re-executed test child that [`run_in_netns`]
/// started inside a user + network namespace (the unprivileged path).
///
/// Code of a test outside its `run_in_netns` closure also runs in that child;
/// use this to skip checks that only make sense in the caller's namespace.
pub fn is_namespace_child() -> bool {
    std::env::var_os(CHILD_ENV).is_some()
}

/// Runs `f` on a new thread that entered a fresh network namespace.
///
/// Returns `Err` (without running `f`) if the namespace cannot be created;
/// re-raises a panic of `f`.
fn run_on_namespaced_thread(f: impl FnOnce() + Send + 'static) -> io::Result<()> {
    let thread = thread::Builder::new()
        .name(format!(
            "netns:{}",
            thread::current().name().unwrap_or("unnamed")
        ))
        .spawn(move || -> io::Result<()> {
            // SAFETY: unshare only changes this thread's namespace set.
            if unsafe { libc::unshare(libc::CLONE_NEWNET) } != 0 {
                return Err(io::Error::last_os_error());
            }
            bring_loopback_up()
                .map_err(|e| io::Error::new(e.kind(), format!("bringing lo up: {e}")))
                .unwrap_or_else(|e| panic!("fresh network namespace: {e}"));
            f();
            Ok(())
        })
        .unwrap_or_else(|e| panic!("cannot spawn the namespace thread: {e}"));
    match thread.join() {
        Ok(result) => result,
        Err(payload) => panic::resume_unwind(payload),
    }
}

/// Body of the re-executed child: already in its own user + network namespace.
fn run_as_namespace_child(f: impl FnOnce()) {
    if let Err(error) = bring_loopback_up() {
        eprintln!("netns child: cannot bring lo up in the user namespace: {error}");
        std::process::exit(CHILD_SETUP_FAILED);
    }
    f();
    if let Some(path) = std::env::var_os(RAN_FILE_ENV) {
        if let Err(error) = std::fs::write(&path, b"ran\n") {
            panic!("netns child: cannot write {path:?}: {error}");
        }
    }
}

enum ChildOutcome {
    Passed,
    CannotRun(String),
}

/// Re-executes the current test binary for `test_name` inside a new user +
/// network namespace and reports how it went. Panics if the test failed there.
fn run_in_user_namespace_child(test_name: &str, extra_env: &[(&str, &str)]) -> ChildOutcome {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(error) => return ChildOutcome::CannotRun(format!("current_exe: {error}")),
    };
    let ran_file: PathBuf = std::env::temp_dir().join(format!(
        "netlink-test-support-{}-{}.ran",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_file(&ran_file);

    // Everything the pre_exec hook touches is prepared here: after fork in a
    // multithreaded process the hook must not allocate.
    // SAFETY: getuid/getgid cannot fail.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    let maps = IdMaps {
        setgroups: CString::from(c"/proc/self/setgroups"),
        uid_map_path: CString::from(c"/proc/self/uid_map"),
        gid_map_path: CString::from(c"/proc/self/gid_map"),
        uid_map: format!("0 {uid} 1\n").into_bytes(),
        gid_map: format!("0 {gid} 1\n").into_bytes(),
    };
    let mut command = Command::new(&exe);
    command
        .args(["--exact", test_name, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, test_name)
        .env(RAN_FILE_ENV, &ran_file)
        .envs(extra_env.iter().copied());
    // SAFETY: the hook only makes raw system calls on data prepared before fork.
    unsafe {
        command.pre_exec(move || maps.enter_user_and_network_namespace());
    }
    let output = match command.output() {
        Ok(output) => output,
        Err(error) => return ChildOutcome::CannotRun(format!("starting {exe:?}: {error}")),
    };
    print!("{}", String::from_utf8_lossy(&output.stdout));
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    let ran = ran_file.exists();
    let _ = std::fs::remove_file(&ran_file);
    if output.status.code() == Some(CHILD_SETUP_FAILED) {
        return ChildOutcome::CannotRun(format!(
            "the child could not set up its namespace: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    if !output.status.success() {
        match output.status.signal() {
            Some(signal) => panic!("test {test_name:?} was killed by signal {signal} in its user + network namespace child"),
            None => panic!(
                "test {test_name:?} failed in its user + network namespace child ({})",
                output.status
            ),
        }
    }
    if !ran {
        panic!(
            "the user + network namespace child ran no test named {test_name:?}: pass the \
             test's full libtest path (for example `tests::my_test` inside `mod tests`) to \
             run_in_netns"
        );
    }
    ChildOutcome::Passed
}

/// Data for the pre_exec hook that enters a new user + network namespace and maps
/// the caller's uid/gid to root inside it.
struct IdMaps {
    setgroups: CString,
    uid_map_path: CString,
    gid_map_path: CString,
    uid_map: Vec<u8>,
    gid_map: Vec<u8>,
}

impl IdMaps {
    fn enter_user_and_network_namespace(&self) -> io::Result<()> {
        // SAFETY: plain system call on the (single-threaded) forked child.
        if unsafe { libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNET) } != 0 {
            return Err(io::Error::last_os_error());
        }
        match write_all(&self.setgroups, b"deny") {
            Err(error) if error.raw_os_error() == Some(libc::ENOENT) => {}
            other => other?,
        }
        write_all(&self.uid_map_path, &self.uid_map)?;
        write_all(&self.gid_map_path, &self.gid_map)
    }
}

/// Writes `data` to the file at `path` with raw system calls (no allocation).
fn write_all(path: &CString, data: &[u8]) -> io::Result<()> {
    // SAFETY: path is a valid NUL-terminated string.
    let fd = unsafe { libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fd was just opened and is owned here.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    // SAFETY: data is a valid buffer of data.len() bytes.
    let written = unsafe {
        libc::write(
            std::os::fd::AsRawFd::as_raw_fd(&fd),
            data.as_ptr().cast(),
            data.len(),
        )
    };
    if written < 0 {
        return Err(io::Error::last_os_error());
    }
    if written as usize != data.len() {
        return Err(io::Error::from_raw_os_error(libc::EIO));
    }
    Ok(())
}

/// Sets `IFF_UP` on `lo` in the calling thread's network namespace.
fn bring_loopback_up() -> io::Result<()> {
    // SAFETY: plain socket creation.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fd was just created and is owned here.
    let socket = unsafe { OwnedFd::from_raw_fd(fd) };
    let fd = std::os::fd::AsRawFd::as_raw_fd(&socket);
    // SAFETY: ifreq is plain old data; all-zero is a valid value.
    let mut request: libc::ifreq = unsafe { std::mem::zeroed() };
    for (slot, byte) in request.ifr_name.iter_mut().zip(b"lo\0") {
        *slot = *byte as libc::c_char;
    }
    // SAFETY: request is a valid ifreq naming "lo".
    if unsafe { libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut request) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: SIOCGIFFLAGS filled the flags member of the union.
    unsafe {
        request.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
    }
    // SAFETY: request is a valid ifreq naming "lo" with flags set.
    if unsafe { libc::ioctl(fd, libc::SIOCSIFFLAGS, &request) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{current_netns_id, ip, ip_json, try_ip, unique_name};

    fn link_names() -> Vec<String> {
        ip_json(&["link", "show"])
            .as_array()
            .expect("ip -j link show prints an array")
            .iter()
            .filter_map(|link| link["ifname"].as_str().map(str::to_owned))
            .collect()
    }

    /// Checks made inside every fresh namespace: only `lo`, up, and links can be made.
    fn assert_fresh_namespace_and_create(name: &str) {
        assert_eq!(link_names(), ["lo"]);
        let lo = ip_json(&["link", "show", "dev", "lo"]);
        let flags = lo[0]["flags"].as_array().expect("lo has flags");
        assert!(flags.iter().any(|flag| flag == "UP"), "lo is not up: {lo}");
        ip(&["link", "add", name, "type", "veth"]);
        assert!(link_names().iter().any(|link| link == name));
    }

    #[test]
    fn link_created_inside_is_not_visible_outside() {
        let name = unique_name("tsvis");
        let inner_name = name.clone();
        let outer_inode = current_netns_id();
        let (sender, receiver) = std::sync::mpsc::channel();
        run_in_netns(
            "netns::tests::link_created_inside_is_not_visible_outside",
            move || {
                sender.send(current_netns_id()).expect("send inode");
                assert_fresh_namespace_and_create(&inner_name);
            },
        );
        if is_namespace_child() {
            return;
        }
        if let Ok(inner_inode) = receiver.try_recv() {
            assert_ne!(inner_inode, outer_inode, "f ran in the caller's namespace");
        }
        assert_eq!(
            current_netns_id(),
            outer_inode,
            "the caller's namespace changed"
        );
        let outside = try_ip(&["link", "show", "dev", &name]);
        assert!(
            outside.is_err(),
            "{name} leaked into the caller's namespace: {outside:?}"
        );
    }

    #[test]
    fn a_wrong_test_name_is_reported() {
        check_test_name("tests::mine", Some("tests::mine"));
        check_test_name("tests::mine", None);
        check_test_name("tests::mine", Some("main"));
        let message = std::panic::catch_unwind(|| check_test_name("mine", Some("tests::mine")))
            .expect_err("a wrong name is accepted");
        let message = message
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default();
        assert!(message.contains("\"tests::mine\""), "{message}");
    }

    #[test]
    fn a_panic_inside_reaches_the_caller() {
        let outcome = std::panic::catch_unwind(|| {
            run_on_namespaced_thread(|| panic!("assertion inside the namespace"))
        });
        match outcome {
            Ok(Ok(())) => panic!("the panic of f was swallowed"),
            Ok(Err(error)) => crate::skip(&format!("cannot unshare(CLONE_NEWNET): {error}")),
            Err(payload) => {
                let message = payload.downcast_ref::<&str>().copied().unwrap_or("");
                assert_eq!(message, "assertion inside the namespace");
            }
        }
    }

    const CALLER_NETNS_ENV: &str = "NETLINK_TEST_SUPPORT_CALLER_NETNS";

    #[test]
    fn user_namespace_child_runs_the_test_in_a_private_namespace() {
        const NAME: &str =
            "netns::tests::user_namespace_child_runs_the_test_in_a_private_namespace";
        if std::env::var_os(CHILD_ENV).is_some() {
            run_in_netns(NAME, || {
                let caller: u64 = std::env::var(CALLER_NETNS_ENV)
                    .expect("caller namespace passed")
                    .parse()
                    .expect("inode");
                assert_ne!(
                    current_netns_id(),
                    caller,
                    "child runs in the caller's namespace"
                );
                assert_fresh_namespace_and_create("tsuserns0");
            });
            return;
        }
        let caller = current_netns_id().to_string();
        match run_in_user_namespace_child(NAME, &[(CALLER_NETNS_ENV, &caller)]) {
            ChildOutcome::Passed => {}
            ChildOutcome::CannotRun(reason) => crate::skip(&reason),
        }
        assert!(try_ip(&["link", "show", "dev", "tsuserns0"]).is_err());
    }

    #[test]
    fn user_namespace_child_failure_fails_the_caller() {
        const NAME: &str = "netns::tests::user_namespace_child_failure_fails_the_caller";
        if std::env::var_os(CHILD_ENV).is_some() {
            run_in_netns(NAME, || panic!("failing on purpose inside the child"));
            return;
        }
        let outcome = std::panic::catch_unwind(|| run_in_user_namespace_child(NAME, &[]));
        match outcome {
            Ok(ChildOutcome::Passed) => panic!("a failing child was reported as passing"),
            Ok(ChildOutcome::CannotRun(reason)) => crate::skip(&reason),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default();
                assert!(
                    message.contains("failed in its user + network namespace child"),
                    "{message}"
                );
            }
        }
    }

    #[test]
    fn user_namespace_child_that_runs_no_test_fails_the_caller() {
        let outcome = std::panic::catch_unwind(|| {
            run_in_user_namespace_child("netns::tests::there_is_no_such_test", &[])
        });
        match outcome {
            Ok(ChildOutcome::Passed) => panic!("a child that ran nothing was reported as passing"),
            Ok(ChildOutcome::CannotRun(reason)) => crate::skip(&reason),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default();
                assert!(message.contains("ran no test named"), "{message}");
            }
        }
    }
}
