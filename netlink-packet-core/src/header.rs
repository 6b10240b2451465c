//! The owned netlink message header.

use crate::{DecodeError, Emitable, NetlinkBuffer, NetlinkFlags, Parseable, NETLINK_HEADER_LEN};

/// The header of a netlink message (`struct nlmsghdr`), owned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NetlinkHeader {
    /// `nlmsg_len`: length of the message including this header.
    pub length: u32,
    /// `nlmsg_type`: a control type (`NLMSG_*`) or a protocol message type.
    pub message_type: u16,
    /// `nlmsg_flags`.
    pub flags: NetlinkFlags,
    /// `nlmsg_seq`: chosen by the requester, echoed by the kernel.
    pub sequence_number: u32,
    /// `nlmsg_pid`: port number of the sender (0 for the kernel).
    pub port_number: u32,
}

impl<T: AsRef<[u8]> + ?Sized> Parseable<NetlinkBuffer<&T>> for NetlinkHeader {
    fn parse(buf: &NetlinkBuffer<&T>) -> Result<Self, DecodeError> {
        Ok(NetlinkHeader {
            length: buf.length(),
            message_type: buf.message_type(),
            flags: buf.flags(),
            sequence_number: buf.sequence_number(),
            port_number: buf.port_number(),
        })
    }
}

impl Emitable for NetlinkHeader {
    fn buffer_len(&self) -> usize {
        NETLINK_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buffer = NetlinkBuffer::new(buffer);
        buffer.set_length(self.length);
        buffer.set_message_type(self.message_type);
        buffer.set_flags(self.flags);
        buffer.set_sequence_number(self.sequence_number);
        buffer.set_port_number(self.port_number);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_emit_round_trip() {
        let header = NetlinkHeader {
            length: 36,
            message_type: 18,
            flags: NetlinkFlags::REQUEST | NetlinkFlags::DUMP,
            sequence_number: 7,
            port_number: 0x1234,
        };
        let mut bytes = [0u8; 36];
        header.emit(&mut bytes);
        assert_eq!(&bytes[..8], &[36, 0, 0, 0, 18, 0, 0x01, 0x03]);
        let parsed = NetlinkHeader::parse(&NetlinkBuffer::new(&bytes[..])).unwrap();
        assert_eq!(parsed, header);
    }
}
