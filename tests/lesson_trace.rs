//! The lesson workload's outcome pinned, so a change meant to make it faster cannot
//! change what it does: the first five virtual minutes of `fanout bench --only lesson`
//! (the producer, the consumers' long polls, target tracking scaling out) give exactly
//! this trace. The full hour (360,000 sent, 349,234 processed) is checked by the bench.

use fanout::bench::lesson::lesson_engine;

#[test]
fn the_lesson_replays_exactly() {
    let mut e = lesson_engine(1).unwrap();
    let end = e.now().plus_secs(300);
    e.advance_to(end);
    let stats = |name: &str| e.actor(name).expect("started").stats;
    let (producer, workers) = (stats("producer"), stats("workers"));
    let outcome = (
        producer.sent,
        workers.received,
        workers.processed,
        workers.empty_receives,
        workers.running_instances,
        e.trace().len(),
    );
    assert_eq!(outcome, (30_000, 17_441, 17_341, 0, 10, 65_117));
    assert_eq!(e.trace().hash(), "5389955fac329a5d");
}
