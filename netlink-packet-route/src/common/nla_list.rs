//! Crate-internal helpers to decode lists of attributes without waste.

use netlink_packet_core::{DecodeError, MalformedNla, NlaBuffer, NlasIterator};

/// Counts the attributes in `bytes`, validating their framing (the same
/// rules as [`NlasIterator`]: each length at least 4 and within the bytes
/// left, the last attribute may miss its padding).
#[inline]
pub(crate) fn count_nlas(bytes: &[u8]) -> Result<usize, DecodeError> {
    // Offsets rather than subslices: fewer instructions per attribute.
    let mut count = 0;
    let mut offset = 0;
    while let Some(&[l0, l1, _, _]) = bytes.get(offset..).and_then(<[u8]>::first_chunk::<4>) {
        let length = usize::from(u16::from_ne_bytes([l0, l1]));
        if length < 4 || length > bytes.len() - offset {
            return Err(framing_error(bytes));
        }
        count += 1;
        offset += (length + 3) & !3;
    }
    if offset >= bytes.len() {
        Ok(count)
    } else {
        Err(framing_error(bytes))
    }
}

/// The precise error of a badly framed attribute list.
#[cold]
#[inline(never)]
pub(crate) fn framing_error(bytes: &[u8]) -> DecodeError {
    NlasIterator::new(bytes)
        .find_map(Result::err)
        .unwrap_or_else(|| DecodeError::new("malformed attribute list"))
}

/// Whether the padding bytes after the attribute of `length` bytes (not a
/// multiple of 4) at `offset` in `bytes` are zero (those present, the last
/// attribute may miss them).
#[inline(always)]
fn padding_is_zero(bytes: &[u8], offset: usize, length: usize) -> bool {
    let word_start = offset + (length & !3);
    match bytes.get(word_start..).and_then(<[u8]>::first_chunk::<4>) {
        // The word holding the padding: drop its leading value bytes.
        Some(word) => u32::from_le_bytes(*word) >> (8 * (length & 3)) == 0,
        None => bytes
            .get(offset + length..)
            .unwrap_or_default()
            .iter()
            .take(4 - (length & 3))
            .all(|&byte| byte == 0),
    }
}

#[cold]
#[inline(never)]
fn nonzero_padding(offset: usize) -> DecodeError {
    DecodeError::new(format!(
        "attribute at offset {offset}: non-zero padding bytes (they would not re-emit)"
    ))
}

/// Walks attributes already validated by [`count_nlas`] (no error path).
#[inline]
pub(crate) fn validated_nlas(bytes: &[u8]) -> impl Iterator<Item = NlaBuffer<&[u8]>> {
    let mut offset = 0;
    std::iter::from_fn(move || {
        let &[l0, l1, _, _] = bytes.get(offset..)?.first_chunk::<4>()?;
        let length = usize::from(u16::from_ne_bytes([l0, l1]));
        let nla = bytes.get(offset..offset + length)?;
        offset += (length + 3) & !3;
        Some(NlaBuffer::new(nla))
    })
}

/// Decodes every attribute of `bytes` with `parse` into a vector allocated
/// once with the exact capacity (for a well-framed list). A framing error
/// (an attribute whose length field does not fit) fails the whole list;
/// `parse` itself is expected to keep undecodable values as its own
/// malformed variant.
///
/// One walk decodes and checks the framing (a cheap unchecked first walk
/// only sizes the vector), with the rules of [`count_nlas`].
#[inline]
pub(crate) fn parse_nla_list<'a, T>(
    bytes: &'a [u8],
    parse: impl FnMut(NlaBuffer<&'a [u8]>) -> T,
) -> Result<Vec<T>, DecodeError> {
    decode_nla_list::<_, false>(bytes, parse)
}

/// Decodes the attributes of a nest's value, refusing what could not re-emit
/// byte-identically: a value whose length is not a multiple of 4 (its last
/// attribute lacks the padding the kernel's `nla_nest_end` counts) or
/// non-zero padding bytes. The caller keeps such a nest raw with the error.
#[inline]
pub(crate) fn parse_nested_nla_list<'a, T>(
    bytes: &'a [u8],
    parse: impl FnMut(NlaBuffer<&'a [u8]>) -> T,
) -> Result<Vec<T>, DecodeError> {
    check_nest_alignment(bytes)?;
    decode_nla_list::<_, true>(bytes, parse)
}

/// The one walk behind [`parse_nla_list`] and [`parse_nested_nla_list`]:
/// decodes each attribute with `parse` while checking the framing (and
/// with `ZERO_PADDING` that the padding after each attribute is zero), into
/// a vector sized by a cheap unchecked first walk. A framing error anywhere
/// takes precedence over a padding error; either discards what was
/// decoded.
#[inline(always)]
fn decode_nla_list<'a, T, const ZERO_PADDING: bool>(
    bytes: &'a [u8],
    mut parse: impl FnMut(NlaBuffer<&'a [u8]>) -> T,
) -> Result<Vec<T>, DecodeError> {
    // Offsets rather than subslices: fewer instructions per attribute.
    let mut list = Vec::with_capacity(count_nlas_unchecked(bytes));
    let mut offset = 0;
    let mut bad_padding = None;
    while let Some(&[l0, l1, _, _]) = bytes.get(offset..).and_then(<[u8]>::first_chunk::<4>) {
        let length = usize::from(u16::from_ne_bytes([l0, l1]));
        let nla = match bytes.get(offset..offset + length) {
            Some(nla) if length >= 4 => nla,
            _ => return Err(framing_error(bytes)),
        };
        if ZERO_PADDING
            && length & 3 != 0
            && bad_padding.is_none()
            && !padding_is_zero(bytes, offset, length)
        {
            bad_padding = Some(offset);
        }
        list.push(parse(NlaBuffer::new(nla)));
        offset += (length + 3) & !3;
    }
    if offset < bytes.len() {
        return Err(framing_error(bytes));
    }
    match bad_padding {
        None => Ok(list),
        Some(offset) => Err(nonzero_padding(offset)),
    }
}

/// The number of attributes in `bytes` if they are well framed (at most a
/// quarter of the length otherwise), without checking the framing: to size
/// the list that a checking walk fills.
#[inline]
pub(crate) fn count_nlas_unchecked(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut offset = 0;
    while let Some(&[l0, l1, _, _]) = bytes.get(offset..).and_then(<[u8]>::first_chunk::<4>) {
        let length = usize::from(u16::from_ne_bytes([l0, l1])).max(4);
        count += 1;
        offset += (length + 3) & !3;
    }
    count
}

/// Checks that a nest's value ends with its last attribute's padding.
#[inline]
pub(crate) fn check_nest_alignment(bytes: &[u8]) -> Result<(), DecodeError> {
    if bytes.len() % 4 == 0 {
        Ok(())
    } else {
        Err(unpadded(bytes.len()))
    }
}

#[cold]
#[inline(never)]
fn unpadded(len: usize) -> DecodeError {
    DecodeError::new(format!(
        "nested attributes of {len} bytes: the last attribute lacks its padding"
    ))
}

/// Builds the boxed malformed record of an attribute that failed to decode.
#[cold]
#[inline(never)]
pub(crate) fn malformed(
    nla: &NlaBuffer<&[u8]>,
    error: DecodeError,
    name: &str,
) -> Box<MalformedNla> {
    Box::new(MalformedNla::new(nla, error.context(name)))
}

/// Finds the value of the first attribute of exactly type `raw_kind`
/// (flag bits included), without allocating. Framing errors end the search.
#[inline]
pub(crate) fn find_nla(bytes: &[u8], raw_kind: u16) -> Option<&[u8]> {
    NlasIterator::new(bytes)
        .map_while(Result::ok)
        .find(|nla| nla.raw_kind() == raw_kind)
        .map(NlaBuffer::into_value)
}
