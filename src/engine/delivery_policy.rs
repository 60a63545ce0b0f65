//! SNS delivery retry policies: the fixed policies of AWS-managed and customer-managed
//! endpoints, the configurable HTTP/S policy, and the `DeliveryPolicy` attribute of topics
//! and subscriptions.
//!
//! # Sources
//!
//! - AWS SNS Developer Guide, "Amazon SNS message delivery retries": the table of fixed
//!   policies (AWS managed — Lambda, SQS: 3 immediate, 2 pre-backoff 1 s apart, 10 backoff
//!   exponential 1→20 s, 100,000 post-backoff 20 s apart, "100,015 times, over 23 days";
//!   customer managed — SMTP, SMS, mobile push: 0 immediate, 2 pre-backoff 10 s apart, 10
//!   backoff exponential 10→600 s, 38 post-backoff 600 s apart, "50 attempts, over 6 hours";
//!   Firehose is AWS managed except for throttling errors, which get the customer-managed
//!   policy), the four phases, and "Creating an HTTP/S delivery policy": the constraints
//!   (`minDelayTarget` 1 to maximum delay, default 20; `maxDelayTarget` minimum delay to
//!   3,600, default 20; `numRetries` 0 to 100, default 3; the phase counts 0 or greater,
//!   default 0; `backoffFunction` default linear; `maxReceivesPerSecond` 1 or greater), the
//!   backoff count `numRetries - numNoDelayRetries - numMinDelayRetries - numMaxDelayRetries`,
//!   and "the total policy retry time for an HTTP/S endpoint cannot be greater than 3,600
//!   seconds".
//! - The older guide page "Setting Amazon SNS Delivery Retry Policies for HTTP/HTTPS
//!   Endpoints": the default (3 retries 20 s apart), and with `maxDelayTarget` 40 "the first
//!   retry after 20 seconds, the second retry after 30 seconds, and the final retry after 40
//!   seconds" (linear); `minDelayTarget` is the delay of the first backoff retry,
//!   `maxDelayTarget` of the last.
//! - `EffectiveDeliveryPolicy` of a topic without a policy: as `aws sns get-topic-attributes`
//!   prints it (AWS CLI reference example and many captured outputs; newer responses add
//!   `defaultRequestPolicy`).
//!
//! The documented "total attempts" (100,015 and 50) are the sums of the four phase counts,
//! so that is `num_retries` of the fixed policies here.
//!
//! # Backoff curves (an approximation)
//!
//! AWS draws the four backoff functions (10 retries from 5 s to 260 s) but publishes no
//! formula. Here the `j`-th of `n` backoff retries (`j = 0..n-1`, `t = j / (n-1)`) waits
//!
//! ```text
//! delay = min + round((max - min) * s(t))
//! linear       s(t) = t
//! arithmetic   s(t) = (2^(2t)  - 1) / (2^2  - 1)
//! geometric    s(t) = (2^(5t)  - 1) / (2^5  - 1)
//! exponential  s(t) = (2^(10t) - 1) / (2^10 - 1)
//! ```
//!
//! so the first backoff retry waits exactly `min` and the last exactly `max` (a single
//! backoff retry waits `min`), every curve is non-decreasing, and at every retry
//! linear ≥ arithmetic ≥ geometric ≥ exponential: increasingly back-loaded, as in AWS's
//! drawing. These are approximations of the drawn curves, not AWS's formulas. With them the
//! managed backoff phase is 1, 1, 1, 1, 1, 2, 3, 5, 10, 20 s, and the customer-managed one
//! 10, 11, 12, 15, 22, 37, 68, 136, 283, 600 s. AWS also adds jitter; the simulation does not.
//! `2^x` is computed with basic floating-point operations only (no `powf`/`exp`, whose
//! last bits may differ between platforms), so delays are the same natively and in wasm.
//!
//! # Validation wordings
//!
//! `parse_*` return the reason; the API texts are [`set_attributes_error`] (`Invalid
//! parameter: DeliveryPolicy: REASON`) and [`create_error`] (`Invalid parameter: Attributes
//! Reason: DeliveryPolicy: REASON`). Reasons seen from AWS: `healthyRetryPolicy.minDelayTarget
//! must be specified` (terraform-provider-aws#3289), `healthyRetryPolicy.minDelayTarget must
//! be greater than or equal to 1` (awsdocs/amazon-sns-developer-guide#5),
//! `http.defaultHealthyRetryPolicy.numRetries must be less than or equal to 100` (both API
//! forms, the Ballerina AWS SNS connector's tests), `Unexpected JSON member: throttlePolicy`
//! (a topic policy given the subscription shape). The other reasons follow the same
//! `path.field must be ...` pattern; the sum rule's wording is the one of Comcast CMB, an
//! SNS clone whose other messages match AWS's; the 3,600-second total and the JSON-syntax
//! reasons are this simulator's own.

use serde_json::{json, Map, Value};
use std::f64::consts::LN_2;

/// Which fixed policy a protocol gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointKind {
    /// `sqs`, `lambda`, `firehose`.
    AwsManaged,
    /// `http`, `https`: the only kind with a configurable policy.
    Http,
    /// `email`, `email-json`, `sms`, `application` (mobile push).
    CustomerManaged,
}

impl EndpointKind {
    pub fn of_protocol(protocol: &str) -> Option<EndpointKind> {
        match protocol {
            "sqs" | "lambda" | "firehose" => Some(EndpointKind::AwsManaged),
            "http" | "https" => Some(EndpointKind::Http),
            "email" | "email-json" | "sms" | "application" => Some(EndpointKind::CustomerManaged),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackoffFunction {
    Linear,
    Arithmetic,
    Geometric,
    Exponential,
}

impl BackoffFunction {
    pub const ALL: [BackoffFunction; 4] = [
        BackoffFunction::Linear,
        BackoffFunction::Arithmetic,
        BackoffFunction::Geometric,
        BackoffFunction::Exponential,
    ];

    /// The name in a delivery policy (`"linear"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            BackoffFunction::Linear => "linear",
            BackoffFunction::Arithmetic => "arithmetic",
            BackoffFunction::Geometric => "geometric",
            BackoffFunction::Exponential => "exponential",
        }
    }

    /// Case-insensitive, as SDK enums spell them in upper case.
    pub fn parse(name: &str) -> Option<BackoffFunction> {
        BackoffFunction::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The exponent `k` of `s(t) = (2^(kt) - 1) / (2^k - 1)`; `None` for linear.
    fn steepness(self) -> Option<f64> {
        match self {
            BackoffFunction::Linear => None,
            BackoffFunction::Arithmetic => Some(2.0),
            BackoffFunction::Geometric => Some(5.0),
            BackoffFunction::Exponential => Some(10.0),
        }
    }
}

/// A retry policy: `num_retries` retries after the first attempt, in four phases.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// All retries (the four phases together).
    pub num_retries: u32,
    /// Immediate phase: retries without delay.
    pub num_no_delay_retries: u32,
    /// Pre-backoff phase: retries `min_delay_target` apart.
    pub num_min_delay_retries: u32,
    /// Post-backoff phase: retries `max_delay_target` apart.
    pub num_max_delay_retries: u32,
    /// Seconds.
    pub min_delay_target: u32,
    /// Seconds.
    pub max_delay_target: u32,
    pub backoff_function: BackoffFunction,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseKind {
    Immediate,
    PreBackoff,
    Backoff,
    PostBackoff,
}

impl PhaseKind {
    pub fn label(self) -> &'static str {
        match self {
            PhaseKind::Immediate => "immediate",
            PhaseKind::PreBackoff => "pre-backoff",
            PhaseKind::Backoff => "backoff",
            PhaseKind::PostBackoff => "post-backoff",
        }
    }
}

/// One phase as the page draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phase {
    pub kind: PhaseKind,
    /// Retries in this phase (may be 0).
    pub retries: u32,
    /// 1-based number of the phase's first retry (its last is `first_retry + retries - 1`).
    pub first_retry: u32,
    /// Seconds before the phase's first retry (0 when the phase is empty).
    pub first_delay: u32,
    /// Seconds before the phase's last retry (0 when the phase is empty).
    pub last_delay: u32,
    /// Seconds the phase spends waiting, all its retries together.
    pub seconds: u64,
}

impl RetryPolicy {
    /// The policy AWS applies to `kind` when nothing else is set (for `Http`, the default of
    /// a delivery policy).
    pub fn default_for(kind: EndpointKind) -> RetryPolicy {
        match kind {
            EndpointKind::AwsManaged => RetryPolicy {
                num_retries: 3 + 2 + 10 + 100_000,
                num_no_delay_retries: 3,
                num_min_delay_retries: 2,
                num_max_delay_retries: 100_000,
                min_delay_target: 1,
                max_delay_target: 20,
                backoff_function: BackoffFunction::Exponential,
            },
            EndpointKind::CustomerManaged => RetryPolicy {
                num_retries: 2 + 10 + 38,
                num_no_delay_retries: 0,
                num_min_delay_retries: 2,
                num_max_delay_retries: 38,
                min_delay_target: 10,
                max_delay_target: 600,
                backoff_function: BackoffFunction::Exponential,
            },
            EndpointKind::Http => RetryPolicy {
                num_retries: 3,
                num_no_delay_retries: 0,
                num_min_delay_retries: 0,
                num_max_delay_retries: 0,
                min_delay_target: 20,
                max_delay_target: 20,
                backoff_function: BackoffFunction::Linear,
            },
        }
    }

    /// Retries in the backoff phase: what the other three phases leave of `num_retries`.
    pub fn num_backoff_retries(&self) -> u32 {
        self.num_retries.saturating_sub(
            self.num_no_delay_retries
                .saturating_add(self.num_min_delay_retries)
                .saturating_add(self.num_max_delay_retries),
        )
    }

    /// Seconds to wait before retry number `retry` (1-based), or `None` when the retries are
    /// exhausted (or `retry` is 0).
    pub fn delay_before_retry(&self, retry: u32) -> Option<u32> {
        if retry == 0 || retry > self.num_retries {
            return None;
        }
        let immediate = self.num_no_delay_retries;
        let pre = immediate.saturating_add(self.num_min_delay_retries);
        let backoff = pre.saturating_add(self.num_backoff_retries());
        Some(if retry <= immediate {
            0
        } else if retry <= pre {
            self.min_delay_target
        } else if retry <= backoff {
            self.backoff_delay(retry - pre - 1)
        } else {
            self.max_delay_target
        })
    }

    /// The delays of the backoff phase, in order (what the page draws as the curve).
    pub fn backoff_delays(&self) -> Vec<u32> {
        (0..self.num_backoff_retries())
            .map(|j| self.backoff_delay(j))
            .collect()
    }

    /// The delay of backoff retry `j` (0-based) of `num_backoff_retries()`.
    fn backoff_delay(&self, j: u32) -> u32 {
        let (min, max) = (self.min_delay_target, self.max_delay_target);
        let n = self.num_backoff_retries();
        if n <= 1 || max <= min || j == 0 {
            return min;
        }
        let last = n - 1;
        if j >= last {
            return max;
        }
        let span = u64::from(max - min);
        let step = match self.backoff_function.steepness() {
            // Integer rounding, half up: exact.
            None => (span * u64::from(j) + u64::from(last) / 2) / u64::from(last),
            Some(k) => {
                let t = f64::from(j) / f64::from(last);
                let s = (exp2(k * t) - 1.0) / (exp2(k) - 1.0);
                (span as f64 * s).round() as u64
            }
        };
        min + step.min(span) as u32
    }

    /// The four phases, always in order and all four present (empty ones with 0 retries).
    pub fn phases(&self) -> [Phase; 4] {
        let backoff = self.backoff_delays();
        let counts = [
            (PhaseKind::Immediate, self.num_no_delay_retries),
            (PhaseKind::PreBackoff, self.num_min_delay_retries),
            (PhaseKind::Backoff, self.num_backoff_retries()),
            (PhaseKind::PostBackoff, self.num_max_delay_retries),
        ];
        let mut next_retry = 1u32;
        counts.map(|(kind, retries)| {
            let (first_delay, last_delay, seconds) = if retries == 0 {
                (0, 0, 0)
            } else {
                match kind {
                    PhaseKind::Immediate => (0, 0, 0),
                    PhaseKind::PreBackoff => (
                        self.min_delay_target,
                        self.min_delay_target,
                        u64::from(retries) * u64::from(self.min_delay_target),
                    ),
                    PhaseKind::Backoff => (
                        backoff[0],
                        backoff[backoff.len() - 1],
                        backoff.iter().map(|&d| u64::from(d)).sum(),
                    ),
                    PhaseKind::PostBackoff => (
                        self.max_delay_target,
                        self.max_delay_target,
                        u64::from(retries) * u64::from(self.max_delay_target),
                    ),
                }
            };
            let phase = Phase {
                kind,
                retries,
                first_retry: next_retry,
                first_delay,
                last_delay,
                seconds,
            };
            next_retry = next_retry.saturating_add(retries);
            phase
        })
    }

    /// Seconds from the first attempt to the last retry (delays only; no request time).
    pub fn total_seconds(&self) -> u64 {
        self.phases().iter().map(|p| p.seconds).sum()
    }

    /// The policy as a delivery policy writes it (AWS's key order).
    pub fn to_json(&self) -> Value {
        json!({
            "minDelayTarget": self.min_delay_target,
            "maxDelayTarget": self.max_delay_target,
            "numRetries": self.num_retries,
            "numMaxDelayRetries": self.num_max_delay_retries,
            "numNoDelayRetries": self.num_no_delay_retries,
            "numMinDelayRetries": self.num_min_delay_retries,
            "backoffFunction": self.backoff_function.name(),
        })
    }
}

/// `2^x` for `0 <= x <= 64` with basic operations only: an exact power of two times a Taylor
/// series of `e^(f ln 2)`, `f` in `[0, 1)`. Deterministic across IEEE-754 platforms.
fn exp2(x: f64) -> f64 {
    let whole = x.floor();
    let fraction = x - whole;
    let mut power = 1.0f64;
    for _ in 0..(whole as u32) {
        power *= 2.0;
    }
    let y = fraction * LN_2;
    let (mut term, mut sum) = (1.0f64, 1.0f64);
    for i in 1..=30 {
        term = term * y / f64::from(i);
        sum += term;
    }
    power * sum
}

/// The HTTP part shared by a topic's `http` defaults and a subscription's policy.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HttpPolicy {
    /// `healthyRetryPolicy` / `defaultHealthyRetryPolicy`.
    pub retry: Option<RetryPolicy>,
    /// `throttlePolicy.maxReceivesPerSecond` / `defaultThrottlePolicy...`.
    pub max_receives_per_second: Option<u32>,
    /// `requestPolicy.headerContentType` / `defaultRequestPolicy...`.
    pub header_content_type: Option<String>,
}

/// A topic's `DeliveryPolicy`: `{"http": {"defaultHealthyRetryPolicy": ..., ...}}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TopicDeliveryPolicy {
    /// `None` when the document has no `http` member.
    pub http: Option<HttpPolicy>,
    /// `http.disableSubscriptionOverrides`: the topic's policy applies even to subscriptions
    /// that have their own.
    pub disable_subscription_overrides: bool,
}

/// A subscription's `DeliveryPolicy`: `{"healthyRetryPolicy": ..., "throttlePolicy": ...,
/// "requestPolicy": ...}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SubscriptionDeliveryPolicy {
    pub http: HttpPolicy,
}

/// The content type SNS uses for HTTP/S notifications unless a request policy says otherwise.
pub const DEFAULT_HEADER_CONTENT_TYPE: &str = "text/plain; charset=UTF-8";

/// The most an HTTP/S policy may spend waiting between the first attempt and the last retry.
pub const MAX_TOTAL_RETRY_SECONDS: u64 = 3600;

/// `SetTopicAttributes` / `SetSubscriptionAttributes` text for a rejected policy.
pub fn set_attributes_error(reason: &str) -> String {
    format!("Invalid parameter: DeliveryPolicy: {reason}")
}

/// `CreateTopic` / `Subscribe` (attributes given at creation) text for a rejected policy.
pub fn create_error(reason: &str) -> String {
    format!("Invalid parameter: Attributes Reason: DeliveryPolicy: {reason}")
}

/// Parses and validates a topic's `DeliveryPolicy`. `Err` is the reason, for
/// [`set_attributes_error`] / [`create_error`].
pub fn parse_topic_delivery_policy(json: &str) -> Result<TopicDeliveryPolicy, String> {
    let top = json_object(json)?;
    let mut policy = TopicDeliveryPolicy::default();
    for (key, value) in &top {
        match key.as_str() {
            "http" => {
                if value.is_null() {
                    continue;
                }
                let Value::Object(http) = value else {
                    return Err("http must be a JSON object".into());
                };
                let mut parsed = HttpPolicy::default();
                for (key, value) in http {
                    match key.as_str() {
                        "defaultHealthyRetryPolicy" => {
                            parsed.retry =
                                parse_retry_policy("http.defaultHealthyRetryPolicy", value)?
                        }
                        "defaultThrottlePolicy" => {
                            parsed.max_receives_per_second =
                                parse_throttle_policy("http.defaultThrottlePolicy", value)?
                        }
                        "defaultRequestPolicy" => {
                            parsed.header_content_type =
                                parse_request_policy("http.defaultRequestPolicy", value)?
                        }
                        "disableSubscriptionOverrides" => match value {
                            Value::Bool(b) => policy.disable_subscription_overrides = *b,
                            Value::Null => {}
                            _ => {
                                return Err(
                                    "http.disableSubscriptionOverrides must be a boolean".into()
                                )
                            }
                        },
                        // Older documents and CMB carry it; SNS no longer uses it.
                        "defaultSicklyRetryPolicy" => {}
                        other => return Err(unexpected(other)),
                    }
                }
                policy.http = Some(parsed);
            }
            other => return Err(unexpected(other)),
        }
    }
    Ok(policy)
}

/// Parses and validates a subscription's `DeliveryPolicy`. `Err` is the reason, for
/// [`set_attributes_error`] / [`create_error`]. (Whether the subscription is HTTP/S is the
/// caller's check.)
pub fn parse_subscription_delivery_policy(
    json: &str,
) -> Result<SubscriptionDeliveryPolicy, String> {
    let top = json_object(json)?;
    let mut http = HttpPolicy::default();
    for (key, value) in &top {
        match key.as_str() {
            "healthyRetryPolicy" => http.retry = parse_retry_policy("healthyRetryPolicy", value)?,
            "throttlePolicy" => {
                http.max_receives_per_second = parse_throttle_policy("throttlePolicy", value)?
            }
            "requestPolicy" => {
                http.header_content_type = parse_request_policy("requestPolicy", value)?
            }
            // Members of the EffectiveDeliveryPolicy text, accepted when it is set back.
            "sicklyRetryPolicy" | "guaranteed" => {}
            other => return Err(unexpected(other)),
        }
    }
    Ok(SubscriptionDeliveryPolicy { http })
}

fn unexpected(member: &str) -> String {
    format!("Unexpected JSON member: {member}")
}

fn json_object(json: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(json) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("the delivery policy must be a JSON object".into()),
        Err(_) => Err("failed to parse JSON".into()),
    }
}

/// A whole number (`20` or `20.0`), or `Err("PATH.FIELD must be an integer")`.
fn integer(path: &str, field: &str, value: &Value) -> Result<i64, String> {
    let not_integer = || format!("{path}.{field} must be an integer");
    match value {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                    .map(|f| f as i64)
            })
            .ok_or_else(not_integer),
        _ => Err(not_integer()),
    }
}

fn parse_retry_policy(path: &str, value: &Value) -> Result<Option<RetryPolicy>, String> {
    let fields = match value {
        Value::Null => return Ok(None),
        Value::Object(fields) => fields,
        _ => return Err(format!("{path} must be a JSON object")),
    };
    const MEMBERS: [&str; 7] = [
        "minDelayTarget",
        "maxDelayTarget",
        "numRetries",
        "numNoDelayRetries",
        "numMinDelayRetries",
        "numMaxDelayRetries",
        "backoffFunction",
    ];
    if let Some(other) = fields.keys().find(|k| !MEMBERS.contains(&k.as_str())) {
        return Err(unexpected(other));
    }
    let present = |field: &str| fields.get(field).filter(|v| !v.is_null());
    for required in ["minDelayTarget", "maxDelayTarget", "numRetries"] {
        if present(required).is_none() {
            return Err(format!("{path}.{required} must be specified"));
        }
    }
    let number = |field: &str| -> Result<i64, String> {
        present(field).map_or(Ok(0), |v| integer(path, field, v))
    };
    let min = number("minDelayTarget")?;
    let max = number("maxDelayTarget")?;
    let retries = number("numRetries")?;
    let no_delay = number("numNoDelayRetries")?;
    let min_delay = number("numMinDelayRetries")?;
    let max_delay = number("numMaxDelayRetries")?;
    let backoff = match present("backoffFunction") {
        None => BackoffFunction::Linear,
        Some(Value::String(name)) => BackoffFunction::parse(name).ok_or_else(|| {
            format!(
                "{path}.backoffFunction must be one of linear, arithmetic, geometric, exponential"
            )
        })?,
        Some(_) => {
            return Err(format!(
                "{path}.backoffFunction must be one of linear, arithmetic, geometric, exponential"
            ))
        }
    };
    if min < 1 {
        return Err(format!(
            "{path}.minDelayTarget must be greater than or equal to 1"
        ));
    }
    if max > 3600 {
        return Err(format!(
            "{path}.maxDelayTarget must be less than or equal to 3600"
        ));
    }
    if max < min {
        return Err(format!(
            "{path}.maxDelayTarget must be greater than or equal to minDelayTarget"
        ));
    }
    if retries < 0 {
        return Err(format!(
            "{path}.numRetries must be greater than or equal to 0"
        ));
    }
    if retries > 100 {
        return Err(format!(
            "{path}.numRetries must be less than or equal to 100"
        ));
    }
    for (field, count) in [
        ("numNoDelayRetries", no_delay),
        ("numMinDelayRetries", min_delay),
        ("numMaxDelayRetries", max_delay),
    ] {
        if count < 0 {
            return Err(format!("{path}.{field} must be greater than or equal to 0"));
        }
    }
    if no_delay + min_delay + max_delay > retries {
        return Err(format!(
            "{path}.numRetries must be greater than or equal to total of numMinDelayRetries, numNoDelayRetries and numMaxDelayRetries"
        ));
    }
    // All values are now within 0..=3600; the casts are exact.
    let policy = RetryPolicy {
        num_retries: retries as u32,
        num_no_delay_retries: no_delay as u32,
        num_min_delay_retries: min_delay as u32,
        num_max_delay_retries: max_delay as u32,
        min_delay_target: min as u32,
        max_delay_target: max as u32,
        backoff_function: backoff,
    };
    let total = policy.total_seconds();
    if total > MAX_TOTAL_RETRY_SECONDS {
        return Err(format!(
            "{path}: the total retry time ({total} seconds) must be less than or equal to {MAX_TOTAL_RETRY_SECONDS} seconds"
        ));
    }
    Ok(Some(policy))
}

fn parse_throttle_policy(path: &str, value: &Value) -> Result<Option<u32>, String> {
    let fields = match value {
        Value::Null => return Ok(None),
        Value::Object(fields) => fields,
        _ => return Err(format!("{path} must be a JSON object")),
    };
    let mut rate = None;
    for (key, value) in fields {
        match key.as_str() {
            "maxReceivesPerSecond" if value.is_null() => {}
            "maxReceivesPerSecond" => {
                let n = integer(path, key, value)?;
                if n < 1 {
                    return Err(format!(
                        "{path}.maxReceivesPerSecond must be greater than or equal to 1"
                    ));
                }
                rate = Some(u32::try_from(n).unwrap_or(u32::MAX));
            }
            other => return Err(unexpected(other)),
        }
    }
    Ok(rate)
}

fn parse_request_policy(path: &str, value: &Value) -> Result<Option<String>, String> {
    let fields = match value {
        Value::Null => return Ok(None),
        Value::Object(fields) => fields,
        _ => return Err(format!("{path} must be a JSON object")),
    };
    let mut content_type = None;
    for (key, value) in fields {
        match key.as_str() {
            "headerContentType" => match value {
                Value::Null => {}
                Value::String(s) => content_type = Some(s.clone()),
                _ => return Err(format!("{path}.headerContentType must be a string")),
            },
            other => return Err(unexpected(other)),
        }
    }
    Ok(content_type)
}

/// The retry policy an HTTP/S subscription gets: the topic's when it disables subscription
/// overrides, else the subscription's own, else the topic's, else the HTTP default.
pub fn http_retry_policy(
    topic: Option<&TopicDeliveryPolicy>,
    subscription: Option<&SubscriptionDeliveryPolicy>,
) -> RetryPolicy {
    let topic_retry = topic.and_then(|t| t.http.as_ref()?.retry.clone());
    let overrides_disabled = topic.is_some_and(|t| t.disable_subscription_overrides);
    let subscription_retry = subscription
        .filter(|_| !overrides_disabled)
        .and_then(|s| s.http.retry.clone());
    subscription_retry
        .or(topic_retry)
        .unwrap_or_else(|| RetryPolicy::default_for(EndpointKind::Http))
}

/// The `EffectiveDeliveryPolicy` attribute of a topic: its `DeliveryPolicy` over the HTTP
/// defaults, as `GetTopicAttributes` returns it (compact JSON, AWS's key order).
pub fn effective_topic_delivery_policy(topic: Option<&TopicDeliveryPolicy>) -> String {
    let http = topic.and_then(|t| t.http.as_ref());
    let retry = http
        .and_then(|h| h.retry.clone())
        .unwrap_or_else(|| RetryPolicy::default_for(EndpointKind::Http));
    let mut out = Map::new();
    out.insert("defaultHealthyRetryPolicy".into(), retry.to_json());
    out.insert(
        "disableSubscriptionOverrides".into(),
        Value::Bool(topic.is_some_and(|t| t.disable_subscription_overrides)),
    );
    if let Some(rate) = http.and_then(|h| h.max_receives_per_second) {
        out.insert(
            "defaultThrottlePolicy".into(),
            json!({ "maxReceivesPerSecond": rate }),
        );
    }
    let content_type = http
        .and_then(|h| h.header_content_type.clone())
        .unwrap_or_else(|| DEFAULT_HEADER_CONTENT_TYPE.to_string());
    out.insert(
        "defaultRequestPolicy".into(),
        json!({ "headerContentType": content_type }),
    );
    json!({ "http": out }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retries(policy: &RetryPolicy) -> Vec<u32> {
        (1..=policy.num_retries)
            .map(|r| policy.delay_before_retry(r).unwrap())
            .collect()
    }

    fn custom(retries: u32, min: u32, max: u32, backoff_function: BackoffFunction) -> RetryPolicy {
        RetryPolicy {
            num_retries: retries,
            num_no_delay_retries: 0,
            num_min_delay_retries: 0,
            num_max_delay_retries: 0,
            min_delay_target: min,
            max_delay_target: max,
            backoff_function,
        }
    }

    #[test]
    fn protocols() {
        assert_eq!(
            EndpointKind::of_protocol("sqs"),
            Some(EndpointKind::AwsManaged)
        );
        assert_eq!(
            EndpointKind::of_protocol("lambda"),
            Some(EndpointKind::AwsManaged)
        );
        assert_eq!(
            EndpointKind::of_protocol("firehose"),
            Some(EndpointKind::AwsManaged)
        );
        assert_eq!(EndpointKind::of_protocol("https"), Some(EndpointKind::Http));
        assert_eq!(
            EndpointKind::of_protocol("email-json"),
            Some(EndpointKind::CustomerManaged)
        );
        assert_eq!(
            EndpointKind::of_protocol("sms"),
            Some(EndpointKind::CustomerManaged)
        );
        assert_eq!(EndpointKind::of_protocol("ftp"), None);
    }

    #[test]
    fn aws_managed_policy_is_100015_attempts_over_23_days() {
        let p = RetryPolicy::default_for(EndpointKind::AwsManaged);
        assert_eq!(p.num_retries, 100_015);
        let phases = p.phases();
        let counts: Vec<u32> = phases.iter().map(|ph| ph.retries).collect();
        assert_eq!(counts, [3, 2, 10, 100_000]);
        // Immediate, then 1 s apart, then 1 → 20 s, then 20 s apart.
        let first: Vec<u32> = (1..=17).map(|r| p.delay_before_retry(r).unwrap()).collect();
        assert_eq!(
            first,
            [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 10, 20, 20, 20]
        );
        assert_eq!(p.backoff_delays(), [1, 1, 1, 1, 1, 2, 3, 5, 10, 20]);
        assert_eq!(p.delay_before_retry(100_015), Some(20));
        assert_eq!(p.delay_before_retry(100_016), None);
        assert_eq!(p.delay_before_retry(0), None);
        let total = p.total_seconds();
        assert_eq!(total, 2 + 45 + 2_000_000);
        // "over 23 days"
        assert!(total > 23 * 86_400 && total < 24 * 86_400, "{total}");
    }

    #[test]
    fn customer_managed_policy_is_50_attempts_over_6_hours() {
        let p = RetryPolicy::default_for(EndpointKind::CustomerManaged);
        assert_eq!(p.num_retries, 50);
        let counts: Vec<u32> = p.phases().iter().map(|ph| ph.retries).collect();
        assert_eq!(counts, [0, 2, 10, 38]);
        let all = retries(&p);
        assert_eq!(&all[..2], [10, 10]);
        assert_eq!(&all[2..12], [10, 11, 12, 15, 22, 37, 68, 136, 283, 600]);
        assert!(all[12..].iter().all(|&d| d == 600));
        let total = p.total_seconds();
        // "over 6 hours"
        assert!(total > 6 * 3600 && total < 7 * 3600, "{total}");
    }

    #[test]
    fn http_default_is_three_retries_20_seconds_apart() {
        let p = RetryPolicy::default_for(EndpointKind::Http);
        assert_eq!(retries(&p), [20, 20, 20]);
        assert_eq!(p.delay_before_retry(4), None);
        assert_eq!(p.backoff_function, BackoffFunction::Linear);
        let backoff = p.phases()[2];
        assert_eq!(
            backoff,
            Phase {
                kind: PhaseKind::Backoff,
                retries: 3,
                first_retry: 1,
                first_delay: 20,
                last_delay: 20,
                seconds: 60
            }
        );
    }

    #[test]
    fn linear_backoff_matches_the_guide_example() {
        // "the first retry after 20 seconds, the second retry after 30 seconds, and the final
        // retry after 40 seconds"
        assert_eq!(
            retries(&custom(3, 20, 40, BackoffFunction::Linear)),
            [20, 30, 40]
        );
        assert_eq!(
            custom(10, 5, 260, BackoffFunction::Linear).backoff_delays(),
            [5, 33, 62, 90, 118, 147, 175, 203, 232, 260]
        );
    }

    #[test]
    fn backoff_functions_are_monotone_bounded_and_ordered() {
        for n in 1..=100u32 {
            for (min, max) in [(1, 20), (5, 260), (10, 600), (20, 20), (1, 3600), (7, 8)] {
                let curves: Vec<Vec<u32>> = BackoffFunction::ALL
                    .iter()
                    .map(|&f| custom(n, min, max, f).backoff_delays())
                    .collect();
                for (f, delays) in BackoffFunction::ALL.iter().zip(&curves) {
                    assert_eq!(delays.len(), n as usize);
                    assert_eq!(delays[0], min, "{f:?} n={n}");
                    if n > 1 {
                        assert_eq!(delays[n as usize - 1], max, "{f:?} n={n}");
                    }
                    assert!(delays.windows(2).all(|w| w[0] <= w[1]), "{f:?} {delays:?}");
                    assert!(delays.iter().all(|&d| (min..=max).contains(&d)));
                }
                // Increasingly back-loaded: linear ≥ arithmetic ≥ geometric ≥ exponential.
                for j in 0..n as usize {
                    assert!(
                        curves.windows(2).all(|w| w[0][j] >= w[1][j]),
                        "n={n} min={min} max={max} j={j}"
                    );
                }
            }
        }
        // The guide's drawing: 10 retries from 5 s to 260 s.
        let drawn = |f| custom(10, 5, 260, f).backoff_delays();
        assert_eq!(
            drawn(BackoffFunction::Arithmetic),
            [5, 19, 36, 55, 77, 104, 134, 170, 211, 260]
        );
        assert_eq!(
            drawn(BackoffFunction::Exponential),
            [5, 5, 6, 7, 10, 16, 30, 59, 123, 260]
        );
    }

    #[test]
    fn phases_cover_all_retries() {
        let p = RetryPolicy {
            num_retries: 50,
            num_no_delay_retries: 3,
            num_min_delay_retries: 2,
            num_max_delay_retries: 35,
            min_delay_target: 1,
            max_delay_target: 60,
            backoff_function: BackoffFunction::Exponential,
        };
        let phases = p.phases();
        assert_eq!(
            phases.map(|ph| (ph.retries, ph.first_retry)),
            [(3, 1), (2, 4), (10, 6), (35, 16)]
        );
        assert_eq!(phases[1].seconds, 2);
        assert_eq!(phases[3].seconds, 35 * 60);
        assert_eq!(
            p.total_seconds(),
            phases.iter().map(|ph| ph.seconds).sum::<u64>()
        );
        let all = retries(&p);
        assert_eq!(
            all.iter().map(|&d| u64::from(d)).sum::<u64>(),
            p.total_seconds()
        );
        assert_eq!(all[5], 1);
        assert_eq!(all[14], 60);
    }

    #[test]
    fn parses_the_guide_sample_subscription_policy() {
        let json = r#"{
          "healthyRetryPolicy": {"minDelayTarget": 1, "maxDelayTarget": 60, "numRetries": 50,
            "numNoDelayRetries": 3, "numMinDelayRetries": 2, "numMaxDelayRetries": 35,
            "backoffFunction": "exponential"},
          "throttlePolicy": {"maxReceivesPerSecond": 10}
        }"#;
        let p = parse_subscription_delivery_policy(json).unwrap();
        let retry = p.http.retry.as_ref().unwrap();
        assert_eq!(retry.num_backoff_retries(), 10);
        assert!(retry.total_seconds() <= MAX_TOTAL_RETRY_SECONDS);
        assert_eq!(p.http.max_receives_per_second, Some(10));
        assert_eq!(http_retry_policy(None, Some(&p)), *retry);
    }

    #[test]
    fn parses_a_topic_policy_and_shows_it_effective() {
        let json = r#"{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":10,"maxDelayTarget":20,"numRetries":3,"numNoDelayRetries":1,"numMinDelayRetries":1,"numMaxDelayRetries":1,"backoffFunction":"LINEAR"},"disableSubscriptionOverrides":true,"defaultThrottlePolicy":{"maxReceivesPerSecond":5},"defaultRequestPolicy":{"headerContentType":"application/json"}}}"#;
        let topic = parse_topic_delivery_policy(json).unwrap();
        assert!(topic.disable_subscription_overrides);
        assert_eq!(
            effective_topic_delivery_policy(Some(&topic)),
            r#"{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":10,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":1,"numNoDelayRetries":1,"numMinDelayRetries":1,"backoffFunction":"linear"},"disableSubscriptionOverrides":true,"defaultThrottlePolicy":{"maxReceivesPerSecond":5},"defaultRequestPolicy":{"headerContentType":"application/json"}}}"#
        );
        // Overrides disabled: the topic's policy wins over the subscription's.
        let sub = parse_subscription_delivery_policy(
            r#"{"healthyRetryPolicy":{"minDelayTarget":1,"maxDelayTarget":1,"numRetries":7}}"#,
        )
        .unwrap();
        assert_eq!(http_retry_policy(Some(&topic), Some(&sub)).num_retries, 3);
        let open = parse_topic_delivery_policy(
            r#"{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":10,"maxDelayTarget":20,"numRetries":3}}}"#,
        )
        .unwrap();
        assert_eq!(http_retry_policy(Some(&open), Some(&sub)).num_retries, 7);
        assert_eq!(http_retry_policy(Some(&open), None).min_delay_target, 10);
        assert_eq!(
            http_retry_policy(None, None),
            RetryPolicy::default_for(EndpointKind::Http)
        );
    }

    #[test]
    fn effective_topic_policy_without_a_policy_is_the_http_default() {
        let expected = r#"{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}"#;
        assert_eq!(effective_topic_delivery_policy(None), expected);
        let empty = parse_topic_delivery_policy("{}").unwrap();
        assert_eq!(effective_topic_delivery_policy(Some(&empty)), expected);
    }

    #[test]
    fn validation_errors() {
        let sub = |retry: &str| {
            parse_subscription_delivery_policy(&format!(r#"{{"healthyRetryPolicy":{retry}}}"#))
                .unwrap_err()
        };
        let h = "healthyRetryPolicy";
        assert_eq!(
            sub(r#"{"numRetries":5}"#),
            format!("{h}.minDelayTarget must be specified")
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":1,"numRetries":5}"#),
            format!("{h}.maxDelayTarget must be specified")
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":1,"maxDelayTarget":2}"#),
            format!("{h}.numRetries must be specified")
        );
        assert_eq!(
            sub(
                r#"{"numRetries":0,"minDelayTarget":0,"maxDelayTarget":0,"numMinDelayRetries":0,"numMaxDelayRetries":0,"numNoDelayRetries":0,"backoffFunction":"exponential"}"#
            ),
            format!("{h}.minDelayTarget must be greater than or equal to 1")
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":1,"maxDelayTarget":3601,"numRetries":1}"#),
            format!("{h}.maxDelayTarget must be less than or equal to 3600")
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":5,"maxDelayTarget":3,"numRetries":1}"#),
            format!("{h}.maxDelayTarget must be greater than or equal to minDelayTarget")
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":1,"maxDelayTarget":1,"numRetries":101}"#),
            format!("{h}.numRetries must be less than or equal to 100")
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":1,"maxDelayTarget":1,"numRetries":-1}"#),
            format!("{h}.numRetries must be greater than or equal to 0")
        );
        assert_eq!(
            sub(
                r#"{"minDelayTarget":1,"maxDelayTarget":1,"numRetries":3,"numMinDelayRetries":-1}"#
            ),
            format!("{h}.numMinDelayRetries must be greater than or equal to 0")
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":1,"maxDelayTarget":1,"numRetries":3,"numNoDelayRetries":2,"numMaxDelayRetries":2}"#),
            format!("{h}.numRetries must be greater than or equal to total of numMinDelayRetries, numNoDelayRetries and numMaxDelayRetries")
        );
        assert_eq!(
            sub(
                r#"{"minDelayTarget":1,"maxDelayTarget":1,"numRetries":3,"backoffFunction":"cubic"}"#
            ),
            format!(
                "{h}.backoffFunction must be one of linear, arithmetic, geometric, exponential"
            )
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":"1","maxDelayTarget":1,"numRetries":3}"#),
            format!("{h}.minDelayTarget must be an integer")
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":1.5,"maxDelayTarget":2,"numRetries":3}"#),
            format!("{h}.minDelayTarget must be an integer")
        );
        assert_eq!(
            sub(r#"{"minDelayTarget":1,"maxDelayTarget":1,"numRetries":3,"retries":3}"#),
            "Unexpected JSON member: retries"
        );
        // The total wait is bounded: 100 retries 60 s apart is 6,000 s.
        assert!(
            sub(r#"{"minDelayTarget":60,"maxDelayTarget":60,"numRetries":100}"#)
                .contains("must be less than or equal to 3600 seconds")
        );
        // 5 linear retries from 1 s: the last may wait at most 1,438 s (1 + 360 + 720 + 1,079
        // + 1,438 = 3,598 s; with 1,439 the waits add up to 3,601 s).
        let linear = |max: u32| {
            parse_subscription_delivery_policy(&format!(
                r#"{{"healthyRetryPolicy":{{"minDelayTarget":1,"maxDelayTarget":{max},"numRetries":5}}}}"#
            ))
        };
        assert!(linear(1438).is_ok());
        assert!(linear(1439).is_err());

        // Topic paths, and the subscription shape given to a topic.
        assert_eq!(
            parse_topic_delivery_policy(
                r#"{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":10,"maxDelayTarget":20,"numRetries":300}}}"#
            )
            .unwrap_err(),
            "http.defaultHealthyRetryPolicy.numRetries must be less than or equal to 100"
        );
        assert_eq!(
            parse_topic_delivery_policy(r#"{"throttlePolicy":{"maxReceivesPerSecond":1}}"#)
                .unwrap_err(),
            "Unexpected JSON member: throttlePolicy"
        );
        assert_eq!(
            parse_topic_delivery_policy(
                r#"{"http":{"defaultThrottlePolicy":{"maxReceivesPerSecond":0}}}"#
            )
            .unwrap_err(),
            "http.defaultThrottlePolicy.maxReceivesPerSecond must be greater than or equal to 1"
        );
        assert_eq!(
            parse_topic_delivery_policy(r#"{"http":{"disableSubscriptionOverrides":"yes"}}"#)
                .unwrap_err(),
            "http.disableSubscriptionOverrides must be a boolean"
        );
        assert_eq!(
            parse_topic_delivery_policy("{").unwrap_err(),
            "failed to parse JSON"
        );
        assert_eq!(
            parse_subscription_delivery_policy("[]").unwrap_err(),
            "the delivery policy must be a JSON object"
        );
    }

    #[test]
    fn api_wordings() {
        let reason = "http.defaultHealthyRetryPolicy.numRetries must be less than or equal to 100";
        assert_eq!(
            set_attributes_error(reason),
            "Invalid parameter: DeliveryPolicy: http.defaultHealthyRetryPolicy.numRetries must be less than or equal to 100"
        );
        assert_eq!(
            create_error(reason),
            "Invalid parameter: Attributes Reason: DeliveryPolicy: http.defaultHealthyRetryPolicy.numRetries must be less than or equal to 100"
        );
    }

    #[test]
    fn exp2_is_accurate() {
        for (x, want) in [
            (0.0, 1.0),
            (1.0, 2.0),
            (10.0, 1024.0),
            (0.5, std::f64::consts::SQRT_2),
        ] {
            assert!((exp2(x) - want).abs() < 1e-12 * want, "{x}");
        }
    }
}
