//! What happens when something on the agenda comes due.

use super::super::message::{MessageKey, MessageState};
use super::super::queue::QueueId;
use super::super::trace::Event;
use super::super::{Due, Engine};

impl Engine {
    pub(in crate::engine) fn fire(&mut self, due: Due) {
        // A queue's retention front must be passed on even when it no longer applies; an
        // actor's wake-up is checked where the actor is looked up to act on it.
        if !matches!(due, Due::RetentionFront { .. } | Due::Actor(_)) && !self.is_live(&due) {
            return;
        }
        let now = self.now;
        match due {
            Due::DelayEnds { queue, key } => {
                let q = self.queues.get_mut(&queue).expect("live");
                let name = q.shared_name.clone();
                let m = q.set_state(key, MessageState::Visible).expect("live");
                let event = Event::DelayEnded {
                    queue: name,
                    message_id: m.message_id,
                };
                self.trace.push(now, event);
                self.serve_waiting_polls(queue);
            }
            Due::VisibilityTimeout { queue, key, .. } => {
                let q = self.queues.get_mut(&queue).expect("live");
                let name = q.shared_name.clone();
                let m = q.set_state(key, MessageState::Visible).expect("live");
                let event = Event::VisibilityExpired {
                    queue: name,
                    message_id: m.message_id,
                    receive_count: m.receive_count,
                };
                self.trace.push(now, event);
                self.serve_waiting_polls(queue);
            }
            Due::RetentionEnds { queue, key, .. } => self.expire(queue, key),
            Due::RetentionFront { queue, at, seq } => {
                let key = self.retention_front_key(queue, at, seq);
                self.passed_retention_front(&due);
                if let Some(key) = key {
                    self.expire(queue, key);
                }
            }
            Due::PollTimeout { poll } => {
                let p = self.polls.remove(&poll).expect("live");
                if let Some(w) = self.waiting.get_mut(&p.queue) {
                    w.retain(|&x| x != poll);
                }
                self.finish_poll(poll, p.queue, Vec::new());
            }
            Due::MoveTaskTick { task } => self.tick_move_task(task),
            Due::SnsDelivery { delivery } => self.attempt_delivery(delivery),
            Due::Actor(wake) => self.fire_actor(wake),
        }
    }

    /// Message `key` of `queue` reached the end of its retention period.
    fn expire(&mut self, queue: QueueId, key: MessageKey) {
        let now = self.now;
        let q = self.queues.get_mut(&queue).expect("live");
        let m = q.remove(key).expect("live");
        let event = Event::Expired {
            queue: q.shared_name.clone(),
            message_id: m.message_id,
        };
        self.trace.push(now, event);
        // A FIFO group whose head expired may be servable now.
        self.serve_waiting_polls(queue);
    }
}
