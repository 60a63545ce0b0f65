//! The selected topic: its ARN and attributes, its subscriptions (each opens its own
//! inspector) and the latest publishes with how many copies each fanned out to.

use super::feedback::FeedbackView;
use super::{sns_click, Dispatch};
use crate::ui::describe::short_id;
use crate::ui::sns_state::SnsAction;
use crate::ui::sns_view::{endpoint_label, TopicInfo};
use crate::ui::state::Feedback;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TopicInspectorProps {
    pub topic: TopicInfo,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
    /// The subscribe form and the publish panel.
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn TopicInspector(props: &TopicInspectorProps) -> Html {
    let t = &props.topic;
    let d = &props.dispatch;
    let on_delete = sns_click(d, SnsAction::DeleteTopic(t.arn.clone()));
    html! {
        <section class="card details topic-details" aria-labelledby="topic-title">
            <div class="details-head">
                <h2 id="topic-title">{ &t.name }</h2>
                <span class={classes!("kind", t.fifo.then_some("fifo"))} data-testid="topic-kind">
                    { if t.fifo { "FIFO topic" } else { "Standard topic" } }
                </span>
            </div>
            <code class="queue-url" title="Topic ARN">{ &t.arn }</code>
            <dl class="identity">
                if t.fifo {
                    <div>
                        <dt>{ "Content-based deduplication" }</dt>
                        <dd>{ if t.content_based_deduplication { "on" } else { "off" } }</dd>
                    </div>
                }
                { for t.attributes.iter().map(|(k, v)| html! {
                    <div key={k.clone()}><dt>{ k }</dt><dd>{ v }</dd></div>
                }) }
            </dl>
            <h3>{ format!("Subscriptions ({})", t.subscriptions.len()) }</h3>
            if t.subscriptions.is_empty() {
                <p class="empty">{ "No subscriptions: a message published now reaches no one." }</p>
            } else {
                <ul class="subscriptions">
                    { for t.subscriptions.iter().map(|s| html! {
                        <li key={s.arn.clone()}>
                            <button type="button" class="link" onclick={sns_click(d, SnsAction::SelectSubscription(s.arn.clone()))}>
                                <span class="proto">{ s.protocol.name() }</span>
                                <span class="endpoint">{ endpoint_label(s.protocol, &s.endpoint) }</span>
                                if s.pending {
                                    <span class="chip pending">{ "pending confirmation" }</span>
                                }
                                if s.filter {
                                    <span class="chip filter">{ "filter" }</span>
                                }
                            </button>
                        </li>
                    }) }
                </ul>
            }
            if !t.publishes.is_empty() {
                <h3>{ "Recent publishes" }</h3>
                <ul class="publishes">
                    { for t.publishes.iter().map(|p| html! {
                        <li key={p.index}>
                            <time>{ p.at.to_string() }</time>
                            <code title={p.message_id.clone()}>{ short_id(&p.message_id) }</code>
                            { format!(" {}, {} filtered out", match p.deliveries {
                                1 => "1 delivery".to_string(),
                                n => format!("{n} deliveries"),
                            }, p.filtered_out) }
                        </li>
                    }) }
                </ul>
            }
            <div class="buttons end">
                <button type="button" class="danger" onclick={on_delete}>{ "Delete topic" }</button>
            </div>
            <FeedbackView feedback={props.feedback.clone()} />
            { props.children.clone() }
        </section>
    }
}
