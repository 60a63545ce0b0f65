//! Any text given to the filter-policy parser ends in a policy or an InvalidParameter reason,
//! and any message it is evaluated against ends in a match or a mismatch, never a panic (see
//! `fanout::engine::harness`). The first byte picks the scope; the rest is the policy, a NUL,
//! the body, then NUL-separated `name=value` attributes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    if let Ok(text) = std::str::from_utf8(rest) {
        fanout::engine::harness::filter_policy(pick, text);
    }
});
