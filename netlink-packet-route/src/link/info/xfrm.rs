//! `xfrm` interface configuration (`IFLA_XFRM_*`).

use crate::link::codec::attribute_set;

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of an `xfrm` interface.
    pub enum InfoXfrm {
        /// Lower device index.
        Link(u32, Ne) = IFLA_XFRM_LINK(1),
        /// Interface id matched by policies and states.
        IfId(u32, Ne) = IFLA_XFRM_IF_ID(2),
    }
    flags {
        /// Metadata collection (external control plane).
        CollectMetadata = IFLA_XFRM_COLLECT_METADATA(3),
    }
}
