//! The console's interpreter: Trunk builds this binary for wasm32 as a Web Worker
//! (index.html, `data-type="worker"`), which the page starts when the console is first
//! used.

#[cfg(target_arch = "wasm32")]
fn main() {
    fanout::console_link::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("fanout-console is the browser console's interpreter: run `trunk serve` (see README.md), or use `fanout repl`.");
}
