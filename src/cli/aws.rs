//! `aws sqs <operation> --option value ...` → an engine [`Command`], with the AWS CLI's
//! usage and parameter errors. Each operation is a row of data: its options (in the API's
//! member order, which is the order the AWS CLI processes them), the API member each one
//! sets and how its value is read.

use super::files::ParamFiles;
use super::params::{self, Member, Shape};
use super::{help, pyjson};
use crate::collect_map::CollectMap;
use crate::engine::{
    ChangeMessageVisibilityBatchEntry, Command, DeleteMessageBatchEntry, MessageAttributeValue,
    MessageAttributes, MessageInput, ReceiveInput, SendMessageBatchEntry,
};
use crate::stable_sort::stable_sort_by;
use litemap::LiteMap;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// How the AWS CLI reads an option's value.
#[derive(Clone, Copy)]
pub enum Kind {
    Text,
    /// An API integer: Python's `int()` reads it when the command runs.
    Integer,
    /// The CLI's own paging numbers (`--max-items`, `--page-size`), read by argparse.
    PageInt,
    /// A list, map or structure: shorthand or JSON (see `params`). Lists take any
    /// number of arguments.
    Param(&'static Shape),
    /// A string the simulation accepts and ignores (there is one account).
    Ignored,
    /// A boolean switch (`--return-subscription-arn`): sets its member to this value.
    Flag(bool),
}

pub struct OptionSpec {
    pub name: &'static str,
    /// The API member it sets (`QueueUrl`); empty for CLI-only options.
    pub member: &'static str,
    pub kind: Kind,
    pub required: bool,
}

impl OptionSpec {
    fn takes_many(&self) -> bool {
        matches!(self.kind, Kind::Param(Shape::List(_)))
    }
}

pub struct OperationSpec {
    pub name: &'static str,
    pub operation: &'static str,
    pub options: &'static [OptionSpec],
}

pub(super) const fn opt(
    name: &'static str,
    member: &'static str,
    kind: Kind,
    required: bool,
) -> OptionSpec {
    OptionSpec {
        name,
        member,
        kind,
        required,
    }
}

const QUEUE_URL: OptionSpec = opt("--queue-url", "QueueUrl", Kind::Text, true);
pub(super) const STRINGS: Kind = Kind::Param(&params::STRING_LIST);
const ATTRIBUTE_NAMES: Kind = Kind::Param(&params::QUEUE_ATTRIBUTE_NAMES);
pub(super) const STRING_MAP: Kind = Kind::Param(&params::STRING_MAP);
const ATTRIBUTES: Kind = Kind::Param(&params::MESSAGE_ATTRIBUTES);
/// The AWS CLI's pagination options for paginated operations.
pub(super) const STARTING_TOKEN: OptionSpec = opt("--starting-token", "", Kind::Text, false);
pub(super) const PAGE_SIZE: OptionSpec = opt("--page-size", "", Kind::PageInt, false);
pub(super) const MAX_ITEMS: OptionSpec = opt("--max-items", "", Kind::PageInt, false);

/// SQS operations, in the order `aws sqs` lists them.
pub const SQS_OPERATIONS: &[OperationSpec] = &[
    OperationSpec {
        name: "add-permission",
        operation: "AddPermission",
        options: &[
            QUEUE_URL,
            opt("--label", "Label", Kind::Text, true),
            opt("--aws-account-ids", "AWSAccountIds", STRINGS, true),
            opt("--actions", "Actions", STRINGS, true),
        ],
    },
    OperationSpec {
        name: "cancel-message-move-task",
        operation: "CancelMessageMoveTask",
        options: &[opt("--task-handle", "TaskHandle", Kind::Text, true)],
    },
    OperationSpec {
        name: "change-message-visibility",
        operation: "ChangeMessageVisibility",
        options: &[
            QUEUE_URL,
            opt("--receipt-handle", "ReceiptHandle", Kind::Text, true),
            opt(
                "--visibility-timeout",
                "VisibilityTimeout",
                Kind::Integer,
                true,
            ),
        ],
    },
    OperationSpec {
        name: "change-message-visibility-batch",
        operation: "ChangeMessageVisibilityBatch",
        options: &[
            QUEUE_URL,
            opt(
                "--entries",
                "Entries",
                Kind::Param(&params::CHANGE_MESSAGE_VISIBILITY_BATCH_ENTRIES),
                true,
            ),
        ],
    },
    OperationSpec {
        name: "create-queue",
        operation: "CreateQueue",
        options: &[
            opt("--queue-name", "QueueName", Kind::Text, true),
            opt("--attributes", "Attributes", STRING_MAP, false),
            opt("--tags", "tags", STRING_MAP, false),
        ],
    },
    OperationSpec {
        name: "delete-message",
        operation: "DeleteMessage",
        options: &[
            QUEUE_URL,
            opt("--receipt-handle", "ReceiptHandle", Kind::Text, true),
        ],
    },
    OperationSpec {
        name: "delete-message-batch",
        operation: "DeleteMessageBatch",
        options: &[
            QUEUE_URL,
            opt(
                "--entries",
                "Entries",
                Kind::Param(&params::DELETE_MESSAGE_BATCH_ENTRIES),
                true,
            ),
        ],
    },
    OperationSpec {
        name: "delete-queue",
        operation: "DeleteQueue",
        options: &[QUEUE_URL],
    },
    OperationSpec {
        name: "get-queue-attributes",
        operation: "GetQueueAttributes",
        options: &[
            QUEUE_URL,
            opt(
                "--attribute-names",
                "AttributeNames",
                ATTRIBUTE_NAMES,
                false,
            ),
        ],
    },
    OperationSpec {
        name: "get-queue-url",
        operation: "GetQueueUrl",
        options: &[
            opt("--queue-name", "QueueName", Kind::Text, true),
            opt(
                "--queue-owner-aws-account-id",
                "QueueOwnerAWSAccountId",
                Kind::Ignored,
                false,
            ),
        ],
    },
    OperationSpec {
        name: "list-dead-letter-source-queues",
        operation: "ListDeadLetterSourceQueues",
        options: &[
            QUEUE_URL,
            opt("--next-token", "NextToken", Kind::Text, false),
            opt("--max-results", "MaxResults", Kind::Integer, false),
            STARTING_TOKEN,
            PAGE_SIZE,
            MAX_ITEMS,
        ],
    },
    OperationSpec {
        name: "list-message-move-tasks",
        operation: "ListMessageMoveTasks",
        options: &[
            opt("--source-arn", "SourceArn", Kind::Text, true),
            opt("--max-results", "MaxResults", Kind::Integer, false),
        ],
    },
    OperationSpec {
        name: "list-queue-tags",
        operation: "ListQueueTags",
        options: &[QUEUE_URL],
    },
    OperationSpec {
        name: "list-queues",
        operation: "ListQueues",
        options: &[
            opt("--queue-name-prefix", "QueueNamePrefix", Kind::Text, false),
            opt("--next-token", "NextToken", Kind::Text, false),
            opt("--max-results", "MaxResults", Kind::Integer, false),
            STARTING_TOKEN,
            PAGE_SIZE,
            MAX_ITEMS,
        ],
    },
    OperationSpec {
        name: "purge-queue",
        operation: "PurgeQueue",
        options: &[QUEUE_URL],
    },
    OperationSpec {
        name: "receive-message",
        operation: "ReceiveMessage",
        options: &[
            QUEUE_URL,
            opt(
                "--attribute-names",
                "AttributeNames",
                ATTRIBUTE_NAMES,
                false,
            ),
            opt(
                "--message-system-attribute-names",
                "MessageSystemAttributeNames",
                Kind::Param(&params::MESSAGE_SYSTEM_ATTRIBUTE_NAMES),
                false,
            ),
            opt(
                "--message-attribute-names",
                "MessageAttributeNames",
                STRINGS,
                false,
            ),
            opt(
                "--max-number-of-messages",
                "MaxNumberOfMessages",
                Kind::Integer,
                false,
            ),
            opt(
                "--visibility-timeout",
                "VisibilityTimeout",
                Kind::Integer,
                false,
            ),
            opt(
                "--wait-time-seconds",
                "WaitTimeSeconds",
                Kind::Integer,
                false,
            ),
            opt(
                "--receive-request-attempt-id",
                "ReceiveRequestAttemptId",
                Kind::Text,
                false,
            ),
        ],
    },
    OperationSpec {
        name: "remove-permission",
        operation: "RemovePermission",
        options: &[QUEUE_URL, opt("--label", "Label", Kind::Text, true)],
    },
    OperationSpec {
        name: "send-message",
        operation: "SendMessage",
        options: &[
            QUEUE_URL,
            opt("--message-body", "MessageBody", Kind::Text, true),
            opt("--delay-seconds", "DelaySeconds", Kind::Integer, false),
            opt(
                "--message-attributes",
                "MessageAttributes",
                ATTRIBUTES,
                false,
            ),
            opt(
                "--message-system-attributes",
                "MessageSystemAttributes",
                ATTRIBUTES,
                false,
            ),
            opt(
                "--message-deduplication-id",
                "MessageDeduplicationId",
                Kind::Text,
                false,
            ),
            opt("--message-group-id", "MessageGroupId", Kind::Text, false),
        ],
    },
    OperationSpec {
        name: "send-message-batch",
        operation: "SendMessageBatch",
        options: &[
            QUEUE_URL,
            opt(
                "--entries",
                "Entries",
                Kind::Param(&params::SEND_MESSAGE_BATCH_ENTRIES),
                true,
            ),
        ],
    },
    OperationSpec {
        name: "set-queue-attributes",
        operation: "SetQueueAttributes",
        options: &[
            QUEUE_URL,
            opt("--attributes", "Attributes", STRING_MAP, true),
        ],
    },
    OperationSpec {
        name: "start-message-move-task",
        operation: "StartMessageMoveTask",
        options: &[
            opt("--source-arn", "SourceArn", Kind::Text, true),
            opt("--destination-arn", "DestinationArn", Kind::Text, false),
            opt(
                "--max-number-of-messages-per-second",
                "MaxNumberOfMessagesPerSecond",
                Kind::Integer,
                false,
            ),
        ],
    },
    OperationSpec {
        name: "tag-queue",
        operation: "TagQueue",
        options: &[QUEUE_URL, opt("--tags", "Tags", STRING_MAP, true)],
    },
    OperationSpec {
        name: "untag-queue",
        operation: "UntagQueue",
        options: &[QUEUE_URL, opt("--tag-keys", "TagKeys", STRINGS, true)],
    },
];

/// Options every `aws` command takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GlobalOptions {
    pub output: Option<String>,
    pub query: Option<String>,
    /// `--cli-binary-format`: `base64` (the default) or `raw-in-base64-out`.
    pub binary_format: Option<String>,
}

/// What an `aws` line asks for.
#[derive(Debug)]
pub enum Request {
    /// A call of the engine.
    Call(Invocation),
    /// Text for stdout, and success: help, an input skeleton.
    Print(String),
    /// `--generate-cli-skeleton output`: a made-up response, printed as a real one would be.
    OutputSkeleton {
        globals: GlobalOptions,
        operation: &'static str,
        response: Value,
    },
}

/// A parsed `aws` invocation, ready for the engine.
#[derive(Debug)]
pub struct Invocation {
    pub globals: GlobalOptions,
    pub command: Command,
}

/// What the AWS CLI prints on stderr before it calls anything, and its exit status:
/// 252 for usage and parameter errors, 255 for the errors it reports as general ones
/// (a bad integer or base64 value).
#[derive(Debug, PartialEq, Eq)]
pub struct ArgumentError {
    pub message: String,
    pub status: i32,
}

impl ArgumentError {
    /// `Error parsing parameter '--entries': ...` (status 252).
    pub fn param(cli_name: &str, message: impl AsRef<str>) -> ArgumentError {
        ArgumentError {
            message: format!(
                "\nError parsing parameter '{cli_name}': {}\n",
                message.as_ref()
            ),
            status: super::EXIT_USAGE,
        }
    }
    /// `Parameter validation failed:` and one line per problem (status 252).
    pub fn validation(report: impl AsRef<str>) -> ArgumentError {
        ArgumentError {
            message: format!("\nParameter validation failed:\n{}\n", report.as_ref()),
            status: super::EXIT_USAGE,
        }
    }
    /// An error the AWS CLI lets through to its general handler (status 255).
    pub fn general(message: impl AsRef<str>) -> ArgumentError {
        ArgumentError {
            message: format!("\n{}\n", message.as_ref()),
            status: super::EXIT_GENERAL,
        }
    }
}

const USAGE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

/// An argparse error: the usage text, then `aws: error: ...` (status 252). The AWS CLI
/// frames the argparse text (which ends in a newline) with a newline on each side.
fn usage(message: impl AsRef<str>) -> ArgumentError {
    ArgumentError {
        message: format!("\n{USAGE}\naws: error: {}\n\n", message.as_ref()),
        status: super::EXIT_USAGE,
    }
}

/// Arguments argparse did not take (status 252): the usage text and the list, without
/// the `aws: error:` prefix.
fn unknown_options(unknown: &[String]) -> ArgumentError {
    ArgumentError {
        message: format!("\n{USAGE}\nUnknown options: {}\n\n", unknown.join(", ")),
        status: super::EXIT_USAGE,
    }
}

/// argparse's "Invalid choice" text: the choices two to a line, each padded to 40
/// columns, then the close matches (`difflib.get_close_matches`, cutoff 0.8).
pub(super) fn invalid_choice(value: &str, choices: &[&str]) -> String {
    let mut msg = vec!["Invalid choice, valid choices are:\n".to_string()];
    for pair in choices.chunks(2) {
        msg.push(
            pair.iter()
                .map(|c| format!("{c:<40}"))
                .collect::<Vec<_>>()
                .join(" | "),
        );
    }
    let close = close_matches(value, choices);
    if !close.is_empty() {
        msg.push(format!(
            "\n\nInvalid choice: {}, maybe you meant:\n",
            params::py_repr_str(value)
        ));
        msg.extend(close.iter().map(|c| format!("  * {c}")));
    }
    msg.join("\n")
}

/// Python's `difflib.get_close_matches(word, possibilities, n=3, cutoff=0.8)`.
fn close_matches<'a>(word: &str, possibilities: &[&'a str]) -> Vec<&'a str> {
    let b: Vec<char> = word.chars().collect();
    let mut scored: Vec<(f64, &str)> = possibilities
        .iter()
        .filter_map(|p| {
            let a: Vec<char> = p.chars().collect();
            let total = (a.len() + b.len()) as f64;
            let ratio = 2.0 * matching_characters(&a, &b) as f64 / total;
            (ratio >= 0.8).then_some((ratio, *p))
        })
        .collect();
    stable_sort_by(&mut scored, |x, y| y.0.total_cmp(&x.0).then(y.1.cmp(x.1)));
    scored.into_iter().take(3).map(|(_, p)| p).collect()
}

/// The characters `difflib.SequenceMatcher` counts as matching: the longest common
/// block (earliest in `a`, then in `b`), then the same on each side of it.
fn matching_characters(a: &[char], b: &[char]) -> usize {
    let (mut best_i, mut best_j, mut best) = (0, 0, 0);
    let mut lengths = vec![0usize; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let mut next = vec![0usize; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            if ca == cb {
                let k = lengths[j] + 1;
                next[j + 1] = k;
                if k > best {
                    (best_i, best_j, best) = (i + 1 - k, j + 1 - k, k);
                }
            }
        }
        lengths = next;
    }
    if best == 0 {
        return 0;
    }
    best + matching_characters(&a[..best_i], &b[..best_j])
        + matching_characters(&a[best_i + best..], &b[best_j + best..])
}

const CLI_INPUT_JSON: &str = "--cli-input-json";
const CLI_INPUT_YAML: &str = "--cli-input-yaml";
const GENERATE_CLI_SKELETON: &str = "--generate-cli-skeleton";
const SKELETON_CHOICES: &[&str] = &["input", "output", "yaml-input"];

/// Options the AWS CLI adds to every operation (after the API's own).
pub(super) const COMMON_OPTIONS: &[OptionSpec] = &[
    opt(CLI_INPUT_JSON, "", Kind::Text, false),
    opt(CLI_INPUT_YAML, "", Kind::Text, false),
    opt(GENERATE_CLI_SKELETON, "", Kind::Text, false),
];

#[derive(Debug, Clone)]
enum Given {
    One(String),
    Many(Vec<String>),
}

impl Given {
    fn args(&self) -> &[String] {
        match self {
            Given::One(s) => std::slice::from_ref(s),
            Given::Many(v) => v,
        }
    }
}

/// The AWS CLI's global options that take a value; they may stand anywhere on the line.
pub const GLOBAL_OPTIONS: &[&str] = &[
    "--output",
    "--query",
    "--region",
    "--profile",
    "--endpoint-url",
    "--color",
    "--cli-read-timeout",
    "--cli-connect-timeout",
    "--cli-binary-format",
];
/// The AWS CLI's global switches.
pub const GLOBAL_SWITCHES: &[&str] = &[
    "--no-cli-pager",
    "--no-paginate",
    "--debug",
    "--no-verify-ssl",
    "--no-sign-request",
    "--cli-auto-prompt",
    "--no-cli-auto-prompt",
];

/// Reads one `aws` line: a call for the engine, or text to print (help, skeletons).
/// `files` serves the `file://` and `fileb://` values.
pub fn parse_request(args: &[String], files: ParamFiles) -> Result<Request, ArgumentError> {
    let mut globals = GlobalOptions::default();
    let mut rest: Vec<String> = Vec::new();
    let mut i = 0;
    // Global options may stand anywhere on the line.
    while i < args.len() {
        let a = &args[i];
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let takes_value = GLOBAL_OPTIONS.contains(&flag.as_str());
        let switch = GLOBAL_SWITCHES.contains(&flag.as_str());
        if takes_value {
            let value = match inline {
                Some(v) => v,
                None => {
                    i += 1;
                    args.get(i)
                        .cloned()
                        .ok_or_else(|| usage(format!("argument {flag}: expected one argument")))?
                }
            };
            match flag.as_str() {
                "--output" => {
                    let choices = super::output::OUTPUT_FORMATS;
                    if !choices.contains(&value.as_str()) {
                        return Err(usage(format!(
                            "argument --output: {}",
                            invalid_choice(&value, choices)
                        )));
                    }
                    globals.output = Some(value)
                }
                "--query" => globals.query = Some(value),
                "--cli-binary-format" => {
                    let choices = ["base64", "raw-in-base64-out"];
                    if !choices.contains(&value.as_str()) {
                        return Err(usage(format!(
                            "argument --cli-binary-format: {}",
                            invalid_choice(&value, &choices)
                        )));
                    }
                    globals.binary_format = Some(value)
                }
                _ => {}
            }
        } else if !switch {
            rest.push(a.clone());
        }
        i += 1;
    }
    // The first two words that are not options name the service and the operation;
    // options before them are the operation's (argparse passes them on).
    let mut words = rest.iter().enumerate().filter(|(_, w)| !w.starts_with('-'));
    let Some((service_at, service)) = words.next() else {
        return Err(usage("the following arguments are required: command"));
    };
    if service == "help" {
        return help::aws_help(&rest[service_at + 1..])
            .map(Request::Print)
            .map_err(usage);
    }
    let operations = match service.as_str() {
        "sqs" => SQS_OPERATIONS,
        "sns" => super::sns::SNS_OPERATIONS,
        _ => {
            return Err(usage(format!(
                "argument command: Invalid choice: '{service}' (Fanout simulates the sqs and sns services)"
            )))
        }
    };
    let Some((op_at, op_name)) = words.next() else {
        return Err(usage("the following arguments are required: operation"));
    };
    if op_name == "help" {
        return Ok(Request::Print(help::service_help(service, operations)));
    }
    let spec = operations
        .iter()
        .find(|o| o.name == op_name)
        .ok_or_else(|| {
            let mut names: Vec<&str> = operations.iter().map(|o| o.name).collect();
            names.push("help");
            usage(format!(
                "argument operation: {}",
                invalid_choice(op_name, &names)
            ))
        })?;
    let op_args: Vec<String> = rest
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != service_at && *i != op_at)
        .map(|(_, a)| a.clone())
        .collect();
    if op_args == ["help"] {
        return Ok(Request::Print(help::operation_help(service, spec)));
    }
    match parse_options(spec, &op_args)? {
        Some(given) => build(spec, &given, globals, files),
        None => Ok(Request::Print(help::operation_help(service, spec))),
    }
}

/// Does argparse take `arg` for an option rather than a value? (`-5` and anything with
/// a space are values.)
fn looks_like_option(arg: &str) -> bool {
    let Some(rest) = arg.strip_prefix('-') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let negative_number = digits(rest)
        || rest
            .split_once('.')
            .is_some_and(|(int, frac)| (int.is_empty() || digits(int)) && digits(frac));
    !rest.is_empty() && !negative_number && !arg.contains(' ')
}

/// The operation's options by name, or `None` when the line asks for the operation's help.
fn parse_options(
    spec: &OperationSpec,
    args: &[String],
) -> Result<Option<LiteMap<&'static str, Given>>, ArgumentError> {
    let mut given = LiteMap::new();
    let mut unknown = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let Some(o) = spec
            .options
            .iter()
            .chain(COMMON_OPTIONS)
            .find(|o| o.name == flag)
        else {
            unknown.push(a.clone());
            i += 1;
            continue;
        };
        if o.name == GENERATE_CLI_SKELETON {
            // An optional value (`input` when absent), checked against its choices.
            let value = match inline {
                Some(v) => v,
                None if i + 1 < args.len() && !looks_like_option(&args[i + 1]) => {
                    i += 1;
                    args[i].clone()
                }
                None => "input".to_string(),
            };
            if !SKELETON_CHOICES.contains(&value.as_str()) {
                return Err(usage(format!(
                    "argument {GENERATE_CLI_SKELETON}: {}",
                    invalid_choice(&value, SKELETON_CHOICES)
                )));
            }
            given.insert(o.name, Given::One(value));
            i += 1;
            continue;
        }
        // `--name=value` is the whole value, even for a list.
        if let Kind::Flag(_) = o.kind {
            given.insert(o.name, Given::One(String::new()));
            i += 1;
            continue;
        }
        let explicit = inline.is_some();
        let mut values: Vec<String> = inline.into_iter().collect();
        while !explicit && i + 1 < args.len() && !looks_like_option(&args[i + 1]) {
            if !o.takes_many() && !values.is_empty() {
                break;
            }
            i += 1;
            values.push(args[i].clone());
        }
        let v = if o.takes_many() {
            Given::Many(values)
        } else if values.is_empty() {
            return Err(usage(format!("argument {}: expected one argument", o.name)));
        } else {
            Given::One(values.remove(0))
        };
        if let Kind::PageInt = o.kind {
            // argparse reads these with `type=int`.
            let text = &v.args()[0];
            params::py_int(text)
                .map_err(|_| usage(format!("argument {}: invalid int value: '{text}'", o.name)))?;
        }
        given.insert(o.name, v);
        i += 1;
    }
    // argparse reports missing options; the AWS CLI then refuses what argparse left.
    // The whole input may come from --cli-input-json/yaml, and an input skeleton needs
    // none: then nothing is required here (the AWS CLI looks for the bare words).
    let skeleton_at = args.iter().position(|a| a == GENERATE_CLI_SKELETON);
    let overridden = args
        .iter()
        .any(|a| a == CLI_INPUT_JSON || a == CLI_INPUT_YAML)
        || skeleton_at.is_some_and(|at| args.get(at + 1).map(String::as_str) != Some("output"));
    let missing: Vec<&str> = spec
        .options
        .iter()
        .filter(|o| o.required && !overridden && !given.contains_key(o.name))
        .map(|o| o.name)
        .collect();
    if !missing.is_empty() {
        return Err(usage(format!(
            "the following arguments are required: {}",
            missing.join(", ")
        )));
    }
    // The AWS CLI gives argparse one optional positional, `help`: the first word that is
    // not an option fills it, and any other such word is reported after the rest.
    if let Some(at) = unknown.iter().position(|a| !a.starts_with('-')) {
        let positional = unknown.remove(at);
        if positional == "help" {
            return Ok(None);
        }
        unknown.push(positional);
    }
    if !unknown.is_empty() {
        return Err(unknown_options(&unknown));
    }
    Ok(Some(given))
}

/// The API parameters of one call, by member name, as the AWS CLI would send them.
pub(super) struct Params {
    pub(super) values: Map<String, Value>,
    raw_binary: bool,
}

impl Params {
    pub(super) fn get(&self, member: &str) -> Option<&Value> {
        self.values.get(member)
    }
    pub(super) fn text(&self, member: &str) -> Option<String> {
        self.get(member).and_then(Value::as_str).map(str::to_string)
    }
    pub(super) fn text_or_empty(&self, member: &str) -> String {
        self.text(member).unwrap_or_default()
    }
    fn int(&self, member: &str) -> Option<i64> {
        self.get(member).and_then(as_int)
    }
    pub(super) fn strings(&self, member: &str) -> Vec<String> {
        self.get(member).map(strings).unwrap_or_default()
    }
    pub(super) fn string_map(&self, member: &str) -> BTreeMap<String, String> {
        self.get(member).map(string_map).unwrap_or_default()
    }
    pub(super) fn entries(&self) -> Vec<&Map<String, Value>> {
        self.get("Entries")
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_object).collect())
            .unwrap_or_default()
    }
    pub(super) fn message_attributes(&self, v: Option<&Value>) -> MessageAttributes {
        let Some(Value::Object(m)) = v else {
            return MessageAttributes::new();
        };
        m.iter()
            .filter_map(|(name, v)| {
                let v = v.as_object()?;
                let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
                let binary_value = text("BinaryValue").map(|b| {
                    if let Some(bytes) = params::file_bytes(&b) {
                        bytes
                    } else if self.raw_binary {
                        b.into_bytes()
                    } else {
                        params::b64decode(&b).expect("checked before validation")
                    }
                });
                // StringListValues and BinaryListValues are reserved by SQS and not
                // simulated: they are accepted and dropped.
                Some((
                    name.clone(),
                    MessageAttributeValue {
                        data_type: text("DataType").unwrap_or_default(),
                        string_value: text("StringValue"),
                        binary_value,
                    },
                ))
            })
            .collect_map()
    }
    fn message(&self, m: &Map<String, Value>) -> MessageInput {
        let text = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_string);
        MessageInput {
            message_body: text("MessageBody").unwrap_or_default(),
            delay_seconds: m.get("DelaySeconds").and_then(as_int),
            message_attributes: self.message_attributes(m.get("MessageAttributes")),
            message_system_attributes: self.message_attributes(m.get("MessageSystemAttributes")),
            message_deduplication_id: text("MessageDeduplicationId"),
            message_group_id: text("MessageGroupId"),
        }
    }
}

fn as_int(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_u64().map(|_| i64::MAX))
        .or_else(|| v.as_bool().map(i64::from))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn string_map(v: &Value) -> BTreeMap<String, String> {
    v.as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect_map()
        })
        .unwrap_or_default()
}

/// Reads every option's value into API parameters (in API member order, stopping at the
/// first that fails), checks blobs and validates them, then builds the command.
fn build(
    spec: &OperationSpec,
    given: &LiteMap<&'static str, Given>,
    globals: GlobalOptions,
    files: ParamFiles,
) -> Result<Request, ArgumentError> {
    let load = |v: &str| files.load(v);
    let mut values = Map::new();
    let mut json_members = Vec::new();
    for o in spec.options {
        // CLI-only options (paging, the common ones) are not API members.
        let Some(g) = given.get(o.name).filter(|_| !o.member.is_empty()) else {
            continue;
        };
        let contents = paramfile(spec, o, g.args(), files)?.map(|c| [c]);
        let args = contents.as_ref().map_or(g.args(), |c| c.as_slice());
        let value = match o.kind {
            Kind::Text | Kind::Ignored => Value::String(args[0].clone()),
            Kind::Integer => Value::Number(
                params::py_int(&as_text(&args[0]))
                    .map_err(ArgumentError::general)?
                    .into(),
            ),
            Kind::Param(shape) => {
                let unpacked = params::unpack(o.name, shape, args, &load)?;
                if unpacked.json {
                    json_members.push(o.member);
                }
                unpacked.value
            }
            Kind::Flag(on) => Value::Bool(on),
            Kind::PageInt => continue,
        };
        values.insert(o.member.to_string(), value);
    }
    let input = match (given.get(CLI_INPUT_JSON), given.get(CLI_INPUT_YAML)) {
        (Some(_), Some(_)) => {
            return Err(ArgumentError {
                message: "\nOnly one --cli-input- parameter may be specified.\n".into(),
                status: super::EXIT_USAGE,
            })
        }
        (Some(g), None) => Some(cli_input_json(&g.args()[0], files)?),
        (None, Some(_)) => {
            return Err(ArgumentError::param(
                CLI_INPUT_YAML,
                "Fanout reads a whole request from --cli-input-json only",
            ))
        }
        (None, None) => None,
    };
    // Options on the command line win over the same members in the input.
    for (member, value) in input.into_iter().flatten() {
        values.entry(member).or_insert(value);
    }
    let members = input_members(spec);
    match given
        .get(GENERATE_CLI_SKELETON)
        .map(|g| g.args()[0].as_str())
    {
        Some("input") => {
            let skeleton = super::skeleton::structure(&members, false);
            return Ok(Request::Print(super::output::format_json(&skeleton)));
        }
        Some("yaml-input") => {
            return Err(ArgumentError::param(
                GENERATE_CLI_SKELETON,
                "Fanout prints input and output skeletons as JSON only",
            ))
        }
        _ => {}
    }
    let raw_binary = globals.binary_format.as_deref() == Some("raw-in-base64-out");
    if !raw_binary {
        for m in &members {
            if let Some(v) = values.get(m.name) {
                params::check_blobs(v, m.shape)?;
            }
        }
    }
    params::validate_input(&members, &values, &json_members)?;
    if given.contains_key(GENERATE_CLI_SKELETON) {
        // `output`: the response the call would have, made up from the model and checked
        // against it as botocore's stub checks it (a blob placeholder fails that check).
        let out = super::skeleton::output_members(spec.operation);
        let response = super::skeleton::structure(out, true);
        if let Value::Object(m) = &response {
            params::validate_input(out, m, &[])?;
        }
        return Ok(Request::OutputSkeleton {
            globals,
            operation: spec.operation,
            response,
        });
    }
    let p = Params { values, raw_binary };
    // The CLI pages for you; --max-items cuts the result and hands out a NextToken.
    let page_int = |name: &str| -> Option<i64> {
        given
            .get(name)
            .and_then(|g| params::py_int(&g.args()[0]).ok())
    };
    let cli_text = |name: &str| given.get(name).map(|g| g.args()[0].clone());
    let paging = || {
        let page = page_int("--page-size").or(p.int("MaxResults"));
        (
            page_int("--max-items").or(page),
            cli_text("--starting-token").or(p.text("NextToken")),
        )
    };
    if super::sns::SNS_OPERATIONS
        .iter()
        .any(|o| std::ptr::eq(o, spec))
    {
        let command = super::sns::command(spec.name, &p);
        debug_assert_eq!(command.operation(), spec.operation);
        return Ok(Request::Call(Invocation { globals, command }));
    }
    let url = || p.text_or_empty("QueueUrl");
    let command = match spec.name {
        "add-permission" => Command::AddPermission {
            queue_url: url(),
            label: p.text_or_empty("Label"),
            aws_account_ids: p.strings("AWSAccountIds"),
            actions: p.strings("Actions"),
        },
        "cancel-message-move-task" => Command::CancelMessageMoveTask {
            task_handle: p.text_or_empty("TaskHandle"),
        },
        "change-message-visibility" => Command::ChangeMessageVisibility {
            queue_url: url(),
            receipt_handle: p.text_or_empty("ReceiptHandle"),
            visibility_timeout: p.int("VisibilityTimeout").unwrap_or_default(),
        },
        "change-message-visibility-batch" => Command::ChangeMessageVisibilityBatch {
            queue_url: url(),
            entries: p
                .entries()
                .into_iter()
                .map(|e| ChangeMessageVisibilityBatchEntry {
                    id: text_member(e, "Id"),
                    receipt_handle: text_member(e, "ReceiptHandle"),
                    visibility_timeout: e.get("VisibilityTimeout").and_then(as_int),
                })
                .collect(),
        },
        "create-queue" => Command::CreateQueue {
            queue_name: p.text_or_empty("QueueName"),
            attributes: p.string_map("Attributes"),
            tags: p.string_map("tags"),
        },
        "delete-message" => Command::DeleteMessage {
            queue_url: url(),
            receipt_handle: p.text_or_empty("ReceiptHandle"),
        },
        "delete-message-batch" => Command::DeleteMessageBatch {
            queue_url: url(),
            entries: p
                .entries()
                .into_iter()
                .map(|e| DeleteMessageBatchEntry {
                    id: text_member(e, "Id"),
                    receipt_handle: text_member(e, "ReceiptHandle"),
                })
                .collect(),
        },
        "delete-queue" => Command::DeleteQueue { queue_url: url() },
        "get-queue-attributes" => Command::GetQueueAttributes {
            queue_url: url(),
            attribute_names: p.strings("AttributeNames"),
        },
        "get-queue-url" => Command::GetQueueUrl {
            queue_name: p.text_or_empty("QueueName"),
        },
        "list-dead-letter-source-queues" => {
            let (max_results, next_token) = paging();
            Command::ListDeadLetterSourceQueues {
                queue_url: url(),
                max_results,
                next_token,
            }
        }
        "list-message-move-tasks" => Command::ListMessageMoveTasks {
            source_arn: p.text_or_empty("SourceArn"),
            max_results: p.int("MaxResults"),
        },
        "list-queue-tags" => Command::ListQueueTags { queue_url: url() },
        "list-queues" => {
            let (max_results, next_token) = paging();
            Command::ListQueues {
                queue_name_prefix: p.text("QueueNamePrefix"),
                max_results,
                next_token,
            }
        }
        "purge-queue" => Command::PurgeQueue { queue_url: url() },
        "receive-message" => {
            // MessageSystemAttributeNames is the newer name of AttributeNames.
            let mut names = p.strings("AttributeNames");
            names.extend(p.strings("MessageSystemAttributeNames"));
            Command::ReceiveMessage {
                queue_url: url(),
                input: ReceiveInput {
                    max_number_of_messages: p.int("MaxNumberOfMessages"),
                    visibility_timeout: p.int("VisibilityTimeout"),
                    wait_time_seconds: p.int("WaitTimeSeconds"),
                    attribute_names: names,
                    message_attribute_names: p.strings("MessageAttributeNames"),
                    receive_request_attempt_id: p.text("ReceiveRequestAttemptId"),
                },
            }
        }
        "remove-permission" => Command::RemovePermission {
            queue_url: url(),
            label: p.text_or_empty("Label"),
        },
        "send-message" => Command::SendMessage {
            queue_url: url(),
            message: p.message(&p.values),
        },
        "send-message-batch" => Command::SendMessageBatch {
            queue_url: url(),
            entries: p
                .entries()
                .into_iter()
                .map(|e| SendMessageBatchEntry {
                    id: text_member(e, "Id"),
                    message: p.message(e),
                })
                .collect(),
        },
        "set-queue-attributes" => Command::SetQueueAttributes {
            queue_url: url(),
            attributes: p.string_map("Attributes"),
        },
        "start-message-move-task" => Command::StartMessageMoveTask {
            source_arn: p.text_or_empty("SourceArn"),
            destination_arn: p.text("DestinationArn"),
            max_number_of_messages_per_second: p.int("MaxNumberOfMessagesPerSecond"),
        },
        "tag-queue" => Command::TagQueue {
            queue_url: url(),
            tags: p.string_map("Tags"),
        },
        "untag-queue" => Command::UntagQueue {
            queue_url: url(),
            tag_keys: p.strings("TagKeys"),
        },
        other => unreachable!("operation {other} is in the table but not built"),
    };
    debug_assert_eq!(command.operation(), spec.operation);
    Ok(Request::Call(Invocation { globals, command }))
}

/// The API members an operation takes, in the model's order, with their shapes.
fn input_members(spec: &OperationSpec) -> Vec<Member> {
    let mut members: Vec<Member> = Vec::new();
    for o in spec.options {
        let shape: &'static Shape = match o.kind {
            Kind::Text | Kind::Ignored => &Shape::String,
            Kind::Integer => &Shape::Integer,
            Kind::Param(shape) => shape,
            Kind::Flag(_) => &Shape::Boolean,
            Kind::PageInt => continue,
        };
        if o.member.is_empty() || members.iter().any(|m| m.name == o.member) {
            continue;
        }
        members.push(params::member(o.member, shape, o.required));
    }
    members
}

/// The AWS CLI reads `file://` and `fileb://` values of every option except those that
/// hold URLs (queue URLs, an SNS endpoint), which it takes as written.
fn paramfile(
    spec: &OperationSpec,
    o: &OptionSpec,
    args: &[String],
    files: ParamFiles,
) -> Result<Option<String>, ArgumentError> {
    let takes_url = o.name == "--queue-url"
        || (spec.name == "subscribe" && o.name == "--notification-endpoint");
    let [only] = args else {
        return Ok(None);
    };
    if takes_url {
        return Ok(None);
    }
    files
        .load(only)
        .transpose()
        .map_err(|m| ArgumentError::param(o.name, m))
}

/// A value as text; Python's `int()` also reads the bytes of a `fileb://` file.
fn as_text(s: &str) -> String {
    match params::file_bytes(s) {
        Some(b) => String::from_utf8_lossy(&b).into_owned(),
        None => s.to_string(),
    }
}

/// `--cli-input-json`: a JSON object of API members, inline or from a file.
fn cli_input_json(value: &str, files: ParamFiles) -> Result<Map<String, Value>, ArgumentError> {
    let text = match files.load(value) {
        Some(Ok(contents)) => as_text(&contents),
        Some(Err(m)) => return Err(ArgumentError::param(CLI_INPUT_JSON, m)),
        None => value.to_string(),
    };
    // The AWS CLI names this option without its dashes here.
    match pyjson::loads(&text) {
        Err(_) => Err(ArgumentError::param(
            "cli-input-json",
            "Invalid JSON received.",
        )),
        Ok(Value::Object(m)) => Ok(m),
        Ok(other) => Err(ArgumentError::param(
            CLI_INPUT_JSON,
            format!(
                "Invalid type: expecting map, received {}",
                params::py_type(&other)
            ),
        )),
    }
}

pub(super) fn text_member(m: &Map<String, Value>, key: &str) -> String {
    m.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://sqs.us-east-1.amazonaws.com/123456789012/q";

    /// An `aws` line that calls the engine (no files).
    fn parse_invocation(args: &[String]) -> Result<Invocation, ArgumentError> {
        match parse_request(args, ParamFiles::NONE)? {
            Request::Call(i) => Ok(i),
            other => panic!("{args:?} is not a call: {other:?}"),
        }
    }

    fn args(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    fn command(line: &str) -> Command {
        parse_invocation(&args(line))
            .unwrap_or_else(|e| panic!("{line}: {}", e.message))
            .command
    }

    fn command_of(words: &[&str]) -> Command {
        let v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        parse_invocation(&v)
            .unwrap_or_else(|e| panic!("{words:?}: {}", e.message))
            .command
    }

    fn error(words: &[&str]) -> ArgumentError {
        let v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        parse_invocation(&v).unwrap_err()
    }

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn attr(data_type: &str, s: Option<&str>, b: Option<&[u8]>) -> MessageAttributeValue {
        MessageAttributeValue {
            data_type: data_type.into(),
            string_value: s.map(str::to_string),
            binary_value: b.map(<[u8]>::to_vec),
        }
    }

    #[test]
    fn shorthand_and_json_maps_agree() {
        let a = command("sqs set-queue-attributes --queue-url u --attributes VisibilityTimeout=10,DelaySeconds=5");
        let b = command_of(&[
            "sqs",
            "set-queue-attributes",
            "--queue-url",
            "u",
            "--attributes",
            r#"{"VisibilityTimeout":"10","DelaySeconds":"5"}"#,
        ]);
        assert_eq!(a, b);
        assert_eq!(
            a,
            Command::SetQueueAttributes {
                queue_url: "u".into(),
                attributes: map(&[("DelaySeconds", "5"), ("VisibilityTimeout", "10")]),
            }
        );
        // A JSON number where SQS wants a string is refused as the AWS CLI refuses it.
        let e = error(&[
            "sqs",
            "create-queue",
            "--queue-name",
            "q",
            "--attributes",
            r#"{"DelaySeconds":5}"#,
        ]);
        assert_eq!(
            e.message,
            "\nParameter validation failed:\nInvalid type for parameter Attributes.DelaySeconds, value: 5, type: <class 'int'>, valid types: <class 'str'>\n"
        );
    }

    #[test]
    fn usage_errors() {
        let e = parse_invocation(&args("sqs send-message --message-body hi")).unwrap_err();
        assert!(
            e.message
                .ends_with("aws: error: the following arguments are required: --queue-url\n\n"),
            "{}",
            e.message
        );
        assert_eq!(e.status, 252);
        let e = parse_invocation(&args("sqs list-queues --bogus 1")).unwrap_err();
        assert!(
            e.message.contains("Unknown options: --bogus, 1"),
            "{}",
            e.message
        );
        let e = parse_invocation(&args("sqs send-message --queue-url u --message-body -x"))
            .unwrap_err();
        assert!(
            e.message
                .contains("argument --message-body: expected one argument"),
            "{}",
            e.message
        );
        let e = parse_invocation(&args("sqs list-queues --max-items x")).unwrap_err();
        assert!(e
            .message
            .contains("argument --max-items: invalid int value: 'x'"));
    }

    #[test]
    fn api_integers_are_read_by_python_int() {
        let e = parse_invocation(&args(
            "sqs receive-message --queue-url u --max-number-of-messages ten",
        ))
        .unwrap_err();
        assert_eq!(
            (e.message.as_str(), e.status),
            ("\ninvalid literal for int() with base 10: 'ten'\n", 255)
        );
        assert_eq!(
            command("sqs send-message --queue-url u --message-body hi --delay-seconds -5"),
            Command::SendMessage {
                queue_url: "u".into(),
                message: MessageInput {
                    delay_seconds: Some(-5),
                    ..MessageInput::body("hi")
                },
            }
        );
    }

    #[test]
    fn operations_are_listed_like_the_aws_cli() {
        let e = parse_invocation(&args("sqs send-mesage")).unwrap_err();
        let m = e.message;
        assert!(m.contains(
            "aws: error: argument operation: Invalid choice, valid choices are:\n\nadd-permission                           | cancel-message-move-task                \n"
        ), "{m}");
        assert!(m.contains(
            "untag-queue                              | help                                    \n\n\nInvalid choice: 'send-mesage', maybe you meant:\n\n  * send-message\n"
        ), "{m}");
        let e = parse_invocation(&args("sqs frobnicate-queue")).unwrap_err();
        assert!(!e.message.contains("maybe you meant"));
        assert_eq!(
            close_matches(
                "list-queue",
                &["list-queues", "list-queue-tags", "purge-queue"]
            ),
            ["list-queues", "list-queue-tags"]
        );
    }

    #[test]
    fn close_matches_like_difflib() {
        let mut names: Vec<&str> = SQS_OPERATIONS.iter().map(|o| o.name).collect();
        names.push("help");
        for (word, want) in [
            ("list-queue", &["list-queues", "list-queue-tags"][..]),
            ("tag-queues", &["tag-queue", "untag-queue"]),
            ("change-visibility", &["change-message-visibility"]),
            ("get-queue", &["get-queue-url", "purge-queue"]),
            (
                "list-message-move-task",
                &[
                    "list-message-move-tasks",
                    "start-message-move-task",
                    "cancel-message-move-task",
                ],
            ),
            ("send-message-btch", &["send-message-batch", "send-message"]),
            ("frobnicate", &[]),
        ] {
            assert_eq!(close_matches(word, &names), want, "{word}");
        }
    }

    #[test]
    fn global_options_anywhere() {
        let inv = parse_invocation(&args(
            "--region eu-west-1 sqs list-queues --output text --query QueueUrls",
        ))
        .unwrap();
        assert_eq!(inv.globals.output.as_deref(), Some("text"));
        assert_eq!(inv.globals.query.as_deref(), Some("QueueUrls"));
    }

    #[test]
    fn create_queue_tags() {
        assert_eq!(
            command("sqs create-queue --queue-name q --tags team=red,env=dev"),
            Command::CreateQueue {
                queue_name: "q".into(),
                attributes: BTreeMap::new(),
                tags: map(&[("env", "dev"), ("team", "red")]),
            }
        );
    }

    #[test]
    fn send_message_with_attributes_and_fifo_parameters() {
        let c = command_of(&[
            "sqs",
            "send-message",
            "--queue-url",
            URL,
            "--message-body",
            "hi",
            "--message-attributes",
            "Name={DataType=String,StringValue=x},Blob={DataType=Binary,BinaryValue=aGk=}",
            "--message-system-attributes",
            r#"{"AWSTraceHeader":{"DataType":"String","StringValue":"Root=1-abc"}}"#,
            "--message-deduplication-id",
            "d1",
            "--message-group-id",
            "g1",
        ]);
        let mut attrs = MessageAttributes::new();
        attrs.insert("Name".into(), attr("String", Some("x"), None));
        attrs.insert("Blob".into(), attr("Binary", None, Some(b"hi")));
        let mut system = MessageAttributes::new();
        system.insert(
            "AWSTraceHeader".into(),
            attr("String", Some("Root=1-abc"), None),
        );
        assert_eq!(
            c,
            Command::SendMessage {
                queue_url: URL.into(),
                message: MessageInput {
                    message_body: "hi".into(),
                    delay_seconds: None,
                    message_attributes: attrs,
                    message_system_attributes: system,
                    message_deduplication_id: Some("d1".into()),
                    message_group_id: Some("g1".into()),
                },
            }
        );
    }

    #[test]
    fn binary_values_are_base64_unless_raw() {
        let line = [
            "sqs",
            "send-message",
            "--queue-url",
            "u",
            "--message-body",
            "b",
            "--message-attributes",
            "k={DataType=Binary,BinaryValue=aGk}",
        ];
        let e = error(&line);
        assert_eq!(
            (e.message.as_str(), e.status),
            ("\nInvalid base64: \"aGk\"\n", 255)
        );
        let mut raw = line.to_vec();
        raw.extend(["--cli-binary-format", "raw-in-base64-out"]);
        let Command::SendMessage { message, .. } = command_of(&raw) else {
            panic!()
        };
        assert_eq!(
            message.message_attributes["k"].binary_value.as_deref(),
            Some(&b"aGk"[..])
        );
    }

    #[test]
    fn send_message_batch_entries() {
        let expected = Command::SendMessageBatch {
            queue_url: "u".into(),
            entries: vec![
                SendMessageBatchEntry {
                    id: "a".into(),
                    message: MessageInput {
                        delay_seconds: Some(2),
                        ..MessageInput::body("x")
                    },
                },
                SendMessageBatchEntry {
                    id: "b".into(),
                    message: MessageInput::body("y, z"),
                },
            ],
        };
        assert_eq!(
            command_of(&[
                "sqs",
                "send-message-batch",
                "--queue-url",
                "u",
                "--entries",
                "Id=a,MessageBody=x,DelaySeconds=2",
                "Id=b,MessageBody='y, z'",
            ]),
            expected
        );
        assert_eq!(
            command_of(&[
                "sqs",
                "send-message-batch",
                "--queue-url",
                "u",
                "--entries",
                r#"[{"Id":"a","MessageBody":"x","DelaySeconds":2},{"Id":"b","MessageBody":"y, z"}]"#,
            ]),
            expected
        );
        // Options after a list option end it.
        assert_eq!(
            command_of(&[
                "sqs",
                "send-message-batch",
                "--entries",
                "Id=a,MessageBody=x,DelaySeconds=2",
                "Id=b,MessageBody=\"y, z\"",
                "--queue-url",
                "u",
            ]),
            expected
        );
        let e = error(&[
            "sqs",
            "send-message-batch",
            "--queue-url",
            "u",
            "--entries",
            "Id=a,MessageBody=x",
            "Id=b",
        ]);
        assert_eq!(
            e.message,
            "\nParameter validation failed:\nMissing required parameter in Entries[1]: \"MessageBody\"\n"
        );
        let e = error(&[
            "sqs",
            "send-message-batch",
            "--queue-url",
            "u",
            "--entries",
            "Id",
        ]);
        assert_eq!(
            (e.message.as_str(), e.status),
            (
                "\nError parsing parameter '--entries': Expected: '=', received: 'EOF' for input:\nId\n  ^\n",
                252
            )
        );
    }

    #[test]
    fn an_empty_list_option_is_sent_empty() {
        assert_eq!(
            command("sqs send-message-batch --queue-url u --entries"),
            Command::SendMessageBatch {
                queue_url: "u".into(),
                entries: vec![],
            }
        );
    }

    #[test]
    fn receive_message_options() {
        assert_eq!(
            command("sqs receive-message --queue-url u --attribute-names SentTimestamp --message-system-attribute-names ApproximateReceiveCount --message-attribute-names All color.* --max-number-of-messages 10 --visibility-timeout 5 --wait-time-seconds 2 --receive-request-attempt-id r1"),
            Command::ReceiveMessage {
                queue_url: "u".into(),
                input: ReceiveInput {
                    max_number_of_messages: Some(10),
                    visibility_timeout: Some(5),
                    wait_time_seconds: Some(2),
                    attribute_names: strings(&["SentTimestamp", "ApproximateReceiveCount"]),
                    message_attribute_names: strings(&["All", "color.*"]),
                    receive_request_attempt_id: Some("r1".into()),
                },
            }
        );
        // A list of names is its arguments (no comma splitting) or one JSON list.
        let Command::ReceiveMessage { input, .. } = command_of(&[
            "sqs",
            "receive-message",
            "--queue-url",
            "u",
            "--attribute-names",
            r#"["All"]"#,
            "--message-attribute-names",
            "a,b",
        ]) else {
            panic!()
        };
        assert_eq!(input.attribute_names, ["All"]);
        assert_eq!(input.message_attribute_names, ["a,b"]);
    }

    #[test]
    fn batch_entries_for_delete_and_visibility() {
        assert_eq!(
            command("sqs delete-message-batch --queue-url u --entries Id=1,ReceiptHandle=r1 Id=2,ReceiptHandle=r2"),
            Command::DeleteMessageBatch {
                queue_url: "u".into(),
                entries: vec![
                    DeleteMessageBatchEntry {
                        id: "1".into(),
                        receipt_handle: "r1".into()
                    },
                    DeleteMessageBatchEntry {
                        id: "2".into(),
                        receipt_handle: "r2".into()
                    },
                ],
            }
        );
        assert_eq!(
            command("sqs change-message-visibility-batch --queue-url u --entries Id=1,ReceiptHandle=r1,VisibilityTimeout=30 Id=2,ReceiptHandle=r2"),
            Command::ChangeMessageVisibilityBatch {
                queue_url: "u".into(),
                entries: vec![
                    ChangeMessageVisibilityBatchEntry {
                        id: "1".into(),
                        receipt_handle: "r1".into(),
                        visibility_timeout: Some(30)
                    },
                    ChangeMessageVisibilityBatchEntry {
                        id: "2".into(),
                        receipt_handle: "r2".into(),
                        visibility_timeout: None
                    },
                ],
            }
        );
    }

    #[test]
    fn tags() {
        assert_eq!(
            command("sqs tag-queue --queue-url u --tags a=1,b=2"),
            Command::TagQueue {
                queue_url: "u".into(),
                tags: map(&[("a", "1"), ("b", "2")]),
            }
        );
        assert_eq!(
            command("sqs untag-queue --queue-url u --tag-keys a b"),
            Command::UntagQueue {
                queue_url: "u".into(),
                tag_keys: strings(&["a", "b"]),
            }
        );
        assert_eq!(
            command("sqs list-queue-tags --queue-url u"),
            Command::ListQueueTags {
                queue_url: "u".into()
            }
        );
        let e = error(&["sqs", "tag-queue", "--queue-url", "u", "--tags", "a"]);
        assert_eq!(
            e.message,
            "\nError parsing parameter '--tags': Expected: '=', received: 'EOF' for input:\na\n ^\n"
        );
        let e = error(&["sqs", "untag-queue", "--queue-url", "u"]);
        assert!(e
            .message
            .ends_with("the following arguments are required: --tag-keys\n\n"));
    }

    #[test]
    fn permissions() {
        assert_eq!(
            command("sqs add-permission --queue-url u --label l --aws-account-ids 111122223333 444455556666 --actions SendMessage ReceiveMessage"),
            Command::AddPermission {
                queue_url: "u".into(),
                label: "l".into(),
                aws_account_ids: strings(&["111122223333", "444455556666"]),
                actions: strings(&["SendMessage", "ReceiveMessage"]),
            }
        );
        assert_eq!(
            command("sqs remove-permission --queue-url u --label l"),
            Command::RemovePermission {
                queue_url: "u".into(),
                label: "l".into(),
            }
        );
        let e = error(&["sqs", "add-permission", "--queue-url", "u", "--label", "l"]);
        assert!(e
            .message
            .ends_with("the following arguments are required: --aws-account-ids, --actions\n\n"));
    }

    #[test]
    fn dead_letter_source_queues_page_like_list_queues() {
        assert_eq!(
            command("sqs list-dead-letter-source-queues --queue-url u"),
            Command::ListDeadLetterSourceQueues {
                queue_url: "u".into(),
                max_results: None,
                next_token: None,
            }
        );
        assert_eq!(
            command(
                "sqs list-dead-letter-source-queues --queue-url u --max-results 5 --next-token t"
            ),
            Command::ListDeadLetterSourceQueues {
                queue_url: "u".into(),
                max_results: Some(5),
                next_token: Some("t".into()),
            }
        );
        assert_eq!(
            command(
                "sqs list-dead-letter-source-queues --queue-url u --max-items 2 --starting-token s"
            ),
            Command::ListDeadLetterSourceQueues {
                queue_url: "u".into(),
                max_results: Some(2),
                next_token: Some("s".into()),
            }
        );
        assert_eq!(
            command("sqs list-dead-letter-source-queues --queue-url u --page-size 3"),
            Command::ListDeadLetterSourceQueues {
                queue_url: "u".into(),
                max_results: Some(3),
                next_token: None,
            }
        );
    }

    #[test]
    fn message_move_tasks() {
        let src = "arn:aws:sqs:us-east-1:123456789012:dlq";
        let dst = "arn:aws:sqs:us-east-1:123456789012:q";
        assert_eq!(
            command(&format!("sqs start-message-move-task --source-arn {src}")),
            Command::StartMessageMoveTask {
                source_arn: src.into(),
                destination_arn: None,
                max_number_of_messages_per_second: None,
            }
        );
        assert_eq!(
            command(&format!("sqs start-message-move-task --source-arn {src} --destination-arn {dst} --max-number-of-messages-per-second 50")),
            Command::StartMessageMoveTask {
                source_arn: src.into(),
                destination_arn: Some(dst.into()),
                max_number_of_messages_per_second: Some(50),
            }
        );
        assert_eq!(
            command(&format!(
                "sqs list-message-move-tasks --source-arn {src} --max-results 2"
            )),
            Command::ListMessageMoveTasks {
                source_arn: src.into(),
                max_results: Some(2),
            }
        );
        assert_eq!(
            command("sqs cancel-message-move-task --task-handle h"),
            Command::CancelMessageMoveTask {
                task_handle: "h".into()
            }
        );
        let e = error(&["sqs", "cancel-message-move-task"]);
        assert!(e
            .message
            .ends_with("the following arguments are required: --task-handle\n\n"));
    }

    #[test]
    fn every_operation_builds() {
        for spec in SQS_OPERATIONS {
            let mut line = vec!["sqs".to_string(), spec.name.to_string()];
            for o in spec.options.iter().filter(|o| o.required) {
                line.push(o.name.into());
                line.push(match o.kind {
                    Kind::Param(Shape::Map(_)) => "k=v".into(),
                    Kind::Param(Shape::List(Shape::Structure(members))) => members
                        .iter()
                        .filter(|m| m.required)
                        .map(|m| format!("{}=x", m.name))
                        .collect::<Vec<_>>()
                        .join(","),
                    Kind::Integer => "1".into(),
                    _ => "x".into(),
                });
            }
            let inv =
                parse_invocation(&line).unwrap_or_else(|e| panic!("{}: {}", spec.name, e.message));
            assert_eq!(inv.command.operation(), spec.operation);
        }
    }
}
