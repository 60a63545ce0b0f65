//! Actors through the engine's public API: what they send, what their groups do, and what
//! a driver sees in their statistics and the trace.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::create;
use fanout::engine::actors::*;
use fanout::engine::*;

fn engine(seed: u64, chaos: Chaos) -> Engine {
    Engine::new(EngineConfig {
        seed,
        chaos,
        // These tests read the whole history (a spike's scaling, every delivery).
        trace_window: 0,
        ..Default::default()
    })
}

fn steady(per_second: u64) -> RatePattern {
    RatePattern::Steady {
        rate: per_second * 1000,
    }
}

fn producer(queue_url: &str, pattern: RatePattern) -> ProducerSpec {
    ProducerSpec {
        target: Target::Queue(queue_url.into()),
        pattern,
        body: Template::parse("message {n}").unwrap(),
        group_id: None,
        deduplication_id: None,
        batch_size: 1,
        count: None,
        stop_at: None,
    }
}

fn consumers(queue_url: &str, instances: u32) -> ConsumerSpec {
    ConsumerSpec {
        queue_url: queue_url.into(),
        instances: Instances::Fixed { count: instances },
        warm_up_ms: 0,
        max_number_of_messages: 10,
        wait_time_seconds: Some(20),
        visibility_timeout: None,
        processing: ProcessingTime::Fixed { ms: 10 },
        failure_probability: 0.0,
        crash_probability: 0.0,
        idempotent: false,
    }
}

fn advance(e: &mut Engine, secs: u64) {
    let t = e.now().plus_secs(secs);
    e.advance_to(t);
}

fn stats(e: &Engine, name: &str) -> ActorStats {
    e.actor(name).expect("actor exists").stats
}

fn visible(e: &Engine, queue: &str) -> usize {
    e.queue_by_name(queue).unwrap().visible_count()
}

fn count_events(e: &Engine, what: impl Fn(&Event) -> bool) -> usize {
    e.trace()
        .entries()
        .iter()
        .filter(|x| what(&x.event))
        .count()
}

#[test]
fn rate_patterns_are_exact_over_time() {
    let cases: Vec<(RatePattern, u32, u64, u64)> = vec![
        // pattern, batch size, seconds, messages sent by then
        (steady(100), 1, 10, 1000),
        (steady(100), 10, 10, 1000),
        (
            RatePattern::Burst {
                size: 50,
                every_ms: 10_000,
            },
            10,
            35,
            200,
        ),
        (
            RatePattern::Spike {
                rate: 10_000,
                spike_rate: 100_000,
                at_ms: 20_000,
                for_ms: 10_000,
            },
            1,
            60,
            600 + 900,
        ),
        (
            RatePattern::Sine {
                rate: 10_000,
                amplitude: 5_000,
                period_ms: 60_000,
            },
            1,
            120,
            1200,
        ),
        (
            RatePattern::Sine {
                rate: 10_000,
                amplitude: 5_000,
                period_ms: 60_000,
            },
            1,
            15,
            197,
        ),
    ];
    for (pattern, batch, secs, want) in cases {
        let mut e = engine(1, Chaos::Off);
        let q = create(&mut e, "q", &[]);
        let spec = ProducerSpec {
            batch_size: batch,
            ..producer(&q, pattern.clone())
        };
        e.start_producer("p", spec).unwrap();
        advance(&mut e, secs);
        let sent = stats(&e, "p").sent;
        assert_eq!(sent, want, "{pattern:?} batch {batch} after {secs} s");
        assert_eq!(visible(&e, "q") as u64, want, "{pattern:?}: all stored");
    }
}

#[test]
fn a_batching_producer_sends_whole_batches_through_send_message_batch() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    let spec = ProducerSpec {
        batch_size: 10,
        count: Some(25),
        ..producer(&q, steady(100))
    };
    e.start_producer("p", spec).unwrap();
    advance(&mut e, 1);
    // Batches of 10 at 100 ms and 200 ms, the last 5 when the 25th is owed (250 ms).
    let sends: Vec<u64> = e
        .trace()
        .entries()
        .iter()
        .filter(|x| matches!(x.event, Event::Sent { .. }))
        .map(|x| x.at.millis())
        .collect();
    assert_eq!(sends.len(), 25);
    assert_eq!(sends[0], 100);
    assert_eq!(sends[19], 200);
    assert_eq!(sends[24], 250);
    let view = e.actor("p").unwrap();
    assert_eq!(view.status, ActorStatus::Stopped);
    assert_eq!(view.reason.as_deref(), Some("sent its 25 messages"));
}

#[test]
fn a_producer_stops_at_its_stop_time_after_sending_what_is_owed() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    let spec = ProducerSpec {
        batch_size: 10,
        stop_at: Some(SimTime::from_secs(1).plus_millis(50)),
        ..producer(&q, steady(100))
    };
    e.start_producer("p", spec).unwrap();
    advance(&mut e, 5);
    assert_eq!(stats(&e, "p").sent, 105);
    let reason = e.actor("p").unwrap().reason.unwrap();
    assert_eq!(reason, "reached its stop time 0:00:01.050");
}

#[test]
fn templates_fill_bodies_group_ids_and_deduplication_ids() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "orders.fifo", &[("FifoQueue", "true")]);
    let spec = ProducerSpec {
        body: Template::parse(r#"{"order": {n}}"#).unwrap(),
        group_id: Some(Template::parse("group-{n%4}").unwrap()),
        deduplication_id: Some(Template::parse("{actor}-{n}").unwrap()),
        batch_size: 4,
        count: Some(8),
        ..producer(&q, steady(10))
    };
    e.start_producer("shop", spec).unwrap();
    advance(&mut e, 1);
    assert_eq!(stats(&e, "shop").sent, 8);
    let queue = e.queue_by_name("orders.fifo").unwrap();
    let groups: Vec<String> = queue
        .messages()
        .map(|m| format!("{}:{}", m.group_id.as_deref().unwrap(), m.body))
        .collect();
    assert_eq!(groups[0], r#"group-1:{"order": 1}"#);
    assert_eq!(groups[3], r#"group-0:{"order": 4}"#);
    let dedup: Vec<&str> = queue
        .messages()
        .filter_map(|m| m.deduplication_id().map(|d| &**d))
        .collect();
    assert_eq!(dedup[7], "shop-8");
}

#[test]
fn a_refused_send_is_counted_traced_and_stops_the_producer() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "orders.fifo", &[("FifoQueue", "true")]);
    for batch in [1, 5] {
        let name = format!("p{batch}");
        let spec = ProducerSpec {
            batch_size: batch,
            ..producer(&q, steady(10))
        };
        e.start_producer(&name, spec).unwrap();
        advance(&mut e, 10);
        let view = e.actor(&name).unwrap();
        assert_eq!(view.status, ActorStatus::Stopped);
        assert_eq!(view.stats.sent, 0);
        assert_eq!(view.stats.refused, u64::from(batch));
        let error = view.error.unwrap();
        assert!(
            error.starts_with("MissingParameter: "),
            "batch {batch}: {error}"
        );
    }
    let refusals = count_events(
        &e,
        |x| matches!(x, Event::ActorRequestRefused { refusal, .. } if refusal.code == "MissingParameter"),
    );
    assert_eq!(refusals, 2);
}

#[test]
fn a_topic_producer_publishes_through_the_subscriptions() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    let topic = match e
        .apply(Command::CreateTopic {
            name: "t".into(),
            attributes: Default::default(),
            tags: Default::default(),
        })
        .unwrap()
    {
        Reply::TopicArn(a) => a,
        r => panic!("{r:?}"),
    };
    e.apply(Command::Subscribe {
        topic_arn: topic.clone(),
        protocol: "sqs".into(),
        endpoint: Some(e.queue_by_name("q").unwrap().arn.clone()),
        attributes: Default::default(),
        return_subscription_arn: false,
    })
    .unwrap();
    for (name, batch) in [("one", 1), ("batched", 10)] {
        let spec = ProducerSpec {
            target: Target::Topic(topic.clone()),
            batch_size: batch,
            count: Some(20),
            ..producer(&q, steady(20))
        };
        e.start_producer(name, spec).unwrap();
    }
    advance(&mut e, 5);
    assert_eq!(stats(&e, "one").sent, 20);
    assert_eq!(stats(&e, "batched").sent, 20);
    assert_eq!(visible(&e, "q"), 40);
}

#[test]
fn failures_reach_the_dead_letter_queue_after_max_receive_count() {
    let mut e = engine(1, Chaos::Off);
    create(&mut e, "dlq", &[]);
    let policy =
        r#"{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:dlq","maxReceiveCount":"3"}"#;
    let q = create(
        &mut e,
        "work",
        &[("RedrivePolicy", policy), ("VisibilityTimeout", "5")],
    );
    let spec = ProducerSpec {
        count: Some(10),
        ..producer(&q, steady(10))
    };
    e.start_producer("p", spec).unwrap();
    let group = ConsumerSpec {
        failure_probability: 1.0,
        ..consumers(&q, 2)
    };
    e.start_consumers("workers", group).unwrap();
    advance(&mut e, 60);
    let s = stats(&e, "workers");
    assert_eq!(s.received, 30, "3 receives each");
    assert_eq!(s.failed, 30);
    assert_eq!(s.processed, 0);
    assert_eq!(visible(&e, "dlq"), 10);
    let moves = count_events(&e, |x| matches!(x, Event::MovedToDeadLetterQueue { .. }));
    assert_eq!(moves, 10);
}

#[test]
fn consumers_process_and_delete_everything_in_batches() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    let spec = ProducerSpec {
        batch_size: 10,
        count: Some(500),
        ..producer(
            &q,
            RatePattern::Burst {
                size: 500,
                every_ms: 1000,
            },
        )
    };
    e.start_producer("p", spec).unwrap();
    e.start_consumers("workers", consumers(&q, 3)).unwrap();
    advance(&mut e, 30);
    let s = stats(&e, "workers");
    assert_eq!((s.received, s.processed, s.duplicates), (500, 500, 0));
    assert_eq!(s.running_instances, 3);
    assert!(e.queue_by_name("q").unwrap().is_empty());
    // Ten messages a receive, one DeleteMessageBatch each: deletes come in tens.
    let delete_times: Vec<u64> = e
        .trace()
        .entries()
        .iter()
        .filter(|x| matches!(x.event, Event::Deleted { .. }))
        .map(|x| x.at.millis())
        .collect();
    assert_eq!(delete_times.len(), 500);
    assert!(delete_times
        .chunks(10)
        .all(|c| c.iter().all(|&t| t == c[0])));
}

#[test]
fn long_polling_idle_consumers_count_empty_receives() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    e.start_consumers("workers", consumers(&q, 2)).unwrap();
    advance(&mut e, 60);
    assert_eq!(
        stats(&e, "workers").empty_receives,
        6,
        "2 instances, a poll per 20 s"
    );
    let short = ConsumerSpec {
        wait_time_seconds: Some(0),
        ..consumers(&q, 1)
    };
    e.start_consumers("pollers", short).unwrap();
    advance(&mut e, 10);
    // A short poll at once, then one a second after each empty answer.
    assert_eq!(stats(&e, "pollers").empty_receives, 11);
}

/// A spike of 200 msgs/s over a base of 10 msgs/s: target tracking must scale out once
/// the backlog has been above capacity for three one-minute checks, no faster than its
/// cooldown, never past max, and scale back in after fifteen quiet checks.
#[test]
fn auto_scaling_reacts_to_a_spike_within_cooldowns() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    let spec = ProducerSpec {
        batch_size: 10,
        ..producer(
            &q,
            RatePattern::Spike {
                rate: 10_000,
                spike_rate: 200_000,
                at_ms: 300_000,
                for_ms: 300_000,
            },
        )
    };
    e.start_producer("p", spec).unwrap();
    let cooldown_ms = 120_000;
    let group = ConsumerSpec {
        instances: Instances::TargetTracking {
            min: 1,
            max: 10,
            acceptable_latency_ms: 10_000,
            cooldown_ms,
        },
        warm_up_ms: 30_000,
        processing: ProcessingTime::Fixed { ms: 50 },
        ..consumers(&q, 1)
    };
    e.start_consumers("workers", group).unwrap();
    advance(&mut e, 1800);
    let scaling: Vec<(u64, bool, u32)> = e
        .trace()
        .entries()
        .iter()
        .filter_map(|x| match x.event {
            Event::ScaledOut { to, .. } => Some((x.at.millis(), true, to)),
            Event::ScaledIn { to, .. } => Some((x.at.millis(), false, to)),
            _ => None,
        })
        .collect();
    let outs: Vec<&(u64, bool, u32)> = scaling.iter().filter(|s| s.1).collect();
    assert!(!outs.is_empty(), "{scaling:?}");
    // The spike starts at 5:00; the checks at 6:00, 7:00 and 8:00 see the backlog.
    assert_eq!(outs[0].0, 480_000, "{scaling:?}");
    for pair in outs.windows(2) {
        assert!(pair[1].0 - pair[0].0 >= cooldown_ms, "{scaling:?}");
    }
    assert!(scaling.iter().all(|s| s.2 <= 10));
    assert_eq!(
        outs.last().unwrap().2,
        10,
        "the spike needs every instance: {scaling:?}"
    );
    let first_in = scaling
        .iter()
        .find(|s| !s.1)
        .expect("scales in after the spike");
    assert!(first_in.0 >= 600_000 + 15 * 60_000, "{scaling:?}");
    let view = e.actor("workers").unwrap();
    assert_eq!(view.desired_instances, Some(1), "{scaling:?}");
    assert_eq!(view.stats.running_instances, 1);
    // Everything sent so far (but the last few in hand) was processed.
    let sent = stats(&e, "p").sent;
    assert_eq!(sent, 1800 * 10 + 300 * 190);
    assert!(sent - view.stats.processed < 20, "{sent} sent, {view:?}");
}

#[test]
fn duplicates_are_counted_when_chaos_leaves_a_duplicate() {
    for idempotent in [false, true] {
        let mut e = engine(7, Chaos::High);
        let q = create(&mut e, "q", &[("VisibilityTimeout", "5")]);
        let spec = ProducerSpec {
            count: Some(1000),
            batch_size: 10,
            ..producer(&q, steady(100))
        };
        e.start_producer("p", spec).unwrap();
        let group = ConsumerSpec {
            idempotent,
            ..consumers(&q, 4)
        };
        e.start_consumers("workers", group).unwrap();
        advance(&mut e, 120);
        let left = count_events(&e, |x| matches!(x, Event::DuplicateCreated { .. }));
        assert!(left > 10, "chaos high leaves some duplicates: {left}");
        let s = stats(&e, "workers");
        assert_eq!(s.received, 1000 + left as u64);
        if idempotent {
            assert_eq!((s.processed, s.duplicates), (1000, 0));
        } else {
            assert_eq!(
                (s.processed, s.duplicates),
                (1000 + left as u64, left as u64)
            );
            let traced = count_events(&e, |x| matches!(x, Event::DuplicateSideEffect { .. }));
            assert_eq!(traced, left);
        }
    }
}

#[test]
fn crashed_instances_are_replaced_after_warm_up() {
    let mut e = engine(3, Chaos::Off);
    let q = create(&mut e, "q", &[("VisibilityTimeout", "10")]);
    let spec = ProducerSpec {
        count: Some(300),
        ..producer(&q, steady(10))
    };
    e.start_producer("p", spec).unwrap();
    let group = ConsumerSpec {
        crash_probability: 0.05,
        warm_up_ms: 5_000,
        processing: ProcessingTime::Uniform {
            min_ms: 50,
            max_ms: 150,
        },
        ..consumers(&q, 2)
    };
    e.start_consumers("workers", group).unwrap();
    advance(&mut e, 600);
    let s = stats(&e, "workers");
    assert!(s.crashes > 0, "{s:?}");
    assert_eq!(
        count_events(&e, |x| matches!(x, Event::InstanceCrashed { .. })) as u64,
        s.crashes
    );
    let started = count_events(&e, |x| matches!(x, Event::InstanceStarted { .. })) as u64;
    assert_eq!(started, 2 + s.crashes, "each crash starts a replacement");
    // Replacements wait out their warm-up before polling.
    let entries = e.trace().entries();
    for (i, x) in entries.iter().enumerate() {
        if let Event::InstanceCrashed { .. } = x.event {
            let Event::InstanceStarted { in_service_at, .. } = entries[i + 1].event else {
                panic!("a replacement follows a crash");
            };
            assert_eq!(in_service_at, x.at.plus_millis(5_000));
        }
    }
    assert_eq!(s.running_instances, 2);
    assert!(
        e.queue_by_name("q").unwrap().is_empty(),
        "all done in the end"
    );
    assert!(
        s.processed >= 300 && s.duplicates == s.processed - 300,
        "{s:?}"
    );
}

#[test]
fn stop_lets_batches_finish_and_remove_forgets_the_actor() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    e.start_producer("p", producer(&q, steady(100))).unwrap();
    let slow = ConsumerSpec {
        processing: ProcessingTime::Fixed { ms: 1000 },
        ..consumers(&q, 2)
    };
    e.start_consumers("workers", slow).unwrap();
    advance(&mut e, 2);
    e.stop_actor("workers").unwrap();
    assert_eq!(e.actor("workers").unwrap().status, ActorStatus::Stopping);
    assert_eq!(
        e.stop_actor("workers").unwrap_err(),
        "actor workers is already stopping"
    );
    advance(&mut e, 20);
    let view = e.actor("workers").unwrap();
    assert_eq!(view.status, ActorStatus::Stopped);
    assert_eq!(view.stats.running_instances, 0);
    assert_eq!(view.stats.processed, view.stats.received);
    e.stop_actor("p").unwrap();
    let sent = stats(&e, "p").sent;
    advance(&mut e, 5);
    assert_eq!(stats(&e, "p").sent, sent);
    e.remove_actor("p").unwrap();
    assert!(e.actor("p").is_none());
    assert_eq!(e.actors().len(), 1);
    assert_eq!(
        count_events(&e, |x| matches!(x, Event::ActorRemoved { .. })),
        1
    );
}

#[test]
fn removing_a_long_polling_group_ends_its_polls() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    e.start_consumers("workers", consumers(&q, 3)).unwrap();
    advance(&mut e, 5);
    e.remove_actor("workers").unwrap();
    assert_eq!(e.next_deadline(), None, "no poll left parked");
    let trace = e.trace().len();
    advance(&mut e, 60);
    assert_eq!(e.trace().len(), trace);
}

#[test]
fn deleting_the_queue_stops_its_actors_with_the_error() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    e.start_producer("p", producer(&q, steady(1))).unwrap();
    e.start_consumers("workers", consumers(&q, 2)).unwrap();
    advance(&mut e, 5);
    e.apply(Command::DeleteQueue {
        queue_url: q.clone(),
    })
    .unwrap();
    advance(&mut e, 5);
    for name in ["p", "workers"] {
        let view = e.actor(name).unwrap();
        assert_eq!(view.status, ActorStatus::Stopped, "{name}");
        let error = view.error.unwrap();
        assert!(
            error.starts_with("AWS.SimpleQueueService.NonExistentQueue: "),
            "{name}: {error}"
        );
    }
    assert_eq!(e.actor("workers").unwrap().stats.running_instances, 0);
    assert_eq!(e.next_activity(), None, "nothing left to do");
}

#[test]
fn bad_actor_specs_change_nothing() {
    let mut e = engine(1, Chaos::Off);
    let q = create(&mut e, "q", &[]);
    e.start_producer("p", producer(&q, steady(1))).unwrap();
    let before = (e.trace().hash(), e.actors().len());
    let bad_producers: Vec<(&str, ProducerSpec, &str)> = vec![
        (
            "p",
            producer(&q, steady(1)),
            "an actor named p exists already (fanout actor remove p first)",
        ),
        (
            "bad name",
            producer(&q, steady(1)),
            "an actor name is 1 to 80 letters, digits, hyphens or underscores, not 'bad name'",
        ),
        (
            "x",
            ProducerSpec {
                batch_size: 11,
                ..producer(&q, steady(1))
            },
            "the batch size must be from 1 to 10, not 11",
        ),
        (
            "x",
            producer(&q, steady(0)),
            "the rate must be greater than 0",
        ),
        (
            "x",
            producer(
                "https://sqs.us-east-1.amazonaws.com/123456789012/nope",
                steady(1),
            ),
            "no queue has the URL https://sqs.us-east-1.amazonaws.com/123456789012/nope",
        ),
        (
            "x",
            ProducerSpec {
                target: Target::Topic("arn:aws:sns:us-east-1:123456789012:nope".into()),
                ..producer(&q, steady(1))
            },
            "no topic has the ARN arn:aws:sns:us-east-1:123456789012:nope",
        ),
        (
            "x",
            ProducerSpec {
                count: Some(0),
                ..producer(&q, steady(1))
            },
            "the count must be at least 1",
        ),
        (
            "x",
            ProducerSpec {
                stop_at: Some(SimTime::ZERO),
                ..producer(&q, steady(1))
            },
            "the stop time 0:00:00.000 is not after the clock (0:00:00.000)",
        ),
    ];
    for (name, spec, want) in bad_producers {
        assert_eq!(e.start_producer(name, spec).unwrap_err(), want);
    }
    let bad_groups: Vec<ConsumerSpec> = vec![
        ConsumerSpec {
            max_number_of_messages: 0,
            ..consumers(&q, 1)
        },
        ConsumerSpec {
            wait_time_seconds: Some(21),
            ..consumers(&q, 1)
        },
        ConsumerSpec {
            visibility_timeout: Some(43_201),
            ..consumers(&q, 1)
        },
        ConsumerSpec {
            failure_probability: 1.5,
            ..consumers(&q, 1)
        },
        ConsumerSpec {
            crash_probability: f64::NAN,
            ..consumers(&q, 1)
        },
        consumers(&q, 0),
        ConsumerSpec {
            instances: Instances::TargetTracking {
                min: 3,
                max: 2,
                acceptable_latency_ms: 1,
                cooldown_ms: 0,
            },
            ..consumers(&q, 1)
        },
        ConsumerSpec {
            processing: ProcessingTime::Uniform {
                min_ms: 2,
                max_ms: 1,
            },
            ..consumers(&q, 1)
        },
    ];
    for spec in bad_groups {
        let e2 = format!("{spec:?}");
        assert!(e.start_consumers("c", spec).is_err(), "{e2}");
    }
    assert_eq!(
        e.stop_actor("nope").unwrap_err(),
        "no actor named nope (there are: p)"
    );
    assert_eq!(
        e.remove_actor("nope").unwrap_err(),
        "no actor named nope (there are: p)"
    );
    assert_eq!((e.trace().hash(), e.actors().len()), before);
}

fn busy_run(seed: u64) -> String {
    let mut e = engine(seed, Chaos::Realistic);
    let q = create(&mut e, "q", &[("VisibilityTimeout", "3")]);
    let spec = ProducerSpec {
        batch_size: 5,
        ..producer(
            &q,
            RatePattern::Sine {
                rate: 20_000,
                amplitude: 15_000,
                period_ms: 30_000,
            },
        )
    };
    e.start_producer("p", spec).unwrap();
    let group = ConsumerSpec {
        processing: ProcessingTime::Exponential { mean_ms: 150 },
        failure_probability: 0.1,
        crash_probability: 0.01,
        instances: Instances::TargetTracking {
            min: 1,
            max: 5,
            acceptable_latency_ms: 2_000,
            cooldown_ms: 60_000,
        },
        ..consumers(&q, 1)
    };
    e.start_consumers("workers", group).unwrap();
    advance(&mut e, 600);
    e.trace().hash()
}

#[test]
fn same_seed_same_actor_run() {
    assert_eq!(busy_run(5), busy_run(5));
    assert_ne!(busy_run(5), busy_run(6));
}

/// Issue 6's lesson workload: one virtual hour of 100 msgs/s through up to 10 auto-scaled
/// consumers (360,000 messages), with the producer sending one message a request and then
/// ten. Prints the wall time; run with
/// `cargo test --release --test actors -- --ignored --nocapture`.
#[test]
#[ignore]
fn lesson_workload_wall_time() {
    for batch_size in [1, 10] {
        let started = std::time::Instant::now();
        let mut e = fanout::bench::lesson::lesson_engine(batch_size).unwrap();
        advance(&mut e, 3600);
        let wall = started.elapsed();
        let p = stats(&e, "producer");
        let c = e.actor("workers").unwrap();
        println!(
            "1 h at 100 msgs/s, producer batch {batch_size}: {} sent, {} processed by up to {} instances, {} trace entries, wall {:.3} s",
            p.sent,
            c.stats.processed,
            count_events(&e, |x| matches!(x, Event::InstanceStarted { .. })),
            e.trace().len(),
            wall.as_secs_f64()
        );
        assert_eq!(p.sent, 360_000);
        // Backlog target tracking runs near capacity, a few minutes of backlog behind.
        assert!(c.stats.processed >= 340_000, "{c:?}");
    }
}
