//! Neighbour table parameters (nested in `NDTA_PARMS`, `NDTPA_*`).

use netlink_packet_core::emit::{emit_u32, emit_u64};
use netlink_packet_core::{
    parse_u32, parse_u64, DecodeError, MalformedNla, Nla, NlaBuffer, Parseable, RawNla,
};

/// `NDTPA_UNSPEC`
pub const NDTPA_UNSPEC: u16 = 0;
/// `NDTPA_IFINDEX`: the device of a per-device parameter set (`u32`).
pub const NDTPA_IFINDEX: u16 = 1;
/// `NDTPA_REFCNT`: reference count (`u32`, read-only).
pub const NDTPA_REFCNT: u16 = 2;
/// `NDTPA_REACHABLE_TIME`: current reachable time (`u64` ms, read-only).
pub const NDTPA_REACHABLE_TIME: u16 = 3;
/// `NDTPA_BASE_REACHABLE_TIME`: base reachable time (`u64` ms).
pub const NDTPA_BASE_REACHABLE_TIME: u16 = 4;
/// `NDTPA_RETRANS_TIME`: retransmit time (`u64` ms).
pub const NDTPA_RETRANS_TIME: u16 = 5;
/// `NDTPA_GC_STALETIME`: stale time before garbage collection (`u64` ms).
pub const NDTPA_GC_STALETIME: u16 = 6;
/// `NDTPA_DELAY_PROBE_TIME`: delay before the first probe (`u64` ms).
pub const NDTPA_DELAY_PROBE_TIME: u16 = 7;
/// `NDTPA_QUEUE_LEN`: queue length in packets (`u32`).
pub const NDTPA_QUEUE_LEN: u16 = 8;
/// `NDTPA_APP_PROBES`: probes via the userspace daemon (`u32`).
pub const NDTPA_APP_PROBES: u16 = 9;
/// `NDTPA_UCAST_PROBES`: unicast probes (`u32`).
pub const NDTPA_UCAST_PROBES: u16 = 10;
/// `NDTPA_MCAST_PROBES`: multicast probes (`u32`).
pub const NDTPA_MCAST_PROBES: u16 = 11;
/// `NDTPA_ANYCAST_DELAY`: anycast answer delay (`u64` ms).
pub const NDTPA_ANYCAST_DELAY: u16 = 12;
/// `NDTPA_PROXY_DELAY`: proxy answer delay (`u64` ms).
pub const NDTPA_PROXY_DELAY: u16 = 13;
/// `NDTPA_PROXY_QLEN`: proxy queue length (`u32`).
pub const NDTPA_PROXY_QLEN: u16 = 14;
/// `NDTPA_LOCKTIME`: minimum time between entry updates (`u64` ms).
pub const NDTPA_LOCKTIME: u16 = 15;
/// `NDTPA_QUEUE_LENBYTES`: queue length in bytes (`u32`).
pub const NDTPA_QUEUE_LENBYTES: u16 = 16;
/// `NDTPA_MCAST_REPROBES`: multicast re-probes (`u32`).
pub const NDTPA_MCAST_REPROBES: u16 = 17;
/// `NDTPA_PAD`: alignment padding.
pub const NDTPA_PAD: u16 = 18;
/// `NDTPA_INTERVAL_PROBE_TIME_MS`: probe interval of managed entries (`u64` ms).
pub const NDTPA_INTERVAL_PROBE_TIME_MS: u16 = 19;

/// One neighbour table parameter (`NDTPA_*`). Times are in milliseconds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NeighbourTableParameter {
    /// `NDTPA_IFINDEX`: the device these parameters belong to.
    IfIndex(u32),
    /// `NDTPA_REFCNT`: reference count.
    RefCount(u32),
    /// `NDTPA_REACHABLE_TIME`: current (randomised) reachable time.
    ReachableTime(u64),
    /// `NDTPA_BASE_REACHABLE_TIME`: base reachable time.
    BaseReachableTime(u64),
    /// `NDTPA_RETRANS_TIME`: retransmit time.
    RetransTime(u64),
    /// `NDTPA_GC_STALETIME`: stale time before garbage collection.
    GcStaleTime(u64),
    /// `NDTPA_DELAY_PROBE_TIME`: delay before the first probe.
    DelayProbeTime(u64),
    /// `NDTPA_QUEUE_LEN`: queue length in packets.
    QueueLen(u32),
    /// `NDTPA_APP_PROBES`: probes via the userspace daemon.
    AppProbes(u32),
    /// `NDTPA_UCAST_PROBES`: unicast probes.
    UcastProbes(u32),
    /// `NDTPA_MCAST_PROBES`: multicast probes.
    McastProbes(u32),
    /// `NDTPA_ANYCAST_DELAY`: anycast answer delay.
    AnycastDelay(u64),
    /// `NDTPA_PROXY_DELAY`: proxy answer delay.
    ProxyDelay(u64),
    /// `NDTPA_PROXY_QLEN`: proxy queue length.
    ProxyQueueLen(u32),
    /// `NDTPA_LOCKTIME`: minimum time between entry updates.
    LockTime(u64),
    /// `NDTPA_QUEUE_LENBYTES`: queue length in bytes.
    QueueLenBytes(u32),
    /// `NDTPA_MCAST_REPROBES`: multicast re-probes.
    McastReprobes(u32),
    /// `NDTPA_INTERVAL_PROBE_TIME_MS`: probe interval of managed entries.
    IntervalProbeTime(u64),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

/// How a parameter value is stored.
enum Width {
    U32(u32),
    U64(u64),
}

impl NeighbourTableParameter {
    fn typed(&self) -> Option<(u16, Width)> {
        use NeighbourTableParameter::*;
        use Width::*;
        Some(match self {
            IfIndex(v) => (NDTPA_IFINDEX, U32(*v)),
            RefCount(v) => (NDTPA_REFCNT, U32(*v)),
            ReachableTime(v) => (NDTPA_REACHABLE_TIME, U64(*v)),
            BaseReachableTime(v) => (NDTPA_BASE_REACHABLE_TIME, U64(*v)),
            RetransTime(v) => (NDTPA_RETRANS_TIME, U64(*v)),
            GcStaleTime(v) => (NDTPA_GC_STALETIME, U64(*v)),
            DelayProbeTime(v) => (NDTPA_DELAY_PROBE_TIME, U64(*v)),
            QueueLen(v) => (NDTPA_QUEUE_LEN, U32(*v)),
            AppProbes(v) => (NDTPA_APP_PROBES, U32(*v)),
            UcastProbes(v) => (NDTPA_UCAST_PROBES, U32(*v)),
            McastProbes(v) => (NDTPA_MCAST_PROBES, U32(*v)),
            AnycastDelay(v) => (NDTPA_ANYCAST_DELAY, U64(*v)),
            ProxyDelay(v) => (NDTPA_PROXY_DELAY, U64(*v)),
            ProxyQueueLen(v) => (NDTPA_PROXY_QLEN, U32(*v)),
            LockTime(v) => (NDTPA_LOCKTIME, U64(*v)),
            QueueLenBytes(v) => (NDTPA_QUEUE_LENBYTES, U32(*v)),
            McastReprobes(v) => (NDTPA_MCAST_REPROBES, U32(*v)),
            IntervalProbeTime(v) => (NDTPA_INTERVAL_PROBE_TIME_MS, U64(*v)),
            Other(_) | Malformed(_) => return None,
        })
    }
}

impl Nla for NeighbourTableParameter {
    fn value_len(&self) -> usize {
        match self {
            NeighbourTableParameter::Other(nla) => nla.value_len(),
            NeighbourTableParameter::Malformed(nla) => nla.value_len(),
            typed => match typed.typed() {
                Some((_, Width::U32(_))) => 4,
                Some((_, Width::U64(_))) => 8,
                None => 0,
            },
        }
    }

    fn kind(&self) -> u16 {
        match self {
            NeighbourTableParameter::Other(nla) => nla.kind(),
            NeighbourTableParameter::Malformed(nla) => nla.kind(),
            typed => typed.typed().map_or(NDTPA_UNSPEC, |(kind, _)| kind),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            NeighbourTableParameter::Other(nla) => nla.emit_value(buffer),
            NeighbourTableParameter::Malformed(nla) => nla.emit_value(buffer),
            typed => match typed.typed() {
                Some((_, Width::U32(value))) => emit_u32(buffer, value),
                Some((_, Width::U64(value))) => emit_u64(buffer, value),
                None => {}
            },
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            NeighbourTableParameter::Other(nla) => nla.is_nested(),
            NeighbourTableParameter::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            NeighbourTableParameter::Other(nla) => nla.is_network_byteorder(),
            NeighbourTableParameter::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for NeighbourTableParameter {
    /// Never fails: unknown types become [`NeighbourTableParameter::Other`]
    /// and undecodable values [`NeighbourTableParameter::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        use NeighbourTableParameter::*;
        let value = buf.value();
        let u32_value = |variant: fn(u32) -> Self| parse_u32(value).map(variant);
        let u64_value = |variant: fn(u64) -> Self| parse_u64(value).map(variant);
        let (name, parsed) = match buf.raw_kind() {
            NDTPA_IFINDEX => ("NDTPA_IFINDEX", u32_value(IfIndex)),
            NDTPA_REFCNT => ("NDTPA_REFCNT", u32_value(RefCount)),
            NDTPA_REACHABLE_TIME => ("NDTPA_REACHABLE_TIME", u64_value(ReachableTime)),
            NDTPA_BASE_REACHABLE_TIME => {
                ("NDTPA_BASE_REACHABLE_TIME", u64_value(BaseReachableTime))
            }
            NDTPA_RETRANS_TIME => ("NDTPA_RETRANS_TIME", u64_value(RetransTime)),
            NDTPA_GC_STALETIME => ("NDTPA_GC_STALETIME", u64_value(GcStaleTime)),
            NDTPA_DELAY_PROBE_TIME => ("NDTPA_DELAY_PROBE_TIME", u64_value(DelayProbeTime)),
            NDTPA_QUEUE_LEN => ("NDTPA_QUEUE_LEN", u32_value(QueueLen)),
            NDTPA_APP_PROBES => ("NDTPA_APP_PROBES", u32_value(AppProbes)),
            NDTPA_UCAST_PROBES => ("NDTPA_UCAST_PROBES", u32_value(UcastProbes)),
            NDTPA_MCAST_PROBES => ("NDTPA_MCAST_PROBES", u32_value(McastProbes)),
            NDTPA_ANYCAST_DELAY => ("NDTPA_ANYCAST_DELAY", u64_value(AnycastDelay)),
            NDTPA_PROXY_DELAY => ("NDTPA_PROXY_DELAY", u64_value(ProxyDelay)),
            NDTPA_PROXY_QLEN => ("NDTPA_PROXY_QLEN", u32_value(ProxyQueueLen)),
            NDTPA_LOCKTIME => ("NDTPA_LOCKTIME", u64_value(LockTime)),
            NDTPA_QUEUE_LENBYTES => ("NDTPA_QUEUE_LENBYTES", u32_value(QueueLenBytes)),
            NDTPA_MCAST_REPROBES => ("NDTPA_MCAST_REPROBES", u32_value(McastReprobes)),
            NDTPA_INTERVAL_PROBE_TIME_MS => {
                ("NDTPA_INTERVAL_PROBE_TIME_MS", u64_value(IntervalProbeTime))
            }
            kind => return Ok(Other(RawNla::new(kind, value))),
        };
        Ok(parsed.unwrap_or_else(|error| {
            Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}
