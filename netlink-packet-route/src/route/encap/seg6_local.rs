//! SRv6 local behaviours (`LWTUNNEL_ENCAP_SEG6_LOCAL`).

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::common::nla_codec::{
    nla_enum, Bytes, CString, Ipv4, Ipv6, Nested, NestedFlagged, U32As, U32Flags, U32, U64, U8,
};
use crate::common::numeric_enum::numeric_enum;
use crate::route::encap::srh::SrhCodec;
use crate::route::encap::Ipv6SrHeader;

/// `SEG6_LOCAL_ACTION`
pub const SEG6_LOCAL_ACTION: u16 = 1;
/// `SEG6_LOCAL_SRH`
pub const SEG6_LOCAL_SRH: u16 = 2;
/// `SEG6_LOCAL_TABLE`
pub const SEG6_LOCAL_TABLE: u16 = 3;
/// `SEG6_LOCAL_NH4`
pub const SEG6_LOCAL_NH4: u16 = 4;
/// `SEG6_LOCAL_NH6`
pub const SEG6_LOCAL_NH6: u16 = 5;
/// `SEG6_LOCAL_IIF`
pub const SEG6_LOCAL_IIF: u16 = 6;
/// `SEG6_LOCAL_OIF`
pub const SEG6_LOCAL_OIF: u16 = 7;
/// `SEG6_LOCAL_BPF`
pub const SEG6_LOCAL_BPF: u16 = 8;
/// `SEG6_LOCAL_VRFTABLE`
pub const SEG6_LOCAL_VRFTABLE: u16 = 9;
/// `SEG6_LOCAL_COUNTERS`
pub const SEG6_LOCAL_COUNTERS: u16 = 10;
/// `SEG6_LOCAL_FLAVORS`
pub const SEG6_LOCAL_FLAVORS: u16 = 11;

/// `SEG6_LOCAL_BPF_PROG`
pub const SEG6_LOCAL_BPF_PROG: u16 = 1;
/// `SEG6_LOCAL_BPF_PROG_NAME`
pub const SEG6_LOCAL_BPF_PROG_NAME: u16 = 2;

/// `SEG6_LOCAL_CNT_PAD`
pub const SEG6_LOCAL_CNT_PAD: u16 = 1;
/// `SEG6_LOCAL_CNT_PACKETS`
pub const SEG6_LOCAL_CNT_PACKETS: u16 = 2;
/// `SEG6_LOCAL_CNT_BYTES`
pub const SEG6_LOCAL_CNT_BYTES: u16 = 3;
/// `SEG6_LOCAL_CNT_ERRORS`
pub const SEG6_LOCAL_CNT_ERRORS: u16 = 4;

/// `SEG6_LOCAL_FLV_OPERATION`
pub const SEG6_LOCAL_FLV_OPERATION: u16 = 1;
/// `SEG6_LOCAL_FLV_LCBLOCK_BITS`
pub const SEG6_LOCAL_FLV_LCBLOCK_BITS: u16 = 2;
/// `SEG6_LOCAL_FLV_LCNODE_FN_BITS`
pub const SEG6_LOCAL_FLV_LCNODE_FN_BITS: u16 = 3;

numeric_enum! {
    /// An SRv6 local behaviour (`SEG6_LOCAL_ACTION_*`).
    pub enum Seg6LocalAction: u32 {
        /// `SEG6_LOCAL_ACTION_UNSPEC`
        Unspec = 0,
        /// `End`: node segment.
        End = 1,
        /// `End.X`: adjacency segment (IPv6 cross-connect).
        EndX = 2,
        /// `End.T`: lookup of the next segment in a table.
        EndT = 3,
        /// `End.DX2`: decapsulate and L2 cross-connect.
        EndDx2 = 4,
        /// `End.DX6`: decapsulate and IPv6 cross-connect.
        EndDx6 = 5,
        /// `End.DX4`: decapsulate and IPv4 cross-connect.
        EndDx4 = 6,
        /// `End.DT6`: decapsulate and look up in an IPv6 table.
        EndDt6 = 7,
        /// `End.DT4`: decapsulate and look up in an IPv4 table.
        EndDt4 = 8,
        /// `End.B6`: binding segment with insertion.
        EndB6 = 9,
        /// `End.B6.Encaps`: binding segment with encapsulation.
        EndB6Encap = 10,
        /// `End.BM`: binding segment with MPLS encapsulation.
        EndBm = 11,
        /// `End.S`: lookup of the last segment in a table.
        EndS = 12,
        /// `End.AS`: static proxy.
        EndAs = 13,
        /// `End.AM`: masquerading proxy.
        EndAm = 14,
        /// `End.BPF`: custom BPF behaviour.
        EndBpf = 15,
        /// `End.DT46`: decapsulate and look up in an IPv4 or IPv6 table.
        EndDt46 = 16,
    }
}

bitflags::bitflags! {
    /// SRv6 flavours of a behaviour (`1 << SEG6_LOCAL_FLV_OP_*`).
    /// Unknown bits are kept.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Seg6LocalFlavorOperations: u32 {
        /// `SEG6_LOCAL_FLV_OP_PSP`: penultimate segment pop.
        const PSP = 1 << 1;
        /// `SEG6_LOCAL_FLV_OP_USP`: ultimate segment pop.
        const USP = 1 << 2;
        /// `SEG6_LOCAL_FLV_OP_USD`: ultimate segment decapsulation.
        const USD = 1 << 3;
        /// `SEG6_LOCAL_FLV_OP_NEXT_CSID`: compressed SID (NEXT-C-SID).
        const NEXT_CSID = 1 << 4;
    }
}

nla_enum! {
    /// The BPF program of an `End.BPF` behaviour (`SEG6_LOCAL_BPF_PROG_*`).
    pub enum Seg6LocalBpfAttribute {
        /// `SEG6_LOCAL_BPF_PROG`: program fd (request) or id (dump).
        Program(u32) = SEG6_LOCAL_BPF_PROG: U32,
        /// `SEG6_LOCAL_BPF_PROG_NAME`
        Name(String) = SEG6_LOCAL_BPF_PROG_NAME: CString,
    }
}

nla_enum! {
    /// A counter of a behaviour (`SEG6_LOCAL_CNT_*`).
    pub enum Seg6LocalCounter {
        /// `SEG6_LOCAL_CNT_PAD`
        Pad(Vec<u8>) = SEG6_LOCAL_CNT_PAD: Bytes,
        /// `SEG6_LOCAL_CNT_PACKETS`
        Packets(u64) = SEG6_LOCAL_CNT_PACKETS: U64,
        /// `SEG6_LOCAL_CNT_BYTES`
        Bytes(u64) = SEG6_LOCAL_CNT_BYTES: U64,
        /// `SEG6_LOCAL_CNT_ERRORS`
        Errors(u64) = SEG6_LOCAL_CNT_ERRORS: U64,
    }
}

nla_enum! {
    /// The flavours of a behaviour (`SEG6_LOCAL_FLV_*`).
    pub enum Seg6LocalFlavor {
        /// `SEG6_LOCAL_FLV_OPERATION`
        Operations(Seg6LocalFlavorOperations) = SEG6_LOCAL_FLV_OPERATION: U32Flags<Seg6LocalFlavorOperations>,
        /// `SEG6_LOCAL_FLV_LCBLOCK_BITS`: locator block length in bits.
        LocatorBlockBits(u8) = SEG6_LOCAL_FLV_LCBLOCK_BITS: U8,
        /// `SEG6_LOCAL_FLV_LCNODE_FN_BITS`: locator node + function length in bits.
        LocatorNodeFunctionBits(u8) = SEG6_LOCAL_FLV_LCNODE_FN_BITS: U8,
    }
}

nla_enum! {
    /// An attribute of an SRv6 local behaviour (`SEG6_LOCAL_*`), as in
    /// `ip -6 route add fc00::1/128 encap seg6local action End.DT6 vrftable 100 dev vrf0`.
    pub enum Seg6LocalAttribute {
        /// `SEG6_LOCAL_ACTION`
        Action(Seg6LocalAction) = SEG6_LOCAL_ACTION: U32As<Seg6LocalAction>,
        /// `SEG6_LOCAL_SRH`
        Srh(Ipv6SrHeader) = SEG6_LOCAL_SRH: SrhCodec,
        /// `SEG6_LOCAL_TABLE`
        Table(u32) = SEG6_LOCAL_TABLE: U32,
        /// `SEG6_LOCAL_NH4`
        Nexthop4(Ipv4Addr) = SEG6_LOCAL_NH4: Ipv4,
        /// `SEG6_LOCAL_NH6`
        Nexthop6(Ipv6Addr) = SEG6_LOCAL_NH6: Ipv6,
        /// `SEG6_LOCAL_IIF`
        Iif(u32) = SEG6_LOCAL_IIF: U32,
        /// `SEG6_LOCAL_OIF`
        Oif(u32) = SEG6_LOCAL_OIF: U32,
        /// `SEG6_LOCAL_BPF`
        Bpf(Vec<Seg6LocalBpfAttribute>) = SEG6_LOCAL_BPF: Nested<Seg6LocalBpfAttribute>,
        /// `SEG6_LOCAL_VRFTABLE`
        VrfTable(u32) = SEG6_LOCAL_VRFTABLE: U32,
        /// `SEG6_LOCAL_COUNTERS`
        Counters(Vec<Seg6LocalCounter>) = SEG6_LOCAL_COUNTERS: NestedFlagged<Seg6LocalCounter>,
        /// `SEG6_LOCAL_FLAVORS`
        Flavors(Vec<Seg6LocalFlavor>) = SEG6_LOCAL_FLAVORS: NestedFlagged<Seg6LocalFlavor>,
    }
}
