//! `bytes_per_resident_message`: memory a queued 100-byte message costs, everything the
//! engine keeps for it included (the message, its indexes, its trace entry).
//!
//! Only the caller can count allocated bytes (natively, a counting global allocator in the
//! `fanout` binary), so it passes a function that reads the live total.
//!
//! The figure counts each message's `Sent` trace entry, as a user filling a queue pays for
//! it, but the trace is bounded (`EngineConfig::trace_window`): past the window it stops
//! growing while the queue does not. So the note also gives what the queue itself costs,
//! measured again with a trace that keeps one entry, and the difference, the trace's share.

use super::{create_queue, send_batches, Budget, Figure, Sizes};
use crate::engine::{Engine, EngineConfig};

pub fn run(sizes: &Sizes, live_bytes: &dyn Fn() -> usize) -> Figure {
    let count = sizes.resident_measured;
    let (total, resident) = bytes_per_message(EngineConfig::default(), count, live_bytes);
    let config = EngineConfig {
        trace_window: 1,
        ..EngineConfig::default()
    };
    let (queue_only, _) = bytes_per_message(config, count, live_bytes);
    let figure =
        Figure::new("bytes_per_resident_message", total, "B").budget(Budget::AtMost(300.0));
    if resident != count {
        return figure.note(format!("{resident} of {count} messages were resident"));
    }
    figure.note(format!(
        "{} messages of 100 bytes resident: {} B the queue (message, indexes, retention), {} B its trace entry",
        super::number(resident as f64),
        super::number(queue_only),
        super::number(total - queue_only),
    ))
}

/// Heap bytes per message after sending `count` 100-byte messages, and how many are resident.
fn bytes_per_message(
    config: EngineConfig,
    count: u64,
    live_bytes: &dyn Fn() -> usize,
) -> (f64, u64) {
    let mut e = Engine::new(config);
    let url = create_queue(&mut e, "bench-resident", &[]);
    let before = live_bytes();
    let sent = send_batches(&mut e, &url, 0, count, 100);
    let after = live_bytes();
    let resident = e
        .queue_by_name("bench-resident")
        .map_or(0, |q| q.visible_count()) as u64;
    // Keeps the engine (and what it holds) alive until after the count.
    drop(e);
    (
        after.saturating_sub(before) as f64 / sent.max(1) as f64,
        resident,
    )
}
