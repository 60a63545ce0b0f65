//! Properties of the script parser and the option-value parsers:
//! 1. no input makes the tokenizer/parser, the shorthand parser, the JSON reader or the
//!    parameter unpacking panic (the same calls as the cargo-fuzz targets in `fuzz/`, so
//!    the harness also runs where cargo-fuzz cannot);
//! 2. `shell::quote` round-trips any string, and any list of words, quoted and joined,
//!    parses back to the same words (as one command, wherever a word stands);
//! 3. shorthand round-trips: generated maps of strings, lists and nested maps, written as
//!    shorthand, parse back to the same JSON.
//!
//! Cases: proptest's default (256 per property); `PROPTEST_CASES=20000` for a longer hunt.
#![cfg(not(target_arch = "wasm32"))]

use fanout::cli::shell::{self, Command, Part};
use fanout::cli::{harness, shorthand};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Pieces of shell syntax, so that random scripts reach deep into the parser rather than
/// failing on the first character.
const FRAGMENTS: &[&str] = &[
    " ", "\n", ";", "&&", "||", "|", "&", "!", "for", "in", "do", "done", "while", "until", "if",
    "then", "elif", "else", "fi", "case", "echo", "X=", "$X", "${X}", "${", "}", "{", "$(", "$((",
    "))", "(", ")", "'", "\"", "\\", "\\\n", "#", "`", "<", ">", "<<", "[", "]", "{1..3}", "{a,b}",
    ",", "..", "1", "-5", "+", "*", "**", "/", "%", "=", "==", "$?", "$1", "a", "é", "\t",
];

fn shellish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
}

/// Pieces of shorthand and JSON syntax.
const OPTION_FRAGMENTS: &[&str] = &[
    "Id",
    "=",
    ",",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "\\",
    ":",
    "DataType",
    "String",
    "StringValue",
    "BinaryValue",
    "aGk=",
    "MessageBody",
    "DelaySeconds",
    "5",
    "-1",
    "null",
    "true",
    " ",
    "@=",
    "file://x",
    "\0",
    "é",
    "1e400",
    "Key",
    "Value",
];

fn optionish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(OPTION_FRAGMENTS), 0..30).prop_map(|v| v.concat())
}

/// The words of a script that must be one simple command, as plain text.
fn one_command(script: &str) -> Result<Vec<String>, String> {
    let list = shell::parse(script).map_err(|e| e.to_string())?;
    let [and_or] = list.as_slice() else {
        return Err(format!("{} commands", list.len()));
    };
    let Command::Simple(c) = &and_or.first.command else {
        return Err("not a simple command".into());
    };
    if !c.assignments.is_empty() || !and_or.rest.is_empty() || and_or.first.negated {
        return Err("more than words".into());
    }
    c.words
        .iter()
        .map(|w| {
            w.iter()
                .map(|p| match p {
                    Part::Literal { text, .. } => Ok(text.clone()),
                    other => Err(format!("an expansion: {other:?}")),
                })
                .collect()
        })
        .collect()
}

/// Shorthand for a JSON value made of strings, lists and maps; strings are double-quoted
/// (the CLI reads `\"` as a quote and `\\` as a backslash inside them).
fn to_shorthand(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(to_shorthand).collect::<Vec<_>>().join(",")
        ),
        Value::Object(m) => format!("{{{}}}", members(m)),
        other => other.to_string(),
    }
}

fn members(m: &Map<String, Value>) -> String {
    m.iter()
        .map(|(k, v)| format!("{k}={}", to_shorthand(v)))
        .collect::<Vec<_>>()
        .join(",")
}

/// Quoted shorthand values: printable text without backslashes (the AWS CLI's quoted-value
/// pattern reads a backslash before a closing quote as an escape, so values ending in one
/// do not round-trip through it either).
fn shorthand_string() -> impl Strategy<Value = Value> {
    "[ -\\[\\]-~é]{0,10}".prop_map(Value::String)
}

fn shorthand_value() -> impl Strategy<Value = Value> {
    let leaf = shorthand_string();
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[A-Za-z][A-Za-z0-9_]{0,6}", inner, 1..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn parser_never_panics_on_any_text(text in any::<String>()) {
        let _ = shell::parse(&text);
    }

    #[test]
    fn parser_never_panics_on_shell_like_text(text in shellish()) {
        harness::script_parser(&text);
    }

    #[test]
    fn parameter_parsers_never_panic(pick in any::<u8>(), text in optionish()) {
        harness::parameter_parsers(pick, &text);
    }

    #[test]
    fn parameter_parsers_never_panic_on_any_text(pick in any::<u8>(), text in any::<String>()) {
        harness::parameter_parsers(pick, &text);
    }

    #[test]
    fn quote_round_trips_any_string(s in any::<String>()) {
        prop_assert_eq!(one_command(&format!("echo {}", shell::quote(&s))), Ok(vec!["echo".to_string(), s]));
    }

    #[test]
    fn quoted_words_parse_back(words in prop::collection::vec(any::<String>(), 1..8), continued in any::<bool>()) {
        let separator = if continued { " \\\n  " } else { " " };
        let script = words.iter().map(|w| shell::quote(w)).collect::<Vec<_>>().join(separator);
        prop_assert_eq!(one_command(&script), Ok(words));
    }

    #[test]
    fn shorthand_round_trips(map in prop::collection::btree_map("[A-Za-z][A-Za-z0-9_]{0,6}", shorthand_value(), 1..5)) {
        let map: Map<String, Value> = map.into_iter().collect();
        let text = members(&map);
        prop_assert_eq!(shorthand::parse(&text), Ok(Value::Object(map)), "{}", text);
    }
}

#[test]
fn shorthand_writer_matches_the_cli_examples() {
    let v = json!({"Id": "a", "Attrs": {"k": "v"}, "L": ["x", "y"]});
    assert_eq!(to_shorthand(&v), r#"{Id="a",Attrs={k="v"},L=["x","y"]}"#);
    let Value::Object(m) = v else { unreachable!() };
    assert_eq!(shorthand::parse(&members(&m)), Ok(Value::Object(m)));
}
