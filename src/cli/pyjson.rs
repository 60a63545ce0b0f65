//! JSON option values read the way the AWS CLI reads them (Python's `json.loads`), so a
//! malformed value gets the CLI's message (`Expecting ',' delimiter: line 1 column 11
//! (char 10)`), positions counted in characters. The messages are those of the Python
//! the AWS CLI v2 installers bundle (3.13 and later: a trailing comma has its own).

use serde_json::{Map, Number, Value};

/// Parses `text` as Python's `json.loads` would; the error is Python's message.
pub fn loads(text: &str) -> Result<Value, String> {
    let s: Vec<char> = text.chars().collect();
    let fail = |msg: &str, pos: usize| Err(format!("{msg}: {}", position(&s, pos)));
    if s.first() == Some(&'\u{feff}') {
        return fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    }
    let mut p = Scanner { s: &s };
    let start = p.skip_ws(0);
    let (value, end) = match p.value(start) {
        Ok(v) => v,
        Err(Error::Stop(pos)) => return fail("Expecting value", pos),
        Err(Error::Msg(msg, pos)) => return fail(msg, pos),
    };
    let end = p.skip_ws(end);
    if end != s.len() {
        return fail("Extra data", end);
    }
    Ok(value)
}

fn position(s: &[char], pos: usize) -> String {
    let before = &s[..pos.min(s.len())];
    let line = before.iter().filter(|&&c| c == '\n').count() + 1;
    let column = match before.iter().rposition(|&c| c == '\n') {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    format!("line {line} column {column} (char {pos})")
}

enum Error {
    /// No value starts here (Python's `StopIteration`): "Expecting value".
    Stop(usize),
    Msg(&'static str, usize),
}

struct Scanner<'a> {
    s: &'a [char],
}

type Scan<T> = Result<T, Error>;

impl Scanner<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(' ' | '\t' | '\n' | '\r')) {
            i += 1;
        }
        i
    }

    fn literal(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.at(i + k) == Some(c))
    }

    fn value(&mut self, i: usize) -> Scan<(Value, usize)> {
        match self.at(i) {
            None => Err(Error::Stop(i)),
            Some('"') => {
                let (s, end) = self.string(i + 1)?;
                Ok((Value::String(s), end))
            }
            Some('{') => self.object(i + 1),
            Some('[') => self.array(i + 1),
            Some('n') if self.literal(i, "null") => Ok((Value::Null, i + 4)),
            Some('t') if self.literal(i, "true") => Ok((Value::Bool(true), i + 4)),
            Some('f') if self.literal(i, "false") => Ok((Value::Bool(false), i + 5)),
            // Python accepts these; JSON values cannot hold them, so they read as null.
            Some('N') if self.literal(i, "NaN") => Ok((Value::Null, i + 3)),
            Some('I') if self.literal(i, "Infinity") => Ok((Value::Null, i + 8)),
            Some('-') if self.literal(i, "-Infinity") => Ok((Value::Null, i + 9)),
            Some(_) => self.number(i),
        }
    }

    fn number(&self, start: usize) -> Scan<(Value, usize)> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('1'..='9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(Error::Stop(start)),
        }
        let mut float = false;
        if self.at(i) == Some('.') && digit(i + 1) {
            float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some('e' | 'E')) && i + 1 < self.s.len() {
            let e_start = i;
            i += 1;
            if matches!(self.at(i), Some('-' | '+')) && i + 1 < self.s.len() {
                i += 1;
            }
            while digit(i) {
                i += 1;
            }
            if digit(i - 1) {
                float = true;
            } else {
                i = e_start;
            }
        }
        let text: String = self.s[start..i].iter().collect();
        let value = if float {
            text.parse::<f64>()
                .ok()
                .and_then(Number::from_f64)
                .map_or(Value::Null, Value::Number)
        } else if let Ok(n) = text.parse::<i64>() {
            Value::Number(n.into())
        } else if let Ok(n) = text.parse::<u64>() {
            Value::Number(n.into())
        } else {
            text.parse::<f64>()
                .ok()
                .and_then(Number::from_f64)
                .map_or(Value::Null, Value::Number)
        };
        Ok((value, i))
    }

    /// A string whose opening quote is at `begin - 1`; returns it and the index after
    /// its closing quote.
    fn string(&self, begin: usize) -> Scan<(String, usize)> {
        let quote = begin - 1;
        let mut out = String::new();
        let mut i = begin;
        loop {
            let Some(c) = self.at(i) else {
                return Err(Error::Msg("Unterminated string starting at", quote));
            };
            match c {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    i += 1;
                    let Some(e) = self.at(i) else {
                        return Err(Error::Msg("Unterminated string starting at", quote));
                    };
                    if e == 'u' {
                        let (code, next) = self.unicode_escape(i + 1)?;
                        out.push(code);
                        i = next;
                        continue;
                    }
                    out.push(match e {
                        '"' => '"',
                        '\\' => '\\',
                        '/' => '/',
                        'b' => '\u{8}',
                        'f' => '\u{c}',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        _ => return Err(Error::Msg("Invalid \\escape", i - 1)),
                    });
                    i += 1;
                }
                c if (c as u32) < 0x20 => {
                    return Err(Error::Msg("Invalid control character at", i));
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    /// The four hex digits after `\u` (at `i`), and a low surrogate's `\uXXXX` after a
    /// high one. Lone surrogates, which Rust strings cannot hold, become U+FFFD.
    fn unicode_escape(&self, i: usize) -> Scan<(char, usize)> {
        let hex4 = |at: usize| -> Scan<u32> {
            if at + 4 >= self.s.len() {
                return Err(Error::Msg("Invalid \\uXXXX escape", at - 1));
            }
            let text: String = self.s[at..at + 4].iter().collect();
            u32::from_str_radix(&text, 16)
                .ok()
                .filter(|_| text.chars().all(|c| c.is_ascii_hexdigit()))
                .ok_or(Error::Msg("Invalid \\uXXXX escape", at - 1))
        };
        let code = hex4(i)?;
        let mut next = i + 4;
        if (0xd800..0xdc00).contains(&code)
            && next + 6 < self.s.len()
            && self.at(next) == Some('\\')
            && self.at(next + 1) == Some('u')
        {
            let low = hex4(next + 2)?;
            if (0xdc00..0xe000).contains(&low) {
                next += 6;
                let combined = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                return Ok((char::from_u32(combined).unwrap_or('\u{fffd}'), next));
            }
        }
        Ok((char::from_u32(code).unwrap_or('\u{fffd}'), next))
    }

    fn object(&mut self, start: usize) -> Scan<(Value, usize)> {
        let mut map = Map::new();
        let mut i = self.skip_ws(start);
        if self.at(i) == Some('}') {
            return Ok((Value::Object(map), i + 1));
        }
        loop {
            if self.at(i) != Some('"') {
                return Err(Error::Msg(
                    "Expecting property name enclosed in double quotes",
                    i,
                ));
            }
            let (key, next) = self.string(i + 1)?;
            i = self.skip_ws(next);
            if self.at(i) != Some(':') {
                return Err(Error::Msg("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (value, next) = self.value(i)?;
            map.insert(key, value);
            i = self.skip_ws(next);
            match self.at(i) {
                Some('}') => return Ok((Value::Object(map), i + 1)),
                Some(',') => {
                    let comma = i;
                    i = self.skip_ws(i + 1);
                    if self.at(i) == Some('}') {
                        return Err(Error::Msg(
                            "Illegal trailing comma before end of object",
                            comma,
                        ));
                    }
                }
                _ => return Err(Error::Msg("Expecting ',' delimiter", i)),
            }
        }
    }

    fn array(&mut self, start: usize) -> Scan<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) == Some(']') {
            return Ok((Value::Array(items), i + 1));
        }
        loop {
            let (value, next) = self.value(i)?;
            items.push(value);
            i = self.skip_ws(next);
            match self.at(i) {
                Some(']') => return Ok((Value::Array(items), i + 1)),
                Some(',') => {
                    let comma = i;
                    i = self.skip_ws(i + 1);
                    if self.at(i) == Some(']') {
                        return Err(Error::Msg(
                            "Illegal trailing comma before end of array",
                            comma,
                        ));
                    }
                }
                _ => return Err(Error::Msg("Expecting ',' delimiter", i)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn err(s: &str) -> String {
        loads(s).unwrap_err()
    }

    #[test]
    fn reads_what_json_reads() {
        assert_eq!(
            loads(r#" {"Id": "a", "n": [1, -2.5, 1e3, true, null], "o": {}} "#).unwrap(),
            json!({"Id": "a", "n": [1, -2.5, 1000.0, true, null], "o": {}})
        );
        assert_eq!(loads(r#""\u00e9\ud83d\ude00\n""#).unwrap(), json!("é😀\n"));
        assert_eq!(loads(r#"{"a":1,"a":2}"#).unwrap(), json!({"a": 2}));
        assert_eq!(loads("[]").unwrap(), json!([]));
    }

    #[test]
    fn errors_are_pythons() {
        assert_eq!(
            err(r#"[{"Id":"a""#),
            "Expecting ',' delimiter: line 1 column 11 (char 10)"
        );
        assert_eq!(err(""), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(
            err("[1, 2,]"),
            "Illegal trailing comma before end of array: line 1 column 6 (char 5)"
        );
        assert_eq!(
            err(r#"{"a":1 , }"#),
            "Illegal trailing comma before end of object: line 1 column 8 (char 7)"
        );
        assert_eq!(err("[1,"), "Expecting value: line 1 column 4 (char 3)");
        assert_eq!(
            err(r#"{"a":1,2}"#),
            "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"
        );
        assert_eq!(
            err("{'a': 1}"),
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
        assert_eq!(
            err(r#"{"a" 1}"#),
            "Expecting ':' delimiter: line 1 column 6 (char 5)"
        );
        assert_eq!(err("[1] x"), "Extra data: line 1 column 5 (char 4)");
        assert_eq!(
            err("[\"abc"),
            "Unterminated string starting at: line 1 column 2 (char 1)"
        );
        assert_eq!(
            err("[\"a\tb\"]"),
            "Invalid control character at: line 1 column 4 (char 3)"
        );
        assert_eq!(
            err(r#"["\x"]"#),
            "Invalid \\escape: line 1 column 3 (char 2)"
        );
        assert_eq!(
            err(r#"["\u12"]"#),
            "Invalid \\uXXXX escape: line 1 column 4 (char 3)"
        );
        assert_eq!(
            err("[\n  {\"a\": }\n]"),
            "Expecting value: line 2 column 9 (char 10)"
        );
        assert_eq!(err("[-]"), "Expecting value: line 1 column 2 (char 1)");
        assert_eq!(
            err("[01]"),
            "Expecting ',' delimiter: line 1 column 3 (char 2)"
        );
        assert_eq!(
            err("[1e]"),
            "Expecting ',' delimiter: line 1 column 3 (char 2)"
        );
        assert_eq!(
            err("{"),
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
        assert_eq!(err("["), "Expecting value: line 1 column 2 (char 1)");
        assert_eq!(
            err(r#""\u123""#),
            "Invalid \\uXXXX escape: line 1 column 3 (char 2)"
        );
    }
}
