//! Function components. Each takes plain snapshot values (see `view`) and the reducer's
//! dispatcher as props, so it re-renders only when its own data changes.

pub mod access;
pub mod app;
pub mod clock;
pub mod console;
pub mod create_queue;
pub mod create_topic;
pub mod encryption;
pub mod endpoint;
pub mod event_log;
pub mod feedback;
pub mod header;
pub mod legend;
pub mod messages;
pub mod metrics;
pub mod publish;
pub mod queue_details;
pub mod queue_list;
pub mod redrive;
pub mod scenario;
pub mod send_receive;
pub mod subscribe;
pub mod subscription;
pub mod topic;
pub mod topology;

use super::sns_state::SnsAction;
use super::state::{Action, AppState};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::{Callback, Event, InputEvent, SubmitEvent, TargetCast, UseReducerDispatcher};

pub type Dispatch = UseReducerDispatcher<AppState>;

/// An `<input>`'s edits, each dispatched as `edit(new value)`.
pub fn input_edits(d: &Dispatch, edit: fn(String) -> Action) -> Callback<InputEvent> {
    let d = d.clone();
    Callback::from(move |e: InputEvent| {
        d.dispatch(edit(e.target_unchecked_into::<HtmlInputElement>().value()))
    })
}

/// A `<textarea>`'s edits, each dispatched as `edit(new value)`.
pub fn textarea_edits(d: &Dispatch, edit: fn(String) -> Action) -> Callback<InputEvent> {
    let d = d.clone();
    Callback::from(move |e: InputEvent| {
        d.dispatch(edit(
            e.target_unchecked_into::<HtmlTextAreaElement>().value(),
        ))
    })
}

/// A form's submit: the page stays (no reload) and `action` is dispatched.
pub fn submits(d: &Dispatch, action: Action) -> Callback<SubmitEvent> {
    let d = d.clone();
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        d.dispatch(action.clone());
    })
}

pub fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// A `<select>`'s changes, each dispatched as `choose(new value)`.
pub fn select_changes(d: &Dispatch, choose: fn(String) -> Action) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| d.dispatch(choose(select_value(&e))))
}

/// A checkbox's changes, each dispatched as `set(checked)`.
pub fn checkbox_changes(d: &Dispatch, set: fn(bool) -> Action) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        d.dispatch(set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    })
}

/// A button's clicks, each dispatched as `action`.
pub fn clicks(d: &Dispatch, action: Action) -> Callback<yew::MouseEvent> {
    let d = d.clone();
    Callback::from(move |_| d.dispatch(action.clone()))
}

/// `input_edits` for an SNS draft.
pub fn sns_input(d: &Dispatch, edit: fn(String) -> SnsAction) -> Callback<InputEvent> {
    let d = d.clone();
    Callback::from(move |e: InputEvent| {
        d.dispatch(Action::Sns(edit(
            e.target_unchecked_into::<HtmlInputElement>().value(),
        )))
    })
}

/// `textarea_edits` for an SNS draft.
pub fn sns_textarea(d: &Dispatch, edit: fn(String) -> SnsAction) -> Callback<InputEvent> {
    let d = d.clone();
    Callback::from(move |e: InputEvent| {
        d.dispatch(Action::Sns(edit(
            e.target_unchecked_into::<HtmlTextAreaElement>().value(),
        )))
    })
}

/// `select_changes` for an SNS draft.
pub fn sns_select(d: &Dispatch, choose: fn(String) -> SnsAction) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| d.dispatch(Action::Sns(choose(select_value(&e)))))
}

/// `checkbox_changes` for an SNS draft.
pub fn sns_checkbox(d: &Dispatch, set: fn(bool) -> SnsAction) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        d.dispatch(Action::Sns(set(e
            .target_unchecked_into::<HtmlInputElement>()
            .checked())))
    })
}

/// A button's clicks, each dispatched as the SNS `action`.
pub fn sns_click(d: &Dispatch, action: SnsAction) -> Callback<yew::MouseEvent> {
    clicks(d, Action::Sns(action))
}

/// A form's submit, dispatched as the SNS `action`.
pub fn sns_submit(d: &Dispatch, action: SnsAction) -> Callback<SubmitEvent> {
    submits(d, Action::Sns(action))
}
