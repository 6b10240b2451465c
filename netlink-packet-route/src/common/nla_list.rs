//! Crate-internal helpers to decode lists of attributes without waste.

use netlink_packet_core::{DecodeError, MalformedNla, NlaBuffer, NlasIterator};

/// Counts the attributes in `bytes`, validating their framing (the same
/// rules as [`NlasIterator`]: each length at least 4 and within the bytes
/// left, the last attribute may miss its padding).
#[inline]
pub(crate) fn count_nlas(bytes: &[u8]) -> Result<usize, DecodeError> {
    let mut count = 0;
    let mut rest = bytes;
    while let Some(header) = rest.first_chunk::<4>() {
        let length = usize::from(u16::from_ne_bytes([header[0], header[1]]));
        if length < 4 || length > rest.len() {
            return Err(framing_error(bytes));
        }
        count += 1;
        rest = rest.get((length + 3) & !3..).unwrap_or_default();
    }
    if rest.is_empty() {
        Ok(count)
    } else {
        Err(framing_error(bytes))
    }
}

/// The precise error of a badly framed attribute list.
#[cold]
#[inline(never)]
fn framing_error(bytes: &[u8]) -> DecodeError {
    NlasIterator::new(bytes)
        .find_map(Result::err)
        .unwrap_or_else(|| DecodeError::new("malformed attribute list"))
}

/// Checks that the padding after every attribute of an already framed list
/// is zero, as the kernel writes it. Emitting always pads with zeros, so a
/// nest with other padding bytes could not re-emit byte-identically; its
/// caller keeps such a nest raw instead.
#[inline]
pub(crate) fn check_zero_padding(bytes: &[u8]) -> Result<(), DecodeError> {
    let mut offset = 0;
    while let Some(header) = bytes.get(offset..).and_then(<[u8]>::first_chunk::<4>) {
        let length = usize::from(u16::from_ne_bytes([header[0], header[1]]));
        let end = offset.saturating_add(length.max(4));
        let aligned = (end + 3) & !3;
        if aligned != end {
            let padding = bytes.get(end..aligned.min(bytes.len())).unwrap_or_default();
            if padding.iter().any(|&byte| byte != 0) {
                return Err(nonzero_padding(offset));
            }
        }
        offset = aligned;
    }
    Ok(())
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
    let mut rest = bytes;
    std::iter::from_fn(move || {
        let header = rest.first_chunk::<4>()?;
        let length = usize::from(u16::from_ne_bytes([header[0], header[1]]));
        let nla = rest.get(..length)?;
        rest = rest.get((length + 3) & !3..).unwrap_or_default();
        Some(NlaBuffer::new(nla))
    })
}

/// Decodes every attribute of `bytes` with `parse` into a vector allocated
/// once with the exact capacity. A framing error (an attribute whose length
/// field does not fit) fails the whole list; `parse` itself is expected to
/// keep undecodable values as its own malformed variant.
#[inline]
pub(crate) fn parse_nla_list<'a, T>(
    bytes: &'a [u8],
    mut parse: impl FnMut(NlaBuffer<&'a [u8]>) -> T,
) -> Result<Vec<T>, DecodeError> {
    let mut list = Vec::with_capacity(count_nlas(bytes)?);
    for nla in validated_nlas(bytes) {
        list.push(parse(nla));
    }
    Ok(list)
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
