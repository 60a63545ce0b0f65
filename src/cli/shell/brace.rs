//! Brace expansion, as bash does it before any other expansion: `{1..1000}`,
//! `{01..10}`, `{a..e}`, `{1..10..2}` and `{a,b,c}`, nested and combined with text
//! around them (`msg-{1..3}` is three words). Only unquoted braces and commas count, so
//! `"{1..3}"` and `\{1..3}` stay as they are. It needs no variable (bash does not expand
//! `{1..$N}` either), so it runs at parse time and a script that asks for too many words
//! is refused before anything runs.

use super::{Part, Word};

/// The most words one word may expand into; a loop over more would hit the loop limit
/// anyway, and this keeps `{1..100000}{1..100000}` from filling the memory.
pub const MAX_WORDS: usize = 100_000;
/// The most words all brace expansions of one script may give, so that many words of
/// `{1..100000}` cannot fill the memory either.
pub const MAX_SCRIPT_WORDS: usize = 200_000;

#[derive(Clone, Debug)]
enum Unit {
    /// An unquoted literal character: the only kind that can be a brace or comma.
    Char(char),
    Other(Part),
}

/// Expands one word; `budget` is what is left of [`MAX_SCRIPT_WORDS`] for the script.
pub fn expand(word: &Word, budget: &mut usize) -> Result<Vec<Word>, String> {
    let units = to_units(word);
    if !units.iter().any(|u| matches!(u, Unit::Char('{'))) {
        return Ok(vec![word.clone()]);
    }
    let mut out = Vec::new();
    expand_units(units, &mut out, 0)?;
    if out.len() > *budget {
        return Err(format!(
            "brace expansions give more than {MAX_SCRIPT_WORDS} words in one script"
        ));
    }
    *budget -= out.len();
    Ok(out.into_iter().map(from_units).collect())
}

/// How many brace groups one word may hold; each is a level of recursion here.
const MAX_GROUPS: usize = 1000;

fn expand_units(units: Vec<Unit>, out: &mut Vec<Vec<Unit>>, depth: usize) -> Result<(), String> {
    if depth > MAX_GROUPS {
        return Err(format!(
            "more than {MAX_GROUPS} brace expansions in one word"
        ));
    }
    let Some((open, close, alternatives)) = first_brace(&units)? else {
        if out.len() >= MAX_WORDS {
            return Err(too_many());
        }
        out.push(units);
        return Ok(());
    };
    for alternative in alternatives {
        let mut v = units[..open].to_vec();
        v.extend(alternative);
        v.extend_from_slice(&units[close + 1..]);
        expand_units(v, out, depth + 1)?;
    }
    Ok(())
}

fn too_many() -> String {
    format!("brace expansion gives more than {MAX_WORDS} words")
}

type Alternatives = Vec<Vec<Unit>>;

/// The first `{...}` that expands: its bounds and what it stands for.
fn first_brace(units: &[Unit]) -> Result<Option<(usize, usize, Alternatives)>, String> {
    for open in 0..units.len() {
        if !matches!(units[open], Unit::Char('{')) {
            continue;
        }
        let mut depth = 0usize;
        let mut commas = Vec::new();
        let mut close = None;
        for (j, u) in units.iter().enumerate().skip(open + 1) {
            match u {
                Unit::Char('{') => depth += 1,
                Unit::Char('}') if depth == 0 => {
                    close = Some(j);
                    break;
                }
                Unit::Char('}') => depth -= 1,
                Unit::Char(',') if depth == 0 => commas.push(j),
                _ => {}
            }
        }
        let Some(close) = close else { continue };
        if !commas.is_empty() {
            let mut bounds = vec![open];
            bounds.extend(commas);
            bounds.push(close);
            let alternatives = bounds
                .windows(2)
                .map(|w| units[w[0] + 1..w[1]].to_vec())
                .collect();
            return Ok(Some((open, close, alternatives)));
        }
        let inner: Option<String> = units[open + 1..close]
            .iter()
            .map(|u| match u {
                Unit::Char(c) => Some(*c),
                Unit::Other(_) => None,
            })
            .collect();
        if let Some(items) = inner.as_deref().map(sequence).transpose()?.flatten() {
            let alternatives = items
                .into_iter()
                .map(|s| s.chars().map(Unit::Char).collect())
                .collect();
            return Ok(Some((open, close, alternatives)));
        }
    }
    Ok(None)
}

/// `FIRST..LAST[..STEP]` of whole numbers or single letters; None when it is not one.
fn sequence(s: &str) -> Result<Option<Vec<String>>, String> {
    let fields: Vec<&str> = s.split("..").collect();
    let (first, last, step) = match fields.as_slice() {
        [a, b] => (*a, *b, None),
        [a, b, c] => (*a, *b, Some(*c)),
        _ => return Ok(None),
    };
    let step = match step.map(|c| c.parse::<i64>()) {
        None => 1,
        Some(Ok(n)) => n.unsigned_abs().max(1),
        Some(Err(_)) => return Ok(None),
    };
    if let (Ok(a), Ok(b)) = (first.parse::<i64>(), last.parse::<i64>()) {
        let count = a.abs_diff(b) / step + 1;
        if count > MAX_WORDS as u64 {
            return Err(too_many());
        }
        let pad = |t: &str| {
            let digits = t.trim_start_matches(['-', '+']);
            digits.len() > 1 && digits.starts_with('0')
        };
        let width = if pad(first) || pad(last) {
            first.len().max(last.len())
        } else {
            0
        };
        let down = b < a;
        let items = (0..count)
            .map(|i| {
                // i * step stays within |b - a|, so this cannot overflow.
                let offset = i128::from(i) * i128::from(step);
                let v = if down {
                    i128::from(a) - offset
                } else {
                    i128::from(a) + offset
                };
                if v < 0 {
                    format!("-{:0>w$}", -v, w = width.saturating_sub(1))
                } else {
                    format!("{v:0>width$}")
                }
            })
            .collect();
        return Ok(Some(items));
    }
    let letter = |t: &str| {
        let mut cs = t.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_ascii_alphabetic() => Some(c as u8),
            _ => None,
        }
    };
    let (Some(a), Some(b)) = (letter(first), letter(last)) else {
        return Ok(None);
    };
    let step = usize::try_from(step).unwrap_or(usize::MAX);
    let items: Vec<String> = if a <= b {
        (a..=b)
            .step_by(step)
            .map(|c| char::from(c).to_string())
            .collect()
    } else {
        (b..=a)
            .rev()
            .step_by(step)
            .map(|c| char::from(c).to_string())
            .collect()
    };
    Ok(Some(items))
}

fn to_units(word: &Word) -> Vec<Unit> {
    let mut units = Vec::new();
    for part in word {
        match part {
            Part::Literal {
                text,
                quoted: false,
            } => units.extend(text.chars().map(Unit::Char)),
            other => units.push(Unit::Other(other.clone())),
        }
    }
    units
}

fn from_units(units: Vec<Unit>) -> Word {
    let mut word = Word::new();
    for u in units {
        match u {
            Unit::Char(c) => match word.last_mut() {
                Some(Part::Literal {
                    text,
                    quoted: false,
                }) => text.push(c),
                _ => word.push(Part::Literal {
                    text: c.to_string(),
                    quoted: false,
                }),
            },
            Unit::Other(p) => word.push(p),
        }
    }
    word
}
