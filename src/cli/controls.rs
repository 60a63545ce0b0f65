//! `fanout ...` lines: controls of the simulation itself, kept apart from `aws` so a script
//! of pure `aws` lines also runs against real AWS (under the AWS CLI, define
//! `fanout() { :; }` and these lines do nothing).
//!
//! - `fanout endpoint ENDPOINT [--available true|false] [--latency-ms N] [--error-percent N]`
//!   sets how a simulated subscriber endpoint (URL, address, number, function or queue ARN)
//!   behaves.
//! - `fanout confirm ENDPOINT` is the endpoint's owner following the confirmation link:
//!   every pending subscription of that endpoint is confirmed.
//! - `fanout inbox ENDPOINT` prints what the endpoint received, one JSON document per entry.
//! - `fanout access lenient|strict` chooses whether queues without an access policy take
//!   SNS deliveries (lenient, with a warning in the trace) or refuse them as AWS does.
//! - `fanout clock` prints the virtual time; `clock advance DURATION` moves it on;
//!   `clock run-until-idle [--max DURATION]` runs until nothing is due (at most `--max`,
//!   1h unless given: running actors are never idle); `clock speed X` records the page's
//!   playback speed in the [`Shell`] (a script has no playback of its own).
//! - `fanout chaos [off|realistic|high]` prints or changes the chaos profile (queues keep
//!   the hosts they were created with).
//! - `fanout seed [N]` prints or changes the seed: later draws come from seed N's stream at
//!   the position reached, so `fanout seed N` before anything else equals `--seed N`, and
//!   the same script with the same seed lines replays exactly.
//! - `fanout actor producer|consumer NAME ...`, `actor list`, `actor stop NAME`,
//!   `actor remove NAME`: actors (see `actor`).
//! - `fanout file write|list|show|remove`: the virtual file area `file://` reads (see
//!   `super::files`).
//!
//! [`CONTROL_WORDS`], [`SUB_WORDS`] and [`OPTIONS`] are the grammar as data: the parser
//! checks against them and shell completion reads them.

mod actor;

use super::output::format_json;
use super::Shell;
use crate::engine::{AccessMode, Chaos, Command, Engine, Reply, SimTime};
use serde_json::json;

/// The words after `fanout`.
pub const CONTROL_WORDS: &[&str] = &[
    "endpoint", "confirm", "inbox", "access", "clock", "chaos", "seed", "actor", "file",
];

/// The words that may follow a control word.
pub const SUB_WORDS: &[(&str, &[&str])] = &[
    ("access", &["lenient", "strict"]),
    ("clock", &["advance", "run-until-idle", "speed"]),
    ("chaos", &["off", "realistic", "high"]),
    ("actor", &["producer", "consumer", "list", "stop", "remove"]),
    ("file", &["write", "list", "show", "remove"]),
];

/// The options of each control, by its words.
pub const OPTIONS: &[(&str, &[&str])] = &[
    (
        "endpoint",
        &["--available", "--latency-ms", "--error-percent"],
    ),
    ("clock run-until-idle", &["--max"]),
    ("actor producer", actor::PRODUCER_OPTIONS),
    ("actor consumer", actor::CONSUMER_OPTIONS),
];

pub use crate::console_link::PLAYBACK_SPEEDS;

/// A playback speed chosen with `fanout clock speed`: one of [`PLAYBACK_SPEEDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaybackSpeed(&'static str);

impl PlaybackSpeed {
    /// `10`, `10x` or `0.25x`.
    pub fn parse(s: &str) -> Option<PlaybackSpeed> {
        let s = s.strip_suffix('x').unwrap_or(s);
        PLAYBACK_SPEEDS
            .iter()
            .find(|label| label.trim_end_matches('x') == s)
            .map(|&label| PlaybackSpeed(label))
    }
    /// As the page's speed menu shows it (`0.25x`).
    pub fn label(self) -> &'static str {
        self.0
    }
}

/// `run-until-idle` without `--max`.
const DEFAULT_IDLE_LIMIT_MS: u64 = 3_600_000;

const ENDPOINT_USAGE: &str =
    "fanout endpoint ENDPOINT [--available true|false] [--latency-ms N] [--error-percent N]";
const USAGE: &str =
    "usage: fanout endpoint ENDPOINT [--available true|false] [--latency-ms N] [--error-percent N]
       fanout confirm ENDPOINT
       fanout inbox ENDPOINT
       fanout access lenient|strict
       fanout clock [advance DURATION | run-until-idle [--max DURATION] | speed X]
       fanout chaos [off|realistic|high]
       fanout seed [N]
       fanout actor producer|consumer NAME OPTIONS... | list | stop NAME | remove NAME
       fanout file write NAME TEXT | list | show NAME | remove NAME";

/// Runs one `fanout` line; `Ok` is what it prints, `Err` the error message.
pub fn run(engine: &mut Engine, shell: &mut Shell, args: &[String]) -> Result<String, String> {
    let Some((control, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    let words: Vec<&str> = rest.iter().map(String::as_str).collect();
    match (control.as_str(), words.as_slice()) {
        ("endpoint", [endpoint, ..]) => set_endpoint(engine, endpoint, &rest[1..]),
        ("confirm", [endpoint]) => confirm(engine, endpoint),
        ("inbox", [endpoint]) => inbox(engine, endpoint),
        ("file", _) => super::files::run(&mut shell.files, rest),
        ("endpoint", _) => Err(format!("endpoint needs an ENDPOINT: {ENDPOINT_USAGE}")),
        ("confirm" | "inbox", _) => Err(format!(
            "{control} takes one ENDPOINT (a URL, address, number or ARN)"
        )),
        ("access", [mode]) => {
            let mode = AccessMode::parse(mode)
                .ok_or_else(|| format!("access must be lenient or strict, not {mode}"))?;
            engine.set_access(mode);
            Ok(String::new())
        }
        ("access", _) => Err("access takes one of lenient, strict".into()),
        ("clock", _) => clock(engine, shell, &words),
        ("chaos", []) => Ok(format!("{}\n", engine.config().chaos.name())),
        ("chaos", [profile]) => {
            let chaos = Chaos::parse(profile)
                .ok_or_else(|| format!("chaos must be off, realistic or high, not {profile}"))?;
            engine.set_chaos(chaos);
            Ok(String::new())
        }
        ("chaos", _) => {
            Err("chaos takes one of off, realistic, high (or nothing, to print it)".into())
        }
        ("seed", []) => Ok(format!("{}\n", engine.config().seed)),
        ("seed", [n]) => {
            let seed = n.parse::<u64>().map_err(|_| {
                format!("seed takes a whole number from 0 to {}, not {n}", u64::MAX)
            })?;
            engine.reseed(seed);
            Ok(String::new())
        }
        ("seed", _) => Err("seed takes one whole number (or nothing, to print it)".into()),
        ("actor", _) => actor::run(engine, rest),
        (other, _) => Err(format!(
            "{other} is not a control (controls: {})\n{USAGE}",
            CONTROL_WORDS.join(", ")
        )),
    }
}

fn clock(engine: &mut Engine, shell: &mut Shell, words: &[&str]) -> Result<String, String> {
    let time = |engine: &Engine| format!("{}\n", engine.now());
    match words {
        [] => Ok(time(engine)),
        ["advance", d] => {
            let ms = duration(d)?;
            engine.advance_to(engine.now().plus_millis(ms));
            Ok(time(engine))
        }
        ["run-until-idle"] => Ok(run_until_idle(engine, DEFAULT_IDLE_LIMIT_MS, "1h")),
        ["run-until-idle", "--max", d] => Ok(run_until_idle(engine, duration(d)?, d)),
        ["run-until-idle", rest @ ..] => Err(format!(
            "clock run-until-idle takes only --max DURATION, not {}",
            rest.join(" ")
        )),
        ["speed", x] => {
            let speed = PlaybackSpeed::parse(x).ok_or_else(|| {
                format!(
                    "clock speed must be one of {}, not {x}",
                    PLAYBACK_SPEEDS.join(", ")
                )
            })?;
            shell.playback_speed = Some(speed);
            Ok(String::new())
        }
        ["advance"] => Err("clock advance needs a DURATION, such as 250ms, 30s, 5m or 1h".into()),
        ["advance", rest @ ..] => Err(format!(
            "clock advance takes one DURATION, such as 250ms, 30s, 5m or 1h, not {}",
            rest.join(" ")
        )),
        ["speed", ..] => Err(format!(
            "clock speed takes one of {}",
            PLAYBACK_SPEEDS.join(", ")
        )),
        [sub, ..] => Err(format!(
            "clock takes advance DURATION, run-until-idle [--max DURATION] or speed X, not {sub}"
        )),
    }
}

/// Runs from event to event until nothing but message expiries is due (idle: the clock
/// stays at the last event), or until `limit_ms` have passed (busy).
fn run_until_idle(engine: &mut Engine, limit_ms: u64, limit: &str) -> String {
    let end = engine.now().plus_millis(limit_ms);
    loop {
        match engine.next_activity() {
            Some(t) if t <= end => engine.advance_to(t),
            Some(_) => {
                engine.advance_to(end);
                return format!("{} busy (stopped after --max {limit})\n", engine.now());
            }
            None => return format!("{} idle\n", engine.now()),
        }
    }
}

/// `250ms`, `30s`, `5m`, `1h` (a decimal number is fine: `1.5s`) in milliseconds.
pub fn duration(s: &str) -> Result<u64, String> {
    let bad =
        || format!("{s} is not a duration: use a number and a unit, as in 250ms, 30s, 5m or 1h");
    let (number, unit_ms) = if let Some(n) = s.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = s.strip_suffix('s') {
        (n, 1000.0)
    } else if let Some(n) = s.strip_suffix('m') {
        (n, 60_000.0)
    } else if let Some(n) = s.strip_suffix('h') {
        (n, 3_600_000.0)
    } else {
        return Err(bad());
    };
    let starts_well = number.starts_with(|c: char| c.is_ascii_digit());
    let v: f64 = number
        .parse()
        .ok()
        .filter(|_| starts_well)
        .ok_or_else(bad)?;
    let ms = (v * unit_ms).round();
    // Ten years is more than any lesson needs, and keeps sums of times far from overflow.
    if !(ms.is_finite() && ms <= 315_360_000_000.0) {
        return Err(format!("{s} is too long: at most 87600h"));
    }
    Ok(ms as u64)
}

/// A clock time given as the duration since zero (`1h` is 1:00:00.000).
pub fn clock_time(s: &str) -> Result<SimTime, String> {
    duration(s).map(SimTime)
}

fn inbox(engine: &Engine, endpoint: &str) -> Result<String, String> {
    let Some(e) = engine.endpoint(endpoint) else {
        return Err(format!("no simulated endpoint {endpoint}"));
    };
    let lines: Vec<String> = e
        .inbox
        .iter()
        .map(|entry| {
            let body = serde_json::from_str::<serde_json::Value>(&entry.body)
                .unwrap_or_else(|_| json!(entry.body.as_ref()));
            let doc = json!({
                "At": entry.at.to_string(),
                "Kind": entry.kind,
                "SubscriptionArn": entry.subscription,
                "Body": body,
            });
            format_json(&doc)
        })
        .collect();
    Ok(lines.concat())
}

fn set_endpoint(engine: &mut Engine, endpoint: &str, options: &[String]) -> Result<String, String> {
    let mut settings = engine
        .endpoint(endpoint)
        .map(|e| e.settings)
        .unwrap_or_default();
    let mut i = 0;
    while i < options.len() {
        let value = options
            .get(i + 1)
            .ok_or_else(|| format!("{} needs a value: {ENDPOINT_USAGE}", options[i]))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{} needs a whole number, not {value}", options[i]))
        };
        match options[i].as_str() {
            "--available" => {
                settings.available = match value.as_str() {
                    "true" => true,
                    "false" => false,
                    _ => return Err(format!("--available is true or false, not {value}")),
                }
            }
            "--latency-ms" => settings.latency_ms = number()?,
            "--error-percent" => settings.error_percent = number()?.min(u64::from(u32::MAX)) as u32,
            other => return Err(format!("unknown option {other}: {ENDPOINT_USAGE}")),
        }
        i += 2;
    }
    apply(
        engine,
        Command::SetEndpoint {
            endpoint: endpoint.to_string(),
            settings,
        },
    )
    .map(|_| String::new())
}

fn confirm(engine: &mut Engine, endpoint: &str) -> Result<String, String> {
    let pending: Vec<(String, String)> = engine
        .subscriptions()
        .filter(|s| *s.endpoint == *endpoint && !s.confirmed)
        .map(|s| (s.topic_arn.clone(), s.token.clone()))
        .collect();
    if pending.is_empty() {
        return Err(format!(
            "{endpoint} has no subscription waiting for confirmation"
        ));
    }
    let mut printed = String::new();
    for (topic_arn, token) in pending {
        let reply = apply(
            engine,
            Command::ConfirmSubscription {
                topic_arn,
                token,
                authenticate_on_unsubscribe: None,
            },
        )?;
        if let Reply::SubscriptionArn(arn) = reply {
            let doc = json!({ "SubscriptionArn": arn });
            printed += &format_json(&doc);
        }
    }
    Ok(printed)
}

fn apply(engine: &mut Engine, command: Command) -> Result<Reply, String> {
    engine.apply(command).map_err(|e| e.message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Session;
    use crate::engine::EngineConfig;

    #[test]
    fn clock_speed_is_recorded_in_the_shell_for_the_page() {
        let mut session = Session::new(EngineConfig::default());
        assert_eq!(session.shell().playback_speed, None);
        let out = session.run_script("fanout clock speed 100\nfanout clock speed 0.25x\n");
        assert_eq!(out.status, 0);
        let speed = session.shell().playback_speed.map(PlaybackSpeed::label);
        assert_eq!(speed, Some("0.25x"));
        let out = session.run_script("fanout clock speed 3x\n");
        assert_eq!(out.status, 1);
        assert_eq!(
            session.shell().playback_speed.map(PlaybackSpeed::label),
            Some("0.25x")
        );
    }

    #[test]
    fn durations_take_a_unit() {
        assert_eq!(duration("250ms"), Ok(250));
        assert_eq!(duration("1.5s"), Ok(1500));
        assert_eq!(duration("5m"), Ok(300_000));
        assert_eq!(duration("1h"), Ok(3_600_000));
        for bad in ["30", "s", "-1s", ".5s", "1d", "NaNs"] {
            assert!(duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_sub_word_and_option_table_names_a_control() {
        for (word, _) in SUB_WORDS {
            assert!(CONTROL_WORDS.contains(word), "{word}");
        }
        for (words, _) in OPTIONS {
            let first = words.split(' ').next().unwrap_or_default();
            assert!(CONTROL_WORDS.contains(&first), "{words}");
        }
    }
}
