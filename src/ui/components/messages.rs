//! Every message the selected queue holds, with its state as the engine reports it:
//! visible, in flight (counting down to visible again) or delayed (counting down to
//! visible). Countdowns are in virtual seconds and move only when the clock does.

use crate::engine::SimTime;
use crate::ui::describe::short_id;
use crate::ui::view::{MessageRow, RowState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    pub rows: Vec<MessageRow>,
    /// Messages in the queue, including those not drawn.
    pub total: usize,
}

#[function_component]
pub fn MessagesView(props: &MessagesProps) -> Html {
    let hidden = props.total.saturating_sub(props.rows.len());
    html! {
        <section class="card messages" aria-labelledby="messages-title">
            <h2 id="messages-title">{ format!("Messages in queue ({})", props.total) }</h2>
            if props.rows.is_empty() {
                <p class="empty">{ "The queue is empty." }</p>
            } else {
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ "Message" }</th>
                            <th scope="col" class="state-col">{ "State" }</th>
                            <th scope="col" class="num">{ "Receives" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.rows.iter().map(|r| html! { <Row key={r.key} row={r.clone()} /> }) }
                    </tbody>
                </table>
                if hidden > 0 {
                    <p class="more">{ format!("…and {hidden} more not listed.") }</p>
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    row: MessageRow,
}

#[function_component]
fn Row(props: &RowProps) -> Html {
    let r = &props.row;
    html! {
        <tr class="message-row" data-message-id={r.message_id.clone()}>
            <td>
                <div class="body" title={r.body.to_string()}>{ r.body.to_string() }</div>
                <code class="id" title={r.message_id.clone()}>{ short_id(&r.message_id) }</code>
            </td>
            <td>{ state_cell(&r.state) }</td>
            <td class="num receive-count">{ r.receive_count }</td>
        </tr>
    }
}

fn state_cell(state: &RowState) -> Html {
    match *state {
        RowState::Visible => html! { <span class="state visible">{ "Visible" }</span> },
        RowState::InFlight {
            until,
            secs_left,
            percent_left,
        } => html! {
            <div class="state-wrap">
                <span class="state in-flight" title={until_title(until)}>
                    { format!("In flight · {secs_left} s") }
                </span>
                <span class="bar" aria-hidden="true">
                    <span class="fill" style={format!("width:{percent_left}%")}></span>
                </span>
            </div>
        },
        RowState::Delayed { until, secs_left } => html! {
            <span class="state delayed" title={until_title(until)}>
                { format!("Delayed · {secs_left} s") }
            </span>
        },
    }
}

fn until_title(until: SimTime) -> String {
    format!("Visible again at {until}")
}
