//! The smol-driven connection (feature `smol`).
#![cfg(feature = "smol")]

use futures::{future::Either, TryStreamExt};
use netlink_test_support::{ip_json, run_in_netns};

#[test]
fn smol_connection_dumps_and_adds() {
    run_in_netns("smol_connection_dumps_and_adds", || {
        async_io::block_on(async {
            let (connection, handle, _events) = rtnetlink::smol::new_connection().unwrap();
            let body = async move {
                handle
                    .link()
                    .add()
                    .bridge("smol-br")
                    .execute()
                    .await
                    .expect("bridge add");
                let links: Vec<_> = handle.link().get().execute().try_collect().await.unwrap();
                links
                    .iter()
                    .filter_map(|link| link.name().map(str::to_owned))
                    .collect::<Vec<_>>()
            };
            futures::pin_mut!(body);
            let names = match futures::future::select(connection, body).await {
                Either::Right((names, _)) => names,
                Either::Left(((), _)) => panic!("connection ended first"),
            };
            assert!(names.contains(&"smol-br".to_owned()));
            assert_eq!(
                ip_json(&["link", "show", "smol-br"])[0]["ifname"],
                "smol-br"
            );
        });
    });
}
