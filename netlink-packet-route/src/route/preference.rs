//! `RTA_PREF`: IPv6 router preference.

use crate::common::numeric_enum::numeric_enum;

numeric_enum! {
    /// IPv6 route preference (`RTA_PREF`, `ICMPV6_ROUTER_PREF_*`), as set by
    /// router advertisements or `ip -6 route ... pref high`.
    pub enum RoutePreference: u8 {
        /// `ICMPV6_ROUTER_PREF_MEDIUM`
        Medium = 0,
        /// `ICMPV6_ROUTER_PREF_HIGH`
        High = 1,
        /// `ICMPV6_ROUTER_PREF_INVALID`
        Invalid = 2,
        /// `ICMPV6_ROUTER_PREF_LOW`
        Low = 3,
    }
}
