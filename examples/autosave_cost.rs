//! What one autosave of a journal near its cap costs: a page whose learner sent about
//! 200,000 messages (`MAX_JOURNAL_ENTRIES`). Prints the JSON's size and the time to make
//! it, the way autosave did before (copy the journal, then serialise) and does now
//! (serialise the live journal). docs/PERFORMANCE.md "Page size" records the figures.
//!
//!   cargo run --release --example autosave_cost
use fanout::engine::journal::{Scenario, MAX_JOURNAL_ENTRIES};
use fanout::engine::{Command, Engine, EngineConfig, MessageInput};
use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let mut engine = Engine::with_journal(EngineConfig::default());
    let url = match engine.apply(Command::CreateQueue {
        queue_name: "work".into(),
        attributes: BTreeMap::new(),
        tags: BTreeMap::new(),
    }) {
        Ok(fanout::engine::Reply::QueueUrl(url)) => url,
        other => panic!("create-queue: {other:?}"),
    };
    let body = "x".repeat(100);
    while engine.journal_len() < MAX_JOURNAL_ENTRIES - 10 {
        engine
            .apply(Command::SendMessage {
                queue_url: url.clone(),
                message: MessageInput::body(body.clone()),
            })
            .expect("send");
    }
    let history = vec!["aws sqs send-message".to_string(); 100];
    let runs = 5;
    let time = |f: &dyn Fn() -> String| {
        let start = Instant::now();
        let mut len = 0;
        for _ in 0..runs {
            len = f().len();
        }
        (
            len,
            start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs),
        )
    };
    let (bytes, copied) = time(&|| engine.scenario(history.clone()).unwrap().to_json());
    let (_, borrowed) = time(&|| engine.scenario_json(&history).unwrap());
    println!(
        "{} entries, {:.1} MB of JSON: copy + serialise {copied:.0} ms, serialise {borrowed:.0} ms",
        engine.journal_len(),
        bytes as f64 / 1e6
    );
    // Past the import limit, such a file is refused before parsing; say so with its size.
    if let Err(e) = Scenario::parse(&engine.scenario_json(&history).unwrap()) {
        println!("import: {e}");
    }
}
