//! The `fanout` binary as a user runs it: arguments, streams and exit statuses.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn fanout(args: &[&str], stdin: &str) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fanout"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    run(&mut command, stdin)
}

/// Runs `command` with `stdin` piped in and its output captured.
fn run(command: &mut Command, stdin: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("fanout runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn example_script_prints_like_the_aws_cli() {
    let out = fanout(&["run", "examples/first-queue.sh"], "");
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        stdout.starts_with(
            "{\n    \"QueueUrl\": \"https://sqs.us-east-1.amazonaws.com/123456789012/orders\"\n}\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("\"ApproximateReceiveCount\": \"1\""),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("\"2\"\n"),
        "the message came back after sleep 6: {stdout}"
    );
    assert_eq!(
        stderr,
        "\nAn error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueUrl operation: The specified queue does not exist.\n"
    );
    assert_eq!(
        out.status.code(),
        Some(254),
        "last command failed as a service error"
    );
}

#[test]
fn script_from_stdin_and_trace_file() {
    let dir = std::env::temp_dir().join(format!("fanout-trace-{}", std::process::id()));
    let trace = dir.to_string_lossy().into_owned();
    let script = "aws sqs create-queue --queue-name t\naws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/t --message-body hi\n";
    let out = fanout(
        &[
            "run", "--seed", "5", "--chaos", "high", "--trace", &trace, "-",
        ],
        script,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines = std::fs::read_to_string(&dir).unwrap();
    let events: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events[0]["event"], "QueueCreated");
    assert_eq!(events[1]["event"], "Sent");
    assert_eq!(events[1]["at"], 0);
    std::fs::remove_file(&dir).ok();
}

#[test]
fn bad_arguments_and_scripts_exit_with_a_message() {
    for (args, needle) in [
        (
            vec!["run", "--chaos", "wild", "x.sh"],
            "--chaos must be off, realistic or high",
        ),
        (
            vec!["run", "--seed", "abc", "x.sh"],
            "--seed needs a whole number",
        ),
        (vec!["run"], "no SCRIPT given"),
        (
            vec!["run", "no/such/file.sh"],
            "cannot read no/such/file.sh",
        ),
        (vec!["frobnicate"], "usage: fanout run"),
    ] {
        let out = fanout(&args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains(needle),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty());
    }
    let out = fanout(
        &["run", "-"],
        "aws sqs create-queue --queue-name a\naws sqs list-queues > out.txt\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing ran: {}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("line 2, column 21: redirections"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn same_seed_same_output_different_seed_different_ids() {
    let script = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/reference.sh"
    ))
    .unwrap();
    let a = fanout(
        &["run", "--seed", "3", "--chaos", "realistic", "-"],
        &script,
    );
    let b = fanout(
        &["run", "--seed", "3", "--chaos", "realistic", "-"],
        &script,
    );
    let c = fanout(
        &["run", "--seed", "4", "--chaos", "realistic", "-"],
        &script,
    );
    assert_eq!(a.stdout, b.stdout, "seed 3 twice");
    assert_ne!(a.stdout, c.stdout, "seeds 3 and 4");
}

/// `fanout repl` with its input piped: each command runs as it is read, incomplete input
/// (a trailing `\` or `&&`, an open quote or `$(`) waits for its next lines, the history
/// file gets every command, and the exit status is the last command's.
#[test]
fn repl_reads_piped_lines_as_a_console_would() {
    let history = std::env::temp_dir().join(format!("fanout-repl-{}.history", std::process::id()));
    let _ = std::fs::remove_file(&history);
    let repl = |args: &[&str], stdin: &str| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_fanout"));
        command
            .arg("repl")
            .args(args)
            .env("FANOUT_HISTORY", &history);
        run(&mut command, stdin)
    };
    let input = "aws sqs create-queue --queue-name orders --output text
URL=$(aws sqs get-queue-url \\
  --queue-name orders --query QueueUrl --output text)
aws sqs send-message --queue-url \"$URL\" --message-body 'two
lines' --query MD5OfMessageBody --output text
sleep 5 &&
  echo \"slept\"
aws sqs receive-message --queue-url $(
  echo $URL) --query 'Messages[0].Body' --output text

aws sqs delete-queue --queue-url nope
";
    let out = repl(&["--seed", "7"], input);
    assert_eq!(
        text(&out.stdout),
        "https://sqs.us-east-1.amazonaws.com/123456789012/orders
4133359cfba1255baeb0512525a1955b
slept
two
lines
"
    );
    assert_eq!(
        text(&out.stderr),
        "\nAn error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the DeleteQueue operation: The specified queue does not exist.\n"
    );
    assert_eq!(out.status.code(), Some(254), "the last command's status");
    let saved = std::fs::read_to_string(&history).unwrap();
    let entries: Vec<&str> = saved.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        entries.len(),
        6,
        "one entry per command, blank lines skipped: {saved}"
    );
    assert!(
        entries[1].starts_with("URL=$(aws sqs get-queue-url \\"),
        "{saved}"
    );

    // Input that ends inside a quote is reported as a script would report it.
    let out = repl(&[], "echo ok\necho 'never closed\n");
    assert_eq!(text(&out.stdout), "ok\n");
    assert_eq!(
        text(&out.stderr),
        "fanout: line 1, column 6: unterminated single quote\n"
    );
    assert_eq!(out.status.code(), Some(2));

    // The same options as `fanout run`, checked the same way.
    let out = repl(&["--chaos", "wild"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--chaos must be off, realistic or high"));
    let out = repl(&["script.sh"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unexpected argument 'script.sh'"));
    let _ = std::fs::remove_file(&history);
}

#[test]
fn file_values_read_the_virtual_area_then_the_disk() {
    let script = "aws sqs create-queue --cli-input-json file://tests/data/files/queue.json --query QueueUrl --output text
fanout file write tests/data/files/queue.json '{\"QueueName\": \"from-the-virtual-area\"}'
aws sqs create-queue --cli-input-json file://tests/data/files/queue.json --query QueueUrl --output text
aws sqs create-queue --cli-input-json file://tests/data/files/none.json
";
    let out = fanout(&["run", "-"], script);
    assert_eq!(
        text(&out.stdout),
        "https://sqs.us-east-1.amazonaws.com/123456789012/from-disk\nhttps://sqs.us-east-1.amazonaws.com/123456789012/from-the-virtual-area\n"
    );
    assert_eq!(
        text(&out.stderr),
        "\nError parsing parameter '--cli-input-json': Unable to load paramfile file://tests/data/files/none.json: [Errno 2] No such file or directory: 'tests/data/files/none.json'\n"
    );
    assert_eq!(out.status.code(), Some(252));
}
