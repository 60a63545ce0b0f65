//! The console's interpreter behind a message boundary.
//!
//! The CLI (shell, AWS option tables, outputs, `--query`) is most of the page's code but
//! only the console uses it, so the page loads it as a second WebAssembly module, in a Web
//! Worker, the first time the console is used. The worker keeps a *replica* of the page's
//! engine: the engine is deterministic and every change is journaled, so sending the
//! journal entries the replica has not seen makes it identical, and applying the entries
//! a script added (through the same code a scenario import replays with) makes the page
//! identical to it again.
//!
//! - [`page`]: the page's half (no `crate::cli`): what to send, and applying the answer.
//! - [`replica`]: the worker's half: the replica engine and the console's [`Shell`](crate::cli::Shell).
//!
//! Messages are JSON text (a `postMessage` of a string), read by hand from a
//! `serde_json::Value` as the scenario reader does: derived `Deserialize` costs page size.

pub mod page;
pub mod replica;
mod wire;
#[cfg(target_arch = "wasm32")]
pub mod worker;

/// The page's playback speeds, slowest first: the speed menu and `fanout clock speed`
/// name them, from different WebAssembly modules.
pub const PLAYBACK_SPEEDS: &[&str] = &["0.25x", "0.5x", "1x", "2x", "5x", "10x", "100x", "1000x"];

/// Characters of one run's output sent to the page; a loop can print far more than anyone
/// reads, and all of it would cross the worker boundary.
pub const OUTPUT_CAP: usize = 64 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// What may replace `input[start..cursor]` (as `cli::complete` answers).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completion {
    pub start: usize,
    pub candidates: Vec<String>,
}

/// What the console asks of its interpreter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Runs a script; with `only_if_complete`, an unfinished one (an open quote, a
    /// trailing `&&`) is answered with [`Answer::Incomplete`] instead, so Enter can add a
    /// line.
    Run {
        input: String,
        only_if_complete: bool,
    },
    /// Whether `input` is whole (Enter runs it) or stops in the middle of something
    /// (Enter adds a line). Needs no simulation, so it needs no sync either.
    Check { input: String },
    /// Tab at byte `cursor` of `input`.
    Complete { input: String, cursor: usize },
    /// A file dropped on the console, read as `file://NAME` from now on.
    AddFile { name: String, text: String },
}

/// How the replica catches up with the page before answering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sync {
    /// It is already level.
    Level,
    /// A new replica (and a fresh shell) from the page's whole scenario: the first use,
    /// or after an import or reset changed the page's history.
    Reset { scenario: String },
    /// The page's journal entries from index `from` on, as a scenario file's JSON (its
    /// `journal`). `from` may be the replica's last entry again when that is a clock move
    /// the page has since extended (consecutive moves are one entry).
    Since { from: usize, scenario: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub sync: Sync,
    pub ask: Ask,
}

/// A script's run, as the page needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ran {
    pub chunks: Vec<(Stream, String)>,
    pub status: i32,
    /// Set by `fanout clock speed X`: one of [`PLAYBACK_SPEEDS`].
    pub speed: Option<String>,
    /// The journal entries the script added, from index `from` of the replica's journal
    /// (see [`Sync::Since`]), as a scenario file's JSON.
    pub from: usize,
    pub entries: String,
    /// The replica's journal length after the run, which the page's must then equal.
    pub journal_len: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Ran(Ran),
    /// The input stops in the middle of something (a quote, `$(`, a trailing `&&`).
    Incomplete,
    /// The input is whole: it can run.
    Runnable,
    Completion(Completion),
    FileAdded,
    /// The replica is not where the page thought it was (nothing was run): the page
    /// sends the request again with a [`Sync::Reset`].
    OutOfStep,
    /// The request could not be served; the message says why.
    Failed(String),
}

/// Whether a journal of length `len` whose last entry is a clock move (`last_is_advance`)
/// can take entries from index `from`: at its end, or re-sent its last clock move.
fn resumes_at(len: usize, last_is_advance: bool, from: usize) -> bool {
    from == len || (last_is_advance && from + 1 == len)
}

/// Where entries added after a journal of these entries start: its last clock move is
/// sent again, since a later move extends that entry instead of adding one.
fn resend_from(journal: &[crate::engine::journal::Entry]) -> usize {
    journal.len() - usize::from(last_is_advance(journal))
}

fn last_is_advance(journal: &[crate::engine::journal::Entry]) -> bool {
    use crate::engine::journal::Op;
    journal.last().is_some_and(|e| matches!(e.op, Op::Advance))
}

/// A run's output cut to [`OUTPUT_CAP`] characters, at a chunk boundary or inside the
/// chunk that crosses it, with a note of what was left out.
pub fn shown(chunks: Vec<(Stream, String)>) -> Vec<(Stream, String)> {
    let total: usize = chunks.iter().map(|(_, t)| t.len()).sum();
    if total <= OUTPUT_CAP {
        return chunks;
    }
    let mut kept = Vec::new();
    let mut room = OUTPUT_CAP;
    for (stream, text) in chunks {
        if room == 0 {
            break;
        }
        let mut end = room.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        room -= end;
        kept.push((stream, text[..end].to_string()));
    }
    kept.push((
        Stream::Stderr,
        format!(
            "\n… {} more characters of output not shown\n",
            total - OUTPUT_CAP
        ),
    ));
    kept
}
