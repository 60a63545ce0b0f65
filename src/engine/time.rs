//! Virtual time. The engine never reads a clock: drivers pass time in.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Milliseconds since the simulation's epoch (the moment the scenario started).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct SimTime(pub u64);

impl SimTime {
    pub const ZERO: SimTime = SimTime(0);

    pub fn from_secs(s: u64) -> SimTime {
        SimTime(s.saturating_mul(1000))
    }
    pub fn millis(self) -> u64 {
        self.0
    }
    pub fn plus_secs(self, s: u64) -> SimTime {
        SimTime(self.0.saturating_add(s.saturating_mul(1000)))
    }
    pub fn plus_millis(self, ms: u64) -> SimTime {
        SimTime(self.0.saturating_add(ms))
    }
    /// Whole seconds left until `later`, rounded up (what a countdown shows).
    pub fn secs_until(self, later: SimTime) -> u64 {
        later.0.saturating_sub(self.0).div_ceil(1000)
    }
}

impl fmt::Display for SimTime {
    /// `h:mm:ss.mmm` — the clock the page and traces show.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.0 % 1000;
        let s = self.0 / 1000;
        write!(
            f,
            "{}:{:02}:{:02}.{:03}",
            s / 3600,
            (s / 60) % 60,
            s % 60,
            ms
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn displays_as_clock() {
        assert_eq!(SimTime(3_723_004).to_string(), "1:02:03.004");
        assert_eq!(SimTime::ZERO.secs_until(SimTime(1001)), 2);
    }
}
