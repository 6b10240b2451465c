//! The attribute policy an extended ack reports (`NLMSGERR_ATTR_POLICY`).

use std::fmt;

use crate::nla::{Nla, NlaBuffer, NlasIterator, RawNla};
use crate::parse::{parse_i64, parse_u32, parse_u64};
use crate::{DecodeError, ErrorContext, Parseable};

/// `NL_POLICY_TYPE_ATTR_TYPE`: attribute type ([`PolicyAttributeType`]), u32.
pub const NL_POLICY_TYPE_ATTR_TYPE: u16 = 1;
/// `NL_POLICY_TYPE_ATTR_MIN_VALUE_S`: minimum signed value, s64.
pub const NL_POLICY_TYPE_ATTR_MIN_VALUE_S: u16 = 2;
/// `NL_POLICY_TYPE_ATTR_MAX_VALUE_S`: maximum signed value, s64.
pub const NL_POLICY_TYPE_ATTR_MAX_VALUE_S: u16 = 3;
/// `NL_POLICY_TYPE_ATTR_MIN_VALUE_U`: minimum unsigned value, u64.
pub const NL_POLICY_TYPE_ATTR_MIN_VALUE_U: u16 = 4;
/// `NL_POLICY_TYPE_ATTR_MAX_VALUE_U`: maximum unsigned value, u64.
pub const NL_POLICY_TYPE_ATTR_MAX_VALUE_U: u16 = 5;
/// `NL_POLICY_TYPE_ATTR_MIN_LENGTH`: minimum length of binary data, u32.
pub const NL_POLICY_TYPE_ATTR_MIN_LENGTH: u16 = 6;
/// `NL_POLICY_TYPE_ATTR_MAX_LENGTH`: maximum length of binary data, u32.
pub const NL_POLICY_TYPE_ATTR_MAX_LENGTH: u16 = 7;
/// `NL_POLICY_TYPE_ATTR_POLICY_IDX`: sub-policy of a nested attribute, u32.
pub const NL_POLICY_TYPE_ATTR_POLICY_IDX: u16 = 8;
/// `NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE`: highest attribute type of the
/// sub-policy, u32.
pub const NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE: u16 = 9;
/// `NL_POLICY_TYPE_ATTR_BITFIELD32_MASK`: valid bits of a bitfield32, u32.
pub const NL_POLICY_TYPE_ATTR_BITFIELD32_MASK: u16 = 10;
/// `NL_POLICY_TYPE_ATTR_PAD`: padding for 64-bit alignment.
pub const NL_POLICY_TYPE_ATTR_PAD: u16 = 11;
/// `NL_POLICY_TYPE_ATTR_MASK`: valid bits of an integer, u64.
pub const NL_POLICY_TYPE_ATTR_MASK: u16 = 12;

/// The type of an attribute as a policy describes it (`enum netlink_attribute_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PolicyAttributeType {
    /// `NL_ATTR_TYPE_INVALID`: the attribute is rejected.
    Invalid,
    /// `NL_ATTR_TYPE_FLAG`.
    Flag,
    /// `NL_ATTR_TYPE_U8`.
    U8,
    /// `NL_ATTR_TYPE_U16`.
    U16,
    /// `NL_ATTR_TYPE_U32`.
    U32,
    /// `NL_ATTR_TYPE_U64`.
    U64,
    /// `NL_ATTR_TYPE_S8`.
    S8,
    /// `NL_ATTR_TYPE_S16`.
    S16,
    /// `NL_ATTR_TYPE_S32`.
    S32,
    /// `NL_ATTR_TYPE_S64`.
    S64,
    /// `NL_ATTR_TYPE_BINARY`.
    Binary,
    /// `NL_ATTR_TYPE_STRING`.
    String,
    /// `NL_ATTR_TYPE_NUL_STRING`.
    NulString,
    /// `NL_ATTR_TYPE_NESTED`.
    Nested,
    /// `NL_ATTR_TYPE_NESTED_ARRAY`.
    NestedArray,
    /// `NL_ATTR_TYPE_BITFIELD32`.
    Bitfield32,
    /// `NL_ATTR_TYPE_SINT`.
    Sint,
    /// `NL_ATTR_TYPE_UINT`.
    Uint,
    /// A type this crate does not know.
    Other(u32),
}

impl From<u32> for PolicyAttributeType {
    fn from(value: u32) -> Self {
        use PolicyAttributeType::*;
        match value {
            0 => Invalid,
            1 => Flag,
            2 => U8,
            3 => U16,
            4 => U32,
            5 => U64,
            6 => S8,
            7 => S16,
            8 => S32,
            9 => S64,
            10 => Binary,
            11 => String,
            12 => NulString,
            13 => Nested,
            14 => NestedArray,
            15 => Bitfield32,
            16 => Sint,
            17 => Uint,
            other => Other(other),
        }
    }
}

impl From<PolicyAttributeType> for u32 {
    fn from(value: PolicyAttributeType) -> Self {
        use PolicyAttributeType::*;
        match value {
            Invalid => 0,
            Flag => 1,
            U8 => 2,
            U16 => 3,
            U32 => 4,
            U64 => 5,
            S8 => 6,
            S16 => 7,
            S32 => 8,
            S64 => 9,
            Binary => 10,
            String => 11,
            NulString => 12,
            Nested => 13,
            NestedArray => 14,
            Bitfield32 => 15,
            Sint => 16,
            Uint => 17,
            Other(other) => other,
        }
    }
}

/// One attribute of a policy (`NL_POLICY_TYPE_ATTR_*`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PolicyAttribute {
    /// The attribute type.
    Type(PolicyAttributeType),
    /// Minimum signed value.
    MinValueSigned(i64),
    /// Maximum signed value.
    MaxValueSigned(i64),
    /// Minimum unsigned value.
    MinValueUnsigned(u64),
    /// Maximum unsigned value.
    MaxValueUnsigned(u64),
    /// Minimum length of binary data.
    MinLength(u32),
    /// Maximum length of binary data.
    MaxLength(u32),
    /// Index of the sub-policy of a nested attribute.
    PolicyIndex(u32),
    /// Highest attribute type of the sub-policy.
    PolicyMaxType(u32),
    /// Valid bits of a bitfield32.
    Bitfield32Mask(u32),
    /// Valid bits of an integer.
    Mask(u64),
    /// Padding (kept for a byte-identical re-emit).
    Pad(Vec<u8>),
    /// An attribute this crate does not know.
    Other(RawNla),
}

impl Nla for PolicyAttribute {
    fn value_len(&self) -> usize {
        use PolicyAttribute::*;
        match self {
            Type(_) | MinLength(_) | MaxLength(_) | PolicyIndex(_) | PolicyMaxType(_)
            | Bitfield32Mask(_) => 4,
            MinValueSigned(_) | MaxValueSigned(_) | MinValueUnsigned(_) | MaxValueUnsigned(_)
            | Mask(_) => 8,
            Pad(bytes) => bytes.len(),
            Other(raw) => raw.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        use PolicyAttribute::*;
        match self {
            Type(_) => NL_POLICY_TYPE_ATTR_TYPE,
            MinValueSigned(_) => NL_POLICY_TYPE_ATTR_MIN_VALUE_S,
            MaxValueSigned(_) => NL_POLICY_TYPE_ATTR_MAX_VALUE_S,
            MinValueUnsigned(_) => NL_POLICY_TYPE_ATTR_MIN_VALUE_U,
            MaxValueUnsigned(_) => NL_POLICY_TYPE_ATTR_MAX_VALUE_U,
            MinLength(_) => NL_POLICY_TYPE_ATTR_MIN_LENGTH,
            MaxLength(_) => NL_POLICY_TYPE_ATTR_MAX_LENGTH,
            PolicyIndex(_) => NL_POLICY_TYPE_ATTR_POLICY_IDX,
            PolicyMaxType(_) => NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE,
            Bitfield32Mask(_) => NL_POLICY_TYPE_ATTR_BITFIELD32_MASK,
            Mask(_) => NL_POLICY_TYPE_ATTR_MASK,
            Pad(_) => NL_POLICY_TYPE_ATTR_PAD,
            Other(raw) => raw.kind(),
        }
    }

    fn is_nested(&self) -> bool {
        matches!(self, PolicyAttribute::Other(raw) if raw.is_nested())
    }

    fn is_network_byteorder(&self) -> bool {
        matches!(self, PolicyAttribute::Other(raw) if raw.is_network_byteorder())
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        use PolicyAttribute::*;
        match self {
            Type(kind) => buffer.copy_from_slice(&u32::from(*kind).to_ne_bytes()),
            MinLength(v) | MaxLength(v) | PolicyIndex(v) | PolicyMaxType(v) | Bitfield32Mask(v) => {
                buffer.copy_from_slice(&v.to_ne_bytes())
            }
            MinValueSigned(v) | MaxValueSigned(v) => buffer.copy_from_slice(&v.to_ne_bytes()),
            MinValueUnsigned(v) | MaxValueUnsigned(v) | Mask(v) => {
                buffer.copy_from_slice(&v.to_ne_bytes())
            }
            Pad(bytes) => buffer.copy_from_slice(bytes),
            Other(raw) => raw.emit_value(buffer),
        }
    }
}

impl<T: AsRef<[u8]> + ?Sized> Parseable<NlaBuffer<&T>> for PolicyAttribute {
    fn parse(buf: &NlaBuffer<&T>) -> Result<Self, DecodeError> {
        use PolicyAttribute::*;
        let value = buf.value();
        if buf.nested_flag() || buf.network_byte_order_flag() {
            return Ok(Other(RawNla::parse(buf)?));
        }
        Ok(match buf.kind() {
            NL_POLICY_TYPE_ATTR_TYPE => {
                Type(parse_u32(value).context("NL_POLICY_TYPE_ATTR_TYPE")?.into())
            }
            NL_POLICY_TYPE_ATTR_MIN_VALUE_S => {
                MinValueSigned(parse_i64(value).context("NL_POLICY_TYPE_ATTR_MIN_VALUE_S")?)
            }
            NL_POLICY_TYPE_ATTR_MAX_VALUE_S => {
                MaxValueSigned(parse_i64(value).context("NL_POLICY_TYPE_ATTR_MAX_VALUE_S")?)
            }
            NL_POLICY_TYPE_ATTR_MIN_VALUE_U => {
                MinValueUnsigned(parse_u64(value).context("NL_POLICY_TYPE_ATTR_MIN_VALUE_U")?)
            }
            NL_POLICY_TYPE_ATTR_MAX_VALUE_U => {
                MaxValueUnsigned(parse_u64(value).context("NL_POLICY_TYPE_ATTR_MAX_VALUE_U")?)
            }
            NL_POLICY_TYPE_ATTR_MIN_LENGTH => {
                MinLength(parse_u32(value).context("NL_POLICY_TYPE_ATTR_MIN_LENGTH")?)
            }
            NL_POLICY_TYPE_ATTR_MAX_LENGTH => {
                MaxLength(parse_u32(value).context("NL_POLICY_TYPE_ATTR_MAX_LENGTH")?)
            }
            NL_POLICY_TYPE_ATTR_POLICY_IDX => {
                PolicyIndex(parse_u32(value).context("NL_POLICY_TYPE_ATTR_POLICY_IDX")?)
            }
            NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE => {
                PolicyMaxType(parse_u32(value).context("NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE")?)
            }
            NL_POLICY_TYPE_ATTR_BITFIELD32_MASK => {
                Bitfield32Mask(parse_u32(value).context("NL_POLICY_TYPE_ATTR_BITFIELD32_MASK")?)
            }
            NL_POLICY_TYPE_ATTR_MASK => Mask(parse_u64(value).context("NL_POLICY_TYPE_ATTR_MASK")?),
            NL_POLICY_TYPE_ATTR_PAD => Pad(value.to_vec()),
            _ => Other(RawNla::parse(buf)?),
        })
    }
}

/// The policy of the attribute an error is about: what the kernel would
/// have accepted (`NLMSGERR_ATTR_POLICY`, nested `NL_POLICY_TYPE_ATTR_*`).
///
/// The attributes are kept in wire order so that the policy re-emits
/// byte-identically; the getters give the decoded values.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Policy {
    /// The policy attributes, in wire order.
    pub attributes: Vec<PolicyAttribute>,
}

macro_rules! policy_getter {
    ($($(#[$doc:meta])* $name:ident -> $ty:ty = $variant:ident;)*) => {$(
        $(#[$doc])*
        pub fn $name(&self) -> Option<$ty> {
            self.attributes.iter().find_map(|attribute| match attribute {
                PolicyAttribute::$variant(value) => Some(*value),
                _ => None,
            })
        }
    )*};
}

impl Policy {
    policy_getter! {
        /// The attribute type the policy expects.
        attribute_type -> PolicyAttributeType = Type;
        /// Minimum signed value.
        min_value_signed -> i64 = MinValueSigned;
        /// Maximum signed value.
        max_value_signed -> i64 = MaxValueSigned;
        /// Minimum unsigned value.
        min_value_unsigned -> u64 = MinValueUnsigned;
        /// Maximum unsigned value.
        max_value_unsigned -> u64 = MaxValueUnsigned;
        /// Minimum length of binary data.
        min_length -> u32 = MinLength;
        /// Maximum length of binary data.
        max_length -> u32 = MaxLength;
        /// Index of the sub-policy of a nested attribute.
        policy_index -> u32 = PolicyIndex;
        /// Highest attribute type of the sub-policy.
        policy_max_type -> u32 = PolicyMaxType;
        /// Valid bits of a bitfield32.
        bitfield32_mask -> u32 = Bitfield32Mask;
        /// Valid bits of an integer.
        mask -> u64 = Mask;
    }
}

impl Parseable<[u8]> for Policy {
    fn parse(buf: &[u8]) -> Result<Self, DecodeError> {
        let mut attributes = Vec::new();
        for nla in NlasIterator::new(buf) {
            attributes.push(PolicyAttribute::parse(&nla?)?);
        }
        Ok(Policy { attributes })
    }
}

impl fmt::Display for Policy {
    /// A short human description, such as `u8, range 0..=1` or
    /// `binary, length ..=16`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.attribute_type() {
            Some(PolicyAttributeType::Other(other)) => write!(f, "type {other}")?,
            Some(kind) => write!(f, "{}", format!("{kind:?}").to_lowercase())?,
            None => f.write_str("attribute")?,
        }
        let range = |f: &mut fmt::Formatter<'_>,
                     name: &str,
                     min: Option<String>,
                     max: Option<String>|
         -> fmt::Result {
            if min.is_none() && max.is_none() {
                return Ok(());
            }
            write!(
                f,
                ", {name} {}..={}",
                min.unwrap_or_default(),
                max.unwrap_or_default()
            )
        };
        range(
            f,
            "range",
            self.min_value_signed().map(|v| v.to_string()),
            self.max_value_signed().map(|v| v.to_string()),
        )?;
        range(
            f,
            "range",
            self.min_value_unsigned().map(|v| v.to_string()),
            self.max_value_unsigned().map(|v| v.to_string()),
        )?;
        range(
            f,
            "length",
            self.min_length().map(|v| v.to_string()),
            self.max_length().map(|v| v.to_string()),
        )?;
        if let Some(mask) = self.mask() {
            write!(f, ", mask {mask:#x}")?;
        }
        if let Some(mask) = self.bitfield32_mask() {
            write!(f, ", bitfield mask {mask:#x}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Emitable;

    #[test]
    fn parses_and_describes_a_range_policy() {
        let policy = Policy {
            attributes: vec![
                PolicyAttribute::MinValueUnsigned(0),
                PolicyAttribute::MaxValueUnsigned(1),
                PolicyAttribute::Type(PolicyAttributeType::U8),
            ],
        };
        let mut bytes = vec![0u8; policy.attributes.as_slice().buffer_len()];
        policy.attributes.as_slice().emit(&mut bytes);
        assert_eq!(bytes.len(), 12 + 12 + 8);
        let parsed = Policy::parse(&bytes[..]).unwrap();
        assert_eq!(parsed, policy);
        assert_eq!(parsed.attribute_type(), Some(PolicyAttributeType::U8));
        assert_eq!(parsed.max_value_unsigned(), Some(1));
        assert_eq!(parsed.to_string(), "u8, range 0..=1");
    }

    #[test]
    fn wrong_sized_value_is_a_precise_error() {
        let bytes = [6, 0, 1, 0, 1, 0, 0, 0];
        assert_eq!(
            Policy::parse(&bytes[..]).unwrap_err().to_string(),
            "NL_POLICY_TYPE_ATTR_TYPE: expected 4 bytes, got 2"
        );
    }

    #[test]
    fn type_numbers_round_trip() {
        for number in 0..20u32 {
            assert_eq!(u32::from(PolicyAttributeType::from(number)), number);
        }
        assert_eq!(PolicyAttributeType::from(10), PolicyAttributeType::Binary);
    }
}
