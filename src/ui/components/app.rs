//! The page: the reducer, the play loop, and the layout of the panels.

use super::clock::ClockBar;
use super::console::ConsolePanel;
use super::create_queue::CreateQueueForm;
use super::create_topic::CreateTopicForm;
use super::encryption::EncryptionPanel;
use super::event_log::EventLog;
use super::header::Header;
use super::legend::Legend;
use super::messages::MessagesView;
use super::metrics::Metrics;
use super::publish::PublishPanel;
use super::queue_details::QueueDetails;
use super::queue_list::QueueList;
use super::redrive::RedrivePanel;
use super::scenario::{ScenarioBar, Source};
use super::send_receive::SendReceive;
use super::subscribe::SubscribeForm;
use super::subscription::SubscriptionInspector;
use super::topic::TopicInspector;
use super::topology::TopologyView;
use crate::ui::console_worker::Mirror;
use crate::ui::params::Settings;
use crate::ui::sns_state::topic_name_to_create;
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
    let dead_letter_choices: Vec<String> = snap
        .queues
        .iter()
        .filter(|q| q.fifo == drafts.fifo)
        .map(|q| q.name.clone())
        .collect();
    let messages_here = snap.total_messages;
    let sd = &state.sns_drafts;
    let sf = &state.sns_feedback;
    let sns = snap.sns;
    let inspecting = state.inspect.is_some();
    let flash = state.console.flash(state.wall_ms);
    // The header shows what the engine runs with now: console lines (`fanout chaos high`,
    // `fanout seed 42`) change it after the URL set it.
    let running = {
        let config = state.engine.borrow().config();
        Settings {
            seed: config.seed,
            chaos: config.chaos,
            access: config.access,
            ignored: state.settings.ignored.clone(),
        }
    };
    let console = &state.console;
    html! {
        <div class="app">
            <Header settings={running} />
            <ClockBar now={snap.now} next_event={snap.next_event} playing={state.playing}
                speed={state.speed} dispatch={dispatch.clone()} />
            <ScenarioBar status={state.scenario.clone()} dispatch={dispatch.clone()}
                source={Source { engine: state.engine.clone(), console_history: console.scenario().to_vec() }} />
            <main class="columns">
                <div class="column left">
                    <CreateQueueForm name={drafts.queue_name.clone()}
                        final_name={AppState::queue_name_to_create(drafts)}
                        visibility_timeout={drafts.visibility_timeout.clone()}
                        fifo={drafts.fifo}
                        content_based_deduplication={drafts.content_based_deduplication}
                        dead_letter_queue={drafts.dead_letter_queue.clone()}
                        max_receive_count={drafts.max_receive_count.clone()}
                        {dead_letter_choices}
                        feedback={state.create_feedback.clone()} dispatch={dispatch.clone()} />
                    <CreateTopicForm name={sd.topic_name.clone()} final_name={topic_name_to_create(sd)}
                        fifo={sd.topic_fifo} content_based_deduplication={sd.topic_content_dedup}
                        feedback={sf.create.clone()} dispatch={dispatch.clone()} />
                    <QueueList queues={snap.queues} selected={state.selected.clone()}
                        flash={flash.clone()} dispatch={dispatch.clone()} />
                </div>
                <div class="column middle">
                    <TopologyView topology={sns.topology} access_feedback={sf.access.clone()}
                        {flash} dispatch={dispatch.clone()} />
                    if let Some(topic) = sns.topic {
                        <TopicInspector topic={topic.clone()} feedback={sf.inspector.clone()} dispatch={dispatch.clone()}>
                            <SubscribeForm protocol={sd.protocol.clone()} endpoint={sd.endpoint.clone()}
                                raw_delivery={sd.raw_delivery} filter_policy={sd.filter_policy.clone()}
                                filter_scope={sd.filter_scope.clone()} dead_letter_queue={sd.dead_letter_queue.clone()}
                                queues={sns.queues} feedback={sf.subscribe.clone()} dispatch={dispatch.clone()} />
                            <PublishPanel fifo={topic.fifo} content_based_deduplication={topic.content_based_deduplication}
                                message={sd.message.clone()} subject={sd.subject.clone()} json_structure={sd.json_structure}
                                group_id={sd.group_id.clone()} deduplication_id={sd.deduplication_id.clone()}
                                attributes={sd.attributes.clone()} feedback={sf.publish.clone()} dispatch={dispatch.clone()} />
                        </TopicInspector>
                    } else if let Some(subscription) = sns.subscription {
                        <SubscriptionInspector {subscription} latency_ms={sd.latency_ms.clone()}
                            error_percent={sd.error_percent.clone()} feedback={sf.inspector.clone()}
                            dispatch={dispatch.clone()} />
                    } else if inspecting {
                        <section class="card placeholder">
                            <h2>{ "Nothing selected" }</h2>
                            <p>{ "It was deleted. Pick a topic, subscription or queue in the topology." }</p>
                        </section>
                    } else if let Some(queue) = snap.selected.clone() {
                        <QueueDetails queue={queue.clone()}
                            new_visibility_timeout={drafts.new_visibility_timeout.clone()}
                            feedback={state.edit_feedback.clone()} dispatch={dispatch.clone()}>
                            if !queue.dead_letter_for.is_empty() {
                                <RedrivePanel messages={messages_here} rate={drafts.redrive_rate.clone()}
                                    task={state.move_task.clone()} feedback={state.redrive_feedback.clone()}
                                    dispatch={dispatch.clone()} />
                            }
                        </QueueDetails>
                        <SendReceive fifo={queue.fifo}
                            content_based_deduplication={queue.content_based_deduplication}
                            body={drafts.message_body.clone()}
                            group_id={drafts.group_id.clone()}
                            deduplication_id={drafts.deduplication_id.clone()}
                            delay_seconds={drafts.delay_seconds.clone()}
                            attribute_name={drafts.attribute_name.clone()}
                            attribute_type={drafts.attribute_type.clone()}
                            attribute_value={drafts.attribute_value.clone()}
                            polling_until={snap.polling_until} received={snap.received}
                            feedback={state.send_receive_feedback.clone()} dispatch={dispatch.clone()} />
                        <Metrics metrics={snap.metrics} />
                        <EncryptionPanel current={queue.encryption.clone()}
                            mode={drafts.encryption.clone()} kms_key={drafts.kms_key.clone()}
                            kms_reuse_seconds={drafts.kms_reuse_seconds.clone()}
                            feedback={state.encryption_feedback.clone()} dispatch={dispatch.clone()} />
                    } else {
                        <section class="card placeholder">
                            <h2>{ "No queue selected" }</h2>
                            <p>{ "Create a queue, or pick one from the list, to send and receive messages." }</p>
                        </section>
                    }
                    <Legend />
                </div>
                <div class="column right">
                    if let (Some(queue), false) = (&snap.selected, inspecting) {
                        <MessagesView rows={snap.rows} unlisted={snap.unlisted} total={snap.total_messages}
                            fifo={queue.fifo} groups={snap.groups} group_count={snap.group_count}
                            departures={snap.departures} />
                    }
                    <EventLog lines={snap.log} />
                </div>
            </main>
            <ConsolePanel entries={console.entries.clone()} history={console.history.clone()}
                script={console.script(&state.settings)} commands={console.scenario().len()}
                interpreter={Mirror { engine: state.engine.clone(), link: state.link.clone() }}
                dispatch={dispatch.clone()} />
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
