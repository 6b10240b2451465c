//! `NLMSG_ERROR` with code 0: the request succeeded.

use crate::control::{emit_error_payload, error_payload_len, parse_error_parts, ExtendedAck};
use crate::{
    DecodeError, Emitable, NetlinkBuffer, NetlinkFlags, NetlinkHeader, Parseable,
    ParseableParametrized, NETLINK_HEADER_LEN,
};

/// The kernel's acknowledgement of a successful request (`NLMSG_ERROR` with
/// error code 0, sent when the request asked for `NLM_F_ACK`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct AckMessage {
    /// The echoed request (the kernel caps acks to the header).
    pub header: Vec<u8>,
    /// The extended ack (a warning message or a cookie, if any), boxed so
    /// that a [`NetlinkMessage`](crate::NetlinkMessage) stays small.
    pub extended_ack: Box<ExtendedAck>,
}

impl AckMessage {
    /// The header of the echoed request, if at least 16 bytes were echoed.
    pub fn echoed_header(&self) -> Option<NetlinkHeader> {
        let buffer = NetlinkBuffer::new(self.header.get(..NETLINK_HEADER_LEN)?);
        NetlinkHeader::parse(&buffer).ok()
    }
}

impl ParseableParametrized<[u8], NetlinkFlags> for AckMessage {
    /// Decodes an `NLMSG_ERROR` payload given the outer header flags; fails
    /// if the code is not 0 (that is an [`ErrorMessage`](crate::ErrorMessage)).
    fn parse_with_param(buf: &[u8], flags: NetlinkFlags) -> Result<Self, DecodeError> {
        let parts = parse_error_parts(buf, flags)?;
        if parts.code != 0 {
            return Err(DecodeError::new(format!(
                "error code {} is an error, not an ack",
                parts.code
            )));
        }
        Ok(AckMessage {
            header: parts.echoed,
            extended_ack: parts.extended_ack,
        })
    }
}

impl Emitable for AckMessage {
    fn buffer_len(&self) -> usize {
        error_payload_len(&self.header, &self.extended_ack)
    }

    fn emit(&self, buffer: &mut [u8]) {
        emit_error_payload(buffer, 0, &self.header, &self.extended_ack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ack_round_trips_and_exposes_the_echoed_header() {
        let mut payload = vec![0u8; 4];
        payload.extend_from_slice(&[32, 0, 0, 0, 16, 0, 5, 0, 9, 0, 0, 0, 7, 0, 0, 0]);
        let ack = AckMessage::parse_with_param(&payload[..], NetlinkFlags::CAPPED).unwrap();
        let header = ack.echoed_header().unwrap();
        assert_eq!(header.sequence_number, 9);
        assert_eq!(header.port_number, 7);
        assert!(ack.extended_ack.is_empty());
        let mut out = vec![0u8; ack.buffer_len()];
        ack.emit(&mut out);
        assert_eq!(out, payload);
        payload[0] = 0xff;
        assert!(AckMessage::parse_with_param(&payload[..], NetlinkFlags::CAPPED).is_err());
    }
}
