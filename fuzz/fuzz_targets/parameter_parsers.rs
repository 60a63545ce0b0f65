//! Any option value given to the shorthand, JSON and parameter unpacking code ends in a
//! value or an AWS CLI error, never a panic (see `fanout::cli::harness`). The first byte
//! picks the option's shape; the rest, split at NUL bytes, are its arguments.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    if let Ok(text) = std::str::from_utf8(rest) {
        fanout::cli::harness::parameter_parsers(pick, text);
    }
});
