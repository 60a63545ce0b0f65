//! The trace: one typed event per state change, in the order they happened.
//!
//! The page's event log, the tests and the determinism hash all read this; it is the
//! single account of what the simulation did and why.

use super::filter_policy::Mismatch;
use super::message_id::MessageId;
use super::time::SimTime;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "event")]
pub enum Event {
    QueueCreated {
        queue: Arc<str>,
    },
    QueueDeleted {
        queue: Arc<str>,
    },
    QueueAttributesChanged {
        queue: Arc<str>,
        attributes: Vec<(String, String)>,
    },
    Sent {
        queue: Arc<str>,
        message_id: MessageId,
        visible_at: SimTime,
        /// Shared with the message, as its queue name and MessageId are.
        #[serde(skip_serializing_if = "Option::is_none")]
        group_id: Option<Arc<str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        sequence_number: Option<Arc<str>>,
    },
    /// A FIFO send whose deduplication id was seen in the last 5 minutes: accepted, not stored.
    SendDeduplicated {
        queue: Arc<str>,
        message_id: MessageId,
        deduplication_id: String,
    },
    /// A delete missed one replica (chaos): the copy there will be delivered again.
    DuplicateCreated {
        queue: Arc<str>,
        message_id: MessageId,
        visible_at: SimTime,
        reason: String,
    },
    QueueTagsChanged {
        queue: Arc<str>,
        tags: Vec<(String, String)>,
    },
    /// A FIFO receive retried with the same ReceiveRequestAttemptId got the same messages.
    ReceiveRetried {
        queue: Arc<str>,
        attempt_id: String,
        messages: u32,
    },
    MoveTaskStarted {
        source: Arc<str>,
        destination: Option<String>,
        to_move: u64,
        max_per_second: Option<u32>,
    },
    /// A message move task moved a message out of a dead-letter queue.
    MovedByTask {
        source: Arc<str>,
        message_id: MessageId,
        destination: String,
    },
    MoveTaskEnded {
        source: Arc<str>,
        status: String,
        moved: u64,
    },
    DelayEnded {
        queue: Arc<str>,
        message_id: MessageId,
    },
    Received {
        queue: Arc<str>,
        message_id: MessageId,
        receive_count: u32,
        invisible_until: SimTime,
        /// An older message was visible but not returned (a standard queue's best-effort
        /// order: the hosts asked did not hold it, or a fair queue served a quieter group).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        reordered: bool,
        /// This copy was left by a delete that missed a replica.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        duplicate: bool,
    },
    /// A receive that found nothing: on a short poll this may be a false empty.
    EmptyReceive {
        queue: Arc<str>,
        sampled_hosts: u32,
        hosts: u32,
    },
    LongPollStarted {
        queue: Arc<str>,
        poll: u64,
        until: SimTime,
    },
    LongPollEnded {
        queue: Arc<str>,
        poll: u64,
        messages: u32,
    },
    Deleted {
        queue: Arc<str>,
        message_id: MessageId,
    },
    /// A delete that removed nothing, and why (for example a receipt handle from an older receive).
    DeleteIgnored {
        queue: Arc<str>,
        message_id: MessageId,
        reason: String,
    },
    VisibilityChanged {
        queue: Arc<str>,
        message_id: MessageId,
        invisible_until: SimTime,
    },
    VisibilityExpired {
        queue: Arc<str>,
        message_id: MessageId,
        receive_count: u32,
    },
    Expired {
        queue: Arc<str>,
        message_id: MessageId,
    },
    MovedToDeadLetterQueue {
        queue: Arc<str>,
        message_id: MessageId,
        dead_letter_queue: String,
        receive_count: u32,
    },
    Purged {
        queue: Arc<str>,
        messages: u32,
    },
    // ---- SNS ----
    TopicCreated {
        topic: Arc<str>,
    },
    TopicDeleted {
        topic: Arc<str>,
        /// Its subscriptions went with it.
        subscriptions: u32,
    },
    TopicAttributeChanged {
        topic: Arc<str>,
        attribute: String,
        value: String,
    },
    TopicTagsChanged {
        topic: Arc<str>,
        tags: Vec<(String, String)>,
    },
    Subscribed {
        topic: Arc<str>,
        subscription: Arc<str>,
        protocol: String,
        endpoint: Arc<str>,
        /// http(s) and email subscriptions wait for the endpoint to confirm.
        pending_confirmation: bool,
    },
    SubscriptionConfirmed {
        topic: Arc<str>,
        subscription: Arc<str>,
    },
    Unsubscribed {
        topic: Arc<str>,
        subscription: Arc<str>,
    },
    SubscriptionAttributeChanged {
        subscription: Arc<str>,
        attribute: String,
        value: String,
    },
    EndpointChanged {
        endpoint: Arc<str>,
        available: bool,
        latency_ms: u64,
        error_percent: u32,
    },
    Published {
        topic: Arc<str>,
        message_id: MessageId,
        #[serde(skip_serializing_if = "Option::is_none")]
        sequence_number: Option<String>,
        /// Subscriptions it will be delivered to, and those whose filter policy dropped it.
        deliveries: u32,
        filtered_out: u32,
    },
    /// A FIFO publish whose deduplication id was seen in the last 5 minutes.
    PublishDeduplicated {
        topic: Arc<str>,
        message_id: MessageId,
        deduplication_id: String,
    },
    /// The subscription's filter policy rejected the message: `key` and `condition` say where.
    FilteredOut {
        topic: Arc<str>,
        subscription: Arc<str>,
        message_id: MessageId,
        /// `key`, `condition` and `reason`, boxed: every entry is as large as the largest.
        #[serde(flatten)]
        mismatch: Box<Mismatch>,
    },
    /// Not attempted at all (for example, the subscription is not confirmed yet).
    DeliverySkipped {
        topic: Arc<str>,
        subscription: Arc<str>,
        message_id: MessageId,
        reason: String,
    },
    Delivered {
        topic: Arc<str>,
        subscription: Arc<str>,
        endpoint: Arc<str>,
        message_id: MessageId,
        attempt: u32,
    },
    /// Delivered although AWS would refuse it: the queue has no access policy (lenient access).
    AccessWarning {
        topic: Arc<str>,
        subscription: Arc<str>,
        queue: Arc<str>,
        reason: String,
    },
    DeliveryFailed {
        topic: Arc<str>,
        subscription: Arc<str>,
        endpoint: Arc<str>,
        message_id: MessageId,
        attempt: u32,
        /// Boxed: every entry is as large as the largest.
        #[serde(flatten)]
        failure: Box<DeliveryFailure>,
    },
    /// Retries exhausted (or a client error): moved to the subscription's dead-letter queue.
    DeliveryDeadLettered {
        topic: Arc<str>,
        subscription: Arc<str>,
        message_id: MessageId,
        dead_letter_queue: String,
    },
    /// Retries exhausted and no dead-letter queue took it: the message is gone for this
    /// subscriber.
    DeliveryLost {
        topic: Arc<str>,
        subscription: Arc<str>,
        message_id: MessageId,
        reason: String,
    },
    // ---- Actors ----
    /// A producer (target: queue URL or topic ARN) or a consumer group (its queue URL).
    ActorStarted {
        actor: String,
        kind: String,
        target: String,
    },
    ActorStopped {
        actor: String,
        reason: String,
    },
    ActorRemoved {
        actor: String,
    },
    /// The engine refused an actor's request; the actor stopped.
    ActorRequestRefused {
        actor: String,
        /// Boxed: every entry is as large as the largest.
        #[serde(flatten)]
        refusal: Box<Refusal>,
    },
    /// A consumer instance launched; it polls once warmed up.
    InstanceStarted {
        actor: String,
        instance: u32,
        in_service_at: SimTime,
    },
    InstanceStopped {
        actor: String,
        instance: u32,
    },
    /// Died mid-batch before deleting: its `messages` come back after their visibility
    /// timeout.
    InstanceCrashed {
        actor: String,
        instance: u32,
        messages: u32,
    },
    /// Target tracking: `visible` messages against `target_per_instance` each.
    ScaledOut {
        actor: String,
        from: u32,
        to: u32,
        visible: u64,
        target_per_instance: u64,
    },
    ScaledIn {
        actor: String,
        from: u32,
        to: u32,
        visible: u64,
        target_per_instance: u64,
    },
    /// A non-idempotent consumer processed a MessageId it had processed before.
    DuplicateSideEffect {
        actor: String,
        instance: u32,
        message_id: MessageId,
    },
}

/// Why a delivery attempt failed (`Event::DeliveryFailed`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeliveryFailure {
    pub reason: String,
    /// Client errors (missing endpoint, denied by policy) are never retried.
    pub client_error: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_at: Option<SimTime>,
}

/// The request the engine refused an actor (`Event::ActorRequestRefused`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub operation: String,
    pub target: String,
    pub code: String,
    pub message: String,
    /// Messages the refusal covered (a producer's send), 0 for other requests.
    pub messages: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TraceEntry {
    pub at: SimTime,
    #[serde(flatten)]
    pub event: Event,
}

/// How many entries a trace keeps by default: the page's event log and every driver that
/// reads what a command did need only the recent past, while an hour of a busy lesson
/// pushes over a million entries.
pub const DEFAULT_WINDOW: usize = 100_000;

/// The last `window` entries (at least), indexed as if none had been dropped: `len()`
/// counts every entry ever pushed, so drivers that remember how far they read keep working.
pub struct Trace {
    entries: Vec<TraceEntry>,
    /// Entries pushed before `entries[0]` and no longer kept.
    dropped: usize,
    window: usize,
    /// A window and a half (unbounded without a window): reaching it drops the oldest.
    most: usize,
}

impl Default for Trace {
    fn default() -> Self {
        Trace::with_window(DEFAULT_WINDOW)
    }
}

impl Trace {
    /// A trace keeping at least the last `window` entries (0: keep everything).
    pub fn with_window(window: usize) -> Trace {
        Trace {
            entries: Vec::new(),
            dropped: 0,
            window,
            most: if window > 0 {
                window + window / 2
            } else {
                usize::MAX
            },
        }
    }
    /// Inlined so that an event is built in its slot: every receive, send and delete
    /// pushes one, and a call moved each 88-byte entry once more (docs/PERFORMANCE.md
    /// "Engine profile, fifth pass"). Making room, rare, stays out of line.
    #[inline]
    pub fn push(&mut self, at: SimTime, event: Event) {
        let len = self.entries.len();
        if len == self.entries.capacity() || len >= self.most {
            self.make_room();
        }
        self.entries.push(TraceEntry { at, event });
    }
    #[cold]
    #[inline(never)]
    fn make_room(&mut self) {
        // Dropping in chunks of half a window keeps the cost per push constant (one memmove
        // of the kept half per half window pushed) and `entries()` one slice.
        let most = self.most;
        if self.window > 0 && self.entries.len() >= most {
            let excess = self.entries.len() - self.window;
            self.entries.drain(..excess);
            self.dropped += excess;
        }
        // Never more than a window and a half is kept, so doubling past that would leave
        // spare room for good (262,144 entries' worth instead of 150,000 by default).
        if self.window > 0 && self.entries.len() == self.entries.capacity() {
            let len = self.entries.len();
            let wanted = (2 * len).max(4).min(most).max(len + 1);
            self.entries.reserve_exact(wanted - len);
        }
    }
    /// The entries still kept, oldest first; the first has index `first_index()`.
    pub fn entries(&self) -> &[TraceEntry] {
        &self.entries
    }
    /// Every entry ever pushed, kept or not.
    pub fn len(&self) -> usize {
        self.dropped + self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The index of the oldest entry kept: how many earlier ones are no longer kept.
    pub fn first_index(&self) -> usize {
        self.dropped
    }
    /// Entries from index `from` on (drivers remember how far they have read). A reader
    /// that fell behind the window gets every entry still kept.
    pub fn since(&self, from: usize) -> &[TraceEntry] {
        let start = from.saturating_sub(self.dropped).min(self.entries.len());
        &self.entries[start..]
    }
    /// SHA-256 over the trace as JSON lines: equal hashes mean identical runs. Once entries
    /// were dropped it covers how many, then those kept (hashing every entry as it is
    /// dropped would cost more than the simulation itself).
    pub fn hash(&self) -> String {
        let mut h = Sha256::new();
        if self.dropped > 0 {
            h.update(format!("{{\"dropped\":{}}}\n", self.dropped));
        }
        for e in &self.entries {
            h.update(serde_json::to_string(e).expect("trace entries serialize"));
            h.update(b"\n");
        }
        h.finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn created(i: usize) -> Event {
        Event::QueueCreated {
            queue: format!("q{i}").into(),
        }
    }

    #[test]
    fn a_window_keeps_recent_entries_under_their_absolute_indices() {
        let mut t = Trace::with_window(4);
        for i in 0..10 {
            t.push(SimTime(i as u64), created(i));
        }
        assert_eq!(t.len(), 10);
        assert!(t.entries().len() >= 4 && t.entries().len() < 10);
        assert_eq!(t.first_index() + t.entries().len(), 10);
        assert_eq!(t.since(8).len(), 2);
        assert_eq!(t.since(8)[0].event, created(8));
        assert_eq!(
            t.since(0).len(),
            t.entries().len(),
            "a reader behind the window"
        );
        assert!(t.since(10).is_empty());
    }

    #[test]
    fn a_window_never_holds_spare_room_past_a_window_and_a_half() {
        let mut t = Trace::with_window(1000);
        for i in 0..5000 {
            t.push(SimTime(i as u64), created(0));
        }
        assert_eq!(t.len(), 5000);
        assert!(t.entries.capacity() <= 1500, "{}", t.entries.capacity());
        let mut one = Trace::with_window(1);
        for i in 0..10 {
            one.push(SimTime(i as u64), created(i));
        }
        assert_eq!(one.since(9)[0].event, created(9));
        assert!(one.entries.capacity() <= 4, "{}", one.entries.capacity());
    }

    #[test]
    fn an_entry_stays_small() {
        // The trace keeps up to 150,000 entries, each as large as the largest variant: a
        // variant that grows past this must box its rare fields (as `DeliveryFailed` does).
        let size = std::mem::size_of::<TraceEntry>();
        eprintln!("size_of::<TraceEntry>() = {size}");
        assert!(size <= 88, "TraceEntry grew to {size} bytes");
    }

    #[test]
    fn boxed_fields_serialise_in_line() {
        let entry = TraceEntry {
            at: SimTime(1500),
            event: Event::DeliveryFailed {
                topic: "t".into(),
                subscription: "s".into(),
                endpoint: "e".into(),
                message_id: MessageId::from_random_bytes([0x11; 16]),
                attempt: 2,
                failure: Box::new(DeliveryFailure {
                    reason: "down".into(),
                    client_error: false,
                    retry_at: None,
                }),
            },
        };
        assert_eq!(
            serde_json::to_string(&entry).unwrap(),
            r#"{"at":1500,"event":"DeliveryFailed","topic":"t","subscription":"s","endpoint":"e","message_id":"11111111-1111-4111-9111-111111111111","attempt":2,"reason":"down","client_error":false}"#
        );
    }

    #[test]
    fn the_hash_is_unchanged_until_something_is_dropped() {
        let mut small = Trace::with_window(4);
        let mut all = Trace::with_window(0);
        for i in 0..5 {
            small.push(SimTime(0), created(i));
            all.push(SimTime(0), created(i));
        }
        assert_eq!(small.first_index(), 0);
        assert_eq!(small.hash(), all.hash());
        for i in 5..10 {
            small.push(SimTime(0), created(i));
            all.push(SimTime(0), created(i));
        }
        assert!(small.first_index() > 0);
        assert_eq!(all.first_index(), 0);
        assert_ne!(small.hash(), all.hash());
    }
}
