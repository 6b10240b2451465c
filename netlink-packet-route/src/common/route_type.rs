//! The type of a route (`RTN_*`).

use super::numeric_enum::numeric_enum;

numeric_enum! {
    /// What a route does with matching packets (`rtm_type`, `RTN_*`); rules
    /// use the same numbers for their action.
    #[derive(Default)]
    pub enum RouteType: u8 {
        /// `RTN_UNSPEC`
        #[default]
        Unspec = 0,
        /// `RTN_UNICAST`: a gateway or direct route.
        Unicast = 1,
        /// `RTN_LOCAL`: accept locally.
        Local = 2,
        /// `RTN_BROADCAST`: accept locally as broadcast, send as broadcast.
        Broadcast = 3,
        /// `RTN_ANYCAST`: accept locally as broadcast, send as unicast.
        Anycast = 4,
        /// `RTN_MULTICAST`: a multicast route.
        Multicast = 5,
        /// `RTN_BLACKHOLE`: drop silently.
        BlackHole = 6,
        /// `RTN_UNREACHABLE`: destination is unreachable.
        Unreachable = 7,
        /// `RTN_PROHIBIT`: administratively prohibited.
        Prohibit = 8,
        /// `RTN_THROW`: not in this table, continue the lookup.
        Throw = 9,
        /// `RTN_NAT`: translate this address.
        Nat = 10,
        /// `RTN_XRESOLVE`: use an external resolver.
        ExternalResolve = 11,
    }
}
