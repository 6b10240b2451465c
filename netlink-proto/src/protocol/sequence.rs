//! Sequence numbers: a random start, wrapping, never 0, never one in use or
//! recently retired.

use std::{
    collections::{hash_map::RandomState, HashSet, VecDeque},
    hash::{BuildHasher, Hasher},
};

use super::id_hash::BuildIdHasher;

/// How many retired sequence numbers are remembered: late replies to them
/// are discarded rather than reported as notifications.
const RETIRED_CAPACITY: usize = 4096;

/// Hands out sequence numbers and remembers retired ones.
#[derive(Debug)]
pub(crate) struct Sequences {
    last: u32,
    retired: HashSet<u32, BuildIdHasher>,
    retired_order: VecDeque<u32>,
}

impl Sequences {
    /// Starts at a random point, so that two connections (or one reopened)
    /// do not reuse each other's numbers.
    pub(crate) fn new() -> Self {
        Self::starting_after(random_u32())
    }

    /// Starts right after `last` (tests use this to reach the wrap).
    pub(crate) fn starting_after(last: u32) -> Self {
        Sequences {
            last,
            retired: HashSet::default(),
            retired_order: VecDeque::new(),
        }
    }

    /// The next number after the last one that is not 0, not in use and not
    /// recently retired.
    pub(crate) fn allocate(&mut self, in_use: impl Fn(u32) -> bool) -> u32 {
        loop {
            self.last = self.last.wrapping_add(1);
            let candidate = self.last;
            if candidate != 0 && !in_use(candidate) && !self.retired.contains(&candidate) {
                return candidate;
            }
        }
    }

    /// Remembers that replies to `sequence` must be discarded from now on.
    pub(crate) fn retire(&mut self, sequence: u32) {
        if !self.retired.insert(sequence) {
            return;
        }
        self.retired_order.push_back(sequence);
        if self.retired_order.len() > RETIRED_CAPACITY {
            if let Some(oldest) = self.retired_order.pop_front() {
                self.retired.remove(&oldest);
            }
        }
    }

    /// Whether `sequence` was retired recently.
    pub(crate) fn is_retired(&self, sequence: u32) -> bool {
        self.retired.contains(&sequence)
    }
}

/// 32 random bits from the standard library's per-process random hash keys
/// (seeded from the operating system), without another dependency.
fn random_u32() -> u32 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(std::process::id().into());
    hasher.finish() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_zero_and_wraps() {
        let mut sequences = Sequences::starting_after(u32::MAX - 1);
        assert_eq!(sequences.allocate(|_| false), u32::MAX);
        assert_eq!(sequences.allocate(|_| false), 1);
        assert_eq!(sequences.allocate(|_| false), 2);
    }

    #[test]
    fn skips_numbers_in_use_and_retired() {
        let mut sequences = Sequences::starting_after(10);
        sequences.retire(12);
        assert_eq!(sequences.allocate(|s| s == 11), 13);
        assert!(sequences.is_retired(12));
        assert!(!sequences.is_retired(13));
    }

    #[test]
    fn retired_set_is_bounded() {
        let mut sequences = Sequences::starting_after(0);
        for sequence in 1..=(RETIRED_CAPACITY as u32 + 10) {
            sequences.retire(sequence);
        }
        assert_eq!(sequences.retired.len(), RETIRED_CAPACITY);
        assert!(!sequences.is_retired(1));
        assert!(sequences.is_retired(RETIRED_CAPACITY as u32 + 10));
    }

    #[test]
    fn starts_are_random() {
        let starts: HashSet<u32> = (0..8).map(|_| Sequences::new().last).collect();
        assert!(
            starts.len() > 1,
            "eight connections all started at {starts:?}"
        );
    }
}
