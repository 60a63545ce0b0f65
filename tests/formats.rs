//! Every `tests/formats/NAME.sh` runs four times through `fanout run`'s session (seed 1,
//! chaos off), once per `--output` format: the script reads the format from `$FORMAT`,
//! which each run sets first. Each run must print exactly `NAME.FORMAT.out` (stdout,
//! stderr and the exit status). Adding a case is adding a script; write its outputs with
//! `UPDATE_GOLDEN=1 cargo test --test formats`, then check them as tests/formats/README.md
//! says.
#![cfg(not(target_arch = "wasm32"))]

use fanout::cli::Session;
use fanout::engine::EngineConfig;
use std::path::Path;

const FORMATS: [&str; 4] = ["json", "text", "table", "yaml"];

fn transcript(script: &str, format: &str) -> String {
    let mut session = Session::new(EngineConfig {
        seed: 1,
        ..Default::default()
    });
    let out = session.run_script(&format!("FORMAT={format}\n{script}"));
    format!(
        "{}--- stderr ---\n{}--- exit {} ---\n",
        out.stdout(),
        out.stderr(),
        out.status
    )
}

#[test]
fn every_case_prints_as_the_aws_cli_in_every_format() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    scripts.sort();
    assert!(
        scripts.len() >= 30,
        "expected a case per operation under {}",
        dir.display()
    );
    let update = std::env::var("UPDATE_GOLDEN").is_ok();
    let mut failures = Vec::new();
    for path in &scripts {
        let script = std::fs::read_to_string(path).unwrap();
        assert!(
            script.contains("\"$FORMAT\""),
            "{} never prints in the chosen format",
            path.display()
        );
        for format in FORMATS {
            let got = transcript(&script, format);
            let golden = path.with_extension(format!("{format}.out"));
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
                    "{} differs from {} at line {}:\n  want: {:?}\n  got:  {:?}",
                    path.display(),
                    golden.display(),
                    first + 1,
                    want.lines().nth(first).unwrap_or("<end>"),
                    got.lines().nth(first).unwrap_or("<end>")
                ));
            }
        }
    }
    println!(
        "{} cases x {} formats checked",
        scripts.len(),
        FORMATS.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
