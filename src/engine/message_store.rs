//! A queue's messages by key, in key order, in 16 bytes a message.
//!
//! Keys are engine-wide and only grow, and a queue is only ever given a new one, so a
//! queue's messages arrive in key order: a send appends. A sorted deque then finds a key by
//! binary search (O(log n), like a B-tree) without the B-tree's nodes, which hold about
//! two messages' room for three when filled in order. A removal empties its slot; empty
//! slots at either end are dropped at once, and the rest are squeezed out once they
//! outnumber the messages, so each removal costs O(1) amortised and the slots never
//! take more than twice the room the messages need.

use super::message::{Message, MessageKey};
use std::collections::VecDeque;

/// Boxed: a slot is a key and a pointer, so the deque moves 16 bytes a message when it
/// grows or is squeezed, and an empty slot wastes no more.
#[derive(Default)]
pub struct MessageStore {
    /// Increasing keys. Never an empty slot at either end.
    slots: VecDeque<(MessageKey, Option<Box<Message>>)>,
    len: usize,
}

impl MessageStore {
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn position(&self, key: MessageKey) -> Result<usize, usize> {
        search(&self.slots, key, |&(k, _)| k)
    }

    pub fn get(&self, key: MessageKey) -> Option<&Message> {
        let i = self.position(key).ok()?;
        self.slots[i].1.as_deref()
    }

    pub fn get_mut(&mut self, key: MessageKey) -> Option<&mut Message> {
        let i = self.position(key).ok()?;
        self.slots[i].1.as_deref_mut()
    }

    /// Adds or replaces the message under `key`. A key above every other (what the engine
    /// gives) appends; any other goes in its place, in O(n).
    pub fn insert(&mut self, key: MessageKey, message: Message) {
        let message = Box::new(message);
        if self.slots.back().is_none_or(|&(last, _)| last < key) {
            grow_by_half(&mut self.slots);
            self.slots.push_back((key, Some(message)));
            self.len += 1;
            return;
        }
        match self.position(key) {
            Ok(i) => {
                if self.slots[i].1.replace(message).is_none() {
                    self.len += 1;
                }
            }
            Err(i) => {
                self.slots.insert(i, (key, Some(message)));
                self.len += 1;
            }
        }
    }

    /// Removes the message under `key` if `wanted` says so, finding it once; otherwise
    /// says whether one is there.
    pub fn remove_if(
        &mut self,
        key: MessageKey,
        wanted: impl FnOnce(&Message) -> bool,
    ) -> Result<Message, bool> {
        let Ok(i) = self.position(key) else {
            return Err(false);
        };
        match self.slots[i].1.as_deref() {
            None => return Err(false),
            Some(m) if !wanted(m) => return Err(true),
            Some(_) => {}
        }
        let message = self.slots[i].1.take().expect("checked");
        self.len -= 1;
        self.tidy();
        Ok(*message)
    }

    /// Drops empty slots at the ends, and squeezes out the others once they outnumber
    /// the messages (each squeeze follows as many removals as it moves messages).
    fn tidy(&mut self) {
        while self.slots.front().is_some_and(|(_, m)| m.is_none()) {
            self.slots.pop_front();
        }
        while self.slots.back().is_some_and(|(_, m)| m.is_none()) {
            self.slots.pop_back();
        }
        if self.slots.len() - self.len > self.len.max(16) {
            self.slots.retain(|(_, m)| m.is_some());
        }
        // A queue that was deep and is now shallow gives the room back, at most once per
        // halving.
        if self.slots.capacity() > 64 && self.slots.len() < self.slots.capacity() / 4 {
            self.slots.shrink_to(self.slots.len() * 2);
        }
    }

    /// The messages with their keys, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = (MessageKey, &Message)> {
        self.slots
            .iter()
            .filter_map(|(k, m)| Some((*k, m.as_deref()?)))
    }

    pub fn first(&self) -> Option<&Message> {
        self.slots.front().and_then(|(_, m)| m.as_deref())
    }

    /// Empties the store, handing back its messages oldest first.
    pub fn take_all(&mut self) -> Vec<Message> {
        self.len = 0;
        std::mem::take(&mut self.slots)
            .into_iter()
            .filter_map(|(_, m)| m.map(|m| *m))
            .collect()
    }
}

/// Makes room for one more in a full deque by half its length, not by doubling: a deep
/// queue then holds at most half its slots' room spare instead of as much again.
/// Amortised O(1) all the same.
pub(super) fn grow_by_half<T>(slots: &mut VecDeque<T>) {
    if slots.len() == slots.capacity() {
        slots.reserve_exact((slots.len() / 2).max(4));
    }
}

/// Where `key` is in `slots`, increasing by `key_of` (Ok), or would go (Err). Keys come
/// from one engine-wide counter, so a queue's keys are spread about evenly and a guess
/// from the first and last lands on or near the slot (on it, for a queue alone in its
/// engine with no empty slots). Searching outward from the guess in doubling steps keeps
/// the worst case O(log n) and touches a few cache lines instead of a binary search's
/// twenty at a million messages.
pub(super) fn search<T>(
    slots: &VecDeque<T>,
    key: MessageKey,
    key_of: impl Fn(&T) -> MessageKey,
) -> Result<usize, usize> {
    let n = slots.len();
    let key_at = |i: usize| key_of(&slots[i]);
    let (first, last) = match (slots.front(), slots.back()) {
        (Some(first), Some(last)) => (key_of(first), key_of(last)),
        _ => return Err(0),
    };
    if key <= first {
        return if key == first { Ok(0) } else { Err(0) };
    }
    if key >= last {
        return if key == last { Ok(n - 1) } else { Err(n) };
    }
    // first < key < last, so n >= 2 and the guess is within 0..n-1.
    let (span, from_first) = (last - first, key - first);
    let guess = match from_first.checked_mul(n as u64 - 1) {
        Some(product) => (product / span) as usize,
        // Only with keys past 2^40 or so: no engine makes that many.
        None => (u128::from(from_first) * (n as u128 - 1) / u128::from(span)) as usize,
    };
    if key_at(guess) == key {
        return Ok(guess);
    }
    // Bracket the key as lo < key <= hi (by key), then halve.
    let (mut lo, mut hi) = if key_at(guess) < key {
        let (mut lo, mut step) = (guess, 1);
        loop {
            let hi = (guess + step).min(n - 1);
            if key_at(hi) >= key {
                break (lo, hi);
            }
            (lo, step) = (hi, step * 2);
        }
    } else {
        let (mut hi, mut step) = (guess, 1);
        loop {
            let lo = guess.saturating_sub(step);
            if key_at(lo) < key {
                break (lo, hi);
            }
            (hi, step) = (lo, step * 2);
        }
    };
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if key_at(mid) < key {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    if key_at(hi) == key {
        Ok(hi)
    } else {
        Err(hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::message_id::MessageId;
    use crate::engine::time::SimTime;
    use std::collections::BTreeMap;
    use std::sync::Arc;

    fn message(key: MessageKey) -> Message {
        Message::new(
            MessageId::from_random_bytes([0; 16]),
            Arc::from(key.to_string()),
            SimTime(key),
        )
    }

    /// Checks the store against a B-tree holding the same messages.
    fn same(store: &MessageStore, model: &BTreeMap<MessageKey, u64>) {
        assert_eq!(store.len(), model.len());
        assert_eq!(store.is_empty(), model.is_empty());
        let keys: Vec<(MessageKey, u64)> =
            store.iter().map(|(k, m)| (k, m.enqueued_at.0)).collect();
        let expected: Vec<(MessageKey, u64)> = model.iter().map(|(&k, &v)| (k, v)).collect();
        assert_eq!(keys, expected);
        assert_eq!(
            store.first().map(|m| m.enqueued_at.0),
            model.values().next().copied()
        );
        assert!(store.slots.len() <= 2 * store.len.max(16) + 1);
    }

    #[test]
    fn finds_and_removes_like_a_btree() {
        let mut store = MessageStore::default();
        let mut model = BTreeMap::new();
        let mut next = 1;
        // A deterministic mix: bursts of sends, removals from the front, the back and
        // the middle, keys that are not there, and an insert below the last key.
        for round in 0u64..300 {
            for _ in 0..(round % 7) {
                store.insert(next, message(next));
                model.insert(next, next);
                next += 1;
            }
            let victim = match round % 4 {
                0 => model.keys().next().copied(),
                1 => model.keys().next_back().copied(),
                2 => model.keys().nth(model.len() / 2).copied(),
                _ => Some(next + 5),
            };
            if let Some(k) = victim {
                assert_eq!(
                    store.remove_if(k, |_| true).ok().map(|m| m.enqueued_at.0),
                    model.remove(&k),
                    "removing {k}"
                );
                assert!(store.get(k).is_none());
            }
            if round % 50 == 49 {
                let k = next - 3;
                store.insert(k, message(k));
                model.insert(k, k);
            }
            same(&store, &model);
            for (&k, &v) in &model {
                assert_eq!(store.get(k).map(|m| m.enqueued_at.0), Some(v));
            }
        }
        // Draining from the middle outward leaves no slot behind.
        while let Some(&k) = model.keys().nth(model.len() / 2) {
            store.remove_if(k, |_| true).ok();
            model.remove(&k);
            same(&store, &model);
        }
        assert!(store.slots.is_empty());
        store.insert(next, message(next));
        assert_eq!(store.take_all().len(), 1);
        assert!(store.is_empty() && store.first().is_none());
    }

    #[test]
    fn a_deep_store_holds_at_most_half_its_room_spare() {
        let mut store = MessageStore::default();
        for k in 1..=5_000 {
            store.insert(k, message(k));
            assert!(
                store.slots.capacity() <= (k as usize * 3 / 2).max(8),
                "at {k}"
            );
        }
    }

    #[test]
    fn a_drained_store_gives_its_room_back() {
        let mut store = MessageStore::default();
        for k in 1..=10_000 {
            store.insert(k, message(k));
        }
        for k in 1..=9_990 {
            store.remove_if(k, |_| true).ok();
        }
        assert_eq!(store.len(), 10);
        assert!(store.slots.capacity() <= 64, "{}", store.slots.capacity());
        assert_eq!(store.get(9_995).map(|m| m.enqueued_at.0), Some(9_995));
    }

    #[test]
    fn a_guessed_position_is_the_searched_one() {
        // Uneven gaps, as when queues share the engine's key counter unevenly.
        let mut store = MessageStore::default();
        let mut k = 3;
        for i in 0u64..500 {
            store.insert(k, message(k));
            k += 1 + (i * i) % 17 + if i % 100 == 0 { 1_000 } else { 0 };
        }
        for key in 0..k + 3 {
            assert_eq!(
                store.position(key),
                store.slots.binary_search_by_key(&key, |&(k, _)| k),
                "key {key}"
            );
        }
    }
}
