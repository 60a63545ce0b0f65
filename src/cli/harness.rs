//! What the fuzz targets (`fuzz/fuzz_targets/`) and the property tests
//! (`tests/shell_properties.rs`) do with one input, kept here so that both exercise exactly
//! the same calls. Each function panics only if a parser breaks its contract.

use super::params::{self, Shape};
use super::{pyjson, shell, shorthand};

/// The option shapes an input may be read as; the first byte of an input picks one.
const SHAPES: [(&str, &Shape); 8] = [
    ("--attributes", &params::STRING_MAP),
    ("--attribute-names", &params::STRING_LIST),
    ("--message-attributes", &params::MESSAGE_ATTRIBUTES),
    ("--entries", &params::SEND_MESSAGE_BATCH_ENTRIES),
    ("--entries", &params::DELETE_MESSAGE_BATCH_ENTRIES),
    (
        "--entries",
        &params::CHANGE_MESSAGE_VISIBILITY_BATCH_ENTRIES,
    ),
    ("--tags", &params::TAG_LIST),
    ("--entries", &params::PUBLISH_BATCH_ENTRIES),
];

/// Any text ends in a script or a syntax error that points inside it (a column past the
/// end of a line is where an unterminated construct ran out).
pub fn script_parser(text: &str) {
    if let Err(e) = shell::parse(text) {
        assert!(e.line >= 1 && e.column >= 1, "{e} for {text:?}");
        assert!(e.line <= text.matches('\n').count() + 1, "{e} for {text:?}");
    }
}

/// Any option value given to the shorthand, JSON and parameter unpacking code ends in a
/// value or an AWS CLI error. `pick` chooses the option's shape; `text`, split at NUL
/// bytes, is its arguments; `key@=file://NAME` values load a made-up file.
pub fn parameter_parsers(pick: u8, text: &str) {
    let _ = shorthand::parse(text);
    let _ = pyjson::loads(text);
    let (cli_name, shape) = SHAPES[usize::from(pick) % SHAPES.len()];
    let args: Vec<String> = text.split('\0').map(str::to_string).collect();
    let load = |v: &str| {
        v.strip_prefix("file://")
            .map(|name| Ok(format!("contents of {name}")))
    };
    if let Ok(unpacked) = params::unpack(cli_name, shape, &args, &load) {
        let _ = params::check_blobs(&unpacked.value, shape);
        let _ = params::validate(&[("Entries", &unpacked, shape)]);
    }
}
