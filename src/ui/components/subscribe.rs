//! "Create subscription", like the console's: protocol, endpoint (a queue of this
//! simulation for `sqs`), raw message delivery, a filter policy with its scope, and a
//! dead-letter queue (the subscription's redrive policy). The engine checks everything
//! as Subscribe does, so a bad endpoint or policy shows AWS's own message.

use super::feedback::FeedbackView;
use super::{sns_checkbox, sns_input, sns_select, sns_submit, sns_textarea, Dispatch};
use crate::engine::sns::Protocol;
use crate::ui::sns_state::SnsAction;
use crate::ui::sns_view::QueueChoice;
use crate::ui::state::Feedback;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SubscribeProps {
    pub protocol: String,
    pub endpoint: String,
    pub raw_delivery: bool,
    pub filter_policy: String,
    pub filter_scope: String,
    pub dead_letter_queue: String,
    pub queues: Vec<QueueChoice>,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

/// What an endpoint of `protocol` looks like.
fn placeholder(protocol: &str) -> &'static str {
    match protocol {
        "lambda" => "arn:aws:lambda:us-east-1:123456789012:function:process-order",
        "http" => "http://example.com/orders-hook",
        "https" => "https://example.com/orders-hook",
        "email" | "email-json" => "ops@example.com",
        "sms" => "+15555550100",
        _ => "",
    }
}

fn queue_options(queues: &[QueueChoice], chosen: &str) -> Html {
    html! {
        { for queues.iter().map(|q| html! {
            <option key={q.arn.clone()} value={q.arn.clone()} selected={q.arn == chosen}>
                { if q.fifo { format!("{} (FIFO)", q.name) } else { q.name.clone() } }
            </option>
        }) }
    }
}

#[function_component]
pub fn SubscribeForm(props: &SubscribeProps) -> Html {
    let d = &props.dispatch;
    let protocol = Protocol::parse(&props.protocol);
    let sqs = protocol == Some(Protocol::Sqs);
    let raw_supported = protocol.is_some_and(Protocol::supports_raw);
    let needs_confirmation = protocol.is_some_and(Protocol::needs_confirmation);
    let endpoint = if sqs {
        html! {
            <select id="sub-endpoint" onchange={sns_select(d, SnsAction::EditEndpoint)}
                aria-describedby="sub-endpoint-hint">
                <option value="" selected={props.endpoint.is_empty()}>{ "Choose a queue" }</option>
                { queue_options(&props.queues, &props.endpoint) }
            </select>
        }
    } else {
        html! {
            <input id="sub-endpoint" type="text" autocomplete="off" spellcheck="false"
                placeholder={placeholder(&props.protocol)} value={props.endpoint.clone()}
                oninput={sns_input(d, SnsAction::EditEndpoint)} aria-describedby="sub-endpoint-hint" />
        }
    };
    html! {
        <form class="subpanel subscribe" onsubmit={sns_submit(d, SnsAction::Subscribe)} novalidate=true
            aria-labelledby="subscribe-title">
            <h3 id="subscribe-title">{ "Create subscription" }</h3>
            <div class="field-row">
                <div class="field">
                    <label for="sub-protocol">{ "Protocol" }</label>
                    <select id="sub-protocol" onchange={sns_select(d, SnsAction::ChooseProtocol)}>
                        { for Protocol::ALL.iter().map(|p| html! {
                            <option key={p.name()} value={p.name()} selected={p.name() == props.protocol}>{ p.name() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="sub-endpoint">{ "Endpoint" }</label>
                    { endpoint }
                    <small id="sub-endpoint-hint">
                        { if sqs {
                            if props.queues.is_empty() { "Create a queue first." } else { "The queue's ARN. Its access policy must let the topic send." }
                        } else if needs_confirmation {
                            "Simulated: it gets a confirmation request, and nothing is delivered until it is confirmed."
                        } else {
                            "Simulated: its inbox shows what it receives."
                        } }
                    </small>
                </div>
            </div>
            if raw_supported {
                <div class="field checkbox">
                    <input id="sub-raw" type="checkbox" checked={props.raw_delivery}
                        onchange={sns_checkbox(d, SnsAction::SetRawDelivery)} />
                    <label for="sub-raw">{ "Enable raw message delivery" }</label>
                    <small>{ "The message as published, not wrapped in SNS's JSON envelope." }</small>
                </div>
            }
            <div class="field">
                <label for="sub-filter">{ "Filter policy" }</label>
                <textarea id="sub-filter" rows="3" spellcheck="false" class="code"
                    placeholder={r#"{"store": ["example_corp"], "price": [{"numeric": [">", 100]}]}"#}
                    value={props.filter_policy.clone()} oninput={sns_textarea(d, SnsAction::EditFilterPolicy)} />
            </div>
            <div class="field">
                <label for="sub-filter-scope">{ "Filter policy scope" }</label>
                <select id="sub-filter-scope" onchange={sns_select(d, SnsAction::ChooseFilterScope)}>
                    <option value="MessageAttributes" selected={props.filter_scope == "MessageAttributes"}>{ "Message attributes" }</option>
                    <option value="MessageBody" selected={props.filter_scope == "MessageBody"}>{ "Message body" }</option>
                </select>
            </div>
            <div class="field">
                <label for="sub-dlq">{ "Subscription dead-letter queue" }</label>
                <select id="sub-dlq" onchange={sns_select(d, SnsAction::ChooseDeadLetterQueue)}
                    aria-describedby="sub-dlq-hint">
                    <option value="" selected={props.dead_letter_queue.is_empty()}>{ "None" }</option>
                    { queue_options(&props.queues, &props.dead_letter_queue) }
                </select>
                <small id="sub-dlq-hint">{ "Redrive policy: messages that cannot be delivered after the retries go there instead of being lost." }</small>
            </div>
            <button type="submit" class="primary">{ "Create subscription" }</button>
            <FeedbackView feedback={props.feedback.clone()} />
        </form>
    }
}
