//! Web entry: Trunk builds this binary for wasm32 and mounts the Yew app.

#[cfg(target_arch = "wasm32")]
fn main() {
    fanout::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("fanout-web is the browser build of Fanout: run `trunk serve` (see README.md), or use `fanout run`.");
}
