//! The console panel's state: what it printed, the commands typed (the scenario's
//! history), and what the latest command touched, for the views to flash.
//!
//! Console input runs through the same shell as `fanout run`, in a worker with a replica
//! of the page's engine (src/console_link, `console_worker`); the script's journal entries
//! are then applied to the page's engine, so a typed command and a click do the same
//! thing. The page only prints what the shell returns; it knows no AWS rule.

pub use super::console_touched::{Flash, Touched};
use super::params::Settings;
use super::speed::Speed;
use super::state::{Action, AppState};
use crate::console_link::page::Outcome;
use crate::console_link::{Answer, Completion, Stream};
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
    /// A script (a typed line or a pasted script) is on its way to the interpreter: the
    /// page's simulation waits for it (and any sent after it), so its changes apply to
    /// the state it ran on.
    Start(String),
    /// The interpreter's outcome for the oldest script started; a run's changes are
    /// already applied to the page's engine.
    Finished(Outcome),
    Clear,
    Note(String),
}

/// Whether `action` waits while a console script runs: everything that could change the
/// simulation (ticks are dropped instead: the clock waits).
pub(super) fn waits_for_console(action: &Action) -> bool {
    !matches!(
        action,
        Action::Console(_) | Action::Play | Action::Pause | Action::SetSpeed(_)
    )
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
pub fn tab(input: &str, cursor: usize, completion: Completion) -> TabResult {
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
    /// The scripts sent to the interpreter, in order, not yet finished.
    pub pending: std::collections::VecDeque<String>,
    /// Actions that came while a script ran, done in order when it has finished.
    pub(super) deferred: Vec<Action>,
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
            ConsoleAction::Start(input) => self.console.pending.push_back(input),
            ConsoleAction::Finished(outcome) => self.console_finished(outcome),
            ConsoleAction::Clear => self.console.entries = Rc::default(),
            ConsoleAction::Note(text) => self.console.note(text),
        }
    }

    fn console_finished(&mut self, outcome: Outcome) {
        let Some(input) = self.console.pending.pop_front() else {
            return;
        };
        let (chunks, status, touched) = match outcome {
            Outcome::Ran(ran) => {
                // `fanout clock speed X` sets the page's playback speed, once.
                if let Some(speed) = ran.speed.as_deref().and_then(Speed::from_label) {
                    self.speed = speed;
                }
                let engine = self.engine.borrow();
                let touched = Touched::from_trace(engine.trace().since(ran.trace_from));
                (ran.chunks, ran.status, touched)
            }
            Outcome::Other(Answer::Failed(why)) => (
                vec![(Stream::Stderr, format!("The command did not run: {why}.\n"))],
                1,
                Touched::default(),
            ),
            Outcome::Other(_) | Outcome::Retry => (
                vec![(
                    Stream::Stderr,
                    "The command did not run: the console's interpreter gave no result.\n"
                        .to_string(),
                )],
                1,
                Touched::default(),
            ),
        };
        let c = &mut self.console;
        c.touched = Rc::new(touched);
        c.runs += 1;
        c.ran_at_ms = self.wall_ms;
        c.remember(&input);
        save_history(&c.history);
        c.push(|id| Entry::Run {
            id,
            input,
            chunks,
            status,
        });
        if self.console.pending.is_empty() {
            for action in std::mem::take(&mut self.console.deferred) {
                self.act(action);
            }
        }
    }
}
