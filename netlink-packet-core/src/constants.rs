//! Raw netlink constants from `<linux/netlink.h>`.

/// Nothing: the message is to be ignored.
pub const NLMSG_NOOP: u16 = 1;
/// Error or acknowledgement (error code 0).
pub const NLMSG_ERROR: u16 = 2;
/// End of a multipart message (dump).
pub const NLMSG_DONE: u16 = 3;
/// Data lost.
pub const NLMSG_OVERRUN: u16 = 4;
/// Message types below this value are reserved for control messages.
pub const NLMSG_MIN_TYPE: u16 = 0x10;

/// Length of the netlink message header (`struct nlmsghdr`).
pub const NETLINK_HEADER_LEN: usize = 16;
/// Netlink messages are aligned to this many bytes.
pub const NLMSG_ALIGNTO: usize = 4;

/// Rounds `len` up to the netlink message alignment (4 bytes), saturating.
#[inline]
pub const fn nlmsg_align(len: usize) -> usize {
    match len.checked_add(NLMSG_ALIGNTO - 1) {
        Some(sum) => sum & !(NLMSG_ALIGNTO - 1),
        None => usize::MAX & !(NLMSG_ALIGNTO - 1),
    }
}

/// It is a request message.
pub const NLM_F_REQUEST: u16 = 0x01;
/// Multipart message, terminated by `NLMSG_DONE`.
pub const NLM_F_MULTIPART: u16 = 0x02;
/// Kernel name of [`NLM_F_MULTIPART`].
pub const NLM_F_MULTI: u16 = NLM_F_MULTIPART;
/// Reply with an acknowledgement, on success too.
pub const NLM_F_ACK: u16 = 0x04;
/// Echo this request back.
pub const NLM_F_ECHO: u16 = 0x08;
/// The dump was inconsistent because the data changed during it.
pub const NLM_F_DUMP_INTR: u16 = 0x10;
/// The dump was filtered as requested.
pub const NLM_F_DUMP_FILTERED: u16 = 0x20;

/// GET modifier: return the complete table instead of a single entry.
pub const NLM_F_ROOT: u16 = 0x100;
/// GET modifier: return all entries matching the criteria.
pub const NLM_F_MATCH: u16 = 0x200;
/// GET modifier: return an atomic snapshot of the table.
pub const NLM_F_ATOMIC: u16 = 0x400;
/// GET modifier: a dump (`NLM_F_ROOT | NLM_F_MATCH`).
pub const NLM_F_DUMP: u16 = NLM_F_ROOT | NLM_F_MATCH;

/// NEW modifier: replace an existing matching object.
pub const NLM_F_REPLACE: u16 = 0x100;
/// NEW modifier: do not touch the object if it already exists.
pub const NLM_F_EXCL: u16 = 0x200;
/// NEW modifier: create the object if it does not exist.
pub const NLM_F_CREATE: u16 = 0x400;
/// NEW modifier: add to the end of the object list.
pub const NLM_F_APPEND: u16 = 0x800;

/// DELETE modifier: do not delete recursively.
pub const NLM_F_NONREC: u16 = 0x100;
/// DELETE modifier: delete multiple objects.
pub const NLM_F_BULK: u16 = 0x200;

/// ACK flag: the echoed request was capped to its header.
pub const NLM_F_CAPPED: u16 = 0x100;
/// ACK flag: extended ack TLVs follow the echoed request.
pub const NLM_F_ACK_TLVS: u16 = 0x200;
