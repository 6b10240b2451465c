//! What a netlink message carries: a control message or a protocol message.

use crate::{
    AckMessage, DoneMessage, Emitable, ErrorMessage, NetlinkSerializable, NLMSG_DONE, NLMSG_ERROR,
    NLMSG_NOOP, NLMSG_OVERRUN,
};

/// The payload of a [`NetlinkMessage`](crate::NetlinkMessage): one of the
/// control messages every protocol shares, or the protocol's own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetlinkPayload<I> {
    /// `NLMSG_DONE`: end of a dump.
    Done(DoneMessage),
    /// `NLMSG_ERROR` with a non-zero code: the request failed.
    Error(ErrorMessage),
    /// `NLMSG_ERROR` with code 0: the request succeeded.
    Ack(AckMessage),
    /// `NLMSG_NOOP`, with its payload bytes.
    Noop(Vec<u8>),
    /// `NLMSG_OVERRUN`, with its payload bytes.
    Overrun(Vec<u8>),
    /// A protocol message.
    InnerMessage(I),
}

impl<I> NetlinkPayload<I> {
    /// Whether this is [`NetlinkPayload::Done`].
    pub fn is_done(&self) -> bool {
        matches!(self, NetlinkPayload::Done(_))
    }

    /// Whether this is [`NetlinkPayload::Error`].
    pub fn is_error(&self) -> bool {
        matches!(self, NetlinkPayload::Error(_))
    }

    /// Whether this is [`NetlinkPayload::Ack`].
    pub fn is_ack(&self) -> bool {
        matches!(self, NetlinkPayload::Ack(_))
    }

    /// The protocol message, if this is one.
    pub fn inner(&self) -> Option<&I> {
        match self {
            NetlinkPayload::InnerMessage(inner) => Some(inner),
            _ => None,
        }
    }

    /// The protocol message, if this is one.
    pub fn into_inner(self) -> Option<I> {
        match self {
            NetlinkPayload::InnerMessage(inner) => Some(inner),
            _ => None,
        }
    }
}

impl<I: NetlinkSerializable> NetlinkPayload<I> {
    /// The netlink message type this payload is sent with.
    pub fn message_type(&self) -> u16 {
        match self {
            NetlinkPayload::Done(_) => NLMSG_DONE,
            NetlinkPayload::Error(_) | NetlinkPayload::Ack(_) => NLMSG_ERROR,
            NetlinkPayload::Noop(_) => NLMSG_NOOP,
            NetlinkPayload::Overrun(_) => NLMSG_OVERRUN,
            NetlinkPayload::InnerMessage(inner) => inner.message_type(),
        }
    }

    /// Length of the payload in bytes.
    pub fn buffer_len(&self) -> usize {
        match self {
            NetlinkPayload::Done(done) => done.buffer_len(),
            NetlinkPayload::Error(error) => error.buffer_len(),
            NetlinkPayload::Ack(ack) => ack.buffer_len(),
            NetlinkPayload::Noop(bytes) | NetlinkPayload::Overrun(bytes) => bytes.len(),
            NetlinkPayload::InnerMessage(inner) => inner.buffer_len(),
        }
    }

    /// Writes the payload into the first [`NetlinkPayload::buffer_len`]
    /// bytes of `buffer` (panics if it is shorter).
    pub fn emit(&self, buffer: &mut [u8]) {
        match self {
            NetlinkPayload::Done(done) => done.emit(buffer),
            NetlinkPayload::Error(error) => error.emit(buffer),
            NetlinkPayload::Ack(ack) => ack.emit(buffer),
            NetlinkPayload::Noop(bytes) | NetlinkPayload::Overrun(bytes) => {
                buffer[..bytes.len()].copy_from_slice(bytes)
            }
            NetlinkPayload::InnerMessage(inner) => inner.serialize(buffer),
        }
    }
}

impl<I> From<I> for NetlinkPayload<I> {
    fn from(inner: I) -> Self {
        NetlinkPayload::InnerMessage(inner)
    }
}
