//! Settings from the page URL: `?seed=N&chaos=off|realistic|high&access=lenient|strict`.
//!
//! Tests load the page with a fixed seed and `chaos=off` so that what they see is
//! deterministic; a learner gets seed 1 and the realistic profile.

use crate::engine::{AccessMode, Chaos};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub seed: u64,
    pub chaos: Chaos,
    /// Whether SNS may deliver to a queue that has no access policy (lenient, with a
    /// warning) or not (strict, as on AWS).
    pub access: AccessMode,
    /// Parameters that were present but unusable, said back to the user in the header.
    pub ignored: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            seed: 1,
            chaos: Chaos::Realistic,
            access: AccessMode::Lenient,
            ignored: Vec::new(),
        }
    }
}

/// Reads `location.search` (with or without the leading `?`). Unknown keys are ignored
/// silently: the URL may carry other things later (a shared scenario, a lesson).
pub fn parse_query(search: &str) -> Settings {
    let mut settings = Settings::default();
    for pair in search.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "seed" => match value.parse::<u64>() {
                Ok(seed) => settings.seed = seed,
                Err(_) => settings.ignored.push(format!("seed={value}")),
            },
            "chaos" => match Chaos::parse(value) {
                Some(chaos) => settings.chaos = chaos,
                None => settings.ignored.push(format!("chaos={value}")),
            },
            "access" => match AccessMode::parse(value) {
                Some(access) => settings.access = access,
                None => settings.ignored.push(format!("access={value}")),
            },
            _ => {}
        }
    }
    settings
}
