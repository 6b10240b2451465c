//! Network namespaces: open a socket inside a namespace given by name, path
//! or file descriptor, without leaving the calling thread switched into it.

use std::{
    fmt,
    fs::File,
    io,
    os::fd::{AsRawFd, RawFd},
    path::{Path, PathBuf},
    thread,
};

use crate::{socket::cvt, Socket};

/// Directory where `ip netns add NAME` keeps the namespace `NAME`.
pub const NETNS_RUN_DIR: &str = "/run/netns";

/// A network namespace to open sockets in.
///
/// A socket stays in the namespace it was created in, whatever the thread
/// that uses it later; so a socket created through a `NetnsRef` talks to that
/// namespace's kernel objects (links, routes, ...) for its whole life.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NetnsRef {
    /// A namespace named by iproute2, i.e. the file `/run/netns/NAME`
    /// (`ip netns add NAME`). The name must not be empty, `.`, `..`, or
    /// contain `/` or NUL.
    Name(String),
    /// A namespace file: a bind mount like those in `/run/netns`, or
    /// `/proc/PID/ns/net`.
    Path(PathBuf),
    /// An open descriptor of a namespace file (or a pidfd), borrowed: it
    /// must stay open during the call and is never closed by this crate.
    Fd(RawFd),
}

impl NetnsRef {
    /// The namespace `/run/netns/NAME`.
    pub fn name(name: impl Into<String>) -> Self {
        NetnsRef::Name(name.into())
    }

    /// The namespace file at `path`.
    pub fn path(path: impl Into<PathBuf>) -> Self {
        NetnsRef::Path(path.into())
    }

    /// The file this reference names, or `None` for a descriptor. Fails with
    /// `InvalidInput` for a name that is not a single path component.
    pub fn file_path(&self) -> io::Result<Option<PathBuf>> {
        match self {
            NetnsRef::Name(name) => {
                if name.is_empty()
                    || name == "."
                    || name == ".."
                    || name.contains('/')
                    || name.contains('\0')
                {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!(
                            "invalid network namespace name {name:?}: it must be one \
                             non-empty path component"
                        ),
                    ));
                }
                Ok(Some(Path::new(NETNS_RUN_DIR).join(name)))
            }
            NetnsRef::Path(path) => Ok(Some(path.clone())),
            NetnsRef::Fd(_) => Ok(None),
        }
    }

    /// Runs `f` on a short-lived dedicated thread switched into this
    /// namespace (`setns(2)` with `CLONE_NEWNET`) and returns its result.
    /// The calling thread never changes namespace. Sockets created by `f`
    /// belong to the namespace.
    ///
    /// Needs `CAP_SYS_ADMIN` over the namespace (`EPERM` otherwise).
    pub fn run<T, F>(&self, f: F) -> io::Result<T>
    where
        F: FnOnce() -> T + Send,
        T: Send,
    {
        let file =
            match self.file_path()? {
                Some(path) => Some(File::open(&path).map_err(|err| {
                    io::Error::new(err.kind(), format!("cannot open {self}: {err}"))
                })?),
                None => None,
            };
        let fd = match (&file, self) {
            (Some(file), _) => file.as_raw_fd(),
            (None, NetnsRef::Fd(fd)) => *fd,
            (None, _) => {
                return Err(io::Error::other(format!("no namespace file for {self}")));
            }
        };
        let result = thread::scope(|scope| {
            let worker = thread::Builder::new()
                .name("netlink-netns".to_owned())
                .spawn_scoped(scope, move || -> io::Result<T> {
                    // SAFETY: plain system call on a descriptor that stays
                    // open for the whole scope (owned by `file` or lent by the
                    // caller). It only changes this dedicated thread.
                    cvt(unsafe { libc::setns(fd, libc::CLONE_NEWNET) }).map_err(|err| {
                        let hint = match err.raw_os_error() {
                            Some(libc::EINVAL) => " (not a network namespace)",
                            Some(libc::EPERM) => " (needs CAP_SYS_ADMIN)",
                            _ => "",
                        };
                        io::Error::new(err.kind(), format!("cannot enter {self}: {err}{hint}"))
                    })?;
                    Ok(f())
                })
                .map_err(|err| {
                    io::Error::new(
                        err.kind(),
                        format!("cannot spawn a thread to enter {self}: {err}"),
                    )
                })?;
            worker
                .join()
                .map_err(|_| io::Error::other(format!("the thread that entered {self} panicked")))?
        });
        drop(file);
        result
    }
}

impl fmt::Display for NetnsRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetnsRef::Name(name) => {
                write!(f, "network namespace {name:?} ({NETNS_RUN_DIR}/{name})")
            }
            NetnsRef::Path(path) => write!(f, "network namespace file {}", path.display()),
            NetnsRef::Fd(fd) => write!(f, "network namespace descriptor {fd}"),
        }
    }
}

/// Network namespaces.
impl Socket {
    /// Opens a netlink socket for `protocol` inside the network namespace
    /// `ns`. The socket is created on a short-lived thread switched into the
    /// namespace (see [`NetnsRef::run`]): the calling thread stays where it
    /// is. The socket then lives in `ns` for good.
    ///
    /// Errors name the namespace: a missing name gives `NotFound`
    /// ("cannot open network namespace ..."), a file that is not a network
    /// namespace gives `EINVAL`, missing privilege `EPERM`.
    pub fn new_in_namespace(protocol: isize, ns: &NetnsRef) -> io::Result<Socket> {
        ns.run(|| Socket::new(protocol))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_under_run_netns() {
        assert_eq!(
            NetnsRef::name("blue").file_path().unwrap(),
            Some(PathBuf::from("/run/netns/blue"))
        );
        assert_eq!(
            NetnsRef::path("/proc/1/ns/net").file_path().unwrap(),
            Some(PathBuf::from("/proc/1/ns/net"))
        );
        assert_eq!(NetnsRef::Fd(3).file_path().unwrap(), None);
    }

    #[test]
    fn names_that_are_not_one_component_are_refused() {
        for bad in ["", ".", "..", "a/b", "../etc", "nul\0"] {
            let err = NetnsRef::name(bad).file_path().unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
            assert!(err.to_string().contains("invalid network namespace name"));
        }
    }

    #[test]
    fn missing_namespace_names_the_file() {
        let ns = NetnsRef::name("netlink-sys-surely-missing-namespace");
        let err = Socket::new_in_namespace(0, &ns).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(
            err.to_string()
                .contains("/run/netns/netlink-sys-surely-missing-namespace"),
            "{err}"
        );
    }

    #[test]
    fn a_file_that_is_not_a_namespace_is_refused_without_switching() {
        // /dev/null opens fine but setns refuses it; nothing changes.
        let err = Socket::new_in_namespace(0, &NetnsRef::path("/dev/null")).unwrap_err();
        assert_eq!(err.raw_os_error(), None);
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{err}");
        assert!(err.to_string().contains("not a network namespace"), "{err}");
    }

    #[test]
    fn display_says_which_namespace() {
        assert_eq!(
            NetnsRef::name("blue").to_string(),
            "network namespace \"blue\" (/run/netns/blue)"
        );
        assert_eq!(
            NetnsRef::path("/x").to_string(),
            "network namespace file /x"
        );
        assert_eq!(
            NetnsRef::Fd(7).to_string(),
            "network namespace descriptor 7"
        );
    }
}
