//! Read-only snapshots of the engine, shaped for the components.
//!
//! Components get plain values with `PartialEq`, so Yew re-renders only the parts whose
//! data changed (at 1000x a tick may touch every message; the event log often not at all).

use super::describe::describe;
use super::state::{AppState, ReceivedItem};
use crate::engine::{Engine, MessageState, Queue, SimTime};
use std::sync::Arc;

/// How many messages the messages view lists; the rest are counted, not drawn.
pub const MAX_ROWS: usize = 200;
/// How many trace entries the event log shows.
pub const LOG_LINES: usize = 50;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueSummary {
    pub name: String,
    pub url: String,
    pub visibility_timeout: u32,
    pub visible: usize,
    pub in_flight: usize,
    pub delayed: usize,
}

impl QueueSummary {
    fn of(q: &Queue) -> QueueSummary {
        QueueSummary {
            name: q.name.clone(),
            url: q.url.clone(),
            visibility_timeout: q.attributes.visibility_timeout,
            visible: q.visible_count(),
            in_flight: q.in_flight_count(),
            delayed: q.delayed_count(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowState {
    Visible,
    /// `percent_left`: how much of the visibility timeout remains, for a shrinking bar.
    InFlight {
        until: SimTime,
        secs_left: u64,
        percent_left: u8,
    },
    Delayed {
        until: SimTime,
        secs_left: u64,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageRow {
    pub key: u64,
    pub message_id: String,
    pub body: Arc<str>,
    pub receive_count: u32,
    pub state: RowState,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    /// Position in the trace: a stable key for the list.
    pub index: usize,
    pub at: SimTime,
    pub text: String,
}

/// Everything one render shows, read from the engine in one go.
pub struct Snapshot {
    pub now: SimTime,
    pub next_event: Option<SimTime>,
    pub queues: Vec<QueueSummary>,
    pub selected: Option<QueueSummary>,
    pub rows: Vec<MessageRow>,
    pub total_messages: usize,
    pub received: Vec<ReceivedItem>,
    pub polling_until: Option<SimTime>,
    pub log: Vec<LogLine>,
}

impl Snapshot {
    pub fn read(state: &AppState) -> Snapshot {
        // next_deadline takes &mut only to drop stale agenda entries; nothing visible changes.
        let mut engine = state.engine.borrow_mut();
        let next_event = engine.next_deadline();
        let engine: &Engine = &engine;
        let now = engine.now();
        let queues: Vec<QueueSummary> = engine.queues().map(QueueSummary::of).collect();
        let queue = state
            .selected
            .as_deref()
            .and_then(|n| engine.queue_by_name(n));
        let selected = queue.map(QueueSummary::of);
        let rows = queue
            .map(|q| q.messages().take(MAX_ROWS).map(|m| row(m, now)).collect())
            .unwrap_or_default();
        let total_messages = queue.map(Queue::len).unwrap_or(0);
        let url = selected.as_ref().map(|q| q.url.as_str());
        let received = state
            .received
            .iter()
            .filter(|r| Some(r.queue_url.as_str()) == url)
            .cloned()
            .collect();
        let polling_until = state
            .pending
            .iter()
            .find(|p| Some(p.queue_url.as_str()) == url)
            .map(|p| p.until);
        let entries = engine.trace().entries();
        let log = entries
            .iter()
            .enumerate()
            .rev()
            .take(LOG_LINES)
            .map(|(index, e)| LogLine {
                index,
                at: e.at,
                text: describe(e),
            })
            .collect();
        Snapshot {
            now,
            next_event,
            queues,
            selected,
            rows,
            total_messages,
            received,
            polling_until,
            log,
        }
    }
}

fn row(m: &crate::engine::Message, now: SimTime) -> MessageRow {
    let state = match m.state {
        MessageState::Visible => RowState::Visible,
        MessageState::InFlight { until, .. } => {
            let total = until.millis().saturating_sub(m.received_at.millis()).max(1);
            let left = until.millis().saturating_sub(now.millis());
            RowState::InFlight {
                until,
                secs_left: now.secs_until(until),
                percent_left: (left * 100 / total).min(100) as u8,
            }
        }
        MessageState::Delayed { until } => RowState::Delayed {
            until,
            secs_left: now.secs_until(until),
        },
    };
    MessageRow {
        key: m.key,
        message_id: m.message_id.clone(),
        body: m.body.clone(),
        receive_count: m.receive_count,
        state,
    }
}
