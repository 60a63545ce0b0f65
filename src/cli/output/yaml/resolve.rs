//! ruamel.yaml's YAML 1.2 implicit resolvers: which plain scalars read back as something
//! other than a string. ruamel.yaml writes them as regular expressions; each is matched
//! here by hand, as the page's WebAssembly would otherwise carry a regex engine for them.
//! The patterns, as ruamel.yaml's `VersionedResolver` has them for YAML 1.2:
//!
//! | tag | first characters | pattern |
//! |---|---|---|
//! | bool | `tTfF` | `true\|True\|TRUE\|false\|False\|FALSE` |
//! | float | `-+0123456789.` | `[-+]?([0-9][0-9_]*)\.[0-9_]*([eE][-+]?[0-9]+)?` `\|[-+]?([0-9][0-9_]*)([eE][-+]?[0-9]+)` `\|[-+]?\.[0-9_]+([eE][-+][0-9]+)?` `\|[-+]?\.(inf\|Inf\|INF)\|\.(nan\|NaN\|NAN)` |
//! | int | `-+0123456789` | `[-+]?0b[0-1_]+\|[-+]?0o?[0-7_]+\|[-+]?[0-9_]+\|[-+]?0x[0-9a-fA-F_]+` |
//! | merge | `<` | `<<` |
//! | null | `~nN` | `~\|null\|Null\|NULL\|` |
//! | timestamp | `0123456789` | `[0-9]{4}-[0-9]{2}-[0-9]{2}` `\|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]\|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z\|[-+][0-9]{1,2}(:[0-9]{2})?))?` |
//! | value | `=` | `=` |
//! | yaml | `!&*` | `!\|&\|\*` |
//!
//! Each pattern is anchored at both ends, and a resolver is tried only on strings starting
//! with one of its first characters (so `_` is a string, though the int pattern matches it).

/// Whether a plain scalar spelled `s` would not read back as a string (the empty string
/// reads as null). Python's `$` also matches before a final newline, hence the second try.
pub fn resolves_to_other_type(s: &str) -> bool {
    let Some(&first) = s.as_bytes().first() else {
        return true;
    };
    let matches = |t: &[u8]| {
        (b"tTfF".contains(&first) && is_bool(t))
            || (b"-+0123456789.".contains(&first) && is_float(t))
            || (b"-+0123456789".contains(&first) && is_int(t))
            || (b"~nN".contains(&first) && is_null(t))
            || (first.is_ascii_digit() && is_timestamp(t))
            || matches!(t, b"<<" | b"=" | b"!" | b"&" | b"*")
    };
    let s = s.as_bytes();
    matches(s) || s.strip_suffix(b"\n").is_some_and(matches)
}

fn is_bool(t: &[u8]) -> bool {
    matches!(
        t,
        b"true" | b"True" | b"TRUE" | b"false" | b"False" | b"FALSE"
    )
}

fn is_null(t: &[u8]) -> bool {
    // The pattern's empty alternative never applies: an empty string has no first character.
    matches!(t, b"~" | b"null" | b"Null" | b"NULL")
}

fn is_int(t: &[u8]) -> bool {
    let t = skip_sign(t);
    let radix = |prefix: &[u8], digit: fn(&u8) -> bool| {
        t.strip_prefix(prefix)
            .is_some_and(|d| !d.is_empty() && d.iter().all(|c| *c == b'_' || digit(c)))
    };
    radix(b"0b", |c| matches!(c, b'0' | b'1'))
        || radix(b"0o", |c| matches!(c, b'0'..=b'7'))
        || radix(b"0x", u8::is_ascii_hexdigit)
        // `0o?[0-7_]+` without the `o` is a case of this one.
        || radix(b"", u8::is_ascii_digit)
}

fn is_float(t: &[u8]) -> bool {
    if matches!(t, b".nan" | b".NaN" | b".NAN") {
        return true;
    }
    let t = skip_sign(t);
    if let Some(fraction) = t.strip_prefix(b".") {
        if matches!(fraction, b"inf" | b"Inf" | b"INF") {
            return true;
        }
        // `\.[0-9_]+([eE][-+][0-9]+)?`: the exponent's sign is required here.
        let (digits, rest) = split_while(fraction, is_digit_or_underscore);
        return !digits.is_empty() && (rest.is_empty() || is_exponent(rest, true));
    }
    // `[0-9][0-9_]*`, then a fraction with an optional exponent or an exponent alone.
    if !t.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let (_, rest) = split_while(t, is_digit_or_underscore);
    match rest.strip_prefix(b".") {
        Some(fraction) => {
            let (_, rest) = split_while(fraction, is_digit_or_underscore);
            rest.is_empty() || is_exponent(rest, false)
        }
        None => is_exponent(rest, false),
    }
}

/// `[eE][-+]?[0-9]+` to the end, or `[eE][-+][0-9]+` when the sign is required.
fn is_exponent(t: &[u8], sign_required: bool) -> bool {
    let Some(t) = t.strip_prefix(b"e").or_else(|| t.strip_prefix(b"E")) else {
        return false;
    };
    let unsigned = skip_sign(t);
    if sign_required && unsigned.len() == t.len() {
        return false;
    }
    !unsigned.is_empty() && unsigned.iter().all(u8::is_ascii_digit)
}

fn is_timestamp(t: &[u8]) -> bool {
    // `YYYY-M-D` with one- or two-digit month and day; a date alone needs two of each.
    let Some(rest) = digits(t, 4, 4).and_then(|r| r.strip_prefix(b"-")) else {
        return false;
    };
    let Some(day) = digits(rest, 1, 2).and_then(|r| r.strip_prefix(b"-")) else {
        return false;
    };
    let Some(after_day) = digits(day, 1, 2) else {
        return false;
    };
    if after_day.is_empty() {
        return rest.len() == "MM-DD".len();
    }
    // `([Tt]|[ \t]+)H:MM:SS`
    let time = match after_day
        .strip_prefix(b"T")
        .or_else(|| after_day.strip_prefix(b"t"))
    {
        Some(time) => time,
        None => {
            let (blanks, time) = split_while(after_day, is_blank);
            if blanks.is_empty() {
                return false;
            }
            time
        }
    };
    let Some(rest) = digits(time, 1, 2)
        .and_then(|r| r.strip_prefix(b":"))
        .and_then(|r| digits(r, 2, 2))
        .and_then(|r| r.strip_prefix(b":"))
        .and_then(|r| digits(r, 2, 2))
    else {
        return false;
    };
    // `(\.[0-9]*)?`
    let rest = match rest.strip_prefix(b".") {
        Some(fraction) => split_while(fraction, u8::is_ascii_digit).1,
        None => rest,
    };
    if rest.is_empty() {
        return true;
    }
    // `[ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?)`
    let (_, zone) = split_while(rest, is_blank);
    if zone == b"Z" {
        return true;
    }
    let Some(hours) = zone.strip_prefix(b"-").or_else(|| zone.strip_prefix(b"+")) else {
        return false;
    };
    match digits(hours, 1, 2) {
        Some([]) => true,
        Some(minutes) => minutes
            .strip_prefix(b":")
            .and_then(|m| digits(m, 2, 2))
            .is_some_and(<[u8]>::is_empty),
        None => false,
    }
}

/// After a run of `min..=max` ASCII digits (the whole run, as the next pattern item is never
/// a digit), the rest; `None` if the run is shorter or longer.
fn digits(t: &[u8], min: usize, max: usize) -> Option<&[u8]> {
    let (run, rest) = split_while(t, u8::is_ascii_digit);
    (min..=max).contains(&run.len()).then_some(rest)
}

fn split_while(t: &[u8], keep: fn(&u8) -> bool) -> (&[u8], &[u8]) {
    t.split_at(t.iter().position(|c| !keep(c)).unwrap_or(t.len()))
}

fn skip_sign(t: &[u8]) -> &[u8] {
    match t {
        [b'-' | b'+', rest @ ..] => rest,
        _ => t,
    }
}

fn is_digit_or_underscore(c: &u8) -> bool {
    c.is_ascii_digit() || *c == b'_'
}

fn is_blank(c: &u8) -> bool {
    matches!(c, b' ' | b'\t')
}

#[cfg(test)]
mod tests {
    use super::resolves_to_other_type;
    use rand_chacha::rand_core::{RngCore, SeedableRng};
    use rand_chacha::ChaCha8Rng;
    use regex_lite::Regex;

    /// The resolvers exactly as they were before the hand-written matchers, as the oracle.
    fn regex_resolvers() -> Vec<(&'static str, Regex)> {
        [
            ("tTfF", r"^(?:true|True|TRUE|false|False|FALSE)$"),
            ("-+0123456789.", r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
            ("-+0123456789", r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$"),
            ("<", r"^(?:<<)$"),
            ("~nN", r"^(?:~|null|Null|NULL|)$"),
            ("0123456789", r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"),
            ("=", r"^(?:=)$"),
            ("!&*", r"^(?:!|&|\*)$"),
        ]
        .iter()
        .map(|&(first, p)| (first, Regex::new(p).expect("ruamel.yaml's pattern")))
        .collect()
    }

    fn by_regex(resolvers: &[(&str, Regex)], s: &str) -> bool {
        let Some(first) = s.chars().next() else {
            return true;
        };
        let trimmed = s.strip_suffix('\n');
        resolvers.iter().any(|(firsts, r)| {
            firsts.contains(first) && (r.is_match(s) || trimmed.is_some_and(|t| r.is_match(t)))
        })
    }

    /// Strings built from the pieces the patterns are made of, so that most come close to
    /// matching one of them, decided by both the matchers and the regular expressions.
    #[test]
    fn matchers_agree_with_the_patterns() {
        const PIECES: &[&str] = &[
            "0", "1", "7", "9", "12", "2024", "01", "-", "+", ".", "_", "e", "E", "0b", "0o", "0x",
            "fF", "g", "T", "t", " ", "\t", ":", "Z", "inf", "Inf", "nan", "NaN", "true", "False",
            "null", "~", "<", "=", "!", "&", "*", "\n", "é", "2024-", "1-", "01-", "01T",
            "1:00:00", "00:", ".5", "+01:00", "-5",
        ];
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut pick = |n: usize| rng.next_u32() as usize % n;
        let resolvers = regex_resolvers();
        let (mut disagreements, mut quoted) = (Vec::new(), 0);
        for _ in 0..40_000 {
            let len = 1 + pick(8);
            let s: String = (0..len).map(|_| PIECES[pick(PIECES.len())]).collect();
            let expected = by_regex(&resolvers, &s);
            quoted += usize::from(expected);
            if resolves_to_other_type(&s) != expected {
                disagreements.push(s);
            }
        }
        for date in ["2024-01-01", "2024-1-1T1:00:00", "2024-01-01 00:00:00.5"] {
            for _ in 0..5_000 {
                let suffix: String = (0..pick(4)).map(|_| PIECES[pick(PIECES.len())]).collect();
                let s = format!("{date}{suffix}");
                let expected = by_regex(&resolvers, &s);
                quoted += usize::from(expected);
                if resolves_to_other_type(&s) != expected {
                    disagreements.push(s);
                }
            }
        }
        assert!(disagreements.is_empty(), "{disagreements:?}");
        // Enough of both answers for the comparison to mean something.
        assert!((5_000..50_000).contains(&quoted), "{quoted} quoted");
    }
}
