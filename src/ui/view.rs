//! Read-only snapshots of the engine, shaped for the components.
//!
//! Components get plain values with `PartialEq`, so Yew re-renders only the parts whose
//! data changed (at 1000x a tick may touch every message; the event log often not at all).

use super::describe::describe;
use super::notes::{Move, MoveKind, TraceNotes};
use super::sns_view::SnsSnapshot;
use super::state::{AppState, ReceivedItem};
use crate::engine::message::MessageKey;
use crate::engine::metrics::MinuteSample;
use crate::engine::{Engine, Message, MessageId, MessageState, Queue, SimTime};
use litemap::LiteMap;
use std::sync::Arc;

/// How many messages the messages view lists; the rest are counted by state, not drawn.
/// At 1000x every listed countdown changes on every tick: 200 rows took a tick past a
/// frame (60 ms) with 10,000 messages in flight, 50 fit in one (docs/PERFORMANCE.md).
pub const MAX_ROWS: usize = 50;
/// How many message groups the legend names; the rest are counted.
pub const MAX_GROUPS: usize = 24;
/// How many trace entries the event log shows.
pub const LOG_LINES: usize = 50;
/// Minutes the metrics sparklines cover (the current one included).
pub const METRIC_MINUTES: u64 = 15;

/// Hues a group colour is picked from: 40° apart, so that any two are easy to tell
/// apart (on a continuous wheel, two groups often got near-identical colours).
const GROUP_HUES: [u16; 9] = [0, 40, 80, 120, 160, 200, 240, 280, 320];

/// A hue for a message group, derived from its id alone, so a group keeps its colour
/// across queues, renders and runs: FNV-1a of the id, mixed (MurmurHash3's finaliser, so
/// ids that differ in one character spread over the palette), picks one of `GROUP_HUES`.
/// Two groups can share a hue; the legend names each group with its colour.
pub fn group_hue(group_id: &str) -> u16 {
    let mut h: u32 = 0x811c_9dc5;
    for b in group_id.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    GROUP_HUES[h as usize % GROUP_HUES.len()]
}

/// The queue name at the end of a queue ARN or URL.
pub fn name_of(arn_or_url: &str) -> &str {
    arn_or_url.rsplit([':', '/']).next().unwrap_or(arn_or_url)
}

/// A countdown as a learner reads it: `45 s`, `4 m 05 s`, `2 h 03 m`, `3 d 23 h`.
pub fn duration(secs: u64) -> String {
    match secs {
        0..=59 => format!("{secs} s"),
        60..=3_599 => format!("{} m {:02} s", secs / 60, secs % 60),
        3_600..=86_399 => format!("{} h {:02} m", secs / 3_600, (secs / 60) % 60),
        _ => format!("{} d {} h", secs / 86_400, (secs / 3_600) % 24),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueSummary {
    pub name: String,
    pub url: String,
    pub fifo: bool,
    /// Some queue's redrive policy names this one as its dead-letter queue.
    pub dead_letter: bool,
    pub visible: usize,
    pub in_flight: usize,
    pub delayed: usize,
    /// A message moved into this queue moments ago (the list item pulses).
    pub arrived: bool,
}

/// The selected queue's settings, for the details panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueInfo {
    pub name: String,
    pub url: String,
    pub arn: String,
    pub fifo: bool,
    pub visibility_timeout: u32,
    pub retention_period: u32,
    pub content_based_deduplication: bool,
    /// (dead-letter queue name, maxReceiveCount) when this queue has a redrive policy.
    pub redrive: Option<(String, u32)>,
    /// Queues whose redrive policy names this one (it is their dead-letter queue).
    pub dead_letter_for: Vec<String>,
    pub encryption: Encryption,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encryption {
    pub sqs_managed: bool,
    pub kms_key: Option<String>,
    pub kms_reuse_seconds: u32,
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

/// A message group as the page shows it: its id and colour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupTag {
    pub id: Arc<str>,
    pub hue: u16,
}

impl GroupTag {
    pub fn of(id: &Arc<str>) -> GroupTag {
        GroupTag {
            id: id.clone(),
            hue: group_hue(id),
        }
    }
    /// The CSS custom property the stylesheet derives the group's colours from.
    pub fn style(&self) -> String {
        format!("--group-hue:{}", self.hue)
    }
}

/// How a message just arrived in the queue shown (for the highlight).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival {
    pub from: String,
    pub kind: MoveKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageRow {
    pub key: u64,
    pub message_id: String,
    pub body: Arc<str>,
    pub receive_count: u32,
    pub state: RowState,
    pub group: Option<GroupTag>,
    pub sequence_number: Option<Arc<str>>,
    /// A copy left by a delete that missed a replica (chaos).
    pub duplicate: bool,
    /// Its latest receive skipped an older visible message.
    pub reordered: bool,
    /// In a dead-letter queue: the queue it came from.
    pub dead_letter_from: Option<String>,
    pub arrived: Option<Arrival>,
    /// Retention: when the message expires, and the seconds until then.
    pub expires_at: SimTime,
    pub expires_in: u64,
}

/// A message group of the selected queue, for the legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupInfo {
    pub tag: GroupTag,
    pub messages: usize,
    pub in_flight: usize,
}

/// The messages of the selected queue that the view does not list, by state: what a
/// learner would see further down, summed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unlisted {
    pub visible: usize,
    pub in_flight: usize,
    pub delayed: usize,
}

impl Unlisted {
    /// The queue's counts less those of the rows listed.
    fn of(q: &Queue, rows: &[MessageRow]) -> Unlisted {
        let listed = |pick: fn(&RowState) -> bool| rows.iter().filter(|r| pick(&r.state)).count();
        Unlisted {
            visible: q
                .visible_count()
                .saturating_sub(listed(|s| matches!(s, RowState::Visible))),
            in_flight: q
                .in_flight_count()
                .saturating_sub(listed(|s| matches!(s, RowState::InFlight { .. }))),
            delayed: q
                .delayed_count()
                .saturating_sub(listed(|s| matches!(s, RowState::Delayed { .. }))),
        }
    }
}

/// A message that just left the selected queue for another one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Departure {
    pub message_id: String,
    pub to: String,
    pub kind: MoveKind,
    /// The id and the wall-clock ms when seen: a stable key for the list.
    pub key: String,
}

/// Per-minute series (oldest first, the current minute last) and the gauges now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MetricsView {
    pub sent: Vec<u64>,
    pub received: Vec<u64>,
    pub deleted: Vec<u64>,
    pub empty_receives: Vec<u64>,
    pub visible: Vec<u64>,
    pub in_flight: Vec<u64>,
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
    pub selected: Option<QueueInfo>,
    pub rows: Vec<MessageRow>,
    pub unlisted: Unlisted,
    pub total_messages: usize,
    /// The first `MAX_GROUPS` groups, and how many there are in all.
    pub groups: Vec<GroupInfo>,
    pub group_count: usize,
    pub departures: Vec<Departure>,
    pub metrics: MetricsView,
    pub received: Vec<ReceivedItem>,
    pub polling_until: Option<SimTime>,
    pub log: Vec<LogLine>,
    pub sns: SnsSnapshot,
}

impl Snapshot {
    pub fn read(state: &AppState) -> Snapshot {
        // next_deadline takes &mut only to drop stale agenda entries; nothing visible changes.
        let mut engine = state.engine.borrow_mut();
        let next_event = engine.next_deadline();
        let engine: &Engine = &engine;
        let notes = state.notes.borrow();
        let wall = state.wall_ms;
        let now = engine.now();
        let dead_letter_targets: LiteMap<&str, Vec<String>> =
            engine.queues().fold(LiteMap::new(), |mut map, q| {
                if let Some(p) = &q.attributes.redrive_policy {
                    map.entry(name_of(&p.dead_letter_target_arn))
                        .or_insert_with(Vec::new)
                        .push(q.name.clone());
                }
                map
            });
        let recent: Vec<&Move> = notes.recent_moves(wall).collect();
        let summary = |q: &Queue| QueueSummary {
            name: q.name.clone(),
            url: q.url.clone(),
            fifo: q.is_fifo(),
            dead_letter: dead_letter_targets.contains_key(q.name.as_str()),
            visible: q.visible_count(),
            in_flight: q.in_flight_count(),
            delayed: q.delayed_count(),
            arrived: recent.iter().any(|m| m.to == q.name),
        };
        let queues: Vec<QueueSummary> = engine.queues().map(summary).collect();
        let queue = state
            .selected
            .as_deref()
            .and_then(|n| engine.queue_by_name(n));
        let selected = queue.map(|q| info(q, &dead_letter_targets));
        let (rows, unlisted, groups, group_count, departures, metrics) = match queue {
            Some(q) => {
                // Oldest first, so a message's latest move wins; inserted one by one, as
                // `collect` would sort (another sort's code in the page).
                let mut arrivals: LiteMap<MessageId, &Move> = LiteMap::new();
                for m in recent.iter().rev().filter(|m| m.to == q.name) {
                    arrivals.insert(m.message_id, *m);
                }
                let rows: Vec<MessageRow> = q
                    .keyed_messages()
                    .take(MAX_ROWS)
                    .map(|(key, m)| row(q, key, m, now, &notes, &arrivals))
                    .collect();
                let unlisted = Unlisted::of(q, &rows);
                let groups = q
                    .groups()
                    .take(MAX_GROUPS)
                    .map(|(id, g)| GroupInfo {
                        tag: GroupTag::of(id),
                        messages: g.all.len(),
                        in_flight: g.in_flight,
                    })
                    .collect();
                let departures = recent
                    .iter()
                    .filter(|m| m.from == q.name)
                    .take(5)
                    .map(|m| Departure {
                        message_id: m.message_id.to_string(),
                        to: m.to.clone(),
                        kind: m.kind,
                        key: format!("{}@{}", m.message_id, m.seen_ms as u64),
                    })
                    .collect();
                let group_count = q.groups().count();
                (
                    rows,
                    unlisted,
                    groups,
                    group_count,
                    departures,
                    metrics(q, now),
                )
            }
            None => Default::default(),
        };
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
        let trace = engine.trace();
        let first = trace.first_index();
        let mut log: Vec<LogLine> = trace
            .entries()
            .iter()
            .enumerate()
            .rev()
            .take(LOG_LINES)
            .map(|(i, e)| LogLine {
                index: first + i,
                at: e.at,
                text: describe(e),
            })
            .collect();
        // The engine keeps a window of recent events; say so rather than imply the log
        // begins here.
        if first > 0 {
            log.push(LogLine {
                index: first.saturating_sub(1),
                at: trace.entries().first().map_or(now, |e| e.at),
                text: format!(
                    "{first} earlier events are no longer kept (the engine keeps the latest {})",
                    trace.entries().len()
                ),
            });
        }
        let sns = SnsSnapshot::read(
            engine,
            &notes,
            state.inspect.as_ref(),
            state.selected.as_deref(),
            wall,
        );
        Snapshot {
            sns,
            now,
            next_event,
            queues,
            selected,
            rows,
            unlisted,
            total_messages,
            groups,
            group_count,
            departures,
            metrics,
            received,
            polling_until,
            log,
        }
    }
}

fn info(q: &Queue, dead_letter_targets: &LiteMap<&str, Vec<String>>) -> QueueInfo {
    let a = &q.attributes;
    QueueInfo {
        name: q.name.clone(),
        url: q.url.clone(),
        arn: q.arn.clone(),
        fifo: q.is_fifo(),
        visibility_timeout: a.visibility_timeout,
        retention_period: a.message_retention_period,
        content_based_deduplication: a.content_based_deduplication,
        redrive: a.redrive_policy.as_ref().map(|p| {
            (
                name_of(&p.dead_letter_target_arn).to_string(),
                p.max_receive_count,
            )
        }),
        dead_letter_for: dead_letter_targets
            .get(q.name.as_str())
            .cloned()
            .unwrap_or_default(),
        encryption: Encryption {
            sqs_managed: a.sqs_managed_sse_enabled,
            kms_key: a.kms_master_key_id.clone(),
            kms_reuse_seconds: a.kms_data_key_reuse_period_seconds,
        },
    }
}

fn row(
    q: &Queue,
    key: MessageKey,
    m: &Message,
    now: SimTime,
    notes: &TraceNotes,
    arrivals: &LiteMap<MessageId, &Move>,
) -> MessageRow {
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
    // Retention counts from the first send (the engine keeps `enqueued_at` across a
    // standard queue's dead-letter move) with this queue's period.
    let expires_at = m
        .enqueued_at
        .plus_secs(q.attributes.message_retention_period as u64);
    let flags = notes.flags(&q.name, m.message_id);
    MessageRow {
        key,
        message_id: m.message_id.to_string(),
        body: m.body.clone(),
        receive_count: m.receive_count,
        state,
        group: m.group_id.as_ref().map(GroupTag::of),
        sequence_number: m.sequence_number().cloned(),
        duplicate: m.is_duplicate() || flags.duplicate,
        reordered: flags.reordered,
        dead_letter_from: m
            .dead_letter_source_arn()
            .map(|arn| name_of(arn).to_string()),
        arrived: arrivals.get(&m.message_id).map(|mv| Arrival {
            from: mv.from.clone(),
            kind: mv.kind,
        }),
        expires_at,
        expires_in: now.secs_until(expires_at),
    }
}

/// The last `METRIC_MINUTES` minutes of a queue's CloudWatch-style metrics. Counters of
/// minutes without activity are 0; gauges are sampled at each minute's end, so the current
/// minute shows the live counts. Minutes before the simulation began count as 0.
fn metrics(q: &Queue, now: SimTime) -> MetricsView {
    let current = (now.millis() / 60_000) as i64;
    let first = current - (METRIC_MINUTES as i64 - 1);
    let mut by_minute: LiteMap<i64, &MinuteSample> = LiteMap::new();
    for (t, s) in q.metrics.minutes() {
        let minute = (t.millis() / 60_000) as i64;
        if minute >= first {
            by_minute.insert(minute, s);
        }
    }
    let mut v = MetricsView::default();
    let mut last_visible = 0;
    let mut last_in_flight = 0;
    for minute in first..=current {
        let s = by_minute.get(&minute);
        let counter = |f: fn(&MinuteSample) -> u64| s.map_or(0, |s| f(s));
        v.sent.push(counter(|s| s.number_of_messages_sent));
        v.received.push(counter(|s| s.number_of_messages_received));
        v.deleted.push(counter(|s| s.number_of_messages_deleted));
        v.empty_receives
            .push(counter(|s| s.number_of_empty_receives));
        if minute == current {
            v.visible.push(q.visible_count() as u64);
            v.in_flight.push(q.in_flight_count() as u64);
        } else {
            // A minute without a sample (before the queue existed) carries the last value.
            last_visible = s
                .and_then(|s| s.approximate_number_of_messages_visible)
                .unwrap_or(last_visible);
            last_in_flight = s
                .and_then(|s| s.approximate_number_of_messages_not_visible)
                .unwrap_or(last_in_flight);
            v.visible.push(last_visible);
            v.in_flight.push(last_in_flight);
        }
    }
    v
}
