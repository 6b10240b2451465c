//! What a matching rule does (`FR_ACT_*`).

use crate::common::numeric_enum::numeric_enum;

numeric_enum! {
    /// The action of a rule (`fib_rule_hdr.action`, `FR_ACT_*`).
    #[derive(Default)]
    pub enum RuleAction: u8 {
        /// `FR_ACT_UNSPEC`
        #[default]
        Unspec = 0,
        /// `FR_ACT_TO_TBL`: look the destination up in a table.
        ToTable = 1,
        /// `FR_ACT_GOTO`: jump to the rule with the priority in `FRA_GOTO`.
        Goto = 2,
        /// `FR_ACT_NOP`: do nothing.
        Nop = 3,
        /// `FR_ACT_BLACKHOLE`: drop silently.
        Blackhole = 6,
        /// `FR_ACT_UNREACHABLE`: drop with `ENETUNREACH`.
        Unreachable = 7,
        /// `FR_ACT_PROHIBIT`: drop with `EACCES`.
        Prohibit = 8,
    }
}
