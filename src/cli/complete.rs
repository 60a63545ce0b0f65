//! Tab completion for `fanout repl` and the browser console: what may stand at the cursor
//! in a line of the script dialect, given the shell's variables and the engine's queues,
//! topics and subscriptions.
//!
//! It is a pure function of the line, the cursor, the engine and the shell, so both front
//! ends share it and it is tested without a terminal. It reads the line leniently (an open
//! quote or `$(` is where the cursor usually is) and never fails: a line it does not
//! understand simply has no candidates.

use super::aws::{Kind, OperationSpec, GLOBAL_OPTIONS, GLOBAL_SWITCHES, SQS_OPERATIONS};
use super::controls::{CONTROL_WORDS, OPTIONS, SUB_WORDS};
use super::params::Shape;
use super::sns::SNS_OPERATIONS;
use super::{shell, Shell};
use crate::engine::sns::{Protocol, SETTABLE_TOPIC_ATTRIBUTES, SUBSCRIPTION_ATTRIBUTES};
use crate::engine::{attributes, Engine, MESSAGE_SYSTEM_ATTRIBUTES};
use crate::stable_sort::stable_sort;
use litemap::LiteMap;

/// What may replace `line[start..cursor]`: sorted; a single candidate ends with a space
/// (or closes the quote the word opened) so the user can type the next word at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completion {
    pub start: usize,
    pub candidates: Vec<String>,
}

/// Words that can start a command.
const PROGRAMS: &[&str] = &["aws", "echo", "export", "fanout", "sleep", "true"];
const KEYWORDS: &[&str] = &[
    "do", "done", "elif", "else", "fi", "for", "if", "then", "until", "while",
];
/// Keywords after which a command starts again (`while aws ...; do aws ...`).
const BEFORE_COMMAND: &[&str] = &["do", "then", "else", "elif", "if", "while", "until", "!"];

pub fn complete(line: &str, cursor: usize, engine: &Engine, shell: &Shell) -> Completion {
    let mut cursor = cursor.min(line.len());
    while !line.is_char_boundary(cursor) {
        cursor -= 1;
    }
    let before = &line[..cursor];
    let at = scan(before);
    if at.in_comment {
        return Completion {
            start: cursor,
            candidates: Vec::new(),
        };
    }
    let raw = &before[at.start..];
    if let Some(c) = variable(raw, at.quote, shell) {
        return Completion {
            start: at.start + c.start,
            candidates: c.candidates,
        };
    }
    let (offset, choices) = choices(&at, engine, shell);
    let prefix = at.word.get(offset..).unwrap_or_default();
    // `--option=value`: the value starts after the `=` (of the raw text, which has no quotes
    // before it when the option is written plainly).
    let start = at.start + raw.find('=').filter(|_| offset > 0).map_or(0, |i| i + 1);
    let mut values: Vec<String> = choices
        .into_iter()
        .filter(|c| c.starts_with(prefix))
        .collect();
    stable_sort(&mut values);
    values.dedup();
    let unique = values.len() == 1;
    let opened = raw[start - at.start..]
        .chars()
        .next()
        .filter(|&q| q == '\'' || q == '"');
    // A program or keyword is typed where a command starts, where it must stay bare; any
    // other word is quoted as it must be to read back as itself.
    let bare = |v: &str| at.words.is_empty() && (PROGRAMS.contains(&v) || KEYWORDS.contains(&v));
    let candidates = values
        .into_iter()
        .map(|v| match opened {
            Some(q) if unique => format!("{q}{v}{q} "),
            Some(q) => format!("{q}{v}"),
            None if bare(&v) => v + if unique { " " } else { "" },
            None if unique => shell::quote(&v) + " ",
            None => shell::quote(&v),
        })
        .collect();
    Completion { start, candidates }
}

/// The command the cursor is in, read up to the cursor.
#[derive(Default)]
struct Cursor {
    /// The words before the cursor's word, without quotes.
    words: Vec<String>,
    /// Where the cursor's word starts (the cursor itself between words).
    start: usize,
    /// The cursor's word so far, without quotes.
    word: String,
    in_word: bool,
    quote: Option<char>,
    in_comment: bool,
}

impl Cursor {
    fn begin_word(&mut self, at: usize) {
        if !self.in_word {
            self.in_word = true;
            self.start = at;
        }
    }
    fn end_word(&mut self) {
        if !self.in_word {
            return;
        }
        self.in_word = false;
        let word = std::mem::take(&mut self.word);
        // A keyword or an assignment in command position leaves the next word there.
        let command_position = self.words.is_empty();
        if !(command_position && (BEFORE_COMMAND.contains(&word.as_str()) || is_assignment(&word)))
        {
            self.words.push(word);
        }
    }
    fn end_command(&mut self) {
        self.end_word();
        self.words.clear();
    }
}

fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(name, _)| {
        name.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// Reads `before` as the shell would, keeping only the command at its end: `$(` opens a
/// command inside the word, `)` returns to the word around it.
fn scan(before: &str) -> Cursor {
    let mut cur = Cursor::default();
    let mut outer: Vec<Cursor> = Vec::new();
    let mut chars = before.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match (cur.quote, c) {
            (Some('\''), '\'') | (Some('"'), '"') => cur.quote = None,
            (Some('\''), _) => cur.word.push(c),
            (Some(_) | None, '$') if next == Some('(') => {
                cur.begin_word(i);
                chars.next();
                outer.push(std::mem::take(&mut cur));
            }
            (_, '\\') => {
                cur.begin_word(i);
                match chars.next() {
                    Some((_, '\n')) | None => {}
                    Some((_, e)) => {
                        if cur.quote.is_some() && !"$`\"\\".contains(e) {
                            cur.word.push('\\');
                        }
                        cur.word.push(e);
                    }
                }
            }
            (Some(_), _) => cur.word.push(c),
            (None, ')') if !outer.is_empty() => {
                if let Some(o) = outer.pop() {
                    cur = o;
                }
            }
            (None, ' ' | '\t' | '\r') => cur.end_word(),
            (None, '\n' | ';' | '|' | '&' | '(' | ')') => cur.end_command(),
            (None, '#') if !cur.in_word => {
                cur.in_comment = true;
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        cur.in_comment = false;
                        cur.end_command();
                        break;
                    }
                }
            }
            (None, '\'' | '"') => {
                cur.begin_word(i);
                cur.quote = Some(c);
            }
            (None, _) => {
                cur.begin_word(i);
                cur.word.push(c);
            }
        }
    }
    if !cur.in_word {
        cur.start = before.len();
    }
    cur
}

/// `$NA` or `${NA` at the end of the word: the shell's variables.
fn variable(raw: &str, quote: Option<char>, shell: &Shell) -> Option<Completion> {
    if quote == Some('\'') {
        return None;
    }
    let dollar = raw.rfind('$')?;
    let tail = &raw[dollar + 1..];
    let (braced, name) = match tail.strip_prefix('{') {
        Some(name) => (true, name),
        None => (false, tail),
    };
    let valid = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if !valid {
        return None;
    }
    let mut names: Vec<&str> = shell
        .vars()
        .map(|(n, _)| n)
        .filter(|n| n.starts_with(name))
        .collect();
    stable_sort(&mut names);
    // Inside quotes the word usually goes on, so a unique name gets no space.
    let space = names.len() == 1 && quote.is_none();
    let candidates = names
        .into_iter()
        .map(|n| {
            let close = if braced { "}" } else { "" };
            format!("{n}{close}{}", if space { " " } else { "" })
        })
        .collect();
    Some(Completion {
        start: dollar + 1 + usize::from(braced),
        candidates,
    })
}

/// Everything that could stand at the cursor, and where in the word the typed prefix of
/// it starts (after `=` in `--option=value`).
fn choices(at: &Cursor, engine: &Engine, shell: &Shell) -> (usize, Vec<String>) {
    let Some(program) = at.words.first() else {
        let words = PROGRAMS.iter().chain(KEYWORDS);
        return (0, words.map(|w| w.to_string()).collect());
    };
    match program.as_str() {
        "aws" => aws(&at.words[1..], &at.word, engine),
        "fanout" => (0, fanout(&at.words[1..], &at.word, engine, shell)),
        _ => (0, Vec::new()),
    }
}

fn operations(service: &str) -> &'static [OperationSpec] {
    match service {
        "sqs" => SQS_OPERATIONS,
        "sns" => SNS_OPERATIONS,
        _ => &[],
    }
}

/// The words after `aws`: global options anywhere, the service, the operation, then its
/// options and their values.
fn aws(words: &[String], word: &str, engine: &Engine) -> (usize, Vec<String>) {
    let mut positional: Vec<&str> = Vec::new();
    let mut spec: Option<&OperationSpec> = None;
    let mut given: LiteMap<&str, Vec<&str>> = LiteMap::new();
    // The option whose value the next word is, and whether it takes several.
    let mut pending: Option<(&str, bool)> = None;
    for w in words {
        if let Some((flag, many)) = pending {
            if !many || !w.starts_with('-') {
                given.entry(flag).or_default().push(w);
                if !many {
                    pending = None;
                }
                continue;
            }
        }
        if w.starts_with("--") {
            let (flag, inline) = match w.split_once('=') {
                Some((f, v)) => (f, Some(v)),
                None => (w.as_str(), None),
            };
            given.entry(flag).or_default().extend(inline);
            pending = None;
            if inline.is_none() {
                pending = takes_value(flag, spec);
            }
            continue;
        }
        positional.push(w);
        if let [service, operation] = positional[..] {
            spec = operations(service).iter().find(|o| o.name == operation);
        }
    }
    if let Some((flag, _)) = word.strip_prefix("--").and_then(|_| word.split_once('=')) {
        return (flag.len() + 1, values(flag, spec, &given, engine));
    }
    if word.starts_with('-') {
        let options = spec
            .map(|s| s.options.iter().map(|o| o.name).collect::<Vec<_>>())
            .unwrap_or_default();
        let unused = options
            .into_iter()
            .chain(GLOBAL_OPTIONS.iter().copied())
            .chain(GLOBAL_SWITCHES.iter().copied())
            .filter(|o| !given.contains_key(o))
            .map(String::from);
        return (0, unused.collect());
    }
    if let Some((flag, many)) = pending {
        let mut v = values(flag, spec, &given, engine);
        if many {
            let already = given.get(flag).cloned().unwrap_or_default();
            v.retain(|x| !already.contains(&x.as_str()));
        }
        return (0, v);
    }
    let words: Vec<String> = match positional[..] {
        [] => vec!["sqs".into(), "sns".into()],
        [service] => operations(service)
            .iter()
            .map(|o| o.name.to_string())
            .chain((!operations(service).is_empty()).then(|| "help".to_string()))
            .collect(),
        _ => Vec::new(),
    };
    (0, words)
}

/// Whether the option takes a value, and whether several words (a list).
fn takes_value<'a>(flag: &'a str, spec: Option<&OperationSpec>) -> Option<(&'a str, bool)> {
    if GLOBAL_OPTIONS.contains(&flag) {
        return Some((flag, false));
    }
    let option = spec?.options.iter().find(|o| o.name == flag)?;
    match option.kind {
        Kind::Flag(_) => None,
        Kind::Param(Shape::List(_)) => Some((flag, true)),
        _ => Some((flag, false)),
    }
}

/// The values an option can take here: fixed choices, or the engine's resources.
fn values(
    flag: &str,
    spec: Option<&OperationSpec>,
    given: &LiteMap<&str, Vec<&str>>,
    engine: &Engine,
) -> Vec<String> {
    let fixed = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let with_all = |names: &[&str]| {
        std::iter::once("All")
            .chain(names.iter().copied())
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let operation = spec.map_or("", |s| s.name);
    let queue_arns = || engine.queues().map(|q| q.arn.clone()).collect::<Vec<_>>();
    let topic_arns = || engine.topics().map(|t| t.arn.clone()).collect::<Vec<_>>();
    match flag {
        "--output" => fixed(crate::cli::output::OUTPUT_FORMATS),
        "--cli-binary-format" => fixed(&["base64", "raw-in-base64-out"]),
        "--color" => fixed(&["auto", "off", "on"]),
        "--queue-url" => engine.queues().map(|q| q.url.clone()).collect(),
        "--queue-name" | "--queue-name-prefix" => engine.queues().map(|q| q.name.clone()).collect(),
        "--source-arn" | "--destination-arn" => queue_arns(),
        "--topic-arn" | "--resource-arn" => topic_arns(),
        "--subscription-arn" => engine
            .subscriptions()
            .filter(|s| s.confirmed)
            .map(|s| s.arn.to_string())
            .collect(),
        "--protocol" => Protocol::ALL.iter().map(|p| p.name().to_string()).collect(),
        "--notification-endpoint" => {
            let protocol = given
                .get("--protocol")
                .and_then(|v| v.last())
                .and_then(|p| Protocol::parse(p));
            match protocol {
                None | Some(Protocol::Sqs) => queue_arns(),
                Some(p) => engine
                    .subscriptions()
                    .filter(|s| s.protocol == p)
                    .map(|s| s.endpoint.to_string())
                    .collect(),
            }
        }
        "--attribute-names" if operation == "get-queue-attributes" => {
            with_all(attributes::ALL_NAMES)
        }
        "--attribute-names" | "--message-system-attribute-names" => {
            with_all(&MESSAGE_SYSTEM_ATTRIBUTES)
        }
        "--message-attribute-names" => fixed(&["All"]),
        "--attribute-name" if operation == "set-topic-attributes" => {
            fixed(SETTABLE_TOPIC_ATTRIBUTES)
        }
        "--attribute-name" if operation == "set-subscription-attributes" => {
            fixed(SUBSCRIPTION_ATTRIBUTES)
        }
        _ => Vec::new(),
    }
}

/// `fanout` lines, from the grammar tables in `controls` (words, sub-words, options), with
/// endpoints, actor names and virtual files where those stand.
fn fanout(words: &[String], word: &str, engine: &Engine, shell: &Shell) -> Vec<String> {
    let endpoints = |pending_only: bool| {
        let subscribed = engine
            .subscriptions()
            .filter(|s| !pending_only || !s.confirmed)
            .map(|s| s.endpoint.to_string());
        let known = engine.endpoints().map(|(e, _)| e.clone());
        if pending_only {
            subscribed.collect()
        } else {
            subscribed.chain(known).collect::<Vec<_>>()
        }
    };
    let owned = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
    let sub_words = |control: &str| {
        SUB_WORDS
            .iter()
            .find(|(c, _)| *c == control)
            .map_or(Vec::new(), |(_, subs)| owned(subs))
    };
    let options_of = |key: &str, given: &[String]| -> Vec<String> {
        let Some((_, options)) = OPTIONS.iter().find(|(k, _)| *k == key) else {
            return Vec::new();
        };
        if let Some(last) = given.last().filter(|l| l.starts_with("--")) {
            if !word.starts_with('-') {
                return match last.as_str() {
                    "--available" => owned(&["false", "true"]),
                    "--queue-url" => engine.queues().map(|q| q.url.clone()).collect(),
                    "--topic-arn" => engine.topics().map(|t| t.arn.clone()).collect(),
                    _ => Vec::new(),
                };
            }
        }
        if !word.starts_with('-') {
            return Vec::new();
        }
        options
            .iter()
            .filter(|o| !given.iter().any(|g| g == *o))
            .map(|o| o.to_string())
            .collect()
    };
    match words {
        [] => owned(CONTROL_WORDS),
        [control] => match control.as_str() {
            "endpoint" | "inbox" => endpoints(false),
            "confirm" => endpoints(true),
            other => sub_words(other),
        },
        [control, _, rest @ ..] if control == "endpoint" => options_of("endpoint", rest),
        [control, sub] if control == "actor" && (sub == "stop" || sub == "remove") => {
            engine.actors().into_iter().map(|a| a.name).collect()
        }
        [control, sub] if control == "file" && (sub == "show" || sub == "remove") => {
            shell.files.keys().cloned().collect()
        }
        [control, sub, rest @ ..] => {
            // `actor producer NAME --options`: options start after the name.
            let given = if control == "actor" {
                rest.get(1..).unwrap_or(&[])
            } else {
                rest
            };
            options_of(&format!("{control} {sub}"), given)
        }
    }
}
