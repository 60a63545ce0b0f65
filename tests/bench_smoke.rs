//! `fanout bench --quick --json`: the shape a user or CI reads, not the timing.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

/// Every figure the JSON carries, and whether it has a budget.
const FIGURES: &[(&str, bool)] = &[
    ("lifecycles_per_sec", true),
    ("receive_cost_ratio_1m_vs_1k", true),
    ("bytes_per_resident_message", true),
    ("fanout_deliveries_per_sec", false),
    ("lesson_fast_forward_ms", true),
    ("moto_lifecycles_per_sec", false),
    ("peer_ratio_moto", false),
];

/// Without moto and boto3 these are null, and the notes say why.
const NEEDS_MOTO: &[&str] = &["moto_lifecycles_per_sec", "peer_ratio_moto"];

#[test]
fn quick_json_has_every_figure_with_its_budget() {
    let out = Command::new(env!("CARGO_BIN_EXE_fanout"))
        .args(["bench", "--quick", "--json"])
        .output()
        .expect("fanout runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(
        text.lines().count(),
        1,
        "one JSON object on one line: {text}"
    );
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["platform"], "native");
    assert_eq!(json["quick"], true);
    for &(key, has_budget) in FIGURES {
        let value = &json[key];
        match value.as_f64() {
            Some(v) => assert!(v > 0.0 && v.is_finite(), "{key} = {v}"),
            None if NEEDS_MOTO.contains(&key) => {
                assert!(value.is_null(), "{key} = {value}");
                let why = json["notes"][key].as_str().unwrap_or_default();
                assert!(!why.is_empty(), "{key} is null without a reason");
            }
            None => panic!("{key} is not a number: {value}"),
        }
        let budget = &json["budgets"][key];
        if has_budget {
            let text = budget["budget"].as_str().unwrap_or_default();
            assert!(
                text.starts_with(">= ") || text.starts_with("<= "),
                "{key}: {budget}"
            );
            assert!(budget["pass"].is_boolean(), "{key}: {budget}");
        } else {
            assert!(budget.is_null(), "{key} has no budget: {budget}");
        }
    }
}

#[test]
fn the_table_names_every_figure() {
    let out = Command::new(env!("CARGO_BIN_EXE_fanout"))
        .args(["bench", "--quick"])
        .output()
        .expect("fanout runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.starts_with("figure "), "{text}");
    for &(key, _) in FIGURES {
        assert!(
            text.lines().any(|l| l.starts_with(key)),
            "{key} missing:\n{text}"
        );
    }
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_fanout"))
        .args(["bench", "--fast"])
        .output()
        .expect("fanout runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        err.starts_with("fanout: unexpected argument '--fast'\nusage: fanout run"),
        "{err}"
    );
}
