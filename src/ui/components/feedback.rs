//! A panel's outcome: an AWS error (role=alert, read out by screen readers) or a note.

use crate::ui::state::Feedback;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    pub feedback: Feedback,
}

#[function_component]
pub fn FeedbackView(props: &FeedbackProps) -> Html {
    match &props.feedback {
        Feedback::None => html! {},
        Feedback::Done(text) => html! {
            <p class="feedback ok" role="status">{ text }</p>
        },
        Feedback::Failed(problem) => html! {
            <div class="feedback error" role="alert">
                <strong class="code">{ problem.code }</strong>
                <span class="message">{ &problem.message }</span>
            </div>
        },
    }
}
