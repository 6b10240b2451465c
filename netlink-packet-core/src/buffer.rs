//! A checked view over the bytes of one netlink message.

use crate::bytes::write;
use crate::{DecodeError, NetlinkFlags, NETLINK_HEADER_LEN};

const LENGTH: usize = 0;
const MESSAGE_TYPE: usize = 4;
const FLAGS: usize = 6;
const SEQUENCE_NUMBER: usize = 8;
const PORT_NUMBER: usize = 12;

/// A view over the bytes of one netlink message: the 16-byte header
/// (`struct nlmsghdr`) and the payload.
///
/// Build it with [`NetlinkBuffer::new_checked`] on received bytes. Getters
/// never panic: on a buffer shorter than the header (possible only through
/// [`NetlinkBuffer::new`]) header getters return 0, and
/// [`NetlinkBuffer::payload`] is clamped to the bytes present.
///
/// ```
/// use netlink_packet_core::{NetlinkBuffer, NLMSG_DONE};
/// let bytes = [20, 0, 0, 0, 3, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
/// let buffer = NetlinkBuffer::new_checked(&bytes[..]).unwrap();
/// assert_eq!(buffer.message_type(), NLMSG_DONE);
/// assert_eq!(buffer.payload(), &[0, 0, 0, 0]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetlinkBuffer<T> {
    buffer: T,
}

/// Why a header check failed, given the bytes available and the length
/// field (out of line, so that the check inlines).
#[cold]
#[inline(never)]
fn header_error(available: usize, length: usize) -> DecodeError {
    DecodeError::new(if available < NETLINK_HEADER_LEN {
        format!("netlink header: expected at least {NETLINK_HEADER_LEN} bytes, got {available}")
    } else if length < NETLINK_HEADER_LEN {
        format!(
            "netlink header: length field {length} is less than the header length {NETLINK_HEADER_LEN}"
        )
    } else {
        format!("netlink header: length field {length} exceeds the {available} bytes available")
    })
}

impl<T: AsRef<[u8]>> NetlinkBuffer<T> {
    /// Wraps `buffer` without checking anything.
    pub fn new(buffer: T) -> Self {
        NetlinkBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds a whole header and that
    /// the length field is at least the header length and at most the
    /// buffer length (trailing bytes after the message are allowed).
    #[inline]
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let this = NetlinkBuffer::new(buffer);
        this.check()?;
        Ok(this)
    }

    #[inline]
    fn check(&self) -> Result<(), DecodeError> {
        let available = self.buffer.as_ref().len();
        let length = self.length() as usize;
        if available < NETLINK_HEADER_LEN || length < NETLINK_HEADER_LEN || length > available {
            return Err(header_error(available, length));
        }
        Ok(())
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    /// A reference to the wrapped buffer.
    pub fn inner(&self) -> &T {
        &self.buffer
    }

    /// The header field of `N` bytes at `offset` (zeros if the buffer is
    /// shorter than the header).
    #[inline]
    fn field<const N: usize>(&self, offset: usize) -> [u8; N] {
        match self.buffer.as_ref().first_chunk::<NETLINK_HEADER_LEN>() {
            Some(header) => header
                .get(offset..)
                .and_then(<[u8]>::first_chunk::<N>)
                .copied()
                .unwrap_or([0; N]),
            None => [0; N],
        }
    }

    /// `nlmsg_len`: length of the message including the header.
    #[inline]
    pub fn length(&self) -> u32 {
        u32::from_ne_bytes(self.field(LENGTH))
    }

    /// `nlmsg_type`.
    #[inline]
    pub fn message_type(&self) -> u16 {
        u16::from_ne_bytes(self.field(MESSAGE_TYPE))
    }

    /// `nlmsg_flags` (unknown bits kept).
    #[inline]
    pub fn flags(&self) -> NetlinkFlags {
        NetlinkFlags::from_bits_retain(u16::from_ne_bytes(self.field(FLAGS)))
    }

    /// `nlmsg_seq`.
    #[inline]
    pub fn sequence_number(&self) -> u32 {
        u32::from_ne_bytes(self.field(SEQUENCE_NUMBER))
    }

    /// `nlmsg_pid`: the port number of the sender (0 for the kernel) or
    /// destination.
    #[inline]
    pub fn port_number(&self) -> u32 {
        u32::from_ne_bytes(self.field(PORT_NUMBER))
    }

    /// The payload: bytes `16..length`, clamped to the bytes present.
    pub fn payload(&self) -> &[u8] {
        let bytes = self.buffer.as_ref();
        let end = (self.length() as usize).min(bytes.len());
        bytes.get(NETLINK_HEADER_LEN..end).unwrap_or(&[])
    }
    /// Bytes `16..` of the view, ignoring the length field: for senders
    /// whose length field is known to be wrong (audit records), with views
    /// from [`DatagramMessages::lenient`](crate::DatagramMessages::lenient),
    /// which span a message's real extent.
    pub fn payload_to_end(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(NETLINK_HEADER_LEN..)
            .unwrap_or(&[])
    }
}

impl<'a> NetlinkBuffer<&'a [u8]> {
    /// The payload with the lifetime of the underlying bytes (see
    /// [`NetlinkBuffer::payload`]).
    pub fn into_payload(self) -> &'a [u8] {
        let bytes = self.buffer;
        let end = (self.length() as usize).min(bytes.len());
        bytes.get(NETLINK_HEADER_LEN..end).unwrap_or(&[])
    }

    /// The bytes of the whole message (header and payload), clamped to the
    /// bytes present.
    pub fn message_bytes(self) -> &'a [u8] {
        let bytes = self.buffer;
        let end = (self.length() as usize).min(bytes.len());
        bytes.get(..end).unwrap_or(bytes)
    }
}

/// Setters. They panic if the buffer is shorter than the header: a caller
/// bug when building a message.
impl<T: AsRef<[u8]> + AsMut<[u8]>> NetlinkBuffer<T> {
    /// Sets `nlmsg_len`.
    pub fn set_length(&mut self, value: u32) {
        write(self.buffer.as_mut(), LENGTH, &value.to_ne_bytes());
    }

    /// Sets `nlmsg_type`.
    pub fn set_message_type(&mut self, value: u16) {
        write(self.buffer.as_mut(), MESSAGE_TYPE, &value.to_ne_bytes());
    }

    /// Sets `nlmsg_flags`.
    pub fn set_flags(&mut self, value: NetlinkFlags) {
        write(self.buffer.as_mut(), FLAGS, &value.bits().to_ne_bytes());
    }

    /// Sets `nlmsg_seq`.
    pub fn set_sequence_number(&mut self, value: u32) {
        write(self.buffer.as_mut(), SEQUENCE_NUMBER, &value.to_ne_bytes());
    }

    /// Sets `nlmsg_pid`.
    pub fn set_port_number(&mut self, value: u32) {
        write(self.buffer.as_mut(), PORT_NUMBER, &value.to_ne_bytes());
    }

    /// The mutable payload: bytes `16..length`, clamped to the bytes present.
    pub fn payload_mut(&mut self) -> &mut [u8] {
        let end = (self.length() as usize).min(self.buffer.as_ref().len());
        let bytes = self.buffer.as_mut();
        if end < NETLINK_HEADER_LEN {
            return &mut [];
        }
        bytes.get_mut(NETLINK_HEADER_LEN..end).unwrap_or(&mut [])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DONE: [u8; 20] = [
        20, 0, 0, 0, 3, 0, 2, 0, 0x39, 0x30, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0,
    ];

    #[test]
    fn getters_read_native_endian_fields() {
        let buffer = NetlinkBuffer::new_checked(&DONE[..]).unwrap();
        assert_eq!(buffer.length(), 20);
        assert_eq!(buffer.message_type(), 3);
        assert_eq!(buffer.flags(), NetlinkFlags::MULTIPART);
        assert_eq!(buffer.sequence_number(), 12345);
        assert_eq!(buffer.port_number(), 16);
        assert_eq!(buffer.payload(), &[0, 0, 0, 0]);
        assert_eq!(buffer.into_payload(), &[0, 0, 0, 0]);
    }

    #[test]
    fn new_checked_rejects_bad_lengths() {
        let err = NetlinkBuffer::new_checked(&DONE[..15]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "netlink header: expected at least 16 bytes, got 15"
        );
        let err = NetlinkBuffer::new_checked(&DONE[..19]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "netlink header: length field 20 exceeds the 19 bytes available"
        );
        let mut short = DONE;
        short[0] = 15;
        let err = NetlinkBuffer::new_checked(&short[..]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "netlink header: length field 15 is less than the header length 16"
        );
    }

    #[test]
    fn unchecked_getters_do_not_panic() {
        let buffer = NetlinkBuffer::new(&DONE[..3]);
        assert_eq!(buffer.length(), 0);
        assert_eq!(buffer.port_number(), 0);
        assert_eq!(buffer.payload(), &[] as &[u8]);
        let mut overlong = DONE;
        overlong[0] = 200;
        assert_eq!(NetlinkBuffer::new(&overlong[..]).payload().len(), 4);
    }

    #[test]
    fn setters_round_trip() {
        let mut bytes = [0u8; 20];
        let mut buffer = NetlinkBuffer::new(&mut bytes[..]);
        buffer.set_length(20);
        buffer.set_message_type(3);
        buffer.set_flags(NetlinkFlags::MULTIPART);
        buffer.set_sequence_number(12345);
        buffer.set_port_number(16);
        buffer.payload_mut().copy_from_slice(&[0, 0, 0, 0]);
        assert_eq!(bytes, DONE);
    }
}
