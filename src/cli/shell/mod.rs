//! The POSIX-shell subset scripts are written in.
//!
//! Supported: comments (and `#!` lines), single and double quotes, backslash escapes and
//! continuations, `$VAR`, `${VAR}`, `$?`, `$(...)`, `$((...))`, brace expansion
//! (`{1..1000}`, `{a,b}`), assignments and `export`, lists with `;`, newlines, `&&`, `||`
//! and `!`, and the compound commands `for NAME in WORDS; do ...; done`,
//! `while`/`until LIST; do ...; done` and `if ...; then ...; elif ...; else ...; fi`.
//! Builtins (`echo`, `test`/`[`, `seq`, `true`, `false`, `break`, `continue`, `exit`) are
//! in [`builtins`]; `run` walks the tree.
//!
//! Parsing is separate from running: a script with a syntax error is rejected whole,
//! before any line has run, so a malformed script changes nothing. Everything else a shell
//! has (pipes, redirections, here-documents, functions, `case`, subshells, backquotes,
//! background jobs) is refused at parse time with an error naming its line and column.

pub mod arith;
mod brace;
pub mod builtins;
mod parser;
pub mod run;

use std::fmt;

/// A piece of a word. Quoting decides whether an expansion is split into several words,
/// and whether a literal `{` or `=` means anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Literal {
        text: String,
        quoted: bool,
    },
    /// `$NAME`, `${NAME}`; `$?` is the name `?`.
    Variable {
        name: String,
        quoted: bool,
    },
    /// `$(...)`: a script of its own, run when the word is expanded.
    Substitution {
        body: List,
        quoted: bool,
    },
    /// `$((...))`, evaluated when the word is expanded.
    Arithmetic {
        expr: arith::Expr,
        quoted: bool,
    },
}

pub type Word = Vec<Part>;

/// `NAME=value` words before a command (or after `export`), and the command's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimpleCommand {
    pub assignments: Vec<(String, Word)>,
    pub words: Vec<Word>,
    /// Where the command starts: runtime errors name this line.
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Simple(SimpleCommand),
    For {
        name: String,
        words: Vec<Word>,
        body: List,
        line: usize,
    },
    /// `while` runs the body while the condition succeeds; `until` while it fails.
    While {
        condition: List,
        body: List,
        until: bool,
        line: usize,
    },
    If {
        /// `if`/`elif` conditions with their bodies, in order.
        branches: Vec<(List, List)>,
        otherwise: Option<List>,
    },
}

/// A command, possibly negated with `!` (no real pipes: they are refused).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pipeline {
    pub negated: bool,
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connector {
    /// `&&`: run the next one if this one succeeded.
    And,
    /// `||`: run the next one if this one failed.
    Or,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(Connector, Pipeline)>,
}

/// Commands separated by `;` or newlines.
pub type List = Vec<AndOr>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The script stopped in the middle of something (a quote, `$(`, a trailing `&&`, a
    /// loop without `done`): more lines could complete it, so a console asks for a
    /// continuation line.
    pub incomplete: bool,
}

impl SyntaxError {
    /// Whether more input could make the script valid (a console then prompts for it).
    pub fn is_incomplete(&self) -> bool {
        self.incomplete
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Parses a whole script.
pub fn parse(script: &str) -> Result<List, SyntaxError> {
    parser::parse(script)
}

/// Words that start or end a compound command where a command could start.
const RESERVED: [&str; 16] = [
    "for", "in", "do", "done", "while", "until", "if", "then", "elif", "else", "fi", "case",
    "esac", "select", "function", "!",
];

/// Quotes a string so that `parse` reads it back as one word with the same text, wherever
/// the word stands (so reserved words and `NAME=value` are quoted too).
pub fn quote(s: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./:,@%+".contains(c);
    if !s.is_empty() && s.chars().all(safe) && !RESERVED.contains(&s) {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests;
