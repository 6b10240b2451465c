//! The netconf message header (`struct netconfmsg`, padded to 4 bytes) and
//! the checked view over a whole netconf message payload.

use crate::common::fixed_header::fixed_header;
use crate::common::AddressFamily;

/// Length of the header: the one-byte `struct netconfmsg` padded to 4
/// bytes.
pub const NETCONF_HEADER_LEN: usize = 4;

fixed_header! {
    /// A checked view over a netconf message payload: `struct netconfmsg`
    /// (padded to 4 bytes) followed by `NETCONFA_*` attributes.
    pub struct NetconfMessageBuffer;
    /// The fixed header of a netconf message (`struct netconfmsg`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NetconfHeader;
    layout NETCONF_HEADER_LEN, "netconf message", "padded struct netconfmsg" {
        /// `ncm_family`: `AF_INET`, `AF_INET6` or `AF_MPLS`.
        family / set_family: u8 = "`ncm_family`" @ 0,
        /// The three padding bytes after the family.
        padding / set_padding: [u8; 3] = "the padding bytes" @ 1,
    }
    header {
        /// `ncm_family`
        pub family: AddressFamily = family / set_family,
        /// The padding after the family (zero from the kernel), kept so that
        /// any message re-emits unchanged.
        pub padding: [u8; 3] = padding / set_padding,
    }
}
