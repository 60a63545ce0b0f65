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
pub mod console_worker;
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
    if let Some(quick) = bench_requested() {
        return bench(&document, quick);
    }
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

/// `?bench` or `?bench=quick`: scripts/bench-browser.mjs measuring the engine in wasm.
fn bench_requested() -> Option<bool> {
    let search = web_sys::window()?.location().search().ok()?;
    let query = search.trim_start_matches('?');
    query.split('&').find_map(|p| match p {
        "bench" | "bench=" => Some(false),
        "bench=quick" => Some(true),
        _ => None,
    })
}

/// Runs the page's benchmarks instead of the page and writes their JSON in `<pre id="bench">`.
fn bench(document: &web_sys::Document, quick: bool) {
    use crate::bench::{lesson, lifecycles, to_json, Sizes};
    let sizes = if quick { Sizes::quick() } else { Sizes::full() };
    let performance = web_sys::window().and_then(|w| w.performance());
    let clock = move || performance.as_ref().map_or(0.0, |p| p.now());
    let figures = [
        lifecycles::run_with_budget(&sizes, &clock, lifecycles::BUDGET_BROWSER),
        lesson::run(&sizes, &clock),
    ];
    let json = to_json(&figures, &sizes, "wasm").to_string();
    if let (Ok(pre), Some(body)) = (document.create_element("pre"), document.body()) {
        pre.set_id("bench");
        pre.set_text_content(Some(&json));
        let _ = body.append_child(&pre);
    }
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("running in a browser window")
}
