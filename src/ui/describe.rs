//! Trace entries as short sentences for the event log.
//!
//! The trace is the engine's own account of what happened; this only words it. Message ids
//! are cut to their first 8 characters (enough to tell messages apart on screen).

use crate::engine::{Event, SimTime, TraceEntry};

/// `1a2b3c4d…`: a message id short enough to read aloud.
pub fn short_id(message_id: &str) -> String {
    match message_id.char_indices().nth(8) {
        Some((cut, _)) => format!("{}…", &message_id[..cut]),
        None => message_id.to_string(),
    }
}

fn msg(id: &str) -> String {
    format!("msg {}", short_id(id))
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
        } => {
            if *visible_at > at {
                format!("Sent {} to {queue} (delayed until {visible_at})", msg(message_id))
            } else {
                format!("Sent {} to {queue}", msg(message_id))
            }
        }
        Event::DelayEnded { queue, message_id } => {
            format!("Delay of {} ended: visible in {queue}", msg(message_id))
        }
        Event::Received {
            queue,
            message_id,
            receive_count,
            invisible_until,
        } => format!(
            "Received {} from {queue}, receive #{receive_count} (in flight until {invisible_until})",
            msg(message_id)
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
            format!("Message {} expired from {queue} (retention period over)", short_id(message_id))
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
    }
}
