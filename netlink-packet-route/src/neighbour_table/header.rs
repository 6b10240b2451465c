//! The neighbour table message header (`struct ndtmsg`) and the checked
//! view over a whole neighbour table message payload.

use crate::common::fixed_header::fixed_header;
use crate::common::AddressFamily;

/// Length of `struct ndtmsg`.
pub const NEIGHBOUR_TABLE_HEADER_LEN: usize = 4;

fixed_header! {
    /// A checked view over a neighbour table message payload: the 4-byte
    /// `struct ndtmsg` followed by `NDTA_*` attributes.
    pub struct NeighbourTableMessageBuffer;
    /// The fixed header of a neighbour table message (`struct ndtmsg`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NeighbourTableHeader;
    layout NEIGHBOUR_TABLE_HEADER_LEN, "neighbour table message", "struct ndtmsg" {
        /// `ndtm_family`: `AF_INET` (ARP) or `AF_INET6` (NDP).
        family / set_family: u8 = "`ndtm_family`" @ 0,
        /// `ndtm_pad1` and `ndtm_pad2` (reserved).
        padding / set_padding: [u8; 3] = "`ndtm_pad1` and `ndtm_pad2`" @ 1,
    }
    header {
        /// `ndtm_family`
        pub family: AddressFamily = family / set_family,
        /// The reserved `ndtm_pad1` / `ndtm_pad2` bytes (zero from the kernel),
        /// kept so that any message re-emits unchanged.
        pub padding: [u8; 3] = padding / set_padding,
    }
}
