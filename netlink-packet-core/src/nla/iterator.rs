//! A zero-allocation iterator over the attributes of a byte slice.

use std::iter::FusedIterator;

use crate::nla::{nla_align, NlaBuffer, NLA_HEADER_SIZE, NLA_TYPE_MASK};
use crate::DecodeError;

/// Iterates over the attributes packed in a byte slice, yielding checked
/// [`NlaBuffer`] views that borrow the slice (no allocation).
///
/// Each yielded buffer spans exactly `length` bytes (header and value,
/// without padding). Padding after the last attribute may be missing. On a
/// malformed attribute the iterator yields one error, which says at which
/// offset and why, and then stops.
///
/// ```
/// use netlink_packet_core::{NlasIterator, parse_u32};
/// // IFLA_MTU (4) = 1500, then IFLA_IFNAME (3) = "lo"
/// let bytes = [8, 0, 4, 0, 0xdc, 0x05, 0, 0, 7, 0, 3, 0, b'l', b'o', 0];
/// let mut kinds = Vec::new();
/// for nla in NlasIterator::new(&bytes) {
///     let nla = nla.unwrap();
///     kinds.push(nla.kind());
///     if nla.kind() == 4 {
///         assert_eq!(parse_u32(nla.value()).unwrap(), 1500);
///     }
/// }
/// assert_eq!(kinds, [4, 3]);
/// ```
#[derive(Debug, Clone)]
pub struct NlasIterator<'a> {
    rest: &'a [u8],
    total_len: usize,
}

impl<'a> NlasIterator<'a> {
    /// An iterator over the attributes in `data`.
    #[inline]
    pub fn new(data: &'a [u8]) -> Self {
        NlasIterator {
            rest: data,
            total_len: data.len(),
        }
    }

    /// The bytes not consumed yet.
    pub fn remaining(&self) -> &'a [u8] {
        self.rest
    }

    #[cold]
    #[inline(never)]
    fn fail(&mut self) -> DecodeError {
        let rest = std::mem::take(&mut self.rest);
        let offset = self.total_len.saturating_sub(rest.len());
        let available = rest.len();
        match rest.first_chunk::<NLA_HEADER_SIZE>() {
            None => DecodeError::new(format!(
                "attribute at offset {offset}: expected at least {NLA_HEADER_SIZE} header bytes, got {available}"
            )),
            Some(header) => {
                let length = u16::from_ne_bytes([header[0], header[1]]);
                let kind = u16::from_ne_bytes([header[2], header[3]]) & NLA_TYPE_MASK;
                if usize::from(length) < NLA_HEADER_SIZE {
                    DecodeError::new(format!(
                        "attribute at offset {offset} (type {kind}): length field {length} is less than the header length {NLA_HEADER_SIZE}"
                    ))
                } else {
                    DecodeError::new(format!(
                        "attribute at offset {offset} (type {kind}): length field {length} exceeds the {available} bytes left"
                    ))
                }
            }
        }
    }
}

impl<'a> Iterator for NlasIterator<'a> {
    type Item = Result<NlaBuffer<&'a [u8]>, DecodeError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest;
        if let Some(header) = rest.first_chunk::<NLA_HEADER_SIZE>() {
            let length = usize::from(u16::from_ne_bytes([header[0], header[1]]));
            if length >= NLA_HEADER_SIZE {
                if let Some((nla, _)) = rest.split_at_checked(length) {
                    // Missing padding after the last attribute is tolerated.
                    self.rest = rest.get(nla_align(length)..).unwrap_or_default();
                    return Some(Ok(NlaBuffer::new(nla)));
                }
            }
        } else if rest.is_empty() {
            return None;
        }
        Some(Err(self.fail()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let remaining = self.rest.len();
        (
            usize::from(remaining != 0),
            Some(remaining.div_ceil(NLA_HEADER_SIZE)),
        )
    }
}

impl FusedIterator for NlasIterator<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(data: &[u8]) -> Vec<Result<(u16, Vec<u8>), String>> {
        NlasIterator::new(data)
            .map(|nla| {
                nla.map(|nla| (nla.raw_kind(), nla.value().to_vec()))
                    .map_err(|e| e.to_string())
            })
            .collect()
    }

    #[test]
    fn walks_padded_attributes() {
        let data = [
            5, 0, 1, 0, 0xaa, 0, 0, 0, 4, 0, 2, 0x80, 8, 0, 3, 0, 1, 2, 3, 4,
        ];
        assert_eq!(
            kinds(&data),
            vec![
                Ok((1, vec![0xaa])),
                Ok((0x8002, vec![])),
                Ok((3, vec![1, 2, 3, 4]))
            ]
        );
    }

    #[test]
    fn tolerates_missing_final_padding() {
        let data = [8, 0, 1, 0, 1, 2, 3, 4, 5, 0, 2, 0, 9];
        assert_eq!(
            kinds(&data),
            vec![Ok((1, vec![1, 2, 3, 4])), Ok((2, vec![9]))]
        );
    }

    #[test]
    fn empty_input_yields_nothing() {
        assert!(NlasIterator::new(&[]).next().is_none());
    }

    #[test]
    fn truncated_header_errors_then_stops() {
        let data = [4, 0, 1, 0, 9, 9];
        let mut iter = NlasIterator::new(&data);
        assert!(iter.next().unwrap().is_ok());
        assert_eq!(
            iter.next().unwrap().unwrap_err().to_string(),
            "attribute at offset 4: expected at least 4 header bytes, got 2"
        );
        assert!(iter.next().is_none());
    }

    #[test]
    fn bad_length_fields_error_with_offset_and_type() {
        assert_eq!(
            kinds(&[4, 0, 1, 0, 12, 0, 0x07, 0x80, 0, 0]),
            vec![
                Ok((1, vec![])),
                Err(
                    "attribute at offset 4 (type 7): length field 12 exceeds the 6 bytes left"
                        .into()
                )
            ]
        );
        assert_eq!(
            kinds(&[3, 0, 1, 0, 4, 0, 1, 0]),
            vec![Err(
                "attribute at offset 0 (type 1): length field 3 is less than the header length 4"
                    .into()
            )]
        );
    }
}
