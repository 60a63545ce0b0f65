//! Delivery attempts: what each protocol receives (the JSON envelope or the raw message),
//! the access check in front of a queue, retries on the subscription's policy, and the
//! dead-letter queue or loss at the end.

use super::super::access_policy::{explain, Decision, Principal, Request};
use super::super::attributes::{ACCOUNT_ID, REGION};
use super::super::command::MessageInput;
use super::super::delivery_policy::{
    http_retry_policy, parse_topic_delivery_policy, EndpointKind, RetryPolicy,
};
use super::super::message_attributes::{MessageAttributeValue, MessageAttributes};
use super::super::time::{iso8601, SimTime};
use super::super::trace::{DeliveryFailure, Event};
use super::super::{AccessMode, Due, Engine};
use super::{resource_name, Delivery, DeliveryId, Notification, Protocol, Subscription};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::sync::Arc;

pub(super) const SIGNING_CERT_URL: &str =
    "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem";

/// A stand-in for SNS's RSA signature: 256 bytes derived from the text, base64-encoded,
/// so it has the real one's length and is the same in every run.
pub(super) fn signature(text: &str) -> String {
    let mut bytes = Vec::with_capacity(256);
    let mut block = Sha256::digest(text.as_bytes());
    while bytes.len() < 256 {
        bytes.extend_from_slice(&block);
        block = Sha256::digest(block);
    }
    BASE64.encode(&bytes[..256])
}

/// Why an attempt failed. Client errors are not retried.
struct Failure {
    client: bool,
    reason: String,
}

fn unsubscribe_url(subscription: &str) -> String {
    format!("https://sns.{REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={subscription}")
}

fn attribute_json(v: &MessageAttributeValue) -> serde_json::Value {
    let value = match &v.binary_value {
        Some(b) => BASE64.encode(b),
        None => v.string_value.clone().unwrap_or_default(),
    };
    serde_json::json!({"Type": v.data_type, "Value": value})
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialize")
}

/// The JSON document a non-raw subscriber gets, laid out as SNS lays it out
/// (`"Key" : value`, two-space indent).
pub fn envelope(n: &Notification, body: &str, subscription: &str, epoch_ms: u64) -> String {
    let fifo = n.sequence_number.is_some();
    let mut fields: Vec<(&str, String)> = vec![
        ("Type", json_str("Notification")),
        ("MessageId", json_str(&n.message_id.text())),
    ];
    if let Some(seq) = &n.sequence_number {
        fields.push(("SequenceNumber", json_str(seq)));
    }
    fields.push(("TopicArn", json_str(&n.topic_arn)));
    if let Some(subject) = &n.subject {
        fields.push(("Subject", json_str(subject)));
    }
    fields.push(("Message", json_str(body)));
    let timestamp = iso8601(epoch_ms);
    fields.push(("Timestamp", json_str(&timestamp)));
    if !fifo {
        fields.push(("SignatureVersion", json_str("1")));
        let signed = format!("{}{}{}", n.message_id, body, timestamp);
        fields.push(("Signature", json_str(&signature(&signed))));
        fields.push(("SigningCertURL", json_str(SIGNING_CERT_URL)));
    }
    fields.push(("UnsubscribeURL", json_str(&unsubscribe_url(subscription))));
    if !n.attributes.is_empty() {
        let inner: Vec<String> = n
            .attributes
            .iter()
            .map(|(k, v)| format!("    {} : {}", json_str(k), attribute_json(v)))
            .collect();
        fields.push((
            "MessageAttributes",
            format!("{{\n{}\n  }}", inner.join(",\n")),
        ));
    }
    let lines: Vec<String> = fields
        .into_iter()
        .map(|(k, v)| format!("  \"{k}\" : {v}"))
        .collect();
    format!("{{\n{}\n}}", lines.join(",\n"))
}

/// The event a Lambda function is invoked with.
fn lambda_event(n: &Notification, body: &str, subscription: &str, epoch_ms: u64) -> String {
    let timestamp = iso8601(epoch_ms);
    let attributes: serde_json::Map<String, serde_json::Value> = n
        .attributes
        .iter()
        .map(|(k, v)| (k.clone(), attribute_json(v)))
        .collect();
    serde_json::json!({"Records": [{
        "EventSource": "aws:sns",
        "EventVersion": "1.0",
        "EventSubscriptionArn": subscription,
        "Sns": {
            "Type": "Notification",
            "MessageId": n.message_id,
            "TopicArn": n.topic_arn,
            "Subject": n.subject,
            "Message": body,
            "Timestamp": timestamp,
            "SignatureVersion": "1",
            "Signature": signature(&format!("{}{}{}", n.message_id, body, timestamp)),
            "SigningCertUrl": SIGNING_CERT_URL,
            "UnsubscribeUrl": unsubscribe_url(subscription),
            "MessageAttributes": attributes,
        }
    }]})
    .to_string()
}

/// Raw delivery to SQS: the SNS attributes become SQS message attributes (SQS has no
/// String.Array type: such values arrive as String).
fn raw_sqs_attributes(attrs: &MessageAttributes) -> Result<MessageAttributes, Failure> {
    if attrs.len() > 10 {
        return Err(Failure {
            client: true,
            reason: format!(
                "raw delivery to SQS carries at most 10 message attributes; this message has {}",
                attrs.len()
            ),
        });
    }
    Ok(attrs
        .iter()
        .map(|(k, v)| {
            let mut v = v.clone();
            if v.data_type == "String.Array" {
                v.data_type = "String".into();
            }
            (k.clone(), v)
        })
        .collect())
}

impl Engine {
    /// Schedules the first attempt of `n` to subscription `arn`.
    pub(super) fn start_delivery(&mut self, arn: &str, n: Arc<Notification>) {
        let s = self.subscription(arn).expect("fanned out to it");
        let (protocol, endpoint, subscription_arn) =
            (s.protocol, s.endpoint.clone(), s.arn.clone());
        let latency = self.endpoint_entry(protocol, &endpoint).settings.latency_ms;
        let id = self.sns.next_delivery;
        self.sns.next_delivery += 1;
        // Not before an earlier message of its FIFO group (no idle wake-up meanwhile).
        let at = self
            .now
            .plus_millis(latency)
            .max(self.waiting_for(id, arn, &n).unwrap_or(SimTime::ZERO));
        self.sns.deliveries.insert(
            id,
            Delivery {
                subscription_arn,
                notification: n,
                attempts: 0,
                next_attempt_at: at,
            },
        );
        self.agenda.schedule(at, Due::SnsDelivery { delivery: id });
    }

    /// FIFO topics deliver in publish order per message group: the latest next attempt
    /// of the earlier deliveries of `n`'s group to `subscription` still on their way.
    fn waiting_for(&self, id: DeliveryId, subscription: &str, n: &Notification) -> Option<SimTime> {
        n.sequence_number.as_ref()?;
        self.sns
            .deliveries
            .range(..id)
            .filter(|(_, o)| {
                *o.subscription_arn == *subscription && o.notification.group_id == n.group_id
            })
            .map(|(_, o)| o.next_attempt_at)
            .max()
    }

    pub(in crate::engine) fn delivery_is_live(&self, id: DeliveryId) -> bool {
        self.sns.deliveries.contains_key(&id)
    }

    /// The retry policy that applies to a subscription now.
    pub fn retry_policy(&self, s: &Subscription) -> RetryPolicy {
        let kind = EndpointKind::of_protocol(s.protocol.name()).expect("known protocol");
        if kind != EndpointKind::Http {
            return RetryPolicy::default_for(kind);
        }
        let topic = self
            .topic_by_arn(&s.topic_arn)
            .and_then(|t| t.attributes.get("DeliveryPolicy"))
            .and_then(|p| parse_topic_delivery_policy(p).ok());
        http_retry_policy(topic.as_ref(), s.delivery_policy.as_ref().map(|(_, p)| p))
    }

    pub(super) fn effective_subscription_delivery_policy(&self, s: &Subscription) -> String {
        serde_json::json!({
            "healthyRetryPolicy": self.retry_policy(s).to_json(),
            "sicklyRetryPolicy": null,
            "throttlePolicy": null,
            "guaranteed": false
        })
        .to_string()
    }

    /// One attempt of a delivery (an agenda entry came due).
    pub(in crate::engine) fn attempt_delivery(&mut self, id: DeliveryId) {
        let Some(mut d) = self.sns.deliveries.remove(&id) else {
            return;
        };
        let n = d.notification.clone();
        let topic = n.topic.clone();
        let Some(s) = self
            .sns
            .by_arn
            .get(&*d.subscription_arn)
            .map(|k| self.sns.subscriptions[k].clone())
        else {
            self.trace.push(
                self.now,
                Event::DeliveryLost {
                    topic,
                    subscription: d.subscription_arn,
                    message_id: n.message_id,
                    reason: "the subscription was deleted before delivery".into(),
                },
            );
            return;
        };
        // A FIFO topic delivers in publish order per message group: while an earlier
        // message of the group is still on its way to this subscription (slower, or
        // waiting for a retry), this one waits for it.
        if let Some(at) = self.waiting_for(id, &d.subscription_arn, &n) {
            let at = at.max(self.now);
            d.next_attempt_at = at;
            self.sns.deliveries.insert(id, d);
            self.agenda.schedule(at, Due::SnsDelivery { delivery: id });
            return;
        }
        d.attempts += 1;
        let settings = self.endpoint_entry(s.protocol, &s.endpoint).settings;
        let outcome = if !settings.available {
            Err(Failure {
                client: false,
                reason: format!("the endpoint {} is unavailable", s.endpoint),
            })
        } else if settings.error_percent > 0
            && self.rng.below(100) < u64::from(settings.error_percent)
        {
            Err(Failure {
                client: false,
                reason: format!("the endpoint {} answered with a server error", s.endpoint),
            })
        } else {
            self.hand_over(&s, &n)
        };
        match outcome {
            Ok(()) => self.trace.push(
                self.now,
                Event::Delivered {
                    topic,
                    subscription: s.arn.clone(),
                    endpoint: s.endpoint.clone(),
                    message_id: n.message_id,
                    attempt: d.attempts,
                },
            ),
            Err(f) => {
                let delay = if f.client {
                    None
                } else {
                    self.retry_policy(&s).delay_before_retry(d.attempts)
                };
                let retry_at = delay.map(|secs| {
                    self.now
                        .plus_secs(u64::from(secs))
                        .plus_millis(settings.latency_ms)
                });
                self.trace.push(
                    self.now,
                    Event::DeliveryFailed {
                        topic: topic.clone(),
                        subscription: s.arn.clone(),
                        endpoint: s.endpoint.clone(),
                        message_id: n.message_id,
                        attempt: d.attempts,
                        failure: Box::new(DeliveryFailure {
                            reason: f.reason.clone(),
                            client_error: f.client,
                            retry_at,
                        }),
                    },
                );
                match retry_at {
                    Some(at) => {
                        d.next_attempt_at = at;
                        self.sns.deliveries.insert(id, d);
                        self.agenda.schedule(at, Due::SnsDelivery { delivery: id });
                    }
                    None => self.dead_letter(&s, &n, &topic, &f.reason, d.attempts),
                }
            }
        }
    }

    /// Gives the message to the endpoint behind `s`.
    fn hand_over(&mut self, s: &Subscription, n: &Notification) -> Result<(), Failure> {
        let body = n.body_for(s.protocol).clone();
        let epoch = self.epoch_millis(n.published_at);
        let text = match s.protocol {
            Protocol::Sqs => return self.send_to_queue(s, n, &s.endpoint, false),
            Protocol::Lambda => lambda_event(n, &body, &s.arn, epoch),
            Protocol::Http | Protocol::Https if s.raw_message_delivery => body.to_string(),
            Protocol::Email | Protocol::Sms => body.to_string(),
            Protocol::Http | Protocol::Https | Protocol::EmailJson => {
                envelope(n, &body, &s.arn, epoch)
            }
        };
        self.record_in_inbox(&s.endpoint, &s.arn, "Notification", text);
        Ok(())
    }

    /// Sends to the queue `queue_arn` as SNS would: only if the queue's policy lets the
    /// topic in, as the envelope or raw, with the topic's FIFO ids.
    fn send_to_queue(
        &mut self,
        s: &Subscription,
        n: &Notification,
        queue_arn: &str,
        dead_letter: bool,
    ) -> Result<(), Failure> {
        let what = if dead_letter {
            "dead-letter queue"
        } else {
            "queue"
        };
        let queue = self.queue_id_by_arn(queue_arn).ok_or_else(|| Failure {
            client: true,
            reason: format!("the {what} {queue_arn} does not exist"),
        })?;
        self.check_queue_access(s, n, queue)?;
        let body = n.body_for(s.protocol);
        let (message_body, message_attributes) = if s.raw_message_delivery {
            (body.to_string(), raw_sqs_attributes(&n.attributes)?)
        } else {
            let epoch = self.epoch_millis(n.published_at);
            (envelope(n, body, &s.arn, epoch), MessageAttributes::new())
        };
        let fifo_queue = self.queues[&queue].is_fifo();
        let input = MessageInput {
            message_body,
            message_attributes,
            message_group_id: n.group_id.clone(),
            message_deduplication_id: if fifo_queue {
                n.deduplication_id.clone()
            } else {
                None
            },
            ..MessageInput::default()
        };
        self.handle_send_message(queue, input)
            .map(|_| ())
            .map_err(|e| Failure {
                client: true,
                reason: format!("the {what} refused the message: {}", e.message),
            })
    }

    /// Evaluates the queue's access policy for SNS sending on behalf of the topic.
    fn check_queue_access(
        &mut self,
        s: &Subscription,
        n: &Notification,
        queue: super::super::queue::QueueId,
    ) -> Result<(), Failure> {
        let q = &self.queues[&queue];
        let (queue_name, queue_arn) = (q.shared_name.clone(), q.arn.clone());
        let request = Request {
            principal: Principal::Service("sns.amazonaws.com"),
            action: "sqs:SendMessage",
            resource: &queue_arn,
            source_arn: Some(&n.topic_arn),
            source_account: Some(ACCOUNT_ID),
        };
        let policy = q.attributes.policy.as_deref();
        let decision = match policy.and_then(|text| self.sns.queue_policy(queue, text)) {
            Some(doc) => doc.evaluate(&request),
            None => Decision::ImplicitDeny,
        };
        let policy = policy.is_some();
        match decision {
            Decision::Allow { .. } => Ok(()),
            Decision::ImplicitDeny if !policy && self.config.access == AccessMode::Lenient => {
                let reason = format!(
                    "{queue_name} has no access policy, so on AWS this delivery would be denied; add a statement allowing sns.amazonaws.com to sqs:SendMessage with aws:SourceArn {}",
                    n.topic_arn
                );
                let topic = n.topic.clone();
                self.trace.push(
                    self.now,
                    Event::AccessWarning {
                        topic,
                        subscription: s.arn.clone(),
                        queue: queue_name,
                        reason,
                    },
                );
                Ok(())
            }
            Decision::ImplicitDeny if !policy => Err(Failure {
                client: true,
                reason: format!(
                    "access denied by the policy of {queue_name}: there is none, so no statement allows sns.amazonaws.com to sqs:SendMessage from {}",
                    n.topic_arn
                ),
            }),
            decision => Err(Failure {
                client: true,
                reason: format!(
                    "access denied by the policy of {queue_name}: {}",
                    explain(&decision, &request)
                ),
            }),
        }
    }

    /// The end of a delivery that will not succeed: the subscription's DLQ, or nowhere.
    fn dead_letter(
        &mut self,
        s: &Subscription,
        n: &Notification,
        topic: &Arc<str>,
        reason: &str,
        attempts: u32,
    ) {
        let event = match s.redrive_policy.as_ref().map(|(_, dlq)| dlq.clone()) {
            Some(dlq) => match self.send_to_queue(s, n, &dlq, true) {
                Ok(()) => Event::DeliveryDeadLettered {
                    topic: topic.clone(),
                    subscription: s.arn.clone(),
                    message_id: n.message_id,
                    dead_letter_queue: resource_name(&dlq).to_string(),
                },
                Err(f) => Event::DeliveryLost {
                    topic: topic.clone(),
                    subscription: s.arn.clone(),
                    message_id: n.message_id,
                    reason: format!("{reason}; then {}", f.reason),
                },
            },
            None => Event::DeliveryLost {
                topic: topic.clone(),
                subscription: s.arn.clone(),
                message_id: n.message_id,
                reason: format!(
                    "{reason} (after {attempts} attempt{}), and the subscription has no dead-letter queue",
                    if attempts == 1 { "" } else { "s" }
                ),
            },
        };
        self.trace.push(self.now, event);
    }
}
