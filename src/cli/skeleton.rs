//! `--generate-cli-skeleton`: the request (`input`) or response (`output`) of an operation
//! filled with placeholders, as the AWS CLI builds them from the API model: `""` for a
//! string, `0` for a number, `true` for a boolean, `null` for a blob, one item for a list
//! and one `KeyName` entry for a map. In an output skeleton a string holds its member's
//! name (a list item, its shape's name).
//!
//! Where the real CLI picks an enum's value at random for an input skeleton, Fanout takes
//! the first, so the same line prints the same skeleton.

use super::params::{member, Member, Shape, MESSAGE_ATTRIBUTES, STRING_MAP};
use serde_json::{Map, Value};

/// One placeholder value for `shape`; `name` is the member it fills (output skeletons).
pub fn placeholder(shape: &Shape, name: &str, output: bool) -> Value {
    match shape {
        Shape::String if output => Value::String(name.to_string()),
        Shape::String => Value::String(String::new()),
        Shape::Enum(_) if output => Value::String(name.to_string()),
        Shape::Enum(values) => Value::String(values.first().copied().unwrap_or_default().into()),
        Shape::Integer => Value::from(0),
        Shape::Boolean => Value::Bool(true),
        Shape::Blob => Value::Null,
        // Every string list in these APIs has members of the shape `String`.
        Shape::List(item) => Value::Array(vec![placeholder(item, "String", output)]),
        Shape::Map(value) => {
            let mut m = Map::new();
            m.insert("KeyName".into(), placeholder(value, "", output));
            Value::Object(m)
        }
        Shape::Structure(members) => structure(members, output),
    }
}

pub fn structure(members: &[Member], output: bool) -> Value {
    Value::Object(
        members
            .iter()
            .map(|m| (m.name.to_string(), placeholder(m.shape, m.name, output)))
            .collect(),
    )
}

/// The response members of an operation, in the API's order (empty for operations that
/// answer nothing).
pub fn output_members(operation: &str) -> &'static [Member] {
    OUTPUTS
        .iter()
        .find(|(names, _)| names.contains(&operation))
        .map_or(&[], |(_, members)| members)
}

/// `(operations, response members)`.
type Outputs = &'static [(&'static [&'static str], &'static [Member])];
const OUTPUTS: Outputs = &[
    (
        &["CancelMessageMoveTask"],
        &[member(
            "ApproximateNumberOfMessagesMoved",
            &Shape::Integer,
            false,
        )],
    ),
    (
        &["ChangeMessageVisibilityBatch", "DeleteMessageBatch"],
        &[
            member(
                "Successful",
                &Shape::List(&Shape::Structure(&[member("Id", &Shape::String, true)])),
                true,
            ),
            member("Failed", &SQS_FAILED, true),
        ],
    ),
    (
        &["CreateQueue", "GetQueueUrl"],
        &[member("QueueUrl", &Shape::String, false)],
    ),
    (
        &[
            "GetQueueAttributes",
            "GetTopicAttributes",
            "GetSubscriptionAttributes",
        ],
        &[member("Attributes", &STRING_MAP, false)],
    ),
    (
        &["ListDeadLetterSourceQueues"],
        &[
            member("queueUrls", &Shape::List(&Shape::String), true),
            member("NextToken", &Shape::String, false),
        ],
    ),
    (
        &["ListMessageMoveTasks"],
        &[member(
            "Results",
            &Shape::List(&Shape::Structure(&[
                member("TaskHandle", &Shape::String, false),
                member("Status", &Shape::String, false),
                member("SourceArn", &Shape::String, false),
                member("DestinationArn", &Shape::String, false),
                member("MaxNumberOfMessagesPerSecond", &Shape::Integer, false),
                member("ApproximateNumberOfMessagesMoved", &Shape::Integer, false),
                member("ApproximateNumberOfMessagesToMove", &Shape::Integer, false),
                member("FailureReason", &Shape::String, false),
                member("StartedTimestamp", &Shape::Integer, false),
            ])),
            false,
        )],
    ),
    (&["ListQueueTags"], &[member("Tags", &STRING_MAP, false)]),
    (
        &["ListQueues"],
        &[
            member("QueueUrls", &Shape::List(&Shape::String), false),
            member("NextToken", &Shape::String, false),
        ],
    ),
    (
        &["ReceiveMessage"],
        &[member(
            "Messages",
            &Shape::List(&Shape::Structure(&[
                member("MessageId", &Shape::String, false),
                member("ReceiptHandle", &Shape::String, false),
                member("MD5OfBody", &Shape::String, false),
                member("Body", &Shape::String, false),
                member("Attributes", &STRING_MAP, false),
                member("MD5OfMessageAttributes", &Shape::String, false),
                member("MessageAttributes", &MESSAGE_ATTRIBUTES, false),
            ])),
            false,
        )],
    ),
    (
        &["SendMessage"],
        &[
            member("MD5OfMessageBody", &Shape::String, false),
            member("MD5OfMessageAttributes", &Shape::String, false),
            member("MD5OfMessageSystemAttributes", &Shape::String, false),
            member("MessageId", &Shape::String, false),
            member("SequenceNumber", &Shape::String, false),
        ],
    ),
    (
        &["SendMessageBatch"],
        &[
            member(
                "Successful",
                &Shape::List(&Shape::Structure(&[
                    member("Id", &Shape::String, true),
                    member("MessageId", &Shape::String, true),
                    member("MD5OfMessageBody", &Shape::String, true),
                    member("MD5OfMessageAttributes", &Shape::String, false),
                    member("MD5OfMessageSystemAttributes", &Shape::String, false),
                    member("SequenceNumber", &Shape::String, false),
                ])),
                true,
            ),
            member("Failed", &SQS_FAILED, true),
        ],
    ),
    (
        &["StartMessageMoveTask"],
        &[member("TaskHandle", &Shape::String, false)],
    ),
    (
        &["ConfirmSubscription", "Subscribe"],
        &[member("SubscriptionArn", &Shape::String, false)],
    ),
    (
        &["CreateTopic"],
        &[member("TopicArn", &Shape::String, false)],
    ),
    (
        &["ListSubscriptions", "ListSubscriptionsByTopic"],
        &[
            member(
                "Subscriptions",
                &Shape::List(&Shape::Structure(&[
                    member("SubscriptionArn", &Shape::String, false),
                    member("Owner", &Shape::String, false),
                    member("Protocol", &Shape::String, false),
                    member("Endpoint", &Shape::String, false),
                    member("TopicArn", &Shape::String, false),
                ])),
                false,
            ),
            member("NextToken", &Shape::String, false),
        ],
    ),
    (
        &["ListTagsForResource"],
        &[member(
            "Tags",
            &Shape::List(&Shape::Structure(&[
                member("Key", &Shape::String, true),
                member("Value", &Shape::String, true),
            ])),
            false,
        )],
    ),
    (
        &["ListTopics"],
        &[
            member(
                "Topics",
                &Shape::List(&Shape::Structure(&[member(
                    "TopicArn",
                    &Shape::String,
                    false,
                )])),
                false,
            ),
            member("NextToken", &Shape::String, false),
        ],
    ),
    (
        &["Publish"],
        &[
            member("MessageId", &Shape::String, false),
            member("SequenceNumber", &Shape::String, false),
        ],
    ),
    (
        &["PublishBatch"],
        &[
            member(
                "Successful",
                &Shape::List(&Shape::Structure(&[
                    member("Id", &Shape::String, false),
                    member("MessageId", &Shape::String, false),
                    member("SequenceNumber", &Shape::String, false),
                ])),
                false,
            ),
            member(
                "Failed",
                &Shape::List(&Shape::Structure(&[
                    member("Id", &Shape::String, true),
                    member("Code", &Shape::String, true),
                    member("Message", &Shape::String, false),
                    member("SenderFault", &Shape::Boolean, true),
                ])),
                false,
            ),
        ],
    ),
];

/// SQS `BatchResultErrorEntry` list.
const SQS_FAILED: Shape = Shape::List(&Shape::Structure(&[
    member("Id", &Shape::String, true),
    member("SenderFault", &Shape::Boolean, true),
    member("Code", &Shape::String, true),
    member("Message", &Shape::String, false),
]));

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn placeholders_follow_the_model() {
        assert_eq!(
            placeholder(&MESSAGE_ATTRIBUTES, "", false),
            json!({"KeyName": {"StringValue": "", "BinaryValue": null, "StringListValues": [""], "BinaryListValues": [null], "DataType": ""}})
        );
        assert_eq!(
            structure(output_members("ListQueues"), true),
            json!({"QueueUrls": ["String"], "NextToken": "NextToken"})
        );
        assert_eq!(structure(output_members("DeleteQueue"), true), json!({}));
    }
}
