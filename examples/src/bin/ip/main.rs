//! `ip`: a small iproute2 on top of the `rtnetlink` crate.
//!
//! ```text
//! cargo run -p netlink-examples --bin ip -- addr
//! cargo run -p netlink-examples --bin ip -- link show
//! cargo run -p netlink-examples --bin ip -- route get 1.1.1.1
//! sudo target/debug/ip link add v0 type veth peer name v1
//! sudo target/debug/ip addr add 10.0.0.1/24 dev v0
//! ip monitor
//! ```
//!
//! Commands: `link show|add|set|del`, `addr show|add|del`,
//! `route show|get|add|del`, `neigh show`, `rule show`, `monitor`. Output
//! follows iproute2's layout. Showing things needs no privilege.

mod addr;
mod args;
mod format;
mod link;
mod monitor;
mod neigh;
mod route;
mod rule;

use std::process::ExitCode;

use args::Args;
use rtnetlink::Handle;

/// An error to print: what failed, as text.
type CommandResult = Result<(), String>;

const USAGE: &str = "usage: ip OBJECT COMMAND [ARGS]
  ip link show [DEV]
  ip link add NAME type veth peer name PEER | type bridge | type ifb | type dummy
  ip link set DEV [up|down] [mtu N] [name NEW] [address MAC] [master DEV|nomaster] [alias TEXT] [txqlen N]
  ip link del DEV
  ip addr show [dev DEV]
  ip addr add|del ADDR/LEN dev DEV
  ip route show [-4|-6] [table ID|all]
  ip route get ADDR
  ip route add|del PREFIX [via GW] [dev DEV] [metric N] [table ID]
  ip neigh show [dev DEV]
  ip rule show
  ip monitor";

async fn run(handle: Handle, mut args: Args) -> CommandResult {
    let object = args.next().unwrap_or_else(|| "help".to_owned());
    let object = object.as_str();
    match object {
        _ if is_prefix(object, "link", 1) => link::run(&handle, args).await,
        _ if is_prefix(object, "address", 1) => addr::run(&handle, args).await,
        _ if is_prefix(object, "rule", 2) => rule::run(&handle, args).await,
        _ if is_prefix(object, "route", 1) => route::run(&handle, args).await,
        _ if is_prefix(object, "neighbour", 1) || is_prefix(object, "neighbor", 1) => {
            neigh::run(&handle, args).await
        }
        _ if is_prefix(object, "monitor", 1) => monitor::run(&handle, args).await,
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown object \"{other}\"\n{USAGE}")),
    }
}

/// Whether `word` abbreviates `full` (at least `min` characters), as
/// iproute2 accepts `ip a`, `ip ro`, `ip n`.
pub(crate) fn is_prefix(word: &str, full: &str, min: usize) -> bool {
    word.len() >= min && full.starts_with(word)
}

fn main() -> ExitCode {
    let args = Args::from_env();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("ip: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        let (connection, handle, _events) =
            rtnetlink::new_connection().map_err(|error| error.to_string())?;
        tokio::spawn(connection);
        run(handle, args).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ip: {error}");
            ExitCode::FAILURE
        }
    }
}
