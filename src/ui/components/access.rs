//! Deliveries to a queue whose access policy does not let the topic in: AWS denies them
//! (Fanout, in lenient mode, delivers a queue without a policy and warns). One click adds
//! the missing statement to the queue's policy: SetQueueAttributes with the policy plus a
//! statement allowing `sns.amazonaws.com` to `sqs:SendMessage` from the topic.

use super::feedback::FeedbackView;
use super::{sns_click, Dispatch};
use crate::ui::sns_notes::AccessProblem;
use crate::ui::sns_state::SnsAction;
use crate::ui::state::Feedback;
use crate::ui::view::name_of;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AccessWarningsProps {
    pub problems: Vec<AccessProblem>,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn AccessWarnings(props: &AccessWarningsProps) -> Html {
    let item = |p: &AccessProblem| {
        let onclick = sns_click(
            &props.dispatch,
            SnsAction::AddMissingStatement {
                queue: p.queue.clone(),
                topic_arn: p.topic_arn.clone(),
            },
        );
        html! {
            <li key={format!("{}|{}", p.subscription, p.queue)}
                class={classes!("access-warning", p.denied.then_some("denied"))}>
                <strong>
                    { if p.denied {
                        format!("Denied: {} → {}", name_of(&p.topic_arn), p.queue)
                    } else {
                        format!("Would be denied on AWS: {} → {}", name_of(&p.topic_arn), p.queue)
                    } }
                </strong>
                <span class="reason">{ &p.reason }</span>
                <button type="button" class="primary" {onclick}
                    title={format!("SetQueueAttributes on {}: add a statement allowing {} to send", p.queue, p.topic_arn)}>
                    { "Add the missing statement" }
                </button>
            </li>
        }
    };
    html! {
        <>
            if !props.problems.is_empty() {
                <ul class="access-warnings" aria-label="Access warnings">
                    { for props.problems.iter().map(item) }
                </ul>
            }
            <FeedbackView feedback={props.feedback.clone()} />
        </>
    }
}
