//! A whole netlink message: header plus payload.

use std::error::Error;

use crate::control::{parse_error_parts, AckMessage, DoneMessage, ErrorMessage};
use crate::{
    DecodeError, Emitable, ErrorContext, NetlinkBuffer, NetlinkDeserializable, NetlinkHeader,
    NetlinkPayload, NetlinkSerializable, Parseable, NETLINK_HEADER_LEN, NLMSG_DONE, NLMSG_ERROR,
    NLMSG_NOOP, NLMSG_OVERRUN,
};

/// A netlink message: the header and a payload that is either a control
/// message or a protocol message `I`.
///
/// ```
/// use netlink_packet_core::{NetlinkMessage, NetlinkPayload, RawMessage};
/// // NLMSG_DONE with code 0, as ends every dump.
/// let bytes = [20, 0, 0, 0, 3, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
/// let message = NetlinkMessage::<RawMessage>::deserialize(&bytes).unwrap();
/// assert!(matches!(message.payload, NetlinkPayload::Done(ref done) if done.code == Some(0)));
/// let mut out = vec![0; message.buffer_len()];
/// message.serialize(&mut out);
/// assert_eq!(out, bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetlinkMessage<I> {
    /// The header.
    pub header: NetlinkHeader,
    /// The payload.
    pub payload: NetlinkPayload<I>,
}

impl<I> NetlinkMessage<I> {
    /// A message from its parts (call [`NetlinkMessage::finalize`] before
    /// sending to fill in the length and type).
    pub fn new(header: NetlinkHeader, payload: NetlinkPayload<I>) -> Self {
        NetlinkMessage { header, payload }
    }

    /// The parts of the message.
    pub fn into_parts(self) -> (NetlinkHeader, NetlinkPayload<I>) {
        (self.header, self.payload)
    }
}

impl<I> From<I> for NetlinkMessage<I> {
    /// A message around a protocol message, with a default header.
    fn from(inner: I) -> Self {
        NetlinkMessage::new(
            NetlinkHeader::default(),
            NetlinkPayload::InnerMessage(inner),
        )
    }
}

impl<I: NetlinkSerializable> NetlinkMessage<I> {
    /// Sets `header.length` and `header.message_type` from the payload.
    pub fn finalize(&mut self) {
        self.header.length = u32::try_from(self.buffer_len()).unwrap_or(u32::MAX);
        self.header.message_type = self.payload.message_type();
    }

    /// Length of the whole message in bytes (header and payload).
    pub fn buffer_len(&self) -> usize {
        NETLINK_HEADER_LEN + self.payload.buffer_len()
    }

    /// Writes the message (header as it is, then the payload) into the
    /// first [`NetlinkMessage::buffer_len`] bytes of `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is shorter than [`NetlinkMessage::buffer_len`].
    pub fn serialize(&self, buffer: &mut [u8]) {
        self.header.emit(buffer);
        let end = self.buffer_len();
        self.payload.emit(&mut buffer[NETLINK_HEADER_LEN..end]);
    }
}

impl<I: NetlinkSerializable> Emitable for NetlinkMessage<I> {
    fn buffer_len(&self) -> usize {
        NetlinkMessage::buffer_len(self)
    }

    fn emit(&self, buffer: &mut [u8]) {
        self.serialize(buffer)
    }
}

impl<I: NetlinkDeserializable> NetlinkMessage<I> {
    /// Decodes the one message at the start of `bytes` (bytes after its
    /// length are ignored; use [`DatagramMessages`](crate::DatagramMessages)
    /// to walk all messages of a datagram).
    pub fn deserialize(bytes: &[u8]) -> Result<Self, DecodeError> {
        let buffer = NetlinkBuffer::new_checked(bytes)?;
        NetlinkMessage::parse(&buffer)
    }
}

impl<'a, T, I> Parseable<NetlinkBuffer<&'a T>> for NetlinkMessage<I>
where
    T: AsRef<[u8]> + ?Sized,
    I: NetlinkDeserializable,
{
    /// Decodes the message viewed by `buf`; the payload is
    /// [`NetlinkBuffer::payload`] (clamped to the bytes present, so views
    /// yielded by [`DatagramMessages::lenient`](crate::DatagramMessages::lenient)
    /// decode too).
    fn parse(buf: &NetlinkBuffer<&'a T>) -> Result<Self, DecodeError> {
        let header = NetlinkHeader::parse(buf)?;
        let payload_bytes = buf.payload();
        let payload = match header.message_type {
            NLMSG_NOOP => NetlinkPayload::Noop(payload_bytes.to_vec()),
            NLMSG_OVERRUN => NetlinkPayload::Overrun(payload_bytes.to_vec()),
            NLMSG_DONE => {
                NetlinkPayload::Done(DoneMessage::parse(payload_bytes).context("NLMSG_DONE")?)
            }
            NLMSG_ERROR => {
                let parts =
                    parse_error_parts(payload_bytes, header.flags).context("NLMSG_ERROR")?;
                match std::num::NonZeroI32::new(parts.code) {
                    None => NetlinkPayload::Ack(AckMessage {
                        header: parts.echoed,
                        extended_ack: parts.extended_ack,
                    }),
                    Some(code) => NetlinkPayload::Error(ErrorMessage {
                        code,
                        header: parts.echoed,
                        extended_ack: parts.extended_ack,
                    }),
                }
            }
            _ => NetlinkPayload::InnerMessage(
                I::deserialize(&header, payload_bytes).map_err(into_decode_error)?,
            ),
        };
        Ok(NetlinkMessage { header, payload })
    }
}

/// Converts a protocol's error, keeping a [`DecodeError`]'s context chain.
fn into_decode_error<E: Error + Send + Sync + 'static>(error: E) -> DecodeError {
    let boxed: Box<dyn Error + Send + Sync> = Box::new(error);
    match boxed.downcast::<DecodeError>() {
        Ok(decode_error) => *decode_error,
        Err(other) => DecodeError::from_error(other.as_ref()),
    }
}
