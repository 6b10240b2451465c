//! Who created an address (`IFA_PROTO`, `IFAPROT_*`).

use crate::common::numeric_enum::numeric_enum;

numeric_enum! {
    /// The originator of an address (`IFA_PROTO`, `IFAPROT_*`). Userspace
    /// may use other numbers; they are kept as `Other`.
    #[derive(Default)]
    pub enum AddressProtocol: u8 {
        /// `IFAPROT_UNSPEC`
        #[default]
        Unspec = 0,
        /// `IFAPROT_KERNEL_LO`: the loopback address, set by the kernel.
        KernelLoopback = 1,
        /// `IFAPROT_KERNEL_RA`: set by the kernel from a router advertisement.
        KernelRouterAdvertisement = 2,
        /// `IFAPROT_KERNEL_LL`: a link-local address set by the kernel.
        KernelLinkLocal = 3,
    }
}
