//! The address label message header (`struct ifaddrlblmsg`) and the
//! checked view over a whole address label message payload.

use crate::common::fixed_header::fixed_header;
use crate::common::AddressFamily;

/// Length of `struct ifaddrlblmsg`.
pub const ADDRESS_LABEL_HEADER_LEN: usize = 12;

fixed_header! {
    /// A checked view over an address label message payload: the 12-byte
    /// `struct ifaddrlblmsg` followed by `IFAL_*` attributes.
    pub struct AddressLabelMessageBuffer;
    /// The fixed header of an address label message (`struct ifaddrlblmsg`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct AddressLabelHeader;
    layout ADDRESS_LABEL_HEADER_LEN, "address label message", "struct ifaddrlblmsg" {
        /// `ifal_family` (`AF_INET6`).
        family / set_family: u8 = "`ifal_family`" @ 0,
        /// `__ifal_reserved`
        reserved / set_reserved: u8 = "`__ifal_reserved`" @ 1,
        /// `ifal_prefixlen`
        prefix_len / set_prefix_len: u8 = "`ifal_prefixlen`" @ 2,
        /// `ifal_flags`
        flags / set_flags: u8 = "`ifal_flags`" @ 3,
        /// `ifal_index`: the interface the label applies to (0: any).
        index / set_index: u32 = "`ifal_index`" @ 4,
        /// `ifal_seq`: sequence number of the label table (dumps).
        seq / set_seq: u32 = "`ifal_seq`" @ 8,
    }
    header {
        /// `ifal_family`
        pub family: AddressFamily = family / set_family,
        /// `__ifal_reserved` (zero from the kernel), kept so that any message
        /// re-emits unchanged.
        pub reserved: u8 = reserved / set_reserved,
        /// `ifal_prefixlen`
        pub prefix_len: u8 = prefix_len / set_prefix_len,
        /// `ifal_flags` (unused by the kernel).
        pub flags: u8 = flags / set_flags,
        /// `ifal_index`: the interface (0: any).
        pub index: u32 = index / set_index,
        /// `ifal_seq`: label table sequence number.
        pub seq: u32 = seq / set_seq,
    }
}
