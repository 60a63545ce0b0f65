//! CloudWatch-style metrics per queue, in one-minute periods of virtual time.
//!
//! Counters (`NumberOfMessagesSent`, ...) add up within the minute an action happens.
//! Gauges (`ApproximateNumberOfMessagesVisible`, ...) are sampled at each minute boundary
//! as the clock passes it, so no agenda entry is needed and an idle engine stays idle.

use super::time::SimTime;
use serde::Serialize;
use std::collections::BTreeMap;

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
    /// Minute index (virtual time / 60 s) → sample.
    minutes: BTreeMap<u64, MinuteSample>,
}

fn minute(t: SimTime) -> u64 {
    t.millis() / 60_000
}

impl QueueMetrics {
    fn at(&mut self, t: SimTime) -> &mut MinuteSample {
        let m = minute(t);
        // Nearly every send, receive and delete counts in the latest minute: taking the
        // last entry spares two searches of the map.
        if self.minutes.last_key_value().is_some_and(|(&k, _)| k == m) {
            return self.minutes.last_entry().expect("just seen").into_mut();
        }
        if !self.minutes.contains_key(&m) && self.minutes.len() >= MAX_MINUTES {
            self.minutes.pop_first();
        }
        self.minutes.entry(m).or_default()
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
