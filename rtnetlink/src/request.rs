//! A request as the builders produce it, and the translation of
//! netlink-proto's errors into this crate's [`Error`].

use netlink_packet_core::{
    ExtendedAck, NetlinkFlags, NetlinkHeader, NetlinkMessage, NetlinkPayload,
};
use netlink_packet_route::RtnlMessage;

use crate::{
    attribute_name::{message_type_name, name_offending_attribute, top_level_name},
    error::{KernelError, RequestSummary},
    Error,
};

/// (Internal.) One request, ready to send: the message, its header flags, what it is
/// for (for error reports) and, for lookups, what a "not found" answer
/// means.
#[derive(Debug, Clone)]
pub struct Request {
    pub(crate) message: RtnlMessage,
    pub(crate) flags: NetlinkFlags,
    pub(crate) operation: &'static str,
    /// For lookups of one object: how to describe it when the kernel says
    /// it does not exist (`ENODEV`, `ENOENT`).
    pub(crate) not_found: Option<String>,
}

/// Flags of a request that changes state and wants an acknowledgement.
pub(crate) fn ack_flags(extra: NetlinkFlags) -> NetlinkFlags {
    NetlinkFlags::REQUEST | NetlinkFlags::ACK | extra
}

/// Flags of a dump request.
pub(crate) fn dump_flags() -> NetlinkFlags {
    NetlinkFlags::REQUEST | NetlinkFlags::DUMP
}

impl Request {
    pub(crate) fn new(message: RtnlMessage, flags: NetlinkFlags, operation: &'static str) -> Self {
        Request {
            message,
            flags,
            operation,
            not_found: None,
        }
    }

    pub(crate) fn not_found(mut self, what: impl Into<String>) -> Self {
        self.not_found = Some(what.into());
        self
    }

    /// Whether this request is a dump (its replies are a multipart stream).
    pub(crate) fn is_dump(&self) -> bool {
        self.flags.contains(NetlinkFlags::DUMP)
    }

    /// The netlink message to send (the connection assigns the sequence
    /// number).
    pub(crate) fn netlink_message(&self) -> NetlinkMessage<RtnlMessage> {
        let header = NetlinkHeader {
            flags: self.flags,
            ..NetlinkHeader::default()
        };
        let mut message =
            NetlinkMessage::new(header, NetlinkPayload::InnerMessage(self.message.clone()));
        message.finalize();
        message
    }

    fn summary(&self, sequence_number: u32) -> RequestSummary {
        let message_type = self.message.message_type();
        RequestSummary {
            operation: self.operation,
            message_type,
            message_type_name: message_type_name(message_type),
            flags: self.flags,
            sequence_number,
        }
    }

    /// Turns a netlink-proto error of this request into an [`Error`].
    pub(crate) fn error(&self, error: netlink_proto::Error<RtnlMessage>) -> Error {
        use netlink_proto::Error as P;
        match error {
            P::Kernel(kernel) => self.kernel_error(*kernel),
            P::Decode(error) => Error::Decode(error),
            P::OutcomeUnknown => Error::OutcomeUnknown,
            P::Timeout => Error::Timeout,
            P::ConnectionClosed | P::NotSent(_) => Error::ConnectionClosed,
            P::Io(error) => Error::Io(error),
            P::DumpRestarted { attempt } => Error::UnexpectedReply(format!(
                "{}: dump restarted (attempt {attempt})",
                self.operation
            )),
            P::QueueFull => Error::Io(std::io::Error::other(
                "the connection's reply queues are full: read pending replies first",
            )),
        }
    }

    fn kernel_error(&self, kernel: netlink_proto::KernelError) -> Error {
        let extended_ack = ExtendedAck::clone(&kernel.error.extended_ack);
        let bytes = {
            let message = self.netlink_message();
            let mut bytes = vec![0u8; message.buffer_len()];
            message.serialize(&mut bytes);
            bytes
        };
        let offending_attribute = extended_ack
            .offset
            .and_then(|offset| name_offending_attribute(&bytes, offset));
        let missing_attribute = extended_ack.missing_type.map(|kind| {
            let name = if extended_ack.missing_nest.is_none() {
                u16::try_from(kind)
                    .ok()
                    .and_then(|kind| top_level_name(self.message.message_type(), kind))
            } else {
                None
            };
            match name {
                Some(name) => name.to_owned(),
                None => format!("attribute type {kind}"),
            }
        });
        let error = Box::new(KernelError {
            errno: kernel.errno(),
            message: extended_ack.message.clone(),
            offending_attribute,
            missing_attribute,
            extended_ack,
            request: self.summary(kernel.request.sequence_number),
        });
        match &self.not_found {
            Some(what) if matches!(error.errno, libc::ENODEV | libc::ENOENT) => Error::NotFound {
                what: what.clone(),
                source: Some(error),
            },
            _ => Error::Kernel(error),
        }
    }
}
