//! Small types shared by several rtnetlink objects: address families, route
//! protocol / scope / type numbers, routing table ids and nexthop flags.

mod nexthop_flags;
pub(crate) mod nla_codec;
pub(crate) mod nla_list;
pub(crate) mod numeric_enum;
mod route_protocol;
mod route_scope;
mod route_table;
mod route_type;

pub use netlink_packet_core::{
    AddressFamily, AF_BRIDGE, AF_INET, AF_INET6, AF_MPLS, AF_PACKET, AF_UNSPEC,
};
pub use nexthop_flags::NexthopFlags;
pub use route_protocol::RouteProtocol;
pub use route_scope::RouteScope;
pub use route_table::{
    RouteTable, RT_TABLE_COMPAT, RT_TABLE_DEFAULT, RT_TABLE_LOCAL, RT_TABLE_MAIN, RT_TABLE_UNSPEC,
};
pub use route_type::RouteType;
pub(crate) mod attribute_message;
pub(crate) mod fixed_header;
pub(crate) mod native_struct;
