//! `aws help`, `aws sqs help`, `aws sns help` and `aws SERVICE OPERATION help`: a short
//! page for every command and option, written for Fanout (what each does, and where the
//! simulator differs), with links to the AWS CLI reference and the API reference.
//!
//! The texts are data: [`OPERATIONS`] by service and operation, [`OPTIONS`] by service,
//! operation (`*` for every operation of the service) and option. A unit test walks the
//! operation tables and fails when one lacks its text.

use super::aws::{invalid_choice, Kind, OperationSpec, OptionSpec, COMMON_OPTIONS};

/// `(service, operation, what it does)`.
pub const OPERATIONS: &[(&str, &str, &str)] = &[
    ("sqs", "add-permission", "Adds a statement to the queue's access policy that lets the given accounts call the given actions. Fanout keeps the statement under its label; the simulation has a single account."),
    ("sqs", "cancel-message-move-task", "Stops a running redrive task and prints how many messages it had moved."),
    ("sqs", "change-message-visibility", "Changes how long a received message stays hidden, counting from now. 0 makes it visible at once."),
    ("sqs", "change-message-visibility-batch", "Changes the visibility timeout of up to 10 received messages; each entry succeeds or fails on its own."),
    ("sqs", "create-queue", "Creates a standard or FIFO queue and prints its URL. Creating an existing queue with the same attributes prints the same URL."),
    ("sqs", "delete-message", "Deletes a received message by its receipt handle."),
    ("sqs", "delete-message-batch", "Deletes up to 10 received messages; each entry succeeds or fails on its own."),
    ("sqs", "delete-queue", "Deletes a queue and its messages. Its name cannot be reused for 60 virtual seconds."),
    ("sqs", "get-queue-attributes", "Prints a queue's attributes, counters included."),
    ("sqs", "get-queue-url", "Prints the URL of the queue with the given name."),
    ("sqs", "list-dead-letter-source-queues", "Lists the queues whose redrive policy names this queue as their dead-letter queue."),
    ("sqs", "list-message-move-tasks", "Lists the most recent redrive tasks of a dead-letter queue, newest first."),
    ("sqs", "list-queue-tags", "Prints a queue's tags."),
    ("sqs", "list-queues", "Lists queue URLs, optionally those whose names start with a prefix."),
    ("sqs", "purge-queue", "Deletes every message of a queue. Allowed once per 60 virtual seconds."),
    ("sqs", "receive-message", "Receives up to 10 messages and hides them for the visibility timeout. With a wait time it long-polls: the virtual clock runs until a message arrives or the wait ends."),
    ("sqs", "remove-permission", "Removes the access policy statement with the given label."),
    ("sqs", "send-message", "Sends one message to a queue and prints its id and MD5 digests."),
    ("sqs", "send-message-batch", "Sends up to 10 messages at once; each entry succeeds or fails on its own."),
    ("sqs", "set-queue-attributes", "Changes queue attributes such as the visibility timeout, delay, retention or redrive policy."),
    ("sqs", "start-message-move-task", "Starts moving the messages of a dead-letter queue back to their source queues, or to another queue, a batch every virtual second."),
    ("sqs", "tag-queue", "Adds or replaces tags on a queue."),
    ("sqs", "untag-queue", "Removes tags from a queue."),
    ("sns", "confirm-subscription", "Confirms a pending subscription with the token SNS sent to its endpoint (see `fanout inbox` and `fanout confirm`)."),
    ("sns", "create-topic", "Creates a standard or FIFO topic and prints its ARN. Creating an existing topic with the same attributes prints the same ARN."),
    ("sns", "delete-topic", "Deletes a topic and its subscriptions."),
    ("sns", "get-subscription-attributes", "Prints a subscription's attributes: filter policy, raw delivery, redrive policy and more."),
    ("sns", "get-topic-attributes", "Prints a topic's attributes, counts of subscriptions included."),
    ("sns", "list-subscriptions", "Lists every subscription; the CLI follows the pages itself."),
    ("sns", "list-subscriptions-by-topic", "Lists the subscriptions of one topic."),
    ("sns", "list-tags-for-resource", "Prints a topic's tags."),
    ("sns", "list-topics", "Lists every topic ARN; the CLI follows the pages itself."),
    ("sns", "publish", "Publishes a message to a topic; every subscription whose filter policy matches gets a copy, delivered on the virtual clock."),
    ("sns", "publish-batch", "Publishes up to 10 messages to a topic; each entry succeeds or fails on its own."),
    ("sns", "set-subscription-attributes", "Changes one attribute of a subscription, such as FilterPolicy or RawMessageDelivery."),
    ("sns", "set-topic-attributes", "Changes one attribute of a topic, such as DisplayName, Policy or DeliveryPolicy."),
    ("sns", "subscribe", "Subscribes an endpoint (an SQS queue, a Lambda function, an HTTP(S) URL, an email address or a phone number) to a topic. HTTP(S) and email subscriptions wait for confirmation."),
    ("sns", "tag-resource", "Adds or replaces tags on a topic."),
    ("sns", "unsubscribe", "Deletes a subscription."),
    ("sns", "untag-resource", "Removes tags from a topic."),
];

/// `(service, operation or "*", option, what it does)`; `*` rows serve every operation
/// of the service (and, with service `*`, every service) unless a row names it.
pub const OPTIONS: &[(&str, &str, &str, &str)] = &[
    ("sqs", "*", "--queue-url", "The queue's URL, as create-queue or get-queue-url print it. Taken as written, never read from a file."),
    ("sqs", "*", "--label", "The name of the access policy statement."),
    ("sqs", "*", "--aws-account-ids", "Account numbers (12 digits) the statement allows."),
    ("sqs", "*", "--actions", "SQS actions the statement allows, such as SendMessage, or * for all."),
    ("sqs", "*", "--task-handle", "The handle start-message-move-task printed."),
    ("sqs", "*", "--receipt-handle", "The handle of one receive of the message (each receive gives a new one)."),
    ("sqs", "change-message-visibility", "--visibility-timeout", "Seconds (0 to 43200) the message stays hidden from now."),
    ("sqs", "receive-message", "--visibility-timeout", "Seconds the received messages stay hidden, instead of the queue's VisibilityTimeout."),
    ("sqs", "change-message-visibility-batch", "--entries", "Entries with Id, ReceiptHandle and VisibilityTimeout, in shorthand or JSON."),
    ("sqs", "delete-message-batch", "--entries", "Entries with Id and ReceiptHandle, in shorthand or JSON."),
    ("sqs", "send-message-batch", "--entries", "Entries with Id, MessageBody and the optional send-message members, in shorthand or JSON."),
    ("sqs", "*", "--queue-name", "The queue's name: up to 80 letters, digits, - and _; a FIFO queue's name ends in .fifo."),
    ("sqs", "create-queue", "--attributes", "Queue attributes as Name=Value pairs or a JSON object, such as VisibilityTimeout=60 or FifoQueue=true."),
    ("sqs", "set-queue-attributes", "--attributes", "The attributes to change, as Name=Value pairs or a JSON object."),
    ("sqs", "create-queue", "--tags", "Tags for the new queue, as Key=Value pairs."),
    ("sqs", "tag-queue", "--tags", "Tags to add, as Key=Value pairs."),
    ("sqs", "get-queue-attributes", "--attribute-names", "The attributes to print; All prints every one. Without it nothing is printed."),
    ("sqs", "receive-message", "--attribute-names", "System attributes to return with each message (older name of --message-system-attribute-names)."),
    ("sqs", "*", "--queue-owner-aws-account-id", "Accepted and ignored: the simulation has one account."),
    ("sqs", "*", "--next-token", "Continues a listing where the previous page stopped."),
    ("sqs", "*", "--max-results", "The most items one page holds."),
    ("sqs", "*", "--source-arn", "The ARN of the dead-letter queue to redrive."),
    ("sqs", "*", "--queue-name-prefix", "Only queues whose names start with this."),
    ("sqs", "*", "--message-system-attribute-names", "System attributes to return with each message, such as ApproximateReceiveCount or SentTimestamp, or All."),
    ("sqs", "*", "--message-attribute-names", "Message attributes to return: names, prefixes such as color.*, or All."),
    ("sqs", "*", "--max-number-of-messages", "How many messages to return at most (1 to 10)."),
    ("sqs", "*", "--wait-time-seconds", "Long polling: seconds (0 to 20) to wait for a message; virtual time runs meanwhile."),
    ("sqs", "*", "--receive-request-attempt-id", "FIFO queues: retrying with the same id returns the same messages."),
    ("sqs", "*", "--message-body", "The message text (at least one character, up to the queue's MaximumMessageSize)."),
    ("sqs", "*", "--delay-seconds", "Seconds (0 to 900) before the message becomes visible; standard queues only."),
    ("sqs", "*", "--message-attributes", "Up to 10 attributes, as Name={DataType=String,StringValue=x} or JSON."),
    ("sqs", "*", "--message-system-attributes", "The AWSTraceHeader system attribute, in the same form as message attributes."),
    ("sqs", "*", "--message-deduplication-id", "FIFO queues: a second send with the same id within 5 minutes is accepted and dropped."),
    ("sqs", "*", "--message-group-id", "FIFO queues: messages of one group are delivered in order, one batch at a time. Standard queues use it for fair queuing."),
    ("sqs", "*", "--destination-arn", "Where to move the messages; without it they go back to their source queues."),
    ("sqs", "*", "--max-number-of-messages-per-second", "How many messages the task moves per virtual second."),
    ("sqs", "*", "--tag-keys", "The keys of the tags to remove."),
    ("sns", "*", "--topic-arn", "The topic's ARN, as create-topic prints it."),
    ("sns", "*", "--token", "The token from the confirmation message the endpoint received."),
    ("sns", "*", "--authenticate-on-unsubscribe", "true makes unsubscribing need the owner's credentials; the subscription then shows ConfirmationWasAuthenticated true."),
    ("sns", "*", "--name", "The topic's name: up to 256 letters, digits, - and _; a FIFO topic's name ends in .fifo."),
    ("sns", "create-topic", "--attributes", "Topic attributes as Name=Value pairs or JSON, such as FifoTopic=true or DisplayName=Orders."),
    ("sns", "subscribe", "--attributes", "Subscription attributes as Name=Value pairs or JSON, such as RawMessageDelivery=true or FilterPolicy."),
    ("sns", "create-topic", "--tags", "Tags for the new topic, as Key=k,Value=v entries."),
    ("sns", "tag-resource", "--tags", "Tags to add, as Key=k,Value=v entries."),
    ("sns", "*", "--data-protection-policy", "Stored with the topic as its DataProtectionPolicy attribute; Fanout does not apply it to messages."),
    ("sns", "*", "--subscription-arn", "The subscription's ARN, as subscribe or list-subscriptions print it."),
    ("sns", "*", "--next-token", "Continues a listing where the previous page stopped."),
    ("sns", "*", "--resource-arn", "The topic's ARN."),
    ("sns", "*", "--target-arn", "Accepted as the topic to publish to; mobile push endpoints are not simulated."),
    ("sns", "*", "--phone-number", "Accepted; direct SMS publishing is not simulated."),
    ("sns", "*", "--message", "The message (up to 256 KiB); with --message-structure json, a JSON object of one text per protocol with a default."),
    ("sns", "*", "--subject", "A subject line for email endpoints and the envelope (under 100 characters, one line)."),
    ("sns", "*", "--message-structure", "json to send a different text to each protocol."),
    ("sns", "*", "--message-attributes", "Attributes that filter policies match, as Name={DataType=String,StringValue=x} or JSON."),
    ("sns", "*", "--message-deduplication-id", "FIFO topics: a second publish with the same id within 5 minutes is accepted and dropped."),
    ("sns", "*", "--message-group-id", "FIFO topics: the group whose messages keep their order."),
    ("sns", "*", "--publish-batch-request-entries", "Entries with Id, Message and the optional publish members, in shorthand or JSON."),
    ("sns", "*", "--attribute-name", "The attribute to change."),
    ("sns", "*", "--attribute-value", "Its new value; without it the attribute is cleared."),
    ("sns", "*", "--protocol", "sqs, lambda, http, https, email, email-json or sms."),
    ("sns", "*", "--notification-endpoint", "Where deliveries go: a queue or function ARN, a URL, an address or a number (see `fanout endpoint`). Taken as written, never read from a file."),
    ("sns", "*", "--return-subscription-arn", "Print the subscription's ARN even while it waits for confirmation."),
    ("sns", "*", "--no-return-subscription-arn", "Print \"pending confirmation\" for a subscription that waits for confirmation (the default)."),
    ("sns", "*", "--tag-keys", "The keys of the tags to remove."),
    ("*", "*", "--starting-token", "Continues from the NextToken a previous call with --max-items printed."),
    ("*", "*", "--page-size", "How many items each call the CLI makes asks for."),
    ("*", "*", "--max-items", "The most items to print; a NextToken follows when there are more."),
    ("*", "*", "--cli-input-json", "The whole request as a JSON object of API member names (as --generate-cli-skeleton prints), inline or file://NAME. Options on the line win over its members."),
    ("*", "*", "--cli-input-yaml", "Accepted by the AWS CLI; Fanout reads requests from --cli-input-json only."),
    ("*", "*", "--generate-cli-skeleton", "Prints a request template (input, the default) for --cli-input-json, or a made-up response (output) after checking the options, without calling anything."),
];

/// `(option, what it does)` for the options every `aws` command takes.
const GLOBAL_OPTIONS: &[(&str, &str)] = &[
    ("--output", "json (the default) or text."),
    ("--query", "A JMESPath expression that picks what to print."),
    (
        "--region",
        "Accepted and ignored: everything is in us-east-1.",
    ),
    (
        "--profile",
        "Accepted and ignored: there are no credentials to choose.",
    ),
    (
        "--endpoint-url",
        "Accepted and ignored: every call goes to the simulator.",
    ),
    (
        "--cli-binary-format",
        "base64 (the default: binary values are base64 text) or raw-in-base64-out.",
    ),
    ("--no-paginate", "Accepted and ignored."),
    ("--color", "Accepted and ignored."),
    ("--debug", "Accepted and ignored."),
    ("--no-cli-pager", "Accepted and ignored: nothing is paged."),
    (
        "--no-verify-ssl, --no-sign-request",
        "Accepted and ignored.",
    ),
    (
        "--cli-read-timeout, --cli-connect-timeout",
        "Accepted and ignored.",
    ),
    (
        "--cli-auto-prompt, --no-cli-auto-prompt",
        "Accepted and ignored.",
    ),
];

/// `aws help TOPIC` topics.
const TOPICS: &[(&str, &str)] = &[
    ("topics", "Lists these topics."),
    (
        "return-codes",
        "What the exit statuses of aws commands mean.",
    ),
];

const RETURN_CODES: &str = "\
Exit statuses of aws commands in Fanout, as the AWS CLI gives them:

  0    The command succeeded (help and skeletons too).
  252  The command line was wrong: a missing or unknown option, a bad choice, bad
       shorthand or JSON, a file that cannot be read, or parameters that fail validation.
  254  The service refused the request: `An error occurred (CODE) when calling ...`.
  255  Another error, such as a number or base64 value Python cannot read.

Script lines that are not aws commands: 127 for an unknown command, 2 for a script that
cannot be parsed, 1 for a refused fanout control.
";

const WIDTH: usize = 88;

/// Words of `text` on lines of at most `WIDTH` columns, each starting with `indent`.
fn wrap(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > WIDTH {
            out.push_str(&format!("{indent}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&format!("{indent}{line}\n"));
    }
    out
}

fn api_reference(service: &str, operation: &str) -> String {
    match service {
        "sns" => format!("https://docs.aws.amazon.com/sns/latest/api/API_{operation}.html"),
        _ => format!(
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_{operation}.html"
        ),
    }
}

fn service_title(service: &str) -> &'static str {
    match service {
        "sns" => "Amazon SNS (Simple Notification Service)",
        _ => "Amazon SQS (Simple Queue Service)",
    }
}

/// The text of an operation, if the table has it.
pub fn operation_text(service: &str, name: &str) -> Option<&'static str> {
    OPERATIONS
        .iter()
        .find(|(s, o, _)| *s == service && *o == name)
        .map(|(_, _, t)| *t)
}

/// The text of an option of an operation, if the table has it.
pub fn option_text(service: &str, operation: &str, option: &str) -> Option<&'static str> {
    let find = |s: &str, o: &str| {
        OPTIONS
            .iter()
            .find(|(ts, to, name, _)| *ts == s && *to == o && *name == option)
            .map(|(_, _, _, t)| *t)
    };
    find(service, operation)
        .or_else(|| find(service, "*"))
        .or_else(|| find("*", "*"))
}

/// `aws help [TOPIC]`; `Err` is argparse's complaint about an unknown topic.
pub fn aws_help(args: &[String]) -> Result<String, String> {
    match args.first().map(String::as_str) {
        None => Ok(overview()),
        Some("topics") => Ok(TOPICS
            .iter()
            .map(|(name, text)| format!("  {name:<14}{text}\n"))
            .collect()),
        Some("return-codes") => Ok(RETURN_CODES.to_string()),
        Some(other) => {
            let names: Vec<&str> = TOPICS.iter().map(|(n, _)| *n).collect();
            Err(format!(
                "argument subcommand: {}",
                invalid_choice(other, &names)
            ))
        }
    }
}

fn overview() -> String {
    let mut out = String::from("aws\n\n");
    out.push_str(&wrap(
        "Fanout runs AWS CLI commands against a simulation of Amazon SQS and Amazon SNS on a virtual clock: no account, no network, no cost. Output and errors are printed as the AWS CLI v2 prints them.",
        "  ",
    ));
    out.push_str("\nSYNOPSIS\n    aws [options] <command> <subcommand> [parameters]\n\n");
    out.push_str("SERVICES\n");
    out.push_str(
        "  sqs    Amazon SQS: queues, messages, dead-letter queues, redrive (aws sqs help)\n",
    );
    out.push_str("  sns    Amazon SNS: topics, subscriptions, fanout, filters (aws sns help)\n\n");
    out.push_str("GLOBAL OPTIONS\n");
    for (name, text) in GLOBAL_OPTIONS {
        out.push_str(&format!("  {name}\n"));
        out.push_str(&wrap(text, "      "));
    }
    out.push_str("\nFILES\n");
    out.push_str(&wrap(
        "Any parameter value file://NAME (text) or fileb://NAME (bytes) is read from the virtual file area, which `fanout file write NAME TEXT` fills (`fanout file list`, `fanout file show NAME`); `fanout run` also reads the real file system. In shorthand, write Key@=file://NAME.",
        "  ",
    ));
    out.push_str("\nMORE\n");
    out.push_str("  aws help topics, aws help return-codes\n");
    out.push_str(
        "  AWS CLI reference: https://docs.aws.amazon.com/cli/latest/reference/index.html\n",
    );
    out
}

/// `aws sqs help`, `aws sns help`.
pub fn service_help(service: &str, operations: &[OperationSpec]) -> String {
    let mut out = format!("{service}\n\n");
    out.push_str(&wrap(
        &format!(
            "{} in Fanout's simulation. Run `aws {service} OPERATION help` for an operation's options.",
            service_title(service)
        ),
        "  ",
    ));
    out.push_str(&format!(
        "\n  AWS CLI reference: https://docs.aws.amazon.com/cli/latest/reference/{service}/index.html\n"
    ));
    let api_index = match service {
        "sns" => "https://docs.aws.amazon.com/sns/latest/api/API_Operations.html",
        _ => "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_Operations.html",
    };
    out.push_str(&format!(
        "  API reference:     {api_index}\n\nAVAILABLE COMMANDS\n"
    ));
    for spec in operations {
        out.push_str(&format!("  {}\n", spec.name));
        out.push_str(&wrap(
            operation_text(service, spec.name).unwrap_or_default(),
            "      ",
        ));
    }
    out
}

/// The synopsis line of one option: required bare, optional in brackets, a pair of
/// switches as `[--a | --no-a]`.
fn synopsis_line(o: &OptionSpec, next: Option<&OptionSpec>) -> Option<String> {
    let body = match (o.kind, next.map(|n| (n.kind, n.member))) {
        (Kind::Flag(true), Some((Kind::Flag(false), member))) if member == o.member => {
            format!("{} | {}", o.name, next.map(|n| n.name).unwrap_or_default())
        }
        (Kind::Flag(false), _) => return None,
        (Kind::Flag(true), _) => o.name.to_string(),
        _ => format!("{} <value>", o.name),
    };
    Some(if o.required {
        body
    } else {
        format!("[{body}]")
    })
}

fn option_type(o: &OptionSpec) -> &'static str {
    use super::params::Shape;
    match o.kind {
        Kind::Text | Kind::Ignored => "string",
        Kind::Integer | Kind::PageInt => "integer",
        Kind::Flag(_) => "boolean",
        Kind::Param(Shape::List(_)) => "list",
        Kind::Param(Shape::Map(_)) => "map",
        Kind::Param(_) => "structure",
    }
}

/// `aws SERVICE OPERATION help`.
pub fn operation_help(service: &str, spec: &OperationSpec) -> String {
    let mut out = format!("{} ({service})\n\n", spec.name);
    out.push_str(&wrap(
        operation_text(service, spec.name).unwrap_or_default(),
        "  ",
    ));
    out.push_str(&format!(
        "\n  AWS CLI reference: https://docs.aws.amazon.com/cli/latest/reference/{service}/{}.html\n  API reference:     {}\n",
        spec.name,
        api_reference(service, spec.operation)
    ));
    out.push_str(&format!("\nSYNOPSIS\n    {}\n", spec.name));
    let options: Vec<&OptionSpec> = spec.options.iter().collect();
    for (i, o) in options.iter().enumerate() {
        if let Some(line) = synopsis_line(o, options.get(i + 1).copied()) {
            out.push_str(&format!("    {line}\n"));
        }
    }
    out.push_str(
        "    [--cli-input-json | --cli-input-yaml]\n    [--generate-cli-skeleton <value>]\n",
    );
    out.push_str("\nOPTIONS\n");
    for o in spec.options.iter().chain(COMMON_OPTIONS) {
        let required = if o.required { ", required" } else { "" };
        out.push_str(&format!("  {} ({}{required})\n", o.name, option_type(o)));
        out.push_str(&wrap(
            option_text(service, spec.name, o.name).unwrap_or_default(),
            "      ",
        ));
    }
    out.push_str("\n  Global options: aws help\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::aws::SQS_OPERATIONS;
    use crate::cli::sns::SNS_OPERATIONS;

    #[test]
    fn every_operation_and_option_has_its_text() {
        let mut missing = Vec::new();
        for (service, operations) in [("sqs", SQS_OPERATIONS), ("sns", SNS_OPERATIONS)] {
            for spec in operations {
                if operation_text(service, spec.name).is_none() {
                    missing.push(format!("{service} {}", spec.name));
                }
                for o in spec.options.iter().chain(COMMON_OPTIONS) {
                    if option_text(service, spec.name, o.name).is_none() {
                        missing.push(format!("{service} {} {}", spec.name, o.name));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "no help text for: {}",
            missing.join("; ")
        );
    }

    #[test]
    fn every_text_belongs_to_an_operation() {
        for (service, op, _) in OPERATIONS {
            let operations = if *service == "sns" {
                SNS_OPERATIONS
            } else {
                SQS_OPERATIONS
            };
            assert!(operations.iter().any(|o| o.name == *op), "{service} {op}");
        }
        for (service, op, option, _) in OPTIONS.iter().filter(|(_, op, _, _)| *op != "*") {
            let operations = if *service == "sns" {
                SNS_OPERATIONS
            } else {
                SQS_OPERATIONS
            };
            let spec = operations.iter().find(|o| o.name == *op);
            assert!(
                spec.is_some_and(|s| s.options.iter().any(|o| o.name == *option)),
                "{service} {op} {option}"
            );
        }
    }

    #[test]
    fn synopsis_brackets_optional_options_and_pairs_switches() {
        let subscribe = SNS_OPERATIONS
            .iter()
            .find(|o| o.name == "subscribe")
            .unwrap();
        let page = operation_help("sns", subscribe);
        assert!(page.contains("    --topic-arn <value>\n    --protocol <value>\n    [--notification-endpoint <value>]\n"), "{page}");
        assert!(
            page.contains("    [--return-subscription-arn | --no-return-subscription-arn]\n"),
            "{page}"
        );
        assert!(
            page.contains("https://docs.aws.amazon.com/cli/latest/reference/sns/subscribe.html")
        );
        assert!(page.contains("https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html"));
    }

    #[test]
    fn long_texts_wrap() {
        let w = wrap(&"word ".repeat(40), "  ");
        assert!(w.lines().all(|l| l.len() <= WIDTH));
        assert_eq!(w.split_whitespace().count(), 40);
    }
}
