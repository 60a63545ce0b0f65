//! "Send and receive messages", like the AWS console's page of that name: send a body,
//! poll (a long poll of up to 20 s for up to 10 messages), delete what was received.

use super::feedback::FeedbackView;
use super::{submits, textarea_edits, Dispatch};
use crate::engine::SimTime;
use crate::ui::describe::short_id;
use crate::ui::state::{Action, Feedback, ReceivedItem};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SendReceiveProps {
    pub body: String,
    pub polling_until: Option<SimTime>,
    pub received: Vec<ReceivedItem>,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn SendReceive(props: &SendReceiveProps) -> Html {
    let d = &props.dispatch;
    let on_body = textarea_edits(d, Action::EditMessageBody);
    let on_send = submits(d, Action::SendMessage);
    let on_poll = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::Poll))
    };
    html! {
        <section class="card send-receive" aria-labelledby="sr-title">
            <h2 id="sr-title">{ "Send and receive messages" }</h2>
            <form onsubmit={on_send} novalidate=true>
                <div class="field">
                    <label for="message-body">{ "Message body" }</label>
                    <textarea id="message-body" rows="2" value={props.body.clone()} oninput={on_body}
                        placeholder="Hello from Fanout" />
                </div>
                <div class="buttons">
                    <button type="submit" class="primary">{ "Send message" }</button>
                    <button type="button" onclick={on_poll} disabled={props.polling_until.is_some()}>
                        { "Poll for messages" }
                    </button>
                </div>
            </form>
            if let Some(until) = props.polling_until {
                <p class="polling" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    { format!("Polling… until {until}. Messages are returned as soon as they arrive; run the clock to let time pass.") }
                </p>
            }
            <FeedbackView feedback={props.feedback.clone()} />
            <h3>{ format!("Received messages ({})", props.received.len()) }</h3>
            if props.received.is_empty() {
                <p class="empty">{ "Poll to receive messages. A received message stays hidden (in flight) until you delete it or its visibility timeout runs out." }</p>
            } else {
                <ul class="received">
                    { for props.received.iter().map(|r| html! {
                        <ReceivedRow key={r.receipt_handle.clone()} item={r.clone()} dispatch={d.clone()} />
                    }) }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReceivedRowProps {
    item: ReceivedItem,
    dispatch: Dispatch,
}

#[function_component]
fn ReceivedRow(props: &ReceivedRowProps) -> Html {
    let r = &props.item;
    let on_delete = {
        let d = props.dispatch.clone();
        let receipt_handle = r.receipt_handle.clone();
        Callback::from(move |_| {
            d.dispatch(Action::Delete {
                receipt_handle: receipt_handle.clone(),
            })
        })
    };
    html! {
        <li class="received-message">
            <div class="body">{ r.body.to_string() }</div>
            <div class="meta">
                <span title={r.message_id.clone()}>{ "ID " }<code>{ short_id(&r.message_id) }</code></span>
                <span class="receive-count">{ format!("Receive count {}", r.receive_count) }</span>
                <span>{ format!("received at {}", r.received_at) }</span>
            </div>
            <button type="button" class="danger" onclick={on_delete}
                title={format!("DeleteMessage with this receive's receipt handle ({}…)", &r.receipt_handle[..r.receipt_handle.len().min(16)])}>
                { "Delete" }
            </button>
        </li>
    }
}
