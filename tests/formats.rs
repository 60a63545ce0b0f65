//! Every `tests/formats/NAME.sh` runs four times through `fanout run`'s session (seed 1,
//! chaos off), once per `--output` format: the script reads the format from `$FORMAT`,
//! which each run sets first. Each run must print exactly `NAME.FORMAT.out` (stdout,
//! stderr and the exit status). Adding a case is adding a script; write its outputs with
//! `UPDATE_GOLDEN=1 cargo test --test formats`, then check them as tests/formats/README.md
//! says.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/golden.rs"]
mod golden;

const FORMATS: [&str; 4] = ["json", "text", "table", "yaml"];

#[test]
fn every_case_prints_as_the_aws_cli_in_every_format() {
    let scripts = golden::scripts("formats", 30);
    let mut failures = Vec::new();
    for path in &scripts {
        let script = std::fs::read_to_string(path).unwrap();
        assert!(
            script.contains("\"$FORMAT\""),
            "{} never prints in the chosen format",
            path.display()
        );
        for format in FORMATS {
            let got = golden::transcript(&format!("FORMAT={format}\n{script}"));
            let expected = path.with_extension(format!("{format}.out"));
            golden::check(path, &expected, &got, &mut failures);
        }
    }
    println!(
        "{} cases x {} formats checked",
        scripts.len(),
        FORMATS.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
