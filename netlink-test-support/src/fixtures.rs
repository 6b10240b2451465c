//! Loader for the real-kernel captures in `fixtures/kernel-6.18`.
//!
//! The fixtures are byte-exact recordings of netlink exchanges with a Linux
//! 6.18 kernel, described by `manifest.json` (see `fixtures/kernel-6.18/README.md`).
//! This module reads the manifest once, loads every file it names, checks each
//! file's size and SHA-256 against the manifest, and hands out [`Entry`] values:
//!
//! ```
//! use netlink_test_support::fixtures;
//!
//! let entry = fixtures::entry("rtnl_newaddr_enodev_extack");
//! assert_eq!(entry.protocol, "NETLINK_ROUTE");
//! assert_eq!(entry.response_datagrams().len(), 1);
//! let error = &entry.errors[0];
//! assert_eq!(error.errno, "ENODEV");
//! assert_eq!(error.ext_ack.as_ref().and_then(|a| a.msg.as_deref()), Some("ipv4: Device not found"));
//! ```
//!
//! Loading problems (a missing file, a size or digest mismatch, a manifest that
//! does not have the documented shape) panic with the file and the reason: a
//! test cannot go on without its fixtures.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::sha256::sha256_hex;

/// Directory of the fixture set, relative to this crate's manifest directory.
const FIXTURE_SET: &str = "../fixtures/kernel-6.18";

/// The fixture directory (`<workspace>/fixtures/kernel-6.18`).
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_SET)
}

/// The whole parsed `manifest.json` (environment, setup commands, oracle list, ...).
pub fn manifest() -> &'static Value {
    &loaded().manifest
}

/// Every captured exchange, in manifest order.
pub fn entries() -> &'static [Entry] {
    &loaded().entries
}

/// The entry called `name`; panics (listing the known names) if there is none.
pub fn entry(name: &str) -> &'static Entry {
    find_entry(name).unwrap_or_else(|| {
        let names: Vec<&str> = entries().iter().map(|entry| entry.name.as_str()).collect();
        panic!("no fixture entry named {name:?}; known entries: {names:?}")
    })
}

/// The entry called `name`, if the manifest has one.
pub fn find_entry(name: &str) -> Option<&'static Entry> {
    entries().iter().find(|entry| entry.name == name)
}

/// The entries whose `protocol` is `protocol` (for example `"NETLINK_ROUTE"`).
pub fn entries_for_protocol(protocol: &str) -> impl Iterator<Item = &'static Entry> + '_ {
    entries()
        .iter()
        .filter(move |entry| entry.protocol == protocol)
}

/// The generic netlink family id the kernel had assigned to `family` during the
/// capture (family ids are dynamic; the manifest records them).
pub fn genl_family_id(family: &str) -> Option<u16> {
    let families = manifest().get("genl_families")?.as_object()?;
    families
        .iter()
        .find(|(_, name)| name.as_str() == Some(family))
        .and_then(|(id, _)| id.parse().ok())
}

/// The parsed JSON output of the oracle command called `name` (for example
/// `"ip_link"` for `ip -j -d link show` of the captured state).
///
/// Panics if there is no such oracle, or if it is a text oracle (see [`oracle_text`]).
pub fn oracle(name: &str) -> Value {
    let info = oracle_info(name);
    if info.format != "json" || !info.json_valid {
        panic!(
            "oracle {name:?} ({}) is not valid JSON (format {:?}); use fixtures::oracle_text",
            info.command, info.format
        );
    }
    let text = oracle_text(name);
    serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("oracle {name:?} ({}): invalid JSON: {error}", info.file))
}

/// The raw output of the oracle command called `name`, as text.
pub fn oracle_text(name: &str) -> String {
    let info = oracle_info(name);
    let bytes = read_checked(&info.file, info.bytes, &info.sha256);
    String::from_utf8(bytes)
        .unwrap_or_else(|error| panic!("oracle {name:?} ({}): not UTF-8: {error}", info.file))
}

/// What the manifest says about the oracle called `name`; panics if there is none.
pub fn oracle_info(name: &str) -> &'static OracleInfo {
    loaded()
        .oracles
        .iter()
        .find(|oracle| oracle.name == name)
        .unwrap_or_else(|| {
            let names: Vec<&str> = loaded().oracles.iter().map(|o| o.name.as_str()).collect();
            panic!("no oracle named {name:?}; known oracles: {names:?}")
        })
}

/// Every oracle the manifest lists.
pub fn oracles() -> &'static [OracleInfo] {
    &loaded().oracles
}

/// What kind of exchange an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An `NLM_F_DUMP` request and its multipart reply.
    Dump,
    /// A non-dump request and its reply, ACK or error.
    Request,
    /// Multicast notifications received while other requests ran (no request;
    /// the "response" is the events stream).
    Multicast,
}

impl Kind {
    /// The manifest spelling (`"dump"`, `"request"`, `"multicast"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Dump => "dump",
            Kind::Request => "request",
            Kind::Multicast => "multicast",
        }
    }
}

/// Socket options the capturing socket had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SocketOptions {
    /// `NETLINK_EXT_ACK` was on.
    pub ext_ack: bool,
    /// `NETLINK_CAP_ACK` was on.
    pub cap_ack: bool,
    /// `NETLINK_GET_STRICT_CHK` was on.
    pub strict_check: bool,
}

/// One netlink message of a request file, as the manifest describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestMessage {
    /// Byte offset of the message in the request file.
    pub offset: usize,
    /// `nlmsg_len`.
    pub len: usize,
    /// `nlmsg_type`.
    pub message_type: u16,
    /// Symbolic type (`RTM_GETLINK`, or `<family>/<command>` for generic netlink).
    pub type_name: String,
    /// `nlmsg_flags`.
    pub flags: u16,
    /// Symbolic flag names (`REQUEST`, `DUMP`, ...).
    pub flag_names: Vec<String>,
    /// `nlmsg_seq`.
    pub seq: u32,
    /// `nlmsg_pid`.
    pub pid: u32,
}

/// The header of the request that an error or ACK echoes (`orig` in the manifest).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EchoedHeader {
    /// `nlmsg_len` of the original request.
    pub len: u32,
    /// `nlmsg_type` of the original request.
    pub message_type: u16,
    /// `nlmsg_flags` of the original request.
    pub flags: u16,
    /// `nlmsg_seq` of the original request.
    pub seq: u32,
}

/// The decoded extended ACK TLVs the manifest records (`ext_ack`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExpectedExtAck {
    /// `NLMSGERR_ATTR_MSG`: the message text.
    pub msg: Option<String>,
    /// `NLMSGERR_ATTR_OFFS`: offset of the offending attribute in the echoed
    /// request (counted from the start of the request's netlink header).
    pub offs: Option<u32>,
    /// `NLMSGERR_ATTR_POLICY`: the attribute types present in the nested policy.
    pub policy: Option<Vec<u16>>,
    /// `NLMSGERR_ATTR_MISS_TYPE`.
    pub miss_type: Option<u32>,
    /// `NLMSGERR_ATTR_MISS_NEST`.
    pub miss_nest: Option<u32>,
    /// `NLMSGERR_ATTR_COOKIE`, decoded from hex.
    pub cookie: Option<Vec<u8>>,
}

/// An `NLMSG_ERROR` message of a reply, decoded by the capture script
/// (`errors` in the manifest). ACKs are included, with `error == 0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedError {
    /// `nlmsg_seq` of the error message.
    pub seq: u32,
    /// The error code as on the wire: a negative errno, or 0 for an ACK.
    pub error: i32,
    /// Symbolic errno (`ENODEV`, ..., `OK` for an ACK).
    pub errno: String,
    /// The message had `NLM_F_CAPPED` (only the request header is echoed).
    pub capped: bool,
    /// The message had `NLM_F_ACK_TLVS` (extended ACK TLVs follow).
    pub ack_tlvs: bool,
    /// The echoed request header.
    pub orig: EchoedHeader,
    /// The extended ACK, if any TLVs were present.
    pub ext_ack: Option<ExpectedExtAck>,
}

impl ExpectedError {
    /// Whether this is an ACK (error code 0) rather than an error.
    pub fn is_ack(&self) -> bool {
        self.error == 0
    }
}

/// An `NLMSG_DONE` that carried an error code or extended ACK (`done_errors`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedDone {
    /// `nlmsg_seq` of the done message.
    pub seq: u32,
    /// The code in the done payload (negative errno, or 0).
    pub error: i32,
    /// Symbolic errno (`EINVAL`, ..., `OK`).
    pub errno: String,
    /// The extended ACK it carried, if any.
    pub ext_ack: Option<ExpectedExtAck>,
}

/// One captured exchange of the manifest, with its files loaded.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Unique name (`rtnl_getlink_dump`, ...).
    pub name: String,
    /// Netlink protocol name (`NETLINK_ROUTE`, `NETLINK_GENERIC`, ...).
    pub protocol: String,
    /// Netlink protocol number, as `netlink_sys::protocols` spells it (0 for route).
    pub protocol_num: isize,
    /// What kind of exchange this is.
    pub kind: Kind,
    /// What was captured, in words.
    pub description: String,
    /// Namespace the capture ran in (`fxa-main` or `<initial>`).
    pub netns: String,
    /// Options of the capturing socket.
    pub sockopts: SocketOptions,
    /// Port id of the capturing socket (replies carry it as `nlmsg_pid`).
    pub portid: u32,
    /// Multicast groups the socket had joined (multicast entries only).
    pub groups: Vec<u32>,
    /// Bytes of the one `sendto()` of the request; `None` for multicast captures.
    pub request: Option<Vec<u8>>,
    /// The request's messages as the manifest lists them (empty without a request).
    pub request_messages: Vec<RequestMessage>,
    /// Every received datagram concatenated: the reply, or for a multicast
    /// capture the notifications (`.events.bin`).
    pub response: Vec<u8>,
    /// Sizes of the received datagrams, in arrival order; they add up to
    /// `response.len()`.
    pub datagram_sizes: Vec<usize>,
    /// Number of netlink messages in `response`.
    pub message_count: usize,
    /// Number of messages of each type name in `response`.
    pub message_types: BTreeMap<String, usize>,
    /// Every `NLMSG_ERROR` (errors and ACKs) of the response, decoded.
    pub errors: Vec<ExpectedError>,
    /// Every `NLMSG_DONE` that carried an error or extended ACK, decoded.
    pub done_errors: Vec<ExpectedDone>,
    /// Names of the request entries whose effects produced these notifications
    /// (multicast entries only).
    pub triggers: Vec<String>,
    /// Free-form notes of the capture script, if any.
    pub notes: Option<String>,
    /// The entry's raw manifest JSON, for anything not surfaced above.
    pub json: Value,
}

impl Entry {
    /// The response split into its datagrams, as each `recv()` returned them.
    pub fn response_datagrams(&self) -> Vec<&[u8]> {
        let mut datagrams = Vec::with_capacity(self.datagram_sizes.len());
        let mut rest = self.response.as_slice();
        for &size in &self.datagram_sizes {
            // Sizes were checked against the file length at load time.
            let (datagram, tail) = rest.split_at(size);
            datagrams.push(datagram);
            rest = tail;
        }
        datagrams
    }

    /// Whether the response holds multicast notifications rather than a reply.
    pub fn is_multicast(&self) -> bool {
        self.kind == Kind::Multicast
    }

    /// The one expected error/ACK of a request entry; panics unless there is
    /// exactly one.
    pub fn expected_error(&self) -> &ExpectedError {
        match self.errors.as_slice() {
            [only] => only,
            other => panic!(
                "fixture {:?} has {} NLMSG_ERROR messages, expected exactly one",
                self.name,
                other.len()
            ),
        }
    }
}

/// What the manifest says about one oracle file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OracleInfo {
    /// Name used with [`oracle`] / [`oracle_text`] (`ip_link`, ...).
    pub name: String,
    /// Path relative to the fixture directory (`oracle/ip_link.json`).
    pub file: String,
    /// The command that produced it.
    pub command: String,
    /// Its exit code.
    pub rc: i64,
    /// `"json"` or `"text"`.
    pub format: String,
    /// Whether the file parses as JSON.
    pub json_valid: bool,
    /// File size in bytes.
    pub bytes: usize,
    /// SHA-256 of the file, lowercase hex.
    pub sha256: String,
}

struct Loaded {
    manifest: Value,
    entries: Vec<Entry>,
    oracles: Vec<OracleInfo>,
}

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(load)
}

fn load() -> Loaded {
    let path = dir().join("manifest.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read fixture manifest {}: {error}", path.display()));
    let manifest: Value = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{}: invalid JSON: {error}", path.display()));
    let entries = array(&manifest, "entries", "manifest")
        .iter()
        .map(parse_entry)
        .collect();
    let oracles = manifest
        .get("oracle")
        .and_then(Value::as_array)
        .map(|list| list.iter().map(parse_oracle).collect())
        .unwrap_or_default();
    Loaded {
        manifest,
        entries,
        oracles,
    }
}

fn parse_entry(json: &Value) -> Entry {
    let name = string(json, "name", "entry");
    let at = format!("entry {name:?}");
    let kind = match string(json, "kind", &at).as_str() {
        "dump" => Kind::Dump,
        "request" => Kind::Request,
        "multicast" => Kind::Multicast,
        other => panic!("{at}: unknown kind {other:?}"),
    };
    let socket = json.get("socket").unwrap_or(&Value::Null);
    let sockopts = socket.get("sockopts").unwrap_or(&Value::Null);
    let flag = |key: &str| sockopts.get(key).and_then(Value::as_bool).unwrap_or(false);

    let (request, request_messages) = match json.get("request") {
        Some(request) if !request.is_null() => {
            let at = format!("{at} request");
            let bytes = load_file(request, &at);
            let messages = request
                .get("messages")
                .and_then(Value::as_array)
                .map(|list| list.iter().map(|m| parse_request_message(m, &at)).collect())
                .unwrap_or_default();
            (Some(bytes), messages)
        }
        _ => (None, Vec::new()),
    };

    let response_json = json
        .get("response")
        .unwrap_or_else(|| panic!("{at}: no response"));
    let response_at = format!("{at} response");
    let response = load_file(response_json, &response_at);
    let datagram_sizes: Vec<usize> = array(response_json, "datagram_sizes", &response_at)
        .iter()
        .map(|size| as_usize(size, "datagram_sizes", &response_at))
        .collect();
    let total: usize = datagram_sizes.iter().sum();
    if total != response.len() {
        panic!(
            "{response_at}: datagram_sizes add up to {total} bytes but the file has {}",
            response.len()
        );
    }
    let message_types = response_json
        .get("message_types")
        .and_then(Value::as_object)
        .map(|types| {
            types
                .iter()
                .map(|(name, count)| (name.clone(), as_usize(count, name, &response_at)))
                .collect()
        })
        .unwrap_or_default();
    let errors = optional_array(response_json, "errors")
        .iter()
        .map(|error| parse_error(error, &response_at))
        .collect();
    let done_errors = optional_array(response_json, "done_errors")
        .iter()
        .map(|done| parse_done(done, &response_at))
        .collect();

    Entry {
        protocol: string(json, "protocol", &at),
        protocol_num: integer(json, "protocol_num", &at) as isize,
        kind,
        description: string(json, "description", &at),
        netns: json
            .get("netns")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        sockopts: SocketOptions {
            ext_ack: flag("NETLINK_EXT_ACK"),
            cap_ack: flag("NETLINK_CAP_ACK"),
            strict_check: flag("NETLINK_GET_STRICT_CHK"),
        },
        portid: socket
            .get("portid")
            .map(|portid| as_u32(portid, "portid", &at))
            .unwrap_or(0),
        groups: socket
            .get("groups")
            .or_else(|| json.get("groups_joined"))
            .and_then(Value::as_array)
            .map(|groups| groups.iter().map(|g| as_u32(g, "groups", &at)).collect())
            .unwrap_or_default(),
        request,
        request_messages,
        response,
        datagram_sizes,
        message_count: response_json
            .get("message_count")
            .map(|count| as_usize(count, "message_count", &response_at))
            .unwrap_or(0),
        message_types,
        errors,
        done_errors,
        triggers: optional_array(json, "triggers")
            .iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect(),
        notes: json.get("notes").and_then(Value::as_str).map(str::to_owned),
        json: json.clone(),
        name,
    }
}

fn parse_request_message(json: &Value, at: &str) -> RequestMessage {
    let flags = string(json, "flags", at);
    RequestMessage {
        offset: as_usize(field(json, "offset", at), "offset", at),
        len: as_usize(field(json, "len", at), "len", at),
        message_type: integer(json, "type", at) as u16,
        type_name: string(json, "type_name", at),
        flags: u16::from_str_radix(flags.trim_start_matches("0x"), 16)
            .unwrap_or_else(|error| panic!("{at}: flags {flags:?}: {error}")),
        flag_names: optional_array(json, "flag_names")
            .iter()
            .filter_map(|n| n.as_str().map(str::to_owned))
            .collect(),
        seq: as_u32(field(json, "seq", at), "seq", at),
        pid: as_u32(field(json, "pid", at), "pid", at),
    }
}

fn parse_error(json: &Value, at: &str) -> ExpectedError {
    let at = format!("{at} error");
    let orig = field(json, "orig", &at);
    ExpectedError {
        seq: as_u32(field(json, "seq", &at), "seq", &at),
        error: integer(json, "error", &at) as i32,
        errno: string(json, "errno", &at),
        capped: json.get("capped").and_then(Value::as_bool).unwrap_or(false),
        ack_tlvs: json
            .get("ack_tlvs")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        orig: EchoedHeader {
            len: as_u32(field(orig, "len", &at), "orig.len", &at),
            message_type: integer(orig, "type", &at) as u16,
            flags: integer(orig, "flags", &at) as u16,
            seq: as_u32(field(orig, "seq", &at), "orig.seq", &at),
        },
        ext_ack: json.get("ext_ack").map(|ack| parse_ext_ack(ack, &at)),
    }
}

fn parse_done(json: &Value, at: &str) -> ExpectedDone {
    let at = format!("{at} done_error");
    ExpectedDone {
        seq: as_u32(field(json, "seq", &at), "seq", &at),
        error: integer(json, "error", &at) as i32,
        errno: string(json, "errno", &at),
        ext_ack: json.get("ext_ack").map(|ack| parse_ext_ack(ack, &at)),
    }
}

fn parse_ext_ack(json: &Value, at: &str) -> ExpectedExtAck {
    let at = format!("{at} ext_ack");
    ExpectedExtAck {
        msg: json.get("msg").and_then(Value::as_str).map(str::to_owned),
        offs: json.get("offs").map(|v| as_u32(v, "offs", &at)),
        policy: json.get("policy").and_then(Value::as_array).map(|types| {
            types
                .iter()
                .map(|t| as_u32(t, "policy", &at) as u16)
                .collect()
        }),
        miss_type: json.get("miss_type").map(|v| as_u32(v, "miss_type", &at)),
        miss_nest: json.get("miss_nest").map(|v| as_u32(v, "miss_nest", &at)),
        cookie: json
            .get("cookie")
            .and_then(Value::as_str)
            .map(|hex| decode_hex(hex, &at)),
    }
}

fn parse_oracle(json: &Value) -> OracleInfo {
    let name = string(json, "name", "oracle");
    let at = format!("oracle {name:?}");
    OracleInfo {
        file: string(json, "file", &at),
        command: json
            .get("command")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        rc: json.get("rc").and_then(Value::as_i64).unwrap_or(0),
        format: string(json, "format", &at),
        json_valid: json
            .get("json_valid")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        bytes: as_usize(field(json, "bytes", &at), "bytes", &at),
        sha256: string(json, "sha256", &at),
        name,
    }
}

/// Loads the file a manifest `{file, bytes, sha256}` object names.
fn load_file(json: &Value, at: &str) -> Vec<u8> {
    let file = string(json, "file", at);
    if json.get("compression").is_some() || file.ends_with(".gz") {
        panic!(
            "{at}: {file} is compressed; this loader has no gzip support (fixture set A has \
             no compressed files)"
        );
    }
    let bytes = as_usize(field(json, "bytes", at), "bytes", at);
    read_checked(&file, bytes, &string(json, "sha256", at))
}

/// Reads `file` (relative to [`dir`]) and checks its size and digest.
fn read_checked(file: &str, expected_len: usize, expected_sha256: &str) -> Vec<u8> {
    let path = dir().join(file);
    let data = std::fs::read(&path)
        .unwrap_or_else(|error| panic!("cannot read fixture {}: {error}", path.display()));
    if data.len() != expected_len {
        panic!(
            "fixture {}: manifest says {expected_len} bytes, file has {}",
            path.display(),
            data.len()
        );
    }
    let digest = sha256_hex(&data);
    if !digest.eq_ignore_ascii_case(expected_sha256) {
        panic!(
            "fixture {}: SHA-256 is {digest}, manifest says {expected_sha256}",
            path.display()
        );
    }
    data
}

fn decode_hex(hex: &str, at: &str) -> Vec<u8> {
    let digits = hex.as_bytes();
    if digits.len() % 2 != 0 {
        panic!("{at}: cookie {hex:?} has an odd number of hex digits");
    }
    digits
        .chunks_exact(2)
        .map(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                .unwrap_or_else(|| panic!("{at}: cookie {hex:?} is not hex"))
        })
        .collect()
}

fn field<'a>(json: &'a Value, key: &str, at: &str) -> &'a Value {
    json.get(key)
        .unwrap_or_else(|| panic!("{at}: missing field {key:?}"))
}

fn string(json: &Value, key: &str, at: &str) -> String {
    field(json, key, at)
        .as_str()
        .unwrap_or_else(|| panic!("{at}: field {key:?} is not a string"))
        .to_owned()
}

fn integer(json: &Value, key: &str, at: &str) -> i64 {
    field(json, key, at)
        .as_i64()
        .unwrap_or_else(|| panic!("{at}: field {key:?} is not an integer"))
}

fn as_usize(value: &Value, key: &str, at: &str) -> usize {
    value
        .as_u64()
        .and_then(|v| usize::try_from(v).ok())
        .unwrap_or_else(|| panic!("{at}: {key} {value} is not a size"))
}

fn as_u32(value: &Value, key: &str, at: &str) -> u32 {
    value
        .as_u64()
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or_else(|| panic!("{at}: {key} {value} is not a u32"))
}

fn array<'a>(json: &'a Value, key: &str, at: &str) -> &'a [Value] {
    field(json, key, at)
        .as_array()
        .unwrap_or_else(|| panic!("{at}: field {key:?} is not an array"))
}

fn optional_array<'a>(json: &'a Value, key: &str) -> &'a [Value] {
    json.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(contents: &[u8]) -> PathBuf {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let path = std::env::temp_dir().join(format!(
            "netlink-test-support-fixture-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&path, contents).expect("write temp file");
        path
    }

    fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
        payload
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default()
    }

    const ABC_SHA256: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    #[test]
    fn read_checked_accepts_matching_size_and_digest() {
        let path = temp_file(b"abc");
        let data = read_checked(path.to_str().unwrap(), 3, ABC_SHA256);
        std::fs::remove_file(&path).ok();
        assert_eq!(data, b"abc");
    }

    #[test]
    fn read_checked_rejects_a_wrong_size_or_digest() {
        let path = temp_file(b"abd");
        let file = path.to_str().unwrap().to_owned();
        let size = std::panic::catch_unwind(|| read_checked(&file, 4, ABC_SHA256));
        let digest = std::panic::catch_unwind(|| read_checked(&file, 3, ABC_SHA256));
        std::fs::remove_file(&path).ok();
        let size = panic_message(size.expect_err("wrong size accepted"));
        assert!(size.contains("manifest says 4 bytes, file has 3"), "{size}");
        let digest = panic_message(digest.expect_err("wrong digest accepted"));
        assert!(digest.contains("SHA-256"), "{digest}");
    }

    #[test]
    fn compressed_files_are_refused_clearly() {
        let json = serde_json::json!({"file": "route/x.resp.bin.gz", "bytes": 1, "sha256": ""});
        let message = panic_message(
            std::panic::catch_unwind(|| load_file(&json, "entry \"x\" response"))
                .expect_err("gz accepted"),
        );
        assert!(message.contains("no gzip support"), "{message}");
    }

    #[test]
    fn cookies_are_decoded_from_hex() {
        assert_eq!(decode_hex("00ff10", "t"), [0x00, 0xff, 0x10]);
        assert!(std::panic::catch_unwind(|| decode_hex("0g", "t")).is_err());
        assert!(std::panic::catch_unwind(|| decode_hex("abc", "t")).is_err());
    }

    #[test]
    fn datagrams_are_split_by_the_recorded_sizes() {
        let entry = entry("rtnl_getlink_dump");
        let datagrams = entry.response_datagrams();
        let sizes: Vec<usize> = datagrams.iter().map(|d| d.len()).collect();
        assert_eq!(sizes, [2964, 19228, 20]);
        assert_eq!(datagrams.concat(), entry.response);
    }
}
