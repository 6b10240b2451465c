//! Print link events (created, changed, deleted) as they happen; no root
//! needed. Stop with Ctrl-C.
//!
//! ```text
//! cargo run -p netlink-examples --bin watch_links
//! ```

use std::process::ExitCode;

use futures::StreamExt;
use rtnetlink::{Event, MulticastGroup};

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("watch_links: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let (connection, handle, mut events) = rtnetlink::new_connection()?;
    tokio::spawn(connection);
    handle.subscribe(&[MulticastGroup::Link]).await?;
    println!("watching link events; Ctrl-C to stop");
    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => return Ok(()),
            event = events.next() => match event {
                Some(Event::NewLink(link)) => println!(
                    "new/changed: {}: {} flags {:?}",
                    link.index(),
                    link.name().unwrap_or("?"),
                    link.header.flags
                ),
                Some(Event::DelLink(link)) => {
                    println!("deleted: {}: {}", link.index(), link.name().unwrap_or("?"))
                }
                Some(Event::Overflow) => println!("events lost (socket overflow)"),
                Some(_) => {}
                None => return Ok(()),
            },
        }
    }
}
