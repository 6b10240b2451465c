//! `ip rule show`.

use futures::TryStreamExt;
use rtnetlink::{packet_route::common::AddressFamily, Handle};

use crate::{args::Args, format, is_prefix, CommandResult};

pub async fn run(handle: &Handle, mut args: Args) -> CommandResult {
    let command = args.next().unwrap_or_else(|| "show".to_owned());
    if !(is_prefix(&command, "show", 1) || is_prefix(&command, "list", 1)) {
        return Err(format!("unknown rule command \"{command}\""));
    }
    let rules: Vec<_> = handle
        .rule()
        .get(AddressFamily::Inet)
        .execute()
        .try_collect()
        .await
        .map_err(|error| error.to_string())?;
    let mut out = String::new();
    for rule in &rules {
        format::rule(&mut out, rule);
    }
    print!("{out}");
    Ok(())
}
