//! Tab completion, as the REPL and the browser console offer it: a line with the cursor
//! marked `▮` (at the end when unmarked) in, where the completed text starts and the
//! candidates out.
#![cfg(not(target_arch = "wasm32"))]

use fanout::cli::complete::complete;
use fanout::cli::Session;
use fanout::engine::EngineConfig;

const SETUP: &str = r#"
aws sqs create-queue --queue-name orders
aws sqs create-queue --queue-name orders-dlq
aws sqs create-queue --queue-name billing.fifo --attributes FifoQueue=true
TOPIC=$(aws sns create-topic --name events --query TopicArn --output text)
aws sns subscribe --topic-arn "$TOPIC" --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:orders
aws sns subscribe --topic-arn "$TOPIC" --protocol email --notification-endpoint ops@example.com
QUEUE_URL=https://sqs.us-east-1.amazonaws.com/123456789012/orders
QUIET=1
"#;

const URL: &str = "https://sqs.us-east-1.amazonaws.com/123456789012/";
const ARN: &str = "arn:aws:sqs:us-east-1:123456789012:";

fn session() -> Session {
    let mut s = Session::new(EngineConfig::default());
    let out = s.run_script(SETUP);
    assert_eq!(out.status, 0, "setup: {}", out.stderr());
    s
}

/// (line with ▮, where the completion starts, the candidates)
fn cases() -> Vec<(&'static str, usize, Vec<String>)> {
    let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let programs = v(&[
        "aws", "do", "done", "echo", "elif", "else", "export", "fanout", "fi", "for", "if",
        "sleep", "then", "true", "until", "while",
    ]);
    vec![
        // Program words at the start of a command and after shell separators and keywords.
        ("", 0, programs.clone()),
        ("a", 0, v(&["aws "])),
        ("e", 0, v(&["echo", "elif", "else", "export"])),
        ("echo hi; fa", 9, v(&["fanout "])),
        ("echo hi && s", 11, v(&["sleep "])),
        ("while true; do aw", 15, v(&["aws "])),
        ("if true; then ec", 14, v(&["echo "])),
        ("X=$(a", 4, v(&["aws "])),
        ("X=1 a", 4, v(&["aws "])),
        ("▮aws sqs", 0, programs),
        ("X=$(echo a) ec", 12, v(&["echo "])),
        (
            "aws sqs send-message --queue-url \"$(aws sqs get-queue-url --queue-name orders-",
            71,
            v(&["orders-dlq "]),
        ),
        ("echo a\naw", 7, v(&["aws "])),
        ("aws sqs del▮ete-queue", 8, v(&["delete-message", "delete-message-batch", "delete-queue"])),
        // Services, operations, help.
        ("aws ", 4, v(&["sns", "sqs"])),
        ("aws s", 4, v(&["sns", "sqs"])),
        ("aws sq", 4, v(&["sqs "])),
        ("aws --output text s", 18, v(&["sns", "sqs"])),
        ("aws sqs get-q", 8, v(&["get-queue-attributes", "get-queue-url"])),
        ("aws sqs h", 8, v(&["help "])),
        ("aws sns pub", 8, v(&["publish", "publish-batch"])),
        ("aws ec2 ", 8, v(&[])),
        // Options not yet given, then the global ones.
        ("aws sqs delete-queue --q", 21, v(&["--query", "--queue-url"])),
        ("aws sqs delete-queue --queue-url x --q", 35, v(&["--query "])),
        ("aws sqs send-message --message-g", 21, v(&["--message-group-id "])),
        ("aws sqs list-queues --no-", 20, v(&[
            "--no-cli-auto-prompt", "--no-cli-pager", "--no-paginate", "--no-sign-request",
            "--no-verify-ssl",
        ])),
        ("aws sns subscribe --return", 18, v(&["--return-subscription-arn "])),
        // Queue URLs, names and ARNs.
        ("aws sqs delete-queue --queue-url ", 33, vec![
            format!("{URL}billing.fifo"), format!("{URL}orders"), format!("{URL}orders-dlq"),
        ]),
        ("aws sqs delete-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/b",
            33, vec![format!("{URL}billing.fifo ")]),
        ("aws sqs delete-queue --queue-url 'https://sqs.us-east-1.amazonaws.com/123456789012/b",
            33, vec![format!("'{URL}billing.fifo' ")]),
        ("aws sqs delete-queue --queue-url=https://sqs.us-east-1.amazonaws.com/123456789012/orders-",
            33, vec![format!("{URL}orders-dlq ")]),
        ("aws sqs get-queue-url --queue-name o", 35, v(&["orders", "orders-dlq"])),
        ("aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:orders-",
            45, vec![format!("{ARN}orders-dlq ")]),
        ("aws sns subscribe --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:b",
            57, vec![format!("{ARN}billing.fifo ")]),
        ("aws sns subscribe --protocol email --notification-endpoint ", 59, v(&["ops@example.com "])),
        // Topic ARNs, fixed choices, attribute names.
        ("aws sns publish --topic-arn ", 28, v(&["arn:aws:sns:us-east-1:123456789012:events "])),
        ("aws sns subscribe --protocol e", 29, v(&["email", "email-json"])),
        ("aws sns subscribe --protocol ", 29, v(&[
            "email", "email-json", "http", "https", "lambda", "sms", "sqs",
        ])),
        ("aws sqs list-queues --output ", 29, v(&["json", "off", "table", "text", "yaml", "yaml-stream"])),
        ("aws sqs list-queues --output=te", 29, v(&["text "])),
        ("aws sqs get-queue-attributes --attribute-names Approx", 47, v(&[
            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesDelayed",
            "ApproximateNumberOfMessagesNotVisible",
        ])),
        ("aws sqs get-queue-attributes --attribute-names QueueArn Vis", 56, v(&["VisibilityTimeout "])),
        ("aws sqs get-queue-attributes --attribute-names QueueArn Queue", 56, v(&[])),
        ("aws sqs receive-message --message-system-attribute-names Sen", 57, v(&["SenderId", "SentTimestamp"])),
        ("aws sns set-subscription-attributes --attribute-name Raw", 53, v(&["RawMessageDelivery "])),
        // Variables, in and out of quotes and braces.
        ("echo $Q", 6, v(&["QUEUE_URL", "QUIET"])),
        ("echo $QUE", 6, v(&["QUEUE_URL "])),
        ("aws sqs delete-queue --queue-url \"$QUE", 35, v(&["QUEUE_URL"])),
        ("echo ${T", 7, v(&["TOPIC} "])),
        ("echo '$T", 5, v(&[])),
        ("echo $X", 6, v(&[])),
        // Simulator controls.
        (
            "fanout ",
            7,
            v(&["access", "actor", "chaos", "clock", "confirm", "endpoint", "file", "inbox", "seed"]),
        ),
        ("fanout acc", 7, v(&["access "])),
        ("fanout clock ", 13, v(&["advance", "run-until-idle", "speed"])),
        ("fanout clock run-until-idle --", 28, v(&["--max "])),
        ("fanout actor consumer workers --queue-u", 30, v(&["--queue-url "])),
        ("fanout file ", 12, v(&["list", "remove", "show", "write"])),
        ("fanout access ", 14, v(&["lenient", "strict"])),
        ("fanout confirm ", 15, v(&["ops@example.com "])),
        ("fanout endpoint ops@example.com --a", 32, v(&["--available "])),
        ("fanout endpoint ops@example.com --available ", 44, v(&["false", "true"])),
        // Nothing to offer: comments, arguments of echo.
        ("# aws", 5, v(&[])),
        ("echo a", 5, v(&[])),
    ]
}

#[test]
fn completes_what_may_stand_at_the_cursor() {
    let s = session();
    let mut failures = Vec::new();
    for (marked, start, want) in cases() {
        let cursor = marked.find('▮').unwrap_or(marked.len());
        let line = marked.replace('▮', "");
        let got = complete(&line, cursor, s.engine(), s.shell());
        if (got.start, &got.candidates) != (start, &want) {
            failures.push(format!(
                "{marked:?}\n  want {start} {want:?}\n  got  {} {:?}",
                got.start, got.candidates
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn subscription_arns_are_the_confirmed_ones() {
    let s = session();
    let confirmed: Vec<String> = s
        .engine()
        .subscriptions()
        .filter(|x| x.confirmed)
        .map(|x| format!("{} ", x.arn))
        .collect();
    assert_eq!(
        confirmed.len(),
        1,
        "the sqs subscription needs no confirmation"
    );
    let line = "aws sns get-subscription-attributes --subscription-arn ";
    let got = complete(line, line.len(), s.engine(), s.shell());
    assert_eq!((got.start, got.candidates), (line.len(), confirmed));
}

#[test]
fn any_cursor_on_any_line_is_answered_without_a_panic() {
    let s = session();
    let lines = [
        "aws sqs send-message --queue-url \"$(aws sqs get-queue-url --queue-name o",
        "X=$(echo \"a ) b\" ; aws sns ",
        "é ü 'ñ \\",
        "fanout endpoint",
        "aws --output",
        "))) $( $( \" '",
    ];
    for line in lines {
        for cursor in 0..=line.len() + 2 {
            let got = complete(line, cursor, s.engine(), s.shell());
            assert!(got.start <= cursor.min(line.len()), "{line:?} at {cursor}");
        }
    }
}
