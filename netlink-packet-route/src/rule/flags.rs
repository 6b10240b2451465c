//! Rule flags (`FIB_RULE_*`).

bitflags::bitflags! {
    /// Rule flags (`fib_rule_hdr.flags`, `FIB_RULE_*`). Unknown bits are
    /// kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct RuleFlags: u32 {
        /// `FIB_RULE_PERMANENT`: the rule cannot be deleted.
        const PERMANENT = 0x01;
        /// `FIB_RULE_INVERT`: the selectors are negated (`ip rule add not ...`).
        const INVERT = 0x02;
        /// `FIB_RULE_UNRESOLVED`: the goto target does not exist.
        const UNRESOLVED = 0x04;
        /// `FIB_RULE_IIF_DETACHED` (also `FIB_RULE_DEV_DETACHED`): the input
        /// interface does not exist.
        const IIF_DETACHED = 0x08;
        /// `FIB_RULE_OIF_DETACHED`: the output interface does not exist.
        const OIF_DETACHED = 0x10;
        /// `FIB_RULE_FIND_SADDR`: find the source address in routing lookups.
        const FIND_SADDR = 0x10000;
    }
}
