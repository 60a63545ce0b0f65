//! Golden files shared by the transcript and format tests: find the scripts of a folder,
//! run one through `fanout run`'s session, compare (or with `UPDATE_GOLDEN=1`, rewrite) its
//! expected output.

use fanout::cli::Session;
use fanout::engine::EngineConfig;
use std::path::{Path, PathBuf};

/// The `*.sh` files of `tests/DIR`, sorted; at least `min` of them.
pub fn scripts(dir: &str, min: usize) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    scripts.sort();
    assert!(
        scripts.len() >= min,
        "expected at least {min} cases under {}",
        dir.display()
    );
    scripts
}

/// What `fanout run` prints for `script` (seed 1, chaos off): stdout, stderr, exit status.
pub fn transcript(script: &str) -> String {
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

/// Compares `got` with the golden file, or rewrites it under `UPDATE_GOLDEN`; a difference
/// is described (first differing line) in `failures`.
pub fn check(script: &Path, golden: &Path, got: &str, failures: &mut Vec<String>) {
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(golden, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(golden).unwrap_or_default();
    if want != got {
        let first = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        failures.push(format!(
            "{} (seed 1, chaos off) differs from {} at line {}:\n  want: {:?}\n  got:  {:?}",
            script.display(),
            golden.display(),
            first + 1,
            want.lines().nth(first).unwrap_or("<end>"),
            got.lines().nth(first).unwrap_or("<end>")
        ));
    }
}
