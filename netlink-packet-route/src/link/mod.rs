//! Links (network devices): `RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`,
//! `RTM_SETLINK` and the alternative-name messages `RTM_NEWLINKPROP` /
//! `RTM_DELLINKPROP`.
//!
//! - [`LinkMessageBuffer`]: a zero-copy view with lazy accessors (name, MTU,
//!   kind, ...) for filtering dumps without allocation;
//! - [`LinkMessage`]: the owned message, header and [`LinkAttribute`]s, which
//!   re-emits byte-identically;
//! - [`LinkMessageBuilder`]: requests (create a veth pair, a bridge, a
//!   macvlan; set up, MTU, name, controller, namespace).
//!
//! Nested attribute lists are [`Nested`] values, which remember whether the
//! kernel (or the tool that built a request) flagged them `NLA_F_NESTED`.

mod address;
mod af_spec;
mod attribute;
mod buffer;
mod builder;
pub(crate) mod codec;
mod event;
mod ext_mask;
mod flags;
mod header;
mod info;
mod link_layer_type;
mod map;
mod message;
mod name;
mod nested;
mod prop_list;
mod proto_down;
mod state;
mod stats;
mod vf;
mod xdp;

pub use address::{LinkAddress, LinkAddressParseError};
pub use af_spec::*;
pub use attribute::LinkAttribute;
pub use builder::LinkMessageBuilder;
pub use event::LinkEvent;
pub use ext_mask::ExtFilterMask;
pub use flags::LinkFlags;
pub use header::{LinkHeader, LinkMessageBuffer};
pub use info::*;
pub use link_layer_type::LinkLayerType;
pub use map::LinkMap;
pub use message::LinkMessage;
pub use name::LinkName;
pub use nested::Nested;
pub use prop_list::PropListAttribute;
pub use proto_down::ProtoDownReasonAttribute;
pub use state::{LinkMode, OperState};
pub use stats::{LinkStats, LinkStats64};
pub use vf::{
    PortAttribute, PortVsi, VfBroadcast, VfGuid, VfInfoAttribute, VfInfoListAttribute, VfLinkState,
    VfMac, VfPortsAttribute, VfRate, VfSetting, VfStatsAttribute, VfTxRate, VfVlan, VfVlanInfo,
    VfVlanListAttribute,
};
pub use xdp::{XdpAttached, XdpAttribute};
