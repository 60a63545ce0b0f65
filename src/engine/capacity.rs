//! The simulator's own capacity limits, which SQS does not have.
//!
//! A real queue holds any number of messages; a browser tab does not. wasm32 memory ends
//! at 4 GB and a message costs several hundred bytes with its indexes and agenda entries,
//! so a loop of batch sends or a producer at a high rate left running for hours would
//! crash the tab long before it finished. Instead the engine refuses a send once all
//! queues together hold [`EngineConfig::max_resident_messages`] messages, with the code
//! AWS uses when an action would break a limit (`OverLimit`) and a message that says
//! whose limit it is. Actors stop on that refusal like on any other
//! (`ActorRequestRefused`); a script stops at the first one (see
//! [`Engine::capacity_refusals`]).
//!
//! The check counts messages, never wall time, so it refuses the same send natively and
//! in the browser, and a scenario replays the same.

use super::error::{ErrorCode, SqsError};
use super::{Engine, EngineConfig};
use crate::thousands::thousands;

/// Enough for every benchmark (one million resident in `receive_cost`) and for any lesson;
/// at about 1 KB a message it keeps the engine near 1 GB, well inside wasm32's 4 GB.
pub const DEFAULT_MAX_RESIDENT_MESSAGES: u64 = 1_000_000;

pub(in crate::engine) fn default_max_resident_messages() -> u64 {
    DEFAULT_MAX_RESIDENT_MESSAGES
}

pub(in crate::engine) fn is_default_max_resident_messages(n: &u64) -> bool {
    *n == DEFAULT_MAX_RESIDENT_MESSAGES
}

/// Refuses a config that raises the limit above the default. A scenario file or autosave
/// carries its config, so without this a hand-edited file could lift the limit and let a
/// flood crash the tab, which is what the limit exists to prevent. Refusing (rather than
/// clamping) keeps replay honest: a journal recorded under a higher limit may hold more
/// messages than the default allows, and clamping would turn that into a confusing
/// "step N was refused" far into the file. Lower limits stay allowed (tests and drills
/// use them).
pub fn check_imported_config(config: &EngineConfig) -> Result<(), String> {
    let asked = config.max_resident_messages;
    if asked <= DEFAULT_MAX_RESIDENT_MESSAGES {
        return Ok(());
    }
    Err(format!(
        "this scenario sets max_resident_messages to {}, above Fanout's limit of {} messages \
         (the limit keeps the browser tab within its memory); set it to {} or less, or remove \
         it, and import again",
        thousands(asked),
        thousands(DEFAULT_MAX_RESIDENT_MESSAGES),
        thousands(DEFAULT_MAX_RESIDENT_MESSAGES)
    ))
}

/// Refusals counted since the engine was created.
#[derive(Clone, Copy, Debug, Default)]
pub(in crate::engine) struct Capacity {
    refusals: u64,
}

impl Engine {
    /// Messages held by all queues together, in any state (visible, in flight, delayed).
    pub fn resident_messages(&self) -> u64 {
        self.queues.values().map(|q| q.len() as u64).sum()
    }

    /// How many sends (by drivers, actors or SNS deliveries) were refused because the
    /// simulation was full. A driver compares it before and after a command to learn that
    /// the command ran into the limit, directly or through what it set going.
    pub fn capacity_refusals(&self) -> u64 {
        self.capacity.refusals
    }

    /// Refuses adding `adding` messages when they would take the simulation past its limit.
    /// Nothing changes on refusal except the refusal count.
    pub(in crate::engine) fn check_capacity(&mut self, adding: usize) -> Result<(), SqsError> {
        let limit = self.config.max_resident_messages;
        let resident = self.resident_messages();
        if resident.saturating_add(adding as u64) <= limit {
            return Ok(());
        }
        self.capacity.refusals += 1;
        Err(SqsError::new(
            ErrorCode::OverLimit,
            over_limit_message(limit),
        ))
    }
}

/// Says that this is Fanout's limit rather than SQS's, why it exists and how to go on.
pub fn over_limit_message(limit: u64) -> String {
    format!(
        "Sending this would take the simulation past {} messages across all queues, the most Fanout keeps \
         (SQS itself has no such limit: this one keeps the browser tab within its memory). \
         Receive and delete messages, purge or delete a queue, or stop producers before sending more.",
        thousands(limit)
    )
}

/// The reason a driver gives for ending a script after [`Engine::capacity_refusals`] grew.
pub fn script_stop_message(config: &EngineConfig) -> String {
    format!(
        "script stopped: the simulation is full ({} messages, Fanout's limit), so the rest of the script would only be refused; the queues and everything sent so far are kept",
        thousands(config.max_resident_messages)
    )
}
