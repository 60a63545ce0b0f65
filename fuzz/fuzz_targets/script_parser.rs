//! Any text given to the script parser ends in a script or a syntax error, never a panic
//! or a hang (see `fanout::cli::harness`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        fanout::cli::harness::script_parser(text);
    }
});
