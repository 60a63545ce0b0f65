//! The page (wasm32 only): a Yew app that drives the engine through commands.

pub fn start() {}
