//! `aws sqs <operation> --option value ...` → an engine [`Command`], with the AWS CLI's
//! usage errors. Each operation is a row of data: its options and their kinds.

use crate::engine::{Command, MessageInput, ReceiveInput};
use serde_json::Value;
use std::collections::BTreeMap;

/// How the AWS CLI reads an option's value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Text,
    Integer,
    /// One or more values (`--attribute-names All SentTimestamp`).
    List,
    /// `Key=Value,Key2=Value2` shorthand or a JSON object of strings.
    Map,
    /// Accepted for compatibility; has no effect on a standard queue.
    Ignored,
    /// Named in AWS but not simulated yet: refused with a clear message.
    NotYet,
}

pub struct OptionSpec {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

pub struct OperationSpec {
    pub name: &'static str,
    pub operation: &'static str,
    pub options: &'static [OptionSpec],
}

const fn opt(name: &'static str, kind: Kind, required: bool) -> OptionSpec {
    OptionSpec {
        name,
        kind,
        required,
    }
}

const QUEUE_URL: OptionSpec = opt("--queue-url", Kind::Text, true);

pub const SQS_OPERATIONS: &[OperationSpec] = &[
    OperationSpec {
        name: "create-queue",
        operation: "CreateQueue",
        options: &[
            opt("--queue-name", Kind::Text, true),
            opt("--attributes", Kind::Map, false),
            opt("--tags", Kind::NotYet, false),
        ],
    },
    OperationSpec {
        name: "delete-queue",
        operation: "DeleteQueue",
        options: &[QUEUE_URL],
    },
    OperationSpec {
        name: "get-queue-url",
        operation: "GetQueueUrl",
        options: &[
            opt("--queue-name", Kind::Text, true),
            opt("--queue-owner-aws-account-id", Kind::Ignored, false),
        ],
    },
    OperationSpec {
        name: "list-queues",
        operation: "ListQueues",
        options: &[
            opt("--queue-name-prefix", Kind::Text, false),
            opt("--max-results", Kind::Integer, false),
            opt("--next-token", Kind::Text, false),
            opt("--max-items", Kind::Integer, false),
            opt("--starting-token", Kind::Text, false),
            opt("--page-size", Kind::Integer, false),
        ],
    },
    OperationSpec {
        name: "send-message",
        operation: "SendMessage",
        options: &[
            QUEUE_URL,
            opt("--message-body", Kind::Text, true),
            opt("--delay-seconds", Kind::Integer, false),
            opt("--message-attributes", Kind::NotYet, false),
            opt("--message-system-attributes", Kind::NotYet, false),
            opt("--message-deduplication-id", Kind::NotYet, false),
            opt("--message-group-id", Kind::NotYet, false),
        ],
    },
    OperationSpec {
        name: "receive-message",
        operation: "ReceiveMessage",
        options: &[
            QUEUE_URL,
            opt("--attribute-names", Kind::List, false),
            opt("--message-system-attribute-names", Kind::List, false),
            opt("--message-attribute-names", Kind::Ignored, false),
            opt("--max-number-of-messages", Kind::Integer, false),
            opt("--visibility-timeout", Kind::Integer, false),
            opt("--wait-time-seconds", Kind::Integer, false),
            opt("--receive-request-attempt-id", Kind::Ignored, false),
        ],
    },
    OperationSpec {
        name: "delete-message",
        operation: "DeleteMessage",
        options: &[QUEUE_URL, opt("--receipt-handle", Kind::Text, true)],
    },
    OperationSpec {
        name: "change-message-visibility",
        operation: "ChangeMessageVisibility",
        options: &[
            QUEUE_URL,
            opt("--receipt-handle", Kind::Text, true),
            opt("--visibility-timeout", Kind::Integer, true),
        ],
    },
    OperationSpec {
        name: "get-queue-attributes",
        operation: "GetQueueAttributes",
        options: &[QUEUE_URL, opt("--attribute-names", Kind::List, false)],
    },
    OperationSpec {
        name: "set-queue-attributes",
        operation: "SetQueueAttributes",
        options: &[QUEUE_URL, opt("--attributes", Kind::Map, true)],
    },
    OperationSpec {
        name: "purge-queue",
        operation: "PurgeQueue",
        options: &[QUEUE_URL],
    },
];

/// Options every `aws` command takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GlobalOptions {
    pub output: Option<String>,
    pub query: Option<String>,
}

/// A parsed `aws` invocation, ready for the engine.
#[derive(Debug)]
pub struct Invocation {
    pub globals: GlobalOptions,
    pub command: Command,
}

/// What the AWS CLI says before it calls anything (exit status 252).
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

const USAGE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

fn usage(message: impl AsRef<str>) -> UsageError {
    UsageError(format!("\n{USAGE}\naws: error: {}\n", message.as_ref()))
}

#[derive(Debug, Clone)]
enum Given {
    One(String),
    Many(Vec<String>),
}

pub fn parse_invocation(args: &[String]) -> Result<Invocation, UsageError> {
    let mut globals = GlobalOptions::default();
    let mut rest: Vec<String> = Vec::new();
    let mut i = 0;
    // Global options may stand anywhere on the line.
    while i < args.len() {
        let a = &args[i];
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let takes_value = matches!(
            flag.as_str(),
            "--output"
                | "--query"
                | "--region"
                | "--profile"
                | "--endpoint-url"
                | "--color"
                | "--cli-read-timeout"
                | "--cli-connect-timeout"
        );
        let switch = matches!(
            flag.as_str(),
            "--no-cli-pager"
                | "--no-paginate"
                | "--debug"
                | "--no-verify-ssl"
                | "--no-sign-request"
                | "--cli-auto-prompt"
                | "--no-cli-auto-prompt"
        );
        if takes_value {
            let value = match inline {
                Some(v) => v,
                None => {
                    i += 1;
                    args.get(i)
                        .cloned()
                        .ok_or_else(|| usage(format!("argument {flag}: expected one argument")))?
                }
            };
            match flag.as_str() {
                "--output" => {
                    if !["json", "text"].contains(&value.as_str()) {
                        return Err(usage(format!(
                            "argument --output: Invalid choice, valid choices are:\n\njson                                     | text\n(table and yaml output arrive in a later version of Fanout; got '{value}')"
                        )));
                    }
                    globals.output = Some(value)
                }
                "--query" => globals.query = Some(value),
                _ => {}
            }
        } else if !switch {
            rest.push(a.clone());
        }
        i += 1;
    }
    let service = rest
        .first()
        .ok_or_else(|| usage("the following arguments are required: command"))?;
    if service != "sqs" {
        return Err(usage(format!(
            "argument command: Invalid choice: '{service}' (Fanout simulates the sqs service; sns arrives in a later version)"
        )));
    }
    let op_name = rest
        .get(1)
        .ok_or_else(|| usage("the following arguments are required: operation"))?;
    let spec = SQS_OPERATIONS
        .iter()
        .find(|o| o.name == op_name)
        .ok_or_else(|| {
            let names: Vec<&str> = SQS_OPERATIONS.iter().map(|o| o.name).collect();
            usage(format!(
                "argument operation: Invalid choice, valid choices are:\n\n{}",
                names.join(" | ")
            ))
        })?;
    let given = parse_options(spec, &rest[2..])?;
    build(spec, given, globals)
}

fn parse_options(
    spec: &OperationSpec,
    args: &[String],
) -> Result<BTreeMap<&'static str, Given>, UsageError> {
    let mut given = BTreeMap::new();
    let mut unknown = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let Some(o) = spec.options.iter().find(|o| o.name == flag) else {
            unknown.push(a.clone());
            i += 1;
            continue;
        };
        let mut values: Vec<String> = inline.into_iter().collect();
        while i + 1 < args.len() && !(args[i + 1].starts_with("--") && args[i + 1].len() > 2) {
            if o.kind != Kind::List && !values.is_empty() {
                break;
            }
            i += 1;
            values.push(args[i].clone());
        }
        if values.is_empty() {
            return Err(usage(format!("argument {}: expected one argument", o.name)));
        }
        if o.kind == Kind::NotYet {
            return Err(usage(format!(
                "{} is not simulated by this version of Fanout yet (message attributes, tags and FIFO parameters are coming)",
                o.name
            )));
        }
        let v = if o.kind == Kind::List {
            Given::Many(values)
        } else {
            Given::One(values.remove(0))
        };
        given.insert(o.name, v);
        i += 1;
    }
    if !unknown.is_empty() {
        return Err(usage(format!("Unknown options: {}", unknown.join(", "))));
    }
    let missing: Vec<&str> = spec
        .options
        .iter()
        .filter(|o| o.required && !given.contains_key(o.name))
        .map(|o| o.name)
        .collect();
    if !missing.is_empty() {
        return Err(usage(format!(
            "the following arguments are required: {}",
            missing.join(", ")
        )));
    }
    Ok(given)
}

fn text(given: &BTreeMap<&str, Given>, name: &str) -> Option<String> {
    match given.get(name)? {
        Given::One(s) => Some(s.clone()),
        Given::Many(v) => Some(v.join(" ")),
    }
}

fn integer(given: &BTreeMap<&str, Given>, name: &str) -> Result<Option<i64>, UsageError> {
    let Some(s) = text(given, name) else {
        return Ok(None);
    };
    s.trim()
        .parse::<i64>()
        .map(Some)
        .map_err(|_| usage(format!("argument {name}: invalid int value: '{s}'")))
}

fn list(given: &BTreeMap<&str, Given>, name: &str) -> Vec<String> {
    match given.get(name) {
        Some(Given::Many(v)) => v.iter().flat_map(|s| split_list_item(s)).collect(),
        Some(Given::One(s)) => split_list_item(s),
        None => Vec::new(),
    }
}

/// A list item may itself be a JSON list (`'["All"]'`) or a comma list (`All,SentTimestamp`).
fn split_list_item(s: &str) -> Vec<String> {
    if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(s) {
        return items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string())
            })
            .collect();
    }
    s.split(',')
        .filter(|p| !p.is_empty())
        .map(|p| p.trim().to_string())
        .collect()
}

/// `Key=Value,Key2=Value2` or `{"Key":"Value"}` into a map of strings.
pub fn parse_map(name: &str, s: &str) -> Result<BTreeMap<String, String>, UsageError> {
    let t = s.trim();
    if t.starts_with('{') {
        let json: Value = serde_json::from_str(t).map_err(|e| {
            usage(format!(
                "Error parsing parameter '{}': Invalid JSON: {e}\nJSON received: {t}",
                &name[2..]
            ))
        })?;
        let obj = json.as_object().ok_or_else(|| {
            usage(format!(
                "Error parsing parameter '{}': expected a JSON object",
                &name[2..]
            ))
        })?;
        return obj
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) => Ok((k.clone(), s.clone())),
                Value::Number(n) => Ok((k.clone(), n.to_string())),
                Value::Bool(b) => Ok((k.clone(), b.to_string())),
                _ => Err(usage(format!(
                    "Invalid type for parameter {}.{k}, value: {v}, valid types: <class 'str'>",
                    &name[2..]
                ))),
            })
            .collect();
    }
    let mut map = BTreeMap::new();
    for pair in split_shorthand(t) {
        let (k, v) = pair.split_once('=').ok_or_else(|| {
            usage(format!(
                "Error parsing parameter '{}': Expected: '=', received: 'EOF' for input:\n{t}",
                &name[2..]
            ))
        })?;
        map.insert(k.trim().to_string(), unquote_shorthand(v.trim()));
    }
    Ok(map)
}

/// Splits shorthand on top-level commas (commas inside quotes or brackets stay).
fn split_shorthand(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

fn unquote_shorthand(v: &str) -> String {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return v[1..v.len() - 1].to_string();
        }
    }
    v.to_string()
}

fn build(
    spec: &OperationSpec,
    given: BTreeMap<&'static str, Given>,
    globals: GlobalOptions,
) -> Result<Invocation, UsageError> {
    let url = || text(&given, "--queue-url").unwrap_or_default();
    let map = |name: &str| -> Result<BTreeMap<String, String>, UsageError> {
        match text(&given, name) {
            Some(s) => parse_map(name, &s),
            None => Ok(BTreeMap::new()),
        }
    };
    let command = match spec.name {
        "create-queue" => Command::CreateQueue {
            queue_name: text(&given, "--queue-name").unwrap_or_default(),
            attributes: map("--attributes")?,
            tags: BTreeMap::new(),
        },
        "delete-queue" => Command::DeleteQueue { queue_url: url() },
        "get-queue-url" => Command::GetQueueUrl {
            queue_name: text(&given, "--queue-name").unwrap_or_default(),
        },
        "list-queues" => {
            // The CLI pages for you; --max-items cuts the result and hands out a NextToken.
            let max_items = integer(&given, "--max-items")?;
            let page = integer(&given, "--page-size")?.or(integer(&given, "--max-results")?);
            Command::ListQueues {
                queue_name_prefix: text(&given, "--queue-name-prefix"),
                max_results: max_items.or(page),
                next_token: text(&given, "--starting-token").or(text(&given, "--next-token")),
            }
        }
        "send-message" => Command::SendMessage {
            queue_url: url(),
            message: MessageInput {
                message_body: text(&given, "--message-body").unwrap_or_default(),
                delay_seconds: integer(&given, "--delay-seconds")?,
                ..Default::default()
            },
        },
        "receive-message" => {
            let mut names = list(&given, "--attribute-names");
            names.extend(list(&given, "--message-system-attribute-names"));
            Command::ReceiveMessage {
                queue_url: url(),
                input: ReceiveInput {
                    max_number_of_messages: integer(&given, "--max-number-of-messages")?,
                    visibility_timeout: integer(&given, "--visibility-timeout")?,
                    wait_time_seconds: integer(&given, "--wait-time-seconds")?,
                    attribute_names: names,
                    ..Default::default()
                },
            }
        }
        "delete-message" => Command::DeleteMessage {
            queue_url: url(),
            receipt_handle: text(&given, "--receipt-handle").unwrap_or_default(),
        },
        "change-message-visibility" => Command::ChangeMessageVisibility {
            queue_url: url(),
            receipt_handle: text(&given, "--receipt-handle").unwrap_or_default(),
            visibility_timeout: integer(&given, "--visibility-timeout")?.unwrap_or_default(),
        },
        "get-queue-attributes" => Command::GetQueueAttributes {
            queue_url: url(),
            attribute_names: list(&given, "--attribute-names"),
        },
        "set-queue-attributes" => Command::SetQueueAttributes {
            queue_url: url(),
            attributes: map("--attributes")?,
        },
        "purge-queue" => Command::PurgeQueue { queue_url: url() },
        other => unreachable!("operation {other} is in the table but not built"),
    };
    Ok(Invocation { globals, command })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn shorthand_and_json_maps_agree() {
        let a = parse_map("--attributes", "VisibilityTimeout=10,DelaySeconds=5").unwrap();
        let b = parse_map(
            "--attributes",
            r#"{"VisibilityTimeout":"10","DelaySeconds":5}"#,
        )
        .unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn usage_errors() {
        let e = parse_invocation(&args("sqs send-message --message-body hi")).unwrap_err();
        assert!(
            e.0.ends_with("aws: error: the following arguments are required: --queue-url\n"),
            "{}",
            e.0
        );
        let e = parse_invocation(&args("sqs list-queues --bogus 1")).unwrap_err();
        assert!(e.0.contains("Unknown options: --bogus, 1"), "{}", e.0);
        let e = parse_invocation(&args(
            "sqs receive-message --queue-url u --max-number-of-messages ten",
        ))
        .unwrap_err();
        assert!(e.0.contains("invalid int value: 'ten'"));
    }

    #[test]
    fn global_options_anywhere() {
        let inv = parse_invocation(&args(
            "--region eu-west-1 sqs list-queues --output text --query QueueUrls",
        ))
        .unwrap();
        assert_eq!(inv.globals.output.as_deref(), Some("text"));
        assert_eq!(inv.globals.query.as_deref(), Some("QueueUrls"));
    }
}
