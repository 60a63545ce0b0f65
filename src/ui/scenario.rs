//! Scenarios on the page (DESIGN §6): autosave to localStorage, export and import as JSON
//! files, share as a URL.
//!
//! Importing is all or nothing: a file (or autosave, or share link) is parsed, checked and
//! replayed into a new engine, and only a complete replay replaces the page's simulation.
//! Anything else leaves the page as it was and says why in a notice.

use super::console::ConsoleState;
use super::state::AppState;
use crate::engine::journal::Scenario;
use crate::engine::SimTime;
use base64::Engine as _;

pub const AUTOSAVE_KEY: &str = "fanout.scenario.autosave";
/// A share link's fragment: `#scenario=` then the scenario's JSON in base64url. No
/// compression: the crates that would do it cost more page weight than links save.
pub const SHARE_PREFIX: &str = "#scenario=";
/// Autosave at most this often, in real milliseconds, while only the clock moves (a
/// change saves sooner, see `AUTOSAVE_THROTTLE_MS`). Real, not virtual: at 1000x two
/// virtual seconds pass every tick, and writing the whole journal to localStorage 25 times
/// a second stalled the page.
const AUTOSAVE_EVERY_MS: u64 = 2_000;
/// Wall-clock milliseconds between two autosaves. A save writes the whole journal (up to
/// `MAX_JOURNAL_ENTRIES` entries, tens of megabytes of JSON), so a change within this
/// time of the last save only marks the save due: the scenario bar's timer (or the page
/// being hidden) saves it, once for a whole burst of commands.
pub const AUTOSAVE_THROTTLE_MS: u32 = 1_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioAction {
    /// A file's text, or a refusal the file input made before reading it (too large).
    Import(Result<String, String>),
    RestoreAutosave,
    DiscardAutosave,
    DismissNotice,
    /// What Export or Share has to say (a failure, the copied link).
    Notice(String),
    /// Saves a due autosave now: the throttle's time is up, or the page is being hidden.
    SaveDue,
}

/// What the scenario bar shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScenarioStatus {
    pub notice: Option<String>,
    /// An autosave from an earlier visit waits for Restore or Start fresh.
    pub autosave_offered: bool,
    /// localStorage refused the last autosave (full or disabled).
    pub autosave_paused: bool,
    /// A change waits for its autosave (see `AUTOSAVE_THROTTLE_MS`).
    pub autosave_due: bool,
    /// Journal entries and virtual time at the latest autosave.
    saved_len: usize,
    saved_virtual: SimTime,
    /// Wall-clock milliseconds of the latest autosave, if there was one.
    saved_wall_ms: Option<u64>,
}

/// The share link's scenario JSON, if the URL carries one; Err when it is cut or damaged.
pub fn decode_share(fragment: &str) -> Option<Result<String, String>> {
    let encoded = fragment.strip_prefix(SHARE_PREFIX)?;
    Some(
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(encoded.trim())
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or_else(|| "the link is incomplete or damaged".to_string()),
    )
}

pub fn encode_share(json: &str) -> String {
    format!(
        "{SHARE_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
    )
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load_autosave() -> Option<String> {
    storage()?.get_item(AUTOSAVE_KEY).ok().flatten()
}

fn remove_autosave() {
    if let Some(s) = storage() {
        let _ = s.remove_item(AUTOSAVE_KEY);
    }
}

fn save_autosave(json: &str) -> Result<(), ()> {
    storage()
        .ok_or(())?
        .set_item(AUTOSAVE_KEY, json)
        .map_err(drop)
}

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Drops a share link's fragment, so that a reload does not import it again over the
/// user's later work.
fn clear_location_hash() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash("");
    }
}

impl AppState {
    /// What a fresh page does first: import a share link, or offer an earlier autosave.
    pub(super) fn open_scenario(&mut self) {
        // The panic banner's links reload with a choice already made.
        match super::panic::take_after_panic() {
            Some(super::panic::AfterPanic::Restore) => {
                return self.scenario_act(ScenarioAction::RestoreAutosave);
            }
            Some(super::panic::AfterPanic::Fresh) => return,
            None => {}
        }
        if let Some(shared) = decode_share(&location_hash()) {
            clear_location_hash();
            let outcome = shared.and_then(|json| self.import(&json));
            self.scenario.notice = Some(match outcome {
                Ok(()) => "Opened the shared scenario.".into(),
                Err(e) => format!("Could not open the shared scenario: {e}. Starting fresh."),
            });
            return;
        }
        match load_autosave().map(|json| Scenario::parse(&json)) {
            None => {}
            Some(Ok(s)) if s.journal.is_empty() => {}
            Some(Ok(_)) => self.scenario.autosave_offered = true,
            Some(Err(e)) => {
                remove_autosave();
                self.scenario.notice = Some(format!(
                    "The autosaved scenario could not be restored ({e}). Starting fresh."
                ));
            }
        }
    }

    pub(super) fn scenario_act(&mut self, action: ScenarioAction) {
        match action {
            ScenarioAction::Import(text) => {
                self.scenario.notice = Some(match text.and_then(|t| self.import(&t)) {
                    Ok(()) => "Imported the scenario.".into(),
                    Err(e) => format!("Import refused: {e}. The current scenario is unchanged."),
                });
            }
            ScenarioAction::RestoreAutosave => {
                self.scenario.autosave_offered = false;
                let outcome = load_autosave()
                    .ok_or_else(|| "it is gone".to_string())
                    .and_then(|json| self.import(&json));
                self.scenario.notice = Some(match outcome {
                    Ok(()) => "Restored the autosaved scenario.".into(),
                    Err(e) => {
                        remove_autosave();
                        format!(
                            "The autosaved scenario could not be restored ({e}). Starting fresh."
                        )
                    }
                });
            }
            ScenarioAction::DiscardAutosave => self.scenario.autosave_offered = false,
            ScenarioAction::DismissNotice => self.scenario.notice = None,
            ScenarioAction::Notice(text) => self.scenario.notice = Some(text),
            ScenarioAction::SaveDue => {
                if self.scenario.autosave_due {
                    self.save_now();
                }
            }
        }
    }

    /// Replaces the simulation with the scenario in `json`, or changes nothing.
    fn import(&mut self, json: &str) -> Result<(), String> {
        let scenario = Scenario::parse(json)?;
        let engine = scenario.replay()?;
        let mut fresh = AppState::with_engine(self.settings.clone(), engine);
        let mut history = self.console.history[..self.console.scenario_start].to_vec();
        let start = history.len();
        history.extend(scenario.console_history);
        fresh.console = ConsoleState::with_history(history);
        fresh.console.scenario_start = start.min(fresh.console.history.len());
        fresh.scenario.saved_len = self.scenario.saved_len;
        fresh.scenario.saved_virtual = self.scenario.saved_virtual;
        fresh.scenario.saved_wall_ms = self.scenario.saved_wall_ms;
        *self = fresh;
        Ok(())
    }

    /// The scenario as JSON, for export, share and autosave.
    pub fn scenario_json(&self) -> Result<String, String> {
        self.engine.borrow().scenario_json(self.console.scenario())
    }

    /// Saves after each change, and every couple of virtual seconds while time runs, but
    /// at most once per `AUTOSAVE_THROTTLE_MS` of wall time: a change sooner than that is
    /// left due for `ScenarioAction::SaveDue`.
    pub(super) fn autosave(&mut self) {
        let len = self.engine.borrow().journal_len();
        let now = self.wall_ms as u64;
        // An offered autosave is kept until the user changes something.
        if len == 0 && self.scenario.autosave_offered {
            return;
        }
        let recent = self
            .scenario
            .saved_wall_ms
            .is_some_and(|at| now < at + AUTOSAVE_EVERY_MS);
        let unchanged = len == self.scenario.saved_len
            && self.engine.borrow().now() == self.scenario.saved_virtual;
        if unchanged || (len == self.scenario.saved_len && recent) {
            return;
        }
        let throttled = self.scenario.saved_wall_ms.is_some_and(|at| {
            (self.wall_ms as u64).saturating_sub(at) < u64::from(AUTOSAVE_THROTTLE_MS)
        });
        if throttled {
            self.scenario.autosave_due = true;
        } else {
            self.save_now();
        }
    }

    /// Writes the scenario to localStorage. A refusal (storage full) pauses autosave with
    /// a notice; the page goes on.
    fn save_now(&mut self) {
        let (len, now) = {
            let engine = self.engine.borrow();
            (engine.journal_len(), engine.now())
        };
        self.scenario.autosave_offered = false;
        self.scenario.autosave_due = false;
        self.scenario.saved_len = len;
        self.scenario.saved_virtual = now;
        self.scenario.saved_wall_ms = Some(self.wall_ms as u64);
        let Ok(json) = self.scenario_json() else {
            self.scenario.autosave_paused = true;
            return;
        };
        match save_autosave(&json) {
            Ok(()) => self.scenario.autosave_paused = false,
            Err(()) => self.scenario.autosave_paused = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_round_trips_and_a_cut_one_is_refused() {
        let json = r#"{"fanout":1,"config":{},"journal":[]}"#;
        let link = encode_share(json);
        assert_eq!(decode_share(&link), Some(Ok(json.to_string())));
        assert_eq!(decode_share("#other"), None);
        let cut = &link[..link.len() / 2 + 1];
        let decoded = decode_share(cut).unwrap();
        // Half a link is either not base64 or decodes to half a JSON document: both refused.
        assert!(decoded.is_err() || Scenario::parse(&decoded.unwrap()).is_err());
    }
}
