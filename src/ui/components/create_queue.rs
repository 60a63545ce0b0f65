//! "Create queue": name, type (standard or FIFO), visibility timeout, content-based
//! deduplication and a dead-letter queue, checked by the engine exactly as CreateQueue
//! checks them, so an invalid value shows AWS's own message.

use super::feedback::FeedbackView;
use super::{checkbox_changes, input_edits, select_changes, submits, Dispatch};
use crate::ui::state::{Action, Feedback};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreateQueueProps {
    pub name: String,
    /// The name CreateQueue will get (with `.fifo` added for a FIFO queue).
    pub final_name: String,
    pub visibility_timeout: String,
    pub fifo: bool,
    pub content_based_deduplication: bool,
    pub dead_letter_queue: String,
    pub max_receive_count: String,
    /// Existing queues of the chosen type: the possible dead-letter queues.
    pub dead_letter_choices: Vec<String>,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn CreateQueueForm(props: &CreateQueueProps) -> Html {
    let d = &props.dispatch;
    let on_name = input_edits(d, Action::EditQueueName);
    let on_timeout = input_edits(d, Action::EditVisibilityTimeout);
    let on_fifo = checkbox_changes(d, Action::SetFifo);
    let on_dedup = checkbox_changes(d, Action::SetContentBasedDeduplication);
    let on_dlq = select_changes(d, Action::ChooseDeadLetterQueue);
    let on_max = input_edits(d, Action::EditMaxReceiveCount);
    let on_submit = submits(d, Action::CreateQueue);
    let kind = if props.fifo { "FIFO" } else { "standard" };
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
                    <small id="create-name-hint">
                        if props.fifo && !props.name.trim().is_empty() {
                            { "Will be created as " }<code data-testid="final-name">{ &props.final_name }</code>
                        } else if props.fifo {
                            { "Up to 80 characters including the .fifo suffix, which is added for you." }
                        } else {
                            { "Up to 80 letters, digits, hyphens (-) and underscores (_)." }
                        }
                    </small>
                </div>
                <div class="field checkbox">
                    <input id="create-fifo" type="checkbox" checked={props.fifo} onchange={on_fifo}
                        aria-describedby="create-fifo-hint" />
                    <label for="create-fifo">{ "FIFO queue" }</label>
                    <small id="create-fifo-hint">{ "Strict order within each message group, no duplicates within 5 minutes. The name ends in .fifo." }</small>
                </div>
                if props.fifo {
                    <div class="field checkbox">
                        <input id="create-dedup" type="checkbox" checked={props.content_based_deduplication}
                            onchange={on_dedup} aria-describedby="create-dedup-hint" />
                        <label for="create-dedup">{ "Content-based deduplication" }</label>
                        <small id="create-dedup-hint">{ "Use a SHA-256 hash of the body as the deduplication ID when a send has none." }</small>
                    </div>
                }
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
                <div class="field">
                    <label for="create-dlq">{ "Dead-letter queue" }</label>
                    <select id="create-dlq" onchange={on_dlq} aria-describedby="create-dlq-hint">
                        <option value="" selected={props.dead_letter_queue.is_empty()}>{ "None" }</option>
                        { for props.dead_letter_choices.iter().map(|q| html! {
                            <option key={q.clone()} value={q.clone()} selected={*q == props.dead_letter_queue}>{ q }</option>
                        }) }
                    </select>
                    <small id="create-dlq-hint">
                        if props.dead_letter_choices.is_empty() {
                            { format!("Create a {kind} queue first to use it as this queue's dead-letter queue.") }
                        } else {
                            { format!("Messages received too often move there. Only {kind} queues can be chosen.") }
                        }
                    </small>
                </div>
                if !props.dead_letter_queue.is_empty() {
                    <div class="field">
                        <label for="create-max-receives">{ "Maximum receives" }</label>
                        <input id="create-max-receives" type="number" inputmode="numeric" class="short"
                            value={props.max_receive_count.clone()} oninput={on_max}
                            aria-describedby="create-max-receives-hint" />
                        <small id="create-max-receives-hint">{ "maxReceiveCount, 1 to 1000: a receive that would go past it moves the message instead." }</small>
                    </div>
                }
                <button type="submit" class="primary">{ "Create queue" }</button>
            </form>
            <FeedbackView feedback={props.feedback.clone()} />
        </section>
    }
}
