//! The command journal and scenarios (DESIGN §6: autosave, export, import, share).
//!
//! The engine is deterministic, so its whole state is the seed plus what drivers did to
//! it and when. A journal records exactly that: each accepted change with the virtual
//! time it happened at, and the clock's moves. Refused commands changed nothing, so they
//! are left out. Actors are journaled once, when started: what they send is regenerated
//! on replay, which keeps an hour of traffic to a few entries.
//!
//! Journaling is off unless a driver asks for it (`Engine::with_journal`), so the CLI and
//! the benchmarks pay nothing for it.

use super::actors::{ConsumerSpec, ProducerSpec};
use super::{AccessMode, Chaos, Command, Engine, EngineConfig, SimTime};
use serde::Serialize;

mod read;

/// The only scenario format so far; a file with another `fanout` value is refused.
pub const SCENARIO_VERSION: u32 = 1;
/// Imports larger than this are refused before parsing: a page must not freeze or run out
/// of memory on a file picked by mistake.
pub const MAX_SCENARIO_BYTES: usize = 20 * 1024 * 1024;
/// Past this many entries the journal stops recording (and says so) rather than grow
/// without bound under a runaway script: the simulation goes on, saving does not.
pub const MAX_JOURNAL_ENTRIES: usize = 200_000;

/// One change a driver made, at the virtual time it made it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    pub at: SimTime,
    #[serde(flatten)]
    pub op: Op,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Op {
    /// The clock moved to `at`; consecutive moves are merged, since processing up to `t2`
    /// in one go is the same as stopping at `t1` on the way.
    Advance,
    Command {
        command: Command,
    },
    SetChaos {
        chaos: Chaos,
    },
    SetAccess {
        access: AccessMode,
    },
    Reseed {
        seed: u64,
    },
    StartProducer {
        name: String,
        spec: ProducerSpec,
    },
    StartConsumers {
        name: String,
        spec: ConsumerSpec,
    },
    StopActor {
        name: String,
    },
    RemoveActor {
        name: String,
    },
}

#[derive(Clone, Debug, Default)]
pub(in crate::engine) struct Journal {
    /// The configuration the engine was created with (the live one changes with `chaos`).
    config: EngineConfig,
    entries: Vec<Entry>,
    overflowed: bool,
}

impl Journal {
    pub(in crate::engine) fn new(config: EngineConfig) -> Journal {
        Journal {
            config,
            entries: Vec::new(),
            overflowed: false,
        }
    }

    pub(in crate::engine) fn record(&mut self, at: SimTime, op: Op) {
        if matches!(op, Op::Advance) {
            if let Some(last) = self.entries.last_mut() {
                if matches!(last.op, Op::Advance) {
                    last.at = at;
                    return;
                }
            }
        }
        if self.entries.len() >= MAX_JOURNAL_ENTRIES {
            self.overflowed = true;
            return;
        }
        self.entries.push(Entry { at, op });
    }
}

/// Everything needed to rebuild a page's simulation, as exported to a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub fanout: u32,
    pub config: EngineConfig,
    pub journal: Vec<Entry>,
    /// What the user typed into the CLI console, oldest first, for its history.
    pub console_history: Vec<String>,
}

/// A scenario's file written from borrowed parts: autosave writes the live journal
/// without first cloning up to `MAX_JOURNAL_ENTRIES` entries.
#[derive(Serialize)]
struct ScenarioFile<'a> {
    fanout: u32,
    config: &'a EngineConfig,
    journal: &'a [Entry],
    console_history: &'a [String],
}

impl ScenarioFile<'_> {
    fn to_json(&self) -> String {
        // Plain data (strings, numbers, maps with string keys): serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Engine {
    /// A new engine that journals every change, so it can be saved as a scenario.
    pub fn with_journal(config: EngineConfig) -> Engine {
        let mut engine = Engine::new(config);
        engine.journal = Some(Journal::new(config));
        engine
    }

    /// Whether this engine journals changes (and can be saved as a scenario).
    pub fn is_journaled(&self) -> bool {
        self.journal.is_some()
    }

    pub fn journal_len(&self) -> usize {
        self.journal.as_ref().map_or(0, |j| j.entries.len())
    }

    pub(in crate::engine) fn journal(&mut self, op: impl FnOnce() -> Op) {
        let now = self.now;
        if let Some(journal) = &mut self.journal {
            journal.record(now, op());
        }
    }

    /// The changes recorded so far (empty when the engine does not journal).
    pub fn journal_entries(&self) -> &[Entry] {
        self.journal.as_ref().map_or(&[], |j| &j.entries)
    }

    /// Whether the journal stopped recording (`MAX_JOURNAL_ENTRIES`): past that point it
    /// no longer describes this simulation.
    pub fn journal_overflowed(&self) -> bool {
        self.journal.as_ref().is_some_and(|j| j.overflowed)
    }

    /// Does what `entry` records, as a replay does, so another engine that did the same
    /// stays identical (the page mirrors its console's replica this way). The error says
    /// why the step cannot have happened here.
    pub fn apply_journal_entry(&mut self, entry: &Entry) -> Result<(), String> {
        if entry.at < self.now() {
            return Err("goes back in time".into());
        }
        self.advance_to(entry.at);
        let outcome = match &entry.op {
            Op::Advance => Ok(()),
            Op::Command { command } => self
                .apply(command.clone())
                .map(drop)
                .map_err(|e| format!("{}: {}", e.code.printed(), e.message)),
            Op::SetChaos { chaos } => {
                self.set_chaos(*chaos);
                Ok(())
            }
            Op::SetAccess { access } => {
                self.set_access(*access);
                Ok(())
            }
            Op::Reseed { seed } => {
                self.reseed(*seed);
                Ok(())
            }
            Op::StartProducer { name, spec } => self.start_producer(name, spec.clone()),
            Op::StartConsumers { name, spec } => self.start_consumers(name, spec.clone()),
            Op::StopActor { name } => self.stop_actor(name),
            Op::RemoveActor { name } => self.remove_actor(name),
        };
        outcome.map_err(|e| format!("was refused ({e})"))
    }

    /// The scenario so far (see `saveable_journal` for when it is refused).
    pub fn scenario(&self, console_history: Vec<String>) -> Result<Scenario, String> {
        let journal = self.saveable_journal()?;
        Ok(Scenario {
            fanout: SCENARIO_VERSION,
            config: journal.config,
            journal: journal.entries.clone(),
            console_history,
        })
    }

    /// The scenario so far as its file's JSON: what `scenario(..)?.to_json()` gives,
    /// without copying the journal.
    pub fn scenario_json(&self, console_history: &[String]) -> Result<String, String> {
        let journal = self.saveable_journal()?;
        Ok(ScenarioFile {
            fanout: SCENARIO_VERSION,
            config: &journal.config,
            journal: &journal.entries,
            console_history,
        }
        .to_json())
    }

    /// Refused when the engine does not journal or its journal stopped recording, since a
    /// partial scenario would replay into something else.
    fn saveable_journal(&self) -> Result<&Journal, String> {
        let journal = self
            .journal
            .as_ref()
            .ok_or("this simulation does not keep a journal, so it cannot be saved")?;
        if journal.overflowed {
            return Err(format!(
                "the scenario is too long to save (over {MAX_JOURNAL_ENTRIES} recorded changes)"
            ));
        }
        Ok(journal)
    }
}

impl Scenario {
    pub fn to_json(&self) -> String {
        ScenarioFile {
            fanout: self.fanout,
            config: &self.config,
            journal: &self.journal,
            console_history: &self.console_history,
        }
        .to_json()
    }

    /// Parses and checks an exported scenario, refusing oversized input before parsing.
    pub fn parse(text: &str) -> Result<Scenario, String> {
        if text.len() > MAX_SCENARIO_BYTES {
            return Err(format!(
                "the file is too large to import ({:.1} MB; the limit is {} MB)",
                text.len() as f64 / (1024.0 * 1024.0),
                MAX_SCENARIO_BYTES / (1024 * 1024)
            ));
        }
        let doc: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| format!("this is not a Fanout scenario (not valid JSON: {e})"))?;
        match doc.get("fanout").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(SCENARIO_VERSION) => {}
            Some(v) => {
                return Err(format!(
                "this scenario is format version {v}; this page reads version {SCENARIO_VERSION}"
            ))
            }
            None => return Err("this is not a Fanout scenario (no \"fanout\" version)".into()),
        }
        read::scenario(&doc).map_err(|e| format!("this scenario is damaged: {e}"))
    }

    /// Replays the journal into a new engine (itself journaled). Any refused step means
    /// the file does not describe a run that happened: the whole import is refused.
    pub fn replay(&self) -> Result<Engine, String> {
        super::capacity::check_imported_config(&self.config)?;
        let mut engine = Engine::with_journal(self.config);
        for (i, entry) in self.journal.iter().enumerate() {
            engine
                .apply_journal_entry(entry)
                .map_err(|e| format!("this scenario is damaged: step {} {e}", i + 1))?;
        }
        Ok(engine)
    }
}
