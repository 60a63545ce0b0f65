//! Which spellings of a queue URL find the queue: SQS ignores trailing slashes, and
//! anything else names no queue (QueueDoesNotExist), whatever bytes precede the slashes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::create;
use fanout::engine::*;

fn send(e: &mut Engine, url: &str) -> Result<Reply, SqsError> {
    e.apply(Command::SendMessage {
        queue_url: url.into(),
        message: MessageInput {
            message_body: "hello".into(),
            ..Default::default()
        },
    })
}

#[test]
fn trailing_slashes_still_find_the_queue() {
    let mut e = Engine::new(EngineConfig::default());
    let url = create(&mut e, "orders", &[]);
    for spelling in [url.clone(), format!("{url}/"), format!("{url}///")] {
        assert!(
            matches!(send(&mut e, &spelling), Ok(Reply::MessageSent(_))),
            "{spelling}"
        );
    }
    assert_eq!(e.queue_by_name("orders").unwrap().visible_count(), 3);
}

#[test]
fn other_spellings_name_no_queue_and_change_nothing() {
    let mut e = Engine::new(EngineConfig::default());
    let url = create(&mut e, "orders", &[]);
    let prefix = url.trim_end_matches("orders");
    for spelling in [
        String::new(),
        "/".into(),
        "///".into(),
        "orders".into(),
        format!("{url}é/"),
        format!("{prefix}ordersé//"),
        format!("{prefix}é/"),
        format!("{url}/x"),
    ] {
        let err = send(&mut e, &spelling).expect_err(&spelling);
        assert_eq!(err.code, ErrorCode::QueueDoesNotExist, "{spelling}");
    }
    assert_eq!(e.queue_by_name("orders").unwrap().visible_count(), 0);
}
