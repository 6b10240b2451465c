//! Add an address to a link and a route through a gateway on it; print
//! what the kernel then reports. Needs root.
//!
//! ```text
//! sudo target/debug/add_address_and_route veth-host 10.10.0.1/24 192.0.2.0/24 10.10.0.2
//! ```

use std::{net::IpAddr, process::ExitCode};

use futures::TryStreamExt;
use rtnetlink::packet_route::common::AddressFamily;

fn prefix(text: &str) -> Result<(IpAddr, u8), String> {
    let (address, length) = text
        .split_once('/')
        .ok_or_else(|| format!("{text}: expected ADDRESS/LENGTH"))?;
    Ok((
        address.parse().map_err(|e| format!("{text}: {e}"))?,
        length.parse().map_err(|e| format!("{text}: {e}"))?,
    ))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [link, address, destination, gateway] = args.as_slice() else {
        eprintln!("usage: add_address_and_route LINK ADDRESS/LEN DESTINATION/LEN GATEWAY");
        return ExitCode::FAILURE;
    };
    match run(link, address, destination, gateway).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("add_address_and_route: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(
    link: &str,
    address: &str,
    destination: &str,
    gateway: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let (connection, handle, _) = rtnetlink::new_connection()?;
    tokio::spawn(connection);
    let index = handle.link().get_one(link).await?.index();
    let (address, length) = prefix(address)?;
    handle
        .address()
        .add(index, address, length)
        .execute()
        .await?;
    let (destination, destination_length) = prefix(destination)?;
    let gateway: IpAddr = gateway.parse()?;
    handle
        .route()
        .add(destination, destination_length)
        .gateway(gateway)
        .execute()
        .await?;

    let family = if address.is_ipv4() {
        AddressFamily::Inet
    } else {
        AddressFamily::Inet6
    };
    let mut addresses = handle.address().get().index(index).family(family).execute();
    while let Some(address) = addresses.try_next().await? {
        if let Some(ip) = address.local_or_address() {
            println!("address {ip}/{} on {link}", address.header.prefix_len);
        }
    }
    let route = handle.route().lookup(destination).execute().await?;
    println!(
        "route to {destination}: via {:?} dev index {:?}",
        route.gateway(),
        route.output_interface()
    );
    Ok(())
}
