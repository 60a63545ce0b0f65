//! Amazon SNS subscription filter policies: parsing and validation with the reasons AWS gives,
//! and matching a policy against a message's attributes or its JSON body.
//!
//! Sources, cited by rule below:
//! - [docs] SNS Developer Guide: "Amazon SNS subscription filter policies", "Filter policy
//!   constraints", "AND/OR logic", "Key matching", "String value matching", "Numeric value
//!   matching", "Example filter policies".
//! - [snap] LocalStack's snapshot tests recorded against real SNS
//!   (tests/aws/services/sns/test_sns_filter_policy.{py,snapshot.json}, May 2024): error texts,
//!   and which policies AWS accepts or refuses at the edge of the complexity limit.
//! - [ruler] aws/event-ruler, the open-source matcher whose rule-compiler messages SNS returns
//!   word for word (every [snap] text about a match expression is one of them). It fixes the
//!   order in which problems are found, the texts [snap] does not cover, how `$or` falls back
//!   to an ordinary field name, CIDR ranges and number precision.
//!
//! A policy is compiled into *branches*: one per combination of `$or` alternatives, each a
//! list of leaf keys (dotted paths) with the conditions any one of which must hold. A message
//! matches when every key of some branch matches. There is no array consistency across keys:
//! each key is checked against all the values found at its path.

use super::message_attributes::{MessageAttributeValue, MessageAttributes};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;

/// [docs] at most five keys; in a nested policy only the leaf keys are counted. Counted per
/// branch, as the compiled rule has them.
pub const MAX_KEYS: usize = 5;
/// [docs] the values' total combination may not go above 150.
pub const MAX_COMBINATIONS: u64 = 150;
/// [docs] a policy may be at most 256 KB long.
pub const MAX_POLICY_BYTES: usize = 256 * 1024;
/// [docs] numbers range from -10^9 to 10^9; [ruler] refuses numeric operands outside it.
const NUMBER_LIMIT: f64 = 1e9;
/// Expanding nested `$or`s multiplies branches; past this many the policy is far over the
/// complexity limit anyway (each branch counts at least 1), so expansion stops there.
const MAX_BRANCHES: usize = 10_000;

/// [snap] the reason when a MessageAttributes policy nests objects. Unlike every other reason
/// it follows "Invalid parameter: " directly, without "FilterPolicy: ".
pub const NESTED_IN_ATTRIBUTES_SCOPE: &str =
    "Filter policy scope MessageAttributes does not support nested filter policy";
/// [snap]
pub const TOO_MANY_KEYS: &str = "Filter policy can not have more than 5 keys";
/// [snap]
pub const TOO_COMPLEX: &str = "Filter policy is too complex";
/// LocalStack's text, said to be validated against AWS (its test only checks this prefix;
/// AWS may append the JSON parser's own explanation).
pub const NOT_JSON: &str = "failed to parse JSON.";
/// No capture of AWS's wording for an oversized policy was found; this one is ours.
pub const TOO_LONG: &str = "Filter policy is too long";
const NUMBER_RANGE: &str = "Value must be between -1.0E9 and 1.0E9, inclusive";

/// [ruler] field names that may not appear inside a `$or` alternative.
const RESERVED_IN_OR: &[&str] = &[
    "exactly",
    "equals-ignore-case",
    "prefix",
    "suffix",
    "anything-but",
    "exists",
    "wildcard",
    "numeric",
    "cidr",
    "=",
    "<",
    "<=",
    ">",
    ">=",
    "regex",
    "not-wildcard",
    "not-equals-ignore-case",
    "date-after",
    "date-on-or-after",
    "date-before",
    "date-on-or-before",
    "in-date-range",
    "ip-address-in-range",
    "ip-address-not-in-range",
];

/// What a subscription's filter policy looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FilterPolicyScope {
    #[default]
    MessageAttributes,
    MessageBody,
}

impl FilterPolicyScope {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "MessageAttributes" => Some(FilterPolicyScope::MessageAttributes),
            "MessageBody" => Some(FilterPolicyScope::MessageBody),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            FilterPolicyScope::MessageAttributes => "MessageAttributes",
            FilterPolicyScope::MessageBody => "MessageBody",
        }
    }
    /// [snap] SetSubscriptionAttributes with any other scope value.
    pub fn invalid_value_message(value: &str) -> String {
        format!(
            "Invalid parameter: FilterPolicyScope: Invalid value [{value}]. Please use either MessageBody or MessageAttributes"
        )
    }
}

/// The whole InvalidParameter message for a reason [`FilterPolicy::parse`] gave. [snap]
/// Subscribe (whose policy arrives among its Attributes) words it "Invalid parameter:
/// Attributes Reason: FilterPolicy: ...", SetSubscriptionAttributes "Invalid parameter:
/// FilterPolicy: ...". AWS appends the rule parser's position ("\n at [Source: ...]") to
/// match-expression errors; that suffix is not reproduced.
pub fn invalid_parameter_message(reason: &str, in_subscribe_attributes: bool) -> String {
    if reason == NESTED_IN_ATTRIBUTES_SCOPE {
        return format!("Invalid parameter: {reason}");
    }
    if in_subscribe_attributes {
        format!("Invalid parameter: Attributes Reason: FilterPolicy: {reason}")
    } else {
        format!("Invalid parameter: FilterPolicy: {reason}")
    }
}

/// Why a message was filtered out: the key whose condition failed (a dotted path for nested
/// body keys, "$or" when no alternative matched, "" when a MessageBody policy met a body that
/// is not a JSON object), that condition as compact JSON, and one sentence for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    pub key: String,
    pub condition: String,
    pub reason: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

/// A validated subscription filter policy.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterPolicy {
    scope: FilterPolicyScope,
    source: String,
    branches: Vec<Branch>,
    combinations: u64,
    /// Compact JSON of the first `$or` array recognised as an OR, for reports.
    first_or: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Branch {
    leaves: Vec<Leaf>,
}

impl Branch {
    /// [ruler] a key written twice in one branch keeps the later conditions.
    fn put(&mut self, leaf: Leaf) {
        match self.leaves.iter_mut().find(|l| l.path == leaf.path) {
            Some(existing) => *existing = leaf,
            None => self.leaves.push(leaf),
        }
    }
    fn combinations(&self) -> u64 {
        // [docs] multiply the number of values of each key, a nested key's count multiplied
        // by its nesting level: 3 x 4 x 2 x 3 = 72 for a 4-value key three levels deep and a
        // 3-value key two levels deep.
        self.leaves.iter().fold(1u64, |acc, l| {
            acc.saturating_mul((l.conditions.len() as u64).saturating_mul(l.path.len() as u64))
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Leaf {
    path: Vec<String>,
    conditions: Vec<Condition>,
    /// The policy's array for this key, as compact JSON.
    fragment: String,
    /// Written inside a `$or` alternative.
    in_or: bool,
}

impl Leaf {
    fn key(&self) -> String {
        self.path.join(".")
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Literal {
    Str(String),
    /// `key` is None when the number is outside the comparable range: then only the same
    /// spelling matches ([ruler] keeps such numbers, e.g. account ids, as exact text).
    Num {
        key: Option<i64>,
        text: String,
    },
    Bool(bool),
    Null,
}

#[derive(Clone, Debug, PartialEq)]
enum Condition {
    Exact(Literal),
    Prefix(String),
    Suffix(String),
    EqualsIgnoreCase(String),
    AnythingBut(AnythingBut),
    Numeric(Numeric),
    Exists(bool),
    Cidr(Cidr),
}

#[derive(Clone, Debug, PartialEq)]
enum AnythingBut {
    Strings(Vec<String>),
    Numbers(Vec<i64>),
    Prefix(String),
    Suffix(String),
}

#[derive(Clone, Debug, PartialEq)]
enum Numeric {
    Equals(i64),
    /// Bounds as comparable keys, with whether they are included.
    Range {
        low: Option<(i64, bool)>,
        high: Option<(i64, bool)>,
    },
}

#[derive(Clone, Debug, PartialEq)]
struct Cidr {
    v6: bool,
    low: u128,
    high: u128,
}

/// One value found in a message: an attribute's value, an element of a String.Array, or a
/// leaf of the body.
#[derive(Clone, Debug)]
enum Scalar {
    Str(String),
    Num { value: f64, text: String },
    Bool(bool),
    Null,
}

impl Scalar {
    fn from_json(v: &Value) -> Option<Scalar> {
        match v {
            Value::String(s) => Some(Scalar::Str(s.clone())),
            Value::Number(n) => Some(Scalar::Num {
                value: n.as_f64().unwrap_or(f64::NAN),
                text: n.to_string(),
            }),
            Value::Bool(b) => Some(Scalar::Bool(*b)),
            Value::Null => Some(Scalar::Null),
            Value::Array(_) | Value::Object(_) => None,
        }
    }
    fn render(&self) -> String {
        match self {
            Scalar::Str(s) => Value::String(s.clone()).to_string(),
            Scalar::Num { text, .. } => text.clone(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Null => "null".into(),
        }
    }
}

/// [ruler] numbers compare as integers in millionths, offset so every allowed value is
/// non-negative; outside ±10^9 a number has no comparable form and matches no numeric
/// condition. Equal keys mean equal numbers, so 301.5 and 3.015e2 match each other.
fn comparable(v: f64) -> Option<i64> {
    if !v.is_finite() || !(-NUMBER_LIMIT..=NUMBER_LIMIT).contains(&v) {
        return None;
    }
    Some(((v + NUMBER_LIMIT) * 1e6).round() as i64)
}

/// A comparable key for a policy operand, or the reason [ruler] refuses it.
fn operand(v: f64) -> Result<i64, Problem> {
    comparable(v).ok_or_else(|| Problem::new(NUMBER_RANGE))
}

/// [ruler] only text shaped like an address is treated as one: four dot-separated digit runs,
/// or hex digits and colons with at least one colon.
fn looks_like_ip(s: &str) -> bool {
    let v4 = {
        let parts: Vec<&str> = s.split('.').collect();
        parts.len() == 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let v6 = s.contains(':') && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b':');
    v4 || v6
}

fn parse_ip(s: &str) -> Option<IpAddr> {
    if looks_like_ip(s) {
        s.parse().ok()
    } else {
        None
    }
}

fn ip_bits(ip: IpAddr) -> (bool, u128) {
    match ip {
        IpAddr::V4(a) => (false, u32::from(a) as u128),
        IpAddr::V6(a) => (true, u128::from(a)),
    }
}

/// [ruler] a plain string value that is an IP address also matches other spellings of the
/// same address ("::1" and "0:0:0:0:0:0:0:1").
fn same_ip(a: &str, b: &str) -> bool {
    matches!((parse_ip(a), parse_ip(b)), (Some(x), Some(y)) if x == y)
}

/// Java's `Integer.parseInt`: an optional sign, then decimal digits, within 32 bits.
fn java_int(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i32>().ok().map(i64::from)
}

impl Cidr {
    /// [ruler] `CIDR.cidr`, with its texts and two quirks kept: a /32 (IPv4) or /128 (IPv6)
    /// mask is refused, and the range starts at the address as written (host bits are not
    /// cleared), so "10.0.0.5/24" covers 10.0.0.5 to 10.0.0.255.
    fn parse(text: &str) -> Result<Cidr, Problem> {
        // Java's String.split drops trailing empty pieces: "10.0.0.0/24/" is two pieces.
        let mut parts: Vec<&str> = text.split('/').collect();
        while parts.len() > 1 && parts.last() == Some(&"") {
            parts.pop();
        }
        if parts.len() != 2 {
            return Err(Problem::fatal("Malformed CIDR, one '/' required"));
        }
        let mask = java_int(parts[1])
            .ok_or_else(|| Problem::fatal("Malformed CIDR, mask bits must be an integer"))?;
        if mask < 0 {
            return Err(Problem::fatal(
                "Malformed CIDR, mask bits must not be negative",
            ));
        }
        let address = parts[0];
        if !looks_like_ip(address) {
            return Err(Problem::fatal(format!("Nonstandard IP address: {address}")));
        }
        let ip: IpAddr = address
            .parse()
            .map_err(|_| Problem::fatal(format!("Invalid IP address: {address}")))?;
        let (v6, low) = ip_bits(ip);
        let width = if v6 { 128 } else { 32 };
        if !v6 && mask > 31 {
            return Err(Problem::fatal("IPv4 mask bits must be < 32"));
        }
        if v6 && mask > 127 {
            return Err(Problem::fatal("IPv6 mask bits must be < 128"));
        }
        let host_bits = width - mask as u32;
        let host_mask = if host_bits >= 128 {
            u128::MAX
        } else {
            (1u128 << host_bits) - 1
        };
        Ok(Cidr {
            v6,
            low,
            high: low | host_mask,
        })
    }
    fn contains(&self, s: &str) -> bool {
        match parse_ip(s).map(ip_bits) {
            Some((v6, x)) => v6 == self.v6 && self.low <= x && x <= self.high,
            None => false,
        }
    }
}

impl Numeric {
    fn contains(&self, k: i64) -> bool {
        match self {
            Numeric::Equals(e) => k == *e,
            Numeric::Range { low, high } => {
                let above = match low {
                    None => true,
                    Some((b, true)) => k >= *b,
                    Some((b, false)) => k > *b,
                };
                let below = match high {
                    None => true,
                    Some((t, true)) => k <= *t,
                    Some((t, false)) => k < *t,
                };
                above && below
            }
        }
    }
}

impl AnythingBut {
    fn matches(&self, v: &Scalar) -> bool {
        match self {
            AnythingBut::Strings(set) => !matches!(v, Scalar::Str(s) if set.contains(s)),
            AnythingBut::Numbers(keys) => !matches!(
                v,
                Scalar::Num { value, .. } if comparable(*value).is_some_and(|k| keys.contains(&k))
            ),
            AnythingBut::Prefix(p) => matches!(v, Scalar::Str(s) if !s.starts_with(p.as_str())),
            AnythingBut::Suffix(p) => matches!(v, Scalar::Str(s) if !s.ends_with(p.as_str())),
        }
    }
}

impl Condition {
    /// Whether one value satisfies this condition (`exists` is decided per key, not here).
    fn matches(&self, v: &Scalar) -> bool {
        match (self, v) {
            (Condition::Exact(Literal::Str(p)), Scalar::Str(s)) => p == s || same_ip(p, s),
            (Condition::Exact(Literal::Num { key, text }), Scalar::Num { value, text: t }) => {
                (key.is_some() && *key == comparable(*value)) || text == t
            }
            (Condition::Exact(Literal::Bool(a)), Scalar::Bool(b)) => a == b,
            (Condition::Exact(Literal::Null), Scalar::Null) => true,
            (Condition::Prefix(p), Scalar::Str(s)) => s.starts_with(p.as_str()),
            (Condition::Suffix(p), Scalar::Str(s)) => s.ends_with(p.as_str()),
            (Condition::EqualsIgnoreCase(p), Scalar::Str(s)) => {
                p.to_lowercase() == s.to_lowercase()
            }
            (Condition::AnythingBut(a), v) => a.matches(v),
            (Condition::Numeric(n), Scalar::Num { value, .. }) => {
                comparable(*value).is_some_and(|k| n.contains(k))
            }
            (Condition::Cidr(c), Scalar::Str(s)) => c.contains(s),
            _ => false,
        }
    }
}

/// A reason to refuse a policy. `fatal` problems end compilation at once: [ruler] raises
/// CIDR errors as a different exception, which the `$or` fallback does not catch.
#[derive(Debug)]
struct Problem {
    reason: String,
    fatal: bool,
}

impl Problem {
    fn new(reason: impl Into<String>) -> Problem {
        Problem {
            reason: reason.into(),
            fatal: false,
        }
    }
    fn fatal(reason: impl Into<String>) -> Problem {
        Problem {
            reason: reason.into(),
            fatal: true,
        }
    }
}

type Step<T> = Result<T, Problem>;

fn compact(v: &Value) -> String {
    v.to_string()
}

/// [ruler] the text its JSON parser gives for the token a numeric expression stopped at:
/// a string's contents, a number or literal as written, or the bracket that opens or closes.
fn token_text(v: Option<&Value>) -> String {
    match v {
        None => "]".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(_)) => "{".into(),
        Some(Value::Array(_)) => "[".into(),
        Some(other) => other.to_string(),
    }
}

/// Compiles a policy object into branches, walking it in document order as [ruler]'s
/// streaming compiler does, so the first problem found is the one AWS reports.
struct Compiler {
    /// Whether "$or" is the OR operator (first attempt) or an ordinary field name (fallback).
    or_aware: bool,
    rules: Vec<Branch>,
    first_or: Option<String>,
}

impl Compiler {
    fn run(policy: &Map<String, Value>, or_aware: bool) -> Step<Compiler> {
        let mut c = Compiler {
            or_aware,
            rules: Vec::new(),
            first_or: None,
        };
        c.object(policy, &mut Vec::new(), false)?;
        Ok(c)
    }

    fn object(
        &mut self,
        obj: &Map<String, Value>,
        path: &mut Vec<String>,
        inside_or: bool,
    ) -> Step<()> {
        if obj.is_empty() {
            return Err(Problem::new("Empty objects are not allowed"));
        }
        for (name, value) in obj {
            if self.or_aware && name == "$or" {
                self.or(value, path)?;
                continue;
            }
            if self.or_aware && inside_or && RESERVED_IN_OR.contains(&name.as_str()) {
                return Err(Problem::new(format!(
                    "{name} is Ruler reserved fieldName which cannot be used inside $or."
                )));
            }
            match value {
                Value::Object(inner) => {
                    path.push(name.clone());
                    self.object(inner, path, inside_or)?;
                    path.pop();
                }
                Value::Array(items) => {
                    let conditions = values(items)?;
                    let mut full = path.clone();
                    full.push(name.clone());
                    let leaf = Leaf {
                        path: full,
                        conditions,
                        fragment: compact(value),
                        in_or: inside_or,
                    };
                    if self.rules.is_empty() {
                        self.rules.push(Branch::default());
                    }
                    for rule in &mut self.rules {
                        rule.put(leaf.clone());
                    }
                }
                _ => {
                    return Err(Problem::new(format!(
                        "\"{name}\" must be an object or an array"
                    )))
                }
            }
        }
        Ok(())
    }

    /// [docs] "$or" is an OR only when it holds an array of at least two objects, none of
    /// them using a reserved keyword as a field name. Each alternative continues every
    /// branch built so far.
    fn or(&mut self, value: &Value, path: &mut Vec<String>) -> Step<()> {
        let Value::Array(items) = value else {
            return Err(Problem::new("It must be an Array followed with $or."));
        };
        if self.first_or.is_none() {
            self.first_or = Some(compact(value));
        }
        let current = std::mem::take(&mut self.rules);
        let mut all = Vec::new();
        for item in items {
            let Value::Object(alternative) = item else {
                return Err(Problem::new(
                    "Only JSON object is allowed in array of $or relationship.",
                ));
            };
            self.rules = if current.is_empty() {
                vec![Branch::default()]
            } else {
                current.clone()
            };
            self.object(alternative, path, true)?;
            all.append(&mut self.rules);
            if all.len() > MAX_BRANCHES {
                return Err(Problem::fatal(TOO_COMPLEX));
            }
        }
        if items.len() < 2 {
            return Err(Problem::new(
                "There must have at least 2 Objects in $or relationship.",
            ));
        }
        self.rules = all;
        Ok(())
    }
}

/// [ruler] a key's array: match expressions (objects), strings, numbers, true, false, null.
fn values(items: &[Value]) -> Step<Vec<Condition>> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(match item {
            Value::Object(expr) => match_expression(expr)?,
            Value::String(s) => Condition::Exact(Literal::Str(s.clone())),
            Value::Number(n) => Condition::Exact(Literal::Num {
                key: n.as_f64().and_then(comparable),
                text: n.to_string(),
            }),
            Value::Bool(b) => Condition::Exact(Literal::Bool(*b)),
            Value::Null => Condition::Exact(Literal::Null),
            Value::Array(_) => {
                return Err(Problem::new(
                    "Match value must be String, number, true, false, or null",
                ))
            }
        });
    }
    if out.is_empty() {
        return Err(Problem::new("Empty arrays are not allowed"));
    }
    Ok(out)
}

const ONE_KEY: &str = "Only one key allowed in match expression";
const TOO_MANY_ELEMENTS: &str = "Too many elements in numeric expression";

/// [ruler] one `{ "operator": operand }` object. The operand is checked before any second key
/// is noticed, and a second key is reported in the operator's own words.
fn match_expression(expr: &Map<String, Value>) -> Step<Condition> {
    let Some((name, operand)) = expr.iter().next() else {
        return Err(Problem::new("Match expression name not found"));
    };
    let extra = expr.len() > 1;
    let one_key = |c: Condition| {
        if extra {
            Err(Problem::new(ONE_KEY))
        } else {
            Ok(c)
        }
    };
    let string_operand = || match operand {
        Value::String(s) => Ok(s.clone()),
        _ => Err(Problem::new(format!(
            "{name} match pattern must be a string"
        ))),
    };
    match name.as_str() {
        "prefix" => one_key(Condition::Prefix(string_operand()?)),
        "suffix" => one_key(Condition::Suffix(string_operand()?)),
        "equals-ignore-case" => one_key(Condition::EqualsIgnoreCase(string_operand()?)),
        "numeric" => {
            let Value::Array(items) = operand else {
                return Err(Problem::new("Value of numeric must be an array."));
            };
            let numeric = numeric(items)?;
            if extra {
                return Err(Problem::new(TOO_MANY_ELEMENTS));
            }
            Ok(Condition::Numeric(numeric))
        }
        "anything-but" => anything_but(operand, extra).map(Condition::AnythingBut),
        "exists" => match operand {
            Value::Bool(b) => one_key(Condition::Exists(*b)),
            _ => Err(Problem::new(
                "exists match pattern must be either true or false.",
            )),
        },
        // [ruler] (and [snap]'s LocalStack) word a non-string CIDR like a prefix.
        "cidr" => match operand {
            Value::String(s) => one_key(Condition::Cidr(Cidr::parse(s)?)),
            _ => Err(Problem::new("prefix match pattern must be a string")),
        },
        other => Err(Problem::new(format!("Unrecognized match type {other}"))),
    }
}

/// [ruler] `["=", n]`, `[">"|">=", n]`, `["<"|"<=", n]` or `[">"|">=", a, "<"|"<=", b]`,
/// checked element by element; texts [snap].
fn numeric(items: &[Value]) -> Step<Numeric> {
    let at = |i: usize| items.get(i);
    let number = |i: usize| at(i).and_then(Value::as_f64);
    let Some(Value::String(op)) = at(0) else {
        return Err(Problem::new(format!(
            "Invalid member in numeric match: {}",
            token_text(at(0))
        )));
    };
    let op = op.as_str();
    match op {
        "=" | ">" | ">=" | "<" | "<=" => {}
        _ => {
            return Err(Problem::new(format!(
                "Unrecognized numeric range operator: {op}"
            )))
        }
    }
    let name = if op == "=" { "equals" } else { op };
    let Some(first) = number(1) else {
        return Err(Problem::new(format!("Value of {name} must be numeric")));
    };
    match op {
        "=" => {
            if at(2).is_some() {
                return Err(Problem::new(TOO_MANY_ELEMENTS));
            }
            Ok(Numeric::Equals(operand(first)?))
        }
        "<" | "<=" => {
            if at(2).is_some() {
                return Err(Problem::new(TOO_MANY_ELEMENTS));
            }
            Ok(Numeric::Range {
                low: None,
                high: Some((operand(first)?, op == "<=")),
            })
        }
        _ => {
            let low = (first, op == ">=");
            let Some(second) = at(2) else {
                return Ok(Numeric::Range {
                    low: Some((operand(low.0)?, low.1)),
                    high: None,
                });
            };
            let Value::String(op2) = second else {
                return Err(Problem::new(format!(
                    "Bad value in numeric range: {}",
                    token_text(Some(second))
                )));
            };
            if op2 != "<" && op2 != "<=" {
                return Err(Problem::new(format!("Bad numeric range operator: {op2}")));
            }
            let Some(top) = number(3) else {
                return Err(Problem::new(format!("Value of {op2} must be numeric")));
            };
            if at(4).is_some() {
                return Err(Problem::new("Too many terms in numeric range expression"));
            }
            let (bottom, top) = (operand(low.0)?, operand(top)?);
            if bottom >= top {
                return Err(Problem::new("Bottom must be less than top"));
            }
            Ok(Numeric::Range {
                low: Some((bottom, low.1)),
                high: Some((top, op2 == "<=")),
            })
        }
    }
}

/// [ruler] anything-but takes a string, a number, a list of only strings or only numbers,
/// or `{"prefix": ...}` / `{"suffix": ...}`. [snap] SNS words a non-string prefix like the
/// plain prefix operator; the empty-prefix text is [ruler]'s older per-operator wording, not
/// captured from AWS.
fn anything_but(operand: &Value, extra: bool) -> Step<AnythingBut> {
    let done = |a: AnythingBut| {
        if extra {
            Err(Problem::new(TOO_MANY_ELEMENTS))
        } else {
            Ok(a)
        }
    };
    match operand {
        Value::Object(inner) => {
            let Some((op, value)) = inner.iter().next() else {
                return Err(Problem::new("Anything-But expression name not found"));
            };
            if op != "prefix" && op != "suffix" {
                return Err(Problem::new(format!(
                    "Unsupported anything-but pattern: {op}"
                )));
            }
            let Value::String(text) = value else {
                return Err(Problem::new(format!("{op} match pattern must be a string")));
            };
            if text.is_empty() {
                return Err(Problem::new(format!("Null {op} not allowed")));
            }
            if inner.len() > 1 || extra {
                return Err(Problem::new(ONE_KEY));
            }
            Ok(if op == "prefix" {
                AnythingBut::Prefix(text.clone())
            } else {
                AnythingBut::Suffix(text.clone())
            })
        }
        Value::Array(items) => {
            let (mut strings, mut numbers) = (Vec::new(), Vec::new());
            for item in items {
                match item {
                    Value::String(s) => strings.push(s.clone()),
                    Value::Number(n) => numbers.push(operand_of(n)?),
                    _ => {
                        return Err(Problem::new(
                            "Inside anything but list, start|null|boolean is not supported.",
                        ))
                    }
                }
            }
            if strings.is_empty() == numbers.is_empty() {
                return Err(Problem::new(
                    "Inside anything but list, either all values are number or string, mixed type is not supported",
                ));
            }
            done(if numbers.is_empty() {
                AnythingBut::Strings(strings)
            } else {
                AnythingBut::Numbers(numbers)
            })
        }
        Value::String(s) => done(AnythingBut::Strings(vec![s.clone()])),
        Value::Number(n) => done(AnythingBut::Numbers(vec![operand_of(n)?])),
        _ => Err(Problem::new(
            "Value of anything-but must be an array or single string/number value.",
        )),
    }
}

fn operand_of(n: &serde_json::Number) -> Step<i64> {
    operand(n.as_f64().unwrap_or(f64::INFINITY))
}

/// The values a message holds under one policy key.
struct Field {
    /// The key is there ([docs] Binary attributes are ignored, so they are not there).
    present: bool,
    values: Vec<Scalar>,
    /// A String.Array attribute: [docs] anything-but then requires every element to pass.
    string_array: bool,
    /// How to name it in a report: `attribute "store"` or `the body value at "a.b"`.
    subject: String,
    /// What was found, for the report.
    found: String,
}

fn attribute_field(name: &str, attr: Option<&MessageAttributeValue>) -> Field {
    let subject = format!("attribute {}", Value::String(name.into()));
    let absent = |found: &str| Field {
        present: false,
        values: Vec::new(),
        string_array: false,
        subject: subject.clone(),
        found: found.into(),
    };
    let Some(attr) = attr else {
        return absent("missing");
    };
    let text = attr.string_value.clone().unwrap_or_default();
    if attr.data_type == "String.Array" {
        let values: Vec<Scalar> = match serde_json::from_str::<Value>(&text) {
            Ok(Value::Array(items)) => items.iter().filter_map(Scalar::from_json).collect(),
            _ => Vec::new(),
        };
        return Field {
            present: true,
            values,
            string_array: true,
            subject,
            found: format!("the String.Array {text}"),
        };
    }
    match attr.base_type() {
        "Binary" => absent("Binary, which filter policies ignore"),
        "Number" => {
            let parsed = text.trim().parse::<f64>().ok().filter(|v| v.is_finite());
            let value = match parsed {
                Some(value) => Scalar::Num {
                    value,
                    text: text.clone(),
                },
                None => Scalar::Str(text.clone()),
            };
            Field {
                present: true,
                values: vec![value],
                string_array: false,
                subject,
                found: format!("the Number {text}"),
            }
        }
        _ => {
            let value = Scalar::Str(text);
            Field {
                present: true,
                found: value.render(),
                values: vec![value],
                string_array: false,
                subject,
            }
        }
    }
}

/// [ruler] a body becomes (dotted path, leaf value) pairs: arrays add no path step, so every
/// element sits under the array's own path, and a key spelled "a.b" is the same path as
/// "b" inside "a". Only leaves count: an object or an empty array holds no value.
fn flatten(value: &Value, path: &mut String, out: &mut BTreeMap<String, Vec<Scalar>>) {
    match value {
        Value::Object(obj) => {
            for (k, v) in obj {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                flatten(v, path, out);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for item in items {
                flatten(item, path, out);
            }
        }
        leaf => {
            if let Some(s) = Scalar::from_json(leaf) {
                out.entry(path.clone()).or_default().push(s);
            }
        }
    }
}

fn body_field(key: &str, flat: &BTreeMap<String, Vec<Scalar>>) -> Field {
    let subject = format!("the body value at {}", Value::String(key.into()));
    match flat.get(key) {
        Some(values) => {
            let found = if values.len() == 1 {
                values[0].render()
            } else {
                format!(
                    "[{}]",
                    values
                        .iter()
                        .map(Scalar::render)
                        .collect::<Vec<_>>()
                        .join(",")
                )
            };
            Field {
                present: true,
                values: values.clone(),
                string_array: false,
                subject,
                found,
            }
        }
        None => Field {
            present: false,
            values: Vec::new(),
            string_array: false,
            subject,
            found: "missing".into(),
        },
    }
}

fn field_matches(condition: &Condition, field: &Field) -> bool {
    match condition {
        // [docs] exists: true needs the key, exists: false needs it absent.
        Condition::Exists(want) => field.present == *want,
        // Every other condition needs a value.
        _ if !field.present => false,
        // [docs] (the current String value matching page) a String.Array attribute passes
        // anything-but only when no element of it is among the excluded values.
        Condition::AnythingBut(a) if field.string_array => {
            !field.values.is_empty() && field.values.iter().all(|v| a.matches(v))
        }
        // [docs] any one value (String.Array element, body array element) may match.
        _ => field.values.iter().any(|v| condition.matches(v)),
    }
}

fn leaf_mismatch(leaf: &Leaf, field: &Field) -> Mismatch {
    let reason = if field.present
        && leaf
            .conditions
            .iter()
            .all(|c| matches!(c, Condition::Exists(false)))
    {
        format!(
            "{} is present, but the policy requires it to be absent",
            field.subject
        )
    } else if !field.present {
        format!(
            "{} is {}, so none of {} can match",
            field.subject, field.found, leaf.fragment
        )
    } else {
        format!(
            "{} is {}, which matches none of {}",
            field.subject, field.found, leaf.fragment
        )
    };
    Mismatch {
        key: leaf.key(),
        condition: leaf.fragment.clone(),
        reason,
    }
}

impl FilterPolicy {
    /// Parses and validates a policy as Subscribe / SetSubscriptionAttributes do. `Err` is the
    /// reason AWS gives after "Invalid parameter: FilterPolicy: " (see
    /// [`invalid_parameter_message`] for the whole text). An empty string or `{}` is a policy
    /// without keys, which matches every message.
    pub fn parse(json: &str, scope: FilterPolicyScope) -> Result<FilterPolicy, String> {
        if json.len() > MAX_POLICY_BYTES {
            return Err(TOO_LONG.into());
        }
        let mut policy = FilterPolicy {
            scope,
            source: json.to_string(),
            branches: Vec::new(),
            combinations: 0,
            first_or: None,
        };
        if json.trim().is_empty() {
            return Ok(policy);
        }
        let value: Value = serde_json::from_str(json).map_err(|_| NOT_JSON.to_string())?;
        let Value::Object(obj) = &value else {
            return Err("Filter is not an object".into());
        };
        if obj.is_empty() {
            return Ok(policy);
        }
        // [ruler] first with "$or" as the OR operator; if that fails, again with "$or" as an
        // ordinary field name ([docs]: a "$or" that is not a valid OR is just a key). When
        // both fail, the second attempt's problem is the one reported.
        let compiled = match Compiler::run(obj, true) {
            Ok(c) => c,
            Err(p) if p.fatal => return Err(p.reason),
            Err(_) => Compiler::run(obj, false).map_err(|p| p.reason)?,
        };
        let branches = compiled.rules;
        // [docs] attribute-based filtering takes no nested policy; text [snap].
        if scope == FilterPolicyScope::MessageAttributes
            && branches
                .iter()
                .any(|b| b.leaves.iter().any(|l| l.path.len() > 1))
        {
            return Err(NESTED_IN_ATTRIBUTES_SCOPE.into());
        }
        if branches.iter().any(|b| b.leaves.len() > MAX_KEYS) {
            return Err(TOO_MANY_KEYS.into());
        }
        // [docs] with "$or", the complexity is the sum of each alternative's combinations.
        let combinations = branches
            .iter()
            .fold(0u64, |acc, b| acc.saturating_add(b.combinations()));
        if combinations > MAX_COMBINATIONS {
            return Err(TOO_COMPLEX.into());
        }
        policy.branches = branches;
        policy.combinations = combinations;
        policy.first_or = compiled.first_or;
        Ok(policy)
    }

    /// `Ok(())` when the message passes the policy; otherwise which key failed and why.
    pub fn evaluate(&self, attributes: &MessageAttributes, body: &str) -> Result<(), Mismatch> {
        if self.branches.is_empty() {
            return Ok(());
        }
        let flat = match self.scope {
            FilterPolicyScope::MessageAttributes => None,
            FilterPolicyScope::MessageBody => match serde_json::from_str::<Value>(body) {
                Ok(v @ Value::Object(_)) => {
                    let mut flat = BTreeMap::new();
                    flatten(&v, &mut String::new(), &mut flat);
                    Some(flat)
                }
                // [snap] a body that is not JSON, or JSON but not an object, is not
                // delivered to a MessageBody subscription.
                _ => {
                    return Err(Mismatch {
                        key: String::new(),
                        condition: self.condition_text(),
                        reason: "the message body is not a JSON object, so a MessageBody filter policy cannot match it".into(),
                    })
                }
            },
        };
        let field = |leaf: &Leaf| match &flat {
            Some(flat) => body_field(&leaf.key(), flat),
            None => attribute_field(&leaf.key(), attributes.get(&leaf.key())),
        };
        let mut failures = Vec::with_capacity(self.branches.len());
        for branch in &self.branches {
            let failure = branch.leaves.iter().find_map(|leaf| {
                let f = field(leaf);
                let ok = leaf.conditions.iter().any(|c| field_matches(c, &f));
                (!ok).then(|| (leaf.in_or, leaf_mismatch(leaf, &f)))
            });
            match failure {
                None => return Ok(()),
                Some(f) => failures.push(f),
            }
        }
        let (first_in_or, first) = failures.swap_remove(0);
        // A key outside every "$or" that fails in all branches is the culprit itself.
        if failures.is_empty()
            || (!first_in_or
                && failures
                    .iter()
                    .all(|(in_or, m)| !in_or && m.key == first.key))
        {
            return Err(first);
        }
        Err(Mismatch {
            key: "$or".into(),
            condition: self.first_or.clone().unwrap_or_default(),
            reason: format!(
                "none of the policy's {} alternatives matched; in the first, {}",
                self.branches.len(),
                first.reason
            ),
        })
    }

    pub fn scope(&self) -> FilterPolicyScope {
        self.scope
    }

    /// The policy text as given (what GetSubscriptionAttributes returns).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// A policy without keys ("" or "{}") lets every message through.
    pub fn is_empty(&self) -> bool {
        self.branches.is_empty()
    }

    /// [docs] the policy's total combination of values (at most [`MAX_COMBINATIONS`]).
    pub fn combinations(&self) -> u64 {
        self.combinations
    }

    /// Every branch's keys as dotted paths, one list per combination of `$or` alternatives.
    pub fn branch_keys(&self) -> Vec<Vec<String>> {
        self.branches
            .iter()
            .map(|b| b.leaves.iter().map(Leaf::key).collect())
            .collect()
    }

    fn condition_text(&self) -> String {
        serde_json::from_str::<Value>(&self.source)
            .map(|v| compact(&v))
            .unwrap_or_else(|_| self.source.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<FilterPolicy, String> {
        FilterPolicy::parse(json, FilterPolicyScope::MessageAttributes)
    }
    fn parse_body(json: &str) -> Result<FilterPolicy, String> {
        FilterPolicy::parse(json, FilterPolicyScope::MessageBody)
    }
    fn combos(json: &str, scope: FilterPolicyScope) -> u64 {
        // The count without the limit: compile and add up the branches directly.
        let value: Value = serde_json::from_str(json).unwrap();
        let compiled = Compiler::run(value.as_object().unwrap(), true).unwrap();
        let total = compiled.rules.iter().map(Branch::combinations).sum();
        let verdict = FilterPolicy::parse(json, scope);
        assert_eq!(
            verdict.is_ok(),
            total <= MAX_COMBINATIONS,
            "{json}: {verdict:?}"
        );
        total
    }

    // [docs] Filter policy constraints (attribute-based): 3 x 1 x 2 = 6.
    #[test]
    fn filter_policy_combinations_flat_doc_example() {
        let p = r#"{"key_a":["value_one","value_two","value_three"],"key_b":["value_one"],"key_c":["value_one","value_two"]}"#;
        assert_eq!(combos(p, FilterPolicyScope::MessageAttributes), 6);
    }

    // [docs] payload-based: a 4-value key three levels deep and a 3-value key two levels
    // deep: 3 x 4 x 2 x 3 = 72.
    #[test]
    fn filter_policy_combinations_nested_doc_example() {
        let p = r#"{"key_a":{"key_b":{"key_c":["value_one","value_two","value_three","value_four"]}},"key_d":{"key_e":["value_one","value_two","value_three"]}}"#;
        assert_eq!(combos(p, FilterPolicyScope::MessageBody), 72);
    }

    // [snap] the same with a 3-value top-level key: 72 x 3 = 216, refused by AWS.
    #[test]
    fn filter_policy_combinations_nested_over_limit() {
        let p = r#"{"key_a":{"key_b":{"key_c":["value_one","value_two","value_three","value_four"]}},"key_d":{"key_e":["value_one","value_two","value_three"]},"key_f":["value_one","value_two","value_three"]}"#;
        assert_eq!(combos(p, FilterPolicyScope::MessageBody), 216);
        assert_eq!(parse_body(p).unwrap_err(), TOO_COMPLEX);
    }

    // [docs] AND/OR logic: (1 x 2) + (1 x 1 x 2) + (1 x 1 x 3) = 7.
    #[test]
    fn filter_policy_combinations_or_doc_example() {
        let p = r#"{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization","ReadLatency"]},{"metricType":["MetricType"],"$or":[{"metricId":[1234,4321]},{"spaceId":[1000,2000,3000]}]}]}"#;
        assert_eq!(combos(p, FilterPolicyScope::MessageAttributes), 7);
    }

    // [docs] nested "$or": four alternatives of 2 x (2 x 1) x (2 x 1) each = 32.
    #[test]
    fn filter_policy_combinations_nested_or_doc_example() {
        let p = r#"{"$or":[{"metricName":["CPUUtilization","ReadLatency"]},{"namespace":["AWS/EC2","AWS/ES"]}],"detail":{"scope":["Service"],"$or":[{"source":["aws.cloudwatch"]},{"type":["CloudWatch Alarm State Change"]}]}}"#;
        assert_eq!(combos(p, FilterPolicyScope::MessageBody), 32);
    }

    // [snap] (4 x 6) + (4 x 4 x 4) + (4 x 4 x 4) = 152: refused.
    #[test]
    fn filter_policy_combinations_or_152_refused() {
        let p = r#"{"source":["aws.cloudwatch","aws.events","aws.test","aws.test2"],"$or":[{"metricName":["CPUUtilization","ReadLatency","t1","t2","t3","t4"]},{"metricType":["MetricType","TestType","TestType2","TestType3"],"$or":[{"metricId":[1234,4321,5678,9012]},{"spaceId":[1,2,3,4]}]}]}"#;
        assert_eq!(combos(p, FilterPolicyScope::MessageAttributes), 152);
        assert_eq!(parse(p).unwrap_err(), TOO_COMPLEX);
    }

    // [snap] (3 x 6) + (3 x 4 x 4) + (3 x 4 x 7) = 150: accepted, the limit itself.
    #[test]
    fn filter_policy_combinations_or_150_accepted() {
        let p = r#"{"source":["aws.cloudwatch","aws.events","aws.test"],"$or":[{"metricName":["CPUUtilization","ReadLatency","TestVal","TestVal2","TestVal3","TestVal4"]},{"metricType":["MetricType","TestType","TestType2","TestType3"],"$or":[{"metricId":[1234,4321,5678,9012]},{"spaceId":[1,2,3,4,5,6,7]}]}]}"#;
        assert_eq!(combos(p, FilterPolicyScope::MessageAttributes), 150);
        assert_eq!(parse(p).unwrap().combinations(), 150);
    }

    // [snap] nested "$or" in body scope: (3x4x2) + (3x4x6) + (2x4x2) + (2x4x6) = 160.
    #[test]
    fn filter_policy_combinations_nested_or_160_refused() {
        let p = r#"{"$or":[{"metricName":["CPUUtilization","ReadLatency","TestValue"]},{"namespace":["AWS/EC2","AWS/ES"]}],"detail":{"scope":["Service","Test"],"$or":[{"source":["aws.cloudwatch"]},{"type":["CloudWatch Alarm State Change","TestValue","TestValue2"]}]}}"#;
        assert_eq!(combos(p, FilterPolicyScope::MessageBody), 160);
        assert_eq!(parse_body(p).unwrap_err(), TOO_COMPLEX);
    }

    // [snap] 151 values in one key; 100 x 51 in two.
    #[test]
    fn filter_policy_combinations_single_keys() {
        let many: Vec<String> = (0..151).map(|i| format!("\"value{i}\"")).collect();
        let p = format!("{{\"key\":[{}]}}", many.join(","));
        assert_eq!(combos(&p, FilterPolicyScope::MessageAttributes), 151);
        let a: Vec<String> = (0..100).map(|i| format!("\"v{i}\"")).collect();
        let b: Vec<String> = (0..51).map(|i| format!("\"v{i}\"")).collect();
        let p = format!("{{\"key1\":[{}],\"key2\":[{}]}}", a.join(","), b.join(","));
        assert_eq!(combos(&p, FilterPolicyScope::MessageAttributes), 5100);
        assert_eq!(parse(&p).unwrap_err(), TOO_COMPLEX);
    }

    #[test]
    fn filter_policy_or_branches_and_override() {
        // [ruler] a key written again in a branch replaces the earlier conditions.
        let p = parse(r#"{"a":["x"],"$or":[{"a":["y"]},{"b":["z"]}]}"#).unwrap();
        assert_eq!(
            p.branch_keys(),
            vec![
                vec!["a".to_string()],
                vec!["a".to_string(), "b".to_string()]
            ]
        );
        let attrs: MessageAttributes = [(
            "a".to_string(),
            MessageAttributeValue::string("String", "y"),
        )]
        .into_iter()
        .collect();
        assert!(p.evaluate(&attrs, "").is_ok());
    }

    #[test]
    fn filter_policy_branch_explosion_is_bounded() {
        let alt = r#"{"$or":[{"a":["1"]},{"b":["2"]}]}"#;
        let mut p = String::from("{");
        for i in 0..20 {
            if i > 0 {
                p.push(',');
            }
            p.push_str(&format!("\"k{i}\":{alt}"));
        }
        p.push('}');
        assert_eq!(parse_body(&p).unwrap_err(), TOO_COMPLEX);
    }

    #[test]
    fn filter_policy_mismatch_reports() {
        let p = parse(r#"{"store":["example_corp"]}"#).unwrap();
        let attrs: MessageAttributes = [(
            "store".to_string(),
            MessageAttributeValue::string("String", "other"),
        )]
        .into_iter()
        .collect();
        let m = p.evaluate(&attrs, "").unwrap_err();
        assert_eq!(m.key, "store");
        assert_eq!(m.condition, r#"["example_corp"]"#);
        assert_eq!(
            m.reason,
            r#"attribute "store" is "other", which matches none of ["example_corp"]"#
        );

        let p = parse_body(r#"{"a":{"b":[{"exists":false}]}}"#).unwrap();
        let m = p
            .evaluate(&BTreeMap::new(), r#"{"a":{"b":1}}"#)
            .unwrap_err();
        assert_eq!(m.key, "a.b");
        assert_eq!(m.condition, r#"[{"exists":false}]"#);

        let p = parse(r#"{"$or":[{"a":["1"]},{"b":["2"]}]}"#).unwrap();
        let m = p.evaluate(&BTreeMap::new(), "").unwrap_err();
        assert_eq!(m.key, "$or");
        assert_eq!(m.condition, r#"[{"a":["1"]},{"b":["2"]}]"#);

        let p = parse(r#"{"c":["3"],"$or":[{"a":["1"]},{"b":["2"]}]}"#).unwrap();
        let m = p.evaluate(&BTreeMap::new(), "").unwrap_err();
        assert_eq!(m.key, "c");

        let p = parse_body(r#"{"a":["1"]}"#).unwrap();
        let m = p.evaluate(&BTreeMap::new(), "not json").unwrap_err();
        assert_eq!(m.key, "");
        assert_eq!(m.condition, r#"{"a":["1"]}"#);
    }

    #[test]
    fn filter_policy_scope_names() {
        for s in [
            FilterPolicyScope::MessageAttributes,
            FilterPolicyScope::MessageBody,
        ] {
            assert_eq!(FilterPolicyScope::parse(s.name()), Some(s));
        }
        assert_eq!(FilterPolicyScope::parse("messagebody"), None);
        assert_eq!(
            FilterPolicyScope::invalid_value_message("RandomValue"),
            "Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes"
        );
        assert_eq!(
            invalid_parameter_message(TOO_MANY_KEYS, true),
            "Invalid parameter: Attributes Reason: FilterPolicy: Filter policy can not have more than 5 keys"
        );
        assert_eq!(
            invalid_parameter_message(NESTED_IN_ATTRIBUTES_SCOPE, false),
            "Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy"
        );
    }

    #[test]
    fn filter_policy_cidr_ranges() {
        let c = Cidr::parse("10.0.0.0/24").unwrap();
        assert!(c.contains("10.0.0.255") && c.contains("10.0.0.0") && !c.contains("10.0.1.0"));
        // Host bits are not cleared: the range starts at the address as written.
        let c = Cidr::parse("10.0.0.5/24").unwrap();
        assert!(!c.contains("10.0.0.4") && c.contains("10.0.0.200"));
        let c = Cidr::parse("2001:db8::/32").unwrap();
        assert!(c.contains("2001:db8:ffff::1") && !c.contains("2001:db9::1"));
        assert_eq!(Cidr::parse("0.0.0.0/0").unwrap().high, u32::MAX as u128);
        assert_eq!(Cidr::parse("::/0").unwrap().high, u128::MAX);
        assert_eq!(
            Cidr::parse("10.0.0.0/24/").unwrap(),
            Cidr::parse("10.0.0.0/24").unwrap()
        );
    }
}
