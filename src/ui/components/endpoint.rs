//! The simulated endpoint behind a subscription (a Fanout control, not an AWS API): up or
//! down, how long an attempt takes to land, how often it fails; and, for endpoints that
//! are not queues, the inbox of what they received.

use super::{sns_checkbox, sns_input, sns_submit, Dispatch};
use crate::engine::EndpointSettings;
use crate::ui::sns_state::SnsAction;
use crate::ui::sns_view::InboxItem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EndpointControlsProps {
    pub settings: EndpointSettings,
    pub latency_ms: String,
    pub error_percent: String,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn EndpointControls(props: &EndpointControlsProps) -> Html {
    let d = &props.dispatch;
    let s = &props.settings;
    html! {
        <form class="subpanel endpoint" onsubmit={sns_submit(d, SnsAction::SaveEndpoint)} novalidate=true
            aria-labelledby="endpoint-title">
            <h3 id="endpoint-title">
                { "Simulated endpoint " }
                <span class={classes!("status", if s.available { "up" } else { "down" })} data-testid="endpoint-status">
                    { if s.available { "up" } else { "down" } }
                </span>
            </h3>
            <div class="field checkbox">
                <input id="endpoint-up" type="checkbox" checked={s.available}
                    onchange={sns_checkbox(d, SnsAction::SetEndpointAvailable)} />
                <label for="endpoint-up">{ "Endpoint available" }</label>
                <small>{ "Down: every attempt fails with a server error and is retried." }</small>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="endpoint-latency">{ "Latency" }</label>
                    <div class="with-unit">
                        <input id="endpoint-latency" type="number" inputmode="numeric" class="short"
                            value={props.latency_ms.clone()} oninput={sns_input(d, SnsAction::EditLatency)} />
                        <span class="unit">{ "ms" }</span>
                    </div>
                </div>
                <div class="field">
                    <label for="endpoint-errors">{ "Error rate" }</label>
                    <div class="with-unit">
                        <input id="endpoint-errors" type="number" inputmode="numeric" class="short"
                            value={props.error_percent.clone()} oninput={sns_input(d, SnsAction::EditErrorPercent)} />
                        <span class="unit">{ "%" }</span>
                    </div>
                </div>
            </div>
            <button type="submit">{ "Save endpoint settings" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct InboxProps {
    pub items: Vec<InboxItem>,
}

/// The latest notifications and confirmation requests the endpoint received, newest first.
#[function_component]
pub fn Inbox(props: &InboxProps) -> Html {
    html! {
        <div class="inbox">
            <h3>{ "Endpoint inbox" }</h3>
            <ul>
                { for props.items.iter().map(|i| html! {
                    <li key={i.key.clone()}>
                        <div class="inbox-head">
                            <span class={classes!("kind", if i.kind == "Notification" { "notification" } else { "confirmation" })}>{ i.kind }</span>
                            <time>{ i.at.to_string() }</time>
                        </div>
                        <pre>{ &i.body }</pre>
                    </li>
                }) }
            </ul>
        </div>
    }
}
