//! How long a consumer takes over one message, drawn from the engine's one RNG.

use super::super::rng::SimRng;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "distribution", rename_all = "lowercase")]
pub enum ProcessingTime {
    Fixed {
        ms: u64,
    },
    /// Any whole millisecond from `min_ms` to `max_ms`, equally likely.
    Uniform {
        min_ms: u64,
        max_ms: u64,
    },
    /// Memoryless, as independent requests to a service are: most are short, a few long.
    Exponential {
        mean_ms: u64,
    },
}

/// One draw may not exceed a day: a message cannot stay in flight longer than 12 hours
/// anyway, and the agenda's times must not overflow.
const MAX_MS: u64 = 86_400_000;

impl ProcessingTime {
    pub fn check(&self) -> Result<(), String> {
        let max = |v: u64| {
            if v > MAX_MS {
                Err(format!("a processing time must be at most 24h, not {v}ms"))
            } else {
                Ok(())
            }
        };
        match *self {
            ProcessingTime::Fixed { ms } => max(ms),
            ProcessingTime::Uniform { min_ms, max_ms } => {
                max(max_ms)?;
                if min_ms > max_ms {
                    return Err(format!(
                        "a uniform processing time needs its minimum ({min_ms}ms) at most its maximum ({max_ms}ms)"
                    ));
                }
                Ok(())
            }
            ProcessingTime::Exponential { mean_ms } => {
                max(mean_ms)?;
                if mean_ms == 0 {
                    return Err("an exponential processing time needs a mean above 0ms".into());
                }
                Ok(())
            }
        }
    }

    /// The average, which auto scaling divides the acceptable latency by.
    pub fn mean_ms(&self) -> u64 {
        match *self {
            ProcessingTime::Fixed { ms } => ms,
            ProcessingTime::Uniform { min_ms, max_ms } => min_ms + (max_ms - min_ms) / 2,
            ProcessingTime::Exponential { mean_ms } => mean_ms,
        }
    }

    /// One draw, in whole milliseconds. A fixed time draws nothing from the stream.
    pub fn sample(&self, rng: &mut SimRng) -> u64 {
        match *self {
            ProcessingTime::Fixed { ms } => ms,
            ProcessingTime::Uniform { min_ms, max_ms } => min_ms + rng.below(max_ms - min_ms + 1),
            ProcessingTime::Exponential { mean_ms } => {
                // 1 − u is in (0, 1], so the logarithm is finite; libm's log is the same
                // function natively and in wasm, so the draw is too.
                let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
                let ms = -(mean_ms as f64) * libm::log(1.0 - u);
                (ms.round() as u64).min(MAX_MS)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_stay_in_range_and_average_out() {
        let mut rng = SimRng::new(3);
        let uniform = ProcessingTime::Uniform {
            min_ms: 100,
            max_ms: 300,
        };
        let exp = ProcessingTime::Exponential { mean_ms: 200 };
        let (mut u_sum, mut e_sum) = (0u64, 0u64);
        for _ in 0..20_000 {
            let u = uniform.sample(&mut rng);
            assert!((100..=300).contains(&u));
            u_sum += u;
            e_sum += exp.sample(&mut rng);
        }
        let (u_mean, e_mean) = (u_sum / 20_000, e_sum / 20_000);
        assert!((195..=205).contains(&u_mean), "uniform mean {u_mean}");
        assert!((190..=210).contains(&e_mean), "exponential mean {e_mean}");
    }

    #[test]
    fn checks_bounds() {
        assert!(ProcessingTime::Uniform {
            min_ms: 5,
            max_ms: 4
        }
        .check()
        .is_err());
        assert!(ProcessingTime::Exponential { mean_ms: 0 }.check().is_err());
        assert!(ProcessingTime::Fixed { ms: 0 }.check().is_ok());
    }
}
