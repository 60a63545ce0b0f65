//! Structured option values (`--entries`, `--message-attributes`, `--tags`, ...) turned
//! into API parameters the way the AWS CLI turns them, with its errors:
//!
//! 1. *unpack* one option: JSON when the value starts with `{` or `[`, else shorthand
//!    (lists of structures take one shorthand or JSON object per argument); a list of
//!    strings takes its arguments as they are, or one JSON list. Shorthand values are then
//!    fitted to the model (`DelaySeconds=5` becomes a number, a lone value where a list is
//!    expected becomes a one-item list).
//! 2. *check blobs*: `BinaryValue` arguments are base64 (AWS CLI v2's default
//!    `cli_binary_format`); a value Python's decoder rejects is `Invalid base64: "..."`.
//! 3. *validate* against the model: missing and unknown members and wrong types, all
//!    reported at once (`Parameter validation failed:`).
//!
//! The shapes below are the SQS and SNS APIs' input shapes (members in API order).

use super::aws::ArgumentError;
use super::shorthand::{LoadFile, ShorthandFailure};
use super::{pyjson, shorthand};
use serde_json::{Map, Value};

pub enum Shape {
    String,
    /// A string the API limits to these values (the CLI does not check them; SQS does).
    Enum(&'static [&'static str]),
    Integer,
    Boolean,
    Blob,
    List(&'static Shape),
    /// String keys.
    Map(&'static Shape),
    Structure(&'static [Member]),
}

pub struct Member {
    pub name: &'static str,
    pub shape: &'static Shape,
    pub required: bool,
}

pub const fn member(name: &'static str, shape: &'static Shape, required: bool) -> Member {
    Member {
        name,
        shape,
        required,
    }
}

pub const STRING_LIST: Shape = Shape::List(&Shape::String);

/// `AttributeNames` of GetQueueAttributes and ReceiveMessage (QueueAttributeName).
pub const QUEUE_ATTRIBUTE_NAMES: Shape = Shape::List(&Shape::Enum(&[
    "All",
    "Policy",
    "VisibilityTimeout",
    "MaximumMessageSize",
    "MessageRetentionPeriod",
    "ApproximateNumberOfMessages",
    "ApproximateNumberOfMessagesNotVisible",
    "CreatedTimestamp",
    "LastModifiedTimestamp",
    "QueueArn",
    "ApproximateNumberOfMessagesDelayed",
    "DelaySeconds",
    "ReceiveMessageWaitTimeSeconds",
    "RedrivePolicy",
    "FifoQueue",
    "ContentBasedDeduplication",
    "KmsMasterKeyId",
    "KmsDataKeyReusePeriodSeconds",
    "DeduplicationScope",
    "FifoThroughputLimit",
    "RedriveAllowPolicy",
    "SqsManagedSseEnabled",
]));

/// `MessageSystemAttributeNames` of ReceiveMessage (MessageSystemAttributeName).
pub const MESSAGE_SYSTEM_ATTRIBUTE_NAMES: Shape = Shape::List(&Shape::Enum(&[
    "All",
    "SenderId",
    "SentTimestamp",
    "ApproximateReceiveCount",
    "ApproximateFirstReceiveTimestamp",
    "SequenceNumber",
    "MessageDeduplicationId",
    "MessageGroupId",
    "AWSTraceHeader",
    "DeadLetterQueueSourceArn",
]));
/// `Attributes` (QueueAttributeMap) and `Tags` (TagMap).
pub const STRING_MAP: Shape = Shape::Map(&Shape::String);

/// MessageAttributeValue and MessageSystemAttributeValue (the same members).
const ATTRIBUTE_VALUE: Shape = Shape::Structure(&[
    member("StringValue", &Shape::String, false),
    member("BinaryValue", &Shape::Blob, false),
    member("StringListValues", &STRING_LIST, false),
    member("BinaryListValues", &Shape::List(&Shape::Blob), false),
    member("DataType", &Shape::String, true),
]);
/// `MessageAttributes` and `MessageSystemAttributes`.
pub const MESSAGE_ATTRIBUTES: Shape = Shape::Map(&ATTRIBUTE_VALUE);

pub const SEND_MESSAGE_BATCH_ENTRIES: Shape = Shape::List(&Shape::Structure(&[
    member("Id", &Shape::String, true),
    member("MessageBody", &Shape::String, true),
    member("DelaySeconds", &Shape::Integer, false),
    member("MessageAttributes", &MESSAGE_ATTRIBUTES, false),
    member("MessageSystemAttributes", &MESSAGE_ATTRIBUTES, false),
    member("MessageDeduplicationId", &Shape::String, false),
    member("MessageGroupId", &Shape::String, false),
]));

pub const DELETE_MESSAGE_BATCH_ENTRIES: Shape = Shape::List(&Shape::Structure(&[
    member("Id", &Shape::String, true),
    member("ReceiptHandle", &Shape::String, true),
]));

pub const CHANGE_MESSAGE_VISIBILITY_BATCH_ENTRIES: Shape = Shape::List(&Shape::Structure(&[
    member("Id", &Shape::String, true),
    member("ReceiptHandle", &Shape::String, true),
    member("VisibilityTimeout", &Shape::Integer, false),
]));

/// SNS `Tags`: a list of `Key`/`Value` structures (`--tags Key=a,Value=b Key=c,Value=d`).
pub const TAG_LIST: Shape = Shape::List(&Shape::Structure(&[
    member("Key", &Shape::String, true),
    member("Value", &Shape::String, true),
]));

/// SNS MessageAttributeValue (no list values).
const SNS_ATTRIBUTE_VALUE: Shape = Shape::Structure(&[
    member("DataType", &Shape::String, true),
    member("StringValue", &Shape::String, false),
    member("BinaryValue", &Shape::Blob, false),
]);
pub const SNS_MESSAGE_ATTRIBUTES: Shape = Shape::Map(&SNS_ATTRIBUTE_VALUE);

pub const PUBLISH_BATCH_ENTRIES: Shape = Shape::List(&Shape::Structure(&[
    member("Id", &Shape::String, true),
    member("Message", &Shape::String, true),
    member("Subject", &Shape::String, false),
    member("MessageStructure", &Shape::String, false),
    member("MessageAttributes", &SNS_MESSAGE_ATTRIBUTES, false),
    member("MessageDeduplicationId", &Shape::String, false),
    member("MessageGroupId", &Shape::String, false),
]));

fn is_complex(shape: &Shape) -> bool {
    match shape {
        Shape::Structure(_) | Shape::Map(_) => true,
        Shape::List(m) => matches!(m, Shape::Structure(_) | Shape::Map(_) | Shape::List(_)),
        _ => false,
    }
}

fn starts_with_json(s: &str) -> bool {
    s.trim_matches(shorthand::py_isspace)
        .starts_with(['[', '{'])
}

fn parse_json(cli_name: &str, value: &str) -> Result<Value, ArgumentError> {
    pyjson::loads(value).map_err(|e| {
        ArgumentError::param(
            cli_name,
            format!("Invalid JSON: {e}\nJSON received: {value}"),
        )
    })
}

/// An option's value as an API parameter, and whether it was read as JSON (Python
/// then holds its objects as `OrderedDict`s, which shows in validation messages).
#[derive(Debug, Clone, PartialEq)]
pub struct Unpacked {
    pub value: Value,
    pub json: bool,
}

/// One option's arguments as the API parameter value (step 1 above); `load` reads the
/// files of shorthand `key@=file://...` values.
pub fn unpack(
    cli_name: &str,
    shape: &Shape,
    args: &[String],
    load: LoadFile,
) -> Result<Unpacked, ArgumentError> {
    let json = |value| Unpacked { value, json: true };
    let first = args.first().map(String::as_str);
    if let Shape::List(item) = shape {
        if !is_complex(shape) {
            // A list of strings: the arguments themselves, or one JSON list.
            if let [only] = args {
                if only.trim_matches(shorthand::py_isspace).starts_with('[') {
                    return parse_json(cli_name, only).map(json);
                }
            }
            debug_assert!(matches!(item, Shape::String | Shape::Enum(_) | Shape::Blob));
            return Ok(Unpacked {
                value: Value::Array(args.iter().map(|a| Value::String(a.clone())).collect()),
                json: false,
            });
        }
    }
    if first.is_some_and(starts_with_json) {
        return unpack_json(cli_name, shape, args).map(json);
    }
    let mut value = match shape {
        Shape::List(_) => Value::Array(
            args.iter()
                .map(|a| shorthand_value(cli_name, a, load))
                .collect::<Result<_, _>>()?,
        ),
        _ => shorthand_value(cli_name, first.unwrap_or_default(), load)?,
    };
    fit_to_model(&mut value, shape)?;
    Ok(Unpacked { value, json: false })
}

fn shorthand_value(cli_name: &str, arg: &str, load: LoadFile) -> Result<Value, ArgumentError> {
    shorthand::parse_with_files(arg, load).map_err(|e| match e {
        ShorthandFailure::Syntax(e) => ArgumentError::param(cli_name, e.0),
        // The AWS CLI does not catch a file error inside shorthand as a parameter error.
        ShorthandFailure::File(message) => ArgumentError::general(message),
    })
}

fn unpack_json(cli_name: &str, shape: &Shape, args: &[String]) -> Result<Value, ArgumentError> {
    let json_object = |arg: &str| -> Result<Value, ArgumentError> {
        match arg.trim_start_matches(shorthand::py_isspace).chars().next() {
            Some('{') => parse_json(cli_name, arg),
            Some(_) => Err(ArgumentError::param(
                cli_name,
                format!("Invalid JSON:\n{arg}"),
            )),
            None => Err(ArgumentError::general("string index out of range")),
        }
    };
    match shape {
        Shape::List(_) => {
            if let [only] = args {
                if only.trim_matches(shorthand::py_isspace).starts_with('[') {
                    return parse_json(cli_name, only);
                }
            }
            // Several JSON objects, one per argument.
            Ok(Value::Array(
                args.iter()
                    .map(|a| json_object(a))
                    .collect::<Result<_, _>>()?,
            ))
        }
        _ => json_object(args.first().map(String::as_str).unwrap_or_default()),
    }
}

/// Marks a string that holds bytes read from a `fileb://` file (base64 after the mark).
/// Python holds them as `bytes`: a blob takes them as they are, a string member refuses them.
const BYTES_MARK: &str = "\u{0}fanout-bytes:";

/// Bytes read from a `fileb://` file, as a parameter value.
pub fn bytes_value(bytes: &[u8]) -> String {
    use base64::Engine as _;
    format!(
        "{BYTES_MARK}{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The bytes of a value made by [`bytes_value`].
pub fn file_bytes(s: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let encoded = s.strip_prefix(BYTES_MARK)?;
    base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()
}

/// The AWS CLI's fitting of shorthand values to the model: integers parsed with
/// Python's `int()` (its error ends the command, status 255), a lone value where the
/// model wants a list wrapped in one.
fn fit_to_model(v: &mut Value, shape: &Shape) -> Result<(), ArgumentError> {
    match shape {
        Shape::Structure(members) => {
            if let Value::Object(m) = v {
                for member in *members {
                    if let Some(child) = m.get_mut(member.name) {
                        fit_to_model(child, member.shape)?;
                    }
                }
            }
        }
        Shape::List(item) => match v {
            Value::Array(items) => {
                for i in items {
                    fit_to_model(i, item)?;
                }
            }
            Value::Null => {}
            other => *other = Value::Array(vec![other.take()]),
        },
        Shape::Map(value) => {
            if let Value::Object(m) = v {
                for child in m.values_mut() {
                    fit_to_model(child, value)?;
                }
            }
        }
        Shape::Integer => match v {
            Value::String(s) => {
                *v = Value::Number(py_int(s).map_err(ArgumentError::general)?.into());
            }
            Value::Array(_) | Value::Object(_) => {
                return Err(ArgumentError::general(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    if v.is_array() { "list" } else { "dict" }
                )));
            }
            _ => {}
        },
        Shape::String | Shape::Enum(_) | Shape::Boolean | Shape::Blob => {}
    }
    Ok(())
}

/// Step 2: every blob argument must be base64 (status 255 otherwise, as in the CLI).
pub fn check_blobs(v: &Value, shape: &Shape) -> Result<(), ArgumentError> {
    match (shape, v) {
        (Shape::Structure(members), Value::Object(m)) => {
            for member in *members {
                if let Some(child) = m.get(member.name) {
                    check_blobs(child, member.shape)?;
                }
            }
        }
        (Shape::List(item), Value::Array(items)) => {
            for i in items {
                check_blobs(i, item)?;
            }
        }
        (Shape::Map(value), Value::Object(m)) => {
            for child in m.values() {
                check_blobs(child, value)?;
            }
        }
        (Shape::Blob, Value::String(s)) if file_bytes(s).is_some() => {}
        (Shape::Blob, Value::String(s)) => match b64decode(s) {
            Ok(_) => {}
            Err(Base64Error::NotAscii) => {
                return Err(ArgumentError::general(
                    "string argument should contain only ASCII characters",
                ))
            }
            Err(Base64Error::Invalid) => {
                return Err(ArgumentError::general(format!("Invalid base64: \"{s}\"")))
            }
        },
        _ => {}
    }
    Ok(())
}

/// Step 3: the parameters given, by API member name in API order, checked against their
/// shapes; every problem is reported together.
pub fn validate(params: &[(&str, &Unpacked, &Shape)]) -> Result<(), ArgumentError> {
    let mut errors = Vec::new();
    for (name, given, shape) in params {
        let mut v = Validator {
            errors: &mut errors,
            json: given.json,
        };
        v.check(&given.value, shape, name);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ArgumentError::validation(errors.join("\n")))
    }
}

/// Validates a whole request as botocore does, reporting every problem together:
/// missing required members (`in input`), unknown ones, then each member's shape.
/// `json_members` are those read by the CLI's JSON parser (objects shown as OrderedDict).
pub fn validate_input(
    members: &[Member],
    values: &Map<String, Value>,
    json_members: &[&str],
) -> Result<(), ArgumentError> {
    let mut errors = Vec::new();
    for m in members.iter().filter(|m| m.required) {
        if !values.contains_key(m.name) {
            errors.push(format!(
                "Missing required parameter in input: \"{}\"",
                m.name
            ));
        }
    }
    let names: Vec<&str> = members.iter().map(|m| m.name).collect();
    for key in values.keys() {
        if !names.contains(&key.as_str()) {
            errors.push(format!(
                "Unknown parameter in input: \"{key}\", must be one of: {}",
                names.join(", ")
            ));
        }
    }
    for (key, value) in values {
        if let Some(m) = members.iter().find(|m| m.name == key) {
            let mut v = Validator {
                errors: &mut errors,
                json: json_members.contains(&key.as_str()),
            };
            v.check(value, m.shape, key);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ArgumentError::validation(errors.join("\n")))
    }
}

struct Validator<'a> {
    errors: &'a mut Vec<String>,
    json: bool,
}

impl Validator<'_> {
    fn invalid_type(&mut self, v: &Value, name: &str, valid: &str) {
        let (value, kind) = match v {
            Value::String(s) if file_bytes(s).is_some() => (
                py_bytes_repr(&file_bytes(s).unwrap_or_default()),
                "<class 'bytes'>",
            ),
            Value::Object(_) if self.json => (py_repr_json(v), "<class 'collections.OrderedDict'>"),
            Value::Array(_) if self.json => (py_repr_json(v), py_type(v)),
            _ => (py_str(v), py_type(v)),
        };
        self.errors.push(format!(
            "Invalid type for parameter {name}, value: {value}, type: {kind}, valid types: {valid}"
        ));
    }

    fn check(&mut self, v: &Value, shape: &Shape, name: &str) {
        match shape {
            Shape::Structure(members) => {
                let Value::Object(m) = v else {
                    return self.invalid_type(v, name, "<class 'dict'>");
                };
                for member in members.iter().filter(|m| m.required) {
                    if !m.contains_key(member.name) {
                        self.errors.push(format!(
                            "Missing required parameter in {name}: \"{}\"",
                            member.name
                        ));
                    }
                }
                let names: Vec<&str> = members.iter().map(|m| m.name).collect();
                for key in m.keys() {
                    if !names.contains(&key.as_str()) {
                        self.errors.push(format!(
                            "Unknown parameter in {name}: \"{key}\", must be one of: {}",
                            names.join(", ")
                        ));
                    }
                }
                for (key, child) in m {
                    if let Some(member) = members.iter().find(|m| m.name == key) {
                        self.check(child, member.shape, &format!("{name}.{key}"));
                    }
                }
            }
            Shape::List(item) => {
                let Value::Array(items) = v else {
                    return self.invalid_type(v, name, "<class 'list'>, <class 'tuple'>");
                };
                for (i, child) in items.iter().enumerate() {
                    self.check(child, item, &format!("{name}[{i}]"));
                }
            }
            Shape::Map(value) => {
                let Value::Object(m) = v else {
                    return self.invalid_type(v, name, "<class 'dict'>");
                };
                for (key, child) in m {
                    self.check(child, value, &format!("{name}.{key}"));
                }
            }
            Shape::String | Shape::Enum(_) => {
                if v.as_str().is_none_or(|s| file_bytes(s).is_some()) {
                    self.invalid_type(v, name, "<class 'str'>");
                }
            }
            Shape::Boolean => {
                if !v.is_boolean() {
                    self.invalid_type(v, name, "<class 'bool'>");
                }
            }
            Shape::Integer => {
                // Python's bool is an int.
                if !(v.is_i64() || v.is_u64() || v.is_boolean()) {
                    self.invalid_type(v, name, "<class 'int'>");
                }
            }
            Shape::Blob => {
                if !v.is_string() {
                    self.invalid_type(
                        v,
                        name,
                        "<class 'bytes'>, <class 'bytearray'>, file-like object",
                    );
                }
            }
        }
    }
}

/// Python's `int(s)` for a string: surrounding whitespace, a sign, digits with single
/// underscores between them. Values beyond 64 bits saturate.
pub fn py_int(s: &str) -> Result<i64, String> {
    let bad = || format!("invalid literal for int() with base 10: {}", py_repr_str(s));
    let t = s.trim_matches(shorthand::py_isspace);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let valid = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.chars().all(|c| c.is_ascii_digit() || c == '_');
    if !valid {
        return Err(bad());
    }
    let mut n: i128 = 0;
    for c in digits.chars().filter(char::is_ascii_digit) {
        n = (n * 10 + i128::from(c as u8 - b'0')).min(i128::from(u64::MAX));
    }
    let n = if negative { -n } else { n };
    Ok(n.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Base64Error {
    NotAscii,
    Invalid,
}

/// Python's `base64.b64decode(s)` (not strict): characters outside the alphabet are
/// skipped, padding ends the data, and a partial last group is an error.
pub fn b64decode(s: &str) -> Result<Vec<u8>, Base64Error> {
    if !s.is_ascii() {
        return Err(Base64Error::NotAscii);
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut quad, mut left, mut pads) = (0u8, 0u32, 0u8);
    for b in s.bytes() {
        if b == b'=' {
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    return Ok(out);
                }
            }
            continue;
        }
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        } as u32;
        pads = 0;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
                quad = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
                quad = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                quad = 0;
            }
        }
    }
    if quad == 0 {
        Ok(out)
    } else {
        Err(Base64Error::Invalid)
    }
}

/// Python's `repr()` of bytes.
fn py_bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if char::from(b) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(b)),
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

pub fn py_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if n.is_f64() => "<class 'float'>",
        Value::Number(_) => "<class 'int'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}

/// Python's `str()` of a parameter value.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr()` of a parameter value.
pub fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => py_float_repr(f),
            _ => n.to_string(),
        },
        Value::String(s) => py_repr_str(s),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(py_repr).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(m) => format!("{{{}}}", py_repr_map(m, py_repr)),
    }
}

fn py_repr_map(m: &Map<String, Value>, repr: fn(&Value) -> String) -> String {
    m.iter()
        .map(|(k, v)| format!("{}: {}", py_repr_str(k), repr(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `repr()` of a value read from JSON, whose objects are `OrderedDict`s (Python 3.12+).
pub fn py_repr_json(v: &Value) -> String {
    match v {
        Value::Object(m) if m.is_empty() => "OrderedDict()".into(),
        Value::Object(m) => format!("OrderedDict({{{}}})", py_repr_map(m, py_repr_json)),
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(py_repr_json)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => py_repr(other),
    }
}

/// Python's `repr()` of a float: shortest round-trip digits, exponent form outside
/// 1e-4..1e16.
fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').expect("`{:e}` has an exponent");
    let exp: i32 = exp.parse().expect("`{:e}` exponent is an integer");
    if (-4..16).contains(&exp) {
        let s = format!("{f}");
        if s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    } else {
        format!(
            "{mantissa}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    }
}

fn py_printable(c: char) -> bool {
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}'))
}

/// Python's `repr()` of a string.
pub fn py_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if py_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    fn unpack_ok(shape: &Shape, a: &[&str]) -> Value {
        unpack("--x", shape, &args(a), &|_| None)
            .unwrap_or_else(|e| panic!("{}", e.message))
            .value
    }

    fn given(value: &Value, json: bool) -> Unpacked {
        Unpacked {
            value: value.clone(),
            json,
        }
    }

    fn unpack_err(shape: &Shape, a: &[&str]) -> ArgumentError {
        unpack("--entries", shape, &args(a), &|_| None).unwrap_err()
    }

    #[test]
    fn entries_from_shorthand_json_and_json_objects_agree() {
        let a = unpack_ok(
            &SEND_MESSAGE_BATCH_ENTRIES,
            &["Id=a,MessageBody=x,DelaySeconds=3", "Id=b,MessageBody=y"],
        );
        let b = unpack_ok(
            &SEND_MESSAGE_BATCH_ENTRIES,
            &[r#"[{"Id":"a","MessageBody":"x","DelaySeconds":3},{"Id":"b","MessageBody":"y"}]"#],
        );
        let c = unpack_ok(
            &SEND_MESSAGE_BATCH_ENTRIES,
            &[
                r#"{"Id":"a","MessageBody":"x","DelaySeconds":3}"#,
                r#" {"Id":"b","MessageBody":"y"}"#,
            ],
        );
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(unpack_ok(&SEND_MESSAGE_BATCH_ENTRIES, &[]), json!([]));
    }

    #[test]
    fn shorthand_is_fitted_to_the_model() {
        let v = unpack_ok(
            &MESSAGE_ATTRIBUTES,
            &["a={DataType=String,StringValue=1,StringListValues=x}"],
        );
        assert_eq!(
            v,
            json!({"a": {"DataType": "String", "StringValue": "1", "StringListValues": ["x"]}})
        );
        let e = unpack_err(
            &SEND_MESSAGE_BATCH_ENTRIES,
            &["Id=a,MessageBody=x,DelaySeconds=abc"],
        );
        assert_eq!(
            (e.message.as_str(), e.status),
            ("\ninvalid literal for int() with base 10: 'abc'\n", 255)
        );
        let e = unpack_err(
            &CHANGE_MESSAGE_VISIBILITY_BATCH_ENTRIES,
            &["Id=a,ReceiptHandle=r,VisibilityTimeout=[1,2]"],
        );
        assert_eq!(
            e.message,
            "\nint() argument must be a string, a bytes-like object or a real number, not 'list'\n"
        );
    }

    #[test]
    fn syntax_and_json_errors_name_the_option() {
        let e = unpack_err(&SEND_MESSAGE_BATCH_ENTRIES, &["Id=a", "Id"]);
        assert_eq!(
            (e.message.as_str(), e.status),
            (
                "\nError parsing parameter '--entries': Expected: '=', received: 'EOF' for input:\nId\n  ^\n",
                252
            )
        );
        let e = unpack_err(&SEND_MESSAGE_BATCH_ENTRIES, &[r#"[{"Id":"a""#]);
        assert_eq!(
            e.message,
            "\nError parsing parameter '--entries': Invalid JSON: Expecting ',' delimiter: line 1 column 11 (char 10)\nJSON received: [{\"Id\":\"a\"\n"
        );
        let e = unpack_err(&SEND_MESSAGE_BATCH_ENTRIES, &[r#"{"Id":"a"}"#, "Id=b"]);
        assert_eq!(
            e.message,
            "\nError parsing parameter '--entries': Invalid JSON:\nId=b\n"
        );
        let e = unpack_err(&STRING_MAP, &["[1]"]);
        assert_eq!(
            e.message,
            "\nError parsing parameter '--entries': Invalid JSON:\n[1]\n"
        );
        let e = unpack("--tags", &STRING_MAP, &args(&["a@=file://x.json"]), &|_| {
            Some(Err("Unable to load paramfile file://x.json: gone".into()))
        })
        .unwrap_err();
        assert_eq!(
            (e.message.as_str(), e.status),
            ("\nUnable to load paramfile file://x.json: gone\n", 255)
        );
    }

    #[test]
    fn string_lists_take_arguments_or_one_json_list() {
        assert_eq!(unpack_ok(&STRING_LIST, &["a,b", "c"]), json!(["a,b", "c"]));
        assert_eq!(
            unpack_ok(&STRING_LIST, &[r#"["a","b"]"#]),
            json!(["a", "b"])
        );
        assert_eq!(unpack_ok(&STRING_LIST, &[]), json!([]));
        assert_eq!(unpack_ok(&STRING_LIST, &["{x}"]), json!(["{x}"]));
    }

    #[test]
    fn validation_reports_everything() {
        let entries = unpack_ok(
            &SEND_MESSAGE_BATCH_ENTRIES,
            &["Id=a,MessageBody", "Id=b,Foo=1"],
        );
        let e = validate(&[(
            "Entries",
            &given(&entries, false),
            &SEND_MESSAGE_BATCH_ENTRIES,
        )])
        .unwrap_err();
        assert_eq!(e.status, 252);
        assert_eq!(
            e.message,
            "\nParameter validation failed:\n\
             Missing required parameter in Entries[0]: \"MessageBody\"\n\
             Invalid type for parameter Entries[0].Id, value: ['a', 'MessageBody'], type: <class 'list'>, valid types: <class 'str'>\n\
             Missing required parameter in Entries[1]: \"MessageBody\"\n\
             Unknown parameter in Entries[1]: \"Foo\", must be one of: Id, MessageBody, DelaySeconds, MessageAttributes, MessageSystemAttributes, MessageDeduplicationId, MessageGroupId\n"
        );
        let attrs =
            json!({"a": {"StringValue": "v"}, "b": {"DataType": "Number", "StringValue": 1}});
        let tags = json!({"k": ["x"]});
        let e = validate(&[
            (
                "MessageAttributes",
                &given(&attrs, true),
                &MESSAGE_ATTRIBUTES,
            ),
            ("Tags", &given(&tags, true), &STRING_MAP),
        ])
        .unwrap_err();
        assert_eq!(
            e.message,
            "\nParameter validation failed:\n\
             Missing required parameter in MessageAttributes.a: \"DataType\"\n\
             Invalid type for parameter MessageAttributes.b.StringValue, value: 1, type: <class 'int'>, valid types: <class 'str'>\n\
             Invalid type for parameter Tags.k, value: ['x'], type: <class 'list'>, valid types: <class 'str'>\n"
        );
        let delay = json!([{"Id": "a", "MessageBody": "x", "DelaySeconds": "3"}]);
        let e = validate(&[("Entries", &given(&delay, true), &SEND_MESSAGE_BATCH_ENTRIES)])
            .unwrap_err();
        assert!(e.message.contains(
            "Invalid type for parameter Entries[0].DelaySeconds, value: 3, type: <class 'str'>, valid types: <class 'int'>"
        ));
        let ok = json!([{"Id": "a", "MessageBody": "x", "DelaySeconds": 3}]);
        assert!(validate(&[("Entries", &given(&ok, true), &SEND_MESSAGE_BATCH_ENTRIES)]).is_ok());
    }

    #[test]
    fn json_objects_are_ordered_dicts_in_messages() {
        let tags = unpack(
            "--tags",
            &STRING_MAP,
            &args(&[r#"{"a": {"b": "c"}, "e": {}}"#]),
            &|_| None,
        )
        .unwrap();
        assert!(tags.json);
        let e = validate(&[("Tags", &tags, &STRING_MAP)]).unwrap_err();
        assert_eq!(
            e.message,
            "\nParameter validation failed:\n\
             Invalid type for parameter Tags.a, value: OrderedDict({'b': 'c'}), type: <class 'collections.OrderedDict'>, valid types: <class 'str'>\n\
             Invalid type for parameter Tags.e, value: OrderedDict(), type: <class 'collections.OrderedDict'>, valid types: <class 'str'>\n"
        );
        let tags = unpack("--tags", &STRING_MAP, &args(&[r#"{"a": [{}]}"#]), &|_| None).unwrap();
        let e = validate(&[("Tags", &tags, &STRING_MAP)]).unwrap_err();
        assert!(e
            .message
            .contains("value: [OrderedDict()], type: <class 'list'>"));
        let tags = unpack("--tags", &STRING_MAP, &args(&["a={b=c}"]), &|_| None).unwrap();
        let e = validate(&[("Tags", &tags, &STRING_MAP)]).unwrap_err();
        assert!(e
            .message
            .contains("value: {'b': 'c'}, type: <class 'dict'>"));
    }

    #[test]
    fn blobs_must_be_base64() {
        let good = json!({"a": {"DataType": "Binary", "BinaryValue": "aGk="}});
        assert!(check_blobs(&good, &MESSAGE_ATTRIBUTES).is_ok());
        let bad = json!({"a": {"DataType": "Binary", "BinaryValue": "aGk"}});
        let e = check_blobs(&bad, &MESSAGE_ATTRIBUTES).unwrap_err();
        assert_eq!(
            (e.message.as_str(), e.status),
            ("\nInvalid base64: \"aGk\"\n", 255)
        );
        let list = json!({"a": {"DataType": "Binary", "BinaryListValues": ["YQ==", "x"]}});
        assert!(check_blobs(&list, &MESSAGE_ATTRIBUTES).is_err());
    }

    #[test]
    fn base64_like_python() {
        assert_eq!(b64decode("aGk=").unwrap(), b"hi");
        assert_eq!(b64decode("aGk").unwrap_err(), Base64Error::Invalid);
        assert_eq!(b64decode("YQ==").unwrap(), b"a");
        assert_eq!(b64decode("YQ=").unwrap_err(), Base64Error::Invalid);
        assert_eq!(b64decode("Y").unwrap_err(), Base64Error::Invalid);
        assert_eq!(b64decode("").unwrap(), b"");
        assert_eq!(b64decode("@@@").unwrap(), b"");
        assert_eq!(b64decode("a G\nk=").unwrap(), b"hi");
        assert_eq!(b64decode("YQ==junk").unwrap(), b"a");
        assert_eq!(b64decode("=YQ==").unwrap(), b"a");
        assert_eq!(b64decode("/+/+").unwrap(), [0xff, 0xef, 0xfe]);
        assert_eq!(b64decode("é").unwrap_err(), Base64Error::NotAscii);
    }

    #[test]
    fn python_int_and_reprs() {
        assert_eq!(py_int(" 10 "), Ok(10));
        assert_eq!(py_int("-5"), Ok(-5));
        assert_eq!(py_int("+1_000"), Ok(1000));
        assert_eq!(
            py_int("ten"),
            Err("invalid literal for int() with base 10: 'ten'".into())
        );
        assert!(py_int("1__0").is_err());
        assert!(py_int("_1").is_err());
        assert!(py_int("").is_err());
        assert!(py_int("1.5").is_err());
        assert_eq!(py_int("99999999999999999999999"), Ok(i64::MAX));
        assert_eq!(py_repr_str("it's"), "\"it's\"");
        assert_eq!(py_repr_str("a'\"b"), "'a\\'\"b'");
        assert_eq!(py_repr_str("tab\there\u{1}"), "'tab\\there\\x01'");
        assert_eq!(py_repr_str("é"), "'é'");
        assert_eq!(py_repr(&json!(10.0)), "10.0");
        assert_eq!(py_repr(&json!(1e20)), "1e+20");
        assert_eq!(py_repr(&json!(1.5e-7)), "1.5e-07");
        assert_eq!(py_repr(&json!(0.0001)), "0.0001");
        assert_eq!(py_repr(&json!(123456789012345.6)), "123456789012345.6");
        assert_eq!(
            py_repr(&json!({"a": [1, true, null, "x"]})),
            "{'a': [1, True, None, 'x']}"
        );
    }
}
