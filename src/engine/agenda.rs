//! Due events ordered by `(time, sequence)`: ties fire first-in, first-out.
//!
//! Entries are never removed early; a handler checks on firing whether the entry still
//! applies (the message may have been deleted or received again meanwhile). That keeps
//! every schedule and cancel cheap.
//!
//! Most entries arrive in order within their kind: every visibility timeout of a queue is
//! "now + the same timeout", every long-poll end "now + 20 s", a producer's next send
//! "now + its interval", an instance woken by its answered poll "now". A scheduler that
//! knows its kind names a [`Lane`]: an entry that extends its lane (no earlier than the
//! lane's last) is appended to that queue, any other descends the B-tree. Taking the
//! earliest entry compares the lanes' fronts with the B-tree's first. The lesson hour
//! schedules and pops about five entries a message, most of them in lanes, where each is
//! a `VecDeque` push and pop instead of a B-tree descent and rebalancing. Entries come out
//! in the order of their keys, whichever structure holds them.

use super::time::SimTime;
use std::collections::{BTreeMap, VecDeque};

/// Kinds of entries that are scheduled in time order, each kept in its own sorted queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    VisibilityTimeouts,
    PollEnds,
    Sends,
    /// Entries due at once (an instance whose long poll was answered).
    Now,
}
const LANES: usize = 4;

type Key = (SimTime, u64);

pub struct Agenda<T> {
    /// Entries that extended no lane when scheduled.
    others: BTreeMap<Key, T>,
    /// Each sorted by key, front first.
    lanes: [VecDeque<(Key, T)>; LANES],
    next_seq: u64,
}

impl<T> Default for Agenda<T> {
    fn default() -> Self {
        Agenda::new()
    }
}

/// Where the earliest entry is.
#[derive(Clone, Copy)]
enum Source {
    Lane(usize),
    Others,
}

impl<T> Agenda<T> {
    pub fn new() -> Self {
        Agenda {
            others: BTreeMap::new(),
            lanes: std::array::from_fn(|_| VecDeque::new()),
            next_seq: 0,
        }
    }
    pub fn schedule(&mut self, at: SimTime, item: T) {
        let seq = self.reserve();
        self.others.insert((at, seq), item);
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
        self.others.insert((at, seq), item);
    }
    /// Schedules `item` at `at` in `lane` when it comes no earlier than the lane's last
    /// entry (so the lane stays sorted), else where any entry goes.
    pub fn schedule_in(&mut self, lane: Lane, at: SimTime, item: T) {
        let key = (at, self.reserve());
        let lane = &mut self.lanes[lane as usize];
        // The new key's sequence is the highest yet: at the same time it comes last.
        if lane.back().is_none_or(|&((last, _), _)| last <= at) {
            lane.push_back((key, item));
        } else {
            self.others.insert(key, item);
        }
    }
    /// Drops entries from the back of `lane` while `stale` says they no longer apply, so
    /// a lane of entries that mostly go stale before they fire (visibility timeouts of
    /// messages deleted in time) stays short. Only entries that would fire as no-ops may
    /// go: what is left fires in the same order.
    pub fn drop_stale_back(&mut self, lane: Lane, mut stale: impl FnMut(&T) -> bool) {
        let lane = &mut self.lanes[lane as usize];
        while lane.back().is_some_and(|(_, item)| stale(item)) {
            lane.pop_back();
        }
    }
    /// The earliest key and where it is.
    fn first(&self) -> Option<(Key, Source)> {
        let mut first = self
            .others
            .first_key_value()
            .map(|(&k, _)| (k, Source::Others));
        for (i, lane) in self.lanes.iter().enumerate() {
            if let Some(&(k, _)) = lane.front() {
                if first.is_none_or(|(f, _)| k < f) {
                    first = Some((k, Source::Lane(i)));
                }
            }
        }
        first
    }
    fn take(&mut self, source: Source) -> Option<(SimTime, T)> {
        let ((t, _), item) = match source {
            Source::Lane(i) => self.lanes[i].pop_front()?,
            Source::Others => self.others.pop_first()?,
        };
        Some((t, item))
    }
    pub fn next_time(&self) -> Option<SimTime> {
        self.first().map(|((t, _), _)| t)
    }
    /// The earliest entry, left in place.
    pub fn peek(&self) -> Option<(SimTime, &T)> {
        let ((t, _), source) = self.first()?;
        let item = match source {
            Source::Lane(i) => &self.lanes[i].front()?.1,
            Source::Others => self.others.first_key_value()?.1,
        };
        Some((t, item))
    }
    /// Every entry, earliest first (merged lazily: callers usually stop early).
    pub fn iter(&self) -> impl Iterator<Item = (SimTime, &T)> {
        let mut lanes: Vec<_> = self.lanes.iter().map(|l| l.iter().peekable()).collect();
        let mut others = self.others.iter().peekable();
        std::iter::from_fn(move || {
            let mut best: Option<(Key, Option<usize>)> = others.peek().map(|(&k, _)| (k, None));
            for (i, lane) in lanes.iter_mut().enumerate() {
                if let Some(&&(k, _)) = lane.peek() {
                    if best.is_none_or(|(b, _)| k < b) {
                        best = Some((k, Some(i)));
                    }
                }
            }
            let ((t, _), source) = best?;
            let item = match source {
                Some(i) => &lanes[i].next()?.1,
                None => others.next()?.1,
            };
            Some((t, item))
        })
    }
    /// Removes the earliest entry, due or not (for dropping entries that no longer apply).
    pub fn pop_first(&mut self) -> Option<(SimTime, T)> {
        let (_, source) = self.first()?;
        self.take(source)
    }
    /// Removes and returns the earliest entry due at or before `now`.
    pub fn pop_due(&mut self, now: SimTime) -> Option<(SimTime, T)> {
        let ((t, _), source) = self.first()?;
        if t > now {
            return None;
        }
        self.take(source)
    }
    pub fn len(&self) -> usize {
        self.others.len() + self.lanes.iter().map(VecDeque::len).sum::<usize>()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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

    #[test]
    fn stale_entries_leave_a_lanes_back_only() {
        let mut a = Agenda::new();
        for (t, v) in [(1, 10), (2, 11), (2, 12), (3, 13), (4, 14)] {
            a.schedule_in(Lane::VisibilityTimeouts, SimTime(t), v);
        }
        a.schedule(SimTime(3), 20);
        // 14, 13 and 12 go; the back stops at 11, which still applies, so the stale 10
        // in front of it stays (it is dropped when it comes due).
        a.drop_stale_back(Lane::VisibilityTimeouts, |v| *v != 11 && *v != 20);
        assert_eq!(a.len(), 3);
        a.drop_stale_back(Lane::PollEnds, |_| true);
        let order: Vec<_> = std::iter::from_fn(|| a.pop_due(SimTime(9)).map(|(_, v)| v)).collect();
        assert_eq!(order, [10, 11, 20]);
        // A lane emptied from the back takes entries in order again.
        a.schedule_in(Lane::VisibilityTimeouts, SimTime(5), 30);
        assert_eq!(a.lanes[Lane::VisibilityTimeouts as usize].len(), 1);
    }

    /// Against a plain ordered map: any mix of schedules (in lanes or not), reserved places
    /// and pops comes out in key order, whichever lane or the B-tree holds each entry.
    #[test]
    fn lanes_keep_the_order_of_a_single_map() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut draw = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut a = Agenda::new();
        let mut reference = BTreeMap::new();
        let mut now = 0u64;
        let mut reserved = Vec::new();
        for step in 0..20_000u64 {
            match draw(10) {
                0..=4 => {
                    // Kinds of entries at fixed offsets, as a busy run makes them, each
                    // sometimes in the wrong lane (or out of its lane's order).
                    let kind = draw(5) as usize;
                    let at = SimTime(now + [0, 10, 20_000, 30_000, draw(300)][kind]);
                    let lanes = [
                        Lane::Now,
                        Lane::Sends,
                        Lane::PollEnds,
                        Lane::VisibilityTimeouts,
                    ];
                    let seq = a.next_seq;
                    match lanes.get(if draw(8) == 0 { draw(4) as usize } else { kind }) {
                        Some(&lane) => a.schedule_in(lane, at, step),
                        None => a.schedule(at, step),
                    }
                    reference.insert((at, seq), step);
                }
                5 => reserved.push((SimTime(now + draw(50)), a.reserve(), step)),
                6 => {
                    if let Some((at, seq, item)) = reserved.pop() {
                        a.schedule_reserved(at, seq, item);
                        reference.insert((at, seq), item);
                    }
                }
                7 => {
                    let expected: Vec<_> =
                        reference.iter().map(|(k, v)| (k.0, v)).take(50).collect();
                    let got: Vec<_> = a.iter().take(50).collect();
                    assert_eq!(got, expected);
                    assert_eq!(a.peek(), expected.first().copied());
                }
                8 => {
                    let first = reference.pop_first().map(|((t, _), v)| (t, v));
                    assert_eq!(a.pop_first(), first);
                }
                _ => {
                    now += draw(40);
                    loop {
                        let due = reference
                            .first_key_value()
                            .filter(|(k, _)| k.0 <= SimTime(now));
                        let expected = due.map(|(&(t, _), &v)| (t, v));
                        if expected.is_some() {
                            reference.pop_first();
                        }
                        assert_eq!(a.pop_due(SimTime(now)), expected);
                        if expected.is_none() {
                            break;
                        }
                    }
                }
            }
            assert_eq!(a.len(), reference.len());
            assert_eq!(a.next_time(), reference.keys().next().map(|k| k.0));
        }
    }
}
