//! FIFO queues, batches, redrive tasks and metrics through the engine API: what a driver
//! sees in replies, queue views and the trace. Every test prints its seed on failure.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::create;
use fanout::engine::*;

const SEED: u64 = 11;

fn engine() -> Engine {
    Engine::new(EngineConfig {
        seed: SEED,
        ..Default::default()
    })
}

fn send_fifo(e: &mut Engine, q: &str, body: &str, group: &str) -> SendResult {
    let message = MessageInput {
        message_group_id: Some(group.into()),
        ..MessageInput::body(body)
    };
    match e.apply(Command::SendMessage {
        queue_url: q.into(),
        message,
    }) {
        Ok(Reply::MessageSent(s)) => s,
        r => panic!("seed {SEED}: unexpected {r:?}"),
    }
}

fn receive(e: &mut Engine, q: &str, max: i64, attempt: Option<&str>) -> Vec<ReceivedMessage> {
    let input = ReceiveInput {
        max_number_of_messages: Some(max),
        receive_request_attempt_id: attempt.map(str::to_string),
        ..Default::default()
    };
    match e.apply(Command::ReceiveMessage {
        queue_url: q.into(),
        input,
    }) {
        Ok(Reply::Messages(m)) => m,
        r => panic!("seed {SEED}: unexpected {r:?}"),
    }
}

fn bodies(m: &[ReceivedMessage]) -> Vec<String> {
    m.iter().map(|m| m.body.to_string()).collect()
}

fn delete(e: &mut Engine, q: &str, m: &ReceivedMessage) {
    e.apply(Command::DeleteMessage {
        queue_url: q.into(),
        receipt_handle: m.receipt_handle.clone(),
    })
    .unwrap();
}

#[test]
fn fifo_serves_groups_in_order_and_locks_a_group_in_flight() {
    let mut e = engine();
    let q = create(
        &mut e,
        "o.fifo",
        &[("FifoQueue", "true"), ("ContentBasedDeduplication", "true")],
    );
    for (body, group) in [
        ("a1", "a"),
        ("b1", "b"),
        ("a2", "a"),
        ("a3", "a"),
        ("b2", "b"),
    ] {
        send_fifo(&mut e, &q, body, group);
    }
    // As many of one group as possible, in order, then the next group.
    let first = receive(&mut e, &q, 2, None);
    assert_eq!(bodies(&first), ["a1", "a2"], "seed {SEED}");
    // Group a is held: a3 must wait even though it is visible.
    let second = receive(&mut e, &q, 10, None);
    assert_eq!(bodies(&second), ["b1", "b2"], "seed {SEED}");
    assert!(receive(&mut e, &q, 10, None).is_empty(), "seed {SEED}");
    for m in &first {
        delete(&mut e, &q, m);
    }
    assert_eq!(
        bodies(&receive(&mut e, &q, 10, None)),
        ["a3"],
        "seed {SEED}"
    );
}

#[test]
fn fifo_redelivers_the_same_head_after_a_visibility_timeout() {
    let mut e = engine();
    let q = create(
        &mut e,
        "v.fifo",
        &[
            ("FifoQueue", "true"),
            ("ContentBasedDeduplication", "true"),
            ("VisibilityTimeout", "5"),
        ],
    );
    send_fifo(&mut e, &q, "x1", "g");
    send_fifo(&mut e, &q, "x2", "g");
    assert_eq!(bodies(&receive(&mut e, &q, 1, None)), ["x1"]);
    e.advance_to(SimTime::from_secs(5));
    assert_eq!(
        bodies(&receive(&mut e, &q, 10, None)),
        ["x1", "x2"],
        "seed {SEED}: order survives a lapsed timeout"
    );
}

#[test]
fn fifo_deduplicates_for_five_minutes_even_after_delete() {
    let mut e = engine();
    let q = create(
        &mut e,
        "d.fifo",
        &[("FifoQueue", "true"), ("ContentBasedDeduplication", "true")],
    );
    let first = send_fifo(&mut e, &q, "same", "g");
    let m = receive(&mut e, &q, 1, None);
    delete(&mut e, &q, &m[0]);
    e.advance_to(SimTime::from_secs(299));
    let again = send_fifo(&mut e, &q, "same", "g");
    assert_eq!(again.message_id, first.message_id, "seed {SEED}");
    assert_eq!(again.sequence_number, first.sequence_number);
    assert_eq!(
        e.queue_by_name("d.fifo").unwrap().len(),
        0,
        "nothing stored"
    );
    e.advance_to(SimTime::from_secs(300));
    let later = send_fifo(&mut e, &q, "same", "g");
    assert_ne!(
        later.message_id, first.message_id,
        "seed {SEED}: window over"
    );
    let (a, b) = (
        first.sequence_number.unwrap(),
        later.sequence_number.unwrap(),
    );
    assert!(b > a && a.len() == 20, "sequence numbers grow: {a} {b}");
}

#[test]
fn deduplication_scope_message_group_keeps_ids_apart_per_group() {
    let mut e = engine();
    let q = create(
        &mut e,
        "s.fifo",
        &[
            ("FifoQueue", "true"),
            ("DeduplicationScope", "messageGroup"),
            ("FifoThroughputLimit", "perMessageGroupId"),
        ],
    );
    let send = |e: &mut Engine, group: &str| {
        let message = MessageInput {
            message_group_id: Some(group.into()),
            message_deduplication_id: Some("order-1".into()),
            ..MessageInput::body("x")
        };
        match e.apply(Command::SendMessage {
            queue_url: q.clone(),
            message,
        }) {
            Ok(Reply::MessageSent(s)) => s.message_id,
            r => panic!("{r:?}"),
        }
    };
    let a = send(&mut e, "a");
    let b = send(&mut e, "b");
    assert_ne!(a, b, "same id in two groups: two messages");
    assert_eq!(
        send(&mut e, "a"),
        a,
        "same id in the same group: deduplicated"
    );
}

#[test]
fn receive_request_attempt_id_returns_the_same_batch() {
    let mut e = engine();
    let q = create(
        &mut e,
        "r.fifo",
        &[("FifoQueue", "true"), ("ContentBasedDeduplication", "true")],
    );
    send_fifo(&mut e, &q, "one", "g");
    send_fifo(&mut e, &q, "two", "h");
    let first = receive(&mut e, &q, 1, Some("attempt-1"));
    let retry = receive(&mut e, &q, 1, Some("attempt-1"));
    assert_eq!(
        first, retry,
        "seed {SEED}: same messages and receipt handles"
    );
    let other = receive(&mut e, &q, 1, Some("attempt-2"));
    assert_eq!(bodies(&other), ["two"]);
    // Once a message of the batch is deleted the attempt no longer replays.
    delete(&mut e, &q, &first[0]);
    assert!(receive(&mut e, &q, 1, Some("attempt-1")).is_empty());
}

#[test]
fn fifo_rejects_what_only_standard_queues_take() {
    let mut e = engine();
    let q = create(&mut e, "f.fifo", &[("FifoQueue", "true")]);
    let err = |e: &mut Engine, message: MessageInput| {
        e.apply(Command::SendMessage {
            queue_url: q.clone(),
            message,
        })
        .unwrap_err()
        .code
    };
    assert_eq!(
        err(&mut e, MessageInput::body("x")),
        ErrorCode::MissingParameter
    );
    let no_dedup = MessageInput {
        message_group_id: Some("g".into()),
        ..MessageInput::body("x")
    };
    assert_eq!(err(&mut e, no_dedup), ErrorCode::InvalidParameterValue);
    let delayed = MessageInput {
        message_group_id: Some("g".into()),
        message_deduplication_id: Some("d".into()),
        delay_seconds: Some(5),
        ..MessageInput::body("x")
    };
    assert_eq!(err(&mut e, delayed), ErrorCode::InvalidParameterValue);
    assert_eq!(e.trace().len(), 1, "only the CreateQueue happened");
}

#[test]
fn batch_entries_fail_on_their_own() {
    let mut e = engine();
    let q = create(&mut e, "b", &[]);
    let entry = |id: &str, body: &str| SendMessageBatchEntry {
        id: id.into(),
        message: MessageInput::body(body),
    };
    let reply = e
        .apply(Command::SendMessageBatch {
            queue_url: q.clone(),
            entries: vec![entry("ok", "fine"), entry("bad", "")],
        })
        .unwrap();
    match reply {
        Reply::SendBatch { successful, failed } => {
            assert_eq!(successful.len(), 1);
            assert_eq!(failed[0].id, "bad");
            assert_eq!(failed[0].code, "MissingParameter");
        }
        r => panic!("{r:?}"),
    }
    let too_many = (0..11).map(|i| entry(&format!("e{i}"), "x")).collect();
    let e1 = e
        .apply(Command::SendMessageBatch {
            queue_url: q.clone(),
            entries: too_many,
        })
        .unwrap_err();
    assert_eq!(e1.code, ErrorCode::TooManyEntriesInBatchRequest);
    let dup = vec![entry("a", "x"), entry("a", "y")];
    let e2 = e
        .apply(Command::SendMessageBatch {
            queue_url: q,
            entries: dup,
        })
        .unwrap_err();
    assert_eq!(
        e2.code.printed(),
        "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"
    );
}

#[test]
fn a_move_task_redrives_the_dead_letter_queue_at_its_rate() {
    let mut e = engine();
    let dlq = create(&mut e, "dlq", &[]);
    let dlq_arn = "arn:aws:sqs:us-east-1:123456789012:dlq";
    let policy = format!(r#"{{"deadLetterTargetArn":"{dlq_arn}","maxReceiveCount":1}}"#);
    let src = create(
        &mut e,
        "src",
        &[("RedrivePolicy", &policy), ("VisibilityTimeout", "1")],
    );
    for i in 0..5 {
        e.apply(Command::SendMessage {
            queue_url: src.clone(),
            message: MessageInput::body(format!("m{i}")),
        })
        .unwrap();
    }
    receive(&mut e, &src, 10, None);
    e.advance_to(SimTime::from_secs(1));
    assert!(receive(&mut e, &src, 10, None).is_empty(), "all moved");
    assert_eq!(e.queue_by_name("dlq").unwrap().visible_count(), 5);
    let handle = match e
        .apply(Command::StartMessageMoveTask {
            source_arn: dlq_arn.into(),
            destination_arn: None,
            max_number_of_messages_per_second: Some(2),
        })
        .unwrap()
    {
        Reply::TaskHandle(h) => h,
        r => panic!("{r:?}"),
    };
    let tasks = |e: &mut Engine| match e
        .apply(Command::ListMessageMoveTasks {
            source_arn: dlq_arn.into(),
            max_results: None,
        })
        .unwrap()
    {
        Reply::MoveTasks(t) => t,
        r => panic!("{r:?}"),
    };
    assert_eq!(tasks(&mut e)[0].status, "RUNNING");
    e.advance_to(SimTime::from_secs(2));
    assert_eq!(tasks(&mut e)[0].approximate_number_of_messages_moved, 2);
    assert_eq!(
        tasks(&mut e)[0].task_handle.as_deref(),
        Some(handle.as_str())
    );
    e.advance_to(SimTime::from_secs(4));
    let done = &tasks(&mut e)[0];
    assert_eq!(done.status, "COMPLETED");
    assert_eq!(done.approximate_number_of_messages_moved, 5);
    assert_eq!(e.queue_by_name("src").unwrap().visible_count(), 5);
    let _ = dlq;
}

#[test]
fn metrics_count_per_minute_and_sample_gauges_at_minute_ends() {
    let mut e = engine();
    let q = create(&mut e, "m", &[]);
    for _ in 0..3 {
        e.apply(Command::SendMessage {
            queue_url: q.clone(),
            message: MessageInput::body("12345"),
        })
        .unwrap();
    }
    let got = receive(&mut e, &q, 1, None);
    delete(&mut e, &q, &got[0]);
    e.advance_to(SimTime::from_secs(90));
    receive(&mut e, &q, 10, None);
    receive(&mut e, &q, 10, None);
    e.advance_to(SimTime::from_secs(120));
    let queue = e.queue_by_name("m").unwrap();
    let minutes: Vec<_> = queue.metrics.minutes().collect();
    let (_, first) = minutes[0];
    assert_eq!(first.number_of_messages_sent, 3);
    assert_eq!(first.sent_message_size_sum, 15);
    assert_eq!(first.number_of_messages_received, 1);
    assert_eq!(first.number_of_messages_deleted, 1);
    assert_eq!(first.approximate_number_of_messages_visible, Some(2));
    assert_eq!(first.approximate_age_of_oldest_message, Some(60));
    let (_, second) = minutes[1];
    assert_eq!(second.number_of_messages_received, 2);
    assert_eq!(second.number_of_empty_receives, 1);
    assert_eq!(second.approximate_number_of_messages_not_visible, Some(2));
}
