//! The sans-IO multiplexer: all of the protocol logic, none of the IO.
//!
//! [`Protocol`] takes outgoing requests ([`submit`](Protocol::submit)) and
//! incoming datagrams ([`handle_datagram`](Protocol::handle_datagram)), and
//! yields datagrams to send ([`poll_transmit`](Protocol::poll_transmit)),
//! replies per request ([`take_replies`](Protocol::take_replies)) and
//! notifications ([`take_notifications`](Protocol::take_notifications)).
//! Time comes in as arguments; nothing here blocks, sleeps or touches a
//! socket. The tokio, smol and blocking front-ends are thin drivers around
//! it, and it can drive any other IO loop (mio, io_uring, a test's fake
//! kernel).
//!
//! What it does:
//! - assigns sequence numbers (random start, wrapping, never 0, never one in
//!   use or recently retired);
//! - matches a reply to its request by sequence number *and* our port id,
//!   only for unicast messages and only from the kernel (port 0) unless the
//!   request accepts other senders; everything else is a notification;
//! - ends a request on `NLMSG_ERROR` (ack or error), `NLMSG_DONE`, or, for a
//!   request sent without `NLM_F_ACK`, its first non-multipart reply;
//! - tracks `NLM_F_DUMP_INTR` / `NLM_F_DUMP_FILTERED` and restarts
//!   interrupted dumps when asked;
//! - sends dumps one at a time and alone (the kernel runs one dump per
//!   socket), and keeps the number of requests in flight within what the
//!   receive buffer can hold, batching queued requests into one datagram;
//! - on overflow (`ENOBUFS`) fails the requests whose replies may have been
//!   lost with [`Error::OutcomeUnknown`] and reports a
//!   [`Notification::Overflow`];
//! - bounds every queue: [`wants_receive`](Protocol::wants_receive) turns
//!   false while a request's consumer is behind, and the driver then stops
//!   reading; notifications past their limit are dropped and reported;
//! - discards the replies of cancelled and timed-out requests;
//! - queues a datagram's consecutive replies to one request in one copy,
//!   undecoded (the consumer decodes them), and defers waking consumers
//!   until the driver is about to wait ([`flush_wakes`](Protocol::flush_wakes)).
//!
//! # Driving it
//!
//! A driver of its own (mio, io_uring, ...) loops over:
//! - sending: while [`poll_transmit`](Protocol::poll_transmit) gives a
//!   datagram, send it and hand it back with
//!   [`transmit_complete`](Protocol::transmit_complete),
//!   [`transmit_blocked`](Protocol::transmit_blocked) (socket full: retry
//!   when writable) or [`transmit_failed`](Protocol::transmit_failed);
//! - receiving, while [`wants_receive`](Protocol::wants_receive): each
//!   datagram to [`handle_datagram`](Protocol::handle_datagram) (then, if
//!   [`wakes_due`](Protocol::wakes_due), wake the consumers at once with
//!   [`flush_wakes`](Protocol::flush_wakes) or
//!   [`take_wakers`](Protocol::take_wakers)); `ENOBUFS` to
//!   [`handle_overflow`](Protocol::handle_overflow); a receive that would
//!   block to [`handle_socket_drained`](Protocol::handle_socket_drained)
//!   (if it returns true, send before waiting);
//! - before waiting for the socket: wake the deferred consumers
//!   ([`flush_wakes`](Protocol::flush_wakes)), and wait no longer than
//!   [`next_deadline`](Protocol::next_deadline), then call
//!   [`handle_timeout`](Protocol::handle_timeout);
//! - when woken by a consumer: [`take_driver_wake`](Protocol::take_driver_wake)
//!   says whether there is something to send or room to receive again.

mod framing;
mod id_hash;
mod reply_queue;
mod request;
mod sequence;

use std::{
    cmp::Reverse,
    collections::{BinaryHeap, HashMap, VecDeque},
    io, mem,
    num::NonZeroI32,
    ops::Range,
    task::Waker,
    time::Instant,
};

use netlink_packet_core::{
    ErrorMessage, NetlinkDeserializable, NetlinkMessage, NetlinkPayload, NetlinkSerializable,
    NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP, NLM_F_ACK, NLM_F_APPEND, NLM_F_CREATE, NLM_F_DUMP,
    NLM_F_DUMP_FILTERED, NLM_F_DUMP_INTR, NLM_F_MULTIPART,
};
use netlink_sys::SocketAddr;

use self::{
    framing::{split_message, Header},
    id_hash::BuildIdHasher,
    request::{Phase, Request},
    sequence::Sequences,
};
pub use self::{
    reply_queue::ReplyQueue,
    request::{Reply, RequestId},
};
use crate::{
    error::copy_io_error, Config, EndState, Error, KernelError, Notification, OverflowReason,
    RequestEnd, RequestInfo, RequestOptions,
};

/// A datagram to send: one or more serialized requests for one destination.
///
/// Hand it back with [`Protocol::transmit_complete`],
/// [`Protocol::transmit_blocked`] or [`Protocol::transmit_failed`] before
/// asking for the next one.
#[derive(Debug)]
pub struct Transmit {
    /// Where to send it (the kernel is port 0).
    pub destination: SocketAddr,
    /// The datagram.
    pub bytes: Vec<u8>,
}

/// What [`Protocol::next_reply`] found.
#[derive(Debug)]
pub enum NextReply<T> {
    /// The next reply.
    Reply(Reply<T>),
    /// None yet: the request has not ended.
    Pending,
    /// The request is finished and every reply was taken (or the id is
    /// unknown).
    Finished,
}

/// Counters of what the multiplexer did with messages it did not deliver
/// to a request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Statistics {
    /// Replies to cancelled or timed-out requests, discarded.
    pub discarded_replies: u64,
    /// Notifications dropped because nobody listens to them.
    pub dropped_notifications: u64,
    /// Socket overflows (`ENOBUFS`) reported.
    pub overflows: u64,
    /// `NLMSG_NOOP` messages ignored.
    pub noops: u64,
}

/// The multiplexer's state machine. See the [module docs](self).
pub struct Protocol<T> {
    local_port: u32,
    reply_limits: ReplyLimits,
    max_queued_notifications: usize,
    max_in_flight: usize,
    max_batch_size: usize,
    sequences: Sequences,
    next_id: u64,
    requests: HashMap<RequestId, Request<T>, BuildIdHasher>,
    by_sequence: HashMap<u32, RequestId, BuildIdHasher>,
    /// The last sequence matched (a dump's parts all carry the same one).
    /// Reset whenever `by_sequence` loses an entry.
    last_match: Option<(u32, RequestId)>,
    send_queue: VecDeque<RequestId>,
    /// A transmit handed out and not yet given back.
    transmit_outstanding: bool,
    /// A transmit that could not be sent yet (socket buffer full).
    blocked_transmit: Option<Transmit>,
    /// The requests of the outstanding or blocked transmit.
    batch: Vec<RequestId>,
    /// The buffer of the last completed transmit, reused.
    spare_buffer: Vec<u8>,
    in_flight: usize,
    dump_in_flight: bool,
    notifications: VecDeque<Notification<T>>,
    notifications_open: bool,
    /// Notifications were dropped because the queue was full, and the
    /// overflow event saying so is queued.
    notifications_lost: bool,
    notification_waker: Option<Waker>,
    /// Inside `handle_datagram`: consumers are woken later, by
    /// `flush_wakes`, unless their queue is half full.
    defer_wakes: bool,
    /// Requests whose consumer is to be woken by `flush_wakes`.
    deferred_wakes: Vec<RequestId>,
    /// A deferred consumer's queue is half full.
    wakes_due: bool,
    /// The notifications' consumer is to be woken by `flush_wakes`.
    notification_wake_deferred: bool,
    /// Request reply queues at their limit.
    full_queues: usize,
    abandoned: usize,
    deadlines: BinaryHeap<Reverse<(Instant, RequestId)>>,
    closed: bool,
    /// An overflow was reported and the socket's receive queue has not been
    /// seen empty since: nothing is sent (see `handle_overflow`).
    congested: bool,
    driver_wake: bool,
    statistics: Statistics,
}

impl<T> std::fmt::Debug for Protocol<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Protocol")
            .field("local_port", &self.local_port)
            .field("requests", &self.requests.len())
            .field("in_flight", &self.in_flight)
            .field("dump_in_flight", &self.dump_in_flight)
            .field("queued_to_send", &self.send_queue.len())
            .field("notifications", &self.notifications.len())
            .field("closed", &self.closed)
            .field("statistics", &self.statistics)
            .finish_non_exhaustive()
    }
}

impl<T> Protocol<T> {
    /// A multiplexer for a socket bound to `local_port`, with the queue and
    /// batch limits of `config`, allowing `max_in_flight` requests at once
    /// (see [`Config::max_in_flight`]).
    pub fn new(local_port: u32, config: &Config, max_in_flight: usize) -> Self {
        Self::with_sequences(local_port, config, max_in_flight, Sequences::new())
    }

    /// Like [`new`](Self::new), with sequence numbers starting right after
    /// `last_sequence` instead of at a random point (deterministic tests).
    pub fn with_first_sequence_after(
        local_port: u32,
        config: &Config,
        max_in_flight: usize,
        last_sequence: u32,
    ) -> Self {
        let sequences = Sequences::starting_after(last_sequence);
        Self::with_sequences(local_port, config, max_in_flight, sequences)
    }

    fn with_sequences(
        local_port: u32,
        config: &Config,
        max_in_flight: usize,
        sequences: Sequences,
    ) -> Self {
        Protocol {
            local_port,
            reply_limits: ReplyLimits {
                replies: config.max_queued_replies.max(1),
                bytes: config.max_queued_reply_bytes.max(1),
            },
            max_queued_notifications: config.max_queued_notifications.max(1),
            max_in_flight: max_in_flight.max(1),
            max_batch_size: config.max_batch_size,
            sequences,
            next_id: 0,
            requests: HashMap::default(),
            by_sequence: HashMap::default(),
            last_match: None,
            send_queue: VecDeque::new(),
            transmit_outstanding: false,
            blocked_transmit: None,
            batch: Vec::new(),
            spare_buffer: Vec::new(),
            in_flight: 0,
            dump_in_flight: false,
            notifications: VecDeque::new(),
            notifications_open: true,
            notifications_lost: false,
            notification_waker: None,
            defer_wakes: false,
            deferred_wakes: Vec::new(),
            wakes_due: false,
            notification_wake_deferred: false,
            full_queues: 0,
            abandoned: 0,
            deadlines: BinaryHeap::new(),
            closed: false,
            congested: false,
            driver_wake: false,
            statistics: Statistics::default(),
        }
    }

    /// The port id replies are addressed to.
    pub fn local_port(&self) -> u32 {
        self.local_port
    }

    /// How many requests may await replies at once (at least 1).
    pub fn set_max_in_flight(&mut self, max_in_flight: usize) {
        self.max_in_flight = max_in_flight.max(1);
    }

    /// How many requests await replies now.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// Every request entry held: queued, in flight, ended but not yet
    /// released by its consumer, and abandoned ones still in flight.
    pub fn request_count(&self) -> usize {
        self.requests.len()
    }

    /// Requests whose consumer is still there (not cancelled).
    pub fn live_request_count(&self) -> usize {
        self.requests.len() - self.abandoned
    }

    /// Notifications waiting to be taken.
    pub fn queued_notifications(&self) -> usize {
        self.notifications.len()
    }

    /// What was discarded or dropped so far.
    pub fn statistics(&self) -> Statistics {
        self.statistics
    }

    /// Whether [`close`](Self::close) was called.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// Whether the driver should read the socket now: false while a
    /// request's reply queue is at its limit (or after close). This is the
    /// backpressure that bounds memory: the kernel keeps dump parts until
    /// they are read. (Notifications never stop reading: past their limit
    /// they are dropped and an overflow event is queued.)
    pub fn wants_receive(&self) -> bool {
        !self.closed && self.full_queues == 0
    }

    /// Whether something happened, since the last call, that a driver
    /// waiting for [`wants_receive`](Self::wants_receive) or for
    /// [`poll_transmit`](Self::poll_transmit) must react to (a queue drained
    /// below its limit, a request was queued, a request slot freed).
    pub fn take_driver_wake(&mut self) -> bool {
        mem::take(&mut self.driver_wake)
    }

    /// Stops delivering notifications: they are dropped from now on (and
    /// no longer hold back reading the socket).
    pub fn close_notifications(&mut self) {
        self.notifications_open = false;
        self.notifications.clear();
        self.notifications_lost = false;
        self.notification_waker = None;
        self.driver_wake = true;
    }

    /// Whether notifications are still delivered.
    pub fn notifications_open(&self) -> bool {
        self.notifications_open
    }

    /// Queues a request for `destination`. Sets its sequence number (the
    /// one in `message` is overwritten), serializes it and returns its id.
    /// The request is sent by a later [`poll_transmit`](Self::poll_transmit).
    ///
    /// Fails with [`Error::NotSent`] (returning the message) after
    /// [`close`](Self::close).
    pub fn submit(
        &mut self,
        mut message: NetlinkMessage<T>,
        destination: SocketAddr,
        options: &RequestOptions,
        now: Instant,
    ) -> Result<RequestId, Error<T>>
    where
        T: NetlinkSerializable,
    {
        if self.closed {
            return Err(Error::NotSent(Box::new(message)));
        }
        let by_sequence = &self.by_sequence;
        let sequence = self
            .sequences
            .allocate(|candidate| by_sequence.contains_key(&candidate));
        message.header.sequence_number = sequence;
        message.finalize();
        let mut bytes = vec![0; message.buffer_len()];
        message.serialize(&mut bytes);
        let flags = message.header.flags;
        let raw_flags = flags.bits();
        let is_dump = options.dump.unwrap_or(
            raw_flags & NLM_F_DUMP == NLM_F_DUMP && raw_flags & (NLM_F_CREATE | NLM_F_APPEND) == 0,
        );
        let id = RequestId(self.next_id);
        self.next_id += 1;
        let deadline = options.timeout.map(|timeout| now + timeout);
        if let Some(deadline) = deadline {
            self.deadlines.push(Reverse((deadline, id)));
        }
        let request = Request {
            sequence,
            destination,
            info: RequestInfo {
                message_type: message.header.message_type,
                flags,
                sequence_number: sequence,
            },
            phase: Phase::Queued,
            bytes,
            is_dump,
            wants_ack: raw_flags & NLM_F_ACK != 0,
            accept_foreign: options.accept_foreign,
            retries_left: options.retry_interrupted_dump.unwrap_or(0),
            restarts: 0,
            received_part: false,
            interrupted: false,
            filtered: false,
            discarding: false,
            finished: false,
            abandoned: false,
            queue: ReplyQueue::new(),
            full: false,
            wake_deferred: false,
            end: None,
            waker: None,
            deadline,
        };
        self.requests.insert(id, request);
        self.by_sequence.insert(sequence, id);
        self.send_queue.push_back(id);
        self.driver_wake = true;
        Ok(id)
    }

    /// The sequence number a request was (or will be) sent with; it changes
    /// when an interrupted dump restarts.
    pub fn sequence_number(&self, id: RequestId) -> Option<u32> {
        self.requests.get(&id).map(|request| request.sequence)
    }

    /// The next datagram to send, if any request may be sent now.
    ///
    /// Queued requests for the same destination are batched up to
    /// [`Config::max_batch_size`] bytes, as long as the number in flight
    /// stays within the limit. A dump is sent alone and only when nothing
    /// else is in flight, and nothing is sent while a dump runs (the kernel
    /// runs one dump per socket, and a running dump may fill the receive
    /// buffer, where other replies would be dropped).
    ///
    /// Returns `None` while a previous transmit has not been given back.
    pub fn poll_transmit(&mut self) -> Option<Transmit> {
        if self.transmit_outstanding || self.closed || self.congested {
            return None;
        }
        if let Some(transmit) = self.blocked_transmit.take() {
            self.transmit_outstanding = true;
            return Some(transmit);
        }
        let mut bytes = mem::take(&mut self.spare_buffer);
        bytes.clear();
        self.batch.clear();
        let mut destination = None;
        while let Some(&id) = self.send_queue.front() {
            let Some(request) = self.requests.get_mut(&id) else {
                self.send_queue.pop_front();
                continue;
            };
            if request.phase != Phase::Queued {
                self.send_queue.pop_front();
                continue;
            }
            let wrong_destination = destination.is_some_and(|d| d != request.destination);
            let batch_full =
                !self.batch.is_empty() && bytes.len() + request.bytes.len() > self.max_batch_size;
            if self.dump_in_flight
                || (request.is_dump && self.in_flight > 0)
                || self.in_flight >= self.max_in_flight
                || wrong_destination
                || batch_full
            {
                break;
            }
            self.send_queue.pop_front();
            bytes.extend_from_slice(&request.bytes);
            if !request.keeps_bytes() {
                request.bytes = Vec::new();
            }
            request.phase = Phase::InFlight { sent: false };
            self.in_flight += 1;
            destination = Some(request.destination);
            self.batch.push(id);
            if request.is_dump {
                self.dump_in_flight = true;
                break;
            }
        }
        match destination {
            Some(destination) => {
                self.transmit_outstanding = true;
                Some(Transmit { destination, bytes })
            }
            None => {
                self.spare_buffer = bytes;
                None
            }
        }
    }

    /// The transmit was sent.
    pub fn transmit_complete(&mut self, transmit: Transmit) {
        for id in self.batch.drain(..) {
            if let Some(request) = self.requests.get_mut(&id) {
                if request.phase == (Phase::InFlight { sent: false }) {
                    request.phase = Phase::InFlight { sent: true };
                }
            }
        }
        self.spare_buffer = transmit.bytes;
        self.transmit_outstanding = false;
    }

    /// The transmit could not be sent yet (the socket would block); it is
    /// returned again by the next [`poll_transmit`](Self::poll_transmit).
    pub fn transmit_blocked(&mut self, transmit: Transmit) {
        self.blocked_transmit = Some(transmit);
        self.transmit_outstanding = false;
    }

    /// Sending the transmit failed: its requests fail with [`Error::Io`].
    pub fn transmit_failed(&mut self, transmit: Transmit, error: &io::Error) {
        let batch = mem::take(&mut self.batch);
        for &id in &batch {
            self.finish(id, Err(Error::Io(copy_io_error(error))));
            self.end_kernel_side(id);
        }
        self.batch = batch;
        self.batch.clear();
        self.spare_buffer = transmit.bytes;
        self.transmit_outstanding = false;
    }

    /// Processes one received datagram from `source`; `group` is the
    /// multicast group it was delivered on, if known (`NETLINK_PKTINFO`).
    ///
    /// Consecutive data replies to one request (the parts of a dump) are
    /// queued together, in one copy. Waking their consumer is deferred
    /// while its queue is less than half full (each wake-up of a consumer
    /// on another thread costs a system call, and far more in a virtual
    /// machine): the driver must call [`flush_wakes`](Self::flush_wakes)
    /// before it waits for the next datagram.
    pub fn handle_datagram(&mut self, datagram: &[u8], source: SocketAddr, group: Option<u32>)
    where
        T: NetlinkDeserializable,
    {
        let multicast = group.is_some() || source.multicast_groups() != 0;
        let from_kernel = source.port_number() == 0;
        self.defer_wakes = true;
        let mut run: Option<Run> = None;
        let mut offset = 0;
        while let Some(rest) = datagram.get(offset..).filter(|rest| !rest.is_empty()) {
            let (message, header, next) = match split_message(rest) {
                Ok(split) => split,
                Err(error) => {
                    self.queue_run(run.take(), datagram);
                    let error = error.context("framing of a received datagram");
                    self.push_notification(Notification::Undecodable {
                        bytes: rest.to_vec(),
                        error,
                        source,
                    });
                    break;
                }
            };
            let end = datagram.len() - next.len();
            if let Some(current) = &mut run {
                if current.extends(header, self.local_port) {
                    current.bytes.end = end;
                    current.count += 1;
                    current.flags |= header.flags;
                    offset = end;
                    continue;
                }
            }
            self.queue_run(run.take(), datagram);
            match self.match_request(header, from_kernel, multicast) {
                Match::Request(id) => {
                    run = self
                        .requests
                        .get(&id)
                        .and_then(|request| Run::start(id, request, header, offset..end));
                    if run.is_none() {
                        self.deliver(id, message, header);
                    }
                }
                Match::Retired => self.statistics.discarded_replies += 1,
                Match::Notification => self.notify(message, header, source),
            }
            offset = end;
        }
        self.queue_run(run.take(), datagram);
        self.defer_wakes = false;
    }

    /// Wakes the consumers whose wake-up [`handle_datagram`](Self::handle_datagram)
    /// deferred. A driver calls it (or [`take_wakers`](Self::take_wakers))
    /// before waiting for IO, and may call it at any time.
    pub fn flush_wakes(&mut self) {
        let mut wakers = Vec::new();
        self.take_wakers(&mut wakers);
        wakers.into_iter().for_each(Waker::wake);
    }

    /// Moves the wakers of the deferred wake-ups to `out`, for a driver
    /// that shares the multiplexer behind a lock and wakes consumers after
    /// releasing it.
    pub fn take_wakers(&mut self, out: &mut Vec<Waker>) {
        self.wakes_due = false;
        for id in self.deferred_wakes.drain(..) {
            if let Some(request) = self.requests.get_mut(&id) {
                request.wake_deferred = false;
                out.extend(request.waker.take());
            }
        }
        if mem::take(&mut self.notification_wake_deferred) {
            out.extend(self.notification_waker.take());
        }
    }

    /// Whether a deferred wake-up should not wait for the driver to be
    /// about to wait: a consumer's queue is half full. The driver then
    /// calls [`take_wakers`](Self::take_wakers) or
    /// [`flush_wakes`](Self::flush_wakes) right after
    /// [`handle_datagram`](Self::handle_datagram).
    pub fn wakes_due(&self) -> bool {
        self.wakes_due
    }

    /// Who a received message is for.
    fn match_request(&mut self, header: Header, from_kernel: bool, multicast: bool) -> Match {
        if multicast || header.sequence == 0 || header.port != self.local_port {
            return Match::Notification;
        }
        let id = match self.last_match {
            Some((sequence, id)) if sequence == header.sequence => Some(id),
            _ => self.by_sequence.get(&header.sequence).copied(),
        };
        match id {
            Some(id) => {
                self.last_match = Some((header.sequence, id));
                match self.requests.get(&id) {
                    Some(request) if from_kernel || request.accept_foreign => Match::Request(id),
                    _ => Match::Notification,
                }
            }
            None if from_kernel && self.sequences.is_retired(header.sequence) => Match::Retired,
            None => Match::Notification,
        }
    }

    /// Queues a run of data replies to its request.
    fn queue_run(&mut self, run: Option<Run>, datagram: &[u8]) {
        let Some(run) = run else {
            return;
        };
        let Some(request) = self.requests.get_mut(&run.id) else {
            return;
        };
        if run.flags & NLM_F_DUMP_FILTERED != 0 {
            request.filtered = true;
        }
        if run.flags & NLM_F_MULTIPART != 0 {
            request.received_part = true;
        }
        request
            .queue
            .push_encoded(datagram.get(run.bytes).unwrap_or_default(), run.count);
        self.after_push(run.id, false);
    }

    /// Delivers a message that is not a reply to the notifications.
    fn notify(&mut self, message: &[u8], header: Header, source: SocketAddr)
    where
        T: NetlinkDeserializable,
    {
        let notification = match NetlinkMessage::<T>::deserialize(message) {
            Ok(decoded) => Notification::Message(decoded, source),
            Err(error) => Notification::Undecodable {
                bytes: message.to_vec(),
                error: error.context(format_args!(
                    "notification (message type {}, sequence {}, from port {})",
                    header.message_type,
                    header.sequence,
                    source.port_number()
                )),
                source,
            },
        };
        self.push_notification(notification);
    }

    fn deliver(&mut self, id: RequestId, message: &[u8], header: Header)
    where
        T: NetlinkDeserializable,
    {
        let Some(request) = self.requests.get_mut(&id) else {
            return;
        };
        if header.flags & NLM_F_DUMP_INTR != 0 {
            request.interrupted = true;
        }
        if header.flags & NLM_F_DUMP_FILTERED != 0 {
            request.filtered = true;
        }
        let silent = request.abandoned || request.finished;
        if silent {
            self.statistics.discarded_replies += 1;
        }
        let restart_due = request.interrupted && request.retries_left > 0 && request.is_dumping();
        let info = request.info;
        match header.message_type {
            NLMSG_NOOP => self.statistics.noops += 1,
            NLMSG_ERROR => {
                let outcome = if silent {
                    Ok(RequestEnd::Reply)
                } else {
                    match NetlinkMessage::<T>::deserialize(message) {
                        Ok(NetlinkMessage {
                            payload: NetlinkPayload::Ack(ack),
                            ..
                        }) => Ok(RequestEnd::Ack(ack)),
                        Ok(NetlinkMessage {
                            payload: NetlinkPayload::Error(error),
                            ..
                        }) => Err(Error::Kernel(Box::new(KernelError {
                            error,
                            request: info,
                        }))),
                        Ok(_) => Err(Error::Decode(
                            "NLMSG_ERROR message decoded as another kind".into(),
                        )),
                        Err(error) => Err(Error::Decode(error.context(format_args!(
                            "NLMSG_ERROR ending request sequence {}",
                            header.sequence
                        )))),
                    }
                };
                self.finish(id, outcome);
                self.end_kernel_side(id);
            }
            NLMSG_DONE => {
                if restart_due && !silent {
                    self.restart(id);
                    return;
                }
                let outcome = if silent {
                    Ok(RequestEnd::Reply)
                } else {
                    match NetlinkMessage::<T>::deserialize(message) {
                        Ok(NetlinkMessage {
                            payload: NetlinkPayload::Done(done),
                            ..
                        }) => match done.code.and_then(NonZeroI32::new) {
                            Some(code) if code.get() < 0 => {
                                Err(Error::Kernel(Box::new(KernelError {
                                    error: ErrorMessage {
                                        code,
                                        header: Vec::new(),
                                        extended_ack: done.extended_ack,
                                    },
                                    request: info,
                                })))
                            }
                            _ => Ok(RequestEnd::Done(done)),
                        },
                        Ok(_) => Err(Error::Decode(
                            "NLMSG_DONE message decoded as another kind".into(),
                        )),
                        Err(error) => Err(Error::Decode(error.context(format_args!(
                            "NLMSG_DONE ending request sequence {}",
                            header.sequence
                        )))),
                    }
                };
                self.finish(id, outcome);
                self.end_kernel_side(id);
            }
            _ => {
                let multipart = header.flags & NLM_F_MULTIPART != 0;
                let wants_ack = request.wants_ack;
                if multipart {
                    request.received_part = true;
                }
                let restart_due =
                    restart_due || (multipart && request.interrupted && request.retries_left > 0);
                if !silent {
                    if restart_due {
                        if !request.discarding {
                            request.discarding = true;
                            let attempt = request.restarts + 1;
                            self.push_reply(id, Err(Error::DumpRestarted { attempt }));
                        }
                    } else if let Some(request) = self.requests.get_mut(&id) {
                        request.queue.push_encoded(message, 1);
                        self.after_push(id, false);
                    }
                }
                if !wants_ack && !multipart {
                    self.finish(id, Ok(RequestEnd::Reply));
                    self.end_kernel_side(id);
                }
            }
        }
    }

    /// Restarts an interrupted dump whose `NLMSG_DONE` just arrived: a new
    /// sequence number, first in the send queue.
    fn restart(&mut self, id: RequestId) {
        let Some(request) = self.requests.get_mut(&id) else {
            return;
        };
        let attempt = request.restarts + 1;
        let announce = !request.discarding;
        request.restarts = attempt;
        request.retries_left -= 1;
        // Multipart replies prove it is a dump even if the flags did not say.
        request.is_dump = true;
        request.interrupted = false;
        request.filtered = false;
        request.discarding = false;
        request.received_part = false;
        let old_sequence = request.sequence;
        if announce {
            self.push_reply(id, Err(Error::DumpRestarted { attempt }));
        }
        self.leave_flight(id);
        self.dump_in_flight = false;
        self.by_sequence.remove(&old_sequence);
        self.last_match = None;
        self.sequences.retire(old_sequence);
        let by_sequence = &self.by_sequence;
        let sequence = self
            .sequences
            .allocate(|candidate| by_sequence.contains_key(&candidate));
        let Some(request) = self.requests.get_mut(&id) else {
            return;
        };
        request.sequence = sequence;
        request.info.sequence_number = sequence;
        if let Some(field) = request.bytes.get_mut(8..12) {
            field.copy_from_slice(&sequence.to_ne_bytes());
        }
        request.phase = Phase::Queued;
        self.by_sequence.insert(sequence, id);
        self.send_queue.push_front(id);
        self.driver_wake = true;
    }

    /// Delivers the consumer's last item (an end state or a final error),
    /// unless it already had one or is gone.
    fn finish(&mut self, id: RequestId, outcome: Result<RequestEnd, Error<T>>) {
        let Some(request) = self.requests.get_mut(&id) else {
            return;
        };
        if request.finished || request.abandoned {
            return;
        }
        match outcome {
            Ok(end) => {
                request.end = Some(EndState {
                    end,
                    interrupted: request.interrupted,
                    filtered: request.filtered,
                    restarts: request.restarts,
                });
                request.finished = true;
                request.wake();
            }
            Err(error) => {
                self.push_reply(id, Err(error));
                if let Some(request) = self.requests.get_mut(&id) {
                    request.finished = true;
                }
            }
        }
    }

    /// The request leaves the in-flight set (it stays in the tables).
    fn leave_flight(&mut self, id: RequestId) {
        let Some(request) = self.requests.get_mut(&id) else {
            return;
        };
        if let Phase::InFlight { .. } = request.phase {
            self.in_flight -= 1;
            if request.is_dump {
                self.dump_in_flight = false;
            }
            self.driver_wake = true;
        }
    }

    /// The kernel is done with the request (or it can no longer be
    /// answered): it leaves flight and the sequence table; an abandoned
    /// request is removed.
    fn end_kernel_side(&mut self, id: RequestId) {
        self.leave_flight(id);
        let Some(request) = self.requests.get_mut(&id) else {
            return;
        };
        request.phase = Phase::Ended;
        let sequence = request.sequence;
        let abandoned = request.abandoned;
        if self.by_sequence.get(&sequence) == Some(&id) {
            self.by_sequence.remove(&sequence);
            self.last_match = None;
        }
        if abandoned {
            self.remove(id);
        }
    }

    fn remove(&mut self, id: RequestId) {
        if let Some(request) = self.requests.remove(&id) {
            if request.full {
                self.full_queues -= 1;
                self.driver_wake = true;
            }
            if request.abandoned {
                self.abandoned -= 1;
            }
            if request.phase != Phase::Ended && self.by_sequence.get(&request.sequence) == Some(&id)
            {
                self.by_sequence.remove(&request.sequence);
                self.last_match = None;
            }
        }
    }

    fn push_reply(&mut self, id: RequestId, reply: Reply<T>) {
        if let Some(request) = self.requests.get_mut(&id) {
            request.queue.push_ready(reply);
            self.after_push(id, true);
        }
    }

    /// After a push to the request's queue: counts it among the full
    /// queues when it reached a limit, and wakes its consumer: now if
    /// `urgent` or outside `handle_datagram`, else at the next
    /// `take_wakers` (due at once if the queue is half full).
    fn after_push(&mut self, id: RequestId, urgent: bool) {
        let Some(request) = self.requests.get_mut(&id) else {
            return;
        };
        if !request.full && self.reply_limits.reached(&request.queue, 1) {
            request.full = true;
            self.full_queues += 1;
        }
        if urgent || !self.defer_wakes {
            request.wake();
            return;
        }
        if self.reply_limits.reached(&request.queue, 2) {
            self.wakes_due = true;
        }
        if request.waker.is_some() && !request.wake_deferred {
            request.wake_deferred = true;
            self.deferred_wakes.push(id);
        }
    }

    /// Queues a notification. A full queue never stops reading (that would
    /// stall the replies of requests behind unread notifications): the
    /// notification is dropped instead, and an overflow event (reason
    /// [`OverflowReason::NotificationQueue`]) tells the consumer.
    fn push_notification(&mut self, notification: Notification<T>) {
        if !self.notifications_open {
            self.statistics.dropped_notifications += 1;
            return;
        }
        if self.notifications.len() >= self.max_queued_notifications {
            self.statistics.dropped_notifications += 1;
            if !self.notifications_lost {
                self.notifications_lost = true;
                self.queue_notification(Notification::Overflow {
                    failed_requests: 0,
                    reason: OverflowReason::NotificationQueue,
                });
            }
            return;
        }
        self.queue_notification(notification);
    }

    fn queue_notification(&mut self, notification: Notification<T>) {
        if !self.notifications_open {
            self.statistics.dropped_notifications += 1;
            return;
        }
        self.notifications.push_back(notification);
        if self.defer_wakes {
            self.notification_wake_deferred = true;
            if self.notifications.len() >= self.max_queued_notifications / 2 {
                self.wakes_due = true;
            }
        } else if let Some(waker) = self.notification_waker.take() {
            waker.wake();
        }
    }

    /// The socket reported `ENOBUFS`: messages for it were dropped.
    ///
    /// Fails every sent request that may have lost a reply with
    /// [`Error::OutcomeUnknown`] — all but dumps that already received a
    /// part (the kernel produces dump parts only when there is room, so they
    /// are never dropped) — and queues a [`Notification::Overflow`].
    ///
    /// Sending then stops until the driver reports the socket's receive
    /// queue empty ([`handle_socket_drained`](Self::handle_socket_drained)):
    /// the kernel reports one overflow until the queue has been emptied and
    /// drops what does not fit meanwhile without a word, so a request sent
    /// before that could lose its reply silently and wait forever.
    pub fn handle_overflow(&mut self) {
        self.statistics.overflows += 1;
        self.congested = true;
        let victims: Vec<RequestId> = self
            .requests
            .iter()
            .filter(|(_, request)| {
                request.phase == (Phase::InFlight { sent: true }) && !request.received_part
            })
            .map(|(&id, _)| id)
            .collect();
        let mut failed_requests = 0;
        for id in victims {
            let Some(request) = self.requests.get(&id) else {
                continue;
            };
            if !request.finished && !request.abandoned {
                failed_requests += 1;
            }
            self.sequences.retire(request.sequence);
            self.finish(id, Err(Error::OutcomeUnknown));
            self.end_kernel_side(id);
        }
        self.queue_notification(Notification::Overflow {
            failed_requests,
            reason: OverflowReason::SocketBuffer,
        });
    }

    /// The socket's receive queue is empty (a receive would block). After an
    /// overflow, sending resumes; returns whether it did (the driver then
    /// has transmits to make before it waits).
    pub fn handle_socket_drained(&mut self) -> bool {
        let resumed = mem::take(&mut self.congested);
        if resumed {
            self.driver_wake = true;
        }
        resumed && (!self.send_queue.is_empty() || self.blocked_transmit.is_some())
    }

    /// Whether sending waits for the socket's receive queue to be emptied
    /// after an overflow (see [`handle_overflow`](Self::handle_overflow)).
    pub fn is_congested(&self) -> bool {
        self.congested
    }

    /// The earliest deadline of a request's timeout, if any.
    pub fn next_deadline(&mut self) -> Option<Instant> {
        while let Some(&Reverse((deadline, id))) = self.deadlines.peek() {
            let live = self
                .requests
                .get(&id)
                .is_some_and(|request| !request.finished && request.deadline == Some(deadline));
            if live {
                return Some(deadline);
            }
            self.deadlines.pop();
        }
        None
    }

    /// Fails the requests whose deadline is not after `now` with
    /// [`Error::Timeout`].
    pub fn handle_timeout(&mut self, now: Instant) {
        while let Some(&Reverse((deadline, id))) = self.deadlines.peek() {
            if deadline > now {
                break;
            }
            self.deadlines.pop();
            let Some(request) = self.requests.get(&id) else {
                continue;
            };
            if request.finished || request.deadline != Some(deadline) {
                continue;
            }
            let phase = request.phase;
            let dumping = request.is_dumping();
            let sequence = request.sequence;
            self.finish(id, Err(Error::Timeout));
            match phase {
                Phase::Queued => self.end_kernel_side(id),
                // The kernel will end a running dump (and runs only one per
                // socket): keep it in flight, silently, until it does.
                Phase::InFlight { .. } if dumping => {}
                Phase::InFlight { .. } => {
                    self.sequences.retire(sequence);
                    self.end_kernel_side(id);
                }
                Phase::Ended => {}
            }
        }
    }

    /// The connection is over (`error` is why, if it failed): every request
    /// that has not ended fails with [`Error::Io`] (a copy of `error`) or
    /// [`Error::ConnectionClosed`], notifications end once drained, and
    /// nothing more is sent or accepted.
    pub fn close(&mut self, error: Option<&io::Error>) {
        if self.closed {
            return;
        }
        self.closed = true;
        let ids: Vec<RequestId> = self.requests.keys().copied().collect();
        for id in ids {
            let reason = match error {
                Some(error) => Error::Io(copy_io_error(error)),
                None => Error::ConnectionClosed,
            };
            self.finish(id, Err(reason));
            if let Some(request) = self.requests.get_mut(&id) {
                request.phase = Phase::Ended;
                if request.abandoned {
                    self.remove(id);
                }
            }
        }
        self.by_sequence.clear();
        self.last_match = None;
        self.send_queue.clear();
        self.deadlines.clear();
        self.blocked_transmit = None;
        self.in_flight = 0;
        self.dump_in_flight = false;
        self.driver_wake = true;
        if let Some(waker) = self.notification_waker.take() {
            waker.wake();
        }
    }

    /// The consumer of a request is gone: a queued request is dropped; an
    /// in-flight one is abandoned (its later replies are discarded and the
    /// entry is removed when the kernel ends it); an ended one is removed.
    pub fn cancel(&mut self, id: RequestId) {
        let Some(request) = self.requests.get_mut(&id) else {
            return;
        };
        // The driver may be done once its last consumer is gone.
        self.driver_wake = true;
        match request.phase {
            Phase::InFlight { .. } => {
                if request.abandoned {
                    return;
                }
                request.abandoned = true;
                request.finished = true;
                request.queue.clear();
                request.waker = None;
                request.bytes = Vec::new();
                request.retries_left = 0;
                if mem::take(&mut request.full) {
                    self.full_queues -= 1;
                    self.driver_wake = true;
                }
                self.abandoned += 1;
            }
            Phase::Queued | Phase::Ended => self.remove(id),
        }
    }

    /// Moves the request's queued replies to the end of `out` (they are
    /// decoded as [`ReplyQueue::pop`] returns them); returns whether the
    /// request is finished (no reply will follow those taken). An unknown
    /// id counts as finished.
    pub fn take_replies(&mut self, id: RequestId, out: &mut ReplyQueue<T>) -> bool {
        let Some(request) = self.requests.get_mut(&id) else {
            return true;
        };
        request.queue.move_into(out);
        if mem::take(&mut request.full) {
            self.full_queues -= 1;
            self.driver_wake = true;
        }
        request.finished
    }

    /// The request's next reply, if one is queued, decoded.
    pub fn next_reply(&mut self, id: RequestId) -> NextReply<T>
    where
        T: NetlinkDeserializable,
    {
        let Some(request) = self.requests.get_mut(&id) else {
            return NextReply::Finished;
        };
        let reply = request.queue.pop();
        if request.full && !self.reply_limits.reached(&request.queue, 1) {
            request.full = false;
            self.full_queues -= 1;
            self.driver_wake = true;
        }
        match reply {
            Some(reply) => NextReply::Reply(reply),
            None if request.finished => NextReply::Finished,
            None => NextReply::Pending,
        }
    }

    /// Whether the request is finished and its queue drained (or unknown).
    pub fn is_drained(&self, id: RequestId) -> bool {
        self.requests
            .get(&id)
            .is_none_or(|request| request.finished && request.queue.is_empty())
    }

    /// Registers the waker to wake when the request gets a reply or ends.
    pub fn register_reply_waker(&mut self, id: RequestId, waker: &Waker) {
        if let Some(request) = self.requests.get_mut(&id) {
            match &request.waker {
                Some(current) if current.will_wake(waker) => {}
                _ => request.waker = Some(waker.clone()),
            }
        }
    }

    /// How the request ended, once it ended without error.
    pub fn end_state(&self, id: RequestId) -> Option<&EndState> {
        self.requests
            .get(&id)
            .and_then(|request| request.end.as_ref())
    }

    /// Moves the queued notifications to the end of `out`; returns whether
    /// notifications are over (connection closed or notifications closed).
    pub fn take_notifications(&mut self, out: &mut VecDeque<Notification<T>>) -> bool {
        if out.is_empty() {
            mem::swap(&mut self.notifications, out);
        } else {
            out.append(&mut self.notifications);
        }
        self.notifications_lost = false;
        self.closed || !self.notifications_open
    }

    /// The next notification, if one is queued.
    pub fn next_notification(&mut self) -> Option<Notification<T>> {
        let notification = self.notifications.pop_front();
        if self.notifications.len() < self.max_queued_notifications {
            self.notifications_lost = false;
        }
        notification
    }

    /// Registers the waker to wake when a notification arrives or
    /// notifications end.
    pub fn register_notification_waker(&mut self, waker: &Waker) {
        match &self.notification_waker {
            Some(current) if current.will_wake(waker) => {}
            _ => self.notification_waker = Some(waker.clone()),
        }
    }
}

/// The limits of one request's reply queue.
#[derive(Debug, Clone, Copy)]
struct ReplyLimits {
    replies: usize,
    bytes: usize,
}

impl ReplyLimits {
    /// Whether `queue` holds a `1 / fraction` share of either limit (1:
    /// full, 2: half full).
    fn reached<T>(self, queue: &ReplyQueue<T>, fraction: usize) -> bool {
        queue.len() >= self.replies / fraction || queue.undecoded_bytes() >= self.bytes / fraction
    }
}

/// Who a received message is for.
enum Match {
    /// A reply to this request.
    Request(RequestId),
    /// A late reply to a request that is gone: discarded.
    Retired,
    /// Not a reply: a notification.
    Notification,
}

/// Consecutive data replies of one datagram to one request: they are
/// queued with one copy.
struct Run {
    id: RequestId,
    sequence: u32,
    wants_ack: bool,
    /// Where they are in the datagram (padding included).
    bytes: Range<usize>,
    count: usize,
    /// The union of their header flags.
    flags: u16,
}

impl Run {
    /// A run starting with this message (at `bytes` in the datagram), if it
    /// is a plain data reply: not a control message, for a live request
    /// that it does not end, without interruption.
    fn start<T>(
        id: RequestId,
        request: &Request<T>,
        header: Header,
        bytes: Range<usize>,
    ) -> Option<Run> {
        let live = !request.interrupted && !request.finished && !request.abandoned;
        let run = Run {
            id,
            sequence: header.sequence,
            wants_ack: request.wants_ack,
            bytes,
            count: 1,
            flags: header.flags,
        };
        (live && run.takes(header)).then_some(run)
    }

    /// Whether the next message of the datagram continues the run.
    fn extends(&self, header: Header, local_port: u32) -> bool {
        header.sequence == self.sequence && header.port == local_port && self.takes(header)
    }

    /// Whether the message is a data reply that neither ends the request
    /// nor reports an interrupted dump.
    fn takes(&self, header: Header) -> bool {
        !matches!(header.message_type, NLMSG_NOOP | NLMSG_ERROR | NLMSG_DONE)
            && header.flags & NLM_F_DUMP_INTR == 0
            && (header.flags & NLM_F_MULTIPART != 0 || self.wants_ack)
    }
}
