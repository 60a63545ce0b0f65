//! "Create queue": a name and a visibility timeout, checked by the engine exactly as
//! CreateQueue checks them, so an invalid value shows AWS's own message.

use super::feedback::FeedbackView;
use super::{input_edits, submits, Dispatch};
use crate::ui::state::{Action, Feedback};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreateQueueProps {
    pub name: String,
    pub visibility_timeout: String,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn CreateQueueForm(props: &CreateQueueProps) -> Html {
    let d = &props.dispatch;
    let on_name = input_edits(d, Action::EditQueueName);
    let on_timeout = input_edits(d, Action::EditVisibilityTimeout);
    let on_submit = submits(d, Action::CreateQueue);
    // novalidate: the browser's own range checks would hide AWS's error messages.
    html! {
        <section class="card create" aria-labelledby="create-title">
            <h2 id="create-title">{ "Create queue" }</h2>
            <form onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="create-name">{ "Queue name" }</label>
                    <input id="create-name" type="text" autocomplete="off" spellcheck="false"
                        placeholder="orders" value={props.name.clone()} oninput={on_name}
                        aria-describedby="create-name-hint" />
                    <small id="create-name-hint">{ "Up to 80 letters, digits, hyphens (-) and underscores (_)." }</small>
                </div>
                <div class="field">
                    <label for="create-visibility">{ "Visibility timeout" }</label>
                    <div class="with-unit">
                        <input id="create-visibility" type="number" inputmode="numeric"
                            value={props.visibility_timeout.clone()} oninput={on_timeout}
                            aria-describedby="create-visibility-hint" />
                        <span class="unit">{ "seconds" }</span>
                    </div>
                    <small id="create-visibility-hint">{ "0 to 43200 (12 hours). Default 30." }</small>
                </div>
                <button type="submit" class="primary">{ "Create queue" }</button>
            </form>
            <FeedbackView feedback={props.feedback.clone()} />
        </section>
    }
}
