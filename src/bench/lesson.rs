//! `lesson_fast_forward_ms`: one virtual hour of 100 messages a second through a consumer
//! group that target tracking scales from 1 to 10 instances (360,000 messages), the
//! workload of tests/actors.rs `lesson_workload_wall_time`, with realistic chaos as there.

use super::{create_queue, Budget, Clock, Figure, Sizes};
use crate::engine::actors::{
    ConsumerSpec, Instances, ProcessingTime, ProducerSpec, RatePattern, Target, Template,
};
use crate::engine::{Chaos, Engine, EngineConfig};

/// The page's budget: an hour of traffic should feel instant.
pub const BUDGET_MS: f64 = 1_000.0;

pub fn run(sizes: &Sizes, clock: Clock) -> Figure {
    let started = clock();
    let outcome = fast_forward(sizes.lesson_seconds);
    let ms = clock() - started;
    let figure = Figure::new("lesson_fast_forward_ms", ms, "ms").budget(Budget::AtMost(BUDGET_MS));
    match outcome {
        Ok((sent, processed)) => {
            let mut note = format!(
                "{} virtual s: {} sent, {} processed",
                super::number(sizes.lesson_seconds as f64),
                super::number(sent as f64),
                super::number(processed as f64)
            );
            if sizes.quick {
                note.push_str(" (quick: not one hour)");
            }
            figure.note(note)
        }
        Err(why) => Figure {
            value: None,
            ..figure
        }
        .note(why),
    }
}

/// The lesson's engine, ready to run: a queue, a steady producer `producer` of 100
/// messages a second (in requests of `batch_size`) and the auto-scaled group `workers`.
/// Profiling drivers and tests/actors.rs run the same workload from here.
pub fn lesson_engine(batch_size: u32) -> Result<Engine, String> {
    let mut e = Engine::new(EngineConfig {
        chaos: Chaos::Realistic,
        ..Default::default()
    });
    let url = create_queue(&mut e, "lesson", &[]);
    let producer = ProducerSpec {
        target: Target::Queue(url.clone()),
        pattern: RatePattern::Steady { rate: 100_000 },
        body: Template::parse("message {n}")?,
        group_id: None,
        deduplication_id: None,
        batch_size,
        count: None,
        stop_at: None,
    };
    e.start_producer("producer", producer)?;
    let workers = ConsumerSpec {
        queue_url: url,
        instances: Instances::TargetTracking {
            min: 1,
            max: 10,
            acceptable_latency_ms: 10_000,
            cooldown_ms: 60_000,
        },
        warm_up_ms: 0,
        max_number_of_messages: 10,
        wait_time_seconds: Some(20),
        visibility_timeout: None,
        processing: ProcessingTime::Exponential { mean_ms: 80 },
        failure_probability: 0.0,
        crash_probability: 0.0,
        idempotent: false,
    };
    e.start_consumers("workers", workers)?;
    Ok(e)
}

/// Runs the lesson for `seconds` of virtual time; messages sent and processed.
pub fn fast_forward(seconds: u64) -> Result<(u64, u64), String> {
    let mut e = lesson_engine(1)?;
    let end = e.now().plus_secs(seconds);
    e.advance_to(end);
    let sent = e.actor("producer").map_or(0, |a| a.stats.sent);
    let processed = e.actor("workers").map_or(0, |a| a.stats.processed);
    if sent != seconds * 100 {
        return Err(format!("the producer sent {sent}, not {}", seconds * 100));
    }
    Ok((sent, processed))
}
