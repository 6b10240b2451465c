//! A list of nested attributes that remembers how it was flagged on the wire.

use std::ops::{Deref, DerefMut};

use netlink_packet_core::{Emitable, Nla};

/// The attributes nested inside one attribute, in wire order.
///
/// Besides the attributes, it records whether the enclosing attribute carried
/// the `NLA_F_NESTED` flag: the kernel sets it on some nests and not on others
/// (`IFLA_LINKINFO` and `IFLA_AF_SPEC` come without it, `IFLA_PROP_LIST` and
/// bridge `IFLA_PROTINFO` with it), and userspace tools differ too. Keeping
/// the flag makes parse → emit byte-identical.
///
/// It dereferences to the `Vec` of attributes, so it can be iterated, indexed
/// and pushed to like one. Built from a `Vec` (or an iterator) it sets the
/// flag, which the kernel always accepts for a nest.
///
/// ```
/// use netlink_packet_route::link::{Nested, PropListAttribute};
/// let mut names: Nested<PropListAttribute> =
///     vec![PropListAttribute::AltIfName("uplink".into())].into();
/// names.push(PropListAttribute::AltIfName("wan".into()));
/// assert_eq!(names.len(), 2);
/// assert!(names.nested_flag);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Nested<T> {
    /// The nested attributes, in wire order.
    pub attributes: Vec<T>,
    /// Whether the enclosing attribute carries `NLA_F_NESTED`.
    pub nested_flag: bool,
}

impl<T> Nested<T> {
    /// A nest of `attributes`, flagged with `NLA_F_NESTED`.
    pub fn new(attributes: Vec<T>) -> Self {
        Nested {
            attributes,
            nested_flag: true,
        }
    }

    /// A nest of `attributes` with the given `NLA_F_NESTED` flag.
    pub fn with_flag(attributes: Vec<T>, nested_flag: bool) -> Self {
        Nested {
            attributes,
            nested_flag,
        }
    }
}

impl<T> Default for Nested<T> {
    fn default() -> Self {
        Nested::new(Vec::new())
    }
}

impl<T> Deref for Nested<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.attributes
    }
}

impl<T> DerefMut for Nested<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.attributes
    }
}

impl<T> From<Vec<T>> for Nested<T> {
    fn from(attributes: Vec<T>) -> Self {
        Nested::new(attributes)
    }
}

impl<T> FromIterator<T> for Nested<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Nested::new(iter.into_iter().collect())
    }
}

impl<'a, T> IntoIterator for &'a Nested<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.attributes.iter()
    }
}

impl<T> IntoIterator for Nested<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.attributes.into_iter()
    }
}

impl<T: Nla> Nested<T> {
    /// Length of the nest's value: the emitted attributes with padding.
    pub fn value_len(&self) -> usize {
        self.attributes.as_slice().buffer_len()
    }

    /// Writes the nested attributes back to back.
    pub fn emit_value(&self, buffer: &mut [u8]) {
        self.attributes.as_slice().emit(buffer)
    }
}
