//! What the page remembers of SNS from the trace (read with the rest of [`super::notes`]).
//!
//! The engine's subscription views say what a subscription *is*; what happened to the
//! messages published through it is only in the trace: which copies were delivered, which
//! a filter policy dropped (and on which key), which failed and will be retried, which were
//! dead-lettered or lost, and which reached a queue whose access policy would refuse them
//! on AWS. Bounded: a few entries per topic and subscription, forgotten when it is deleted.

use super::view::name_of;
use crate::engine::{Event, SimTime};
use std::collections::{BTreeMap, VecDeque};

/// How many drops and publishes are remembered per subscription and topic.
const RECENT: usize = 5;
/// Edge animations remembered at most (a fanout at 1000x can make thousands per tick).
const MAX_FLOWS: usize = 500;

/// What happened to one copy of a message on a subscription's edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowKind {
    Delivered,
    /// Its filter policy dropped it.
    Filtered,
    /// The attempt failed (it may be retried).
    Failed,
    DeadLettered,
    Lost,
    /// Not attempted: the subscription is not confirmed.
    Skipped,
}

/// One copy moving along an edge, as the page saw it.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// Position in the trace: a stable key, so each animation plays once.
    pub index: usize,
    pub subscription: String,
    pub kind: FlowKind,
    pub seen_ms: f64,
}

/// A message a subscription's filter policy rejected, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drop {
    pub index: usize,
    pub at: SimTime,
    pub message_id: String,
    pub key: String,
    pub condition: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishNote {
    pub index: usize,
    pub at: SimTime,
    pub message_id: String,
    pub deliveries: u32,
    pub filtered_out: u32,
}

/// Counts of what happened on a subscription since the page opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub delivered: u32,
    pub filtered: u32,
    pub failed: u32,
    pub dead_lettered: u32,
    pub lost: u32,
}

/// A delivery to `queue` that AWS would deny (lenient access) or that was denied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessProblem {
    pub subscription: String,
    pub topic_arn: String,
    pub queue: String,
    pub reason: String,
    /// Denied (strict access, or a policy that refuses): not delivered.
    pub denied: bool,
}

/// What is remembered per subscription.
#[derive(Default)]
struct SubscriptionNotes {
    drops: VecDeque<Drop>,
    tally: Tally,
}

#[derive(Default)]
pub struct SnsNotes {
    flows: VecDeque<Flow>,
    subscriptions: BTreeMap<String, SubscriptionNotes>,
    /// By topic name.
    publishes: BTreeMap<String, VecDeque<PublishNote>>,
    /// The latest problem per (subscription, queue), in the order they appeared (a few at
    /// most: a list is enough).
    access: Vec<AccessProblem>,
    /// An AccessWarning for (subscription, queue) whose attempt has not ended yet: the
    /// `Delivered` that ends it keeps the warning (other deliveries clear it).
    just_warned: Option<(String, String)>,
}

fn push_recent<T>(list: &mut VecDeque<T>, item: T) {
    list.push_back(item);
    while list.len() > RECENT {
        list.pop_front();
    }
}

/// The topic ARN in a subscription ARN (`arn:aws:sns:REGION:ACCOUNT:TOPIC:UUID`).
pub fn topic_arn_of(subscription: &str) -> &str {
    subscription
        .rsplit_once(':')
        .map_or(subscription, |(topic_arn, _)| topic_arn)
}

impl SnsNotes {
    pub fn note(&mut self, index: usize, event: &Event, at: SimTime, now_ms: f64) {
        let flow = |flows: &mut VecDeque<Flow>, subscription: &str, kind| {
            flows.push_back(Flow {
                index,
                subscription: subscription.to_string(),
                kind,
                seen_ms: now_ms,
            })
        };
        match event {
            Event::Published {
                topic,
                message_id,
                deliveries,
                filtered_out,
                ..
            } => push_recent(
                self.publishes.entry(topic.to_string()).or_default(),
                PublishNote {
                    index,
                    at,
                    message_id: message_id.to_string(),
                    deliveries: *deliveries,
                    filtered_out: *filtered_out,
                },
            ),
            Event::FilteredOut {
                subscription,
                message_id,
                mismatch,
                ..
            } => {
                flow(&mut self.flows, subscription, FlowKind::Filtered);
                self.tally(subscription).filtered += 1;
                push_recent(
                    &mut self.of(subscription).drops,
                    Drop {
                        index,
                        at,
                        message_id: message_id.to_string(),
                        key: mismatch.key.clone(),
                        condition: mismatch.condition.clone(),
                        reason: mismatch.reason.clone(),
                    },
                );
            }
            Event::DeliverySkipped { subscription, .. } => {
                flow(&mut self.flows, subscription, FlowKind::Skipped)
            }
            Event::Delivered {
                subscription,
                endpoint,
                ..
            } => {
                flow(&mut self.flows, subscription, FlowKind::Delivered);
                self.tally(subscription).delivered += 1;
                let key = (subscription.to_string(), name_of(endpoint).to_string());
                if self.just_warned.take().as_ref() != Some(&key) {
                    self.access
                        .retain(|p| (&p.subscription, &p.queue) != (&key.0, &key.1));
                }
            }
            Event::AccessWarning {
                subscription,
                queue,
                reason,
                ..
            } => {
                self.problem(AccessProblem {
                    subscription: subscription.to_string(),
                    topic_arn: topic_arn_of(subscription).to_string(),
                    queue: queue.to_string(),
                    reason: reason.clone(),
                    denied: false,
                });
                self.just_warned = Some((subscription.to_string(), queue.to_string()));
            }
            Event::DeliveryFailed {
                subscription,
                endpoint,
                failure,
                ..
            } => {
                let reason = &failure.reason;
                flow(&mut self.flows, subscription, FlowKind::Failed);
                self.tally(subscription).failed += 1;
                self.just_warned = None;
                if reason.starts_with("access denied") {
                    let queue = denied_queue(reason).unwrap_or_else(|| name_of(endpoint));
                    self.problem(AccessProblem {
                        subscription: subscription.to_string(),
                        topic_arn: topic_arn_of(subscription).to_string(),
                        queue: queue.to_string(),
                        reason: reason.clone(),
                        denied: true,
                    });
                }
            }
            Event::DeliveryDeadLettered { subscription, .. } => {
                flow(&mut self.flows, subscription, FlowKind::DeadLettered);
                self.tally(subscription).dead_lettered += 1;
            }
            Event::DeliveryLost { subscription, .. } => {
                flow(&mut self.flows, subscription, FlowKind::Lost);
                self.tally(subscription).lost += 1;
            }
            // A new access policy: whether it lets the topic in shows on the next publish.
            Event::QueueAttributesChanged { queue, attributes }
                if attributes.iter().any(|(k, _)| k == "Policy") =>
            {
                self.access.retain(|p| *p.queue != **queue);
            }
            Event::Unsubscribed { subscription, .. } => self.forget(|s| *s == **subscription),
            Event::TopicDeleted { topic, .. } => {
                self.publishes.remove(&**topic);
                self.forget(|s| *name_of(topic_arn_of(s)) == **topic);
            }
            Event::QueueDeleted { queue } => self.access.retain(|p| *p.queue != **queue),
            _ => {}
        }
    }

    fn of(&mut self, subscription: &str) -> &mut SubscriptionNotes {
        self.subscriptions
            .entry(subscription.to_string())
            .or_default()
    }

    fn tally(&mut self, subscription: &str) -> &mut Tally {
        &mut self.of(subscription).tally
    }

    /// Records `p`, replacing the problem of the same subscription and queue.
    fn problem(&mut self, p: AccessProblem) {
        match self
            .access
            .iter_mut()
            .find(|q| q.subscription == p.subscription && q.queue == p.queue)
        {
            Some(existing) => *existing = p,
            None => self.access.push(p),
        }
    }

    fn forget(&mut self, gone: impl Fn(&str) -> bool) {
        self.subscriptions.retain(|s, _| !gone(s));
        self.access.retain(|p| !gone(&p.subscription));
        self.flows.retain(|f| !gone(&f.subscription));
    }

    /// Drops edge animations older than `window_ms` (and the oldest beyond the limit).
    pub fn prune(&mut self, now_ms: f64, window_ms: f64) {
        while self
            .flows
            .front()
            .is_some_and(|f| now_ms - f.seen_ms > window_ms)
            || self.flows.len() > MAX_FLOWS
        {
            self.flows.pop_front();
        }
    }

    /// Flows seen within `window_ms` of `now_ms`, oldest first.
    pub fn recent_flows(&self, now_ms: f64, window_ms: f64) -> impl Iterator<Item = &Flow> {
        self.flows
            .iter()
            .filter(move |f| now_ms - f.seen_ms <= window_ms)
    }

    /// The latest drops by `subscription`'s filter policy, newest first.
    pub fn drops(&self, subscription: &str) -> impl Iterator<Item = &Drop> {
        self.subscriptions
            .get(subscription)
            .into_iter()
            .flat_map(|s| s.drops.iter().rev())
    }

    /// The latest publishes to `topic` (by name), newest first.
    pub fn publishes(&self, topic: &str) -> impl Iterator<Item = &PublishNote> {
        self.publishes.get(topic).into_iter().flatten().rev()
    }

    pub fn tally_of(&self, subscription: &str) -> Tally {
        self.subscriptions
            .get(subscription)
            .map_or_else(Tally::default, |s| s.tally)
    }

    /// Every open access problem, oldest first.
    pub fn access_problems(&self) -> impl Iterator<Item = &AccessProblem> {
        self.access.iter()
    }
}

/// The queue named in `access denied by the policy of QUEUE: ...`.
fn denied_queue(reason: &str) -> Option<&str> {
    let rest = reason.strip_prefix("access denied by the policy of ")?;
    rest.split(':').next().filter(|q| !q.is_empty())
}
