//! Web entry: Trunk builds this binary for wasm32 and mounts the Yew app.

// The page is single-threaded (no atomics), which talc's unlocked cell requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    fanout::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("fanout-web is the browser build of Fanout: run `trunk serve` (see README.md), or use `fanout run`.");
}
