//! Create a veth pair and move one end into a network namespace, then
//! list the links on both sides. Needs root.
//!
//! ```text
//! sudo ip netns add demo
//! cargo build -p netlink-examples --bin veth_netns && sudo target/debug/veth_netns demo
//! ```

use std::{os::fd::AsRawFd, process::ExitCode};

use futures::TryStreamExt;
use rtnetlink::NetnsRef;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let Some(netns) = std::env::args().nth(1) else {
        eprintln!("usage: veth_netns NETNS_NAME   (create it with `ip netns add NAME`)");
        return ExitCode::FAILURE;
    };
    match run(&netns).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("veth_netns: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(netns: &str) -> Result<(), Box<dyn std::error::Error>> {
    let (connection, handle, _) = rtnetlink::new_connection()?;
    tokio::spawn(connection);

    // `ip link add veth-host type veth peer name veth-ns netns NETNS`
    let netns_file = std::fs::File::open(format!("/run/netns/{netns}"))?;
    handle
        .link()
        .add()
        .veth("veth-host", "veth-ns")
        .peer_netns_fd(netns_file.as_raw_fd())
        .execute()
        .await?;
    handle.link().set("veth-host").up().execute().await?;

    // A second connection, opened inside the namespace.
    let (connection, inside, _) = rtnetlink::new_connection_in(&NetnsRef::name(netns))?;
    tokio::spawn(connection);
    inside.link().set("veth-ns").up().execute().await?;

    let here = handle.link().get_one("veth-host").await?;
    println!("here:  {}: {}", here.index(), here.name().unwrap_or("?"));
    let mut links = inside.link().get().execute();
    while let Some(link) = links.try_next().await? {
        println!(
            "in {netns}: {}: {}",
            link.index(),
            link.name().unwrap_or("?")
        );
    }
    Ok(())
}
