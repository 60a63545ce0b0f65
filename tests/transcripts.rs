//! Golden transcripts: every `tests/transcripts/NAME.sh` runs through `fanout run`'s
//! session (seed 1, chaos off) and must print exactly `NAME.out`: stdout, stderr and the
//! exit status. Adding a case is adding a script; write its `.out` with
//! `UPDATE_GOLDEN=1 cargo test --test transcripts`, then read it against the AWS docs.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/golden.rs"]
mod golden;

#[test]
fn transcripts_match() {
    let scripts = golden::scripts("transcripts", 10);
    let mut failures = Vec::new();
    for path in &scripts {
        let got = golden::transcript(&std::fs::read_to_string(path).unwrap());
        golden::check(path, &path.with_extension("out"), &got, &mut failures);
    }
    println!("{} transcripts checked", scripts.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
