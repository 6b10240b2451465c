//! The owned message made of a fixed header and a list of attributes,
//! declared once: [`attribute_message!`] implements parsing from the
//! message's buffer view, emitting, and the common builder / check methods.

use netlink_packet_core::{
    check_nla_value_len, DecodeError, EmitError, ErrorContext, Nla, NlaBuffer,
};

use super::nla_list::{count_nlas, validated_nlas};

/// Decodes the attributes after a message header into a vector allocated
/// once. A framing error fails the message (with `message` as context);
/// `parse` decodes one attribute (object attribute parsers never fail: they
/// keep unknown and undecodable attributes raw).
#[inline]
pub(crate) fn parse_attributes<'a, A>(
    bytes: &'a [u8],
    message: &'static str,
    mut parse: impl FnMut(NlaBuffer<&'a [u8]>) -> Result<A, DecodeError>,
) -> Result<Vec<A>, DecodeError> {
    let mut attributes = Vec::with_capacity(count_nlas(bytes).context(message)?);
    for nla in validated_nlas(bytes) {
        attributes.push(parse(nla)?);
    }
    Ok(attributes)
}

/// Checks that every attribute fits its 16-bit length field.
pub(crate) fn validate_attributes<A: Nla>(attributes: &[A]) -> Result<(), EmitError> {
    attributes
        .iter()
        .try_for_each(|attribute| check_nla_value_len(attribute.kind(), attribute.value_len()))
}

/// Implements, for `$message { header: $header, attributes: Vec<$attribute> }`
/// whose payload is viewed by `$buffer` and whose header is `$len` bytes:
/// `Parseable<$buffer<&T>>` (or `ParseableParametrized<$buffer<&T>, P>`
/// with `parametrized by P`, the attributes being parsed with the
/// parameter), `Emitable`, and the methods `parse_payload`,
/// `with_attribute` and `validate`.
macro_rules! attribute_message {
    (
        $message:ident {
            header: $header:ident,
            attributes: $attribute:ident,
            buffer: $buffer:ident,
            header_len: $len:ident,
            name: $name:literal $(,)?
        }
    ) => {
        impl<'a, T: AsRef<[u8]> + ?Sized> netlink_packet_core::Parseable<$buffer<&'a T>>
            for $message
        {
            fn parse(buf: &$buffer<&'a T>) -> Result<Self, netlink_packet_core::DecodeError> {
                Ok($message {
                    header: <$header as netlink_packet_core::Parseable<_>>::parse(buf)?,
                    attributes: $crate::common::attribute_message::parse_attributes(
                        buf.attribute_bytes(),
                        $name,
                        |nla| <$attribute as netlink_packet_core::Parseable<_>>::parse(&nla),
                    )?,
                })
            }
        }

        $crate::common::attribute_message::attribute_message!(@common $message, $attribute, $buffer, $len);
    };
    (
        $message:ident {
            header: $header:ident,
            attributes: $attribute:ident,
            buffer: $buffer:ident,
            header_len: $len:ident,
            name: $name:literal,
            parametrized by $param:ty $(,)?
        }
    ) => {
        impl<'a, T: AsRef<[u8]> + ?Sized>
            netlink_packet_core::ParseableParametrized<$buffer<&'a T>, $param> for $message
        {
            fn parse_with_param(
                buf: &$buffer<&'a T>,
                param: $param,
            ) -> Result<Self, netlink_packet_core::DecodeError> {
                Ok($message {
                    header: <$header as netlink_packet_core::Parseable<_>>::parse(buf)?,
                    attributes: $crate::common::attribute_message::parse_attributes(
                        buf.attribute_bytes(),
                        $name,
                        |nla| {
                            <$attribute as netlink_packet_core::ParseableParametrized<_, $param>>::parse_with_param(&nla, param)
                        },
                    )?,
                })
            }
        }

        $crate::common::attribute_message::attribute_message!(@common $message, $attribute, $buffer, $len);
    };
    (@common $message:ident, $attribute:ident, $buffer:ident, $len:ident) => {
        impl $message {
            /// Parses a whole message payload: the header, then the
            /// attributes.
            pub fn parse_payload(payload: &[u8]) -> Result<Self, netlink_packet_core::DecodeError> {
                <Self as netlink_packet_core::Parseable<$buffer<&[u8]>>>::parse(
                    &$buffer::new_checked(payload)?,
                )
            }

            /// Appends an attribute (builder style).
            #[must_use]
            pub fn with_attribute(mut self, attribute: $attribute) -> Self {
                self.attributes.push(attribute);
                self
            }

            /// Checks that every attribute fits its 16-bit length field;
            /// call it before emitting a message built from untrusted sizes.
            pub fn validate(&self) -> Result<(), netlink_packet_core::EmitError> {
                $crate::common::attribute_message::validate_attributes(&self.attributes)
            }
        }

        impl netlink_packet_core::Emitable for $message {
            fn buffer_len(&self) -> usize {
                $len + netlink_packet_core::Emitable::buffer_len(self.attributes.as_slice())
            }

            fn emit(&self, buffer: &mut [u8]) {
                netlink_packet_core::Emitable::emit(&self.header, buffer);
                netlink_packet_core::Emitable::emit(self.attributes.as_slice(), &mut buffer[$len..]);
            }
        }
    };
}

pub(crate) use attribute_message;
