//! Title bar: what this is, and the seed, chaos profile and access mode that make a run
//! repeatable.

use crate::engine::AccessMode;
use crate::ui::params::Settings;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub settings: Settings,
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let s = &props.settings;
    html! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "⇶" }</span>
                <h1>{ "Fanout" }</h1>
                <span class="tagline">{ "Amazon SQS and SNS simulator · virtual clock" }</span>
            </div>
            <dl class="run-settings">
                <div><dt>{ "Seed" }</dt><dd data-testid="seed">{ s.seed }</dd></div>
                <div><dt>{ "Chaos" }</dt><dd data-testid="chaos" class={classes!("chaos", s.chaos.name())}>{ s.chaos.name() }</dd></div>
                <div title={access_title(s.access)}>
                    <dt>{ "Access" }</dt><dd data-testid="access" class={classes!("access-mode", s.access.name())}>{ s.access.name() }</dd>
                </div>
            </dl>
            if !s.ignored.is_empty() {
                <p class="ignored" role="status">
                    { format!("Ignored URL parameters: {} (use seed=N, chaos=off|realistic|high, access=lenient|strict)", s.ignored.join(", ")) }
                </p>
            }
        </header>
    }
}

fn access_title(access: AccessMode) -> &'static str {
    match access {
        AccessMode::Lenient => "SNS delivers to a queue without an access policy, with a warning (on AWS it would be denied). Open the page with ?access=strict to deny it as AWS does.",
        AccessMode::Strict => "As on AWS: SNS delivers to a queue only if the queue's access policy allows sqs:SendMessage from the topic.",
    }
}
