//! Route metrics (`RTA_METRICS`, nested `RTAX_*` attributes).

use netlink_packet_core::emit::emit_u32;
use netlink_packet_core::{
    parse_c_string, parse_u32, DecodeError, MalformedNla, Nla, NlaBuffer, RawNla,
};

use crate::common::nla_list::malformed;

/// `RTAX_UNSPEC`
pub const RTAX_UNSPEC: u16 = 0;
/// `RTAX_LOCK`: bit mask of locked metrics.
pub const RTAX_LOCK: u16 = 1;
/// `RTAX_MTU`
pub const RTAX_MTU: u16 = 2;
/// `RTAX_WINDOW`
pub const RTAX_WINDOW: u16 = 3;
/// `RTAX_RTT`
pub const RTAX_RTT: u16 = 4;
/// `RTAX_RTTVAR`
pub const RTAX_RTTVAR: u16 = 5;
/// `RTAX_SSTHRESH`
pub const RTAX_SSTHRESH: u16 = 6;
/// `RTAX_CWND`
pub const RTAX_CWND: u16 = 7;
/// `RTAX_ADVMSS`
pub const RTAX_ADVMSS: u16 = 8;
/// `RTAX_REORDERING`
pub const RTAX_REORDERING: u16 = 9;
/// `RTAX_HOPLIMIT`
pub const RTAX_HOPLIMIT: u16 = 10;
/// `RTAX_INITCWND`
pub const RTAX_INITCWND: u16 = 11;
/// `RTAX_FEATURES`
pub const RTAX_FEATURES: u16 = 12;
/// `RTAX_RTO_MIN`
pub const RTAX_RTO_MIN: u16 = 13;
/// `RTAX_INITRWND`
pub const RTAX_INITRWND: u16 = 14;
/// `RTAX_QUICKACK`
pub const RTAX_QUICKACK: u16 = 15;
/// `RTAX_CC_ALGO`: congestion control algorithm name.
pub const RTAX_CC_ALGO: u16 = 16;
/// `RTAX_FASTOPEN_NO_COOKIE`
pub const RTAX_FASTOPEN_NO_COOKIE: u16 = 17;

bitflags::bitflags! {
    /// `RTAX_LOCK`: which metrics are locked (bit `1 << RTAX_*`), as in
    /// `ip route ... mtu lock 1400`. Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct MetricsLock: u32 {
        /// `mtu lock`
        const MTU = 1 << RTAX_MTU;
        /// `window lock`
        const WINDOW = 1 << RTAX_WINDOW;
        /// `rtt lock`
        const RTT = 1 << RTAX_RTT;
        /// `rttvar lock`
        const RTTVAR = 1 << RTAX_RTTVAR;
        /// `ssthresh lock`
        const SSTHRESH = 1 << RTAX_SSTHRESH;
        /// `cwnd lock`
        const CWND = 1 << RTAX_CWND;
        /// `advmss lock`
        const ADVMSS = 1 << RTAX_ADVMSS;
        /// `reordering lock`
        const REORDERING = 1 << RTAX_REORDERING;
        /// `hoplimit lock`
        const HOPLIMIT = 1 << RTAX_HOPLIMIT;
        /// `initcwnd lock`
        const INITCWND = 1 << RTAX_INITCWND;
        /// `features lock`
        const FEATURES = 1 << RTAX_FEATURES;
        /// `rto_min lock`
        const RTO_MIN = 1 << RTAX_RTO_MIN;
        /// `initrwnd lock`
        const INITRWND = 1 << RTAX_INITRWND;
        /// `quickack lock`
        const QUICKACK = 1 << RTAX_QUICKACK;
        /// `congctl lock`
        const CC_ALGO = 1 << RTAX_CC_ALGO;
        /// `fastopen_no_cookie lock`
        const FASTOPEN_NO_COOKIE = 1 << RTAX_FASTOPEN_NO_COOKIE;
    }
}

bitflags::bitflags! {
    /// `RTAX_FEATURES`: per-route TCP features (`RTAX_FEATURE_*`).
    /// Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct RouteFeatures: u32 {
        /// `RTAX_FEATURE_ECN` (`features ecn`)
        const ECN = 1 << 0;
        /// `RTAX_FEATURE_SACK`
        const SACK = 1 << 1;
        /// `RTAX_FEATURE_TIMESTAMP`
        const TIMESTAMP = 1 << 2;
        /// `RTAX_FEATURE_ALLFRAG`
        const ALLFRAG = 1 << 3;
        /// `RTAX_FEATURE_TCP_USEC_TS` (`features tcp_usec_ts`)
        const TCP_USEC_TS = 1 << 4;
    }
}

/// One route metric (`RTAX_*`), nested in `RTA_METRICS`.
///
/// Times (`Rtt`, `RttVar`, `RtoMin`) are in milliseconds as the kernel
/// reports them to user space (RTT and RTT variance are scaled by the kernel:
/// `rtt` in units of 1/8 ms, `rttvar` in 1/4 ms).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RouteMetric {
    /// `RTAX_LOCK`
    Lock(MetricsLock),
    /// `RTAX_MTU`
    Mtu(u32),
    /// `RTAX_WINDOW`
    Window(u32),
    /// `RTAX_RTT`
    Rtt(u32),
    /// `RTAX_RTTVAR`
    RttVar(u32),
    /// `RTAX_SSTHRESH`
    SsThresh(u32),
    /// `RTAX_CWND`
    Cwnd(u32),
    /// `RTAX_ADVMSS`
    AdvMss(u32),
    /// `RTAX_REORDERING`
    Reordering(u32),
    /// `RTAX_HOPLIMIT`
    HopLimit(u32),
    /// `RTAX_INITCWND`
    InitCwnd(u32),
    /// `RTAX_FEATURES`
    Features(RouteFeatures),
    /// `RTAX_RTO_MIN`
    RtoMin(u32),
    /// `RTAX_INITRWND`
    InitRwnd(u32),
    /// `RTAX_QUICKACK`
    QuickAck(u32),
    /// `RTAX_CC_ALGO`: congestion control algorithm (for example `"bbr"`).
    CongestionControl(String),
    /// `RTAX_FASTOPEN_NO_COOKIE`
    FastOpenNoCookie(u32),
    /// A metric without a type here, kept raw.
    Other(RawNla),
    /// A known metric whose value could not be decoded, kept raw with the
    /// reason.
    Malformed(Box<MalformedNla>),
}

impl RouteMetric {
    /// Decodes one metric attribute; undecodable values become
    /// [`RouteMetric::Malformed`].
    pub fn parse(nla: NlaBuffer<&[u8]>) -> RouteMetric {
        let value = nla.value();
        let u32_metric = |make: fn(u32) -> RouteMetric, name: &str| match parse_u32(value) {
            Ok(v) => make(v),
            Err(error) => RouteMetric::Malformed(malformed(&nla, error, name)),
        };
        match nla.raw_kind() {
            RTAX_LOCK => u32_metric(
                |v| RouteMetric::Lock(MetricsLock::from_bits_retain(v)),
                "RTAX_LOCK",
            ),
            RTAX_MTU => u32_metric(RouteMetric::Mtu, "RTAX_MTU"),
            RTAX_WINDOW => u32_metric(RouteMetric::Window, "RTAX_WINDOW"),
            RTAX_RTT => u32_metric(RouteMetric::Rtt, "RTAX_RTT"),
            RTAX_RTTVAR => u32_metric(RouteMetric::RttVar, "RTAX_RTTVAR"),
            RTAX_SSTHRESH => u32_metric(RouteMetric::SsThresh, "RTAX_SSTHRESH"),
            RTAX_CWND => u32_metric(RouteMetric::Cwnd, "RTAX_CWND"),
            RTAX_ADVMSS => u32_metric(RouteMetric::AdvMss, "RTAX_ADVMSS"),
            RTAX_REORDERING => u32_metric(RouteMetric::Reordering, "RTAX_REORDERING"),
            RTAX_HOPLIMIT => u32_metric(RouteMetric::HopLimit, "RTAX_HOPLIMIT"),
            RTAX_INITCWND => u32_metric(RouteMetric::InitCwnd, "RTAX_INITCWND"),
            RTAX_FEATURES => u32_metric(
                |v| RouteMetric::Features(RouteFeatures::from_bits_retain(v)),
                "RTAX_FEATURES",
            ),
            RTAX_RTO_MIN => u32_metric(RouteMetric::RtoMin, "RTAX_RTO_MIN"),
            RTAX_INITRWND => u32_metric(RouteMetric::InitRwnd, "RTAX_INITRWND"),
            RTAX_QUICKACK => u32_metric(RouteMetric::QuickAck, "RTAX_QUICKACK"),
            RTAX_CC_ALGO => match parse_c_string(value) {
                Ok(name) => RouteMetric::CongestionControl(name),
                Err(error) => RouteMetric::Malformed(malformed(&nla, error, "RTAX_CC_ALGO")),
            },
            RTAX_FASTOPEN_NO_COOKIE => {
                u32_metric(RouteMetric::FastOpenNoCookie, "RTAX_FASTOPEN_NO_COOKIE")
            }
            _ => RouteMetric::Other(RawNla::new(nla.raw_kind(), value)),
        }
    }
}

impl Nla for RouteMetric {
    fn value_len(&self) -> usize {
        match self {
            RouteMetric::CongestionControl(name) => name.len() + 1,
            RouteMetric::Other(raw) => raw.value_len(),
            RouteMetric::Malformed(bad) => bad.value_len(),
            _ => 4,
        }
    }

    fn kind(&self) -> u16 {
        match self {
            RouteMetric::Lock(_) => RTAX_LOCK,
            RouteMetric::Mtu(_) => RTAX_MTU,
            RouteMetric::Window(_) => RTAX_WINDOW,
            RouteMetric::Rtt(_) => RTAX_RTT,
            RouteMetric::RttVar(_) => RTAX_RTTVAR,
            RouteMetric::SsThresh(_) => RTAX_SSTHRESH,
            RouteMetric::Cwnd(_) => RTAX_CWND,
            RouteMetric::AdvMss(_) => RTAX_ADVMSS,
            RouteMetric::Reordering(_) => RTAX_REORDERING,
            RouteMetric::HopLimit(_) => RTAX_HOPLIMIT,
            RouteMetric::InitCwnd(_) => RTAX_INITCWND,
            RouteMetric::Features(_) => RTAX_FEATURES,
            RouteMetric::RtoMin(_) => RTAX_RTO_MIN,
            RouteMetric::InitRwnd(_) => RTAX_INITRWND,
            RouteMetric::QuickAck(_) => RTAX_QUICKACK,
            RouteMetric::CongestionControl(_) => RTAX_CC_ALGO,
            RouteMetric::FastOpenNoCookie(_) => RTAX_FASTOPEN_NO_COOKIE,
            RouteMetric::Other(raw) => raw.kind(),
            RouteMetric::Malformed(bad) => bad.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            RouteMetric::Lock(v) => emit_u32(buffer, v.bits()),
            RouteMetric::Features(v) => emit_u32(buffer, v.bits()),
            RouteMetric::Mtu(v)
            | RouteMetric::Window(v)
            | RouteMetric::Rtt(v)
            | RouteMetric::RttVar(v)
            | RouteMetric::SsThresh(v)
            | RouteMetric::Cwnd(v)
            | RouteMetric::AdvMss(v)
            | RouteMetric::Reordering(v)
            | RouteMetric::HopLimit(v)
            | RouteMetric::InitCwnd(v)
            | RouteMetric::RtoMin(v)
            | RouteMetric::InitRwnd(v)
            | RouteMetric::QuickAck(v)
            | RouteMetric::FastOpenNoCookie(v) => emit_u32(buffer, *v),
            RouteMetric::CongestionControl(name) => {
                buffer[..name.len()].copy_from_slice(name.as_bytes());
                buffer[name.len()] = 0;
            }
            RouteMetric::Other(raw) => raw.emit_value(buffer),
            RouteMetric::Malformed(bad) => bad.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            RouteMetric::Other(raw) => raw.is_nested(),
            RouteMetric::Malformed(bad) => bad.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            RouteMetric::Other(raw) => raw.is_network_byteorder(),
            RouteMetric::Malformed(bad) => bad.is_network_byteorder(),
            _ => false,
        }
    }
}

/// Decodes the value of `RTA_METRICS`.
pub(crate) fn parse_metrics(bytes: &[u8]) -> Result<Vec<RouteMetric>, DecodeError> {
    crate::common::nla_list::parse_nested_nla_list(bytes, RouteMetric::parse)
}
