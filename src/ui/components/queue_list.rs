//! The queues, each with its type, message counts and whether it is a dead-letter queue;
//! clicking one selects it. A queue a message has just moved into pulses; one the
//! console's latest command touched flashes.

use super::Dispatch;
use crate::ui::console::Flash;
use crate::ui::state::Action;
use crate::ui::view::QueueSummary;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QueueListProps {
    pub queues: Vec<QueueSummary>,
    pub selected: Option<String>,
    #[prop_or_default]
    pub flash: Flash,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn QueueList(props: &QueueListProps) -> Html {
    let item = |q: &QueueSummary| {
        let selected = props.selected.as_deref() == Some(q.name.as_str());
        let onclick = {
            let d = props.dispatch.clone();
            let name = q.name.clone();
            Callback::from(move |_| d.dispatch(Action::Select(name.clone())))
        };
        html! {
            <li key={q.name.clone()}>
                <button class={classes!("queue", selected.then_some("selected"), q.arrived.then_some("arrived"), props.flash.queue(&q.name))}
                    aria-current={selected.then_some("true")} {onclick}>
                    <span class="name">
                        { &q.name }
                        // A space, so the accessible name reads "orders.fifo FIFO", not "orders.fifoFIFO".
                        { " " }
                        if q.fifo {
                            <span class="tag fifo">{ "FIFO" }</span>
                        }
                        if q.dead_letter {
                            <span class="tag dlq">{ "DLQ" }</span>
                        }
                    </span>
                    <span class="counts">
                        <span class="count visible" title="Messages available">{ format!("{} visible", q.visible) }</span>
                        <span class="count in-flight" title="Messages not visible">{ format!("{} in flight", q.in_flight) }</span>
                        if q.delayed > 0 {
                            <span class="count delayed">{ format!("{} delayed", q.delayed) }</span>
                        }
                    </span>
                </button>
            </li>
        }
    };
    html! {
        <section class="card queues" aria-labelledby="queues-title">
            <h2 id="queues-title">{ format!("Queues ({})", props.queues.len()) }</h2>
            if props.queues.is_empty() {
                <p class="empty">{ "No queues yet. Create one above." }</p>
            } else {
                <ul class="queue-list">{ for props.queues.iter().map(item) }</ul>
            }
        </section>
    }
}
