//! `receive_cost_ratio_1m_vs_1k`: whether a receive slows down as the backlog grows.
//!
//! The queue holds a steady number of resident messages: each timed receive takes up to 10,
//! and, untimed, they are deleted and as many new ones sent, so the backlog stays the same.

use super::lifecycles::{delete, receive};
use super::{create_queue, engine, send_batches, Budget, Clock, Figure, Sizes};

pub fn run(sizes: &Sizes, clock: Clock) -> Figure {
    let small = ms_per_receive(sizes.resident_small, sizes.receives, clock);
    let large = ms_per_receive(sizes.resident_large, sizes.receives, clock);
    let (Some(small), Some(large)) = (small, large) else {
        return Figure {
            value: None,
            ..Figure::new("receive_cost_ratio_1m_vs_1k", 0.0, "x")
        }
        .budget(Budget::AtMost(2.0))
        .note("a receive came back empty");
    };
    let mut note = format!(
        "{:.2} µs per receive of 10 with {} resident, {:.2} µs with {}",
        small * 1000.0,
        super::number(sizes.resident_small as f64),
        large * 1000.0,
        super::number(sizes.resident_large as f64),
    );
    if sizes.quick {
        note.push_str(" (quick: not 1,000,000)");
    }
    Figure::new("receive_cost_ratio_1m_vs_1k", large / small, "x")
        .budget(Budget::AtMost(2.0))
        .note(note)
}

/// Milliseconds per ReceiveMessage of 10 with `resident` messages in the queue.
fn ms_per_receive(resident: u64, receives: u64, clock: Clock) -> Option<f64> {
    let mut e = engine();
    let url = create_queue(&mut e, "bench-receive", &[]);
    send_batches(&mut e, &url, 0, resident, 100);
    let mut next = resident;
    let mut spent = 0.0;
    for _ in 0..receives {
        let started = clock();
        let handles = receive(&mut e, &url, 10)?;
        spent += clock() - started;
        let n = handles.len() as u64;
        delete(&mut e, &url, handles);
        send_batches(&mut e, &url, next, n, 100);
        next += n;
    }
    Some(spent / receives as f64)
}
