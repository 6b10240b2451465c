//! The rule message header (`struct fib_rule_hdr`) and the checked view
//! over a whole rule message payload.

use super::action::RuleAction;
use super::flags::RuleFlags;
use crate::common::fixed_header::{fixed_header, FlagsField};
use crate::common::AddressFamily;

/// Length of `struct fib_rule_hdr`.
pub const RULE_HEADER_LEN: usize = 12;

impl FlagsField for RuleFlags {}

fixed_header! {
    /// A checked view over a rule message payload: the 12-byte
    /// `struct fib_rule_hdr` followed by `FRA_*` attributes.
    pub struct RuleMessageBuffer;
    /// The fixed header of a rule message (`struct fib_rule_hdr`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct RuleHeader;
    layout RULE_HEADER_LEN, "rule message", "struct fib_rule_hdr" {
        /// `family`: `AF_INET` or `AF_INET6`.
        family / set_family: u8 = "`family`" @ 0,
        /// `dst_len`: prefix length of the destination selector.
        dst_len / set_dst_len: u8 = "`dst_len`" @ 1,
        /// `src_len`: prefix length of the source selector.
        src_len / set_src_len: u8 = "`src_len`" @ 2,
        /// `tos`: the TOS selector.
        tos / set_tos: u8 = "`tos`" @ 3,
        /// `table`: the table id if it fits a byte, else `RT_TABLE_COMPAT`
        /// (`FRA_TABLE` has the full id).
        table / set_table: u8 = "`table`" @ 4,
        /// `res1` and `res2` (reserved).
        reserved / set_reserved: [u8; 2] = "`res1` and `res2`" @ 5,
        /// `action`: the `FR_ACT_*` action.
        action / set_action: u8 = "`action`" @ 7,
        /// `flags`: the `FIB_RULE_*` flags.
        flags / set_flags: RuleFlags = "`flags`" @ 8,
    }
    header {
        /// `family`
        pub family: AddressFamily = family / set_family,
        /// `dst_len`: prefix length of the destination selector (`FRA_DST`).
        pub dst_len: u8 = dst_len / set_dst_len,
        /// `src_len`: prefix length of the source selector (`FRA_SRC`).
        pub src_len: u8 = src_len / set_src_len,
        /// `tos`: the TOS selector.
        pub tos: u8 = tos / set_tos,
        /// `table`: the table id if below 256, else `RT_TABLE_COMPAT`; see
        /// [`RuleMessage::table`](super::RuleMessage::table) for the full id.
        pub table: u8 = table / set_table,
        /// The reserved `res1` and `res2` bytes (zero from the kernel), kept
        /// so that any message re-emits unchanged.
        pub reserved: [u8; 2] = reserved / set_reserved,
        /// `action`
        pub action: RuleAction = action / set_action,
        /// `flags`
        pub flags: RuleFlags = flags / set_flags,
    }
}
