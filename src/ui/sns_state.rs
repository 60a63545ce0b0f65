//! The SNS half of the reducer: topic, subscription and publish forms, the selected topic
//! or subscription, endpoint controls and the access fix. Every change is an engine
//! `Command`; what the forms hold before that is a draft, as in [`super::state`].

use super::state::{attribute_value, optional, AppState, Feedback, Problem};
use super::view::name_of;
use crate::engine::access_policy::{allow_topic_statement, with_statement};
use crate::engine::{Command, Event, PublishInput, Reply};
use std::collections::BTreeMap;

/// What the inspector shows instead of a queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inspect {
    Topic(String),
    Subscription(String),
}

/// One message attribute row of the publish panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeRow {
    pub name: String,
    pub data_type: String,
    pub value: String,
}

impl Default for AttributeRow {
    fn default() -> Self {
        AttributeRow {
            name: String::new(),
            data_type: "String".into(),
            value: String::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributeField {
    Name,
    Type,
    Value,
}

/// What the SNS forms hold before they are submitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnsDrafts {
    pub topic_name: String,
    pub topic_fifo: bool,
    pub topic_content_dedup: bool,
    pub protocol: String,
    pub endpoint: String,
    pub raw_delivery: bool,
    pub filter_policy: String,
    pub filter_scope: String,
    /// The subscription dead-letter queue's ARN; empty for none.
    pub dead_letter_queue: String,
    pub message: String,
    pub subject: String,
    pub json_structure: bool,
    pub group_id: String,
    pub deduplication_id: String,
    pub attributes: Vec<AttributeRow>,
    pub latency_ms: String,
    pub error_percent: String,
}

impl Default for SnsDrafts {
    fn default() -> Self {
        SnsDrafts {
            topic_name: String::new(),
            topic_fifo: false,
            topic_content_dedup: false,
            protocol: "sqs".into(),
            endpoint: String::new(),
            raw_delivery: false,
            filter_policy: String::new(),
            filter_scope: "MessageAttributes".into(),
            dead_letter_queue: String::new(),
            message: String::new(),
            subject: String::new(),
            json_structure: false,
            group_id: String::new(),
            deduplication_id: String::new(),
            attributes: vec![AttributeRow::default()],
            latency_ms: String::new(),
            error_percent: String::new(),
        }
    }
}

/// The outcomes the SNS panels show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnsFeedback {
    pub create: Feedback,
    pub subscribe: Feedback,
    pub publish: Feedback,
    /// Confirm, unsubscribe, endpoint settings, delete topic.
    pub inspector: Feedback,
    /// The access fix (shown under the topology's warnings).
    pub access: Feedback,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnsAction {
    EditTopicName(String),
    SetTopicFifo(bool),
    SetTopicContentDedup(bool),
    CreateTopic,
    DeleteTopic(String),
    SelectTopic(String),
    SelectSubscription(String),
    ChooseProtocol(String),
    EditEndpoint(String),
    SetRawDelivery(bool),
    EditFilterPolicy(String),
    ChooseFilterScope(String),
    ChooseDeadLetterQueue(String),
    Subscribe,
    Confirm(String),
    Unsubscribe(String),
    EditMessage(String),
    EditSubject(String),
    SetJsonStructure(bool),
    EditGroupId(String),
    EditDeduplicationId(String),
    EditAttribute(usize, AttributeField, String),
    AddAttribute,
    RemoveAttribute(usize),
    Publish,
    /// Up or down at once (the checkbox), for the selected subscription's endpoint.
    SetEndpointAvailable(bool),
    EditLatency(String),
    EditErrorPercent(String),
    SaveEndpoint,
    /// Adds the statement that lets `topic` send to `queue` to the queue's access policy.
    AddMissingStatement {
        queue: String,
        topic_arn: String,
    },
}

/// The name CreateTopic gets: with `.fifo` added for a FIFO topic that lacks it.
pub fn topic_name_to_create(d: &SnsDrafts) -> String {
    let name = d.topic_name.trim();
    if d.topic_fifo && !name.is_empty() && !name.ends_with(".fifo") {
        format!("{name}.fifo")
    } else {
        name.to_string()
    }
}

impl AppState {
    pub(super) fn sns_act(&mut self, action: SnsAction) {
        let d = &mut self.sns_drafts;
        match action {
            SnsAction::EditTopicName(s) => d.topic_name = s,
            SnsAction::SetTopicFifo(on) => d.topic_fifo = on,
            SnsAction::SetTopicContentDedup(on) => d.topic_content_dedup = on,
            SnsAction::CreateTopic => self.create_topic(),
            SnsAction::DeleteTopic(arn) => self.delete_topic(arn),
            SnsAction::SelectTopic(arn) => {
                self.inspect = Some(Inspect::Topic(arn));
                self.sns_feedback = SnsFeedback::default();
            }
            SnsAction::SelectSubscription(arn) => self.select_subscription(arn),
            SnsAction::ChooseProtocol(p) => {
                if p != d.protocol {
                    d.endpoint.clear();
                    if !matches!(p.as_str(), "sqs" | "http" | "https") {
                        d.raw_delivery = false;
                    }
                }
                d.protocol = p;
            }
            SnsAction::EditEndpoint(s) => d.endpoint = s,
            SnsAction::SetRawDelivery(on) => d.raw_delivery = on,
            SnsAction::EditFilterPolicy(s) => d.filter_policy = s,
            SnsAction::ChooseFilterScope(s) => d.filter_scope = s,
            SnsAction::ChooseDeadLetterQueue(s) => d.dead_letter_queue = s,
            SnsAction::Subscribe => self.subscribe(),
            SnsAction::Confirm(arn) => self.confirm(arn),
            SnsAction::Unsubscribe(arn) => self.unsubscribe(arn),
            SnsAction::EditMessage(s) => d.message = s,
            SnsAction::EditSubject(s) => d.subject = s,
            SnsAction::SetJsonStructure(on) => d.json_structure = on,
            SnsAction::EditGroupId(s) => d.group_id = s,
            SnsAction::EditDeduplicationId(s) => d.deduplication_id = s,
            SnsAction::EditAttribute(row, field, value) => {
                if let Some(r) = d.attributes.get_mut(row) {
                    match field {
                        AttributeField::Name => r.name = value,
                        AttributeField::Type => r.data_type = value,
                        AttributeField::Value => r.value = value,
                    }
                }
            }
            SnsAction::AddAttribute => d.attributes.push(AttributeRow::default()),
            SnsAction::RemoveAttribute(row) => {
                if row < d.attributes.len() {
                    d.attributes.remove(row);
                }
                if d.attributes.is_empty() {
                    d.attributes.push(AttributeRow::default());
                }
            }
            SnsAction::Publish => self.publish(),
            SnsAction::SetEndpointAvailable(on) => self.set_endpoint(Some(on)),
            SnsAction::EditLatency(s) => d.latency_ms = s,
            SnsAction::EditErrorPercent(s) => d.error_percent = s,
            SnsAction::SaveEndpoint => self.set_endpoint(None),
            SnsAction::AddMissingStatement { queue, topic_arn } => {
                self.add_missing_statement(&queue, &topic_arn)
            }
        }
    }

    /// The topic the inspector shows, or the topic of the subscription it shows.
    pub fn inspected_topic_arn(&self) -> Option<String> {
        match self.inspect.as_ref()? {
            Inspect::Topic(arn) => Some(arn.clone()),
            Inspect::Subscription(arn) => self
                .engine
                .borrow()
                .subscription(arn)
                .map(|s| s.topic_arn.clone()),
        }
    }

    fn create_topic(&mut self) {
        let d = &self.sns_drafts;
        let name = topic_name_to_create(d);
        let mut attributes = BTreeMap::new();
        if d.topic_fifo {
            attributes.insert("FifoTopic".to_string(), "true".to_string());
            if d.topic_content_dedup {
                attributes.insert("ContentBasedDeduplication".into(), "true".into());
            }
        }
        let result = self.engine.borrow_mut().apply(Command::CreateTopic {
            name: name.clone(),
            attributes,
            tags: BTreeMap::new(),
        });
        self.sns_feedback.create = match result {
            Ok(Reply::TopicArn(arn)) => {
                self.sns_drafts.topic_name.clear();
                self.inspect = Some(Inspect::Topic(arn));
                Feedback::Done(format!("Topic {name} created."))
            }
            Ok(_) => Feedback::None,
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    fn delete_topic(&mut self, topic_arn: String) {
        let result = self
            .engine
            .borrow_mut()
            .apply(Command::DeleteTopic { topic_arn });
        self.sns_feedback.inspector = match result {
            Ok(_) => {
                self.inspect = None;
                Feedback::None
            }
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    fn select_subscription(&mut self, arn: String) {
        let settings = {
            let engine = self.engine.borrow();
            engine
                .subscription(&arn)
                .and_then(|s| engine.endpoint(&s.endpoint))
                .map(|e| e.settings)
        };
        if let Some(s) = settings {
            self.sns_drafts.latency_ms = s.latency_ms.to_string();
            self.sns_drafts.error_percent = s.error_percent.to_string();
        }
        self.inspect = Some(Inspect::Subscription(arn));
        self.sns_feedback.inspector = Feedback::None;
    }

    fn subscribe(&mut self) {
        let Some(topic_arn) = self.inspected_topic_arn() else {
            return;
        };
        let d = &self.sns_drafts;
        let mut attributes = BTreeMap::new();
        if d.raw_delivery {
            attributes.insert("RawMessageDelivery".to_string(), "true".to_string());
        }
        if !d.filter_policy.trim().is_empty() {
            attributes.insert("FilterPolicy".into(), d.filter_policy.clone());
            attributes.insert("FilterPolicyScope".into(), d.filter_scope.clone());
        }
        if !d.dead_letter_queue.is_empty() {
            attributes.insert(
                "RedrivePolicy".into(),
                serde_json::json!({ "deadLetterTargetArn": d.dead_letter_queue }).to_string(),
            );
        }
        let protocol = d.protocol.clone();
        let result = self.engine.borrow_mut().apply(Command::Subscribe {
            topic_arn,
            protocol: protocol.clone(),
            endpoint: optional(&d.endpoint),
            attributes,
            return_subscription_arn: true,
        });
        self.sns_feedback.subscribe = match result {
            Ok(Reply::SubscriptionArn(arn)) => {
                let pending = self
                    .engine
                    .borrow()
                    .subscription(&arn)
                    .is_some_and(|s| !s.confirmed);
                let d = &mut self.sns_drafts;
                d.endpoint.clear();
                d.filter_policy.clear();
                d.raw_delivery = false;
                d.dead_letter_queue.clear();
                Feedback::Done(if pending {
                    format!("Subscription created: pending confirmation. The {protocol} endpoint got a confirmation request; open the subscription to confirm it.")
                } else {
                    format!("Subscription created: {arn}")
                })
            }
            Ok(_) => Feedback::None,
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    /// The endpoint's owner follows the link in the confirmation request: ConfirmSubscription
    /// with the token the request carried.
    fn confirm(&mut self, arn: String) {
        let command = {
            let engine = self.engine.borrow();
            engine
                .subscription(&arn)
                .map(|s| Command::ConfirmSubscription {
                    topic_arn: s.topic_arn.clone(),
                    token: s.token.clone(),
                    authenticate_on_unsubscribe: None,
                })
        };
        let Some(command) = command else {
            return;
        };
        let result = self.engine.borrow_mut().apply(command);
        self.sns_feedback.inspector = match result {
            Ok(_) => Feedback::Done(
                "Subscription confirmed: messages published from now on are delivered.".into(),
            ),
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    fn unsubscribe(&mut self, subscription_arn: String) {
        let topic = self.inspected_topic_arn();
        let result = self
            .engine
            .borrow_mut()
            .apply(Command::Unsubscribe { subscription_arn });
        self.sns_feedback.inspector = match result {
            Ok(_) => {
                self.inspect = topic.map(Inspect::Topic);
                Feedback::Done("Unsubscribed.".into())
            }
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    /// The publish panel's message attributes; empty rows are left out.
    fn publish_attributes(&self) -> Result<crate::engine::MessageAttributes, Problem> {
        let mut attributes = crate::engine::MessageAttributes::new();
        for row in &self.sns_drafts.attributes {
            let name = row.name.trim();
            if name.is_empty() && row.value.is_empty() {
                continue;
            }
            attributes.insert(
                name.to_string(),
                attribute_value(&row.data_type, &row.value)?,
            );
        }
        Ok(attributes)
    }

    fn publish(&mut self) {
        let Some(topic_arn) = self.inspected_topic_arn() else {
            return;
        };
        let fifo = topic_arn.ends_with(".fifo");
        let message_attributes = match self.publish_attributes() {
            Ok(a) => a,
            Err(p) => {
                self.sns_feedback.publish = Feedback::Failed(p);
                return;
            }
        };
        let d = &self.sns_drafts;
        let input = PublishInput {
            message: d.message.clone(),
            subject: optional(&d.subject),
            message_structure: d.json_structure.then(|| "json".to_string()),
            message_attributes,
            message_deduplication_id: if fifo {
                optional(&d.deduplication_id)
            } else {
                None
            },
            message_group_id: optional(&d.group_id),
        };
        let before = self.engine.borrow().trace().len();
        let result = self
            .engine
            .borrow_mut()
            .apply(Command::Publish { topic_arn, input });
        self.sns_feedback.publish = match result {
            Ok(Reply::Published(r)) => {
                self.sns_drafts.message.clear();
                self.sns_drafts.deduplication_id.clear();
                let engine = self.engine.borrow();
                let outcome = engine.trace().since(before).iter().find_map(|e| match &e.event {
                    Event::Published {
                        deliveries,
                        filtered_out,
                        ..
                    } => Some(format!(
                        ": {deliveries} {}, {filtered_out} filtered out",
                        if *deliveries == 1 { "delivery" } else { "deliveries" }
                    )),
                    Event::PublishDeduplicated { .. } => Some(
                        ": a duplicate of a message published less than 5 minutes ago, so nothing was delivered again"
                            .into(),
                    ),
                    _ => None,
                });
                Feedback::Done(format!(
                    "Message published. ID: {}{}",
                    r.message_id,
                    outcome.unwrap_or_default()
                ))
            }
            Ok(_) => Feedback::None,
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    /// SetEndpoint for the selected subscription's endpoint: `available` from the toggle,
    /// or the latency and error rate typed.
    fn set_endpoint(&mut self, available: Option<bool>) {
        let Some(Inspect::Subscription(arn)) = &self.inspect else {
            return;
        };
        let current = {
            let engine = self.engine.borrow();
            engine.subscription(arn).map(|s| {
                let settings = engine
                    .endpoint(&s.endpoint)
                    .map(|e| e.settings)
                    .unwrap_or_default();
                (s.endpoint.clone(), settings)
            })
        };
        let Some((endpoint, mut settings)) = current else {
            return;
        };
        match available {
            Some(on) => settings.available = on,
            None => {
                let number = |name: &str, text: &str, max: u64| {
                    text.trim()
                        .parse::<u64>()
                        .ok()
                        .filter(|n| *n <= max)
                        .ok_or_else(|| {
                            Problem::client_side(format!(
                                "{name} must be a whole number from 0 to {max}, not \"{}\"",
                                text.trim()
                            ))
                        })
                };
                let d = &self.sns_drafts;
                let parsed = number("Latency", &d.latency_ms, 3_600_000).and_then(|latency| {
                    number("Error rate", &d.error_percent, 100).map(|e| (latency, e))
                });
                match parsed {
                    Ok((latency_ms, error_percent)) => {
                        settings.latency_ms = latency_ms;
                        settings.error_percent = error_percent as u32;
                    }
                    Err(p) => {
                        self.sns_feedback.inspector = Feedback::Failed(p);
                        return;
                    }
                }
            }
        }
        let result = self.engine.borrow_mut().apply(Command::SetEndpoint {
            endpoint: endpoint.to_string(),
            settings,
        });
        self.sns_feedback.inspector = match result {
            Ok(_) => Feedback::Done(match available {
                Some(true) => "The endpoint is up: attempts from now on can succeed.".into(),
                Some(false) => {
                    "The endpoint is down: every attempt fails and is retried on the subscription's retry policy."
                        .into()
                }
                None => "Endpoint settings saved.".into(),
            }),
            Err(e) => Feedback::Failed(e.into()),
        };
    }

    /// SetQueueAttributes with the queue's policy plus a statement allowing the topic to
    /// send to it (the console's "allow the topic" fix).
    fn add_missing_statement(&mut self, queue: &str, topic_arn: &str) {
        let found = {
            let engine = self.engine.borrow();
            engine
                .queue_by_name(queue)
                .map(|q| (q.url.clone(), q.arn.clone(), q.attributes.policy.clone()))
        };
        let Some((queue_url, queue_arn, policy)) = found else {
            return;
        };
        let statement = allow_topic_statement(&queue_arn, topic_arn);
        let policy = with_statement(policy.as_deref(), statement);
        let result = self.engine.borrow_mut().apply(Command::SetQueueAttributes {
            queue_url,
            attributes: BTreeMap::from([("Policy".to_string(), policy)]),
        });
        self.sns_feedback.access = match result {
            Ok(_) => Feedback::Done(format!(
                "Added a statement to {queue}'s access policy: sns.amazonaws.com may call sqs:SendMessage when aws:SourceArn is {topic_arn}. The next publish to {} is delivered.",
                name_of(topic_arn)
            )),
            Err(e) => Feedback::Failed(e.into()),
        };
    }
}
