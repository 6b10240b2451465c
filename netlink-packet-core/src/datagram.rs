//! Walking the messages of one received datagram.

use std::iter::FusedIterator;

use crate::{nlmsg_align, DecodeError, NetlinkBuffer, NETLINK_HEADER_LEN};

/// Iterates over the netlink messages packed in one received datagram,
/// yielding a checked [`NetlinkBuffer`] view per message (no allocation).
///
/// - [`DatagramMessages::new`] is strict: every length field must be valid
///   and messages start at 4-byte aligned offsets (padding after the last
///   message may be missing).
/// - [`DatagramMessages::lenient`] is for senders whose length fields lie
///   (the audit subsystem writes unaligned, over-long and, for records sent
///   to the audit daemon, 16-byte short lengths): a message ends where its
///   length says, padded or not, when a plausible message follows;
///   otherwise it extends to the end of the datagram. Only a datagram tail
///   shorter than a header is an error.
///
/// After an error the iterator stops.
///
/// ```
/// use netlink_packet_core::{DatagramMessages, NetlinkMessage, RawMessage};
/// let done = [20, 0, 0, 0, 3, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
/// let datagram = [done, done].concat();
/// let mut count = 0;
/// for buffer in DatagramMessages::new(&datagram) {
///     let message = NetlinkMessage::<RawMessage>::deserialize(buffer.unwrap().into_inner()).unwrap();
///     assert!(message.payload.is_done());
///     count += 1;
/// }
/// assert_eq!(count, 2);
/// ```
#[derive(Debug, Clone)]
pub struct DatagramMessages<'a> {
    rest: &'a [u8],
    total_len: usize,
    index: usize,
    lenient: bool,
}

impl<'a> DatagramMessages<'a> {
    /// A strict iterator over the messages of `datagram`.
    pub fn new(datagram: &'a [u8]) -> Self {
        DatagramMessages {
            rest: datagram,
            total_len: datagram.len(),
            index: 0,
            lenient: false,
        }
    }

    /// A lenient iterator over the messages of `datagram` (see the type
    /// documentation). A yielded view spans the message's real extent, while
    /// its [`NetlinkBuffer::length`] reports the field as sent:
    /// [`NetlinkBuffer::payload`] follows the length field (clamped to the
    /// view), [`NetlinkBuffer::payload_to_end`] takes everything up to the
    /// view's end.
    pub fn lenient(datagram: &'a [u8]) -> Self {
        DatagramMessages {
            lenient: true,
            ..DatagramMessages::new(datagram)
        }
    }

    /// The bytes not consumed yet.
    pub fn remaining(&self) -> &'a [u8] {
        self.rest
    }

    #[cold]
    fn fail(&mut self, error: DecodeError) -> DecodeError {
        let offset = self.total_len - self.rest.len();
        self.rest = &[];
        error.context(format!("message #{} at offset {offset}", self.index))
    }

    fn next_lenient(&mut self) -> Result<NetlinkBuffer<&'a [u8]>, DecodeError> {
        let rest = self.rest;
        if rest.len() < NETLINK_HEADER_LEN {
            return Err(self.fail(DecodeError::new(format!(
                "netlink header: expected at least {NETLINK_HEADER_LEN} bytes, got {}",
                rest.len()
            ))));
        }
        let length = NetlinkBuffer::new(rest).length() as usize;
        // Where the next message starts: after the padded length, or right
        // after the unpadded one; a message whose length fits is preferred
        // to one whose length is over-long.
        let next_start = if (NETLINK_HEADER_LEN..=rest.len()).contains(&length) {
            let candidates = [nlmsg_align(length), length];
            [true, false].into_iter().find_map(|exact| {
                candidates.into_iter().find(|&start| {
                    rest.get(start..)
                        .is_some_and(|next| next.is_empty() || plausible_message(next, exact))
                })
            })
        } else {
            None
        };
        let (message, next) = match next_start {
            Some(start) => (
                rest.get(..length).unwrap_or(rest),
                rest.get(start..).unwrap_or_default(),
            ),
            // A length beyond the datagram, below the header length, or
            // followed by bytes that are no message: the message is the rest
            // of the datagram.
            None => (rest, &[][..]),
        };
        self.rest = next;
        self.index += 1;
        Ok(NetlinkBuffer::new(message))
    }
}

/// Whether `bytes` may start a message: a whole header whose length fits
/// the bytes (`exact`), or else one claiming more than the bytes when more
/// than a header is there (an over-long length, clamped later). A tail of at
/// most one header whose length does not fit is never a message: it is the
/// end of the previous one (audit records sent to the daemon have a length
/// 16 bytes short).
fn plausible_message(bytes: &[u8], exact: bool) -> bool {
    let length = NetlinkBuffer::new(bytes).length() as usize;
    if bytes.len() < NETLINK_HEADER_LEN || length < NETLINK_HEADER_LEN {
        return false;
    }
    if exact {
        length <= bytes.len()
    } else {
        bytes.len() > NETLINK_HEADER_LEN
    }
}

impl<'a> Iterator for DatagramMessages<'a> {
    type Item = Result<NetlinkBuffer<&'a [u8]>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        if self.lenient {
            return Some(self.next_lenient());
        }
        let message = match NetlinkBuffer::new_checked(rest) {
            Ok(buffer) => rest.get(..buffer.length() as usize).unwrap_or(rest),
            Err(error) => return Some(Err(self.fail(error))),
        };
        self.rest = rest.get(nlmsg_align(message.len())..).unwrap_or_default();
        self.index += 1;
        Some(Ok(NetlinkBuffer::new(message)))
    }
}

impl FusedIterator for DatagramMessages<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(length: u32, payload_len: usize) -> Vec<u8> {
        let mut bytes = length.to_ne_bytes().to_vec();
        bytes.extend_from_slice(&[0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        bytes.resize(16 + payload_len, 0xaa);
        bytes
    }

    fn lengths(iter: DatagramMessages<'_>) -> Vec<Result<usize, String>> {
        iter.map(|m| m.map(|m| m.into_inner().len()).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn strict_walks_aligned_messages() {
        let datagram = [message(21, 8), message(20, 4)].concat();
        assert_eq!(
            lengths(DatagramMessages::new(&datagram)),
            vec![Ok(21), Ok(20)]
        );
    }

    #[test]
    fn strict_tolerates_missing_final_padding_but_not_overlong_lengths() {
        let datagram = message(21, 5);
        assert_eq!(lengths(DatagramMessages::new(&datagram)), vec![Ok(21)]);
        let datagram = [message(20, 4), message(40, 4)].concat();
        assert_eq!(
            lengths(DatagramMessages::new(&datagram)),
            vec![
                Ok(20),
                Err("message #1 at offset 20: netlink header: length field 40 exceeds the 20 bytes available".into())
            ]
        );
    }

    #[test]
    fn lenient_clamps_overlong_lengths() {
        let datagram = [message(20, 4), message(4000, 10)].concat();
        let views: Vec<_> = DatagramMessages::lenient(&datagram)
            .map(|m| m.unwrap())
            .collect();
        assert_eq!(views.len(), 2);
        assert_eq!(views[1].length(), 4000);
        assert_eq!(views[1].payload().len(), 10);
    }

    #[test]
    fn lenient_tolerates_missing_padding_between_messages() {
        let datagram = [message(21, 5), message(20, 4)].concat();
        assert_eq!(
            lengths(DatagramMessages::lenient(&datagram)),
            vec![Ok(21), Ok(20)]
        );
        assert!(DatagramMessages::new(&datagram).any(|m| m.is_err()));
    }

    #[test]
    fn lenient_extends_short_lengths_to_the_datagram_end() {
        // An audit record sent to the daemon: nlmsg_len excludes the header.
        for text in [
            &b"audit(1.2:3): op=x res=success"[..],
            b"audit(1.2:3): op=xy res=success!",
        ] {
            let mut record = message(text.len() as u32, text.len());
            record[16..].copy_from_slice(text);
            let views: Vec<_> = DatagramMessages::lenient(&record)
                .map(|m| m.unwrap())
                .collect();
            assert_eq!(views.len(), 1);
            assert_eq!(views[0].length() as usize, text.len());
            assert_eq!(views[0].payload().len(), text.len() - 16);
            assert_eq!(views[0].payload_to_end(), text);
        }
        let tiny = [message(8, 4), message(20, 4)].concat();
        assert_eq!(lengths(DatagramMessages::lenient(&tiny)), vec![Ok(40)]);
    }

    #[test]
    fn strict_rejects_tiny_lengths_and_stops() {
        let datagram = [message(8, 4), message(20, 4)].concat();
        assert_eq!(
            lengths(DatagramMessages::new(&datagram)),
            vec![Err("message #0 at offset 0: netlink header: length field 8 is less than the header length 16".into())]
        );
        assert_eq!(
            lengths(DatagramMessages::lenient(&[1, 2, 3])),
            vec![Err(
                "message #0 at offset 0: netlink header: expected at least 16 bytes, got 3".into()
            )]
        );
    }
}
