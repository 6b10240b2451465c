//! Control messages: error, ack and done, with their extended ack.

mod ack;
mod done;
mod error;
mod extended_ack;
mod policy;

pub use ack::AckMessage;
pub use done::DoneMessage;
pub use error::ErrorMessage;
pub use extended_ack::*;
pub use policy::*;

use crate::nla::nla_align;
use crate::{DecodeError, ErrorContext, NetlinkFlags, Parseable, NETLINK_HEADER_LEN};

/// The parts of an `NLMSG_ERROR` payload: code, echoed request, ext ack.
pub(crate) struct ErrorParts {
    pub(crate) code: i32,
    pub(crate) echoed: Vec<u8>,
    pub(crate) extended_ack: Box<ExtendedAck>,
}

/// Splits an `NLMSG_ERROR` payload.
///
/// The echoed request is the header only when `NLM_F_CAPPED` is set,
/// otherwise the whole request as its own length field says (clamped to the
/// bytes present). Extended ack TLVs start at the next 4-byte boundary.
pub(crate) fn parse_error_parts(
    payload: &[u8],
    flags: NetlinkFlags,
) -> Result<ErrorParts, DecodeError> {
    let Some((code, rest)) = payload.split_first_chunk::<4>() else {
        return Err(DecodeError::new(format!(
            "expected at least 4 bytes of error code, got {}",
            payload.len()
        )));
    };
    let code = i32::from_ne_bytes(*code);
    let echoed_len = if rest.len() < NETLINK_HEADER_LEN {
        // Truncated echo: keep what is there.
        rest.len()
    } else if flags.contains(NetlinkFlags::CAPPED) {
        NETLINK_HEADER_LEN
    } else {
        match rest.first_chunk::<4>() {
            Some(length) => {
                (u32::from_ne_bytes(*length) as usize).clamp(NETLINK_HEADER_LEN, rest.len())
            }
            None => rest.len(),
        }
    };
    let (echoed, after) = rest.split_at_checked(echoed_len).unwrap_or((rest, &[]));
    let padding = nla_align(echoed_len) - echoed_len;
    let tlvs = after.get(padding..).unwrap_or_default();
    let extended_ack = Box::new(ExtendedAck::parse(tlvs).context("extended ack")?);
    Ok(ErrorParts {
        code,
        echoed: echoed.to_vec(),
        extended_ack,
    })
}

/// Length of an `NLMSG_ERROR` payload with this echoed request and ack.
pub(crate) fn error_payload_len(echoed: &[u8], extended_ack: &ExtendedAck) -> usize {
    4 + nla_align(echoed.len()) + crate::Emitable::buffer_len(extended_ack)
}

/// Writes an `NLMSG_ERROR` payload.
pub(crate) fn emit_error_payload(
    buffer: &mut [u8],
    code: i32,
    echoed: &[u8],
    extended_ack: &ExtendedAck,
) {
    buffer[..4].copy_from_slice(&code.to_ne_bytes());
    let echoed_end = 4 + echoed.len();
    buffer[4..echoed_end].copy_from_slice(echoed);
    let tlv_start = 4 + nla_align(echoed.len());
    buffer[echoed_end..tlv_start].fill(0);
    let tlv_end = tlv_start + crate::Emitable::buffer_len(extended_ack);
    crate::Emitable::emit(extended_ack, &mut buffer[tlv_start..tlv_end]);
}
