//! Splitting a datagram into netlink messages and reading their headers,
//! without trusting any length field.

use netlink_packet_core::{nlmsg_align, DecodeError, NETLINK_HEADER_LEN};

/// The header fields routing needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub(crate) message_type: u16,
    pub(crate) flags: u16,
    pub(crate) sequence: u32,
    pub(crate) port: u32,
}

/// Splits off the first message of `bytes`: returns it (exactly its
/// `nlmsg_len` bytes), its header, and the rest after alignment padding.
#[inline]
pub(crate) fn split_message(bytes: &[u8]) -> Result<(&[u8], Header, &[u8]), DecodeError> {
    let Some(head) = bytes.first_chunk::<NETLINK_HEADER_LEN>() else {
        return Err(short_header(bytes.len()));
    };
    let [l0, l1, l2, l3, t0, t1, f0, f1, s0, s1, s2, s3, p0, p1, p2, p3] = *head;
    let length = u32::from_ne_bytes([l0, l1, l2, l3]) as usize;
    if length < NETLINK_HEADER_LEN || length > bytes.len() {
        return Err(bad_length(length, bytes.len()));
    }
    let (message, rest) = bytes.split_at(length);
    // The padding after the message, if the datagram has it.
    let rest = rest.get(nlmsg_align(length) - length..).unwrap_or(&[]);
    let header = Header {
        message_type: u16::from_ne_bytes([t0, t1]),
        flags: u16::from_ne_bytes([f0, f1]),
        sequence: u32::from_ne_bytes([s0, s1, s2, s3]),
        port: u32::from_ne_bytes([p0, p1, p2, p3]),
    };
    Ok((message, header, rest))
}

#[cold]
fn short_header(len: usize) -> DecodeError {
    DecodeError::new(format!(
        "netlink message header: expected {NETLINK_HEADER_LEN} bytes, got {len}"
    ))
}

#[cold]
fn bad_length(length: usize, left: usize) -> DecodeError {
    DecodeError::new(format!(
        "netlink message header: length field {length} out of range \
         ({NETLINK_HEADER_LEN}..={left} bytes left in the datagram)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(length: u32, payload: usize) -> Vec<u8> {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&length.to_ne_bytes());
        bytes.extend_from_slice(&0x10u16.to_ne_bytes());
        bytes.extend_from_slice(&2u16.to_ne_bytes());
        bytes.extend_from_slice(&7u32.to_ne_bytes());
        bytes.extend_from_slice(&9u32.to_ne_bytes());
        bytes.resize(16 + payload, 0xaa);
        bytes.resize(nlmsg_align(bytes.len()), 0);
        bytes
    }

    #[test]
    fn splits_aligned_messages() {
        let mut datagram = message(17, 3);
        datagram.extend(message(20, 4));
        let (first, header, rest) = split_message(&datagram).unwrap();
        assert_eq!(first.len(), 17);
        assert_eq!(
            header,
            Header {
                message_type: 0x10,
                flags: 2,
                sequence: 7,
                port: 9
            }
        );
        let (second, _, rest) = split_message(rest).unwrap();
        assert_eq!(second.len(), 20);
        assert!(rest.is_empty());
    }

    #[test]
    fn last_message_may_lack_padding() {
        let mut datagram = message(17, 1);
        datagram.truncate(17);
        let (first, _, rest) = split_message(&datagram).unwrap();
        assert_eq!(first.len(), 17);
        assert!(rest.is_empty());
    }

    #[test]
    fn rejects_bad_lengths_without_panicking() {
        for bad in [0u32, 15, 21, u32::MAX] {
            let error = split_message(&message(bad, 4)).unwrap_err();
            assert!(error.to_string().contains("out of range"), "{error}");
        }
        for short in 0..16 {
            let error = split_message(&message(16, 0)[..short]).unwrap_err();
            assert!(error.to_string().contains("expected 16 bytes"), "{error}");
        }
    }
}
