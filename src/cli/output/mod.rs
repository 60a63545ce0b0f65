//! Responses in the shapes and formats the AWS CLI prints.
//!
//! Members appear in the order of the API's output shapes (the AWS CLI builds each
//! response in model order) and only when present. Since SQS moved to its JSON protocol
//! (late 2023) it leaves out empty lists even where the model marks them required: a batch
//! where nothing failed has no `Failed` (aws/aws-sdk#657; LocalStack and ElasticMQ changed
//! to match), and a receive that found nothing prints nothing.

use crate::engine::{
    BatchFailure, MessageAttributes, MoveTaskReport, ReceivedMessage, Reply, SendResult,
};
use base64::Engine as _;
use serde_json::{json, Map, Value};

mod table;
mod text;
mod wide;
mod yaml;

pub use table::format_table;
pub use text::format_text;
pub use yaml::format_yaml;

/// The order of an object's entries by key, as one function so that the outputs that sort
/// entries share one copy of the sort in the page's WebAssembly.
fn by_key(a: &(&String, &Value), b: &(&String, &Value)) -> std::cmp::Ordering {
    a.0.cmp(b.0)
}

/// The response document of an operation, keys in the API's member order.
pub fn response(reply: &Reply) -> Value {
    let mut m = Map::new();
    match reply {
        Reply::QueueUrl(url) => {
            m.insert("QueueUrl".into(), json!(url));
        }
        Reply::Done | Reply::ReceivePending(_) => {}
        Reply::QueueUrls {
            queue_urls,
            next_token,
        } => {
            non_empty(&mut m, "QueueUrls", queue_urls.iter().map(|u| json!(u)));
            optional(&mut m, "NextToken", next_token.as_ref());
        }
        Reply::MessageSent(sent) => {
            m.insert("MD5OfMessageBody".into(), json!(sent.md5_of_message_body));
            optional(
                &mut m,
                "MD5OfMessageAttributes",
                sent.md5_of_message_attributes.as_ref(),
            );
            optional(
                &mut m,
                "MD5OfMessageSystemAttributes",
                sent.md5_of_message_system_attributes.as_ref(),
            );
            m.insert("MessageId".into(), json!(sent.message_id));
            optional(&mut m, "SequenceNumber", sent.sequence_number.as_ref());
        }
        Reply::SendBatch { successful, failed } => {
            non_empty(
                &mut m,
                "Successful",
                successful.iter().map(|(id, sent)| batch_sent(id, sent)),
            );
            non_empty(&mut m, "Failed", failed.iter().map(batch_failure));
        }
        Reply::Messages(messages) => {
            non_empty(&mut m, "Messages", messages.iter().map(message));
        }
        Reply::Batch { successful, failed } => {
            non_empty(
                &mut m,
                "Successful",
                successful.iter().map(|id| json!({ "Id": id })),
            );
            non_empty(&mut m, "Failed", failed.iter().map(batch_failure));
        }
        Reply::Attributes(attributes) => {
            if !attributes.is_empty() {
                let a: Map<String, Value> = attributes
                    .iter()
                    .map(|(k, v)| (k.clone(), json!(v)))
                    .collect();
                m.insert("Attributes".into(), Value::Object(a));
            }
        }
        Reply::Tags(tags) => {
            if !tags.is_empty() {
                m.insert("Tags".into(), json!(tags));
            }
        }
        Reply::DeadLetterSourceQueues {
            queue_urls,
            next_token,
        } => {
            // The API spells this member in lower camel case.
            non_empty(&mut m, "queueUrls", queue_urls.iter().map(|u| json!(u)));
            optional(&mut m, "NextToken", next_token.as_ref());
        }
        Reply::TaskHandle(handle) => {
            m.insert("TaskHandle".into(), json!(handle));
        }
        Reply::MoveTasks(tasks) => {
            non_empty(&mut m, "Results", tasks.iter().map(move_task));
        }
        Reply::MessagesMoved(n) => {
            m.insert("ApproximateNumberOfMessagesMoved".into(), json!(n));
        }
        // SNS speaks the query protocol: empty lists are sent, and printed, as [].
        Reply::TopicArn(arn) => {
            m.insert("TopicArn".into(), json!(arn));
        }
        Reply::SubscriptionArn(arn) => {
            m.insert("SubscriptionArn".into(), json!(arn));
        }
        Reply::Topics {
            topic_arns,
            next_token,
        } => {
            let topics: Vec<Value> = topic_arns
                .iter()
                .map(|a| json!({ "TopicArn": a }))
                .collect();
            m.insert("Topics".into(), Value::Array(topics));
            optional(&mut m, "NextToken", next_token.as_ref());
        }
        Reply::Subscriptions {
            subscriptions,
            next_token,
        } => {
            let rows: Vec<Value> = subscriptions
                .iter()
                .map(|s| {
                    json!({
                        "SubscriptionArn": s.subscription_arn,
                        "Owner": s.owner,
                        "Protocol": s.protocol,
                        "Endpoint": s.endpoint,
                        "TopicArn": s.topic_arn,
                    })
                })
                .collect();
            m.insert("Subscriptions".into(), Value::Array(rows));
            optional(&mut m, "NextToken", next_token.as_ref());
        }
        Reply::Published(p) => {
            m.insert("MessageId".into(), json!(p.message_id));
            optional(&mut m, "SequenceNumber", p.sequence_number.as_ref());
        }
        Reply::PublishBatch { successful, failed } => {
            let ok: Vec<Value> = successful
                .iter()
                .map(|(id, p)| {
                    let mut o = Map::new();
                    o.insert("Id".into(), json!(id));
                    o.insert("MessageId".into(), json!(p.message_id));
                    optional(&mut o, "SequenceNumber", p.sequence_number.as_ref());
                    Value::Object(o)
                })
                .collect();
            m.insert("Successful".into(), Value::Array(ok));
            let bad: Vec<Value> = failed
                .iter()
                .map(|f| {
                    json!({
                        "Id": f.id,
                        "Code": f.code,
                        "Message": f.message,
                        "SenderFault": f.sender_fault,
                    })
                })
                .collect();
            m.insert("Failed".into(), Value::Array(bad));
        }
        Reply::ResourceTags(tags) => {
            let list: Vec<Value> = tags
                .iter()
                .map(|(k, v)| json!({ "Key": k, "Value": v }))
                .collect();
            m.insert("Tags".into(), Value::Array(list));
        }
    }
    Value::Object(m)
}

fn optional<T: serde::Serialize>(m: &mut Map<String, Value>, key: &str, v: Option<T>) {
    if let Some(v) = v {
        m.insert(key.into(), json!(v));
    }
}

/// A list member, left out when empty (SQS does not send empty lists).
fn non_empty(m: &mut Map<String, Value>, key: &str, items: impl Iterator<Item = Value>) {
    let items: Vec<Value> = items.collect();
    if !items.is_empty() {
        m.insert(key.into(), Value::Array(items));
    }
}

fn batch_sent(id: &str, sent: &SendResult) -> Value {
    let mut o = Map::new();
    o.insert("Id".into(), json!(id));
    o.insert("MessageId".into(), json!(sent.message_id));
    o.insert("MD5OfMessageBody".into(), json!(sent.md5_of_message_body));
    optional(
        &mut o,
        "MD5OfMessageAttributes",
        sent.md5_of_message_attributes.as_ref(),
    );
    optional(
        &mut o,
        "MD5OfMessageSystemAttributes",
        sent.md5_of_message_system_attributes.as_ref(),
    );
    optional(&mut o, "SequenceNumber", sent.sequence_number.as_ref());
    Value::Object(o)
}

fn batch_failure(f: &BatchFailure) -> Value {
    json!({ "Id": f.id, "SenderFault": f.sender_fault, "Code": f.code, "Message": f.message })
}

fn move_task(t: &MoveTaskReport) -> Value {
    let mut o = Map::new();
    optional(&mut o, "TaskHandle", t.task_handle.as_ref());
    o.insert("Status".into(), json!(t.status));
    o.insert("SourceArn".into(), json!(t.source_arn));
    optional(&mut o, "DestinationArn", t.destination_arn.as_ref());
    optional(
        &mut o,
        "MaxNumberOfMessagesPerSecond",
        t.max_number_of_messages_per_second,
    );
    o.insert(
        "ApproximateNumberOfMessagesMoved".into(),
        json!(t.approximate_number_of_messages_moved),
    );
    o.insert(
        "ApproximateNumberOfMessagesToMove".into(),
        json!(t.approximate_number_of_messages_to_move),
    );
    optional(&mut o, "FailureReason", t.failure_reason.as_ref());
    o.insert("StartedTimestamp".into(), json!(t.started_timestamp));
    Value::Object(o)
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
    optional(
        &mut o,
        "MD5OfMessageAttributes",
        m.md5_of_message_attributes.as_ref(),
    );
    if !m.message_attributes.is_empty() {
        o.insert(
            "MessageAttributes".into(),
            message_attributes(&m.message_attributes),
        );
    }
    Value::Object(o)
}

/// `{Name: {StringValue | BinaryValue (base64), DataType}}`, members in API order.
fn message_attributes(attrs: &MessageAttributes) -> Value {
    let m: Map<String, Value> = attrs
        .iter()
        .map(|(name, v)| {
            let mut o = Map::new();
            optional(&mut o, "StringValue", v.string_value.as_ref());
            if let Some(b) = &v.binary_value {
                o.insert(
                    "BinaryValue".into(),
                    json!(base64::engine::general_purpose::STANDARD.encode(b)),
                );
            }
            o.insert("DataType".into(), json!(v.data_type));
            (name.clone(), Value::Object(o))
        })
        .collect();
    Value::Object(m)
}

/// Applies `--query` (JMESPath) to a response.
pub fn query(doc: &Value, expression: &str) -> Result<Value, String> {
    let expr = jmespath::compile(&lenient_literals(expression)).map_err(|e| {
        format!(
            "Bad value for --query {expression}: {}",
            parse_error(expression, &e)
        )
    })?;
    let data = jmespath::Variable::from_serializable(doc).map_err(|e| e.to_string())?;
    let result = expr
        .search(data)
        .map_err(|e| format!("Bad value for --query {expression}: {e}"))?;
    serde_json::to_value(&*result).map_err(|e| e.to_string())
}

/// The AWS CLI's words for an expression that does not compile. An expression that ends
/// too soon (the common slip: an unclosed `[?` or `[`) gets Python jmespath's
/// `IncompleteExpressionError` text, caret under the end, as the real CLI prints it
/// (cross-checked, docs/BAD_INPUT.md `usage-101`); the crate's own text, which names its
/// internal tokens, is kept for other parse errors.
fn parse_error(expression: &str, e: &jmespath::JmespathError) -> String {
    match &e.reason {
        jmespath::ErrorReason::Parse(reason) if reason.ends_with("found Eof") => format!(
            "Invalid jmespath expression: Incomplete expression:\n\"{expression}\"\n{}^",
            " ".repeat(expression.chars().count() + 1)
        ),
        _ => e.to_string(),
    }
}

/// The AWS CLI's JMESPath (Python) still accepts a backtick literal that is not JSON, such
/// as `` `alice` ``, reading it as the string it spells (a deprecated leniency that course
/// material relies on). The jmespath crate follows the spec strictly, so such literals are
/// quoted before compiling, exactly as Python's lexer retries them.
fn lenient_literals(expression: &str) -> String {
    let mut out = String::with_capacity(expression.len());
    let mut rest = expression;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        // A literal ends at the next backtick not escaped by a backslash.
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '`' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else {
            out.push_str(&rest[start..]);
            return out;
        };
        let literal = &after[..end];
        let json_text = literal.replace("\\`", "`");
        if serde_json::from_str::<Value>(&json_text).is_ok() {
            out.push('`');
            out.push_str(literal);
            out.push('`');
        } else {
            out.push('`');
            out.push_str(&serde_json::to_string(json_text.trim_start()).expect("a string"));
            out.push('`');
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The `--output` formats, in the order the AWS CLI v2 lists them.
pub const OUTPUT_FORMATS: &[&str] = &["json", "text", "table", "yaml", "yaml-stream", "off"];

/// A response that could not be printed, with the AWS CLI's message and exit status.
#[derive(Debug, PartialEq, Eq)]
pub struct RenderError {
    pub message: String,
    pub status: i32,
}

/// Applies `--query` and prints a response of `operation` (e.g. `ListQueues`, the table's
/// title) in the chosen `--output` format, JSON by default.
///
/// What each format prints for nothing follows the CLI's formatters: JSON and YAML leave
/// out exactly `{}`, the table leaves out every falsy value (`{}`, `[]`, `""`, `0`,
/// `false`, `null`), text prints `null` as `None`, and yaml-stream prints even `{}`.
pub fn render(
    doc: &Value,
    query_expression: Option<&str>,
    output: Option<&str>,
    operation: &str,
) -> Result<String, RenderError> {
    let queried = |v: &Value| match query_expression {
        Some(q) => query(v, q).map_err(|message| RenderError {
            message: format!("\n{message}\n"),
            status: super::EXIT_USAGE,
        }),
        None => Ok(v.clone()),
    };
    // Text is printed page by page, each page queried on its own (see text::pages).
    if output == Some("text") {
        let mut out = String::new();
        for page in text::pages(doc, operation) {
            out.push_str(&format_text(&queried(&page)?));
        }
        return Ok(out);
    }
    let doc = queried(doc)?;
    Ok(match output {
        Some("table") => table::format_table(&doc, operation).map_err(|message| RenderError {
            message: format!("\n{message}\n"),
            status: super::EXIT_GENERAL,
        })?,
        Some("yaml") if !is_empty_object(&doc) => yaml::format_yaml(&doc),
        Some("yaml-stream") => yaml::format_yaml(&Value::Array(vec![doc])),
        Some("yaml") | Some("off") => String::new(),
        _ if is_empty_object(&doc) => String::new(),
        _ => format_json(&doc),
    })
}

fn is_empty_object(v: &Value) -> bool {
    v.as_object().is_some_and(Map::is_empty)
}

pub(super) fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_indented_by_four() {
        assert_eq!(
            format_json(&json!({"QueueUrl": "u"})),
            "{\n    \"QueueUrl\": \"u\"\n}\n"
        );
        assert_eq!(
            render(&json!({}), None, None, "DeleteQueue"),
            Ok(String::new())
        );
        assert_eq!(
            render(
                &json!({"QueueUrls": []}),
                Some("QueueUrls[0]"),
                None,
                "ListQueues"
            ),
            Ok("null\n".into())
        );
    }

    #[test]
    fn what_each_format_prints_for_nothing() {
        let empty = json!({});
        let print = |doc: &Value, output: &str| render(doc, None, Some(output), "Op").unwrap();
        for output in ["json", "text", "table", "yaml", "off"] {
            assert_eq!(print(&empty, output), "", "{output}");
        }
        assert_eq!(print(&empty, "yaml-stream"), "- {}\n");
        let falsy = json!({"Topics": []});
        assert_eq!(print(&falsy, "table"), "----\n|Op|\n+--+\n");
        assert_eq!(print(&falsy, "yaml"), "Topics: []\n");
        assert_eq!(
            render(
                &json!({"QueueUrls": []}),
                Some("length(QueueUrls)"),
                Some("table"),
                "Op"
            ),
            Ok(String::new())
        );
    }

    #[test]
    fn text_prints_a_paged_list_then_its_token() {
        let doc = json!({"QueueUrls": ["a", "b"], "NextToken": "t"});
        let text = |q: Option<&str>| render(&doc, q, Some("text"), "ListQueues").unwrap();
        assert_eq!(text(None), "QUEUEURLS\ta\nQUEUEURLS\tb\nNEXTTOKEN\tt\n");
        assert_eq!(text(Some("NextToken")), "None\nt\n");
        assert_eq!(
            render(&json!({}), None, Some("text"), "ListQueues"),
            Ok("None\n".into())
        );
        assert_eq!(
            render(&doc, Some("QueueUrls["), Some("text"), "ListQueues")
                .unwrap_err()
                .status,
            crate::cli::EXIT_USAGE
        );
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

    /// MessageIds for the tags the tests use ("m", "m1", "m2"), and their text.
    const M: &str = "11111111-1111-4111-9111-111111111111";
    const M1: &str = "22222222-2222-4222-a222-222222222222";
    const M2: &str = "33333333-3333-4333-b333-333333333333";
    fn id(tag: &str) -> crate::engine::MessageId {
        let text = match tag {
            "m" => M,
            "m1" => M1,
            _ => M2,
        };
        crate::engine::MessageId::parse(text).expect("a UUID")
    }

    fn sent(tag: &str, attrs: Option<&str>, seq: Option<&str>) -> SendResult {
        SendResult {
            message_id: id(tag),
            md5_of_message_body: crate::engine::Md5Digest::of(tag.as_bytes()),
            md5_of_message_attributes: attrs.map(str::to_string),
            md5_of_message_system_attributes: None,
            sequence_number: seq.map(str::to_string),
        }
    }

    fn failure(id: &str) -> BatchFailure {
        BatchFailure {
            id: id.into(),
            sender_fault: true,
            code: "InvalidParameterValue".into(),
            message: "bad".into(),
        }
    }

    /// The JSON the AWS CLI prints, compared as text so that key order counts.
    fn printed(reply: &Reply) -> String {
        format_json(&response(reply))
    }

    #[test]
    fn send_message_members_in_api_order() {
        let mut s = sent("m", Some("ma"), Some("1"));
        s.md5_of_message_system_attributes = Some("ms".into());
        assert_eq!(
            printed(&Reply::MessageSent(s)),
            format_json(
                &json!({"MD5OfMessageBody": "6f8f57715090da2632453988d9a1501b", "MD5OfMessageAttributes": "ma",
                "MD5OfMessageSystemAttributes": "ms", "MessageId": M, "SequenceNumber": "1"})
            )
        );
        assert_eq!(
            printed(&Reply::MessageSent(sent("m", None, None))),
            format!("{{\n    \"MD5OfMessageBody\": \"6f8f57715090da2632453988d9a1501b\",\n    \"MessageId\": \"{M}\"\n}}\n")
        );
        assert_eq!(
            format_text(&response(&Reply::MessageSent(sent(
                "m",
                Some("ma"),
                Some("1")
            )))),
            format!("ma\t6f8f57715090da2632453988d9a1501b\t{M}\t1\n")
        );
    }

    #[test]
    fn backtick_literals_that_are_not_json_read_as_strings() {
        let doc = json!({"Messages": [{"G": "alice", "B": 1}, {"G": "bob", "B": 2}]});
        assert_eq!(query(&doc, "Messages[?G==`alice`].B").unwrap(), json!([1]));
        assert_eq!(query(&doc, "Messages[?B==`2`].G").unwrap(), json!(["bob"]));
        assert_eq!(query(&doc, "`\"x\"`").unwrap(), json!("x"));
    }

    #[test]
    fn send_batch_lists_only_what_happened() {
        let all_ok = Reply::SendBatch {
            successful: vec![
                ("a".into(), sent("m1", None, None)),
                ("b".into(), sent("m2", Some("ma"), None)),
            ],
            failed: vec![],
        };
        assert_eq!(
            printed(&all_ok),
            format_json(&json!({"Successful": [
                            {"Id": "a", "MessageId": M1, "MD5OfMessageBody": "ae7be26cdaa742ca148068d5ac90eaca"},
                            {"Id": "b", "MessageId": M2, "MD5OfMessageBody": "aaf2f89992379705dac844c0a2a1d45f", "MD5OfMessageAttributes": "ma"}],
            }))
        );
        let none_ok = Reply::SendBatch {
            successful: vec![],
            failed: vec![failure("c")],
        };
        assert_eq!(
            printed(&none_ok),
            format_json(&json!({"Failed": [
                {"Id": "c", "SenderFault": true, "Code": "InvalidParameterValue", "Message": "bad"}]}))
        );
        let mixed = Reply::SendBatch {
            successful: vec![
                ("a".into(), sent("m1", None, None)),
                ("b".into(), sent("m2", Some("ma"), None)),
            ],
            failed: vec![failure("c")],
        };
        assert_eq!(
            format_text(&response(&mixed)),
            format!("FAILED\tInvalidParameterValue\tc\tbad\tTrue\nSUCCESSFUL\ta\t\tae7be26cdaa742ca148068d5ac90eaca\t{M1}\nSUCCESSFUL\tb\tma\taaf2f89992379705dac844c0a2a1d45f\t{M2}\n")
        );
    }

    #[test]
    fn delete_and_visibility_batches() {
        let r = Reply::Batch {
            successful: vec!["1".into(), "2".into()],
            failed: vec![failure("3")],
        };
        assert_eq!(
            printed(&r),
            format_json(&json!({"Successful": [{"Id": "1"}, {"Id": "2"}],
                "Failed": [{"Id": "3", "SenderFault": true, "Code": "InvalidParameterValue", "Message": "bad"}]}))
        );
        let r = Reply::Batch {
            successful: vec!["1".into()],
            failed: vec![],
        };
        assert_eq!(
            printed(&r),
            format_json(&json!({"Successful": [{"Id": "1"}]}))
        );
    }

    #[test]
    fn messages_with_message_attributes() {
        let mut attrs = MessageAttributes::new();
        attrs.insert(
            "color".into(),
            crate::engine::MessageAttributeValue {
                data_type: "String".into(),
                string_value: Some("red".into()),
                binary_value: None,
            },
        );
        attrs.insert(
            "blob".into(),
            crate::engine::MessageAttributeValue {
                data_type: "Binary".into(),
                string_value: None,
                binary_value: Some(b"hi".to_vec()),
            },
        );
        let m = ReceivedMessage {
            message_id: id("m"),
            receipt_handle: "r".into(),
            md5_of_body: crate::engine::Md5Digest::of(b"b"),
            body: "b".into(),
            attributes: vec![("SentTimestamp".into(), "2".into())],
            message_attributes: attrs,
            md5_of_message_attributes: Some("ma".into()),
        };
        let doc = response(&Reply::Messages(vec![m]));
        assert_eq!(
            format_json(&doc),
            format_json(
                &json!({"Messages": [{"MessageId": M, "ReceiptHandle": "r", "MD5OfBody": "92eb5ffee6ae2fec3ad71c777531578f",
                "Body": "b", "Attributes": {"SentTimestamp": "2"}, "MD5OfMessageAttributes": "ma",
                "MessageAttributes": {"blob": {"BinaryValue": "aGk=", "DataType": "Binary"},
                                      "color": {"StringValue": "red", "DataType": "String"}}}]})
            )
        );
        assert_eq!(
            format_text(&doc),
            format!("MESSAGES\tb\t92eb5ffee6ae2fec3ad71c777531578f\tma\t{M}\tr\nATTRIBUTES\t2\nBLOB\taGk=\tBinary\nCOLOR\tString\tred\n")
        );
        assert_eq!(response(&Reply::Messages(vec![])), json!({}));
    }

    #[test]
    fn tags_queues_and_move_tasks() {
        let tags: std::collections::BTreeMap<String, String> = [
            ("team".to_string(), "red".to_string()),
            ("env".into(), "dev".into()),
        ]
        .into();
        let doc = response(&Reply::Tags(tags));
        assert_eq!(doc, json!({"Tags": {"env": "dev", "team": "red"}}));
        assert_eq!(format_text(&doc), "TAGS\tdev\tred\n");
        assert_eq!(response(&Reply::Tags(Default::default())), json!({}));

        let doc = response(&Reply::DeadLetterSourceQueues {
            queue_urls: vec!["u1".into(), "u2".into()],
            next_token: Some("t".into()),
        });
        assert_eq!(
            format_json(&doc),
            format_json(&json!({"queueUrls": ["u1", "u2"], "NextToken": "t"}))
        );
        assert_eq!(format_text(&doc), "t\nQUEUEURLS\tu1\nQUEUEURLS\tu2\n");
        assert_eq!(
            response(&Reply::DeadLetterSourceQueues {
                queue_urls: vec![],
                next_token: None
            }),
            json!({})
        );

        assert_eq!(
            response(&Reply::TaskHandle("h".into())),
            json!({"TaskHandle": "h"})
        );
        let doc = response(&Reply::MessagesMoved(0));
        assert_eq!(doc, json!({"ApproximateNumberOfMessagesMoved": 0}));
        assert_eq!(format_text(&doc), "0\n");

        let running = MoveTaskReport {
            task_handle: Some("h".into()),
            status: "RUNNING".into(),
            source_arn: "s".into(),
            destination_arn: Some("d".into()),
            max_number_of_messages_per_second: Some(50),
            approximate_number_of_messages_moved: 3,
            approximate_number_of_messages_to_move: 7,
            failure_reason: None,
            started_timestamp: 1_700_000_000_000,
        };
        let failed = MoveTaskReport {
            task_handle: None,
            status: "FAILED".into(),
            source_arn: "s".into(),
            destination_arn: None,
            max_number_of_messages_per_second: None,
            approximate_number_of_messages_moved: 0,
            approximate_number_of_messages_to_move: 7,
            failure_reason: Some("AccessDenied".into()),
            started_timestamp: 1,
        };
        let doc = response(&Reply::MoveTasks(vec![running, failed]));
        assert_eq!(
            format_json(&doc),
            format_json(&json!({"Results": [
                {"TaskHandle": "h", "Status": "RUNNING", "SourceArn": "s", "DestinationArn": "d",
                 "MaxNumberOfMessagesPerSecond": 50, "ApproximateNumberOfMessagesMoved": 3,
                 "ApproximateNumberOfMessagesToMove": 7, "StartedTimestamp": 1_700_000_000_000_u64},
                {"Status": "FAILED", "SourceArn": "s", "ApproximateNumberOfMessagesMoved": 0,
                 "ApproximateNumberOfMessagesToMove": 7, "FailureReason": "AccessDenied",
                 "StartedTimestamp": 1}]}))
        );
        assert_eq!(
            format_text(&doc),
            "RESULTS\t3\t7\td\t\t50\ts\t1700000000000\tRUNNING\th\nRESULTS\t0\t7\t\tAccessDenied\t\ts\t1\tFAILED\t\n"
        );
    }

    #[test]
    fn query_selects() {
        let doc = json!({"Messages": [{"Body": "a"}, {"Body": "b"}]});
        assert_eq!(query(&doc, "Messages[].Body").unwrap(), json!(["a", "b"]));
        assert_eq!(query(&json!({}), "Messages[].Body").unwrap(), Value::Null);
        assert!(query(&doc, "Messages[").is_err());
    }
}
