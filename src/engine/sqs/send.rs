//! SendMessage and SendMessageBatch, with FIFO groups, sequence numbers and deduplication.

use super::super::error::{ErrorCode, SqsError};
use super::super::md5_digest::Md5Digest;
use super::super::message::{validate_body, Message, MessageExtras, MessageState};
use super::super::message_attributes::{
    attributes_size, md5_of_message_attributes, validate_message_attributes,
    validate_message_system_attributes, MessageAttributes,
};
use super::super::queue::{Deduplicated, QueueId};
use super::super::trace::Event;
use super::super::{Due, Engine, MessageInput, Reply, SendMessageBatchEntry, SendResult};
use super::{check_batch, check_optional, each_entry};
use std::sync::Arc;

/// How long a FIFO queue remembers a deduplication id.
/// SequenceNumbers are 20-digit decimals; start where real ones look alike.
const SEQUENCE_BASE: u128 = 18_000_000_000_000_000_000;

fn not_for_this_queue_type(parameter: &str, value: &str) -> SqsError {
    SqsError::invalid_value(format!(
        "Value {value} for parameter {parameter} is invalid. Reason: The request include parameter that is not valid for this queue type."
    ))
}

/// Lets go of an attribute map the send is done with. Most sends carry none, and an empty
/// map owns no allocation, yet dropping one still walks its empty tree (about 28
/// instructions, twice a send: docs/PERFORMANCE.md "Engine profile, fifth pass").
/// Forgetting an empty map frees nothing because there is nothing to free.
fn release(map: MessageAttributes) {
    if map.is_empty() {
        std::mem::forget(map);
    }
}

/// MessageGroupId and MessageDeduplicationId: 1–128 characters of letters, digits and
/// punctuation (`!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`).
fn check_fifo_id(parameter: &str, value: &str) -> Result<(), SqsError> {
    let ok = !value.is_empty()
        && value.chars().count() <= 128
        && value.chars().all(|c| c.is_ascii_graphic());
    if ok {
        return Ok(());
    }
    Err(SqsError::invalid_value(format!(
        "Value {value} for parameter {parameter} is invalid. Reason: {parameter} can only include alphanumeric and punctuation characters. 1 to 128 in length."
    )))
}

impl Engine {
    /// Sends one message. On error nothing changed, not even the random stream.
    pub(in crate::engine) fn handle_send_message(
        &mut self,
        id: QueueId,
        input: MessageInput,
    ) -> Result<SendResult, SqsError> {
        let queue = &self.queues[&id];
        let max = queue.attributes.maximum_message_size;
        validate_body(&input.message_body, max)?;
        validate_message_attributes(&input.message_attributes)?;
        validate_message_system_attributes(&input.message_system_attributes)?;
        let size = input.message_body.len() + attributes_size(&input.message_attributes);
        if size > max as usize {
            return Err(SqsError::invalid_value(format!(
                "One or more parameters are invalid. Reason: Message must be shorter than {max} bytes."
            )));
        }
        let fifo = queue.is_fifo();
        if let Some(g) = &input.message_group_id {
            check_fifo_id("MessageGroupId", g)?;
        }
        let mut deduplication_id = None;
        let delay = if fifo {
            if let Some(d) = input.delay_seconds {
                return Err(not_for_this_queue_type("DelaySeconds", &d.to_string()));
            }
            if input.message_group_id.is_none() {
                return Err(SqsError::new(
                    ErrorCode::MissingParameter,
                    "The request must contain the parameter MessageGroupId.",
                ));
            }
            deduplication_id = Some(match &input.message_deduplication_id {
                Some(d) => {
                    check_fifo_id("MessageDeduplicationId", d)?;
                    d.clone()
                }
                None if queue.attributes.content_based_deduplication => {
                    super::super::message::sha256_hex(input.message_body.as_bytes())
                }
                None => {
                    return Err(SqsError::invalid_value(
                        "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
                    ))
                }
            });
            queue.attributes.delay_seconds
        } else {
            if let Some(d) = &input.message_deduplication_id {
                return Err(not_for_this_queue_type("MessageDeduplicationId", d));
            }
            check_optional(
                "DelaySeconds",
                input.delay_seconds,
                0,
                900,
                "DelaySeconds must be >= 0 and <= 900.",
            )?
            .unwrap_or(queue.attributes.delay_seconds)
        };
        // Only a send AWS would accept meets Fanout's own limit (a bad one keeps its code).
        self.check_capacity(1)?;
        let queue = &self.queues[&id];
        let md5_of_message_system_attributes = (!input.message_system_attributes.is_empty())
            .then(|| md5_of_message_attributes(&input.message_system_attributes));
        let md5_of_message_attributes = (!input.message_attributes.is_empty())
            .then(|| md5_of_message_attributes(&input.message_attributes));
        let group: Option<Arc<str>> = input.message_group_id.as_deref().map(Arc::from);

        // Checks are done; from here on the send happens.
        let now = self.now;
        let dedup_key = deduplication_id.as_deref().map(|d| {
            let scope_group = (queue.attributes.deduplication_scope == "messageGroup")
                .then(|| group.clone())
                .flatten();
            (scope_group, Arc::<str>::from(d))
        });
        if let Some(dedup_key) = &dedup_key {
            let queue = self.queues.get_mut(&id).expect("exists");
            if let Some(first) = queue.deduplication.get(now, dedup_key) {
                let result = SendResult {
                    message_id: first.message_id,
                    md5_of_message_body: Md5Digest::of(input.message_body.as_bytes()),
                    md5_of_message_attributes,
                    md5_of_message_system_attributes,
                    sequence_number: Some(first.sequence_number.clone()),
                };
                let event = Event::SendDeduplicated {
                    queue: queue.shared_name.clone(),
                    message_id: first.message_id,
                    deduplication_id: dedup_key.1.to_string(),
                };
                self.trace.push(now, event);
                return Ok(result);
            }
        }

        let message_id = self.rng.message_id();
        let host = self.pick_host(id);
        let key = self.new_key();
        let mut m = Message::new(message_id, Arc::from(input.message_body), now);
        m.host = host;
        m.group_id = group.clone();
        let aws_trace_header = input
            .message_system_attributes
            .get("AWSTraceHeader")
            .and_then(|v| v.string_value.as_deref())
            .map(Arc::from);
        release(input.message_system_attributes);
        let message_attributes = if input.message_attributes.is_empty() {
            release(input.message_attributes);
            None
        } else {
            Some(Arc::new(input.message_attributes))
        };
        m.set_extras(MessageExtras {
            deduplication_id: deduplication_id.as_deref().map(Arc::from),
            md5_of_message_attributes: md5_of_message_attributes.as_deref().map(Arc::from),
            message_attributes,
            aws_trace_header,
            ..MessageExtras::default()
        });
        let visible_at = now.plus_secs(delay as u64);
        if delay > 0 {
            m.state = MessageState::Delayed { until: visible_at };
        }
        let md5_of_message_body = m.md5_of_body;
        let queue = self.queues.get_mut(&id).expect("exists");
        let sequence_number: Option<Arc<str>> = fifo.then(|| {
            queue.sequence += 1;
            Arc::from(format!("{:020}", SEQUENCE_BASE + queue.sequence))
        });
        if let Some(sequence_number) = &sequence_number {
            m.extras_mut().sequence_number = Some(sequence_number.clone());
        }
        if let Some(dedup_key) = dedup_key {
            queue.deduplication.insert(
                now,
                dedup_key,
                Deduplicated {
                    message_id,
                    sequence_number: sequence_number.as_deref().unwrap_or_default().to_string(),
                },
            );
        }
        queue.insert(key, m);
        queue.metrics.sent(now, size);
        let name = queue.shared_name.clone();
        if delay > 0 {
            self.agenda
                .schedule(visible_at, Due::DelayEnds { queue: id, key });
        }
        self.schedule_retention(id, key, now);
        self.trace.push(
            now,
            Event::Sent {
                queue: name,
                message_id,
                visible_at,
                group_id: group,
                sequence_number: sequence_number.clone(),
            },
        );
        if delay == 0 {
            self.serve_waiting_polls(id);
        }
        Ok(SendResult {
            message_id,
            md5_of_message_body,
            md5_of_message_attributes,
            md5_of_message_system_attributes,
            sequence_number: sequence_number.map(|s| s.to_string()),
        })
    }

    pub(super) fn handle_send_message_batch(
        &mut self,
        url: &str,
        entries: Vec<SendMessageBatchEntry>,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        check_batch(
            "SendMessageBatchRequestEntry",
            entries.iter().map(|e| e.id.as_str()),
        )?;
        let max = self.queues[&id].attributes.maximum_message_size as usize;
        let total: usize = entries
            .iter()
            .map(|e| e.message.message_body.len() + attributes_size(&e.message.message_attributes))
            .sum();
        if total > max {
            return Err(SqsError::new(
                ErrorCode::BatchRequestTooLong,
                format!("Batch requests cannot be longer than {max} bytes. You have sent {total} bytes."),
            ));
        }
        self.check_capacity(entries.len())?;
        let (successful, failed) = each_entry(
            self,
            entries,
            |e| std::mem::take(&mut e.id),
            |engine, e| engine.handle_send_message(id, e.message),
        );
        Ok(Reply::SendBatch { successful, failed })
    }
}
