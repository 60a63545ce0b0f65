//! Any text given to the script parser ends in a script or a syntax error, never a panic
//! or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = fanout::cli::shell::parse(text) {
            // The error must point inside the script (a column past the end of a line is
            // where an unterminated construct ran out).
            assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1);
            assert!(e.column >= 1);
        }
    }
});
