//! The selected subscription: protocol, endpoint, whether it is confirmed (with the
//! button its endpoint's owner would click), raw delivery, its filter policy with the key
//! that dropped recent messages highlighted, the retry policy's phases, deliveries waiting
//! for a retry with their countdowns, and what happened to its messages so far.

use super::endpoint::{EndpointControls, Inbox};
use super::feedback::FeedbackView;
use super::{sns_click, Dispatch};
use crate::ui::describe::short_id;
use crate::ui::sns_notes::Drop;
use crate::ui::sns_state::SnsAction;
use crate::ui::sns_view::{endpoint_label, SubscriptionInfo};
use crate::ui::state::Feedback;
use crate::ui::view::{duration, name_of};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SubscriptionInspectorProps {
    pub subscription: SubscriptionInfo,
    pub latency_ms: String,
    pub error_percent: String,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn SubscriptionInspector(props: &SubscriptionInspectorProps) -> Html {
    let s = &props.subscription;
    let d = &props.dispatch;
    let t = &s.tally;
    let after_retries = match &s.dead_letter_queue {
        Some(dlq) => format!("Then the message goes to the dead-letter queue {dlq}."),
        None => "Then the message is lost for this subscriber (no dead-letter queue).".into(),
    };
    html! {
        <section class="card details subscription-details" aria-labelledby="subscription-title">
            <div class="details-head">
                <h2 id="subscription-title">{ format!("{} → {}", name_of(&s.topic_arn), endpoint_label(s.protocol, &s.endpoint)) }</h2>
                <span class="kind">{ format!("{} subscription", s.protocol.name()) }</span>
            </div>
            <code class="queue-url" title="Subscription ARN">{ &s.arn }</code>
            <dl class="identity">
                <div><dt>{ "Topic" }</dt><dd>
                    <button type="button" class="link" onclick={sns_click(d, SnsAction::SelectTopic(s.topic_arn.clone()))}>
                        { name_of(&s.topic_arn) }
                    </button>
                </dd></div>
                <div><dt>{ "Endpoint" }</dt><dd class="endpoint">{ &s.endpoint }</dd></div>
                <div><dt>{ "Status" }</dt><dd data-testid="subscription-status">
                    { if s.confirmed { "Confirmed" } else { "Pending confirmation" } }
                </dd></div>
                <div><dt>{ "Raw message delivery" }</dt><dd>{ if s.raw_message_delivery { "on" } else { "off" } }</dd></div>
                if let Some(dlq) = &s.dead_letter_queue {
                    <div><dt>{ "Dead-letter queue" }</dt><dd>{ dlq }</dd></div>
                }
            </dl>
            if !s.confirmed {
                <p class="hint">{ "The endpoint got a confirmation request with a token. Nothing is delivered until its owner confirms:" }</p>
                <div class="buttons">
                    <button type="button" class="primary" onclick={sns_click(d, SnsAction::Confirm(s.arn.clone()))}>
                        { "Confirm subscription" }
                    </button>
                </div>
            }
            <FeedbackView feedback={props.feedback.clone()} />
            <p class="tally" data-testid="tally">
                { format!("Delivered {} · filtered out {} · failed attempts {} · to dead-letter queue {} · lost {}",
                    t.delivered, t.filtered, t.failed, t.dead_lettered, t.lost) }
            </p>
            if let Some(problem) = s.access.first() {
                <p class="access-note" role="status">
                    { "⚠ " }{ &problem.reason }{ " — the topology has the fix." }
                </p>
            }
            <h3>{ "Filter policy" }</h3>
            { filter_policy(s.filter_policy.as_deref(), s.filter_scope, s.drops.first()) }
            if !s.drops.is_empty() {
                <h4>{ "Recently filtered out" }</h4>
                <ul class="drops" aria-label="Recently filtered out">
                    { for s.drops.iter().map(drop_item) }
                </ul>
            }
            <h3>{ format!("Waiting deliveries ({})", s.waiting) }</h3>
            if s.deliveries.is_empty() {
                <p class="empty">{ "None: every message so far was delivered, dropped or given up on." }</p>
            } else {
                <ul class="waiting">
                    { for s.deliveries.iter().map(|p| html! {
                        <li key={p.key.clone()}>
                            <code title={p.message_id.clone()}>{ short_id(&p.message_id) }</code>
                            <span class="countdown retry" title={format!("at {}", p.next_at)}>
                                { if p.attempts == 0 {
                                    format!(" arrives in {}", duration(p.secs_left))
                                } else {
                                    format!(" attempt {} failed; retry in {} (attempt {})", p.attempts, duration(p.secs_left), p.attempts + 1)
                                } }
                            </span>
                        </li>
                    }) }
                </ul>
            }
            <h3>{ "Retry policy" }</h3>
            <ol class="phases">
                { for s.retry_phases.iter().map(|p| html! {
                    <li key={p.name}><strong>{ p.name }</strong>{ ": " }{ &p.text }</li>
                }) }
            </ol>
            <p class="hint">{ after_retries }</p>
            <EndpointControls settings={s.endpoint_settings} latency_ms={props.latency_ms.clone()}
                error_percent={props.error_percent.clone()} dispatch={d.clone()} />
            if !s.inbox.is_empty() {
                <Inbox items={s.inbox.clone()} />
            }
            <div class="buttons end">
                <button type="button" class="danger" onclick={sns_click(d, SnsAction::Unsubscribe(s.arn.clone()))}>
                    { "Unsubscribe" }
                </button>
            </div>
        </section>
    }
}

/// The last part of a (possibly nested, dotted) filter policy key.
fn leaf(key: &str) -> &str {
    key.rsplit('.').next().unwrap_or(key)
}

/// The policy, pretty-printed, with the lines of the key the latest drop failed on marked.
fn filter_policy(policy: Option<&str>, scope: &str, latest: Option<&Drop>) -> Html {
    let Some(policy) = policy else {
        return html! { <p class="empty">{ "None: every message published to the topic is delivered." }</p> };
    };
    let failing = latest.map(|d| format!("\"{}\":", leaf(&d.key)));
    html! {
        <>
            <p class="hint">{ format!("Applied to the message's {}.", if scope == "MessageBody" { "body" } else { "attributes" }) }</p>
            <pre class="policy" aria-label="Filter policy">
                { for policy.lines().enumerate().map(|(i, line)| {
                    let hit = failing.as_deref().is_some_and(|f| line.contains(f));
                    html! { <span key={i} class={classes!("line", hit.then_some("failing"))}>{ line }</span> }
                }) }
            </pre>
        </>
    }
}

fn drop_item(d: &Drop) -> Html {
    html! {
        <li key={d.index} class="drop">
            <time>{ d.at.to_string() }</time>
            <code title={d.message_id.clone()}>{ short_id(&d.message_id) }</code>
            { " key " }<mark class="key">{ &d.key }</mark>
            { " condition " }<mark class="condition">{ &d.condition }</mark>
            <span class="reason">{ &d.reason }</span>
        </li>
    }
}
