//! The replies queued for one request, decoded when their consumer takes
//! them.

use std::{collections::VecDeque, mem};

use netlink_packet_core::{nlmsg_align, NetlinkDeserializable, NetlinkMessage};

use super::{
    framing::{split_message, Header},
    request::Reply,
};
use crate::Error;

/// Replies queued for one request, in order.
///
/// Data replies are queued as their bytes (copied out of the received
/// datagram into one buffer that the queue reuses, consecutive replies of
/// one datagram in one copy) and decoded only when
/// the consumer pops them with [`pop`](Self::pop). So the driver's IO loop
/// spends no time decoding and allocates nothing per reply; on a
/// multi-threaded program the consumer decodes on its own thread while the
/// driver receives the next datagram; and each decoded message is used and
/// dropped before the next one is built, so the allocator reuses the same
/// memory instead of holding a queue full of decoded messages.
///
/// # Examples
///
/// ```
/// use std::time::Instant;
///
/// use netlink_packet_core::{
///     NetlinkFlags, NetlinkMessage, NetlinkPayload, RawMessage, NLM_F_REQUEST,
/// };
/// use netlink_proto::{
///     protocol::{Protocol, ReplyQueue},
///     Config, RequestOptions,
/// };
/// use netlink_sys::SocketAddr;
///
/// let kernel = SocketAddr::new(0, 0);
/// let mut protocol = Protocol::<RawMessage>::new(4321, &Config::default(), 64);
/// let mut request = NetlinkMessage::from(RawMessage::new(18, vec![0; 16]));
/// request.header.flags = NetlinkFlags::from_bits_retain(NLM_F_REQUEST);
/// let id = protocol
///     .submit(request, kernel, &RequestOptions::default(), Instant::now())
///     .unwrap();
/// let transmit = protocol.poll_transmit().unwrap();
/// let sequence = u32::from_ne_bytes(transmit.bytes[8..12].try_into().unwrap());
/// protocol.transmit_complete(transmit);
///
/// // The kernel's answer: one message, no ack asked, so it ends the request.
/// let mut answer = NetlinkMessage::from(RawMessage::new(16, vec![7; 16]));
/// answer.header.sequence_number = sequence;
/// answer.header.port_number = 4321;
/// answer.finalize();
/// let mut bytes = vec![0; answer.buffer_len()];
/// answer.serialize(&mut bytes);
/// protocol.handle_datagram(&bytes, kernel, None);
///
/// let mut replies = ReplyQueue::new();
/// assert!(protocol.take_replies(id, &mut replies), "the request is finished");
/// assert_eq!(replies.len(), 1);
/// let reply = replies.pop().unwrap().unwrap();
/// assert!(matches!(reply.payload, NetlinkPayload::InnerMessage(raw) if raw.payload == [7; 16]));
/// assert!(replies.pop().is_none());
/// ```
pub struct ReplyQueue<T> {
    /// The undecoded messages, back to back, each at a 4-byte aligned
    /// offset (as in a datagram), from `read` on.
    bytes: Vec<u8>,
    read: usize,
    /// How many messages `bytes[read..]` holds.
    encoded: usize,
    /// How many undecoded messages were popped since the queue was created
    /// (positions of `ready` entries count from the same origin).
    popped: u64,
    /// Decoded entries (errors, and the few replies the multiplexer had to
    /// decode itself), each with its position: the number of undecoded
    /// messages pushed before it.
    ready: VecDeque<(u64, Reply<T>)>,
}

impl<T> ReplyQueue<T> {
    /// An empty queue.
    pub fn new() -> Self {
        ReplyQueue {
            bytes: Vec::new(),
            read: 0,
            encoded: 0,
            popped: 0,
            ready: VecDeque::new(),
        }
    }

    /// The number of replies queued.
    pub fn len(&self) -> usize {
        self.encoded + self.ready.len()
    }

    /// Whether no reply is queued.
    pub fn is_empty(&self) -> bool {
        self.encoded == 0 && self.ready.is_empty()
    }

    /// The bytes of the queued replies not decoded yet.
    pub fn undecoded_bytes(&self) -> usize {
        self.bytes.len() - self.read
    }

    /// The number of undecoded messages pushed so far: the position of the
    /// next entry.
    fn pushed(&self) -> u64 {
        self.popped + self.encoded as u64
    }

    /// Queues a decoded reply (or an error).
    pub(crate) fn push_ready(&mut self, reply: Reply<T>) {
        let position = self.pushed();
        self.ready.push_back((position, reply));
    }

    /// Queues `count` messages to decode later: `messages` holds them back
    /// to back as a datagram does (each at an aligned offset, each exactly
    /// as long as its header says, which the caller checked). They are
    /// copied in one go.
    pub(crate) fn push_encoded(&mut self, messages: &[u8], count: usize) {
        self.bytes.extend_from_slice(messages);
        // Keep the next message aligned when the last one had no padding.
        self.bytes.resize(nlmsg_align(self.bytes.len()), 0);
        self.encoded += count;
    }

    /// Moves every queued reply to the end of `out`, keeping their order.
    /// Into an empty `out` this swaps buffers (nothing is copied, and both
    /// queues keep reusing their memory).
    pub(crate) fn move_into(&mut self, out: &mut ReplyQueue<T>) {
        if out.is_empty() {
            out.bytes.clear();
            out.read = 0;
            mem::swap(self, out);
        } else {
            let base = out.pushed();
            for (position, reply) in self.ready.drain(..) {
                out.ready
                    .push_back((base + (position - self.popped), reply));
            }
            out.bytes
                .extend_from_slice(self.bytes.get(self.read..).unwrap_or_default());
            out.encoded += self.encoded;
        }
        self.clear();
    }

    /// Drops every queued reply.
    pub(crate) fn clear(&mut self) {
        self.popped = self.pushed();
        self.encoded = 0;
        self.ready.clear();
        self.bytes.clear();
        self.read = 0;
    }
}

impl<T: NetlinkDeserializable> ReplyQueue<T> {
    /// The next reply, decoded: a message that does not decode becomes
    /// [`Error::Decode`], with its message type and sequence number.
    pub fn pop(&mut self) -> Option<Reply<T>> {
        let reply = match self.ready.front() {
            Some(&(position, _)) if position == self.popped => {
                self.ready.pop_front().map(|(_, reply)| reply)?
            }
            _ if self.encoded > 0 => self.pop_encoded(),
            // Not reached: `ready` positions never pass the messages pushed.
            _ => self.ready.pop_front().map(|(_, reply)| reply)?,
        };
        if self.is_empty() {
            self.bytes.clear();
            self.read = 0;
        }
        Some(reply)
    }

    /// Decodes the next undecoded message.
    fn pop_encoded(&mut self) -> Reply<T> {
        let rest = self.bytes.get(self.read..).unwrap_or_default();
        self.encoded -= 1;
        self.popped += 1;
        match split_message(rest) {
            Ok((message, header, next)) => {
                let reply = decode(message, header);
                self.read = self.bytes.len() - next.len();
                reply
            }
            Err(error) => {
                // The messages were framed when queued, so this cannot
                // happen; if it did, the framing of the rest is lost with it.
                self.popped += self.encoded as u64;
                self.encoded = 0;
                self.read = self.bytes.len();
                Err(Error::Decode(error.context("queued reply")))
            }
        }
    }
}

/// Decodes one queued message.
fn decode<T: NetlinkDeserializable>(message: &[u8], header: Header) -> Reply<T> {
    NetlinkMessage::<T>::deserialize(message).map_err(|error| {
        Error::Decode(error.context(format_args!(
            "reply (message type {}) to request sequence {}",
            header.message_type, header.sequence
        )))
    })
}

impl<T> Default for ReplyQueue<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for ReplyQueue<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReplyQueue")
            .field("replies", &self.len())
            .field("undecoded_bytes", &self.undecoded_bytes())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use netlink_packet_core::{NetlinkPayload, RawMessage};

    use super::*;

    /// A serialized message of type 16 whose payload is `[tag; 4]`.
    fn message(tag: u8) -> Vec<u8> {
        let mut message = NetlinkMessage::from(RawMessage::new(16, vec![tag; 4]));
        message.header.sequence_number = 77;
        message.finalize();
        let mut bytes = vec![0; message.buffer_len()];
        message.serialize(&mut bytes);
        bytes
    }

    fn tag(reply: Reply<RawMessage>) -> u8 {
        match reply {
            Ok(NetlinkMessage {
                payload: NetlinkPayload::InnerMessage(raw),
                ..
            }) => raw.payload[0],
            other => panic!("expected a data reply, got {other:?}"),
        }
    }

    #[test]
    fn pops_in_order_across_moves_and_mixed_entries() {
        let mut queue = ReplyQueue::<RawMessage>::new();
        queue.push_encoded(&message(1), 1);
        queue.push_ready(Err(Error::QueueFull));
        queue.push_encoded(&message(2), 1);
        let mut out = ReplyQueue::new();
        // Into an empty queue: buffers are swapped.
        queue.move_into(&mut out);
        assert!(queue.is_empty());
        assert_eq!(out.len(), 3);
        assert_eq!(tag(out.pop().unwrap()), 1);
        // Into a queue that still holds replies (and has read some of its
        // bytes): appended after them.
        queue.push_encoded(&message(3), 1);
        queue.move_into(&mut out);
        assert!(matches!(out.pop(), Some(Err(Error::QueueFull))));
        assert_eq!(tag(out.pop().unwrap()), 2);
        assert_eq!(tag(out.pop().unwrap()), 3);
        assert!(out.pop().is_none());
        // Reused afterwards.
        queue.push_encoded(&message(4), 1);
        queue.move_into(&mut out);
        assert_eq!(tag(out.pop().unwrap()), 4);
        queue.push_encoded(&message(5), 1);
        queue.clear();
        assert!(queue.is_empty() && queue.pop().is_none());
    }

    #[test]
    fn a_run_of_messages_is_split_and_decoded_in_order() {
        // Three messages of 20, 20 and 21 bytes, as a datagram holds them:
        // the last one without its padding.
        let mut run = message(1);
        run.extend(message(2));
        let mut odd = NetlinkMessage::from(RawMessage::new(16, vec![3; 5]));
        odd.header.sequence_number = 77;
        odd.finalize();
        let mut odd_bytes = vec![0; odd.buffer_len()];
        odd.serialize(&mut odd_bytes);
        assert_eq!(odd_bytes.len(), 21);
        run.extend(&odd_bytes);
        let mut queue = ReplyQueue::<RawMessage>::new();
        queue.push_encoded(&run, 3);
        queue.push_ready(Err(Error::QueueFull));
        // Aligned again after the unpadded message.
        queue.push_encoded(&message(4), 1);
        assert_eq!(queue.len(), 5);
        assert_eq!(queue.undecoded_bytes(), 20 + 20 + 24 + 20);
        assert_eq!(tag(queue.pop().unwrap()), 1);
        // Moved behind replies already in `out`: the error keeps its place.
        let mut out = ReplyQueue::new();
        out.push_encoded(&message(9), 1);
        out.push_ready(Err(Error::Timeout));
        queue.move_into(&mut out);
        assert!(queue.is_empty());
        assert_eq!(out.len(), 6);
        assert_eq!(tag(out.pop().unwrap()), 9);
        assert!(matches!(out.pop(), Some(Err(Error::Timeout))));
        assert_eq!(tag(out.pop().unwrap()), 2);
        match out.pop() {
            Some(Ok(NetlinkMessage {
                payload: NetlinkPayload::InnerMessage(raw),
                ..
            })) => assert_eq!(raw.payload, [3; 5]),
            other => panic!("expected the odd-sized message, got {other:?}"),
        }
        assert!(matches!(out.pop(), Some(Err(Error::QueueFull))));
        assert_eq!(tag(out.pop().unwrap()), 4);
        assert!(out.pop().is_none() && out.is_empty());
        assert_eq!(out.undecoded_bytes(), 0);
    }

    #[test]
    fn a_corrupt_queued_length_is_an_error_not_a_panic() {
        let mut queue = ReplyQueue::<RawMessage>::new();
        let mut run = message(1);
        run.extend(message(2));
        // The second message's length field points past the end.
        run[20] = 0xff;
        queue.push_encoded(&run, 2);
        queue.push_ready(Err(Error::Timeout));
        assert_eq!(tag(queue.pop().unwrap()), 1);
        match queue.pop() {
            Some(Err(Error::Decode(error))) => {
                assert!(error.to_string().contains("out of range"), "{error}")
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
        // What follows the lost framing is still delivered.
        assert!(matches!(queue.pop(), Some(Err(Error::Timeout))));
        assert!(queue.pop().is_none());
    }

    #[test]
    fn an_undecodable_message_is_an_error_naming_it() {
        let mut queue = ReplyQueue::<RawMessage>::new();
        // Framed correctly, but an NLMSG_ERROR (type 2) without its error
        // code.
        let mut bad = message(9)[..16].to_vec();
        bad[..4].copy_from_slice(&16u32.to_ne_bytes());
        bad[4..6].copy_from_slice(&2u16.to_ne_bytes());
        queue.push_encoded(&bad, 1);
        queue.push_encoded(&message(1), 1);
        match queue.pop() {
            Some(Err(Error::Decode(error))) => {
                let text = error.to_string();
                assert!(text.contains("message type 2"), "{text}");
                assert!(text.contains("sequence 77"), "{text}");
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
        // The next message is unaffected.
        assert_eq!(tag(queue.pop().unwrap()), 1);
    }
}
