//! Decode a file of raw netlink messages and print them readably.
//!
//! ```text
//! nldecode --protocol route [--roundtrip] FILE
//! cargo run -p netlink-examples --bin nldecode -- --protocol route --roundtrip \
//!     fixtures/kernel-6.18/route/rtnl_getlink_dump.resp.bin
//! ```
//!
//! FILE holds netlink messages back to back, as the kernel delivers them and
//! as the fixtures store them (`*.req.bin`, `*.resp.bin`, `*.events.bin`).
//! `--protocol route` decodes them as rtnetlink messages; `--protocol raw`
//! decodes only the netlink level (header, ack / error / done with extended
//! ack) of any protocol. With `--roundtrip` every message is emitted again
//! and compared with its original bytes.
//!
//! The exit status is non-zero when a message does not decode, when an
//! attribute is kept raw because its value failed to decode, or (with
//! `--roundtrip`) when a re-emitted message differs from the original.

use std::{fmt::Debug, process::ExitCode};

use netlink_packet_core::{
    DatagramMessages, NetlinkBuffer, NetlinkDeserializable, NetlinkMessage, NetlinkSerializable,
    Parseable, RawMessage,
};
use netlink_packet_route::RtnlMessage;

const USAGE: &str = "usage: nldecode --protocol route|raw [--roundtrip] FILE";

/// The sub-protocols this program decodes.
#[derive(Clone, Copy)]
enum Protocol {
    Route,
    Raw,
}

struct Options {
    protocol: Protocol,
    roundtrip: bool,
    file: String,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut protocol = None;
    let mut roundtrip = false;
    let mut file = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--protocol" | "-p" => {
                let name = args.next().ok_or("--protocol needs a value")?;
                protocol = Some(match name.as_str() {
                    "route" => Protocol::Route,
                    "raw" => Protocol::Raw,
                    other => return Err(format!("unknown protocol {other:?} (route, raw)")),
                });
            }
            "--roundtrip" => roundtrip = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other => {
                if file.replace(other.to_string()).is_some() {
                    return Err("only one FILE".to_string());
                }
            }
        }
    }
    Ok(Options {
        protocol: protocol.ok_or("--protocol is required")?,
        roundtrip,
        file: file.ok_or("FILE is required")?,
    })
}

/// What went wrong with the messages of a file.
#[derive(Default)]
struct Report {
    messages: usize,
    problems: usize,
}

fn decode_one<I>(buffer: &NetlinkBuffer<&[u8]>, roundtrip: bool, report: &mut Report)
where
    I: NetlinkDeserializable + NetlinkSerializable + Debug,
{
    let offset_note = format!(
        "type {} seq {} port {}",
        buffer.message_type(),
        buffer.sequence_number(),
        buffer.port_number()
    );
    let message = match NetlinkMessage::<I>::parse(buffer) {
        Ok(message) => message,
        Err(error) => {
            println!(
                "message #{} ({offset_note}): DECODE ERROR: {error}",
                report.messages
            );
            report.problems += 1;
            return;
        }
    };
    let text = format!("{message:#?}");
    println!("message #{} ({offset_note}):\n{text}", report.messages);
    // Attributes whose value failed to decode are kept raw as `Malformed`,
    // with their error: the message still decodes, but say so.
    let malformed = text.matches("Malformed(").count();
    if malformed > 0 {
        println!("  !! {malformed} attribute(s) kept raw because they did not decode");
        report.problems += 1;
    }
    if roundtrip {
        let original = buffer.message_bytes();
        let mut emitted = vec![0u8; message.buffer_len()];
        message.serialize(&mut emitted);
        match first_difference(original, &emitted) {
            None => println!("  round trip: identical ({} bytes)", emitted.len()),
            Some(at) => {
                println!(
                    "  round trip: DIFFERS at byte {at} (original {} bytes, emitted {} bytes)",
                    original.len(),
                    emitted.len()
                );
                report.problems += 1;
            }
        }
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .or_else(|| (a.len() != b.len()).then(|| a.len().min(b.len())))
}

fn run(options: &Options) -> Result<Report, String> {
    let bytes =
        std::fs::read(&options.file).map_err(|e| format!("cannot read {}: {e}", options.file))?;
    let mut report = Report::default();
    for buffer in DatagramMessages::new(&bytes) {
        let buffer = match buffer {
            Ok(buffer) => buffer,
            Err(error) => {
                println!("message #{}: FRAMING ERROR: {error}", report.messages);
                report.problems += 1;
                break;
            }
        };
        match options.protocol {
            Protocol::Route => decode_one::<RtnlMessage>(&buffer, options.roundtrip, &mut report),
            Protocol::Raw => decode_one::<RawMessage>(&buffer, options.roundtrip, &mut report),
        }
        report.messages += 1;
    }
    Ok(report)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("nldecode: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(report) => {
            println!(
                "{} message(s), {} problem(s)",
                report.messages, report.problems
            );
            if report.problems == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("nldecode: {error}");
            ExitCode::FAILURE
        }
    }
}
