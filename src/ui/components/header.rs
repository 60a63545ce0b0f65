//! Title bar: what this is, and the seed and chaos profile that make a run repeatable.

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
                <span class="tagline">{ "Amazon SQS simulator · virtual clock" }</span>
            </div>
            <dl class="run-settings">
                <div><dt>{ "Seed" }</dt><dd data-testid="seed">{ s.seed }</dd></div>
                <div><dt>{ "Chaos" }</dt><dd data-testid="chaos" class={classes!("chaos", s.chaos.name())}>{ s.chaos.name() }</dd></div>
            </dl>
            if !s.ignored.is_empty() {
                <p class="ignored" role="status">
                    { format!("Ignored URL parameters: {} (use seed=N, chaos=off|realistic|high)", s.ignored.join(", ")) }
                </p>
            }
        </header>
    }
}
