//! A protocol-agnostic inner message that keeps its bytes.

use crate::{DecodeError, NetlinkDeserializable, NetlinkHeader, NetlinkSerializable};

/// Any protocol message kept as its type and raw payload bytes.
///
/// `NetlinkMessage<RawMessage>` decodes every netlink message of any
/// protocol (control messages decoded, the rest raw) and re-emits it
/// byte-identically: useful for protocol-agnostic tools and tests.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RawMessage {
    /// The netlink message type.
    pub message_type: u16,
    /// The payload bytes (after the netlink header).
    pub payload: Vec<u8>,
}

impl RawMessage {
    /// A raw message of the given type and payload.
    pub fn new(message_type: u16, payload: impl Into<Vec<u8>>) -> Self {
        RawMessage {
            message_type,
            payload: payload.into(),
        }
    }
}

impl NetlinkSerializable for RawMessage {
    fn message_type(&self) -> u16 {
        self.message_type
    }

    fn buffer_len(&self) -> usize {
        self.payload.len()
    }

    fn serialize(&self, buffer: &mut [u8]) {
        buffer[..self.payload.len()].copy_from_slice(&self.payload);
    }
}

impl NetlinkDeserializable for RawMessage {
    type Error = DecodeError;

    /// Never fails.
    fn deserialize(header: &NetlinkHeader, payload: &[u8]) -> Result<Self, Self::Error> {
        Ok(RawMessage::new(header.message_type, payload))
    }
}
