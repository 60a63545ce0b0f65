//! The clock bar: virtual time, play/pause, step to the next event, speed.
//!
//! Playing is a `gloo_timers` interval (owned by `App`) that dispatches `Tick`s; here are
//! only the controls.

use super::{select_value, Dispatch};
use crate::engine::SimTime;
use crate::ui::state::{Action, Speed};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClockProps {
    pub now: SimTime,
    pub next_event: Option<SimTime>,
    pub playing: bool,
    pub speed: Speed,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn ClockBar(props: &ClockProps) -> Html {
    let toggle = {
        let d = props.dispatch.clone();
        let playing = props.playing;
        Callback::from(move |_| d.dispatch(if playing { Action::Pause } else { Action::Play }))
    };
    let step = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Step))
    };
    let speed = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = Speed::from_label(&select_value(&e)) {
                d.dispatch(Action::SetSpeed(s));
            }
        })
    };
    let next = match props.next_event {
        Some(t) => format!("Next event at {t}"),
        None => "Nothing scheduled".to_string(),
    };
    html! {
        <section class="clock" aria-label="Clock">
            <div class="time">
                <span class="label">{ "Virtual time" }</span>
                <output class="now" data-testid="clock" aria-live="off">{ props.now.to_string() }</output>
            </div>
            <div class="controls">
                <button class={classes!("play", props.playing.then_some("playing"))} onclick={toggle}>
                    { if props.playing { "Pause" } else { "Play" } }
                </button>
                <button onclick={step} disabled={props.next_event.is_none()}
                    title="Jump to the next scheduled event and process it">
                    { "Step" }
                </button>
                <label class="speed" for="clock-speed">{ "Speed" }</label>
                    <select id="clock-speed" onchange={speed}>
                        { for Speed::ALL.iter().map(|s| html! {
                            <option key={s.label()} value={s.label()} selected={*s == props.speed}>{ s.label() }</option>
                        }) }
                    </select>
            </div>
            <span class="next" data-testid="next-event">{ next }</span>
        </section>
    }
}
