//! What drivers ask of the engine (`Command`) and what it answers (`Reply`).
//!
//! Fields are named after the SQS API parameters and carry values as a caller gave them
//! (strings, signed integers): checking them is the engine's job, so both drivers get the
//! same errors.

use super::md5_digest::Md5Digest;
use super::message::ReceivedMessage;
use super::message_attributes::MessageAttributes;
use super::message_id::MessageId;
use serde::Serialize;
use std::collections::BTreeMap;

pub type PollId = u64;

/// One message to send: the parameters `SendMessage` and each `SendMessageBatch` entry share.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(default)]
pub struct MessageInput {
    pub message_body: String,
    pub delay_seconds: Option<i64>,
    pub message_attributes: MessageAttributes,
    /// Only `AWSTraceHeader` exists.
    pub message_system_attributes: MessageAttributes,
    pub message_deduplication_id: Option<String>,
    pub message_group_id: Option<String>,
}

impl MessageInput {
    pub fn body(body: impl Into<String>) -> MessageInput {
        MessageInput {
            message_body: body.into(),
            ..Default::default()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SendMessageBatchEntry {
    pub id: String,
    #[serde(flatten)]
    pub message: MessageInput,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeleteMessageBatchEntry {
    pub id: String,
    pub receipt_handle: String,
}

/// The Ids of a batch's entries when a program numbers them: a batch holds at most ten,
/// and copying a digit spares core::fmt (about 100 instructions an id).
pub const BATCH_ENTRY_IDS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

impl DeleteMessageBatchEntry {
    /// One entry per receipt handle, with ids `0`, `1`, ...: what a program that deletes
    /// the batch it received sends (the actors' consumers and the benchmarks).
    pub fn numbered(receipt_handles: Vec<String>) -> Vec<DeleteMessageBatchEntry> {
        receipt_handles
            .into_iter()
            .enumerate()
            .map(|(i, receipt_handle)| DeleteMessageBatchEntry {
                id: BATCH_ENTRY_IDS
                    .get(i)
                    .map_or_else(|| i.to_string(), |d| (*d).to_string()),
                receipt_handle,
            })
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeMessageVisibilityBatchEntry {
    pub id: String,
    pub receipt_handle: String,
    pub visibility_timeout: Option<i64>,
}

/// `ReceiveMessage`'s parameters; `Default` is a plain short poll for one message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(default)]
pub struct ReceiveInput {
    pub max_number_of_messages: Option<i64>,
    pub visibility_timeout: Option<i64>,
    pub wait_time_seconds: Option<i64>,
    /// System attributes to return (`All`, `ApproximateReceiveCount`, ...).
    pub attribute_names: Vec<String>,
    /// Message attributes to return (`All`, `.*`, `prefix.*` or names).
    pub message_attribute_names: Vec<String>,
    pub receive_request_attempt_id: Option<String>,
}

/// One message to publish: the parameters `Publish` and each `PublishBatch` entry share.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(default)]
pub struct PublishInput {
    pub message: String,
    pub subject: Option<String>,
    /// `json`: `message` is a JSON object of per-protocol bodies with a required `default`.
    pub message_structure: Option<String>,
    pub message_attributes: MessageAttributes,
    pub message_deduplication_id: Option<String>,
    pub message_group_id: Option<String>,
}

impl PublishInput {
    pub fn message(message: impl Into<String>) -> PublishInput {
        PublishInput {
            message: message.into(),
            ..Default::default()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublishBatchEntry {
    pub id: String,
    #[serde(flatten)]
    pub input: PublishInput,
}

/// How a simulated subscriber endpoint behaves (a Fanout control, not an AWS API).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EndpointSettings {
    /// Down: every delivery attempt fails as a server error and is retried.
    pub available: bool,
    /// How long after publishing (or after a retry's delay) an attempt lands.
    pub latency_ms: u64,
    /// Percent of attempts that fail with a server error while available.
    pub error_percent: u32,
}

impl Default for EndpointSettings {
    fn default() -> Self {
        EndpointSettings {
            available: true,
            latency_ms: 0,
            error_percent: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "action")]
pub enum Command {
    CreateQueue {
        queue_name: String,
        attributes: BTreeMap<String, String>,
        #[serde(default)]
        tags: BTreeMap<String, String>,
    },
    DeleteQueue {
        queue_url: String,
    },
    GetQueueUrl {
        queue_name: String,
    },
    ListQueues {
        queue_name_prefix: Option<String>,
        max_results: Option<i64>,
        next_token: Option<String>,
    },
    SendMessage {
        queue_url: String,
        #[serde(flatten)]
        message: MessageInput,
    },
    SendMessageBatch {
        queue_url: String,
        entries: Vec<SendMessageBatchEntry>,
    },
    ReceiveMessage {
        queue_url: String,
        #[serde(flatten)]
        input: ReceiveInput,
    },
    DeleteMessage {
        queue_url: String,
        receipt_handle: String,
    },
    DeleteMessageBatch {
        queue_url: String,
        entries: Vec<DeleteMessageBatchEntry>,
    },
    ChangeMessageVisibility {
        queue_url: String,
        receipt_handle: String,
        visibility_timeout: i64,
    },
    ChangeMessageVisibilityBatch {
        queue_url: String,
        entries: Vec<ChangeMessageVisibilityBatchEntry>,
    },
    GetQueueAttributes {
        queue_url: String,
        attribute_names: Vec<String>,
    },
    SetQueueAttributes {
        queue_url: String,
        attributes: BTreeMap<String, String>,
    },
    PurgeQueue {
        queue_url: String,
    },
    TagQueue {
        queue_url: String,
        tags: BTreeMap<String, String>,
    },
    UntagQueue {
        queue_url: String,
        tag_keys: Vec<String>,
    },
    ListQueueTags {
        queue_url: String,
    },
    AddPermission {
        queue_url: String,
        label: String,
        aws_account_ids: Vec<String>,
        actions: Vec<String>,
    },
    RemovePermission {
        queue_url: String,
        label: String,
    },
    ListDeadLetterSourceQueues {
        queue_url: String,
        max_results: Option<i64>,
        next_token: Option<String>,
    },
    StartMessageMoveTask {
        source_arn: String,
        destination_arn: Option<String>,
        max_number_of_messages_per_second: Option<i64>,
    },
    ListMessageMoveTasks {
        source_arn: String,
        max_results: Option<i64>,
    },
    CancelMessageMoveTask {
        task_handle: String,
    },
    // ---- SNS ----
    CreateTopic {
        name: String,
        #[serde(default)]
        attributes: BTreeMap<String, String>,
        #[serde(default)]
        tags: BTreeMap<String, String>,
    },
    DeleteTopic {
        topic_arn: String,
    },
    ListTopics {
        next_token: Option<String>,
    },
    GetTopicAttributes {
        topic_arn: String,
    },
    SetTopicAttributes {
        topic_arn: String,
        attribute_name: String,
        attribute_value: Option<String>,
    },
    Subscribe {
        topic_arn: String,
        protocol: String,
        endpoint: Option<String>,
        #[serde(default)]
        attributes: BTreeMap<String, String>,
        #[serde(default)]
        return_subscription_arn: bool,
    },
    ConfirmSubscription {
        topic_arn: String,
        token: String,
        #[serde(default)]
        authenticate_on_unsubscribe: Option<String>,
    },
    Unsubscribe {
        subscription_arn: String,
    },
    ListSubscriptions {
        next_token: Option<String>,
    },
    ListSubscriptionsByTopic {
        topic_arn: String,
        next_token: Option<String>,
    },
    GetSubscriptionAttributes {
        subscription_arn: String,
    },
    SetSubscriptionAttributes {
        subscription_arn: String,
        attribute_name: String,
        attribute_value: Option<String>,
    },
    Publish {
        topic_arn: String,
        #[serde(flatten)]
        input: PublishInput,
    },
    PublishBatch {
        topic_arn: String,
        entries: Vec<PublishBatchEntry>,
    },
    TagResource {
        resource_arn: String,
        tags: BTreeMap<String, String>,
    },
    UntagResource {
        resource_arn: String,
        tag_keys: Vec<String>,
    },
    ListTagsForResource {
        resource_arn: String,
    },
    /// Fanout control: how the simulated endpoint (URL, address, number, function or
    /// queue ARN) behaves.
    SetEndpoint {
        endpoint: String,
        settings: EndpointSettings,
    },
}

impl Command {
    /// The API operation name, as in `when calling the GetQueueUrl operation`.
    pub fn operation(&self) -> &'static str {
        match self {
            Command::CreateQueue { .. } => "CreateQueue",
            Command::DeleteQueue { .. } => "DeleteQueue",
            Command::GetQueueUrl { .. } => "GetQueueUrl",
            Command::ListQueues { .. } => "ListQueues",
            Command::SendMessage { .. } => "SendMessage",
            Command::SendMessageBatch { .. } => "SendMessageBatch",
            Command::ReceiveMessage { .. } => "ReceiveMessage",
            Command::DeleteMessage { .. } => "DeleteMessage",
            Command::DeleteMessageBatch { .. } => "DeleteMessageBatch",
            Command::ChangeMessageVisibility { .. } => "ChangeMessageVisibility",
            Command::ChangeMessageVisibilityBatch { .. } => "ChangeMessageVisibilityBatch",
            Command::GetQueueAttributes { .. } => "GetQueueAttributes",
            Command::SetQueueAttributes { .. } => "SetQueueAttributes",
            Command::PurgeQueue { .. } => "PurgeQueue",
            Command::TagQueue { .. } => "TagQueue",
            Command::UntagQueue { .. } => "UntagQueue",
            Command::ListQueueTags { .. } => "ListQueueTags",
            Command::AddPermission { .. } => "AddPermission",
            Command::RemovePermission { .. } => "RemovePermission",
            Command::ListDeadLetterSourceQueues { .. } => "ListDeadLetterSourceQueues",
            Command::StartMessageMoveTask { .. } => "StartMessageMoveTask",
            Command::ListMessageMoveTasks { .. } => "ListMessageMoveTasks",
            Command::CancelMessageMoveTask { .. } => "CancelMessageMoveTask",
            Command::CreateTopic { .. } => "CreateTopic",
            Command::DeleteTopic { .. } => "DeleteTopic",
            Command::ListTopics { .. } => "ListTopics",
            Command::GetTopicAttributes { .. } => "GetTopicAttributes",
            Command::SetTopicAttributes { .. } => "SetTopicAttributes",
            Command::Subscribe { .. } => "Subscribe",
            Command::ConfirmSubscription { .. } => "ConfirmSubscription",
            Command::Unsubscribe { .. } => "Unsubscribe",
            Command::ListSubscriptions { .. } => "ListSubscriptions",
            Command::ListSubscriptionsByTopic { .. } => "ListSubscriptionsByTopic",
            Command::GetSubscriptionAttributes { .. } => "GetSubscriptionAttributes",
            Command::SetSubscriptionAttributes { .. } => "SetSubscriptionAttributes",
            Command::Publish { .. } => "Publish",
            Command::PublishBatch { .. } => "PublishBatch",
            Command::TagResource { .. } => "TagResource",
            Command::UntagResource { .. } => "UntagResource",
            Command::ListTagsForResource { .. } => "ListTagsForResource",
            Command::SetEndpoint { .. } => "SetEndpoint",
        }
    }
}

/// What `SendMessage` answers, and each successful `SendMessageBatch` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SendResult {
    pub message_id: MessageId,
    pub md5_of_message_body: Md5Digest,
    pub md5_of_message_attributes: Option<String>,
    pub md5_of_message_system_attributes: Option<String>,
    /// FIFO queues only.
    pub sequence_number: Option<String>,
}

/// One failed batch entry. `code` is the error's short code (`ReceiptHandleIsInvalid`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BatchFailure {
    pub id: String,
    pub sender_fault: bool,
    pub code: String,
    pub message: String,
}

/// A message move task as `ListMessageMoveTasks` reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoveTaskReport {
    /// Only while the task runs.
    pub task_handle: Option<String>,
    /// RUNNING, COMPLETED, CANCELLING, CANCELLED or FAILED.
    pub status: String,
    pub source_arn: String,
    pub destination_arn: Option<String>,
    pub max_number_of_messages_per_second: Option<u32>,
    pub approximate_number_of_messages_moved: u64,
    pub approximate_number_of_messages_to_move: u64,
    pub failure_reason: Option<String>,
    /// Wall-clock milliseconds (as `SentTimestamp`).
    pub started_timestamp: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Reply {
    /// CreateQueue, GetQueueUrl.
    QueueUrl(String),
    /// Actions whose response has no fields.
    Done,
    QueueUrls {
        queue_urls: Vec<String>,
        next_token: Option<String>,
    },
    MessageSent(SendResult),
    SendBatch {
        successful: Vec<(String, SendResult)>,
        failed: Vec<BatchFailure>,
    },
    Messages(Vec<ReceivedMessage>),
    /// A long poll found nothing yet: the engine parked it. Its answer appears in
    /// `Engine::take_poll_result` once a message arrives or the wait ends.
    ReceivePending(PollId),
    /// DeleteMessageBatch, ChangeMessageVisibilityBatch: the ids that succeeded.
    Batch {
        successful: Vec<String>,
        failed: Vec<BatchFailure>,
    },
    Attributes(Vec<(String, String)>),
    Tags(BTreeMap<String, String>),
    DeadLetterSourceQueues {
        queue_urls: Vec<String>,
        next_token: Option<String>,
    },
    TaskHandle(String),
    MoveTasks(Vec<MoveTaskReport>),
    /// CancelMessageMoveTask.
    MessagesMoved(u64),
    /// CreateTopic.
    TopicArn(String),
    /// Subscribe, ConfirmSubscription (`pending confirmation` while unconfirmed).
    SubscriptionArn(String),
    Topics {
        topic_arns: Vec<String>,
        next_token: Option<String>,
    },
    Subscriptions {
        subscriptions: Vec<SubscriptionSummary>,
        next_token: Option<String>,
    },
    Published(PublishResult),
    /// ListTagsForResource (SNS lists tags as Key/Value pairs).
    ResourceTags(BTreeMap<String, String>),
    PublishBatch {
        successful: Vec<(String, PublishResult)>,
        failed: Vec<BatchFailure>,
    },
}

/// What `Publish` answers, and each successful `PublishBatch` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublishResult {
    pub message_id: MessageId,
    /// FIFO topics only.
    pub sequence_number: Option<String>,
}

/// One row of `ListSubscriptions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SubscriptionSummary {
    /// `PendingConfirmation` until confirmed.
    pub subscription_arn: String,
    pub owner: String,
    pub protocol: String,
    pub endpoint: String,
    pub topic_arn: String,
}
