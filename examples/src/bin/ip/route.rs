//! `ip route show|get|add|del`.

use futures::TryStreamExt;
use rtnetlink::{packet_route::common::AddressFamily, Handle};

use crate::{addr::parse_prefix, args::Args, format, is_prefix, link, CommandResult};

pub async fn run(handle: &Handle, mut args: Args) -> CommandResult {
    let command = args.next().unwrap_or_else(|| "show".to_owned());
    match command.as_str() {
        c if is_prefix(c, "show", 1) || is_prefix(c, "list", 1) => show(handle, args).await,
        c if is_prefix(c, "get", 1) => get(handle, args).await,
        c if is_prefix(c, "add", 1) => change(handle, args, false).await,
        c if is_prefix(c, "delete", 1) => change(handle, args, true).await,
        other => Err(format!("unknown route command \"{other}\"")),
    }
}

fn parse_table(text: &str) -> Result<u32, String> {
    match text {
        "main" => Ok(254),
        "local" => Ok(255),
        "default" => Ok(253),
        "all" => Ok(0),
        number => number
            .parse()
            .map_err(|error| format!("invalid table \"{number}\": {error}")),
    }
}

async fn show(handle: &Handle, mut args: Args) -> CommandResult {
    let mut table = Some(254);
    let mut family = None;
    while let Some(word) = args.next() {
        match word.as_str() {
            "table" => table = Some(parse_table(&args.value("table")?)?).filter(|t| *t != 0),
            "-6" | "inet6" => family = Some(AddressFamily::Inet6),
            "-4" | "inet" => family = Some(AddressFamily::Inet),
            other => return Err(format!("unknown argument \"{other}\"")),
        }
    }
    // Like iproute2: IPv4 unless asked, but every family for `table all`.
    let family = family.unwrap_or(if table.is_none() {
        AddressFamily::Unspec
    } else {
        AddressFamily::Inet
    });
    let names = format::names(&link::all_links(handle).await?);
    let mut request = handle.route().get(family);
    if let Some(table) = table {
        request = request.table(table);
    }
    let routes: Vec<_> = request
        .execute()
        .try_collect()
        .await
        .map_err(|error| error.to_string())?;
    let mut out = String::new();
    for route in &routes {
        format::route(&mut out, route, &names, table.is_none());
    }
    print!("{out}");
    Ok(())
}

async fn get(handle: &Handle, mut args: Args) -> CommandResult {
    let (destination, _) = parse_prefix(&args.value("address")?)?;
    let route = handle
        .route()
        .lookup(destination)
        .execute()
        .await
        .map_err(|error| error.to_string())?;
    let names = format::names(&link::all_links(handle).await?);
    let mut out = String::new();
    format::route(&mut out, &route, &names, false);
    print!("{out}");
    Ok(())
}

async fn change(handle: &Handle, mut args: Args, delete: bool) -> CommandResult {
    let prefix = args.value("prefix")?;
    let (destination, length) = if prefix == "default" {
        ("0.0.0.0".parse().map_err(|_| "address")?, 0)
    } else {
        parse_prefix(&prefix)?
    };
    let mut request = if delete {
        handle.route().del(destination, length)
    } else {
        handle.route().add(destination, length)
    };
    while let Some(word) = args.next() {
        request = match word.as_str() {
            "via" => request.gateway(parse_prefix(&args.value("gateway")?)?.0),
            "dev" => {
                let device = args.value("device")?;
                request.output_interface(link::index_of(handle, &device).await?)
            }
            "metric" | "priority" => request.priority(args.parse("metric")?),
            "table" => request.table(parse_table(&args.value("table")?)?),
            other => return Err(format!("unknown argument \"{other}\"")),
        };
    }
    request.execute().await.map_err(|error| error.to_string())
}
