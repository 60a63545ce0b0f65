//! The AWS CLI dialect: scripts of shell-like lines whose commands are `aws sqs ...`,
//! `aws sns ...`, `fanout ...` (simulator controls), `echo`, `sleep` (virtual) and variable
//! assignments.
//!
//! A [`Session`] owns an engine and the script's variables; `fanout run` and (later) the
//! browser console are two front ends of the same session. This module parses and
//! prints; every SQS and SNS rule lives in the engine.

pub mod aws;
pub mod complete;
pub mod controls;
pub mod files;
pub mod help;
pub mod output;
pub mod params;
pub mod pyjson;
pub mod shell;
pub mod shorthand;
pub mod skeleton;
pub mod sns;

use crate::engine::{Command, Engine, EngineConfig, Reply};
use shell::{Part, SimpleCommand};
use std::collections::BTreeMap;

/// Exit statuses, as the AWS CLI v2 and a shell give them.
pub const EXIT_OK: i32 = 0;
pub const EXIT_USAGE: i32 = 252;
pub const EXIT_SERVICE_ERROR: i32 = 254;
/// What the AWS CLI exits with on errors it reports as general (a bad integer or base64).
pub const EXIT_GENERAL: i32 = 255;
pub const EXIT_NOT_FOUND: i32 = 127;
pub const EXIT_SYNTAX: i32 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// What a command printed, in order, and how it ended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub chunks: Vec<(Stream, String)>,
    pub status: i32,
}

impl Output {
    fn out(&mut self, s: impl Into<String>) {
        let s = s.into();
        if !s.is_empty() {
            self.chunks.push((Stream::Stdout, s));
        }
    }
    fn err(&mut self, s: impl Into<String>) {
        let s = s.into();
        if !s.is_empty() {
            self.chunks.push((Stream::Stderr, s));
        }
    }
    pub fn stdout(&self) -> String {
        self.collect(Stream::Stdout)
    }
    pub fn stderr(&self) -> String {
        self.collect(Stream::Stderr)
    }
    fn collect(&self, which: Stream) -> String {
        self.chunks
            .iter()
            .filter(|(s, _)| *s == which)
            .map(|(_, t)| t.as_str())
            .collect()
    }
}

/// What a script remembers between lines and between scripts: its variables and the
/// virtual file area that `file://` parameters read. It holds no engine, so the page can
/// keep its own engine and run console lines against it with [`Shell::run`].
#[derive(Clone, Debug, Default)]
pub struct Shell {
    vars: BTreeMap<String, String>,
    /// The virtual file area: `file://NAME` reads `files[NAME]`.
    pub files: BTreeMap<String, String>,
    /// Whether `file://NAME` may read the real file system when the virtual area has no
    /// NAME (native `fanout run` only).
    pub host_files: bool,
    /// Set by `fanout clock speed X`; the page's console applies it to its playback.
    pub playback_speed: Option<controls::PlaybackSpeed>,
}

impl Shell {
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }
    /// The variables set so far, by name.
    pub fn vars(&self) -> impl Iterator<Item = (&str, &str)> {
        self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Runs a whole script against `engine`. A syntax error anywhere rejects it before
    /// any line runs.
    pub fn run(&mut self, engine: &mut Engine, script: &str) -> Output {
        Run {
            engine,
            shell: self,
        }
        .script(script)
    }
}

/// An engine and a shell together: what `fanout run` and the tests drive.
pub struct Session {
    engine: Engine,
    shell: Shell,
}

impl Session {
    pub fn new(config: EngineConfig) -> Session {
        Session {
            engine: Engine::new(config),
            shell: Shell::default(),
        }
    }
    pub fn engine(&self) -> &Engine {
        &self.engine
    }
    pub fn engine_mut(&mut self) -> &mut Engine {
        &mut self.engine
    }
    pub fn shell(&self) -> &Shell {
        &self.shell
    }
    pub fn shell_mut(&mut self) -> &mut Shell {
        &mut self.shell
    }

    /// Runs a whole script. A syntax error anywhere rejects it before any line runs.
    pub fn run_script(&mut self, script: &str) -> Output {
        self.shell.run(&mut self.engine, script)
    }
}

/// One script being run: the engine it drives and the shell whose variables it sets.
struct Run<'a> {
    engine: &'a mut Engine,
    shell: &'a mut Shell,
}

impl Run<'_> {
    fn script(&mut self, script: &str) -> Output {
        let mut out = Output::default();
        match shell::parse(script) {
            Err(e) => {
                out.err(format!("fanout: {e}\n"));
                out.status = EXIT_SYNTAX;
            }
            Ok(commands) => self.run_commands(&commands, &mut out),
        }
        out
    }

    fn run_commands(&mut self, commands: &[SimpleCommand], out: &mut Output) {
        for c in commands {
            if c.only_after_success && out.status != EXIT_OK {
                continue;
            }
            out.status = self.run_command(c, out);
        }
    }

    fn run_command(&mut self, c: &SimpleCommand, out: &mut Output) -> i32 {
        let mut words = c.words.as_slice();
        // Leading NAME=value words are assignments (`export` is accepted and means the same).
        if words.first().is_some_and(|w| literal_is(w, "export")) {
            words = &words[1..];
        }
        let mut status = EXIT_OK;
        while let Some((name, value_parts)) = words.first().and_then(|w| assignment(w)) {
            let value = self.expand_joined(&value_parts, out, &mut status);
            self.shell.vars.insert(name, value);
            words = &words[1..];
        }
        if words.is_empty() {
            return status;
        }
        let mut argv = Vec::new();
        for w in words {
            argv.extend(self.expand_word(w, out, &mut status));
        }
        let Some(program) = argv.first().cloned() else {
            return status;
        };
        match program.as_str() {
            "aws" => self.run_aws(&argv[1..], out),
            "fanout" => match controls::run(self.engine, self.shell, &argv[1..]) {
                Ok(printed) => {
                    out.out(printed);
                    EXIT_OK
                }
                Err(message) => {
                    out.err(format!("fanout: line {}: {message}\n", c.line));
                    1
                }
            },
            "echo" => {
                let (newline, args) = match argv.get(1).map(String::as_str) {
                    Some("-n") => (false, &argv[2..]),
                    _ => (true, &argv[1..]),
                };
                out.out(format!(
                    "{}{}",
                    args.join(" "),
                    if newline { "\n" } else { "" }
                ));
                EXIT_OK
            }
            "sleep" => match argv.get(1).and_then(|s| parse_seconds(s)) {
                Some(ms) if argv.len() == 2 => {
                    let t = self.engine.now().plus_millis(ms);
                    self.engine.advance_to(t);
                    EXIT_OK
                }
                _ => {
                    out.err(format!(
                        "fanout: line {}: sleep: expected one number of seconds\n",
                        c.line
                    ));
                    1
                }
            },
            "true" | "set" => EXIT_OK,
            other => {
                out.err(format!(
                    "fanout: line {}: {other}: command not found (scripts run aws sqs and aws sns commands, fanout controls, echo, sleep and VAR=value)\n",
                    c.line
                ));
                EXIT_NOT_FOUND
            }
        }
    }

    fn run_aws(&mut self, args: &[String], out: &mut Output) -> i32 {
        let files = files::ParamFiles {
            virtual_files: Some(&self.shell.files),
            host: self.shell.host_files,
        };
        let invocation = match aws::parse_request(args, files) {
            Ok(aws::Request::Call(i)) => i,
            Ok(aws::Request::Print(text)) => {
                out.out(text);
                return EXIT_OK;
            }
            Ok(aws::Request::OutputSkeleton {
                globals,
                operation,
                response,
            }) => {
                return print_response(response, &globals, operation, out);
            }
            Err(aws::ArgumentError { message, status }) => {
                out.err(message);
                return status;
            }
        };
        let operation = invocation.command.operation();
        let command = invocation.command.clone();
        let reply = match self.engine.apply(invocation.command) {
            Ok(Reply::ReceivePending(poll)) => Reply::Messages(self.engine.wait_for_poll(poll)),
            Ok(r) => self.remaining_pages(command, r),
            Err(e) => {
                out.err(format!(
                    "\nAn error occurred ({}) when calling the {operation} operation: {}\n",
                    e.code.printed(),
                    e.message
                ));
                return EXIT_SERVICE_ERROR;
            }
        };
        print_response(
            output::response(&reply),
            &invocation.globals,
            operation,
            out,
        )
    }

    /// The AWS CLI follows `NextToken` of SNS list operations itself and prints one merged
    /// list (SNS pages 100 items at a time).
    fn remaining_pages(&mut self, mut command: Command, mut reply: Reply) -> Reply {
        loop {
            let token = match &reply {
                Reply::Topics { next_token, .. } | Reply::Subscriptions { next_token, .. } => {
                    next_token.clone()
                }
                _ => None,
            };
            let Some(token) = token else {
                return reply;
            };
            match &mut command {
                Command::ListTopics { next_token }
                | Command::ListSubscriptions { next_token }
                | Command::ListSubscriptionsByTopic { next_token, .. } => *next_token = Some(token),
                _ => return reply,
            }
            let Ok(page) = self.engine.apply(command.clone()) else {
                return reply;
            };
            match (&mut reply, page) {
                (
                    Reply::Topics {
                        topic_arns,
                        next_token,
                    },
                    Reply::Topics {
                        topic_arns: more,
                        next_token: after,
                    },
                ) => {
                    topic_arns.extend(more);
                    *next_token = after;
                }
                (
                    Reply::Subscriptions {
                        subscriptions,
                        next_token,
                    },
                    Reply::Subscriptions {
                        subscriptions: more,
                        next_token: after,
                    },
                ) => {
                    subscriptions.extend(more);
                    *next_token = after;
                }
                _ => return reply,
            }
        }
    }

    /// Expands one word into zero or more fields: an unquoted `$VAR` or `$(...)` alone
    /// splits on whitespace, as in a POSIX shell; anything else stays one field.
    fn expand_word(&mut self, word: &[Part], out: &mut Output, status: &mut i32) -> Vec<String> {
        if let [part @ (Part::Variable { quoted: false, .. }
        | Part::Substitution { quoted: false, .. })] = word
        {
            let value = self.expand_part(part, out, status);
            return value.split_whitespace().map(str::to_string).collect();
        }
        vec![self.expand_joined(word, out, status)]
    }

    fn expand_joined(&mut self, parts: &[Part], out: &mut Output, status: &mut i32) -> String {
        parts
            .iter()
            .map(|p| self.expand_part(p, out, status))
            .collect()
    }

    fn expand_part(&mut self, part: &Part, out: &mut Output, status: &mut i32) -> String {
        match part {
            Part::Literal(s) => s.clone(),
            Part::Variable { name, .. } => self.shell.vars.get(name).cloned().unwrap_or_default(),
            Part::Substitution { script, .. } => {
                let inner = self.script(script);
                // The inner command's errors go to the outer stderr; its output is the value.
                for (stream, text) in &inner.chunks {
                    if *stream == Stream::Stderr {
                        out.err(text.clone());
                    }
                }
                *status = inner.status;
                inner.stdout().trim_end_matches('\n').to_string()
            }
        }
    }
}

/// Prints a response document as `--query` and `--output` ask.
fn print_response(
    doc: serde_json::Value,
    globals: &aws::GlobalOptions,
    operation: &str,
    out: &mut Output,
) -> i32 {
    match output::render(
        &doc,
        globals.query.as_deref(),
        globals.output.as_deref(),
        operation,
    ) {
        Ok(text) => {
            out.out(text);
            EXIT_OK
        }
        Err(output::RenderError { message, status }) => {
            out.err(message);
            status
        }
    }
}

fn literal_is(word: &[Part], s: &str) -> bool {
    matches!(word, [Part::Literal(l)] if l == s)
}

/// `NAME=rest...` where NAME is a valid shell name in the word's leading literal.
fn assignment(word: &[Part]) -> Option<(String, Vec<Part>)> {
    let Some(Part::Literal(first)) = word.first() else {
        return None;
    };
    let (name, value) = first.split_once('=')?;
    let mut chars = name.chars();
    let valid = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return None;
    }
    let mut parts = Vec::new();
    if !value.is_empty() {
        parts.push(Part::Literal(value.to_string()));
    }
    parts.extend(word[1..].iter().cloned());
    Some((name.to_string(), parts))
}

/// `sleep` arguments: seconds, possibly fractional (`0.5`), or with an `s`/`m`/`h` suffix.
fn parse_seconds(s: &str) -> Option<u64> {
    let (num, mult) = match s.chars().last()? {
        's' => (&s[..s.len() - 1], 1.0),
        'm' => (&s[..s.len() - 1], 60.0),
        'h' => (&s[..s.len() - 1], 3600.0),
        _ => (s, 1.0),
    };
    let v: f64 = num.parse().ok()?;
    (v.is_finite() && v >= 0.0).then(|| (v * mult * 1000.0).round() as u64)
}
