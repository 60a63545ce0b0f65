//! `--output text`: the AWS CLI's `text.format_text`, a port of its rules.

use super::is_scalar;
use crate::cli::params::py_str as scalar;
use crate::stable_sort::{stable_sort, stable_sort_by};
use serde_json::{Map, Value};

/// `--output text`: the AWS CLI's text layout (tab-separated scalars, keys sorted,
/// nested values on their own lines headed by the upper-cased key).
pub fn format_text(doc: &Value) -> String {
    let mut out = String::new();
    text_value(doc, None, None, &mut out);
    out
}

fn text_value(v: &Value, id: Option<&str>, keys: Option<&[String]>, out: &mut String) {
    match v {
        Value::Object(m) => text_object(m, id, keys, out),
        Value::Array(items) => text_list(items, id, out),
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

fn text_list(items: &[Value], id: Option<&str>, out: &mut String) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(Value::is_object) {
        let mut keys: Vec<String> = items
            .iter()
            .filter_map(Value::as_object)
            .flat_map(|m| {
                m.iter()
                    .filter(|(_, v)| is_scalar(v))
                    .map(|(k, _)| k.clone())
            })
            .collect();
        stable_sort(&mut keys);
        keys.dedup();
        for item in items {
            text_value(item, id, Some(&keys), out);
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, nested): (Vec<&Value>, Vec<&Value>) =
            items.iter().partition(|v| is_scalar(v));
        if !scalars.is_empty() {
            text_scalar_list(&scalars, id, out);
        }
        for n in nested {
            text_value(n, id, None, out);
        }
    } else {
        text_scalar_list(&items.iter().collect::<Vec<_>>(), id, out);
    }
}

fn text_scalar_list(items: &[&Value], id: Option<&str>, out: &mut String) {
    match id {
        Some(id) => {
            for v in items {
                out.push_str(&format!("{}\t{}\n", id.to_uppercase(), scalar(v)));
            }
        }
        None => {
            out.push_str(
                &items
                    .iter()
                    .map(|v| scalar(v))
                    .collect::<Vec<_>>()
                    .join("\t"),
            );
            out.push('\n');
        }
    }
}

fn text_object(
    m: &Map<String, Value>,
    id: Option<&str>,
    keys: Option<&[String]>,
    out: &mut String,
) {
    let mut scalars: Vec<String> = Vec::new();
    let mut nested: Vec<(&String, &Value)> = Vec::new();
    match keys {
        None => {
            let mut sorted: Vec<(&String, &Value)> = m.iter().collect();
            stable_sort_by(&mut sorted, super::by_key);
            for (k, v) in sorted {
                if is_scalar(v) {
                    scalars.push(scalar(v));
                } else {
                    nested.push((k, v));
                }
            }
        }
        Some(keys) => {
            for k in keys {
                scalars.push(m.get(k).map(scalar).unwrap_or_default());
            }
            let mut rest: Vec<(&String, &Value)> =
                m.iter().filter(|(k, _)| !keys.contains(k)).collect();
            stable_sort_by(&mut rest, super::by_key);
            nested = rest;
        }
    }
    if !scalars.is_empty() {
        if let Some(id) = id {
            scalars.insert(0, id.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (k, v) in nested {
        text_value(v, Some(k), None, out);
    }
}

/// The result keys of the operations the AWS CLI pages through itself.
fn result_keys(operation: &str) -> &'static [&'static str] {
    match operation {
        "ListQueues" => &["QueueUrls"],
        "ListDeadLetterSourceQueues" => &["queueUrls"],
        "ListTopics" => &["Topics"],
        "ListSubscriptions" | "ListSubscriptionsByTopic" => &["Subscriptions"],
        _ => &[],
    }
}

/// What the text formatter prints one at a time, each queried on its own. Unlike the other
/// formats it does not merge a paged operation's pages: it prints each page with every
/// result key set (a missing list becomes `null`, printed `None`), then the token to go on
/// with (`--max-items`) as its own `{"NextToken": {"NextToken": ...}}`, which prints as a
/// `NEXTTOKEN` line after the items and, under `--query NextToken`, after a `None`. Fanout
/// answers with one page, so there is at most one page here.
pub(super) fn pages(doc: &Value, operation: &str) -> Vec<Value> {
    let keys = result_keys(operation);
    let Some(m) = doc.as_object().filter(|_| !keys.is_empty()) else {
        return vec![doc.clone()];
    };
    let mut page: Map<String, Value> = m
        .iter()
        .filter(|(k, _)| !keys.contains(&k.as_str()) && *k != "NextToken")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for key in keys {
        page.insert(
            (*key).to_string(),
            m.get(*key).cloned().unwrap_or(Value::Null),
        );
    }
    let mut pages = vec![Value::Object(page)];
    if let Some(token) = m.get("NextToken") {
        pages.push(serde_json::json!({ "NextToken": { "NextToken": token } }));
    }
    pages
}
