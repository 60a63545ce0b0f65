//! SNS through the engine API: envelopes, raw delivery, per-protocol bodies, FIFO topics,
//! retries, dead-letter queues, queue access, confirmation, unsubscribe, topic deletion
//! and batches — each checked against what the AWS SNS documentation says, in what a
//! driver sees: replies, queue contents, endpoint inboxes and the trace. Every assertion
//! names the seed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::create;
use fanout::engine::access_policy::{allow_topic_statement, with_statement};
use fanout::engine::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

const SEED: u64 = 23;
const ACCOUNT: &str = "123456789012";
const QUEUE_ARN: &str = "arn:aws:sqs:us-east-1:123456789012:";
const HTTP: &str = "http://hooks.example.com/sns";

fn engine(access: AccessMode) -> Engine {
    Engine::new(EngineConfig {
        seed: SEED,
        access,
        ..Default::default()
    })
}

fn attrs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn topic(e: &mut Engine, name: &str, attributes: &[(&str, &str)]) -> String {
    match e.apply(Command::CreateTopic {
        name: name.into(),
        attributes: attrs(attributes),
        tags: BTreeMap::new(),
    }) {
        Ok(Reply::TopicArn(arn)) => arn,
        r => panic!("seed {SEED}: create topic {name}: {r:?}"),
    }
}

fn fifo_topic(e: &mut Engine, name: &str, content_based: bool) -> String {
    let cbd = if content_based { "true" } else { "false" };
    topic(
        e,
        name,
        &[("FifoTopic", "true"), ("ContentBasedDeduplication", cbd)],
    )
}

/// Creates a queue and returns (url, arn).
fn queue(e: &mut Engine, name: &str, attributes: &[(&str, &str)]) -> (String, String) {
    let url = create(e, name, attributes);
    (url, format!("{QUEUE_ARN}{name}"))
}

/// A policy that lets `topic` send to `queue` (as the AWS docs show it).
fn allowing(queue_arn: &str, topic_arn: &str) -> String {
    with_statement(None, allow_topic_statement(queue_arn, topic_arn))
}

fn denying(queue_arn: &str) -> String {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "no-sends",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "sqs:SendMessage",
            "Resource": queue_arn
        }]
    })
    .to_string()
}

fn subscribe(
    e: &mut Engine,
    topic_arn: &str,
    protocol: &str,
    endpoint: &str,
    attributes: &[(&str, &str)],
) -> String {
    match e.apply(Command::Subscribe {
        topic_arn: topic_arn.into(),
        protocol: protocol.into(),
        endpoint: Some(endpoint.into()),
        attributes: attrs(attributes),
        return_subscription_arn: true,
    }) {
        Ok(Reply::SubscriptionArn(arn)) => arn,
        r => panic!("seed {SEED}: subscribe {protocol} {endpoint}: {r:?}"),
    }
}

fn confirm(e: &mut Engine, topic_arn: &str, subscription: &str) {
    let token = e.subscription(subscription).expect("exists").token.clone();
    let r = e.apply(Command::ConfirmSubscription {
        topic_arn: topic_arn.into(),
        token,
        authenticate_on_unsubscribe: None,
    });
    assert_eq!(
        r,
        Ok(Reply::SubscriptionArn(subscription.to_string())),
        "seed {SEED}"
    );
}

fn publish(e: &mut Engine, topic_arn: &str, input: PublishInput) -> PublishResult {
    match e.apply(Command::Publish {
        topic_arn: topic_arn.into(),
        input,
    }) {
        Ok(Reply::Published(r)) => r,
        r => panic!("seed {SEED}: publish: {r:?}"),
    }
}

fn fifo_input(message: &str, group: &str, dedup: Option<&str>) -> PublishInput {
    PublishInput {
        message_group_id: Some(group.into()),
        message_deduplication_id: dedup.map(str::to_string),
        ..PublishInput::message(message)
    }
}

fn set_endpoint(e: &mut Engine, endpoint: &str, available: bool, latency_ms: u64) {
    e.apply(Command::SetEndpoint {
        endpoint: endpoint.into(),
        settings: EndpointSettings {
            available,
            latency_ms,
            error_percent: 0,
        },
    })
    .unwrap_or_else(|err| panic!("seed {SEED}: {err}"));
}

/// Everything visible in the queue (received with every attribute, then left in flight).
fn drain(e: &mut Engine, url: &str) -> Vec<ReceivedMessage> {
    let mut all = Vec::new();
    loop {
        let input = ReceiveInput {
            max_number_of_messages: Some(10),
            attribute_names: vec!["All".into()],
            message_attribute_names: vec!["All".into()],
            ..Default::default()
        };
        match e.apply(Command::ReceiveMessage {
            queue_url: url.into(),
            input,
        }) {
            Ok(Reply::Messages(m)) if m.is_empty() => return all,
            Ok(Reply::Messages(m)) => all.extend(m),
            r => panic!("seed {SEED}: receive: {r:?}"),
        }
    }
}

fn delete_message(e: &mut Engine, url: &str, m: &ReceivedMessage) {
    e.apply(Command::DeleteMessage {
        queue_url: url.into(),
        receipt_handle: m.receipt_handle.clone(),
    })
    .unwrap_or_else(|err| panic!("seed {SEED}: {err}"));
}

fn json_body(m: &ReceivedMessage) -> Value {
    serde_json::from_str(&m.body)
        .unwrap_or_else(|err| panic!("seed {SEED}: body is not JSON ({err}): {}", m.body.as_ref()))
}

fn events(e: &Engine) -> Vec<&Event> {
    e.trace().entries().iter().map(|t| &t.event).collect()
}

/// The SNS delivery events (attempts and their ends) for one subscription, with times.
fn delivery_events<'a>(e: &'a Engine, subscription: &str) -> Vec<(SimTime, &'a Event)> {
    e.trace()
        .entries()
        .iter()
        .filter(|t| match &t.event {
            Event::Delivered {
                subscription: s, ..
            }
            | Event::DeliveryFailed {
                subscription: s, ..
            }
            | Event::DeliveryDeadLettered {
                subscription: s, ..
            }
            | Event::DeliveryLost {
                subscription: s, ..
            }
            | Event::DeliverySkipped {
                subscription: s, ..
            }
            | Event::FilteredOut {
                subscription: s, ..
            } => **s == *subscription,
            _ => false,
        })
        .map(|t| (t.at, &t.event))
        .collect()
}

/// Runs virtual time forward until no SNS delivery is waiting for an attempt.
fn run_until_idle(e: &mut Engine) {
    let mut steps = 0;
    while e.deliveries().next().is_some() && e.step() {
        steps += 1;
        assert!(steps < 10_000, "seed {SEED}: deliveries never end");
    }
}

// ---------------------------------------------------------------------------------------

/// The JSON envelope an SQS subscriber gets: the fields and their order as SNS sends
/// them, the `"Key" : value` layout, and attributes as `{"Type","Value"}`.
#[test]
fn envelope_has_the_documented_fields_and_layout() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "news", &[]);
    let (url, q) = queue(&mut e, "inbox", &[]);
    let sub = subscribe(&mut e, &t, "sqs", &q, &[]);
    let mut input = PublishInput {
        subject: Some("Hello".into()),
        ..PublishInput::message("line one\n\"quoted\"")
    };
    input.message_attributes.insert(
        "colour".into(),
        MessageAttributeValue::string("String", "red"),
    );
    input
        .message_attributes
        .insert("n".into(), MessageAttributeValue::string("Number", "7"));
    let r = publish(&mut e, &t, input);
    assert_eq!(r.sequence_number, None, "seed {SEED}");
    let got = drain(&mut e, &url);
    assert_eq!(got.len(), 1, "seed {SEED}");
    let body = got[0].body.as_ref();
    assert!(
        body.starts_with("{\n  \"Type\" : \"Notification\",\n  \"MessageId\" : "),
        "seed {SEED}: layout: {body}"
    );
    let v = json_body(&got[0]);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "Type",
            "MessageId",
            "TopicArn",
            "Subject",
            "Message",
            "Timestamp",
            "SignatureVersion",
            "Signature",
            "SigningCertURL",
            "UnsubscribeURL",
            "MessageAttributes"
        ],
        "seed {SEED}"
    );
    assert_eq!(v["MessageId"], r.message_id.to_string(), "seed {SEED}");
    assert_eq!(v["TopicArn"], t.as_str(), "seed {SEED}");
    assert_eq!(v["Subject"], "Hello", "seed {SEED}");
    assert_eq!(v["Message"], "line one\n\"quoted\"", "seed {SEED}");
    assert_eq!(v["Timestamp"], "2026-01-01T00:00:00.000Z", "seed {SEED}");
    assert_eq!(v["SignatureVersion"], "1", "seed {SEED}");
    // An RSA-2048 signature: 256 bytes, 344 base64 characters.
    assert_eq!(v["Signature"].as_str().unwrap().len(), 344, "seed {SEED}");
    assert!(
        v["SigningCertURL"]
            .as_str()
            .unwrap()
            .starts_with("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-"),
        "seed {SEED}"
    );
    assert_eq!(
        v["UnsubscribeURL"],
        format!("https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={sub}")
            .as_str(),
        "seed {SEED}"
    );
    assert_eq!(
        v["MessageAttributes"],
        json!({"colour": {"Type": "String", "Value": "red"}, "n": {"Type": "Number", "Value": "7"}}),
        "seed {SEED}"
    );
    // Without a subject or attributes, those keys are left out.
    publish(&mut e, &t, PublishInput::message("plain"));
    let v = json_body(&drain(&mut e, &url)[0]);
    assert!(v.get("Subject").is_none(), "seed {SEED}: {v}");
    assert!(v.get("MessageAttributes").is_none(), "seed {SEED}: {v}");
    // Non-raw deliveries carry no SQS message attributes.
    assert!(got[0].message_attributes.is_empty(), "seed {SEED}");
}

/// Raw delivery: the body is the message itself and the SNS attributes become SQS
/// message attributes; SQS has no String.Array, so such a value arrives as a String.
#[test]
fn raw_delivery_maps_attributes_to_sqs_message_attributes() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "raw", &[]);
    let (url, q) = queue(&mut e, "raw-q", &[]);
    subscribe(&mut e, &t, "sqs", &q, &[("RawMessageDelivery", "true")]);
    let mut input = PublishInput::message("just the text");
    let a = &mut input.message_attributes;
    a.insert(
        "tags".into(),
        MessageAttributeValue::string("String.Array", r#"["a","b"]"#),
    );
    a.insert(
        "price".into(),
        MessageAttributeValue::string("Number", "9.5"),
    );
    a.insert(
        "blob".into(),
        MessageAttributeValue::binary("Binary", vec![0u8, 1, 2]),
    );
    a.insert("name".into(), MessageAttributeValue::string("String", "x"));
    publish(&mut e, &t, input);
    let got = drain(&mut e, &url);
    assert_eq!(got.len(), 1, "seed {SEED}");
    assert_eq!(got[0].body.as_ref(), "just the text", "seed {SEED}");
    let m = &got[0].message_attributes;
    assert_eq!(
        m.get("tags"),
        Some(&MessageAttributeValue::string("String", r#"["a","b"]"#)),
        "seed {SEED}"
    );
    assert_eq!(
        m.get("price"),
        Some(&MessageAttributeValue::string("Number", "9.5")),
        "seed {SEED}"
    );
    assert_eq!(
        m.get("blob"),
        Some(&MessageAttributeValue::binary("Binary", vec![0u8, 1, 2])),
        "seed {SEED}"
    );
    assert_eq!(
        m.get("name"),
        Some(&MessageAttributeValue::string("String", "x")),
        "seed {SEED}"
    );
    assert!(got[0].md5_of_message_attributes.is_some(), "seed {SEED}");
}

/// SQS takes at most 10 message attributes: a raw delivery of a message with more is a
/// client error, not retried, and the message is discarded.
#[test]
fn raw_delivery_of_more_than_ten_attributes_is_a_client_error() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "many", &[]);
    let (url, q) = queue(&mut e, "many-q", &[]);
    let sub = subscribe(&mut e, &t, "sqs", &q, &[("RawMessageDelivery", "true")]);
    let mut input = PublishInput::message("crowded");
    for i in 0..11 {
        input.message_attributes.insert(
            format!("a{i}"),
            MessageAttributeValue::string("String", "v"),
        );
    }
    publish(&mut e, &t, input);
    run_until_idle(&mut e);
    let ev = delivery_events(&e, &sub);
    assert!(
        matches!(
            ev.as_slice(),
            [
                (
                    _,
                    Event::DeliveryFailed {
                        attempt: 1,
                        failure,
                        ..
                    }
                ),
                (_, Event::DeliveryLost { .. })
            ] if failure.client_error && failure.retry_at.is_none()
        ),
        "seed {SEED}: {ev:#?}"
    );
    assert!(drain(&mut e, &url).is_empty(), "seed {SEED}");
}

/// `MessageStructure=json`: each protocol gets its own key's text, or `default`.
#[test]
fn message_structure_json_picks_the_protocol_key_or_default() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "structured", &[]);
    let (url_a, qa) = queue(&mut e, "sqs-a", &[]);
    let (url_b, qb) = queue(&mut e, "sqs-b", &[]);
    subscribe(&mut e, &t, "sqs", &qa, &[]);
    subscribe(&mut e, &t, "sqs", &qb, &[("RawMessageDelivery", "true")]);
    let lambda = "arn:aws:lambda:us-east-1:123456789012:function:handler";
    subscribe(&mut e, &t, "lambda", lambda, &[]);

    let both = json!({"default": "for everyone", "sqs": "for queues"}).to_string();
    publish(
        &mut e,
        &t,
        PublishInput {
            message_structure: Some("json".into()),
            ..PublishInput::message(both)
        },
    );
    let a = drain(&mut e, &url_a);
    assert_eq!(json_body(&a[0])["Message"], "for queues", "seed {SEED}");
    let b = drain(&mut e, &url_b);
    assert_eq!(b[0].body.as_ref(), "for queues", "seed {SEED}");
    let inbox = &e.endpoint(lambda).expect("endpoint").inbox;
    let event: Value = serde_json::from_str(&inbox.back().unwrap().body).unwrap();
    assert_eq!(
        event["Records"][0]["Sns"]["Message"], "for everyone",
        "seed {SEED}: {event}"
    );

    // Without an sqs key the queues get `default`, not the whole document.
    let only_default = json!({"default": "fallback", "email": "mail"}).to_string();
    publish(
        &mut e,
        &t,
        PublishInput {
            message_structure: Some("json".into()),
            ..PublishInput::message(only_default)
        },
    );
    let a = drain(&mut e, &url_a);
    assert_eq!(json_body(&a[0])["Message"], "fallback", "seed {SEED}");
    let b = drain(&mut e, &url_b);
    assert_eq!(b[0].body.as_ref(), "fallback", "seed {SEED}");
    let inbox = &e.endpoint(lambda).expect("endpoint").inbox;
    let event: Value = serde_json::from_str(&inbox.back().unwrap().body).unwrap();
    assert_eq!(
        event["Records"][0]["Sns"]["Message"], "fallback",
        "seed {SEED}"
    );

    // `default` is required; the document must be JSON.
    let before = e.trace().len();
    for bad in [json!({"sqs": "x"}).to_string(), "not json".to_string()] {
        let err = e
            .apply(Command::Publish {
                topic_arn: t.clone(),
                input: PublishInput {
                    message_structure: Some("json".into()),
                    ..PublishInput::message(bad)
                },
            })
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidParameter, "seed {SEED}: {err}");
    }
    assert_eq!(e.trace().len(), before, "seed {SEED}");
}

/// A FIFO topic delivers to a FIFO queue in publish order per message group, with the
/// group id, and its sequence numbers in the envelope.
#[test]
fn fifo_topic_to_fifo_queue_keeps_group_order() {
    let mut e = engine(AccessMode::Lenient);
    let t = fifo_topic(&mut e, "orders.fifo", false);
    let (url, q) = queue(&mut e, "orders-q.fifo", &[("FifoQueue", "true")]);
    subscribe(&mut e, &t, "sqs", &q, &[]);
    // The endpoint is slow: order must not depend on the moment of arrival.
    set_endpoint(&mut e, &q, true, 250);
    let mut published = Vec::new();
    for (i, (body, group)) in [
        ("a1", "a"),
        ("b1", "b"),
        ("a2", "a"),
        ("a3", "a"),
        ("b2", "b"),
    ]
    .into_iter()
    .enumerate()
    {
        let r = publish(&mut e, &t, fifo_input(body, group, Some(&format!("d{i}"))));
        assert!(r.sequence_number.is_some(), "seed {SEED}");
        published.push((body, r));
    }
    let seqs: Vec<&String> = published
        .iter()
        .map(|(_, r)| r.sequence_number.as_ref().unwrap())
        .collect();
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "seed {SEED}: sequence numbers increase: {seqs:?}"
    );
    run_until_idle(&mut e);
    // Receiving one at a time and deleting, a FIFO queue serves a1 a2 a3 then b1 b2 or
    // by groups; per group the order must be the publish order.
    let got = drain(&mut e, &url);
    let mut per_group: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in &got {
        let v = json_body(m);
        let group = m
            .attributes
            .iter()
            .find(|(k, _)| k == "MessageGroupId")
            .map(|(_, v)| v.clone())
            .expect("group id");
        let (_, r) = published
            .iter()
            .find(|(b, _)| *b == v["Message"].as_str().unwrap())
            .expect("published");
        assert_eq!(v["MessageId"], r.message_id.to_string(), "seed {SEED}");
        assert_eq!(
            v["SequenceNumber"],
            r.sequence_number.as_deref().unwrap(),
            "seed {SEED}"
        );
        per_group
            .entry(group)
            .or_default()
            .push(v["Message"].as_str().unwrap().to_string());
    }
    assert_eq!(per_group["a"], ["a1", "a2", "a3"], "seed {SEED}");
    assert_eq!(per_group["b"], ["b1", "b2"], "seed {SEED}");
}

/// A FIFO topic answers a repeated deduplication id within 5 minutes with the first
/// MessageId and SequenceNumber and delivers nothing; after 5 minutes it is new again.
/// Content-based deduplication uses the message body.
#[test]
fn fifo_topic_deduplicates_for_five_minutes() {
    let mut e = engine(AccessMode::Lenient);
    let t = fifo_topic(&mut e, "dedup.fifo", false);
    let (url, q) = queue(&mut e, "dedup-q.fifo", &[("FifoQueue", "true")]);
    subscribe(&mut e, &t, "sqs", &q, &[]);
    let first = publish(&mut e, &t, fifo_input("one", "g", Some("same")));
    e.advance_to(SimTime::from_secs(299));
    let again = publish(&mut e, &t, fifo_input("other body", "g", Some("same")));
    assert_eq!(again, first, "seed {SEED}");
    assert!(
        events(&e).iter().any(|ev| matches!(ev,
            Event::PublishDeduplicated { message_id, deduplication_id, .. }
                if *message_id == first.message_id && deduplication_id == "same")),
        "seed {SEED}"
    );
    assert_eq!(drain(&mut e, &url).len(), 1, "seed {SEED}");
    e.advance_to(SimTime::from_secs(301));
    let later = publish(&mut e, &t, fifo_input("one", "g", Some("same")));
    assert_ne!(later.message_id, first.message_id, "seed {SEED}");
    assert!(later.sequence_number > first.sequence_number, "seed {SEED}");

    // Content-based: the same body is the same message; another body is not.
    let cbd = fifo_topic(&mut e, "content.fifo", true);
    let a = publish(&mut e, &cbd, fifo_input("body-x", "g", None));
    let b = publish(&mut e, &cbd, fifo_input("body-x", "h", None));
    let c = publish(&mut e, &cbd, fifo_input("body-y", "g", None));
    assert_eq!(a, b, "seed {SEED}");
    assert_ne!(a.message_id, c.message_id, "seed {SEED}");
    // Without content-based deduplication an id is required.
    let err = e
        .apply(Command::Publish {
            topic_arn: t.clone(),
            input: fifo_input("no id", "g", None),
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidParameter, "seed {SEED}");
}

/// HTTP endpoint down: the default HTTP policy retries 3 times, 20 s apart, then the
/// message is lost for that subscriber and the trace says so.
#[test]
fn http_endpoint_down_is_retried_three_times_20s_apart_then_lost() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "web", &[]);
    let sub = subscribe(&mut e, &t, "http", HTTP, &[]);
    confirm(&mut e, &t, &sub);
    set_endpoint(&mut e, HTTP, false, 0);
    let r = publish(&mut e, &t, PublishInput::message("ping"));
    run_until_idle(&mut e);
    let ev = delivery_events(&e, &sub);
    let attempts: Vec<(SimTime, u32, Option<SimTime>)> = ev
        .iter()
        .filter_map(|(at, ev)| match ev {
            Event::DeliveryFailed {
                attempt, failure, ..
            } if !failure.client_error => Some((*at, *attempt, failure.retry_at)),
            _ => None,
        })
        .collect();
    let s = SimTime::from_secs;
    assert_eq!(
        attempts,
        [
            (s(0), 1, Some(s(20))),
            (s(20), 2, Some(s(40))),
            (s(40), 3, Some(s(60))),
            (s(60), 4, None)
        ],
        "seed {SEED}: {ev:#?}"
    );
    match ev.last() {
        Some((
            at,
            Event::DeliveryLost {
                message_id, reason, ..
            },
        )) => {
            assert_eq!(*at, s(60), "seed {SEED}");
            assert_eq!(*message_id, r.message_id, "seed {SEED}");
            assert!(reason.contains("dead-letter"), "seed {SEED}: {reason}");
        }
        other => panic!("seed {SEED}: {other:?}"),
    }
    assert_eq!(e.deliveries().count(), 0, "seed {SEED}");
    assert!(
        e.endpoint(HTTP)
            .unwrap()
            .inbox
            .iter()
            .all(|i| i.kind != "Notification"),
        "seed {SEED}"
    );
}

/// The same, with a RedrivePolicy: after the last retry the message goes to the
/// subscription's dead-letter queue.
#[test]
fn http_endpoint_down_with_redrive_policy_goes_to_the_dead_letter_queue() {
    let mut e = engine(AccessMode::Strict);
    let t = topic(&mut e, "web", &[]);
    let (dlq_url, dlq) = queue(&mut e, "web-dlq", &[]);
    e.apply(Command::SetQueueAttributes {
        queue_url: dlq_url.clone(),
        attributes: attrs(&[("Policy", &allowing(&dlq, &t))]),
    })
    .unwrap();
    let redrive = json!({ "deadLetterTargetArn": dlq }).to_string();
    let sub = subscribe(
        &mut e,
        &t,
        "https",
        "https://down.example.com/",
        &[("RedrivePolicy", &redrive)],
    );
    confirm(&mut e, &t, &sub);
    set_endpoint(&mut e, "https://down.example.com/", false, 100);
    let r = publish(&mut e, &t, PublishInput::message("lost?"));
    run_until_idle(&mut e);
    let ev = delivery_events(&e, &sub);
    let failures = ev
        .iter()
        .filter(|(_, ev)| matches!(ev, Event::DeliveryFailed { .. }))
        .count();
    assert_eq!(failures, 4, "seed {SEED}: {ev:#?}");
    // Each attempt lands a latency after its retry delay.
    let times: Vec<u64> = ev
        .iter()
        .filter(|(_, ev)| matches!(ev, Event::DeliveryFailed { .. }))
        .map(|(at, _)| at.millis())
        .collect();
    assert_eq!(times, [100, 20_200, 40_300, 60_400], "seed {SEED}");
    assert!(
        matches!(ev.last(), Some((_, Event::DeliveryDeadLettered { dead_letter_queue, message_id, .. }))
            if dead_letter_queue == "web-dlq" && *message_id == r.message_id),
        "seed {SEED}: {ev:#?}"
    );
    let got = drain(&mut e, &dlq_url);
    assert_eq!(got.len(), 1, "seed {SEED}");
    assert!(
        got[0].body.contains("lost?"),
        "seed {SEED}: {}",
        got[0].body
    );
}

/// A queue policy that denies SNS is a client error: not retried, straight to the DLQ.
#[test]
fn a_denying_queue_policy_is_a_client_error_not_retried() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "denied", &[]);
    let (url, q) = queue(
        &mut e,
        "closed",
        &[("Policy", &denying(&format!("{QUEUE_ARN}closed")))],
    );
    let (dlq_url, dlq) = queue(&mut e, "closed-dlq", &[]);
    let redrive = json!({ "deadLetterTargetArn": dlq }).to_string();
    let sub = subscribe(&mut e, &t, "sqs", &q, &[("RedrivePolicy", &redrive)]);
    publish(&mut e, &t, PublishInput::message("knock knock"));
    run_until_idle(&mut e);
    let ev = delivery_events(&e, &sub);
    assert!(
        matches!(
            ev.as_slice(),
            [
                (
                    _,
                    Event::DeliveryFailed {
                        attempt: 1,
                        failure,
                        ..
                    }
                ),
                (_, Event::DeliveryDeadLettered { .. })
            ] if failure.client_error && failure.retry_at.is_none()
        ),
        "seed {SEED}: {ev:#?}"
    );
    assert!(drain(&mut e, &url).is_empty(), "seed {SEED}");
    let got = drain(&mut e, &dlq_url);
    assert_eq!(got.len(), 1, "seed {SEED}");
    assert!(got[0].body.contains("knock knock"), "seed {SEED}");
}

/// Strict access (as on AWS): a queue without a policy refuses the topic; with a
/// statement allowing the topic it receives.
#[test]
fn strict_access_denies_a_queue_without_policy() {
    let mut e = engine(AccessMode::Strict);
    let t = topic(&mut e, "strict", &[]);
    let (url, q) = queue(&mut e, "nopolicy", &[]);
    let sub = subscribe(&mut e, &t, "sqs", &q, &[]);
    publish(&mut e, &t, PublishInput::message("first"));
    run_until_idle(&mut e);
    let ev = delivery_events(&e, &sub);
    assert!(
        matches!(
            ev.as_slice(),
            [
                (
                    _,
                    Event::DeliveryFailed {
                        failure,
                        ..
                    }
                ),
                (_, Event::DeliveryLost { .. })
            ] if failure.client_error && failure.retry_at.is_none()
        ),
        "seed {SEED}: {ev:#?}"
    );
    assert!(drain(&mut e, &url).is_empty(), "seed {SEED}");
    assert!(
        !events(&e)
            .iter()
            .any(|ev| matches!(ev, Event::AccessWarning { .. })),
        "seed {SEED}"
    );
    e.apply(Command::SetQueueAttributes {
        queue_url: url.clone(),
        attributes: attrs(&[("Policy", &allowing(&q, &t))]),
    })
    .unwrap();
    publish(&mut e, &t, PublishInput::message("second"));
    let got = drain(&mut e, &url);
    assert_eq!(got.len(), 1, "seed {SEED}");
    assert_eq!(json_body(&got[0])["Message"], "second", "seed {SEED}");
    // A policy that allows another topic only is not enough.
    let other = topic(&mut e, "someone-else", &[]);
    let (url2, q2) = queue(&mut e, "elsewhere", &[]);
    e.apply(Command::SetQueueAttributes {
        queue_url: url2.clone(),
        attributes: attrs(&[("Policy", &allowing(&q2, &other))]),
    })
    .unwrap();
    subscribe(&mut e, &t, "sqs", &q2, &[]);
    publish(&mut e, &t, PublishInput::message("third"));
    assert!(drain(&mut e, &url2).is_empty(), "seed {SEED}");
}

/// Lenient access (the default): a queue without a policy gets the message, and the
/// trace warns that AWS would have refused it.
#[test]
fn lenient_access_warns_and_delivers() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "lenient", &[]);
    let (url, q) = queue(&mut e, "open", &[]);
    let sub = subscribe(&mut e, &t, "sqs", &q, &[]);
    let r = publish(&mut e, &t, PublishInput::message("hi"));
    let ev = events(&e);
    let warning = ev
        .iter()
        .position(|ev| matches!(ev, Event::AccessWarning { queue, subscription, .. } if &**queue == "open" && **subscription == *sub))
        .unwrap_or_else(|| panic!("seed {SEED}: no AccessWarning: {ev:#?}"));
    let delivered = ev
        .iter()
        .position(|ev| matches!(ev, Event::Delivered { message_id, attempt: 1, .. } if *message_id == r.message_id))
        .unwrap_or_else(|| panic!("seed {SEED}: not delivered: {ev:#?}"));
    assert!(warning < delivered, "seed {SEED}");
    assert_eq!(drain(&mut e, &url).len(), 1, "seed {SEED}");
    // A queue with a policy is judged by it even when lenient.
    let (url2, q2) = queue(
        &mut e,
        "guarded",
        &[("Policy", &denying(&format!("{QUEUE_ARN}guarded")))],
    );
    subscribe(&mut e, &t, "sqs", &q2, &[]);
    publish(&mut e, &t, PublishInput::message("again"));
    assert!(drain(&mut e, &url2).is_empty(), "seed {SEED}");
}

/// An https subscription is pending until the endpoint confirms with the token it was
/// sent; messages published meanwhile are not delivered to it, the next one is.
#[test]
fn pending_subscription_gets_nothing_until_confirmed() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "confirm-me", &[]);
    let endpoint = "https://app.example.com/sns";
    let reply = e
        .apply(Command::Subscribe {
            topic_arn: t.clone(),
            protocol: "https".into(),
            endpoint: Some(endpoint.into()),
            attributes: BTreeMap::new(),
            return_subscription_arn: false,
        })
        .unwrap();
    assert_eq!(
        reply,
        Reply::SubscriptionArn("pending confirmation".into()),
        "seed {SEED}"
    );
    let sub = e.subscriptions().last().unwrap().arn.clone();
    match e.apply(Command::ListSubscriptionsByTopic {
        topic_arn: t.clone(),
        next_token: None,
    }) {
        Ok(Reply::Subscriptions { subscriptions, .. }) => {
            assert_eq!(
                subscriptions[0].subscription_arn, "PendingConfirmation",
                "seed {SEED}"
            )
        }
        r => panic!("seed {SEED}: {r:?}"),
    }
    // The endpoint was sent a SubscriptionConfirmation carrying the token.
    let inbox = &e.endpoint(endpoint).unwrap().inbox;
    assert_eq!(inbox.len(), 1, "seed {SEED}");
    assert_eq!(inbox[0].kind, "SubscriptionConfirmation", "seed {SEED}");
    let request: Value = serde_json::from_str(&inbox[0].body).unwrap();
    assert_eq!(request["Type"], "SubscriptionConfirmation", "seed {SEED}");
    let token = request["Token"].as_str().unwrap().to_string();
    assert!(
        request["SubscribeURL"].as_str().unwrap().contains(&token),
        "seed {SEED}"
    );

    let early = publish(&mut e, &t, PublishInput::message("too early"));
    run_until_idle(&mut e);
    assert!(
        matches!(delivery_events(&e, &sub).as_slice(),
            [(_, Event::DeliverySkipped { message_id, .. })] if *message_id == early.message_id),
        "seed {SEED}"
    );
    // A wrong token confirms nothing.
    let bad = e.apply(Command::ConfirmSubscription {
        topic_arn: t.clone(),
        token: "00".repeat(32),
        authenticate_on_unsubscribe: None,
    });
    assert!(bad.is_err(), "seed {SEED}");
    assert!(!e.subscription(&sub).unwrap().confirmed, "seed {SEED}");
    let r = e.apply(Command::ConfirmSubscription {
        topic_arn: t.clone(),
        token,
        authenticate_on_unsubscribe: None,
    });
    assert_eq!(
        r,
        Ok(Reply::SubscriptionArn(sub.to_string())),
        "seed {SEED}"
    );
    let now = e.now();
    let next = publish(&mut e, &t, PublishInput::message("just in time"));
    run_until_idle(&mut e);
    let delivered: Vec<(SimTime, MessageId)> = delivery_events(&e, &sub)
        .into_iter()
        .filter_map(|(at, ev)| match ev {
            Event::Delivered { message_id, .. } => Some((at, *message_id)),
            _ => None,
        })
        .collect();
    // https endpoints start with 100 ms latency.
    assert_eq!(
        delivered,
        [(now.plus_millis(100), next.message_id)],
        "seed {SEED}"
    );
    let notifications: Vec<Value> = e
        .endpoint(endpoint)
        .unwrap()
        .inbox
        .iter()
        .filter(|i| i.kind == "Notification")
        .map(|i| serde_json::from_str(&i.body).unwrap())
        .collect();
    assert_eq!(notifications.len(), 1, "seed {SEED}");
    assert_eq!(notifications[0]["Message"], "just in time", "seed {SEED}");
}

/// Unsubscribing stops deliveries, and a retry already scheduled for the deleted
/// subscription is dropped (DeliveryLost says why) instead of being attempted.
#[test]
fn unsubscribe_stops_deliveries_and_drops_a_pending_retry() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "leaving", &[]);
    let sub = subscribe(&mut e, &t, "http", HTTP, &[]);
    confirm(&mut e, &t, &sub);
    set_endpoint(&mut e, HTTP, false, 0);
    let r = publish(&mut e, &t, PublishInput::message("retry me"));
    assert_eq!(e.deliveries().count(), 1, "seed {SEED}");
    e.apply(Command::Unsubscribe {
        subscription_arn: sub.clone(),
    })
    .unwrap();
    set_endpoint(&mut e, HTTP, true, 0);
    run_until_idle(&mut e);
    let ev = delivery_events(&e, &sub);
    assert!(
        matches!(
            ev.as_slice(),
            [
                (_, Event::DeliveryFailed { attempt: 1, .. }),
                (at, Event::DeliveryLost { message_id, reason, .. })
            ] if *message_id == r.message_id && *at == SimTime::from_secs(20) && reason.contains("deleted")
        ),
        "seed {SEED}: {ev:#?}"
    );
    assert_eq!(e.deliveries().count(), 0, "seed {SEED}");
    let before = delivery_events(&e, &sub).len();
    publish(&mut e, &t, PublishInput::message("after"));
    run_until_idle(&mut e);
    assert_eq!(delivery_events(&e, &sub).len(), before, "seed {SEED}");
    assert!(
        e.endpoint(HTTP)
            .unwrap()
            .inbox
            .iter()
            .all(|i| i.kind != "Notification"),
        "seed {SEED}"
    );
    let err = e
        .apply(Command::GetSubscriptionAttributes {
            subscription_arn: sub.clone(),
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound, "seed {SEED}");
    match e.apply(Command::GetTopicAttributes { topic_arn: t }) {
        Ok(Reply::Attributes(a)) => assert!(
            a.contains(&("SubscriptionsDeleted".to_string(), "1".to_string())),
            "seed {SEED}: {a:?}"
        ),
        r => panic!("seed {SEED}: {r:?}"),
    }
}

/// DeleteTopic removes the topic and its subscriptions; deliveries on their way are lost;
/// deleting it again is not an error (the API reference: DeleteTopic is idempotent).
#[test]
fn delete_topic_removes_its_subscriptions() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "doomed", &[]);
    let keep = topic(&mut e, "kept", &[]);
    let (_, q) = queue(&mut e, "doomed-q", &[]);
    let s1 = subscribe(&mut e, &t, "sqs", &q, &[]);
    let s2 = subscribe(&mut e, &t, "email", "someone@example.com", &[]);
    let s3 = subscribe(&mut e, &keep, "sqs", &q, &[]);
    set_endpoint(&mut e, &q, true, 5_000);
    let r = publish(&mut e, &t, PublishInput::message("in flight"));
    e.apply(Command::DeleteTopic {
        topic_arn: t.clone(),
    })
    .unwrap();
    assert!(
        matches!(events(&e).last(), Some(Event::TopicDeleted { topic, subscriptions: 2 }) if &**topic == "doomed"),
        "seed {SEED}"
    );
    assert!(
        e.subscription(&s1).is_none() && e.subscription(&s2).is_none(),
        "seed {SEED}"
    );
    assert!(e.subscription(&s3).is_some(), "seed {SEED}");
    match e.apply(Command::ListSubscriptions { next_token: None }) {
        Ok(Reply::Subscriptions { subscriptions, .. }) => {
            assert_eq!(subscriptions.len(), 1, "seed {SEED}");
            assert_eq!(subscriptions[0].topic_arn, keep, "seed {SEED}");
        }
        r => panic!("seed {SEED}: {r:?}"),
    }
    let err = e
        .apply(Command::Publish {
            topic_arn: t.clone(),
            input: PublishInput::message("gone"),
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound, "seed {SEED}");
    run_until_idle(&mut e);
    assert!(
        matches!(delivery_events(&e, &s1).last(),
            Some((_, Event::DeliveryLost { message_id, .. })) if *message_id == r.message_id),
        "seed {SEED}"
    );
    let before = e.trace().len();
    assert_eq!(
        e.apply(Command::DeleteTopic { topic_arn: t }),
        Ok(Reply::Done),
        "seed {SEED}: deleting a topic that does not exist is not an error"
    );
    assert_eq!(e.trace().len(), before, "seed {SEED}");
}

/// PublishBatch answers per entry: the good ones are published, the bad ones fail with
/// their own code; whole-request errors fail the request and publish nothing.
#[test]
fn publish_batch_partial_failure() {
    let mut e = engine(AccessMode::Lenient);
    let t = fifo_topic(&mut e, "batch.fifo", false);
    let (url, q) = queue(&mut e, "batch-q.fifo", &[("FifoQueue", "true")]);
    subscribe(&mut e, &t, "sqs", &q, &[]);
    let entry = |id: &str, input: PublishInput| PublishBatchEntry {
        id: id.into(),
        input,
    };
    let entries = vec![
        entry("ok1", fifo_input("first", "g", Some("1"))),
        entry(
            "nosubject",
            PublishInput {
                subject: Some(String::new()),
                ..fifo_input("no subject", "g", Some("2"))
            },
        ),
        entry("ok2", fifo_input("second", "g", Some("3"))),
        entry("empty", fifo_input("", "g", Some("4"))),
    ];
    match e.apply(Command::PublishBatch {
        topic_arn: t.clone(),
        entries,
    }) {
        Ok(Reply::PublishBatch { successful, failed }) => {
            let ok: Vec<&str> = successful.iter().map(|(id, _)| id.as_str()).collect();
            assert_eq!(ok, ["ok1", "ok2"], "seed {SEED}");
            let bad: Vec<(&str, &str, bool)> = failed
                .iter()
                .map(|f| (f.id.as_str(), f.code.as_str(), f.sender_fault))
                .collect();
            assert_eq!(
                bad,
                [
                    ("nosubject", "InvalidParameter", true),
                    ("empty", "InvalidParameter", true)
                ],
                "seed {SEED}"
            );
        }
        r => panic!("seed {SEED}: {r:?}"),
    }
    let bodies: Vec<String> = drain(&mut e, &url)
        .iter()
        .map(|m| json_body(m)["Message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(bodies, ["first", "second"], "seed {SEED}");

    // Whole-request errors: nothing is published.
    let before = e.trace().len();
    let cases: Vec<(Vec<PublishBatchEntry>, &str)> = vec![
        (vec![], "EmptyBatchRequest"),
        (
            (0..11)
                .map(|i| entry(&format!("e{i}"), fifo_input("x", "g", Some(&i.to_string()))))
                .collect(),
            "TooManyEntriesInBatchRequest",
        ),
        (
            vec![
                entry("same", fifo_input("x", "g", Some("a"))),
                entry("same", fifo_input("y", "g", Some("b"))),
            ],
            "BatchEntryIdsNotDistinct",
        ),
        (
            vec![entry("bad id!", fifo_input("x", "g", Some("a")))],
            "InvalidBatchEntryId",
        ),
        // On a FIFO topic an entry without a group id fails the whole request (as AWS
        // answered in tests/peer/expected/sns_fifo_batch.json).
        (
            vec![
                entry("ok", fifo_input("x", "g", Some("a"))),
                entry(
                    "nogroup",
                    PublishInput {
                        message_deduplication_id: Some("b".into()),
                        ..PublishInput::message("no group")
                    },
                ),
            ],
            "InvalidParameter",
        ),
    ];
    for (entries, code) in cases {
        let err = e
            .apply(Command::PublishBatch {
                topic_arn: t.clone(),
                entries,
            })
            .unwrap_err();
        assert_eq!(err.code.printed(), code, "seed {SEED}: {err}");
    }
    assert_eq!(e.trace().len(), before, "seed {SEED}");
}

/// An unavailable queue (an AWS-managed endpoint) is retried on AWS's managed policy:
/// 3 immediate retries, 2 one second apart, 10 with backoff from 1 to 20 seconds, then
/// every 20 seconds. When it comes back, the next retry delivers.
#[test]
fn unavailable_queue_is_retried_on_the_aws_managed_policy() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "managed", &[]);
    let (url, q) = queue(&mut e, "flaky", &[]);
    let sub = subscribe(&mut e, &t, "sqs", &q, &[]);
    set_endpoint(&mut e, &q, false, 0);
    publish(&mut e, &t, PublishInput::message("eventually"));
    e.advance_to(SimTime::from_secs(600));
    let delays: Vec<u64> = delivery_events(&e, &sub)
        .iter()
        .filter_map(|(at, ev)| match ev {
            Event::DeliveryFailed { failure, .. } => {
                failure.retry_at.map(|r| (r.millis() - at.millis()) / 1000)
            }
            _ => None,
        })
        .collect();
    assert!(delays.len() > 20, "seed {SEED}: {delays:?}");
    assert_eq!(delays[..5], [0, 0, 0, 1, 1], "seed {SEED}: {delays:?}");
    let backoff = &delays[5..15];
    assert!(
        backoff.iter().all(|d| (1..=20).contains(d)) && backoff.windows(2).all(|w| w[0] <= w[1]),
        "seed {SEED}: backoff phase {backoff:?}"
    );
    assert!(
        delays[15..].iter().all(|d| *d == 20),
        "seed {SEED}: {delays:?}"
    );
    let attempts = delays.len() as u32;
    set_endpoint(&mut e, &q, true, 0);
    e.advance_to(SimTime::from_secs(640));
    assert!(
        matches!(delivery_events(&e, &sub).last(),
            Some((_, Event::Delivered { attempt, .. })) if *attempt == attempts + 1),
        "seed {SEED}"
    );
    assert_eq!(drain(&mut e, &url).len(), 1, "seed {SEED}");
}

/// Email and SMS (customer-managed endpoints): 2 retries 10 s apart, 10 with backoff
/// from 10 s to 600 s, 38 every 600 s — 50 over about 6 hours — then lost.
#[test]
fn email_retries_follow_the_customer_managed_policy() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "mail", &[]);
    let sub = subscribe(&mut e, &t, "sms", "+15550100", &[]);
    set_endpoint(&mut e, "+15550100", false, 0);
    publish(&mut e, &t, PublishInput::message("text"));
    run_until_idle(&mut e);
    let ev = delivery_events(&e, &sub);
    let delays: Vec<u64> = ev
        .iter()
        .filter_map(|(at, ev)| match ev {
            Event::DeliveryFailed { failure, .. } => {
                failure.retry_at.map(|r| (r.millis() - at.millis()) / 1000)
            }
            _ => None,
        })
        .collect();
    assert_eq!(delays.len(), 50, "seed {SEED}: {delays:?}");
    assert_eq!(delays[..2], [10, 10], "seed {SEED}");
    let backoff = &delays[2..12];
    assert!(
        backoff.iter().all(|d| (10..=600).contains(d)) && backoff.windows(2).all(|w| w[0] <= w[1]),
        "seed {SEED}: {backoff:?}"
    );
    assert!(delays[12..].iter().all(|d| *d == 600), "seed {SEED}");
    let (end, last) = ev.last().unwrap();
    assert!(matches!(last, Event::DeliveryLost { .. }), "seed {SEED}");
    assert!(
        end.millis() >= 6 * 3_600_000 && end.millis() <= 8 * 3_600_000,
        "seed {SEED}: over about 6 hours, ended at {end}"
    );
}

/// A Lambda subscriber is invoked with the SNS event record.
#[test]
fn lambda_gets_the_sns_event_record() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "fn", &[]);
    let f = "arn:aws:lambda:us-east-1:123456789012:function:worker";
    let sub = subscribe(&mut e, &t, "lambda", f, &[]);
    let mut input = PublishInput {
        subject: Some("S".into()),
        ..PublishInput::message("payload")
    };
    input
        .message_attributes
        .insert("k".into(), MessageAttributeValue::string("String", "v"));
    let r = publish(&mut e, &t, input);
    let inbox = &e.endpoint(f).unwrap().inbox;
    assert_eq!(inbox.len(), 1, "seed {SEED}");
    let v: Value = serde_json::from_str(&inbox[0].body).unwrap();
    let rec = &v["Records"][0];
    assert_eq!(rec["EventSource"], "aws:sns", "seed {SEED}");
    assert_eq!(rec["EventSubscriptionArn"], sub.as_str(), "seed {SEED}");
    assert_eq!(
        rec["Sns"]["MessageId"],
        r.message_id.to_string(),
        "seed {SEED}"
    );
    assert_eq!(rec["Sns"]["Message"], "payload", "seed {SEED}");
    assert_eq!(rec["Sns"]["Subject"], "S", "seed {SEED}");
    assert_eq!(
        rec["Sns"]["MessageAttributes"]["k"],
        json!({"Type": "String", "Value": "v"}),
        "seed {SEED}"
    );
}

/// Filter policies: a subscriber gets only what matches; the trace names the key that
/// did not. FIFO topics refuse subscribers other than SQS.
#[test]
fn filter_policy_selects_and_the_trace_says_why_not() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "filtered", &[]);
    let (url, q) = queue(&mut e, "reds", &[]);
    let sub = subscribe(
        &mut e,
        &t,
        "sqs",
        &q,
        &[("FilterPolicy", r#"{"colour":["red","crimson"]}"#)],
    );
    let with = |c: &str| {
        let mut i = PublishInput::message(format!("a {c} thing"));
        i.message_attributes
            .insert("colour".into(), MessageAttributeValue::string("String", c));
        i
    };
    publish(&mut e, &t, with("red"));
    let blue = publish(&mut e, &t, with("blue"));
    publish(&mut e, &t, PublishInput::message("no attributes"));
    publish(&mut e, &t, with("crimson"));
    let bodies: Vec<String> = drain(&mut e, &url)
        .iter()
        .map(|m| json_body(m)["Message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(bodies, ["a red thing", "a crimson thing"], "seed {SEED}");
    assert!(
        delivery_events(&e, &sub).iter().any(|(_, ev)| matches!(ev,
            Event::FilteredOut { message_id, mismatch, .. } if *message_id == blue.message_id && mismatch.key == "colour")),
        "seed {SEED}"
    );
    let fifo = fifo_topic(&mut e, "only-queues.fifo", true);
    for (protocol, endpoint) in [
        ("lambda", "arn:aws:lambda:us-east-1:123456789012:function:f"),
        ("https", "https://x.example.com/"),
        ("email", "a@example.com"),
    ] {
        let err = e
            .apply(Command::Subscribe {
                topic_arn: fifo.clone(),
                protocol: protocol.into(),
                endpoint: Some(endpoint.into()),
                attributes: BTreeMap::new(),
                return_subscription_arn: true,
            })
            .unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::InvalidParameter,
            "seed {SEED}: {protocol}"
        );
    }
    let _ = ACCOUNT;
}

/// A FIFO topic delivers to a subscribed FIFO queue "in the exact order in which the
/// messages are published" (SNS guide, message ordering for FIFO topics): a later
/// message of a group must not overtake an earlier one that is still on its way — when
/// the endpoint got faster in between, or while the earlier one waits for a retry.
#[test]
fn fifo_topic_order_survives_latency_changes_and_retries() {
    let mut e = engine(AccessMode::Lenient);
    let t = fifo_topic(&mut e, "ordered.fifo", true);
    let (url, q) = queue(&mut e, "ordered-q.fifo", &[("FifoQueue", "true")]);
    subscribe(&mut e, &t, "sqs", &q, &[]);
    // m1 takes 5 s; the endpoint then gets fast and m2 is published.
    set_endpoint(&mut e, &q, true, 5_000);
    publish(&mut e, &t, fifo_input("m1", "g", None));
    set_endpoint(&mut e, &q, true, 0);
    publish(&mut e, &t, fifo_input("m2", "g", None));
    // m3 fails while the queue is down and waits for its retries; m4 comes after.
    e.advance_to(SimTime::from_secs(10));
    set_endpoint(&mut e, &q, false, 0);
    publish(&mut e, &t, fifo_input("m3", "g", None));
    e.advance_to(SimTime(10_500));
    set_endpoint(&mut e, &q, true, 0);
    publish(&mut e, &t, fifo_input("m4", "g", None));
    run_until_idle(&mut e);
    let mut order = Vec::new();
    loop {
        let got = drain(&mut e, &url);
        if got.is_empty() {
            break;
        }
        for m in &got {
            order.push(json_body(m)["Message"].as_str().unwrap().to_string());
            delete_message(&mut e, &url, m);
        }
    }
    assert_eq!(order, ["m1", "m2", "m3", "m4"], "seed {SEED}");
}

/// A FIFO message waiting behind an earlier one of its group is due when that one is:
/// `step` never lands on a moment when nothing happens.
#[test]
fn a_waiting_fifo_message_is_due_with_the_one_before_it() {
    let mut e = engine(AccessMode::Lenient);
    let t = fifo_topic(&mut e, "patient.fifo", true);
    let (_, q) = queue(&mut e, "patient-q.fifo", &[("FifoQueue", "true")]);
    subscribe(&mut e, &t, "sqs", &q, &[]);
    set_endpoint(&mut e, &q, true, 10_000);
    publish(&mut e, &t, fifo_input("first", "g", None));
    set_endpoint(&mut e, &q, true, 2_000);
    publish(&mut e, &t, fifo_input("second", "g", None));
    let due: Vec<SimTime> = e.deliveries().map(|(_, d)| d.next_attempt_at).collect();
    assert_eq!(
        due,
        [SimTime::from_secs(10), SimTime::from_secs(10)],
        "seed {SEED}"
    );
    let before = e.trace().len();
    assert!(e.step(), "seed {SEED}");
    assert_eq!(e.now(), SimTime::from_secs(10), "seed {SEED}");
    let delivered: Vec<String> = e
        .trace()
        .since(before)
        .iter()
        .filter_map(|t| match &t.event {
            Event::Delivered { message_id, .. } => Some(message_id.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(delivered.len(), 2, "seed {SEED}");
}

/// A topic policy's explicit deny wins even for the owner account: Publish is refused
/// (AuthorizationError) and nothing is published; a deny of another action does not
/// matter.
#[test]
fn a_topic_policy_that_denies_publish_refuses_it() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "guarded", &[]);
    let (url, q) = queue(&mut e, "guarded-q", &[]);
    subscribe(&mut e, &t, "sqs", &q, &[]);
    let deny = |action: &str| {
        json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "no",
                "Effect": "Deny",
                "Principal": "*",
                "Action": action,
                "Resource": t
            }]
        })
        .to_string()
    };
    let set_policy = |e: &mut Engine, policy: String| {
        e.apply(Command::SetTopicAttributes {
            topic_arn: t.clone(),
            attribute_name: "Policy".into(),
            attribute_value: Some(policy),
        })
        .unwrap_or_else(|err| panic!("seed {SEED}: {err}"));
    };
    set_policy(&mut e, deny("SNS:Subscribe"));
    publish(&mut e, &t, PublishInput::message("allowed"));
    set_policy(&mut e, deny("SNS:Publish"));
    let before = e.trace().len();
    let err = e
        .apply(Command::Publish {
            topic_arn: t.clone(),
            input: PublishInput::message("refused"),
        })
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::AuthorizationError,
        "seed {SEED}: {err}"
    );
    assert_eq!(e.trace().len(), before, "seed {SEED}");
    // An empty policy puts the default one back: publishing is allowed again.
    set_policy(&mut e, String::new());
    publish(&mut e, &t, PublishInput::message("again"));
    let bodies: Vec<String> = drain(&mut e, &url)
        .iter()
        .map(|m| json_body(m)["Message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(bodies, ["allowed", "again"], "seed {SEED}");
}

/// Every delivery is judged by the queue's policy as it is at that moment: changing it
/// with SetQueueAttributes between publishes changes the next delivery's fate.
#[test]
fn a_changed_queue_policy_judges_the_next_delivery() {
    let mut e = engine(AccessMode::Strict);
    let t = topic(&mut e, "changing", &[]);
    let (url, q) = queue(
        &mut e,
        "changing-q",
        &[("Policy", &denying(&format!("{QUEUE_ARN}changing-q")))],
    );
    subscribe(&mut e, &t, "sqs", &q, &[]);
    let set_policy = |e: &mut Engine, policy: String| {
        e.apply(Command::SetQueueAttributes {
            queue_url: url.clone(),
            attributes: attrs(&[("Policy", &policy)]),
        })
        .unwrap_or_else(|err| panic!("seed {SEED}: {err}"));
    };
    let mut delivered = Vec::new();
    for (i, policy) in [denying(&q), allowing(&q, &t), denying(&q), allowing(&q, &t)]
        .into_iter()
        .enumerate()
    {
        set_policy(&mut e, policy);
        publish(&mut e, &t, PublishInput::message(format!("m{i}")));
        let t_end = e.now().plus_secs(5);
        e.advance_to(t_end);
        for m in drain(&mut e, &url) {
            delivered.push(json_body(&m)["Message"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(delivered, ["m1", "m3"], "seed {SEED}");
}

/// ListSubscriptions and ListTopics answer 100 a page with a NextToken.
#[test]
fn subscription_lists_are_paged_by_100() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "crowd", &[]);
    for i in 0..101 {
        subscribe(
            &mut e,
            &t,
            "lambda",
            &format!("arn:aws:lambda:us-east-1:123456789012:function:f{i}"),
            &[],
        );
    }
    let (first, token) = match e.apply(Command::ListSubscriptions { next_token: None }) {
        Ok(Reply::Subscriptions {
            subscriptions,
            next_token,
        }) => (subscriptions, next_token),
        r => panic!("seed {SEED}: {r:?}"),
    };
    assert_eq!(first.len(), 100, "seed {SEED}");
    let token = token.unwrap_or_else(|| panic!("seed {SEED}: no NextToken"));
    match e.apply(Command::ListSubscriptionsByTopic {
        topic_arn: t.clone(),
        next_token: Some(token),
    }) {
        Ok(Reply::Subscriptions {
            subscriptions,
            next_token,
        }) => {
            assert_eq!(subscriptions.len(), 1, "seed {SEED}");
            assert_eq!(next_token, None, "seed {SEED}");
            assert!(subscriptions[0].endpoint.ends_with(":f100"), "seed {SEED}");
        }
        r => panic!("seed {SEED}: {r:?}"),
    }
}

/// Endpoint latency is a simulation control: an absurd one is refused rather than
/// leaving a delivery due at the end of time (which `step` would then run the clock to).
#[test]
fn an_absurd_endpoint_latency_is_refused() {
    let mut e = engine(AccessMode::Lenient);
    let t = topic(&mut e, "slow", &[]);
    let sub = subscribe(
        &mut e,
        &t,
        "lambda",
        "arn:aws:lambda:us-east-1:123456789012:function:slow",
        &[],
    );
    let r = e.apply(Command::SetEndpoint {
        endpoint: "arn:aws:lambda:us-east-1:123456789012:function:slow".into(),
        settings: EndpointSettings {
            available: true,
            latency_ms: u64::MAX,
            error_percent: 0,
        },
    });
    assert!(r.is_err(), "seed {SEED}: {r:?}");
    publish(&mut e, &t, PublishInput::message("soon"));
    assert!(
        matches!(
            delivery_events(&e, &sub).as_slice(),
            [(_, Event::Delivered { .. })]
        ),
        "seed {SEED}"
    );
}
