//! `peer_ratio_moto`: the lifecycle workload through moto in-process (scripts/bench_moto.py),
//! for a sense of how Fanout compares with the usual local stand-in for SQS. Native only.
//!
//! The script is compiled in and fed to Python on stdin, so `fanout bench` works from any
//! directory. `$FANOUT_BENCH_PYTHON` names the interpreter (scripts/bench.sh points it at
//! a venv with moto); python3 otherwise.

use super::{Figure, Sizes};
use std::io::Write;
use std::process::{Command, Stdio};

const SCRIPT: &str = include_str!("../../scripts/bench_moto.py");

/// moto's lifecycles per second and Fanout's ratio to it, or both unmeasured with why.
pub fn run(sizes: &Sizes, fanout_lifecycles_per_sec: Option<f64>) -> [Figure; 2] {
    let unmeasured = |why: String| {
        let none = |key| Figure {
            value: None,
            ..Figure::new(key, 0.0, "")
        };
        [
            Figure {
                unit: "/s",
                ..none("moto_lifecycles_per_sec")
            }
            .note(why.clone()),
            Figure {
                unit: "x",
                ..none("peer_ratio_moto")
            }
            .note(why),
        ]
    };
    let moto = match lifecycles_per_sec(sizes.moto_lifecycles) {
        Ok(v) => v,
        Err(why) => return unmeasured(why),
    };
    let Some(fanout) = fanout_lifecycles_per_sec else {
        return unmeasured("Fanout's own lifecycles were not measured".into());
    };
    let count = super::number(sizes.moto_lifecycles as f64);
    [
        Figure::new("moto_lifecycles_per_sec", moto, "/s").note(format!(
            "{count} lifecycles through moto's mock_aws and boto3"
        )),
        Figure::new("peer_ratio_moto", fanout / moto, "x")
            .note("Fanout's lifecycles_per_sec divided by moto's"),
    ]
}

fn lifecycles_per_sec(count: u64) -> Result<f64, String> {
    let python = std::env::var("FANOUT_BENCH_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut child = Command::new(&python)
        .args(["-", &count.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(SCRIPT.as_bytes())
            .map_err(|e| format!("cannot give {python} the script: {e}"))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("{python} failed: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let reply: serde_json::Value = serde_json::from_str(text.trim()).map_err(|_| {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("no output");
        format!("scripts/bench_moto.py under {python} failed: {last}")
    })?;
    if let Some(e) = reply["error"].as_str() {
        return Err(e.to_string());
    }
    reply["lifecycles_per_sec"]
        .as_f64()
        .filter(|v| *v > 0.0)
        .ok_or_else(|| format!("scripts/bench_moto.py gave no rate: {}", text.trim()))
}
