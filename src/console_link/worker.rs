//! The worker's entry (wasm32): answers each message from the page with its replica.
//! Built as its own WebAssembly module (`fanout-console`, src/worker.rs), so the page
//! downloads the CLI only when the console is first used.

use super::replica::Replica;
use super::Answer;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// What the worker posts once it listens: messages posted before that would be lost.
pub const READY: &str = "ready";

pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // A panic ends this module for good: say why to the page, which starts a new worker.
    std::panic::set_hook(Box::new(|info| {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let message = format!("the console's interpreter stopped ({info})");
        let _ = scope.post_message(&Answer::Failed(message).to_json().into());
    }));
    let replica = RefCell::new(Replica::default());
    let reply = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let request = e.data().as_string().unwrap_or_default();
        let answer = replica.borrow_mut().handle(&request);
        let _ = reply.post_message(&answer.into());
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it.
    onmessage.forget();
    let _ = scope.post_message(&READY.into());
}
