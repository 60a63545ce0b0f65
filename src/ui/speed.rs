//! Clock speeds: how much virtual time passes per real tick while playing.

/// Real milliseconds between clock ticks while playing. 40 ms (25 ticks a second) makes
/// every speed, down to 0.25x, advance a whole number of virtual milliseconds per tick.
pub const TICK_MS: u32 = 40;

use crate::console_link::PLAYBACK_SPEEDS;

const _: () = assert!(Speed::ALL.len() == PLAYBACK_SPEEDS.len());

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    Quarter,
    Half,
    X1,
    X2,
    X5,
    X10,
    X100,
    X1000,
}

impl Speed {
    pub const ALL: [Speed; 8] = [
        Speed::Quarter,
        Speed::Half,
        Speed::X1,
        Speed::X2,
        Speed::X5,
        Speed::X10,
        Speed::X100,
        Speed::X1000,
    ];
    /// As the speed menu and `fanout clock speed` name it: the speeds are listed once, in
    /// the console link (the CLI's controls read them too), in the order of [`Speed::ALL`].
    pub fn label(self) -> &'static str {
        PLAYBACK_SPEEDS[self as usize]
    }
    pub fn from_label(label: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|s| s.label() == label)
    }
    /// Virtual milliseconds that pass during one tick of `TICK_MS` real milliseconds.
    pub fn virtual_ms_per_tick(self) -> u64 {
        let per_mille: u64 = match self {
            Speed::Quarter => 250,
            Speed::Half => 500,
            Speed::X1 => 1_000,
            Speed::X2 => 2_000,
            Speed::X5 => 5_000,
            Speed::X10 => 10_000,
            Speed::X100 => 100_000,
            Speed::X1000 => 1_000_000,
        };
        TICK_MS as u64 * per_mille / 1000
    }
}
