//! `bytes_per_resident_message`: memory a queued 100-byte message costs, everything the
//! engine keeps for it included (the message, its indexes, its trace entry).
//!
//! Only the caller can count allocated bytes (natively, a counting global allocator in the
//! `fanout` binary), so it passes a function that reads the live total.

use super::{create_queue, engine, send_batches, Budget, Figure, Sizes};

pub fn run(sizes: &Sizes, live_bytes: &dyn Fn() -> usize) -> Figure {
    let mut e = engine();
    let url = create_queue(&mut e, "bench-resident", &[]);
    let before = live_bytes();
    let sent = send_batches(&mut e, &url, 0, sizes.resident_measured, 100);
    let after = live_bytes();
    let resident = e
        .queue_by_name("bench-resident")
        .map_or(0, |q| q.visible_count()) as u64;
    let per_message = after.saturating_sub(before) as f64 / sent.max(1) as f64;
    // Keeps the engine (and what it holds) alive until after the count.
    drop(e);
    let figure =
        Figure::new("bytes_per_resident_message", per_message, "B").budget(Budget::AtMost(300.0));
    if resident != sizes.resident_measured {
        return figure.note(format!(
            "{resident} of {} messages were resident",
            sizes.resident_measured
        ));
    }
    figure.note(format!(
        "{} messages of 100 bytes resident",
        super::number(resident as f64)
    ))
}
