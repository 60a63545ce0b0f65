//! ReceiveMessage: short and long polls, FIFO group order, fair queues, receive request
//! attempt ids and the move to a dead-letter queue.

use super::super::agenda::Lane;
use super::super::error::SqsError;
use super::super::message::{Message, MessageKey, MessageState, ReceivedMessage};
use super::super::message_attributes::{md5_of_message_attributes, select};
use super::super::queue::{QueueId, ReceiveAttempt};
use super::super::trace::Event;
use super::super::{Due, Engine, MessageId, Poll, PollId, ReceiveInput, Reply};
use super::{check_optional, receipt, SENDER_ID};
use std::sync::Arc;

/// The system attributes a receive can return, in the order SQS lists them.
pub const SYSTEM_ATTRIBUTES: [&str; 9] = [
    "SenderId",
    "ApproximateFirstReceiveTimestamp",
    "ApproximateReceiveCount",
    "SentTimestamp",
    "SequenceNumber",
    "MessageDeduplicationId",
    "MessageGroupId",
    "AWSTraceHeader",
    "DeadLetterQueueSourceArn",
];
/// Host numbers, to lend a receive the list of all of a queue's hosts without building it.
const ALL_HOSTS: [u32; 8] = [0, 1, 2, 3, 4, 5, 6, 7];
/// How long a FIFO queue honours a ReceiveRequestAttemptId.
const ATTEMPT_WINDOW_MS: u64 = 5 * 60_000;

impl Engine {
    pub(super) fn handle_receive_message(
        &mut self,
        url: &str,
        input: ReceiveInput,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        let max = check_optional(
            "MaxNumberOfMessages",
            input.max_number_of_messages,
            1,
            10,
            "Must be between 1 and 10, if provided.",
        )?
        .unwrap_or(1);
        let queue = &self.queues[&id];
        let visibility_timeout = check_optional(
            "VisibilityTimeout",
            input.visibility_timeout,
            0,
            43_200,
            "Must be >= 0 and <= 43200, if provided.",
        )?
        .unwrap_or(queue.attributes.visibility_timeout);
        let wait = check_optional(
            "WaitTimeSeconds",
            input.wait_time_seconds,
            0,
            20,
            "Must be >= 0 and <= 20, if provided.",
        )?
        .unwrap_or(queue.attributes.receive_message_wait_time_seconds);
        // Standard queues ignore the attempt id, as the API reference says.
        let attempt_id = match input.receive_request_attempt_id {
            Some(a) if queue.is_fifo() => {
                let ok = !a.is_empty()
                    && a.chars().count() <= 128
                    && a.chars().all(|c| c.is_ascii_graphic());
                if !ok {
                    return Err(SqsError::invalid_value(format!(
                        "Value {a} for parameter ReceiveRequestAttemptId is invalid. Reason: ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length."
                    )));
                }
                Some(a)
            }
            _ => None,
        };
        let poll = Poll {
            queue: id,
            max,
            visibility_timeout,
            attribute_names: input.attribute_names,
            message_attribute_names: input.message_attribute_names,
            attempt_id,
        };
        if let Some(messages) = self.retry_attempt(&poll) {
            return Ok(Reply::Messages(messages));
        }
        if wait == 0 {
            let messages = self.receive(&poll, false);
            self.remember_attempt(&poll, &messages);
            return Ok(Reply::Messages(messages));
        }
        let messages = self.receive(&poll, true);
        if !messages.is_empty() {
            self.remember_attempt(&poll, &messages);
            return Ok(Reply::Messages(messages));
        }
        let poll_id: PollId = self.next_poll;
        self.next_poll += 1;
        let until = self.now.plus_secs(wait as u64);
        self.polls.insert(poll_id, poll);
        self.waiting.entry(id).or_default().push_back(poll_id);
        self.agenda
            .schedule_in(Lane::PollEnds, until, Due::PollTimeout { poll: poll_id });
        let name = self.queues[&id].shared_name.clone();
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

    /// A FIFO retry with a known attempt id, within 5 minutes and while every message it
    /// handed out is still in flight under the same receipt, gets the same batch (and its
    /// visibility timeout restarts).
    fn retry_attempt(&mut self, poll: &Poll) -> Option<Vec<ReceivedMessage>> {
        let attempt_id = poll.attempt_id.as_ref()?;
        let now = self.now;
        let queue = self.queues.get_mut(&poll.queue)?;
        let attempt = queue.receive_attempts.get(attempt_id)?;
        let fresh = now.millis() < attempt.at.millis() + ATTEMPT_WINDOW_MS;
        let intact = attempt.receipts.iter().all(|&(key, receipt)| {
            matches!(queue.get(key), Some(m) if matches!(m.state, MessageState::InFlight { .. }) && m.last_receipt == receipt)
        });
        if !fresh || !intact {
            queue.receive_attempts.remove(attempt_id);
            return None;
        }
        let attempt = attempt.clone();
        let until = now.plus_secs(poll.visibility_timeout as u64);
        for &(key, receipt) in &attempt.receipts {
            queue.set_state(key, MessageState::InFlight { until });
            self.agenda.schedule(
                until,
                Due::VisibilityTimeout {
                    queue: poll.queue,
                    key,
                    receipt,
                    until,
                },
            );
        }
        let event = Event::ReceiveRetried {
            queue: queue.shared_name.clone(),
            attempt_id: attempt_id.clone(),
            messages: attempt.messages.len() as u32,
        };
        self.trace.push(now, event);
        Some(attempt.messages)
    }

    fn remember_attempt(&mut self, poll: &Poll, messages: &[ReceivedMessage]) {
        let Some(attempt_id) = &poll.attempt_id else {
            return;
        };
        let receipts = messages
            .iter()
            .filter_map(|m| self.parse_receipt(poll.queue, &m.receipt_handle).ok())
            .map(|r| (r.key, r.receipt))
            .collect();
        let now = self.now;
        if let Some(queue) = self.queues.get_mut(&poll.queue) {
            queue
                .receive_attempts
                .retain(|_, a| now.millis() < a.at.millis() + ATTEMPT_WINDOW_MS);
            queue.receive_attempts.insert(
                attempt_id.clone(),
                ReceiveAttempt {
                    at: now,
                    receipts,
                    messages: messages.to_vec(),
                },
            );
        }
    }

    /// Takes up to `poll.max` messages. A long poll asks every host; a short poll asks a
    /// random sample of them (so it can miss messages: a false empty).
    pub(super) fn receive(&mut self, poll: &Poll, long: bool) -> Vec<ReceivedMessage> {
        let (out, sampled, hosts) = if self.queues[&poll.queue].is_fifo() {
            (self.receive_fifo(poll), 1, 1)
        } else {
            self.receive_standard(poll, long)
        };
        let queue = self
            .queues
            .get_mut(&poll.queue)
            .expect("poll on live queue");
        // A long poll that finds nothing parks instead; only a short poll answers empty at once.
        if !out.is_empty() || !long {
            queue.metrics.received(self.now, out.len());
        }
        if out.is_empty() && !long {
            let event = Event::EmptyReceive {
                queue: queue.shared_name.clone(),
                sampled_hosts: sampled,
                hosts,
            };
            self.trace.push(self.now, event);
        }
        out
    }

    fn receive_standard(&mut self, poll: &Poll, long: bool) -> (Vec<ReceivedMessage>, u32, u32) {
        let chaos = self.config.chaos;
        let hosts_total = self.queues[&poll.queue].hosts();
        // Every receive needs the list of all hosts; only a sampled short poll builds one.
        let all_hosts: Vec<u32>;
        let all_hosts: &[u32] = match ALL_HOSTS.get(..hosts_total as usize) {
            Some(hosts) => hosts,
            None => {
                all_hosts = (0..hosts_total).collect();
                &all_hosts
            }
        };
        let sampled: Vec<u32>;
        let every_host = long || hosts_total == 1;
        let hosts: &[u32] = if every_host {
            all_hosts
        } else {
            let p = chaos.short_poll_host_probability();
            let mut some: Vec<u32> = (0..hosts_total).filter(|_| self.rng.chance(p)).collect();
            if some.is_empty() {
                some.push(self.rng.below(hosts_total as u64) as u32);
            }
            sampled = some;
            &sampled
        };
        // Sized at the first message: a long poll that parks allocates nothing.
        let mut out = Vec::new();
        while out.len() < poll.max as usize {
            let queue = &self.queues[&poll.queue];
            // Fair queues: once senders tag messages with groups, quiet groups go first.
            let next = if queue.has_groups() {
                queue.fairest_visible(hosts)
            } else {
                queue.oldest_visible(hosts)
            };
            let Some(key) = next else {
                break;
            };
            // The oldest of every host is `key` itself unless a sample or fairness
            // chose it: only then can it be out of order (saves a search per message).
            let reordered = (!every_host || queue.has_groups())
                && queue
                    .oldest_visible(all_hosts)
                    .is_some_and(|oldest| oldest < key);
            if self.move_to_dead_letter_queue_if_due(poll.queue, key) {
                continue;
            }
            if out.is_empty() {
                out.reserve_exact(poll.max as usize);
            }
            self.deliver(poll, key, reordered, &mut out);
        }
        (out, hosts.len() as u32, hosts_total)
    }

    /// FIFO: as many messages of one group as possible, in order, then the next group;
    /// a group with a message in flight is skipped.
    fn receive_fifo(&mut self, poll: &Poll) -> Vec<ReceivedMessage> {
        let mut out = Vec::with_capacity(poll.max as usize);
        'groups: while out.len() < poll.max as usize {
            let Some((mut key, group)) = self.queues[&poll.queue].first_ready_group() else {
                break;
            };
            loop {
                if !self.move_to_dead_letter_queue_if_due(poll.queue, key) {
                    self.deliver(poll, key, false, &mut out);
                    if out.len() >= poll.max as usize {
                        break 'groups;
                    }
                }
                match self.queues[&poll.queue].next_in_group(&group, key) {
                    Some(next) => key = next,
                    None => continue 'groups,
                }
            }
        }
        out
    }

    /// Marks one visible message in flight for a receive and returns it.
    /// Pushes the message onto `out` itself: built in its slot, the 144-byte reply is not
    /// moved again (docs/PERFORMANCE.md "Engine profile, fifth pass").
    fn deliver(
        &mut self,
        poll: &Poll,
        key: MessageKey,
        reordered: bool,
        out: &mut Vec<ReceivedMessage>,
    ) {
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
        let name = queue.shared_name.clone();
        let m = queue
            .set_state(key, MessageState::InFlight { until })
            .expect("key is visible");
        m.receive_count += 1;
        m.first_receive_at.get_or_insert(now);
        m.last_receipt = receipt;
        m.received_at = now;
        let wants = |n: &str| poll.attribute_names.iter().any(|a| a == "All" || a == n);
        // In the order SQS returns them; formatted only when asked for (the hot path).
        let mut attributes = Vec::new();
        for name in SYSTEM_ATTRIBUTES.iter().copied().filter(|n| wants(n)) {
            let some = |v: Option<&Arc<str>>| v.map(|v| v.to_string());
            let value = match name {
                "SenderId" => Some(SENDER_ID.to_string()),
                "ApproximateFirstReceiveTimestamp" => {
                    Some((epoch_ms + m.first_receive_at.unwrap_or(now).millis()).to_string())
                }
                "ApproximateReceiveCount" => Some(m.receive_count.to_string()),
                "SentTimestamp" => Some((epoch_ms + m.enqueued_at.millis()).to_string()),
                "SequenceNumber" => some(m.sequence_number()),
                "MessageDeduplicationId" => some(m.deduplication_id()),
                "MessageGroupId" => some(m.group_id.as_ref()),
                "AWSTraceHeader" => some(m.aws_trace_header()),
                _ => some(m.dead_letter_source_arn()),
            };
            if let Some(v) = value {
                attributes.push((name.to_string(), v));
            }
        }
        let message_attributes = if poll.message_attribute_names.is_empty() {
            Default::default()
        } else {
            select(m.message_attributes(), &poll.message_attribute_names)
        };
        let md5_of_message_attributes = (!message_attributes.is_empty())
            .then(|| md5_of_message_attributes(&message_attributes));
        let event = Event::Received {
            queue: name,
            message_id: m.message_id,
            receive_count: m.receive_count,
            invisible_until: until,
            reordered,
            duplicate: m.is_duplicate(),
        };
        self.agenda.schedule_in(
            Lane::VisibilityTimeouts,
            until,
            Due::VisibilityTimeout {
                queue: poll.queue,
                key,
                receipt,
                until,
            },
        );
        self.trace.push(now, event);
        out.push(ReceivedMessage {
            message_id: m.message_id,
            receipt_handle: receipt::encode(poll.queue, key, receipt, salt),
            md5_of_body: m.md5_of_body,
            body: m.body.clone(),
            attributes,
            message_attributes,
            md5_of_message_attributes,
        });
    }

    /// A receive that would raise the receive count above the redrive policy's
    /// `maxReceiveCount` moves the message to the dead-letter queue instead. The message
    /// keeps its id, attributes and receive count; a standard queue's message also keeps
    /// its enqueue time for retention, a FIFO queue's starts again.
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
        let source_arn: Arc<str> = Arc::from(source.arn.as_str());
        let (source_name, receive_count) = (source.shared_name.clone(), m.receive_count);
        let now = self.now;
        let (message_id, dlq_name) = self.relocate(queue, key, dlq, |m, to_fifo| {
            m.extras_mut().dead_letter_source_arn = Some(source_arn);
            if to_fifo {
                m.enqueued_at = now;
            }
        });
        self.trace.push(
            self.now,
            Event::MovedToDeadLetterQueue {
                queue: source_name,
                message_id,
                dead_letter_queue: dlq_name.to_string(),
                receive_count,
            },
        );
        self.serve_waiting_polls(dlq);
        true
    }

    /// Moves message `key` of `from` into `to` as a visible message there (a new key, a host
    /// of `to`, no valid receipt), lets `adjust` change what the move changes (told whether
    /// `to` is FIFO), and schedules its expiry. Returns its MessageId and `to`'s name.
    pub(super) fn relocate(
        &mut self,
        from: QueueId,
        key: MessageKey,
        to: QueueId,
        adjust: impl FnOnce(&mut Message, bool),
    ) -> (MessageId, Arc<str>) {
        let mut m = self
            .queues
            .get_mut(&from)
            .expect("exists")
            .remove(key)
            .expect("present");
        let new_key = self.new_key();
        m.host = self.pick_host(to);
        m.state = MessageState::Visible;
        m.last_receipt = 0;
        let dest = self.queues.get_mut(&to).expect("exists");
        adjust(&mut m, dest.is_fifo());
        let (message_id, enqueued_at) = (m.message_id, m.enqueued_at);
        dest.insert(new_key, m);
        let name = dest.shared_name.clone();
        self.schedule_retention(to, new_key, enqueued_at);
        (message_id, name)
    }

    /// Answers parked long polls on `queue`, oldest first, while it has messages to give.
    pub(super) fn serve_waiting_polls(&mut self, queue: QueueId) {
        loop {
            let Some(&poll_id) = self.waiting.get(&queue).and_then(|w| w.front()) else {
                return;
            };
            if !self.queues[&queue].has_receivable() {
                return;
            }
            self.waiting.get_mut(&queue).expect("checked").pop_front();
            let poll = self
                .polls
                .remove(&poll_id)
                .expect("waiting polls are registered");
            let messages = self.receive(&poll, true);
            if messages.is_empty() {
                // Everything it found went to the dead-letter queue: keep waiting.
                self.polls.insert(poll_id, poll);
                self.waiting
                    .get_mut(&queue)
                    .expect("checked")
                    .push_front(poll_id);
                return;
            }
            // Its wait's end would fire as a no-op; polls are served in the order they
            // parked, so that entry is nearly always its lane's front.
            self.agenda.drop_stale_front(
                Lane::PollEnds,
                |due| matches!(due, Due::PollTimeout { poll } if *poll == poll_id),
            );
            self.remember_attempt(&poll, &messages);
            self.finish_poll(poll_id, queue, messages);
        }
    }

    pub(in crate::engine) fn finish_poll(
        &mut self,
        poll: PollId,
        queue: QueueId,
        messages: Vec<ReceivedMessage>,
    ) {
        let now = self.now;
        let name = match self.queues.get_mut(&queue) {
            Some(q) => {
                if messages.is_empty() {
                    q.metrics.received(now, 0);
                }
                q.shared_name.clone()
            }
            None => Arc::from(""),
        };
        self.trace.push(
            now,
            Event::LongPollEnded {
                queue: name,
                poll,
                messages: messages.len() as u32,
            },
        );
        // A consumer actor's poll goes straight to its instance.
        if let Some(messages) = self.actor_poll_finished(poll, messages) {
            self.finished_polls.insert(poll, messages);
        }
    }
}
