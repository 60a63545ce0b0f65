//! The latest trace entries, newest first: the engine's account of what happened.

use crate::ui::view::LogLine;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lines: Vec<LogLine>,
}

#[function_component]
pub fn EventLog(props: &EventLogProps) -> Html {
    html! {
        <section class="card log" aria-labelledby="log-title">
            <h2 id="log-title">{ "Event log" }</h2>
            if props.lines.is_empty() {
                <p class="empty">{ "Nothing has happened yet." }</p>
            } else {
                <ol class="events">
                    { for props.lines.iter().map(|l| html! {
                        <li key={l.index}>
                            <time>{ l.at.to_string() }</time>
                            <span class="text">{ &l.text }</span>
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
