//! Requests and answers as JSON text. Journal entries travel as a scenario file's JSON
//! inside a string, so both sides read them with the scenario reader.

use super::{Answer, Ask, Completion, Ran, Request, Stream, Sync};
use serde_json::{json, Map, Value};

fn text(o: &Map<String, Value>, key: &str) -> Result<String, String> {
    o.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| format!("the console's message has no text `{key}`"))
}

fn number(o: &Map<String, Value>, key: &str) -> Result<u64, String> {
    o.get(key)
        .and_then(Value::as_u64)
        .ok_or_else(|| format!("the console's message has no number `{key}`"))
}

fn object(text: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str(text) {
        Ok(Value::Object(o)) => Ok(o),
        _ => Err("the console's message is not a JSON object".into()),
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

impl Request {
    pub fn to_json(&self) -> String {
        let sync = match &self.sync {
            Sync::Level => Value::Null,
            Sync::Reset { scenario } => json!({ "reset": scenario }),
            Sync::Since { from, scenario } => json!({ "from": from, "since": scenario }),
        };
        let ask = match &self.ask {
            Ask::Run {
                input,
                only_if_complete,
            } => json!({ "ask": "run", "input": input, "only_if_complete": only_if_complete }),
            Ask::Check { input } => json!({ "ask": "check", "input": input }),
            Ask::Complete { input, cursor } => {
                json!({ "ask": "complete", "input": input, "cursor": cursor })
            }
            Ask::AddFile { name, text } => json!({ "ask": "add-file", "name": name, "text": text }),
        };
        json!({ "sync": sync, "ask": ask }).to_string()
    }

    pub fn from_json(message: &str) -> Result<Request, String> {
        let o = object(message)?;
        let sync = match o.get("sync") {
            Some(Value::Object(s)) if s.contains_key("reset") => Sync::Reset {
                scenario: text(s, "reset")?,
            },
            Some(Value::Object(s)) => Sync::Since {
                from: number(s, "from")? as usize,
                scenario: text(s, "since")?,
            },
            _ => Sync::Level,
        };
        let Some(Value::Object(a)) = o.get("ask") else {
            return Err("the console's message asks nothing".into());
        };
        let ask = match text(a, "ask")?.as_str() {
            "run" => Ask::Run {
                input: text(a, "input")?,
                only_if_complete: a.get("only_if_complete") == Some(&Value::Bool(true)),
            },
            "check" => Ask::Check {
                input: text(a, "input")?,
            },
            "complete" => Ask::Complete {
                input: text(a, "input")?,
                cursor: number(a, "cursor")? as usize,
            },
            "add-file" => Ask::AddFile {
                name: text(a, "name")?,
                text: text(a, "text")?,
            },
            other => return Err(format!("the console cannot {other}")),
        };
        Ok(Request { sync, ask })
    }
}

impl Answer {
    pub fn to_json(&self) -> String {
        match self {
            Answer::Ran(r) => {
                let chunks: Vec<Value> = r
                    .chunks
                    .iter()
                    .map(|(s, t)| json!([if *s == Stream::Stderr { "err" } else { "out" }, t]))
                    .collect();
                json!({
                    "answer": "ran",
                    "chunks": chunks,
                    "status": r.status,
                    "speed": r.speed,
                    "from": r.from,
                    "entries": r.entries,
                    "journal_len": r.journal_len,
                })
            }
            Answer::Incomplete => json!({ "answer": "incomplete" }),
            Answer::Runnable => json!({ "answer": "runnable" }),
            Answer::Completion(c) => {
                json!({ "answer": "completion", "start": c.start, "candidates": c.candidates })
            }
            Answer::FileAdded => json!({ "answer": "file-added" }),
            Answer::OutOfStep => json!({ "answer": "out-of-step" }),
            Answer::Failed(message) => json!({ "answer": "failed", "message": message }),
        }
        .to_string()
    }

    /// An unreadable answer is a failure to report, never a panic.
    pub fn from_json(message: &str) -> Answer {
        Answer::read(message).unwrap_or_else(Answer::Failed)
    }

    fn read(message: &str) -> Result<Answer, String> {
        let o = object(message)?;
        Ok(match text(&o, "answer")?.as_str() {
            "ran" => Answer::Ran(Ran {
                chunks: o
                    .get("chunks")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|c| {
                                let stream = match c.get(0)?.as_str()? {
                                    "err" => Stream::Stderr,
                                    _ => Stream::Stdout,
                                };
                                Some((stream, c.get(1)?.as_str()?.to_string()))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                status: o.get("status").and_then(Value::as_i64).unwrap_or(1) as i32,
                speed: o.get("speed").and_then(Value::as_str).map(str::to_string),
                from: number(&o, "from")? as usize,
                entries: text(&o, "entries")?,
                journal_len: number(&o, "journal_len")? as usize,
            }),
            "incomplete" => Answer::Incomplete,
            "runnable" => Answer::Runnable,
            "completion" => Answer::Completion(Completion {
                start: number(&o, "start")? as usize,
                candidates: strings(o.get("candidates")),
            }),
            "file-added" => Answer::FileAdded,
            "out-of-step" => Answer::OutOfStep,
            _ => Answer::Failed(text(&o, "message")?),
        })
    }
}
