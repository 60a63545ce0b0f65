//! Trace entries as short sentences for the event log.
//!
//! The trace is the engine's own account of what happened; this only words it. Message ids
//! are cut to their first 8 characters (enough to tell messages apart on screen).

use crate::engine::{Event, MessageId, SimTime, TraceEntry};

/// `1a2b3c4d…`: a message id short enough to read aloud.
pub fn short_id(message_id: &str) -> String {
    match message_id.char_indices().nth(8) {
        Some((cut, _)) => format!("{}…", &message_id[..cut]),
        None => message_id.to_string(),
    }
}

fn msg(id: &MessageId) -> String {
    format!("msg {}", short_id(&id.text()))
}

/// The time part is separate so the log can align it in its own column.
pub fn describe(entry: &TraceEntry) -> String {
    describe_event(&entry.event, entry.at)
}

fn describe_event(event: &Event, at: SimTime) -> String {
    match event {
        Event::QueueCreated { queue } => format!("Created queue {queue}"),
        Event::QueueDeleted { queue } => format!("Deleted queue {queue}"),
        Event::QueueAttributesChanged { queue, attributes } => {
            let list: Vec<String> = attributes.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("Set {} on {queue}", list.join(", "))
        }
        Event::Sent {
            queue,
            message_id,
            visible_at,
            group_id,
            sequence_number,
        } => {
            let group = match (group_id, sequence_number) {
                (Some(g), Some(n)) => format!(" in group {g}, sequence number …{}", &n[n.len().saturating_sub(4)..]),
                (Some(g), None) => format!(" in group {g}"),
                _ => String::new(),
            };
            if *visible_at > at {
                format!("Sent {}{group} to {queue} (delayed until {visible_at})", msg(message_id))
            } else {
                format!("Sent {}{group} to {queue}", msg(message_id))
            }
        }
        Event::SendDeduplicated {
            queue,
            message_id,
            deduplication_id,
        } => format!(
            "Send to {queue} deduplicated: id {} was seen in the last 5 minutes, so {} is returned again and nothing is stored",
            short_id(deduplication_id),
            msg(message_id)
        ),
        Event::DuplicateCreated {
            queue,
            message_id,
            visible_at,
            reason,
        } => format!(
            "Duplicate of {} in {queue}, visible again at {visible_at}: {reason}",
            msg(message_id)
        ),
        Event::QueueTagsChanged { queue, tags } => {
            let list: Vec<String> = tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("Tags of {queue}: {}", if list.is_empty() { "none".to_string() } else { list.join(", ") })
        }
        Event::ReceiveRetried {
            queue,
            attempt_id,
            messages,
        } => format!(
            "Receive from {queue} retried with attempt id {attempt_id}: the same {messages} message(s) and receipt handles again"
        ),
        Event::MoveTaskStarted {
            source,
            destination,
            to_move,
            max_per_second,
        } => format!(
            "Redrive of {to_move} message(s) from {source} to {} started{}",
            destination.as_deref().unwrap_or("their source queues"),
            max_per_second.map(|r| format!(", at most {r}/s")).unwrap_or_default()
        ),
        Event::MovedByTask {
            source,
            message_id,
            destination,
        } => format!("Redrove {} from {source} to {destination}", msg(message_id)),
        Event::MoveTaskEnded {
            source,
            status,
            moved,
        } => format!("Redrive from {source} ended {status} after {moved} message(s)"),
        Event::DelayEnded { queue, message_id } => {
            format!("Delay of {} ended: visible in {queue}", msg(message_id))
        }
        Event::Received {
            queue,
            message_id,
            receive_count,
            invisible_until,
            reordered,
            duplicate,
        } => format!(
            "Received {}{} from {queue}, receive #{receive_count} (in flight until {invisible_until}){}",
            if *duplicate { "a duplicate of " } else { "" },
            msg(message_id),
            if *reordered { " — out of order: an older message was not returned" } else { "" },
        ),
        Event::EmptyReceive {
            queue,
            sampled_hosts,
            hosts,
        } => {
            if sampled_hosts < hosts {
                format!("Short poll of {queue} asked {sampled_hosts} of {hosts} hosts and got nothing")
            } else {
                format!("Receive from {queue} got nothing")
            }
        }
        Event::LongPollStarted { queue, poll, until } => {
            format!("Long poll #{poll} on {queue} waits until {until}")
        }
        Event::LongPollEnded {
            queue,
            poll,
            messages,
        } => match messages {
            0 => format!("Long poll #{poll} on {queue} ended empty"),
            1 => format!("Long poll #{poll} on {queue} returned 1 message"),
            n => format!("Long poll #{poll} on {queue} returned {n} messages"),
        },
        Event::Deleted { queue, message_id } => {
            format!("Deleted {} from {queue}", msg(message_id))
        }
        Event::DeleteIgnored {
            queue,
            message_id,
            reason,
        } => format!("Delete of {} in {queue} did nothing: {reason}", msg(message_id)),
        Event::VisibilityChanged {
            queue,
            message_id,
            invisible_until,
        } => format!(
            "Visibility of {} in {queue} changed: in flight until {invisible_until}",
            msg(message_id)
        ),
        Event::VisibilityExpired {
            queue,
            message_id,
            receive_count,
        } => format!(
            "Visibility timeout of {} ran out: visible again in {queue} (received {receive_count}×, not deleted)",
            msg(message_id)
        ),
        Event::Expired { queue, message_id } => {
            format!("Message {} expired from {queue} (retention period over)", short_id(&message_id.text()))
        }
        Event::MovedToDeadLetterQueue {
            queue,
            message_id,
            dead_letter_queue,
            receive_count,
        } => format!(
            "Moved {} from {queue} to dead-letter queue {dead_letter_queue} after {receive_count} receives",
            msg(message_id)
        ),
        Event::Purged { queue, messages } => format!("Purged {queue}: {messages} messages removed"),
        other => describe_sns(other),
    }
}

/// `sub 1a2b3c4d…` for a subscription ARN (its last part is a uuid).
fn sub(arn: &str) -> String {
    format!("sub {}", short_id(arn.rsplit(':').next().unwrap_or(arn)))
}

fn describe_sns(event: &Event) -> String {
    match event {
        Event::TopicCreated { topic } => format!("Created topic {topic}"),
        Event::TopicDeleted {
            topic,
            subscriptions,
        } => format!("Deleted topic {topic} and its {subscriptions} subscriptions"),
        Event::TopicAttributeChanged {
            topic, attribute, ..
        } => format!("Set {attribute} on topic {topic}"),
        Event::TopicTagsChanged { topic, tags } => format!("Topic {topic} now has {} tags", tags.len()),
        Event::Subscribed {
            topic,
            subscription,
            protocol,
            endpoint,
            pending_confirmation,
        } => format!(
            "Subscribed {protocol} {endpoint} to {topic} ({}){}",
            sub(subscription),
            if *pending_confirmation {
                ": pending confirmation, a confirmation request was sent"
            } else {
                ""
            }
        ),
        Event::SubscriptionConfirmed {
            topic,
            subscription,
        } => format!("Confirmed {} to {topic}", sub(subscription)),
        Event::Unsubscribed {
            topic,
            subscription,
        } => format!("Unsubscribed {} from {topic}", sub(subscription)),
        Event::SubscriptionAttributeChanged {
            subscription,
            attribute,
            ..
        } => format!("Set {attribute} on {}", sub(subscription)),
        Event::EndpointChanged {
            endpoint,
            available,
            latency_ms,
            error_percent,
        } => format!(
            "Endpoint {endpoint}: {}, latency {latency_ms} ms, {error_percent}% errors",
            if *available { "up" } else { "down" }
        ),
        Event::Published {
            topic,
            message_id,
            deliveries,
            filtered_out,
            ..
        } => format!(
            "Published {} to {topic}: {deliveries} {}, {filtered_out} filtered out",
            msg(message_id),
            if *deliveries == 1 { "delivery" } else { "deliveries" }
        ),
        Event::PublishDeduplicated {
            topic,
            message_id,
            deduplication_id,
        } => format!(
            "Duplicate publish to {topic} (deduplication id {deduplication_id}): acknowledged as {}, not delivered again",
            msg(message_id)
        ),
        Event::FilteredOut {
            subscription,
            message_id,
            mismatch,
            ..
        } => format!(
            "{} filtered out for {}: {}",
            msg(message_id),
            sub(subscription),
            mismatch.reason
        ),
        Event::DeliverySkipped {
            subscription,
            message_id,
            reason,
            ..
        } => format!("{} not sent to {}: {reason}", msg(message_id), sub(subscription)),
        Event::Delivered {
            endpoint,
            message_id,
            attempt,
            ..
        } => format!(
            "Delivered {} to {endpoint}{}",
            msg(message_id),
            if *attempt > 1 {
                format!(" on attempt {attempt}")
            } else {
                String::new()
            }
        ),
        Event::AccessWarning { reason, .. } => format!("Warning: {reason}"),
        Event::DeliveryFailed {
            message_id,
            attempt,
            failure,
            ..
        } => match failure.retry_at {
            Some(t) => format!(
                "Attempt {attempt} to deliver {} failed: {}; retry at {t}",
                msg(message_id),
                failure.reason
            ),
            None => format!(
                "Attempt {attempt} to deliver {} failed: {}; no retry",
                msg(message_id),
                failure.reason
            ),
        },
        Event::DeliveryDeadLettered {
            message_id,
            dead_letter_queue,
            subscription,
            ..
        } => format!(
            "{} for {} moved to dead-letter queue {dead_letter_queue}",
            msg(message_id),
            sub(subscription)
        ),
        Event::DeliveryLost {
            message_id,
            subscription,
            reason,
            ..
        } => format!("{} lost for {}: {reason}", msg(message_id), sub(subscription)),
        _ => unreachable!("SQS events are described above"),
    }
}
