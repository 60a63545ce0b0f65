//! The 5-minute deduplication window that FIFO queues and FIFO topics share: what the first
//! send or publish with an id answered, so a repeat within the window gets the same answer.

use super::time::SimTime;
use std::collections::{BTreeMap, VecDeque};

/// How long a deduplication id is remembered after its first use.
pub const WINDOW_MS: u64 = 5 * 60_000;

#[derive(Clone, Debug)]
pub struct DeduplicationWindow<K, V> {
    first: BTreeMap<K, V>,
    /// Keys in the order they expire.
    expiry: VecDeque<(SimTime, K)>,
}

impl<K, V> Default for DeduplicationWindow<K, V> {
    fn default() -> Self {
        DeduplicationWindow {
            first: BTreeMap::new(),
            expiry: VecDeque::new(),
        }
    }
}

impl<K: Ord + Clone, V> DeduplicationWindow<K, V> {
    /// The answer of the first use of `key`, if that was less than 5 minutes before `now`.
    pub fn get(&mut self, now: SimTime, key: &K) -> Option<&V> {
        while let Some((at, _)) = self.expiry.front() {
            if at.millis() + WINDOW_MS > now.millis() {
                break;
            }
            let (_, k) = self.expiry.pop_front().expect("peeked");
            self.first.remove(&k);
        }
        self.first.get(key)
    }

    /// Remembers the first use of `key` at `now`.
    pub fn insert(&mut self, now: SimTime, key: K, answer: V) {
        self.first.insert(key.clone(), answer);
        self.expiry.push_back((now, key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn forgets_after_five_minutes() {
        let mut w = DeduplicationWindow::default();
        w.insert(SimTime::ZERO, "a", 1);
        assert_eq!(w.get(SimTime(WINDOW_MS - 1), &"a"), Some(&1));
        assert_eq!(w.get(SimTime(WINDOW_MS), &"a"), None);
    }
}
