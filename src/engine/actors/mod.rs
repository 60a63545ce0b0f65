//! Actors: producers and consumer groups that run against the queues and topics on their
//! own, as a learner's services would (DESIGN §4).
//!
//! An actor is a driver living inside the engine: it acts only through the same
//! `Command`s a user sends (so no SQS or SNS rule is re-implemented here), it is woken
//! by `Due::Actor` entries on the one agenda, and it draws from the engine's one RNG. So a
//! run with actors is as deterministic as one without, natively and in wasm.
//!
//! Each actor owns a few wake-up *slots* (the producer's next send, a group's scaling
//! check, each consumer instance); a slot has at most one live agenda entry, the one whose
//! generation matches. Costs are per event: a producer computes its next send time from
//! its rate pattern in O(log t); an instance wakes when its long poll is answered or its
//! batch is done. Nothing scans the messages.
//!
//! Codemap: `rate` (patterns as counts owed), `template` (message bodies and ids),
//! `processing` (processing-time draws), `producer`, `consumer` (instances: poll, process,
//! delete, crash), `scaling` (fixed and target-tracking instance counts).

mod consumer;
mod processing;
mod producer;
mod rate;
mod scaling;
mod template;

pub use consumer::ConsumerSpec;
pub use processing::ProcessingTime;
pub use producer::{ProducerSpec, Target};
pub use rate::{MilliRate, RatePattern};
pub use scaling::Instances;
pub use template::Template;

use super::agenda::Lane;
use super::trace::Event;
use super::{Due, Engine, PollId, Queue, ReceivedMessage, SimTime};
use consumer::ConsumerGroup;
use producer::Producer;
use serde::Serialize;
use std::collections::BTreeMap;

pub type ActorId = u64;

/// An agenda entry for an actor; stale unless `gen` is its slot's current generation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::engine) struct Wake {
    actor: ActorId,
    slot: Slot,
    gen: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// A producer's next send, or a consumer group's next scaling check.
    Main,
    Instance(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorStatus {
    Running,
    /// Told to stop: its instances finish the batches in hand first.
    Stopping,
    Stopped,
}

impl ActorStatus {
    pub fn name(self) -> &'static str {
        match self {
            ActorStatus::Running => "running",
            ActorStatus::Stopping => "stopping",
            ActorStatus::Stopped => "stopped",
        }
    }
}

/// What an actor has done so far. Producers fill the first two, consumer groups the rest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ActorStats {
    pub sent: u64,
    pub refused: u64,
    pub received: u64,
    pub empty_receives: u64,
    /// Messages whose processing succeeded (each one a side effect).
    pub processed: u64,
    /// Processing failed: not deleted, so the message comes back (and may reach a DLQ).
    pub failed: u64,
    /// Successful processing of a MessageId the group had processed before: a second
    /// side effect. An idempotent group recognises these and counts none.
    pub duplicates: u64,
    pub crashes: u64,
    /// Instances in service (warmed up).
    pub running_instances: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ActorSpec {
    Producer(ProducerSpec),
    Consumer(ConsumerSpec),
}

/// An actor as a driver shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorView {
    pub name: String,
    pub spec: ActorSpec,
    pub status: ActorStatus,
    /// Why it stopped (or is stopping).
    pub reason: Option<String>,
    /// The refusal that stopped it, as `Code: message`.
    pub error: Option<String>,
    pub stats: ActorStats,
    /// Consumer groups: the instance count auto scaling (or the fixed count) asks for.
    pub desired_instances: Option<u32>,
}

pub(in crate::engine) struct Actor {
    name: String,
    status: ActorStatus,
    reason: Option<String>,
    error: Option<String>,
    stats: ActorStats,
    main_gen: u32,
    kind: Kind,
}

enum Kind {
    Producer(Producer),
    Consumers(ConsumerGroup),
}

#[derive(Default)]
pub(in crate::engine) struct Actors {
    next_id: ActorId,
    all: BTreeMap<ActorId, Actor>,
    by_name: BTreeMap<String, ActorId>,
    /// Long polls parked for a consumer instance: (poll, actor, instance). At most one
    /// per instance, so a short list, searched faster than a map is kept up to date.
    polls: Vec<(PollId, ActorId, u32)>,
}

/// The queue at `url`, found as SQS finds it (a trailing slash is fine).
fn queue_at<'e>(engine: &'e Engine, url: &str) -> Option<&'e Queue> {
    let url = url.trim_end_matches('/');
    let name = url.rsplit('/').next().unwrap_or("");
    engine.queue_by_name(name).filter(|q| q.url == url)
}

fn check_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 80
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "an actor name is 1 to 80 letters, digits, hyphens or underscores, not '{name}'"
        ))
    }
}

impl Engine {
    /// Starts a producer. Nothing changes if the spec or the name is refused.
    pub fn start_producer(&mut self, name: &str, spec: ProducerSpec) -> Result<(), String> {
        self.check_new_actor(name)?;
        spec.check(self)?;
        self.journal(|| super::journal::Op::StartProducer {
            name: name.into(),
            spec: spec.clone(),
        });
        let target = spec.target.name().to_string();
        let producer = Producer::new(spec, self.now);
        let id = self.add_actor(name, "producer", target, Kind::Producer(producer));
        self.schedule_next_send(id);
        self.advance_to(self.now);
        Ok(())
    }

    /// Starts a consumer group on a queue. Nothing changes if the spec or the name is refused.
    pub fn start_consumers(&mut self, name: &str, spec: ConsumerSpec) -> Result<(), String> {
        self.check_new_actor(name)?;
        spec.check(self)?;
        self.journal(|| super::journal::Op::StartConsumers {
            name: name.into(),
            spec: spec.clone(),
        });
        let target = spec.queue_url.clone();
        let group = ConsumerGroup::new(spec);
        let id = self.add_actor(name, "consumer", target, Kind::Consumers(group));
        self.start_group(id);
        self.advance_to(self.now);
        Ok(())
    }

    /// Stops an actor: a producer sends nothing more; a consumer group's instances finish
    /// the batch in hand, delete what succeeded and stop. Its statistics stay listed.
    pub fn stop_actor(&mut self, name: &str) -> Result<(), String> {
        let id = self.actor_id(name)?;
        let actor = &self.actors.all[&id];
        if actor.status != ActorStatus::Running {
            return Err(format!("actor {name} is already {}", actor.status.name()));
        }
        self.journal(|| super::journal::Op::StopActor { name: name.into() });
        self.stop(id, "stopped on request".into(), None);
        self.advance_to(self.now);
        Ok(())
    }

    /// Removes an actor at once, statistics and all. Messages its instances held in
    /// flight come back when their visibility timeout ends.
    pub fn remove_actor(&mut self, name: &str) -> Result<(), String> {
        let id = self.actor_id(name)?;
        self.journal(|| super::journal::Op::RemoveActor { name: name.into() });
        let instances = match &self.actors.all[&id].kind {
            Kind::Consumers(g) => g.instance_ids(),
            Kind::Producer(_) => Vec::new(),
        };
        for instance in instances {
            self.end_instance(id, instance, false);
        }
        let actor = self.actors.all.remove(&id).expect("found");
        self.actors.by_name.remove(&actor.name);
        self.trace
            .push(self.now, Event::ActorRemoved { actor: actor.name });
        Ok(())
    }

    /// Every actor, in the order they were started.
    pub fn actors(&self) -> Vec<ActorView> {
        self.actors.all.values().map(Actor::view).collect()
    }

    pub fn actor(&self, name: &str) -> Option<ActorView> {
        let id = self.actors.by_name.get(name)?;
        Some(self.actors.all[id].view())
    }

    fn check_new_actor(&self, name: &str) -> Result<(), String> {
        check_name(name)?;
        if self.actors.by_name.contains_key(name) {
            return Err(format!(
                "an actor named {name} exists already (fanout actor remove {name} first)"
            ));
        }
        Ok(())
    }

    fn actor_id(&self, name: &str) -> Result<ActorId, String> {
        self.actors.by_name.get(name).copied().ok_or_else(|| {
            let known: Vec<&str> = self.actors.by_name.keys().map(String::as_str).collect();
            if known.is_empty() {
                format!("no actor named {name} (there are none)")
            } else {
                format!("no actor named {name} (there are: {})", known.join(", "))
            }
        })
    }

    fn add_actor(&mut self, name: &str, kind_name: &str, target: String, kind: Kind) -> ActorId {
        let id = self.actors.next_id;
        self.actors.next_id += 1;
        self.actors.all.insert(
            id,
            Actor {
                name: name.to_string(),
                status: ActorStatus::Running,
                reason: None,
                error: None,
                stats: ActorStats::default(),
                main_gen: 0,
                kind,
            },
        );
        self.actors.by_name.insert(name.to_string(), id);
        self.trace.push(
            self.now,
            Event::ActorStarted {
                actor: name.to_string(),
                kind: kind_name.to_string(),
                target,
            },
        );
        id
    }

    /// Ends an actor's activity with `reason`; `error` is the refusal that caused it.
    fn stop(&mut self, id: ActorId, reason: String, error: Option<String>) {
        let Some(actor) = self.actors.all.get_mut(&id) else {
            return;
        };
        actor.main_gen += 1; // no more sends, no more scaling checks
        actor.error = error;
        actor.reason = Some(reason);
        actor.status = ActorStatus::Stopping;
        let instances = match &actor.kind {
            Kind::Consumers(g) => g.instance_ids(),
            Kind::Producer(_) => Vec::new(),
        };
        for instance in instances {
            self.retire_instance(id, instance);
        }
        self.finish_stopping(id);
    }

    /// A stopping actor with no instance left is stopped.
    fn finish_stopping(&mut self, id: ActorId) {
        let Some(actor) = self.actors.all.get_mut(&id) else {
            return;
        };
        let busy = matches!(&actor.kind, Kind::Consumers(g) if g.has_instances());
        if actor.status != ActorStatus::Stopping || busy {
            return;
        }
        actor.status = ActorStatus::Stopped;
        let event = Event::ActorStopped {
            actor: actor.name.clone(),
            reason: actor.reason.clone().unwrap_or_default(),
        };
        self.trace.push(self.now, event);
    }

    /// Schedules the slot's next wake-up at `at`; any earlier one goes stale.
    fn wake(&mut self, actor: ActorId, slot: Slot, at: SimTime) {
        let Some(a) = self.actors.all.get_mut(&actor) else {
            return;
        };
        let mut lane = None;
        let gen = match slot {
            Slot::Main => {
                if matches!(a.kind, Kind::Producer(_)) {
                    lane = Some(Lane::Sends);
                }
                a.main_gen += 1;
                a.main_gen
            }
            Slot::Instance(i) => match &mut a.kind {
                Kind::Consumers(g) => match g.instances.get_mut(&i) {
                    Some(instance) => {
                        instance.gen += 1;
                        instance.gen
                    }
                    None => return,
                },
                Kind::Producer(_) => return,
            },
        };
        self.schedule_wake(Wake { actor, slot, gen }, at, lane);
    }

    /// Puts `wake` on the agenda at `at` (not before now), in `lane` if it has one.
    fn schedule_wake(&mut self, wake: Wake, at: SimTime, lane: Option<Lane>) {
        let (at, due) = (at.max(self.now), Due::Actor(wake));
        // Wake-ups at once and a producer's sends arrive in time order (see `Agenda`).
        match lane {
            _ if at == self.now => self.agenda.schedule_in(Lane::Now, at, due),
            Some(lane) => self.agenda.schedule_in(lane, at, due),
            None => self.agenda.schedule(at, due),
        }
    }

    pub(in crate::engine) fn actor_wake_is_live(&self, wake: &Wake) -> bool {
        let Some(a) = self.actors.all.get(&wake.actor) else {
            return false;
        };
        match wake.slot {
            Slot::Main => a.main_gen == wake.gen,
            Slot::Instance(i) => match &a.kind {
                Kind::Consumers(g) => g.instances.get(&i).is_some_and(|x| x.gen == wake.gen),
                Kind::Producer(_) => false,
            },
        }
    }

    /// Acts on `wake` if it is still the slot's latest (as `actor_wake_is_live` says,
    /// with the one lookup).
    pub(in crate::engine) fn fire_actor(&mut self, wake: Wake) {
        let Some(a) = self.actors.all.get(&wake.actor) else {
            return;
        };
        let main_live = a.main_gen == wake.gen;
        match (&a.kind, wake.slot) {
            (Kind::Producer(_), Slot::Main) if main_live => self.produce(wake.actor),
            (Kind::Consumers(_), Slot::Main) if main_live => self.evaluate_scaling(wake.actor),
            (Kind::Consumers(g), Slot::Instance(i))
                if g.instances.get(&i).is_some_and(|x| x.gen == wake.gen) =>
            {
                self.instance_due(wake.actor, i)
            }
            _ => {}
        }
    }

    /// A long poll has its answer: if a consumer instance is waiting on it, it takes the
    /// messages and wakes now. Otherwise they are handed back for whoever polled.
    pub(in crate::engine) fn actor_poll_finished(
        &mut self,
        poll: PollId,
        messages: Vec<ReceivedMessage>,
    ) -> Option<Vec<ReceivedMessage>> {
        let Some((actor, instance)) = self.actors.take_poll(poll) else {
            return Some(messages);
        };
        self.poll_answered(actor, instance, messages);
        None
    }

    fn actor_mut(&mut self, id: ActorId) -> Option<&mut Actor> {
        self.actors.all.get_mut(&id)
    }
}

impl Actors {
    /// The instance parked on `poll`, which stops waiting on it.
    fn take_poll(&mut self, poll: PollId) -> Option<(ActorId, u32)> {
        let at = self.polls.iter().position(|&(p, ..)| p == poll)?;
        let (_, actor, instance) = self.polls.swap_remove(at);
        Some((actor, instance))
    }
}

impl Actor {
    fn view(&self) -> ActorView {
        let (spec, desired, running) = match &self.kind {
            Kind::Producer(p) => (ActorSpec::Producer(p.spec.clone()), None, 0),
            Kind::Consumers(g) => (
                ActorSpec::Consumer(g.spec.clone()),
                Some(g.desired),
                g.running_instances(),
            ),
        };
        ActorView {
            name: self.name.clone(),
            spec,
            status: self.status,
            reason: self.reason.clone(),
            error: self.error.clone(),
            stats: ActorStats {
                running_instances: running,
                ..self.stats
            },
            desired_instances: desired,
        }
    }
}
