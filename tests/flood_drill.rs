//! Failure drill: a script that would produce ten million messages. A browser tab holds
//! about a million before wasm32 memory runs out, so the engine refuses sends past
//! `EngineConfig::max_resident_messages` with `OverLimit` and a message naming the
//! simulator's limit; the script ends at the first refusal instead of spending minutes
//! on refused commands; actors stop with `ActorRequestRefused`; and the simulation still
//! answers afterwards.
//!
//! Each way a learner reaches ten million (nested loops of batch sends, a producer left
//! running, SNS fanout multiplying publishes) is run under a small limit, so the checks
//! are quick; `drill_at_the_real_limit` (ignored: run it with `--release -- --ignored
//! --nocapture`) runs the producer route at the default limit and prints how long it took.
#![cfg(not(target_arch = "wasm32"))]

use fanout::cli::{Output, Session};
use fanout::engine::capacity::DEFAULT_MAX_RESIDENT_MESSAGES;
use fanout::engine::journal::Scenario;
use fanout::engine::{EngineConfig, Event};
use fanout::thousands::thousands;
use std::time::Instant;

const SMALL_LIMIT: u64 = 20_000;

fn session(limit: u64) -> Session {
    Session::new(EngineConfig {
        max_resident_messages: limit,
        ..Default::default()
    })
}

const TEN: &str = "Id=a,MessageBody=m Id=b,MessageBody=m Id=c,MessageBody=m Id=d,MessageBody=m \
    Id=e,MessageBody=m Id=f,MessageBody=m Id=g,MessageBody=m Id=h,MessageBody=m \
    Id=i,MessageBody=m Id=j,MessageBody=m";

/// 1,000 x 1,000 batches of 10: ten million messages if nothing stopped it.
fn nested_loops() -> String {
    format!(
        "Q=$(aws sqs create-queue --queue-name flood --query QueueUrl --output text)
for i in $(seq 1 1000); do
  for j in $(seq 1 1000); do
    aws sqs send-message-batch --queue-url $Q --entries {TEN} --query 'length(Successful)' --output text
  done
done
echo after the loops
"
    )
}

/// A producer at 1,000 messages a second for three hours: 10.8 million.
const PRODUCER: &str = "Q=$(aws sqs create-queue --queue-name flood --query QueueUrl --output text)
fanout actor producer firehose --queue-url $Q --rate 1000 --batch-size 10
fanout clock advance 3h
echo after the advance
";

/// Ten subscribed queues turn each publish into ten messages: 10 million publishes' worth
/// would be 100 million.
const FANOUT: &str = "T=$(aws sns create-topic --name flood --query TopicArn --output text)
for n in 0 1 2 3 4 5 6 7 8 9; do
  aws sqs create-queue --queue-name q$n --query QueueUrl --output text
  aws sns subscribe --topic-arn $T --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:q$n --attributes RawMessageDelivery=true --query SubscriptionArn --output text
done
for i in $(seq 1 100000); do
  aws sns publish --topic-arn $T --message m$i --query MessageId --output text
done
echo after the publishes
";

/// The script ended at the first refusal, with the engine's message and the shell's.
fn assert_stopped_at_the_limit(out: &Output, limit: u64, after: &str) {
    let stderr = out.stderr();
    let limit = thousands(limit);
    assert_eq!(out.status, 1, "{stderr}");
    assert!(
        !out.stdout().contains(after),
        "the script went on after the limit"
    );
    assert!(
        stderr.contains(&format!(
            "script stopped: the simulation is full ({limit} messages, Fanout's limit)"
        )),
        "{stderr}"
    );
    // At most one refused command was printed: nothing ran on after it.
    assert!(stderr.matches("(OverLimit)").count() <= 1, "{stderr}");
}

/// The simulation still answers: queues can be read, drained and sent to again.
fn assert_still_answers(session: &mut Session, queue: &str, limit: u64) {
    let out = session.run_script(&format!(
        "Q=$(aws sqs get-queue-url --queue-name {queue} --query QueueUrl --output text)
aws sqs receive-message --queue-url $Q --max-number-of-messages 10 --query 'length(Messages)' --output text
aws sqs purge-queue --queue-url $Q
aws sqs send-message --queue-url $Q --message-body again --query MD5OfMessageBody --output text
"
    ));
    assert_eq!(out.status, 0, "{}", out.stderr());
    assert_eq!(
        out.stdout(),
        "10\n639849f6b368019778991b32434354fc\n",
        "{}",
        out.stderr()
    );
    assert!(session.engine().resident_messages() < limit);
}

#[test]
fn nested_loops_of_batch_sends_stop_at_the_limit() {
    let mut s = session(SMALL_LIMIT);
    let out = s.run_script(&nested_loops());
    assert_stopped_at_the_limit(&out, SMALL_LIMIT, "after the loops");
    assert!(out
        .stderr()
        .contains("An error occurred (OverLimit) when calling the SendMessageBatch operation: Sending this would take the simulation past 20,000 messages across all queues, the most Fanout keeps (SQS itself has no such limit"));
    // Every batch before the refusal was sent whole.
    assert_eq!(out.stdout().lines().filter(|l| *l == "10").count(), 2000);
    assert_eq!(s.engine().resident_messages(), SMALL_LIMIT);
    assert_still_answers(&mut s, "flood", SMALL_LIMIT);
}

#[test]
fn a_producer_left_running_stops_at_the_limit() {
    let mut s = session(SMALL_LIMIT);
    let out = s.run_script(PRODUCER);
    assert_stopped_at_the_limit(&out, SMALL_LIMIT, "after the advance");
    assert_eq!(s.engine().resident_messages(), SMALL_LIMIT);
    let refused = s
        .engine()
        .trace()
        .entries()
        .iter()
        .find_map(|e| match &e.event {
            Event::ActorRequestRefused { actor, refusal } => {
                Some((actor.clone(), refusal.code.clone()))
            }
            _ => None,
        });
    assert_eq!(refused, Some(("firehose".into(), "OverLimit".into())));
    let list = s.run_script("fanout actor list");
    assert!(
        list.stdout().contains("SendMessageBatch was refused"),
        "{}",
        list.stdout()
    );
    assert_still_answers(&mut s, "flood", SMALL_LIMIT);
}

#[test]
fn sns_fanout_stops_at_the_limit() {
    let mut s = session(SMALL_LIMIT);
    let out = s.run_script(FANOUT);
    assert_stopped_at_the_limit(&out, SMALL_LIMIT, "after the publishes");
    assert_eq!(s.engine().resident_messages(), SMALL_LIMIT);
    assert_still_answers(&mut s, "q0", SMALL_LIMIT);
}

#[test]
fn below_the_limit_nothing_changes() {
    let mut s = session(SMALL_LIMIT);
    let out = s.run_script(
        "Q=$(aws sqs create-queue --queue-name calm --query QueueUrl --output text)
for i in $(seq 1 1999); do aws sqs send-message-batch --queue-url $Q --entries Id=a,MessageBody=m Id=b,MessageBody=m Id=c,MessageBody=m Id=d,MessageBody=m Id=e,MessageBody=m Id=f,MessageBody=m Id=g,MessageBody=m Id=h,MessageBody=m Id=i,MessageBody=m Id=j,MessageBody=m --query 'length(Successful)' --output text; done
echo done",
    );
    assert_eq!(out.status, 0, "{}", out.stderr());
    assert!(out.stdout().ends_with("done\n"));
    assert_eq!(s.engine().capacity_refusals(), 0);
}

/// About 1.5 minutes in a debug build, so run on purpose:
/// `cargo test --release --test flood_drill -- --ignored --nocapture`.
#[test]
#[ignore]
fn drill_at_the_real_limit() {
    let mut s = session(DEFAULT_MAX_RESIDENT_MESSAGES);
    let started = Instant::now();
    let out = s.run_script(PRODUCER);
    let elapsed = started.elapsed();
    assert_stopped_at_the_limit(&out, DEFAULT_MAX_RESIDENT_MESSAGES, "after the advance");
    assert_eq!(
        s.engine().resident_messages(),
        DEFAULT_MAX_RESIDENT_MESSAGES
    );
    println!(
        "a producer of 10.8 million messages stopped at {} resident after {:.1} s ({} build)",
        DEFAULT_MAX_RESIDENT_MESSAGES,
        elapsed.as_secs_f64(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert_still_answers(&mut s, "flood", DEFAULT_MAX_RESIDENT_MESSAGES);
}

/// A scenario file carries its engine config, so a hand-edited `max_resident_messages`
/// could lift the limit and let a flood take the tab down on import. Such a file is refused
/// whole, with the field, the limit and what to do; the default and lower limits import.
#[test]
fn an_imported_scenario_cannot_raise_the_limit() {
    let file = |limit: Option<u64>| {
        let field = limit
            .map(|n| format!(r#","max_resident_messages":{n}"#))
            .unwrap_or_default();
        format!(
            r#"{{"fanout":1,"config":{{"seed":1,"chaos":"off","epoch_ms":1767225600000{field}}},"journal":[{{"at":0,"op":"command","command":{{"action":"CreateQueue","queue_name":"a","attributes":{{}}}}}}]}}"#
        )
    };
    for raised in [DEFAULT_MAX_RESIDENT_MESSAGES + 1, 10_000_000, u64::MAX] {
        let scenario =
            Scenario::parse(&file(Some(raised))).expect("the file itself is well formed");
        let reason = scenario
            .replay()
            .err()
            .unwrap_or_else(|| panic!("a limit of {raised} was imported"));
        assert!(
            reason.contains("max_resident_messages")
                && reason.contains("above Fanout's limit of 1,000,000 messages")
                && reason.contains("set it to 1,000,000 or less"),
            "{reason}"
        );
    }
    for allowed in [None, Some(DEFAULT_MAX_RESIDENT_MESSAGES), Some(SMALL_LIMIT)] {
        let engine = Scenario::parse(&file(allowed))
            .and_then(|s| s.replay())
            .unwrap_or_else(|e| panic!("{allowed:?} was refused: {e}"));
        assert_eq!(
            engine.config().max_resident_messages,
            allowed.unwrap_or(DEFAULT_MAX_RESIDENT_MESSAGES)
        );
        assert_eq!(engine.queues().count(), 1);
    }
}
