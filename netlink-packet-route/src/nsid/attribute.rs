//! Namespace id attributes (`NETNSA_*`).

use netlink_packet_core::emit::{emit_i32, emit_u32};
use netlink_packet_core::{
    parse_i32, parse_u32, DecodeError, MalformedNla, Nla, NlaBuffer, Parseable, RawNla,
};

/// `NETNSA_NONE`
pub const NETNSA_NONE: u16 = 0;
/// `NETNSA_NSID`: the namespace id (`s32`).
pub const NETNSA_NSID: u16 = 1;
/// `NETNSA_PID`: a process in the namespace (`u32`, requests).
pub const NETNSA_PID: u16 = 2;
/// `NETNSA_FD`: a file descriptor of the namespace (`u32`, requests).
pub const NETNSA_FD: u16 = 3;
/// `NETNSA_TARGET_NSID`: look the id up in the namespace with this id (`s32`).
pub const NETNSA_TARGET_NSID: u16 = 4;
/// `NETNSA_CURRENT_NSID`: the id of the current namespace as seen from the
/// target namespace (`s32`).
pub const NETNSA_CURRENT_NSID: u16 = 5;

/// The id value meaning "no id assigned" (`NETNSA_NSID_NOT_ASSIGNED`).
pub const NETNSA_NSID_NOT_ASSIGNED: i32 = -1;

/// One namespace id attribute (`NETNSA_*`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NsIdAttribute {
    /// `NETNSA_NSID`: the id ([`NETNSA_NSID_NOT_ASSIGNED`] if none).
    NsId(i32),
    /// `NETNSA_PID`: designates the namespace of this process.
    Pid(u32),
    /// `NETNSA_FD`: designates the namespace of this file descriptor.
    Fd(u32),
    /// `NETNSA_TARGET_NSID`: the namespace in which to look ids up.
    TargetNsId(i32),
    /// `NETNSA_CURRENT_NSID`: the id of the current namespace in the target
    /// namespace.
    CurrentNsId(i32),
    /// An attribute of a type not known here, kept raw.
    Other(RawNla),
    /// An attribute of a known type whose value could not be decoded.
    Malformed(Box<MalformedNla>),
}

impl Nla for NsIdAttribute {
    fn value_len(&self) -> usize {
        match self {
            NsIdAttribute::Other(nla) => nla.value_len(),
            NsIdAttribute::Malformed(nla) => nla.value_len(),
            _ => 4,
        }
    }

    fn kind(&self) -> u16 {
        match self {
            NsIdAttribute::NsId(_) => NETNSA_NSID,
            NsIdAttribute::Pid(_) => NETNSA_PID,
            NsIdAttribute::Fd(_) => NETNSA_FD,
            NsIdAttribute::TargetNsId(_) => NETNSA_TARGET_NSID,
            NsIdAttribute::CurrentNsId(_) => NETNSA_CURRENT_NSID,
            NsIdAttribute::Other(nla) => nla.kind(),
            NsIdAttribute::Malformed(nla) => nla.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            NsIdAttribute::NsId(value)
            | NsIdAttribute::TargetNsId(value)
            | NsIdAttribute::CurrentNsId(value) => emit_i32(buffer, *value),
            NsIdAttribute::Pid(value) | NsIdAttribute::Fd(value) => emit_u32(buffer, *value),
            NsIdAttribute::Other(nla) => nla.emit_value(buffer),
            NsIdAttribute::Malformed(nla) => nla.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            NsIdAttribute::Other(nla) => nla.is_nested(),
            NsIdAttribute::Malformed(nla) => nla.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        match self {
            NsIdAttribute::Other(nla) => nla.is_network_byteorder(),
            NsIdAttribute::Malformed(nla) => nla.is_network_byteorder(),
            _ => false,
        }
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&'a T>> for NsIdAttribute {
    /// Never fails: unknown types become [`NsIdAttribute::Other`] and
    /// undecodable values [`NsIdAttribute::Malformed`].
    fn parse(buf: &NlaBuffer<&'a T>) -> Result<Self, DecodeError> {
        let value = buf.value();
        let (name, parsed) = match buf.raw_kind() {
            NETNSA_NSID => ("NETNSA_NSID", parse_i32(value).map(NsIdAttribute::NsId)),
            NETNSA_PID => ("NETNSA_PID", parse_u32(value).map(NsIdAttribute::Pid)),
            NETNSA_FD => ("NETNSA_FD", parse_u32(value).map(NsIdAttribute::Fd)),
            NETNSA_TARGET_NSID => (
                "NETNSA_TARGET_NSID",
                parse_i32(value).map(NsIdAttribute::TargetNsId),
            ),
            NETNSA_CURRENT_NSID => (
                "NETNSA_CURRENT_NSID",
                parse_i32(value).map(NsIdAttribute::CurrentNsId),
            ),
            kind => return Ok(NsIdAttribute::Other(RawNla::new(kind, value))),
        };
        Ok(parsed.unwrap_or_else(|error| {
            NsIdAttribute::Malformed(Box::new(MalformedNla::new(buf, error.context(name))))
        }))
    }
}
