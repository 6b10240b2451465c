//! The extended ack TLVs the kernel appends to errors, acks and done
//! messages (`NLMSGERR_ATTR_*`).

use std::fmt;

use crate::control::policy::Policy;
use crate::nla::{nla_align, Nla, NlaBuffer, NlasIterator, RawNla, NLA_F_NESTED, NLA_HEADER_SIZE};
use crate::parse::{parse_string, parse_u32};
use crate::{DecodeError, Emitable, ErrorContext, Parseable};

/// `NLMSGERR_ATTR_MSG`: error message text (NUL-terminated string).
pub const NLMSGERR_ATTR_MSG: u16 = 1;
/// `NLMSGERR_ATTR_OFFS`: offset of the offending attribute in the request, u32.
pub const NLMSGERR_ATTR_OFFS: u16 = 2;
/// `NLMSGERR_ATTR_COOKIE`: arbitrary subsystem-specific cookie, binary.
pub const NLMSGERR_ATTR_COOKIE: u16 = 3;
/// `NLMSGERR_ATTR_POLICY`: policy of the offending attribute, nested.
pub const NLMSGERR_ATTR_POLICY: u16 = 4;
/// `NLMSGERR_ATTR_MISS_TYPE`: type of a missing required attribute, u32.
pub const NLMSGERR_ATTR_MISS_TYPE: u16 = 5;
/// `NLMSGERR_ATTR_MISS_NEST`: offset of the nest where an attribute is
/// missing, u32.
pub const NLMSGERR_ATTR_MISS_NEST: u16 = 6;

/// The decoded extended ack of an error, ack or done message.
///
/// Attributes appear on the wire in the kernel's order (message, cookie,
/// offset, policy, missing type, missing nest); emitting uses that order, so
/// kernel messages re-emit byte-identically. Attributes this crate does not
/// know, and repeated ones, are kept in [`ExtendedAck::unknown`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ExtendedAck {
    /// `NLMSGERR_ATTR_MSG`: the human readable reason.
    pub message: Option<String>,
    /// `NLMSGERR_ATTR_OFFS`: offset of the offending attribute, counted from
    /// the start of the request's netlink header.
    pub offset: Option<u32>,
    /// `NLMSGERR_ATTR_COOKIE`: subsystem-specific cookie.
    pub cookie: Option<Vec<u8>>,
    /// `NLMSGERR_ATTR_POLICY`: what the offending attribute should look like.
    pub policy: Option<Policy>,
    /// `NLMSGERR_ATTR_MISS_TYPE`: type of a missing required attribute.
    pub missing_type: Option<u32>,
    /// `NLMSGERR_ATTR_MISS_NEST`: offset of the nest lacking the attribute
    /// (counted like [`ExtendedAck::offset`]).
    pub missing_nest: Option<u32>,
    /// Attributes not decoded above, in wire order.
    pub unknown: Vec<RawNla>,
}

impl ExtendedAck {
    /// Whether nothing at all was reported.
    pub fn is_empty(&self) -> bool {
        self == &ExtendedAck::default()
    }

    /// The bytes of the attribute at `offset` in `request` (the request the
    /// kernel answered, starting with its netlink header): the attribute's
    /// header and value, or the rest of the request if no valid attribute
    /// header is there.
    ///
    /// Useful with capped acks, whose echoed request is only the header:
    /// pass your own copy of the request.
    pub fn offending_attribute<'a>(&self, request: &'a [u8]) -> Option<&'a [u8]> {
        attribute_at(request, self.offset?)
    }

    /// Like [`ExtendedAck::offending_attribute`] for the nest reported by
    /// [`ExtendedAck::missing_nest`].
    pub fn missing_nest_attribute<'a>(&self, request: &'a [u8]) -> Option<&'a [u8]> {
        attribute_at(request, self.missing_nest?)
    }

    fn attributes(&self) -> impl Iterator<Item = AckAttribute<'_>> {
        let message = self.message.as_deref().map(AckAttribute::Message);
        let cookie = self.cookie.as_deref().map(AckAttribute::Cookie);
        let offset = self
            .offset
            .map(|offset| AckAttribute::U32(NLMSGERR_ATTR_OFFS, offset));
        let policy = self.policy.as_ref().map(AckAttribute::Policy);
        let missing_type = self
            .missing_type
            .map(|kind| AckAttribute::U32(NLMSGERR_ATTR_MISS_TYPE, kind));
        let missing_nest = self
            .missing_nest
            .map(|offset| AckAttribute::U32(NLMSGERR_ATTR_MISS_NEST, offset));
        message
            .into_iter()
            .chain(cookie)
            .chain(offset)
            .chain(policy)
            .chain(missing_type)
            .chain(missing_nest)
            .chain(self.unknown.iter().map(AckAttribute::Raw))
    }
}

fn attribute_at(request: &[u8], offset: u32) -> Option<&[u8]> {
    let rest = request.get(usize::try_from(offset).ok()?..)?;
    if rest.is_empty() {
        return None;
    }
    match rest.first_chunk::<2>() {
        Some(length) => {
            let length = usize::from(u16::from_ne_bytes(*length));
            if length >= NLA_HEADER_SIZE {
                rest.get(..length).or(Some(rest))
            } else {
                Some(rest)
            }
        }
        None => Some(rest),
    }
}

enum AckAttribute<'a> {
    Message(&'a str),
    Cookie(&'a [u8]),
    U32(u16, u32),
    Policy(&'a Policy),
    Raw(&'a RawNla),
}

impl Nla for AckAttribute<'_> {
    fn value_len(&self) -> usize {
        match self {
            AckAttribute::Message(text) => text.len() + 1,
            AckAttribute::Cookie(cookie) => cookie.len(),
            AckAttribute::U32(..) => 4,
            AckAttribute::Policy(policy) => policy.attributes.as_slice().buffer_len(),
            AckAttribute::Raw(raw) => raw.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        match self {
            AckAttribute::Message(_) => NLMSGERR_ATTR_MSG,
            AckAttribute::Cookie(_) => NLMSGERR_ATTR_COOKIE,
            AckAttribute::U32(kind, _) => *kind,
            AckAttribute::Policy(_) => NLMSGERR_ATTR_POLICY,
            AckAttribute::Raw(raw) => raw.kind(),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            AckAttribute::Policy(_) => true,
            AckAttribute::Raw(raw) => raw.is_nested(),
            _ => false,
        }
    }

    fn is_network_byteorder(&self) -> bool {
        matches!(self, AckAttribute::Raw(raw) if raw.is_network_byteorder())
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            AckAttribute::Message(text) => {
                let (content, nul) = buffer.split_at_mut(text.len());
                content.copy_from_slice(text.as_bytes());
                nul.fill(0);
            }
            AckAttribute::Cookie(cookie) => buffer.copy_from_slice(cookie),
            AckAttribute::U32(_, value) => buffer.copy_from_slice(&value.to_ne_bytes()),
            AckAttribute::Policy(policy) => policy.attributes.as_slice().emit(buffer),
            AckAttribute::Raw(raw) => raw.emit_value(buffer),
        }
    }
}

impl Parseable<[u8]> for ExtendedAck {
    /// Decodes the TLVs that follow the echoed request (or the done code).
    fn parse(buf: &[u8]) -> Result<Self, DecodeError> {
        let mut ack = ExtendedAck::default();
        for nla in NlasIterator::new(buf) {
            let nla = nla?;
            parse_attribute(&mut ack, &nla)?;
        }
        Ok(ack)
    }
}

fn parse_attribute(ack: &mut ExtendedAck, nla: &NlaBuffer<&[u8]>) -> Result<(), DecodeError> {
    let value = nla.value();
    let flags = nla.raw_kind() & !crate::nla::NLA_TYPE_MASK;
    let expected_flags = if nla.kind() == NLMSGERR_ATTR_POLICY {
        NLA_F_NESTED
    } else {
        0
    };
    let keep_raw = |ack: &mut ExtendedAck| {
        ack.unknown.push(RawNla::new(nla.raw_kind(), value));
        Ok(())
    };
    if flags != expected_flags {
        return keep_raw(ack);
    }
    match nla.kind() {
        NLMSGERR_ATTR_MSG if ack.message.is_none() && value.last() == Some(&0) => {
            ack.message = Some(parse_string(value).context("NLMSGERR_ATTR_MSG")?);
        }
        NLMSGERR_ATTR_OFFS if ack.offset.is_none() => {
            ack.offset = Some(parse_u32(value).context("NLMSGERR_ATTR_OFFS")?);
        }
        NLMSGERR_ATTR_COOKIE if ack.cookie.is_none() => {
            ack.cookie = Some(value.to_vec());
        }
        NLMSGERR_ATTR_POLICY if ack.policy.is_none() => {
            ack.policy = Some(Policy::parse(value).context("NLMSGERR_ATTR_POLICY")?);
        }
        NLMSGERR_ATTR_MISS_TYPE if ack.missing_type.is_none() => {
            ack.missing_type = Some(parse_u32(value).context("NLMSGERR_ATTR_MISS_TYPE")?);
        }
        NLMSGERR_ATTR_MISS_NEST if ack.missing_nest.is_none() => {
            ack.missing_nest = Some(parse_u32(value).context("NLMSGERR_ATTR_MISS_NEST")?);
        }
        _ => return keep_raw(ack),
    }
    Ok(())
}

impl Emitable for ExtendedAck {
    fn buffer_len(&self) -> usize {
        self.attributes()
            .map(|attribute| attribute.buffer_len())
            .sum()
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut offset = 0;
        for attribute in self.attributes() {
            let len = nla_align(attribute.buffer_len());
            attribute.emit(&mut buffer[offset..offset + len]);
            offset += len;
        }
    }
}

impl fmt::Display for ExtendedAck {
    /// The message, then the other fields in parentheses, e.g.
    /// `Unknown device type (offset 52)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut details = Vec::new();
        if let Some(offset) = self.offset {
            details.push(format!("offset {offset}"));
        }
        if let Some(policy) = &self.policy {
            details.push(format!("policy: {policy}"));
        }
        if let Some(kind) = self.missing_type {
            details.push(format!("missing attribute type {kind}"));
        }
        if let Some(offset) = self.missing_nest {
            details.push(format!("in nest at offset {offset}"));
        }
        if let Some(cookie) = &self.cookie {
            details.push(format!("cookie {cookie:02x?}"));
        }
        match (&self.message, details.is_empty()) {
            (Some(message), true) => f.write_str(message),
            (Some(message), false) => write!(f, "{message} ({})", details.join(", ")),
            (None, _) => f.write_str(&details.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::control::policy::{PolicyAttribute, PolicyAttributeType};

    fn emit(ack: &ExtendedAck) -> Vec<u8> {
        let mut bytes = vec![0u8; ack.buffer_len()];
        ack.emit(&mut bytes);
        bytes
    }

    #[test]
    fn full_ack_round_trips_in_kernel_order() {
        let ack = ExtendedAck {
            message: Some("Unknown device type".into()),
            offset: Some(36),
            cookie: Some(vec![1, 2, 3]),
            policy: Some(Policy {
                attributes: vec![
                    PolicyAttribute::MaxLength(15),
                    PolicyAttribute::Type(PolicyAttributeType::String),
                ],
            }),
            missing_type: Some(3),
            missing_nest: Some(20),
            unknown: vec![RawNla::new(99, vec![7])],
        };
        let bytes = emit(&ack);
        // MSG first, NUL-terminated and padded.
        assert_eq!(&bytes[..4], &[24, 0, 1, 0]);
        assert_eq!(&bytes[4..24], b"Unknown device type\0");
        // then COOKIE
        assert_eq!(&bytes[24..32], &[7, 0, 3, 0, 1, 2, 3, 0]);
        // POLICY is nested
        assert_eq!(&bytes[40..44], &[20, 0, 4, 0x80]);
        assert_eq!(ExtendedAck::parse(&bytes[..]).unwrap(), ack);
        assert_eq!(
            ack.to_string(),
            "Unknown device type (offset 36, policy: string, length ..=15, missing attribute type 3, in nest at offset 20, cookie [01, 02, 03])"
        );
    }

    #[test]
    fn repeated_and_unknown_attributes_are_kept_raw() {
        let bytes = [
            8, 0, 2, 0, 1, 0, 0, 0, // OFFS 1
            8, 0, 2, 0, 2, 0, 0, 0, // OFFS 2 (repeated)
            5, 0, 42, 0, 9, 0, 0, 0, // unknown 42
        ];
        let ack = ExtendedAck::parse(&bytes[..]).unwrap();
        assert_eq!(ack.offset, Some(1));
        assert_eq!(
            ack.unknown,
            vec![RawNla::new(2, vec![2, 0, 0, 0]), RawNla::new(42, vec![9])]
        );
        assert_eq!(emit(&ack), bytes);
    }

    #[test]
    fn bad_values_have_precise_errors() {
        let bytes = [7, 0, 2, 0, 1, 0, 0, 0];
        assert_eq!(
            ExtendedAck::parse(&bytes[..]).unwrap_err().to_string(),
            "NLMSGERR_ATTR_OFFS: expected 4 bytes, got 3"
        );
    }

    #[test]
    fn offending_attribute_is_sliced_from_the_request() {
        let mut request = vec![0u8; 16];
        request.extend_from_slice(&[8, 0, 1, 0, 1, 2, 3, 4, 6, 0, 2, 0, 9, 9, 0, 0]);
        let ack = ExtendedAck {
            offset: Some(24),
            ..Default::default()
        };
        assert_eq!(
            ack.offending_attribute(&request),
            Some(&[6, 0, 2, 0, 9, 9][..])
        );
        let outside = ExtendedAck {
            offset: Some(32),
            ..Default::default()
        };
        assert_eq!(outside.offending_attribute(&request), None);
        assert_eq!(ExtendedAck::default().offending_attribute(&request), None);
    }
}
