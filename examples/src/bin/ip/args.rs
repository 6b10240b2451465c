//! A tiny argument cursor.

use std::{collections::VecDeque, str::FromStr};

/// The remaining command-line words.
pub struct Args {
    words: VecDeque<String>,
}

impl Args {
    pub fn from_env() -> Self {
        Args {
            words: std::env::args().skip(1).collect(),
        }
    }

    pub fn next(&mut self) -> Option<String> {
        self.words.pop_front()
    }

    /// The next word, or an error naming what was expected.
    pub fn value(&mut self, what: &str) -> Result<String, String> {
        self.next().ok_or_else(|| format!("missing {what}"))
    }

    /// The next word parsed as `T`.
    pub fn parse<T: FromStr>(&mut self, what: &str) -> Result<T, String>
    where
        T::Err: std::fmt::Display,
    {
        let word = self.value(what)?;
        word.parse()
            .map_err(|error| format!("invalid {what} \"{word}\": {error}"))
    }
}
