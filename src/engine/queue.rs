//! One queue: its attributes and its messages, spread over simulated hosts.
//!
//! A standard queue is stored on several hosts. Each host keeps its visible messages in
//! key order, so taking the oldest visible message is O(log n) however deep the queue is.
//! The queue does not know about time or randomness: the engine decides which hosts a
//! receive asks and when things happen.

use super::attributes::{queue_arn, queue_url, QueueAttributes};
use super::message::{Message, MessageKey, MessageState};
use super::time::SimTime;
use std::collections::{BTreeMap, BTreeSet};

pub type QueueId = u64;

pub struct Queue {
    pub id: QueueId,
    pub name: String,
    pub url: String,
    pub arn: String,
    pub attributes: QueueAttributes,
    pub created_at: SimTime,
    pub last_modified_at: SimTime,
    pub last_purged_at: Option<SimTime>,
    messages: BTreeMap<MessageKey, Message>,
    /// Per host: keys of visible messages, oldest first.
    visible: Vec<BTreeSet<MessageKey>>,
    in_flight: usize,
    delayed: usize,
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
            url: queue_url(name),
            arn: queue_arn(name),
            attributes,
            created_at: now,
            last_modified_at: now,
            last_purged_at: None,
            messages: BTreeMap::new(),
            visible: (0..hosts.max(1)).map(|_| BTreeSet::new()).collect(),
            in_flight: 0,
            delayed: 0,
        }
    }

    pub fn hosts(&self) -> u32 {
        self.visible.len() as u32
    }
    pub fn visible_count(&self) -> usize {
        self.visible.iter().map(BTreeSet::len).sum()
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
        self.messages.get(&key)
    }
    pub fn messages(&self) -> impl Iterator<Item = &Message> {
        self.messages.values()
    }

    /// The oldest visible message among the given hosts.
    pub fn oldest_visible(&self, hosts: &[u32]) -> Option<MessageKey> {
        hosts
            .iter()
            .filter_map(|&h| self.visible[h as usize].first().copied())
            .min()
    }

    pub fn insert(&mut self, message: Message) {
        self.track(message.key, message.host, &message.state, true);
        self.messages.insert(message.key, message);
    }

    pub fn remove(&mut self, key: MessageKey) -> Option<Message> {
        let m = self.messages.remove(&key)?;
        self.track(key, m.host, &m.state, false);
        Some(m)
    }

    /// Moves a message to a new state, keeping the indexes and counters right.
    pub fn set_state(&mut self, key: MessageKey, state: MessageState) -> Option<&mut Message> {
        let m = self.messages.get_mut(&key)?;
        let old = std::mem::replace(&mut m.state, state);
        let host = m.host;
        self.track(key, host, &old, false);
        self.track(key, host, &state, true);
        self.messages.get_mut(&key)
    }

    pub fn drain(&mut self) -> Vec<Message> {
        let all = std::mem::take(&mut self.messages);
        self.visible.iter_mut().for_each(BTreeSet::clear);
        self.in_flight = 0;
        self.delayed = 0;
        all.into_values().collect()
    }

    /// Counts a message in (`present`) or out of its state's index and counter.
    fn track(&mut self, key: MessageKey, host: u32, state: &MessageState, present: bool) {
        let d = if present { 1 } else { -1 };
        match state {
            MessageState::Visible if present => {
                self.visible[host as usize].insert(key);
            }
            MessageState::Visible => {
                self.visible[host as usize].remove(&key);
            }
            MessageState::InFlight { .. } => self.in_flight = self.in_flight.wrapping_add_signed(d),
            MessageState::Delayed { .. } => self.delayed = self.delayed.wrapping_add_signed(d),
        }
    }
}
