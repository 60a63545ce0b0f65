//! The keys of one host's visible messages, oldest first, in about 8 bytes a key.
//!
//! Most keys become visible in key order, when they are sent: those go on the end of a
//! sorted deque. The others (a visibility timeout ending, a message moved back) go in a
//! B-tree beside it. Receives take the oldest, so keys leave mostly from the front. A key
//! removed from the middle of the deque leaves a marked slot; marked slots at either end
//! are dropped at once and the rest squeezed out once they outnumber the keys, so every
//! operation is O(log n), amortised, as the B-tree alone was, in a third of its room.

use super::message::MessageKey;
use super::message_store::{grow_by_half, search};
use std::collections::{BTreeSet, VecDeque};

/// Marks a slot whose key was removed. Keys count up from 1 and never get near it.
const REMOVED: MessageKey = 1 << 63;

#[derive(Default)]
pub struct VisibleKeys {
    /// Increasing keys (ignoring `REMOVED`); never a removed one at either end.
    in_order: VecDeque<MessageKey>,
    /// Keys not above the deque's last when they came, so kept aside.
    returned: BTreeSet<MessageKey>,
    /// Keys in `in_order`, not counting removed slots.
    live: usize,
}

impl VisibleKeys {
    pub fn len(&self) -> usize {
        self.live + self.returned.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn first(&self) -> Option<MessageKey> {
        // Keys come back out of order rarely: skip the B-tree's descent while it is empty.
        if self.returned.is_empty() {
            return self.in_order.front().copied();
        }
        match (self.in_order.front(), self.returned.first()) {
            (Some(&a), Some(&b)) => Some(a.min(b)),
            (a, b) => a.or(b).copied(),
        }
    }

    /// Adds `key`; returns whether it was not there.
    pub fn insert(&mut self, key: MessageKey) -> bool {
        let above = |last: Option<&MessageKey>| last.is_none_or(|&last| last < key);
        if above(self.in_order.back()) && above(self.returned.last()) {
            grow_by_half(&mut self.in_order);
            self.in_order.push_back(key);
            self.live += 1;
            return true;
        }
        if self.find(key).is_some() {
            return false;
        }
        self.returned.insert(key)
    }

    /// Removes `key`; returns whether it was there.
    pub fn remove(&mut self, key: MessageKey) -> bool {
        // A receive takes the oldest key: the front (never a removed slot), no search.
        if self.in_order.front() == Some(&key) {
            self.in_order.pop_front();
            self.live -= 1;
        } else if self.returned.remove(&key) {
            return true;
        } else {
            let Some(i) = self.find(key) else {
                return false;
            };
            self.in_order[i] |= REMOVED;
            self.live -= 1;
        }
        while self.in_order.front().is_some_and(|&k| k & REMOVED != 0) {
            self.in_order.pop_front();
        }
        while self.in_order.back().is_some_and(|&k| k & REMOVED != 0) {
            self.in_order.pop_back();
        }
        if self.in_order.len() - self.live > self.live.max(16) {
            self.in_order.retain(|&k| k & REMOVED == 0);
        }
        if self.in_order.capacity() > 64 && self.in_order.len() < self.in_order.capacity() / 4 {
            self.in_order.shrink_to(self.in_order.len() * 2);
        }
        true
    }

    /// The slot of `key` in the deque, if it is there and not removed.
    fn find(&self, key: MessageKey) -> Option<usize> {
        search(&self.in_order, key, |&k| k & !REMOVED)
            .ok()
            .filter(|&i| self.in_order[i] & REMOVED == 0)
    }

    /// The keys, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = MessageKey> + '_ {
        let mut in_order = self
            .in_order
            .iter()
            .copied()
            .filter(|&k| k & REMOVED == 0)
            .peekable();
        let mut returned = self.returned.iter().copied().peekable();
        std::iter::from_fn(move || match (in_order.peek(), returned.peek()) {
            (Some(a), Some(b)) if b < a => returned.next(),
            (Some(_), _) => in_order.next(),
            (None, _) => returned.next(),
        })
    }

    pub fn clear(&mut self) {
        *self = VisibleKeys::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_an_ordered_set() {
        // A deterministic mix like a queue's: sends in key order, receives of the oldest,
        // timeouts bringing older keys back, deletes from anywhere.
        let mut keys = VisibleKeys::default();
        let mut model = BTreeSet::new();
        let mut next = 1;
        for round in 0u64..600 {
            for _ in 0..(round % 5) {
                assert_eq!(keys.insert(next), model.insert(next));
                next += 1 + round % 3;
            }
            let k = match round % 6 {
                0 | 1 => model.first().copied(),
                2 => model.iter().nth(model.len() / 3).copied(),
                3 => model.last().copied(),
                _ => None,
            };
            if let Some(k) = k {
                assert_eq!(keys.remove(k), model.remove(&k), "removing {k}");
                assert!(!keys.remove(k));
            }
            if round % 4 == 3 {
                // A timeout: an older key, not visible now, becomes visible again; and a
                // key already visible is not added twice.
                let old = next.saturating_sub(1 + round % 40).max(1);
                assert_eq!(keys.insert(old), model.insert(old), "returning {old}");
                if let Some(&k) = model.iter().next_back() {
                    assert!(!keys.insert(k));
                }
            }
            assert_eq!(keys.len(), model.len());
            assert_eq!(keys.is_empty(), model.is_empty());
            assert_eq!(keys.first(), model.first().copied());
            assert!(keys.iter().eq(model.iter().copied()));
            assert!(keys.in_order.len() <= 2 * keys.live.max(16) + 1);
        }
        keys.clear();
        assert!(keys.is_empty() && keys.first().is_none());
        // A key kept aside is not added again once the deque has emptied.
        keys.insert(10);
        keys.insert(5);
        keys.remove(10);
        assert!(!keys.insert(5));
        assert!(keys.insert(10));
        assert!(keys.iter().eq([5, 10]));
        assert!(keys.remove(5) && keys.remove(10) && keys.is_empty());
    }

    #[test]
    fn keys_sent_in_order_take_8_bytes_each() {
        let mut keys = VisibleKeys::default();
        for k in 1..=1_000 {
            keys.insert(k);
        }
        assert!(keys.returned.is_empty());
        assert_eq!(keys.in_order.len(), 1_000);
        for k in 1..=990 {
            assert!(keys.remove(k));
        }
        assert_eq!(keys.first(), Some(991));
        assert!(keys.in_order.capacity() <= 64);
    }
}
