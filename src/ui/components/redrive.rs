//! Redrive from a dead-letter queue: StartMessageMoveTask sends its messages back to the
//! queues they came from, at most a given number per second; ListMessageMoveTasks
//! reports the progress, CancelMessageMoveTask stops it.

use super::feedback::FeedbackView;
use super::{clicks, input_edits, submits, Dispatch};
use crate::engine::MoveTaskReport;
use crate::ui::state::{Action, Feedback};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RedriveProps {
    /// Messages the dead-letter queue holds now.
    pub messages: usize,
    pub rate: String,
    pub task: Option<MoveTaskReport>,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn RedrivePanel(props: &RedriveProps) -> Html {
    let d = &props.dispatch;
    let on_rate = input_edits(d, Action::EditRedriveRate);
    let on_start = submits(d, Action::StartRedrive);
    let on_cancel = clicks(d, Action::CancelRedrive);
    let running = props.task.as_ref().is_some_and(|t| t.status == "RUNNING");
    html! {
        <div class="redrive" aria-labelledby="redrive-title">
            <h3 id="redrive-title">{ "Redrive" }</h3>
            <p class="hint">{ format!(
                "Move the {} message(s) waiting here back to their source queues, where consumers get another try (their receive count starts again at 0).",
                props.messages
            ) }</p>
            <form class="inline" onsubmit={on_start} novalidate=true>
                <label for="redrive-rate">{ "Messages per second" }</label>
                <input id="redrive-rate" type="number" inputmode="numeric" class="short"
                    placeholder="auto" value={props.rate.clone()} oninput={on_rate}
                    title="MaxNumberOfMessagesPerSecond, 1 to 500; empty lets SQS choose" />
                <button type="submit" class="primary" disabled={running}>{ "Redrive" }</button>
                if running {
                    <button type="button" onclick={on_cancel}>{ "Cancel redrive" }</button>
                }
            </form>
            if let Some(task) = &props.task {
                { progress(task) }
            }
            <FeedbackView feedback={props.feedback.clone()} />
        </div>
    }
}

fn progress(task: &MoveTaskReport) -> Html {
    let moved = task.approximate_number_of_messages_moved;
    let total = task.approximate_number_of_messages_to_move;
    let rate = task
        .max_number_of_messages_per_second
        .map(|r| format!(", at most {r}/s"))
        .unwrap_or_default();
    html! {
        <div class={classes!("task", task.status.to_lowercase())} role="status" data-testid="move-task">
            <div class="task-head">
                <span class="task-status">{ &task.status }</span>
                <span>{ format!("{moved} of {total} moved{rate}") }</span>
            </div>
            <progress max={total.max(1).to_string()} value={moved.to_string()}
                aria-label="Messages moved"></progress>
            if let Some(reason) = &task.failure_reason {
                <p class="task-failure">{ reason }</p>
            }
        </div>
    }
}
