//! Routing table ids (`RT_TABLE_*`).

/// `RT_TABLE_UNSPEC`
pub const RT_TABLE_UNSPEC: u32 = 0;
/// `RT_TABLE_COMPAT`: the value of the one-byte `rtm_table` when the real
/// table id (in `RTA_TABLE` / `FRA_TABLE`) does not fit a byte.
pub const RT_TABLE_COMPAT: u32 = 252;
/// `RT_TABLE_DEFAULT`
pub const RT_TABLE_DEFAULT: u32 = 253;
/// `RT_TABLE_MAIN`
pub const RT_TABLE_MAIN: u32 = 254;
/// `RT_TABLE_LOCAL`
pub const RT_TABLE_LOCAL: u32 = 255;

/// A routing table id (32 bits, as in `RTA_TABLE`), with names for the
/// reserved ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RouteTable(pub u32);

impl RouteTable {
    /// `RT_TABLE_UNSPEC` (0).
    pub const UNSPEC: RouteTable = RouteTable(RT_TABLE_UNSPEC);
    /// `RT_TABLE_COMPAT` (252).
    pub const COMPAT: RouteTable = RouteTable(RT_TABLE_COMPAT);
    /// `RT_TABLE_DEFAULT` (253).
    pub const DEFAULT: RouteTable = RouteTable(RT_TABLE_DEFAULT);
    /// `RT_TABLE_MAIN` (254).
    pub const MAIN: RouteTable = RouteTable(RT_TABLE_MAIN);
    /// `RT_TABLE_LOCAL` (255).
    pub const LOCAL: RouteTable = RouteTable(RT_TABLE_LOCAL);

    /// The name iproute2 uses for a reserved table (`"main"`, `"local"`,
    /// `"default"`, `"unspec"`), `None` for other ids.
    pub fn name(self) -> Option<&'static str> {
        match self.0 {
            RT_TABLE_UNSPEC => Some("unspec"),
            RT_TABLE_DEFAULT => Some("default"),
            RT_TABLE_MAIN => Some("main"),
            RT_TABLE_LOCAL => Some("local"),
            _ => None,
        }
    }

    /// The value for a one-byte header field (`rtm_table`, `frh_table`):
    /// the id itself if it fits, else `RT_TABLE_COMPAT`.
    pub fn header_byte(self) -> u8 {
        u8::try_from(self.0).unwrap_or(RT_TABLE_COMPAT as u8)
    }
}

impl From<u32> for RouteTable {
    fn from(id: u32) -> Self {
        RouteTable(id)
    }
}

impl From<RouteTable> for u32 {
    fn from(table: RouteTable) -> Self {
        table.0
    }
}

impl std::fmt::Display for RouteTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "{}", self.0),
        }
    }
}
