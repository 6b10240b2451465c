//! `ip link show|add|set|del`.

use futures::TryStreamExt;
use rtnetlink::{packet_route::link::LinkMessage, Handle};

use crate::{args::Args, format, is_prefix, CommandResult};

/// Every link of the namespace.
pub async fn all_links(handle: &Handle) -> Result<Vec<LinkMessage>, String> {
    handle
        .link()
        .get()
        .execute()
        .try_collect()
        .await
        .map_err(|error| error.to_string())
}

/// The index of link `name`.
pub async fn index_of(handle: &Handle, name: &str) -> Result<u32, String> {
    handle
        .link()
        .get_one(name)
        .await
        .map(|link| link.index())
        .map_err(|error| error.to_string())
}

pub async fn run(handle: &Handle, mut args: Args) -> CommandResult {
    let command = args.next().unwrap_or_else(|| "show".to_owned());
    match command.as_str() {
        c if is_prefix(c, "show", 1) || is_prefix(c, "list", 1) => show(handle, args).await,
        c if is_prefix(c, "add", 1) => add(handle, args).await,
        c if is_prefix(c, "set", 1) => set(handle, args).await,
        c if is_prefix(c, "delete", 1) => {
            let mut name = args.value("device")?;
            if name == "dev" {
                name = args.value("device")?;
            }
            handle
                .link()
                .del(name)
                .execute()
                .await
                .map_err(|error| error.to_string())
        }
        other => Err(format!("unknown link command \"{other}\"")),
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
    let links = all_links(handle).await?;
    let names = format::names(&links);
    if let Some(name) = &only {
        if !links.iter().any(|link| link.name() == Some(name.as_str())) {
            return Err(format!("Device \"{name}\" does not exist."));
        }
    }
    let mut out = String::new();
    for link in &links {
        if only
            .as_deref()
            .is_some_and(|name| link.name() != Some(name))
        {
            continue;
        }
        format::link(&mut out, link, &names, true);
    }
    print!("{out}");
    Ok(())
}

async fn add(handle: &Handle, mut args: Args) -> CommandResult {
    let mut name = args.value("name")?;
    if name == "name" || name == "dev" {
        name = args.value("name")?;
    }
    let mut request = handle.link().add();
    let mut kind = None;
    let mut peer = None;
    let mut mtu = None;
    while let Some(word) = args.next() {
        match word.as_str() {
            "type" => kind = Some(args.value("link type")?),
            "peer" => {
                let mut peer_name = args.value("peer name")?;
                if peer_name == "name" {
                    peer_name = args.value("peer name")?;
                }
                peer = Some(peer_name);
            }
            "mtu" => mtu = Some(args.parse::<u32>("mtu")?),
            other => return Err(format!("unknown argument \"{other}\"")),
        }
    }
    request = match kind.as_deref() {
        Some("veth") => request.veth(name.clone(), peer.unwrap_or_else(|| format!("{name}-peer"))),
        Some("bridge") => request.bridge(name),
        Some("ifb") => request.ifb(name),
        Some("dummy") => request.dummy(name),
        Some(other) => request.kind(name, other.into()),
        None => return Err("missing \"type KIND\"".to_owned()),
    };
    if let Some(mtu) = mtu {
        request = request.mtu(mtu);
    }
    request.execute().await.map_err(|error| error.to_string())
}

async fn set(handle: &Handle, mut args: Args) -> CommandResult {
    let mut device = args.value("device")?;
    if device == "dev" {
        device = args.value("device")?;
    }
    let index = index_of(handle, &device).await?;
    let mut request = handle.link().set(index);
    while let Some(word) = args.next() {
        request = match word.as_str() {
            "up" => request.up(),
            "down" => request.down(),
            "mtu" => request.mtu(args.parse("mtu")?),
            "name" => request.name(args.value("name")?),
            "address" => request.address(
                args.value("address")?
                    .parse::<rtnetlink::packet_route::link::LinkAddress>()
                    .map_err(|error| error.to_string())?,
            ),
            "master" => {
                let master = args.value("master")?;
                request.master(index_of(handle, &master).await?)
            }
            "nomaster" => request.nomaster(),
            "alias" => request.alias(args.value("alias")?),
            "txqlen" | "txqueuelen" => request.txqlen(args.parse("txqlen")?),
            "netns" => {
                let target = args.value("netns")?;
                match target.parse::<u32>() {
                    Ok(pid) => request.netns_pid(pid),
                    Err(_) => {
                        let file = std::fs::File::open(format!("/run/netns/{target}"))
                            .map_err(|error| format!("netns {target}: {error}"))?;
                        use std::os::fd::AsRawFd;
                        let result = request
                            .netns_fd(file.as_raw_fd())
                            .execute()
                            .await
                            .map_err(|error| error.to_string());
                        return result;
                    }
                }
            }
            other => return Err(format!("unknown argument \"{other}\"")),
        };
    }
    request.execute().await.map_err(|error| error.to_string())
}
