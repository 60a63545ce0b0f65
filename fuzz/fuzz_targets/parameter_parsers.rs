//! Any option value given to the shorthand, JSON and parameter unpacking code ends in a
//! value or an AWS CLI error, never a panic. The first byte picks the option's shape; the
//! rest, split at NUL bytes, are its arguments.
#![no_main]

use fanout::cli::params::{self, Shape};
use fanout::cli::{pyjson, shorthand};
use libfuzzer_sys::fuzz_target;

const SHAPES: [(&str, &Shape); 8] = [
    ("--attributes", &params::STRING_MAP),
    ("--attribute-names", &params::STRING_LIST),
    ("--message-attributes", &params::MESSAGE_ATTRIBUTES),
    ("--entries", &params::SEND_MESSAGE_BATCH_ENTRIES),
    ("--entries", &params::DELETE_MESSAGE_BATCH_ENTRIES),
    ("--entries", &params::CHANGE_MESSAGE_VISIBILITY_BATCH_ENTRIES),
    ("--tags", &params::TAG_LIST),
    ("--entries", &params::PUBLISH_BATCH_ENTRIES),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let _ = shorthand::parse(text);
    let _ = pyjson::loads(text);
    let (cli_name, shape) = SHAPES[usize::from(pick) % SHAPES.len()];
    let args: Vec<String> = text.split('\0').map(str::to_string).collect();
    if let Ok(unpacked) = params::unpack(cli_name, shape, &args, &|v: &str| {
        v.strip_prefix("file://").map(|name| Ok(format!("contents of {name}")))
    }) {
        let _ = params::check_blobs(&unpacked.value, shape);
        let _ = params::validate(&[("Entries", &unpacked, shape)]);
    }
});
