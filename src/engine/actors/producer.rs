//! A producer: sends to a queue or publishes to a topic on a rate pattern.
//!
//! It sends when a whole batch is owed (or the last messages before its count or stop
//! time), so a batching producer buffers as real ones do. A refused send stops it: the
//! error is kept for display and traced, and nothing is retried behind the learner's back.

use super::super::command::{MessageInput, PublishBatchEntry, PublishInput, SendMessageBatchEntry};
use super::super::trace::{Event, Refusal};
use super::super::{BatchFailure, Command, Engine, Reply, SimTime};
use super::rate::RatePattern;
use super::template::Template;
use super::{queue_at, ActorId, Kind, Slot};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// A queue URL.
    Queue(String),
    /// A topic ARN.
    Topic(String),
}

impl Target {
    pub fn name(&self) -> &str {
        match self {
            Target::Queue(s) | Target::Topic(s) => s,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProducerSpec {
    pub target: Target,
    pub pattern: RatePattern,
    pub body: Template,
    pub group_id: Option<Template>,
    pub deduplication_id: Option<Template>,
    /// 1 sends one message a request; 2–10 use SendMessageBatch or PublishBatch.
    pub batch_size: u32,
    /// Stop after this many messages.
    pub count: Option<u64>,
    /// Stop at this virtual time (messages owed by then are sent).
    pub stop_at: Option<SimTime>,
}

impl ProducerSpec {
    pub(super) fn check(&self, engine: &Engine) -> Result<(), String> {
        match &self.target {
            Target::Queue(url) => {
                if queue_at(engine, url).is_none() {
                    return Err(format!("no queue has the URL {url}"));
                }
            }
            Target::Topic(arn) => {
                if engine.topic_by_arn(arn).is_none() {
                    return Err(format!("no topic has the ARN {arn}"));
                }
            }
        }
        if !(1..=10).contains(&self.batch_size) {
            return Err(format!(
                "the batch size must be from 1 to 10, not {}",
                self.batch_size
            ));
        }
        self.pattern.check()?;
        if self.count == Some(0) {
            return Err("the count must be at least 1".into());
        }
        if let Some(at) = self.stop_at.filter(|&at| at <= engine.now()) {
            return Err(format!(
                "the stop time {at} is not after the clock ({})",
                engine.now()
            ));
        }
        Ok(())
    }
}

pub(super) struct Producer {
    pub(super) spec: ProducerSpec,
    started: SimTime,
    /// Messages numbered so far (sent or refused): the last `{n}` used.
    numbered: u64,
    /// When it last sent, since the start: everything owed then was sent.
    last_send: Option<u64>,
}

impl Producer {
    pub(super) fn new(spec: ProducerSpec, now: SimTime) -> Producer {
        Producer {
            spec,
            started: now,
            numbered: 0,
            last_send: None,
        }
    }

    /// Messages owed by `now`, within the count (all of which are sent now).
    fn owed(&mut self, now: SimTime) -> u64 {
        let elapsed = now.millis().saturating_sub(self.started.millis());
        self.last_send = Some(elapsed);
        let owed = self.spec.pattern.owed(elapsed);
        self.spec.count.map_or(owed, |c| owed.min(c))
    }

    /// When the next batch is owed, bounded by the stop time; None when nothing more is.
    fn next_send(&self) -> Option<SimTime> {
        let mut want = self.numbered + u64::from(self.spec.batch_size);
        if let Some(count) = self.spec.count {
            want = want.min(count);
        }
        let due = self
            .spec
            .pattern
            .due(want, self.last_send)
            .map(|e| self.started.plus_millis(e));
        match (due, self.spec.stop_at) {
            (Some(t), Some(stop)) => Some(t.min(stop)),
            (None, stop) => stop,
            (t, None) => t,
        }
    }

    /// The command for messages `first..first + k`.
    fn command(&self, first: u64, k: u64, actor: &str) -> Command {
        let s = &self.spec;
        let render = |t: &Option<Template>, n| t.as_ref().map(|t| t.render(n, actor));
        let batch = s.batch_size > 1;
        match &s.target {
            Target::Queue(url) => {
                let message = |n| MessageInput {
                    message_body: s.body.render(n, actor),
                    message_group_id: render(&s.group_id, n),
                    message_deduplication_id: render(&s.deduplication_id, n),
                    ..Default::default()
                };
                if !batch {
                    return Command::SendMessage {
                        queue_url: url.clone(),
                        message: message(first),
                    };
                }
                let entries = (first..first + k)
                    .map(|n| SendMessageBatchEntry {
                        id: n.to_string(),
                        message: message(n),
                    })
                    .collect();
                Command::SendMessageBatch {
                    queue_url: url.clone(),
                    entries,
                }
            }
            Target::Topic(arn) => {
                let input = |n| PublishInput {
                    message: s.body.render(n, actor),
                    message_group_id: render(&s.group_id, n),
                    message_deduplication_id: render(&s.deduplication_id, n),
                    ..Default::default()
                };
                if !batch {
                    return Command::Publish {
                        topic_arn: arn.clone(),
                        input: input(first),
                    };
                }
                let entries = (first..first + k)
                    .map(|n| PublishBatchEntry {
                        id: n.to_string(),
                        input: input(n),
                    })
                    .collect();
                Command::PublishBatch {
                    topic_arn: arn.clone(),
                    entries,
                }
            }
        }
    }
}

impl Engine {
    pub(super) fn schedule_next_send(&mut self, id: ActorId) {
        let next = match self.actors.all.get(&id).map(|a| &a.kind) {
            Some(Kind::Producer(p)) => p.next_send(),
            _ => return,
        };
        self.schedule_send(id, next);
    }

    /// Wakes the producer for its next batch at `next`; None: it owes nothing more.
    fn schedule_send(&mut self, id: ActorId, next: Option<SimTime>) {
        match next {
            Some(at) => self.wake(id, Slot::Main, at),
            None => self.stop(id, "its rate pattern sends nothing more".into(), None),
        }
    }

    /// Sends everything owed now, a batch per request, then waits for the next batch.
    pub(super) fn produce(&mut self, id: ActorId) {
        let now = self.now;
        // The actor is looked up once, and again only after each request (a send is
        // about as cheap as a few of these lookups in the lesson hour).
        let Some(mut actor) = self.actors.all.get_mut(&id) else {
            return;
        };
        // The same for every batch sent now, so worked out once.
        let owed = match &mut actor.kind {
            Kind::Producer(p) => p.owed(now),
            Kind::Consumers(_) => return,
        };
        loop {
            let Kind::Producer(p) = &mut actor.kind else {
                return;
            };
            if p.numbered >= owed {
                break;
            }
            let first = p.numbered + 1;
            let k = (owed - p.numbered).min(u64::from(p.spec.batch_size));
            let command = p.command(first, k, &actor.name);
            let operation = command.operation();
            p.numbered += k;
            let (sent, refusal) = match self.handle_command(command) {
                Ok(Reply::MessageSent(_) | Reply::Published(_)) => (1, None),
                Ok(Reply::SendBatch { successful, failed }) => {
                    (successful.len() as u64, first_failure(&failed))
                }
                Ok(Reply::PublishBatch { successful, failed }) => {
                    (successful.len() as u64, first_failure(&failed))
                }
                Ok(_) => (k, None),
                Err(e) => (0, Some((e.code.printed().to_string(), e.message))),
            };
            actor = self.actors.all.get_mut(&id).expect("still there");
            actor.stats.sent += sent;
            if let Some((code, message)) = refusal {
                let refused = k - sent;
                actor.stats.refused += refused;
                let Kind::Producer(p) = &actor.kind else {
                    return;
                };
                let event = Event::ActorRequestRefused {
                    actor: actor.name.clone(),
                    refusal: Box::new(Refusal {
                        operation: operation.to_string(),
                        target: p.spec.target.name().to_string(),
                        code: code.clone(),
                        message: message.clone(),
                        messages: refused,
                    }),
                };
                self.trace.push(now, event);
                let error = format!("{code}: {message}");
                self.stop(id, format!("{operation} was refused"), Some(error));
                return;
            }
        }
        let Kind::Producer(p) = &actor.kind else {
            return;
        };
        if p.spec.count.is_some_and(|c| p.numbered >= c) {
            let reason = format!("sent its {} messages", p.numbered);
            self.stop(id, reason, None);
        } else if p.spec.stop_at.is_some_and(|at| at <= now) {
            self.stop(id, format!("reached its stop time {now}"), None);
        } else {
            let next = p.next_send();
            self.schedule_send(id, next);
        }
    }
}

fn first_failure(failed: &[BatchFailure]) -> Option<(String, String)> {
    failed.first().map(|f| (f.code.clone(), f.message.clone()))
}
