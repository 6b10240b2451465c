//! The replies queued for one request, decoded when their consumer takes
//! them.

use std::{collections::VecDeque, mem};

use netlink_packet_core::{NetlinkDeserializable, NetlinkMessage};

use super::{
    framing::{u16_at, u32_at},
    request::Reply,
};
use crate::Error;

/// Replies queued for one request, in order.
///
/// Data replies are queued as their bytes (copied out of the received
/// datagram into one buffer that the queue reuses) and decoded only when
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
    entries: VecDeque<Entry<T>>,
    /// The bytes of the `Encoded` entries, back to back, from `read` on.
    bytes: Vec<u8>,
    read: usize,
}

enum Entry<T> {
    /// Decoded already (errors, and the few replies the multiplexer had to
    /// decode itself).
    Ready(Reply<T>),
    /// A message of this many bytes, next in `bytes`, not decoded yet.
    Encoded(usize),
}

impl<T> ReplyQueue<T> {
    /// An empty queue.
    pub fn new() -> Self {
        ReplyQueue {
            entries: VecDeque::new(),
            bytes: Vec::new(),
            read: 0,
        }
    }

    /// The number of replies queued.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no reply is queued.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Queues a decoded reply (or an error).
    pub(crate) fn push_ready(&mut self, reply: Reply<T>) {
        self.entries.push_back(Entry::Ready(reply));
    }

    /// Queues a message to decode later: its bytes are copied.
    pub(crate) fn push_encoded(&mut self, message: &[u8]) {
        self.bytes.extend_from_slice(message);
        self.entries.push_back(Entry::Encoded(message.len()));
    }

    /// Moves every queued reply to the end of `out`, keeping their order.
    /// Into an empty `out` this swaps buffers (nothing is copied, and both
    /// queues keep reusing their memory).
    pub(crate) fn move_into(&mut self, out: &mut ReplyQueue<T>) {
        if out.entries.is_empty() {
            out.bytes.clear();
            out.read = 0;
            mem::swap(&mut self.entries, &mut out.entries);
            mem::swap(&mut self.bytes, &mut out.bytes);
            mem::swap(&mut self.read, &mut out.read);
        } else {
            out.entries.append(&mut self.entries);
            out.bytes
                .extend_from_slice(self.bytes.get(self.read..).unwrap_or_default());
        }
        self.bytes.clear();
        self.read = 0;
    }

    /// Drops every queued reply.
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.bytes.clear();
        self.read = 0;
    }
}

impl<T: NetlinkDeserializable> ReplyQueue<T> {
    /// The next reply, decoded: a message that does not decode becomes
    /// [`Error::Decode`], with its message type and sequence number.
    pub fn pop(&mut self) -> Option<Reply<T>> {
        let reply = match self.entries.pop_front()? {
            Entry::Ready(reply) => reply,
            Entry::Encoded(len) => {
                let start = self.read;
                self.read = start.saturating_add(len);
                decode(self.bytes.get(start..self.read).unwrap_or_default())
            }
        };
        if self.entries.is_empty() {
            self.bytes.clear();
            self.read = 0;
        }
        Some(reply)
    }
}

/// Decodes one queued message.
fn decode<T: NetlinkDeserializable>(bytes: &[u8]) -> Reply<T> {
    NetlinkMessage::<T>::deserialize(bytes).map_err(|error| {
        Error::Decode(error.context(format_args!(
            "reply (message type {}) to request sequence {}",
            u16_at(bytes, 4).unwrap_or_default(),
            u32_at(bytes, 8).unwrap_or_default()
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
            .field("replies", &self.entries.len())
            .field(
                "undecoded_bytes",
                &(self.bytes.len().saturating_sub(self.read)),
            )
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
        queue.push_encoded(&message(1));
        queue.push_ready(Err(Error::QueueFull));
        queue.push_encoded(&message(2));
        let mut out = ReplyQueue::new();
        // Into an empty queue: buffers are swapped.
        queue.move_into(&mut out);
        assert!(queue.is_empty());
        assert_eq!(out.len(), 3);
        assert_eq!(tag(out.pop().unwrap()), 1);
        // Into a queue that still holds replies (and has read some of its
        // bytes): appended after them.
        queue.push_encoded(&message(3));
        queue.move_into(&mut out);
        assert!(matches!(out.pop(), Some(Err(Error::QueueFull))));
        assert_eq!(tag(out.pop().unwrap()), 2);
        assert_eq!(tag(out.pop().unwrap()), 3);
        assert!(out.pop().is_none());
        // Reused afterwards.
        queue.push_encoded(&message(4));
        queue.move_into(&mut out);
        assert_eq!(tag(out.pop().unwrap()), 4);
        queue.push_encoded(&message(5));
        queue.clear();
        assert!(queue.is_empty() && queue.pop().is_none());
    }

    #[test]
    fn an_undecodable_message_is_an_error_naming_it() {
        let mut queue = ReplyQueue::<RawMessage>::new();
        let mut bad = message(9);
        // A length field beyond the bytes.
        bad[0] = 200;
        queue.push_encoded(&bad);
        queue.push_encoded(&message(1));
        match queue.pop() {
            Some(Err(Error::Decode(error))) => {
                let text = error.to_string();
                assert!(text.contains("message type 16"), "{text}");
                assert!(text.contains("sequence 77"), "{text}");
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
        // The next message is unaffected.
        assert_eq!(tag(queue.pop().unwrap()), 1);
    }
}
