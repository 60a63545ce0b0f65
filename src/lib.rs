//! Fanout: a simulator of Amazon SQS (and, later, SNS) on a virtual clock.
//!
//! - [`engine`]: the simulation itself — pure, deterministic, sans-IO.
//! - [`cli`]: the AWS CLI dialect (`aws sqs ...` lines, `--query`, outputs) over the engine.
//! - `ui` (wasm32 only): the Yew page, another driver of the same engine.
//!
//! See ARCHITECTURE.md for the bird's-eye view and the invariants.

pub mod cli;
pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
