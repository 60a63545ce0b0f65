//! What the page remembers from the trace between renders.
//!
//! The engine's queue views say what a message *is*; some things a learner should see are
//! only in the trace, as events: whether a message's latest receive came out of order or
//! was a duplicate copy, and that a message just moved to another queue (dead-letter move
//! or redrive). `TraceNotes` reads the trace incrementally (from where it stopped) and
//! keeps just that, with bounded memory:
//! - receive flags per message, dropped when the message leaves its queue;
//! - recent moves, stamped with the wall-clock time the page saw them, so a row can be
//!   highlighted briefly when it arrives and not again when the queue is selected later.

use super::sns_notes::SnsNotes;
use crate::engine::{Event, MessageId, SimTime, Trace};
use std::collections::{BTreeMap, VecDeque};

/// How long (real milliseconds) a move counts as "just happened" for highlighting.
pub const MOVE_HIGHLIGHT_MS: f64 = 2_500.0;
/// Moves remembered at most (a big redrive at 1000x can move thousands in one tick; only
/// the latest can be on screen).
const MAX_MOVES: usize = 1_000;

/// How a message's latest receive went, from the `Received` event's flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReceiveFlags {
    /// An older message was visible but this one was returned first.
    pub reordered: bool,
    /// The copy a delete left behind on a replica (chaos), delivered again.
    pub duplicate: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveKind {
    /// Moved by the source's redrive policy after this many receives.
    DeadLetter { receive_count: u32 },
    /// Moved back (or on) by a message move task.
    Redrive,
}

/// One message that moved between queues.
#[derive(Clone, Debug, PartialEq)]
pub struct Move {
    pub from: String,
    pub to: String,
    pub message_id: MessageId,
    pub kind: MoveKind,
    pub at: SimTime,
    /// `Date.now()` when the page read the event.
    pub seen_ms: f64,
}

#[derive(Default)]
pub struct TraceNotes {
    /// Trace entries before this index have been read.
    read: usize,
    /// (queue name, message id) → flags of its latest receive.
    flags: BTreeMap<(String, MessageId), ReceiveFlags>,
    /// Recent moves, oldest first.
    moves: VecDeque<Move>,
    /// Fanout, filter drops, retries and access problems.
    pub sns: SnsNotes,
}

impl TraceNotes {
    /// Reads the entries added since the last call. `now_ms` is the wall clock. Returns
    /// the (queue, message id) of messages that left their queue other than by a delete
    /// (moved to a dead-letter queue, redriven, expired): their receipts are void now.
    pub fn catch_up(&mut self, trace: &Trace, now_ms: f64) -> Vec<(String, String)> {
        let mut gone = Vec::new();
        for (i, entry) in trace.since(self.read).iter().enumerate() {
            self.note(&entry.event, entry.at, now_ms);
            self.sns.note(self.read + i, &entry.event, entry.at, now_ms);
            match &entry.event {
                Event::MovedToDeadLetterQueue {
                    queue, message_id, ..
                }
                | Event::Expired { queue, message_id }
                | Event::MovedByTask {
                    source: queue,
                    message_id,
                    ..
                } => gone.push((queue.to_string(), message_id.to_string())),
                _ => {}
            }
        }
        self.read = trace.len();
        while self
            .moves
            .front()
            .is_some_and(|m| now_ms - m.seen_ms > MOVE_HIGHLIGHT_MS)
            || self.moves.len() > MAX_MOVES
        {
            self.moves.pop_front();
        }
        self.sns.prune(now_ms, MOVE_HIGHLIGHT_MS);
        gone
    }

    fn note(&mut self, event: &Event, at: SimTime, now_ms: f64) {
        let key = |q: &str, id: &MessageId| (q.to_string(), *id);
        match event {
            Event::Received {
                queue,
                message_id,
                reordered,
                duplicate,
                ..
            } => {
                self.flags.insert(
                    key(queue, message_id),
                    ReceiveFlags {
                        reordered: *reordered,
                        duplicate: *duplicate,
                    },
                );
            }
            Event::Deleted { queue, message_id } | Event::Expired { queue, message_id } => {
                self.flags.remove(&key(queue, message_id));
            }
            Event::MovedToDeadLetterQueue {
                queue,
                message_id,
                dead_letter_queue,
                receive_count,
            } => {
                self.flags.remove(&key(queue, message_id));
                self.moves.push_back(Move {
                    from: queue.to_string(),
                    to: dead_letter_queue.clone(),
                    message_id: *message_id,
                    kind: MoveKind::DeadLetter {
                        receive_count: *receive_count,
                    },
                    at,
                    seen_ms: now_ms,
                });
            }
            Event::MovedByTask {
                source,
                message_id,
                destination,
            } => {
                self.flags.remove(&key(source, message_id));
                // A redriven message starts afresh: its old flags no longer describe it.
                self.flags.remove(&key(destination, message_id));
                self.moves.push_back(Move {
                    from: source.to_string(),
                    to: destination.clone(),
                    message_id: *message_id,
                    kind: MoveKind::Redrive,
                    at,
                    seen_ms: now_ms,
                });
            }
            Event::Purged { queue, .. } | Event::QueueDeleted { queue } => {
                self.flags.retain(|(q, _), _| **q != **queue);
            }
            _ => {}
        }
    }

    pub fn flags(&self, queue: &str, message_id: MessageId) -> ReceiveFlags {
        self.flags
            .get(&(queue.to_string(), message_id))
            .copied()
            .unwrap_or_default()
    }

    /// Moves seen within the highlight window of `now_ms`, newest first.
    pub fn recent_moves(&self, now_ms: f64) -> impl Iterator<Item = &Move> {
        self.moves
            .iter()
            .rev()
            .take_while(move |m| now_ms - m.seen_ms <= MOVE_HIGHLIGHT_MS)
    }

    /// The recent move that brought `message_id` into `queue`, if any.
    pub fn arrival(&self, queue: &str, message_id: &str, now_ms: f64) -> Option<&Move> {
        self.recent_moves(now_ms)
            .find(|m| m.to == queue && m.message_id == message_id)
    }
}
