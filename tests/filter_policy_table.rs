//! SNS subscription filter policies against a table of cases (tests/data/filter_policy_cases.json):
//! `matching` rows give a policy, a scope, a message (attributes or body) and whether AWS
//! delivers it; `invalid` rows give a policy AWS refuses and the reason it gives. Every row
//! names its source. All failing rows are printed before the test fails.

use fanout::engine::filter_policy::{FilterPolicy, FilterPolicyScope};
use fanout::engine::{MessageAttributeValue, MessageAttributes};
use serde_json::Value;

const CASES: &str = include_str!("data/filter_policy_cases.json");

fn scope(row: &Value) -> FilterPolicyScope {
    let name = row["scope"].as_str().expect("scope");
    FilterPolicyScope::parse(name).unwrap_or_else(|| panic!("unknown scope {name}"))
}

/// A policy is written as JSON in the table, or as a string when it is not valid JSON.
fn policy_text(row: &Value) -> String {
    match &row["policy"] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `{"name": {"Type": "...", "Value": "..."}}`, the shape SNS shows attributes in. A Binary
/// value is taken as raw bytes.
fn attributes(row: &Value) -> MessageAttributes {
    let mut out = MessageAttributes::new();
    if let Some(attrs) = row.get("attributes").and_then(Value::as_object) {
        for (name, attr) in attrs {
            let data_type = attr["Type"].as_str().expect("Type");
            let value = attr["Value"].as_str().expect("Value");
            let v = if data_type.starts_with("Binary") {
                MessageAttributeValue::binary(data_type, value.as_bytes().to_vec())
            } else {
                MessageAttributeValue::string(data_type, value)
            };
            out.insert(name.clone(), v);
        }
    }
    out
}

fn body(row: &Value) -> String {
    row.get("body")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

#[test]
fn filter_policy_table() {
    let cases: Value = serde_json::from_str(CASES).expect("cases are JSON");
    let matching = cases["matching"].as_array().expect("matching rows");
    let invalid = cases["invalid"].as_array().expect("invalid rows");
    assert!(matching.len() >= 120, "{} matching rows", matching.len());
    assert!(invalid.len() >= 30, "{} invalid rows", invalid.len());

    let mut failures = Vec::new();
    for row in matching {
        let name = row["name"].as_str().expect("name");
        let expected = row["match"].as_bool().expect("match");
        let policy = match FilterPolicy::parse(&policy_text(row), scope(row)) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("{name}: policy refused: {e}"));
                continue;
            }
        };
        let verdict = policy.evaluate(&attributes(row), &body(row));
        if verdict.is_ok() != expected {
            failures.push(format!(
                "{name}: expected {}, got {verdict:?} [{}]",
                if expected { "a match" } else { "no match" },
                row["source"].as_str().unwrap_or("")
            ));
        }
        if let Err(m) = &verdict {
            if m.reason.is_empty() || (m.key.is_empty() && !m.reason.contains("not a JSON object"))
            {
                failures.push(format!("{name}: incomplete mismatch report {m:?}"));
            }
        }
    }
    for row in invalid {
        let text = policy_text(row);
        let expected = row["error"].as_str().expect("error");
        let label = if text.len() > 120 {
            format!("{}...", &text[..120])
        } else {
            text.clone()
        };
        match FilterPolicy::parse(&text, scope(row)) {
            Err(e) if e == expected => {}
            other => failures.push(format!(
                "invalid {label} ({}): expected {expected:?}, got {:?} [{}]",
                scope(row).name(),
                other.map(|_| "accepted"),
                row["source"].as_str().unwrap_or("")
            )),
        }
    }
    for f in &failures {
        println!("FAILED {f}");
    }
    assert!(failures.is_empty(), "{} failing rows", failures.len());
}

#[test]
fn filter_policy_size_limit() {
    // [docs] 256 KB at most.
    let fill = "a".repeat(256 * 1024 - 9);
    let text = format!("{{\"k\":[\"{fill}\"]}}");
    assert_eq!(text.len(), 256 * 1024 + 1);
    assert_eq!(
        FilterPolicy::parse(&text, FilterPolicyScope::MessageAttributes).unwrap_err(),
        "Filter policy is too long"
    );
    let fill = "a".repeat(256 * 1024 - 10);
    let text = format!("{{\"k\":[\"{fill}\"]}}");
    assert_eq!(text.len(), 256 * 1024);
    assert!(FilterPolicy::parse(&text, FilterPolicyScope::MessageAttributes).is_ok());
}
