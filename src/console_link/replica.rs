//! The worker's half of the link: a replica of the page's engine and the console's shell,
//! which runs what is typed exactly as `fanout run` does.

use super::{resend_from, resumes_at, shown, Answer, Ask, Completion, Ran, Request, Stream, Sync};
use crate::cli::{self, Shell};
use crate::engine::journal::Scenario;
use crate::engine::Engine;

#[derive(Default)]
pub struct Replica {
    /// None until the page first sends its scenario (and after a step it sent failed).
    engine: Option<Engine>,
    /// The console's variables and dropped files, kept between the lines typed.
    shell: Shell,
}

impl Replica {
    /// The worker's whole job: a request's JSON in, the answer's JSON out.
    pub fn handle(&mut self, message: &str) -> String {
        match Request::from_json(message) {
            Ok(request) => self.answer(request),
            Err(e) => Answer::Failed(e),
        }
        .to_json()
    }

    pub fn engine(&self) -> Option<&Engine> {
        self.engine.as_ref()
    }

    pub fn answer(&mut self, request: Request) -> Answer {
        // Checking an input reads no simulation, so it never waits for one to be built.
        if !matches!(request.ask, Ask::Check { .. }) {
            if let Err(answer) = self.sync(request.sync) {
                return answer;
            }
        }
        match (request.ask, self.engine.as_mut()) {
            (Ask::Check { input }, _) => {
                if incomplete(&input) {
                    Answer::Incomplete
                } else {
                    Answer::Runnable
                }
            }
            (_, None) => Answer::OutOfStep,
            (
                Ask::Run {
                    input,
                    only_if_complete,
                },
                Some(engine),
            ) => {
                if only_if_complete && incomplete(&input) {
                    return Answer::Incomplete;
                }
                let from = resend_from(engine.journal_entries());
                let output = self.shell.run(engine, &input);
                let journal = engine.journal_entries();
                let entries = Scenario {
                    fanout: crate::engine::journal::SCENARIO_VERSION,
                    config: Default::default(),
                    journal: journal[from.min(journal.len())..].to_vec(),
                    console_history: Vec::new(),
                }
                .to_json();
                let chunks = output
                    .chunks
                    .into_iter()
                    .map(|(s, t)| {
                        let stream = match s {
                            cli::Stream::Stdout => Stream::Stdout,
                            cli::Stream::Stderr => Stream::Stderr,
                        };
                        (stream, t)
                    })
                    .collect();
                Answer::Ran(Ran {
                    chunks: shown(chunks),
                    status: output.status,
                    speed: self
                        .shell
                        .playback_speed
                        .take()
                        .map(|s| s.label().to_string()),
                    from,
                    entries,
                    journal_len: journal.len(),
                })
            }
            (Ask::Complete { input, cursor }, Some(engine)) => {
                let cursor = cursor.min(input.len());
                if !input.is_char_boundary(cursor) {
                    return Answer::Completion(Completion::default());
                }
                let c = cli::complete::complete(&input, cursor, engine, &self.shell);
                Answer::Completion(Completion {
                    start: c.start,
                    candidates: c.candidates,
                })
            }
            (Ask::AddFile { name, text }, Some(_)) => {
                self.shell.files.insert(name, text);
                Answer::FileAdded
            }
        }
    }

    /// Brings the replica level with the page, or says why it cannot.
    fn sync(&mut self, sync: Sync) -> Result<(), Answer> {
        match sync {
            Sync::Level => Ok(()),
            Sync::Reset { scenario } => {
                self.engine = None;
                self.shell = Shell::default();
                let engine = Scenario::parse(&scenario)
                    .and_then(|s| s.replay())
                    .map_err(Answer::Failed)?;
                self.engine = Some(engine);
                Ok(())
            }
            Sync::Since { from, scenario } => {
                let Some(engine) = self.engine.as_mut() else {
                    return Err(Answer::OutOfStep);
                };
                let journal = engine.journal_entries();
                if !resumes_at(journal.len(), super::last_is_advance(journal), from) {
                    return Err(Answer::OutOfStep);
                }
                let entries = Scenario::parse(&scenario).map_err(Answer::Failed)?.journal;
                for entry in &entries {
                    if engine.apply_journal_entry(entry).is_err() {
                        self.engine = None;
                        return Err(Answer::OutOfStep);
                    }
                }
                Ok(())
            }
        }
    }
}

/// Whether `input` stops in the middle of something (a quote, `$(`, a trailing `&&` or
/// backslash).
pub fn incomplete(input: &str) -> bool {
    matches!(cli::shell::parse(input), Err(e) if e.is_incomplete())
}
