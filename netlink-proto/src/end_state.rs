//! How a request ended.

use netlink_packet_core::{AckMessage, DoneMessage, ExtendedAck};

/// The message that ended a successful request.
#[derive(Debug, Clone)]
pub enum RequestEnd {
    /// The kernel acknowledged the request (`NLMSG_ERROR` with code 0; the
    /// request had `NLM_F_ACK`). Its extended ack may carry a warning.
    Ack(AckMessage),
    /// A dump ended with `NLMSG_DONE`.
    Done(DoneMessage),
    /// A request without `NLM_F_ACK` got its single (non-multipart) reply.
    Reply,
}

/// The end of a request that did not fail: what ended it and whether a dump
/// was complete.
#[derive(Debug, Clone)]
pub struct EndState {
    /// What ended the request.
    pub end: RequestEnd,
    /// A part of the dump (`NLMSG_DONE` included) carried `NLM_F_DUMP_INTR`:
    /// the kernel's table changed during the dump, so the data (all of which
    /// was delivered) may be inconsistent — some objects missing or
    /// duplicated. Dump again, or ask for automatic restarts with
    /// [`RequestOptions::retry_interrupted_dump`](crate::RequestOptions::retry_interrupted_dump).
    pub interrupted: bool,
    /// A part carried `NLM_F_DUMP_FILTERED`: the kernel applied the request's
    /// filter (strict checking), so the dump holds only matching objects.
    pub filtered: bool,
    /// How many times an interrupted dump was restarted before this end.
    pub restarts: u32,
}

impl EndState {
    /// Whether the request ended complete and consistent (not interrupted).
    pub fn is_complete(&self) -> bool {
        !self.interrupted
    }

    /// The extended ack of the final `NLMSG_DONE` or ack, if any (the kernel
    /// may attach warnings to successful requests).
    pub fn extended_ack(&self) -> Option<&ExtendedAck> {
        match &self.end {
            RequestEnd::Ack(ack) => Some(&ack.extended_ack),
            RequestEnd::Done(done) => Some(&done.extended_ack),
            RequestEnd::Reply => None,
        }
    }
}
