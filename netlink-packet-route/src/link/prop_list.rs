//! Link properties (`IFLA_PROP_LIST`): alternative names.

use crate::link::codec::attribute_set;

attribute_set! {
    /// One attribute nested in `IFLA_PROP_LIST`.
    pub enum PropListAttribute {
        /// An alternative name of the link.
        AltIfName(String, Str) = IFLA_ALT_IFNAME(53),
    }
}
