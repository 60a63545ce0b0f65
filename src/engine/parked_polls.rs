//! The long polls parked until a message arrives or their wait ends, by PollId.
//!
//! Ids only grow, so a new poll goes at the back, and polls are mostly served in the
//! order they parked, so the one that leaves is mostly at the front: a sorted deque does
//! both in O(1) where a B-tree shifted the rest of its node (a `Poll` is about 90 bytes)
//! on every remove. Any other id is found by binary search.

use super::{Poll, PollId};
use std::collections::VecDeque;

#[derive(Default)]
pub(super) struct ParkedPolls {
    /// Increasing ids.
    polls: VecDeque<(PollId, Poll)>,
}

impl ParkedPolls {
    fn position(&self, id: PollId) -> Result<usize, usize> {
        self.polls.binary_search_by_key(&id, |&(p, _)| p)
    }
    /// Parks `poll` under `id`, replacing any poll parked under it.
    pub fn insert(&mut self, id: PollId, poll: Poll) {
        if self.polls.back().is_none_or(|&(last, _)| last < id) {
            self.polls.push_back((id, poll));
            return;
        }
        match self.position(id) {
            Ok(i) => self.polls[i].1 = poll,
            Err(i) => self.polls.insert(i, (id, poll)),
        }
    }
    pub fn remove(&mut self, id: &PollId) -> Option<Poll> {
        if self.polls.front().is_some_and(|&(first, _)| first == *id) {
            return self.polls.pop_front().map(|(_, p)| p);
        }
        let i = self.position(*id).ok()?;
        self.polls.remove(i).map(|(_, p)| p)
    }
    pub fn contains_key(&self, id: &PollId) -> bool {
        self.position(*id).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn poll(queue: u64) -> Poll {
        Poll {
            queue,
            max: 1,
            visibility_timeout: 0,
            attribute_names: Vec::new(),
            message_attribute_names: Vec::new(),
            attempt_id: None,
        }
    }

    /// Against a B-tree: parks in id order and back in again, removals from anywhere.
    #[test]
    fn parks_and_removes_like_a_map() {
        let mut draw = crate::engine::rng::test_draws(0x2545_f491_4f6c_dd1du64);
        let mut parked = ParkedPolls::default();
        let mut model = BTreeMap::new();
        let mut next = 1;
        for _ in 0..5_000 {
            let id = match draw(4) {
                0 | 1 => {
                    next += 1;
                    next
                }
                _ => draw(next + 2),
            };
            match draw(3) {
                0 => {
                    parked.insert(id, poll(id));
                    model.insert(id, id);
                }
                1 => assert_eq!(parked.remove(&id).map(|p| p.queue), model.remove(&id)),
                _ => {
                    let first = model.keys().next().copied().unwrap_or(0);
                    assert_eq!(parked.remove(&first).map(|p| p.queue), model.remove(&first));
                }
            }
            assert_eq!(parked.contains_key(&id), model.contains_key(&id));
            assert_eq!(parked.polls.len(), model.len());
        }
    }
}
