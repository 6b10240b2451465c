//! Link properties (`IFLA_PROP_LIST`): alternative names.

use crate::link::codec::attribute_set;
use crate::link::LinkName;

attribute_set! {
    /// One attribute nested in `IFLA_PROP_LIST`.
    pub enum PropListAttribute {
        /// An alternative name of the link.
        AltIfName(LinkName, Str) = IFLA_ALT_IFNAME(53),
    }
}
