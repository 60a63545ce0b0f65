//! The topology: topics on the left, queues and other endpoints on the right, an edge per
//! subscription. Pending subscriptions are dashed; a filter policy shows as a badge; a
//! subscription's dead-letter queue as a purple branch, a queue's as an arc on the right.
//!
//! Each edge carries what is happening on it: a token travels along it for every copy of
//! a published message (delivered, failed, dead-lettered), a copy that its filter policy
//! dropped stops short with a "filtered out" mark, and a delivery waiting for a retry
//! shows its countdown and attempt number. Tokens are keyed by trace position, so each
//! animation plays once; with reduced motion they appear at their destination instead.
//! Whatever the console's latest command touched flashes (`Flash`).
//!
//! Text is HTML positioned over one SVG of lines: the SVG stretches to the width (its
//! strokes do not), rows are a fixed height, so a point is (percent across, px down).

use super::access::AccessWarnings;
use super::{clicks, sns_click, Dispatch};
use crate::engine::sns::Protocol;
use crate::ui::console::Flash;
use crate::ui::sns_notes::FlowKind;
use crate::ui::sns_state::SnsAction;
use crate::ui::sns_view::{endpoint_label, EdgeView, TargetKind, TargetNode, TopicNode, Topology};
use crate::ui::state::{Action, Feedback};
use crate::ui::view::duration;
use yew::prelude::*;

/// Height of one row of nodes (the stylesheet's `--row`).
const ROW: u32 = 56;
/// How far along an edge (percent) its badge sits: nearer the target, so that edges
/// from different topics to one target keep their badges apart.
const BADGE_AT: u32 = 70;

fn y(row: usize) -> u32 {
    row as u32 * ROW + ROW / 2
}

/// The vertical position `percent` of the way along an edge from row `a` to row `b`.
fn y_at(a: usize, b: usize, percent: u32) -> i64 {
    let (a, b) = (y(a) as i64, y(b) as i64);
    a + (b - a) * percent as i64 / 100
}

#[derive(Properties, PartialEq)]
pub struct TopologyProps {
    pub topology: Topology,
    pub access_feedback: Feedback,
    #[prop_or_default]
    pub flash: Flash,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn TopologyView(props: &TopologyProps) -> Html {
    let t = &props.topology;
    let d = &props.dispatch;
    let f = &props.flash;
    let height = t.rows as u32 * ROW;
    html! {
        <section class="card topology" aria-labelledby="topology-title">
            <h2 id="topology-title">{ "Topology" }</h2>
            if t.topics.is_empty() && t.targets.is_empty() {
                <p class="empty">{ "Create a topic and subscribe queues or endpoints to it: every subscriber gets its own copy of each message published." }</p>
            } else {
                <div class="topo" style={format!("--rows:{}", t.rows)}>
                    <ul class="topo-col topics" aria-label="Topics">
                        if t.topics.is_empty() {
                            <li class="node-slot none">{ "No topics yet" }</li>
                        }
                        { for t.topics.iter().map(|n| topic_node(n, d, f)) }
                    </ul>
                    <div class="wires">
                        <svg class="lines" viewBox={format!("0 0 100 {height}")} preserveAspectRatio="none"
                            aria-hidden="true">
                            { for t.edges.iter().map(|e| edge_lines(e, f)) }
                        </svg>
                        { for t.edges.iter().map(|e| html! { <Edge key={e.subscription.clone()} edge={e.clone()} flash={f.subscription(&e.subscription)} dispatch={d.clone()} /> }) }
                    </div>
                    <ul class="topo-col targets" aria-label="Queues and endpoints">
                        { for t.targets.iter().map(|n| target_node(n, d, f)) }
                    </ul>
                    <svg class="arcs" viewBox={format!("0 0 24 {height}")} aria-hidden="true">
                        { for t.redrives.iter().map(|a| html! {
                            <path key={format!("{}-{}", a.from, a.to)} class="arc"
                                d={format!("M0 {} C22 {}, 22 {}, 0 {}", y(a.from), y(a.from), y(a.to), y(a.to))} />
                        }) }
                    </svg>
                </div>
            }
            <AccessWarnings problems={t.problems.clone()} feedback={props.access_feedback.clone()}
                dispatch={d.clone()} />
        </section>
    }
}

fn topic_node(n: &TopicNode, d: &Dispatch, f: &Flash) -> Html {
    let onclick = sns_click(d, SnsAction::SelectTopic(n.arn.clone()));
    html! {
        <li key={n.arn.clone()} class="node-slot" style={format!("top:{}px", n.row as u32 * ROW)}>
            <button class={classes!("node", "topic-node", n.selected.then_some("selected"), f.topic(&n.name))}
                aria-label={format!("Topic {}", n.name)} title={n.name.clone()}
                aria-current={n.selected.then_some("true")} {onclick}>
                <span class="node-name">
                    <span class="icon" aria-hidden="true">{ "◉" }</span>
                    { &n.name }
                </span>
                <span class="node-meta">{ match n.subscriptions {
                    1 => "1 subscription".to_string(),
                    k => format!("{k} subscriptions"),
                } }</span>
            </button>
        </li>
    }
}

/// A short sign for a protocol, shown on its endpoint node.
fn icon(p: Protocol) -> &'static str {
    match p {
        Protocol::Sqs => "▤",
        Protocol::Lambda => "λ",
        Protocol::Http | Protocol::Https => "⇄",
        Protocol::Email | Protocol::EmailJson => "✉",
        Protocol::Sms => "✆",
    }
}

fn target_node(n: &TargetNode, d: &Dispatch, f: &Flash) -> Html {
    let style = format!("top:{}px", n.row as u32 * ROW);
    let body = match &n.kind {
        TargetKind::Queue {
            name,
            visible,
            in_flight,
            selected,
        } => html! {
            <button class={classes!("node", "queue-node", selected.then_some("selected"), f.queue(name))}
                aria-label={format!("Queue {name}")} title={name.clone()}
                aria-current={selected.then_some("true")}
                onclick={clicks(d, Action::Select(name.clone()))}>
                <span class="node-name">
                    <span class="icon" aria-hidden="true">{ icon(Protocol::Sqs) }</span>
                    { name }
                </span>
                <span class="node-meta">
                    <span class="count visible">{ format!("{visible} visible") }</span>
                    { " · " }
                    <span class="count in-flight">{ format!("{in_flight} in flight") }</span>
                </span>
            </button>
        },
        TargetKind::Endpoint {
            protocol,
            endpoint,
            up,
            subscription,
            selected,
        } => html! {
            <button class={classes!("node", "endpoint-node", (!up).then_some("down"), selected.then_some("selected"), f.endpoint(endpoint))}
                aria-label={format!("Endpoint {endpoint}")} title={endpoint.clone()}
                onclick={sns_click(d, SnsAction::SelectSubscription(subscription.clone()))}>
                <span class="node-name">
                    <span class="icon" aria-hidden="true">{ icon(*protocol) }</span>
                    { endpoint_label(*protocol, endpoint) }
                </span>
                <span class="node-meta">
                    { protocol.name() }
                    { " · " }
                    <span class={classes!("status", if *up { "up" } else { "down" })}>{ if *up { "up" } else { "down" } }</span>
                </span>
            </button>
        },
    };
    html! { <li key={n.key.clone()} class="node-slot" {style}>{ body }</li> }
}

/// The SVG lines of one subscription: its edge, and its dead-letter branch.
fn edge_lines(e: &EdgeView, f: &Flash) -> Html {
    let (y1, y2) = (y(e.from), y(e.to));
    let class = classes!(
        "edge",
        e.pending.then_some("pending"),
        e.selected.then_some("selected"),
        e.access.then_some("warning"),
        e.retry.is_some().then_some("retrying"),
        f.subscription(&e.subscription),
    );
    html! {
        <g key={e.subscription.clone()}>
            <line {class} x1="0" y1={y1.to_string()} x2="100" y2={y2.to_string()}
                vector-effect="non-scaling-stroke" />
            if let Some((row, _)) = &e.dead_letter {
                <line class="edge dead-letter" x1={BADGE_AT.to_string()}
                    y1={y_at(e.from, e.to, BADGE_AT).to_string()} x2="100" y2={y(*row).to_string()}
                    vector-effect="non-scaling-stroke" />
            }
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct EdgeProps {
    edge: EdgeView,
    flash: Option<&'static str>,
    dispatch: Dispatch,
}

/// An edge's badge (selects the subscription) and its tokens and marks.
#[function_component]
fn Edge(props: &EdgeProps) -> Html {
    let e = &props.edge;
    let onclick = sns_click(
        &props.dispatch,
        SnsAction::SelectSubscription(e.subscription.clone()),
    );
    let style = format!("left:{BADGE_AT}%;top:{}px", y_at(e.from, e.to, BADGE_AT));
    let t = &e.tally;
    // The protocol names the edge when nothing else is on it.
    let quiet = !(e.pending
        || e.filter
        || e.access
        || e.in_transit > 0
        || e.retry.is_some()
        || t.dead_lettered > 0
        || t.lost > 0);
    html! {
        <>
            <button class={classes!("edge-badge", e.pending.then_some("pending"), e.selected.then_some("selected"), e.access.then_some("warning"), props.flash)}
                {style} {onclick} aria-label={format!("Subscription {}", e.label)} title={e.label.clone()}
                data-subscription={e.subscription.clone()}>
                if quiet {
                    <span class="proto">{ e.protocol.name() }</span>
                }
                if e.pending {
                    <span class="chip pending">{ "pending" }</span>
                }
                if e.filter {
                    <span class="chip filter" title="Filter policy: only matching messages are delivered">{ "filter" }</span>
                }
                if e.access {
                    <span class="chip access" title="The queue's access policy does not let this topic in">{ "⚠ access" }</span>
                }
                if e.in_transit > 0 {
                    <span class="chip transit">{ format!("{} on the way", e.in_transit) }</span>
                }
                if let Some(r) = &e.retry {
                    <span class="chip retry" title={format!("Attempt {} at {}", r.attempt, r.at)}>
                        { format!("retry in {} · #{}", duration(r.secs_left), r.attempt) }
                    </span>
                }
                if t.dead_lettered > 0 {
                    <span class="chip dlq">{ format!("{} to DLQ", t.dead_lettered) }</span>
                }
                if t.lost > 0 {
                    <span class="chip lost">{ format!("{} lost", t.lost) }</span>
                }
            </button>
            { for e.tokens.iter().map(|k| token(e, k.key, k.kind)) }
        </>
    }
}

/// One copy on its way: where it starts and stops (percent across, px down), the mark
/// it leaves, if any.
fn token(e: &EdgeView, key: usize, kind: FlowKind) -> Html {
    let along = |p: u32| (p, y_at(e.from, e.to, p));
    let ((x0, y0), (x1, y1), mark) = match kind {
        FlowKind::Delivered => (along(0), along(100), None),
        FlowKind::Failed => (along(0), along(85), Some("✗ failed")),
        FlowKind::Filtered => (along(0), along(40), Some("✕ filtered out")),
        // The badge already says "pending".
        FlowKind::Skipped => (along(0), along(20), None),
        FlowKind::Lost => (along(85), along(85), Some("lost")),
        FlowKind::DeadLettered => match &e.dead_letter {
            Some((row, _)) => (along(BADGE_AT), (100, y(*row) as i64), Some("→ DLQ")),
            None => (along(85), along(85), Some("→ DLQ")),
        },
    };
    let class = match kind {
        FlowKind::Delivered => "delivered",
        FlowKind::Failed => "failed",
        FlowKind::Filtered => "filtered",
        FlowKind::Skipped => "skipped",
        FlowKind::Lost => "lost",
        FlowKind::DeadLettered => "dead-lettered",
    };
    let style = format!("--x0:{x0}%;--y0:{y0}px;--x1:{x1}%;--y1:{y1}px");
    html! {
        <span key={key} class={classes!("flow", class)} {style} aria-hidden="true">
            <span class="token"></span>
            if let Some(text) = mark {
                <span class="mark">{ text }</span>
            }
        </span>
    }
}
