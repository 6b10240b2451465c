//! `NLMSG_ERROR` with a non-zero code: the request failed.

use std::fmt;
use std::io;
use std::num::NonZeroI32;

use crate::control::{emit_error_payload, error_payload_len, parse_error_parts, ExtendedAck};
use crate::{
    DecodeError, Emitable, NetlinkBuffer, NetlinkFlags, NetlinkHeader, Parseable,
    ParseableParametrized, NETLINK_HEADER_LEN,
};

/// The kernel's answer to a failed request (`NLMSG_ERROR` with a negative
/// errno).
///
/// ```
/// use netlink_packet_core::{ErrorMessage, NetlinkFlags, ParseableParametrized};
/// // -EINVAL (-22) echoing a capped 16-byte request header.
/// let mut payload = (-22i32).to_ne_bytes().to_vec();
/// payload.extend_from_slice(&[16, 0, 0, 0, 16, 0, 5, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
/// let error = ErrorMessage::parse_with_param(&payload[..], NetlinkFlags::CAPPED).unwrap();
/// assert_eq!(error.errno(), 22);
/// assert_eq!(error.to_io().kind(), std::io::ErrorKind::InvalidInput);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ErrorMessage {
    /// The error code: a negative errno.
    pub code: NonZeroI32,
    /// The echoed request: its header only if the ack was capped
    /// (`NLM_F_CAPPED`), otherwise the whole request.
    pub header: Vec<u8>,
    /// The decoded extended ack, boxed so that a
    /// [`NetlinkMessage`](crate::NetlinkMessage) stays small.
    pub extended_ack: Box<ExtendedAck>,
}

impl ErrorMessage {
    /// The error code as sent (a negative errno).
    pub fn raw_code(&self) -> i32 {
        self.code.get()
    }

    /// The positive errno.
    pub fn errno(&self) -> i32 {
        self.code.get().saturating_neg()
    }

    /// The error as an [`io::Error`] (without the extended ack text).
    pub fn to_io(&self) -> io::Error {
        io::Error::from_raw_os_error(self.errno())
    }

    /// The header of the echoed request, if at least 16 bytes were echoed.
    pub fn echoed_header(&self) -> Option<NetlinkHeader> {
        let buffer = NetlinkBuffer::new(self.header.get(..NETLINK_HEADER_LEN)?);
        NetlinkHeader::parse(&buffer).ok()
    }

    /// The bytes of the echoed request that the extended ack offset points
    /// to: the offending attribute (header and value). `None` without an
    /// offset or when it points past the echoed bytes (a capped ack: use
    /// [`ExtendedAck::offending_attribute`] with your copy of the request).
    pub fn offending_bytes(&self) -> Option<&[u8]> {
        self.extended_ack.offending_attribute(&self.header)
    }
}

impl ParseableParametrized<[u8], NetlinkFlags> for ErrorMessage {
    /// Decodes an `NLMSG_ERROR` payload given the outer header flags; fails
    /// if the code is 0 (that is an [`AckMessage`](crate::AckMessage)).
    fn parse_with_param(buf: &[u8], flags: NetlinkFlags) -> Result<Self, DecodeError> {
        let parts = parse_error_parts(buf, flags)?;
        let Some(code) = NonZeroI32::new(parts.code) else {
            return Err(DecodeError::new("error code 0 is an ack, not an error"));
        };
        Ok(ErrorMessage {
            code,
            header: parts.echoed,
            extended_ack: parts.extended_ack,
        })
    }
}

impl Emitable for ErrorMessage {
    fn buffer_len(&self) -> usize {
        error_payload_len(&self.header, &self.extended_ack)
    }

    fn emit(&self, buffer: &mut [u8]) {
        emit_error_payload(buffer, self.code.get(), &self.header, &self.extended_ack)
    }
}

impl fmt::Display for ErrorMessage {
    /// The errno text, then the extended ack, e.g.
    /// `Invalid argument (os error 22): Unknown device type (offset 36)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_io())?;
        if !self.extended_ack.is_empty() {
            write!(f, ": {}", self.extended_ack)?;
        }
        Ok(())
    }
}

impl std::error::Error for ErrorMessage {}

impl From<ErrorMessage> for io::Error {
    /// An [`io::Error`] of the errno's kind whose text includes the extended
    /// ack.
    fn from(error: ErrorMessage) -> Self {
        let kind = error.to_io().kind();
        if error.extended_ack.is_empty() {
            error.to_io()
        } else {
            io::Error::new(kind, error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An uncapped EINVAL for a 24-byte request, with MSG and OFFS.
    fn uncapped() -> Vec<u8> {
        let mut payload = (-22i32).to_ne_bytes().to_vec();
        payload.extend_from_slice(&[24, 0, 0, 0, 16, 0, 5, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
        payload.extend_from_slice(&[8, 0, 3, 0, b'x', b'y', 0, 0]);
        payload.extend_from_slice(&[8, 0, 1, 0, b'b', b'a', b'd', 0]);
        payload.extend_from_slice(&[8, 0, 2, 0, 16, 0, 0, 0]);
        payload
    }

    #[test]
    fn uncapped_error_echoes_the_whole_request() {
        let payload = uncapped();
        let flags = NetlinkFlags::ACK_TLVS;
        let error = ErrorMessage::parse_with_param(&payload[..], flags).unwrap();
        assert_eq!(error.raw_code(), -22);
        assert_eq!(error.header.len(), 24);
        assert_eq!(error.extended_ack.message.as_deref(), Some("bad"));
        assert_eq!(error.extended_ack.offset, Some(16));
        assert_eq!(
            error.offending_bytes(),
            Some(&[8, 0, 3, 0, b'x', b'y', 0, 0][..])
        );
        assert_eq!(error.echoed_header().unwrap().message_type, 16);
        assert_eq!(
            error.to_string(),
            "Invalid argument (os error 22): bad (offset 16)"
        );
        let mut out = vec![0u8; error.buffer_len()];
        error.emit(&mut out);
        assert_eq!(out, payload);
    }

    #[test]
    fn capped_error_echoes_only_the_header() {
        let mut payload = (-1i32).to_ne_bytes().to_vec();
        payload.extend_from_slice(&[24, 0, 0, 0, 16, 0, 5, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
        payload.extend_from_slice(&[8, 0, 2, 0, 16, 0, 0, 0]);
        let flags = NetlinkFlags::CAPPED | NetlinkFlags::ACK_TLVS;
        let error = ErrorMessage::parse_with_param(&payload[..], flags).unwrap();
        assert_eq!(error.header.len(), 16);
        assert_eq!(error.extended_ack.offset, Some(16));
        assert_eq!(error.offending_bytes(), None);
        assert_eq!(error.to_io().kind(), io::ErrorKind::PermissionDenied);
        let io_error: io::Error = error.into();
        assert_eq!(
            io_error.to_string(),
            "Operation not permitted (os error 1): offset 16"
        );
    }

    #[test]
    fn zero_code_is_refused_and_short_payload_errors() {
        let payload = [0u8; 20];
        assert_eq!(
            ErrorMessage::parse_with_param(&payload[..], NetlinkFlags::CAPPED)
                .unwrap_err()
                .to_string(),
            "error code 0 is an ack, not an error"
        );
        assert_eq!(
            ErrorMessage::parse_with_param(&payload[..3], NetlinkFlags::empty())
                .unwrap_err()
                .to_string(),
            "expected at least 4 bytes of error code, got 3"
        );
    }

    #[test]
    fn errno_of_extreme_code_does_not_overflow() {
        let error = ErrorMessage {
            code: NonZeroI32::MIN,
            header: vec![],
            extended_ack: Box::default(),
        };
        assert_eq!(error.errno(), i32::MAX);
    }
}
