//! The namespace id message header (`struct rtgenmsg`, padded to 4 bytes)
//! and the checked view over a whole namespace id message payload.

use crate::common::fixed_header::fixed_header;
use crate::common::AddressFamily;

/// Length of the header: the one-byte `struct rtgenmsg` padded to 4 bytes.
pub const NSID_HEADER_LEN: usize = 4;

fixed_header! {
    /// A checked view over a namespace id message payload: `struct rtgenmsg`
    /// (padded to 4 bytes) followed by `NETNSA_*` attributes.
    pub struct NsIdMessageBuffer;
    /// The fixed header of a namespace id message (`struct rtgenmsg`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NsIdHeader;
    layout NSID_HEADER_LEN, "namespace id message", "padded struct rtgenmsg" {
        /// `rtgen_family` (`AF_UNSPEC` in practice).
        family / set_family: u8 = "`rtgen_family`" @ 0,
        /// The three padding bytes after the family.
        padding / set_padding: [u8; 3] = "the padding bytes" @ 1,
    }
    header {
        /// `rtgen_family`
        pub family: AddressFamily = family / set_family,
        /// The padding after the family (zero from the kernel), kept so that
        /// any message re-emits unchanged.
        pub padding: [u8; 3] = padding / set_padding,
    }
}
