//! AWS-checked cases: every `tests/peer/scripts/NAME.sh` runs through `fanout run`'s session
//! (seed 1, chaos off) and its transcript, normalized the way
//! `/work/shared/conformance/compare.py` normalizes one (ids, receipt handles, sequence
//! numbers, timestamps and queue-URL hosts replaced by placeholders, object keys sorted, the
//! error codes of stderr collected), must equal `tests/peer/expected/NAME.json`.
//!
//! The expected files come from the real AWS CLI run against moto, corrected by hand where
//! moto disagrees with the AWS documentation; `tests/peer/README.md` lists every correction
//! and how to regenerate a case. Nothing here needs moto, Python or the AWS CLI.
//!
//! Every case must pass; `PEER_CASE=NAME` runs one case.
#![cfg(not(target_arch = "wasm32"))]

use fanout::cli::Session;
use fanout::engine::EngineConfig;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

const SEED: u64 = 1;

// ---------------------------------------------------------------------------------------
// compare.py, ported: the same placeholders, the same text/JSON split, the same error regex.
// ---------------------------------------------------------------------------------------

const TS_KEYS: &[&str] = &[
    "SentTimestamp",
    "ApproximateFirstReceiveTimestamp",
    "CreatedTimestamp",
    "LastModifiedTimestamp",
    "Timestamp",
];

fn opaque(key: &str) -> Option<&'static str> {
    Some(match key {
        "ReceiptHandle" => "<rh>",
        "Signature" => "<sig>",
        "SigningCertURL" | "SigningCertUrl" => "<cert>",
        "UnsubscribeURL" | "UnsubscribeUrl" => "<unsub>",
        "SenderId" => "<sender>",
        "SequenceNumber" => "<seq>",
        "MessageId" => "<id>",
        "TaskHandle" => "<task>",
        _ => return None,
    })
}

/// `https?://[^/\s"]+/(\d{12})/` → `<sqs>/\1/`, then the UUID pattern → `<uuid>`.
fn norm_str(s: &str) -> String {
    replace_uuids(&replace_urls(s))
}

fn replace_urls(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((end, account)) = match_url(&chars, i) {
            out.push_str("<sqs>/");
            out.push_str(&account);
            out.push('/');
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The end of a `https?://HOST/ACCOUNT/` match starting at `i`, and the account.
fn match_url(c: &[char], i: usize) -> Option<(usize, String)> {
    let starts = |at: usize, lit: &str| {
        lit.chars()
            .enumerate()
            .all(|(k, ch)| c.get(at + k) == Some(&ch))
    };
    let mut j = if starts(i, "https://") {
        i + 8
    } else if starts(i, "http://") {
        i + 7
    } else {
        return None;
    };
    let host = j;
    while j < c.len() && c[j] != '/' && c[j] != '"' && !c[j].is_whitespace() {
        j += 1;
    }
    if j == host || c.get(j) != Some(&'/') {
        return None;
    }
    j += 1;
    let account: String = c.get(j..j + 12)?.iter().collect();
    if !account.chars().all(|d| d.is_ascii_digit()) || c.get(j + 12) != Some(&'/') {
        return None;
    }
    Some((j + 13, account))
}

fn replace_uuids(s: &str) -> String {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let chars: Vec<char> = s.chars().collect();
    let is_uuid_at = |i: usize| {
        let mut j = i;
        for (g, len) in GROUPS.iter().enumerate() {
            if g > 0 {
                if chars.get(j) != Some(&'-') {
                    return false;
                }
                j += 1;
            }
            for _ in 0..*len {
                if !chars.get(j).is_some_and(|c| c.is_ascii_hexdigit()) {
                    return false;
                }
                j += 1;
            }
        }
        true
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if is_uuid_at(i) {
            out.push_str("<uuid>");
            i += 36;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn norm(v: &Value, key: Option<&str>) -> Value {
    if let (Some(k), Value::String(_)) = (key, v) {
        if let Some(placeholder) = opaque(k) {
            return Value::String(placeholder.into());
        }
    }
    if key.is_some_and(|k| TS_KEYS.contains(&k)) {
        return Value::String("<ts>".into());
    }
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let mut out = Map::new();
            for k in keys {
                out.insert(k.clone(), norm(&m[k], Some(k)));
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(|x| norm(x, None)).collect()),
        Value::String(s) => {
            // SNS envelopes (and policies) arrive as JSON inside a string: normalize inside.
            let t = s.trim();
            if t.starts_with('{') && t.ends_with('}') {
                if let Ok(inner) = serde_json::from_str::<Value>(t) {
                    let mut m = Map::new();
                    m.insert("<json>".into(), norm(&inner, None));
                    return Value::Object(m);
                }
            }
            Value::String(norm_str(s))
        }
        other => other.clone(),
    }
}

/// What `json.JSONDecoder().raw_decode(text, i)` reads: one JSON value starting exactly at
/// `i`, and where it ends. Python stops after the value even if text follows it.
fn raw_decode(text: &str, i: usize) -> Option<(Value, usize)> {
    let mut stream = serde_json::Deserializer::from_str(&text[i..]).into_iter::<Value>();
    match stream.next() {
        Some(Ok(v)) => Some((v, i + stream.byte_offset())),
        _ => {
            // serde refuses a number glued to more text (`12abc`); Python reads the number.
            let rest = &text[i..];
            let len = number_prefix(rest)?;
            let v = serde_json::from_str::<Value>(&rest[..len]).ok()?;
            Some((v, i + len))
        }
    }
}

/// The length of the JSON number at the start of `s` (Python's NUMBER_RE), if any.
fn number_prefix(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = 0;
    if b.get(j) == Some(&b'-') {
        j += 1;
    }
    match b.get(j) {
        Some(b'0') => j += 1,
        Some(b'1'..=b'9') => {
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
        }
        _ => return None,
    }
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j += 1;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
    }
    if matches!(b.get(j), Some(b'e' | b'E')) {
        let mut k = j + 1;
        if matches!(b.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        if b.get(k).is_some_and(u8::is_ascii_digit) {
            while b.get(k).is_some_and(u8::is_ascii_digit) {
                k += 1;
            }
            j = k;
        }
    }
    Some(j)
}

/// `An error occurred \(([^)]+)\) when calling the (\w+) operation` → `"CODE Operation"`.
fn error_codes(err: &str) -> Vec<String> {
    const START: &str = "An error occurred (";
    const MIDDLE: &str = ") when calling the ";
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(pos) = err[from..].find(START) {
        let at = from + pos;
        from = at + 1;
        let rest = &err[at + START.len()..];
        let Some(close) = rest.find(')') else {
            continue;
        };
        let code = &rest[..close];
        let Some(after) = rest[close..].strip_prefix(MIDDLE) else {
            continue;
        };
        let op_len: usize = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .map(char::len_utf8)
            .sum();
        if code.is_empty() || op_len == 0 || !after[op_len..].starts_with(" operation") {
            continue;
        }
        found.push(format!("{code} {}", &after[..op_len]));
    }
    found
}

fn transcript(out: &str, err: &str) -> Value {
    let mut items = Vec::new();
    let mut i = 0;
    while i < out.len() {
        let c = out[i..].chars().next().unwrap();
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if let Some((v, end)) = raw_decode(out, i) {
            items.push(norm(&v, None));
            i = end;
        } else {
            let end = out[i..].find('\n').map_or(out.len(), |n| i + n);
            let mut m = Map::new();
            m.insert("<text>".into(), Value::String(norm_str(out[i..end].trim())));
            items.push(Value::Object(m));
            i = end;
        }
    }
    let mut t = Map::new();
    t.insert("errors".into(), Value::from(error_codes(err)));
    t.insert("outputs".into(), Value::Array(items));
    Value::Object(t)
}

/// `json.dumps(v, indent=1, sort_keys=True)`, as lines (non-ASCII kept; only equality and
/// the diff use it).
fn pretty_lines(v: &Value) -> Vec<String> {
    fn write(v: &Value, depth: usize, first_prefix: String, lines: &mut Vec<String>, tail: &str) {
        let pad = " ".repeat(depth + 1);
        match v {
            Value::Object(m) if !m.is_empty() => {
                lines.push(format!("{first_prefix}{{"));
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                for (n, k) in keys.iter().enumerate() {
                    let comma = if n + 1 < keys.len() { "," } else { "" };
                    let key = serde_json::to_string(k).unwrap();
                    write(&m[*k], depth + 1, format!("{pad}{key}: "), lines, comma);
                }
                lines.push(format!("{}}}{tail}", " ".repeat(depth)));
            }
            Value::Array(a) if !a.is_empty() => {
                lines.push(format!("{first_prefix}["));
                for (n, x) in a.iter().enumerate() {
                    let comma = if n + 1 < a.len() { "," } else { "" };
                    write(x, depth + 1, pad.clone(), lines, comma);
                }
                lines.push(format!("{}]{tail}", " ".repeat(depth)));
            }
            scalar => lines.push(format!("{first_prefix}{scalar}{tail}")),
        }
    }
    let mut lines = Vec::new();
    write(v, 0, String::new(), &mut lines, "");
    lines
}

/// One unified-diff hunk around the first difference: two lines of context, then what
/// expected has and got has up to where they agree again at the end.
fn first_hunk(want: &[String], got: &[String]) -> String {
    let prefix = want.iter().zip(got).take_while(|(a, b)| a == b).count();
    let suffix = want[prefix..]
        .iter()
        .rev()
        .zip(got[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (w_end, g_end) = (want.len() - suffix, got.len() - suffix);
    let start = prefix.saturating_sub(2);
    const MAX: usize = 30;
    let mut s = format!(
        "@@ -{},{} +{},{} @@\n",
        start + 1,
        w_end - start,
        start + 1,
        g_end - start
    );
    for l in &want[start..prefix] {
        s += &format!(" {l}\n");
    }
    let removed = &want[prefix..w_end];
    let added = &got[prefix..g_end];
    for l in removed.iter().take(MAX) {
        s += &format!("-{l}\n");
    }
    if removed.len() > MAX {
        s += &format!("-... ({} more lines)\n", removed.len() - MAX);
    }
    for l in added.iter().take(MAX) {
        s += &format!("+{l}\n");
    }
    if added.len() > MAX {
        s += &format!("+... ({} more lines)\n", added.len() - MAX);
    }
    for l in want[w_end..].iter().take(2) {
        s += &format!(" {l}\n");
    }
    s
}

fn run_case(script: &str) -> Value {
    let mut session = Session::new(EngineConfig {
        seed: SEED,
        ..Default::default()
    });
    let out = session.run_script(script);
    transcript(&out.stdout(), &out.stderr())
}

fn cases(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut scripts: Vec<_> = std::fs::read_dir(dir.join("scripts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    scripts.sort();
    scripts
}

#[test]
fn peer_cases_match_aws() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peer");
    let all = cases(&dir);
    assert!(
        all.len() >= 32,
        "expected the peer cases under {}",
        dir.display()
    );
    let only = std::env::var("PEER_CASE").ok();
    let mut passed = Vec::new();
    let mut failed = Vec::new();
    let mut report = String::new();
    for (name, path) in &all {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let expected_path = dir.join("expected").join(format!("{name}.json"));
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let got = run_case(&std::fs::read_to_string(path).unwrap());
        let (want, have) = (pretty_lines(&expected), pretty_lines(&got));
        if want == have {
            passed.push(name.clone());
        } else {
            report += &format!(
                "--- {name} (seed {SEED}, chaos off) differs:\n--- tests/peer/expected/{name}.json\n+++ fanout\n{}",
                first_hunk(&want, &have)
            );
            failed.push(name.clone());
        }
    }
    print!("{report}");
    let total = passed.len() + failed.len();
    println!("{} of {total} peer cases pass", passed.len());
    assert!(
        failed.is_empty(),
        "peer cases differ from AWS: {failed:?} (diffs above)"
    );
}

#[test]
fn normalizer_matches_compare_py() {
    let out =
        "{\n    \"QueueUrl\": \"http://127.0.0.1:5324/123456789012/q\"\n}\nNone\n\"ops\"\n12 abc\n";
    let err = "\nAn error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueUrl operation: nope\n";
    let t = transcript(out, err);
    assert_eq!(
        t,
        serde_json::json!({
            "errors": ["AWS.SimpleQueueService.NonExistentQueue GetQueueUrl"],
            "outputs": [
                {"QueueUrl": "<sqs>/123456789012/q"},
                {"<text>": "None"},
                "ops",
                12,
                {"<text>": "abc"}
            ]
        })
    );
    let body = serde_json::json!({
        "MessageId": "x", "Body": "{\"TopicArn\": \"t\", \"Timestamp\": 5}",
        "ReceiptHandle": "h", "Attributes": {"SentTimestamp": "1"},
        "Note": "id 0a1b2c3d-0000-4000-8000-00000000abcd at https://sqs.us-east-1.amazonaws.com/123456789012/q"
    });
    assert_eq!(
        norm(&body, None),
        serde_json::json!({
            "Attributes": {"SentTimestamp": "<ts>"},
            "Body": {"<json>": {"Timestamp": "<ts>", "TopicArn": "t"}},
            "MessageId": "<id>",
            "Note": "id <uuid> at <sqs>/123456789012/q",
            "ReceiptHandle": "<rh>"
        })
    );
    assert_eq!(
        pretty_lines(&serde_json::json!({"b": [1, {}], "a": []})),
        ["{", " \"a\": [],", " \"b\": [", "  1,", "  {}", " ]", "}"]
    );
}
