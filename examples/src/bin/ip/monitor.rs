//! `ip monitor`: print link, address, route, neighbour and rule events.

use futures::StreamExt;
use rtnetlink::{Event, Handle, MulticastGroup};

use crate::{args::Args, format, CommandResult};

pub async fn run(_handle: &Handle, _args: Args) -> CommandResult {
    // A connection of its own, so that its events are ours alone.
    let (connection, handle, mut events) =
        rtnetlink::new_connection().map_err(|error| error.to_string())?;
    tokio::spawn(connection);
    handle
        .subscribe(MulticastGroup::ALL_TYPED)
        .await
        .map_err(|error| error.to_string())?;
    let mut names = format::names(&crate::link::all_links(&handle).await?);
    while let Some(event) = events.next().await {
        let mut out = String::new();
        match &event {
            Event::NewLink(link) => {
                if let Some(name) = link.name() {
                    names.insert(link.index(), (name.to_owned(), link.header.flags));
                }
                format::link(&mut out, link, &names, false);
            }
            Event::DelLink(link) => {
                out.push_str("Deleted ");
                format::link(&mut out, link, &names, false);
            }
            Event::NewAddress(address) | Event::DelAddress(address) => {
                if matches!(event, Event::DelAddress(_)) {
                    out.push_str("Deleted ");
                }
                let name = format::name_of(&names, address.header.index);
                out.push_str(&format!("{}: {name}\n", address.header.index));
                format::address(&mut out, address, &name);
            }
            Event::NewRoute(route) => format::route(&mut out, route, &names, true),
            Event::DelRoute(route) => {
                out.push_str("Deleted ");
                format::route(&mut out, route, &names, true);
            }
            Event::NewNeighbour(entry) => format::neighbour(&mut out, entry, &names),
            Event::DelNeighbour(entry) => {
                out.push_str("Deleted ");
                format::neighbour(&mut out, entry, &names);
            }
            Event::NewRule(rule) => format::rule(&mut out, rule),
            Event::DelRule(rule) => {
                out.push_str("Deleted ");
                format::rule(&mut out, rule);
            }
            Event::Overflow => out.push_str("(events lost: socket overflow)\n"),
            other => out.push_str(&format!("{other:?}\n")),
        }
        print!("{out}");
    }
    Ok(())
}
