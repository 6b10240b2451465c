//! Neighbour cache entry states (`NUD_*`).

bitflags::bitflags! {
    /// The state of a neighbour entry (`ndm_state`, `NUD_*`). In requests
    /// and in `NDA_NDM_STATE_MASK` several bits can be combined. Unknown bits
    /// are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NeighbourState: u16 {
        /// `NUD_INCOMPLETE`: address resolution is in progress.
        const INCOMPLETE = 0x01;
        /// `NUD_REACHABLE`: confirmed reachable recently.
        const REACHABLE = 0x02;
        /// `NUD_STALE`: valid but not confirmed recently.
        const STALE = 0x04;
        /// `NUD_DELAY`: waiting before probing.
        const DELAY = 0x08;
        /// `NUD_PROBE`: probing.
        const PROBE = 0x10;
        /// `NUD_FAILED`: resolution failed.
        const FAILED = 0x20;
        /// `NUD_NOARP`: no resolution needed (pseudo state).
        const NOARP = 0x40;
        /// `NUD_PERMANENT`: static entry (pseudo state).
        const PERMANENT = 0x80;
    }
}

impl NeighbourState {
    /// `NUD_NONE`: no state.
    pub const NONE: NeighbourState = NeighbourState::empty();

    /// The names `ip -j neigh` prints for these states (`"REACHABLE"`, ...),
    /// in bit order; unknown bits are left out.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        self.iter_names().map(|(name, _)| name)
    }
}
