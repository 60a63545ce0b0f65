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
        let seq = self.reserve();
        self.entries.insert((at, seq), item);
    }
    /// A place in the order of ties, taken now, for an entry that may be put on the
    /// agenda later with [`Agenda::schedule_reserved`]: it then fires exactly where an
    /// entry scheduled now would have.
    pub fn reserve(&mut self) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        seq
    }
    /// Schedules `item` at `at` in the place `seq` (from [`Agenda::reserve`]).
    pub fn schedule_reserved(&mut self, at: SimTime, seq: u64, item: T) {
        self.entries.insert((at, seq), item);
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
    #[test]
    fn a_reserved_place_fires_where_it_was_taken() {
        let mut a = Agenda::new();
        a.schedule(SimTime(5), "a");
        let seq = a.reserve();
        a.schedule(SimTime(5), "c");
        a.schedule_reserved(SimTime(5), seq, "b");
        let order: Vec<_> = std::iter::from_fn(|| a.pop_due(SimTime(5)).map(|(_, v)| v)).collect();
        assert_eq!(order, ["a", "b", "c"]);
    }
}
