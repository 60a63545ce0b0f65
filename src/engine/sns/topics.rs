//! CreateTopic, DeleteTopic, Get/SetTopicAttributes and the topic's tags.

use super::super::access_policy::{
    sns_action_out_of_scope_message, sns_invalid_policy_message, PolicyDocument,
};
use super::super::attributes::ACCOUNT_ID;
use super::super::delivery_policy::{
    create_error, effective_topic_delivery_policy, parse_topic_delivery_policy,
    set_attributes_error,
};
use super::super::error::{ErrorCode, SqsError};
use super::super::trace::Event;
use super::super::{Engine, Reply};
use super::{topic_arn, topic_not_found, Topic};
use crate::collect_map::CollectMap;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Attributes `CreateTopic` and `SetTopicAttributes` accept (besides FifoTopic at creation).
pub const SETTABLE: &[&str] = &[
    "DisplayName",
    "Policy",
    "DeliveryPolicy",
    "KmsMasterKeyId",
    "SignatureVersion",
    "TracingConfig",
    "ContentBasedDeduplication",
    "ArchivePolicy",
    "FifoThroughputScope",
    "DataProtectionPolicy",
    "HTTPSuccessFeedbackRoleArn",
    "HTTPFailureFeedbackRoleArn",
    "HTTPSuccessFeedbackSampleRate",
    "LambdaSuccessFeedbackRoleArn",
    "LambdaFailureFeedbackRoleArn",
    "LambdaSuccessFeedbackSampleRate",
    "SQSSuccessFeedbackRoleArn",
    "SQSFailureFeedbackRoleArn",
    "SQSSuccessFeedbackSampleRate",
];
const FIFO_ONLY: &[&str] = &[
    "ContentBasedDeduplication",
    "ArchivePolicy",
    "FifoThroughputScope",
];
const MAX_TAGS: usize = 50;

/// The policy every new topic gets: the owner account may do everything.
pub(super) fn default_policy(arn: &str) -> String {
    serde_json::json!({
        "Version": "2008-10-17",
        "Id": "__default_policy_ID",
        "Statement": [{
            "Sid": "__default_statement_ID",
            "Effect": "Allow",
            "Principal": {"AWS": "*"},
            "Action": [
                "SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission",
                "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe",
                "SNS:ListSubscriptionsByTopic", "SNS:Publish"
            ],
            "Resource": arn,
            "Condition": {"StringEquals": {"AWS:SourceOwner": ACCOUNT_ID}}
        }]
    })
    .to_string()
}

fn valid_topic_name(name: &str) -> bool {
    (1..=256).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Checks one settable attribute's value. `create`: CreateTopic words its errors
/// "Attributes Reason: ...", SetTopicAttributes names the attribute directly.
fn check_attribute(name: &str, value: &str, fifo: bool, create: bool) -> Result<(), SqsError> {
    let reason = |r: String| {
        Err(SqsError::invalid_parameter(if create {
            format!("Attributes Reason: {r}")
        } else {
            r
        }))
    };
    if !SETTABLE.contains(&name) {
        return Err(SqsError::invalid_parameter("AttributeName"));
    }
    if FIFO_ONLY.contains(&name) && !fifo {
        return reason(format!("{name} is only valid for FIFO topics"));
    }
    let bad = |e: String| Err(SqsError::new(ErrorCode::InvalidParameter, e));
    match name {
        "Policy" if !value.is_empty() => match PolicyDocument::parse(value) {
            Err(_) => bad(sns_invalid_policy_message(create)),
            Ok(doc) if doc.action_outside("sns").is_some() => {
                bad(sns_action_out_of_scope_message(create))
            }
            Ok(_) => Ok(()),
        },
        "DeliveryPolicy" if !value.is_empty() => match parse_topic_delivery_policy(value) {
            Err(e) if create => bad(create_error(&e)),
            Err(e) => bad(set_attributes_error(&e)),
            Ok(_) => Ok(()),
        },
        "ContentBasedDeduplication" if value != "true" && value != "false" => {
            reason(name.to_string())
        }
        "SignatureVersion" if value != "1" && value != "2" => reason(name.to_string()),
        "TracingConfig" if value != "PassThrough" && value != "Active" => reason(name.to_string()),
        "DisplayName" if value.chars().count() > 100 => reason(name.to_string()),
        _ => Ok(()),
    }
}

fn tag_limit_exceeded() -> SqsError {
    SqsError::new(
        ErrorCode::TagLimitExceeded,
        "Could not complete request: tag quota of per resource exceeded",
    )
}

fn check_tags(tags: &BTreeMap<String, String>, existing: usize) -> Result<(), SqsError> {
    if existing + tags.len() > MAX_TAGS {
        return Err(tag_limit_exceeded());
    }
    for (k, v) in tags {
        if k.is_empty() || k.chars().count() > 128 || k.starts_with("aws:") {
            return Err(SqsError::invalid_parameter(format!(
                "Tags Reason: invalid tag key {k}"
            )));
        }
        if v.chars().count() > 256 {
            return Err(SqsError::invalid_parameter(format!(
                "Tags Reason: invalid value for tag {k}"
            )));
        }
    }
    Ok(())
}

impl Engine {
    pub(super) fn handle_create_topic(
        &mut self,
        name: &str,
        attributes: &BTreeMap<String, String>,
        tags: &BTreeMap<String, String>,
    ) -> Result<Reply, SqsError> {
        let fifo = attributes.get("FifoTopic").is_some_and(|v| v == "true");
        if fifo {
            let base = name.strip_suffix(".fifo");
            if !base.is_some_and(|b| valid_topic_name(b) && name.len() <= 256) {
                return Err(SqsError::invalid_parameter(
                    "Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.",
                ));
            }
        } else if !valid_topic_name(name) {
            return Err(SqsError::invalid_parameter("Topic Name"));
        }
        for (k, v) in attributes {
            if k == "FifoTopic" {
                if v != "true" && v != "false" {
                    return Err(SqsError::invalid_parameter("Attributes Reason: FifoTopic"));
                }
                continue;
            }
            check_attribute(k, v, fifo, true)?;
        }
        check_tags(tags, 0)?;
        let given: BTreeMap<String, String> = attributes
            .iter()
            .filter(|(k, _)| k.as_str() != "FifoTopic")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect_map();
        if let Some(existing) = self.sns.topics.get(name) {
            // Creating a topic again is how scripts look one up; it must not change it.
            let differs = given
                .iter()
                .any(|(k, v)| existing.attributes.get(k) != Some(v))
                || existing.fifo != fifo;
            if differs {
                return Err(SqsError::invalid_parameter(
                    "Attributes Reason: Topic already exists with different attributes",
                ));
            }
            // The same tags, some of them or none are fine; a tag it does not have is not.
            if tags.iter().any(|(k, v)| existing.tags.get(k) != Some(v)) {
                return Err(SqsError::invalid_parameter(
                    "Tags Reason: Topic already exists with different tags",
                ));
            }
            return Ok(Reply::TopicArn(existing.arn.clone()));
        }
        let arn = topic_arn(name);
        let mut stored = given;
        stored
            .entry("Policy".into())
            .or_insert_with(|| default_policy(&arn));
        if fifo {
            stored
                .entry("ContentBasedDeduplication".into())
                .or_insert_with(|| "false".into());
        }
        let mut topic = Topic {
            name: name.into(),
            arn: arn.clone(),
            fifo,
            attributes: stored,
            tags: tags.clone(),
            subscriptions_deleted: 0,
            sequence: 0,
            deduplication: Default::default(),
            access_policy: None,
        };
        topic.refresh_access_policy();
        self.sns.topics.insert(name.to_string(), topic);
        self.trace
            .push(self.now, Event::TopicCreated { topic: name.into() });
        Ok(Reply::TopicArn(arn))
    }

    /// Deleting a topic that does not exist succeeds (SNS deletes are idempotent).
    pub(super) fn handle_delete_topic(&mut self, arn: &str) -> Result<Reply, SqsError> {
        // DeleteTopic is idempotent: a well-formed ARN of a topic that does not exist is
        // not an error (and changes nothing).
        let name = match self.topic_name(arn) {
            Ok(name) => name,
            Err(_) if arn.rsplit(':').next().is_some_and(|n| topic_arn(n) == arn) => {
                return Ok(Reply::Done)
            }
            Err(e) => return Err(e),
        };
        self.sns.topics.remove(&*name);
        let keys: Vec<u64> = self
            .sns
            .subscriptions
            .iter()
            .filter(|(_, s)| s.topic_arn == arn)
            .map(|(k, _)| *k)
            .collect();
        for k in &keys {
            let s = self.sns.subscriptions.remove(k).expect("listed");
            self.sns.by_arn.remove(&*s.arn);
        }
        let event = Event::TopicDeleted {
            topic: name,
            subscriptions: keys.len() as u32,
        };
        self.trace.push(self.now, event);
        Ok(Reply::Done)
    }

    pub(super) fn handle_get_topic_attributes(&self, arn: &str) -> Result<Reply, SqsError> {
        let topic = self.topic_by_arn(arn).ok_or_else(topic_not_found)?;
        let (mut confirmed, mut pending) = (0, 0);
        for s in self.subscriptions().filter(|s| s.topic_arn == arn) {
            if s.confirmed {
                confirmed += 1;
            } else {
                pending += 1;
            }
        }
        let delivery_policy = topic
            .attributes
            .get("DeliveryPolicy")
            .and_then(|p| parse_topic_delivery_policy(p).ok());
        let mut out = vec![
            ("Policy".to_string(), topic.attributes["Policy"].clone()),
            ("Owner".to_string(), ACCOUNT_ID.to_string()),
            ("SubscriptionsPending".to_string(), pending.to_string()),
            ("TopicArn".to_string(), topic.arn.clone()),
            (
                "EffectiveDeliveryPolicy".to_string(),
                effective_topic_delivery_policy(delivery_policy.as_ref()),
            ),
            ("SubscriptionsConfirmed".to_string(), confirmed.to_string()),
            ("DisplayName".to_string(), topic.display_name().to_string()),
            (
                "SubscriptionsDeleted".to_string(),
                topic.subscriptions_deleted.to_string(),
            ),
        ];
        if topic.fifo {
            out.push(("FifoTopic".to_string(), "true".to_string()));
        }
        for (k, v) in &topic.attributes {
            if k != "Policy" && k != "DisplayName" {
                out.push((k.clone(), v.clone()));
            }
        }
        Ok(Reply::Attributes(out))
    }

    pub(super) fn handle_set_topic_attributes(
        &mut self,
        arn: &str,
        attribute: &str,
        value: &str,
    ) -> Result<Reply, SqsError> {
        let name = self.topic_name(arn)?;
        let topic = &self.sns.topics[&*name];
        if attribute == "FifoTopic" {
            return Err(SqsError::invalid_parameter("AttributeName"));
        }
        check_attribute(attribute, value, topic.fifo, false)?;
        let topic = self.sns.topics.get_mut(&*name).expect("found");
        match (attribute, value.is_empty()) {
            // An empty policy puts the default one back; other empty values clear.
            ("Policy", true) => {
                let policy = default_policy(&topic.arn);
                topic.attributes.insert("Policy".into(), policy);
            }
            (_, true) if attribute != "DisplayName" => {
                topic.attributes.remove(attribute);
            }
            _ => {
                topic.attributes.insert(attribute.into(), value.into());
            }
        }
        if attribute == "Policy" {
            topic.refresh_access_policy();
        }
        let event = Event::TopicAttributeChanged {
            topic: name,
            attribute: attribute.into(),
            value: value.into(),
        };
        self.trace.push(self.now, event);
        Ok(Reply::Done)
    }

    /// The topic a tagging call names; SNS answers ResourceNotFound for anything else.
    pub(super) fn tagged_topic(&self, arn: &str) -> Result<Arc<str>, SqsError> {
        self.topic_by_arn(arn)
            .map(|t| t.name.clone())
            .ok_or_else(|| SqsError::new(ErrorCode::SnsResourceNotFound, "Resource does not exist"))
    }

    pub(super) fn handle_tag_resource(
        &mut self,
        arn: &str,
        tags: &BTreeMap<String, String>,
    ) -> Result<Reply, SqsError> {
        let name = self.tagged_topic(arn)?;
        let topic = &self.sns.topics[&*name];
        let new_keys = tags.keys().filter(|k| !topic.tags.contains_key(*k)).count();
        check_tags(tags, 0)?;
        if topic.tags.len() + new_keys > MAX_TAGS {
            return Err(tag_limit_exceeded());
        }
        let topic = self.sns.topics.get_mut(&*name).expect("found");
        topic.tags.extend(tags.clone());
        self.trace_topic_tags(&name);
        Ok(Reply::Done)
    }

    pub(super) fn handle_untag_resource(
        &mut self,
        arn: &str,
        keys: &[String],
    ) -> Result<Reply, SqsError> {
        let name = self.tagged_topic(arn)?;
        let topic = self.sns.topics.get_mut(&*name).expect("found");
        for k in keys {
            topic.tags.remove(k);
        }
        self.trace_topic_tags(&name);
        Ok(Reply::Done)
    }

    fn trace_topic_tags(&mut self, name: &str) {
        let tags = self.sns.topics[name]
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        self.trace.push(
            self.now,
            Event::TopicTagsChanged {
                topic: name.into(),
                tags,
            },
        );
    }
}
