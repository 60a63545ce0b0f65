//! The selected queue's identity, type and dead-letter wiring, and its visibility timeout,
//! editable through SetQueueAttributes (the new value applies to receives from now on,
//! as in SQS).

use super::feedback::FeedbackView;
use super::{input_edits, submits, Dispatch};
use crate::ui::state::{Action, Feedback};
use crate::ui::view::{duration, QueueInfo};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QueueDetailsProps {
    pub queue: QueueInfo,
    pub new_visibility_timeout: String,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
    /// The redrive panel, for a dead-letter queue.
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn QueueDetails(props: &QueueDetailsProps) -> Html {
    let q = &props.queue;
    let on_input = input_edits(&props.dispatch, Action::EditNewVisibilityTimeout);
    let on_submit = submits(&props.dispatch, Action::SetVisibilityTimeout);
    html! {
        <section class="card details" aria-labelledby="details-title">
            <div class="details-head">
                <h2 id="details-title">{ &q.name }</h2>
                <span class={classes!("kind", q.fifo.then_some("fifo"))} data-testid="queue-kind">
                    { if q.fifo { "FIFO queue" } else { "Standard queue" } }
                </span>
                if !q.dead_letter_for.is_empty() {
                    <span class="kind dlq">{ "Dead-letter queue" }</span>
                }
            </div>
            <code class="queue-url" title="Queue URL">{ &q.url }</code>
            <dl class="identity">
                <div>
                    <dt>{ "Visibility timeout" }</dt>
                    <dd data-testid="current-visibility">{ format!("{} s", q.visibility_timeout) }</dd>
                </div>
                <div>
                    <dt>{ "Retention" }</dt>
                    <dd>{ duration(q.retention_period as u64) }</dd>
                </div>
                if q.fifo {
                    <div>
                        <dt>{ "Content-based deduplication" }</dt>
                        <dd>{ if q.content_based_deduplication { "on" } else { "off" } }</dd>
                    </div>
                }
                if let Some((dlq, max)) = &q.redrive {
                    <div>
                        <dt>{ "Dead-letter queue" }</dt>
                        <dd data-testid="redrive-policy">{ format!("{dlq}, after {max} receives") }</dd>
                    </div>
                }
                if !q.dead_letter_for.is_empty() {
                    <div>
                        <dt>{ "Dead-letter queue of" }</dt>
                        <dd>{ q.dead_letter_for.join(", ") }</dd>
                    </div>
                }
            </dl>
            <form class="inline" onsubmit={on_submit} novalidate=true>
                <label for="edit-visibility">{ "Edit visibility timeout" }</label>
                <div class="with-unit">
                    <input id="edit-visibility" type="number" inputmode="numeric"
                        value={props.new_visibility_timeout.clone()} oninput={on_input} />
                    <span class="unit">{ "seconds" }</span>
                </div>
                <button type="submit">{ "Save" }</button>
            </form>
            <FeedbackView feedback={props.feedback.clone()} />
            { props.children.clone() }
        </section>
    }
}
