//! "Create topic": name, type (standard or FIFO) and content-based deduplication, checked
//! by the engine as CreateTopic checks them, so an invalid name shows AWS's own message.

use super::feedback::FeedbackView;
use super::{sns_checkbox, sns_input, sns_submit, Dispatch};
use crate::ui::sns_state::SnsAction;
use crate::ui::state::Feedback;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreateTopicProps {
    pub name: String,
    /// The name CreateTopic will get (with `.fifo` added for a FIFO topic).
    pub final_name: String,
    pub fifo: bool,
    pub content_based_deduplication: bool,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn CreateTopicForm(props: &CreateTopicProps) -> Html {
    let d = &props.dispatch;
    let on_name = sns_input(d, SnsAction::EditTopicName);
    let on_fifo = sns_checkbox(d, SnsAction::SetTopicFifo);
    let on_dedup = sns_checkbox(d, SnsAction::SetTopicContentDedup);
    let on_submit = sns_submit(d, SnsAction::CreateTopic);
    html! {
        <section class="card create-topic" aria-labelledby="create-topic-title">
            <h2 id="create-topic-title">{ "Create topic" }</h2>
            <form onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="topic-name">{ "Topic name" }</label>
                    <input id="topic-name" type="text" autocomplete="off" spellcheck="false"
                        placeholder="order-events" value={props.name.clone()} oninput={on_name}
                        aria-describedby="topic-name-hint" />
                    <small id="topic-name-hint">
                        if props.fifo && !props.name.trim().is_empty() {
                            { "Will be created as " }<code>{ &props.final_name }</code>
                        } else {
                            { "Up to 256 letters, digits, hyphens (-) and underscores (_)." }
                        }
                    </small>
                </div>
                <div class="field checkbox">
                    <input id="topic-fifo" type="checkbox" checked={props.fifo} onchange={on_fifo}
                        aria-describedby="topic-fifo-hint" />
                    <label for="topic-fifo">{ "FIFO topic" }</label>
                    <small id="topic-fifo-hint">{ "Ordered per message group, deduplicated for 5 minutes; delivers to FIFO queues only." }</small>
                </div>
                if props.fifo {
                    <div class="field checkbox">
                        <input id="topic-dedup" type="checkbox" checked={props.content_based_deduplication}
                            onchange={on_dedup} />
                        <label for="topic-dedup">{ "Content-based message deduplication" }</label>
                    </div>
                }
                <button type="submit" class="primary">{ "Create topic" }</button>
            </form>
            <FeedbackView feedback={props.feedback.clone()} />
        </section>
    }
}
