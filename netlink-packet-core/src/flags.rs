//! The `nlmsg_flags` field as bitflags.

use crate::constants::*;

bitflags::bitflags! {
    /// Flags of a netlink message header (`NLM_F_*`).
    ///
    /// Several bits mean different things for different requests (for
    /// example `0x100` is `ROOT` on a GET, `REPLACE` on a NEW, `NONREC` on a
    /// DELETE and `CAPPED` on an ack), so they have several names. Unknown
    /// bits are kept: build flags from raw values with
    /// [`NetlinkFlags::from_bits_retain`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
    pub struct NetlinkFlags: u16 {
        /// It is a request message.
        const REQUEST = NLM_F_REQUEST;
        /// Multipart message, terminated by `NLMSG_DONE`.
        const MULTIPART = NLM_F_MULTIPART;
        /// Reply with an acknowledgement, on success too.
        const ACK = NLM_F_ACK;
        /// Echo this request back.
        const ECHO = NLM_F_ECHO;
        /// The dump was inconsistent because the data changed during it.
        const DUMP_INTR = NLM_F_DUMP_INTR;
        /// The dump was filtered as requested.
        const DUMP_FILTERED = NLM_F_DUMP_FILTERED;
        /// GET: return the complete table.
        const ROOT = NLM_F_ROOT;
        /// GET: return all matching entries.
        const MATCH = NLM_F_MATCH;
        /// GET: atomic snapshot.
        const ATOMIC = NLM_F_ATOMIC;
        /// GET: dump (`ROOT | MATCH`).
        const DUMP = NLM_F_DUMP;
        /// NEW: replace an existing object.
        const REPLACE = NLM_F_REPLACE;
        /// NEW: fail if the object exists.
        const EXCL = NLM_F_EXCL;
        /// NEW: create if it does not exist.
        const CREATE = NLM_F_CREATE;
        /// NEW: append to the list.
        const APPEND = NLM_F_APPEND;
        /// DELETE: do not delete recursively.
        const NONREC = NLM_F_NONREC;
        /// DELETE: delete multiple objects.
        const BULK = NLM_F_BULK;
        /// ACK: the echoed request was capped to its header.
        const CAPPED = NLM_F_CAPPED;
        /// ACK: extended ack TLVs follow.
        const ACK_TLVS = NLM_F_ACK_TLVS;
        // Keep unknown bits when operating on flags.
        const _ = !0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_share_bits() {
        assert_eq!(NetlinkFlags::DUMP.bits(), 0x300);
        assert_eq!(NetlinkFlags::ROOT, NetlinkFlags::REPLACE);
        assert_eq!(NetlinkFlags::CAPPED, NetlinkFlags::NONREC);
        assert_eq!(NetlinkFlags::ACK_TLVS, NetlinkFlags::EXCL);
    }

    #[test]
    fn unknown_bits_are_kept() {
        let flags = NetlinkFlags::from_bits_retain(0x8001);
        assert!(flags.contains(NetlinkFlags::REQUEST));
        assert_eq!(flags.bits(), 0x8001);
        assert_eq!((flags | NetlinkFlags::ACK).bits(), 0x8005);
        assert_eq!((!flags).bits(), 0x7ffe);
    }
}
