//! Address flags (`IFA_F_*`).

bitflags::bitflags! {
    /// Address flags (`IFA_F_*`) as carried by the 32-bit `IFA_FLAGS`
    /// attribute, which extends (and, when present, replaces) the one-byte
    /// `ifa_flags` of the header. Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct AddressFlags: u32 {
        /// `IFA_F_SECONDARY`: a secondary IPv4 address (same value as
        /// [`AddressFlags::TEMPORARY`]).
        const SECONDARY = 0x01;
        /// `IFA_F_TEMPORARY`: an IPv6 privacy (temporary) address.
        const TEMPORARY = 0x01;
        /// `IFA_F_NODAD`: skip duplicate address detection.
        const NODAD = 0x02;
        /// `IFA_F_OPTIMISTIC`: optimistic DAD.
        const OPTIMISTIC = 0x04;
        /// `IFA_F_DADFAILED`: duplicate address detection failed.
        const DADFAILED = 0x08;
        /// `IFA_F_HOMEADDRESS`: a Mobile IPv6 home address.
        const HOMEADDRESS = 0x10;
        /// `IFA_F_DEPRECATED`: the preferred lifetime is over.
        const DEPRECATED = 0x20;
        /// `IFA_F_TENTATIVE`: duplicate address detection is running.
        const TENTATIVE = 0x40;
        /// `IFA_F_PERMANENT`: configured, not learnt (no lifetime).
        const PERMANENT = 0x80;
        /// `IFA_F_MANAGETEMPADDR`: create temporary addresses from this one.
        const MANAGETEMPADDR = 0x100;
        /// `IFA_F_NOPREFIXROUTE`: do not add a prefix route.
        const NOPREFIXROUTE = 0x200;
        /// `IFA_F_MCAUTOJOIN`: join the multicast group of this address.
        const MCAUTOJOIN = 0x400;
        /// `IFA_F_STABLE_PRIVACY`: an RFC 7217 stable privacy address.
        const STABLE_PRIVACY = 0x800;
    }
}

bitflags::bitflags! {
    /// The one-byte `ifa_flags` of the address header: the low eight
    /// `IFA_F_*` bits. Flags above `0x80` only exist in the `IFA_FLAGS`
    /// attribute ([`AddressFlags`]). Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct AddressHeaderFlags: u8 {
        /// `IFA_F_SECONDARY` / `IFA_F_TEMPORARY`.
        const SECONDARY = AddressFlags::SECONDARY.bits() as u8;
        /// `IFA_F_NODAD`.
        const NODAD = AddressFlags::NODAD.bits() as u8;
        /// `IFA_F_OPTIMISTIC`.
        const OPTIMISTIC = AddressFlags::OPTIMISTIC.bits() as u8;
        /// `IFA_F_DADFAILED`.
        const DADFAILED = AddressFlags::DADFAILED.bits() as u8;
        /// `IFA_F_HOMEADDRESS`.
        const HOMEADDRESS = AddressFlags::HOMEADDRESS.bits() as u8;
        /// `IFA_F_DEPRECATED`.
        const DEPRECATED = AddressFlags::DEPRECATED.bits() as u8;
        /// `IFA_F_TENTATIVE`.
        const TENTATIVE = AddressFlags::TENTATIVE.bits() as u8;
        /// `IFA_F_PERMANENT`.
        const PERMANENT = AddressFlags::PERMANENT.bits() as u8;
    }
}

impl From<AddressHeaderFlags> for AddressFlags {
    fn from(flags: AddressHeaderFlags) -> Self {
        AddressFlags::from_bits_retain(u32::from(flags.bits()))
    }
}

impl AddressFlags {
    /// The low eight bits, as the one-byte header field carries them.
    pub fn header_flags(self) -> AddressHeaderFlags {
        AddressHeaderFlags::from_bits_retain((self.bits() & 0xff) as u8)
    }
}
