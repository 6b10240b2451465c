//! Decoding errors with a readable context chain.

use std::borrow::Cow;
use std::fmt;

/// Why and where decoding some bytes failed.
///
/// The error carries a message (the innermost reason) and a chain of
/// context entries added on the way out, so that it displays as
/// `route message > RTA_MULTIPATH > nexthop #2 > RTA_GATEWAY: expected 4 or 16 bytes, got 3`.
///
/// It is one pointer wide, so `Result<T, DecodeError>` stays small on the hot
/// path.
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError(Box<Inner>);

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    message: Cow<'static, str>,
    /// Context entries, innermost first.
    context: Vec<String>,
}

impl DecodeError {
    /// A new error with the given reason and no context yet.
    pub fn new(message: impl Into<Cow<'static, str>>) -> Self {
        DecodeError(Box::new(Inner {
            message: message.into(),
            context: Vec::new(),
        }))
    }

    /// A new error whose reason is the display text of another error.
    pub fn from_error(error: &(dyn std::error::Error + 'static)) -> Self {
        DecodeError::new(error.to_string())
    }

    /// Wraps the error in one more (outer) context entry.
    #[must_use]
    pub fn context(mut self, context: impl fmt::Display) -> Self {
        self.0.context.push(context.to_string());
        self
    }

    /// The innermost reason, without context.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The context entries, outermost first.
    pub fn contexts(&self) -> impl Iterator<Item = &str> {
        self.0.context.iter().rev().map(String::as_str)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, context) in self.contexts().enumerate() {
            if index > 0 {
                f.write_str(" > ")?;
            }
            f.write_str(context)?;
        }
        if !self.0.context.is_empty() {
            f.write_str(": ")?;
        }
        f.write_str(&self.0.message)
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DecodeError")
            .field(&self.to_string())
            .finish()
    }
}

impl std::error::Error for DecodeError {}

impl From<&'static str> for DecodeError {
    fn from(message: &'static str) -> Self {
        DecodeError::new(message)
    }
}

impl From<String> for DecodeError {
    fn from(message: String) -> Self {
        DecodeError::new(message)
    }
}

/// Adds context to the error of a `Result<T, DecodeError>`.
///
/// ```
/// use netlink_packet_core::{parse_u32, ErrorContext};
/// let err = parse_u32(&[1, 2, 3]).context("IFLA_MTU").unwrap_err();
/// assert_eq!(err.to_string(), "IFLA_MTU: expected 4 bytes, got 3");
/// ```
pub trait ErrorContext<T> {
    /// Adds `context` as the outermost context entry if this is an error.
    fn context<C: fmt::Display>(self, context: C) -> Result<T, DecodeError>;

    /// Like [`ErrorContext::context`], computing the context only on error.
    fn with_context<C: fmt::Display, F: FnOnce() -> C>(self, context: F) -> Result<T, DecodeError>;
}

impl<T> ErrorContext<T> for Result<T, DecodeError> {
    fn context<C: fmt::Display>(self, context: C) -> Result<T, DecodeError> {
        self.map_err(|error| error.context(context))
    }

    fn with_context<C: fmt::Display, F: FnOnce() -> C>(self, context: F) -> Result<T, DecodeError> {
        self.map_err(|error| error.context(context()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_shows_chain_outermost_first() {
        let error = DecodeError::new("expected 4 or 16 bytes, got 3")
            .context("RTA_GATEWAY")
            .context("nexthop #2")
            .context("RTA_MULTIPATH")
            .context("route message");
        assert_eq!(
            error.to_string(),
            "route message > RTA_MULTIPATH > nexthop #2 > RTA_GATEWAY: expected 4 or 16 bytes, got 3"
        );
        assert_eq!(error.message(), "expected 4 or 16 bytes, got 3");
        assert_eq!(error.contexts().next(), Some("route message"));
    }

    #[test]
    fn display_without_context_is_the_message() {
        assert_eq!(DecodeError::new("bad").to_string(), "bad");
        assert_eq!(
            format!("{:?}", DecodeError::new("bad")),
            "DecodeError(\"bad\")"
        );
    }

    #[test]
    fn result_context_only_touches_errors() {
        let ok: Result<u8, DecodeError> = Ok(1);
        assert_eq!(ok.with_context(|| -> String { unreachable!() }), Ok(1));
        let err: Result<u8, DecodeError> = Err("inner".into());
        assert_eq!(
            err.context("outer").unwrap_err().to_string(),
            "outer: inner"
        );
    }

    #[test]
    fn error_is_one_pointer_wide() {
        assert_eq!(
            std::mem::size_of::<DecodeError>(),
            std::mem::size_of::<usize>()
        );
    }
}
