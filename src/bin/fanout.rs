//! `fanout run [--seed N] [--chaos off|realistic|high] [--access lenient|strict] [--trace FILE] SCRIPT`
//!
//! Runs a script of AWS CLI lines against the simulator and prints what the AWS CLI would.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::main(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use fanout::cli::{Session, Stream};
    use fanout::engine::{AccessMode, Chaos, EngineConfig};
    use std::io::{Read, Write};

    const USAGE: &str =
        "usage: fanout run [--seed N] [--chaos off|realistic|high] [--access lenient|strict] [--trace FILE] SCRIPT|-

Runs a script of `aws sqs ...` and `aws sns ...` lines (with echo, sleep N, VAR=$(...) and
`fanout ...` controls) against the simulator on a virtual clock and prints what the AWS CLI
would print.

  --seed N        seed of the simulation's random numbers (default 1)
  --chaos PROFILE how far standard queues stray from ideal: off (default), realistic, high
  --access MODE   queues without an access policy: lenient (default: SNS delivers, the
                  trace warns) or strict (refused, as on AWS)
  --trace FILE    also write the engine's trace, one JSON event per line, to FILE
";

    pub fn main(args: Vec<String>) -> i32 {
        match args.first().map(String::as_str) {
            Some("run") => run(&args[1..]),
            Some("-h" | "--help" | "help") => {
                print!("{USAGE}");
                0
            }
            _ => {
                eprint!("{USAGE}");
                2
            }
        }
    }

    fn run(args: &[String]) -> i32 {
        let mut config = EngineConfig::default();
        let mut script_path = None;
        let mut trace_path = None;
        let mut i = 0;
        while i < args.len() {
            let value = |i: usize| args.get(i + 1).cloned();
            match args[i].as_str() {
                "--seed" => match value(i).and_then(|v| v.parse::<u64>().ok()) {
                    Some(s) => config.seed = s,
                    None => return usage_error("--seed needs a whole number"),
                },
                "--chaos" => match value(i).as_deref().and_then(Chaos::parse) {
                    Some(c) => config.chaos = c,
                    None => return usage_error("--chaos must be off, realistic or high"),
                },
                "--access" => match value(i).as_deref().and_then(AccessMode::parse) {
                    Some(a) => config.access = a,
                    None => return usage_error("--access must be lenient or strict"),
                },
                "--trace" => match value(i) {
                    Some(p) => trace_path = Some(p),
                    None => return usage_error("--trace needs a file name"),
                },
                s if script_path.is_none() && (!s.starts_with("--") || s == "-") => {
                    script_path = Some(s.to_string());
                    i += 1;
                    continue;
                }
                other => return usage_error(&format!("unexpected argument '{other}'")),
            }
            i += 2;
        }
        let Some(path) = script_path else {
            return usage_error("no SCRIPT given");
        };
        let script = if path == "-" {
            let mut s = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut s) {
                eprintln!("fanout: cannot read standard input: {e}");
                return 2;
            }
            s
        } else {
            match std::fs::read_to_string(&path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("fanout: cannot read {path}: {e}");
                    return 2;
                }
            }
        };
        let mut session = Session::new(config);
        // `file://NAME` reads the real file system when the script did not write NAME.
        session.shell_mut().host_files = true;
        let output = session.run_script(&script);
        let (mut stdout, mut stderr) = (std::io::stdout().lock(), std::io::stderr().lock());
        for (stream, text) in &output.chunks {
            let _ = match stream {
                Stream::Stdout => stdout.write_all(text.as_bytes()),
                Stream::Stderr => stderr.write_all(text.as_bytes()),
            };
        }
        if let Some(p) = trace_path {
            let lines: String = session
                .engine()
                .trace()
                .entries()
                .iter()
                .map(|e| serde_json::to_string(e).expect("trace serializes") + "\n")
                .collect();
            if let Err(e) = std::fs::write(&p, lines) {
                eprintln!("fanout: cannot write trace {p}: {e}");
                return 2;
            }
        }
        output.status
    }

    fn usage_error(message: &str) -> i32 {
        eprint!("fanout: {message}\n{USAGE}");
        2
    }
}
