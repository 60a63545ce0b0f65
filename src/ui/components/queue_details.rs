//! The selected queue's identity and its visibility timeout, editable through
//! SetQueueAttributes (the new value applies to receives from now on, as in SQS).

use super::feedback::FeedbackView;
use super::{input_edits, submits, Dispatch};
use crate::ui::state::{Action, Feedback};
use crate::ui::view::QueueSummary;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QueueDetailsProps {
    pub queue: QueueSummary,
    pub new_visibility_timeout: String,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
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
                <span class="kind">{ "Standard queue" }</span>
            </div>
            <code class="queue-url" title="Queue URL">{ &q.url }</code>
            <dl class="identity">
                <dt>{ "Visibility timeout" }</dt>
                <dd data-testid="current-visibility">{ format!("{} s", q.visibility_timeout) }</dd>
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
        </section>
    }
}
