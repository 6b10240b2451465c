//! Short names (devices, alternative names, queueing disciplines) stored
//! without allocation.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::convert::Infallible;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::str::FromStr;

use netlink_packet_core::{parse_c_string, DecodeError};

/// A name of the link world: a device name (`IFLA_IFNAME`, at most 15
/// bytes in the kernel), an alternative name, a queueing discipline, a
/// physical port or parent device name.
///
/// It behaves like a `&str` (it dereferences to one, compares with `str`
/// and `String`, prints as one), but a name of up to
/// [`LinkName::INLINE_CAPACITY`] bytes is stored inline, so decoding a link
/// message does not allocate for it; longer names are kept on the heap.
///
/// ```
/// use netlink_packet_route::link::LinkName;
/// let name = LinkName::from("eth0");
/// assert_eq!(name, "eth0");
/// assert_eq!(name.as_str(), "eth0");
/// assert!(name.starts_with("eth"));
/// assert_eq!(name.to_string(), "eth0");
/// assert_eq!(String::from(name), "eth0");
/// let long = LinkName::from("a-rather-long-alternative-name");
/// assert_eq!(long.len(), 30);
/// ```
#[derive(Clone)]
pub struct LinkName(Repr);

#[derive(Clone)]
enum Repr {
    /// The first `len` bytes of `bytes` are valid UTF-8; the rest is zero.
    Inline {
        len: u8,
        bytes: [u8; LinkName::INLINE_CAPACITY],
    },
    /// A name longer than the inline capacity.
    Heap(Box<str>),
}

impl LinkName {
    /// The longest name stored without allocation, in bytes.
    pub const INLINE_CAPACITY: usize = 22;

    /// The name as a string slice.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always valid UTF-8 (built from a `str`), so the fallback is
            // dead code; the check is cheap for a short name.
            Repr::Inline { .. } => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            Repr::Heap(name) => name,
        }
    }

    /// The UTF-8 bytes of the name (no terminating NUL).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(name) => name.as_bytes(),
        }
    }

    /// Length of the name in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Inline { len, .. } => usize::from(*len),
            Repr::Heap(name) => name.len(),
        }
    }

    /// Whether the name is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The name of `bytes` if it is short enough to be stored inline
    /// (the caller has checked that they are UTF-8).
    #[inline]
    fn inline(text: &[u8]) -> Option<Self> {
        let mut bytes = [0; Self::INLINE_CAPACITY];
        bytes.get_mut(..text.len())?.copy_from_slice(text);
        Some(LinkName(Repr::Inline {
            len: u8::try_from(text.len()).ok()?,
            bytes,
        }))
    }

    /// Decodes a NUL-terminated UTF-8 string, with the checks (and errors)
    /// of [`parse_c_string`]: a short ASCII name, the usual case, is checked
    /// and copied in one pass without allocating.
    #[inline]
    pub(crate) fn parse_c_string(bytes: &[u8]) -> Result<Self, DecodeError> {
        if let Some((&0, text)) = bytes.split_last() {
            // ASCII without NUL: bytes 1..=0x7f.
            if text.iter().all(|&byte| byte.wrapping_sub(1) < 0x7f) {
                if let Some(name) = LinkName::inline(text) {
                    return Ok(name);
                }
            }
        }
        parse_c_string(bytes).map(LinkName::from)
    }
}

impl Default for LinkName {
    fn default() -> Self {
        LinkName(Repr::Inline {
            len: 0,
            bytes: [0; Self::INLINE_CAPACITY],
        })
    }
}

impl Deref for LinkName {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for LinkName {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for LinkName {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Borrow<str> for LinkName {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for LinkName {
    fn from(name: &str) -> Self {
        LinkName::inline(name.as_bytes()).unwrap_or_else(|| LinkName(Repr::Heap(name.into())))
    }
}

impl From<&String> for LinkName {
    fn from(name: &String) -> Self {
        LinkName::from(name.as_str())
    }
}

impl From<String> for LinkName {
    fn from(name: String) -> Self {
        LinkName::inline(name.as_bytes())
            .unwrap_or_else(|| LinkName(Repr::Heap(name.into_boxed_str())))
    }
}

impl From<Box<str>> for LinkName {
    fn from(name: Box<str>) -> Self {
        LinkName::inline(name.as_bytes()).unwrap_or(LinkName(Repr::Heap(name)))
    }
}

impl From<LinkName> for String {
    fn from(name: LinkName) -> Self {
        match name.0 {
            Repr::Heap(name) => name.into_string(),
            Repr::Inline { .. } => name.as_str().to_owned(),
        }
    }
}

impl FromStr for LinkName {
    type Err = Infallible;

    fn from_str(name: &str) -> Result<Self, Infallible> {
        Ok(LinkName::from(name))
    }
}

impl fmt::Display for LinkName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for LinkName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for LinkName {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for LinkName {}

impl PartialOrd for LinkName {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for LinkName {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl Hash for LinkName {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As `str` hashes, so that `Borrow<str>` lookups work.
        self.as_str().hash(state)
    }
}

macro_rules! eq_with {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for LinkName {
            fn eq(&self, other: &$other) -> bool {
                self.as_bytes() == AsRef::<[u8]>::as_ref(other)
            }
        }

        impl PartialEq<LinkName> for $other {
            fn eq(&self, other: &LinkName) -> bool {
                AsRef::<[u8]>::as_ref(self) == other.as_bytes()
            }
        }
    )*};
}

eq_with!(str, &str, String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_heap_names_behave_like_strings() {
        let short = LinkName::from("eth0");
        assert!(matches!(short.0, Repr::Inline { len: 4, .. }));
        let exact = LinkName::from("x".repeat(LinkName::INLINE_CAPACITY));
        assert!(matches!(exact.0, Repr::Inline { .. }));
        let long = LinkName::from("y".repeat(LinkName::INLINE_CAPACITY + 1));
        assert!(matches!(long.0, Repr::Heap(_)));
        assert_eq!(long.len(), LinkName::INLINE_CAPACITY + 1);
        assert_eq!(long, "y".repeat(LinkName::INLINE_CAPACITY + 1));
        assert_eq!(LinkName::from("żółw"), "żółw");
        assert_eq!(LinkName::from(String::from("lo")), LinkName::from("lo"));
        assert_eq!(format!("{short:?} {short}"), "\"eth0\" eth0");
        assert!(LinkName::default().is_empty());
        let (a, b) = (LinkName::from("a"), LinkName::from("b"));
        assert!(a < b);
        let set: std::collections::HashSet<LinkName> = [short.clone()].into();
        assert!(set.contains("eth0"));
    }

    #[test]
    fn decoding_agrees_with_parse_c_string() {
        let long = format!("{}\0", "n".repeat(40));
        let cases: [&[u8]; 10] = [
            b"eth0\0",
            b"\0",
            b"eth0",
            b"",
            b"et\0h0\0",
            b"caf\xc3\xa9\0",
            b"bad\xff\0",
            b"\x7f\0",
            b"0123456789abcdefghijkl\0",
            long.as_bytes(),
        ];
        for bytes in cases {
            match (LinkName::parse_c_string(bytes), parse_c_string(bytes)) {
                (Ok(name), Ok(string)) => assert_eq!(name, string),
                (Err(error), Err(expected)) => assert_eq!(error.to_string(), expected.to_string()),
                (name, string) => panic!("{bytes:?}: {name:?} against {string:?}"),
            }
        }
    }
}
