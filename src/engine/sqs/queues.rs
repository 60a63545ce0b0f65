//! Queue-level actions: create, delete, list, attributes, purge, tags, permissions.

use super::super::attributes::{
    unknown_attribute, validate_queue_name, QueueAttributes, ALL_NAMES, READ_ONLY,
};
use super::super::error::{ErrorCode, SqsError};
use super::super::message::MessageKey;
use super::super::queue::{Queue, QueueId};
use super::super::trace::Event;
use super::super::{Engine, Reply};
use super::check_optional;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// A deleted queue's name may be reused after this long.
const NAME_REUSE_MS: u64 = 60_000;
/// PurgeQueue may be called once per this long.
const PURGE_INTERVAL_MS: u64 = 60_000;
const MAX_TAGS: usize = 50;
/// Actions AddPermission may grant (the API reference lists these; batch actions follow
/// their single forms).
const GRANTABLE: &[&str] = &[
    "*",
    "SendMessage",
    "ReceiveMessage",
    "DeleteMessage",
    "ChangeMessageVisibility",
    "GetQueueAttributes",
    "GetQueueUrl",
];

fn is_true(v: Option<&String>) -> bool {
    v.is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

fn check_tags(tags: &BTreeMap<String, String>, existing: usize) -> Result<(), SqsError> {
    for (k, v) in tags {
        if k.is_empty() || k.chars().count() > 128 {
            return Err(SqsError::invalid_value(format!(
                "Tag key must be between 1 and 128 characters: {k}"
            )));
        }
        if v.chars().count() > 256 {
            return Err(SqsError::invalid_value(format!(
                "Tag value must be at most 256 characters long: {k}"
            )));
        }
        if k.to_ascii_lowercase().starts_with("aws:") {
            return Err(SqsError::invalid_value(
                "Tag keys can't start with the reserved prefix aws:",
            ));
        }
    }
    if existing + tags.len() > MAX_TAGS {
        return Err(SqsError::invalid_value(format!(
            "Too many tags added for queue. The maximum number of tags per queue is {MAX_TAGS}."
        )));
    }
    Ok(())
}

impl Engine {
    pub(super) fn handle_create_queue(
        &mut self,
        name: &str,
        changes: &BTreeMap<String, String>,
        tags: &BTreeMap<String, String>,
    ) -> Result<Reply, SqsError> {
        // A standard queue has no FifoQueue attribute at all, so naming it (true on a
        // name without `.fifo`, or false) is an unknown attribute, as SQS answers.
        let fifo = is_true(changes.get("FifoQueue"));
        if changes.contains_key("FifoQueue") && !(fifo && name.ends_with(".fifo")) {
            validate_queue_name(name, name.ends_with(".fifo"))?; // a bad name is named first
            return Err(unknown_attribute("FifoQueue"));
        }
        validate_queue_name(name, fifo)?;
        if let Some(n) = changes.keys().find(|n| READ_ONLY.contains(&n.as_str())) {
            return Err(unknown_attribute(n));
        }
        let base = QueueAttributes {
            fifo_queue: fifo,
            ..QueueAttributes::default()
        };
        let attributes = base.with_changes(changes)?;
        if let Some(&id) = self.by_name.get(name) {
            let existing = &self.queues[&id];
            return match existing.attributes.first_difference(&attributes, changes) {
                None => Ok(Reply::QueueUrl(existing.url.clone())),
                Some(attr) => Err(SqsError::new(
                    ErrorCode::QueueNameExists,
                    format!("A queue already exists with the same name and a different value for attribute {attr}"),
                )),
            };
        }
        if let Some(&deleted_at) = self.deleted_names.get(name) {
            if self.now.millis() < deleted_at.millis() + NAME_REUSE_MS {
                return Err(SqsError::new(
                    ErrorCode::QueueDeletedRecently,
                    "You must wait 60 seconds after deleting a queue before you can create another with the same name.",
                ));
            }
        }
        check_tags(tags, 0)?;
        self.check_redrive_target(&super::super::attributes::queue_arn(name), &attributes)?;
        let id = self.next_queue_id;
        self.next_queue_id += 1;
        // FIFO queues keep order exactly, so they are modelled on one host.
        let hosts = if fifo { 1 } else { self.config.chaos.hosts() };
        let mut queue = Queue::new(id, name, attributes, hosts, self.now);
        queue.tags = tags.clone();
        let url = queue.url.clone();
        self.queues.insert(id, queue);
        self.by_name.insert(name.to_string(), id);
        self.deleted_names.remove(name);
        self.trace
            .push(self.now, Event::QueueCreated { queue: name.into() });
        Ok(Reply::QueueUrl(url))
    }

    /// A redrive policy must name an existing queue of the same type whose
    /// RedriveAllowPolicy lets `source_arn` use it.
    fn check_redrive_target(
        &self,
        source_arn: &str,
        attributes: &QueueAttributes,
    ) -> Result<(), SqsError> {
        let Some(policy) = &attributes.redrive_policy else {
            return Ok(());
        };
        let bad = |reason: &str| {
            SqsError::invalid_value(format!(
                "Value {} for parameter RedrivePolicy is invalid. Reason: {reason}",
                policy.to_attribute()
            ))
        };
        let Some(dlq) = self.queue_id_by_arn(&policy.dead_letter_target_arn) else {
            return Err(bad("Dead letter target does not exist."));
        };
        let dlq_id = dlq;
        let dlq = &self.queues[&dlq];
        if dlq.arn == source_arn {
            return Err(bad("Dead letter target cannot be the source queue itself."));
        }
        // Follow the target's own redrive chain: if it leads back here, a message would
        // bounce between the queues for ever. (Fanout refuses this; SQS does not say.)
        let mut next = Some(dlq_id);
        let mut hops = 0;
        while let Some(q) = next {
            let Some(p) = &self.queues[&q].attributes.redrive_policy else {
                break;
            };
            if p.dead_letter_target_arn == source_arn || hops > self.queues.len() {
                return Err(bad(
                    "The dead-letter queue's own redrive policy leads back to this queue, so messages would move in a loop.",
                ));
            }
            next = self.queue_id_by_arn(&p.dead_letter_target_arn);
            hops += 1;
        }
        if dlq.is_fifo() != attributes.fifo_queue {
            // The doubled period is SQS's own.
            return Err(bad(
                "Dead-letter queue must be same type of queue as the source..",
            ));
        }
        if let Some((_, allow)) = &dlq.attributes.redrive_allow_policy {
            if !allow.allows(source_arn) {
                return Err(bad(&format!(
                    "Queue {} does not allow this queue to use it as a dead-letter queue (RedriveAllowPolicy).",
                    dlq.arn
                )));
            }
        }
        Ok(())
    }

    pub(super) fn handle_delete_queue(&mut self, url: &str) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let queue = self
            .queues
            .remove(&id)
            .expect("queue_id returns existing queues");
        self.by_name.remove(&queue.name);
        self.deleted_names.insert(queue.name.clone(), self.now);
        // Long polls on a deleted queue end empty.
        for poll in self.waiting.remove(&id).unwrap_or_default() {
            self.polls.remove(&poll);
            let event = Event::LongPollEnded {
                queue: queue.shared_name.clone(),
                poll,
                messages: 0,
            };
            self.trace.push(self.now, event);
            if let Some(none) = self.actor_poll_finished(poll, Vec::new()) {
                self.finished_polls.insert(poll, none);
            }
        }
        self.trace.push(
            self.now,
            Event::QueueDeleted {
                queue: queue.shared_name,
            },
        );
        Ok(Reply::Done)
    }

    /// One page of names in order after `next_token`, with the token of the next page.
    fn page<'a>(
        names: Vec<&'a String>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<(Vec<&'a String>, Option<String>), SqsError> {
        let max = check_optional(
            "MaxResults",
            max_results,
            1,
            1000,
            "MaxResults must be between 1 and 1000.",
        )?
        .map(|n| n as usize);
        if next_token.is_some() && max.is_none() {
            return Err(SqsError::invalid_value(
                "MaxResults is a mandatory parameter when you provide a value for NextToken.",
            ));
        }
        let after = match next_token {
            None => None,
            Some(t) => Some(
                BASE64
                    .decode(t)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .ok_or_else(|| SqsError::invalid_value("Invalid NextToken value."))?,
            ),
        };
        let names: Vec<&String> = names
            .into_iter()
            .filter(|n| after.as_ref().is_none_or(|a| *n > a))
            .collect();
        // Without MaxResults SQS returns at most 1000 URLs and no token.
        let take = max.unwrap_or(1000).min(names.len());
        let token = match max {
            Some(m) if names.len() > m => Some(BASE64.encode(names[m - 1].as_bytes())),
            _ => None,
        };
        Ok((names[..take].to_vec(), token))
    }

    pub(super) fn handle_list_queues(
        &self,
        prefix: Option<&str>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<Reply, SqsError> {
        let prefix = prefix.unwrap_or("");
        let names = self.by_name.keys().filter(|n| n.starts_with(prefix));
        let (names, next_token) = Self::page(names.collect(), max_results, next_token)?;
        let queue_urls = names
            .iter()
            .map(|n| self.queues[&self.by_name[*n]].url.clone())
            .collect();
        Ok(Reply::QueueUrls {
            queue_urls,
            next_token,
        })
    }

    pub(super) fn handle_list_dead_letter_source_queues(
        &self,
        url: &str,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let arn = &self.queues[&id].arn;
        let names = self.by_name.iter().filter_map(|(n, q)| {
            let policy = self.queues[q].attributes.redrive_policy.as_ref()?;
            (&policy.dead_letter_target_arn == arn).then_some(n)
        });
        let (names, next_token) = Self::page(names.collect(), max_results, next_token)?;
        let queue_urls = names
            .iter()
            .map(|n| self.queues[&self.by_name[*n]].url.clone())
            .collect();
        Ok(Reply::DeadLetterSourceQueues {
            queue_urls,
            next_token,
        })
    }

    pub(super) fn handle_get_queue_attributes(
        &self,
        url: &str,
        names: &[String],
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        if let Some(bad) = names
            .iter()
            .find(|n| *n != "All" && !ALL_NAMES.contains(&n.as_str()))
        {
            return Err(unknown_attribute(bad));
        }
        let q = &self.queues[&id];
        let all = names.iter().any(|n| n == "All");
        let mut out = Vec::new();
        for &name in ALL_NAMES {
            if !all && !names.iter().any(|n| n == name) {
                continue;
            }
            let value = match name {
                "QueueArn" => Some(q.arn.clone()),
                "ApproximateNumberOfMessages" => Some(q.visible_count().to_string()),
                "ApproximateNumberOfMessagesNotVisible" => Some(q.in_flight_count().to_string()),
                "ApproximateNumberOfMessagesDelayed" => Some(q.delayed_count().to_string()),
                // SQS gives these two in seconds, unlike message timestamps.
                "CreatedTimestamp" => Some((self.epoch_millis(q.created_at) / 1000).to_string()),
                "LastModifiedTimestamp" => {
                    Some((self.epoch_millis(q.last_modified_at) / 1000).to_string())
                }
                other => q.attributes.setting(other),
            };
            if let Some(v) = value {
                out.push((name.to_string(), v));
            }
        }
        Ok(Reply::Attributes(out))
    }

    pub(super) fn handle_set_queue_attributes(
        &mut self,
        url: &str,
        changes: &BTreeMap<String, String>,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        if let Some(n) = changes.keys().find(|n| READ_ONLY.contains(&n.as_str())) {
            return Err(unknown_attribute(n));
        }
        // A queue's type is chosen for good at creation.
        if changes.contains_key("FifoQueue") {
            return Err(SqsError::new(
                ErrorCode::InvalidAttributeName,
                "Unknown Attribute FifoQueue. (A queue's type is fixed when it is created.)",
            ));
        }
        let next = self.queues[&id].attributes.with_changes(changes)?;
        self.check_redrive_target(&self.queues[&id].arn, &next)?;
        self.replace_attributes(id, next, changes);
        Ok(Reply::Done)
    }

    fn replace_attributes(
        &mut self,
        id: QueueId,
        next: QueueAttributes,
        changes: &BTreeMap<String, String>,
    ) {
        let now = self.now;
        let queue = self.queues.get_mut(&id).expect("exists");
        let retention_changed =
            next.message_retention_period != queue.attributes.message_retention_period;
        queue.attributes = next;
        queue.last_modified_at = now;
        if retention_changed {
            // The new period applies to messages already in the queue; their earlier
            // expiry entries go stale.
            let keys: Vec<(MessageKey, _)> = queue
                .keyed_messages()
                .map(|(k, m)| (k, m.enqueued_at))
                .collect();
            for (key, enqueued_at) in keys {
                self.schedule_retention(id, key, enqueued_at);
            }
        }
        let name = self.queues[&id].shared_name.clone();
        let attributes = changes
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        self.trace.push(
            now,
            Event::QueueAttributesChanged {
                queue: name,
                attributes,
            },
        );
    }

    pub(super) fn handle_purge_queue(&mut self, url: &str) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let now = self.now;
        let queue = self.queues.get_mut(&id).expect("exists");
        if let Some(t) = queue.last_purged_at {
            if now.millis() < t.millis() + PURGE_INTERVAL_MS {
                return Err(SqsError::new(
                    ErrorCode::PurgeQueueInProgress,
                    format!(
                        "Only one PurgeQueue operation on {} is allowed every 60 seconds.",
                        queue.name
                    ),
                ));
            }
        }
        queue.last_purged_at = Some(now);
        let purged = queue.drain().len() as u32;
        let name = queue.shared_name.clone();
        self.trace.push(
            now,
            Event::Purged {
                queue: name,
                messages: purged,
            },
        );
        Ok(Reply::Done)
    }

    pub(super) fn handle_tag_queue(
        &mut self,
        url: &str,
        tags: &BTreeMap<String, String>,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        if tags.is_empty() {
            return Err(SqsError::new(
                ErrorCode::MissingParameter,
                "The request must contain the parameter Tags.",
            ));
        }
        let q = &self.queues[&id];
        let new_keys = tags.keys().filter(|k| !q.tags.contains_key(*k)).count();
        check_tags(tags, q.tags.len() + new_keys - tags.len())?;
        let q = self.queues.get_mut(&id).expect("exists");
        q.tags.extend(tags.clone());
        self.trace_tags(id);
        Ok(Reply::Done)
    }

    pub(super) fn handle_untag_queue(
        &mut self,
        url: &str,
        keys: &[String],
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        if keys.is_empty() {
            return Err(SqsError::new(
                ErrorCode::MissingParameter,
                "The request must contain the parameter TagKeys.",
            ));
        }
        let q = self.queues.get_mut(&id).expect("exists");
        for k in keys {
            q.tags.remove(k);
        }
        self.trace_tags(id);
        Ok(Reply::Done)
    }

    fn trace_tags(&mut self, id: QueueId) {
        let q = &self.queues[&id];
        let event = Event::QueueTagsChanged {
            queue: q.shared_name.clone(),
            tags: q.tags.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        };
        self.trace.push(self.now, event);
    }

    pub(super) fn handle_add_permission(
        &mut self,
        url: &str,
        label: &str,
        accounts: &[String],
        actions: &[String],
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let bad = |parameter: &str, value: &str, reason: &str| {
            SqsError::invalid_value(format!(
                "Value {value} for parameter {parameter} is invalid. Reason: {reason}"
            ))
        };
        let label_ok = !label.is_empty()
            && label.len() <= 80
            && label
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !label_ok {
            return Err(bad(
                "Label",
                label,
                "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length",
            ));
        }
        if accounts.is_empty() {
            return Err(SqsError::new(
                ErrorCode::MissingParameter,
                "The request must contain the parameter AWSAccountIds.",
            ));
        }
        if actions.is_empty() {
            return Err(SqsError::new(
                ErrorCode::MissingParameter,
                "The request must contain the parameter Actions.",
            ));
        }
        if let Some(a) = accounts
            .iter()
            .find(|a| a.len() != 12 || !a.chars().all(|c| c.is_ascii_digit()))
        {
            return Err(bad("PrincipalId", a, "Unable to verify."));
        }
        if let Some(a) = actions.iter().find(|a| !GRANTABLE.contains(&a.as_str())) {
            return Err(bad(
                "ActionName",
                a,
                "Please refer to the appropriate WSDL for a list of valid actions.",
            ));
        }
        let q = &self.queues[&id];
        let mut policy: Value = match &q.attributes.policy {
            Some(p) => serde_json::from_str(p).expect("validated when set"),
            None => json!({
                "Version": "2012-10-17",
                "Id": format!("{}/SQSDefaultPolicy", q.arn),
                "Statement": [],
            }),
        };
        let statements = policy
            .get_mut("Statement")
            .and_then(Value::as_array_mut)
            .ok_or_else(|| bad("Label", label, "The queue's policy has no statement list."))?;
        if statements
            .iter()
            .any(|s| s.get("Sid").and_then(Value::as_str) == Some(label))
        {
            return Err(bad("Label", label, "Already exists."));
        }
        let one_or_many = |v: Vec<String>| {
            if v.len() == 1 {
                json!(v[0])
            } else {
                json!(v)
            }
        };
        let principals = accounts
            .iter()
            .map(|a| format!("arn:aws:iam::{a}:root"))
            .collect();
        let actions = actions.iter().map(|a| format!("SQS:{a}")).collect();
        statements.push(json!({
            "Sid": label,
            "Effect": "Allow",
            "Principal": { "AWS": one_or_many(principals) },
            "Action": one_or_many(actions),
            "Resource": q.arn,
        }));
        self.set_policy(id, Some(policy.to_string()));
        Ok(Reply::Done)
    }

    pub(super) fn handle_remove_permission(
        &mut self,
        url: &str,
        label: &str,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let not_found = || {
            SqsError::invalid_value(format!(
                "Value {label} for parameter Label is invalid. Reason: can't find label on existing policy."
            ))
        };
        let q = &self.queues[&id];
        let mut policy: Value = match &q.attributes.policy {
            Some(p) => serde_json::from_str(p).expect("validated when set"),
            None => return Err(not_found()),
        };
        let statements = policy
            .get_mut("Statement")
            .and_then(Value::as_array_mut)
            .ok_or_else(not_found)?;
        let before = statements.len();
        statements.retain(|s| s.get("Sid").and_then(Value::as_str) != Some(label));
        if statements.len() == before {
            return Err(not_found());
        }
        let next = (!statements.is_empty()).then(|| policy.to_string());
        self.set_policy(id, next);
        Ok(Reply::Done)
    }

    fn set_policy(&mut self, id: QueueId, policy: Option<String>) {
        let mut next = self.queues[&id].attributes.clone();
        next.policy = policy.clone();
        let changes = BTreeMap::from([("Policy".to_string(), policy.unwrap_or_default())]);
        self.replace_attributes(id, next, &changes);
    }
}
