//! Dead-letter queue redrive: StartMessageMoveTask, ListMessageMoveTasks,
//! CancelMessageMoveTask. A task moves the messages a DLQ holds when it starts, oldest
//! first, at most its rate per second, back to each message's source queue or to a
//! chosen destination; every move and the end are in the trace.

use super::super::error::{ErrorCode, SqsError};
use super::super::message::OptionalTime;
use super::super::queue::QueueId;
use super::super::time::SimTime;
use super::super::trace::Event;
use super::super::{Due, Engine, MoveTaskReport, Reply};
use super::check_optional;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use std::sync::Arc;

/// Without MaxNumberOfMessagesPerSecond SQS picks a "system optimized" rate; this
/// stands for it.
const DEFAULT_RATE: u32 = 500;

#[derive(Clone, Debug)]
pub struct MoveTask {
    pub handle: String,
    pub source: QueueId,
    /// Kept so the task's end can name the queue even after it was deleted.
    pub source_name: Arc<str>,
    pub source_arn: String,
    pub destination_arn: Option<String>,
    pub rate: Option<u32>,
    pub status: &'static str,
    pub moved: u64,
    pub to_move: u64,
    pub failure_reason: Option<String>,
    pub started_at: SimTime,
}

fn not_found() -> SqsError {
    SqsError::new(
        ErrorCode::ResourceNotFoundException,
        "The resource that you specified for the TaskHandle parameter doesn't exist.",
    )
}

impl Engine {
    fn is_dead_letter_queue(&self, arn: &str) -> bool {
        self.queues.values().any(|q| {
            q.attributes
                .redrive_policy
                .as_ref()
                .is_some_and(|p| p.dead_letter_target_arn == arn)
        })
    }

    pub(super) fn handle_start_message_move_task(
        &mut self,
        source_arn: &str,
        destination_arn: Option<&str>,
        rate: Option<i64>,
    ) -> Result<Reply, SqsError> {
        let source = self
            .queue_id_by_arn(source_arn)
            .ok_or_else(|| SqsError::new(ErrorCode::ResourceNotFoundException, format!("The resource that you specified for the SourceArn parameter doesn't exist: {source_arn}")))?;
        let rate = check_optional(
            "MaxNumberOfMessagesPerSecond",
            rate,
            1,
            500,
            "Must be between 1 and 500.",
        )?;
        if !self.is_dead_letter_queue(source_arn) {
            return Err(SqsError::invalid_value(
                "Source queue must be configured as a Dead Letter Queue.",
            ));
        }
        if let Some(d) = destination_arn {
            let Some(dest) = self.queue_id_by_arn(d) else {
                return Err(SqsError::new(
                    ErrorCode::ResourceNotFoundException,
                    format!("The resource that you specified for the DestinationArn parameter doesn't exist: {d}"),
                ));
            };
            if self.queues[&dest].is_fifo() != self.queues[&source].is_fifo() {
                return Err(SqsError::invalid_value(
                    "The destination queue must be of the same type as the source queue.",
                ));
            }
        }
        if self
            .move_tasks
            .iter()
            .any(|t| t.source == source && t.status == "RUNNING")
        {
            return Err(SqsError::invalid_value(
                "There is already a task running. Only one active task is allowed for a source queue arn at a given time.",
            ));
        }
        let task_id = self.rng.uuid();
        let handle = BASE64.encode(format!(
            "{{\"taskId\":\"{task_id}\",\"sourceArn\":\"{source_arn}\"}}"
        ));
        let to_move = self.queues[&source].visible_count() as u64;
        let index = self.move_tasks.len();
        self.move_tasks.push(MoveTask {
            handle: handle.clone(),
            source,
            source_name: self.queues[&source].shared_name.clone(),
            source_arn: source_arn.to_string(),
            destination_arn: destination_arn.map(str::to_string),
            rate,
            status: "RUNNING",
            moved: 0,
            to_move,
            failure_reason: None,
            started_at: self.now,
        });
        self.trace.push(
            self.now,
            Event::MoveTaskStarted {
                source: self.queues[&source].shared_name.clone(),
                destination: destination_arn.map(str::to_string),
                to_move,
                max_per_second: rate,
            },
        );
        // One batch per second, the first a second from now.
        self.agenda
            .schedule(self.now.plus_secs(1), Due::MoveTaskTick { task: index });
        Ok(Reply::TaskHandle(handle))
    }

    /// The latest move task from `source_arn`, as ListMessageMoveTasks reports it, read
    /// without applying (and so journaling) a command: the page asks on every clock tick.
    pub fn latest_move_task(&self, source_arn: &str) -> Option<MoveTaskReport> {
        match self.handle_list_message_move_tasks(source_arn, None) {
            Ok(Reply::MoveTasks(tasks)) => tasks.into_iter().next(),
            _ => None,
        }
    }

    pub(super) fn handle_list_message_move_tasks(
        &self,
        source_arn: &str,
        max_results: Option<i64>,
    ) -> Result<Reply, SqsError> {
        let source = self.queue_id_by_arn(source_arn).ok_or_else(|| {
            SqsError::new(
                ErrorCode::ResourceNotFoundException,
                format!("The resource that you specified for the SourceArn parameter doesn't exist: {source_arn}"),
            )
        })?;
        let max = check_optional(
            "MaxResults",
            max_results,
            1,
            10,
            "Must be between 1 and 10.",
        )?
        .unwrap_or(1);
        let reports = self
            .move_tasks
            .iter()
            .rev()
            .filter(|t| t.source == source)
            .take(max as usize)
            .map(|t| MoveTaskReport {
                task_handle: (t.status == "RUNNING").then(|| t.handle.clone()),
                status: t.status.to_string(),
                source_arn: t.source_arn.clone(),
                destination_arn: t.destination_arn.clone(),
                max_number_of_messages_per_second: t.rate,
                approximate_number_of_messages_moved: t.moved,
                approximate_number_of_messages_to_move: t.to_move,
                failure_reason: t.failure_reason.clone(),
                started_timestamp: self.epoch_millis(t.started_at),
            })
            .collect();
        Ok(Reply::MoveTasks(reports))
    }

    pub(super) fn handle_cancel_message_move_task(
        &mut self,
        handle: &str,
    ) -> Result<Reply, SqsError> {
        // A handle is base64 of {"taskId":..,"sourceArn":..}; anything else is malformed.
        let well_formed = BASE64
            .decode(handle)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .is_some_and(|v| v.get("taskId").is_some() && v.get("sourceArn").is_some());
        if !well_formed {
            return Err(SqsError::invalid_value(
                "Value for parameter TaskHandle is invalid.",
            ));
        }
        let task = self
            .move_tasks
            .iter_mut()
            .find(|t| t.handle == handle)
            .ok_or_else(not_found)?;
        if task.status != "RUNNING" {
            return Err(SqsError::new(
                ErrorCode::UnsupportedOperation,
                format!(
                    "Only a RUNNING task can be cancelled; this one is {}.",
                    task.status
                ),
            ));
        }
        task.status = "CANCELLED";
        let (moved, name) = (task.moved, task.source_name.clone());
        self.trace.push(
            self.now,
            Event::MoveTaskEnded {
                source: name,
                status: "CANCELLED".into(),
                moved,
            },
        );
        Ok(Reply::MessagesMoved(moved))
    }

    /// One second of a running task: move up to its rate of messages.
    pub(super) fn tick_move_task(&mut self, index: usize) {
        let task = self.move_tasks[index].clone();
        if task.status != "RUNNING" {
            return;
        }
        let now = self.now;
        let mut moved = task.moved;
        let mut failure = None;
        let budget = task.rate.unwrap_or(DEFAULT_RATE) as u64;
        for _ in 0..budget {
            if moved >= task.to_move {
                break;
            }
            let Some(source) = self.queues.get(&task.source) else {
                failure = Some("The source queue was deleted.".to_string());
                break;
            };
            let hosts: Vec<u32> = (0..source.hosts()).collect();
            let Some(key) = source.oldest_visible(&hosts) else {
                break; // Fewer left than counted at the start (received, deleted, expired).
            };
            let m = source.get(key).expect("visible");
            let destination_arn = task
                .destination_arn
                .clone()
                .or_else(|| m.dead_letter_source_arn().map(|a| &**a).map(str::to_string));
            let Some(dest) = destination_arn
                .as_deref()
                .and_then(|a| self.queue_id_by_arn(a))
            else {
                failure = Some(format!(
                    "The destination queue {} does not exist.",
                    destination_arn.unwrap_or_else(|| "(original source)".into())
                ));
                break;
            };
            let source_name = source.shared_name.clone();
            // A redriven message starts over in its new queue.
            let (message_id, dest_name) = self.relocate(task.source, key, dest, |m, _| {
                m.receive_count = 0;
                m.first_receive_at = OptionalTime::NONE;
                if let Some(extras) = m.extras.as_mut() {
                    extras.dead_letter_source_arn = None;
                }
                m.enqueued_at = now;
            });
            self.trace.push(
                now,
                Event::MovedByTask {
                    source: source_name,
                    message_id,
                    destination: dest_name.to_string(),
                },
            );
            self.serve_waiting_polls(dest);
            moved += 1;
        }
        let source_empty = self
            .queues
            .get(&task.source)
            .is_none_or(|q| q.visible_count() == 0);
        let status = if failure.is_some() {
            "FAILED"
        } else if moved >= task.to_move || source_empty {
            "COMPLETED"
        } else {
            "RUNNING"
        };
        let t = &mut self.move_tasks[index];
        t.moved = moved;
        t.status = status;
        t.failure_reason = failure;
        if status == "RUNNING" {
            self.agenda
                .schedule(now.plus_secs(1), Due::MoveTaskTick { task: index });
        } else {
            let name = task.source_name.clone();
            self.trace.push(
                now,
                Event::MoveTaskEnded {
                    source: name,
                    status: status.into(),
                    moved,
                },
            );
        }
    }
}
