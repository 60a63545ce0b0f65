//! Responses in the shapes and formats the AWS CLI prints.

use crate::engine::{ReceivedMessage, Reply};
use serde_json::{json, Map, Value};

/// The response document of an operation, keys in the API's member order.
pub fn response(reply: &Reply) -> Value {
    match reply {
        Reply::QueueUrl(url) => json!({ "QueueUrl": url }),
        Reply::Done | Reply::ReceivePending(_) => json!({}),
        Reply::QueueUrls {
            queue_urls,
            next_token,
        } => {
            let mut m = Map::new();
            if !queue_urls.is_empty() {
                m.insert("QueueUrls".into(), json!(queue_urls));
            }
            if let Some(t) = next_token {
                m.insert("NextToken".into(), json!(t));
            }
            Value::Object(m)
        }
        Reply::MessageSent(sent) => {
            json!({ "MD5OfMessageBody": sent.md5_of_message_body, "MessageId": sent.message_id })
        }
        Reply::Messages(messages) if messages.is_empty() => json!({}),
        Reply::Messages(messages) => {
            json!({ "Messages": messages.iter().map(message).collect::<Vec<_>>() })
        }
        Reply::Attributes(attributes) if attributes.is_empty() => json!({}),
        Reply::Attributes(attributes) => {
            let m: Map<String, Value> = attributes
                .iter()
                .map(|(k, v)| (k.clone(), json!(v)))
                .collect();
            json!({ "Attributes": m })
        }
        _ => json!({}),
    }
}

fn message(m: &ReceivedMessage) -> Value {
    let mut o = Map::new();
    o.insert("MessageId".into(), json!(m.message_id));
    o.insert("ReceiptHandle".into(), json!(m.receipt_handle));
    o.insert("MD5OfBody".into(), json!(m.md5_of_body));
    o.insert("Body".into(), json!(&*m.body));
    if !m.attributes.is_empty() {
        let a: Map<String, Value> = m
            .attributes
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect();
        o.insert("Attributes".into(), Value::Object(a));
    }
    Value::Object(o)
}

/// Applies `--query` (JMESPath) to a response.
pub fn query(doc: &Value, expression: &str) -> Result<Value, String> {
    let expr = jmespath::compile(expression)
        .map_err(|e| format!("Bad value for --query {expression}: {e}"))?;
    let data = jmespath::Variable::from_serializable(doc).map_err(|e| e.to_string())?;
    let result = expr
        .search(data)
        .map_err(|e| format!("Bad value for --query {expression}: {e}"))?;
    serde_json::to_value(&*result).map_err(|e| e.to_string())
}

/// Prints a response in the chosen `--output` format (JSON unless `text`). An empty
/// response prints nothing in any format, unless `--query` shaped it (then `{}` or `null`
/// is the answer and is printed).
pub fn render(doc: &Value, output: Option<&str>, queried: bool) -> String {
    if !queried && doc.as_object().is_some_and(Map::is_empty) {
        return String::new();
    }
    match output {
        Some("text") => format_text(doc),
        _ => format_json(doc),
    }
}

/// `--output json`: 4-space indent, non-ASCII kept as is (like Python's `json.dumps`).
pub fn format_json(doc: &Value) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(doc, &mut ser).expect("JSON values serialize");
    let mut s = String::from_utf8(buf).expect("serde_json writes UTF-8");
    s.push('\n');
    s
}

/// `--output text`: the AWS CLI's text layout (tab-separated scalars, keys sorted,
/// nested values on their own lines headed by the upper-cased key).
pub fn format_text(doc: &Value) -> String {
    let mut out = String::new();
    text_value(doc, None, None, &mut out);
    out
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
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
        keys.sort();
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
            sorted.sort_by(|a, b| a.0.cmp(b.0));
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
            rest.sort_by(|a, b| a.0.cmp(b.0));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_indented_by_four() {
        assert_eq!(
            format_json(&json!({"QueueUrl": "u"})),
            "{\n    \"QueueUrl\": \"u\"\n}\n"
        );
        assert_eq!(render(&json!({}), None, false), "");
        assert_eq!(render(&Value::Null, None, true), "null\n");
    }

    #[test]
    fn text_layout_matches_aws_cli() {
        let doc = json!({"Messages": [{"MessageId": "m", "ReceiptHandle": "r", "MD5OfBody": "5", "Body": "b",
            "Attributes": {"SentTimestamp": "2", "ApproximateReceiveCount": "1"}}]});
        assert_eq!(
            format_text(&doc),
            "MESSAGES\tb\t5\tm\tr\nATTRIBUTES\t1\t2\n"
        );
        assert_eq!(
            format_text(&json!({"QueueUrls": ["a", "b"]})),
            "QUEUEURLS\ta\nQUEUEURLS\tb\n"
        );
        assert_eq!(format_text(&json!(["x", "y"])), "x\ty\n");
        assert_eq!(format_text(&Value::Null), "None\n");
    }

    #[test]
    fn query_selects() {
        let doc = json!({"Messages": [{"Body": "a"}, {"Body": "b"}]});
        assert_eq!(query(&doc, "Messages[].Body").unwrap(), json!(["a", "b"]));
        assert_eq!(query(&json!({}), "Messages[].Body").unwrap(), Value::Null);
        assert!(query(&doc, "Messages[").is_err());
    }
}
