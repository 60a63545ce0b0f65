//! The console panel's state: what it printed, the commands typed (the scenario's
//! history), and what the latest command touched, for the views to flash.
//!
//! Console input runs through the same [`Shell`] as `fanout run`, against the page's own
//! engine, so a typed command and a click do the same thing. The page only prints what
//! the shell returns; it knows no AWS rule.

pub use super::console_touched::{Flash, Touched};
use super::params::Settings;
use super::speed::Speed;
use super::state::AppState;
use crate::cli::{Output, Shell, Stream};
use crate::engine::Engine;
use std::cell::RefCell;
use std::rc::Rc;

/// Where the history survives a reload. Prefixed so that other console settings can
/// sit next to it.
pub const HISTORY_KEY: &str = "fanout.console.history";
/// Commands kept (in memory and in localStorage): enough for a lesson's scenario, small
/// enough that localStorage's quota is never the problem.
pub const HISTORY_CAP: usize = 500;
/// Runs the panel shows, and their characters at most; older ones scroll away as in a
/// terminal, so that a long session does not grow the page without bound.
const ENTRIES_CAP: usize = 200;
const SHOWN_CAP: usize = 512 * 1024;
/// Characters of one run's output shown; a loop can print far more than anyone reads.
const OUTPUT_CAP: usize = 64 * 1024;
/// How long (real milliseconds) the resources a command touched are marked.
pub const FLASH_MS: f64 = 2_000.0;

/// One thing the panel shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A script run: the input as typed, what it printed, and how it ended.
    Run {
        id: u64,
        input: String,
        chunks: Vec<(Stream, String)>,
        status: i32,
    },
    /// The page speaking for itself (a dropped file, the clipboard).
    Note { id: u64, text: String },
}

impl Entry {
    pub fn id(&self) -> u64 {
        match self {
            Entry::Run { id, .. } | Entry::Note { id, .. } => *id,
        }
    }

    fn size(&self) -> usize {
        match self {
            Entry::Run { input, chunks, .. } => {
                input.len() + chunks.iter().map(|(_, t)| t.len()).sum::<usize>()
            }
            Entry::Note { text, .. } => text.len(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConsoleAction {
    /// Runs the text as one script (a typed line or a pasted script).
    Run(String),
    Clear,
    /// A file dropped on the console: `file://NAME` reads it from now on.
    AddFile {
        name: String,
        text: String,
    },
    Note(String),
}

/// The page's engine and the console's shell, which tab completion reads. Equal when
/// they are the same objects, so passing them as props does not re-render anything.
#[derive(Clone)]
pub struct Interpreter {
    pub engine: Rc<RefCell<Engine>>,
    pub shell: Rc<RefCell<Shell>>,
}

impl PartialEq for Interpreter {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.engine, &other.engine) && Rc::ptr_eq(&self.shell, &other.shell)
    }
}

impl Interpreter {
    /// What may stand at byte `cursor` of `input`, as `fanout repl` completes it. None
    /// while the engine is busy (a completion never waits for it).
    pub fn complete(&self, input: &str, cursor: usize) -> Option<crate::cli::complete::Completion> {
        let engine = self.engine.try_borrow().ok()?;
        let shell = self.shell.try_borrow().ok()?;
        Some(crate::cli::complete::complete(
            input, cursor, &engine, &shell,
        ))
    }
}

/// What Tab does to the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabResult {
    /// The new input and the byte offset of the cursor in it.
    Insert(String, usize),
    /// Several candidates and nothing they share beyond what is typed: list them.
    List(Vec<String>),
    Nothing,
}

/// Tab at byte `cursor` of `input`: the one candidate replaces the word being typed;
/// several insert what they have in common, as a shell does, or are listed.
pub fn tab(input: &str, cursor: usize, completion: crate::cli::complete::Completion) -> TabResult {
    let Some(typed) = input.get(completion.start..cursor) else {
        return TabResult::Nothing;
    };
    let candidates = completion.candidates;
    let shared = match candidates.as_slice() {
        [] => return TabResult::Nothing,
        [one] => one.clone(),
        [first, rest @ ..] => {
            let mut end = first.len();
            for c in rest {
                end = first
                    .char_indices()
                    .zip(c.chars())
                    .find(|((_, a), b)| a != b)
                    .map_or(end.min(c.len()), |((i, _), _)| i.min(end));
            }
            first[..end].to_string()
        }
    };
    if shared.len() <= typed.len() && candidates.len() > 1 {
        return TabResult::List(candidates);
    }
    let mut next = String::with_capacity(input.len() + shared.len());
    next.push_str(&input[..completion.start]);
    next.push_str(&shared);
    let at = next.len();
    next.push_str(&input[cursor..]);
    TabResult::Insert(next, at)
}

/// Whether `input` stops in the middle of something (a quote, `$(`, a trailing `&&` or
/// backslash): Enter then adds a line instead of running it.
pub fn incomplete(input: &str) -> bool {
    matches!(crate::cli::shell::parse(input), Err(e) if e.is_incomplete())
}

/// The console's part of the page state.
#[derive(Clone, Debug, Default)]
pub struct ConsoleState {
    /// Every command typed, oldest first, this page's and (before `scenario_start`)
    /// earlier visits'. Up/Down browse all of it.
    pub history: Vec<String>,
    /// Where this page's commands start in `history`: the scenario's own commands, what
    /// "Copy as script" (and a saved scenario) replays.
    pub scenario_start: usize,
    /// Shared, so that cloning the page state on every tick does not copy the output.
    pub entries: Rc<Vec<Entry>>,
    next_id: u64,
    /// What the latest run touched, the run's number, and when (wall clock).
    touched: Rc<Touched>,
    runs: u64,
    ran_at_ms: f64,
}

impl ConsoleState {
    /// A console that remembers `history` from earlier visits.
    pub fn with_history(mut history: Vec<String>) -> ConsoleState {
        cap(&mut history);
        ConsoleState {
            scenario_start: history.len(),
            history,
            ..ConsoleState::default()
        }
    }

    /// The commands typed on this page, in order.
    pub fn scenario(&self) -> &[String] {
        &self.history[self.scenario_start.min(self.history.len())..]
    }

    /// The scenario's commands as a script, headed by the `fanout run` line that replays
    /// it with the page's settings (the page's default chaos is not `fanout run`'s).
    pub fn script(&self, settings: &Settings) -> String {
        let mut s = format!(
            "# Replay: fanout run --seed {} --chaos {} --access {} SCRIPT\n",
            settings.seed,
            settings.chaos.name(),
            settings.access.name()
        );
        for command in self.scenario() {
            s.push_str(command.trim_end_matches('\n'));
            s.push('\n');
        }
        s
    }

    /// The marks the views show now: none once `FLASH_MS` have passed.
    pub fn flash(&self, wall_ms: f64) -> Flash {
        if self.touched.is_empty() || wall_ms - self.ran_at_ms > FLASH_MS {
            return Flash::default();
        }
        let class = if self.runs % 2 == 0 {
            "flash-even"
        } else {
            "flash-odd"
        };
        Flash::new(self.touched.clone(), class)
    }

    fn push(&mut self, entry: impl FnOnce(u64) -> Entry) {
        let id = self.next_id;
        self.next_id += 1;
        let entries = Rc::make_mut(&mut self.entries);
        entries.push(entry(id));
        let mut drop = entries.len().saturating_sub(ENTRIES_CAP);
        let mut shown: usize = entries[drop..].iter().map(Entry::size).sum();
        // The newest entry always stays.
        while shown > SHOWN_CAP && drop + 1 < entries.len() {
            shown -= entries[drop].size();
            drop += 1;
        }
        entries.drain(..drop);
    }

    pub fn note(&mut self, text: String) {
        self.push(|id| Entry::Note { id, text });
    }

    fn remember(&mut self, input: &str) {
        self.history.push(input.to_string());
        let before = self.history.len();
        cap(&mut self.history);
        self.scenario_start = self
            .scenario_start
            .saturating_sub(before - self.history.len());
    }
}

fn cap(history: &mut Vec<String>) {
    if history.len() > HISTORY_CAP {
        history.drain(..history.len() - HISTORY_CAP);
    }
}

/// A run's output for display: at most `OUTPUT_CAP` characters, cut at a chunk boundary
/// or inside the chunk that crosses it, with a note of what was left out.
fn shown(output: Output) -> Vec<(Stream, String)> {
    let total: usize = output.chunks.iter().map(|(_, t)| t.len()).sum();
    if total <= OUTPUT_CAP {
        return output.chunks;
    }
    let mut kept = Vec::new();
    let mut room = OUTPUT_CAP;
    for (stream, text) in output.chunks {
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

/// The history from localStorage; a missing, unreadable or corrupt value is an empty one.
pub fn load_history() -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(HISTORY_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Best effort: a full or disabled localStorage costs the history of the next visit, not
/// this page's.
fn save_history(history: &[String]) {
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(history)) {
        let _ = s.set_item(HISTORY_KEY, &text);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl AppState {
    pub(super) fn console_act(&mut self, action: ConsoleAction) {
        match action {
            ConsoleAction::Run(input) => self.console_run(input),
            ConsoleAction::Clear => self.console.entries = Rc::default(),
            ConsoleAction::AddFile { name, text } => {
                let note = format!(
                    "Added {name} ({} bytes): parameters read it as file://{name}",
                    text.len()
                );
                self.shell.borrow_mut().files.insert(name, text);
                self.console.note(note);
            }
            ConsoleAction::Note(text) => self.console.note(text),
        }
    }

    fn console_run(&mut self, input: String) {
        if input.trim().is_empty() {
            return;
        }
        let before = self.engine.borrow().trace().len();
        let output = {
            let mut engine = self.engine.borrow_mut();
            self.shell.borrow_mut().run(&mut engine, &input)
        };
        let touched = Touched::from_trace(self.engine.borrow().trace().since(before));
        // `fanout clock speed X` sets the page's playback speed, once.
        let chosen = self.shell.borrow_mut().playback_speed.take();
        if let Some(speed) = chosen.and_then(|s| Speed::from_label(s.label())) {
            self.speed = speed;
        }
        let c = &mut self.console;
        c.touched = Rc::new(touched);
        c.runs += 1;
        c.ran_at_ms = self.wall_ms;
        c.remember(&input);
        save_history(&c.history);
        let status = output.status;
        let chunks = shown(output);
        c.push(|id| Entry::Run {
            id,
            input,
            chunks,
            status,
        });
    }
}
