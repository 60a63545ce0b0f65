//! The simulation: pure, deterministic, sans-IO.
//!
//! Drivers (the page, the CLI) call [`Engine::apply`] with a [`Command`] at the current
//! virtual time, move time with [`Engine::advance_to`] / [`Engine::step`], and read what
//! happened from [`Engine::trace`] and the queue views. Nothing here reads a clock, the OS
//! or the browser; all randomness comes from the seeded [`rng::SimRng`].

pub mod access_policy;
pub mod actors;
pub mod agenda;
pub mod attributes;
pub mod capacity;
pub mod command;
pub mod deduplication;
pub mod delivery_policy;
pub mod error;
pub mod filter_policy;
pub mod harness;
pub mod journal;
pub mod md5_digest;
pub mod message;
pub mod message_attributes;
pub mod message_id;
mod message_store;
pub mod metrics;
mod parked_polls;
pub mod queue;
pub mod rng;
pub mod sns;
mod sqs;
pub mod time;
pub mod trace;
mod visible_keys;

pub use command::{
    BatchFailure, ChangeMessageVisibilityBatchEntry, Command, DeleteMessageBatchEntry,
    EndpointSettings, MessageInput, MoveTaskReport, PollId, PublishBatchEntry, PublishInput,
    PublishResult, ReceiveInput, Reply, SendMessageBatchEntry, SendResult, SubscriptionSummary,
    BATCH_ENTRY_IDS,
};
pub use error::{ErrorCode, SqsError};
pub use md5_digest::Md5Digest;
pub use message::{Message, MessageState, ReceivedMessage};
pub use message_attributes::{MessageAttributeValue, MessageAttributes};
pub use message_id::MessageId;
pub use queue::{Queue, QueueId};
pub use sqs::SYSTEM_ATTRIBUTES as MESSAGE_SYSTEM_ATTRIBUTES;
pub use time::SimTime;
pub use trace::{DeliveryFailure, Event, Refusal, Trace, TraceEntry};

use agenda::Agenda;
use message::MessageKey;
use rng::SimRng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};

/// How far a standard queue strays from an ideal one (DESIGN §2, the distributed model).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Chaos {
    /// One host, every receive sees every message, oldest first: for scripts and tests.
    #[default]
    Off,
    /// Five hosts; a short poll asks most of them, so now and then it misses messages.
    Realistic,
    /// Five hosts; a short poll asks about half of them: false empties and reordering are common.
    High,
}

impl Chaos {
    pub fn parse(s: &str) -> Option<Chaos> {
        match s {
            "off" => Some(Chaos::Off),
            "realistic" => Some(Chaos::Realistic),
            "high" => Some(Chaos::High),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Chaos::Off => "off",
            Chaos::Realistic => "realistic",
            Chaos::High => "high",
        }
    }
    fn hosts(self) -> u32 {
        match self {
            Chaos::Off => 1,
            _ => 5,
        }
    }
    /// Probability that a successful delete misses one replica, leaving a duplicate.
    fn missed_delete_probability(self) -> f64 {
        match self {
            Chaos::Off => 0.0,
            Chaos::Realistic => 0.01,
            Chaos::High => 0.05,
        }
    }
    /// Probability that a short poll asks any one host.
    fn short_poll_host_probability(self) -> f64 {
        match self {
            Chaos::Off => 1.0,
            Chaos::Realistic => 0.8,
            Chaos::High => 0.5,
        }
    }
}

/// How SNS deliveries to a queue *without* an access policy are treated.
///
/// On AWS they are denied: the queue's policy must allow `sqs:SendMessage` from the topic.
/// Scripts written for emulators (and the shared conformance transcripts, taken against
/// one) expect them to arrive, so by default Fanout delivers them and records an
/// `AccessWarning` that says what AWS would do. A queue that has a policy is always
/// evaluated as AWS evaluates it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccessMode {
    #[default]
    Lenient,
    /// As on AWS: no policy, no delivery.
    Strict,
}

impl AccessMode {
    pub fn parse(s: &str) -> Option<AccessMode> {
        match s {
            "lenient" => Some(AccessMode::Lenient),
            "strict" => Some(AccessMode::Strict),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            AccessMode::Lenient => "lenient",
            AccessMode::Strict => "strict",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineConfig {
    pub seed: u64,
    pub chaos: Chaos,
    /// Wall-clock milliseconds (Unix epoch) that virtual time zero stands for in timestamps.
    pub epoch_ms: u64,
    #[serde(default)]
    pub access: AccessMode,
    /// Sends are refused past this many messages across all queues (see [`capacity`]).
    #[serde(
        default = "capacity::default_max_resident_messages",
        skip_serializing_if = "capacity::is_default_max_resident_messages"
    )]
    pub max_resident_messages: u64,
    /// How many trace entries the engine keeps (0: all). Left out of saved configurations
    /// while it is the default, so journals read the same as before it existed.
    #[serde(
        default = "default_trace_window",
        skip_serializing_if = "is_default_trace_window"
    )]
    pub trace_window: u32,
}

fn default_trace_window() -> u32 {
    trace::DEFAULT_WINDOW as u32
}

fn is_default_trace_window(window: &u32) -> bool {
    *window == default_trace_window()
}

impl Default for EngineConfig {
    fn default() -> Self {
        // 2026-01-01T00:00:00Z: timestamps look real but never depend on the machine's clock.
        EngineConfig {
            seed: 1,
            chaos: Chaos::Off,
            epoch_ms: 1_767_225_600_000,
            access: AccessMode::Lenient,
            max_resident_messages: capacity::DEFAULT_MAX_RESIDENT_MESSAGES,
            trace_window: default_trace_window(),
        }
    }
}

/// Something due at a virtual time. Checked on firing: it may no longer apply.
#[derive(Clone, Copy, Debug)]
enum Due {
    DelayEnds {
        queue: QueueId,
        key: MessageKey,
    },
    VisibilityTimeout {
        queue: QueueId,
        key: MessageKey,
        receipt: u64,
        until: SimTime,
    },
    /// Scheduled for `at`; stale once the period changed (a new entry was scheduled then).
    RetentionEnds {
        queue: QueueId,
        key: MessageKey,
        at: SimTime,
    },
    /// The front of the queue's own list of retention ends, placed where it was scheduled
    /// (`seq`); stale once that front is gone.
    RetentionFront {
        queue: QueueId,
        at: SimTime,
        seq: u64,
    },
    PollTimeout {
        poll: PollId,
    },
    /// One second of a message move task (index into `Engine::move_tasks`).
    MoveTaskTick {
        task: usize,
    },
    /// The next attempt of an SNS delivery.
    SnsDelivery {
        delivery: sns::DeliveryId,
    },
    /// A producer's next send, a consumer instance's next step or a scaling check.
    Actor(actors::Wake),
}

/// A long poll parked until a message arrives or its wait ends.
#[derive(Clone, Debug)]
struct Poll {
    queue: QueueId,
    max: u32,
    visibility_timeout: u32,
    attribute_names: Vec<String>,
    message_attribute_names: Vec<String>,
    attempt_id: Option<String>,
}

pub struct Engine {
    config: EngineConfig,
    now: SimTime,
    rng: SimRng,
    queues: BTreeMap<QueueId, Queue>,
    by_name: BTreeMap<String, QueueId>,
    /// Names deleted recently, with when: they cannot be reused for 60 s.
    deleted_names: BTreeMap<String, SimTime>,
    next_queue_id: QueueId,
    next_key: MessageKey,
    next_receipt: u64,
    next_poll: PollId,
    agenda: Agenda<Due>,
    trace: Trace,
    polls: parked_polls::ParkedPolls,
    waiting: BTreeMap<QueueId, VecDeque<PollId>>,
    finished_polls: BTreeMap<PollId, Vec<ReceivedMessage>>,
    move_tasks: Vec<sqs::MoveTask>,
    /// Metrics gauges have been sampled for every minute boundary before this one.
    next_sample: SimTime,
    sns: sns::SnsState,
    actors: actors::Actors,
    journal: Option<journal::Journal>,
    capacity: capacity::Capacity,
}

impl Engine {
    pub fn new(config: EngineConfig) -> Engine {
        Engine {
            config,
            now: SimTime::ZERO,
            rng: SimRng::new(config.seed),
            queues: BTreeMap::new(),
            by_name: BTreeMap::new(),
            deleted_names: BTreeMap::new(),
            next_queue_id: 1,
            next_key: 1,
            next_receipt: 1,
            next_poll: 1,
            agenda: Agenda::new(),
            trace: Trace::with_window(config.trace_window as usize),
            polls: parked_polls::ParkedPolls::default(),
            waiting: BTreeMap::new(),
            finished_polls: BTreeMap::new(),
            move_tasks: Vec::new(),
            next_sample: SimTime::from_secs(60),
            sns: sns::SnsState::default(),
            actors: actors::Actors::default(),
            journal: None,
            capacity: capacity::Capacity::default(),
        }
    }

    pub fn config(&self) -> EngineConfig {
        self.config
    }
    /// Changes how deliveries to queues without an access policy are treated, from now on.
    pub fn set_access(&mut self, access: AccessMode) {
        self.config.access = access;
        self.journal(|| journal::Op::SetAccess { access });
    }
    /// Changes the chaos profile from now on. A queue keeps the hosts it was created
    /// with (one under `off`, five otherwise); the chance of a short poll missing a host
    /// and of a delete missing a replica follow the new profile at once.
    pub fn set_chaos(&mut self, chaos: Chaos) {
        self.config.chaos = chaos;
        self.journal(|| journal::Op::SetChaos { chaos });
    }
    /// Draws from now on come from the stream of `seed`, at the position this run's
    /// stream had reached: a script that reseeds before its first draw runs as under
    /// `--seed`, and a reseed to the seed in use changes nothing.
    pub fn reseed(&mut self, seed: u64) {
        self.config.seed = seed;
        self.rng.reseed(seed);
        self.journal(|| journal::Op::Reseed { seed });
    }
    pub fn now(&self) -> SimTime {
        self.now
    }
    pub fn trace(&self) -> &Trace {
        &self.trace
    }
    pub fn queues(&self) -> impl Iterator<Item = &Queue> {
        self.by_name.values().filter_map(|id| self.queues.get(id))
    }
    pub fn queue_by_name(&self, name: &str) -> Option<&Queue> {
        self.by_name.get(name).and_then(|id| self.queues.get(id))
    }
    /// Wall-clock milliseconds that a virtual time stands for (SentTimestamp and friends).
    pub fn epoch_millis(&self, t: SimTime) -> u64 {
        self.config.epoch_ms + t.millis()
    }

    /// Carries out one command at the current virtual time. On error nothing changed.
    pub fn apply(&mut self, command: Command) -> Result<Reply, SqsError> {
        // Only a journaling engine pays for the copy.
        let journaled = self.journal.is_some().then(|| command.clone());
        let reply = self.handle_command(command)?;
        if let Some(command) = journaled {
            self.journal(|| journal::Op::Command { command });
        }
        // What the command made due right now happens now: a receive with a visibility
        // timeout of 0 leaves its messages visible to the very next receive.
        self.advance_to(self.now);
        Ok(reply)
    }

    /// The time of the next thing that will happen by itself, if any.
    pub fn next_deadline(&mut self) -> Option<SimTime> {
        // Drop entries that no longer apply, so "step" never lands on a non-event. Live
        // entries stay where they are: re-inserting one would reorder same-time ties.
        while let Some((t, due)) = self.agenda.peek() {
            if self.is_live(due) {
                return Some(t);
            }
            if let Some((_, due)) = self.agenda.pop_first() {
                self.passed_retention_front(&due);
            }
        }
        None
    }

    /// The time of the next thing that will happen other than a message reaching the end
    /// of its retention period: None means the simulation is at rest ("idle"), however
    /// many messages wait in queues. Entries before it are mostly due before it, so a
    /// driver that runs from activity to activity scans each entry about once.
    pub fn next_activity(&mut self) -> Option<SimTime> {
        self.next_deadline()?;
        self.agenda
            .iter()
            .find(|(_, due)| {
                !matches!(due, Due::RetentionEnds { .. } | Due::RetentionFront { .. })
                    && self.is_live(due)
            })
            .map(|(t, _)| t)
    }

    /// Processes everything due up to and including `t`, then sets the clock to `t`.
    pub fn advance_to(&mut self, t: SimTime) {
        if let Some(journal) = self.journal.as_mut().filter(|_| t > self.now) {
            journal.record(t, journal::Op::Advance);
        }
        while let Some((at, due)) = self.agenda.pop_due(t) {
            self.sample_metrics_until(at);
            self.now = self.now.max(at);
            self.fire(due);
        }
        self.sample_metrics_until(t);
        self.now = self.now.max(t);
    }

    /// Records each queue's gauges at every minute boundary up to `t`. Nothing changes
    /// between agenda entries, so the state now is the state at those boundaries.
    #[inline(always)]
    fn sample_metrics_until(&mut self, t: SimTime) {
        // Called before every agenda entry: nearly always no minute ended since the last.
        if self.next_sample > t {
            return;
        }
        self.sample_minutes_until(t);
    }

    fn sample_minutes_until(&mut self, t: SimTime) {
        // Only the last MAX_MINUTES samples are kept, so older ones would be dropped as
        // soon as written: skipping them keeps a jump of years (an imported or fuzzed
        // scenario) from costing one pass over every queue per minute, with equal metrics.
        let last = t.millis() / 60_000 * 60_000;
        let first_kept = last.saturating_sub((metrics::MAX_MINUTES as u64 - 1) * 60_000);
        if self.next_sample.millis() < first_kept {
            self.next_sample = SimTime(first_kept);
        }
        while self.next_sample <= t {
            let boundary = self.next_sample;
            for q in self.queues.values_mut() {
                let gauges = metrics::Gauges {
                    visible: q.visible_count() as u64,
                    not_visible: q.in_flight_count() as u64,
                    delayed: q.delayed_count() as u64,
                    age_of_oldest_seconds: q.oldest().map_or(0, |m| {
                        boundary.millis().saturating_sub(m.enqueued_at.millis()) / 1000
                    }),
                };
                q.metrics.sample(boundary, gauges);
            }
            self.next_sample = boundary.plus_secs(60);
            if self.next_sample == boundary {
                break; // the end of time: plus_secs saturated
            }
        }
    }

    /// Jumps to the next deadline and processes it. Returns false when nothing is scheduled.
    pub fn step(&mut self) -> bool {
        match self.next_deadline() {
            Some(t) => {
                self.advance_to(t);
                true
            }
            None => false,
        }
    }

    /// The answer of a parked long poll, once it has one.
    pub fn take_poll_result(&mut self, poll: PollId) -> Option<Vec<ReceivedMessage>> {
        self.finished_polls.remove(&poll)
    }

    /// Runs virtual time forward until the long poll `poll` is answered (it always is, at
    /// the latest when its wait ends), as a blocking `aws sqs receive-message` would.
    pub fn wait_for_poll(&mut self, poll: PollId) -> Vec<ReceivedMessage> {
        loop {
            if let Some(messages) = self.take_poll_result(poll) {
                return messages;
            }
            if !self.step() {
                return Vec::new();
            }
        }
    }

    /// Schedules the expiry of message `key` of `queue`, sent at `enqueued_at`, under the
    /// queue's current period (at once if that moment has passed). Callers have the
    /// message at hand, so it is not looked up again.
    fn schedule_retention(&mut self, queue: QueueId, key: MessageKey, enqueued_at: SimTime) {
        let q = self.queues.get_mut(&queue).expect("exists");
        let at = q.retention_end_of(enqueued_at).max(self.now);
        let seq = self.agenda.reserve();
        let due = match q.keep_retention(queue::RetentionEntry { at, seq, key }) {
            Some(false) => return,
            Some(true) => Due::RetentionFront { queue, at, seq },
            None => Due::RetentionEnds { queue, key, at },
        };
        self.agenda.schedule_reserved(at, seq, due);
    }

    /// After a `RetentionFront` entry left the agenda (fired or dropped): the queue's
    /// front goes too, and the next one takes its own place on the agenda.
    fn passed_retention_front(&mut self, due: &Due) {
        let Due::RetentionFront { queue, at, seq } = *due else {
            return;
        };
        let Some(q) = self.queues.get_mut(&queue) else {
            return;
        };
        if q.retention_front().map(|f| (f.at, f.seq)) != Some((at, seq)) {
            return;
        }
        if let Some(next) = q.pop_retention() {
            let due = Due::RetentionFront {
                queue,
                at: next.at,
                seq: next.seq,
            };
            self.agenda.schedule_reserved(next.at, next.seq, due);
        }
    }

    /// The message whose retention a `RetentionFront` entry stands for, while it applies.
    fn retention_front_key(&self, queue: QueueId, at: SimTime, seq: u64) -> Option<MessageKey> {
        let q = self.queues.get(&queue)?;
        let front = q.retention_front().filter(|f| (f.at, f.seq) == (at, seq))?;
        q.get(front.key)
            .is_some_and(|m| q.retention_end(m) <= at)
            .then_some(front.key)
    }

    fn is_live(&self, due: &Due) -> bool {
        let message = |q: &QueueId, k: &MessageKey| self.queues.get(q).and_then(|q| q.get(*k));
        match due {
            Due::DelayEnds { queue, key } => {
                matches!(message(queue, key), Some(m) if matches!(m.state, MessageState::Delayed { .. }))
            }
            Due::VisibilityTimeout {
                queue,
                key,
                receipt,
                until,
            } => matches!(
                message(queue, key),
                Some(m) if m.state == MessageState::InFlight { until: *until } && m.last_receipt == *receipt
            ),
            // Live only while the period it was scheduled under still ends by then.
            Due::RetentionEnds { queue, key, at } => self
                .queues
                .get(queue)
                .is_some_and(|q| q.get(*key).is_some_and(|m| q.retention_end(m) <= *at)),
            Due::RetentionFront { queue, at, seq } => {
                self.retention_front_key(*queue, *at, *seq).is_some()
            }
            Due::PollTimeout { poll } => self.polls.contains_key(poll),
            Due::MoveTaskTick { task } => self
                .move_tasks
                .get(*task)
                .is_some_and(|t| t.status == "RUNNING"),
            Due::SnsDelivery { delivery } => self.delivery_is_live(*delivery),
            Due::Actor(wake) => self.actor_wake_is_live(wake),
        }
    }
}
