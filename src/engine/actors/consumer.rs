//! A consumer group: instances that poll a queue, process each message for a drawn time,
//! then delete the batch's successes in one request.
//!
//! An instance is always in one state, with at most one live wake-up: warming up, idle
//! after an empty short poll, waiting on a parked long poll (woken when the engine
//! answers it), or processing a batch (woken when it is done, or when it crashes). All
//! draws for a batch happen when it arrives, in message order, so a run replays exactly.
//!
//! A failed message is not deleted: it comes back after its visibility timeout and, past
//! the queue's maxReceiveCount, goes to its dead-letter queue. A crash kills the instance
//! mid-batch before its delete: the messages it had finished were processed but come back
//! (duplicates, unless the group is idempotent), and a new instance starts after warm-up.

use super::super::command::{DeleteMessageBatchEntry, ReceiveInput};
use super::super::trace::{Event, Refusal};
use super::super::{Command, Engine, MessageId, PollId, ReceivedMessage, Reply, SimTime};
use super::processing::ProcessingTime;
use super::scaling::{Instances, EVALUATION_PERIOD_MS};
use super::{queue_at, ActorId, ActorStatus, Kind, Slot, Wake};
use foldhash::fast::FixedState;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// After an empty short poll an instance waits this long before polling again, as worker
/// loops do (a long poll needs no pause: it waits inside SQS).
pub const EMPTY_SHORT_POLL_PAUSE_MS: u64 = 1000;
const DAY_MS: u64 = 86_400_000;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConsumerSpec {
    pub queue_url: String,
    pub instances: Instances,
    /// From launch (or a crash) until an instance first polls.
    pub warm_up_ms: u64,
    /// ReceiveMessage's MaxNumberOfMessages: the batch size.
    pub max_number_of_messages: u32,
    /// ReceiveMessage's WaitTimeSeconds; None uses the queue's ReceiveMessageWaitTimeSeconds.
    pub wait_time_seconds: Option<u32>,
    /// ReceiveMessage's VisibilityTimeout; None uses the queue's.
    pub visibility_timeout: Option<u32>,
    pub processing: ProcessingTime,
    /// Chance that processing one message fails (it is not deleted).
    pub failure_probability: f64,
    /// Chance that the instance dies while processing one message.
    pub crash_probability: f64,
    /// Recognises a MessageId it processed before and only deletes it.
    pub idempotent: bool,
}

impl ConsumerSpec {
    pub(super) fn check(&self, engine: &Engine) -> Result<(), String> {
        if queue_at(engine, &self.queue_url).is_none() {
            return Err(format!("no queue has the URL {}", self.queue_url));
        }
        self.instances.check()?;
        let range = |what: &str, v: u32, max: u32, min: u32| {
            if (min..=max).contains(&v) {
                Ok(())
            } else {
                Err(format!("{what} must be from {min} to {max}, not {v}"))
            }
        };
        range("MaxNumberOfMessages", self.max_number_of_messages, 10, 1)?;
        if let Some(w) = self.wait_time_seconds {
            range("WaitTimeSeconds", w, 20, 0)?;
        }
        if let Some(v) = self.visibility_timeout {
            range("VisibilityTimeout", v, 43_200, 0)?;
        }
        self.processing.check()?;
        for (what, p) in [
            ("the failure probability", self.failure_probability),
            ("the crash probability", self.crash_probability),
        ] {
            if !(0.0..=1.0).contains(&p) {
                return Err(format!("{what} must be from 0 to 1, not {p}"));
            }
        }
        if let Instances::TargetTracking { cooldown_ms, .. } = self.instances {
            if cooldown_ms > DAY_MS {
                return Err("the cooldown must be at most 24h".into());
            }
        }
        if self.warm_up_ms > DAY_MS {
            return Err("the warm-up must be at most 24h".into());
        }
        Ok(())
    }
}

/// MessageIds a group has processed, as their 128 bits. Only ever asked
/// about membership, never iterated, so a hash set with a fixed-key hasher cannot make a
/// run depend on anything; a B-tree of random keys costs a cache miss per level, and the
/// lesson workload inserts 360,000 of them. foldhash's fixed-seed hasher, as SipHash's
/// flooding resistance buys nothing against ids the engine draws itself and cost about
/// twice as much per insert.
#[derive(Default)]
struct ProcessedIds {
    uuids: HashSet<u128, FixedState>,
}

impl ProcessedIds {
    /// True when `id` is new.
    fn insert(&mut self, id: MessageId) -> bool {
        self.uuids.insert(id.as_u128())
    }
}

struct Handled {
    message_id: MessageId,
    receipt_handle: String,
    failed: bool,
}

struct Batch {
    messages: Vec<Handled>,
    /// How many were processed before the wake-up: all, unless it crashed.
    completes: usize,
    crashed: bool,
}

enum State {
    WarmingUp,
    /// Paused after an empty short poll.
    Idle,
    /// Waiting on a parked long poll.
    Polling(PollId),
    /// Its long poll was answered with these; woken at once to take them.
    Answered(Vec<ReceivedMessage>),
    Processing(Batch),
}

pub(super) struct Instance {
    pub(super) gen: u32,
    state: State,
    /// Scaled in or stopped while busy: leaves after this batch.
    retiring: bool,
}

pub(super) struct ConsumerGroup {
    pub(super) spec: ConsumerSpec,
    pub(super) instances: BTreeMap<u32, Instance>,
    next_instance: u32,
    processed: ProcessedIds,
    pub(super) desired: u32,
    pub(super) last_scale_out: Option<SimTime>,
    pub(super) last_scaling: Option<SimTime>,
    /// Consecutive scaling checks that wanted more (fewer) instances than it has.
    pub(super) high: u32,
    pub(super) low: u32,
}

impl ConsumerGroup {
    pub(super) fn new(spec: ConsumerSpec) -> ConsumerGroup {
        ConsumerGroup {
            desired: spec.instances.initial(),
            spec,
            instances: BTreeMap::new(),
            next_instance: 1,
            processed: ProcessedIds::default(),
            last_scale_out: None,
            last_scaling: None,
            high: 0,
            low: 0,
        }
    }
    pub(super) fn instance_ids(&self) -> Vec<u32> {
        self.instances.keys().copied().collect()
    }
    pub(super) fn has_instances(&self) -> bool {
        !self.instances.is_empty()
    }
    pub(super) fn running_instances(&self) -> u32 {
        let warm = |i: &&Instance| !matches!(i.state, State::WarmingUp);
        self.instances.values().filter(warm).count() as u32
    }
    /// Instances that will keep serving: all but those leaving after their batch.
    pub(super) fn capacity(&self) -> u32 {
        self.instances.values().filter(|i| !i.retiring).count() as u32
    }
    pub(super) fn warming_up(&self) -> bool {
        let warming = |i: &Instance| matches!(i.state, State::WarmingUp);
        self.instances.values().any(warming)
    }
    /// Which instances a scale-in stops first: the newest idle ones, then the newest busy.
    pub(super) fn retire_order(&self) -> Vec<u32> {
        let staying = self.instances.iter().rev().filter(|(_, i)| !i.retiring);
        let (busy, idle): (Vec<_>, Vec<_>) =
            staying.partition(|(_, i)| matches!(i.state, State::Processing(_)));
        idle.into_iter().chain(busy).map(|(&k, _)| k).collect()
    }
}

impl Engine {
    pub(super) fn start_group(&mut self, id: ActorId) {
        let Some(Kind::Consumers(group)) = self.actor_mut(id).map(|a| &a.kind) else {
            return;
        };
        let (initial, tracking) = (
            group.spec.instances.initial(),
            matches!(group.spec.instances, Instances::TargetTracking { .. }),
        );
        for _ in 0..initial {
            self.add_instance(id);
        }
        if tracking {
            self.wake(id, Slot::Main, self.now.plus_millis(EVALUATION_PERIOD_MS));
        }
    }

    pub(super) fn add_instance(&mut self, id: ActorId) {
        let now = self.now;
        let Some(actor) = self.actor_mut(id) else {
            return;
        };
        let Kind::Consumers(group) = &mut actor.kind else {
            return;
        };
        let instance = group.next_instance;
        group.next_instance += 1;
        group.instances.insert(
            instance,
            Instance {
                gen: 0,
                state: State::WarmingUp,
                retiring: false,
            },
        );
        let ready = now.plus_millis(group.spec.warm_up_ms);
        let event = Event::InstanceStarted {
            actor: actor.name.clone(),
            instance,
            in_service_at: ready,
        };
        self.trace.push(now, event);
        self.wake(id, Slot::Instance(instance), ready);
    }

    /// Stops an instance now, or after its batch if it is processing one.
    pub(super) fn retire_instance(&mut self, id: ActorId, instance: u32) {
        let Some(Kind::Consumers(group)) = self.actor_mut(id).map(|a| &mut a.kind) else {
            return;
        };
        match group.instances.get_mut(&instance) {
            Some(i) if matches!(i.state, State::Processing(_)) => i.retiring = true,
            Some(_) => self.end_instance(id, instance, true),
            None => {}
        }
    }

    /// Removes an instance at once, cancelling its parked long poll.
    pub(super) fn end_instance(&mut self, id: ActorId, instance: u32, traced: bool) {
        let Some(actor) = self.actor_mut(id) else {
            return;
        };
        let Kind::Consumers(group) = &mut actor.kind else {
            return;
        };
        let Some(gone) = group.instances.remove(&instance) else {
            return;
        };
        let name = actor.name.clone();
        if let State::Polling(poll) = gone.state {
            self.actors.take_poll(poll);
            self.cancel_poll(poll);
        }
        if traced {
            let event = Event::InstanceStopped {
                actor: name,
                instance,
            };
            self.trace.push(self.now, event);
        }
    }

    /// Ends a parked long poll with nothing, as when the process that made it goes away.
    fn cancel_poll(&mut self, poll: PollId) {
        let Some(p) = self.polls.remove(&poll) else {
            return;
        };
        if let Some(w) = self.waiting.get_mut(&p.queue) {
            w.retain(|&x| x != poll);
        }
        self.finish_poll(poll, p.queue, Vec::new());
        self.take_poll_result(poll);
    }

    pub(super) fn instance_due(&mut self, id: ActorId, instance: u32) {
        let Some(Kind::Consumers(group)) = self.actor_mut(id).map(|a| &mut a.kind) else {
            return;
        };
        let Some(i) = group.instances.get_mut(&instance) else {
            return;
        };
        match std::mem::replace(&mut i.state, State::Idle) {
            State::WarmingUp | State::Idle => self.poll(id, instance),
            State::Answered(messages) => self.received(id, instance, messages, true),
            State::Polling(poll) => {
                let messages = self.take_poll_result(poll).unwrap_or_default();
                self.received(id, instance, messages, true);
            }
            State::Processing(batch) => self.batch_done(id, instance, batch),
        }
    }

    fn poll(&mut self, id: ActorId, instance: u32) {
        let Some(Kind::Consumers(group)) = self.actor_mut(id).map(|a| &a.kind) else {
            return;
        };
        let spec = &group.spec;
        let command = Command::ReceiveMessage {
            queue_url: spec.queue_url.clone(),
            input: ReceiveInput {
                max_number_of_messages: Some(i64::from(spec.max_number_of_messages)),
                visibility_timeout: spec.visibility_timeout.map(i64::from),
                wait_time_seconds: spec.wait_time_seconds.map(i64::from),
                ..Default::default()
            },
        };
        match self.handle_command(command) {
            Ok(Reply::ReceivePending(poll)) => {
                self.actors.polls.push((poll, id, instance));
                self.set_state(id, instance, State::Polling(poll));
            }
            Ok(Reply::Messages(messages)) => self.received(id, instance, messages, false),
            Ok(_) => {}
            Err(e) => self.refused(id, "ReceiveMessage", e),
        }
    }

    /// The answer of the long poll `instance` parked: kept for it, and it wakes now.
    pub(super) fn poll_answered(
        &mut self,
        id: ActorId,
        instance: u32,
        messages: Vec<ReceivedMessage>,
    ) {
        self.set_state_and_wake(id, instance, State::Answered(messages), self.now);
    }

    /// `set_state` and then `wake` for the instance, with one lookup of it (this runs for
    /// every batch an instance takes).
    fn set_state_and_wake(&mut self, id: ActorId, instance: u32, state: State, at: SimTime) {
        let Some(Kind::Consumers(group)) = self.actor_mut(id).map(|a| &mut a.kind) else {
            return;
        };
        let Some(i) = group.instances.get_mut(&instance) else {
            return;
        };
        i.state = state;
        i.gen += 1;
        let wake = Wake {
            actor: id,
            slot: Slot::Instance(instance),
            gen: i.gen,
        };
        self.schedule_wake(wake, at, None);
    }

    fn set_state(&mut self, id: ActorId, instance: u32, state: State) {
        if let Some(Kind::Consumers(group)) = self.actor_mut(id).map(|a| &mut a.kind) {
            if let Some(i) = group.instances.get_mut(&instance) {
                i.state = state;
            }
        }
    }

    /// A receive's answer: process it, or poll again (at once after a long poll).
    fn received(&mut self, id: ActorId, instance: u32, messages: Vec<ReceivedMessage>, long: bool) {
        let now = self.now;
        let Some(actor) = self.actors.all.get_mut(&id) else {
            return;
        };
        if messages.is_empty() {
            actor.stats.empty_receives += 1;
            if long {
                self.poll(id, instance);
            } else {
                self.set_state(id, instance, State::Idle);
                let at = now.plus_millis(EMPTY_SHORT_POLL_PAUSE_MS);
                self.wake(id, Slot::Instance(instance), at);
            }
            return;
        }
        actor.stats.received += messages.len() as u64;
        let Kind::Consumers(group) = &actor.kind else {
            return;
        };
        let (processing, fail, crash) = (
            group.spec.processing,
            group.spec.failure_probability,
            group.spec.crash_probability,
        );
        let mut elapsed = 0u64;
        let mut batch = Batch {
            messages: Vec::with_capacity(messages.len()),
            completes: messages.len(),
            crashed: false,
        };
        for (index, m) in messages.into_iter().enumerate() {
            let took = processing.sample(&mut self.rng);
            let failed = fail > 0.0 && self.rng.chance(fail);
            let crashed = crash > 0.0 && self.rng.chance(crash);
            batch.messages.push(Handled {
                message_id: m.message_id,
                receipt_handle: m.receipt_handle,
                failed,
            });
            if crashed {
                elapsed += took / 2;
                batch.completes = index;
                batch.crashed = true;
                break;
            }
            elapsed += took;
        }
        let done = now.plus_millis(elapsed);
        self.set_state_and_wake(id, instance, State::Processing(batch), done);
    }

    /// A batch's processing is over (or its instance crashed): count the side effects,
    /// delete the successes, and poll again.
    fn batch_done(&mut self, id: ActorId, instance: u32, batch: Batch) {
        let now = self.now;
        let Some(actor) = self.actors.all.get_mut(&id) else {
            return;
        };
        let Kind::Consumers(group) = &mut actor.kind else {
            return;
        };
        let mut deletes = Vec::new();
        let mut duplicates = Vec::new();
        let (total, crashed) = (batch.messages.len() as u32, batch.crashed);
        for m in batch.messages.into_iter().take(batch.completes) {
            if m.failed {
                actor.stats.failed += 1;
                continue;
            }
            let first_time = group.processed.insert(m.message_id);
            if first_time || !group.spec.idempotent {
                actor.stats.processed += 1;
            }
            if !first_time && !group.spec.idempotent {
                actor.stats.duplicates += 1;
                duplicates.push(m.message_id);
            }
            deletes.push(m.receipt_handle);
        }
        let url = group.spec.queue_url.clone();
        if !duplicates.is_empty() {
            let name = actor.name.clone();
            for message_id in duplicates {
                let event = Event::DuplicateSideEffect {
                    actor: name.clone(),
                    instance,
                    message_id,
                };
                self.trace.push(now, event);
            }
        }
        if crashed {
            self.crashed(id, instance, total);
            return;
        }
        if !deletes.is_empty() {
            let command = delete_command(url, deletes);
            let operation = command.operation();
            if let Err(e) = self.handle_command(command) {
                self.refused(id, operation, e);
                return;
            }
        }
        let retiring = match self.actors.all.get(&id).map(|a| &a.kind) {
            Some(Kind::Consumers(g)) => g.instances.get(&instance).is_some_and(|i| i.retiring),
            _ => return,
        };
        if retiring {
            self.end_instance(id, instance, true);
            self.finish_stopping(id);
        } else {
            self.poll(id, instance);
        }
    }

    fn crashed(&mut self, id: ActorId, instance: u32, messages: u32) {
        let Some(actor) = self.actors.all.get_mut(&id) else {
            return;
        };
        actor.stats.crashes += 1;
        let replace = actor.status == ActorStatus::Running;
        let event = Event::InstanceCrashed {
            actor: actor.name.clone(),
            instance,
            messages,
        };
        self.trace.push(self.now, event);
        let retiring = match &actor.kind {
            Kind::Consumers(g) => g.instances.get(&instance).is_some_and(|i| i.retiring),
            Kind::Producer(_) => false,
        };
        self.end_instance(id, instance, false);
        if replace && !retiring {
            self.add_instance(id);
        }
        self.finish_stopping(id);
    }

    /// A request of the group was refused (its queue was deleted, say): the group stops.
    fn refused(&mut self, id: ActorId, operation: &str, e: super::super::SqsError) {
        let Some(actor) = self.actors.all.get(&id) else {
            return;
        };
        let target = match &actor.kind {
            Kind::Consumers(g) => g.spec.queue_url.clone(),
            Kind::Producer(p) => p.spec.target.name().to_string(),
        };
        let code = e.code.printed().to_string();
        let event = Event::ActorRequestRefused {
            actor: actor.name.clone(),
            refusal: Box::new(Refusal {
                operation: operation.to_string(),
                target,
                code: code.clone(),
                message: e.message.clone(),
                messages: 0,
            }),
        };
        self.trace.push(self.now, event);
        let error = format!("{code}: {}", e.message);
        self.stop(id, format!("{operation} was refused"), Some(error));
    }
}

fn delete_command(queue_url: String, mut receipts: Vec<String>) -> Command {
    if receipts.len() == 1 {
        return Command::DeleteMessage {
            queue_url,
            receipt_handle: receipts.remove(0),
        };
    }
    Command::DeleteMessageBatch {
        queue_url,
        entries: DeleteMessageBatchEntry::numbered(receipts),
    }
}
