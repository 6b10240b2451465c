//! UID and port ranges (`struct fib_rule_uid_range`, `struct fib_rule_port_range`).

use crate::common::native_struct::native_struct;

native_struct! {
    /// A UID range (`FRA_UID_RANGE`, `struct fib_rule_uid_range`), inclusive.
    pub struct RuleUidRange: u32, "struct fib_rule_uid_range" {
        /// First UID of the range.
        start,
        /// Last UID of the range.
        end,
    }
}

native_struct! {
    /// A port range (`FRA_SPORT_RANGE`, `FRA_DPORT_RANGE`,
    /// `struct fib_rule_port_range`), inclusive, in host byte order.
    pub struct RulePortRange: u16, "struct fib_rule_port_range" {
        /// First port of the range.
        start,
        /// Last port of the range.
        end,
    }
}
