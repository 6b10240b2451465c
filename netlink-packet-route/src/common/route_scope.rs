//! The scope of a route, nexthop or address (`RT_SCOPE_*`).

use super::numeric_enum::numeric_enum;

numeric_enum! {
    /// How far a destination is (`rtm_scope`, `ifa_scope`, `nh_scope`,
    /// `RT_SCOPE_*`). Numbers between 200 and 253 are user defined and kept
    /// as `Other`.
    #[derive(Default)]
    pub enum RouteScope: u8 {
        /// `RT_SCOPE_UNIVERSE`: global.
        #[default]
        Universe = 0,
        /// `RT_SCOPE_SITE`: interior, within the site (IPv6).
        Site = 200,
        /// `RT_SCOPE_LINK`: on the directly attached link.
        Link = 253,
        /// `RT_SCOPE_HOST`: on this host.
        Host = 254,
        /// `RT_SCOPE_NOWHERE`: the destination does not exist.
        NoWhere = 255,
    }
}
