//! `NLMSG_DONE`: the end of a dump.

use crate::control::ExtendedAck;
use crate::{DecodeError, Emitable, ErrorContext, Parseable};

/// The end of a multipart message (dump), with the dump's status.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct DoneMessage {
    /// The dump's error code (0 on success, a negative errno on failure);
    /// `None` if the payload was empty.
    pub code: Option<i32>,
    /// The extended ack the kernel attached (for example why a filtered
    /// dump failed), boxed so that a
    /// [`NetlinkMessage`](crate::NetlinkMessage) stays small.
    pub extended_ack: Box<ExtendedAck>,
}

impl Parseable<[u8]> for DoneMessage {
    fn parse(buf: &[u8]) -> Result<Self, DecodeError> {
        if buf.is_empty() {
            return Ok(DoneMessage::default());
        }
        let Some((code, tlvs)) = buf.split_first_chunk::<4>() else {
            return Err(DecodeError::new(format!(
                "expected 0 or at least 4 bytes of done code, got {}",
                buf.len()
            )));
        };
        Ok(DoneMessage {
            code: Some(i32::from_ne_bytes(*code)),
            extended_ack: Box::new(ExtendedAck::parse(tlvs).context("extended ack")?),
        })
    }
}

impl Emitable for DoneMessage {
    fn buffer_len(&self) -> usize {
        if self.code.is_none() && self.extended_ack.is_empty() {
            0
        } else {
            4 + self.extended_ack.buffer_len()
        }
    }

    fn emit(&self, buffer: &mut [u8]) {
        if self.buffer_len() == 0 {
            return;
        }
        buffer[..4].copy_from_slice(&self.code.unwrap_or(0).to_ne_bytes());
        let end = self.buffer_len();
        self.extended_ack.emit(&mut buffer[4..end]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_coded_done() {
        assert_eq!(DoneMessage::parse(&[][..]).unwrap().code, None);
        let mut payload = (-16i32).to_ne_bytes().to_vec();
        payload.extend_from_slice(&[8, 0, 1, 0, b'b', b'u', b'g', 0]);
        let done = DoneMessage::parse(&payload[..]).unwrap();
        assert_eq!(done.code, Some(-16));
        assert_eq!(done.extended_ack.message.as_deref(), Some("bug"));
        let mut out = vec![0u8; done.buffer_len()];
        done.emit(&mut out);
        assert_eq!(out, payload);
        assert_eq!(
            DoneMessage::parse(&[1, 2][..]).unwrap_err().to_string(),
            "expected 0 or at least 4 bytes of done code, got 2"
        );
    }
}
