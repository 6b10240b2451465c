//! Why a link is protocol-down (`IFLA_PROTO_DOWN_REASON`).

use crate::link::codec::attribute_set;

attribute_set! {
    /// One attribute nested in `IFLA_PROTO_DOWN_REASON`.
    pub enum ProtoDownReasonAttribute {
        /// Mask of the reason bits to change (requests).
        Mask(u32, Ne) = IFLA_PROTO_DOWN_REASON_MASK(1),
        /// The reason bits.
        Value(u32, Ne) = IFLA_PROTO_DOWN_REASON_VALUE(2),
    }
}
