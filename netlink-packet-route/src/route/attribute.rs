//! Route attributes (`RTA_*`).

use netlink_packet_core::{
    parse_u16, parse_u16_be, parse_u32, parse_u32_be, parse_u64, parse_u8, DecodeError, Emitable,
    MalformedNla, Nla, NlaBuffer, RawNla,
};

use crate::common::nla_list::{count_nlas_unchecked, find_nla, framing_error, malformed};
use crate::route::metrics::parse_metrics;
use crate::route::multipath::parse_multipath;
use crate::route::{
    EncapType, MplsLabel, RouteAddress, RouteCacheInfo, RouteEncap, RouteMetric, RouteMfcStats,
    RouteNexthop, RoutePreference, RouteVia, ROUTE_CACHE_INFO_LEN, ROUTE_MFC_STATS_LEN,
};

/// `RTA_UNSPEC`
pub const RTA_UNSPEC: u16 = 0;
/// `RTA_DST`
pub const RTA_DST: u16 = 1;
/// `RTA_SRC`
pub const RTA_SRC: u16 = 2;
/// `RTA_IIF`
pub const RTA_IIF: u16 = 3;
/// `RTA_OIF`
pub const RTA_OIF: u16 = 4;
/// `RTA_GATEWAY`
pub const RTA_GATEWAY: u16 = 5;
/// `RTA_PRIORITY`
pub const RTA_PRIORITY: u16 = 6;
/// `RTA_PREFSRC`
pub const RTA_PREFSRC: u16 = 7;
/// `RTA_METRICS`
pub const RTA_METRICS: u16 = 8;
/// `RTA_MULTIPATH`
pub const RTA_MULTIPATH: u16 = 9;
/// `RTA_PROTOINFO` (no longer used)
pub const RTA_PROTOINFO: u16 = 10;
/// `RTA_FLOW`
pub const RTA_FLOW: u16 = 11;
/// `RTA_CACHEINFO`
pub const RTA_CACHEINFO: u16 = 12;
/// `RTA_SESSION` (no longer used)
pub const RTA_SESSION: u16 = 13;
/// `RTA_MP_ALGO` (no longer used)
pub const RTA_MP_ALGO: u16 = 14;
/// `RTA_TABLE`
pub const RTA_TABLE: u16 = 15;
/// `RTA_MARK`
pub const RTA_MARK: u16 = 16;
/// `RTA_MFC_STATS`
pub const RTA_MFC_STATS: u16 = 17;
/// `RTA_VIA`
pub const RTA_VIA: u16 = 18;
/// `RTA_NEWDST`
pub const RTA_NEWDST: u16 = 19;
/// `RTA_PREF`
pub const RTA_PREF: u16 = 20;
/// `RTA_ENCAP_TYPE`
pub const RTA_ENCAP_TYPE: u16 = 21;
/// `RTA_ENCAP`
pub const RTA_ENCAP: u16 = 22;
/// `RTA_EXPIRES`
pub const RTA_EXPIRES: u16 = 23;
/// `RTA_PAD`
pub const RTA_PAD: u16 = 24;
/// `RTA_UID`
pub const RTA_UID: u16 = 25;
/// `RTA_TTL_PROPAGATE`
pub const RTA_TTL_PROPAGATE: u16 = 26;
/// `RTA_IP_PROTO`
pub const RTA_IP_PROTO: u16 = 27;
/// `RTA_SPORT`
pub const RTA_SPORT: u16 = 28;
/// `RTA_DPORT`
pub const RTA_DPORT: u16 = 29;
/// `RTA_NH_ID`
pub const RTA_NH_ID: u16 = 30;
/// `RTA_FLOWLABEL`
pub const RTA_FLOWLABEL: u16 = 31;

/// One route attribute (`RTA_*`).
///
/// Addresses follow the route's family (see [`RouteAddress`]). Attributes
/// of unknown type are kept as [`RouteAttribute::Other`]; a known attribute
/// whose value does not decode is kept as [`RouteAttribute::Malformed`]
/// with the reason, and the rest of the message still decodes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RouteAttribute {
    /// `RTA_DST`: destination prefix (its length is in the header).
    Destination(RouteAddress),
    /// `RTA_SRC`: source prefix (its length is in the header).
    Source(RouteAddress),
    /// `RTA_IIF`: input interface index.
    Iif(u32),
    /// `RTA_OIF`: output interface index.
    Oif(u32),
    /// `RTA_GATEWAY`: gateway of the route's family.
    Gateway(RouteAddress),
    /// `RTA_PRIORITY`: the metric (`ip route ... metric N`).
    Priority(u32),
    /// `RTA_PREFSRC`: preferred source address.
    PreferredSource(RouteAddress),
    /// `RTA_METRICS`
    Metrics(Vec<RouteMetric>),
    /// `RTA_MULTIPATH`
    Multipath(Vec<RouteNexthop>),
    /// `RTA_PROTOINFO` (obsolete), raw.
    ProtocolInfo(Vec<u8>),
    /// `RTA_FLOW`: realms (`to` in the low 16 bits, `from` in the high 16 bits).
    Flow(u32),
    /// `RTA_CACHEINFO`
    CacheInfo(RouteCacheInfo),
    /// `RTA_SESSION` (obsolete), raw.
    Session(Vec<u8>),
    /// `RTA_MP_ALGO` (obsolete)
    MultipathAlgorithm(u32),
    /// `RTA_TABLE`: the full 32-bit table id.
    Table(u32),
    /// `RTA_MARK`: firewall mark (route lookups).
    Mark(u32),
    /// `RTA_MFC_STATS`: multicast forwarding statistics.
    MfcStats(RouteMfcStats),
    /// `RTA_VIA`: gateway of another family.
    Via(RouteVia),
    /// `RTA_NEWDST`: MPLS labels to swap in (MPLS routes).
    NewDestination(Vec<MplsLabel>),
    /// `RTA_PREF`: IPv6 router preference.
    Preference(RoutePreference),
    /// `RTA_ENCAP_TYPE`
    EncapType(EncapType),
    /// `RTA_ENCAP`: typed after the sibling `RTA_ENCAP_TYPE`.
    Encap {
        /// The encapsulation.
        encap: RouteEncap,
        /// Whether `NLA_F_NESTED` is set on the wire: the kernel omits it in
        /// what it sends, iproute2 sets it in requests; both are accepted.
        nested_flag: bool,
    },
    /// `RTA_EXPIRES` as a 32-bit value: seconds until an IPv6 route expires
    /// (requests).
    Expires(u32),
    /// `RTA_EXPIRES` as a 64-bit value: multicast cache entry expiry in
    /// clock ticks (IPv4/IPv6 multicast routes).
    MulticastExpires(u64),
    /// `RTA_PAD`: alignment padding.
    Pad(Vec<u8>),
    /// `RTA_UID`: user id (route lookups).
    Uid(u32),
    /// `RTA_TTL_PROPAGATE`: MPLS TTL propagation (0 off, 1 on).
    TtlPropagate(u8),
    /// `RTA_IP_PROTO`: IP protocol (route lookups).
    IpProtocol(u8),
    /// `RTA_SPORT`: source port (route lookups, host order here).
    SourcePort(u16),
    /// `RTA_DPORT`: destination port (route lookups, host order here).
    DestinationPort(u16),
    /// `RTA_NH_ID`: id of the nexthop object the route uses.
    NexthopId(u32),
    /// `RTA_FLOWLABEL`: IPv6 flow label (route lookups, host order here).
    FlowLabel(u32),
    /// An attribute without a type here, kept raw (flags included).
    Other(RawNla),
    /// A known attribute whose value could not be decoded, kept raw with the
    /// reason.
    Malformed(Box<MalformedNla>),
}

const RTA_ENCAP_NESTED: u16 = RTA_ENCAP | netlink_packet_core::NLA_F_NESTED;

/// The kernel name of a route attribute type, for error context.
pub(crate) fn route_attribute_name(kind: u16) -> &'static str {
    match kind & netlink_packet_core::NLA_TYPE_MASK {
        RTA_DST => "RTA_DST",
        RTA_SRC => "RTA_SRC",
        RTA_IIF => "RTA_IIF",
        RTA_OIF => "RTA_OIF",
        RTA_GATEWAY => "RTA_GATEWAY",
        RTA_PRIORITY => "RTA_PRIORITY",
        RTA_PREFSRC => "RTA_PREFSRC",
        RTA_METRICS => "RTA_METRICS",
        RTA_MULTIPATH => "RTA_MULTIPATH",
        RTA_PROTOINFO => "RTA_PROTOINFO",
        RTA_FLOW => "RTA_FLOW",
        RTA_CACHEINFO => "RTA_CACHEINFO",
        RTA_SESSION => "RTA_SESSION",
        RTA_MP_ALGO => "RTA_MP_ALGO",
        RTA_TABLE => "RTA_TABLE",
        RTA_MARK => "RTA_MARK",
        RTA_MFC_STATS => "RTA_MFC_STATS",
        RTA_VIA => "RTA_VIA",
        RTA_NEWDST => "RTA_NEWDST",
        RTA_PREF => "RTA_PREF",
        RTA_ENCAP_TYPE => "RTA_ENCAP_TYPE",
        RTA_ENCAP => "RTA_ENCAP",
        RTA_EXPIRES => "RTA_EXPIRES",
        RTA_PAD => "RTA_PAD",
        RTA_UID => "RTA_UID",
        RTA_TTL_PROPAGATE => "RTA_TTL_PROPAGATE",
        RTA_IP_PROTO => "RTA_IP_PROTO",
        RTA_SPORT => "RTA_SPORT",
        RTA_DPORT => "RTA_DPORT",
        RTA_NH_ID => "RTA_NH_ID",
        RTA_FLOWLABEL => "RTA_FLOWLABEL",
        _ => "route attribute",
    }
}

impl RouteAttribute {
    /// Decodes one attribute of a route of family `family`.
    ///
    /// `encap_type` is the value of the sibling `RTA_ENCAP_TYPE`, needed to
    /// type `RTA_ENCAP` (it is kept raw when `None`). To decode a whole
    /// attribute list, prefer [`RouteAttribute::parse_list`], which finds
    /// it. Never fails: see [`RouteAttribute::Malformed`].
    #[inline]
    pub fn parse(nla: NlaBuffer<&[u8]>, family: u8, encap_type: Option<EncapType>) -> Self {
        let bytes = *nla.inner();
        Self::decode_into(
            bytes,
            nla.raw_kind(),
            nla.value(),
            family,
            || encap_type,
            |attribute| attribute,
        )
    }

    /// Decodes a list of route attributes (the part of a route message, or
    /// of a multipath hop, after its fixed header).
    pub fn parse_list(bytes: &[u8], family: u8) -> Result<Vec<RouteAttribute>, DecodeError> {
        parse_route_attributes(bytes, family)
    }

    /// Decodes one attribute; a value that does not decode becomes
    /// `Malformed` (built out of line, so the hot path stays small).
    ///
    /// The decoded attribute is handed to `sink` from each match arm, so that
    /// once inlined each variant is written straight to its destination (a
    /// vector slot) instead of through a temporary.
    #[inline(always)]
    ///
    /// `nla` is the whole attribute (header included, used only to keep a
    /// malformed one), `kind` its type with flags and `value` its value.
    fn decode_into<R>(
        nla: &[u8],
        kind: u16,
        value: &[u8],
        family: u8,
        encap_type: impl FnOnce() -> Option<EncapType>,
        sink: impl FnOnce(Self) -> R,
    ) -> R {
        use RouteAttribute::*;
        // Decodes with `$parse`, wrapping in `$variant`, or keeps the
        // attribute as malformed.
        macro_rules! decode {
            ($variant:ident, $parse:expr) => {
                match $parse {
                    Ok(parsed) => sink($variant(parsed)),
                    Err(error) => sink(Self::malformed_value(nla, error)),
                }
            };
        }
        match kind {
            RTA_DST => decode!(Destination, RouteAddress::parse(value, family)),
            RTA_SRC => decode!(Source, RouteAddress::parse(value, family)),
            RTA_IIF => decode!(Iif, parse_u32(value)),
            RTA_OIF => decode!(Oif, parse_u32(value)),
            RTA_GATEWAY => decode!(Gateway, RouteAddress::parse(value, family)),
            RTA_PRIORITY => decode!(Priority, parse_u32(value)),
            RTA_PREFSRC => decode!(PreferredSource, RouteAddress::parse(value, family)),
            RTA_METRICS => decode!(Metrics, parse_metrics(value)),
            RTA_MULTIPATH => decode!(Multipath, parse_multipath(value, family)),
            RTA_PROTOINFO => sink(ProtocolInfo(value.to_vec())),
            RTA_FLOW => decode!(Flow, parse_u32(value)),
            RTA_CACHEINFO => decode!(CacheInfo, RouteCacheInfo::parse(value)),
            RTA_SESSION => sink(Session(value.to_vec())),
            RTA_MP_ALGO => decode!(MultipathAlgorithm, parse_u32(value)),
            RTA_TABLE => decode!(Table, parse_u32(value)),
            RTA_MARK => decode!(Mark, parse_u32(value)),
            RTA_MFC_STATS => decode!(MfcStats, RouteMfcStats::parse(value)),
            RTA_VIA => decode!(Via, RouteVia::parse(value)),
            RTA_NEWDST => decode!(NewDestination, MplsLabel::parse_stack(value)),
            RTA_PREF => decode!(Preference, parse_u8(value).map(RoutePreference::from)),
            RTA_ENCAP_TYPE => decode!(
                EncapType,
                parse_u16(value).map(crate::route::EncapType::from)
            ),
            RTA_ENCAP | RTA_ENCAP_NESTED => match RouteEncap::parse(value, encap_type()) {
                Ok(encap) => sink(Encap {
                    encap,
                    nested_flag: kind == RTA_ENCAP_NESTED,
                }),
                Err(error) => sink(Self::malformed_value(nla, error)),
            },
            RTA_EXPIRES if value.len() == 8 => decode!(MulticastExpires, parse_u64(value)),
            RTA_EXPIRES => decode!(Expires, parse_u32(value)),
            RTA_PAD => sink(Pad(value.to_vec())),
            RTA_UID => decode!(Uid, parse_u32(value)),
            RTA_TTL_PROPAGATE => decode!(TtlPropagate, parse_u8(value)),
            RTA_IP_PROTO => decode!(IpProtocol, parse_u8(value)),
            RTA_SPORT => decode!(SourcePort, parse_u16_be(value)),
            RTA_DPORT => decode!(DestinationPort, parse_u16_be(value)),
            RTA_NH_ID => decode!(NexthopId, parse_u32(value)),
            RTA_FLOWLABEL => decode!(FlowLabel, parse_u32_be(value)),
            _ => sink(Other(RawNla::new(kind, value))),
        }
    }

    #[cold]
    #[inline(never)]
    fn malformed_value(nla: &[u8], error: DecodeError) -> Self {
        let nla = NlaBuffer::new(nla);
        RouteAttribute::Malformed(malformed(&nla, error, route_attribute_name(nla.raw_kind())))
    }

    /// Whether this is the raw catch-all or a malformed attribute.
    pub fn is_raw(&self) -> bool {
        matches!(
            self,
            RouteAttribute::Other(_) | RouteAttribute::Malformed(_)
        )
    }
}

/// Decodes a route attribute list (message or multipath hop).
pub(crate) fn parse_route_attributes(
    bytes: &[u8],
    family: u8,
) -> Result<Vec<RouteAttribute>, DecodeError> {
    // Sized by a first, cheap walk; the framing is checked by the decoding
    // walk (the same rules as `NlasIterator`: each length at least 4 and
    // within the bytes left, the last attribute may miss its padding).
    let mut list = Vec::with_capacity(count_nlas_unchecked(bytes));
    let mut rest = bytes;
    while let Some((header, tail)) = rest.split_first_chunk::<4>() {
        let length = usize::from(u16::from_ne_bytes([header[0], header[1]]));
        let kind = u16::from_ne_bytes([header[2], header[3]]);
        let (Some(value), Some(nla)) = (
            length.checked_sub(4).and_then(|len| tail.get(..len)),
            rest.get(..length),
        ) else {
            return Err(framing_error(bytes));
        };
        RouteAttribute::decode_into(
            nla,
            kind,
            value,
            family,
            || find_encap_type(bytes, RTA_ENCAP_TYPE),
            |attribute| list.push(attribute),
        );
        rest = rest.get((length + 3) & !3..).unwrap_or_default();
    }
    if rest.is_empty() {
        Ok(list)
    } else {
        Err(framing_error(bytes))
    }
}

/// Finds and decodes the encap type attribute `raw_kind` among `bytes`.
#[cold]
pub(crate) fn find_encap_type(bytes: &[u8], raw_kind: u16) -> Option<EncapType> {
    find_nla(bytes, raw_kind)
        .and_then(|value| parse_u16(value).ok())
        .map(EncapType::from)
}

impl Nla for RouteAttribute {
    #[inline]
    fn value_len(&self) -> usize {
        use RouteAttribute::*;
        match self {
            Destination(a) | Source(a) | Gateway(a) | PreferredSource(a) => a.buffer_len(),
            Iif(_)
            | Oif(_)
            | Priority(_)
            | Flow(_)
            | MultipathAlgorithm(_)
            | Table(_)
            | Mark(_)
            | Expires(_)
            | Uid(_)
            | NexthopId(_)
            | FlowLabel(_) => 4,
            Metrics(metrics) => metrics.as_slice().buffer_len(),
            Multipath(hops) => hops.iter().map(Emitable::buffer_len).sum(),
            ProtocolInfo(bytes) | Session(bytes) | Pad(bytes) => bytes.len(),
            CacheInfo(_) => ROUTE_CACHE_INFO_LEN,
            MfcStats(_) => ROUTE_MFC_STATS_LEN,
            Via(via) => via.buffer_len(),
            NewDestination(stack) => MplsLabel::stack_len(stack),
            Preference(_) | TtlPropagate(_) | IpProtocol(_) => 1,
            EncapType(_) | SourcePort(_) | DestinationPort(_) => 2,
            Encap { encap, .. } => encap.buffer_len(),
            MulticastExpires(_) => 8,
            Other(raw) => raw.value_len(),
            Malformed(bad) => bad.value_len(),
        }
    }

    #[inline]
    fn kind(&self) -> u16 {
        use RouteAttribute::*;
        match self {
            Destination(_) => RTA_DST,
            Source(_) => RTA_SRC,
            Iif(_) => RTA_IIF,
            Oif(_) => RTA_OIF,
            Gateway(_) => RTA_GATEWAY,
            Priority(_) => RTA_PRIORITY,
            PreferredSource(_) => RTA_PREFSRC,
            Metrics(_) => RTA_METRICS,
            Multipath(_) => RTA_MULTIPATH,
            ProtocolInfo(_) => RTA_PROTOINFO,
            Flow(_) => RTA_FLOW,
            CacheInfo(_) => RTA_CACHEINFO,
            Session(_) => RTA_SESSION,
            MultipathAlgorithm(_) => RTA_MP_ALGO,
            Table(_) => RTA_TABLE,
            Mark(_) => RTA_MARK,
            MfcStats(_) => RTA_MFC_STATS,
            Via(_) => RTA_VIA,
            NewDestination(_) => RTA_NEWDST,
            Preference(_) => RTA_PREF,
            EncapType(_) => RTA_ENCAP_TYPE,
            Encap { .. } => RTA_ENCAP,
            Expires(_) | MulticastExpires(_) => RTA_EXPIRES,
            Pad(_) => RTA_PAD,
            Uid(_) => RTA_UID,
            TtlPropagate(_) => RTA_TTL_PROPAGATE,
            IpProtocol(_) => RTA_IP_PROTO,
            SourcePort(_) => RTA_SPORT,
            DestinationPort(_) => RTA_DPORT,
            NexthopId(_) => RTA_NH_ID,
            FlowLabel(_) => RTA_FLOWLABEL,
            Other(raw) => raw.kind(),
            Malformed(bad) => bad.kind(),
        }
    }

    #[inline]
    fn emit_value(&self, buffer: &mut [u8]) {
        use RouteAttribute::*;
        match self {
            Destination(a) | Source(a) | Gateway(a) | PreferredSource(a) => a.emit(buffer),
            Iif(v)
            | Oif(v)
            | Priority(v)
            | Flow(v)
            | MultipathAlgorithm(v)
            | Table(v)
            | Mark(v)
            | Expires(v)
            | Uid(v)
            | NexthopId(v) => buffer[..4].copy_from_slice(&v.to_ne_bytes()),
            FlowLabel(v) => buffer[..4].copy_from_slice(&v.to_be_bytes()),
            Metrics(metrics) => metrics.as_slice().emit(buffer),
            Multipath(hops) => {
                let mut offset = 0;
                for hop in hops {
                    let len = hop.buffer_len();
                    hop.emit(&mut buffer[offset..offset + len]);
                    offset += len;
                }
            }
            ProtocolInfo(bytes) | Session(bytes) | Pad(bytes) => {
                buffer[..bytes.len()].copy_from_slice(bytes)
            }
            CacheInfo(info) => info.emit(buffer),
            MfcStats(stats) => stats.emit(buffer),
            Via(via) => via.emit(buffer),
            NewDestination(stack) => MplsLabel::emit_stack(stack, buffer),
            Preference(v) => buffer[0] = u8::from(*v),
            TtlPropagate(v) | IpProtocol(v) => buffer[0] = *v,
            EncapType(v) => buffer[..2].copy_from_slice(&u16::from(*v).to_ne_bytes()),
            SourcePort(v) | DestinationPort(v) => buffer[..2].copy_from_slice(&v.to_be_bytes()),
            Encap { encap, .. } => encap.emit(buffer),
            MulticastExpires(v) => buffer[..8].copy_from_slice(&v.to_ne_bytes()),
            Other(raw) => raw.emit_value(buffer),
            Malformed(bad) => bad.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            RouteAttribute::Encap { nested_flag, .. } => *nested_flag,
            RouteAttribute::Other(raw) => raw.is_nested(),
            RouteAttribute::Malformed(bad) => bad.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            RouteAttribute::Other(raw) => raw.is_network_byteorder(),
            RouteAttribute::Malformed(bad) => bad.is_network_byteorder(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `RTA_OIF` 7 then `RTA_PRIORITY` 9, well framed.
    const GOOD: [u8; 16] = [8, 0, 4, 0, 7, 0, 0, 0, 8, 0, 6, 0, 9, 0, 0, 0];

    #[test]
    fn a_well_framed_list_decodes_in_order() {
        let list = parse_route_attributes(&GOOD, 2).unwrap();
        assert_eq!(
            list,
            vec![RouteAttribute::Oif(7), RouteAttribute::Priority(9)]
        );
        // The last attribute may miss its padding.
        let unpadded = [8, 0, 4, 0, 7, 0, 0, 0, 5, 0, 20, 0, 1];
        let list = parse_route_attributes(&unpadded, 2).unwrap();
        assert_eq!(
            list,
            vec![
                RouteAttribute::Oif(7),
                RouteAttribute::Preference(RoutePreference::from(1))
            ]
        );
    }

    #[test]
    fn framing_errors_after_good_attributes_fail_the_list() {
        // A length over the bytes left, after a good attribute.
        let mut over = GOOD.to_vec();
        over[8] = 12;
        let error = parse_route_attributes(&over, 2).unwrap_err().to_string();
        assert!(error.contains("offset 8"), "{error}");
        assert!(error.contains("exceeds"), "{error}");
        // A length under the header size.
        let mut under = GOOD.to_vec();
        under[8] = 3;
        let error = parse_route_attributes(&under, 2).unwrap_err().to_string();
        assert!(error.contains("offset 8"), "{error}");
        // Trailing bytes too short for a header.
        let mut trailing = GOOD.to_vec();
        trailing.extend_from_slice(&[1, 0]);
        assert!(parse_route_attributes(&trailing, 2).is_err());
        // A zero length never loops.
        assert!(parse_route_attributes(&[0, 0, 1, 0], 2).is_err());
    }
}
