//! SQS actions (`handle_*`) and what happens when time passes (`fire`).
//!
//! Every handler checks its input completely before it changes anything, so an error
//! leaves the engine exactly as it was.

use super::attributes::{validate_queue_name, QueueAttributes, ALL_NAMES, READ_ONLY};
use super::error::{ErrorCode, SqsError};
use super::message::{md5_hex, validate_body, Message, MessageKey, MessageState, ReceivedMessage};
use super::queue::{Queue, QueueId};
use super::time::SimTime;
use super::trace::Event;
use super::{Command, Due, Engine, Poll, PollId, Reply};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A deleted queue's name may be reused after this long.
const NAME_REUSE_MS: u64 = 60_000;
/// PurgeQueue may be called once per this long.
const PURGE_INTERVAL_MS: u64 = 60_000;
/// A message may stay in flight at most 12 hours from the receive.
const MAX_IN_FLIGHT_MS: u64 = 43_200_000;
/// The sender every message claims (an IAM user id in real SQS).
const SENDER_ID: &str = "AIDAFANOUTSIMULATOR01";
const RECEIPT_PREFIX: &str = "AQEB";
/// The system attributes a receive can return, in the order SQS lists them.
const SYSTEM_ATTRIBUTES: [&str; 4] = [
    "SenderId",
    "ApproximateFirstReceiveTimestamp",
    "ApproximateReceiveCount",
    "SentTimestamp",
];
const TOTAL_VISIBILITY_REASON: &str =
    "Total VisibilityTimeout for the message is beyond the limit [43200 seconds].";

fn out_of_range(parameter: &str, value: i64, reason: &str) -> SqsError {
    SqsError::invalid_value(format!(
        "Value {value} for parameter {parameter} is invalid. Reason: {reason}"
    ))
}

fn check_range(
    parameter: &str,
    value: i64,
    min: i64,
    max: i64,
    reason: &str,
) -> Result<u32, SqsError> {
    if (min..=max).contains(&value) {
        Ok(value as u32)
    } else {
        Err(out_of_range(parameter, value, reason))
    }
}

/// What a receipt handle names: the queue, the message and which receive produced it.
struct Receipt {
    queue: QueueId,
    key: MessageKey,
    receipt: u64,
}

fn invalid_receipt(handle: &str) -> SqsError {
    SqsError::new(
        ErrorCode::ReceiptHandleIsInvalid,
        format!("The input receipt handle \"{handle}\" is not a valid receipt handle."),
    )
}

impl Engine {
    pub(super) fn handle_command(&mut self, command: Command) -> Result<Reply, SqsError> {
        match command {
            Command::CreateQueue {
                queue_name,
                attributes,
                ..
            } => self.handle_create_queue(&queue_name, &attributes),
            Command::DeleteQueue { queue_url } => self.handle_delete_queue(&queue_url),
            Command::GetQueueUrl { queue_name } => {
                let id = self
                    .by_name
                    .get(&queue_name)
                    .ok_or_else(SqsError::no_such_queue)?;
                Ok(Reply::QueueUrl(self.queues[id].url.clone()))
            }
            Command::ListQueues {
                queue_name_prefix,
                max_results,
                next_token,
            } => self.handle_list_queues(
                queue_name_prefix.as_deref(),
                max_results,
                next_token.as_deref(),
            ),
            Command::SendMessage { queue_url, message } => {
                self.handle_send_message(&queue_url, message.message_body, message.delay_seconds)
            }
            Command::ReceiveMessage { queue_url, input } => self.handle_receive_message(
                &queue_url,
                input.max_number_of_messages,
                input.visibility_timeout,
                input.wait_time_seconds,
                input.attribute_names,
            ),
            Command::DeleteMessage {
                queue_url,
                receipt_handle,
            } => self.handle_delete_message(&queue_url, &receipt_handle),
            Command::ChangeMessageVisibility {
                queue_url,
                receipt_handle,
                visibility_timeout,
            } => self.handle_change_visibility(&queue_url, &receipt_handle, visibility_timeout),
            Command::GetQueueAttributes {
                queue_url,
                attribute_names,
            } => self.handle_get_queue_attributes(&queue_url, &attribute_names),
            Command::SetQueueAttributes {
                queue_url,
                attributes,
            } => self.handle_set_queue_attributes(&queue_url, &attributes),
            Command::PurgeQueue { queue_url } => self.handle_purge_queue(&queue_url),
            _ => Err(SqsError::new(ErrorCode::UnsupportedOperation, "not yet")),
        }
    }

    /// Finds a queue from its URL (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`).
    fn queue_id(&self, url: &str) -> Result<QueueId, SqsError> {
        let mut parts = url.trim_end_matches('/').rsplit('/');
        let name = parts.next().unwrap_or_default();
        let account = parts.next().unwrap_or_default();
        if account != super::attributes::ACCOUNT_ID {
            return Err(SqsError::no_such_queue());
        }
        self.by_name
            .get(name)
            .copied()
            .ok_or_else(SqsError::no_such_queue)
    }

    fn handle_create_queue(
        &mut self,
        name: &str,
        changes: &BTreeMap<String, String>,
    ) -> Result<Reply, SqsError> {
        validate_queue_name(name)?;
        if let Some(n) = changes.keys().find(|n| READ_ONLY.contains(&n.as_str())) {
            return Err(SqsError::new(
                ErrorCode::InvalidAttributeName,
                format!("Unknown Attribute {n}."),
            ));
        }
        let attributes = QueueAttributes::default().with_changes(changes)?;
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
        self.check_redrive_target(&attributes)?;
        let id = self.next_queue_id;
        self.next_queue_id += 1;
        let queue = Queue::new(id, name, attributes, self.config.chaos.hosts(), self.now);
        let url = queue.url.clone();
        self.queues.insert(id, queue);
        self.by_name.insert(name.to_string(), id);
        self.deleted_names.remove(name);
        self.trace.push(
            self.now,
            Event::QueueCreated {
                queue: name.to_string(),
            },
        );
        Ok(Reply::QueueUrl(url))
    }

    /// Finds a queue from its ARN (`arn:aws:sqs:REGION:ACCOUNT:NAME`).
    fn queue_id_by_arn(&self, arn: &str) -> Option<QueueId> {
        let name = arn.rsplit(':').next()?;
        let id = *self.by_name.get(name)?;
        (self.queues[&id].arn == arn).then_some(id)
    }

    fn check_redrive_target(&self, attributes: &QueueAttributes) -> Result<(), SqsError> {
        let Some(policy) = &attributes.redrive_policy else {
            return Ok(());
        };
        if self
            .queue_id_by_arn(&policy.dead_letter_target_arn)
            .is_some()
        {
            return Ok(());
        }
        Err(SqsError::invalid_value(format!(
            "Value {} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.",
            policy.to_attribute()
        )))
    }

    fn handle_delete_queue(&mut self, url: &str) -> Result<Reply, SqsError> {
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
            self.finished_polls.insert(poll, Vec::new());
        }
        self.trace
            .push(self.now, Event::QueueDeleted { queue: queue.name });
        Ok(Reply::Done)
    }

    fn handle_list_queues(
        &self,
        prefix: Option<&str>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<Reply, SqsError> {
        let max = match max_results {
            None => None,
            Some(n) => Some(check_range(
                "MaxResults",
                n,
                1,
                1000,
                "MaxResults must be between 1 and 1000.",
            )? as usize),
        };
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
        let prefix = prefix.unwrap_or("");
        let names: Vec<&String> = self
            .by_name
            .keys()
            .filter(|n| n.starts_with(prefix) && after.as_ref().is_none_or(|a| *n > a))
            .collect();
        // Without MaxResults SQS returns at most 1000 URLs and no token.
        let take = max.unwrap_or(1000).min(names.len());
        let next_token = match max {
            Some(m) if names.len() > m => Some(BASE64.encode(names[m - 1].as_bytes())),
            _ => None,
        };
        let queue_urls = names[..take]
            .iter()
            .map(|n| self.queues[&self.by_name[*n]].url.clone())
            .collect();
        Ok(Reply::QueueUrls {
            queue_urls,
            next_token,
        })
    }

    fn handle_send_message(
        &mut self,
        url: &str,
        body: String,
        delay_seconds: Option<i64>,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let queue = &self.queues[&id];
        validate_body(&body, queue.attributes.maximum_message_size)?;
        let delay = match delay_seconds {
            None => queue.attributes.delay_seconds,
            Some(d) => check_range(
                "DelaySeconds",
                d,
                0,
                900,
                "DelaySeconds must be >= 0 and <= 900.",
            )?,
        };
        let message_id = self.rng.uuid();
        let md5 = md5_hex(body.as_bytes());
        let hosts = queue.hosts();
        let host = if hosts > 1 {
            self.rng.below(hosts as u64) as u32
        } else {
            0
        };
        let key = self.next_key;
        self.next_key += 1;
        let visible_at = self.now.plus_secs(delay as u64);
        let state = if delay > 0 {
            MessageState::Delayed { until: visible_at }
        } else {
            MessageState::Visible
        };
        let message = Message {
            key,
            message_id: message_id.clone(),
            body: Arc::from(body),
            md5_of_body: md5.clone(),
            enqueued_at: self.now,
            receive_count: 0,
            first_receive_at: None,
            last_receipt: 0,
            received_at: self.now,
            state,
            host,
        };
        let queue = self.queues.get_mut(&id).expect("checked above");
        let retention_ends = self
            .now
            .plus_secs(queue.attributes.message_retention_period as u64);
        queue.insert(message);
        let name = queue.name.clone();
        if delay > 0 {
            self.agenda
                .schedule(visible_at, Due::DelayEnds { queue: id, key });
        }
        self.agenda
            .schedule(retention_ends, Due::RetentionEnds { queue: id, key });
        self.trace.push(
            self.now,
            Event::Sent {
                queue: name,
                message_id: message_id.clone(),
                visible_at,
            },
        );
        if delay == 0 {
            self.serve_waiting_polls(id);
        }
        Ok(Reply::MessageSent(super::SendResult {
            message_id,
            md5_of_message_body: md5,
            md5_of_message_attributes: None,
            md5_of_message_system_attributes: None,
            sequence_number: None,
        }))
    }

    fn handle_receive_message(
        &mut self,
        url: &str,
        max: Option<i64>,
        visibility_timeout: Option<i64>,
        wait_time_seconds: Option<i64>,
        attribute_names: Vec<String>,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let max = match max {
            None => 1,
            Some(n) => check_range(
                "MaxNumberOfMessages",
                n,
                1,
                10,
                "Must be between 1 and 10, if provided.",
            )?,
        };
        let queue = &self.queues[&id];
        let visibility_timeout = match visibility_timeout {
            None => queue.attributes.visibility_timeout,
            Some(v) => check_range(
                "VisibilityTimeout",
                v,
                0,
                43_200,
                "Must be >= 0 and <= 43200, if provided.",
            )?,
        };
        let wait = match wait_time_seconds {
            None => queue.attributes.receive_message_wait_time_seconds,
            Some(w) => check_range(
                "WaitTimeSeconds",
                w,
                0,
                20,
                "Must be >= 0 and <= 20, if provided.",
            )?,
        };
        let poll = Poll {
            queue: id,
            max,
            visibility_timeout,
            attribute_names,
        };
        if wait == 0 {
            return Ok(Reply::Messages(self.receive(&poll, false)));
        }
        let messages = self.receive(&poll, true);
        if !messages.is_empty() {
            return Ok(Reply::Messages(messages));
        }
        let poll_id: PollId = self.next_poll;
        self.next_poll += 1;
        let until = self.now.plus_secs(wait as u64);
        self.polls.insert(poll_id, poll);
        self.waiting.entry(id).or_default().push_back(poll_id);
        self.agenda
            .schedule(until, Due::PollTimeout { poll: poll_id });
        let name = self.queues[&id].name.clone();
        self.trace.push(
            self.now,
            Event::LongPollStarted {
                queue: name,
                poll: poll_id,
                until,
            },
        );
        Ok(Reply::ReceivePending(poll_id))
    }

    /// Takes up to `poll.max` visible messages. A long poll asks every host; a short poll
    /// asks a random sample of them (so it can miss messages: a false empty).
    fn receive(&mut self, poll: &Poll, long: bool) -> Vec<ReceivedMessage> {
        let chaos = self.config.chaos;
        let hosts_total = self.queues[&poll.queue].hosts();
        let hosts: Vec<u32> = if long || hosts_total == 1 {
            (0..hosts_total).collect()
        } else {
            let p = chaos.short_poll_host_probability();
            let mut sampled: Vec<u32> = (0..hosts_total).filter(|_| self.rng.chance(p)).collect();
            if sampled.is_empty() {
                sampled.push(self.rng.below(hosts_total as u64) as u32);
            }
            sampled
        };
        let mut out = Vec::new();
        while out.len() < poll.max as usize {
            let queue = &self.queues[&poll.queue];
            let Some(key) = queue.oldest_visible(&hosts) else {
                break;
            };
            if self.move_to_dead_letter_queue_if_due(poll.queue, key) {
                continue;
            }
            out.push(self.deliver(poll, key));
        }
        let queue = &self.queues[&poll.queue];
        // A long poll that finds nothing parks instead; only a short poll answers empty at once.
        if out.is_empty() && !long {
            let event = Event::EmptyReceive {
                queue: queue.name.clone(),
                sampled_hosts: hosts.len() as u32,
                hosts: hosts_total,
            };
            self.trace.push(self.now, event);
        }
        out
    }

    /// Marks one visible message in flight for a receive and returns it.
    fn deliver(&mut self, poll: &Poll, key: MessageKey) -> ReceivedMessage {
        let now = self.now;
        let receipt = self.next_receipt;
        self.next_receipt += 1;
        let mut salt = [0u8; 8];
        self.rng.fill(&mut salt);
        let until = now.plus_secs(poll.visibility_timeout as u64);
        let epoch_ms = self.config.epoch_ms;
        let queue = self
            .queues
            .get_mut(&poll.queue)
            .expect("poll on live queue");
        let name = queue.name.clone();
        let m = queue
            .set_state(key, MessageState::InFlight { until, receipt })
            .expect("key is visible");
        m.receive_count += 1;
        m.first_receive_at.get_or_insert(now);
        m.last_receipt = receipt;
        m.received_at = now;
        let mut handle_bytes = Vec::with_capacity(32);
        for part in [poll.queue, key, receipt] {
            handle_bytes.extend_from_slice(&part.to_be_bytes());
        }
        handle_bytes.extend_from_slice(&salt);
        let wants = |n: &str| poll.attribute_names.iter().any(|a| a == "All" || a == n);
        // In the order SQS returns them; formatted only when asked for (the hot path).
        let mut attributes = Vec::new();
        for name in SYSTEM_ATTRIBUTES.iter().copied().filter(|n| wants(n)) {
            let value = match name {
                "SenderId" => SENDER_ID.to_string(),
                "ApproximateFirstReceiveTimestamp" => {
                    (epoch_ms + m.first_receive_at.unwrap_or(now).millis()).to_string()
                }
                "ApproximateReceiveCount" => m.receive_count.to_string(),
                _ => (epoch_ms + m.enqueued_at.millis()).to_string(),
            };
            attributes.push((name.to_string(), value));
        }
        let received = ReceivedMessage {
            message_id: m.message_id.clone(),
            receipt_handle: format!("{RECEIPT_PREFIX}{}", BASE64.encode(&handle_bytes)),
            md5_of_body: m.md5_of_body.clone(),
            body: m.body.clone(),
            attributes,
            message_attributes: Default::default(),
            md5_of_message_attributes: None,
        };
        let event = Event::Received {
            queue: name,
            message_id: m.message_id.clone(),
            receive_count: m.receive_count,
            invisible_until: until,
        };
        self.agenda.schedule(
            until,
            Due::VisibilityTimeout {
                queue: poll.queue,
                key,
                receipt,
                until,
            },
        );
        self.trace.push(now, event);
        received
    }

    /// A receive that would raise the receive count above the redrive policy's
    /// `maxReceiveCount` moves the message to the dead-letter queue instead.
    fn move_to_dead_letter_queue_if_due(&mut self, queue: QueueId, key: MessageKey) -> bool {
        let source = &self.queues[&queue];
        let Some(policy) = &source.attributes.redrive_policy else {
            return false;
        };
        let m = source.get(key).expect("visible key exists");
        if m.receive_count < policy.max_receive_count {
            return false;
        }
        let Some(dlq) = self.queue_id_by_arn(&policy.dead_letter_target_arn) else {
            return false; // The DLQ was deleted: SQS keeps delivering from the source.
        };
        let mut m = self
            .queues
            .get_mut(&queue)
            .expect("exists")
            .remove(key)
            .expect("exists");
        let (source_name, receive_count) = (self.queues[&queue].name.clone(), m.receive_count);
        let new_key = self.next_key;
        self.next_key += 1;
        let dlq_queue = self.queues.get_mut(&dlq).expect("found above");
        let hosts = dlq_queue.hosts();
        m.key = new_key;
        m.host = if hosts > 1 {
            self.rng.below(hosts as u64) as u32
        } else {
            0
        };
        m.state = MessageState::Visible;
        m.receive_count = 0;
        m.first_receive_at = None;
        m.last_receipt = 0;
        let message_id = m.message_id.clone();
        // Retention still counts from the original enqueue time (standard queues).
        let retention_ends = m
            .enqueued_at
            .plus_secs(dlq_queue.attributes.message_retention_period as u64);
        dlq_queue.insert(m);
        let dlq_name = dlq_queue.name.clone();
        self.agenda.schedule(
            retention_ends.max(self.now),
            Due::RetentionEnds {
                queue: dlq,
                key: new_key,
            },
        );
        self.trace.push(
            self.now,
            Event::MovedToDeadLetterQueue {
                queue: source_name,
                message_id,
                dead_letter_queue: dlq_name,
                receive_count,
            },
        );
        self.serve_waiting_polls(dlq);
        true
    }

    fn parse_receipt(&self, queue: QueueId, handle: &str) -> Result<Receipt, SqsError> {
        let bytes = handle
            .strip_prefix(RECEIPT_PREFIX)
            .and_then(|b| BASE64.decode(b).ok())
            .filter(|b| b.len() == 32)
            .ok_or_else(|| invalid_receipt(handle))?;
        let word =
            |i: usize| u64::from_be_bytes(bytes[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
        let receipt = Receipt {
            queue: word(0),
            key: word(1),
            receipt: word(2),
        };
        if receipt.queue != queue {
            return Err(invalid_receipt(handle));
        }
        Ok(receipt)
    }

    fn handle_delete_message(&mut self, url: &str, handle: &str) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let r = self.parse_receipt(id, handle)?;
        let queue = self.queues.get_mut(&id).expect("exists");
        let name = queue.name.clone();
        let Some(m) = queue.get(r.key) else {
            // Deleting twice, or after expiry, succeeds and does nothing.
            return Ok(Reply::Done);
        };
        if m.last_receipt != r.receipt {
            let event = Event::DeleteIgnored {
                queue: name,
                message_id: m.message_id.clone(),
                reason: "the receipt handle is from an earlier receive; the message was received again since".into(),
            };
            self.trace.push(self.now, event);
            return Ok(Reply::Done);
        }
        let m = queue.remove(r.key).expect("present");
        self.trace.push(
            self.now,
            Event::Deleted {
                queue: name,
                message_id: m.message_id,
            },
        );
        Ok(Reply::Done)
    }

    fn handle_change_visibility(
        &mut self,
        url: &str,
        handle: &str,
        timeout: i64,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let r = self.parse_receipt(id, handle)?;
        // Above the maximum, SQS words it as the 12-hour cap.
        if timeout > 43_200 {
            return Err(out_of_range(
                "VisibilityTimeout",
                timeout,
                TOTAL_VISIBILITY_REASON,
            ));
        }
        let timeout = check_range(
            "VisibilityTimeout",
            timeout,
            0,
            43_200,
            "Must be >= 0 and <= 43200, if provided.",
        )?;
        let now = self.now;
        let queue = self.queues.get_mut(&id).expect("exists");
        let name = queue.name.clone();
        let m = match queue.get(r.key) {
            Some(m) if m.last_receipt == r.receipt => m,
            _ => {
                return Err(SqsError::invalid_value(format!(
                    "Value {handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change."
                )))
            }
        };
        // A handle whose visibility timeout already lapsed still works (as on AWS): the
        // message is hidden again for the new timeout.
        if now.millis() + timeout as u64 * 1000 > m.received_at.millis() + MAX_IN_FLIGHT_MS {
            return Err(out_of_range(
                "VisibilityTimeout",
                timeout as i64,
                TOTAL_VISIBILITY_REASON,
            ));
        }
        let message_id = m.message_id.clone();
        if timeout == 0 && m.state == MessageState::Visible {
            return Ok(Reply::Done);
        }
        if timeout == 0 {
            queue.set_state(r.key, MessageState::Visible);
            self.trace.push(
                now,
                Event::VisibilityChanged {
                    queue: name,
                    message_id,
                    invisible_until: now,
                },
            );
            self.serve_waiting_polls(id);
        } else {
            let until = now.plus_secs(timeout as u64);
            queue.set_state(
                r.key,
                MessageState::InFlight {
                    until,
                    receipt: r.receipt,
                },
            );
            self.agenda.schedule(
                until,
                Due::VisibilityTimeout {
                    queue: id,
                    key: r.key,
                    receipt: r.receipt,
                    until,
                },
            );
            self.trace.push(
                now,
                Event::VisibilityChanged {
                    queue: name,
                    message_id,
                    invisible_until: until,
                },
            );
        }
        Ok(Reply::Done)
    }

    fn handle_get_queue_attributes(&self, url: &str, names: &[String]) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        if let Some(bad) = names
            .iter()
            .find(|n| *n != "All" && !ALL_NAMES.contains(&n.as_str()))
        {
            return Err(SqsError::new(
                ErrorCode::InvalidAttributeName,
                format!("Unknown Attribute {bad}."),
            ));
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

    fn handle_set_queue_attributes(
        &mut self,
        url: &str,
        changes: &BTreeMap<String, String>,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        if let Some(n) = changes.keys().find(|n| READ_ONLY.contains(&n.as_str())) {
            return Err(SqsError::new(
                ErrorCode::InvalidAttributeName,
                format!("Unknown Attribute {n}."),
            ));
        }
        let next = self.queues[&id].attributes.with_changes(changes)?;
        self.check_redrive_target(&next)?;
        let now = self.now;
        let queue = self.queues.get_mut(&id).expect("exists");
        let retention_changed =
            next.message_retention_period != queue.attributes.message_retention_period;
        queue.attributes = next;
        queue.last_modified_at = now;
        if retention_changed {
            // A shorter period applies to messages already in the queue: re-check each.
            let period = queue.attributes.message_retention_period as u64;
            let ends: Vec<(MessageKey, SimTime)> = queue
                .messages()
                .map(|m| (m.key, m.enqueued_at.plus_secs(period).max(now)))
                .collect();
            for (key, at) in ends {
                self.agenda
                    .schedule(at, Due::RetentionEnds { queue: id, key });
            }
        }
        let name = self.queues[&id].name.clone();
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
        Ok(Reply::Done)
    }

    fn handle_purge_queue(&mut self, url: &str) -> Result<Reply, SqsError> {
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
        let name = queue.name.clone();
        self.trace.push(
            now,
            Event::Purged {
                queue: name,
                messages: purged,
            },
        );
        Ok(Reply::Done)
    }

    /// Answers parked long polls on `queue`, oldest first, while it has visible messages.
    fn serve_waiting_polls(&mut self, queue: QueueId) {
        loop {
            let Some(&poll_id) = self.waiting.get(&queue).and_then(|w| w.front()) else {
                return;
            };
            if self.queues[&queue].visible_count() == 0 {
                return;
            }
            self.waiting.get_mut(&queue).expect("checked").pop_front();
            let poll = self
                .polls
                .remove(&poll_id)
                .expect("waiting polls are registered");
            let messages = self.receive(&poll, true);
            self.finish_poll(poll_id, queue, messages);
        }
    }

    fn finish_poll(&mut self, poll: PollId, queue: QueueId, messages: Vec<ReceivedMessage>) {
        let name = self
            .queues
            .get(&queue)
            .map(|q| q.name.clone())
            .unwrap_or_default();
        self.trace.push(
            self.now,
            Event::LongPollEnded {
                queue: name,
                poll,
                messages: messages.len() as u32,
            },
        );
        self.finished_polls.insert(poll, messages);
    }

    /// Something on the agenda came due.
    pub(super) fn fire(&mut self, due: Due) {
        if !self.is_live(&due) {
            return;
        }
        let now = self.now;
        match due {
            Due::DelayEnds { queue, key } => {
                let q = self.queues.get_mut(&queue).expect("live");
                let name = q.name.clone();
                let m = q.set_state(key, MessageState::Visible).expect("live");
                let event = Event::DelayEnded {
                    queue: name,
                    message_id: m.message_id.clone(),
                };
                self.trace.push(now, event);
                self.serve_waiting_polls(queue);
            }
            Due::VisibilityTimeout { queue, key, .. } => {
                let q = self.queues.get_mut(&queue).expect("live");
                let name = q.name.clone();
                let m = q.set_state(key, MessageState::Visible).expect("live");
                let event = Event::VisibilityExpired {
                    queue: name,
                    message_id: m.message_id.clone(),
                    receive_count: m.receive_count,
                };
                self.trace.push(now, event);
                self.serve_waiting_polls(queue);
            }
            Due::RetentionEnds { queue, key } => {
                let q = self.queues.get_mut(&queue).expect("live");
                let m = q.get(key).expect("live");
                let ends = m
                    .enqueued_at
                    .plus_secs(q.attributes.message_retention_period as u64);
                if ends > now {
                    // The period grew since this was scheduled.
                    self.agenda
                        .schedule(ends, Due::RetentionEnds { queue, key });
                    return;
                }
                let m = q.remove(key).expect("live");
                let event = Event::Expired {
                    queue: q.name.clone(),
                    message_id: m.message_id,
                };
                self.trace.push(now, event);
            }
            Due::PollTimeout { poll } => {
                let p = self.polls.remove(&poll).expect("live");
                if let Some(w) = self.waiting.get_mut(&p.queue) {
                    w.retain(|&x| x != poll);
                }
                self.finish_poll(poll, p.queue, Vec::new());
            }
        }
    }
}
