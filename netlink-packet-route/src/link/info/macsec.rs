//! `macsec` configuration (`IFLA_MACSEC_*`).

use crate::link::codec::{attribute_set, numeric_enum};

numeric_enum! {
    /// Frame validation mode (`MACSEC_VALIDATE_*`).
    pub enum MacSecValidation: u8 {
        /// `MACSEC_VALIDATE_DISABLED`
        Disabled = 0,
        /// `MACSEC_VALIDATE_CHECK`
        Check = 1,
        /// `MACSEC_VALIDATE_STRICT`
        Strict = 2,
    }
}

attribute_set! {
    /// One attribute of the `IFLA_INFO_DATA` of a `macsec` device
    /// (`IFLA_MACSEC_*`).
    pub enum InfoMacSec {
        /// Secure channel identifier (MAC address and port, network order).
        Sci(u64, Be) = IFLA_MACSEC_SCI(1),
        /// Port number (network order).
        Port(u16, Be) = IFLA_MACSEC_PORT(2),
        /// Integrity check value length.
        IcvLen(u8, Ne) = IFLA_MACSEC_ICV_LEN(3),
        /// Cipher suite id.
        CipherSuite(u64, Ne) = IFLA_MACSEC_CIPHER_SUITE(4),
        /// Replay protection window.
        Window(u32, Ne) = IFLA_MACSEC_WINDOW(5),
        /// Encoding security association.
        EncodingSa(u8, Ne) = IFLA_MACSEC_ENCODING_SA(6),
        /// Encryption.
        Encrypt(u8, Ne) = IFLA_MACSEC_ENCRYPT(7),
        /// Frame protection.
        Protect(u8, Ne) = IFLA_MACSEC_PROTECT(8),
        /// Include the SCI in frames.
        IncludeSci(u8, Ne) = IFLA_MACSEC_INC_SCI(9),
        /// End station.
        EndStation(u8, Ne) = IFLA_MACSEC_ES(10),
        /// Single copy broadcast.
        Scb(u8, Ne) = IFLA_MACSEC_SCB(11),
        /// Replay protection.
        ReplayProtect(u8, Ne) = IFLA_MACSEC_REPLAY_PROTECT(12),
        /// Validation mode.
        Validation(MacSecValidation, Val) = IFLA_MACSEC_VALIDATION(13),
        /// Alignment padding.
        Pad(Vec<u8>, Bytes) = IFLA_MACSEC_PAD(14),
        /// Offload (0 off, 1 PHY, 2 MAC).
        Offload(u8, Ne) = IFLA_MACSEC_OFFLOAD(15),
    }
}
