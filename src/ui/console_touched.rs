//! What a console command touched: the queues, topics, subscriptions and endpoints its
//! trace events name, and the marks the views put on them for a moment.
//!
//! Read from the events the command appended to the trace, so whatever the command did,
//! directly or as virtual time passed (a `sleep`, a long poll), is what flashes.

use super::view::name_of;
use crate::engine::{Event, TraceEntry};
use std::collections::BTreeSet;
use std::rc::Rc;

/// The resources a command's trace events name: queues and topics by name,
/// subscriptions by ARN, endpoints as subscribed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    pub queues: BTreeSet<String>,
    pub topics: BTreeSet<String>,
    pub subscriptions: BTreeSet<String>,
    pub endpoints: BTreeSet<String>,
}

impl Touched {
    pub fn from_trace(entries: &[TraceEntry]) -> Touched {
        let mut t = Touched::default();
        for e in entries {
            t.note(&e.event);
        }
        t
    }

    pub fn is_empty(&self) -> bool {
        self.queues.is_empty()
            && self.topics.is_empty()
            && self.subscriptions.is_empty()
            && self.endpoints.is_empty()
    }

    fn queue(&mut self, q: &str) {
        self.queues.insert(name_of(q).to_string());
    }

    /// A producer's target is a queue URL or a topic ARN; a consumer's, a queue URL.
    fn actor_target(&mut self, target: &str) {
        if target.starts_with("arn:aws:sns:") {
            self.topics.insert(name_of(target).to_string());
        } else {
            self.queue(target);
        }
    }

    /// Every event is listed (no `_` arm), so that a new kind must say what it touches.
    fn note(&mut self, event: &Event) {
        use Event::*;
        match event {
            QueueCreated { queue }
            | QueueDeleted { queue }
            | QueueAttributesChanged { queue, .. }
            | Sent { queue, .. }
            | SendDeduplicated { queue, .. }
            | DuplicateCreated { queue, .. }
            | QueueTagsChanged { queue, .. }
            | ReceiveRetried { queue, .. }
            | DelayEnded { queue, .. }
            | Received { queue, .. }
            | EmptyReceive { queue, .. }
            | LongPollStarted { queue, .. }
            | LongPollEnded { queue, .. }
            | Deleted { queue, .. }
            | DeleteIgnored { queue, .. }
            | VisibilityChanged { queue, .. }
            | VisibilityExpired { queue, .. }
            | Expired { queue, .. }
            | Purged { queue, .. }
            | MoveTaskEnded { source: queue, .. } => self.queue(queue),
            MovedToDeadLetterQueue {
                queue,
                dead_letter_queue: other,
                ..
            }
            | MovedByTask {
                source: queue,
                destination: other,
                ..
            } => {
                self.queue(queue);
                self.queue(other);
            }
            MoveTaskStarted {
                source,
                destination,
                ..
            } => {
                self.queue(source);
                if let Some(d) = destination {
                    self.queue(d);
                }
            }
            TopicCreated { topic }
            | TopicDeleted { topic, .. }
            | TopicAttributeChanged { topic, .. }
            | TopicTagsChanged { topic, .. }
            | Published { topic, .. }
            | PublishDeduplicated { topic, .. } => {
                self.topics.insert(topic.to_string());
            }
            Subscribed {
                topic,
                subscription,
                endpoint,
                ..
            }
            | Delivered {
                topic,
                subscription,
                endpoint,
                ..
            }
            | DeliveryFailed {
                topic,
                subscription,
                endpoint,
                ..
            } => {
                self.topics.insert(topic.to_string());
                self.subscriptions.insert(subscription.to_string());
                self.endpoints.insert(endpoint.to_string());
                if endpoint.starts_with("arn:aws:sqs:") {
                    self.queue(endpoint);
                }
            }
            SubscriptionConfirmed {
                topic,
                subscription,
            }
            | Unsubscribed {
                topic,
                subscription,
            }
            | FilteredOut {
                topic,
                subscription,
                ..
            }
            | DeliverySkipped {
                topic,
                subscription,
                ..
            }
            | DeliveryLost {
                topic,
                subscription,
                ..
            } => {
                self.topics.insert(topic.to_string());
                self.subscriptions.insert(subscription.to_string());
            }
            AccessWarning {
                topic,
                subscription,
                queue,
                ..
            } => {
                self.topics.insert(topic.to_string());
                self.subscriptions.insert(subscription.to_string());
                self.queue(queue);
            }
            DeliveryDeadLettered {
                topic,
                subscription,
                dead_letter_queue,
                ..
            } => {
                self.topics.insert(topic.to_string());
                self.subscriptions.insert(subscription.to_string());
                self.queue(dead_letter_queue);
            }
            SubscriptionAttributeChanged { subscription, .. } => {
                self.subscriptions.insert(subscription.to_string());
            }
            EndpointChanged { endpoint, .. } => {
                self.endpoints.insert(endpoint.to_string());
            }
            ActorStarted { target, .. } => self.actor_target(target),
            ActorRequestRefused { refusal, .. } => self.actor_target(&refusal.target),
            // The queues an actor's requests touch have their own events.
            ActorStopped { .. }
            | ActorRemoved { .. }
            | InstanceStarted { .. }
            | InstanceStopped { .. }
            | InstanceCrashed { .. }
            | ScaledOut { .. }
            | ScaledIn { .. }
            | DuplicateSideEffect { .. } => {}
        }
    }
}

/// What the views mark as just touched by the console: a CSS class that alternates
/// between runs, so that a resource touched by two commands in a row flashes twice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flash {
    touched: Rc<Touched>,
    class: &'static str,
}

impl Flash {
    /// Marks `touched` with `class`.
    pub fn new(touched: Rc<Touched>, class: &'static str) -> Flash {
        Flash { touched, class }
    }
    fn mark(&self, hit: bool) -> Option<&'static str> {
        hit.then_some(self.class)
    }
    pub fn queue(&self, name: &str) -> Option<&'static str> {
        self.mark(self.touched.queues.contains(name))
    }
    pub fn topic(&self, name: &str) -> Option<&'static str> {
        self.mark(self.touched.topics.contains(name))
    }
    pub fn subscription(&self, arn: &str) -> Option<&'static str> {
        self.mark(self.touched.subscriptions.contains(arn))
    }
    pub fn endpoint(&self, endpoint: &str) -> Option<&'static str> {
        self.mark(self.touched.endpoints.contains(endpoint))
    }
}
