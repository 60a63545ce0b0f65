//! The page's half of the link: what the replica must be sent to be level with the
//! page's engine, and the page's engine brought level with what a script did.

use super::{resend_from, resumes_at, Answer, Ask, Ran, Request, Stream, Sync};
use crate::engine::journal::{Scenario, SCENARIO_VERSION};
use crate::engine::{Engine, EngineConfig, SimTime};

/// How far the replica has seen the page's journal. Cloned with the page state; a new
/// page state (an import) starts unsynced, so the replica is rebuilt.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageLink {
    /// The page's journal length the replica mirrors (its last clock move may be
    /// earlier), or None when the replica must be rebuilt.
    synced: Option<usize>,
    /// The page's journal length and time when the latest request left: a run's entries
    /// apply only to exactly that state.
    sent: Option<(usize, SimTime)>,
}

/// A run the page has taken into its engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The page's trace length before the run's entries were applied: what the run
    /// did is the trace from there.
    pub trace_from: usize,
    pub chunks: Vec<(Stream, String)>,
    pub status: i32,
    pub speed: Option<String>,
}

/// What the page does with an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A run, now applied to the page's engine.
    Ran(Applied),
    /// Any other answer, for the console to show.
    Other(Answer),
    /// The replica was out of step: send the same ask again (now with a reset).
    Retry,
}

impl PageLink {
    /// The request for `ask`, with what the replica needs to be level with `engine` (a
    /// journaled engine). The link then assumes the replica is level.
    pub fn request(&mut self, engine: &Engine, ask: Ask) -> Result<Request, String> {
        if engine.journal_overflowed() {
            return Err(
                "the simulation has recorded too many changes for the console to follow; \
                 reset or import a scenario to use the console again"
                    .into(),
            );
        }
        let journal = engine.journal_entries();
        let sync = match self.synced {
            Some(n) if n <= journal.len() => {
                // A clock move at the replica's end may have been extended in place since.
                let from = resend_from(&journal[..n]);
                if from == journal.len() {
                    Sync::Level
                } else {
                    Sync::Since {
                        from,
                        scenario: entries_json(&journal[from..]),
                    }
                }
            }
            _ => Sync::Reset {
                scenario: engine.scenario_json(&[])?,
            },
        };
        self.synced = Some(journal.len());
        self.sent = Some((journal.len(), engine.now()));
        Ok(Request { sync, ask })
    }

    /// Takes an answer: a run's journal entries are applied to `engine`, which must be
    /// the engine the request was built from, unchanged since.
    pub fn accept(&mut self, engine: &mut Engine, answer: Answer) -> Outcome {
        match answer {
            Answer::Ran(ran) => match (engine.trace().len(), self.apply(engine, &ran)) {
                (trace_from, Ok(())) => Outcome::Ran(Applied {
                    trace_from,
                    chunks: ran.chunks,
                    status: ran.status,
                    speed: ran.speed,
                }),
                (_, Err(e)) => {
                    self.synced = None;
                    Outcome::Other(Answer::Failed(e))
                }
            },
            Answer::OutOfStep => {
                self.synced = None;
                Outcome::Retry
            }
            Answer::Failed(e) => {
                // Whatever the replica holds now, the next request rebuilds it.
                self.synced = None;
                Outcome::Other(Answer::Failed(e))
            }
            other => Outcome::Other(other),
        }
    }

    /// The replica is gone (its worker failed): the next request rebuilds it.
    pub fn forget(&mut self) {
        self.synced = None;
        self.sent = None;
    }

    fn apply(&mut self, engine: &mut Engine, ran: &Ran) -> Result<(), String> {
        let journal = engine.journal_entries();
        if self.sent != Some((journal.len(), engine.now()))
            || !resumes_at(journal.len(), super::last_is_advance(journal), ran.from)
        {
            return Err("the console's simulation is out of step with the page's; nothing was applied, and the next command starts it again from the page's".into());
        }
        let entries = Scenario::parse(&ran.entries)?.journal;
        for (i, entry) in entries.iter().enumerate() {
            engine.apply_journal_entry(entry).map_err(|e| {
                format!("the page could not follow the console's step {} ({e}); the next command starts the console again from the page's simulation", i + 1)
            })?;
        }
        let len = engine.journal_len();
        self.synced = (len == ran.journal_len && !engine.journal_overflowed()).then_some(len);
        Ok(())
    }
}

/// Journal entries as a scenario file's JSON (its `config` is not read).
fn entries_json(entries: &[crate::engine::journal::Entry]) -> String {
    Scenario {
        fanout: SCENARIO_VERSION,
        config: EngineConfig::default(),
        journal: entries.to_vec(),
        console_history: Vec::new(),
    }
    .to_json()
}
