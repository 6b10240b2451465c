//! Link statistics: `RTM_NEWSTATS` replies to `RTM_GETSTATS` requests, and
//! `RTM_SETSTATS` (`struct if_stats_msg` followed by attributes).
//!
//! The header's filter mask selects the statistics groups; a request may
//! narrow a group further with `IFLA_STATS_GET_FILTERS`. Replies number
//! their attributes `IFLA_STATS_*`, requests `IFLA_STATS_GETSET_*`, so a
//! request is parsed with [`StatsMessageKind::Request`].
//!
//! ```
//! use netlink_packet_core::{Emitable, ParseableParametrized};
//! use netlink_packet_route::stats::{
//!     StatsAttribute, StatsFilter, StatsFilterMask, StatsMessage, StatsMessageBuffer,
//!     StatsMessageKind,
//! };
//!
//! // Dump the 64-bit counters and the offload statistics (L3 only).
//! let request = StatsMessage::new_request(
//!     0,
//!     StatsFilterMask::LINK_64 | StatsFilterMask::LINK_OFFLOAD_XSTATS,
//! )
//! .with_filters(vec![StatsFilter::LinkOffloadXstats(1 << 2)]);
//! let mut bytes = vec![0; request.buffer_len()];
//! request.emit(&mut bytes);
//! let parsed = StatsMessage::parse_with_param(
//!     &StatsMessageBuffer::new_checked(&bytes[..]).unwrap(),
//!     StatsMessageKind::Request,
//! )
//! .unwrap();
//! assert_eq!(parsed, request);
//! assert!(matches!(parsed.attributes[0], StatsAttribute::GetFilters(_)));
//! ```

mod attribute;
mod filter;
mod header;
mod hw_stats;
mod message;
mod offload;

pub use attribute::{
    StatsAttribute, StatsMessageKind, IFLA_STATS_AF_SPEC, IFLA_STATS_GET_FILTERS,
    IFLA_STATS_LINK_64, IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_STATS_LINK_XSTATS,
    IFLA_STATS_LINK_XSTATS_SLAVE, IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS,
};
pub use filter::StatsFilter;
pub use header::{StatsFilterMask, StatsHeader, StatsMessageBuffer, STATS_HEADER_LEN};
pub use hw_stats::{HwStats64, HW_STATS64_LEN};
pub use message::StatsMessage;
pub use offload::{
    HwStatsInfo, HwStatsInfoAttribute, OffloadStatsAttribute, IFLA_OFFLOAD_XSTATS_CPU_HIT,
    IFLA_OFFLOAD_XSTATS_HW_S_INFO, IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST,
    IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED, IFLA_OFFLOAD_XSTATS_L3_STATS,
};
