//! Queue attributes: names, AWS ranges and defaults, validation and the `All` listing.
//!
//! Values travel as strings, as in the SQS API; this module turns them into typed values
//! or into the error AWS gives, and back into strings for `GetQueueAttributes`.

use super::error::{ErrorCode, SqsError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Region and account every resource lives in unless a scenario says otherwise.
pub const REGION: &str = "us-east-1";
pub const ACCOUNT_ID: &str = "123456789012";

pub fn queue_url(name: &str) -> String {
    format!("https://sqs.{REGION}.amazonaws.com/{ACCOUNT_ID}/{name}")
}
pub fn queue_arn(name: &str) -> String {
    format!("arn:aws:sqs:{REGION}:{ACCOUNT_ID}:{name}")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedrivePolicy {
    pub dead_letter_target_arn: String,
    pub max_receive_count: u32,
}

/// Which source queues may use a queue as their dead-letter queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RedriveAllowPolicy {
    AllowAll,
    DenyAll,
    ByQueue(Vec<String>),
}

impl RedriveAllowPolicy {
    pub fn allows(&self, source_arn: &str) -> bool {
        match self {
            RedriveAllowPolicy::AllowAll => true,
            RedriveAllowPolicy::DenyAll => false,
            RedriveAllowPolicy::ByQueue(arns) => arns.iter().any(|a| a == source_arn),
        }
    }
}

/// The settable attributes of a standard queue, with AWS's defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueAttributes {
    pub visibility_timeout: u32,
    pub message_retention_period: u32,
    pub delay_seconds: u32,
    pub receive_message_wait_time_seconds: u32,
    pub maximum_message_size: u32,
    pub sqs_managed_sse_enabled: bool,
    pub redrive_policy: Option<RedrivePolicy>,
    /// Kept as the caller wrote it (SQS returns the policy string it was given).
    pub redrive_allow_policy: Option<(String, RedriveAllowPolicy)>,
    pub policy: Option<String>,
    /// SSE-KMS: the key, and how long a data key is reused.
    pub kms_master_key_id: Option<String>,
    pub kms_data_key_reuse_period_seconds: u32,
    /// Fixed at creation: a FIFO queue's name ends in `.fifo`.
    pub fifo_queue: bool,
    pub content_based_deduplication: bool,
    /// `queue` or `messageGroup`: where a deduplication id must be unique.
    pub deduplication_scope: String,
    /// `perQueue` or `perMessageGroupId`.
    pub fifo_throughput_limit: String,
}

impl Default for QueueAttributes {
    fn default() -> Self {
        QueueAttributes {
            visibility_timeout: 30,
            message_retention_period: 345_600,
            delay_seconds: 0,
            receive_message_wait_time_seconds: 0,
            // AWS raised the limit (and the default of new queues) to 1 MiB in 2025.
            maximum_message_size: 1_048_576,
            sqs_managed_sse_enabled: true,
            redrive_policy: None,
            redrive_allow_policy: None,
            policy: None,
            kms_master_key_id: None,
            kms_data_key_reuse_period_seconds: 300,
            fifo_queue: false,
            content_based_deduplication: false,
            deduplication_scope: "queue".into(),
            fifo_throughput_limit: "perQueue".into(),
        }
    }
}

/// Integer attributes: (name, min, max).
const RANGES: &[(&str, u32, u32)] = &[
    ("VisibilityTimeout", 0, 43_200),
    ("MessageRetentionPeriod", 60, 1_209_600),
    ("DelaySeconds", 0, 900),
    ("ReceiveMessageWaitTimeSeconds", 0, 20),
    ("MaximumMessageSize", 1_024, 1_048_576),
    ("KmsDataKeyReusePeriodSeconds", 60, 86_400),
];

/// Attributes only FIFO queues have; a standard queue does not know their names.
pub const FIFO_ONLY: &[&str] = &[
    "ContentBasedDeduplication",
    "DeduplicationScope",
    "FifoThroughputLimit",
];

/// Attributes the service computes; they may be read but not set.
pub const READ_ONLY: &[&str] = &[
    "QueueArn",
    "ApproximateNumberOfMessages",
    "ApproximateNumberOfMessagesNotVisible",
    "ApproximateNumberOfMessagesDelayed",
    "CreatedTimestamp",
    "LastModifiedTimestamp",
];

/// Every name `GetQueueAttributes` accepts, in the order SQS lists them for `All`.
pub const ALL_NAMES: &[&str] = &[
    "QueueArn",
    "ApproximateNumberOfMessages",
    "ApproximateNumberOfMessagesNotVisible",
    "ApproximateNumberOfMessagesDelayed",
    "CreatedTimestamp",
    "LastModifiedTimestamp",
    "VisibilityTimeout",
    "MaximumMessageSize",
    "MessageRetentionPeriod",
    "DelaySeconds",
    "ReceiveMessageWaitTimeSeconds",
    "Policy",
    "RedrivePolicy",
    "RedriveAllowPolicy",
    "KmsMasterKeyId",
    "KmsDataKeyReusePeriodSeconds",
    "SqsManagedSseEnabled",
    "FifoQueue",
    "ContentBasedDeduplication",
    "DeduplicationScope",
    "FifoThroughputLimit",
];

pub fn unknown_attribute(name: &str) -> SqsError {
    SqsError::new(
        ErrorCode::InvalidAttributeName,
        format!("Unknown Attribute {name}."),
    )
}

fn parse_redrive_allow_policy(value: &str) -> Result<RedriveAllowPolicy, SqsError> {
    let bad = |reason: &str| {
        SqsError::invalid_value(format!(
            "Value {value} for parameter RedriveAllowPolicy is invalid. Reason: {reason}"
        ))
    };
    let json: serde_json::Value = serde_json::from_str(value)
        .map_err(|_| bad("Redrive allow policy is not a valid JSON map."))?;
    let permission = json
        .get("redrivePermission")
        .and_then(|v| v.as_str())
        .ok_or_else(|| {
            bad("Redrive allow policy does not contain mandatory attribute: redrivePermission.")
        })?;
    let arns: Option<Vec<String>> = json.get("sourceQueueArns").map(|v| {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    });
    match (permission, arns) {
        ("allowAll", None) => Ok(RedriveAllowPolicy::AllowAll),
        ("denyAll", None) => Ok(RedriveAllowPolicy::DenyAll),
        ("allowAll" | "denyAll", Some(_)) => Err(bad(
            "sourceQueueArns can only be specified when redrivePermission is byQueue.",
        )),
        ("byQueue", Some(arns)) if (1..=10).contains(&arns.len()) => {
            Ok(RedriveAllowPolicy::ByQueue(arns))
        }
        ("byQueue", _) => Err(bad(
            "sourceQueueArns must contain between 1 and 10 queue ARNs when redrivePermission is byQueue.",
        )),
        _ => Err(bad("redrivePermission must be one of allowAll, denyAll or byQueue.")),
    }
}

fn invalid_value(name: &str) -> SqsError {
    SqsError::new(
        ErrorCode::InvalidAttributeValue,
        format!("Invalid value for the parameter {name}."),
    )
}

fn parse_range(name: &str, value: &str, min: u32, max: u32) -> Result<u32, SqsError> {
    match value.trim().parse::<i64>() {
        Ok(v) if v >= min as i64 && v <= max as i64 => Ok(v as u32),
        _ => Err(invalid_value(name)),
    }
}

fn parse_redrive_policy(value: &str) -> Result<RedrivePolicy, SqsError> {
    let bad = |reason: &str| {
        SqsError::invalid_value(format!(
            "Value {value} for parameter RedrivePolicy is invalid. Reason: {reason}"
        ))
    };
    let json: serde_json::Value =
        serde_json::from_str(value).map_err(|_| bad("Redrive policy is not a valid JSON map."))?;
    let target = json
        .get("deadLetterTargetArn")
        .and_then(|v| v.as_str())
        .ok_or_else(|| {
            bad("Redrive policy does not contain mandatory attribute: deadLetterTargetArn.")
        })?;
    let count = match json.get("maxReceiveCount") {
        Some(serde_json::Value::String(s)) => s.parse::<i64>().ok(),
        Some(serde_json::Value::Number(n)) => n.as_i64(),
        None => {
            return Err(bad(
                "Redrive policy does not contain mandatory attribute: maxReceiveCount.",
            ))
        }
        _ => None,
    };
    match count {
        Some(n) if (1..=1000).contains(&n) => Ok(RedrivePolicy {
            dead_letter_target_arn: target.to_string(),
            max_receive_count: n as u32,
        }),
        _ => Err(bad(
            "Invalid value for maxReceiveCount: must be an integer from 1 to 1000.",
        )),
    }
}

impl RedrivePolicy {
    /// The JSON string SQS returns for the attribute.
    pub fn to_attribute(&self) -> String {
        format!(
            "{{\"deadLetterTargetArn\":\"{}\",\"maxReceiveCount\":{}}}",
            self.dead_letter_target_arn, self.max_receive_count
        )
    }
}

impl QueueAttributes {
    /// Applies `changes` on top of `self`; on any error nothing is applied.
    pub fn with_changes(
        &self,
        changes: &BTreeMap<String, String>,
    ) -> Result<QueueAttributes, SqsError> {
        let mut next = self.clone();
        for (name, value) in changes {
            if let Some(&(_, min, max)) = RANGES.iter().find(|(n, _, _)| n == name) {
                let v = parse_range(name, value, min, max)?;
                match name.as_str() {
                    "VisibilityTimeout" => next.visibility_timeout = v,
                    "MessageRetentionPeriod" => next.message_retention_period = v,
                    "DelaySeconds" => next.delay_seconds = v,
                    "ReceiveMessageWaitTimeSeconds" => next.receive_message_wait_time_seconds = v,
                    "KmsDataKeyReusePeriodSeconds" => next.kms_data_key_reuse_period_seconds = v,
                    _ => next.maximum_message_size = v,
                }
                continue;
            }
            let boolean = || match value.to_ascii_lowercase().as_str() {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(invalid_value(name)),
            };
            if FIFO_ONLY.contains(&name.as_str()) && !self.fifo_queue {
                return Err(unknown_attribute(name));
            }
            match name.as_str() {
                "SqsManagedSseEnabled" => next.sqs_managed_sse_enabled = boolean()?,
                "FifoQueue" => {
                    // Only CreateQueue gets here with a real change; the engine refuses it
                    // on SetQueueAttributes.
                    next.fifo_queue = boolean()?;
                }
                "ContentBasedDeduplication" => next.content_based_deduplication = boolean()?,
                "DeduplicationScope" => match value.as_str() {
                    "queue" | "messageGroup" => next.deduplication_scope = value.clone(),
                    _ => return Err(invalid_value(name)),
                },
                "FifoThroughputLimit" => match value.as_str() {
                    "perQueue" | "perMessageGroupId" => next.fifo_throughput_limit = value.clone(),
                    _ => return Err(invalid_value(name)),
                },
                "KmsMasterKeyId" => {
                    next.kms_master_key_id = (!value.is_empty()).then(|| value.clone());
                }
                "Policy" => {
                    next.policy = if value.is_empty() {
                        None
                    } else {
                        let ok = super::access_policy::PolicyDocument::parse(value).is_ok();
                        if !ok {
                            return Err(invalid_value(name));
                        }
                        Some(value.clone())
                    }
                }
                "RedriveAllowPolicy" => {
                    next.redrive_allow_policy = if value.is_empty() {
                        None
                    } else {
                        Some((value.clone(), parse_redrive_allow_policy(value)?))
                    }
                }
                "RedrivePolicy" => {
                    next.redrive_policy = if value.is_empty() {
                        None
                    } else {
                        Some(parse_redrive_policy(value)?)
                    }
                }
                n => return Err(unknown_attribute(n)),
            }
        }
        // SSE-SQS and SSE-KMS exclude each other. Naming a KMS key turns SSE-SQS off
        // unless the same request asks for both.
        if changes.contains_key("KmsMasterKeyId") && next.kms_master_key_id.is_some() {
            if changes
                .get("SqsManagedSseEnabled")
                .map(|v| v.to_ascii_lowercase())
                == Some("true".into())
            {
                return Err(SqsError::new(
                    ErrorCode::InvalidAttributeValue,
                    "You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.",
                ));
            }
            next.sqs_managed_sse_enabled = false;
        } else if next.sqs_managed_sse_enabled && changes.contains_key("SqsManagedSseEnabled") {
            next.kms_master_key_id = None;
        }
        Ok(next)
    }

    /// The first attribute named in `requested` whose value differs from `self`, if any.
    pub fn first_difference(
        &self,
        requested: &QueueAttributes,
        names: &BTreeMap<String, String>,
    ) -> Option<String> {
        names
            .keys()
            .find(|n| self.setting(n) != requested.setting(n))
            .cloned()
    }

    /// The string value of a settable attribute (None when unset or unknown).
    pub fn setting(&self, name: &str) -> Option<String> {
        Some(match name {
            "VisibilityTimeout" => self.visibility_timeout.to_string(),
            "MessageRetentionPeriod" => self.message_retention_period.to_string(),
            "DelaySeconds" => self.delay_seconds.to_string(),
            "ReceiveMessageWaitTimeSeconds" => self.receive_message_wait_time_seconds.to_string(),
            "MaximumMessageSize" => self.maximum_message_size.to_string(),
            "SqsManagedSseEnabled" => self.sqs_managed_sse_enabled.to_string(),
            "RedrivePolicy" => self.redrive_policy.as_ref()?.to_attribute(),
            "RedriveAllowPolicy" => self.redrive_allow_policy.as_ref()?.0.clone(),
            "Policy" => self.policy.clone()?,
            "KmsMasterKeyId" => self.kms_master_key_id.clone()?,
            "KmsDataKeyReusePeriodSeconds" => {
                self.kms_master_key_id.as_ref()?;
                self.kms_data_key_reuse_period_seconds.to_string()
            }
            "FifoQueue" if self.fifo_queue => "true".into(),
            "ContentBasedDeduplication" if self.fifo_queue => {
                self.content_based_deduplication.to_string()
            }
            "DeduplicationScope" if self.fifo_queue => self.deduplication_scope.clone(),
            "FifoThroughputLimit" if self.fifo_queue => self.fifo_throughput_limit.clone(),
            _ => return None,
        })
    }
}

/// Queue names: 1–80 characters of letters, digits, hyphens and underscores; a FIFO
/// queue's name ends in `.fifo` (counted in the 80) and only a FIFO queue's may.
pub fn validate_queue_name(name: &str, fifo: bool) -> Result<(), SqsError> {
    let stem = if fifo {
        name.strip_suffix(".fifo")
    } else {
        Some(name)
    };
    let ok = stem.is_some_and(|stem| {
        !stem.is_empty()
            && name.len() <= 80
            && stem
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    });
    if ok {
        return Ok(());
    }
    if fifo || name.ends_with(".fifo") {
        return Err(SqsError::invalid_value(
            "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.",
        ));
    }
    Err(SqsError::invalid_value(
        "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn ranges_are_inclusive_and_checked() {
        let base = QueueAttributes::default();
        assert_eq!(
            base.with_changes(&attrs(&[("VisibilityTimeout", "43200")]))
                .unwrap()
                .visibility_timeout,
            43200
        );
        for (n, v) in [
            ("VisibilityTimeout", "43201"),
            ("VisibilityTimeout", "-1"),
            ("VisibilityTimeout", "abc"),
            ("MessageRetentionPeriod", "59"),
            ("DelaySeconds", "901"),
            ("ReceiveMessageWaitTimeSeconds", "21"),
            ("MaximumMessageSize", "1023"),
        ] {
            let e = base.with_changes(&attrs(&[(n, v)])).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidAttributeValue, "{n}={v}");
        }
        let e = base.with_changes(&attrs(&[("Foo", "1")])).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidAttributeName);
    }

    #[test]
    fn redrive_policy_accepts_string_or_number_count() {
        let p = r#"{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:dlq","maxReceiveCount":"3"}"#;
        let a = QueueAttributes::default()
            .with_changes(&attrs(&[("RedrivePolicy", p)]))
            .unwrap();
        assert_eq!(a.redrive_policy.as_ref().unwrap().max_receive_count, 3);
        let bad = r#"{"deadLetterTargetArn":"x","maxReceiveCount":0}"#;
        assert!(QueueAttributes::default()
            .with_changes(&attrs(&[("RedrivePolicy", bad)]))
            .is_err());
    }

    #[test]
    fn queue_names() {
        assert!(validate_queue_name("orders_2-eu", false).is_ok());
        assert!(validate_queue_name(&"a".repeat(80), false).is_ok());
        assert!(validate_queue_name("orders.fifo", true).is_ok());
        assert!(validate_queue_name(&format!("{}.fifo", "a".repeat(75)), true).is_ok());
        for (bad, fifo) in [
            ("", false),
            ("has space", false),
            ("dot.name", false),
            (&"a".repeat(81), false),
            ("orders.fifo", false),
            ("orders", true),
            (".fifo", true),
            (&format!("{}.fifo", "a".repeat(76)), true),
        ] {
            assert_eq!(
                validate_queue_name(bad, fifo).unwrap_err().code,
                ErrorCode::InvalidParameterValue
            );
        }
    }
}
