//! The prefix message header (`struct prefixmsg`) and the checked view over
//! a whole prefix message payload.

use crate::common::fixed_header::{fixed_header, FlagsField};
use crate::common::AddressFamily;

/// Length of `struct prefixmsg`.
pub const PREFIX_HEADER_LEN: usize = 12;

bitflags::bitflags! {
    /// Prefix flags (`prefix_flags`, `IF_PREFIX_*`). Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct PrefixFlags: u8 {
        /// `IF_PREFIX_ONLINK`: the prefix is on-link.
        const ONLINK = 0x01;
        /// `IF_PREFIX_AUTOCONF`: usable for address autoconfiguration.
        const AUTOCONF = 0x02;
    }
}

impl FlagsField for PrefixFlags {}

fixed_header! {
    /// A checked view over a prefix message payload: the 12-byte
    /// `struct prefixmsg` followed by `PREFIX_*` attributes.
    pub struct PrefixMessageBuffer;
    /// The fixed header of a prefix message (`struct prefixmsg`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct PrefixHeader;
    layout PREFIX_HEADER_LEN, "prefix message", "struct prefixmsg" {
        /// `prefix_family` (`AF_INET6`).
        family / set_family: u8 = "`prefix_family`" @ 0,
        /// `prefix_pad1` (one byte) and `prefix_pad2` (two bytes), reserved.
        pad1_pad2 / set_pad1_pad2: [u8; 3] = "`prefix_pad1` and `prefix_pad2`" @ 1,
        /// `prefix_ifindex`: the interface the advertisement arrived on.
        ifindex / set_ifindex: u32 = "`prefix_ifindex`" @ 4,
        /// `prefix_type`: the ND option type (3, prefix information).
        kind / set_kind: u8 = "`prefix_type`" @ 8,
        /// `prefix_len`
        prefix_len / set_prefix_len: u8 = "`prefix_len`" @ 9,
        /// `prefix_flags`
        flags / set_flags: PrefixFlags = "`prefix_flags`" @ 10,
        /// `prefix_pad3` (reserved).
        pad3 / set_pad3: u8 = "`prefix_pad3`" @ 11,
    }
    header {
        /// `prefix_family`
        pub family: AddressFamily = family / set_family,
        /// `prefix_ifindex`
        pub ifindex: u32 = ifindex / set_ifindex,
        /// `prefix_type`: the ND option type (3, prefix information).
        pub kind: u8 = kind / set_kind,
        /// `prefix_len`
        pub prefix_len: u8 = prefix_len / set_prefix_len,
        /// `prefix_flags`
        pub flags: PrefixFlags = flags / set_flags,
        /// The reserved bytes (zero from the kernel), kept so that any message
        /// re-emits unchanged.
        pub padding: [u8; 4] = padding / set_padding,
    }
}

impl<T: AsRef<[u8]>> PrefixMessageBuffer<T> {
    /// The reserved bytes `prefix_pad1`, `prefix_pad2` (2 bytes) and
    /// `prefix_pad3`, in wire order.
    pub fn padding(&self) -> [u8; 4] {
        let [pad1, pad2_low, pad2_high] = self.pad1_pad2();
        [pad1, pad2_low, pad2_high, self.pad3()]
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> PrefixMessageBuffer<T> {
    /// Sets the reserved bytes (see [`PrefixMessageBuffer::padding`]).
    pub fn set_padding(&mut self, value: [u8; 4]) {
        let [pad1, pad2_low, pad2_high, pad3] = value;
        self.set_pad1_pad2([pad1, pad2_low, pad2_high]);
        self.set_pad3(pad3);
    }
}

impl Default for PrefixHeader {
    /// An `AF_INET6` prefix information header (type 3) with everything
    /// else zero.
    fn default() -> Self {
        PrefixHeader {
            family: AddressFamily::Inet6,
            ifindex: 0,
            kind: 3,
            prefix_len: 0,
            flags: PrefixFlags::empty(),
            padding: [0; 4],
        }
    }
}
