//! The neighbour message header (`struct ndmsg`) and the checked view over
//! a whole neighbour message payload.

use std::net::IpAddr;

use netlink_packet_core::{parse_ip, DecodeError, ErrorContext};

use super::attribute::{link_address, NDA_DST, NDA_LLADDR};
use super::flags::NeighbourFlags;
use super::state::NeighbourState;
use crate::common::fixed_header::{fixed_header, FlagsField};
use crate::common::{AddressFamily, RouteType};
use crate::link::LinkAddress;

/// Length of `struct ndmsg`.
pub const NEIGHBOUR_HEADER_LEN: usize = 12;

impl FlagsField for NeighbourState {}
impl FlagsField for NeighbourFlags {}

fixed_header! {
    /// A checked view over a neighbour message payload: the 12-byte
    /// `struct ndmsg` followed by `NDA_*` attributes. The lazy accessors
    /// ([`destination`](Self::destination),
    /// [`link_layer_address`](Self::link_layer_address)) decode on demand
    /// without allocating.
    pub struct NeighbourMessageBuffer;
    /// The fixed header of a neighbour message (`struct ndmsg`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NeighbourHeader;
    layout NEIGHBOUR_HEADER_LEN, "neighbour message", "struct ndmsg" {
        /// `ndm_family`: `AF_INET`, `AF_INET6`, `AF_BRIDGE` (FDB), ...
        family / set_family: u8 = "`ndm_family`" @ 0,
        /// `ndm_pad1` (one byte) and `ndm_pad2` (two bytes), reserved, in
        /// wire order.
        padding / set_padding: [u8; 3] = "`ndm_pad1` and `ndm_pad2`" @ 1,
        /// `ndm_ifindex`: the interface index.
        ifindex / set_ifindex: u32 = "`ndm_ifindex`" @ 4,
        /// `ndm_state`: the `NUD_*` state.
        state / set_state: NeighbourState = "`ndm_state`" @ 8,
        /// `ndm_flags`: the `NTF_*` flags.
        flags / set_flags: NeighbourFlags = "`ndm_flags`" @ 10,
        /// `ndm_type`: the route type of the entry (`RTN_*`).
        kind / set_kind: u8 = "`ndm_type`" @ 11,
    }
    header {
        /// `ndm_family`
        pub family: AddressFamily = family / set_family,
        /// `ndm_ifindex`: the interface index.
        pub ifindex: u32 = ifindex / set_ifindex,
        /// `ndm_state`
        pub state: NeighbourState = state / set_state,
        /// `ndm_flags`
        pub flags: NeighbourFlags = flags / set_flags,
        /// `ndm_type`: the route type of the entry (unicast, multicast, ...).
        pub kind: RouteType = kind / set_kind,
        /// The reserved `ndm_pad1` and `ndm_pad2` bytes, kept so that any
        /// message re-emits unchanged (zero in what the kernel sends).
        pub padding: [u8; 3] = padding / set_padding,
    }
}

impl<T: AsRef<[u8]>> NeighbourMessageBuffer<T> {
    /// `NDA_DST`: the neighbour's IP address (for FDB entries, the remote
    /// tunnel endpoint).
    pub fn destination(&self) -> Result<Option<IpAddr>, DecodeError> {
        self.find_attribute(NDA_DST)?
            .map(|value| parse_ip(value).context("NDA_DST"))
            .transpose()
    }

    /// `NDA_LLADDR`: the link-layer address.
    pub fn link_layer_address(&self) -> Result<Option<LinkAddress>, DecodeError> {
        self.find_attribute(NDA_LLADDR)?
            .map(|value| link_address(value).context("NDA_LLADDR"))
            .transpose()
    }
}
