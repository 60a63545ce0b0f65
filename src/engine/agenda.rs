//! Due events ordered by `(time, sequence)`: ties fire first-in, first-out.
//!
//! Entries are never removed early; a handler checks on firing whether the entry still
//! applies (the message may have been deleted or received again meanwhile). That keeps
//! every schedule and cancel at O(log n).

use super::time::SimTime;
use std::collections::BTreeMap;

#[derive(Default)]
pub struct Agenda<T> {
    entries: BTreeMap<(SimTime, u64), T>,
    next_seq: u64,
}

impl<T> Agenda<T> {
    pub fn new() -> Self {
        Agenda {
            entries: BTreeMap::new(),
            next_seq: 0,
        }
    }
    pub fn schedule(&mut self, at: SimTime, item: T) {
        self.entries.insert((at, self.next_seq), item);
        self.next_seq += 1;
    }
    pub fn next_time(&self) -> Option<SimTime> {
        self.entries.keys().next().map(|(t, _)| *t)
    }
    /// The earliest entry, left in place.
    pub fn peek(&self) -> Option<(SimTime, &T)> {
        self.entries.first_key_value().map(|(&(t, _), v)| (t, v))
    }
    /// Every entry, earliest first.
    pub fn iter(&self) -> impl Iterator<Item = (SimTime, &T)> {
        self.entries.iter().map(|(&(t, _), v)| (t, v))
    }
    /// Removes the earliest entry, due or not (for dropping entries that no longer apply).
    pub fn pop_first(&mut self) -> Option<(SimTime, T)> {
        self.entries.pop_first().map(|((t, _), v)| (t, v))
    }
    /// Removes and returns the earliest entry due at or before `now`.
    pub fn pop_due(&mut self, now: SimTime) -> Option<(SimTime, T)> {
        let (&(t, _), _) = self.entries.first_key_value()?;
        if t > now {
            return None;
        }
        self.entries.pop_first().map(|((t, _), v)| (t, v))
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn ties_fire_in_insertion_order() {
        let mut a = Agenda::new();
        a.schedule(SimTime(5), "b");
        a.schedule(SimTime(1), "a");
        a.schedule(SimTime(5), "c");
        assert_eq!(a.pop_due(SimTime(0)), None);
        assert_eq!(a.pop_due(SimTime(9)), Some((SimTime(1), "a")));
        assert_eq!(a.pop_due(SimTime(9)), Some((SimTime(5), "b")));
        assert_eq!(a.pop_due(SimTime(9)), Some((SimTime(5), "c")));
        assert!(a.is_empty());
    }
}
