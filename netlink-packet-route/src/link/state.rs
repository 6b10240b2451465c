//! Operational state (`IFLA_OPERSTATE`) and link mode (`IFLA_LINKMODE`).

use crate::link::codec::numeric_enum;

numeric_enum! {
    /// RFC 2863 operational state of a link (`IF_OPER_*`).
    pub enum OperState: u8 {
        /// `IF_OPER_UNKNOWN`
        Unknown = 0,
        /// `IF_OPER_NOTPRESENT`
        NotPresent = 1,
        /// `IF_OPER_DOWN`
        Down = 2,
        /// `IF_OPER_LOWERLAYERDOWN`
        LowerLayerDown = 3,
        /// `IF_OPER_TESTING`
        Testing = 4,
        /// `IF_OPER_DORMANT`
        Dormant = 5,
        /// `IF_OPER_UP`
        Up = 6,
    }
}

numeric_enum! {
    /// Link mode (`IF_LINK_MODE_*`).
    pub enum LinkMode: u8 {
        /// `IF_LINK_MODE_DEFAULT`
        Default = 0,
        /// `IF_LINK_MODE_DORMANT`: limit upward transition to dormant.
        Dormant = 1,
        /// `IF_LINK_MODE_TESTING`: limit upward transition to testing.
        Testing = 2,
    }
}

impl OperState {
    /// The name `ip link` prints (`UP`, `DOWN`, `LOWERLAYERDOWN`, ...), or
    /// `None` for an unknown number.
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            OperState::Unknown => "UNKNOWN",
            OperState::NotPresent => "NOTPRESENT",
            OperState::Down => "DOWN",
            OperState::LowerLayerDown => "LOWERLAYERDOWN",
            OperState::Testing => "TESTING",
            OperState::Dormant => "DORMANT",
            OperState::Up => "UP",
            OperState::Other(_) => return None,
        })
    }
}

impl LinkMode {
    /// The name `ip link` prints (`DEFAULT`, `DORMANT`, `TESTING`), or
    /// `None` for an unknown number.
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            LinkMode::Default => "DEFAULT",
            LinkMode::Dormant => "DORMANT",
            LinkMode::Testing => "TESTING",
            LinkMode::Other(_) => return None,
        })
    }
}
