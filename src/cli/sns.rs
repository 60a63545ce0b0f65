//! `aws sns <operation> ...`: the SNS operations as rows of data (options in API member
//! order) and how each becomes an engine [`Command`]. Parsing and validation are shared
//! with `aws sqs` (see `aws`).

use super::aws::{
    opt, text_member, Kind, OperationSpec, OptionSpec, Params, MAX_ITEMS, PAGE_SIZE,
    STARTING_TOKEN, STRINGS, STRING_MAP,
};
use super::params;
use crate::collect_map::CollectMap;
use crate::engine::{Command, PublishBatchEntry, PublishInput};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

const TOPIC_ARN: OptionSpec = opt("--topic-arn", "TopicArn", Kind::Text, true);
const SUBSCRIPTION_ARN: OptionSpec = opt("--subscription-arn", "SubscriptionArn", Kind::Text, true);
const RESOURCE_ARN: OptionSpec = opt("--resource-arn", "ResourceArn", Kind::Text, true);
const NEXT_TOKEN: OptionSpec = opt("--next-token", "NextToken", Kind::Text, false);
const ATTRIBUTES: Kind = Kind::Param(&params::SNS_MESSAGE_ATTRIBUTES);

/// SNS operations Fanout simulates, in the order `aws sns` lists them.
pub const SNS_OPERATIONS: &[OperationSpec] = &[
    OperationSpec {
        name: "confirm-subscription",
        operation: "ConfirmSubscription",
        options: &[
            TOPIC_ARN,
            opt("--token", "Token", Kind::Text, true),
            opt(
                "--authenticate-on-unsubscribe",
                "AuthenticateOnUnsubscribe",
                Kind::Text,
                false,
            ),
        ],
    },
    OperationSpec {
        name: "create-topic",
        operation: "CreateTopic",
        options: &[
            opt("--name", "Name", Kind::Text, true),
            opt("--attributes", "Attributes", STRING_MAP, false),
            opt("--tags", "Tags", Kind::Param(&params::TAG_LIST), false),
            opt(
                "--data-protection-policy",
                "DataProtectionPolicy",
                Kind::Text,
                false,
            ),
        ],
    },
    OperationSpec {
        name: "delete-topic",
        operation: "DeleteTopic",
        options: &[TOPIC_ARN],
    },
    OperationSpec {
        name: "get-subscription-attributes",
        operation: "GetSubscriptionAttributes",
        options: &[SUBSCRIPTION_ARN],
    },
    OperationSpec {
        name: "get-topic-attributes",
        operation: "GetTopicAttributes",
        options: &[TOPIC_ARN],
    },
    OperationSpec {
        name: "list-subscriptions",
        operation: "ListSubscriptions",
        options: &[NEXT_TOKEN, STARTING_TOKEN, PAGE_SIZE, MAX_ITEMS],
    },
    OperationSpec {
        name: "list-subscriptions-by-topic",
        operation: "ListSubscriptionsByTopic",
        options: &[TOPIC_ARN, NEXT_TOKEN, STARTING_TOKEN, PAGE_SIZE, MAX_ITEMS],
    },
    OperationSpec {
        name: "list-tags-for-resource",
        operation: "ListTagsForResource",
        options: &[RESOURCE_ARN],
    },
    OperationSpec {
        name: "list-topics",
        operation: "ListTopics",
        options: &[NEXT_TOKEN, STARTING_TOKEN, PAGE_SIZE, MAX_ITEMS],
    },
    OperationSpec {
        name: "publish",
        operation: "Publish",
        options: &[
            opt("--topic-arn", "TopicArn", Kind::Text, false),
            opt("--target-arn", "TargetArn", Kind::Text, false),
            opt("--phone-number", "PhoneNumber", Kind::Text, false),
            opt("--message", "Message", Kind::Text, true),
            opt("--subject", "Subject", Kind::Text, false),
            opt("--message-structure", "MessageStructure", Kind::Text, false),
            opt(
                "--message-attributes",
                "MessageAttributes",
                ATTRIBUTES,
                false,
            ),
            opt(
                "--message-deduplication-id",
                "MessageDeduplicationId",
                Kind::Text,
                false,
            ),
            opt("--message-group-id", "MessageGroupId", Kind::Text, false),
        ],
    },
    OperationSpec {
        name: "publish-batch",
        operation: "PublishBatch",
        options: &[
            TOPIC_ARN,
            opt(
                "--publish-batch-request-entries",
                "PublishBatchRequestEntries",
                Kind::Param(&params::PUBLISH_BATCH_ENTRIES),
                true,
            ),
        ],
    },
    OperationSpec {
        name: "set-subscription-attributes",
        operation: "SetSubscriptionAttributes",
        options: &[
            SUBSCRIPTION_ARN,
            opt("--attribute-name", "AttributeName", Kind::Text, true),
            opt("--attribute-value", "AttributeValue", Kind::Text, false),
        ],
    },
    OperationSpec {
        name: "set-topic-attributes",
        operation: "SetTopicAttributes",
        options: &[
            TOPIC_ARN,
            opt("--attribute-name", "AttributeName", Kind::Text, true),
            opt("--attribute-value", "AttributeValue", Kind::Text, false),
        ],
    },
    OperationSpec {
        name: "subscribe",
        operation: "Subscribe",
        options: &[
            TOPIC_ARN,
            opt("--protocol", "Protocol", Kind::Text, true),
            opt("--notification-endpoint", "Endpoint", Kind::Text, false),
            opt("--attributes", "Attributes", STRING_MAP, false),
            opt(
                "--return-subscription-arn",
                "ReturnSubscriptionArn",
                Kind::Flag(true),
                false,
            ),
            opt(
                "--no-return-subscription-arn",
                "ReturnSubscriptionArn",
                Kind::Flag(false),
                false,
            ),
        ],
    },
    OperationSpec {
        name: "tag-resource",
        operation: "TagResource",
        options: &[
            RESOURCE_ARN,
            opt("--tags", "Tags", Kind::Param(&params::TAG_LIST), true),
        ],
    },
    OperationSpec {
        name: "unsubscribe",
        operation: "Unsubscribe",
        options: &[SUBSCRIPTION_ARN],
    },
    OperationSpec {
        name: "untag-resource",
        operation: "UntagResource",
        options: &[RESOURCE_ARN, opt("--tag-keys", "TagKeys", STRINGS, true)],
    },
];

/// `[{Key, Value}, ...]` as a map.
fn tags(v: Option<&Value>) -> BTreeMap<String, String> {
    v.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_object)
                .map(|t| (text_member(t, "Key"), text_member(t, "Value")))
                .collect_map()
        })
        .unwrap_or_default()
}

fn publish_input(p: &Params, m: &Map<String, Value>) -> PublishInput {
    let text = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_string);
    PublishInput {
        message: text("Message").unwrap_or_default(),
        subject: text("Subject"),
        message_structure: text("MessageStructure"),
        message_attributes: p.message_attributes(m.get("MessageAttributes")),
        message_deduplication_id: text("MessageDeduplicationId"),
        message_group_id: text("MessageGroupId"),
    }
}

/// The engine command for a parsed and validated SNS operation.
pub(super) fn command(name: &str, p: &Params) -> Command {
    let text = |m: &str| p.text_or_empty(m);
    match name {
        "confirm-subscription" => Command::ConfirmSubscription {
            topic_arn: text("TopicArn"),
            token: text("Token"),
            authenticate_on_unsubscribe: p.text("AuthenticateOnUnsubscribe"),
        },
        "create-topic" => {
            let mut attributes = p.string_map("Attributes");
            if let Some(d) = p.text("DataProtectionPolicy") {
                attributes.insert("DataProtectionPolicy".into(), d);
            }
            Command::CreateTopic {
                name: text("Name"),
                attributes,
                tags: tags(p.get("Tags")),
            }
        }
        "delete-topic" => Command::DeleteTopic {
            topic_arn: text("TopicArn"),
        },
        "get-subscription-attributes" => Command::GetSubscriptionAttributes {
            subscription_arn: text("SubscriptionArn"),
        },
        "get-topic-attributes" => Command::GetTopicAttributes {
            topic_arn: text("TopicArn"),
        },
        "list-subscriptions" => Command::ListSubscriptions {
            next_token: p.text("NextToken"),
        },
        "list-subscriptions-by-topic" => Command::ListSubscriptionsByTopic {
            topic_arn: text("TopicArn"),
            next_token: p.text("NextToken"),
        },
        "list-tags-for-resource" => Command::ListTagsForResource {
            resource_arn: text("ResourceArn"),
        },
        "list-topics" => Command::ListTopics {
            next_token: p.text("NextToken"),
        },
        "publish" => Command::Publish {
            // Publishing to a TargetArn (mobile push) or PhoneNumber is not simulated;
            // the engine answers for the topic it is given.
            topic_arn: p
                .text("TopicArn")
                .or_else(|| p.text("TargetArn"))
                .unwrap_or_default(),
            input: publish_input(p, &p.values),
        },
        "publish-batch" => Command::PublishBatch {
            topic_arn: text("TopicArn"),
            entries: p
                .get("PublishBatchRequestEntries")
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(Value::as_object)
                        .map(|e| PublishBatchEntry {
                            id: text_member(e, "Id"),
                            input: publish_input(p, e),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        },
        "set-subscription-attributes" => Command::SetSubscriptionAttributes {
            subscription_arn: text("SubscriptionArn"),
            attribute_name: text("AttributeName"),
            attribute_value: p.text("AttributeValue"),
        },
        "set-topic-attributes" => Command::SetTopicAttributes {
            topic_arn: text("TopicArn"),
            attribute_name: text("AttributeName"),
            attribute_value: p.text("AttributeValue"),
        },
        "subscribe" => Command::Subscribe {
            topic_arn: text("TopicArn"),
            protocol: text("Protocol"),
            endpoint: p.text("Endpoint"),
            attributes: p.string_map("Attributes"),
            return_subscription_arn: p
                .get("ReturnSubscriptionArn")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        },
        "tag-resource" => Command::TagResource {
            resource_arn: text("ResourceArn"),
            tags: tags(p.get("Tags")),
        },
        "unsubscribe" => Command::Unsubscribe {
            subscription_arn: text("SubscriptionArn"),
        },
        "untag-resource" => Command::UntagResource {
            resource_arn: text("ResourceArn"),
            tag_keys: p.strings("TagKeys"),
        },
        other => unreachable!("operation {other} is in the table but not built"),
    }
}
