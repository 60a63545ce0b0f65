//! CloudWatch-style metrics per queue, in one-minute periods of virtual time.
//!
//! Counters (`NumberOfMessagesSent`, ...) add up within the minute an action happens.
//! Gauges (`ApproximateNumberOfMessagesVisible`, ...) are sampled at each minute boundary
//! as the clock passes it, so no agenda entry is needed and an idle engine stays idle.

use super::time::SimTime;
use serde::Serialize;
use std::collections::VecDeque;

/// Minutes kept per queue: CloudWatch keeps one-minute data for 15 days; a lesson needs
/// far less, and this bounds memory on long fast-forwards.
pub const MAX_MINUTES: usize = 15 * 24 * 60;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MinuteSample {
    pub number_of_messages_sent: u64,
    pub number_of_messages_received: u64,
    pub number_of_messages_deleted: u64,
    pub number_of_empty_receives: u64,
    /// Sum, count, min and max of sent message sizes (bytes), as CloudWatch's statistics.
    pub sent_message_size_sum: u64,
    pub sent_message_size_count: u64,
    pub sent_message_size_min: u64,
    pub sent_message_size_max: u64,
    /// Gauges at the end of the minute (None until the clock has passed it).
    pub approximate_number_of_messages_visible: Option<u64>,
    pub approximate_number_of_messages_not_visible: Option<u64>,
    pub approximate_number_of_messages_delayed: Option<u64>,
    pub approximate_age_of_oldest_message: Option<u64>,
}

/// The gauges of a queue at one instant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gauges {
    pub visible: u64,
    pub not_visible: u64,
    pub delayed: u64,
    pub age_of_oldest_seconds: u64,
}

#[derive(Clone, Debug, Default)]
pub struct QueueMetrics {
    /// (minute index (virtual time / 60 s), sample), in minute order. Time only moves
    /// forward, so nearly every count lands in the last minute and a new minute goes at
    /// the back: a deque makes both O(1) where a B-tree searched (about 70 instructions
    /// for each of the lesson hour's million counts).
    minutes: VecDeque<(u64, MinuteSample)>,
}

fn minute(t: SimTime) -> u64 {
    t.millis() / 60_000
}

impl QueueMetrics {
    fn at(&mut self, t: SimTime) -> &mut MinuteSample {
        let m = minute(t);
        if self.minutes.back().is_some_and(|&(last, _)| last == m) {
            return &mut self.minutes.back_mut().expect("just seen").1;
        }
        let place = match self.minutes.back() {
            Some(&(last, _)) if last < m => self.insert(self.minutes.len(), m),
            None => self.insert(0, m),
            // An earlier minute (a gauge sample for a minute without counts, say).
            Some(_) => match self.minutes.binary_search_by_key(&m, |&(k, _)| k) {
                Ok(found) => found,
                Err(place) => self.insert(place, m),
            },
        };
        &mut self.minutes[place].1
    }
    /// Inserts minute `m` at `place`, first dropping the oldest at MAX_MINUTES (as the
    /// map did, even when `m` is older still); where it went.
    fn insert(&mut self, mut place: usize, m: u64) -> usize {
        if self.minutes.len() >= MAX_MINUTES {
            self.minutes.pop_front();
            place = place.saturating_sub(1);
        }
        self.minutes.insert(place, (m, MinuteSample::default()));
        place
    }
    pub fn sent(&mut self, t: SimTime, size: usize) {
        let s = self.at(t);
        let size = size as u64;
        s.sent_message_size_min = if s.sent_message_size_count == 0 {
            size
        } else {
            s.sent_message_size_min.min(size)
        };
        s.sent_message_size_max = s.sent_message_size_max.max(size);
        s.number_of_messages_sent += 1;
        s.sent_message_size_sum += size;
        s.sent_message_size_count += 1;
    }
    pub fn received(&mut self, t: SimTime, n: usize) {
        if n == 0 {
            self.at(t).number_of_empty_receives += 1;
        } else {
            self.at(t).number_of_messages_received += n as u64;
        }
    }
    pub fn deleted(&mut self, t: SimTime) {
        self.at(t).number_of_messages_deleted += 1;
    }
    /// Records the gauges for the minute that ends at `boundary` (a multiple of 60 s).
    pub fn sample(&mut self, boundary: SimTime, g: Gauges) {
        let s = self.at(SimTime(boundary.millis().saturating_sub(1)));
        s.approximate_number_of_messages_visible = Some(g.visible);
        s.approximate_number_of_messages_not_visible = Some(g.not_visible);
        s.approximate_number_of_messages_delayed = Some(g.delayed);
        s.approximate_age_of_oldest_message = Some(g.age_of_oldest_seconds);
    }
    /// (minute start, sample), oldest first.
    pub fn minutes(&self) -> impl Iterator<Item = (SimTime, &MinuteSample)> {
        self.minutes.iter().map(|(m, s)| (SimTime(m * 60_000), s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The B-tree the deque replaced, with its rules for a full window.
    fn reference_at(map: &mut BTreeMap<u64, MinuteSample>, t: SimTime) -> &mut MinuteSample {
        let m = minute(t);
        if !map.contains_key(&m) && map.len() >= MAX_MINUTES {
            map.pop_first();
        }
        map.entry(m).or_default()
    }

    #[test]
    fn minutes_are_kept_as_the_map_kept_them() {
        let (mut metrics, mut map) = (QueueMetrics::default(), BTreeMap::new());
        let mut x: u64 = 7;
        let mut now = 0u64;
        for i in 0..120_000u64 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            // Mostly forward in small steps, sometimes a jump, sometimes an older minute.
            let t = match x >> 60 {
                0 => now.saturating_sub((x >> 20) % 50_000_000),
                1 => {
                    now += (x >> 20) % 3_000_000;
                    now
                }
                _ => {
                    now += (x >> 20) % 40_000;
                    now
                }
            };
            let size = (i % 977) as usize;
            metrics.sent(SimTime(t), size);
            let s = reference_at(&mut map, SimTime(t));
            s.number_of_messages_sent += 1;
            s.sent_message_size_sum += size as u64;
            if i % 5 == 0 {
                let boundary = SimTime((t / 60_000 + 1) * 60_000);
                let gauges = Gauges {
                    visible: i,
                    ..Default::default()
                };
                metrics.sample(boundary, gauges);
                let at = SimTime(boundary.millis() - 1);
                reference_at(&mut map, at).approximate_number_of_messages_visible = Some(i);
            }
        }
        assert!(map.len() == MAX_MINUTES, "the window filled: {}", map.len());
        let kept: Vec<_> = metrics
            .minutes()
            .map(|(t, s)| {
                let v = s.approximate_number_of_messages_visible;
                (t, s.number_of_messages_sent, s.sent_message_size_sum, v)
            })
            .collect();
        let expected: Vec<_> = map
            .iter()
            .map(|(m, s)| {
                let v = s.approximate_number_of_messages_visible;
                (
                    SimTime(m * 60_000),
                    s.number_of_messages_sent,
                    s.sent_message_size_sum,
                    v,
                )
            })
            .collect();
        assert_eq!(kept, expected);
    }
}
