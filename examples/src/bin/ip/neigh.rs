//! `ip neigh show`.

use futures::TryStreamExt;
use rtnetlink::{packet_route::neighbour::NeighbourState, Handle};

use crate::{args::Args, format, is_prefix, link, CommandResult};

pub async fn run(handle: &Handle, mut args: Args) -> CommandResult {
    let command = args.next().unwrap_or_else(|| "show".to_owned());
    if !(is_prefix(&command, "show", 1) || is_prefix(&command, "list", 1)) {
        return Err(format!("unknown neighbour command \"{command}\""));
    }
    let mut request = handle.neighbours().get();
    while let Some(word) = args.next() {
        match word.as_str() {
            "dev" => {
                let device = args.value("device")?;
                request = request.index(link::index_of(handle, &device).await?);
            }
            other => return Err(format!("unknown argument \"{other}\"")),
        }
    }
    let names = format::names(&link::all_links(handle).await?);
    let entries: Vec<_> = request
        .execute()
        .try_collect()
        .await
        .map_err(|error| error.to_string())?;
    let mut out = String::new();
    for entry in &entries {
        // Like iproute2, hide NOARP and NONE entries by default.
        let state = entry.header.state;
        if state.contains(NeighbourState::NOARP) || state.is_empty() {
            continue;
        }
        format::neighbour(&mut out, entry, &names);
    }
    print!("{out}");
    Ok(())
}
