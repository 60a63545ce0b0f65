//! The page's one reducer: `AppState` changed only by `Action`s.
//!
//! The engine is shared (`Rc<RefCell<Engine>>`) rather than cloned per action: it is
//! mutated in place, and `version` tells the view that something changed. Every change to
//! the simulation goes through `Engine::apply` or the clock; the rest of the state is what
//! a console page remembers for its user (form drafts, the selection, what a receive
//! returned, errors to show).

use super::params::Settings;
pub use super::speed::{Speed, TICK_MS};
use crate::engine::{
    Command, Engine, EngineConfig, Event, MessageInput, PollId, ReceiveInput, Reply, SendResult,
    SimTime, SqsError,
};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

/// What the console's "Poll for messages" asks for, like the AWS console does.
const POLL_MAX_MESSAGES: i64 = 10;
const POLL_WAIT_SECONDS: i64 = 20;

/// An error as AWS reports it, kept for display next to the form that caused it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
}

impl From<SqsError> for Problem {
    fn from(e: SqsError) -> Problem {
        Problem {
            code: e.code.printed(),
            message: e.message,
        }
    }
}

/// The outcome a panel shows under its buttons: nothing yet, a success note or an error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Feedback {
    #[default]
    None,
    Done(String),
    Failed(Problem),
}

/// One message as a receive returned it (the console lists these with a Delete button).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedItem {
    pub queue_url: String,
    pub message_id: String,
    pub receipt_handle: String,
    pub body: Arc<str>,
    /// `ApproximateReceiveCount` as the receive reported it.
    pub receive_count: u32,
    pub received_at: SimTime,
}

/// A long poll the engine parked; its answer is collected after every action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingPoll {
    pub poll: PollId,
    pub queue_url: String,
    pub until: SimTime,
}

/// What the user has typed but not submitted yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drafts {
    pub queue_name: String,
    pub visibility_timeout: String,
    pub message_body: String,
    pub new_visibility_timeout: String,
}

impl Default for Drafts {
    fn default() -> Self {
        Drafts {
            queue_name: String::new(),
            visibility_timeout: "30".into(),
            message_body: String::new(),
            new_visibility_timeout: String::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    EditQueueName(String),
    EditVisibilityTimeout(String),
    EditMessageBody(String),
    EditNewVisibilityTimeout(String),
    CreateQueue,
    Select(String),
    SetVisibilityTimeout,
    SendMessage,
    Poll,
    Delete { receipt_handle: String },
    Play,
    Pause,
    SetSpeed(Speed),
    Step,
    Tick,
}

#[derive(Clone)]
pub struct AppState {
    pub engine: Rc<RefCell<Engine>>,
    /// Bumped whenever the engine may have changed.
    pub version: u64,
    pub settings: Settings,
    /// The selected queue's name.
    pub selected: Option<String>,
    pub playing: bool,
    pub speed: Speed,
    pub drafts: Drafts,
    pub received: Vec<ReceivedItem>,
    pub pending: Vec<PendingPoll>,
    pub create_feedback: Feedback,
    pub edit_feedback: Feedback,
    pub send_receive_feedback: Feedback,
}

impl AppState {
    pub fn new(settings: Settings) -> AppState {
        let engine = Engine::new(EngineConfig {
            seed: settings.seed,
            chaos: settings.chaos,
            ..Default::default()
        });
        AppState {
            engine: Rc::new(RefCell::new(engine)),
            version: 0,
            settings,
            selected: None,
            playing: false,
            speed: Speed::X1,
            drafts: Drafts::default(),
            received: Vec::new(),
            pending: Vec::new(),
            create_feedback: Feedback::None,
            edit_feedback: Feedback::None,
            send_receive_feedback: Feedback::None,
        }
    }

    pub fn selected_url(&self) -> Option<String> {
        let name = self.selected.as_ref()?;
        let engine = self.engine.borrow();
        engine.queue_by_name(name).map(|q| q.url.clone())
    }

    /// Returns false when the action changes nothing (so no re-render is needed).
    fn act(&mut self, action: Action) -> bool {
        match action {
            Action::EditQueueName(s) => self.drafts.queue_name = s,
            Action::EditVisibilityTimeout(s) => self.drafts.visibility_timeout = s,
            Action::EditMessageBody(s) => self.drafts.message_body = s,
            Action::EditNewVisibilityTimeout(s) => self.drafts.new_visibility_timeout = s,
            Action::CreateQueue => self.create_queue(),
            Action::Select(name) => self.select(name),
            Action::SetVisibilityTimeout => self.set_visibility_timeout(),
            Action::SendMessage => self.send_message(),
            Action::Poll => self.poll(),
            Action::Delete { receipt_handle } => self.delete(receipt_handle),
            Action::Play => self.playing = true,
            Action::Pause => self.playing = false,
            Action::SetSpeed(speed) => self.speed = speed,
            Action::Step => {
                self.engine.borrow_mut().step();
            }
            Action::Tick => {
                // A tick already queued when Pause was pressed must not move the clock.
                if !self.playing {
                    return false;
                }
                let mut engine = self.engine.borrow_mut();
                let to = engine.now().plus_millis(self.speed.virtual_ms_per_tick());
                engine.advance_to(to);
            }
        }
        true
    }

    fn create_queue(&mut self) {
        let name = self.drafts.queue_name.trim().to_string();
        let attributes = BTreeMap::from([(
            "VisibilityTimeout".to_string(),
            self.drafts.visibility_timeout.trim().to_string(),
        )]);
        let before = self.engine.borrow().trace().len();
        let result = self.engine.borrow_mut().apply(Command::CreateQueue {
            queue_name: name.clone(),
            attributes,
            tags: BTreeMap::new(),
        });
        self.create_feedback = match result {
            Ok(_) => {
                // CreateQueue with an existing name and the same attributes succeeds and
                // creates nothing; the trace tells the two apart.
                let created =
                    self.engine.borrow().trace().since(before).iter().any(
                        |e| matches!(&e.event, Event::QueueCreated { queue } if *queue == name),
                    );
                self.drafts.queue_name.clear();
                self.select(name.clone());
                Feedback::Done(if created {
                    format!("Queue {name} created.")
                } else {
                    format!("Queue {name} already exists with these settings.")
                })
            }
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    fn select(&mut self, name: String) {
        let timeout = {
            let engine = self.engine.borrow();
            engine
                .queue_by_name(&name)
                .map(|q| q.attributes.visibility_timeout)
        };
        let Some(timeout) = timeout else { return };
        if self.selected.as_deref() != Some(name.as_str()) {
            self.edit_feedback = Feedback::None;
            self.send_receive_feedback = Feedback::None;
        }
        self.drafts.new_visibility_timeout = timeout.to_string();
        self.selected = Some(name);
    }

    fn set_visibility_timeout(&mut self) {
        let Some(queue_url) = self.selected_url() else {
            return;
        };
        let value = self.drafts.new_visibility_timeout.trim().to_string();
        let attributes = BTreeMap::from([("VisibilityTimeout".to_string(), value.clone())]);
        let result = self.engine.borrow_mut().apply(Command::SetQueueAttributes {
            queue_url,
            attributes,
        });
        self.edit_feedback = match result {
            Ok(_) => Feedback::Done(format!(
                "Visibility timeout set to {value} seconds for messages received from now on."
            )),
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    fn send_message(&mut self) {
        let Some(queue_url) = self.selected_url() else {
            return;
        };
        let result = self.engine.borrow_mut().apply(Command::SendMessage {
            queue_url,
            message: MessageInput::body(self.drafts.message_body.clone()),
        });
        self.send_receive_feedback = match result {
            Ok(Reply::MessageSent(SendResult { message_id, .. })) => {
                self.drafts.message_body.clear();
                Feedback::Done(format!("Message sent. ID: {message_id}"))
            }
            Ok(_) => Feedback::None,
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    fn poll(&mut self) {
        let Some(queue_url) = self.selected_url() else {
            return;
        };
        let result = self.engine.borrow_mut().apply(Command::ReceiveMessage {
            queue_url: queue_url.clone(),
            input: ReceiveInput {
                max_number_of_messages: Some(POLL_MAX_MESSAGES),
                wait_time_seconds: Some(POLL_WAIT_SECONDS),
                attribute_names: vec!["All".into()],
                message_attribute_names: vec!["All".into()],
                ..Default::default()
            },
        });
        self.send_receive_feedback = match result {
            Ok(Reply::Messages(messages)) => {
                let n = messages.len();
                self.add_received(&queue_url, messages);
                Feedback::Done(received_note(n))
            }
            Ok(Reply::ReceivePending(poll)) => {
                let until = self.poll_deadline(poll);
                self.pending.push(PendingPoll {
                    poll,
                    queue_url,
                    until,
                });
                Feedback::None
            }
            Ok(_) => Feedback::None,
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    /// When a parked poll gives up, as the engine recorded it when it parked the poll.
    fn poll_deadline(&self, poll: PollId) -> SimTime {
        let engine = self.engine.borrow();
        let started = engine
            .trace()
            .entries()
            .iter()
            .rev()
            .find_map(|e| match e.event {
                Event::LongPollStarted { poll: p, until, .. } if p == poll => Some(until),
                _ => None,
            });
        started.unwrap_or_else(|| engine.now())
    }

    fn add_received(&mut self, queue_url: &str, messages: Vec<crate::engine::ReceivedMessage>) {
        let now = self.engine.borrow().now();
        for m in messages {
            // A newer receive of the same message supersedes the older one: only the
            // newest receipt handle can delete it.
            self.received
                .retain(|r| !(r.queue_url == queue_url && r.message_id == m.message_id));
            let receive_count = m
                .attributes
                .iter()
                .find(|(k, _)| k == "ApproximateReceiveCount")
                .and_then(|(_, v)| v.parse().ok())
                .unwrap_or(0);
            self.received.push(ReceivedItem {
                queue_url: queue_url.to_string(),
                message_id: m.message_id,
                receipt_handle: m.receipt_handle,
                body: m.body,
                receive_count,
                received_at: now,
            });
        }
    }

    fn delete(&mut self, receipt_handle: String) {
        let Some(item) = self
            .received
            .iter()
            .find(|r| r.receipt_handle == receipt_handle)
            .cloned()
        else {
            return;
        };
        let before = self.engine.borrow().trace().len();
        let result = self.engine.borrow_mut().apply(Command::DeleteMessage {
            queue_url: item.queue_url.clone(),
            receipt_handle: receipt_handle.clone(),
        });
        self.send_receive_feedback = match result {
            Ok(_) => {
                self.received.retain(|r| r.receipt_handle != receipt_handle);
                // DeleteMessage succeeds even when it removes nothing; say why, from the trace.
                let engine = self.engine.borrow();
                let ignored = engine
                    .trace()
                    .since(before)
                    .iter()
                    .find_map(|e| match &e.event {
                        Event::DeleteIgnored { reason, .. } => Some(reason.clone()),
                        _ => None,
                    });
                Feedback::Done(match ignored {
                    Some(reason) => {
                        format!("DeleteMessage succeeded but removed nothing: {reason}.")
                    }
                    None => "Message deleted.".to_string(),
                })
            }
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    /// Picks up the answers of parked long polls (after a send, a tick or a step).
    fn collect_polls(&mut self) {
        let mut still_waiting = Vec::new();
        for pending in std::mem::take(&mut self.pending) {
            let answer = self.engine.borrow_mut().take_poll_result(pending.poll);
            match answer {
                Some(messages) => {
                    let n = messages.len();
                    self.add_received(&pending.queue_url, messages);
                    if self.selected_url().as_deref() == Some(pending.queue_url.as_str()) {
                        self.send_receive_feedback = Feedback::Done(received_note(n));
                    }
                }
                None => still_waiting.push(pending),
            }
        }
        self.pending = still_waiting;
    }
}

fn received_note(n: usize) -> String {
    match n {
        0 => "The long poll ended without messages.".into(),
        1 => "Received 1 message.".into(),
        n => format!("Received {n} messages."),
    }
}

impl yew::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if !next.act(action) {
            return self;
        }
        next.collect_polls();
        next.version += 1;
        Rc::new(next)
    }
}
