//! Placeholder: replaced by the complete module (branch s2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointKind {
    AwsManaged,
    Http,
    CustomerManaged,
}
impl EndpointKind {
    pub fn of_protocol(protocol: &str) -> Option<EndpointKind> {
        match protocol {
            "sqs" | "lambda" | "firehose" => Some(Self::AwsManaged),
            "http" | "https" => Some(Self::Http),
            "email" | "email-json" | "sms" => Some(Self::CustomerManaged),
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
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    pub num_retries: u32,
    pub num_no_delay_retries: u32,
    pub num_min_delay_retries: u32,
    pub num_max_delay_retries: u32,
    pub min_delay_target: u32,
    pub max_delay_target: u32,
    pub backoff_function: BackoffFunction,
}
impl RetryPolicy {
    pub fn default_for(kind: EndpointKind) -> RetryPolicy {
        match kind {
            EndpointKind::Http => RetryPolicy {
                num_retries: 3,
                num_no_delay_retries: 0,
                num_min_delay_retries: 0,
                num_max_delay_retries: 0,
                min_delay_target: 20,
                max_delay_target: 20,
                backoff_function: BackoffFunction::Linear,
            },
            EndpointKind::AwsManaged => RetryPolicy {
                num_retries: 100_015,
                num_no_delay_retries: 3,
                num_min_delay_retries: 2,
                num_max_delay_retries: 100_000,
                min_delay_target: 1,
                max_delay_target: 20,
                backoff_function: BackoffFunction::Exponential,
            },
            EndpointKind::CustomerManaged => RetryPolicy {
                num_retries: 50,
                num_no_delay_retries: 0,
                num_min_delay_retries: 2,
                num_max_delay_retries: 38,
                min_delay_target: 10,
                max_delay_target: 600,
                backoff_function: BackoffFunction::Exponential,
            },
        }
    }
    pub fn delay_before_retry(&self, retry: u32) -> Option<u32> {
        if retry == 0 || retry > self.num_retries {
            return None;
        }
        if retry <= self.num_no_delay_retries {
            return Some(0);
        }
        if retry <= self.num_no_delay_retries + self.num_min_delay_retries {
            return Some(self.min_delay_target);
        }
        if retry > self.num_retries - self.num_max_delay_retries {
            return Some(self.max_delay_target);
        }
        Some(self.min_delay_target.max(self.max_delay_target / 2))
    }
}
pub struct TopicDeliveryPolicy {
    pub http: Option<RetryPolicy>,
    pub disable_subscription_overrides: bool,
}
pub struct SubscriptionDeliveryPolicy {
    pub healthy_retry_policy: Option<RetryPolicy>,
}
pub fn parse_topic_delivery_policy(json: &str) -> Result<TopicDeliveryPolicy, String> {
    serde_json::from_str::<serde_json::Value>(json).map_err(|e| e.to_string())?;
    Ok(TopicDeliveryPolicy {
        http: None,
        disable_subscription_overrides: false,
    })
}
pub fn parse_subscription_delivery_policy(
    json: &str,
) -> Result<SubscriptionDeliveryPolicy, String> {
    serde_json::from_str::<serde_json::Value>(json).map_err(|e| e.to_string())?;
    Ok(SubscriptionDeliveryPolicy {
        healthy_retry_policy: None,
    })
}
pub fn effective_topic_delivery_policy(_topic: Option<&TopicDeliveryPolicy>) -> String {
    r#"{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}"#.to_string()
}
