//! Address families (`AF_*`), as the first byte of many messages.

use std::fmt;

/// `AF_UNSPEC`: Unspecified.
pub const AF_UNSPEC: u8 = 0;
/// `AF_UNIX`: Local (Unix) sockets.
pub const AF_UNIX: u8 = 1;
/// `AF_INET`: IPv4.
pub const AF_INET: u8 = 2;
/// `AF_AX25`: Amateur radio AX.25.
pub const AF_AX25: u8 = 3;
/// `AF_IPX`: Novell IPX.
pub const AF_IPX: u8 = 4;
/// `AF_APPLETALK`: AppleTalk DDP.
pub const AF_APPLETALK: u8 = 5;
/// `AF_NETROM`: Amateur radio NET/ROM.
pub const AF_NETROM: u8 = 6;
/// `AF_BRIDGE`: Multiprotocol bridge.
pub const AF_BRIDGE: u8 = 7;
/// `AF_ATMPVC`: ATM PVCs.
pub const AF_ATMPVC: u8 = 8;
/// `AF_X25`: X.25.
pub const AF_X25: u8 = 9;
/// `AF_INET6`: IPv6.
pub const AF_INET6: u8 = 10;
/// `AF_ROSE`: Amateur radio X.25 PLP.
pub const AF_ROSE: u8 = 11;
/// `AF_DECNET`: DECnet.
pub const AF_DECNET: u8 = 12;
/// `AF_NETBEUI`: 802.2LLC.
pub const AF_NETBEUI: u8 = 13;
/// `AF_SECURITY`: Security callback pseudo family.
pub const AF_SECURITY: u8 = 14;
/// `AF_KEY`: PF_KEY key management.
pub const AF_KEY: u8 = 15;
/// `AF_NETLINK`: Netlink.
pub const AF_NETLINK: u8 = 16;
/// `AF_PACKET`: Packet family.
pub const AF_PACKET: u8 = 17;
/// `AF_ASH`: Ash.
pub const AF_ASH: u8 = 18;
/// `AF_ECONET`: Acorn Econet.
pub const AF_ECONET: u8 = 19;
/// `AF_ATMSVC`: ATM SVCs.
pub const AF_ATMSVC: u8 = 20;
/// `AF_RDS`: RDS sockets.
pub const AF_RDS: u8 = 21;
/// `AF_SNA`: Linux SNA.
pub const AF_SNA: u8 = 22;
/// `AF_IRDA`: IrDA.
pub const AF_IRDA: u8 = 23;
/// `AF_PPPOX`: PPPoX.
pub const AF_PPPOX: u8 = 24;
/// `AF_WANPIPE`: Wanpipe API.
pub const AF_WANPIPE: u8 = 25;
/// `AF_LLC`: Linux LLC.
pub const AF_LLC: u8 = 26;
/// `AF_IB`: Native InfiniBand address.
pub const AF_IB: u8 = 27;
/// `AF_MPLS`: MPLS.
pub const AF_MPLS: u8 = 28;
/// `AF_CAN`: Controller Area Network.
pub const AF_CAN: u8 = 29;
/// `AF_TIPC`: TIPC.
pub const AF_TIPC: u8 = 30;
/// `AF_BLUETOOTH`: Bluetooth.
pub const AF_BLUETOOTH: u8 = 31;
/// `AF_IUCV`: IUCV.
pub const AF_IUCV: u8 = 32;
/// `AF_RXRPC`: RxRPC.
pub const AF_RXRPC: u8 = 33;
/// `AF_ISDN`: mISDN.
pub const AF_ISDN: u8 = 34;
/// `AF_PHONET`: Phonet.
pub const AF_PHONET: u8 = 35;
/// `AF_IEEE802154`: IEEE 802.15.4.
pub const AF_IEEE802154: u8 = 36;
/// `AF_CAIF`: CAIF.
pub const AF_CAIF: u8 = 37;
/// `AF_ALG`: Algorithm (crypto API).
pub const AF_ALG: u8 = 38;
/// `AF_NFC`: NFC.
pub const AF_NFC: u8 = 39;
/// `AF_VSOCK`: vSockets.
pub const AF_VSOCK: u8 = 40;
/// `AF_KCM`: Kernel Connection Multiplexor.
pub const AF_KCM: u8 = 41;
/// `AF_QIPCRTR`: Qualcomm IPC Router.
pub const AF_QIPCRTR: u8 = 42;
/// `AF_SMC`: SMC sockets.
pub const AF_SMC: u8 = 43;
/// `AF_XDP`: XDP sockets.
pub const AF_XDP: u8 = 44;
/// `AF_MCTP`: Management Component Transport Protocol.
pub const AF_MCTP: u8 = 45;

/// An address family (`AF_*`), as carried in the family byte of route,
/// address, neighbour and many other messages. Unknown values are kept.
///
/// ```
/// use netlink_packet_core::AddressFamily;
/// assert_eq!(AddressFamily::from(10), AddressFamily::Inet6);
/// assert_eq!(u8::from(AddressFamily::Inet), 2);
/// assert_eq!(AddressFamily::from(200), AddressFamily::Other(200));
/// assert_eq!(AddressFamily::Inet6.to_string(), "inet6");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum AddressFamily {
    /// `AF_UNSPEC` (0): Unspecified.
    #[default]
    Unspec,
    /// `AF_UNIX` (1): Local (Unix) sockets.
    Unix,
    /// `AF_INET` (2): IPv4.
    Inet,
    /// `AF_AX25` (3): Amateur radio AX.25.
    Ax25,
    /// `AF_IPX` (4): Novell IPX.
    Ipx,
    /// `AF_APPLETALK` (5): AppleTalk DDP.
    Appletalk,
    /// `AF_NETROM` (6): Amateur radio NET/ROM.
    Netrom,
    /// `AF_BRIDGE` (7): Multiprotocol bridge.
    Bridge,
    /// `AF_ATMPVC` (8): ATM PVCs.
    Atmpvc,
    /// `AF_X25` (9): X.25.
    X25,
    /// `AF_INET6` (10): IPv6.
    Inet6,
    /// `AF_ROSE` (11): Amateur radio X.25 PLP.
    Rose,
    /// `AF_DECNET` (12): DECnet.
    Decnet,
    /// `AF_NETBEUI` (13): 802.2LLC.
    Netbeui,
    /// `AF_SECURITY` (14): Security callback pseudo family.
    Security,
    /// `AF_KEY` (15): PF_KEY key management.
    Key,
    /// `AF_NETLINK` (16): Netlink.
    Netlink,
    /// `AF_PACKET` (17): Packet family.
    Packet,
    /// `AF_ASH` (18): Ash.
    Ash,
    /// `AF_ECONET` (19): Acorn Econet.
    Econet,
    /// `AF_ATMSVC` (20): ATM SVCs.
    Atmsvc,
    /// `AF_RDS` (21): RDS sockets.
    Rds,
    /// `AF_SNA` (22): Linux SNA.
    Sna,
    /// `AF_IRDA` (23): IrDA.
    Irda,
    /// `AF_PPPOX` (24): PPPoX.
    Pppox,
    /// `AF_WANPIPE` (25): Wanpipe API.
    Wanpipe,
    /// `AF_LLC` (26): Linux LLC.
    Llc,
    /// `AF_IB` (27): Native InfiniBand address.
    Ib,
    /// `AF_MPLS` (28): MPLS.
    Mpls,
    /// `AF_CAN` (29): Controller Area Network.
    Can,
    /// `AF_TIPC` (30): TIPC.
    Tipc,
    /// `AF_BLUETOOTH` (31): Bluetooth.
    Bluetooth,
    /// `AF_IUCV` (32): IUCV.
    Iucv,
    /// `AF_RXRPC` (33): RxRPC.
    Rxrpc,
    /// `AF_ISDN` (34): mISDN.
    Isdn,
    /// `AF_PHONET` (35): Phonet.
    Phonet,
    /// `AF_IEEE802154` (36): IEEE 802.15.4.
    Ieee802154,
    /// `AF_CAIF` (37): CAIF.
    Caif,
    /// `AF_ALG` (38): Algorithm (crypto API).
    Alg,
    /// `AF_NFC` (39): NFC.
    Nfc,
    /// `AF_VSOCK` (40): vSockets.
    Vsock,
    /// `AF_KCM` (41): Kernel Connection Multiplexor.
    Kcm,
    /// `AF_QIPCRTR` (42): Qualcomm IPC Router.
    Qipcrtr,
    /// `AF_SMC` (43): SMC sockets.
    Smc,
    /// `AF_XDP` (44): XDP sockets.
    Xdp,
    /// `AF_MCTP` (45): Management Component Transport Protocol.
    Mctp,
    /// Any other value (for example `RTNL_FAMILY_IPMR`, 128).
    Other(u8),
}

impl From<u8> for AddressFamily {
    fn from(value: u8) -> Self {
        match value {
            AF_UNSPEC => AddressFamily::Unspec,
            AF_UNIX => AddressFamily::Unix,
            AF_INET => AddressFamily::Inet,
            AF_AX25 => AddressFamily::Ax25,
            AF_IPX => AddressFamily::Ipx,
            AF_APPLETALK => AddressFamily::Appletalk,
            AF_NETROM => AddressFamily::Netrom,
            AF_BRIDGE => AddressFamily::Bridge,
            AF_ATMPVC => AddressFamily::Atmpvc,
            AF_X25 => AddressFamily::X25,
            AF_INET6 => AddressFamily::Inet6,
            AF_ROSE => AddressFamily::Rose,
            AF_DECNET => AddressFamily::Decnet,
            AF_NETBEUI => AddressFamily::Netbeui,
            AF_SECURITY => AddressFamily::Security,
            AF_KEY => AddressFamily::Key,
            AF_NETLINK => AddressFamily::Netlink,
            AF_PACKET => AddressFamily::Packet,
            AF_ASH => AddressFamily::Ash,
            AF_ECONET => AddressFamily::Econet,
            AF_ATMSVC => AddressFamily::Atmsvc,
            AF_RDS => AddressFamily::Rds,
            AF_SNA => AddressFamily::Sna,
            AF_IRDA => AddressFamily::Irda,
            AF_PPPOX => AddressFamily::Pppox,
            AF_WANPIPE => AddressFamily::Wanpipe,
            AF_LLC => AddressFamily::Llc,
            AF_IB => AddressFamily::Ib,
            AF_MPLS => AddressFamily::Mpls,
            AF_CAN => AddressFamily::Can,
            AF_TIPC => AddressFamily::Tipc,
            AF_BLUETOOTH => AddressFamily::Bluetooth,
            AF_IUCV => AddressFamily::Iucv,
            AF_RXRPC => AddressFamily::Rxrpc,
            AF_ISDN => AddressFamily::Isdn,
            AF_PHONET => AddressFamily::Phonet,
            AF_IEEE802154 => AddressFamily::Ieee802154,
            AF_CAIF => AddressFamily::Caif,
            AF_ALG => AddressFamily::Alg,
            AF_NFC => AddressFamily::Nfc,
            AF_VSOCK => AddressFamily::Vsock,
            AF_KCM => AddressFamily::Kcm,
            AF_QIPCRTR => AddressFamily::Qipcrtr,
            AF_SMC => AddressFamily::Smc,
            AF_XDP => AddressFamily::Xdp,
            AF_MCTP => AddressFamily::Mctp,
            other => AddressFamily::Other(other),
        }
    }
}

impl From<AddressFamily> for u8 {
    fn from(value: AddressFamily) -> Self {
        match value {
            AddressFamily::Unspec => AF_UNSPEC,
            AddressFamily::Unix => AF_UNIX,
            AddressFamily::Inet => AF_INET,
            AddressFamily::Ax25 => AF_AX25,
            AddressFamily::Ipx => AF_IPX,
            AddressFamily::Appletalk => AF_APPLETALK,
            AddressFamily::Netrom => AF_NETROM,
            AddressFamily::Bridge => AF_BRIDGE,
            AddressFamily::Atmpvc => AF_ATMPVC,
            AddressFamily::X25 => AF_X25,
            AddressFamily::Inet6 => AF_INET6,
            AddressFamily::Rose => AF_ROSE,
            AddressFamily::Decnet => AF_DECNET,
            AddressFamily::Netbeui => AF_NETBEUI,
            AddressFamily::Security => AF_SECURITY,
            AddressFamily::Key => AF_KEY,
            AddressFamily::Netlink => AF_NETLINK,
            AddressFamily::Packet => AF_PACKET,
            AddressFamily::Ash => AF_ASH,
            AddressFamily::Econet => AF_ECONET,
            AddressFamily::Atmsvc => AF_ATMSVC,
            AddressFamily::Rds => AF_RDS,
            AddressFamily::Sna => AF_SNA,
            AddressFamily::Irda => AF_IRDA,
            AddressFamily::Pppox => AF_PPPOX,
            AddressFamily::Wanpipe => AF_WANPIPE,
            AddressFamily::Llc => AF_LLC,
            AddressFamily::Ib => AF_IB,
            AddressFamily::Mpls => AF_MPLS,
            AddressFamily::Can => AF_CAN,
            AddressFamily::Tipc => AF_TIPC,
            AddressFamily::Bluetooth => AF_BLUETOOTH,
            AddressFamily::Iucv => AF_IUCV,
            AddressFamily::Rxrpc => AF_RXRPC,
            AddressFamily::Isdn => AF_ISDN,
            AddressFamily::Phonet => AF_PHONET,
            AddressFamily::Ieee802154 => AF_IEEE802154,
            AddressFamily::Caif => AF_CAIF,
            AddressFamily::Alg => AF_ALG,
            AddressFamily::Nfc => AF_NFC,
            AddressFamily::Vsock => AF_VSOCK,
            AddressFamily::Kcm => AF_KCM,
            AddressFamily::Qipcrtr => AF_QIPCRTR,
            AddressFamily::Smc => AF_SMC,
            AddressFamily::Xdp => AF_XDP,
            AddressFamily::Mctp => AF_MCTP,
            AddressFamily::Other(other) => other,
        }
    }
}

impl fmt::Display for AddressFamily {
    /// The iproute2 style name (`inet`, `inet6`, `bridge`, ...), or the
    /// number for unknown values.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddressFamily::Other(other) => write!(f, "{other}"),
            known => f.write_str(&format!("{known:?}").to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_round_trips() {
        for value in 0..=u8::MAX {
            assert_eq!(u8::from(AddressFamily::from(value)), value);
        }
        assert_eq!(AddressFamily::from(AF_MCTP), AddressFamily::Mctp);
        assert_eq!(AddressFamily::from(46), AddressFamily::Other(46));
    }
}
