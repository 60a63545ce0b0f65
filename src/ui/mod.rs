//! The page (wasm32 only): a Yew app that drives the engine through commands.
//!
//! - [`state`]: the one reducer. Every change is an engine `Command` or a clock move.
//! - [`view`]: read-only snapshots of the engine that components render.
//! - [`notes`]: what the page reads from the trace between renders (receive flags, moves);
//!   [`sns_notes`] the SNS part (fanout, filter drops, retries, access problems).
//! - [`sns_state`], [`sns_view`]: the SNS actions and snapshots (topology, inspectors).
//! - [`describe`]: trace entries as sentences for the event log.
//! - [`components`]: small function components with `PartialEq` props.
//! - [`console`]: the console panel's output and history; [`console_touched`] what its
//!   commands touched, for the views to flash.
//! - [`speed`]: clock speeds and the play tick.
//! - [`params`], [`panic`]: URL settings and the "something went wrong" banner.

pub mod components;
pub mod console;
pub mod console_touched;
pub mod describe;
pub mod notes;
pub mod panic;
pub mod params;
pub mod scenario;
pub mod sns_notes;
pub mod sns_state;
pub mod sns_view;
pub mod speed;
pub mod state;
pub mod view;

use components::app::{App, AppProps};
use params::Settings;

/// Mounts the page on `<body>`, with the seed and chaos profile from the URL.
pub fn start() {
    let document = document();
    let body = document.body().expect("the page has a <body>");
    mount(body.into());
}

/// Mounts the page inside `element` (browser tests mount into a fresh `<div>`).
pub fn mount(element: web_sys::Element) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    mount_with(element, params::parse_query(&search));
}

/// Mounts the page inside `element` with explicit settings, ignoring the URL.
pub fn mount_with(element: web_sys::Element, settings: Settings) {
    panic::install();
    // The handle is not kept: the app lives as long as the page (or the test's div).
    let _ = yew::Renderer::<App>::with_root_and_props(element, AppProps { settings }).render();
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("running in a browser window")
}
