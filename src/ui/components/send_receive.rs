//! "Send and receive messages", like the AWS console's page of that name: send a body
//! (with a message group and deduplication id on FIFO queues, a delay on standard ones, and
//! an optional message attribute), poll (a long poll of up to 20 s for up to 10 messages),
//! delete what was received.

use super::feedback::FeedbackView;
use super::messages::{badges, group_chip};
use super::{input_edits, submits, textarea_edits, Dispatch};
use crate::engine::SimTime;
use crate::ui::describe::short_id;
use crate::ui::state::{Action, Feedback, ReceivedItem};
use crate::ui::view::GroupTag;
use std::sync::Arc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SendReceiveProps {
    pub fifo: bool,
    pub content_based_deduplication: bool,
    pub body: String,
    pub group_id: String,
    pub deduplication_id: String,
    pub delay_seconds: String,
    pub attribute_name: String,
    pub attribute_type: String,
    pub attribute_value: String,
    pub polling_until: Option<SimTime>,
    pub received: Vec<ReceivedItem>,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn SendReceive(props: &SendReceiveProps) -> Html {
    let d = &props.dispatch;
    let on_body = textarea_edits(d, Action::EditMessageBody);
    let on_group = input_edits(d, Action::EditGroupId);
    let on_dedup = input_edits(d, Action::EditDeduplicationId);
    let on_delay = input_edits(d, Action::EditDelaySeconds);
    let on_attr_name = input_edits(d, Action::EditAttributeName);
    let on_attr_type = input_edits(d, Action::EditAttributeType);
    let on_attr_value = input_edits(d, Action::EditAttributeValue);
    let on_send = submits(d, Action::SendMessage);
    let on_poll = super::clicks(d, Action::Poll);
    let (group_label, group_hint) = if props.fifo {
        (
            "Message group ID",
            "Required. Messages of one group are received strictly in order, one batch at a time.",
        )
    } else {
        (
            "Message group ID (optional)",
            "A fair queue: with group IDs, a standard queue serves quiet groups before a busy one.",
        )
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
                <div class="field-row">
                    <div class="field">
                        <label for="message-group">{ group_label }</label>
                        <input id="message-group" type="text" autocomplete="off" spellcheck="false"
                            placeholder="customer-42" value={props.group_id.clone()} oninput={on_group}
                            aria-describedby="message-group-hint" />
                        <small id="message-group-hint">{ group_hint }</small>
                    </div>
                    if props.fifo {
                        <div class="field">
                            <label for="message-dedup">{ "Deduplication ID" }</label>
                            <input id="message-dedup" type="text" autocomplete="off" spellcheck="false"
                                value={props.deduplication_id.clone()} oninput={on_dedup}
                                aria-describedby="message-dedup-hint" />
                            <small id="message-dedup-hint">
                                { if props.content_based_deduplication {
                                    "Optional: content-based deduplication hashes the body when this is empty."
                                } else {
                                    "Required (content-based deduplication is off). The same ID within 5 minutes is not stored twice."
                                } }
                            </small>
                        </div>
                    } else {
                        <div class="field">
                            <label for="message-delay">{ "Delivery delay" }</label>
                            <div class="with-unit">
                                <input id="message-delay" type="number" inputmode="numeric" class="short"
                                    placeholder="0" value={props.delay_seconds.clone()} oninput={on_delay}
                                    aria-describedby="message-delay-hint" />
                                <span class="unit">{ "seconds" }</span>
                            </div>
                            <small id="message-delay-hint">{ "0 to 900. Hidden from receives until the delay ends." }</small>
                        </div>
                    }
                </div>
                <fieldset class="attribute">
                    <legend>{ "Message attribute (optional)" }</legend>
                    <div class="field-row three">
                        <div class="field">
                            <label for="attr-name">{ "Attribute name" }</label>
                            <input id="attr-name" type="text" autocomplete="off" spellcheck="false"
                                placeholder="priority" value={props.attribute_name.clone()} oninput={on_attr_name} />
                        </div>
                        <div class="field">
                            <label for="attr-type">{ "Attribute type" }</label>
                            <input id="attr-type" type="text" list="attr-types" autocomplete="off" spellcheck="false"
                                value={props.attribute_type.clone()} oninput={on_attr_type} />
                            <datalist id="attr-types">
                                <option value="String" />
                                <option value="Number" />
                                <option value="Binary" />
                            </datalist>
                        </div>
                        <div class="field">
                            <label for="attr-value">{ "Attribute value" }</label>
                            <input id="attr-value" type="text" autocomplete="off" spellcheck="false"
                                placeholder="high" value={props.attribute_value.clone()} oninput={on_attr_value} />
                        </div>
                    </div>
                    <small>{ "String, Number or Binary (base64), optionally with a label: Number.float. Not encrypted by SSE." }</small>
                </fieldset>
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
    let on_delete = super::clicks(
        &props.dispatch,
        Action::Delete {
            receipt_handle: r.receipt_handle.clone(),
        },
    );
    let group = r.group_id.as_deref().map(|g| GroupTag::of(&Arc::from(g)));
    let style = group.as_ref().map(GroupTag::style);
    html! {
        <li class={classes!("received-message", group.is_some().then_some("grouped"))} {style}>
            <div class="body">{ r.body.to_string() }</div>
            <div class="meta">
                <span title={r.message_id.to_string()}>{ "ID " }<code>{ short_id(&r.message_id.text()) }</code></span>
                if let Some(tag) = &group {
                    { group_chip(tag) }
                }
                if let Some(seq) = &r.sequence_number {
                    <span class="seq" title={format!("SequenceNumber {seq}")}>{ format!("seq …{}", tail(seq)) }</span>
                }
                <span class="receive-count">{ format!("Receive count {}", r.receive_count) }</span>
                <span>{ format!("received at {}", r.received_at) }</span>
                { badges(r.flags.duplicate, r.flags.reordered) }
                if let Some(from) = &r.dead_letter_from {
                    <span class="badge dead-letter" title="DeadLetterQueueSourceArn">{ format!("dead-lettered from {from}") }</span>
                }
            </div>
            if !r.attributes.is_empty() {
                <ul class="attributes" aria-label="Message attributes">
                    { for r.attributes.iter().map(|a| html! { <li key={a.clone()}><code>{ a }</code></li> }) }
                </ul>
            }
            <button type="button" class="danger" onclick={on_delete}
                title={format!("DeleteMessage with this receive's receipt handle ({}…)", &r.receipt_handle[..r.receipt_handle.len().min(16)])}>
                { "Delete" }
            </button>
        </li>
    }
}

/// The last digits of a 20-digit sequence number: where consecutive ones differ.
pub fn tail(sequence_number: &str) -> &str {
    let cut = sequence_number.len().saturating_sub(4);
    sequence_number.get(cut..).unwrap_or(sequence_number)
}
