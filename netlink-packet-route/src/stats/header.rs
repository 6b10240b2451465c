//! The link statistics message header (`struct if_stats_msg`) and the
//! checked view over a whole statistics message payload.

use netlink_packet_core::{DecodeError, Emitable, ErrorContext, NlasIterator, Parseable};

use crate::common::AddressFamily;

/// Length of `struct if_stats_msg`.
pub const STATS_HEADER_LEN: usize = 12;

const FAMILY: usize = 0;
const PADDING: usize = 1;
const IFINDEX: usize = 4;
const FILTER_MASK: usize = 8;

bitflags::bitflags! {
    /// Which statistics groups a request asks for and a reply carries
    /// (`filter_mask`, `IFLA_STATS_FILTER_BIT(IFLA_STATS_*)`). Unknown bits
    /// are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct StatsFilterMask: u32 {
        /// `IFLA_STATS_LINK_64`: the 64-bit device counters.
        const LINK_64 = 1 << 0;
        /// `IFLA_STATS_LINK_XSTATS`: driver-specific statistics (bridge, bond).
        const LINK_XSTATS = 1 << 1;
        /// `IFLA_STATS_LINK_XSTATS_SLAVE`: port-specific statistics of the master.
        const LINK_XSTATS_SLAVE = 1 << 2;
        /// `IFLA_STATS_LINK_OFFLOAD_XSTATS`: offload (hardware) statistics.
        const LINK_OFFLOAD_XSTATS = 1 << 3;
        /// `IFLA_STATS_AF_SPEC`: per-address-family statistics (MPLS).
        const AF_SPEC = 1 << 4;
    }
}

/// A checked view over a statistics message payload: the 12-byte
/// `struct if_stats_msg` followed by attributes (`IFLA_STATS_*` in
/// replies, `IFLA_STATS_GETSET_*` in requests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatsMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> StatsMessageBuffer<T> {
    /// Wraps `buffer` without checking its length; getters of a short
    /// buffer return 0.
    pub fn new(buffer: T) -> Self {
        StatsMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds the whole header.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < STATS_HEADER_LEN {
            return Err(DecodeError::new(format!(
                "stats message: expected at least {STATS_HEADER_LEN} bytes of struct if_stats_msg, got {len}"
            )));
        }
        Ok(StatsMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    fn array<const N: usize>(&self, offset: usize) -> [u8; N] {
        self.buffer
            .as_ref()
            .get(offset..)
            .and_then(|bytes| bytes.first_chunk::<N>())
            .copied()
            .unwrap_or([0; N])
    }

    /// `family`
    pub fn family(&self) -> u8 {
        self.array::<1>(FAMILY)[0]
    }

    /// `pad1` and `pad2` (reserved).
    pub fn padding(&self) -> [u8; 3] {
        self.array(PADDING)
    }

    /// `ifindex`: the device (0 in dump requests).
    pub fn ifindex(&self) -> u32 {
        u32::from_ne_bytes(self.array(IFINDEX))
    }

    /// `filter_mask`: the statistics groups asked for / carried.
    pub fn filter_mask(&self) -> StatsFilterMask {
        StatsFilterMask::from_bits_retain(u32::from_ne_bytes(self.array(FILTER_MASK)))
    }

    /// The attribute bytes after the header.
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(STATS_HEADER_LEN..)
            .unwrap_or_default()
    }

    /// Iterates over the attributes without allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }

    /// The value of the first attribute of type `kind` (flag bits ignored).
    pub fn find_attribute(&self, kind: u16) -> Result<Option<&[u8]>, DecodeError> {
        for nla in self.attributes() {
            let nla = nla.context("stats message")?;
            if nla.kind() == kind {
                return Ok(Some(nla.into_value()));
            }
        }
        Ok(None)
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> StatsMessageBuffer<T> {
    fn set(&mut self, offset: usize, bytes: &[u8]) {
        self.buffer.as_mut()[offset..offset + bytes.len()].copy_from_slice(bytes)
    }

    /// Sets `family`.
    pub fn set_family(&mut self, value: u8) {
        self.set(FAMILY, &[value])
    }

    /// Sets the reserved bytes.
    pub fn set_padding(&mut self, value: [u8; 3]) {
        self.set(PADDING, &value)
    }

    /// Sets `ifindex`.
    pub fn set_ifindex(&mut self, value: u32) {
        self.set(IFINDEX, &value.to_ne_bytes())
    }

    /// Sets `filter_mask`.
    pub fn set_filter_mask(&mut self, value: StatsFilterMask) {
        self.set(FILTER_MASK, &value.bits().to_ne_bytes())
    }
}

/// The fixed header of a statistics message (`struct if_stats_msg`), the
/// same in requests and replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct StatsHeader {
    /// `family` (`AF_UNSPEC`)
    pub family: AddressFamily,
    /// The reserved `pad1` / `pad2` bytes (zero from the kernel), kept so
    /// that any message re-emits unchanged.
    pub padding: [u8; 3],
    /// `ifindex`: the device (0 in dump requests).
    pub ifindex: u32,
    /// `filter_mask`
    pub filter_mask: StatsFilterMask,
}

impl<T: AsRef<[u8]>> Parseable<StatsMessageBuffer<T>> for StatsHeader {
    fn parse(buf: &StatsMessageBuffer<T>) -> Result<Self, DecodeError> {
        Ok(StatsHeader {
            family: buf.family().into(),
            padding: buf.padding(),
            ifindex: buf.ifindex(),
            filter_mask: buf.filter_mask(),
        })
    }
}

impl Emitable for StatsHeader {
    fn buffer_len(&self) -> usize {
        STATS_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buf = StatsMessageBuffer::new(&mut buffer[..STATS_HEADER_LEN]);
        buf.set_family(self.family.into());
        buf.set_padding(self.padding);
        buf.set_ifindex(self.ifindex);
        buf.set_filter_mask(self.filter_mask);
    }
}
