//! `bytes_per_resident_message`: memory a queued 100-byte message costs, everything the
//! engine keeps for it included (the message, its indexes, its trace entry).
//!
//! Only the caller can count allocated bytes (natively, a counting global allocator in the
//! `fanout` binary), so it passes a function that reads the live total.
//!
//! The figure is taken with a million messages resident, the scale the receive-cost figure
//! uses. Each send also pushes a `Sent` trace entry, but the trace is bounded
//! (`EngineConfig::trace_window`, 100,000 entries): past the window it stops growing while
//! the queue does not, so its share per message shrinks as the queue fills. So that nobody
//! is misled either way, the note splits the figure into the queue's share (the same sends
//! again with a trace that keeps one entry) and the trace's, and gives both again at the
//! window's size, where the trace's share is largest.

use super::{create_queue, send_batches, Budget, Figure, Sizes};
use crate::engine::{Engine, EngineConfig};

pub fn run(sizes: &Sizes, live_bytes: &dyn Fn() -> usize) -> Figure {
    let counts = [sizes.resident_early, sizes.resident_measured];
    let total = bytes_per_message(EngineConfig::default(), counts, live_bytes);
    let config = EngineConfig {
        trace_window: 1,
        ..EngineConfig::default()
    };
    let queue_only = bytes_per_message(config, counts, live_bytes);
    let [(early_total, _), (measured_total, resident)] = total;
    let [(early_queue, _), (measured_queue, _)] = queue_only;
    let figure = Figure::new("bytes_per_resident_message", measured_total, "B")
        .budget(Budget::AtMost(300.0));
    if resident != sizes.resident_measured {
        return figure.note(format!(
            "{resident} of {} messages were resident",
            sizes.resident_measured
        ));
    }
    let n = super::number;
    figure.note(format!(
        "{} messages of 100 bytes resident: {} B the queue (message, indexes, retention), {} B the trace (it keeps at most {} entries, spread over every message); at {} messages: {} B = {} B the queue + {} B the trace",
        n(resident as f64),
        n(measured_queue),
        n(measured_total - measured_queue),
        n(crate::engine::trace::DEFAULT_WINDOW as f64),
        n(sizes.resident_early as f64),
        n(early_total),
        n(early_queue),
        n(early_total - early_queue),
    ))
}

/// Heap bytes per message once each of `counts` (increasing) 100-byte messages were sent
/// to one queue, and how many were then resident.
fn bytes_per_message(
    config: EngineConfig,
    counts: [u64; 2],
    live_bytes: &dyn Fn() -> usize,
) -> [(f64, u64); 2] {
    let mut e = Engine::new(config);
    let url = create_queue(&mut e, "bench-resident", &[]);
    let before = live_bytes();
    let mut sent = 0;
    counts.map(|count| {
        sent += send_batches(&mut e, &url, sent, count.saturating_sub(sent), 100);
        // Wrapping: frees of bytes allocated before counting began may take the live count
        // below zero; the difference is still right.
        let bytes = live_bytes().wrapping_sub(before);
        let resident = e
            .queue_by_name("bench-resident")
            .map_or(0, |q| q.visible_count()) as u64;
        (bytes as f64 / sent.max(1) as f64, resident)
    })
}
