//! Scenarios (DESIGN §6): a journaled run, exported and replayed into a new engine, is
//! the same run; a damaged or oversized file is refused with a message and builds nothing.
//!
//! Data-driven: every golden transcript script (tests/transcripts/*.sh, SQS, SNS, actors,
//! clock and chaos controls) is replayed under two configurations, and every file in
//! tests/scenarios/*.json must be refused with the message in its `.out`.
#![cfg(not(target_arch = "wasm32"))]

use fanout::cli::Shell;
use fanout::engine::journal::{Scenario, MAX_SCENARIO_BYTES};
use fanout::engine::{Chaos, Engine, EngineConfig};
use std::path::{Path, PathBuf};

fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    found
}

/// Runs `script` on a journaled engine and returns it with the exported JSON.
fn run_and_export(config: EngineConfig, script: &str) -> (Engine, String) {
    let mut engine = Engine::with_journal(config);
    Shell::default().run(&mut engine, script);
    let json = engine
        .scenario(vec![script.to_string()])
        .expect("a journaled engine exports")
        .to_json();
    (engine, json)
}

#[test]
fn every_transcript_replays_to_the_same_trace() {
    let scripts = files("tests/transcripts", "sh");
    assert!(scripts.len() >= 10);
    let configs = [
        EngineConfig::default(),
        EngineConfig {
            seed: 42,
            chaos: Chaos::Realistic,
            ..Default::default()
        },
    ];
    let mut failures = Vec::new();
    for path in &scripts {
        let script = std::fs::read_to_string(path).unwrap();
        for config in configs {
            let (original, json) = run_and_export(config, &script);
            let scenario = Scenario::parse(&json).expect("an export imports");
            let replayed = match scenario.replay() {
                Ok(engine) => engine,
                Err(e) => {
                    failures.push(format!("{}: replay refused: {e}", path.display()));
                    continue;
                }
            };
            if replayed.trace().hash() != original.trace().hash()
                || replayed.now() != original.now()
            {
                failures.push(format!(
                    "{} ({config:?}): replay differs: {} events at {} vs {} at {}",
                    path.display(),
                    replayed.trace().len(),
                    replayed.now(),
                    original.trace().len(),
                    original.now()
                ));
            }
            // The replayed engine journals too: exporting it again gives the same file.
            let again = replayed.scenario(vec![script.clone()]).unwrap().to_json();
            if again != json {
                failures.push(format!("{}: re-export differs", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn actors_are_journaled_once_not_per_message() {
    let script = "aws sqs create-queue --queue-name work --query QueueUrl --output text
fanout actor producer feed --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --rate 100
fanout actor consumer pool --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --min-instances 1 --max-instances 10 --acceptable-latency 10s --processing-time 50ms --max-number-of-messages 10 --wait-time-seconds 20
fanout clock advance 10m
fanout actor list
";
    let (original, json) = run_and_export(EngineConfig::default(), script);
    assert!(original.trace().len() > 100_000, "the actors ran");
    assert!(
        original.journal_len() <= 5,
        "journal has {} entries",
        original.journal_len()
    );
    assert!(json.len() < 4096, "scenario is {} bytes", json.len());
    let replayed = Scenario::parse(&json).unwrap().replay().unwrap();
    assert_eq!(replayed.trace().hash(), original.trace().hash());
}

/// Each refused file, and the message a user sees for it.
#[test]
fn damaged_scenarios_are_refused_with_a_message() {
    let cases = files("tests/scenarios", "json");
    assert!(cases.len() >= 5);
    let update = std::env::var("UPDATE_GOLDEN").is_ok();
    let mut failures = Vec::new();
    for path in &cases {
        let text = std::fs::read_to_string(path).unwrap();
        let got = match Scenario::parse(&text).and_then(|s| s.replay()) {
            Ok(_) => "accepted\n".to_string(),
            Err(e) => format!("{e}\n"),
        };
        let golden = path.with_extension("out");
        if update {
            std::fs::write(&golden, &got).unwrap();
        } else if std::fs::read_to_string(&golden).unwrap_or_default() != got {
            failures.push(format!("{}: got {got:?}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_oversized_import_is_refused_before_parsing() {
    // Not JSON at all: were it parsed, the message would say so.
    let text = "x".repeat(MAX_SCENARIO_BYTES + 1);
    let err = Scenario::parse(&text).unwrap_err();
    assert_eq!(
        err,
        "the file is too large to import (20.0 MB; the limit is 20 MB)"
    );
}

#[test]
fn an_engine_without_a_journal_cannot_be_saved() {
    let engine = Engine::new(EngineConfig::default());
    assert_eq!(
        engine.scenario(Vec::new()).unwrap_err(),
        "this simulation does not keep a journal, so it cannot be saved"
    );
}

/// Every journal op and every `Command` variant, each field with a value other than its
/// default: importing and exporting again gives the same document, so the reader neither
/// drops nor renames a field the writer puts in files.
#[test]
fn every_op_and_command_survives_import_and_export() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scenario_every_op.json");
    let text = std::fs::read_to_string(path).unwrap();
    let scenario = Scenario::parse(&text).unwrap();
    assert_eq!(scenario.journal.len(), 55);
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    let exported: serde_json::Value = serde_json::from_str(&scenario.to_json()).unwrap();
    let (original, exported) = (&original["journal"], &exported["journal"]);
    for i in 0..scenario.journal.len() {
        assert_eq!(exported[i], original[i], "journal[{i}]");
    }
    assert_eq!(
        Scenario::parse(&scenario.to_json()).unwrap(),
        scenario,
        "a second round trip"
    );
}
