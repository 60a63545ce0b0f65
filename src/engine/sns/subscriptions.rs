//! Subscribe, ConfirmSubscription, Unsubscribe, the subscription lists and attributes, and
//! the simulated endpoints behind subscriptions.

use super::super::attributes::{ACCOUNT_ID, REGION};
use super::super::command::{EndpointSettings, SubscriptionSummary};
use super::super::delivery_policy::{
    create_error, parse_subscription_delivery_policy, set_attributes_error,
};
use super::super::error::{ErrorCode, SqsError};
use super::super::filter_policy::{invalid_parameter_message, FilterPolicy, FilterPolicyScope};
use super::super::time::iso8601;
use super::super::trace::Event;
use super::super::{Engine, Reply};
use super::{
    deliver, page, resource_name, subscription_not_found, topic_not_found, Endpoint, InboxEntry,
    Protocol, Subscription, INBOX_LIMIT,
};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The longest simulated endpoint latency: an hour.
const MAX_LATENCY_MS: u64 = 3_600_000;

pub const SUBSCRIPTION_ATTRIBUTES: &[&str] = &[
    "DeliveryPolicy",
    "FilterPolicy",
    "FilterPolicyScope",
    "RawMessageDelivery",
    "RedrivePolicy",
    "SubscriptionRoleArn",
    "ReplayPolicy",
];

/// The ARN-shaped endpoints: `arn:aws:SERVICE:REGION:ACCOUNT:...`.
fn is_arn_of(endpoint: &str, service: &str) -> bool {
    let parts: Vec<&str> = endpoint.splitn(6, ':').collect();
    parts.len() == 6
        && parts[0] == "arn"
        && parts[1] == "aws"
        && parts[2] == service
        && !parts[5].is_empty()
}

/// Checks an endpoint for its protocol; `Err` is the InvalidParameter reason.
fn check_endpoint(protocol: Protocol, endpoint: &str, fifo_topic: bool) -> Result<(), String> {
    let ok = match protocol {
        Protocol::Sqs => is_arn_of(endpoint, "sqs"),
        Protocol::Lambda => is_arn_of(endpoint, "lambda") && endpoint.contains(":function:"),
        Protocol::Http => endpoint.starts_with("http://") && endpoint.len() > 7,
        Protocol::Https => endpoint.starts_with("https://") && endpoint.len() > 8,
        Protocol::Email | Protocol::EmailJson => {
            let mut parts = endpoint.split('@');
            matches!((parts.next(), parts.next(), parts.next()), (Some(u), Some(d), None) if !u.is_empty() && d.contains('.'))
        }
        Protocol::Sms => {
            let digits = endpoint.strip_prefix('+').unwrap_or(endpoint);
            (7..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
        }
    };
    if !ok {
        return Err(match protocol {
            Protocol::Sqs => "SQS endpoint ARN".into(),
            Protocol::Lambda => "Lambda endpoint ARN".into(),
            Protocol::Email | Protocol::EmailJson => "Email address".into(),
            Protocol::Sms => "Invalid SMS endpoint".into(),
            _ => "Endpoint".into(),
        });
    }
    if fifo_topic && protocol != Protocol::Sqs {
        return Err(format!("Invalid protocol type: {}", protocol.name()));
    }
    // A FIFO topic may feed standard queues (they lose the ordering); a FIFO queue needs
    // a FIFO topic.
    if protocol == Protocol::Sqs && !fifo_topic && endpoint.ends_with(".fifo") {
        return Err(
            "Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics"
                .into(),
        );
    }
    Ok(())
}

/// Applies one attribute to a subscription (a copy: nothing changes on error). `subscribe`:
/// Subscribe words errors "Attributes Reason: ...", SetSubscriptionAttributes does not.
fn set_attribute(
    s: &mut Subscription,
    name: &str,
    value: &str,
    subscribe: bool,
) -> Result<(), SqsError> {
    set_attribute_reason(s, name, value, subscribe).map_err(|e| match e {
        Reason::Full(message) => SqsError::new(ErrorCode::InvalidParameter, message),
        Reason::Short(reason) if subscribe => {
            SqsError::invalid_parameter(format!("Attributes Reason: {reason}"))
        }
        Reason::Short(reason) => SqsError::invalid_parameter(reason),
    })
}

/// A short reason to wrap, or a message already worded in full.
enum Reason {
    Short(String),
    Full(String),
}

impl From<String> for Reason {
    fn from(s: String) -> Reason {
        Reason::Short(s)
    }
}

impl From<&str> for Reason {
    fn from(s: &str) -> Reason {
        Reason::Short(s.to_string())
    }
}

fn set_attribute_reason(
    s: &mut Subscription,
    name: &str,
    value: &str,
    subscribe: bool,
) -> Result<(), Reason> {
    if !SUBSCRIPTION_ATTRIBUTES.contains(&name) {
        return Err("AttributeName".into());
    }
    let policy_error = |e: String| Reason::Full(invalid_parameter_message(&e, subscribe));
    match name {
        "RawMessageDelivery" => {
            let raw = match value.to_ascii_lowercase().as_str() {
                "true" => true,
                "false" => false,
                _ => {
                    return Err(format!(
                        "RawMessageDelivery: Invalid value [{value}]. Must be true or false."
                    )
                    .into())
                }
            };
            if raw && !s.protocol.supports_raw() {
                return Err(format!(
                    "Delivery protocol [{}] does not support raw message delivery.",
                    s.protocol.name()
                )
                .into());
            }
            s.raw_message_delivery = raw;
        }
        "FilterPolicyScope" => {
            let scope = FilterPolicyScope::parse(value)
                .ok_or_else(|| Reason::Full(FilterPolicyScope::invalid_value_message(value)))?;
            if let Some((text, _)) = &s.filter_policy {
                let policy = FilterPolicy::parse(text, scope).map_err(policy_error)?;
                s.filter_policy = Some((text.clone(), policy));
            }
            s.filter_policy_scope = scope;
        }
        "FilterPolicy" => {
            // An empty policy, or `{}`, removes the filter.
            s.filter_policy = if value.trim().is_empty()
                || serde_json::from_str::<serde_json::Value>(value)
                    .is_ok_and(|v| v.as_object().is_some_and(|o| o.is_empty()))
            {
                None
            } else {
                let policy =
                    FilterPolicy::parse(value, s.filter_policy_scope).map_err(policy_error)?;
                Some((value.to_string(), policy))
            };
        }
        "RedrivePolicy" => {
            s.redrive_policy = if value.trim().is_empty() {
                None
            } else {
                let v: serde_json::Value = serde_json::from_str(value).map_err(|_| {
                    Reason::from("RedrivePolicy: Invalid RedrivePolicy, JSON format error")
                })?;
                let target = v
                    .get("deadLetterTargetArn")
                    .and_then(|t| t.as_str())
                    .ok_or(Reason::from(
                        "RedrivePolicy: deadLetterTargetArn is missing",
                    ))?;
                if !is_arn_of(target, "sqs") {
                    return Err("RedrivePolicy: deadLetterTargetArn is an invalid arn".into());
                }
                Some((value.to_string(), target.to_string()))
            };
        }
        "DeliveryPolicy" => {
            s.delivery_policy = if value.trim().is_empty() {
                None
            } else {
                if !matches!(s.protocol, Protocol::Http | Protocol::Https) {
                    return Err(
                        "DeliveryPolicy: Delivery policy can only be set for HTTP/S subscriptions"
                            .into(),
                    );
                }
                let policy = parse_subscription_delivery_policy(value).map_err(|e| {
                    Reason::Full(if subscribe {
                        create_error(&e)
                    } else {
                        set_attributes_error(&e)
                    })
                })?;
                Some((value.to_string(), policy))
            };
        }
        _ => {
            if value.is_empty() {
                s.other_attributes.remove(name);
            } else {
                s.other_attributes.insert(name.into(), value.into());
            }
        }
    }
    Ok(())
}

impl Engine {
    pub(super) fn handle_subscribe(
        &mut self,
        topic_arn: &str,
        protocol: &str,
        endpoint: Option<&str>,
        attributes: &BTreeMap<String, String>,
        return_subscription_arn: bool,
    ) -> Result<Reply, SqsError> {
        let topic = self.topic_by_arn(topic_arn).ok_or_else(topic_not_found)?;
        let fifo = topic.fifo;
        let protocol = Protocol::parse(protocol).ok_or_else(|| {
            SqsError::invalid_parameter(format!(
                "Amazon SNS does not support this protocol string: {protocol}"
            ))
        })?;
        let endpoint = endpoint.unwrap_or_default();
        check_endpoint(protocol, endpoint, fifo).map_err(SqsError::invalid_parameter)?;
        self.check_topic_access(topic_arn, "sns:Subscribe")?;
        let mut subscription = Subscription {
            arn: Arc::from(""),
            topic_arn: topic_arn.to_string(),
            protocol,
            endpoint: Arc::from(endpoint),
            confirmed: !protocol.needs_confirmation(),
            confirmation_was_authenticated: !protocol.needs_confirmation(),
            token: String::new(),
            raw_message_delivery: false,
            filter_policy: None,
            filter_policy_scope: FilterPolicyScope::default(),
            redrive_policy: None,
            delivery_policy: None,
            other_attributes: BTreeMap::new(),
        };
        // The scope first: the policy is read in it.
        let ordered = attributes
            .iter()
            .filter(|(k, _)| k.as_str() == "FilterPolicyScope")
            .chain(
                attributes
                    .iter()
                    .filter(|(k, _)| k.as_str() != "FilterPolicyScope"),
            );
        for (k, v) in ordered {
            set_attribute(&mut subscription, k, v, true)?;
        }
        if let Some(existing) = self.subscriptions().find(|s| {
            s.topic_arn == topic_arn && s.protocol == protocol && *s.endpoint == *endpoint
        }) {
            // Subscribing again answers the same subscription.
            let same = existing.raw_message_delivery == subscription.raw_message_delivery
                && existing.filter_policy.as_ref().map(|p| &p.0)
                    == subscription.filter_policy.as_ref().map(|p| &p.0);
            if !attributes.is_empty() && !same {
                return Err(SqsError::invalid_parameter(
                    "Attributes Reason: Subscription already exists with different attributes",
                ));
            }
            let arn = if existing.confirmed || return_subscription_arn {
                existing.arn.to_string()
            } else {
                "pending confirmation".to_string()
            };
            return Ok(Reply::SubscriptionArn(arn));
        }

        // Checks are done: the subscription exists from here on.
        subscription.arn = format!("{topic_arn}:{}", self.rng.uuid()).into();
        if !subscription.confirmed {
            let mut token = [0u8; 32];
            self.rng.fill(&mut token);
            subscription.token = token.iter().map(|b| format!("{b:02x}")).collect();
        }
        let key = self.sns.next_subscription;
        self.sns.next_subscription += 1;
        self.sns.by_arn.insert(subscription.arn.to_string(), key);
        let arn = subscription.arn.clone();
        let pending = !subscription.confirmed;
        let event = Event::Subscribed {
            topic: resource_name(topic_arn).into(),
            subscription: arn.clone(),
            protocol: protocol.name().to_string(),
            endpoint: subscription.endpoint.clone(),
            pending_confirmation: pending,
        };
        self.endpoint_entry(protocol, endpoint);
        if pending {
            let request = self.confirmation_request(&subscription);
            self.record_in_inbox(endpoint, &arn, "SubscriptionConfirmation", request);
        }
        self.sns.subscriptions.insert(key, Arc::new(subscription));
        self.trace.push(self.now, event);
        Ok(Reply::SubscriptionArn(
            if pending && !return_subscription_arn {
                "pending confirmation".to_string()
            } else {
                arn.to_string()
            },
        ))
    }

    /// The message an http(s) or email endpoint gets when subscribed: it carries the token.
    fn confirmation_request(&self, s: &Subscription) -> String {
        let url = format!(
            "https://sns.{REGION}.amazonaws.com/?Action=ConfirmSubscription&TopicArn={}&Token={}",
            s.topic_arn, s.token
        );
        let text = format!(
            "You have chosen to subscribe to the topic {}.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
            s.topic_arn
        );
        if s.protocol == Protocol::Email {
            return format!("{text}\n\n{url}");
        }
        serde_json::json!({
            "Type": "SubscriptionConfirmation",
            "MessageId": format!("confirm-{}", resource_name(&s.arn)),
            "Token": s.token,
            "TopicArn": s.topic_arn,
            "Message": text,
            "SubscribeURL": url,
            "Timestamp": iso8601(self.epoch_millis(self.now)),
            "SignatureVersion": "1",
            "Signature": deliver::signature(&s.token),
            "SigningCertURL": deliver::SIGNING_CERT_URL,
        })
        .to_string()
    }

    pub(super) fn endpoint_entry(&mut self, protocol: Protocol, endpoint: &str) -> &mut Endpoint {
        self.sns
            .endpoints
            .entry(endpoint.to_string())
            .or_insert_with(|| Endpoint {
                settings: EndpointSettings {
                    latency_ms: protocol.default_latency_ms(),
                    ..EndpointSettings::default()
                },
                inbox: Default::default(),
            })
    }

    pub(super) fn record_in_inbox(
        &mut self,
        endpoint: &str,
        subscription: &str,
        kind: &'static str,
        body: impl Into<std::sync::Arc<str>>,
    ) {
        let at = self.now;
        if let Some(e) = self.sns.endpoints.get_mut(endpoint) {
            e.inbox.push_back(InboxEntry {
                at,
                subscription: subscription.to_string(),
                kind,
                body: body.into(),
            });
            while e.inbox.len() > INBOX_LIMIT {
                e.inbox.pop_front();
            }
        }
    }

    pub(super) fn handle_confirm_subscription(
        &mut self,
        topic_arn: &str,
        token: &str,
        authenticate_on_unsubscribe: bool,
    ) -> Result<Reply, SqsError> {
        self.topic_by_arn(topic_arn).ok_or_else(topic_not_found)?;
        let key = self
            .sns
            .subscriptions
            .iter()
            .find(|(_, s)| s.topic_arn == topic_arn && !s.token.is_empty() && s.token == token)
            .map(|(k, _)| *k)
            .ok_or_else(|| SqsError::invalid_parameter("Invalid token"))?;
        let s = Arc::make_mut(self.sns.subscriptions.get_mut(&key).expect("found"));
        let arn = s.arn.clone();
        if !s.confirmed {
            s.confirmed = true;
            s.confirmation_was_authenticated = authenticate_on_unsubscribe;
            let event = Event::SubscriptionConfirmed {
                topic: resource_name(topic_arn).into(),
                subscription: arn.clone(),
            };
            self.trace.push(self.now, event);
        }
        Ok(Reply::SubscriptionArn(arn.to_string()))
    }

    pub(super) fn handle_unsubscribe(&mut self, arn: &str) -> Result<Reply, SqsError> {
        // Unsubscribing what is not subscribed succeeds (SNS deletes are idempotent), but
        // the ARN must be one.
        let Some(&key) = self.sns.by_arn.get(arn) else {
            let parts = arn.split(':').count();
            if parts < 6 || !arn.starts_with("arn:") {
                return Err(SqsError::invalid_parameter(format!(
                    "SubscriptionArn Reason: An ARN must have at least 6 elements, not {parts}"
                )));
            }
            return Ok(Reply::Done);
        };
        let s = self.sns.subscriptions.remove(&key).expect("indexed");
        self.sns.by_arn.remove(arn);
        let topic = resource_name(&s.topic_arn).to_string();
        if let Some(t) = self.sns.topics.get_mut(&topic) {
            t.subscriptions_deleted += 1;
        }
        self.trace.push(
            self.now,
            Event::Unsubscribed {
                topic: topic.into(),
                subscription: s.arn.clone(),
            },
        );
        Ok(Reply::Done)
    }

    pub(super) fn handle_list_subscriptions(
        &self,
        topic_arn: Option<&str>,
        next_token: Option<&str>,
    ) -> Result<Reply, SqsError> {
        if let Some(arn) = topic_arn {
            self.topic_by_arn(arn).ok_or_else(topic_not_found)?;
        }
        let rows = self
            .subscriptions()
            .filter(|s| topic_arn.is_none_or(|t| s.topic_arn == t))
            .map(|s| SubscriptionSummary {
                subscription_arn: if s.confirmed {
                    s.arn.to_string()
                } else {
                    "PendingConfirmation".to_string()
                },
                owner: ACCOUNT_ID.to_string(),
                protocol: s.protocol.name().to_string(),
                endpoint: s.endpoint.to_string(),
                topic_arn: s.topic_arn.clone(),
            })
            .collect();
        let (subscriptions, next_token) = page(rows, next_token)?;
        Ok(Reply::Subscriptions {
            subscriptions,
            next_token,
        })
    }

    pub(super) fn handle_get_subscription_attributes(&self, arn: &str) -> Result<Reply, SqsError> {
        let s = self.subscription(arn).ok_or_else(subscription_not_found)?;
        let mut out = vec![
            (
                "ConfirmationWasAuthenticated".to_string(),
                s.confirmation_was_authenticated.to_string(),
            ),
            ("Owner".to_string(), ACCOUNT_ID.to_string()),
            (
                "RawMessageDelivery".to_string(),
                s.raw_message_delivery.to_string(),
            ),
            ("TopicArn".to_string(), s.topic_arn.clone()),
            ("Endpoint".to_string(), s.endpoint.to_string()),
            ("Protocol".to_string(), s.protocol.name().to_string()),
            (
                "PendingConfirmation".to_string(),
                (!s.confirmed).to_string(),
            ),
            (
                "SubscriptionPrincipal".to_string(),
                format!("arn:aws:iam::{ACCOUNT_ID}:user/fanout"),
            ),
            ("SubscriptionArn".to_string(), s.arn.to_string()),
        ];
        if let Some((text, _)) = &s.filter_policy {
            out.push(("FilterPolicy".into(), text.clone()));
            out.push((
                "FilterPolicyScope".into(),
                s.filter_policy_scope.name().into(),
            ));
        }
        if let Some((text, _)) = &s.redrive_policy {
            out.push(("RedrivePolicy".into(), text.clone()));
        }
        if let Some((text, _)) = &s.delivery_policy {
            out.push(("DeliveryPolicy".into(), text.clone()));
        }
        if matches!(s.protocol, Protocol::Http | Protocol::Https) {
            out.push((
                "EffectiveDeliveryPolicy".into(),
                self.effective_subscription_delivery_policy(s),
            ));
        }
        for (k, v) in &s.other_attributes {
            out.push((k.clone(), v.clone()));
        }
        Ok(Reply::Attributes(out))
    }

    pub(super) fn handle_set_subscription_attributes(
        &mut self,
        arn: &str,
        name: &str,
        value: &str,
    ) -> Result<Reply, SqsError> {
        let key = *self
            .sns
            .by_arn
            .get(arn)
            .ok_or_else(subscription_not_found)?;
        let mut next = Subscription::clone(&self.sns.subscriptions[&key]);
        set_attribute(&mut next, name, value, false)?;
        self.sns.subscriptions.insert(key, Arc::new(next));
        self.trace.push(
            self.now,
            Event::SubscriptionAttributeChanged {
                subscription: arn.into(),
                attribute: name.to_string(),
                value: value.to_string(),
            },
        );
        Ok(Reply::Done)
    }

    pub(super) fn handle_set_endpoint(
        &mut self,
        endpoint: &str,
        settings: EndpointSettings,
    ) -> Result<Reply, SqsError> {
        if settings.error_percent > 100 {
            return Err(SqsError::invalid_parameter(
                "error percent must be between 0 and 100",
            ));
        }
        // A delivery must land within reach of the clock: `step` runs time (and the
        // per-minute metrics) up to it.
        if settings.latency_ms > MAX_LATENCY_MS {
            return Err(SqsError::invalid_parameter(format!(
                "latency must be between 0 and {MAX_LATENCY_MS} ms"
            )));
        }
        let protocol = self
            .subscriptions()
            .find(|s| *s.endpoint == *endpoint)
            .map(|s| s.protocol)
            .unwrap_or(Protocol::Https);
        self.endpoint_entry(protocol, endpoint).settings = settings;
        self.trace.push(
            self.now,
            Event::EndpointChanged {
                endpoint: endpoint.into(),
                available: settings.available,
                latency_ms: settings.latency_ms,
                error_percent: settings.error_percent,
            },
        );
        Ok(Reply::Done)
    }
}
