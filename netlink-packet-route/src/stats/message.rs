//! The owned statistics message.

use netlink_packet_core::{DecodeError, Parseable, ParseableParametrized};

use super::attribute::{StatsAttribute, StatsMessageKind};
use super::filter::StatsFilter;
use super::header::{StatsFilterMask, StatsHeader, StatsMessageBuffer, STATS_HEADER_LEN};
use crate::common::attribute_message::attribute_message;
use crate::link::LinkStats64;

/// A statistics message: `RTM_NEWSTATS` (reply), `RTM_GETSTATS` or
/// `RTM_SETSTATS` (requests).
///
/// Replies and requests number their attributes differently: parse
/// replies with [`Parseable`] and requests with
/// [`ParseableParametrized`] and [`StatsMessageKind::Request`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatsMessage {
    /// The fixed header (`struct if_stats_msg`).
    pub header: StatsHeader,
    /// The attributes, in wire order.
    pub attributes: Vec<StatsAttribute>,
}

impl StatsMessage {
    /// A `RTM_GETSTATS` request body for the device `ifindex` (0 to dump
    /// all devices) asking for the groups in `filter_mask`.
    pub fn new_request(ifindex: u32, filter_mask: StatsFilterMask) -> Self {
        StatsMessage {
            header: StatsHeader {
                ifindex,
                filter_mask,
                ..StatsHeader::default()
            },
            attributes: Vec::new(),
        }
    }

    /// Adds per-group filter masks to a request (builder style).
    #[must_use]
    pub fn with_filters(mut self, filters: Vec<StatsFilter>) -> Self {
        self.attributes.push(StatsAttribute::GetFilters(filters));
        self
    }

    /// `IFLA_STATS_LINK_64`, if present.
    pub fn link64(&self) -> Option<&LinkStats64> {
        self.attributes
            .iter()
            .find_map(|attribute| match attribute {
                StatsAttribute::Link64(stats) => Some(stats),
                _ => None,
            })
    }
}

attribute_message! {
    StatsMessage {
        header: StatsHeader,
        attributes: StatsAttribute,
        buffer: StatsMessageBuffer,
        header_len: STATS_HEADER_LEN,
        name: "stats message", parametrized by StatsMessageKind,
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<StatsMessageBuffer<&'a T>> for StatsMessage {
    /// Parses a reply (`RTM_NEWSTATS`).
    fn parse(buf: &StatsMessageBuffer<&'a T>) -> Result<Self, DecodeError> {
        Self::parse_with_param(buf, StatsMessageKind::Reply)
    }
}
