//! SQS actions (`handle_*`) and what happens when time passes (`fire`).
//!
//! Every handler checks its input completely before it changes anything, so an error
//! leaves the engine exactly as it was. Batch actions check the request as a whole first
//! (`check_batch`), then treat each entry as its own call.
//!
//! Codemap: `queues` (create, delete, list, attributes, tags, permissions), `send`,
//! `receive` (short and long polls, FIFO groups, dead-letter moves), `settle` (delete and
//! change visibility, single and batch), `move_tasks` (DLQ redrive), `fire` (the agenda),
//! `receipt` (the receipt handle's text).

mod fire;
mod move_tasks;
pub(super) use move_tasks::MoveTask;
mod queues;
mod receipt;
mod receive;
mod send;
mod settle;

pub use receive::SYSTEM_ATTRIBUTES;

use super::error::{ErrorCode, SqsError};
use super::message::MessageKey;
use super::queue::QueueId;
use super::{BatchFailure, Command, Engine, Reply};
use receipt::Receipt;

/// The sender every message claims (an IAM user id in real SQS).
const SENDER_ID: &str = "AIDAFANOUTSIMULATOR01";
/// `attributes::queue_url("")`, spelled out so finding a queue can compare it as bytes.
const QUEUE_URL_PREFIX: &str = "https://sqs.us-east-1.amazonaws.com/123456789012/";

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

/// An optional parameter: checked when given.
fn check_optional(
    parameter: &str,
    value: Option<i64>,
    min: i64,
    max: i64,
    reason: &str,
) -> Result<Option<u32>, SqsError> {
    value
        .map(|v| check_range(parameter, v, min, max, reason))
        .transpose()
}

fn invalid_receipt(handle: &str) -> SqsError {
    SqsError::new(
        ErrorCode::ReceiptHandleIsInvalid,
        format!("The input receipt handle \"{handle}\" is not a valid receipt handle."),
    )
}

/// The rules every batch request shares, checked before any entry is tried: 1–10 entries,
/// ids distinct, of at most 80 letters, digits, hyphens and underscores.
fn check_batch<'a>(entry: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), SqsError> {
    let ids: Vec<&str> = ids.collect();
    if ids.is_empty() {
        return Err(SqsError::new(
            ErrorCode::EmptyBatchRequest,
            format!("There should be at least one {entry} in the request."),
        ));
    }
    if ids.len() > 10 {
        return Err(SqsError::new(
            ErrorCode::TooManyEntriesInBatchRequest,
            format!(
                "Maximum number of entries per request are 10. You have sent {}.",
                ids.len()
            ),
        ));
    }
    // At most ten ids, which nearly always differ in their last byte ("0".."9",
    // "msg-1".."msg-10"): a 256-bit set of the last bytes seen clears an id whose last
    // byte is new, and only one whose last byte was seen is compared with those before it
    // (instead of all 45 pairs of a full batch).
    let mut last_bytes = [0u64; 4];
    for (i, id) in ids.iter().enumerate() {
        let maybe_seen = match id.as_bytes().last() {
            Some(&b) => {
                let (word, bit) = (usize::from(b >> 6), 1u64 << (b & 63));
                let seen = last_bytes[word] & bit != 0;
                last_bytes[word] |= bit;
                seen
            }
            None => true,
        };
        if maybe_seen && ids[..i].contains(id) {
            return Err(SqsError::new(
                ErrorCode::BatchEntryIdsNotDistinct,
                format!("Id {id} repeated."),
            ));
        }
    }
    if let Some(id) = ids.iter().find(|id| {
        id.is_empty()
            || id.len() > 80
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    }) {
        return Err(SqsError::new(
            ErrorCode::InvalidBatchEntryId,
            format!("A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long. Invalid id: {id}"),
        ));
    }
    Ok(())
}

/// Runs each entry of a checked batch (SQS and SNS alike) as its own call: (id, result) of those that
/// succeeded, and a `Failed` entry for each that did not. `id` takes the entry's id out of
/// it (the entry is consumed anyway), so the reply reuses the request's string.
pub(in crate::engine) fn each_entry<E, T>(
    engine: &mut Engine,
    entries: Vec<E>,
    id: impl Fn(&mut E) -> String,
    mut run: impl FnMut(&mut Engine, E) -> Result<T, SqsError>,
) -> (Vec<(String, T)>, Vec<BatchFailure>) {
    let mut successful = Vec::with_capacity(entries.len());
    let mut failed = Vec::new();
    for mut entry in entries {
        let id = id(&mut entry);
        match run(engine, entry) {
            Ok(result) => successful.push((id, result)),
            Err(e) => failed.push(BatchFailure {
                id,
                sender_fault: true,
                code: e.code.short().to_string(),
                message: e.message,
            }),
        }
    }
    (successful, failed)
}

impl Engine {
    pub(super) fn handle_command(&mut self, command: Command) -> Result<Reply, SqsError> {
        match command {
            Command::CreateQueue {
                queue_name,
                attributes,
                tags,
            } => self.handle_create_queue(&queue_name, &attributes, &tags),
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
                let id = self.queue_id(&queue_url)?;
                self.handle_send_message(id, message)
                    .map(Reply::MessageSent)
            }
            Command::SendMessageBatch { queue_url, entries } => {
                self.handle_send_message_batch(&queue_url, entries)
            }
            Command::ReceiveMessage { queue_url, input } => {
                self.handle_receive_message(&queue_url, input)
            }
            Command::DeleteMessage {
                queue_url,
                receipt_handle,
            } => {
                let id = self.queue_id(&queue_url)?;
                self.handle_delete_message(id, &receipt_handle)
                    .map(|_| Reply::Done)
            }
            Command::DeleteMessageBatch { queue_url, entries } => {
                self.handle_delete_message_batch(&queue_url, entries)
            }
            Command::ChangeMessageVisibility {
                queue_url,
                receipt_handle,
                visibility_timeout,
            } => {
                let id = self.queue_id(&queue_url)?;
                self.handle_change_visibility(id, &receipt_handle, visibility_timeout)
                    .map(|_| Reply::Done)
            }
            Command::ChangeMessageVisibilityBatch { queue_url, entries } => {
                self.handle_change_visibility_batch(&queue_url, entries)
            }
            Command::GetQueueAttributes {
                queue_url,
                attribute_names,
            } => self.handle_get_queue_attributes(&queue_url, &attribute_names),
            Command::SetQueueAttributes {
                queue_url,
                attributes,
            } => self.handle_set_queue_attributes(&queue_url, &attributes),
            Command::PurgeQueue { queue_url } => self.handle_purge_queue(&queue_url),
            Command::TagQueue { queue_url, tags } => self.handle_tag_queue(&queue_url, &tags),
            Command::UntagQueue {
                queue_url,
                tag_keys,
            } => self.handle_untag_queue(&queue_url, &tag_keys),
            Command::ListQueueTags { queue_url } => {
                let id = self.queue_id(&queue_url)?;
                Ok(Reply::Tags(self.queues[&id].tags.clone()))
            }
            Command::AddPermission {
                queue_url,
                label,
                aws_account_ids,
                actions,
            } => self.handle_add_permission(&queue_url, &label, &aws_account_ids, &actions),
            Command::RemovePermission { queue_url, label } => {
                self.handle_remove_permission(&queue_url, &label)
            }
            Command::ListDeadLetterSourceQueues {
                queue_url,
                max_results,
                next_token,
            } => self.handle_list_dead_letter_source_queues(
                &queue_url,
                max_results,
                next_token.as_deref(),
            ),
            Command::StartMessageMoveTask {
                source_arn,
                destination_arn,
                max_number_of_messages_per_second,
            } => self.handle_start_message_move_task(
                &source_arn,
                destination_arn.as_deref(),
                max_number_of_messages_per_second,
            ),
            Command::ListMessageMoveTasks {
                source_arn,
                max_results,
            } => self.handle_list_message_move_tasks(&source_arn, max_results),
            Command::CancelMessageMoveTask { task_handle } => {
                self.handle_cancel_message_move_task(&task_handle)
            }
            sns => self.handle_sns_command(sns),
        }
    }

    /// Finds a queue from its URL (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`).
    fn queue_id(&self, url: &str) -> Result<QueueId, SqsError> {
        // Every queue action starts here: a byte scan from the end costs a fraction of
        // `rsplit('/')`'s general char search.
        fn split_last(s: &str) -> (&str, &str) {
            match s.bytes().rposition(|b| b == b'/') {
                Some(i) => (&s[..i], &s[i + 1..]),
                None => ("", s),
            }
        }
        let url = url.trim_end_matches('/');
        // Nearly every URL is one the engine handed out: one prefix comparison finds its
        // name. Anything else (another host, extra segments) takes the general path.
        if let Some(name) = url
            .strip_prefix(QUEUE_URL_PREFIX)
            .filter(|name| !name.contains('/'))
        {
            return self
                .by_name
                .get(name)
                .copied()
                .ok_or_else(SqsError::no_such_queue);
        }
        let (rest, name) = split_last(url);
        let (_, account) = split_last(rest);
        if account != super::attributes::ACCOUNT_ID {
            return Err(SqsError::no_such_queue());
        }
        self.by_name
            .get(name)
            .copied()
            .ok_or_else(SqsError::no_such_queue)
    }

    /// Finds a queue from its ARN (`arn:aws:sqs:REGION:ACCOUNT:NAME`).
    pub(in crate::engine) fn queue_id_by_arn(&self, arn: &str) -> Option<QueueId> {
        let name = arn.rsplit(':').next()?;
        let id = *self.by_name.get(name)?;
        (self.queues[&id].arn == arn).then_some(id)
    }

    fn parse_receipt(&self, queue: QueueId, handle: &str) -> Result<Receipt, SqsError> {
        match receipt::decode(handle) {
            Some(r) if r.queue == queue => Ok(r),
            _ => Err(invalid_receipt(handle)),
        }
    }

    fn new_key(&mut self) -> MessageKey {
        let key = self.next_key;
        self.next_key += 1;
        key
    }

    /// The replica host a new message of `queue` lands on.
    fn pick_host(&mut self, queue: QueueId) -> u32 {
        let hosts = self.queues[&queue].hosts();
        if hosts > 1 {
            self.rng.below(hosts as u64) as u32
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::QUEUE_URL_PREFIX;

    /// The set of last bytes only spares comparisons: the first repeated id found is the
    /// one a comparison of every pair finds, whatever the ids.
    #[test]
    fn repeated_batch_ids_are_found_as_by_comparing_every_pair() {
        let pool = [
            "", "a", "ba", "b", "ab", "a", "0", "10", "é", "x-é", "Z", "_", "-",
        ];
        let mut state = 7u64;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let n = 1 + (state >> 60) as usize % 10;
            let ids: Vec<&str> = (0..n)
                .map(|i| pool[(state >> (i * 4 % 56)) as usize % pool.len()])
                .collect();
            let first_repeat = ids
                .iter()
                .enumerate()
                .find(|(i, id)| ids[..*i].contains(id))
                .map(|(_, id)| format!("Id {id} repeated."));
            let got = super::check_batch("Entry", ids.iter().copied())
                .err()
                .filter(|e| e.code == super::ErrorCode::BatchEntryIdsNotDistinct)
                .map(|e| e.message);
            assert_eq!(got, first_repeat, "{ids:?}");
        }
    }

    #[test]
    fn the_url_prefix_is_the_engines_own() {
        assert_eq!(super::super::attributes::queue_url(""), QUEUE_URL_PREFIX);
    }
}
