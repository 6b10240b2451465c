//! MPLS encapsulation (`LWTUNNEL_ENCAP_MPLS`): push labels on IP packets.

use netlink_packet_core::DecodeError;

use crate::common::nla_codec::{nla_enum, Codec, U8};
use crate::route::MplsLabel;

/// `MPLS_IPTUNNEL_DST`: the label stack to push.
pub const MPLS_IPTUNNEL_DST: u16 = 1;
/// `MPLS_IPTUNNEL_TTL`: TTL of the pushed label (0: use the sysctl).
pub const MPLS_IPTUNNEL_TTL: u16 = 2;

/// An MPLS label stack as an attribute value.
pub(crate) struct LabelStack;
impl Codec for LabelStack {
    type Value = Vec<MplsLabel>;
    fn parse(bytes: &[u8]) -> Result<Vec<MplsLabel>, DecodeError> {
        MplsLabel::parse_stack(bytes)
    }
    fn len(value: &Vec<MplsLabel>) -> usize {
        MplsLabel::stack_len(value)
    }
    fn emit(value: &Vec<MplsLabel>, buffer: &mut [u8]) {
        MplsLabel::emit_stack(value, buffer)
    }
}

nla_enum! {
    /// An attribute of an MPLS encapsulation (`MPLS_IPTUNNEL_*`), as in
    /// `ip route add ... encap mpls 100/200 ttl 10`.
    pub enum MplsEncapAttribute {
        /// `MPLS_IPTUNNEL_DST`: labels to push, outermost first.
        Destination(Vec<MplsLabel>) = MPLS_IPTUNNEL_DST: LabelStack,
        /// `MPLS_IPTUNNEL_TTL`
        Ttl(u8) = MPLS_IPTUNNEL_TTL: U8,
    }
}
