//! `lifecycles_per_sec`: send + receive + delete on one standard queue, batches of 10.

use super::{create_queue, engine, per_second, send_batches, Budget, Clock, Figure, Sizes};
use crate::engine::{Command, DeleteMessageBatchEntry, Engine, ReceiveInput, Reply};

/// The native budget; the page's is half (docs/PERFORMANCE.md).
pub const BUDGET_NATIVE: f64 = 1_000_000.0;
pub const BUDGET_BROWSER: f64 = 500_000.0;

pub fn run(sizes: &Sizes, clock: Clock) -> Figure {
    run_with_budget(sizes, clock, BUDGET_NATIVE)
}

pub fn run_with_budget(sizes: &Sizes, clock: Clock, budget: f64) -> Figure {
    let mut e = engine();
    let url = create_queue(&mut e, "bench-lifecycles", &[]);
    let started = clock();
    let done = lifecycles(&mut e, &url, sizes.lifecycles);
    let ms = clock() - started;
    let figure = Figure::new("lifecycles_per_sec", per_second(done as f64, ms), "/s")
        .budget(Budget::AtLeast(budget));
    if done < sizes.lifecycles {
        return figure.note(format!(
            "only {done} of {} lifecycles completed",
            sizes.lifecycles
        ));
    }
    figure
}

/// Runs `count` lifecycles in batches of 10; how many messages were deleted.
pub fn lifecycles(e: &mut Engine, url: &str, count: u64) -> u64 {
    let mut deleted = 0;
    while deleted < count {
        let size = (count - deleted).min(10);
        if send_batches(e, url, deleted, size, 100) < size {
            break;
        }
        let mut pending = size;
        while pending > 0 {
            let got = receive_and_delete(e, url, pending);
            if got == 0 {
                return deleted;
            }
            pending -= got.min(pending);
            deleted += got;
        }
    }
    deleted
}

/// One ReceiveMessage for up to `max` messages and one DeleteMessageBatch of what came
/// back; how many were deleted.
pub fn receive_and_delete(e: &mut Engine, url: &str, max: u64) -> u64 {
    let Some(handles) = receive(e, url, max) else {
        return 0;
    };
    delete(e, url, handles)
}

pub fn receive(e: &mut Engine, url: &str, max: u64) -> Option<Vec<String>> {
    let reply = e.apply(Command::ReceiveMessage {
        queue_url: url.into(),
        input: ReceiveInput {
            max_number_of_messages: Some(max as i64),
            ..Default::default()
        },
    });
    match reply {
        Ok(Reply::Messages(m)) if !m.is_empty() => {
            Some(m.into_iter().map(|m| m.receipt_handle).collect())
        }
        _ => None,
    }
}

pub fn delete(e: &mut Engine, url: &str, handles: Vec<String>) -> u64 {
    match e.apply(Command::DeleteMessageBatch {
        queue_url: url.into(),
        entries: DeleteMessageBatchEntry::numbered(handles),
    }) {
        Ok(Reply::Batch { successful, .. }) => successful.len() as u64,
        _ => 0,
    }
}
