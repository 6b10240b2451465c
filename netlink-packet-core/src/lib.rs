#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod address_family;
mod buffer;
mod bytes;
mod constants;
mod control;
mod datagram;
mod emit_error;
mod error;
mod flags;
mod header;
mod message;
mod payload;
mod raw_message;
mod traits;

pub mod emit;
pub mod nla;
pub mod parse;

pub use address_family::*;
pub use buffer::NetlinkBuffer;
pub use constants::*;
pub use control::*;
pub use datagram::DatagramMessages;
pub use emit_error::{check_nla_value_len, EmitError, NLA_MAX_VALUE_LEN};
pub use error::{DecodeError, ErrorContext};
pub use flags::NetlinkFlags;
pub use header::NetlinkHeader;
pub use message::NetlinkMessage;
pub use nla::*;
pub use parse::*;
pub use payload::NetlinkPayload;
pub use raw_message::RawMessage;
pub use traits::{
    Emitable, NetlinkDeserializable, NetlinkSerializable, Parseable, ParseableParametrized,
};
