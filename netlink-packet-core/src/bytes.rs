//! Panic-free helpers for fixed-offset fields.

/// Writes `bytes` at `offset`.
///
/// # Panics
///
/// If `buf` is too short: emission into a too-short buffer is a caller bug.
#[inline]
pub(crate) fn write(buf: &mut [u8], offset: usize, bytes: &[u8]) {
    buf[offset..offset + bytes.len()].copy_from_slice(bytes);
}
