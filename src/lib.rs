//! Fanout: a simulator of Amazon SQS (and, later, SNS) on a virtual clock.
//!
//! - [`engine`]: the simulation itself — pure, deterministic, sans-IO.
//! - [`cli`]: the AWS CLI dialect (`aws sqs ...` lines, `--query`, outputs) over the engine.
//! - `ui` (wasm32 only): the Yew page, another driver of the same engine.
//!
//! See ARCHITECTURE.md for the bird's-eye view and the invariants.

pub mod bench;
pub mod cli;
mod collect_map;
pub mod console_link;
pub mod engine;
mod stable_sort;
pub mod thousands;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The reference scenario whose trace hash must match on every platform (see
/// tests/determinism.rs and tests/browser.rs).
pub const REFERENCE_SCRIPT: &str = include_str!("../tests/data/reference.sh");

/// Runs [`REFERENCE_SCRIPT`] with `seed` and the given chaos and returns the trace hash.
pub fn reference_trace_hash(seed: u64, chaos: engine::Chaos) -> String {
    let config = engine::EngineConfig {
        seed,
        chaos,
        ..Default::default()
    };
    let mut session = cli::Session::new(config);
    session.run_script(REFERENCE_SCRIPT);
    session.engine().trace().hash()
}
