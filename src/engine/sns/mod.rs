//! SNS: topics, subscriptions, publishing and delivery to simulated endpoints.
//!
//! A publish is checked completely, then fanned out: each confirmed subscription whose
//! filter policy matches gets a [`Delivery`], an agenda entry that attempts it after the
//! endpoint's latency. A delivery to an SQS queue goes through the same `SendMessage` as
//! any producer (so every SQS rule applies) after the queue's access policy is evaluated.
//! Failed attempts are retried on the subscription's retry policy; client errors and
//! exhausted retries go to the subscription's dead-letter queue, or are lost.
//!
//! Codemap: `topics` (create, delete, list, attributes, tags), `subscriptions` (subscribe,
//! confirm, unsubscribe, list, attributes, endpoints), `publish` (publish, batch, FIFO
//! deduplication, fanout), `deliver` (attempts, envelopes, retries, dead-letter queues).
//! This module does not parse policies itself: `filter_policy`, `access_policy` and
//! `delivery_policy` do.

mod deliver;
mod publish;
mod subscriptions;
mod topics;

pub use deliver::envelope;
pub use subscriptions::SUBSCRIPTION_ATTRIBUTES;
pub use topics::SETTABLE as SETTABLE_TOPIC_ATTRIBUTES;

use super::access_policy::PolicyDocument;
use super::command::{EndpointSettings, PublishResult};
use super::deduplication::DeduplicationWindow;
use super::delivery_policy::SubscriptionDeliveryPolicy;
use super::error::{ErrorCode, SqsError};
use super::filter_policy::{FilterPolicy, FilterPolicyScope};
use super::message_attributes::MessageAttributes;
use super::message_id::MessageId;
use super::queue::QueueId;
use super::time::SimTime;
use super::{Command, Engine, Reply};
use serde::Serialize;
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

pub type DeliveryId = u64;

/// A topic. Settable attributes are kept as the caller wrote them (SNS echoes them).
#[derive(Clone, Debug)]
pub struct Topic {
    pub name: Arc<str>,
    pub arn: String,
    pub fifo: bool,
    pub attributes: BTreeMap<String, String>,
    pub tags: BTreeMap<String, String>,
    pub subscriptions_deleted: u64,
    sequence: u64,
    /// FIFO: deduplication id -> what the first publish answered, for 5 minutes.
    deduplication: DeduplicationWindow<String, PublishResult>,
    /// The `Policy` attribute parsed (None if absent or unreadable), kept in step with it
    /// by `refresh_access_policy`: every publish checks it, and parsing its JSON each
    /// time was a fifth of a publish's cost.
    access_policy: Option<PolicyDocument>,
}

impl Topic {
    /// Parses the `Policy` attribute again; called wherever it is set.
    fn refresh_access_policy(&mut self) {
        self.access_policy = self
            .attributes
            .get("Policy")
            .and_then(|p| PolicyDocument::parse(p).ok());
    }
    pub fn content_based_deduplication(&self) -> bool {
        self.attributes
            .get("ContentBasedDeduplication")
            .is_some_and(|v| v == "true")
    }
    pub fn display_name(&self) -> &str {
        self.attributes
            .get("DisplayName")
            .map_or("", String::as_str)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Protocol {
    Sqs,
    Lambda,
    Http,
    Https,
    Email,
    EmailJson,
    Sms,
}

impl Protocol {
    pub const ALL: [Protocol; 7] = [
        Protocol::Sqs,
        Protocol::Lambda,
        Protocol::Http,
        Protocol::Https,
        Protocol::Email,
        Protocol::EmailJson,
        Protocol::Sms,
    ];
    pub fn parse(s: &str) -> Option<Protocol> {
        Protocol::ALL.into_iter().find(|p| p.name() == s)
    }
    pub fn name(self) -> &'static str {
        match self {
            Protocol::Sqs => "sqs",
            Protocol::Lambda => "lambda",
            Protocol::Http => "http",
            Protocol::Https => "https",
            Protocol::Email => "email",
            Protocol::EmailJson => "email-json",
            Protocol::Sms => "sms",
        }
    }
    /// The endpoint's owner must confirm before deliveries start.
    pub fn needs_confirmation(self) -> bool {
        matches!(
            self,
            Protocol::Http | Protocol::Https | Protocol::Email | Protocol::EmailJson
        )
    }
    /// Raw message delivery exists for these only.
    pub fn supports_raw(self) -> bool {
        matches!(self, Protocol::Sqs | Protocol::Http | Protocol::Https)
    }
    /// Latency a new simulated endpoint starts with: queues and functions are in-region
    /// and take the delivery at once; the rest are somewhere on the internet.
    pub fn default_latency_ms(self) -> u64 {
        match self {
            Protocol::Sqs | Protocol::Lambda => 0,
            Protocol::Http | Protocol::Https => 100,
            Protocol::Email | Protocol::EmailJson | Protocol::Sms => 1000,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Subscription {
    pub arn: Arc<str>,
    pub topic_arn: String,
    pub protocol: Protocol,
    pub endpoint: Arc<str>,
    pub confirmed: bool,
    /// Unsubscribing needs the owner's credentials (AuthenticateOnUnsubscribe=true, or a
    /// protocol that needs no confirmation).
    pub confirmation_was_authenticated: bool,
    /// What the confirmation request carried; `ConfirmSubscription` must quote it.
    pub token: String,
    pub raw_message_delivery: bool,
    /// The policy text as given, and parsed.
    pub filter_policy: Option<(String, FilterPolicy)>,
    pub filter_policy_scope: FilterPolicyScope,
    /// The RedrivePolicy text as given, and its `deadLetterTargetArn`.
    pub redrive_policy: Option<(String, String)>,
    /// The DeliveryPolicy text as given, and parsed.
    pub delivery_policy: Option<(String, SubscriptionDeliveryPolicy)>,
    /// Other attributes kept as given (SubscriptionRoleArn).
    pub other_attributes: BTreeMap<String, String>,
}

/// A published message, shared by every delivery of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Notification {
    pub message_id: MessageId,
    pub topic_arn: String,
    /// The topic's name, shared with it: every event of every delivery names it.
    pub topic: Arc<str>,
    pub subject: Option<String>,
    pub message: Arc<str>,
    /// `MessageStructure=json`: a body per protocol (`default` is `message`).
    pub per_protocol: BTreeMap<String, Arc<str>>,
    pub attributes: Arc<MessageAttributes>,
    pub published_at: SimTime,
    pub group_id: Option<String>,
    pub deduplication_id: Option<String>,
    pub sequence_number: Option<String>,
}

impl Notification {
    /// The body a subscriber of `protocol` gets.
    pub fn body_for(&self, protocol: Protocol) -> &Arc<str> {
        self.per_protocol
            .get(protocol.name())
            .unwrap_or(&self.message)
    }
}

/// One message on its way to one subscription.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub subscription_arn: Arc<str>,
    pub notification: Arc<Notification>,
    /// Attempts made so far.
    pub attempts: u32,
    /// When the next attempt lands (a retry countdown in the page).
    pub next_attempt_at: SimTime,
}

/// What a simulated endpoint received (notifications and confirmation requests).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InboxEntry {
    pub at: SimTime,
    pub subscription: String,
    /// `Notification` or `SubscriptionConfirmation`.
    pub kind: &'static str,
    pub body: Arc<str>,
}

#[derive(Clone, Debug, Default)]
pub struct Endpoint {
    pub settings: EndpointSettings,
    /// The latest deliveries, newest last (queues keep theirs in the queue instead).
    pub inbox: VecDeque<InboxEntry>,
}

/// How many inbox entries an endpoint keeps.
const INBOX_LIMIT: usize = 100;
/// Lists are returned 100 items a page.
const PAGE: usize = 100;

/// Everything SNS keeps. Ordered maps only: iteration order is part of the behaviour.
#[derive(Default)]
pub(super) struct SnsState {
    topics: BTreeMap<String, Topic>,
    /// By creation order (the order `ListSubscriptions` and fanout use). Shared, so a
    /// delivery attempt holds its subscription without copying it.
    subscriptions: BTreeMap<u64, Arc<Subscription>>,
    by_arn: BTreeMap<String, u64>,
    next_subscription: u64,
    endpoints: BTreeMap<String, Endpoint>,
    deliveries: BTreeMap<DeliveryId, Delivery>,
    next_delivery: DeliveryId,
    /// Queue access policies as last parsed for a delivery, with the text they came from:
    /// a queue's policy is set by SQS actions (create, set attributes, import), so each
    /// delivery compares the text instead of parsing the JSON again.
    queue_policies: BTreeMap<QueueId, (String, Option<PolicyDocument>)>,
}

impl SnsState {
    /// The parsed access policy `text` of `queue` (None if it does not parse).
    fn queue_policy(&mut self, queue: QueueId, text: &str) -> Option<&PolicyDocument> {
        let known = self
            .queue_policies
            .get(&queue)
            .is_some_and(|(t, _)| t == text);
        if !known {
            let parsed = PolicyDocument::parse(text).ok();
            self.queue_policies
                .insert(queue, (text.to_string(), parsed));
        }
        self.queue_policies
            .get(&queue)
            .and_then(|(_, p)| p.as_ref())
    }
}

fn topic_not_found() -> SqsError {
    SqsError::new(ErrorCode::NotFound, "Topic does not exist")
}

fn subscription_not_found() -> SqsError {
    SqsError::new(ErrorCode::NotFound, "Subscription does not exist")
}

/// The last part of an ARN: a topic's or queue's name, a subscription's id.
pub(super) fn resource_name(arn: &str) -> &str {
    arn.rsplit(':').next().unwrap_or_default()
}

pub(super) fn topic_arn(name: &str) -> String {
    use super::attributes::{ACCOUNT_ID, REGION};
    format!("arn:aws:sns:{REGION}:{ACCOUNT_ID}:{name}")
}

/// Pages of `PAGE` items; the token is the index of the next item.
fn page<T: Clone>(
    items: Vec<T>,
    next_token: Option<&str>,
) -> Result<(Vec<T>, Option<String>), SqsError> {
    let start = match next_token {
        None => 0,
        Some(t) => t
            .parse::<usize>()
            .ok()
            .filter(|&n| n <= items.len())
            .ok_or_else(|| SqsError::invalid_parameter("NextToken"))?,
    };
    let end = (start + PAGE).min(items.len());
    let token = (end < items.len()).then(|| end.to_string());
    Ok((items[start..end].to_vec(), token))
}

impl Engine {
    pub fn topics(&self) -> impl Iterator<Item = &Topic> {
        self.sns.topics.values()
    }
    pub fn topic_by_arn(&self, arn: &str) -> Option<&Topic> {
        let name = arn.rsplit(':').next()?;
        self.sns.topics.get(name).filter(|t| t.arn == arn)
    }
    /// In the order they were created.
    pub fn subscriptions(&self) -> impl Iterator<Item = &Subscription> {
        self.sns.subscriptions.values().map(|s| &**s)
    }
    pub fn subscription(&self, arn: &str) -> Option<&Subscription> {
        self.sns
            .by_arn
            .get(arn)
            .map(|k| &*self.sns.subscriptions[k])
    }
    pub fn endpoints(&self) -> impl Iterator<Item = (&String, &Endpoint)> {
        self.sns.endpoints.iter()
    }
    pub fn endpoint(&self, endpoint: &str) -> Option<&Endpoint> {
        self.sns.endpoints.get(endpoint)
    }
    /// Deliveries waiting for their next attempt (first attempts and retries).
    pub fn deliveries(&self) -> impl Iterator<Item = (&DeliveryId, &Delivery)> {
        self.sns.deliveries.iter()
    }

    fn topic_name(&self, arn: &str) -> Result<Arc<str>, SqsError> {
        self.topic_by_arn(arn)
            .map(|t| t.name.clone())
            .ok_or_else(topic_not_found)
    }

    pub(super) fn handle_sns_command(&mut self, command: Command) -> Result<Reply, SqsError> {
        match command {
            Command::CreateTopic {
                name,
                attributes,
                tags,
            } => self.handle_create_topic(&name, &attributes, &tags),
            Command::DeleteTopic { topic_arn } => self.handle_delete_topic(&topic_arn),
            Command::ListTopics { next_token } => {
                let arns = self.topics().map(|t| t.arn.clone()).collect();
                let (topic_arns, next_token) = page(arns, next_token.as_deref())?;
                Ok(Reply::Topics {
                    topic_arns,
                    next_token,
                })
            }
            Command::GetTopicAttributes { topic_arn } => {
                self.handle_get_topic_attributes(&topic_arn)
            }
            Command::SetTopicAttributes {
                topic_arn,
                attribute_name,
                attribute_value,
            } => self.handle_set_topic_attributes(
                &topic_arn,
                &attribute_name,
                attribute_value.as_deref().unwrap_or(""),
            ),
            Command::Subscribe {
                topic_arn,
                protocol,
                endpoint,
                attributes,
                return_subscription_arn,
            } => self.handle_subscribe(
                &topic_arn,
                &protocol,
                endpoint.as_deref(),
                &attributes,
                return_subscription_arn,
            ),
            Command::ConfirmSubscription {
                topic_arn,
                token,
                authenticate_on_unsubscribe,
            } => self.handle_confirm_subscription(
                &topic_arn,
                &token,
                authenticate_on_unsubscribe.is_some_and(|a| a.eq_ignore_ascii_case("true")),
            ),
            Command::Unsubscribe { subscription_arn } => self.handle_unsubscribe(&subscription_arn),
            Command::ListSubscriptions { next_token } => {
                self.handle_list_subscriptions(None, next_token.as_deref())
            }
            Command::ListSubscriptionsByTopic {
                topic_arn,
                next_token,
            } => self.handle_list_subscriptions(Some(&topic_arn), next_token.as_deref()),
            Command::GetSubscriptionAttributes { subscription_arn } => {
                self.handle_get_subscription_attributes(&subscription_arn)
            }
            Command::SetSubscriptionAttributes {
                subscription_arn,
                attribute_name,
                attribute_value,
            } => self.handle_set_subscription_attributes(
                &subscription_arn,
                &attribute_name,
                attribute_value.as_deref().unwrap_or(""),
            ),
            Command::Publish { topic_arn, input } => {
                self.handle_publish(&topic_arn, input).map(Reply::Published)
            }
            Command::PublishBatch { topic_arn, entries } => {
                self.handle_publish_batch(&topic_arn, entries)
            }
            Command::TagResource { resource_arn, tags } => {
                self.handle_tag_resource(&resource_arn, &tags)
            }
            Command::UntagResource {
                resource_arn,
                tag_keys,
            } => self.handle_untag_resource(&resource_arn, &tag_keys),
            Command::ListTagsForResource { resource_arn } => {
                let name = self.tagged_topic(&resource_arn)?;
                Ok(Reply::ResourceTags(self.sns.topics[&*name].tags.clone()))
            }
            Command::SetEndpoint { endpoint, settings } => {
                self.handle_set_endpoint(&endpoint, settings)
            }
            other => unreachable!("not an SNS command: {}", other.operation()),
        }
    }
}
