//! Profiling driver for the engine's hot paths (docs/PERFORMANCE.md, "Engine profile").
//!
//! `cargo run --release --example lesson` prints, for the current engine:
//! - the lesson workload: one virtual hour of 100 msgs/s through 10 auto-scaled consumers,
//!   producer batches of 1 and of 10 (as tests/actors.rs `lesson_workload_wall_time`);
//! - receive + delete cost with 1,000 and with 1,000,000 resident messages;
//! - heap bytes per resident 100-byte message, counted by a wrapping allocator.
//!
//! `... --example lesson -- lesson` (or `receive`, `memory`) runs one part only, which is
//! what callgrind should be pointed at.

use fanout::engine::actors::*;
use fanout::engine::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes, so resident memory per message is measured, not estimated.
struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

fn engine(seed: u64, chaos: Chaos) -> Engine {
    Engine::new(EngineConfig {
        seed,
        chaos,
        ..Default::default()
    })
}

fn create(e: &mut Engine, name: &str) -> String {
    match e.apply(Command::CreateQueue {
        queue_name: name.into(),
        attributes: BTreeMap::new(),
        tags: BTreeMap::new(),
    }) {
        Ok(Reply::QueueUrl(u)) => u,
        other => panic!("CreateQueue: {other:?}"),
    }
}

fn lesson() {
    for batch_size in [1, 10] {
        let started = Instant::now();
        let mut e = engine(1, Chaos::Realistic);
        let q = create(&mut e, "lesson");
        let spec = ProducerSpec {
            target: Target::Queue(q.clone()),
            pattern: RatePattern::Steady { rate: 100_000 },
            body: Template::parse("message {n}").expect("template"),
            group_id: None,
            deduplication_id: None,
            batch_size,
            count: None,
            stop_at: None,
        };
        e.start_producer("p", spec).expect("producer");
        let group = ConsumerSpec {
            queue_url: q,
            instances: Instances::TargetTracking {
                min: 1,
                max: 10,
                acceptable_latency_ms: 10_000,
                cooldown_ms: 60_000,
            },
            warm_up_ms: 0,
            max_number_of_messages: 10,
            wait_time_seconds: Some(20),
            visibility_timeout: None,
            processing: ProcessingTime::Exponential { mean_ms: 80 },
            failure_probability: 0.0,
            crash_probability: 0.0,
            idempotent: false,
        };
        e.start_consumers("workers", group).expect("consumers");
        let heap_before = live();
        e.advance_to(e.now().plus_secs(3600));
        let wall = started.elapsed();
        let processed = e.actor("workers").expect("group").stats.processed;
        println!(
            "lesson batch {batch_size:>2}: {processed} processed, {} trace entries, heap +{:.1} MB, wall {:.3} s",
            e.trace().len(),
            (live() - heap_before) as f64 / 1e6,
            wall.as_secs_f64()
        );
    }
}

fn send_batch(e: &mut Engine, q: &str, from: usize, body: &str) {
    let entries = (0..10)
        .map(|i| SendMessageBatchEntry {
            id: format!("m{}", from + i),
            message: MessageInput::body(body),
        })
        .collect();
    let r = e.apply(Command::SendMessageBatch {
        queue_url: q.into(),
        entries,
    });
    assert!(matches!(r, Ok(Reply::SendBatch { ref failed, .. }) if failed.is_empty()));
}

/// Receives and deletes batches of 10 from a queue holding `resident` messages, resending
/// what it deletes so the depth stays put. Returns nanoseconds per received message.
fn receive_cost(resident: usize) -> f64 {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "deep");
    let body = "x".repeat(100);
    for i in (0..resident).step_by(10) {
        send_batch(&mut e, &q, i, &body);
    }
    let rounds = 20_000;
    let started = Instant::now();
    for round in 0..rounds {
        let r = e.apply(Command::ReceiveMessage {
            queue_url: q.clone(),
            input: ReceiveInput {
                max_number_of_messages: Some(10),
                ..Default::default()
            },
        });
        let Ok(Reply::Messages(messages)) = r else {
            panic!("receive: {r:?}")
        };
        let entries = messages
            .into_iter()
            .enumerate()
            .map(|(i, m)| DeleteMessageBatchEntry {
                id: format!("d{i}"),
                receipt_handle: m.receipt_handle,
            })
            .collect();
        let r = e.apply(Command::DeleteMessageBatch {
            queue_url: q.clone(),
            entries,
        });
        assert!(matches!(r, Ok(Reply::Batch { ref failed, .. }) if failed.is_empty()));
        send_batch(&mut e, &q, round * 10, &body);
    }
    started.elapsed().as_nanos() as f64 / (rounds * 10) as f64
}

fn receive() {
    let small = receive_cost(1_000);
    let large = receive_cost(1_000_000);
    println!(
        "receive+delete+send per message: {small:.0} ns at 1,000 resident, {large:.0} ns at 1,000,000 (ratio {:.2})",
        large / small
    );
}

fn memory() {
    let n = 100_000;
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "resident");
    let body = "x".repeat(100);
    // The trace is accounted separately: it is the history, not the queue's residents.
    let before = live();
    for i in (0..n).step_by(10) {
        send_batch(&mut e, &q, i, &body);
    }
    let total = live() - before;
    println!(
        "{n} resident 100-byte messages: {:.0} heap bytes each (queue, agenda and trace), trace {} entries",
        total as f64 / n as f64,
        e.trace().len()
    );
}

fn main() {
    let part = std::env::args().nth(1).unwrap_or_default();
    match part.as_str() {
        "lesson" => lesson(),
        "receive" => receive(),
        "memory" => memory(),
        _ => {
            lesson();
            receive();
            memory();
        }
    }
}
