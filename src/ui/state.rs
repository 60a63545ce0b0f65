//! The page's one reducer: `AppState` changed only by `Action`s.
//!
//! The engine is shared (`Rc<RefCell<Engine>>`) rather than cloned per action: it is
//! mutated in place, and `version` tells the view that something changed. Every change to
//! the simulation goes through `Engine::apply` or the clock; the rest of the state is what
//! a console page remembers for its user (form drafts, the selection, what a receive
//! returned, errors to show) and what it has read from the trace (`notes`).

use super::console::{ConsoleAction, ConsoleState};
use super::notes::{ReceiveFlags, TraceNotes};
use super::params::Settings;
use super::scenario::{ScenarioAction, ScenarioStatus};
use super::sns_state::{Inspect, SnsAction, SnsDrafts, SnsFeedback};
pub use super::speed::{Speed, TICK_MS};
use super::view::name_of;
use crate::collect_map::CollectMap;
use crate::console_link::page::PageLink;
use crate::engine::{
    Command, Engine, EngineConfig, Event, MessageAttributeValue, MessageId, MessageInput,
    MoveTaskReport, PollId, ReceiveInput, Reply, SendResult, SimTime, SqsError,
};
use base64::Engine as _;
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

impl Problem {
    /// A value the AWS CLI itself would refuse before calling SQS (not a number where a
    /// number is needed, bad base64), worded as the CLI's parameter validation does.
    pub(super) fn client_side(message: String) -> Problem {
        Problem {
            code: "ParamValidation",
            message,
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
    pub message_id: MessageId,
    pub receipt_handle: String,
    pub body: Arc<str>,
    /// `ApproximateReceiveCount` as the receive reported it.
    pub receive_count: u32,
    pub received_at: SimTime,
    pub group_id: Option<String>,
    pub sequence_number: Option<String>,
    /// From the trace: this receive skipped an older message, or returned a duplicate copy.
    pub flags: ReceiveFlags,
    /// `DeadLetterQueueSourceArn`'s queue, for a message received from a dead-letter queue.
    pub dead_letter_from: Option<String>,
    /// Message attributes as `name (Type) = value`.
    pub attributes: Vec<String>,
}

/// A long poll the engine parked; its answer is collected after every action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingPoll {
    pub poll: PollId,
    pub queue_url: String,
    pub until: SimTime,
}

/// Server-side encryption as the details panel offers it.
pub const SSE_SQS: &str = "sse-sqs";
pub const SSE_KMS: &str = "sse-kms";
pub const SSE_OFF: &str = "off";
/// The AWS managed key for SQS: the default when a learner picks SSE-KMS.
pub const DEFAULT_KMS_KEY: &str = "alias/aws/sqs";

/// What the user has typed but not submitted yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drafts {
    pub queue_name: String,
    pub visibility_timeout: String,
    pub fifo: bool,
    pub content_based_deduplication: bool,
    /// The dead-letter queue's name; empty for none.
    pub dead_letter_queue: String,
    pub max_receive_count: String,
    pub message_body: String,
    pub group_id: String,
    pub deduplication_id: String,
    pub delay_seconds: String,
    pub attribute_name: String,
    pub attribute_type: String,
    pub attribute_value: String,
    pub new_visibility_timeout: String,
    pub redrive_rate: String,
    pub encryption: String,
    pub kms_key: String,
    pub kms_reuse_seconds: String,
}

impl Default for Drafts {
    fn default() -> Self {
        Drafts {
            queue_name: String::new(),
            visibility_timeout: "30".into(),
            fifo: false,
            content_based_deduplication: false,
            dead_letter_queue: String::new(),
            max_receive_count: "3".into(),
            message_body: String::new(),
            group_id: String::new(),
            deduplication_id: String::new(),
            delay_seconds: String::new(),
            attribute_name: String::new(),
            attribute_type: "String".into(),
            attribute_value: String::new(),
            new_visibility_timeout: String::new(),
            redrive_rate: String::new(),
            encryption: SSE_SQS.into(),
            kms_key: DEFAULT_KMS_KEY.into(),
            kms_reuse_seconds: "300".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    EditQueueName(String),
    EditVisibilityTimeout(String),
    SetFifo(bool),
    SetContentBasedDeduplication(bool),
    ChooseDeadLetterQueue(String),
    EditMaxReceiveCount(String),
    EditMessageBody(String),
    EditGroupId(String),
    EditDeduplicationId(String),
    EditDelaySeconds(String),
    EditAttributeName(String),
    EditAttributeType(String),
    EditAttributeValue(String),
    EditNewVisibilityTimeout(String),
    EditRedriveRate(String),
    ChooseEncryption(String),
    EditKmsKey(String),
    EditKmsReuseSeconds(String),
    CreateQueue,
    Select(String),
    SetVisibilityTimeout,
    SaveEncryption,
    SendMessage,
    Poll,
    Delete {
        receipt_handle: String,
    },
    StartRedrive,
    CancelRedrive,
    Play,
    Pause,
    SetSpeed(Speed),
    Step,
    Tick,
    /// Topics, subscriptions, publishing and endpoints.
    Sns(SnsAction),
    /// The console panel: AWS CLI lines run through the same shell as `fanout run`.
    Console(ConsoleAction),
    /// Export, import, share and autosave.
    Scenario(ScenarioAction),
}

#[derive(Clone)]
pub struct AppState {
    pub engine: Rc<RefCell<Engine>>,
    /// What the page has read from the trace (receive flags, recent moves).
    pub notes: Rc<RefCell<TraceNotes>>,
    /// Bumped whenever the engine may have changed.
    pub version: u64,
    /// Wall-clock time (`Date.now()`) of the latest action: recent moves are highlighted.
    pub wall_ms: f64,
    pub settings: Settings,
    /// The selected queue's name.
    pub selected: Option<String>,
    /// A topic or subscription shown in the inspector instead of the selected queue.
    pub inspect: Option<Inspect>,
    pub playing: bool,
    pub speed: Speed,
    pub drafts: Drafts,
    pub sns_drafts: SnsDrafts,
    pub sns_feedback: SnsFeedback,
    pub received: Vec<ReceivedItem>,
    pub pending: Vec<PendingPoll>,
    /// The selected queue's latest message move task (when it is a dead-letter queue).
    pub move_task: Option<MoveTaskReport>,
    pub create_feedback: Feedback,
    pub edit_feedback: Feedback,
    pub encryption_feedback: Feedback,
    pub send_receive_feedback: Feedback,
    pub redrive_feedback: Feedback,
    /// How far the console's interpreter (in its worker) has followed this engine; a new
    /// engine (an import) gets a new link, so the interpreter is rebuilt from it.
    pub link: Rc<RefCell<PageLink>>,
    /// The console's output and the commands typed (the scenario's history).
    pub console: ConsoleState,
    pub scenario: ScenarioStatus,
}

fn wall_clock_ms() -> f64 {
    js_sys::Date::now()
}

/// A field's text, or None when it is left empty.
pub(super) fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// An integer parameter as the AWS CLI parses it before sending anything.
fn integer(parameter: &str, text: &str) -> Result<Option<i64>, Problem> {
    match optional(text) {
        None => Ok(None),
        Some(t) => t.parse::<i64>().map(Some).map_err(|_| {
            Problem::client_side(format!(
                "Invalid type for parameter {parameter}, value: {t}, type: <class 'str'>, valid types: <class 'int'>"
            ))
        }),
    }
}

/// A message attribute as typed: a Binary one's value is base64, decoded here as the AWS
/// CLI decodes it (an empty type means String).
pub(super) fn attribute_value(
    data_type: &str,
    value: &str,
) -> Result<MessageAttributeValue, Problem> {
    let data_type = optional(data_type).unwrap_or_else(|| "String".into());
    if data_type.split('.').next() != Some("Binary") {
        return Ok(MessageAttributeValue::string(data_type, value));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(value.trim())
        .map_err(|_| {
            Problem::client_side(format!(
                "Invalid base64: \"{value}\" (a Binary attribute's value is base64-encoded)"
            ))
        })?;
    Ok(MessageAttributeValue::binary(data_type, bytes))
}

impl AppState {
    /// A fresh page, or the scenario its URL shares (with an offer to restore an autosave).
    pub fn new(settings: Settings) -> AppState {
        // Journaled, so the page can autosave, export and share what the user did.
        let engine = Engine::with_journal(EngineConfig {
            seed: settings.seed,
            chaos: settings.chaos,
            access: settings.access,
            ..Default::default()
        });
        let mut state = AppState::with_engine(settings, engine);
        state.open_scenario();
        state
    }

    pub(super) fn with_engine(settings: Settings, engine: Engine) -> AppState {
        AppState {
            engine: Rc::new(RefCell::new(engine)),
            notes: Rc::new(RefCell::new(TraceNotes::default())),
            version: 0,
            wall_ms: wall_clock_ms(),
            settings,
            selected: None,
            inspect: None,
            playing: false,
            speed: Speed::X1,
            drafts: Drafts::default(),
            sns_drafts: SnsDrafts::default(),
            sns_feedback: SnsFeedback::default(),
            received: Vec::new(),
            pending: Vec::new(),
            move_task: None,
            create_feedback: Feedback::None,
            edit_feedback: Feedback::None,
            encryption_feedback: Feedback::None,
            send_receive_feedback: Feedback::None,
            redrive_feedback: Feedback::None,
            link: Rc::default(),
            console: ConsoleState::with_history(super::console::load_history()),
            scenario: ScenarioStatus::default(),
        }
    }

    pub fn selected_url(&self) -> Option<String> {
        let name = self.selected.as_ref()?;
        let engine = self.engine.borrow();
        engine.queue_by_name(name).map(|q| q.url.clone())
    }

    fn selected_arn(&self) -> Option<String> {
        let name = self.selected.as_ref()?;
        let engine = self.engine.borrow();
        engine.queue_by_name(name).map(|q| q.arn.clone())
    }

    fn selected_is_fifo(&self) -> bool {
        let engine = self.engine.borrow();
        self.selected
            .as_deref()
            .and_then(|n| engine.queue_by_name(n))
            .is_some_and(|q| q.is_fifo())
    }

    /// Returns false when the action changes nothing (so no re-render is needed).
    pub(super) fn act(&mut self, action: Action) -> bool {
        let d = &mut self.drafts;
        match action {
            Action::EditQueueName(s) => d.queue_name = s,
            Action::EditVisibilityTimeout(s) => d.visibility_timeout = s,
            Action::SetFifo(on) => self.set_fifo(on),
            Action::SetContentBasedDeduplication(on) => d.content_based_deduplication = on,
            Action::ChooseDeadLetterQueue(s) => d.dead_letter_queue = s,
            Action::EditMaxReceiveCount(s) => d.max_receive_count = s,
            Action::EditMessageBody(s) => d.message_body = s,
            Action::EditGroupId(s) => d.group_id = s,
            Action::EditDeduplicationId(s) => d.deduplication_id = s,
            Action::EditDelaySeconds(s) => d.delay_seconds = s,
            Action::EditAttributeName(s) => d.attribute_name = s,
            Action::EditAttributeType(s) => d.attribute_type = s,
            Action::EditAttributeValue(s) => d.attribute_value = s,
            Action::EditNewVisibilityTimeout(s) => d.new_visibility_timeout = s,
            Action::EditRedriveRate(s) => d.redrive_rate = s,
            Action::ChooseEncryption(s) => d.encryption = s,
            Action::EditKmsKey(s) => d.kms_key = s,
            Action::EditKmsReuseSeconds(s) => d.kms_reuse_seconds = s,
            Action::CreateQueue => self.create_queue(),
            Action::Select(name) => self.select(name),
            Action::SetVisibilityTimeout => self.set_visibility_timeout(),
            Action::SaveEncryption => self.save_encryption(),
            Action::SendMessage => self.send_message(),
            Action::Poll => self.poll(),
            Action::Delete { receipt_handle } => self.delete(receipt_handle),
            Action::StartRedrive => self.start_redrive(),
            Action::CancelRedrive => self.cancel_redrive(),
            Action::Play => self.playing = true,
            Action::Pause => self.playing = false,
            Action::SetSpeed(speed) => self.speed = speed,
            Action::Step => {
                self.engine.borrow_mut().step();
            }
            Action::Sns(a) => self.sns_act(a),
            Action::Console(a) => self.console_act(a),
            Action::Scenario(a) => self.scenario_act(a),
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

    /// FIFO on or off: a chosen dead-letter queue of the other type no longer fits.
    fn set_fifo(&mut self, on: bool) {
        self.drafts.fifo = on;
        let engine = self.engine.borrow();
        let fits = engine
            .queue_by_name(&self.drafts.dead_letter_queue)
            .is_some_and(|q| q.is_fifo() == on);
        if !fits {
            self.drafts.dead_letter_queue.clear();
        }
    }

    /// The name CreateQueue gets: with `.fifo` added for a FIFO queue that lacks it.
    pub fn queue_name_to_create(drafts: &Drafts) -> String {
        let name = drafts.queue_name.trim();
        if drafts.fifo && !name.is_empty() && !name.ends_with(".fifo") {
            format!("{name}.fifo")
        } else {
            name.to_string()
        }
    }

    fn create_queue(&mut self) {
        let d = &self.drafts;
        let name = Self::queue_name_to_create(d);
        let mut attributes = BTreeMap::from([(
            "VisibilityTimeout".to_string(),
            d.visibility_timeout.trim().to_string(),
        )]);
        if d.fifo {
            attributes.insert("FifoQueue".into(), "true".into());
            if d.content_based_deduplication {
                attributes.insert("ContentBasedDeduplication".into(), "true".into());
            }
        }
        if !d.dead_letter_queue.is_empty() {
            let target = crate::engine::attributes::queue_arn(&d.dead_letter_queue);
            let count = d.max_receive_count.trim();
            // A number as a number; anything else as typed, for the engine to refuse.
            let count = match count.parse::<i64>() {
                Ok(n) => serde_json::Value::from(n),
                Err(_) => serde_json::Value::from(count),
            };
            let policy =
                serde_json::json!({ "deadLetterTargetArn": target, "maxReceiveCount": count });
            attributes.insert("RedrivePolicy".into(), policy.to_string());
        }
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
                        |e| matches!(&e.event, Event::QueueCreated { queue } if **queue == *name),
                    );
                self.drafts.queue_name.clear();
                self.drafts.dead_letter_queue.clear();
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
        let settings = {
            let engine = self.engine.borrow();
            engine.queue_by_name(&name).map(|q| {
                let a = &q.attributes;
                let encryption = match (&a.kms_master_key_id, a.sqs_managed_sse_enabled) {
                    (Some(_), _) => SSE_KMS,
                    (None, true) => SSE_SQS,
                    (None, false) => SSE_OFF,
                };
                (
                    a.visibility_timeout,
                    encryption,
                    a.kms_master_key_id.clone(),
                    a.kms_data_key_reuse_period_seconds,
                )
            })
        };
        let Some((timeout, encryption, kms_key, reuse)) = settings else {
            return;
        };
        if self.selected.as_deref() != Some(name.as_str()) {
            self.edit_feedback = Feedback::None;
            self.encryption_feedback = Feedback::None;
            self.send_receive_feedback = Feedback::None;
            self.redrive_feedback = Feedback::None;
        }
        let d = &mut self.drafts;
        d.new_visibility_timeout = timeout.to_string();
        d.encryption = encryption.to_string();
        d.kms_key = kms_key.unwrap_or_else(|| DEFAULT_KMS_KEY.to_string());
        d.kms_reuse_seconds = reuse.to_string();
        self.selected = Some(name);
        self.inspect = None;
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

    /// SetQueueAttributes with the encryption the panel shows: SSE-SQS, SSE-KMS with a
    /// key and data key reuse period, or none.
    fn save_encryption(&mut self) {
        let Some(queue_url) = self.selected_url() else {
            return;
        };
        let d = &self.drafts;
        let pairs: Vec<(&str, String)> = match d.encryption.as_str() {
            SSE_KMS => vec![
                ("KmsMasterKeyId", d.kms_key.trim().to_string()),
                (
                    "KmsDataKeyReusePeriodSeconds",
                    d.kms_reuse_seconds.trim().to_string(),
                ),
            ],
            SSE_SQS => vec![("SqsManagedSseEnabled", "true".to_string())],
            _ => vec![
                ("SqsManagedSseEnabled", "false".to_string()),
                ("KmsMasterKeyId", String::new()),
            ],
        };
        let attributes = pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect_map();
        let result = self.engine.borrow_mut().apply(Command::SetQueueAttributes {
            queue_url,
            attributes,
        });
        self.encryption_feedback = match result {
            Ok(_) => Feedback::Done(
                match self.drafts.encryption.as_str() {
                    SSE_KMS => "Messages sent from now on are encrypted at rest with the KMS key.",
                    SSE_SQS => {
                        "Messages sent from now on are encrypted at rest with SQS-owned keys."
                    }
                    _ => "Server-side encryption is off: SQS stores message bodies unencrypted.",
                }
                .to_string(),
            ),
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    /// The message the send form describes, with only the fields the selected queue's
    /// type shows: FIFO has deduplication ids and no per-message delay; standard the opposite.
    fn message_input(&self, fifo: bool) -> Result<MessageInput, Problem> {
        let d = &self.drafts;
        let mut input = MessageInput::body(d.message_body.clone());
        input.message_group_id = optional(&d.group_id);
        if fifo {
            input.message_deduplication_id = optional(&d.deduplication_id);
        } else {
            input.delay_seconds = integer("DelaySeconds", &d.delay_seconds)?;
        }
        let name = d.attribute_name.trim();
        if !name.is_empty() || !d.attribute_value.is_empty() {
            let value = attribute_value(&d.attribute_type, &d.attribute_value)?;
            input.message_attributes.insert(name.to_string(), value);
        }
        Ok(input)
    }

    fn send_message(&mut self) {
        let Some(queue_url) = self.selected_url() else {
            return;
        };
        let message = match self.message_input(self.selected_is_fifo()) {
            Ok(m) => m,
            Err(p) => {
                self.send_receive_feedback = Feedback::Failed(p);
                return;
            }
        };
        let before = self.engine.borrow().trace().len();
        let result = self
            .engine
            .borrow_mut()
            .apply(Command::SendMessage { queue_url, message });
        self.send_receive_feedback = match result {
            Ok(Reply::MessageSent(SendResult {
                message_id,
                sequence_number,
                ..
            })) => {
                self.drafts.message_body.clear();
                self.drafts.deduplication_id.clear();
                let deduplicated =
                    self.engine
                        .borrow()
                        .trace()
                        .since(before)
                        .iter()
                        .find_map(|e| match &e.event {
                            Event::SendDeduplicated {
                                deduplication_id, ..
                            } => Some(deduplication_id.clone()),
                            _ => None,
                        });
                Feedback::Done(match (deduplicated, sequence_number) {
                    (Some(dedup), _) => format!(
                        "Deduplicated: a message with deduplication ID {dedup} was sent less than 5 minutes ago, so SQS answered with its ID ({message_id}) and stored nothing new."
                    ),
                    (None, Some(seq)) => {
                        format!("Message sent. ID: {message_id} · sequence number {seq}")
                    }
                    (None, None) => format!("Message sent. ID: {message_id}"),
                })
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
        // The Received events of these messages are in the trace: read their flags.
        self.catch_up();
        let now = self.engine.borrow().now();
        let queue = name_of(queue_url).to_string();
        let notes = self.notes.borrow();
        for m in messages {
            // A newer receive of the same message supersedes the older one: only the
            // newest receipt handle can delete it.
            self.received
                .retain(|r| !(r.queue_url == queue_url && r.message_id == m.message_id));
            let attribute = |name: &str| {
                m.attributes
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            };
            let receive_count = attribute("ApproximateReceiveCount")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let attributes = m
                .message_attributes
                .iter()
                .map(|(name, v)| {
                    let value = match (&v.string_value, &v.binary_value) {
                        (Some(s), _) => s.clone(),
                        (None, Some(b)) => base64::engine::general_purpose::STANDARD.encode(b),
                        (None, None) => String::new(),
                    };
                    format!("{name} ({}) = {value}", v.data_type)
                })
                .collect();
            self.received.push(ReceivedItem {
                queue_url: queue_url.to_string(),
                flags: notes.flags(&queue, m.message_id),
                group_id: attribute("MessageGroupId"),
                sequence_number: attribute("SequenceNumber"),
                dead_letter_from: attribute("DeadLetterQueueSourceArn")
                    .map(|arn| name_of(&arn).to_string()),
                message_id: m.message_id,
                receipt_handle: m.receipt_handle,
                body: m.body,
                receive_count,
                received_at: now,
                attributes,
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
                let mut ignored = None;
                let mut duplicate = false;
                for e in engine.trace().since(before) {
                    match &e.event {
                        Event::DeleteIgnored { reason, .. } => ignored = Some(reason.clone()),
                        Event::DuplicateCreated { .. } => duplicate = true,
                        _ => {}
                    }
                }
                Feedback::Done(match (ignored, duplicate) {
                    (Some(reason), _) => {
                        format!("DeleteMessage succeeded but removed nothing: {reason}.")
                    }
                    (None, true) => "Message deleted — but the delete missed one replica, so a duplicate copy will be delivered again.".to_string(),
                    (None, false) => "Message deleted.".to_string(),
                })
            }
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    /// Redrive: a message move task from the selected dead-letter queue back to each
    /// message's source queue, at the rate typed (empty: SQS's own rate).
    fn start_redrive(&mut self) {
        let Some(source_arn) = self.selected_arn() else {
            return;
        };
        let rate = match integer("MaxNumberOfMessagesPerSecond", &self.drafts.redrive_rate) {
            Ok(r) => r,
            Err(p) => {
                self.redrive_feedback = Feedback::Failed(p);
                return;
            }
        };
        let result = self
            .engine
            .borrow_mut()
            .apply(Command::StartMessageMoveTask {
                source_arn,
                destination_arn: None,
                max_number_of_messages_per_second: rate,
            });
        self.redrive_feedback = match result {
            Ok(_) => Feedback::Done(
                "Redrive started: the messages go back to the queues they came from. Run the clock to watch it."
                    .into(),
            ),
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    fn cancel_redrive(&mut self) {
        let Some(task_handle) = self.move_task.as_ref().and_then(|t| t.task_handle.clone()) else {
            return;
        };
        let result = self
            .engine
            .borrow_mut()
            .apply(Command::CancelMessageMoveTask { task_handle });
        self.redrive_feedback = match result {
            Ok(Reply::MessagesMoved(n)) => {
                Feedback::Done(format!("Redrive cancelled after moving {n} message(s)."))
            }
            Ok(_) => Feedback::None,
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    /// The selected queue's latest move task, as ListMessageMoveTasks reports it. Read,
    /// not applied: a command on every tick grew the journal by two entries a tick and
    /// autosaved it whole each time.
    fn refresh_move_task(&mut self) {
        self.move_task = self
            .selected_arn()
            .and_then(|arn| self.engine.borrow().latest_move_task(&arn));
    }

    /// Reads new trace entries into the notes. A received message that has since left
    /// its queue (dead-letter move, expiry) drops out of the received list: no receipt
    /// handle can delete it any more.
    fn catch_up(&mut self) {
        let gone = {
            let engine = self.engine.borrow();
            self.notes
                .borrow_mut()
                .catch_up(engine.trace(), self.wall_ms)
        };
        if !gone.is_empty() {
            self.received.retain(|r| {
                !gone
                    .iter()
                    .any(|(q, id)| *id == r.message_id && q == name_of(&r.queue_url))
            });
        }
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
        if !self.console.pending.is_empty() && super::console::waits_for_console(&action) {
            if action == Action::Tick {
                return self;
            }
            let mut next = (*self).clone();
            next.console.deferred.push(action);
            return Rc::new(next);
        }
        let mut next = (*self).clone();
        next.wall_ms = wall_clock_ms();
        if !next.act(action) {
            return self;
        }
        next.collect_polls();
        next.catch_up();
        next.refresh_move_task();
        next.autosave();
        next.version += 1;
        Rc::new(next)
    }
}
