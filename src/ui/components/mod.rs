//! Function components. Each takes plain snapshot values (see `view`) and the reducer's
//! dispatcher as props, so it re-renders only when its own data changes.

pub mod app;
pub mod clock;
pub mod create_queue;
pub mod event_log;
pub mod feedback;
pub mod header;
pub mod legend;
pub mod messages;
pub mod queue_details;
pub mod queue_list;
pub mod send_receive;

use super::state::AppState;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::{Event, InputEvent, TargetCast, UseReducerDispatcher};

pub type Dispatch = UseReducerDispatcher<AppState>;

pub fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}
pub fn textarea_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlTextAreaElement>().value()
}
pub fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}
