//! The traits every wire structure implements.

use crate::{DecodeError, NetlinkHeader};

/// A value that can be written to a caller-provided buffer.
pub trait Emitable {
    /// Number of bytes [`Emitable::emit`] writes.
    fn buffer_len(&self) -> usize;

    /// Writes the value into the first [`Emitable::buffer_len`] bytes of
    /// `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is shorter than [`Emitable::buffer_len`]: that is a bug of
    /// the caller, never a property of received data.
    fn emit(&self, buffer: &mut [u8]);
}

/// A value that can be decoded from a (usually checked) buffer view.
pub trait Parseable<T: ?Sized>: Sized {
    /// Decodes the value; never panics, whatever the bytes.
    fn parse(buf: &T) -> Result<Self, DecodeError>;
}

/// A value whose decoding needs an extra parameter (for example the
/// address family, or the header flags).
pub trait ParseableParametrized<T: ?Sized, P>: Sized {
    /// Decodes the value; never panics, whatever the bytes.
    fn parse_with_param(buf: &T, param: P) -> Result<Self, DecodeError>;
}

/// A protocol message that can be the payload of a
/// [`NetlinkMessage`](crate::NetlinkMessage).
pub trait NetlinkSerializable {
    /// The netlink message type (`nlmsg_type`) of this message.
    fn message_type(&self) -> u16;

    /// Length of the payload in bytes (without the netlink header).
    fn buffer_len(&self) -> usize;

    /// Writes the payload into the first [`NetlinkSerializable::buffer_len`]
    /// bytes of `buffer`.
    ///
    /// # Panics
    ///
    /// If `buffer` is too short.
    fn serialize(&self, buffer: &mut [u8]);
}

/// A protocol message that can be decoded from the payload of a netlink
/// message whose type is not a control type.
pub trait NetlinkDeserializable: Sized {
    /// The decoding error.
    type Error: std::error::Error + Send + Sync + 'static;

    /// Decodes the payload (bytes after the header) of a message with the
    /// given header.
    fn deserialize(header: &NetlinkHeader, payload: &[u8]) -> Result<Self, Self::Error>;
}
