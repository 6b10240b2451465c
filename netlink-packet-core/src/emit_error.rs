//! Errors detected while building messages, before anything is emitted.

use crate::nla::NLA_HEADER_SIZE;

/// The largest value an attribute can carry: its 16-bit length field counts
/// the 4-byte header too.
pub const NLA_MAX_VALUE_LEN: usize = u16::MAX as usize - NLA_HEADER_SIZE;

/// A value that cannot be represented on the wire.
///
/// [`Emitable::emit`](crate::Emitable::emit) itself cannot fail; builders
/// check their input with these errors first (see [`check_nla_value_len`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmitError {
    /// An attribute value longer than its 16-bit length field can describe.
    #[error(
        "attribute type {kind}: value of {length} bytes exceeds the maximum of {max} bytes",
        max = NLA_MAX_VALUE_LEN
    )]
    AttributeTooLong {
        /// The attribute type (without flag bits).
        kind: u16,
        /// The value length that was asked for.
        length: usize,
    },
    /// A message longer than its 32-bit length field can describe.
    #[error("message of {length} bytes exceeds the 32-bit netlink length field")]
    MessageTooLong {
        /// The message length that was asked for.
        length: usize,
    },
}

/// Checks that an attribute of type `kind` can carry a value of `length`
/// bytes (at most [`NLA_MAX_VALUE_LEN`]). `kind` only labels the error.
///
/// ```
/// use netlink_packet_core::{check_nla_value_len, EmitError};
/// assert!(check_nla_value_len(3, 100).is_ok());
/// assert_eq!(
///     check_nla_value_len(3, 70_000),
///     Err(EmitError::AttributeTooLong { kind: 3, length: 70_000 })
/// );
/// ```
pub fn check_nla_value_len(kind: u16, length: usize) -> Result<(), EmitError> {
    if length > NLA_MAX_VALUE_LEN {
        return Err(EmitError::AttributeTooLong { kind, length });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_length_limit_is_exact() {
        assert_eq!(check_nla_value_len(1, 65531), Ok(()));
        assert_eq!(
            check_nla_value_len(1, 65532),
            Err(EmitError::AttributeTooLong {
                kind: 1,
                length: 65532
            })
        );
    }

    #[test]
    fn display_names_kind_and_length() {
        let text = EmitError::AttributeTooLong {
            kind: 7,
            length: 70000,
        }
        .to_string();
        assert_eq!(
            text,
            "attribute type 7: value of 70000 bytes exceeds the maximum of 65531 bytes"
        );
    }
}
