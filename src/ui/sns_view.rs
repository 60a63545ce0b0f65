//! Read-only snapshots of SNS for the components: the topology (topics, queues and
//! endpoints, an edge per subscription with what is happening on it) and the inspector of
//! the selected topic or subscription.

use super::notes::{TraceNotes, MOVE_HIGHLIGHT_MS};
use super::sns_notes::{AccessProblem, Drop, FlowKind, PublishNote, Tally};
use super::sns_state::Inspect;
use super::view::name_of;
use crate::engine::delivery_policy::RetryPolicy;
use crate::engine::sns::{Protocol, Subscription};
use crate::engine::{EndpointSettings, Engine, SimTime};
use litemap::LiteMap;

/// Edge animations drawn at most per subscription (the rest are counted in the tally).
const TOKENS_PER_EDGE: usize = 6;
/// Inbox entries and pending deliveries listed in the subscription inspector.
const LISTED: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicNode {
    pub arn: String,
    pub name: String,
    pub subscriptions: usize,
    pub row: usize,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetKind {
    Queue {
        name: String,
        visible: usize,
        in_flight: usize,
        selected: bool,
    },
    /// A subscriber that is not a queue of this simulation (or a queue that is gone).
    Endpoint {
        protocol: Protocol,
        endpoint: String,
        up: bool,
        /// The first subscription to it: what clicking the node selects.
        subscription: String,
        selected: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetNode {
    /// The queue name or the endpoint: a stable key.
    pub key: String,
    pub kind: TargetKind,
    pub row: usize,
}

/// The next retry of a delivery on an edge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retry {
    pub at: SimTime,
    pub secs_left: u64,
    /// The attempt that the retry will be (2 for the first retry).
    pub attempt: u32,
}

/// A copy of a message moving along an edge (animated once, keyed by trace position).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub key: usize,
    pub kind: FlowKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeView {
    pub subscription: String,
    pub protocol: Protocol,
    /// "sqs orders from news": the edge's accessible name.
    pub label: String,
    pub from: usize,
    pub to: usize,
    pub pending: bool,
    pub filter: bool,
    /// The row of the subscription's dead-letter queue, and its name.
    pub dead_letter: Option<(usize, String)>,
    pub retry: Option<Retry>,
    /// First attempts still on their way (the endpoint's latency).
    pub in_transit: usize,
    pub tally: Tally,
    pub access: bool,
    pub selected: bool,
    pub tokens: Vec<Token>,
}

/// A queue's redrive policy: an arc from the queue to its dead-letter queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedriveArc {
    pub from: usize,
    pub to: usize,
}

/// What the deliveries and the trace add to a subscription's edge.
#[derive(Default)]
struct Extras {
    in_transit: usize,
    retry: Option<Retry>,
    tokens: Vec<Token>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Topology {
    pub topics: Vec<TopicNode>,
    pub targets: Vec<TargetNode>,
    pub edges: Vec<EdgeView>,
    pub redrives: Vec<RedriveArc>,
    pub rows: usize,
    pub problems: Vec<AccessProblem>,
}

/// A queue as the subscribe form offers it (endpoint and dead-letter queue selects).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueChoice {
    pub name: String,
    pub arn: String,
    pub fifo: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscriptionRow {
    pub arn: String,
    pub protocol: Protocol,
    pub endpoint: String,
    pub pending: bool,
    pub filter: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicInfo {
    pub arn: String,
    pub name: String,
    pub fifo: bool,
    pub content_based_deduplication: bool,
    pub attributes: Vec<(String, String)>,
    pub subscriptions: Vec<SubscriptionRow>,
    pub publishes: Vec<PublishNote>,
}

/// One phase of a retry policy, as a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phase {
    pub name: &'static str,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingDelivery {
    pub key: String,
    pub message_id: String,
    pub attempts: u32,
    pub next_at: SimTime,
    pub secs_left: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboxItem {
    pub key: String,
    pub at: SimTime,
    pub kind: &'static str,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscriptionInfo {
    pub arn: String,
    pub topic_arn: String,
    pub protocol: Protocol,
    pub endpoint: String,
    pub confirmed: bool,
    pub raw_message_delivery: bool,
    /// Pretty-printed when it is JSON.
    pub filter_policy: Option<String>,
    pub filter_scope: &'static str,
    pub dead_letter_queue: Option<String>,
    pub retry_phases: Vec<Phase>,
    pub endpoint_settings: EndpointSettings,
    pub deliveries: Vec<PendingDelivery>,
    pub waiting: usize,
    pub drops: Vec<Drop>,
    pub inbox: Vec<InboxItem>,
    pub tally: Tally,
    pub access: Vec<AccessProblem>,
}

/// What the SNS parts of one render show.
#[derive(Default)]
pub struct SnsSnapshot {
    pub topology: Topology,
    pub topic: Option<TopicInfo>,
    pub subscription: Option<SubscriptionInfo>,
    pub queues: Vec<QueueChoice>,
}

impl SnsSnapshot {
    pub fn read(
        engine: &Engine,
        notes: &TraceNotes,
        inspect: Option<&Inspect>,
        selected_queue: Option<&str>,
        wall_ms: f64,
    ) -> SnsSnapshot {
        let topology = topology(engine, notes, inspect, selected_queue, wall_ms);
        let (topic, subscription) = match inspect {
            Some(Inspect::Topic(arn)) => (topic_info(engine, notes, arn), None),
            Some(Inspect::Subscription(arn)) => (
                None,
                engine
                    .subscription(arn)
                    .map(|s| subscription_info(engine, notes, s)),
            ),
            None => (None, None),
        };
        let queues = engine
            .queues()
            .map(|q| QueueChoice {
                name: q.name.clone(),
                arn: q.arn.clone(),
                fifo: q.is_fifo(),
            })
            .collect();
        SnsSnapshot {
            topology,
            topic,
            subscription,
            queues,
        }
    }
}

fn topology(
    engine: &Engine,
    notes: &TraceNotes,
    inspect: Option<&Inspect>,
    selected_queue: Option<&str>,
    wall_ms: f64,
) -> Topology {
    let now = engine.now();
    let inspected = |arn: &str| match inspect {
        Some(Inspect::Topic(a)) | Some(Inspect::Subscription(a)) => a == arn,
        None => false,
    };
    // Targets: every queue, then the other endpoints in the order they were subscribed.
    let mut targets: Vec<TargetNode> = engine
        .queues()
        .enumerate()
        .map(|(row, q)| TargetNode {
            key: q.name.clone(),
            kind: TargetKind::Queue {
                name: q.name.clone(),
                visible: q.visible_count(),
                in_flight: q.in_flight_count(),
                selected: inspect.is_none() && selected_queue == Some(q.name.as_str()),
            },
            row,
        })
        .collect();
    // What each row is: a queue's ARN or an endpoint (few: a list is enough).
    let mut ids: Vec<&str> = engine.queues().map(|q| q.arn.as_str()).collect();
    for s in engine.subscriptions() {
        if ids.contains(&&*s.endpoint) {
            continue;
        }
        let row = targets.len();
        ids.push(&s.endpoint);
        targets.push(TargetNode {
            key: s.endpoint.to_string(),
            kind: TargetKind::Endpoint {
                protocol: s.protocol,
                endpoint: s.endpoint.to_string(),
                up: engine
                    .endpoint(&s.endpoint)
                    .is_none_or(|e| e.settings.available),
                subscription: s.arn.to_string(),
                selected: inspected(&s.arn),
            },
            row,
        });
    }
    let topic_count = engine.topics().count();
    let rows = targets.len().max(topic_count).max(1);
    // Topics centred against the targets.
    let offset = (rows - topic_count) / 2;
    let topics: Vec<TopicNode> = engine
        .topics()
        .enumerate()
        .map(|(i, t)| TopicNode {
            arn: t.arn.clone(),
            name: t.name.to_string(),
            subscriptions: engine
                .subscriptions()
                .filter(|s| s.topic_arn == t.arn)
                .count(),
            row: offset + i,
            selected: matches!(inspect, Some(Inspect::Topic(a)) if *a == t.arn),
        })
        .collect();
    let row_of = |id: &str| ids.iter().position(|i| *i == id);
    let topic_row = |arn: &str| topics.iter().find(|t| t.arn == arn).map(|t| t.row);

    // Per subscription: first attempts on their way, the next retry, recent tokens.
    let mut extras: LiteMap<&str, Extras> = LiteMap::new();
    for (_, d) in engine.deliveries() {
        let e = extras.entry(&*d.subscription_arn).or_default();
        if d.attempts == 0 {
            e.in_transit += 1;
        } else if e.retry.as_ref().is_none_or(|r| d.next_attempt_at < r.at) {
            e.retry = Some(Retry {
                at: d.next_attempt_at,
                secs_left: now.secs_until(d.next_attempt_at),
                attempt: d.attempts + 1,
            });
        }
    }
    for f in notes.sns.recent_flows(wall_ms, MOVE_HIGHLIGHT_MS) {
        extras
            .entry(f.subscription.as_str())
            .or_default()
            .tokens
            .push(Token {
                key: f.index,
                kind: f.kind,
            });
    }
    let problems: Vec<AccessProblem> = notes.sns.access_problems().cloned().collect();
    let edges = engine
        .subscriptions()
        .filter_map(|s| {
            let from = topic_row(&s.topic_arn)?;
            let to = row_of(&s.endpoint)?;
            let Extras {
                in_transit,
                retry,
                mut tokens,
            } = extras.remove(&*s.arn).unwrap_or_default();
            tokens.drain(..tokens.len().saturating_sub(TOKENS_PER_EDGE));
            Some(EdgeView {
                label: format!(
                    "{} {} from {}",
                    s.protocol.name(),
                    endpoint_label(s.protocol, &s.endpoint),
                    name_of(&s.topic_arn)
                ),
                subscription: s.arn.to_string(),
                protocol: s.protocol,
                from,
                to,
                pending: !s.confirmed,
                filter: s.filter_policy.is_some(),
                dead_letter: s
                    .redrive_policy
                    .as_ref()
                    .and_then(|(_, dlq)| Some((row_of(dlq)?, name_of(dlq).to_string()))),
                retry,
                in_transit,
                tally: notes.sns.tally_of(&s.arn),
                access: problems.iter().any(|p| *p.subscription == *s.arn),
                selected: inspected(&s.arn),
                tokens,
            })
        })
        .collect();
    let redrives = engine
        .queues()
        .filter_map(|q| {
            let dlq = &q.attributes.redrive_policy.as_ref()?.dead_letter_target_arn;
            Some(RedriveArc {
                from: row_of(&q.arn)?,
                to: row_of(dlq)?,
            })
        })
        .collect();
    Topology {
        topics,
        targets,
        edges,
        redrives,
        rows,
        problems,
    }
}

fn topic_info(engine: &Engine, notes: &TraceNotes, arn: &str) -> Option<TopicInfo> {
    let t = engine.topic_by_arn(arn)?;
    Some(TopicInfo {
        arn: t.arn.clone(),
        name: t.name.to_string(),
        fifo: t.fifo,
        content_based_deduplication: t.content_based_deduplication(),
        attributes: t
            .attributes
            .iter()
            // The default access policy is long and says only "the owner may do anything".
            .filter(|(k, _)| !matches!(k.as_str(), "ContentBasedDeduplication" | "Policy"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        subscriptions: engine
            .subscriptions()
            .filter(|s| s.topic_arn == t.arn)
            .map(|s| SubscriptionRow {
                arn: s.arn.to_string(),
                protocol: s.protocol,
                endpoint: s.endpoint.to_string(),
                pending: !s.confirmed,
                filter: s.filter_policy.is_some(),
            })
            .collect(),
        publishes: notes.sns.publishes(&t.name).cloned().collect(),
    })
}

fn subscription_info(engine: &Engine, notes: &TraceNotes, s: &Subscription) -> SubscriptionInfo {
    let now = engine.now();
    let endpoint = engine.endpoint(&s.endpoint);
    let mine: Vec<_> = engine
        .deliveries()
        .filter(|(_, d)| d.subscription_arn == s.arn)
        .collect();
    let inbox = match (s.protocol, endpoint) {
        (Protocol::Sqs, _) | (_, None) => Vec::new(),
        (_, Some(e)) => e
            .inbox
            .iter()
            .rev()
            .filter(|i| *i.subscription == *s.arn)
            .take(LISTED)
            .enumerate()
            .map(|(i, e)| InboxItem {
                key: format!("{}:{i}", e.at.millis()),
                at: e.at,
                kind: e.kind,
                body: pretty_json(&e.body),
            })
            .collect(),
    };
    SubscriptionInfo {
        arn: s.arn.to_string(),
        topic_arn: s.topic_arn.clone(),
        protocol: s.protocol,
        endpoint: s.endpoint.to_string(),
        confirmed: s.confirmed,
        raw_message_delivery: s.raw_message_delivery,
        filter_policy: s.filter_policy.as_ref().map(|(text, _)| pretty_json(text)),
        filter_scope: s.filter_policy_scope.name(),
        dead_letter_queue: s
            .redrive_policy
            .as_ref()
            .map(|(_, dlq)| name_of(dlq).to_string()),
        retry_phases: phases(&engine.retry_policy(s)),
        endpoint_settings: endpoint.map(|e| e.settings).unwrap_or_default(),
        waiting: mine.len(),
        deliveries: mine
            .iter()
            .take(LISTED)
            .map(|(id, d)| PendingDelivery {
                key: id.to_string(),
                message_id: d.notification.message_id.to_string(),
                attempts: d.attempts,
                next_at: d.next_attempt_at,
                secs_left: now.secs_until(d.next_attempt_at),
            })
            .collect(),
        drops: notes.sns.drops(&s.arn).cloned().collect(),
        inbox,
        tally: notes.sns.tally_of(&s.arn),
        access: notes
            .sns
            .access_problems()
            .filter(|p| *p.subscription == *s.arn)
            .cloned()
            .collect(),
    }
}

/// An endpoint as short as it can be and still be told apart: a queue's or function's
/// name, a URL without its scheme, an address or number as it is.
pub fn endpoint_label(p: Protocol, endpoint: &str) -> &str {
    match p {
        Protocol::Sqs => name_of(endpoint),
        Protocol::Lambda => endpoint.rsplit(":function:").next().unwrap_or(endpoint),
        Protocol::Http | Protocol::Https => endpoint
            .split_once("://")
            .map_or(endpoint, |(_, rest)| rest),
        _ => endpoint,
    }
}

/// JSON with two-space indents (a filter policy as a reader wants it), else as given.
pub fn pretty_json(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| text.to_string())
}

fn retries(n: u32) -> String {
    if n == 1 {
        "1 retry".to_string()
    } else {
        format!("{n} retries")
    }
}

/// A retry policy's four phases, leaving out the empty ones.
pub fn phases(p: &RetryPolicy) -> Vec<Phase> {
    let backoff = p
        .num_retries
        .saturating_sub(p.num_no_delay_retries)
        .saturating_sub(p.num_min_delay_retries)
        .saturating_sub(p.num_max_delay_retries);
    let function = format!("{:?}", p.backoff_function).to_lowercase();
    let all = [
        (
            "Immediate retry",
            p.num_no_delay_retries,
            "at once, no delay".to_string(),
        ),
        (
            "Pre-backoff",
            p.num_min_delay_retries,
            format!("{} s apart", p.min_delay_target),
        ),
        (
            "Backoff",
            backoff,
            if p.min_delay_target == p.max_delay_target {
                format!("{} s apart", p.min_delay_target)
            } else {
                format!(
                    "from {} s to {} s apart, {function}",
                    p.min_delay_target, p.max_delay_target
                )
            },
        ),
        (
            "Post-backoff",
            p.num_max_delay_retries,
            format!("{} s apart", p.max_delay_target),
        ),
    ];
    all.into_iter()
        .filter(|(_, n, _)| *n > 0)
        .map(|(name, n, how)| Phase {
            name,
            text: format!("{}, {how}", retries(n)),
        })
        .collect()
}
