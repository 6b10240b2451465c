//! The rule message header (`struct fib_rule_hdr`) and the checked view
//! over a whole rule message payload.

use netlink_packet_core::{DecodeError, Emitable, ErrorContext, NlasIterator, Parseable};

use super::action::RuleAction;
use super::flags::RuleFlags;
use crate::common::AddressFamily;

/// Length of `struct fib_rule_hdr`.
pub const RULE_HEADER_LEN: usize = 12;

const FAMILY: usize = 0;
const DST_LEN: usize = 1;
const SRC_LEN: usize = 2;
const TOS: usize = 3;
const TABLE: usize = 4;
const RES1: usize = 5;
const RES2: usize = 6;
const ACTION: usize = 7;
const FLAGS: usize = 8;

/// A checked view over a rule message payload: the 12-byte
/// `struct fib_rule_hdr` followed by `FRA_*` attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMessageBuffer<T> {
    buffer: T,
}

impl<T: AsRef<[u8]>> RuleMessageBuffer<T> {
    /// Wraps `buffer` without checking its length; getters of a short
    /// buffer return 0.
    pub fn new(buffer: T) -> Self {
        RuleMessageBuffer { buffer }
    }

    /// Wraps `buffer` after checking that it holds the whole header.
    pub fn new_checked(buffer: T) -> Result<Self, DecodeError> {
        let len = buffer.as_ref().len();
        if len < RULE_HEADER_LEN {
            return Err(DecodeError::new(format!(
                "rule message: expected at least {RULE_HEADER_LEN} bytes of struct fib_rule_hdr, got {len}"
            )));
        }
        Ok(RuleMessageBuffer { buffer })
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    fn byte(&self, offset: usize) -> u8 {
        self.buffer.as_ref().get(offset).copied().unwrap_or(0)
    }

    /// `family`: `AF_INET` or `AF_INET6`.
    pub fn family(&self) -> u8 {
        self.byte(FAMILY)
    }

    /// `dst_len`: prefix length of the destination selector.
    pub fn dst_len(&self) -> u8 {
        self.byte(DST_LEN)
    }

    /// `src_len`: prefix length of the source selector.
    pub fn src_len(&self) -> u8 {
        self.byte(SRC_LEN)
    }

    /// `tos`: the TOS selector.
    pub fn tos(&self) -> u8 {
        self.byte(TOS)
    }

    /// `table`: the table id if it fits a byte, else `RT_TABLE_COMPAT`
    /// (`FRA_TABLE` has the full id).
    pub fn table(&self) -> u8 {
        self.byte(TABLE)
    }

    /// `res1` (reserved).
    pub fn res1(&self) -> u8 {
        self.byte(RES1)
    }

    /// `res2` (reserved).
    pub fn res2(&self) -> u8 {
        self.byte(RES2)
    }

    /// `action`: the `FR_ACT_*` action.
    pub fn action(&self) -> u8 {
        self.byte(ACTION)
    }

    /// `flags`: the `FIB_RULE_*` flags.
    pub fn flags(&self) -> RuleFlags {
        RuleFlags::from_bits_retain(
            self.buffer
                .as_ref()
                .get(FLAGS..)
                .and_then(|bytes| bytes.first_chunk::<4>())
                .map_or(0, |bytes| u32::from_ne_bytes(*bytes)),
        )
    }

    /// The attribute bytes after the header.
    pub fn attribute_bytes(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(RULE_HEADER_LEN..)
            .unwrap_or_default()
    }

    /// Iterates over the attributes without allocating.
    pub fn attributes(&self) -> NlasIterator<'_> {
        NlasIterator::new(self.attribute_bytes())
    }

    /// The value of the first attribute of type `kind` (flag bits ignored).
    pub fn find_attribute(&self, kind: u16) -> Result<Option<&[u8]>, DecodeError> {
        for nla in self.attributes() {
            let nla = nla.context("rule message")?;
            if nla.kind() == kind {
                return Ok(Some(nla.into_value()));
            }
        }
        Ok(None)
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> RuleMessageBuffer<T> {
    fn set_byte(&mut self, offset: usize, value: u8) {
        self.buffer.as_mut()[offset] = value;
    }

    /// Sets `family`.
    pub fn set_family(&mut self, value: u8) {
        self.set_byte(FAMILY, value)
    }

    /// Sets `dst_len`.
    pub fn set_dst_len(&mut self, value: u8) {
        self.set_byte(DST_LEN, value)
    }

    /// Sets `src_len`.
    pub fn set_src_len(&mut self, value: u8) {
        self.set_byte(SRC_LEN, value)
    }

    /// Sets `tos`.
    pub fn set_tos(&mut self, value: u8) {
        self.set_byte(TOS, value)
    }

    /// Sets `table`.
    pub fn set_table(&mut self, value: u8) {
        self.set_byte(TABLE, value)
    }

    /// Sets `res1`.
    pub fn set_res1(&mut self, value: u8) {
        self.set_byte(RES1, value)
    }

    /// Sets `res2`.
    pub fn set_res2(&mut self, value: u8) {
        self.set_byte(RES2, value)
    }

    /// Sets `action`.
    pub fn set_action(&mut self, value: u8) {
        self.set_byte(ACTION, value)
    }

    /// Sets `flags`.
    pub fn set_flags(&mut self, value: RuleFlags) {
        self.buffer.as_mut()[FLAGS..FLAGS + 4].copy_from_slice(&value.bits().to_ne_bytes())
    }
}

/// The fixed header of a rule message (`struct fib_rule_hdr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RuleHeader {
    /// `family`
    pub family: AddressFamily,
    /// `dst_len`: prefix length of the destination selector (`FRA_DST`).
    pub dst_len: u8,
    /// `src_len`: prefix length of the source selector (`FRA_SRC`).
    pub src_len: u8,
    /// `tos`: the TOS selector.
    pub tos: u8,
    /// `table`: the table id if below 256, else `RT_TABLE_COMPAT`; see
    /// [`RuleMessage::table`](super::RuleMessage::table) for the full id.
    pub table: u8,
    /// The reserved `res1` and `res2` bytes (zero from the kernel), kept
    /// so that any message re-emits unchanged.
    pub reserved: [u8; 2],
    /// `action`
    pub action: RuleAction,
    /// `flags`
    pub flags: RuleFlags,
}

impl<T: AsRef<[u8]>> Parseable<RuleMessageBuffer<T>> for RuleHeader {
    fn parse(buf: &RuleMessageBuffer<T>) -> Result<Self, DecodeError> {
        Ok(RuleHeader {
            family: buf.family().into(),
            dst_len: buf.dst_len(),
            src_len: buf.src_len(),
            tos: buf.tos(),
            table: buf.table(),
            reserved: [buf.res1(), buf.res2()],
            action: buf.action().into(),
            flags: buf.flags(),
        })
    }
}

impl Emitable for RuleHeader {
    fn buffer_len(&self) -> usize {
        RULE_HEADER_LEN
    }

    fn emit(&self, buffer: &mut [u8]) {
        let mut buf = RuleMessageBuffer::new(&mut buffer[..RULE_HEADER_LEN]);
        buf.set_family(self.family.into());
        buf.set_dst_len(self.dst_len);
        buf.set_src_len(self.src_len);
        buf.set_tos(self.tos);
        buf.set_table(self.table);
        buf.set_res1(self.reserved[0]);
        buf.set_res2(self.reserved[1]);
        buf.set_action(self.action.into());
        buf.set_flags(self.flags);
    }
}
