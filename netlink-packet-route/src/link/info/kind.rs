//! Names of link kinds (`IFLA_INFO_KIND`).

use std::fmt;

macro_rules! kinds {
    ($($(#[$meta:meta])* $variant:ident = $name:literal,)*) => {
        /// The kind of a virtual device (`IFLA_INFO_KIND`, the `type` of
        /// `ip link add`). Kinds not listed here are kept by name.
        ///
        /// ```
        /// use netlink_packet_route::link::InfoKind;
        /// assert_eq!(InfoKind::from("veth"), InfoKind::Veth);
        /// assert_eq!(InfoKind::from("can").as_str(), "can");
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum InfoKind {
            $($(#[$meta])* #[doc = concat!("`", $name, "`")] $variant,)*
            /// Any other kind, by name.
            Other(String),
        }

        impl InfoKind {
            /// The kind name, as on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(InfoKind::$variant => $name,)*
                    InfoKind::Other(name) => name,
                }
            }
        }

        impl InfoKind {
            /// The known kind spelled by `name` (no allocation, no UTF-8
            /// check: a known name is ASCII).
            #[inline]
            pub(crate) fn known(name: &[u8]) -> Option<Self> {
                Some(match name {
                    $(n if n == $name.as_bytes() => InfoKind::$variant,)*
                    _ => return None,
                })
            }
        }

        impl From<&str> for InfoKind {
            fn from(name: &str) -> Self {
                match name {
                    $($name => InfoKind::$variant,)*
                    other => InfoKind::Other(other.to_owned()),
                }
            }
        }
    };
}

kinds! {
    Veth = "veth",
    Bridge = "bridge",
    MacVlan = "macvlan",
    MacVtap = "macvtap",
    IpVlan = "ipvlan",
    IpVtap = "ipvtap",
    Vlan = "vlan",
    Vxlan = "vxlan",
    Geneve = "geneve",
    Bond = "bond",
    Vrf = "vrf",
    Gre = "gre",
    GreTap = "gretap",
    Ip6Gre = "ip6gre",
    Ip6GreTap = "ip6gretap",
    Erspan = "erspan",
    Ip6Erspan = "ip6erspan",
    IpIp = "ipip",
    Sit = "sit",
    Ip6Tnl = "ip6tnl",
    Vti = "vti",
    Vti6 = "vti6",
    Xfrm = "xfrm",
    MacSec = "macsec",
    Hsr = "hsr",
    Tun = "tun",
    Wireguard = "wireguard",
    Ifb = "ifb",
    Dummy = "dummy",
    Netkit = "netkit",
}

impl From<String> for InfoKind {
    fn from(name: String) -> Self {
        match InfoKind::from(name.as_str()) {
            InfoKind::Other(_) => InfoKind::Other(name),
            known => known,
        }
    }
}

impl fmt::Display for InfoKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
