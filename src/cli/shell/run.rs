//! Runs a parsed script: control flow, expansions and the builtins. Commands the shell
//! does not know (`aws`, `fanout`, `sleep`) go to its [`Host`], which owns the engine.
//!
//! Nothing may hang or run away, so there are three limits, each ending the whole script
//! with an error that names the line (exit status 1):
//! - one loop runs at most [`MAX_LOOP_ITERATIONS`] times (a `for` over more words is
//!   refused before its first iteration; `while true` stops at the limit);
//! - one script runs at most [`MAX_COMMANDS`] simple commands in all, which bounds
//!   nested loops;
//! - the host may end the script after a command ([`Host::halt`]): the engine refuses
//!   sends once the simulation is full, and a loop of a million refused sends would
//!   freeze the page for minutes to print the same error a million times.

use super::{builtins, AndOr, Command, Connector, List, Part, Pipeline, SimpleCommand, Word};
use crate::cli::{Output, EXIT_NOT_FOUND, EXIT_OK};
use std::collections::BTreeMap;

pub const MAX_LOOP_ITERATIONS: usize = 100_000;
pub const MAX_COMMANDS: u64 = 1_000_000;

/// Exit status of a usage error in `test`, `[` and `exit` (as in bash).
const EXIT_BUILTIN_USAGE: i32 = 2;

/// What runs the commands the shell does not know itself.
pub trait Host {
    fn vars(&mut self) -> &mut BTreeMap<String, String>;
    /// Runs `argv` (never empty) and returns its exit status, or None when it is no
    /// command the host knows.
    fn command(&mut self, argv: &[String], line: usize, out: &mut Output) -> Option<i32>;
    /// Why the script must end after the command just run, if it must.
    fn halt(&mut self) -> Option<String> {
        None
    }
}

/// Why running stopped before the end of a list.
enum Jump {
    Break(u32),
    Continue(u32),
    /// `exit`: the status is already set.
    Exit,
    /// A limit was reached: the error is printed; the whole script ends.
    Stop,
    /// An expansion failed (division by zero): the error is printed, the command does
    /// not run and fails.
    Failed,
}

type Flow = Result<(), Jump>;

pub struct Interpreter<'h, H: Host> {
    host: &'h mut H,
    status: i32,
    commands: u64,
    /// Command substitutions run, so an assignment knows whether one set `$?`.
    substitutions: u64,
    /// Lines of the loops being run, innermost last.
    loops: Vec<usize>,
}

impl<'h, H: Host> Interpreter<'h, H> {
    pub fn new(host: &'h mut H) -> Self {
        Interpreter {
            host,
            status: EXIT_OK,
            commands: 0,
            substitutions: 0,
            loops: Vec::new(),
        }
    }

    /// Runs a whole script and returns its exit status.
    pub fn run(&mut self, script: &List, out: &mut Output) -> i32 {
        // Break and Continue cannot escape: outside a loop they are refused where they run.
        let _ = self.list(script, out);
        self.status
    }

    fn list(&mut self, list: &List, out: &mut Output) -> Flow {
        for and_or in list {
            self.and_or(and_or, out)?;
        }
        Ok(())
    }

    fn and_or(&mut self, a: &AndOr, out: &mut Output) -> Flow {
        self.pipeline(&a.first, out)?;
        for (connector, p) in &a.rest {
            if (*connector == Connector::And) == (self.status == EXIT_OK) {
                self.pipeline(p, out)?;
            }
        }
        Ok(())
    }

    fn pipeline(&mut self, p: &Pipeline, out: &mut Output) -> Flow {
        self.command(&p.command, out)?;
        if p.negated {
            self.status = i32::from(self.status == EXIT_OK);
        }
        Ok(())
    }

    fn command(&mut self, c: &Command, out: &mut Output) -> Flow {
        match c {
            Command::Simple(s) => match self.simple(s, out) {
                Err(Jump::Failed) => {
                    self.status = 1;
                    Ok(())
                }
                other => other,
            },
            Command::For {
                name,
                words,
                body,
                line,
            } => self.for_loop(name, words, body, *line, out),
            Command::While {
                condition,
                body,
                until,
                line,
            } => self.while_loop(condition, body, *until, *line, out),
            Command::If {
                branches,
                otherwise,
            } => {
                for (condition, body) in branches {
                    self.list(condition, out)?;
                    if self.status == EXIT_OK {
                        return self.list(body, out);
                    }
                }
                match otherwise {
                    Some(body) => self.list(body, out),
                    None => {
                        self.status = EXIT_OK;
                        Ok(())
                    }
                }
            }
        }
    }

    fn for_loop(
        &mut self,
        name: &str,
        words: &[Word],
        body: &List,
        line: usize,
        out: &mut Output,
    ) -> Flow {
        let mut items = Vec::new();
        for w in words {
            match self.fields(w, line, out) {
                Ok(f) => items.extend(f),
                Err(Jump::Failed) => {
                    self.status = 1;
                    return Ok(());
                }
                Err(e) => return Err(e),
            }
        }
        if items.len() > MAX_LOOP_ITERATIONS {
            return self.stop(
                line,
                format!(
                    "for loop over {} words refused before it started (Fanout's limit for one loop is {MAX_LOOP_ITERATIONS} iterations)",
                    items.len()
                ),
                out,
            );
        }
        self.status = EXIT_OK;
        self.loops.push(line);
        let mut flow = Ok(());
        for item in items {
            self.host.vars().insert(name.to_string(), item);
            match self.iteration(body, out) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    flow = Err(e);
                    break;
                }
            }
        }
        self.loops.pop();
        flow
    }

    fn while_loop(
        &mut self,
        condition: &List,
        body: &List,
        until: bool,
        line: usize,
        out: &mut Output,
    ) -> Flow {
        self.loops.push(line);
        let flow = self.while_iterations(condition, body, until, line, out);
        self.loops.pop();
        flow
    }

    fn while_iterations(
        &mut self,
        condition: &List,
        body: &List,
        until: bool,
        line: usize,
        out: &mut Output,
    ) -> Flow {
        let mut last = EXIT_OK;
        let mut iterations = 0;
        loop {
            if !self.iteration(condition, out)? {
                break;
            }
            if (self.status == EXIT_OK) == until {
                break;
            }
            iterations += 1;
            if iterations > MAX_LOOP_ITERATIONS {
                let what = if until { "until" } else { "while" };
                return self.stop(
                    line,
                    format!("{what} loop stopped after {MAX_LOOP_ITERATIONS} iterations (Fanout's limit for one loop)"),
                    out,
                );
            }
            if !self.iteration(body, out)? {
                break;
            }
            last = self.status;
        }
        self.status = last;
        Ok(())
    }

    /// Runs a loop's list once: Ok(false) when `break` ends the loop; `break 2` and
    /// `continue 2` pass on to the loop around it.
    fn iteration(&mut self, list: &List, out: &mut Output) -> Result<bool, Jump> {
        match self.list(list, out) {
            Ok(()) | Err(Jump::Continue(1)) => Ok(true),
            Err(Jump::Break(1)) => Ok(false),
            Err(Jump::Break(n)) => Err(Jump::Break(n - 1)),
            Err(Jump::Continue(n)) => Err(Jump::Continue(n - 1)),
            Err(e) => Err(e),
        }
    }

    fn stop(&mut self, line: usize, message: String, out: &mut Output) -> Flow {
        out.err(format!("fanout: line {line}: {message}\n"));
        self.status = 1;
        Err(Jump::Stop)
    }

    fn simple(&mut self, c: &SimpleCommand, out: &mut Output) -> Flow {
        self.commands += 1;
        if self.commands > MAX_COMMANDS {
            let line = self.loops.last().copied().unwrap_or(c.line);
            return self.stop(
                line,
                format!("loop stopped after the script ran {MAX_COMMANDS} commands (Fanout's limit for one script)"),
                out,
            );
        }
        let before = self.substitutions;
        let mut argv = Vec::new();
        for w in &c.words {
            argv.extend(self.fields(w, c.line, out)?);
        }
        let mut values = Vec::new();
        for (name, w) in &c.assignments {
            values.push((name.clone(), self.joined(w, c.line, out)?));
        }
        if argv.is_empty() {
            self.host.vars().extend(values);
            // An assignment's status is that of its last command substitution, if any.
            if self.substitutions == before {
                self.status = EXIT_OK;
            }
            return Ok(());
        }
        // `NAME=value command` sets NAME for that command only; Fanout's commands read no
        // environment, so the values are dropped.
        drop(values);
        self.status = self.builtin(&argv, c.line, out)?;
        Ok(())
    }

    fn builtin(&mut self, argv: &[String], line: usize, out: &mut Output) -> Result<i32, Jump> {
        let args = &argv[1..];
        let usage = |out: &mut Output, message: String, status: i32| {
            out.err(format!("fanout: line {line}: {message}\n"));
            status
        };
        Ok(match argv[0].as_str() {
            "echo" => {
                out.out(builtins::echo(args));
                EXIT_OK
            }
            "true" | ":" | "set" => EXIT_OK,
            "false" => 1,
            name @ ("test" | "[") => match builtins::test(args, name == "[") {
                Ok(holds) => i32::from(!holds),
                Err(message) => usage(out, message, EXIT_BUILTIN_USAGE),
            },
            "seq" => match builtins::seq(args) {
                Ok(lines) => {
                    out.out(lines);
                    EXIT_OK
                }
                Err(message) => usage(out, message, 1),
            },
            name @ ("break" | "continue") => {
                if self.loops.is_empty() {
                    return Ok(usage(
 out,
                        format!("{name}: only meaningful in a `for', `while', or `until' loop"),
                        EXIT_OK,
                    ));
                }
                let n = match args {
                    [] => Ok(1),
                    [n] => n.parse::<u32>().ok().filter(|&n| n >= 1).ok_or(n),
                    [_, extra, ..] => Err(extra),
                };
                match n {
                    Ok(n) => {
                        self.status = EXIT_OK;
                        let depth = u32::try_from(self.loops.len()).unwrap_or(u32::MAX);
                        let n = n.min(depth);
                        return Err(if name == "break" {
                            Jump::Break(n)
                        } else {
                            Jump::Continue(n)
                        });
                    }
                    Err(bad) => usage(out, format!("{name}: {bad}: loop count out of range"), 1),
                }
            }
            "exit" => {
                self.status = match args.first() {
                    None => self.status,
                    Some(n) => match n.trim().parse::<i64>() {
                        // Statuses are one byte, as in a shell.
                        Ok(v) => (v & 0xff) as i32,
                        Err(_) => usage(
 out,
                            format!("exit: {n}: numeric argument required"),
                            EXIT_BUILTIN_USAGE,
                        ),
                    },
                };
                return Err(Jump::Exit);
            }
            _ => match self.host.command(argv, line, out) {
                Some(status) => {
                    if let Some(reason) = self.host.halt() {
                        self.stop(line, reason, out)?;
                    }
                    status
                }
                None => usage(
 out,
                    format!("{}: command not found (scripts run aws sqs and aws sns commands, fanout controls, echo, sleep and VAR=value)", argv[0]),
                    EXIT_NOT_FOUND,
                ),
            },
        })
    }

    /// A word's fields: unquoted expansions split at blanks, as in a POSIX shell; a word
    /// that was quoted (even `""`) is always at least one field.
    fn fields(&mut self, word: &Word, line: usize, out: &mut Output) -> Result<Vec<String>, Jump> {
        let mut fields = Vec::new();
        let mut current = String::new();
        let mut started = false;
        for part in word {
            let (text, quoted) = self.part(part, line, out)?;
            if quoted || matches!(part, Part::Literal { .. }) {
                started |= quoted || !text.is_empty();
                current.push_str(&text);
                continue;
            }
            for c in text.chars() {
                if matches!(c, ' ' | '\t' | '\n') {
                    if started {
                        fields.push(std::mem::take(&mut current));
                        started = false;
                    }
                } else {
                    current.push(c);
                    started = true;
                }
            }
        }
        if started {
            fields.push(current);
        }
        Ok(fields)
    }

    /// A word as one string, unsplit (assignment values).
    fn joined(&mut self, word: &Word, line: usize, out: &mut Output) -> Result<String, Jump> {
        let mut s = String::new();
        for part in word {
            s.push_str(&self.part(part, line, out)?.0);
        }
        Ok(s)
    }

    fn part(&mut self, part: &Part, line: usize, out: &mut Output) -> Result<(String, bool), Jump> {
        Ok(match part {
            Part::Literal { text, quoted } => (text.clone(), *quoted),
            Part::Variable { name, quoted } => (self.var(name), *quoted),
            Part::Arithmetic { expr, quoted } => {
                let value = {
                    let status = self.status;
                    let vars = self.host.vars();
                    expr.eval(&|name| lookup(vars, status, name))
                };
                match value {
                    Ok(v) => (v.to_string(), *quoted),
                    Err(message) => {
                        out.err(format!("fanout: line {line}: $((...)): {message}\n"));
                        return Err(Jump::Failed);
                    }
                }
            }
            Part::Substitution { body, quoted } => (self.substitute(body, out)?, *quoted),
        })
    }

    fn var(&mut self, name: &str) -> String {
        let status = self.status;
        lookup(self.host.vars(), status, name)
    }

    /// `$(...)` runs like a subshell: its variables and loops stay inside; its stderr
    /// passes through; its stdout, less trailing newlines, is the value.
    fn substitute(&mut self, body: &List, out: &mut Output) -> Result<String, Jump> {
        let saved_vars = self.host.vars().clone();
        let saved_loops = std::mem::take(&mut self.loops);
        let mut inner = Output::default();
        let flow = self.list(body, &mut inner);
        self.loops = saved_loops;
        *self.host.vars() = saved_vars;
        for (stream, text) in &inner.chunks {
            if *stream == crate::cli::Stream::Stderr {
                out.err(text.clone());
            }
        }
        if let Err(Jump::Stop) = flow {
            return Err(Jump::Stop);
        }
        self.substitutions += 1;
        Ok(inner.stdout().trim_end_matches('\n').to_string())
    }
}

fn lookup(vars: &BTreeMap<String, String>, status: i32, name: &str) -> String {
    if name == "?" {
        return status.to_string();
    }
    vars.get(name).cloned().unwrap_or_default()
}
