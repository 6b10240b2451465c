//! Bridge FDB extension attributes (`NDA_FDB_EXT_ATTRS`, `NFEA_*`).

use netlink_packet_core::emit::emit_u8;
use netlink_packet_core::{parse_u8, DecodeError, MalformedNla, Nla, NlaBuffer, Parseable, RawNla};

/// `NFEA_ACTIVITY_NOTIFY`: activity notification bits (`u8`).
pub const NFEA_ACTIVITY_NOTIFY: u16 = 1;
/// `NFEA_DONT_REFRESH`: do not refresh the entry's activity (flag, requests).
pub const NFEA_DONT_REFRESH: u16 = 2;

bitflags::bitflags! {
    /// FDB activity notification bits (`NFEA_ACTIVITY_NOTIFY`,
    /// `FDB_NOTIFY_*`). Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct FdbNotifyFlags: u8 {
        /// `FDB_NOTIFY_BIT`: notify on activity / expiry of the entry.
        const NOTIFY = 0x01;
        /// `FDB_NOTIFY_INACTIVE_BIT`: the entry is marked inactive.
        const INACTIVE = 0x02;
    }
}

/// One attribute nested in `NDA_FDB_EXT_ATTRS`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FdbExtAttribute {
    /// `NFEA_ACTIVITY_NOTIFY`
    ActivityNotify(FdbNotifyFlags),
    /// `NFEA_DONT_REFRESH` (a flag without value).
    DontRefresh,
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

impl Nla for FdbExtAttribute {
    fn value_len(&self) -> usize {
        match self {
            FdbExtAttribute::ActivityNotify(_) => 1,
            FdbExtAttribute::DontRefresh => 0,
            FdbExtAttribute::Other(nla) => nla.value_len(),
            FdbExtAttribute::Malformed(nla) => nla.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        match self {
            FdbExtAttribute::ActivityNotify(_) => NFEA_ACTIVITY_NOTIFY,
            FdbExtAttribute::DontRefresh => NFEA_DONT_REFRESH,
            FdbExtAttribute::Other(nla) => nla.kind(),
            FdbExtAttribute::Malformed(nla) => nla.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            FdbExtAttribute::ActivityNotify(flags) => emit_u8(buffer, flags.bits()),
            FdbExtAttribute::DontRefresh => {}
            FdbExtAttribute::Other(nla) => nla.emit_value(buffer),
            FdbExtAttribute::Malformed(nla) => nla.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            FdbExtAttribute::Other(nla) => nla.is_nested(),
            FdbExtAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            FdbExtAttribute::Other(nla) => nla.is_network_byteorder(),
            FdbExtAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for FdbExtAttribute {
    /// Never fails: unknown types become [`FdbExtAttribute::Other`] and
    /// undecodable values [`FdbExtAttribute::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        let value = buf.value();
        let (name, parsed) = match buf.raw_kind() {
            NFEA_ACTIVITY_NOTIFY => (
                "NFEA_ACTIVITY_NOTIFY",
                parse_u8(value).map(|bits| {
                    FdbExtAttribute::ActivityNotify(FdbNotifyFlags::from_bits_retain(bits))
                }),
            ),
            NFEA_DONT_REFRESH => (
                "NFEA_DONT_REFRESH",
                if value.is_empty() {
                    Ok(FdbExtAttribute::DontRefresh)
                } else {
                    Err(DecodeError::new(format!(
                        "expected an empty flag attribute, got {} bytes",
                        value.len()
                    )))
                },
            ),
            kind => return Ok(FdbExtAttribute::Other(RawNla::new(kind, value))),
        };
        Ok(parsed.unwrap_or_else(|error| {
            FdbExtAttribute::Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}
