//! `fanout bench`: the workloads behind docs/PERFORMANCE.md "Benchmarks".
//!
//! Each workload drives [`Engine`] directly, so the native command and the page run the
//! same code; only the clock differs, which is why it is a parameter (`Instant` natively,
//! `performance.now()` in the browser). The engine itself never reads a clock.

pub mod fanout_deliveries;
pub mod lesson;
pub mod lifecycles;
#[cfg(not(target_arch = "wasm32"))]
pub mod moto;
pub mod receive_cost;
pub mod resident;

use crate::collect_map::CollectMap;
use crate::engine::{Command, Engine, EngineConfig, MessageInput, Reply, SendMessageBatchEntry};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Wall-clock milliseconds since some fixed point.
pub type Clock<'a> = &'a dyn Fn() -> f64;

/// How big each workload is: `full` for the recorded figures, `quick` for CI smoke runs.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    pub quick: bool,
    pub lifecycles: u64,
    /// Resident counts compared by `receive_cost_ratio_1m_vs_1k`.
    pub resident_small: u64,
    pub resident_large: u64,
    pub receives: u64,
    /// `bytes_per_resident_message` is taken at `resident_measured` messages, and also
    /// reported at `resident_early` (the trace window: where the trace's share is largest).
    pub resident_measured: u64,
    pub resident_early: u64,
    pub publishes: u64,
    pub lesson_seconds: u64,
    pub moto_lifecycles: u64,
}

impl Sizes {
    pub fn full() -> Sizes {
        Sizes {
            quick: false,
            lifecycles: 1_000_000,
            resident_small: 1_000,
            resident_large: 1_000_000,
            receives: 20_000,
            resident_measured: 1_000_000,
            resident_early: 100_000,
            publishes: 100_000,
            lesson_seconds: 3_600,
            moto_lifecycles: 2_000,
        }
    }

    pub fn quick() -> Sizes {
        Sizes {
            quick: true,
            lifecycles: 20_000,
            resident_small: 1_000,
            resident_large: 20_000,
            receives: 1_000,
            resident_measured: 10_000,
            resident_early: 1_000,
            publishes: 2_000,
            lesson_seconds: 120,
            moto_lifecycles: 100,
        }
    }
}

/// A budget from issue 6: a goal for the figure, not a timed test.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Budget {
    AtLeast(f64),
    AtMost(f64),
}

impl Budget {
    pub fn passes(self, value: f64) -> bool {
        match self {
            Budget::AtLeast(b) => value >= b,
            Budget::AtMost(b) => value <= b,
        }
    }

    pub fn text(self) -> String {
        match self {
            Budget::AtLeast(b) => format!(">= {}", whole_or_number(b)),
            Budget::AtMost(b) => format!("<= {}", whole_or_number(b)),
        }
    }
}

/// One measured figure; `value` is None when it could not be measured, and `note` says why.
#[derive(Clone, Debug)]
pub struct Figure {
    pub key: &'static str,
    pub value: Option<f64>,
    pub unit: &'static str,
    pub budget: Option<Budget>,
    pub note: Option<String>,
}

impl Figure {
    pub fn new(key: &'static str, value: f64, unit: &'static str) -> Figure {
        Figure {
            key,
            value: Some(value),
            unit,
            budget: None,
            note: None,
        }
    }

    pub fn budget(self, budget: Budget) -> Figure {
        Figure {
            budget: Some(budget),
            ..self
        }
    }

    pub fn note(self, note: impl Into<String>) -> Figure {
        Figure {
            note: Some(note.into()),
            ..self
        }
    }

    pub fn pass(&self) -> Option<bool> {
        Some(self.budget?.passes(self.value?))
    }
}

/// The keys of the figures `fanout bench` reports natively, in the order printed.
pub const FIGURE_KEYS: [&str; 7] = [
    "lifecycles_per_sec",
    "receive_cost_ratio_1m_vs_1k",
    "bytes_per_resident_message",
    "fanout_deliveries_per_sec",
    "lesson_fast_forward_ms",
    "moto_lifecycles_per_sec",
    "peer_ratio_moto",
];

/// The figures `fanout bench` reports natively, or with `only` just those whose key
/// starts with it (one workload, for a profiler). `live_bytes` reads the bytes allocated
/// and not yet freed.
#[cfg(not(target_arch = "wasm32"))]
pub fn native_figures(
    sizes: &Sizes,
    clock: Clock,
    live_bytes: &dyn Fn() -> usize,
    only: Option<&str>,
) -> Vec<Figure> {
    let wanted = |key: &str| only.is_none_or(|o| key.starts_with(o));
    let mut figures = Vec::new();
    if wanted(FIGURE_KEYS[0]) {
        figures.push(lifecycles::run(sizes, clock));
    }
    if wanted(FIGURE_KEYS[1]) {
        figures.push(receive_cost::run(sizes, clock));
    }
    if wanted(FIGURE_KEYS[2]) {
        figures.push(resident::run(sizes, live_bytes));
    }
    if wanted(FIGURE_KEYS[3]) {
        figures.push(fanout_deliveries::run(sizes, clock));
    }
    if wanted(FIGURE_KEYS[4]) {
        figures.push(lesson::run(sizes, clock));
    }
    if wanted(FIGURE_KEYS[5]) || wanted(FIGURE_KEYS[6]) {
        let fanout_rate = figures
            .iter()
            .find(|f| f.key == FIGURE_KEYS[0])
            .and_then(|f| f.value);
        figures.extend(moto::run(sizes, fanout_rate));
    }
    figures
}

/// One JSON object: each figure under its key (null when not measured), then the
/// budgets with pass/fail and the notes.
pub fn to_json(figures: &[Figure], sizes: &Sizes, platform: &str) -> Value {
    let mut out = Map::new();
    out.insert("platform".into(), json!(platform));
    out.insert("quick".into(), json!(sizes.quick));
    for f in figures {
        out.insert(f.key.into(), json!(f.value));
    }
    let budgets: Map<String, Value> = figures
        .iter()
        .filter_map(|f| {
            let b = f.budget?;
            Some((
                f.key.to_string(),
                json!({ "budget": b.text(), "pass": f.pass() }),
            ))
        })
        .collect();
    out.insert("budgets".into(), Value::Object(budgets));
    let notes: Map<String, Value> = figures
        .iter()
        .filter_map(|f| Some((f.key.to_string(), json!(f.note.as_ref()?))))
        .collect();
    out.insert("notes".into(), Value::Object(notes));
    Value::Object(out)
}

/// A plain table: figure, value, unit, budget, pass/fail, then the notes.
pub fn to_table(figures: &[Figure]) -> String {
    let rows: Vec<[String; 4]> = figures
        .iter()
        .map(|f| {
            let value = match f.value {
                Some(v) => format!("{} {}", number(v), f.unit),
                None => "n/a".into(),
            };
            let budget = f.budget.map(Budget::text).unwrap_or_default();
            let verdict = match f.pass() {
                Some(true) => "pass",
                Some(false) => "FAIL",
                None => "",
            };
            [f.key.to_string(), value, budget, verdict.to_string()]
        })
        .collect();
    let header = [
        "figure".to_string(),
        "value".into(),
        "budget".into(),
        "".into(),
    ];
    let width = |i: usize| {
        rows.iter()
            .chain([&header])
            .map(|r| r[i].len())
            .max()
            .unwrap_or(0)
    };
    let (w0, w1, w2) = (width(0), width(1), width(2));
    let mut out = String::new();
    for r in [&header].into_iter().chain(rows.iter()) {
        let line = format!("{:<w0$}  {:>w1$}  {:<w2$}  {}", r[0], r[1], r[2], r[3]);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    for f in figures {
        if let Some(n) = &f.note {
            out.push_str(&format!("\n{}: {n}", f.key));
        }
    }
    if figures.iter().any(|f| f.note.is_some()) {
        out.push('\n');
    }
    out
}

/// Budgets are round numbers: no decimals.
fn whole_or_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1000.0 {
        format!("{v:.0}")
    } else {
        number(v)
    }
}

/// Whole numbers with thousands separators; small ones with two or three decimals.
pub fn number(v: f64) -> String {
    if v.abs() >= 1000.0 {
        let whole = format!("{:.0}", v.abs());
        let grouped = crate::thousands::group_thousands(&whole);
        format!("{}{grouped}", if v < 0.0 { "-" } else { "" })
    } else if v.abs() >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.3}")
    }
}

// ---- helpers the workloads share ----

/// A fresh engine with chaos off (the default), so figures measure the engine, not draws.
fn engine() -> Engine {
    Engine::new(EngineConfig::default())
}

/// Creates a standard queue; its URL. Benchmarks start from nothing, so this cannot clash.
fn create_queue(e: &mut Engine, name: &str, attributes: &[(&str, &str)]) -> String {
    let attributes: BTreeMap<String, String> = attributes
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect_map();
    match e.apply(Command::CreateQueue {
        queue_name: name.into(),
        attributes,
        tags: BTreeMap::new(),
    }) {
        Ok(Reply::QueueUrl(url)) => url,
        _ => String::new(),
    }
}

/// A body of exactly `len` bytes that differs per message, as real traffic does.
fn body(n: u64, len: usize) -> String {
    // What a caller with a buffer pays, no more: the number's digits written by hand
    // (`write!` through `core::fmt` cost more than the rest of the body), the padding
    // copied from a constant in slices, and no UTF-8 check of bytes known to be ASCII.
    const PAD: &str = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut b = String::with_capacity(len.max(29));
    b.push_str("message ");
    for &d in &digits[at..] {
        b.push(char::from(d));
    }
    b.push(' ');
    b.truncate(len);
    while b.len() < len {
        b.push_str(&PAD[..(len - b.len()).min(PAD.len())]);
    }
    b
}

const BATCH_IDS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Sends `count` messages of `len` bytes in batches of 10; how many were accepted.
fn send_batches(e: &mut Engine, queue_url: &str, first: u64, count: u64, len: usize) -> u64 {
    let mut sent = 0;
    let mut n = first;
    while sent < count {
        let size = (count - sent).min(10);
        let entries = (0..size)
            .map(|i| SendMessageBatchEntry {
                // A batch's ids are one digit: copied, not formatted.
                id: BATCH_IDS[i as usize].to_owned(),
                message: MessageInput::body(body(n + i, len)),
            })
            .collect();
        if let Ok(Reply::SendBatch { successful, .. }) = e.apply(Command::SendMessageBatch {
            queue_url: queue_url.into(),
            entries,
        }) {
            sent += successful.len() as u64;
        } else {
            break;
        }
        n += size;
    }
    sent
}

/// Per second from a count and milliseconds, never dividing by zero on a coarse clock.
fn per_second(count: f64, ms: f64) -> f64 {
    count * 1000.0 / ms.max(1e-3)
}

#[cfg(test)]
mod tests {
    use super::body;

    #[test]
    fn bodies_have_the_asked_length_and_differ_per_message() {
        assert_eq!(body(7, 12), "message 7 xx");
        assert_eq!(body(123_456, 5), "messa");
        let b = body(42, 100);
        assert_eq!(b.len(), 100);
        assert!(b.starts_with("message 42 xxx"));
        for len in [5, 32, 100, 200, 1_000] {
            let b = body(42, len);
            assert_eq!(b.len(), len, "{b}");
            assert_eq!(b, format!("message 42 {}", "x".repeat(len))[..len]);
        }
        assert_ne!(body(1, 100), body(2, 100));
        assert_eq!(body(0, 12), "message 0 xx");
        for n in [9, 10, 99_999, u64::MAX] {
            let expected = format!("message {n} {}", "x".repeat(200));
            for len in [1, 8, 12, 28, 29, 30, 64, 65, 130] {
                assert_eq!(body(n, len), expected[..len], "{n} {len}");
            }
        }
    }
}
