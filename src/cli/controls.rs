//! `fanout ...` lines: controls of the simulation itself, kept apart from `aws` so a script
//! of pure `aws` lines also runs against real AWS (under the AWS CLI, define
//! `fanout() { :; }` and these lines do nothing).
//!
//! - `fanout endpoint ENDPOINT [--available true|false] [--latency-ms N] [--error-percent N]`
//!   sets how a simulated subscriber endpoint (URL, address, number, function or queue ARN)
//!   behaves.
//! - `fanout confirm ENDPOINT` is the endpoint's owner following the confirmation link:
//!   every pending subscription of that endpoint is confirmed.
//! - `fanout inbox ENDPOINT` prints what the endpoint received, one JSON document per entry.
//! - `fanout access lenient|strict` chooses whether queues without an access policy take
//!   SNS deliveries (lenient, with a warning in the trace) or refuse them as AWS does.

use super::output::format_json;
use crate::engine::{AccessMode, Command, Engine, Reply};
use serde_json::json;

/// The words a `fanout` line starts with, for completion and help.
pub const CONTROL_WORDS: &[&str] = &["endpoint", "confirm", "inbox", "access"];

const USAGE: &str =
    "usage: fanout endpoint ENDPOINT [--available true|false] [--latency-ms N] [--error-percent N]
       fanout confirm ENDPOINT
       fanout inbox ENDPOINT
       fanout access lenient|strict";

/// Runs one `fanout` line; `Ok` is what it prints, `Err` the error message.
pub fn run(engine: &mut Engine, args: &[String]) -> Result<String, String> {
    let word = |i: usize| args.get(i).map(String::as_str);
    match (word(0), word(1)) {
        (Some("endpoint"), Some(endpoint)) => set_endpoint(engine, endpoint, &args[2..]),
        (Some("confirm"), Some(endpoint)) if args.len() == 2 => confirm(engine, endpoint),
        (Some("inbox"), Some(endpoint)) if args.len() == 2 => {
            let Some(e) = engine.endpoint(endpoint) else {
                return Err(format!("no simulated endpoint {endpoint}"));
            };
            let lines: Vec<String> = e
                .inbox
                .iter()
                .map(|entry| {
                    let body = serde_json::from_str::<serde_json::Value>(&entry.body)
                        .unwrap_or_else(|_| json!(entry.body.as_ref()));
                    let doc = json!({
                        "At": entry.at.to_string(),
                        "Kind": entry.kind,
                        "SubscriptionArn": entry.subscription,
                        "Body": body,
                    });
                    format_json(&doc)
                })
                .collect();
            Ok(lines.concat())
        }
        (Some("access"), Some(mode)) if args.len() == 2 => {
            let mode = AccessMode::parse(mode)
                .ok_or_else(|| format!("access must be lenient or strict, not {mode}"))?;
            engine.set_access(mode);
            Ok(String::new())
        }
        _ => Err(USAGE.to_string()),
    }
}

fn set_endpoint(engine: &mut Engine, endpoint: &str, options: &[String]) -> Result<String, String> {
    let mut settings = engine
        .endpoint(endpoint)
        .map(|e| e.settings)
        .unwrap_or_default();
    let mut i = 0;
    while i < options.len() {
        let value = options
            .get(i + 1)
            .ok_or_else(|| format!("{} needs a value\n{USAGE}", options[i]))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{} needs a whole number, not {value}", options[i]))
        };
        match options[i].as_str() {
            "--available" => {
                settings.available = match value.as_str() {
                    "true" => true,
                    "false" => false,
                    _ => return Err(format!("--available is true or false, not {value}")),
                }
            }
            "--latency-ms" => settings.latency_ms = number()?,
            "--error-percent" => settings.error_percent = number()?.min(u64::from(u32::MAX)) as u32,
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
        i += 2;
    }
    apply(
        engine,
        Command::SetEndpoint {
            endpoint: endpoint.to_string(),
            settings,
        },
    )
    .map(|_| String::new())
}

fn confirm(engine: &mut Engine, endpoint: &str) -> Result<String, String> {
    let pending: Vec<(String, String)> = engine
        .subscriptions()
        .filter(|s| s.endpoint == endpoint && !s.confirmed)
        .map(|s| (s.topic_arn.clone(), s.token.clone()))
        .collect();
    if pending.is_empty() {
        return Err(format!(
            "{endpoint} has no subscription waiting for confirmation"
        ));
    }
    let mut printed = String::new();
    for (topic_arn, token) in pending {
        let reply = apply(
            engine,
            Command::ConfirmSubscription {
                topic_arn,
                token,
                authenticate_on_unsubscribe: None,
            },
        )?;
        if let Reply::SubscriptionArn(arn) = reply {
            let doc = json!({ "SubscriptionArn": arn });
            printed += &format_json(&doc);
        }
    }
    Ok(printed)
}

fn apply(engine: &mut Engine, command: Command) -> Result<Reply, String> {
    engine.apply(command).map_err(|e| e.message)
}
