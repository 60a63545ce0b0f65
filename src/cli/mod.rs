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
#[doc(hidden)]
pub mod harness;
pub mod help;
pub mod output;
pub mod params;
pub mod pyjson;
pub mod shell;
pub mod shorthand;
pub mod skeleton;
pub mod sns;

use crate::engine::{Command, Engine, EngineConfig, Reply};
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
            capacity_refusals: engine.capacity_refusals(),
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
    /// The engine's count when last checked: a rise means the simulation is full.
    capacity_refusals: u64,
}

/// The commands that reach the engine; the shell runs everything else itself.
impl shell::run::Host for Run<'_> {
    fn vars(&mut self) -> &mut BTreeMap<String, String> {
        &mut self.shell.vars
    }

    fn command(&mut self, argv: &[String], line: usize, out: &mut Output) -> Option<i32> {
        Some(match argv[0].as_str() {
            "aws" => self.run_aws(&argv[1..], out),
            "fanout" => match controls::run(self.engine, self.shell, &argv[1..]) {
                Ok(printed) => {
                    out.out(printed);
                    EXIT_OK
                }
                Err(message) => {
                    out.err(format!("fanout: line {line}: {message}\n"));
                    1
                }
            },
            "sleep" => self.sleep(&argv[1..], line, out),
            _ => return None,
        })
    }

    fn halt(&mut self) -> Option<String> {
        let refusals = self.engine.capacity_refusals();
        if refusals == self.capacity_refusals {
            return None;
        }
        self.capacity_refusals = refusals;
        Some(crate::engine::capacity::script_stop_message(
            &self.engine.config(),
        ))
    }
}

impl Run<'_> {
    fn script(&mut self, script: &str) -> Output {
        let mut out = Output::default();
        match shell::parse(script) {
            Err(e) => {
                out.err(format!("fanout: {e}\n"));
                out.status = EXIT_SYNTAX;
            }
            Ok(list) => out.status = shell::run::Interpreter::new(self).run(&list, &mut out),
        }
        out
    }

    fn sleep(&mut self, args: &[String], line: usize, out: &mut Output) -> i32 {
        match args {
            [s] => match parse_seconds(s) {
                Some(ms) => {
                    let t = self.engine.now().plus_millis(ms);
                    self.engine.advance_to(t);
                    EXIT_OK
                }
                None => self.sleep_usage(line, out),
            },
            _ => self.sleep_usage(line, out),
        }
    }

    fn sleep_usage(&self, line: usize, out: &mut Output) -> i32 {
        out.err(format!(
            "fanout: line {line}: sleep: expected one number of seconds\n"
        ));
        1
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
