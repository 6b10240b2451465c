//! XDP program state of a device (`IFLA_XDP`).

use crate::link::codec::{attribute_set, numeric_enum};

numeric_enum! {
    /// How XDP programs are attached (`XDP_ATTACHED_*`).
    pub enum XdpAttached: u8 {
        /// `XDP_ATTACHED_NONE`
        None = 0,
        /// `XDP_ATTACHED_DRV`: native (driver) mode.
        Driver = 1,
        /// `XDP_ATTACHED_SKB`: generic mode.
        Skb = 2,
        /// `XDP_ATTACHED_HW`: offloaded to hardware.
        Hardware = 3,
        /// `XDP_ATTACHED_MULTI`: several modes at once.
        Multi = 4,
    }
}

attribute_set! {
    /// One attribute nested in `IFLA_XDP` (`IFLA_XDP_*`).
    pub enum XdpAttribute {
        /// File descriptor of the program to attach (requests; -1 detaches).
        Fd(i32, Ne) = IFLA_XDP_FD(1),
        /// Attachment mode.
        Attached(XdpAttached, Val) = IFLA_XDP_ATTACHED(2),
        /// `XDP_FLAGS_*` of the attachment.
        Flags(u32, Ne) = IFLA_XDP_FLAGS(3),
        /// Id of the attached program (single mode).
        ProgId(u32, Ne) = IFLA_XDP_PROG_ID(4),
        /// Id of the driver-mode program.
        DrvProgId(u32, Ne) = IFLA_XDP_DRV_PROG_ID(5),
        /// Id of the generic-mode program.
        SkbProgId(u32, Ne) = IFLA_XDP_SKB_PROG_ID(6),
        /// Id of the hardware-offloaded program.
        HwProgId(u32, Ne) = IFLA_XDP_HW_PROG_ID(7),
        /// File descriptor of the program expected to be replaced (requests).
        ExpectedFd(i32, Ne) = IFLA_XDP_EXPECTED_FD(8),
    }
}
