//! One queue: its attributes and its messages, spread over simulated hosts.
//!
//! A standard queue is stored on several hosts. Each host keeps its visible messages in
//! key order, so taking the oldest visible message is O(log n) however deep the queue is.
//! Messages with a group id are also indexed per group: a FIFO queue serves a group only
//! from its head and only while none of it is in flight; a standard (fair) queue uses the
//! per-group in-flight counts to serve quiet tenants first.
//! The queue does not know about time or randomness: the engine decides which hosts a
//! receive asks and when things happen.

use super::attributes::{queue_arn, queue_url, QueueAttributes};
use super::deduplication::DeduplicationWindow;
use super::message::{Message, MessageKey, MessageState, ReceivedMessage};
use super::message_id::MessageId;
use super::message_store::{grow_by_half, MessageStore};
use super::metrics::QueueMetrics;
use super::time::SimTime;
use super::visible_keys::VisibleKeys;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

pub type QueueId = u64;

/// The messages of one message group, in send order.
#[derive(Default)]
pub struct Group {
    /// Every message of the group, whatever its state.
    pub all: BTreeSet<MessageKey>,
    pub visible: BTreeSet<MessageKey>,
    pub in_flight: usize,
    /// The head key under which the group sits in `Queue::ready`, if it does.
    ready_at: Option<MessageKey>,
}

/// Where a deduplication id must be unique: the group (scope `messageGroup`) or the
/// whole queue (None), and the id.
pub type DeduplicationKey = (Option<Arc<str>>, Arc<str>);

/// What a FIFO send remembers for 5 minutes: a repeat returns the same answer.
#[derive(Clone, Debug)]
pub struct Deduplicated {
    pub message_id: MessageId,
    pub sequence_number: String,
}

/// A FIFO receive remembered by its ReceiveRequestAttemptId, so a retry gets the same batch.
#[derive(Clone, Debug)]
pub struct ReceiveAttempt {
    pub at: SimTime,
    /// (key, receipt) of each message handed out.
    pub receipts: Vec<(MessageKey, u64)>,
    pub messages: Vec<ReceivedMessage>,
}

/// A message's retention end as its queue keeps it: when, the agenda place taken for it
/// when it was scheduled (ties with other agenda entries fire in that order), and which
/// message. Like an agenda entry it goes stale rather than being removed: it applies only
/// if the message is still here and its retention period still ends by `at`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionEntry {
    pub at: SimTime,
    pub seq: u64,
    pub key: MessageKey,
}

pub struct Queue {
    pub id: QueueId,
    pub name: String,
    /// The name again, shared by every trace event that names the queue: pushing an
    /// event then allocates nothing.
    pub shared_name: Arc<str>,
    pub url: String,
    pub arn: String,
    pub attributes: QueueAttributes,
    pub tags: BTreeMap<String, String>,
    pub created_at: SimTime,
    pub last_modified_at: SimTime,
    pub last_purged_at: Option<SimTime>,
    /// FIFO: the last SequenceNumber handed out.
    pub sequence: u128,
    /// FIFO: (group when the scope is messageGroup, deduplication id) → first send.
    pub deduplication: DeduplicationWindow<DeduplicationKey, Deduplicated>,
    pub receive_attempts: BTreeMap<String, ReceiveAttempt>,
    pub metrics: QueueMetrics,
    messages: MessageStore,
    /// Per host: keys of visible messages, oldest first.
    visible: Vec<VisibleKeys>,
    groups: BTreeMap<Arc<str>, Group>,
    /// FIFO: groups that can be served now, by the key of their head message.
    ready: BTreeSet<(MessageKey, Arc<str>)>,
    in_flight: usize,
    delayed: usize,
    /// Retention ends in firing order, so the engine's agenda needs one entry per queue
    /// (for the front) instead of one per message. Sends arrive in this order; an entry
    /// that would break it (a message moved in from another queue keeps its send time)
    /// goes on the agenda itself.
    retention: VecDeque<RetentionRun>,
}

/// Retention ends that follow one another closely: the same moment, and each the agenda
/// place and key after the last. A batch of sends, or a burst at one virtual time, makes
/// one run, so a deep queue pays 32 bytes per run instead of 24 per message (a queue fed
/// one message per moment pays 32 per message, and up to half that again in spare room).
#[derive(Clone, Copy, Debug)]
struct RetentionRun {
    first: RetentionEntry,
    /// How many entries follow `first`.
    more: u32,
}

impl RetentionRun {
    fn last(&self) -> RetentionEntry {
        let more = u64::from(self.more);
        RetentionEntry {
            seq: self.first.seq + more,
            key: self.first.key + more,
            ..self.first
        }
    }
    /// Whether `entry` is the one after the last, so the run can take it.
    fn extends_to(&self, entry: &RetentionEntry) -> bool {
        let last = self.last();
        entry.at == last.at
            && Some(entry.seq) == last.seq.checked_add(1)
            && Some(entry.key) == last.key.checked_add(1)
            && self.more < u32::MAX
    }
}

/// Counts message `key` in `state` into (`present`) or out of a queue's visible set for
/// its host and its in-flight and delayed counts.
fn count(
    visible: &mut VisibleKeys,
    in_flight: &mut usize,
    delayed: &mut usize,
    key: MessageKey,
    state: &MessageState,
    present: bool,
) {
    let d = if present { 1 } else { -1 };
    match state {
        MessageState::Visible if present => {
            visible.insert(key);
        }
        MessageState::Visible => {
            visible.remove(key);
        }
        MessageState::InFlight { .. } => *in_flight = in_flight.wrapping_add_signed(d),
        MessageState::Delayed { .. } => *delayed = delayed.wrapping_add_signed(d),
    }
}

/// `count` for a message's group.
fn count_in_group(g: &mut Group, key: MessageKey, state: &MessageState, present: bool) {
    let d = if present { 1 } else { -1 };
    match state {
        MessageState::Visible if present => {
            g.visible.insert(key);
        }
        MessageState::Visible => {
            g.visible.remove(&key);
        }
        MessageState::InFlight { .. } => g.in_flight = g.in_flight.wrapping_add_signed(d),
        MessageState::Delayed { .. } => {}
    }
}

/// FIFO: puts `group` in `ready` under its head message while it can be served.
fn refresh_group(
    groups: &mut BTreeMap<Arc<str>, Group>,
    ready: &mut BTreeSet<(MessageKey, Arc<str>)>,
    fifo: bool,
    id: &Arc<str>,
) {
    if !fifo {
        return;
    }
    let Some(g) = groups.get_mut(id) else {
        return;
    };
    let head = g.all.first().copied();
    let serve = match head {
        Some(h) if g.in_flight == 0 && g.visible.contains(&h) => Some(h),
        _ => None,
    };
    if serve == g.ready_at {
        return;
    }
    if let Some(old) = g.ready_at {
        ready.remove(&(old, id.clone()));
    }
    if let Some(new) = serve {
        ready.insert((new, id.clone()));
    }
    g.ready_at = serve;
}

impl Queue {
    pub fn new(
        id: QueueId,
        name: &str,
        attributes: QueueAttributes,
        hosts: u32,
        now: SimTime,
    ) -> Queue {
        Queue {
            id,
            name: name.to_string(),
            shared_name: Arc::from(name),
            url: queue_url(name),
            arn: queue_arn(name),
            attributes,
            tags: BTreeMap::new(),
            created_at: now,
            last_modified_at: now,
            last_purged_at: None,
            sequence: 0,
            deduplication: DeduplicationWindow::default(),
            receive_attempts: BTreeMap::new(),
            metrics: QueueMetrics::default(),
            messages: MessageStore::default(),
            visible: (0..hosts.max(1)).map(|_| VisibleKeys::default()).collect(),
            groups: BTreeMap::new(),
            ready: BTreeSet::new(),
            in_flight: 0,
            delayed: 0,
            retention: VecDeque::new(),
        }
    }

    pub fn is_fifo(&self) -> bool {
        self.attributes.fifo_queue
    }
    pub fn hosts(&self) -> u32 {
        self.visible.len() as u32
    }
    pub fn visible_count(&self) -> usize {
        self.visible.iter().map(VisibleKeys::len).sum()
    }
    pub fn in_flight_count(&self) -> usize {
        self.in_flight
    }
    pub fn delayed_count(&self) -> usize {
        self.delayed
    }
    pub fn len(&self) -> usize {
        self.messages.len()
    }
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
    pub fn get(&self, key: MessageKey) -> Option<&Message> {
        self.messages.get(key)
    }
    pub fn messages(&self) -> impl Iterator<Item = &Message> {
        self.messages.iter().map(|(_, m)| m)
    }
    /// The messages with their keys, oldest first.
    pub fn keyed_messages(&self) -> impl Iterator<Item = (MessageKey, &Message)> {
        self.messages.iter()
    }
    /// When `m` expires under the queue's retention period as it is now.
    pub fn retention_end(&self, m: &Message) -> SimTime {
        self.retention_end_of(m.enqueued_at)
    }
    /// When a message sent at `enqueued_at` expires under the period as it is now.
    pub fn retention_end_of(&self, enqueued_at: SimTime) -> SimTime {
        enqueued_at.plus_secs(self.attributes.message_retention_period as u64)
    }
    /// The message sent longest ago that is still here (for ApproximateAgeOfOldestMessage).
    pub fn oldest(&self) -> Option<&Message> {
        self.messages.first()
    }
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.get(id)
    }
    /// Groups with messages, by id (the page colours them).
    pub fn groups(&self) -> impl Iterator<Item = (&Arc<str>, &Group)> {
        self.groups.iter()
    }

    /// Whether a receive could get a message now: a standard queue needs a visible
    /// message; a FIFO queue a group whose head is visible and that has none in flight.
    pub fn has_receivable(&self) -> bool {
        if self.is_fifo() {
            !self.ready.is_empty()
        } else {
            self.visible.iter().any(|v| !v.is_empty())
        }
    }

    /// The oldest visible message among the given hosts.
    pub fn oldest_visible(&self, hosts: &[u32]) -> Option<MessageKey> {
        // Chaos off: one host, nothing to compare.
        if let [host] = hosts {
            return self.visible[*host as usize].first();
        }
        hosts
            .iter()
            .filter_map(|&h| self.visible[h as usize].first())
            .min()
    }

    /// FIFO: the first group that can be served, and its head.
    pub fn first_ready_group(&self) -> Option<(MessageKey, Arc<str>)> {
        self.ready.first().cloned()
    }

    /// FIFO: the message after `after` in `group`, if it is visible (order stops at the
    /// first message that is not).
    pub fn next_in_group(&self, group: &str, after: MessageKey) -> Option<MessageKey> {
        let g = self.groups.get(group)?;
        let next = *g.all.range(after + 1..).next()?;
        g.visible.contains(&next).then_some(next)
    }

    /// Fair queues: among groups with a visible message on the given hosts, the one with
    /// the fewest messages in flight (ties: the oldest head), and that message. Messages
    /// without a group compete as one tenant, with the in-flight count `ungrouped_in_flight`.
    pub fn fairest_visible(&self, hosts: &[u32]) -> Option<MessageKey> {
        let on_hosts = |k: &MessageKey| {
            self.messages
                .get(*k)
                .is_some_and(|m| hosts.contains(&m.host))
        };
        let mut best: Option<(usize, MessageKey)> = None;
        for g in self.groups.values() {
            // Scan a few keys only: a host left out of this poll hides just that message.
            if let Some(&k) = g.visible.iter().take(8).find(|k| on_hosts(k)) {
                let c = (g.in_flight, k);
                best = Some(best.map_or(c, |b| b.min(c)));
            }
        }
        let grouped_in_flight: usize = self.groups.values().map(|g| g.in_flight).sum();
        let ungrouped_in_flight = self.in_flight - grouped_in_flight;
        let ungrouped = hosts
            .iter()
            .filter_map(|&h| {
                self.visible[h as usize]
                    .iter()
                    .take(64)
                    .find(|&k| self.get(k).is_some_and(|m| m.group_id.is_none()))
            })
            .min();
        if let Some(k) = ungrouped {
            let c = (ungrouped_in_flight, k);
            best = Some(best.map_or(c, |b| b.min(c)));
        }
        best.map(|(_, k)| k)
    }

    pub fn has_groups(&self) -> bool {
        !self.groups.is_empty()
    }

    pub fn insert(&mut self, key: MessageKey, message: Message) {
        let (host, state, group) = (message.host, message.state, message.group_id.clone());
        self.messages.insert(key, message);
        if let Some(g) = &group {
            self.groups.entry(g.clone()).or_default().all.insert(key);
        }
        self.track(key, host, &state, group.as_ref(), true);
        // Only messages of a group touch the FIFO indexes; the call costs the rest more
        // than the check (every send, receive and delete comes here).
        if group.is_some() {
            self.refresh_group(group.as_ref());
        }
    }

    pub fn remove(&mut self, key: MessageKey) -> Option<Message> {
        self.remove_if(key, |_| true).ok()
    }

    /// Removes message `key` if `wanted` says so (a delete whose receipt is the latest),
    /// finding it once; otherwise says whether it is here.
    pub fn remove_if(
        &mut self,
        key: MessageKey,
        wanted: impl FnOnce(&Message) -> bool,
    ) -> Result<Message, bool> {
        let m = self.messages.remove_if(key, wanted)?;
        self.track(key, m.host, &m.state, m.group_id.as_ref(), false);
        if let Some(g) = &m.group_id {
            let group = self.groups.get_mut(g).expect("indexed");
            group.all.remove(&key);
            if group.all.is_empty() {
                if let Some(head) = group.ready_at {
                    self.ready.remove(&(head, g.clone()));
                }
                self.groups.remove(g);
                return Ok(m);
            }
        }
        if m.group_id.is_some() {
            self.refresh_group(m.group_id.as_ref());
        }
        Ok(m)
    }

    /// Moves a message to a new state, keeping the indexes and counters right.
    pub fn set_state(&mut self, key: MessageKey, state: MessageState) -> Option<&mut Message> {
        // Every receive, visibility change and timeout comes here: the fields are borrowed
        // apart so the message is found once, not again to return it.
        let fifo = self.is_fifo();
        let Queue {
            messages,
            visible,
            in_flight,
            delayed,
            groups,
            ready,
            ..
        } = self;
        let m = messages.get_mut(key)?;
        let old = std::mem::replace(&mut m.state, state);
        let visible = &mut visible[m.host as usize];
        count(visible, in_flight, delayed, key, &old, false);
        count(visible, in_flight, delayed, key, &state, true);
        if let Some(group) = &m.group_id {
            if let Some(g) = groups.get_mut(group) {
                count_in_group(g, key, &old, false);
                count_in_group(g, key, &state, true);
            }
            refresh_group(groups, ready, fifo, group);
        }
        Some(m)
    }

    /// Changes a message's fields that no index depends on.
    pub fn get_mut(&mut self, key: MessageKey) -> Option<&mut Message> {
        self.messages.get_mut(key)
    }

    /// Keeps `entry` if it fires after every entry kept already; returns whether it was
    /// kept, and whether it is now the front (the one the agenda must know about).
    pub fn keep_retention(&mut self, entry: RetentionEntry) -> Option<bool> {
        match self.retention.back_mut() {
            Some(run) if run.extends_to(&entry) => {
                run.more += 1;
                Some(false)
            }
            Some(run) if (entry.at, entry.seq) < (run.last().at, run.last().seq) => None,
            back => {
                let first = back.is_none();
                grow_by_half(&mut self.retention);
                self.retention.push_back(RetentionRun {
                    first: entry,
                    more: 0,
                });
                Some(first)
            }
        }
    }
    /// The retention entry that fires first.
    pub fn retention_front(&self) -> Option<RetentionEntry> {
        self.retention.front().map(|run| run.first)
    }
    /// Drops the front entry; returns the new front.
    pub fn pop_retention(&mut self) -> Option<RetentionEntry> {
        match self.retention.front_mut() {
            Some(run) if run.more > 0 => {
                run.more -= 1;
                run.first.seq += 1;
                run.first.key += 1;
            }
            _ => {
                self.retention.pop_front();
            }
        }
        self.retention_front()
    }

    pub fn drain(&mut self) -> Vec<Message> {
        // Every kept entry names a message leaving now.
        self.retention = VecDeque::new();
        let all = self.messages.take_all();
        self.visible.iter_mut().for_each(VisibleKeys::clear);
        self.groups.clear();
        self.ready.clear();
        self.in_flight = 0;
        self.delayed = 0;
        all
    }

    /// Counts a message in (`present`) or out of its state's index and counter.
    #[inline]
    fn track(
        &mut self,
        key: MessageKey,
        host: u32,
        state: &MessageState,
        group: Option<&Arc<str>>,
        present: bool,
    ) {
        let visible = &mut self.visible[host as usize];
        count(
            visible,
            &mut self.in_flight,
            &mut self.delayed,
            key,
            state,
            present,
        );
        if let Some(g) = group.and_then(|g| self.groups.get_mut(g)) {
            count_in_group(g, key, state, present);
        }
    }

    /// FIFO: a group is ready when its head is visible and nothing of it is in flight.
    fn refresh_group(&mut self, group: Option<&Arc<str>>) {
        let fifo = self.is_fifo();
        if let Some(group) = group {
            refresh_group(&mut self.groups, &mut self.ready, fifo, group);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(at: u64, seq: u64) -> RetentionEntry {
        RetentionEntry {
            at: SimTime(at),
            seq,
            key: seq,
        }
    }

    #[test]
    fn keeps_retention_ends_only_in_firing_order() {
        let mut q = Queue::new(1, "q", QueueAttributes::default(), 1, SimTime::ZERO);
        assert_eq!(q.keep_retention(entry(60, 1)), Some(true));
        assert_eq!(q.keep_retention(entry(60, 2)), Some(false));
        assert_eq!(q.keep_retention(entry(90, 3)), Some(false));
        // A message moved in with an older send time: the agenda keeps it instead.
        assert_eq!(q.keep_retention(entry(30, 4)), None);
        assert_eq!(q.retention_front(), Some(entry(60, 1)));
        assert_eq!(q.pop_retention(), Some(entry(60, 2)));
        q.drain();
        assert_eq!(q.retention_front(), None);
        assert_eq!(q.keep_retention(entry(10, 5)), Some(true));
    }

    #[test]
    fn runs_of_retention_ends_give_back_every_entry_in_order() {
        // The same answers as a plain list of entries, over bursts (consecutive places
        // and keys at one moment), gaps in either, new moments and out-of-order entries.
        let mut q = Queue::new(1, "q", QueueAttributes::default(), 1, SimTime::ZERO);
        let mut plain: VecDeque<RetentionEntry> = VecDeque::new();
        let (mut at, mut seq, mut key) = (100, 1, 1);
        for i in 0u64..400 {
            match i % 23 {
                0 => at += 5,
                7 => seq += 2,
                11 => key += 3,
                _ => {}
            }
            let e = if i % 37 == 36 {
                RetentionEntry {
                    at: SimTime(at - 1),
                    seq,
                    key,
                }
            } else {
                RetentionEntry {
                    at: SimTime(at),
                    seq,
                    key,
                }
            };
            let expected = match plain.back() {
                Some(last) if (e.at, e.seq) < (last.at, last.seq) => None,
                last => {
                    let first = last.is_none();
                    plain.push_back(e);
                    Some(first)
                }
            };
            assert_eq!(q.keep_retention(e), expected, "keeping {e:?}");
            (seq, key) = (seq + 1, key + 1);
            if i % 5 == 4 {
                plain.pop_front();
                assert_eq!(q.pop_retention(), plain.front().copied());
            }
        }
        assert!(q.retention.len() < plain.len() / 4, "bursts share runs");
        while !plain.is_empty() {
            assert_eq!(q.retention_front(), plain.front().copied());
            plain.pop_front();
            assert_eq!(q.pop_retention(), plain.front().copied());
        }
        assert_eq!(q.retention_front(), None);
    }
}
