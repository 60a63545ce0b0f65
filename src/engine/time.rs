//! Virtual time. The engine never reads a clock: drivers pass time in.

use serde::Serialize;
use std::fmt;

/// Milliseconds since the simulation's epoch (the moment the scenario started).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

/// `2026-01-01T00:00:00.000Z` for wall-clock milliseconds since the Unix epoch (the SNS
/// envelope's `Timestamp`).
pub fn iso8601(unix_ms: u64) -> String {
    let days = (unix_ms / 86_400_000) as i64;
    let ms_of_day = unix_ms % 86_400_000;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let s = ms_of_day / 1000;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        s / 3600,
        (s / 60) % 60,
        s % 60,
        ms_of_day % 1000
    )
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
    #[test]
    fn formats_wall_clock_as_iso8601() {
        assert_eq!(iso8601(1_767_225_600_000), "2026-01-01T00:00:00.000Z");
        assert_eq!(iso8601(951_782_400_123), "2000-02-29T00:00:00.123Z");
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
    }
}
