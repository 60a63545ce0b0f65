//! The console's link between the page and its interpreter's worker (src/console_link):
//! every request and answer goes through its JSON, as in the browser. After each one the
//! page's engine (with the script's journal entries applied) and the worker's replica
//! must have the same trace hash, and a script must print what `fanout run` prints.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/golden.rs"]
#[allow(dead_code)] // `check`: this file compares outputs itself
mod golden;

use fanout::console_link::page::{Applied, Outcome, PageLink};
use fanout::console_link::replica::{incomplete, Replica};
use fanout::console_link::{Answer, Ask, Completion, Request, Stream, Sync, OUTPUT_CAP};
use fanout::engine::{Command, Engine, EngineConfig};

/// The page's engine, its link and the worker's replica.
struct Console {
    page: Engine,
    link: PageLink,
    replica: Replica,
}

impl Console {
    fn new() -> Console {
        Console {
            page: Engine::with_journal(EngineConfig {
                seed: 1,
                ..Default::default()
            }),
            link: PageLink::default(),
            replica: Replica::default(),
        }
    }

    /// One request over the wire, sent again (with a reset) when the replica was out of step.
    fn ask(&mut self, ask: Ask) -> Outcome {
        for _ in 0..2 {
            let request = self.link.request(&self.page, ask.clone()).unwrap();
            let answer = self.replica.handle(&request.to_json());
            match self.link.accept(&mut self.page, Answer::from_json(&answer)) {
                Outcome::Retry => continue,
                outcome => return outcome,
            }
        }
        panic!("the replica was out of step twice for {ask:?}");
    }

    fn run(&mut self, input: &str) -> Applied {
        match self.ask(Ask::Run {
            input: input.to_string(),
            only_if_complete: false,
        }) {
            Outcome::Ran(applied) => applied,
            other => panic!("{input:?} did not run: {other:?}"),
        }
    }

    fn assert_level(&self, context: &str) {
        let replica = self.replica.engine().expect("the replica exists");
        assert_eq!(
            self.page.trace().hash(),
            replica.trace().hash(),
            "page and replica differ after {context}"
        );
        assert_eq!(
            self.page.now(),
            replica.now(),
            "clocks differ after {context}"
        );
    }
}

fn transcript(ran: &Applied) -> String {
    let text = |want: Stream| -> String {
        ran.chunks
            .iter()
            .filter(|(s, _)| *s == want)
            .map(|(_, t)| t.as_str())
            .collect()
    };
    format!(
        "{}--- stderr ---\n{}--- exit {} ---\n",
        text(Stream::Stdout),
        text(Stream::Stderr),
        ran.status
    )
}

/// The console inputs a learner would type for `script`: lines joined until they parse.
fn inputs(script: &str) -> Vec<String> {
    let mut inputs = Vec::new();
    let mut pending = String::new();
    for line in script.lines() {
        pending.push_str(line);
        pending.push('\n');
        if !incomplete(&pending) {
            if !pending.trim().is_empty() {
                inputs.push(std::mem::take(&mut pending));
            }
            pending.clear();
        }
    }
    if !pending.trim().is_empty() {
        inputs.push(pending);
    }
    inputs
}

#[test]
fn every_transcript_prints_what_fanout_run_prints_and_leaves_the_page_level() {
    let mut failures = Vec::new();
    let scripts = golden::scripts("transcripts", 70);
    for path in &scripts {
        let script = std::fs::read_to_string(path).unwrap();
        let mut console = Console::new();
        let ran = console.run(&script);
        console.assert_level(&path.display().to_string());
        // The page is sent at most OUTPUT_CAP characters of output (none is that long).
        assert!(ran.chunks.iter().map(|(_, t)| t.len()).sum::<usize>() <= OUTPUT_CAP);
        if transcript(&ran) != golden::transcript(&script) {
            failures.push(path.display().to_string());
        }
    }
    assert!(failures.is_empty(), "printed differently: {failures:?}");
}

#[test]
fn transcripts_typed_line_by_line_with_the_page_acting_between_stay_level() {
    for path in golden::scripts("transcripts", 70) {
        let script = std::fs::read_to_string(&path).unwrap();
        let mut console = Console::new();
        for (i, input) in inputs(&script).iter().enumerate() {
            // The page's own clock ticks and clicks between commands: the replica must
            // follow both (ticks extend the journal's last clock move in place).
            if i % 3 == 1 {
                let to = console.page.now().plus_millis(40 * (i as u64 + 1));
                console.page.advance_to(to);
                console.page.advance_to(to.plus_millis(40));
            }
            if i % 5 == 2 {
                let _ = console.page.apply(Command::CreateQueue {
                    queue_name: format!("page-side-{i}"),
                    attributes: Default::default(),
                    tags: Default::default(),
                });
            }
            console.run(input);
            console.assert_level(&format!("{} input {i}: {input:?}", path.display()));
        }
    }
}

#[test]
fn completion_and_the_unfinished_input_check_go_through_the_link() {
    let mut console = Console::new();
    console.run("aws sqs create-queue --queue-name orders");
    assert_eq!(
        console.ask(Ask::Complete {
            input: "aws sqs cre".into(),
            cursor: 11
        }),
        Outcome::Other(Answer::Completion(Completion {
            start: 8,
            candidates: vec!["create-queue ".into()]
        }))
    );
    // Completion reads the replica's queues, which the page created.
    console
        .page
        .apply(Command::CreateQueue {
            queue_name: "payments".into(),
            attributes: Default::default(),
            tags: Default::default(),
        })
        .unwrap();
    let line = "aws sqs get-queue-url --queue-name pay";
    let Outcome::Other(Answer::Completion(c)) = console.ask(Ask::Complete {
        input: line.into(),
        cursor: line.len(),
    }) else {
        panic!("no completion")
    };
    assert_eq!(c.candidates, vec!["payments ".to_string()]);

    let before = console.page.trace().hash();
    let unfinished = Ask::Run {
        input: "aws sqs send-message --message-body 'not closed".into(),
        only_if_complete: true,
    };
    assert_eq!(console.ask(unfinished), Outcome::Other(Answer::Incomplete));
    // Enter's check reads no simulation: a fresh worker answers it before any sync.
    let mut fresh = Replica::default();
    for (input, want) in [
        ("echo 'open", Answer::Incomplete),
        ("aws sqs list-queues &&", Answer::Incomplete),
        ("echo done", Answer::Runnable),
    ] {
        let check = Request {
            sync: Sync::Level,
            ask: Ask::Check {
                input: input.into(),
            },
        };
        assert_eq!(
            Answer::from_json(&fresh.handle(&check.to_json())),
            want,
            "{input}"
        );
    }
    assert!(fresh.engine().is_none(), "a check builds no replica");
    assert_eq!(
        console.page.trace().hash(),
        before,
        "an unfinished input runs nothing"
    );
    console.assert_level("the unfinished input");

    // A dropped file is read by the shell in the worker.
    assert_eq!(
        console.ask(Ask::AddFile {
            name: "body.txt".into(),
            text: "hello from a file".into()
        }),
        Outcome::Other(Answer::FileAdded)
    );
    let url = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";
    let ran = console.run(&format!(
        "aws sqs send-message --queue-url {url} --message-body file://body.txt --query MD5OfMessageBody --output text"
    ));
    assert_eq!(ran.status, 0, "{ran:?}");
    console.run(&format!("aws sqs receive-message --queue-url {url}"));
    console.assert_level("the file's message");
}

#[test]
fn the_clock_speed_and_actors_reach_the_page() {
    let mut console = Console::new();
    let ran = console.run("fanout clock speed 100x");
    assert_eq!(ran.speed.as_deref(), Some("100x"));
    console.run(
        "aws sqs create-queue --queue-name work\n\
         fanout actor producer p --queue work --rate 20\n\
         fanout actor consumer c --queue work --instances 2\n\
         sleep 30",
    );
    console.assert_level("the actors' first 30 s");
    // The page plays the actors on: its replica regenerates the same traffic.
    let later = console.page.now().plus_millis(60_000);
    console.page.advance_to(later);
    let stats = console.run("fanout actor list");
    console.assert_level("60 s more on the page");
    assert_eq!(stats.status, 0);
    assert_eq!(
        console.run("echo again").speed,
        None,
        "the speed is reported once"
    );
}

#[test]
fn a_replica_out_of_step_is_rebuilt_and_bad_messages_are_refused() {
    let mut console = Console::new();
    console.run("aws sqs create-queue --queue-name q1");
    // The worker restarted (say it failed): its new replica knows nothing.
    console.replica = Replica::default();
    console.run("aws sqs create-queue --queue-name q2");
    console.assert_level("a rebuilt replica");
    let ran = console.run("aws sqs list-queues --query 'length(QueueUrls)'");
    assert_eq!(transcript(&ran), "2\n--- stderr ---\n--- exit 0 ---\n");

    // Entries that do not follow the replica's journal are not applied.
    let stale = Request {
        sync: Sync::Since {
            from: 0,
            scenario: Engine::with_journal(EngineConfig::default())
                .scenario_json(&[])
                .unwrap(),
        },
        ask: Ask::Run {
            input: "echo hi".into(),
            only_if_complete: false,
        },
    };
    assert_eq!(
        console.replica.handle(&stale.to_json()),
        Answer::OutOfStep.to_json()
    );
    let Answer::Failed(message) = Answer::from_json(&console.replica.handle("not json")) else {
        panic!("garbage accepted");
    };
    assert!(message.contains("not a JSON object"), "{message}");
    assert!(matches!(
        Answer::from_json("{\"answer\":7}"),
        Answer::Failed(_)
    ));
    console.assert_level("refused messages");
}

#[test]
fn a_run_whose_entries_do_not_fit_the_page_is_not_applied() {
    let mut console = Console::new();
    console.run("aws sqs create-queue --queue-name q1");
    let request = console
        .link
        .request(
            &console.page,
            Ask::Run {
                input: "aws sqs create-queue --queue-name q2".into(),
                only_if_complete: false,
            },
        )
        .unwrap();
    let answer = Answer::from_json(&console.replica.handle(&request.to_json()));
    // Meanwhile the page changed (which the page prevents while a run is pending).
    let later = console.page.now().plus_millis(5_000);
    console.page.advance_to(later);
    let before = console.page.trace().hash();
    let Outcome::Other(Answer::Failed(message)) = console.link.accept(&mut console.page, answer)
    else {
        panic!("entries applied to a page that moved on");
    };
    assert!(message.contains("out of step"), "{message}");
    assert_eq!(console.page.trace().hash(), before, "nothing was applied");
    // The next command rebuilds the replica from the page.
    console.run("echo again");
    console.assert_level("the rebuilt replica");
}

#[test]
fn a_long_output_is_cut_with_a_note() {
    let mut console = Console::new();
    let ran = console.run("for i in $(seq 1 20000); do echo line $i; done");
    assert_eq!(ran.status, 0);
    let (last_stream, note) = ran.chunks.last().unwrap();
    assert_eq!(*last_stream, Stream::Stderr);
    assert!(
        note.contains("more characters of output not shown"),
        "{note}"
    );
    let shown: usize = ran.chunks[..ran.chunks.len() - 1]
        .iter()
        .map(|(_, t)| t.len())
        .sum();
    assert_eq!(shown, OUTPUT_CAP);
}
