//! The page: the reducer, the play loop, and the layout of the panels.

use super::clock::ClockBar;
use super::create_queue::CreateQueueForm;
use super::event_log::EventLog;
use super::header::Header;
use super::legend::Legend;
use super::messages::MessagesView;
use super::queue_details::QueueDetails;
use super::queue_list::QueueList;
use super::send_receive::SendReceive;
use crate::ui::params::Settings;
use crate::ui::state::{Action, AppState, TICK_MS};
use crate::ui::view::Snapshot;
use gloo_timers::callback::Interval;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub settings: Settings,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let settings = props.settings.clone();
        move || AppState::new(settings)
    });
    let dispatch = state.dispatcher();
    use_play_loop(state.playing, dispatch.clone());

    let snap = Snapshot::read(&state);
    let drafts = &state.drafts;
    html! {
        <div class="app">
            <Header settings={state.settings.clone()} />
            <ClockBar now={snap.now} next_event={snap.next_event} playing={state.playing}
                speed={state.speed} dispatch={dispatch.clone()} />
            <main class="columns">
                <div class="column left">
                    <CreateQueueForm name={drafts.queue_name.clone()}
                        visibility_timeout={drafts.visibility_timeout.clone()}
                        feedback={state.create_feedback.clone()} dispatch={dispatch.clone()} />
                    <QueueList queues={snap.queues} selected={state.selected.clone()}
                        dispatch={dispatch.clone()} />
                </div>
                <div class="column middle">
                    if let Some(queue) = snap.selected {
                        <QueueDetails queue={queue}
                            new_visibility_timeout={drafts.new_visibility_timeout.clone()}
                            feedback={state.edit_feedback.clone()} dispatch={dispatch.clone()} />
                        <SendReceive body={drafts.message_body.clone()}
                            polling_until={snap.polling_until} received={snap.received}
                            feedback={state.send_receive_feedback.clone()} dispatch={dispatch.clone()} />
                    } else {
                        <section class="card placeholder">
                            <h2>{ "No queue selected" }</h2>
                            <p>{ "Create a queue, or pick one from the list, to send and receive messages." }</p>
                        </section>
                    }
                    <Legend />
                </div>
                <div class="column right">
                    if state.selected.is_some() {
                        <MessagesView rows={snap.rows} total={snap.total_messages} />
                    }
                    <EventLog lines={snap.log} />
                </div>
            </main>
        </div>
    }
}

/// While playing, an interval ticks the clock; pausing (or unmounting) drops it.
#[hook]
fn use_play_loop(playing: bool, dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with(playing, move |&playing| {
        let interval =
            playing.then(|| Interval::new(TICK_MS, move || dispatch.dispatch(Action::Tick)));
        move || drop(interval)
    });
}
