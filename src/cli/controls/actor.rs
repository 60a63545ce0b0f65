//! `fanout actor ...`: start, list, stop and remove producers and consumer groups.
//!
//! ```text
//! fanout actor producer NAME (--queue-url URL | --topic-arn ARN)
//!     [--pattern steady|burst|spike|sine]
//!     steady: --rate N                      (messages per second; decimals allowed)
//!     burst:  --burst-size N --every DURATION
//!     spike:  --rate N --spike-rate N --spike-at DURATION --spike-for DURATION
//!     sine:   --rate MEAN --amplitude N --period DURATION
//!     [--message-body T] [--message-group-id T] [--message-deduplication-id T]
//!     [--batch-size 1-10] [--count N] [--for DURATION | --stop-at CLOCK]
//! fanout actor consumer NAME --queue-url URL
//!     [--instances N | --max-instances N --acceptable-latency DURATION
//!      [--min-instances N] [--cooldown DURATION]]
//!     [--warm-up DURATION] [--max-number-of-messages 1-10] [--wait-time-seconds 0-20]
//!     [--visibility-timeout S] [--processing-time DIST] [--failure-probability P]
//!     [--crash-probability P] [--idempotent]
//! fanout actor list | stop NAME | remove NAME
//! ```
//!
//! Templates take `{n}`, `{n%K}` and `{actor}`. DIST is `200ms`, `uniform:100ms-300ms` or
//! `exponential:200ms`. This module reads the words; the engine checks the values.

use super::super::output::format_json;
use super::{clock_time, duration};
use crate::engine::actors::{
    ActorSpec, ActorView, ConsumerSpec, Instances, MilliRate, ProcessingTime, ProducerSpec,
    RatePattern, Target, Template,
};
use crate::engine::Engine;
use litemap::LiteMap;
use serde_json::{json, Map, Value};

pub const PRODUCER_OPTIONS: &[&str] = &[
    "--queue-url",
    "--topic-arn",
    "--pattern",
    "--rate",
    "--burst-size",
    "--every",
    "--spike-rate",
    "--spike-at",
    "--spike-for",
    "--amplitude",
    "--period",
    "--message-body",
    "--message-group-id",
    "--message-deduplication-id",
    "--batch-size",
    "--count",
    "--for",
    "--stop-at",
];

pub const CONSUMER_OPTIONS: &[&str] = &[
    "--queue-url",
    "--instances",
    "--min-instances",
    "--max-instances",
    "--acceptable-latency",
    "--cooldown",
    "--warm-up",
    "--max-number-of-messages",
    "--wait-time-seconds",
    "--visibility-timeout",
    "--processing-time",
    "--failure-probability",
    "--crash-probability",
    "--idempotent",
];

/// Options that take no value.
const FLAGS: &[&str] = &["--idempotent"];

/// Each pattern and the options it needs (all of them); `--rate` is shared.
const PATTERNS: &[(&str, &[&str])] = &[
    ("steady", &["--rate"]),
    ("burst", &["--burst-size", "--every"]),
    (
        "spike",
        &["--rate", "--spike-rate", "--spike-at", "--spike-for"],
    ),
    ("sine", &["--rate", "--amplitude", "--period"]),
];

const USAGE: &str =
    "usage: fanout actor producer NAME (--queue-url URL | --topic-arn ARN) [OPTIONS]
       fanout actor consumer NAME --queue-url URL [OPTIONS]
       fanout actor list
       fanout actor stop NAME
       fanout actor remove NAME";

pub fn run(engine: &mut Engine, args: &[String]) -> Result<String, String> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["list"] => Ok(list(engine)),
        ["stop", name] => engine.stop_actor(name).map(|()| String::new()),
        ["remove", name] => engine.remove_actor(name).map(|()| String::new()),
        ["producer", name, options @ ..] if !name.starts_with("--") => {
            let spec = producer(engine, &Options::read(options, PRODUCER_OPTIONS)?)?;
            engine.start_producer(name, spec).map(|()| String::new())
        }
        ["consumer", name, options @ ..] if !name.starts_with("--") => {
            let spec = consumer(&Options::read(options, CONSUMER_OPTIONS)?)?;
            engine.start_consumers(name, spec).map(|()| String::new())
        }
        [kind @ ("producer" | "consumer"), ..] => {
            Err(format!("actor {kind} needs a NAME first\n{USAGE}"))
        }
        [sub @ ("stop" | "remove"), ..] => Err(format!("actor {sub} takes one NAME")),
        ["list", ..] => Err("actor list takes nothing more".into()),
        [] => Err(USAGE.into()),
        [sub, ..] => Err(format!(
            "actor takes producer, consumer, list, stop or remove, not {sub}\n{USAGE}"
        )),
    }
}

/// `--option value` pairs (and flags), each given at most once, each one the control knows.
struct Options<'a> {
    values: LiteMap<&'a str, &'a str>,
}

impl<'a> Options<'a> {
    fn read(words: &[&'a str], known: &[&str]) -> Result<Options<'a>, String> {
        let mut values = LiteMap::new();
        let mut i = 0;
        while i < words.len() {
            let option = words[i];
            if let Some(flag) = i
                .checked_sub(1)
                .map(|j| words[j])
                .filter(|f| FLAGS.contains(f))
            {
                if !option.starts_with("--") {
                    return Err(format!("{flag} takes no value (leave out {option})"));
                }
            }
            if !known.contains(&option) {
                return Err(format!(
                    "unknown option {option} (options: {})",
                    known.join(" ")
                ));
            }
            let value = if FLAGS.contains(&option) {
                i += 1;
                "true"
            } else {
                let value = words
                    .get(i + 1)
                    .ok_or_else(|| format!("{option} needs a value"))?;
                i += 2;
                value
            };
            if values.insert(option, value).is_some() {
                return Err(format!("{option} is given twice"));
            }
        }
        Ok(Options { values })
    }

    fn get(&self, option: &str) -> Option<&'a str> {
        self.values.get(option).copied()
    }
    fn has(&self, option: &str) -> bool {
        self.values.contains_key(option)
    }
    fn parse<T>(
        &self,
        option: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        self.get(option)
            .map(|v| parse(v).map_err(|e| format!("{option}: {e}")))
            .transpose()
    }
    fn required<T>(
        &self,
        option: &str,
        why: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, String> {
        self.parse(option, parse)?
            .ok_or_else(|| format!("{why} needs {option}"))
    }
}

fn whole<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("{s} is not a whole number"))
}

/// Messages per second with up to three decimals, in thousandths.
fn rate(s: &str) -> Result<MilliRate, String> {
    let bad = || format!("{s} is not a rate: use messages per second, such as 100 or 0.5");
    let (whole_part, fraction) = s.split_once('.').unwrap_or((s, ""));
    let digits = |d: &str| d.chars().all(|c| c.is_ascii_digit());
    if whole_part.is_empty() || !digits(whole_part) || !digits(fraction) || fraction.len() > 3 {
        return Err(bad());
    }
    let units: u64 = whole_part.parse().map_err(|_| bad())?;
    let thousandths: u64 = format!("{fraction:0<3}").parse().map_err(|_| bad())?;
    units
        .checked_mul(1000)
        .and_then(|u| u.checked_add(thousandths))
        .ok_or_else(bad)
}

fn probability(s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|p| p.is_finite())
        .ok_or_else(|| format!("{s} is not a probability: use a number from 0 to 1"))
}

fn template(s: &str) -> Result<Template, String> {
    Template::parse(s)
}

fn processing_time(s: &str) -> Result<ProcessingTime, String> {
    let bad = || {
        format!("{s} is not a processing time: use 200ms, uniform:100ms-300ms or exponential:200ms")
    };
    let within = |d: &str| duration(d).map_err(|_| bad());
    if let Some(range) = s.strip_prefix("uniform:") {
        let (min, max) = range.split_once('-').ok_or_else(bad)?;
        return Ok(ProcessingTime::Uniform {
            min_ms: within(min)?,
            max_ms: within(max)?,
        });
    }
    if let Some(mean) = s.strip_prefix("exponential:") {
        return Ok(ProcessingTime::Exponential {
            mean_ms: within(mean)?,
        });
    }
    let fixed = s.strip_prefix("fixed:").unwrap_or(s);
    Ok(ProcessingTime::Fixed { ms: within(fixed)? })
}

fn producer(engine: &Engine, o: &Options) -> Result<ProducerSpec, String> {
    let target = match (o.get("--queue-url"), o.get("--topic-arn")) {
        (Some(url), None) => Target::Queue(url.to_string()),
        (None, Some(arn)) => Target::Topic(arn.to_string()),
        (None, None) => return Err("a producer needs --queue-url URL or --topic-arn ARN".into()),
        (Some(_), Some(_)) => return Err("give --queue-url or --topic-arn, not both".into()),
    };
    let pattern_name = o.get("--pattern").unwrap_or("steady");
    let Some(&(_, needs)) = PATTERNS.iter().find(|(p, _)| *p == pattern_name) else {
        let names: Vec<&str> = PATTERNS.iter().map(|(p, _)| *p).collect();
        return Err(format!(
            "--pattern must be {}, not {pattern_name}",
            names.join(", ")
        ));
    };
    let misplaced = PATTERNS.iter().find_map(|&(other, options)| {
        let option = options.iter().find(|x| !needs.contains(x) && o.has(x))?;
        Some(format!(
            "{option} is for --pattern {other}, not {pattern_name}"
        ))
    });
    if let Some(e) = misplaced {
        return Err(e);
    }
    let why = format!("--pattern {pattern_name}");
    let pattern = match pattern_name {
        "burst" => RatePattern::Burst {
            size: o.required("--burst-size", &why, whole)?,
            every_ms: o.required("--every", &why, duration)?,
        },
        "spike" => RatePattern::Spike {
            rate: o.required("--rate", &why, rate)?,
            spike_rate: o.required("--spike-rate", &why, rate)?,
            at_ms: o.required("--spike-at", &why, duration)?,
            for_ms: o.required("--spike-for", &why, duration)?,
        },
        "sine" => RatePattern::Sine {
            rate: o.required("--rate", &why, rate)?,
            amplitude: o.required("--amplitude", &why, rate)?,
            period_ms: o.required("--period", &why, duration)?,
        },
        _ => RatePattern::Steady {
            rate: o.required("--rate", &why, rate)?,
        },
    };
    let stop_at = match (
        o.parse("--for", duration)?,
        o.parse("--stop-at", clock_time)?,
    ) {
        (Some(d), None) => Some(engine.now().plus_millis(d)),
        (None, at) => at,
        (Some(_), Some(_)) => return Err("give --for or --stop-at, not both".into()),
    };
    Ok(ProducerSpec {
        target,
        pattern,
        body: o
            .parse("--message-body", template)?
            .unwrap_or_else(|| Template::parse("message {n}").expect("a valid template")),
        group_id: o.parse("--message-group-id", template)?,
        deduplication_id: o.parse("--message-deduplication-id", template)?,
        batch_size: o.parse("--batch-size", whole)?.unwrap_or(1),
        count: o.parse("--count", whole)?,
        stop_at,
    })
}

fn consumer(o: &Options) -> Result<ConsumerSpec, String> {
    let queue_url = o.required("--queue-url", "a consumer", |s| Ok(s.to_string()))?;
    const SCALING: [&str; 4] = [
        "--min-instances",
        "--max-instances",
        "--acceptable-latency",
        "--cooldown",
    ];
    let auto = SCALING.iter().find(|x| o.has(x));
    let instances = match (o.parse("--instances", whole)?, auto) {
        (Some(_), Some(option)) => {
            return Err(format!(
                "--instances fixes the count; {option} is for auto scaling (--max-instances and --acceptable-latency)"
            ))
        }
        (Some(count), None) => Instances::Fixed { count },
        (None, None) => Instances::Fixed { count: 1 },
        (None, Some(_)) => {
            let why = "auto scaling";
            Instances::TargetTracking {
                min: o.parse("--min-instances", whole)?.unwrap_or(1),
                max: o.required("--max-instances", why, whole)?,
                acceptable_latency_ms: o.required("--acceptable-latency", why, duration)?,
                cooldown_ms: o.parse("--cooldown", duration)?.unwrap_or(60_000),
            }
        }
    };
    Ok(ConsumerSpec {
        queue_url,
        instances,
        warm_up_ms: o.parse("--warm-up", duration)?.unwrap_or(0),
        max_number_of_messages: o.parse("--max-number-of-messages", whole)?.unwrap_or(1),
        wait_time_seconds: o.parse("--wait-time-seconds", whole)?,
        visibility_timeout: o.parse("--visibility-timeout", whole)?,
        processing: o
            .parse("--processing-time", processing_time)?
            .unwrap_or(ProcessingTime::Fixed { ms: 100 }),
        failure_probability: o
            .parse("--failure-probability", probability)?
            .unwrap_or(0.0),
        crash_probability: o.parse("--crash-probability", probability)?.unwrap_or(0.0),
        idempotent: o.has("--idempotent"),
    })
}

/// `{"Actors": [...]}` with the statistics that apply to each kind.
fn list(engine: &Engine) -> String {
    let actors: Vec<Value> = engine.actors().iter().map(describe).collect();
    format_json(&json!({ "Actors": actors }))
}

fn describe(a: &ActorView) -> Value {
    let mut m = Map::new();
    m.insert("Name".into(), json!(a.name));
    let s = &a.stats;
    match &a.spec {
        ActorSpec::Producer(p) => {
            m.insert("Kind".into(), json!("producer"));
            m.insert("Target".into(), json!(p.target.name()));
            m.insert("Status".into(), json!(a.status.name()));
            m.insert("Sent".into(), json!(s.sent));
            m.insert("Refused".into(), json!(s.refused));
        }
        ActorSpec::Consumer(c) => {
            m.insert("Kind".into(), json!("consumer"));
            m.insert("Target".into(), json!(c.queue_url));
            m.insert("Status".into(), json!(a.status.name()));
            m.insert("RunningInstances".into(), json!(s.running_instances));
            m.insert("DesiredInstances".into(), json!(a.desired_instances));
            m.insert("Received".into(), json!(s.received));
            m.insert("EmptyReceives".into(), json!(s.empty_receives));
            m.insert("Processed".into(), json!(s.processed));
            m.insert("Failed".into(), json!(s.failed));
            m.insert("Duplicates".into(), json!(s.duplicates));
            m.insert("Crashes".into(), json!(s.crashes));
        }
    }
    if let Some(reason) = &a.reason {
        m.insert("Reason".into(), json!(reason));
    }
    if let Some(error) = &a.error {
        m.insert("Error".into(), json!(error));
    }
    Value::Object(m)
}
