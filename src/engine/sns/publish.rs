//! Publish and PublishBatch: checks, FIFO deduplication, and the fanout to subscriptions.

use super::super::access_policy::{Decision, Principal, Request};
use super::super::attributes::ACCOUNT_ID;
use super::super::command::{PublishBatchEntry, PublishInput, PublishResult};
use super::super::error::{ErrorCode, SqsError};
use super::super::message_attributes::{attributes_size, MessageAttributes};
use super::super::sqs::each_entry;
use super::super::trace::Event;
use super::super::{Engine, Reply};
use super::{topic_not_found, Notification};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// A publish (message plus attributes) may be 256 KiB; so may a whole batch.
const MAX_SIZE: usize = 262_144;
const SEQUENCE_BASE: u64 = 10_000_000_000_000_000_000;

fn invalid_attribute(message: String) -> SqsError {
    SqsError::new(ErrorCode::ParameterValueInvalid, message)
}

/// SNS's message attribute rules: String, String.Array, Number and Binary (each with an
/// optional custom suffix), non-empty values, numbers that parse, arrays that are JSON.
fn check_message_attributes(attrs: &MessageAttributes) -> Result<(), SqsError> {
    for (name, value) in attrs {
        let bad_name = name.is_empty()
            || name.len() > 256
            || name.starts_with('.')
            || name.ends_with('.')
            || name.contains("..")
            || name.to_ascii_lowercase().starts_with("aws.")
            || name.to_ascii_lowercase().starts_with("amazon.")
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
        if bad_name {
            return Err(SqsError::invalid_parameter(format!(
                "MessageAttributes Reason: The message attribute name '{name}' is invalid."
            )));
        }
        let data_type = value.data_type.as_str();
        let base = value.base_type();
        let array = data_type == "String.Array";
        if !array && !matches!(base, "String" | "Number" | "Binary") {
            return Err(invalid_attribute(format!(
                "The message attribute '{name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String."
            )));
        }
        if base == "Binary" {
            if value.binary_value.as_ref().is_none_or(|b| b.is_empty()) {
                return Err(invalid_attribute(format!(
                    "The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{data_type}'."
                )));
            }
            continue;
        }
        let text = value.string_value.as_deref().unwrap_or("");
        if text.is_empty() {
            return Err(invalid_attribute(format!(
                "The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{data_type}'."
            )));
        }
        if array {
            let ok = serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| {
                v.as_array()
                    .is_some_and(|a| a.iter().all(|x| !x.is_array() && !x.is_object()))
            });
            if !ok {
                return Err(invalid_attribute(format!(
                    "The message attribute '{name}' with type 'String.Array' has invalid value {text}."
                )));
            }
        } else if base == "Number" && text.trim().parse::<f64>().map_or(true, |n| !n.is_finite()) {
            return Err(invalid_attribute(format!(
                "Could not cast message attribute '{name}' value to number."
            )));
        }
    }
    Ok(())
}

/// 1–128 characters: letters, digits and punctuation.
fn check_fifo_id(parameter: &str, value: &str) -> Result<(), SqsError> {
    let ok = (1..=128).contains(&value.len())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c.is_ascii_punctuation());
    if ok {
        Ok(())
    } else {
        Err(SqsError::invalid_parameter(format!(
            "{parameter} Reason: {parameter} can only include alphanumeric and punctuation characters. 1 to 128 in length."
        )))
    }
}

fn check_subject(subject: &str) -> Result<(), SqsError> {
    let ok = !subject.is_empty()
        && subject.chars().count() <= 100
        && subject
            .chars()
            .all(|c| c.is_ascii() && !c.is_ascii_control());
    if ok {
        Ok(())
    } else {
        Err(SqsError::invalid_parameter("Subject"))
    }
}

/// `MessageStructure=json`: the per-protocol bodies, `default` required.
fn per_protocol_bodies(message: &str) -> Result<BTreeMap<String, Arc<str>>, SqsError> {
    let value: serde_json::Value = serde_json::from_str(message).map_err(|_| {
        SqsError::invalid_parameter("Message Structure - JSON message body failed to parse")
    })?;
    let object = value.as_object().ok_or_else(|| {
        SqsError::invalid_parameter("Message Structure - JSON message body failed to parse")
    })?;
    if !object.contains_key("default") {
        return Err(SqsError::invalid_parameter(
            "Message Structure - No default entry in JSON message body",
        ));
    }
    let mut bodies = BTreeMap::new();
    for (k, v) in object {
        let serde_json::Value::String(s) = v else {
            return Err(SqsError::invalid_parameter(
                "Message Structure - JSON message body failed to parse",
            ));
        };
        bodies.insert(k.clone(), Arc::from(s.as_str()));
    }
    Ok(bodies)
}

impl Engine {
    /// Refuses an action the topic's policy explicitly denies to the account itself (the
    /// account's own identity policies allow everything else).
    pub(super) fn check_topic_access(&self, topic_arn: &str, action: &str) -> Result<(), SqsError> {
        let Some(policy) = self
            .topic_by_arn(topic_arn)
            .and_then(|t| t.access_policy.as_ref())
        else {
            return Ok(());
        };
        let request = Request {
            principal: Principal::Account(ACCOUNT_ID),
            action,
            resource: topic_arn,
            source_arn: None,
            source_account: Some(ACCOUNT_ID),
        };
        match policy.evaluate(&request) {
            Decision::ExplicitDeny { .. } => Err(SqsError::new(
                ErrorCode::AuthorizationError,
                format!(
                    "User: arn:aws:iam::{ACCOUNT_ID}:user/fanout is not authorized to perform: {} on resource: {topic_arn} with an explicit deny in a resource-based policy",
                    action.replacen("sns:", "SNS:", 1)
                ),
            )),
            _ => Ok(()),
        }
    }

    pub(super) fn handle_publish(
        &mut self,
        topic_arn: &str,
        input: PublishInput,
    ) -> Result<PublishResult, SqsError> {
        let topic = self.topic_by_arn(topic_arn).ok_or_else(topic_not_found)?;
        let fifo = topic.fifo;
        let content_based = topic.content_based_deduplication();
        let per_group = topic
            .attributes
            .get("FifoThroughputScope")
            .is_some_and(|s| s == "MessageGroup");
        if input.message.is_empty() {
            return Err(SqsError::invalid_parameter("Empty message"));
        }
        if let Some(subject) = &input.subject {
            check_subject(subject)?;
        }
        check_message_attributes(&input.message_attributes)?;
        if input.message.len() + attributes_size(&input.message_attributes) > MAX_SIZE {
            return Err(SqsError::invalid_parameter("Message too long"));
        }
        let per_protocol = match input.message_structure.as_deref() {
            None => BTreeMap::new(),
            Some("json") => per_protocol_bodies(&input.message)?,
            Some(_) => return Err(SqsError::invalid_parameter("MessageStructure")),
        };
        if let Some(g) = &input.message_group_id {
            check_fifo_id("MessageGroupId", g)?;
        }
        let deduplication_id = if fifo {
            if input.message_group_id.is_none() {
                return Err(SqsError::invalid_parameter(
                    "The MessageGroupId parameter is required for FIFO topics",
                ));
            }
            Some(match &input.message_deduplication_id {
                Some(d) => {
                    check_fifo_id("MessageDeduplicationId", d)?;
                    d.clone()
                }
                None if content_based => super::super::message::sha256_hex(input.message.as_bytes()),
                None => {
                    return Err(SqsError::invalid_parameter(
                        "The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
                    ))
                }
            })
        } else {
            if input.message_deduplication_id.is_some() {
                return Err(SqsError::invalid_parameter(
                    "MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type",
                ));
            }
            None
        };
        self.check_topic_access(topic_arn, "sns:Publish")?;

        // Checks are done: the publish happens.
        let now = self.now;
        let name = self.topic_name(topic_arn)?;
        let dedup_key =
            deduplication_id
                .as_ref()
                .map(|d| match (per_group, &input.message_group_id) {
                    (true, Some(g)) => format!("{g}\u{0}{d}"),
                    _ => d.clone(),
                });
        if let Some(key) = &dedup_key {
            let topic = self.sns.topics.get_mut(&*name).expect("found");
            if let Some(first) = topic.deduplication.get(now, key) {
                let first = first.clone();
                self.trace.push(
                    now,
                    Event::PublishDeduplicated {
                        topic: name.clone(),
                        message_id: first.message_id,
                        deduplication_id: deduplication_id.unwrap_or_default(),
                    },
                );
                return Ok(first);
            }
        }
        let message_id = self.rng.message_id();
        let topic = self.sns.topics.get_mut(&*name).expect("found");
        let sequence_number = fifo.then(|| {
            topic.sequence += 1;
            format!("{:020}", SEQUENCE_BASE + topic.sequence)
        });
        let result = PublishResult {
            message_id,
            sequence_number: sequence_number.clone(),
        };
        if let Some(key) = dedup_key {
            topic.deduplication.insert(now, key, result.clone());
        }
        let notification = Arc::new(Notification {
            message_id,
            topic_arn: topic_arn.to_string(),
            topic: name.clone(),
            subject: input.subject,
            // MessageStructure=json: protocols without their own key get `default`.
            message: per_protocol
                .get("default")
                .cloned()
                .unwrap_or_else(|| Arc::from(input.message)),
            per_protocol,
            attributes: Arc::new(input.message_attributes),
            published_at: now,
            group_id: input.message_group_id,
            deduplication_id,
            sequence_number,
        });
        self.fan_out(&name, notification);
        Ok(result)
    }

    /// Decides, for each subscription of the topic, whether this message goes to it, and
    /// starts the deliveries.
    fn fan_out(&mut self, topic: &Arc<str>, n: Arc<Notification>) {
        enum Fate {
            Deliver(Arc<str>),
            Skip(Arc<str>, String),
            Drop(Arc<str>, super::super::filter_policy::Mismatch),
        }
        let fates: Vec<Fate> = self
            .subscriptions()
            .filter(|s| s.topic_arn == n.topic_arn)
            .map(|s| {
                if !s.confirmed {
                    return Fate::Skip(
                        s.arn.clone(),
                        "the subscription is pending confirmation".into(),
                    );
                }
                match &s.filter_policy {
                    Some((_, policy)) => {
                        match policy.evaluate(&n.attributes, n.body_for(s.protocol)) {
                            Ok(()) => Fate::Deliver(s.arn.clone()),
                            Err(m) => Fate::Drop(s.arn.clone(), m),
                        }
                    }
                    None => Fate::Deliver(s.arn.clone()),
                }
            })
            .collect();
        let deliveries = fates
            .iter()
            .filter(|f| matches!(f, Fate::Deliver(_)))
            .count() as u32;
        let filtered_out = fates.iter().filter(|f| matches!(f, Fate::Drop(..))).count() as u32;
        self.trace.push(
            self.now,
            Event::Published {
                topic: topic.clone(),
                message_id: n.message_id,
                sequence_number: n.sequence_number.clone(),
                deliveries,
                filtered_out,
            },
        );
        for fate in fates {
            match fate {
                Fate::Deliver(arn) => self.start_delivery(&arn, n.clone()),
                Fate::Skip(subscription, reason) => self.trace.push(
                    self.now,
                    Event::DeliverySkipped {
                        topic: topic.clone(),
                        subscription,
                        message_id: n.message_id,
                        reason,
                    },
                ),
                Fate::Drop(subscription, m) => self.trace.push(
                    self.now,
                    Event::FilteredOut {
                        topic: topic.clone(),
                        subscription,
                        message_id: n.message_id,
                        mismatch: Box::new(m),
                    },
                ),
            }
        }
    }

    pub(super) fn handle_publish_batch(
        &mut self,
        topic_arn: &str,
        entries: Vec<PublishBatchEntry>,
    ) -> Result<Reply, SqsError> {
        self.topic_by_arn(topic_arn).ok_or_else(topic_not_found)?;
        if entries.is_empty() {
            return Err(SqsError::new(
                ErrorCode::SnsEmptyBatchRequest,
                "The batch request doesn't contain any entries",
            ));
        }
        if entries.len() > 10 {
            return Err(SqsError::new(
                ErrorCode::SnsTooManyEntriesInBatchRequest,
                "The batch request contains more entries than permissible.",
            ));
        }
        let mut seen = BTreeSet::new();
        if entries.iter().any(|e| !seen.insert(e.id.as_str())) {
            return Err(SqsError::new(
                ErrorCode::SnsBatchEntryIdsNotDistinct,
                "Two or more batch entries in the request have the same Id.",
            ));
        }
        let bad_id = |id: &str| {
            id.is_empty()
                || id.len() > 80
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        if entries.iter().any(|e| bad_id(&e.id)) {
            return Err(SqsError::new(
                ErrorCode::SnsInvalidBatchEntryId,
                "The Id of a batch entry in a batch request doesn't abide by the specification.",
            ));
        }
        // On a FIFO topic a missing group id fails the whole request, not one entry.
        let fifo = self.topic_by_arn(topic_arn).is_some_and(|t| t.fifo);
        if fifo && entries.iter().any(|e| e.input.message_group_id.is_none()) {
            return Err(SqsError::invalid_parameter(
                "The MessageGroupId parameter is required for FIFO topics",
            ));
        }
        let total: usize = entries
            .iter()
            .map(|e| e.input.message.len() + attributes_size(&e.input.message_attributes))
            .sum();
        if total > MAX_SIZE {
            return Err(SqsError::new(
                ErrorCode::SnsBatchRequestTooLong,
                "The length of all the messages put together is more than the limit.",
            ));
        }
        let (successful, failed) = each_entry(
            self,
            entries,
            |e| std::mem::take(&mut e.id),
            |engine, e| engine.handle_publish(topic_arn, e.input),
        );
        Ok(Reply::PublishBatch { successful, failed })
    }
}
