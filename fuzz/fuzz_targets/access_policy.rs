//! Any text given to the resource-policy parser ends in a policy or a reason, and any
//! request evaluated against it ends in a decision, never a panic (see
//! `fanout::engine::harness`). The first byte picks an account or a service principal; the
//! rest, split at NUL bytes, is the document, principal, action, resource, SourceArn and
//! SourceAccount.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    if let Ok(text) = std::str::from_utf8(rest) {
        fanout::engine::harness::access_policy(pick, text);
    }
});
