//! Any file given to the scenario importer ends in a simulation or a reason, never a
//! panic, and an imported simulation saves and loads back to the same trace (see
//! `fanout::engine::harness::scenario_import`). Bytes that are not UTF-8 are refused by
//! the page before the importer sees them, so only text is tried.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        fanout::engine::harness::scenario_import(text);
    }
});
