//! What drivers ask of the engine (`Command`) and what it answers (`Reply`).
//!
//! Fields are named after the SQS API parameters and carry values as a caller gave them
//! (strings, signed integers): checking them is the engine's job, so both drivers get the
//! same errors.

use super::message::ReceivedMessage;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub type PollId = u64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action")]
pub enum Command {
    CreateQueue {
        queue_name: String,
        attributes: BTreeMap<String, String>,
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
        message_body: String,
        delay_seconds: Option<i64>,
    },
    ReceiveMessage {
        queue_url: String,
        max_number_of_messages: Option<i64>,
        visibility_timeout: Option<i64>,
        wait_time_seconds: Option<i64>,
        /// System attributes to return (`All`, `ApproximateReceiveCount`, ...).
        attribute_names: Vec<String>,
    },
    DeleteMessage {
        queue_url: String,
        receipt_handle: String,
    },
    ChangeMessageVisibility {
        queue_url: String,
        receipt_handle: String,
        visibility_timeout: i64,
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
            Command::ReceiveMessage { .. } => "ReceiveMessage",
            Command::DeleteMessage { .. } => "DeleteMessage",
            Command::ChangeMessageVisibility { .. } => "ChangeMessageVisibility",
            Command::GetQueueAttributes { .. } => "GetQueueAttributes",
            Command::SetQueueAttributes { .. } => "SetQueueAttributes",
            Command::PurgeQueue { .. } => "PurgeQueue",
        }
    }
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
    MessageSent {
        message_id: String,
        md5_of_message_body: String,
    },
    Messages(Vec<ReceivedMessage>),
    /// A long poll found nothing yet: the engine parked it. Its answer appears in
    /// `Engine::take_poll_result` once a message arrives or the wait ends.
    ReceivePending(PollId),
    Attributes(Vec<(String, String)>),
}
