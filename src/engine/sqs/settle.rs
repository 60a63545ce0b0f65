//! DeleteMessage and ChangeMessageVisibility, single and batch, and the chaos duplicate a
//! delete can leave behind on a standard queue.

use super::super::agenda::Lane;
use super::super::error::SqsError;
use super::super::message::{Message, MessageKey, MessageState};
use super::super::queue::QueueId;
use super::super::trace::Event;
use super::super::{
    ChangeMessageVisibilityBatchEntry, DeleteMessageBatchEntry, Due, Engine, Reply,
};
use super::{check_batch, check_range, each_entry, out_of_range};
use std::sync::Arc;

/// A message may stay in flight at most 12 hours from the receive.
const MAX_IN_FLIGHT_MS: u64 = 43_200_000;
const TOTAL_VISIBILITY_REASON: &str =
    "Total VisibilityTimeout for the message is beyond the limit [43200 seconds].";

impl Engine {
    pub(super) fn handle_delete_message(
        &mut self,
        id: QueueId,
        handle: &str,
    ) -> Result<(), SqsError> {
        let deleted = self.delete_message(id, handle)?;
        self.drop_deleted_timeouts(id, deleted.as_slice());
        Ok(())
    }

    /// A deleted message's visibility timeout is a no-op when it comes due. A consumer
    /// that deletes what it received leaves a run of them at the back of the agenda's
    /// lane: dropped now, they neither grow the lane nor cost a pop each later. Only
    /// entries of `deleted` (key, receipt) go, which keys never reused make certain.
    fn drop_deleted_timeouts(&mut self, id: QueueId, deleted: &[(MessageKey, u64)]) {
        if deleted.is_empty() {
            return;
        }
        self.agenda
            .drop_stale_back(Lane::VisibilityTimeouts, |due| {
                matches!(due, Due::VisibilityTimeout { queue, key, receipt, .. }
                if *queue == id && deleted.contains(&(*key, *receipt)))
            });
    }

    /// Deletes the message `handle` names; its (key, receipt) when one was removed.
    fn delete_message(
        &mut self,
        id: QueueId,
        handle: &str,
    ) -> Result<Option<(MessageKey, u64)>, SqsError> {
        let r = self.parse_receipt(id, handle)?;
        let now = self.now;
        let queue = self.queues.get_mut(&id).expect("exists");
        let name = queue.shared_name.clone();
        let m = match queue.remove_if(r.key, |m| m.last_receipt == r.receipt) {
            Ok(m) => m,
            // Deleting twice, or after expiry, succeeds and does nothing.
            Err(false) => return Ok(None),
            Err(true) => {
                let message_id = queue.get(r.key).expect("still here").message_id;
                let event = Event::DeleteIgnored {
                    queue: name,
                    message_id,
                    reason: "the receipt handle is from an earlier receive; the message was received again since".into(),
                };
                self.trace.push(now, event);
                return Ok(None);
            }
        };
        queue.metrics.deleted(now);
        let fifo = queue.is_fifo();
        let message_id = m.message_id;
        self.trace.push(
            now,
            Event::Deleted {
                queue: name.clone(),
                message_id,
            },
        );
        let p = self.config.chaos.missed_delete_probability();
        if !fifo && p > 0.0 && self.rng.chance(p) {
            self.leave_duplicate(id, name, m);
        }
        if fifo {
            // The delete may release the group's next message to a waiting long poll.
            self.serve_waiting_polls(id);
        }
        Ok(Some((r.key, r.receipt)))
    }

    /// The delete reached every replica but one. That replica still holds the message in
    /// flight and returns it when its copy of the visibility timeout runs out: a true
    /// duplicate, same MessageId, new receipt handle.
    fn leave_duplicate(&mut self, id: QueueId, name: Arc<str>, deleted: Message) {
        let now = self.now;
        let until = match deleted.state {
            MessageState::InFlight { until, .. } => until.max(now),
            _ => now,
        };
        let key = self.new_key();
        let host = self.pick_host(id);
        let (message_id, enqueued_at) = (deleted.message_id, deleted.enqueued_at);
        let mut copy = Message {
            host,
            // No handle names receipt 0, so only the timeout can end this state.
            state: MessageState::InFlight { until },
            last_receipt: 0,
            ..deleted
        };
        copy.extras_mut().duplicate = true;
        self.queues.get_mut(&id).expect("exists").insert(key, copy);
        self.agenda.schedule(
            until,
            Due::VisibilityTimeout {
                queue: id,
                key,
                receipt: 0,
                until,
            },
        );
        self.schedule_retention(id, key, enqueued_at);
        self.trace.push(
            now,
            Event::DuplicateCreated {
                queue: name,
                message_id,
                visible_at: until,
                reason: "the delete missed one of the queue's replicas; that copy is delivered again when its visibility timeout ends".into(),
            },
        );
    }

    pub(super) fn handle_delete_message_batch(
        &mut self,
        url: &str,
        entries: Vec<DeleteMessageBatchEntry>,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        check_batch(
            "DeleteMessageBatchRequestEntry",
            entries.iter().map(|e| e.id.as_str()),
        )?;
        // At most ten (checked above), kept on the stack: the batch's timeouts are dropped
        // together, so the lane's back is looked at once per batch, not once per entry.
        let mut deleted = [(0, 0); 10];
        let mut n = 0;
        let (successful, failed) = each_entry(
            self,
            entries,
            |e| std::mem::take(&mut e.id),
            |engine, e| {
                if let Some(d) = engine.delete_message(id, &e.receipt_handle)? {
                    deleted[n] = d;
                    n += 1;
                }
                Ok(())
            },
        );
        self.drop_deleted_timeouts(id, &deleted[..n]);
        let successful = successful.into_iter().map(|(id, ())| id).collect();
        Ok(Reply::Batch { successful, failed })
    }

    pub(super) fn handle_change_visibility(
        &mut self,
        id: QueueId,
        handle: &str,
        timeout: i64,
    ) -> Result<(), SqsError> {
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
        let name = queue.shared_name.clone();
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
        let message_id = m.message_id;
        if timeout == 0 && m.state == MessageState::Visible {
            return Ok(());
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
            queue.set_state(r.key, MessageState::InFlight { until });
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
        Ok(())
    }

    pub(super) fn handle_change_visibility_batch(
        &mut self,
        url: &str,
        entries: Vec<ChangeMessageVisibilityBatchEntry>,
    ) -> Result<Reply, SqsError> {
        let id = self.queue_id(url)?;
        check_batch(
            "ChangeMessageVisibilityBatchRequestEntry",
            entries.iter().map(|e| e.id.as_str()),
        )?;
        let (successful, failed) = each_entry(
            self,
            entries,
            |e| std::mem::take(&mut e.id),
            // An entry without a timeout makes the message visible again at once.
            |engine, e| {
                let timeout = e.visibility_timeout.unwrap_or(0);
                engine.handle_change_visibility(id, &e.receipt_handle, timeout)
            },
        );
        let successful = successful.into_iter().map(|(id, ())| id).collect();
        Ok(Reply::Batch { successful, failed })
    }
}
