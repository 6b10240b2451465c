//! `ip addr show|add|del`.

use std::net::IpAddr;

use futures::TryStreamExt;
use rtnetlink::Handle;

use crate::{args::Args, format, is_prefix, link, CommandResult};

pub async fn run(handle: &Handle, mut args: Args) -> CommandResult {
    let command = args.next().unwrap_or_else(|| "show".to_owned());
    match command.as_str() {
        c if is_prefix(c, "show", 1) || is_prefix(c, "list", 1) => show(handle, args).await,
        c if is_prefix(c, "add", 1) => change(handle, args, true).await,
        c if is_prefix(c, "delete", 1) => change(handle, args, false).await,
        other => Err(format!("unknown address command \"{other}\"")),
    }
}

async fn show(handle: &Handle, mut args: Args) -> CommandResult {
    let mut only = None;
    while let Some(word) = args.next() {
        only = Some(if word == "dev" {
            args.value("device")?
        } else {
            word
        });
    }
    let links = link::all_links(handle).await?;
    let names = format::names(&links);
    let addresses: Vec<_> = handle
        .address()
        .get()
        .execute()
        .try_collect()
        .await
        .map_err(|error| error.to_string())?;
    if let Some(name) = &only {
        if !links.iter().any(|link| link.name() == Some(name.as_str())) {
            return Err(format!("Device \"{name}\" does not exist."));
        }
    }
    let mut out = String::new();
    for link in &links {
        let name = link.name().unwrap_or("?");
        if only.as_deref().is_some_and(|only| only != name) {
            continue;
        }
        format::link(&mut out, link, &names, false);
        for address in addresses
            .iter()
            .filter(|address| address.header.index == link.index())
        {
            format::address(&mut out, address, name);
        }
    }
    print!("{out}");
    Ok(())
}

/// Parses `ADDR/LEN` (a missing length is the full host length).
pub fn parse_prefix(text: &str) -> Result<(IpAddr, u8), String> {
    let (address, length) = match text.split_once('/') {
        Some((address, length)) => (address, Some(length)),
        None => (text, None),
    };
    let address: IpAddr = address
        .parse()
        .map_err(|error| format!("invalid address \"{text}\": {error}"))?;
    let full = if address.is_ipv4() { 32 } else { 128 };
    let length = match length {
        Some(length) => length
            .parse::<u8>()
            .ok()
            .filter(|length| *length <= full)
            .ok_or_else(|| format!("invalid prefix length in \"{text}\""))?,
        None => full,
    };
    Ok((address, length))
}

async fn change(handle: &Handle, mut args: Args, add: bool) -> CommandResult {
    let (address, length) = parse_prefix(&args.value("address")?)?;
    let mut device = None;
    while let Some(word) = args.next() {
        match word.as_str() {
            "dev" => device = Some(args.value("device")?),
            other => return Err(format!("unknown argument \"{other}\"")),
        }
    }
    let device = device.ok_or("missing \"dev DEVICE\"")?;
    let index = link::index_of(handle, &device).await?;
    let result = if add {
        handle.address().add(index, address, length).execute().await
    } else {
        handle.address().del(index, address, length).await
    };
    result.map_err(|error| error.to_string())
}
