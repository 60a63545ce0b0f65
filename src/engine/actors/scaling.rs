//! How many instances a consumer group runs: a fixed number, or target-tracking auto
//! scaling on the backlog per instance.
//!
//! Target tracking as AWS recommends it for queue workers: an instance can clear
//! `acceptable latency / processing time` messages in time, so the group wants
//! `ceil(ApproximateNumberOfMessages / that)` instances, within min and max. The metric
//! is checked once a minute (CloudWatch's standard resolution) and, as with the alarms
//! target tracking creates on AWS, the group scales out after 3 minutes in a row above
//! its capacity and in only after 15 in a row below: a group that keeps up has almost no
//! backlog, and scaling in at the first quiet minute would make it flap. A scale-out also
//! waits for the cooldown after the last scale-out; a scale-in for the cooldown after
//! any scaling and for every new instance to finish warming up.

use super::super::trace::Event;
use super::super::{Engine, SimTime};
use super::{queue_at, ActorId, ActorStatus, Kind, Slot};
use serde::Serialize;

pub const EVALUATION_PERIOD_MS: u64 = 60_000;
/// Consecutive checks above (below) capacity before scaling out (in), as AWS's alarms.
pub const SCALE_OUT_DATAPOINTS: u32 = 3;
pub const SCALE_IN_DATAPOINTS: u32 = 15;
/// Enough for a classroom's demonstrations; more would only slow the page.
pub const MAX_INSTANCES: u32 = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "scaling", rename_all = "kebab-case")]
pub enum Instances {
    Fixed {
        count: u32,
    },
    TargetTracking {
        min: u32,
        max: u32,
        acceptable_latency_ms: u64,
        cooldown_ms: u64,
    },
}

impl Instances {
    pub fn check(&self) -> Result<(), String> {
        match *self {
            Instances::Fixed { count } if !(1..=MAX_INSTANCES).contains(&count) => Err(format!(
                "a group runs from 1 to {MAX_INSTANCES} instances, not {count}"
            )),
            Instances::TargetTracking { max, .. } if max == 0 || max > MAX_INSTANCES => Err(
                format!("the maximum instance count must be from 1 to {MAX_INSTANCES}, not {max}"),
            ),
            Instances::TargetTracking { min, max, .. } if min > max => Err(format!(
                "the minimum instance count ({min}) must be at most the maximum ({max})"
            )),
            Instances::TargetTracking {
                acceptable_latency_ms: 0,
                ..
            } => Err("the acceptable latency must be greater than 0".into()),
            _ => Ok(()),
        }
    }

    /// Instances at the start.
    pub fn initial(&self) -> u32 {
        match *self {
            Instances::Fixed { count } => count,
            Instances::TargetTracking { min, .. } => min,
        }
    }
}

/// Messages one instance can clear within the acceptable latency (at least 1).
pub fn backlog_target(acceptable_latency_ms: u64, mean_processing_ms: u64) -> u64 {
    (acceptable_latency_ms / mean_processing_ms.max(1)).max(1)
}

/// The instance count target tracking asks for.
pub fn desired(visible: u64, target: u64, min: u32, max: u32) -> u32 {
    let want = visible.div_ceil(target.max(1));
    want.clamp(u64::from(min), u64::from(max)) as u32
}

impl Engine {
    /// The once-a-minute check of a target-tracking group.
    pub(super) fn evaluate_scaling(&mut self, id: ActorId) {
        let now = self.now;
        let Some(actor) = self.actors.all.get(&id) else {
            return;
        };
        let Kind::Consumers(group) = &actor.kind else {
            return;
        };
        let Instances::TargetTracking {
            min,
            max,
            acceptable_latency_ms,
            cooldown_ms,
        } = group.spec.instances
        else {
            return;
        };
        if actor.status != ActorStatus::Running {
            return;
        }
        let visible = queue_at(self, &group.spec.queue_url).map(|q| q.visible_count() as u64);
        let target = backlog_target(acceptable_latency_ms, group.spec.processing.mean_ms());
        let capacity = group.capacity();
        let cooled =
            |since: Option<SimTime>| since.is_none_or(|t| now >= t.plus_millis(cooldown_ms));
        let (out_cooled, in_cooled) = (cooled(group.last_scale_out), cooled(group.last_scaling));
        let warming = group.warming_up();
        let name = actor.name.clone();
        self.wake(id, Slot::Main, now.plus_millis(EVALUATION_PERIOD_MS));
        // A missing queue: the next receive reports it and stops the group.
        let Some(visible) = visible else {
            return;
        };
        let want = desired(visible, target, min, max);
        let Some(Kind::Consumers(group)) = self.actor_mut(id).map(|a| &mut a.kind) else {
            return;
        };
        group.high = if want > capacity { group.high + 1 } else { 0 };
        group.low = if want < capacity { group.low + 1 } else { 0 };
        let scale_out = group.high >= SCALE_OUT_DATAPOINTS && out_cooled;
        let scale_in = group.low >= SCALE_IN_DATAPOINTS && in_cooled && !warming;
        if !scale_out && !scale_in {
            return;
        }
        let event = if scale_out {
            Event::ScaledOut {
                actor: name,
                from: capacity,
                to: want,
                visible,
                target_per_instance: target,
            }
        } else {
            Event::ScaledIn {
                actor: name,
                from: capacity,
                to: want,
                visible,
                target_per_instance: target,
            }
        };
        self.trace.push(now, event);
        let Some(Kind::Consumers(group)) = self.actor_mut(id).map(|a| &mut a.kind) else {
            return;
        };
        group.desired = want;
        group.last_scaling = Some(now);
        if scale_out {
            group.last_scale_out = Some(now);
            for _ in capacity..want {
                self.add_instance(id);
            }
        } else {
            for instance in group
                .retire_order()
                .into_iter()
                .take((capacity - want) as usize)
            {
                self.retire_instance(id, instance);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desired_is_backlog_over_target_within_bounds() {
        let target = backlog_target(10_000, 100); // 100 messages per instance in 10 s
        assert_eq!(target, 100);
        assert_eq!(desired(0, target, 1, 10), 1);
        assert_eq!(desired(250, target, 1, 10), 3);
        assert_eq!(desired(50_000, target, 1, 10), 10);
        assert_eq!(backlog_target(50, 200), 1);
    }
}
