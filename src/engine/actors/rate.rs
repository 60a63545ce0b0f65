//! How many messages a producer owes after some time: its rate pattern as a cumulative
//! count.
//!
//! Working with the count owed (rather than an interval between sends) keeps every
//! pattern exact over time: after `t` of a steady 100/s producer exactly `100 t` messages
//! went, whatever the batch size, and a sine producer sends its mean rate over whole
//! periods. The next send time is the first millisecond at which the count reaches the
//! next batch: solved directly for steady rates and bursts, found by bisection for the
//! others (O(log t) per send); no per-tick work either way.

use serde::Serialize;

/// Messages per second, in thousandths (`1500` is 1.5 messages a second), so that
/// steady and spike counts are exact integer arithmetic.
pub type MilliRate = u64;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "pattern", rename_all = "lowercase")]
pub enum RatePattern {
    Steady {
        rate: MilliRate,
    },
    /// `size` messages at once at the start of every period, the first at the start.
    Burst {
        size: u64,
        every_ms: u64,
    },
    /// `rate`, except `spike_rate` from `at_ms` to `at_ms + for_ms` after the start.
    Spike {
        rate: MilliRate,
        spike_rate: MilliRate,
        at_ms: u64,
        for_ms: u64,
    },
    /// `rate + amplitude · sin(2π t / period)`: starts at the mean, rising.
    Sine {
        rate: MilliRate,
        amplitude: MilliRate,
        period_ms: u64,
    },
}

/// Beyond this (about 300 years of virtual time) a pattern that owes nothing more is done.
const HORIZON_MS: u64 = 1 << 53;

impl RatePattern {
    /// Why the pattern cannot run, if it cannot.
    pub fn check(&self) -> Result<(), String> {
        let positive = |what: &str, v: u64| {
            if v == 0 {
                Err(format!("{what} must be greater than 0"))
            } else {
                Ok(())
            }
        };
        match *self {
            RatePattern::Steady { rate } => positive("the rate", rate),
            RatePattern::Burst { size, every_ms } => {
                positive("the burst size", size)?;
                positive("the burst period", every_ms)
            }
            RatePattern::Spike {
                rate,
                spike_rate,
                for_ms,
                ..
            } => {
                positive("the spike's length", for_ms)?;
                if spike_rate <= rate {
                    return Err(format!(
                        "the spike rate must be higher than the base rate ({} messages/s), not {}",
                        show(rate),
                        show(spike_rate)
                    ));
                }
                Ok(())
            }
            RatePattern::Sine {
                rate,
                amplitude,
                period_ms,
            } => {
                positive("the mean rate", rate)?;
                positive("the period", period_ms)?;
                if amplitude > rate {
                    return Err(format!(
                        "the amplitude must be at most the mean rate ({} messages/s) so the rate never goes below 0, not {}",
                        show(rate),
                        show(amplitude)
                    ));
                }
                Ok(())
            }
        }
    }

    /// Messages owed `elapsed` milliseconds after the start (a burst is owed at its start).
    pub fn owed(&self, elapsed: u64) -> u64 {
        let e = u128::from(elapsed);
        match *self {
            // u64 arithmetic while the product fits (a u128 division is a library call).
            RatePattern::Steady { rate } => match rate.checked_mul(elapsed) {
                Some(milli) => milli / 1_000_000,
                None => (u128::from(rate) * e / 1_000_000) as u64,
            },
            RatePattern::Burst { size, every_ms } => size.saturating_mul(elapsed / every_ms + 1),
            RatePattern::Spike {
                rate,
                spike_rate,
                at_ms,
                for_ms,
            } => {
                let overlap = elapsed.saturating_sub(at_ms).min(for_ms);
                let milli =
                    u128::from(rate) * e + u128::from(spike_rate - rate) * u128::from(overlap);
                (milli / 1_000_000) as u64
            }
            RatePattern::Sine {
                rate,
                amplitude,
                period_ms,
            } => {
                // ∫ (m + a sin(2πt/P)) dt = m t + a P / 2π · (1 − cos(2πt/P)); libm gives
                // the same cosine bit for bit natively and in wasm.
                let (m, a, p) = (
                    rate as f64 / 1000.0,
                    amplitude as f64 / 1000.0,
                    period_ms as f64,
                );
                let t = elapsed as f64;
                let turn = 2.0 * std::f64::consts::PI;
                let wave = a * p / turn * (1.0 - libm::cos(turn * (t % p) / p));
                ((m * t + wave) / 1000.0).floor() as u64
            }
        }
    }

    /// The first millisecond after the start at which `count` messages are owed, if the
    /// pattern ever owes that many. `after` is a time known to owe fewer (the last send):
    /// searching forward from it takes a few steps where the answer is near.
    pub fn due(&self, count: u64, after: Option<u64>) -> Option<u64> {
        match self.first_owing(count, after) {
            Some(first) => {
                let lo = after.unwrap_or(0);
                // Where the search would stop: nothing at or before `lo + HORIZON_MS`.
                first
                    .filter(|&t| t <= lo.saturating_add(HORIZON_MS))
                    .map(|t| {
                        if after.is_some() {
                            t.max(lo.saturating_add(1))
                        } else {
                            t
                        }
                    })
            }
            None => self.due_by_search(count, after),
        }
    }

    /// The first millisecond owing `count`, solved in closed form where the count is a
    /// simple formula (a producer asks once per send: the search costs about 800
    /// instructions a message in the lesson hour, this a division). `Some(None)`: never
    /// within a u64; `None`: no closed form, or `owed` could wrap before the horizon
    /// (then only the search gives the same answer as before).
    fn first_owing(&self, count: u64, after: Option<u64>) -> Option<Option<u64>> {
        match *self {
            RatePattern::Steady { rate } => {
                // `owed` is floor(rate·t / 10⁶) as u64: exact and rising up to the last
                // time the search could look at, unless the product passes u64::MAX.
                let last = u128::from(after.unwrap_or(0).saturating_add(HORIZON_MS));
                if u128::from(rate) * last >= (u128::from(u64::MAX) + 1) * 1_000_000 {
                    return None;
                }
                // The least t with rate·t ≥ count·10⁶.
                Some(match count.checked_mul(1_000_000) {
                    Some(milli) => Some(milli.div_ceil(rate)),
                    None => {
                        let t = (u128::from(count) * 1_000_000).div_ceil(u128::from(rate));
                        u64::try_from(t).ok()
                    }
                })
            }
            RatePattern::Burst { size, every_ms } => {
                // Owed size·(k + 1) at the start of period k (saturating, so never wrapping).
                let periods = count.div_ceil(size).saturating_sub(1);
                Some(periods.checked_mul(every_ms))
            }
            RatePattern::Spike { .. } | RatePattern::Sine { .. } => None,
        }
    }

    /// [`RatePattern::due`] for any pattern: forward doubling from `after`, then bisection.
    fn due_by_search(&self, count: u64, after: Option<u64>) -> Option<u64> {
        let lo = match after {
            Some(t) => t,
            None if self.owed(0) >= count => return Some(0),
            None => 0,
        };
        let mut step = 1u64;
        while self.owed(lo.saturating_add(step)) < count {
            if step >= HORIZON_MS {
                return None;
            }
            step = step.saturating_mul(2);
        }
        let mut hi = lo.saturating_add(step);
        let mut lo = lo + step / 2; // owed(lo) < count
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.owed(mid) >= count {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(hi)
    }
}

/// `1.5` for 1500 thousandths.
pub fn show(rate: MilliRate) -> String {
    if rate % 1000 == 0 {
        (rate / 1000).to_string()
    } else {
        format!("{}.{:03}", rate / 1000, rate % 1000)
            .trim_end_matches('0')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_is_exact_and_due_inverts_owed() {
        let p = RatePattern::Steady { rate: 100_000 };
        assert_eq!(p.owed(0), 0);
        assert_eq!(p.owed(9), 0);
        assert_eq!(p.owed(10), 1);
        assert_eq!(p.owed(3_600_000), 360_000);
        assert_eq!(p.due(1, None), Some(10));
        assert_eq!(p.due(2, Some(10)), Some(20));
        assert_eq!(p.due(360_000, None), Some(3_600_000));
        assert_eq!(p.due(360_000, Some(3_599_990)), Some(3_600_000));
        let slow = RatePattern::Steady { rate: 1500 };
        assert_eq!(slow.owed(2000), 3);
        assert_eq!(slow.due(3, None), Some(2000));
    }

    #[test]
    fn bursts_are_owed_at_the_start_of_each_period() {
        let p = RatePattern::Burst {
            size: 50,
            every_ms: 10_000,
        };
        assert_eq!(p.owed(0), 50);
        assert_eq!(p.owed(9_999), 50);
        assert_eq!(p.owed(35_000), 200);
        assert_eq!(p.due(51, None), Some(10_000));
        assert_eq!(p.due(51, Some(0)), Some(10_000));
    }

    #[test]
    fn a_spike_adds_its_extra_rate_inside_the_window_only() {
        let p = RatePattern::Spike {
            rate: 10_000,
            spike_rate: 100_000,
            at_ms: 20_000,
            for_ms: 10_000,
        };
        assert_eq!(p.owed(20_000), 200);
        assert_eq!(p.owed(30_000), 300 + 900);
        assert_eq!(p.owed(60_000), 600 + 900);
        let zero_after = RatePattern::Spike {
            rate: 0,
            spike_rate: 1000,
            at_ms: 0,
            for_ms: 5000,
        };
        assert_eq!(zero_after.due(5, None), Some(5000));
        assert_eq!(zero_after.due(6, None), None);
        assert_eq!(zero_after.due(6, Some(5000)), None);
    }

    #[test]
    fn a_sine_sends_its_mean_over_whole_periods() {
        let p = RatePattern::Sine {
            rate: 10_000,
            amplitude: 5_000,
            period_ms: 60_000,
        };
        assert_eq!(p.owed(60_000), 600);
        assert_eq!(p.owed(120_000), 1200);
        // A quarter period in: 150 from the mean plus 5·60/2π from the rising wave.
        assert_eq!(p.owed(15_000), 197);
        assert!(p.owed(30_000) > p.owed(15_000));
    }

    #[test]
    fn checks_say_what_is_accepted() {
        let p = RatePattern::Sine {
            rate: 1000,
            amplitude: 2500,
            period_ms: 1000,
        };
        assert_eq!(
            p.check().unwrap_err(),
            "the amplitude must be at most the mean rate (1 messages/s) so the rate never goes below 0, not 2.5"
        );
    }

    /// The closed forms give what the search gives, for rates and bursts of every size,
    /// with and without a previous send (including one past the count).
    #[test]
    fn closed_forms_match_the_search() {
        let mut draw = crate::engine::rng::test_draws(0x9e37_79b9_7f4a_7c15u64);
        let scales = [10, 1000, 1_000_000, 1 << 40, u64::MAX / 3];
        for _ in 0..5000 {
            let mut sized = || {
                let scale = scales[draw(scales.len() as u64) as usize];
                draw(scale)
            };
            let (a, b, count, late) = (sized() + 1, sized() + 1, sized(), sized());
            let after = match draw(3) {
                0 => None,
                1 => Some(draw(1_000_000)),
                _ => Some(late),
            };
            for p in [
                RatePattern::Steady { rate: a },
                RatePattern::Burst {
                    size: a,
                    every_ms: b,
                },
            ] {
                assert_eq!(
                    p.due(count, after),
                    p.due_by_search(count, after),
                    "{p:?} count {count} after {after:?}"
                );
            }
        }
    }
}
