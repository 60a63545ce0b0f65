//! The bad-input catalogue (`tests/data/bad_input_catalogue.json`, tabled in
//! docs/BAD_INPUT.md): every kind of invalid input a user can give the CLI and the console.
//! Each case runs its input after the same fixed scenario, and must print the expected error,
//! exit with the expected non-zero status, and leave the simulation exactly as it was.
//!
//! "As it was" is a fingerprint of everything a later command could observe: the engine's
//! trace (hash and length), the virtual time, every queue (attributes, tags, messages with
//! their states and receive counts), every topic, subscription, endpoint, delivery and
//! actor, and the shell's variables and virtual files. Rejected commands are not traced by
//! design (only an actor's refused request is, as `ActorRequestRefused`), so the trace hash
//! itself must not move.
#![cfg(not(target_arch = "wasm32"))]

use fanout::cli::Session;
use fanout::engine::EngineConfig;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Deserialize)]
struct Catalogue {
    /// Variables too long to keep in the file: NAME → [text, times].
    repeat: BTreeMap<String, (String, usize)>,
    setup: Vec<String>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    id: String,
    title: String,
    input: String,
    expect: String,
    status: i32,
}

fn scenario(catalogue: &Catalogue) -> Session {
    let mut session = Session::new(EngineConfig {
        seed: 1,
        ..Default::default()
    });
    let mut script = String::new();
    for (name, (text, times)) in &catalogue.repeat {
        writeln!(script, "{name}={}", text.repeat(*times)).unwrap();
    }
    script.push_str(&catalogue.setup.join("\n"));
    let out = session.run_script(&script);
    assert_eq!(out.status, 0, "the scenario fails: {}", out.stderr());
    session
}

fn fingerprint(session: &Session) -> String {
    let engine = session.engine();
    let mut f = String::new();
    let trace = engine.trace();
    writeln!(
        f,
        "now {:?} trace {} {}",
        engine.now(),
        trace.len(),
        trace.hash()
    )
    .unwrap();
    for q in engine.queues() {
        writeln!(
            f,
            "queue {} {} {:?} {:?} modified {:?} purged {:?} seq {}",
            q.name, q.url, q.attributes, q.tags, q.last_modified_at, q.last_purged_at, q.sequence
        )
        .unwrap();
        for m in q.messages() {
            writeln!(f, "  {m:?}").unwrap();
        }
    }
    for t in engine.topics() {
        writeln!(f, "{t:?}").unwrap();
    }
    for s in engine.subscriptions() {
        writeln!(f, "{s:?}").unwrap();
    }
    for (name, e) in engine.endpoints() {
        writeln!(f, "endpoint {name} {e:?}").unwrap();
    }
    for (id, d) in engine.deliveries() {
        writeln!(f, "delivery {id:?} {d:?}").unwrap();
    }
    writeln!(f, "{:?}", engine.actors()).unwrap();
    let shell = session.shell();
    writeln!(
        f,
        "{:?} {:?}",
        shell.vars().collect::<Vec<_>>(),
        shell.files
    )
    .unwrap();
    f
}

#[test]
fn every_bad_input_is_refused_with_the_aws_error_and_changes_nothing() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/bad_input_catalogue.json"
    );
    let catalogue: Catalogue =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(catalogue.cases.len() >= 60, "the catalogue has shrunk");
    let mut failures = Vec::new();
    for case in &catalogue.cases {
        let mut session = scenario(&catalogue);
        let before = fingerprint(&session);
        let out = session.run_script(&case.input);
        let printed = format!("{}{}", out.stdout(), out.stderr());
        let mut wrong = Vec::new();
        if !printed.contains(&case.expect) {
            wrong.push(format!("expected {:?} in {printed:?}", case.expect));
        }
        if out.status != case.status || out.status == 0 {
            wrong.push(format!("exit {} instead of {}", out.status, case.status));
        }
        let after = fingerprint(&session);
        if after != before {
            let first = before
                .lines()
                .zip(after.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("{a}\n    became {b}"))
                .unwrap_or_else(|| "a line was added or removed".into());
            wrong.push(format!("the state changed:\n    {first}"));
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{} ({}): {}",
                case.id,
                case.title,
                wrong.join("; ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// docs/BAD_INPUT.md must table every case, so the document cannot fall behind the data.
#[test]
fn the_document_lists_every_case() {
    let root = env!("CARGO_MANIFEST_DIR");
    let catalogue: Catalogue = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/tests/data/bad_input_catalogue.json")).unwrap(),
    )
    .unwrap();
    let doc = std::fs::read_to_string(format!("{root}/docs/BAD_INPUT.md")).unwrap();
    let missing: Vec<&str> = catalogue
        .cases
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| !doc.contains(&format!("`{id}`")))
        .collect();
    assert!(missing.is_empty(), "docs/BAD_INPUT.md lacks {missing:?}");
}

/// What the real AWS CLI printed for each AWS CLI row (`tests/data/bad_input_aws_cli.json`,
/// recorded by `tests/peer/bad_input_crosscheck.py` against moto).
#[derive(Deserialize)]
struct CrossCheck {
    rows: BTreeMap<String, Recorded>,
    /// Row id → why Fanout rightly differs from what was recorded.
    notes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Recorded {
    printed: String,
    status: i32,
}

/// Removes the error framing that changed between CLI versions (see the file's `framing`).
fn unframed(text: &str) -> String {
    text.replace("aws: [ERROR]: ", "")
        .replace("An error occurred (ParamValidation): ", "")
        .replace("aws: error: ", "")
}

fn error_code(text: &str) -> Option<&str> {
    let start = text.find("An error occurred (")? + "An error occurred (".len();
    let len = text[start..].find(") when calling")?;
    Some(&text[start..start + len])
}

/// Every AWS CLI row agrees with the real CLI, or has a note saying why not: the CLI's own
/// refusals (status 252 or 255 before any call, and shell syntax) must print the same
/// message with the same status; service refusals must carry the same error code, and where
/// moto (a peer, not AWS) answers otherwise, the note cites AWS's documentation.
#[test]
fn every_aws_cli_row_agrees_with_the_real_cli_or_says_why_not() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |name: &str| std::fs::read_to_string(format!("{root}/tests/data/{name}")).unwrap();
    let catalogue: Catalogue = serde_json::from_str(&read("bad_input_catalogue.json")).unwrap();
    let checked: CrossCheck = serde_json::from_str(&read("bad_input_aws_cli.json")).unwrap();
    let mut wrong = Vec::new();
    for case in catalogue
        .cases
        .iter()
        .filter(|c| c.input.starts_with("aws"))
    {
        let Some(real) = checked.rows.get(&case.id) else {
            wrong.push(format!("{}: not cross-checked", case.id));
            continue;
        };
        if checked.notes.contains_key(&case.id) {
            continue;
        }
        let cli_refused = matches!(real.status, 2 | 252 | 255);
        let agrees = if cli_refused {
            real.status == case.status && unframed(&real.printed).contains(&unframed(&case.expect))
        } else {
            real.status == case.status
                && error_code(&real.printed).is_some()
                && error_code(&real.printed) == error_code(&case.expect)
        };
        if !agrees {
            wrong.push(format!(
                "{}: Fanout {} {:?}, the AWS CLI {} {:?}",
                case.id, case.status, case.expect, real.status, real.printed
            ));
        }
    }
    for id in checked.notes.keys() {
        if !catalogue.cases.iter().any(|c| &c.id == id) {
            wrong.push(format!(
                "{id}: a note for a row the catalogue no longer has"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
