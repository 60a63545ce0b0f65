//! Golden transcripts: every `tests/transcripts/NAME.sh` runs through `fanout run`'s
//! session (seed 1, chaos off) and must print exactly `NAME.out`: stdout, stderr and the
//! exit status. Adding a case is adding a script; write its `.out` with
//! `UPDATE_GOLDEN=1 cargo test --test transcripts`, then read it against the AWS docs.
#![cfg(not(target_arch = "wasm32"))]

use fanout::cli::Session;
use fanout::engine::EngineConfig;
use std::path::Path;

fn transcript(script: &str) -> String {
    let mut session = Session::new(EngineConfig {
        seed: 1,
        ..Default::default()
    });
    let out = session.run_script(script);
    format!(
        "{}--- stderr ---\n{}--- exit {} ---\n",
        out.stdout(),
        out.stderr(),
        out.status
    )
}

#[test]
fn transcripts_match() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    scripts.sort();
    assert!(
        scripts.len() >= 10,
        "expected the transcript cases under {}",
        dir.display()
    );
    let update = std::env::var("UPDATE_GOLDEN").is_ok();
    let mut failures = Vec::new();
    for path in &scripts {
        let got = transcript(&std::fs::read_to_string(path).unwrap());
        let golden = path.with_extension("out");
        if update {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if want != got {
            let first = want
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            failures.push(format!(
                "{} (seed 1, chaos off) differs from {} at line {}:\n  want: {:?}\n  got:  {:?}",
                path.display(),
                golden.display(),
                first + 1,
                want.lines().nth(first).unwrap_or("<end>"),
                got.lines().nth(first).unwrap_or("<end>")
            ));
        }
    }
    println!("{} transcripts checked", scripts.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
