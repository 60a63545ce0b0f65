//! Resource-based access policies: the `Policy` attribute of SQS queues and SNS topics.
//!
//! [`PolicyDocument::parse`] checks a document's grammar the way the services do when the
//! attribute is set, and [`PolicyDocument::evaluate`] decides one request against it the way
//! AWS decides a resource-based policy on its own (no identity policy, no SCP, no session
//! policy): an explicit `Deny` wins; otherwise any matching `Allow` allows; otherwise the
//! request is implicitly denied.
//!
//! # Supported
//!
//! - `Version` (`2012-10-17` or `2008-10-17`), `Id`, `Statement` as one object or a non-empty
//!   array. Unknown top-level or statement members are rejected (a `Principle` typo is the
//!   classic "Policy Error: null").
//! - `Sid` (must be unique within the document when present), `Effect` `Allow` | `Deny`.
//! - `Principal` / `NotPrincipal` (exactly one of them): `"*"`, or an object with `AWS`,
//!   `Service`, `Federated`, `CanonicalUser`, each a string or a list. `{"AWS": "*"}` matches
//!   every caller, services included (as the older console-generated SNS→SQS policies rely
//!   on). An account matches its 12-digit id and `arn:aws:iam::ID:root`; a service matches
//!   its name (`sns.amazonaws.com`). `Federated` and `CanonicalUser` never match a simulated
//!   caller.
//! - `Action` / `NotAction` (exactly one): strings or lists, `*` and `?` wildcards; action
//!   names are case-insensitive (`SQS:SendMessage` = `sqs:sendmessage`).
//! - `Resource` / `NotResource` (at most one): ARNs with `*` / `?` wildcards, matched
//!   case-sensitively. A statement with neither applies to the resource the policy is attached
//!   to (lenient: AWS's exact behaviour for a missing `Resource` was not confirmed).
//! - `Condition`: operators `StringEquals`, `StringNotEquals`, `StringEqualsIgnoreCase`,
//!   `StringNotEqualsIgnoreCase`, `StringLike`, `StringNotLike`, `ArnEquals`, `ArnLike`,
//!   `ArnNotEquals`, `ArnNotLike`, `Null`, each (but `Null`) with the `IfExists` suffix and the
//!   `ForAnyValue:` / `ForAllValues:` qualifiers. Keys: `aws:SourceArn`, `aws:SourceAccount`,
//!   and `aws:SourceOwner` (the legacy SNS key, treated as `aws:SourceAccount`); key names are
//!   case-insensitive. Several operators, or several keys under one operator, must all hold
//!   (AND); several values for one key match if any does (OR), or, for a negated operator
//!   (`...Not...`), if none does (NOR). Per the IAM reference: a key absent from the request
//!   makes a condition false, except that a negated operator is then true, an `...IfExists`
//!   operator is then true, and `ForAllValues:` is then true. `ArnEquals` and `ArnLike` behave
//!   alike: each of the six colon-separated ARN parts is matched on its own with wildcards
//!   (a pattern of fewer parts matches nothing, except `*` alone).
//!
//! # Not supported
//!
//! - Policy variables (`${aws:username}`) are compared literally.
//! - Numeric, date, `Bool`, binary and IP operators are accepted by the parser, but the
//!   simulated request carries no key of those types (`aws:SourceIp`, `aws:CurrentTime`,
//!   `aws:SecureTransport`, ...), so they follow the absent-key rule (true only when negated
//!   or `IfExists`). Any other condition key (`aws:PrincipalOrgID`, ...) is likewise absent.
//! - Principal ARNs of users and roles never match (a simulated caller is an account or a
//!   service); whether a named principal exists (SNS's "PrincipalNotFound") is not checked.
//! - Policy size and count quotas (SQS: 8,192 bytes, 20 statements, 50 principals, 10
//!   conditions, 7 actions per statement; SNS: 30 KB, 100 statements, 200 principals) are
//!   not enforced here.
//! - Only the resource policy is evaluated: same-account identity-based permissions, which
//!   let an owner's users act without a resource policy, are the caller's business.
//!
//! # Error wordings
//!
//! `parse` returns a precise reason for the trace and the page. The services themselves
//! answer with fixed texts, returned by [`sqs_invalid_policy_message`],
//! [`sns_invalid_policy_message`] and [`sns_action_out_of_scope_message`] (see their docs for
//! where each wording was seen).

use serde_json::{Map, Value};

/// What SQS answers (`InvalidAttributeValue`) to any policy it refuses, whatever the reason.
/// Seen verbatim in terraform-provider-aws#42209, aws-cdk#15602 and cloud-custodian#1816
/// (the last one for a policy whose only statement was removed: an empty `Statement`).
pub fn sqs_invalid_policy_message() -> &'static str {
    "Invalid value for the parameter Policy."
}

/// What SNS answers (`InvalidParameter`) to a malformed topic policy. Real responses carry
/// the reason `null` for grammar errors (serverless#5519: a `Principle` typo;
/// aws/serverless-application-model#1591; cloudposse/terraform-aws-sns-topic#44).
/// `create_topic`: `CreateTopic` wraps attribute errors as `Invalid parameter: Attributes
/// Reason: ...` (seen for `DeliveryPolicy` and for the action-scope error; assumed alike here).
pub fn sns_invalid_policy_message(create_topic: bool) -> String {
    sns_wrap("Policy Error: null", create_topic)
}

/// What SNS answers (`InvalidParameter`) when a topic policy names an action of another
/// service (aws-cli#3143 for `AddPermission`; the `CreateTopic` form is from the Ballerina
/// AWS SNS connector's tests against AWS). See [`PolicyDocument::action_outside`].
pub fn sns_action_out_of_scope_message(create_topic: bool) -> String {
    sns_wrap(
        "Policy statement action out of service scope!",
        create_topic,
    )
}

fn sns_wrap(reason: &str, create_topic: bool) -> String {
    if create_topic {
        format!("Invalid parameter: Attributes Reason: {reason}")
    } else {
        format!("Invalid parameter: {reason}")
    }
}

/// A parsed access policy.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyDocument {
    pub version: Option<String>,
    pub id: Option<String>,
    pub statements: Vec<Statement>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

/// One statement, normalised: single values became one-element lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub sid: Option<String>,
    pub effect: Effect,
    pub principal: PrincipalClause,
    pub action: PatternClause,
    /// `None`: the statement names no resource and applies to the policy's own resource.
    pub resource: Option<PatternClause>,
    pub conditions: Vec<Condition>,
}

/// `Principal` (`negated == false`) or `NotPrincipal`.
#[derive(Clone, Debug, PartialEq)]
pub struct PrincipalClause {
    pub negated: bool,
    /// `"Principal": "*"`.
    pub anyone: bool,
    pub aws: Vec<String>,
    pub service: Vec<String>,
    /// `Federated` and `CanonicalUser` entries: kept, never matched.
    pub other: Vec<String>,
}

/// `Action` / `NotAction`, `Resource` / `NotResource`.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternClause {
    pub negated: bool,
    pub patterns: Vec<String>,
}

/// One `operator: {key: values}` entry of a `Condition` block.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    /// As written, e.g. `ArnEquals` or `ForAnyValue:StringLikeIfExists`.
    pub operator: String,
    pub key: String,
    pub values: Vec<String>,
    op: Operator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SetQualifier {
    ForAnyValue,
    ForAllValues,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Base {
    StringEquals,
    StringEqualsIgnoreCase,
    StringLike,
    ArnLike,
    Null,
    /// Numeric, date, Bool, binary, IP: never has a value in a simulated request.
    Untyped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Operator {
    base: Base,
    negated: bool,
    if_exists: bool,
    set: Option<SetQualifier>,
}

/// Who makes the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Principal<'a> {
    /// A 12-digit account id; matches `"AWS": "ID"` and `"AWS": "arn:aws:iam::ID:root"`.
    Account(&'a str),
    /// A service principal such as `sns.amazonaws.com`.
    Service(&'a str),
}

/// The request context a policy is evaluated against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    pub principal: Principal<'a>,
    /// e.g. `sqs:SendMessage`.
    pub action: &'a str,
    /// The ARN of the queue or topic.
    pub resource: &'a str,
    /// `aws:SourceArn`, e.g. the topic a delivery comes from.
    pub source_arn: Option<&'a str>,
    /// `aws:SourceAccount` (and the legacy `aws:SourceOwner`).
    pub source_account: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// The first matching `Allow` statement (in document order) and no matching `Deny`.
    Allow { sid: Option<String> },
    /// The first matching `Deny` statement.
    ExplicitDeny { sid: Option<String> },
    /// No statement applies.
    ImplicitDeny,
}

impl Decision {
    pub fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allow { .. })
    }
}

impl PolicyDocument {
    /// Parses and checks a policy document. `Err` carries a precise reason (for the trace
    /// and the page); the services answer with the fixed texts of
    /// [`sqs_invalid_policy_message`] / [`sns_invalid_policy_message`].
    pub fn parse(json: &str) -> Result<PolicyDocument, String> {
        let value: Value = serde_json::from_str(json)
            .map_err(|e| format!("the policy is not valid JSON ({e})"))?;
        let Value::Object(top) = value else {
            return Err("the policy must be a JSON object".into());
        };
        let mut version = None;
        let mut id = None;
        let mut statement = None;
        for (key, value) in &top {
            match key.as_str() {
                "Version" => match value.as_str() {
                    Some(v @ ("2012-10-17" | "2008-10-17")) => version = Some(v.to_string()),
                    _ => {
                        return Err(format!(
                            "Version must be \"2012-10-17\" or \"2008-10-17\", not {value}"
                        ))
                    }
                },
                "Id" => match value.as_str() {
                    Some(v) => id = Some(v.to_string()),
                    None => return Err("Id must be a string".into()),
                },
                "Statement" => statement = Some(value),
                other => return Err(format!("unknown policy element \"{other}\"")),
            }
        }
        let statements: Vec<&Value> = match statement {
            None => return Err("the policy has no Statement".into()),
            Some(Value::Array(list)) if list.is_empty() => {
                return Err("Statement must not be empty".into())
            }
            Some(Value::Array(list)) => list.iter().collect(),
            Some(one @ Value::Object(_)) => vec![one],
            Some(_) => return Err("Statement must be an object or a list of objects".into()),
        };
        let mut parsed = Vec::with_capacity(statements.len());
        for (index, value) in statements.into_iter().enumerate() {
            let statement = parse_statement(value)
                .map_err(|reason| format!("statement {}: {reason}", index + 1))?;
            if let Some(sid) = statement.sid.as_deref().filter(|s| !s.is_empty()) {
                if parsed
                    .iter()
                    .any(|s: &Statement| s.sid.as_deref() == Some(sid))
                {
                    return Err(format!("duplicate Sid \"{sid}\""));
                }
            }
            parsed.push(statement);
        }
        Ok(PolicyDocument {
            version,
            id,
            statements: parsed,
        })
    }

    /// The first `Action` / `NotAction` entry that names another service than `service`
    /// (`"sns"` for a topic policy), for [`sns_action_out_of_scope_message`]. `*` is in scope.
    pub fn action_outside(&self, service: &str) -> Option<&str> {
        self.statements
            .iter()
            .flat_map(|s| s.action.patterns.iter())
            .map(String::as_str)
            .find(|pattern| {
                *pattern != "*"
                    && !pattern
                        .split_once(':')
                        .is_some_and(|(prefix, _)| prefix.eq_ignore_ascii_case(service))
            })
    }

    /// Decides `request`: explicit deny wins, then any allow, else implicit deny.
    pub fn evaluate(&self, request: &Request) -> Decision {
        let mut allow = None;
        for statement in &self.statements {
            if !statement.applies_to(request) {
                continue;
            }
            match statement.effect {
                Effect::Deny => {
                    return Decision::ExplicitDeny {
                        sid: statement.sid.clone(),
                    }
                }
                Effect::Allow => {
                    if allow.is_none() {
                        allow = Some(statement.sid.clone());
                    }
                }
            }
        }
        match allow {
            Some(sid) => Decision::Allow { sid },
            None => Decision::ImplicitDeny,
        }
    }
}

/// [`PolicyDocument::evaluate`], with no policy at all meaning an implicit deny.
pub fn evaluate_policy(policy: Option<&PolicyDocument>, request: &Request) -> Decision {
    policy.map_or(Decision::ImplicitDeny, |p| p.evaluate(request))
}

impl Statement {
    fn applies_to(&self, request: &Request) -> bool {
        self.principal.matches(&request.principal)
            && self.action.matches(request.action, false)
            && self
                .resource
                .as_ref()
                .is_none_or(|r| r.matches(request.resource, true))
            && self.conditions.iter().all(|c| c.holds(request))
    }
}

impl PrincipalClause {
    fn matches(&self, principal: &Principal) -> bool {
        let named = self.anyone
            || self.aws.iter().any(|a| a == "*")
            || match principal {
                Principal::Account(id) => self.aws.iter().any(|a| {
                    a == id
                        || a.strip_prefix("arn:aws:iam::")
                            .and_then(|rest| rest.strip_suffix(":root"))
                            == Some(id)
                }),
                Principal::Service(name) => {
                    self.service.iter().any(|s| s.eq_ignore_ascii_case(name))
                }
            };
        named != self.negated
    }
}

impl PatternClause {
    fn matches(&self, value: &str, case_sensitive: bool) -> bool {
        let any = self.patterns.iter().any(|p| {
            if case_sensitive {
                glob(p, value)
            } else {
                glob(&p.to_lowercase(), &value.to_lowercase())
            }
        });
        any != self.negated
    }
}

impl Condition {
    fn holds(&self, request: &Request) -> bool {
        let op = self.op;
        let value = match self.key.to_ascii_lowercase().as_str() {
            "aws:sourcearn" => request.source_arn,
            "aws:sourceaccount" | "aws:sourceowner" => request.source_account,
            _ => None,
        };
        if op.base == Base::Null {
            let absent = value.is_none();
            return self
                .values
                .iter()
                .any(|v| v.eq_ignore_ascii_case("true") == absent);
        }
        let value = if op.base == Base::Untyped {
            None
        } else {
            value
        };
        let Some(value) = value else {
            return match op.set {
                Some(SetQualifier::ForAllValues) => true,
                Some(SetQualifier::ForAnyValue) => op.if_exists,
                None => op.if_exists || op.negated,
            };
        };
        let any = self.values.iter().any(|pattern| match op.base {
            Base::StringEquals => pattern == value,
            Base::StringEqualsIgnoreCase => pattern.to_lowercase() == value.to_lowercase(),
            Base::StringLike => glob(pattern, value),
            Base::ArnLike => arn_like(pattern, value),
            Base::Null | Base::Untyped => false,
        });
        any != op.negated
    }
}

fn parse_statement(value: &Value) -> Result<Statement, String> {
    let Value::Object(fields) = value else {
        return Err("a statement must be a JSON object".into());
    };
    let mut sid = None;
    let mut effect = None;
    let mut principal = None;
    let mut action = None;
    let mut resource = None;
    let mut conditions = Vec::new();
    for (key, value) in fields {
        match key.as_str() {
            "Sid" => match value.as_str() {
                Some(s) => sid = Some(s.to_string()),
                None => return Err("Sid must be a string".into()),
            },
            "Effect" => {
                effect = Some(match value.as_str() {
                    Some("Allow") => Effect::Allow,
                    Some("Deny") => Effect::Deny,
                    _ => return Err(format!("Effect must be \"Allow\" or \"Deny\", not {value}")),
                })
            }
            "Principal" | "NotPrincipal" => {
                if principal.is_some() {
                    return Err("a statement has either Principal or NotPrincipal, not both".into());
                }
                principal = Some(parse_principal(key, value, key == "NotPrincipal")?);
            }
            "Action" | "NotAction" => {
                if action.is_some() {
                    return Err("a statement has either Action or NotAction, not both".into());
                }
                let patterns = string_list(key, value)?;
                if let Some(bad) = patterns.iter().find(|p| !valid_action(p)) {
                    return Err(format!(
                        "{key} \"{bad}\" is not \"*\" or \"service:ActionName\""
                    ));
                }
                action = Some(PatternClause {
                    negated: key == "NotAction",
                    patterns,
                });
            }
            "Resource" | "NotResource" => {
                if resource.is_some() {
                    return Err("a statement has either Resource or NotResource, not both".into());
                }
                let patterns = string_list(key, value)?;
                if let Some(bad) = patterns
                    .iter()
                    .find(|p| *p != "*" && !p.starts_with("arn:"))
                {
                    return Err(format!("{key} \"{bad}\" is not \"*\" or an ARN"));
                }
                resource = Some(PatternClause {
                    negated: key == "NotResource",
                    patterns,
                });
            }
            "Condition" => conditions = parse_conditions(value)?,
            other => return Err(format!("unknown statement element \"{other}\"")),
        }
    }
    Ok(Statement {
        sid,
        effect: effect.ok_or("the statement has no Effect")?,
        principal: principal.ok_or("the statement has no Principal")?,
        action: action.ok_or("the statement has no Action")?,
        resource,
        conditions,
    })
}

fn parse_principal(element: &str, value: &Value, negated: bool) -> Result<PrincipalClause, String> {
    let mut clause = PrincipalClause {
        negated,
        anyone: false,
        aws: Vec::new(),
        service: Vec::new(),
        other: Vec::new(),
    };
    match value {
        Value::String(s) if s == "*" => clause.anyone = true,
        Value::Object(map) if !map.is_empty() => {
            for (kind, ids) in map {
                let ids = string_list(&format!("{element}.{kind}"), ids)?;
                match kind.as_str() {
                    "AWS" => {
                        if let Some(bad) = ids.iter().find(|id| !valid_aws_principal(id)) {
                            return Err(format!(
                                "{element} AWS \"{bad}\" is not \"*\", a 12-digit account id or an ARN"
                            ));
                        }
                        clause.aws.extend(ids);
                    }
                    "Service" => clause.service.extend(ids),
                    "Federated" | "CanonicalUser" => clause.other.extend(ids),
                    other => return Err(format!("unknown principal type \"{other}\"")),
                }
            }
        }
        _ => {
            return Err(format!(
            "{element} must be \"*\" or an object such as {{\"AWS\": ...}} or {{\"Service\": ...}}"
        ))
        }
    }
    Ok(clause)
}

fn valid_aws_principal(id: &str) -> bool {
    id == "*"
        || (id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()))
        || id.starts_with("arn:")
}

fn valid_action(pattern: &str) -> bool {
    pattern == "*"
        || pattern.split_once(':').is_some_and(|(service, name)| {
            !service.is_empty()
                && service
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !name.is_empty()
        })
}

/// A string or a non-empty list of strings (numbers are taken as their text, as account ids
/// are sometimes written unquoted).
fn string_list(element: &str, value: &Value) -> Result<Vec<String>, String> {
    let one = |v: &Value| match v {
        Value::String(s) if !s.is_empty() => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        _ => Err(format!(
            "{element} must be a non-empty string or a list of them"
        )),
    };
    match value {
        Value::Array(list) if !list.is_empty() => list.iter().map(one).collect(),
        Value::Array(_) => Err(format!("{element} must not be an empty list")),
        other => Ok(vec![one(other)?]),
    }
}

fn parse_conditions(value: &Value) -> Result<Vec<Condition>, String> {
    let Value::Object(block) = value else {
        return Err("Condition must be an object".into());
    };
    let mut conditions = Vec::new();
    for (operator, entries) in block {
        let op = parse_operator(operator)?;
        let Value::Object(entries) = entries else {
            return Err(format!("Condition {operator} must map keys to values"));
        };
        for (key, values) in entries {
            let values = condition_values(operator, key, values)?;
            conditions.push(Condition {
                operator: operator.clone(),
                key: key.clone(),
                values,
                op,
            });
        }
    }
    Ok(conditions)
}

fn condition_values(operator: &str, key: &str, value: &Value) -> Result<Vec<String>, String> {
    let one = |v: &Value| match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        _ => Err(format!(
            "Condition {operator} {key}: values must be strings, numbers or booleans"
        )),
    };
    match value {
        Value::Array(list) => list.iter().map(one).collect(),
        other => Ok(vec![one(other)?]),
    }
}

fn parse_operator(name: &str) -> Result<Operator, String> {
    let unknown = || format!("unknown condition operator \"{name}\"");
    let lower = name.to_ascii_lowercase();
    let (set, rest) = if let Some(rest) = lower.strip_prefix("foranyvalue:") {
        (Some(SetQualifier::ForAnyValue), rest)
    } else if let Some(rest) = lower.strip_prefix("forallvalues:") {
        (Some(SetQualifier::ForAllValues), rest)
    } else {
        (None, lower.as_str())
    };
    let (if_exists, base) = match rest.strip_suffix("ifexists") {
        Some(base) => (true, base),
        None => (false, rest),
    };
    let (base, negated) = match base {
        "stringequals" => (Base::StringEquals, false),
        "stringnotequals" => (Base::StringEquals, true),
        "stringequalsignorecase" => (Base::StringEqualsIgnoreCase, false),
        "stringnotequalsignorecase" => (Base::StringEqualsIgnoreCase, true),
        "stringlike" => (Base::StringLike, false),
        "stringnotlike" => (Base::StringLike, true),
        "arnequals" | "arnlike" => (Base::ArnLike, false),
        "arnnotequals" | "arnnotlike" => (Base::ArnLike, true),
        "null" if !if_exists && set.is_none() => (Base::Null, false),
        "numericequals"
        | "numericlessthan"
        | "numericlessthanequals"
        | "numericgreaterthan"
        | "numericgreaterthanequals"
        | "dateequals"
        | "datelessthan"
        | "datelessthanequals"
        | "dategreaterthan"
        | "dategreaterthanequals"
        | "bool"
        | "binaryequals"
        | "ipaddress" => (Base::Untyped, false),
        "numericnotequals" | "datenotequals" | "notipaddress" => (Base::Untyped, true),
        _ => return Err(unknown()),
    };
    Ok(Operator {
        base,
        negated,
        if_exists,
        set,
    })
}

/// `*` matches any run of characters (also none), `?` exactly one.
fn glob(pattern: &str, text: &str) -> bool {
    // Every publish and SNS delivery evaluates a policy, and ARNs and actions are ASCII:
    // their bytes are their characters, so matching them needs no allocation.
    if pattern.is_ascii() && text.is_ascii() {
        return glob_units(pattern.as_bytes(), text.as_bytes(), b'*', b'?');
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    glob_units(&p, &t, '*', '?')
}

/// `glob` over characters (or, for ASCII, bytes): `any_run` matches any run, `any_one` one.
fn glob_units<T: Copy + PartialEq>(p: &[T], t: &[T], any_run: T, any_one: T) -> bool {
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == any_one || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == any_run {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == any_run)
}

/// `ArnEquals` / `ArnLike`: the six colon-separated parts are matched one by one (the last
/// part keeps its own colons), so a wildcard never spans a colon. A pattern with fewer parts
/// matches nothing, except `*` alone, which matches anything.
fn arn_like(pattern: &str, arn: &str) -> bool {
    let p: Vec<&str> = pattern.splitn(6, ':').collect();
    if p.len() < 6 {
        return !pattern.is_empty() && pattern.chars().all(|c| c == '*');
    }
    let a: Vec<&str> = arn.splitn(6, ':').collect();
    a.len() == 6 && p.iter().zip(&a).all(|(p, a)| glob(p, a))
}

/// The statement the page offers as a one-click fix: allow the topic to `sqs:SendMessage`
/// to the queue. Shaped like the one the SQS console adds when a queue is subscribed to a
/// topic, with the service principal the SNS guide recommends.
pub fn allow_topic_statement(queue_arn: &str, topic_arn: &str) -> Value {
    serde_json::json!({
        "Sid": format!("topic-subscription-{topic_arn}"),
        "Effect": "Allow",
        "Principal": {"Service": "sns.amazonaws.com"},
        "Action": "sqs:SendMessage",
        "Resource": queue_arn,
        "Condition": {"ArnEquals": {"aws:SourceArn": topic_arn}},
    })
}

/// `policy` (the queue's current `Policy` text, or `None`) with `statement` appended.
///
/// Existing statements are kept (a single `Statement` object becomes a list); a statement
/// with the same `Sid` is replaced rather than duplicated, so applying the fix twice changes
/// nothing. With no policy (or an unparsable one, which the services would not have stored)
/// a new document is made: `Version` 2012-10-17 and an `Id` like the SQS console's
/// (`QUEUE_ARN/SQSDefaultPolicy`, from the statement's `Resource`).
pub fn with_statement(policy: Option<&str>, statement: Value) -> String {
    let existing = policy
        .filter(|p| !p.trim().is_empty())
        .and_then(|p| serde_json::from_str::<Value>(p).ok())
        .and_then(|v| match v {
            Value::Object(map) => Some(map),
            _ => None,
        });
    let mut doc = match existing {
        Some(map) => map,
        None => {
            let id = match statement.get("Resource").and_then(Value::as_str) {
                Some(resource) => format!("{resource}/SQSDefaultPolicy"),
                None => "__default_policy_ID".to_string(),
            };
            let mut map = Map::new();
            map.insert("Version".into(), Value::from("2012-10-17"));
            map.insert("Id".into(), Value::from(id));
            map
        }
    };
    let mut list = match doc.remove("Statement") {
        Some(Value::Array(list)) => list,
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    };
    let sid = statement
        .get("Sid")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let same_sid = sid.as_deref().and_then(|sid| {
        list.iter()
            .position(|s| s.get("Sid").and_then(Value::as_str) == Some(sid))
    });
    match same_sid {
        Some(index) => list[index] = statement,
        None => list.push(statement),
    }
    doc.insert("Statement".into(), Value::Array(list));
    Value::Object(doc).to_string()
}

/// One sentence explaining `decision` for the trace and the page.
pub fn explain(decision: &Decision, request: &Request) -> String {
    let owner = match request.resource.split(':').nth(2) {
        Some("sqs") => "the queue policy",
        Some("sns") => "the topic policy",
        _ => "the policy",
    };
    let from = match (request.source_arn, request.principal) {
        (Some(source), _) => source.to_string(),
        (None, Principal::Service(name)) => name.to_string(),
        (None, Principal::Account(id)) => format!("account {id}"),
    };
    let action = request.action;
    let statement = |sid: &Option<String>| match sid {
        Some(sid) => format!("statement \"{sid}\" of {owner}"),
        None => format!("a statement of {owner} without Sid"),
    };
    match decision {
        Decision::Allow { sid } => format!("{} allows {action} from {from}", statement(sid)),
        Decision::ExplicitDeny { sid } => {
            format!("{} denies {action} from {from}", statement(sid))
        }
        Decision::ImplicitDeny => {
            format!("{owner} has no statement allowing {action} from {from}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUEUE: &str = "arn:aws:sqs:us-east-2:444455556666:MyQueue";
    const TOPIC: &str = "arn:aws:sns:us-east-2:444455556666:MyTopic";
    const OTHER_TOPIC: &str = "arn:aws:sns:us-east-2:444455556666:Other";

    fn delivery<'a>(topic: &'a str) -> Request<'a> {
        Request {
            principal: Principal::Service("sns.amazonaws.com"),
            action: "sqs:SendMessage",
            resource: QUEUE,
            source_arn: Some(topic),
            source_account: Some("444455556666"),
        }
    }

    fn account<'a>(id: &'a str, action: &'a str) -> Request<'a> {
        Request {
            principal: Principal::Account(id),
            action,
            resource: QUEUE,
            source_arn: None,
            source_account: None,
        }
    }

    fn policy(json: &str) -> PolicyDocument {
        PolicyDocument::parse(json).unwrap_or_else(|e| panic!("{e}: {json}"))
    }

    fn one(statement: &str) -> PolicyDocument {
        policy(&format!(
            r#"{{"Version":"2012-10-17","Statement":{statement}}}"#
        ))
    }

    /// The example of the SNS guide ("Subscribing an Amazon SQS queue to an Amazon SNS topic").
    const AWS_DOC_POLICY: &str = r#"{
      "Statement": [{
        "Sid": "Allow-SNS-SendMessage",
        "Effect": "Allow",
        "Principal": {"Service": "sns.amazonaws.com"},
        "Action": ["sqs:SendMessage"],
        "Resource": "arn:aws:sqs:us-east-2:444455556666:MyQueue",
        "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-2:444455556666:MyTopic"}}
      }]
    }"#;

    #[test]
    fn aws_doc_sns_to_sqs_policy() {
        let p = policy(AWS_DOC_POLICY);
        assert_eq!(
            p.evaluate(&delivery(TOPIC)),
            Decision::Allow {
                sid: Some("Allow-SNS-SendMessage".into())
            }
        );
        assert_eq!(p.evaluate(&delivery(OTHER_TOPIC)), Decision::ImplicitDeny);
        let mut other_action = delivery(TOPIC);
        other_action.action = "sqs:DeleteMessage";
        assert_eq!(p.evaluate(&other_action), Decision::ImplicitDeny);
        let mut no_source = delivery(TOPIC);
        no_source.source_arn = None;
        assert_eq!(p.evaluate(&no_source), Decision::ImplicitDeny);
        // An account is not the SNS service principal.
        assert_eq!(
            p.evaluate(&account("444455556666", "sqs:SendMessage")),
            Decision::ImplicitDeny
        );
    }

    #[test]
    fn deny_overrides_allow_in_either_order() {
        for order in [("ALLOW", "DENY"), ("DENY", "ALLOW")] {
            let s = |which: &str| match which {
                "ALLOW" => {
                    r#"{"Sid":"Open","Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*"}"#
                }
                _ => {
                    r#"{"Sid":"DenyAll","Effect":"Deny","Principal":{"AWS":"*"},"Action":"sqs:SendMessage","Resource":"*"}"#
                }
            };
            let p = one(&format!("[{},{}]", s(order.0), s(order.1)));
            assert_eq!(
                p.evaluate(&delivery(TOPIC)),
                Decision::ExplicitDeny {
                    sid: Some("DenyAll".into())
                }
            );
            // The deny names one action; others stay allowed.
            let mut receive = delivery(TOPIC);
            receive.action = "sqs:ReceiveMessage";
            assert_eq!(
                p.evaluate(&receive),
                Decision::Allow {
                    sid: Some("Open".into())
                }
            );
        }
    }

    #[test]
    fn statement_may_be_a_single_object() {
        let p =
            one(r#"{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}"#);
        assert_eq!(p.statements.len(), 1);
        assert_eq!(p.evaluate(&delivery(TOPIC)), Decision::Allow { sid: None });
    }

    #[test]
    fn principals() {
        let p = |principal: &str| {
            one(&format!(
                r#"{{"Effect":"Allow","Principal":{principal},"Action":"sqs:SendMessage","Resource":"*"}}"#
            ))
        };
        let send = |id| account(id, "sqs:SendMessage");
        assert!(p(r#""*""#).evaluate(&send("111122223333")).is_allowed());
        assert!(p(r#"{"AWS":"*"}"#).evaluate(&delivery(TOPIC)).is_allowed());
        assert!(p(r#"{"AWS":"111122223333"}"#)
            .evaluate(&send("111122223333"))
            .is_allowed());
        assert!(p(r#"{"AWS":"arn:aws:iam::111122223333:root"}"#)
            .evaluate(&send("111122223333"))
            .is_allowed());
        assert!(!p(r#"{"AWS":"arn:aws:iam::111122223333:root"}"#)
            .evaluate(&send("999988887777"))
            .is_allowed());
        assert!(p(r#"{"AWS":["999988887777","111122223333"]}"#)
            .evaluate(&send("111122223333"))
            .is_allowed());
        // A role of the account is not the account.
        assert!(!p(r#"{"AWS":"arn:aws:iam::111122223333:role/r"}"#)
            .evaluate(&send("111122223333"))
            .is_allowed());
        assert!(
            p(r#"{"Service":["lambda.amazonaws.com","sns.amazonaws.com"]}"#)
                .evaluate(&delivery(TOPIC))
                .is_allowed()
        );
        assert!(!p(r#"{"Service":"sns.amazonaws.com"}"#)
            .evaluate(&send("111122223333"))
            .is_allowed());
        // Unquoted account ids are taken as text.
        assert!(p(r#"{"AWS":111122223333}"#)
            .evaluate(&send("111122223333"))
            .is_allowed());
    }

    #[test]
    fn not_principal() {
        let p = one(
            r#"{"Sid":"OnlyOwner","Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"Action":"sqs:*","Resource":"*"}"#,
        );
        assert_eq!(
            p.evaluate(&account("999988887777", "sqs:SendMessage")),
            Decision::ExplicitDeny {
                sid: Some("OnlyOwner".into())
            }
        );
        assert_eq!(
            p.evaluate(&account("111122223333", "sqs:SendMessage")),
            Decision::ImplicitDeny
        );
    }

    #[test]
    fn actions_are_case_insensitive_with_wildcards() {
        let allows = |action_json: &str, action: &str| {
            one(&format!(
                r#"{{"Effect":"Allow","Principal":"*","Action":{action_json},"Resource":"*"}}"#
            ))
            .evaluate(&account("111122223333", action))
            .is_allowed()
        };
        assert!(allows(r#""SQS:SendMessage""#, "sqs:SendMessage"));
        assert!(allows(r#""sqs:sendmessage""#, "sqs:SendMessage"));
        assert!(allows(r#""sqs:*""#, "sqs:SendMessage"));
        assert!(allows(r#""*""#, "sqs:SendMessage"));
        assert!(allows(r#""sqs:Send*""#, "sqs:SendMessageBatch"));
        assert!(allows(r#""sqs:?endMessage""#, "sqs:SendMessage"));
        assert!(allows(
            r#"["sqs:ReceiveMessage","sqs:SendMessage"]"#,
            "sqs:SendMessage"
        ));
        assert!(!allows(r#""sqs:Send""#, "sqs:SendMessage"));
        assert!(!allows(r#""sns:*""#, "sqs:SendMessage"));
    }

    #[test]
    fn not_action() {
        let p = one(
            r#"{"Effect":"Allow","Principal":"*","NotAction":["sqs:DeleteQueue","sqs:Purge*"],"Resource":"*"}"#,
        );
        assert!(p
            .evaluate(&account("111122223333", "sqs:SendMessage"))
            .is_allowed());
        assert!(!p
            .evaluate(&account("111122223333", "sqs:PurgeQueue"))
            .is_allowed());
    }

    #[test]
    fn wildcard_resources() {
        let allows = |resource_json: &str, clause: &str| {
            one(&format!(
                r#"{{"Effect":"Allow","Principal":"*","Action":"sqs:*","{clause}":{resource_json}}}"#
            ))
            .evaluate(&delivery(TOPIC))
            .is_allowed()
        };
        assert!(allows(r#""*""#, "Resource"));
        assert!(allows(r#""arn:aws:sqs:*:444455556666:*""#, "Resource"));
        assert!(allows(
            r#""arn:aws:sqs:us-east-2:444455556666:My*""#,
            "Resource"
        ));
        assert!(allows(
            r#""arn:aws:sqs:us-east-2:444455556666:MyQueu?""#,
            "Resource"
        ));
        assert!(allows(
            r#"["arn:aws:sqs:*:*:nope","arn:aws:sqs:*:*:MyQueue"]"#,
            "Resource"
        ));
        // Resource ARNs are case-sensitive.
        assert!(!allows(
            r#""arn:aws:sqs:us-east-2:444455556666:myqueue""#,
            "Resource"
        ));
        assert!(!allows(r#""arn:aws:sqs:*:*:Other*""#, "Resource"));
        assert!(allows(r#""arn:aws:sqs:*:*:Other*""#, "NotResource"));
        assert!(!allows(r#""arn:aws:sqs:*:*:My*""#, "NotResource"));
        // No Resource: the policy's own resource.
        assert!(
            one(r#"{"Effect":"Allow","Principal":"*","Action":"sqs:*"}"#)
                .evaluate(&delivery(TOPIC))
                .is_allowed()
        );
    }

    #[test]
    fn source_account_condition() {
        let p = one(
            r#"{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"444455556666"}}}"#,
        );
        assert!(p.evaluate(&delivery(TOPIC)).is_allowed());
        let mut foreign = delivery(TOPIC);
        foreign.source_account = Some("111122223333");
        assert!(!p.evaluate(&foreign).is_allowed());
        foreign.source_account = None;
        assert!(!p.evaluate(&foreign).is_allowed());
        // The default SNS topic policy's legacy key, written in upper case.
        let legacy = one(
            r#"{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"SNS:Publish","Resource":"*","Condition":{"StringEquals":{"AWS:SourceOwner":"444455556666"}}}"#,
        );
        let mut publish = delivery(TOPIC);
        publish.action = "sns:Publish";
        assert!(legacy.evaluate(&publish).is_allowed());
    }

    #[test]
    fn arn_operators_match_part_by_part() {
        let allows = |cond: &str, source: &str| {
            one(&format!(
                r#"{{"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*","Condition":{cond}}}"#
            ))
            .evaluate(&delivery(source))
            .is_allowed()
        };
        let like = r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:444455556666:*"}}"#;
        assert!(allows(like, TOPIC));
        assert!(!allows(like, "arn:aws:sns:us-east-2:111122223333:MyTopic"));
        // ArnEquals takes wildcards too.
        let equals = r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-2:444455556666:My*"}}"#;
        assert!(allows(equals, TOPIC));
        assert!(!allows(equals, OTHER_TOPIC));
        // A wildcard does not cross a part boundary.
        let no_cross = r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-2*:MyTopic"}}"#;
        assert!(!allows(no_cross, TOPIC));
        assert!(allows(r#"{"ArnLike":{"aws:SourceArn":"*"}}"#, TOPIC));
        let not_like = r#"{"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:*:*:Other"}}"#;
        assert!(allows(not_like, TOPIC));
        assert!(!allows(not_like, OTHER_TOPIC));
        let not_equals =
            r#"{"ArnNotEquals":{"aws:SourceArn":["arn:aws:sns:us-east-2:444455556666:MyTopic"]}}"#;
        assert!(!allows(not_equals, TOPIC));
        assert!(allows(not_equals, OTHER_TOPIC));
    }

    #[test]
    fn string_operators() {
        let allows = |cond: &str| {
            one(&format!(
                r#"{{"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*","Condition":{cond}}}"#
            ))
            .evaluate(&delivery(TOPIC))
            .is_allowed()
        };
        assert!(allows(
            r#"{"StringEquals":{"aws:SourceArn":"arn:aws:sns:us-east-2:444455556666:MyTopic"}}"#
        ));
        assert!(!allows(
            r#"{"StringEquals":{"aws:SourceArn":"arn:aws:sns:us-east-2:444455556666:mytopic"}}"#
        ));
        assert!(allows(
            r#"{"StringEqualsIgnoreCase":{"aws:SourceArn":"ARN:AWS:SNS:US-EAST-2:444455556666:MYTOPIC"}}"#
        ));
        assert!(!allows(
            r#"{"StringNotEqualsIgnoreCase":{"aws:SourceArn":"arn:aws:sns:us-east-2:444455556666:mytopic"}}"#
        ));
        assert!(allows(r#"{"StringLike":{"aws:SourceArn":"*:MyT?pic"}}"#));
        assert!(!allows(r#"{"StringLike":{"aws:SourceArn":"*:Other"}}"#));
        assert!(allows(r#"{"StringNotLike":{"aws:SourceArn":"*:Other"}}"#));
        assert!(allows(
            r#"{"StringNotEquals":{"aws:SourceAccount":"111122223333"}}"#
        ));
        assert!(!allows(
            r#"{"StringNotEquals":{"aws:SourceAccount":"444455556666"}}"#
        ));
    }

    #[test]
    fn several_values_or_several_keys_and_operators_and() {
        let allows = |cond: &str, req: &Request| {
            one(&format!(
                r#"{{"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*","Condition":{cond}}}"#
            ))
            .evaluate(req)
            .is_allowed()
        };
        let or = format!(r#"{{"ArnEquals":{{"aws:SourceArn":["{OTHER_TOPIC}","{TOPIC}"]}}}}"#);
        assert!(allows(&or, &delivery(TOPIC)));
        // Negated with several values: none may match (NOR).
        let nor = format!(r#"{{"ArnNotEquals":{{"aws:SourceArn":["{OTHER_TOPIC}","{TOPIC}"]}}}}"#);
        assert!(!allows(&nor, &delivery(TOPIC)));
        let and_keys = format!(
            r#"{{"StringEquals":{{"aws:SourceArn":"{TOPIC}","aws:SourceAccount":"111122223333"}}}}"#
        );
        assert!(!allows(&and_keys, &delivery(TOPIC)));
        let and_ops = format!(
            r#"{{"ArnLike":{{"aws:SourceArn":"{TOPIC}"}},"StringEquals":{{"aws:SourceAccount":"444455556666"}}}}"#
        );
        assert!(allows(&and_ops, &delivery(TOPIC)));
        let mut foreign = delivery(TOPIC);
        foreign.source_account = Some("111122223333");
        assert!(!allows(&and_ops, &foreign));
    }

    #[test]
    fn absent_keys_if_exists_and_null() {
        let allows = |cond: &str, req: &Request| {
            one(&format!(
                r#"{{"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*","Condition":{cond}}}"#
            ))
            .evaluate(req)
            .is_allowed()
        };
        let direct = account("111122223333", "sqs:SendMessage");
        // Absent key: a positive operator fails, a negated one holds.
        assert!(!allows(
            &format!(r#"{{"ArnEquals":{{"aws:SourceArn":"{TOPIC}"}}}}"#),
            &direct
        ));
        assert!(allows(
            &format!(r#"{{"ArnNotEquals":{{"aws:SourceArn":"{TOPIC}"}}}}"#),
            &direct
        ));
        assert!(allows(
            r#"{"StringNotLike":{"aws:SourceAccount":"4444*"}}"#,
            &direct
        ));
        // IfExists: holds when absent, checked when present.
        let if_exists = format!(r#"{{"ArnEqualsIfExists":{{"aws:SourceArn":"{TOPIC}"}}}}"#);
        assert!(allows(&if_exists, &direct));
        assert!(allows(&if_exists, &delivery(TOPIC)));
        assert!(!allows(&if_exists, &delivery(OTHER_TOPIC)));
        // Keys the simulation never sets are absent.
        assert!(!allows(
            r#"{"StringEquals":{"aws:PrincipalOrgID":"o-123"}}"#,
            &direct
        ));
        assert!(!allows(
            r#"{"Bool":{"aws:SecureTransport":"true"}}"#,
            &direct
        ));
        assert!(allows(
            r#"{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            &direct
        ));
        // Null tests presence.
        assert!(allows(r#"{"Null":{"aws:SourceArn":"true"}}"#, &direct));
        assert!(!allows(
            r#"{"Null":{"aws:SourceArn":"true"}}"#,
            &delivery(TOPIC)
        ));
        assert!(allows(
            r#"{"Null":{"aws:SourceArn":"false"}}"#,
            &delivery(TOPIC)
        ));
        // Set qualifiers on an absent key.
        assert!(allows(
            r#"{"ForAllValues:StringEquals":{"aws:SourceAccount":"1"}}"#,
            &direct
        ));
        assert!(!allows(
            r#"{"ForAnyValue:StringEquals":{"aws:SourceAccount":"1"}}"#,
            &direct
        ));
    }

    #[test]
    fn deny_unless_from_topic() {
        // A common hardening pattern: deny SendMessage unless it comes from the topic.
        let p = policy(&format!(
            r#"{{"Statement":[
              {{"Sid":"Allow","Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"{QUEUE}"}},
              {{"Sid":"OnlyTopic","Effect":"Deny","Principal":"*","Action":"sqs:SendMessage","Resource":"{QUEUE}",
                "Condition":{{"ArnNotEquals":{{"aws:SourceArn":"{TOPIC}"}}}}}}]}}"#
        ));
        assert!(p.evaluate(&delivery(TOPIC)).is_allowed());
        assert_eq!(
            p.evaluate(&delivery(OTHER_TOPIC)),
            Decision::ExplicitDeny {
                sid: Some("OnlyTopic".into())
            }
        );
        // A direct send has no aws:SourceArn, so the negated condition holds: denied.
        assert!(!p
            .evaluate(&account("444455556666", "sqs:SendMessage"))
            .is_allowed());
    }

    #[test]
    fn malformed_documents_are_rejected_with_a_reason() {
        let bad = [
            ("not json", "not valid JSON"),
            ("[]", "must be a JSON object"),
            (r#"{"Version":"2012-10-17"}"#, "no Statement"),
            (r#"{"Statement":[]}"#, "must not be empty"),
            (r#"{"Statement":"x"}"#, "object or a list"),
            (
                r#"{"Version":"2020-01-01","Statement":[]}"#,
                "Version must be",
            ),
            (r#"{"Statment":[]}"#, "unknown policy element \"Statment\""),
            (
                r#"{"Statement":[{"Principal":"*","Action":"sqs:*"}]}"#,
                "no Effect",
            ),
            (
                r#"{"Statement":[{"Effect":"allow","Principal":"*","Action":"sqs:*"}]}"#,
                "Effect must be",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Action":"sqs:*"}]}"#,
                "no Principal",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principle":{"AWS":"*"},"Action":"sqs:*"}]}"#,
                "unknown statement element \"Principle\"",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"*"}]}"#,
                "no Action",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"SendMessage"}]}"#,
                "service:ActionName",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":[]}]}"#,
                "empty list",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"everyone","Action":"sqs:*"}]}"#,
                "Principal must be",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"bob"},"Action":"sqs:*"}]}"#,
                "12-digit",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":{"User":"x"},"Action":"sqs:*"}]}"#,
                "unknown principal type",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"MyQueue"}]}"#,
                "is not \"*\" or an ARN",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Condition":{"ArnEqual":{"aws:SourceArn":"x"}}}]}"#,
                "unknown condition operator \"ArnEqual\"",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Condition":{"NullIfExists":{"aws:SourceArn":"true"}}}]}"#,
                "unknown condition operator",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Condition":{"ArnEquals":"x"}}]}"#,
                "must map keys",
            ),
            (
                r#"{"Statement":[{"Sid":"a","Effect":"Allow","Principal":"*","Action":"sqs:*"},{"Sid":"a","Effect":"Deny","Principal":"*","Action":"sqs:*"}]}"#,
                "duplicate Sid",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","NotAction":"sqs:x"}]}"#,
                "not both",
            ),
        ];
        for (json, reason) in bad {
            let err = PolicyDocument::parse(json).expect_err(json);
            assert!(err.contains(reason), "{json}: {err}");
        }
        // The statement is named in the reason.
        let err = PolicyDocument::parse(
            r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*"},{"Effect":"Maybe","Principal":"*","Action":"sqs:*"}]}"#,
        )
        .unwrap_err();
        assert!(err.starts_with("statement 2: "), "{err}");
    }

    #[test]
    fn accepts_real_world_shapes() {
        // SNS's default topic policy (as GetTopicAttributes shows it), with an empty Condition
        // elsewhere, and operators in any case.
        let p = policy(
            r#"{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID","Effect":"Allow","Principal":{"AWS":"*"},"Action":["SNS:GetTopicAttributes","SNS:SetTopicAttributes","SNS:AddPermission","SNS:RemovePermission","SNS:DeleteTopic","SNS:Subscribe","SNS:ListSubscriptionsByTopic","SNS:Publish"],"Resource":"arn:aws:sns:us-east-1:123456789012:t","Condition":{"StringEquals":{"AWS:SourceOwner":"123456789012"}}},{"Sid":"x","Effect":"Allow","Principal":"*","Action":"sns:Subscribe","Resource":"*","Condition":{}},{"Sid":"y","Effect":"Allow","Principal":"*","Action":"sns:Publish","Resource":"*","Condition":{"arnlike":{"aws:SourceArn":"arn:aws:s3:::b"}}}]}"#,
        );
        assert_eq!(p.version.as_deref(), Some("2008-10-17"));
        assert_eq!(p.statements.len(), 3);
        assert_eq!(p.action_outside("sns"), None);
        assert_eq!(
            one(r#"{"Effect":"Allow","Principal":"*","Action":["sns:Publish","sqs:SendMessage"]}"#)
                .action_outside("sns"),
            Some("sqs:SendMessage")
        );
    }

    #[test]
    fn allow_topic_statement_fixes_an_implicit_deny() {
        let fix = allow_topic_statement(QUEUE, TOPIC);
        let text = with_statement(None, fix.clone());
        let p = policy(&text);
        assert_eq!(p.version.as_deref(), Some("2012-10-17"));
        assert_eq!(p.id.as_deref(), Some(&*format!("{QUEUE}/SQSDefaultPolicy")));
        assert_eq!(
            p.evaluate(&delivery(TOPIC)),
            Decision::Allow {
                sid: Some(format!("topic-subscription-{TOPIC}"))
            }
        );
        assert_eq!(p.evaluate(&delivery(OTHER_TOPIC)), Decision::ImplicitDeny);
        assert!(
            text.starts_with(r#"{"Version":"2012-10-17","Id":"#),
            "{text}"
        );
        // Applying it again changes nothing.
        assert_eq!(with_statement(Some(&text), fix), text);
    }

    #[test]
    fn with_statement_keeps_existing_statements() {
        let existing = r#"{"Version":"2008-10-17","Id":"mine","Statement":{"Sid":"Owner","Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"sqs:*","Resource":"*"}}"#;
        let text = with_statement(Some(existing), allow_topic_statement(QUEUE, TOPIC));
        let p = policy(&text);
        assert_eq!(p.id.as_deref(), Some("mine"));
        assert_eq!(p.version.as_deref(), Some("2008-10-17"));
        let sids: Vec<_> = p
            .statements
            .iter()
            .map(|s| s.sid.clone().unwrap())
            .collect();
        assert_eq!(
            sids,
            ["Owner".to_string(), format!("topic-subscription-{TOPIC}")]
        );
        // A second topic adds a second statement.
        let text = with_statement(Some(&text), allow_topic_statement(QUEUE, OTHER_TOPIC));
        let p = policy(&text);
        assert_eq!(p.statements.len(), 3);
        assert!(p.evaluate(&delivery(OTHER_TOPIC)).is_allowed());
        assert!(p.evaluate(&delivery(TOPIC)).is_allowed());
        // An empty policy text counts as none.
        assert!(
            with_statement(Some(""), allow_topic_statement(QUEUE, TOPIC))
                .contains("SQSDefaultPolicy")
        );
    }

    #[test]
    fn explanations() {
        let req = Request {
            source_arn: Some("arn:aws:sns:us-east-1:123456789012:sales"),
            ..delivery(TOPIC)
        };
        assert_eq!(
            explain(&Decision::ImplicitDeny, &req),
            "the queue policy has no statement allowing sqs:SendMessage from arn:aws:sns:us-east-1:123456789012:sales"
        );
        assert_eq!(
            explain(
                &Decision::ExplicitDeny {
                    sid: Some("DenyAll".into())
                },
                &req
            ),
            "statement \"DenyAll\" of the queue policy denies sqs:SendMessage from arn:aws:sns:us-east-1:123456789012:sales"
        );
        assert_eq!(
            explain(&Decision::Allow { sid: None }, &account("111122223333", "sqs:SendMessage")),
            "a statement of the queue policy without Sid allows sqs:SendMessage from account 111122223333"
        );
        let publish = Request {
            principal: Principal::Service("events.amazonaws.com"),
            action: "sns:Publish",
            resource: TOPIC,
            source_arn: None,
            source_account: None,
        };
        assert_eq!(
            explain(&evaluate_policy(None, &publish), &publish),
            "the topic policy has no statement allowing sns:Publish from events.amazonaws.com"
        );
    }

    #[test]
    fn service_error_wordings() {
        assert_eq!(
            sqs_invalid_policy_message(),
            "Invalid value for the parameter Policy."
        );
        assert_eq!(
            sns_invalid_policy_message(false),
            "Invalid parameter: Policy Error: null"
        );
        assert_eq!(
            sns_action_out_of_scope_message(true),
            "Invalid parameter: Attributes Reason: Policy statement action out of service scope!"
        );
    }

    #[test]
    fn glob_matching() {
        assert!(glob("*", ""));
        assert!(glob("a*b*c", "aXXbYYc"));
        assert!(glob("a*b", "ab"));
        assert!(!glob("a*b", "abc"));
        assert!(glob("??", "éx"));
        assert!(!glob("?", ""));
        assert!(glob("*a", "aaa"));
    }
}
