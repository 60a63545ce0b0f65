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
//!
//! An entry that fits no lane usually still lands near one end of the entries outside
//! lanes: the lesson's processing ends are a few, one per consumer instance, each "now +
//! a random time". Those go to a small vector sorted latest first (the earliest is
//! popped from its end) when putting them in place moves few entries ([`NEAR_SHIFT`]);
//! only the rest descend the B-tree, whose insert and pop cost about 300 instructions
//! each even for ten entries.

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
/// Where `fronts` keeps the earliest key of `near`.
const NEAR: usize = LANES;
/// Where `fronts` keeps the B-tree's first key.
const OTHERS: usize = LANES + 1;
const FRONTS: usize = LANES + 2;
/// `fronts` of an empty lane.
const EMPTY: u128 = u128::MAX;

/// A key as one number, time then sequence, so finding the earliest is one comparison a
/// lane.
fn packed((t, seq): Key) -> u128 {
    (u128::from(t.0) << 64) | u128::from(seq)
}

/// At most this many entries move to make room in `near`; a farther place is the B-tree's.
const NEAR_SHIFT: usize = 32;

type Key = (SimTime, u64);

pub struct Agenda<T> {
    /// Entries that extended no lane when scheduled.
    others: BTreeMap<Key, T>,
    /// Each sorted by key, front first.
    lanes: [VecDeque<(Key, T)>; LANES],
    /// Entries of no lane placed cheaply: sorted by key, latest first.
    near: Vec<(Key, T)>,
    /// The first key of each lane, then of the B-tree (`EMPTY` when it has none): the
    /// earliest entry is found by reading these alone.
    fronts: [u128; FRONTS],
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
    Near,
    Others,
}

impl<T> Agenda<T> {
    pub fn new() -> Self {
        Agenda {
            others: BTreeMap::new(),
            lanes: std::array::from_fn(|_| VecDeque::new()),
            near: Vec::new(),
            fronts: [EMPTY; FRONTS],
            next_seq: 0,
        }
    }
    pub fn schedule(&mut self, at: SimTime, item: T) {
        let key = (at, self.reserve());
        self.place(key, item);
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
        self.place((at, seq), item);
    }
    /// Puts an entry of no lane (or out of its lane's order) in `near` when that moves at
    /// most `NEAR_SHIFT` entries, else in the B-tree.
    fn place(&mut self, key: Key, item: T) {
        let near = &mut self.near;
        let at = near.partition_point(|&(k, _)| k > key);
        if near.len() - at <= NEAR_SHIFT {
            near.insert(at, (key, item));
            if at + 1 == near.len() {
                self.fronts[NEAR] = packed(key);
            }
        } else {
            self.others.insert(key, item);
            self.fronts[OTHERS] = self.fronts[OTHERS].min(packed(key));
        }
    }
    /// Schedules `item` at `at` in `lane` when it comes no earlier than the lane's last
    /// entry (so the lane stays sorted), else where any entry goes.
    pub fn schedule_in(&mut self, lane: Lane, at: SimTime, item: T) {
        let key = (at, self.reserve());
        let i = lane as usize;
        let lane = &mut self.lanes[i];
        // The new key's sequence is the highest yet: at the same time it comes last.
        if lane.back().is_none_or(|&((last, _), _)| last <= at) {
            if lane.is_empty() {
                self.fronts[i] = packed(key);
            }
            lane.push_back((key, item));
        } else {
            self.place(key, item);
        }
    }
    /// Drops entries from the back of `lane` while `stale` says they no longer apply, so
    /// a lane of entries that mostly go stale before they fire (visibility timeouts of
    /// messages deleted in time) stays short. Only entries that would fire as no-ops may
    /// go: what is left fires in the same order.
    pub fn drop_stale_back(&mut self, lane: Lane, mut stale: impl FnMut(&T) -> bool) {
        let i = lane as usize;
        let lane = &mut self.lanes[i];
        while lane.back().is_some_and(|(_, item)| stale(item)) {
            lane.pop_back();
        }
        self.refresh(i);
    }
    /// Drops the front of `lane` if `stale` says it no longer applies: an entry that goes
    /// stale early and in its lane's order (the end of a long poll answered first) then
    /// costs no pop and check later.
    pub fn drop_stale_front(&mut self, lane: Lane, stale: impl FnOnce(&T) -> bool) {
        let i = lane as usize;
        let lane = &mut self.lanes[i];
        if lane.front().is_some_and(|(_, item)| stale(item)) {
            lane.pop_front();
            self.refresh(i);
        }
    }
    /// The earliest key and where it is. Called for every entry that fires, so it reads
    /// only `fronts`.
    #[inline]
    fn first(&self) -> Option<(Key, Source)> {
        let mut best = 0;
        for i in 1..FRONTS {
            if self.fronts[i] < self.fronts[best] {
                best = i;
            }
        }
        let k = self.fronts[best];
        if k == EMPTY {
            // Nothing, or the one entry whose key is the greatest there is.
            best = (0..FRONTS).find(|&i| self.len_of(i) > 0)?;
        }
        let source = match best {
            NEAR => Source::Near,
            OTHERS => Source::Others,
            lane => Source::Lane(lane),
        };
        Some(((SimTime((k >> 64) as u64), k as u64), source))
    }
    fn len_of(&self, i: usize) -> usize {
        match i {
            NEAR => self.near.len(),
            OTHERS => self.others.len(),
            lane => self.lanes[lane].len(),
        }
    }
    /// Sets `fronts[i]` from what structure `i` holds now.
    fn refresh(&mut self, i: usize) {
        let first = match i {
            NEAR => self.near.last().map(|&(k, _)| k),
            OTHERS => self.others.first_key_value().map(|(&k, _)| k),
            lane => self.lanes[lane].front().map(|&(k, _)| k),
        };
        self.fronts[i] = first.map_or(EMPTY, packed);
    }
    fn take(&mut self, source: Source) -> Option<(SimTime, T)> {
        let (i, ((t, _), item)) = match source {
            Source::Lane(i) => (i, self.lanes[i].pop_front()?),
            Source::Near => (NEAR, self.near.pop()?),
            Source::Others => (OTHERS, self.others.pop_first()?),
        };
        self.refresh(i);
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
            Source::Near => &self.near.last()?.1,
            Source::Others => self.others.first_key_value()?.1,
        };
        Some((t, item))
    }
    /// Every entry, earliest first (merged lazily: callers usually stop early).
    pub fn iter(&self) -> impl Iterator<Item = (SimTime, &T)> {
        let mut lanes: Vec<_> = self.lanes.iter().map(|l| l.iter().peekable()).collect();
        let mut near = self.near.iter().rev().peekable();
        let mut others = self.others.iter().peekable();
        std::iter::from_fn(move || {
            let mut best = others.peek().map(|(&k, _)| (k, Source::Others));
            let mut consider = |k: Key, source: Source| {
                if best.is_none_or(|(b, _)| k < b) {
                    best = Some((k, source));
                }
            };
            if let Some(&&(k, _)) = near.peek() {
                consider(k, Source::Near);
            }
            for (i, lane) in lanes.iter_mut().enumerate() {
                if let Some(&&(k, _)) = lane.peek() {
                    consider(k, Source::Lane(i));
                }
            }
            let ((t, _), source) = best?;
            let item = match source {
                Source::Lane(i) => &lanes[i].next()?.1,
                Source::Near => &near.next()?.1,
                Source::Others => others.next()?.1,
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
        self.others.len() + self.near.len() + self.lanes.iter().map(VecDeque::len).sum::<usize>()
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

    #[test]
    fn a_stale_front_goes_and_a_live_one_stays() {
        let mut a = Agenda::new();
        for (t, v) in [(1, 10), (2, 11)] {
            a.schedule_in(Lane::PollEnds, SimTime(t), v);
        }
        a.drop_stale_front(Lane::PollEnds, |v| *v == 11);
        assert_eq!(a.len(), 2);
        a.drop_stale_front(Lane::PollEnds, |v| *v == 10);
        assert_eq!(a.pop_due(SimTime(9)), Some((SimTime(2), 11)));
        assert!(a.is_empty());
    }

    /// Entries scattered in time fill the near deque where placing them is cheap and the
    /// B-tree elsewhere; they come out in key order all the same.
    #[test]
    fn scattered_entries_use_both_stores_and_keep_key_order() {
        let mut draw = crate::engine::rng::test_draws(0x9e37_79b9_7f4a_7c15u64);
        let mut a = Agenda::new();
        let mut reference = BTreeMap::new();
        for step in 0..5_000u64 {
            let at = SimTime(draw(1_000));
            reference.insert((at, a.next_seq), step);
            a.schedule(at, step);
        }
        assert!(!a.others.is_empty() && a.near.len() > 2 * NEAR_SHIFT);
        let expected: Vec<_> = reference.iter().map(|(k, &v)| (k.0, v)).collect();
        let got: Vec<_> = std::iter::from_fn(|| a.pop_first()).collect();
        assert_eq!(got, expected);
    }

    /// Against a plain ordered map: any mix of schedules (in lanes or not), reserved places
    /// and pops comes out in key order, whichever lane or the B-tree holds each entry.
    #[test]
    fn lanes_keep_the_order_of_a_single_map() {
        let mut draw = crate::engine::rng::test_draws(0x2545_f491_4f6c_dd1du64);
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
