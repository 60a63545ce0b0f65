//! Same seed and script → identical trace; the hashes are pinned so that the browser
//! build (tests/browser.rs) can be held to the same numbers.

use fanout::engine::Chaos;
use fanout::reference_trace_hash;

/// `seed chaos hash` lines; regenerate with `UPDATE_GOLDEN=1 cargo test --test determinism`.
const PINNED: &str = include_str!("golden/reference_hashes.txt");

fn cases() -> Vec<(u64, Chaos)> {
    let mut v = Vec::new();
    for seed in [1u64, 7, 20261121] {
        for chaos in [Chaos::Off, Chaos::Realistic, Chaos::High] {
            v.push((seed, chaos));
        }
    }
    v
}

#[test]
fn same_seed_same_trace() {
    for (seed, chaos) in cases() {
        let a = reference_trace_hash(seed, chaos);
        let b = reference_trace_hash(seed, chaos);
        println!("seed {seed} chaos {} trace hash {a}", chaos.name());
        assert_eq!(a, b, "seed {seed} chaos {}: two runs differ", chaos.name());
    }
}

#[test]
fn different_seeds_differ() {
    assert_ne!(
        reference_trace_hash(1, Chaos::High),
        reference_trace_hash(2, Chaos::High)
    );
}

#[test]
fn hashes_are_pinned() {
    let now: String = cases()
        .into_iter()
        .map(|(seed, chaos)| {
            format!(
                "{seed} {} {}\n",
                chaos.name(),
                reference_trace_hash(seed, chaos)
            )
        })
        .collect();
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/golden/reference_hashes.txt"
            ),
            &now,
        )
        .unwrap();
        return;
    }
    assert_eq!(
        PINNED, now,
        "trace hashes changed: if intended, rerun with UPDATE_GOLDEN=1"
    );
}
