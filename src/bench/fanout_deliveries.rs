//! `fanout_deliveries_per_sec`: PublishBatch to a topic with 10 SQS subscriptions, each with
//! a filter policy, advancing the virtual clock so the deliveries happen.
//!
//! Subscription `i` accepts `priority >= i`, and message `n` has priority `n % 10`, so each
//! publish reaches 5.5 queues on average and every subscription's policy is evaluated.

use super::{create_queue, engine, per_second, Clock, Figure, Sizes};
use crate::engine::{
    Command, Engine, MessageAttributeValue, PublishBatchEntry, PublishInput, Reply,
};
use std::collections::BTreeMap;

const SUBSCRIPTIONS: u64 = 10;

pub fn run(sizes: &Sizes, clock: Clock) -> Figure {
    let mut e = engine();
    let Some(topic) = topology(&mut e) else {
        return Figure {
            value: None,
            ..Figure::new("fanout_deliveries_per_sec", 0.0, "/s")
        }
        .note("the topic or a subscription was refused");
    };
    let started = clock();
    let mut n = 0;
    while n < sizes.publishes {
        let size = (sizes.publishes - n).min(10);
        if !publish_batch(&mut e, &topic, n, size) {
            break;
        }
        n += size;
        let t = e.now().plus_secs(1);
        e.advance_to(t);
    }
    let ms = clock() - started;
    let delivered: u64 = (0..SUBSCRIPTIONS)
        .filter_map(|i| e.queue_by_name(&format!("bench-fanout-{i}")))
        .map(|q| q.visible_count() as u64)
        .sum();
    let expected: u64 = (0..n).map(|k| k % 10 + 1).sum();
    let figure = Figure::new(
        "fanout_deliveries_per_sec",
        per_second(delivered as f64, ms),
        "/s",
    );
    if delivered != expected {
        return figure.note(format!(
            "{delivered} deliveries where the filters accept {expected}"
        ));
    }
    figure.note(format!(
        "{} publishes, {} deliveries",
        super::number(n as f64),
        super::number(delivered as f64)
    ))
}

/// The topic and its 10 filtered queue subscriptions; the topic's ARN.
fn topology(e: &mut Engine) -> Option<String> {
    let topic = match e.apply(Command::CreateTopic {
        name: "bench-fanout".into(),
        attributes: BTreeMap::new(),
        tags: BTreeMap::new(),
    }) {
        Ok(Reply::TopicArn(arn)) => arn,
        _ => return None,
    };
    for i in 0..SUBSCRIPTIONS {
        create_queue(e, &format!("bench-fanout-{i}"), &[]);
        let arn = e.queue_by_name(&format!("bench-fanout-{i}"))?.arn.clone();
        let policy = format!(r#"{{"priority":[{{"numeric":[">=",{i}]}}]}}"#);
        let attributes = BTreeMap::from([
            ("FilterPolicy".to_string(), policy),
            ("RawMessageDelivery".to_string(), "true".to_string()),
        ]);
        e.apply(Command::Subscribe {
            topic_arn: topic.clone(),
            protocol: "sqs".into(),
            endpoint: Some(arn),
            attributes,
            return_subscription_arn: true,
        })
        .ok()?;
    }
    Some(topic)
}

fn publish_batch(e: &mut Engine, topic: &str, first: u64, size: u64) -> bool {
    let entries = (first..first + size)
        .map(|n| PublishBatchEntry {
            id: n.to_string(),
            input: PublishInput {
                message: format!("order {n}"),
                message_attributes: BTreeMap::from([(
                    "priority".to_string(),
                    MessageAttributeValue {
                        data_type: "Number".into(),
                        string_value: Some((n % 10).to_string()),
                        binary_value: None,
                    },
                )]),
                ..Default::default()
            },
        })
        .collect();
    matches!(
        e.apply(Command::PublishBatch {
            topic_arn: topic.into(),
            entries,
        }),
        Ok(Reply::PublishBatch { failed, .. }) if failed.is_empty()
    )
}
