//! The AWS CLI's shorthand syntax for structure, map and list options, parsed into a JSON
//! value the way the AWS CLI's own parser does (`awscli/shorthand.py`): the same grammar,
//! the same backtracking on comma lists and the same error texts with a caret under the
//! failing character.
//!
//! ```text
//! parameter     = keyval *("," keyval)            top level; a repeated key is an error
//! keyval        = key ["@"] "=" values
//! key           = *[A-Za-z0-9_.#/:-]
//! values        = csv-list / explicit-list / hash-literal / ""
//! csv-list      = first-value *("," second-value) a lone value stays a string
//! explicit-list = "[" [explicit-value *("," explicit-value)] "]"
//! hash-literal  = "{" [key "=" explicit-value *("," key "=" explicit-value)] "}"
//! explicit-value= explicit-list / hash-literal / first-value
//! first-value   = 'single quoted' / "double quoted" / bare word (may contain '=', not ',')
//! second-value  = quoted / bare word without '='  (so `a=b,c=d` backtracks to a new key)
//! ```
//!
//! Quotes: `\'` inside single quotes and `\"` inside double quotes stand for the quote,
//! `\\` for a backslash; quoted values keep commas and spaces. In bare words `\,` is a
//! literal comma and trailing whitespace is dropped. All values are strings: the option's
//! model turns them into numbers or lists afterwards (see `params`).

use serde_json::{Map, Value};

/// A shorthand syntax error, worded as the AWS CLI words it (without the
/// `Error parsing parameter` prefix, which names the option).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShorthandError(pub String);

/// Why a shorthand argument was refused: its syntax, or a `key@=file://...` value whose
/// file could not be read (the AWS CLI reports that one as a general error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShorthandFailure {
    Syntax(ShorthandError),
    File(String),
}

/// Reads the value of a `key@=` pair: `None` when it names no file, else the file's
/// contents or the AWS CLI's reason it could not load them.
pub type LoadFile<'a> = &'a dyn Fn(&str) -> Option<Result<String, String>>;

/// Parses one shorthand argument (`Key=Value,Key2=[a,b],Key3={A=1}`) into a JSON object;
/// `key@=file://...` values are taken as written.
pub fn parse(input: &str) -> Result<Value, ShorthandError> {
    parse_with_files(input, &|_| None).map_err(|e| match e {
        ShorthandFailure::Syntax(s) => s,
        ShorthandFailure::File(m) => ShorthandError(m),
    })
}

/// Parses one shorthand argument, loading `key@=file://...` values with `load` as the
/// parser meets them (so a missing file is reported before a later syntax error, as the
/// AWS CLI does).
pub fn parse_with_files(input: &str, load: LoadFile) -> Result<Value, ShorthandFailure> {
    let mut p = Parser {
        s: input.chars().collect(),
        i: 0,
        load,
    };
    p.parameter().map_err(|e| match e {
        Failure::File(m) => ShorthandFailure::File(m),
        e => ShorthandFailure::Syntax(ShorthandError(e.message(&p.s))),
    })
}

enum Failure {
    Syntax {
        expected: String,
        actual: String,
        index: usize,
    },
    DuplicateKey {
        key: String,
        index: usize,
    },
    File(String),
}

impl Failure {
    fn message(&self, s: &[char]) -> String {
        match self {
            Failure::Syntax {
                expected,
                actual,
                index,
            } => format!(
                "Expected: '{expected}', received: '{actual}' for input:\n{}",
                error_location(s, *index)
            ),
            Failure::DuplicateKey { key, index } => format!(
                "Second instance of key \"{key}\" encountered for input:\n{}\nThis is often because there is a preceding \",\" instead of a space.",
                error_location(s, *index)
            ),
            Failure::File(m) => m.clone(),
        }
    }
}

/// The input with a caret under `index`, on the line where it falls.
fn error_location(s: &[char], index: usize) -> String {
    let index = index.min(s.len());
    let text: String = s.iter().collect();
    let before = &s[..index];
    let spaces = match before.iter().rposition(|&c| c == '\n') {
        Some(nl) => index - nl - 1,
        None => index,
    };
    let (consumed, remaining) = match s[index..].iter().position(|&c| c == '\n') {
        Some(off) => {
            let split = index + off;
            (
                s[..split].iter().collect::<String>(),
                s[split..].iter().collect::<String>(),
            )
        }
        None => (text, String::new()),
    };
    format!("{consumed}\n{}^{remaining}", " ".repeat(spaces))
}

/// Python's `str.isspace` (what the parser's regular expressions call `\s`).
pub(crate) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `string.whitespace`, which the parser skips between tokens.
fn is_ascii_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0b}' | '\u{0c}')
}

fn in_bmp_from(c: char, lo: char) -> bool {
    c >= lo && c <= '\u{ffff}'
}

/// Characters a bare value may start with.
fn start_word(c: char) -> bool {
    c == '!'
        || ('#'..='&').contains(&c)
        || ('('..='+').contains(&c)
        || ('-'..='<').contains(&c)
        || ('>'..='Z').contains(&c)
        || ('\\'..='z').contains(&c)
        || in_bmp_from(c, '|')
}

/// Characters that may follow in a first value: `=` yes, `,` `]` `}` and quotes no.
fn first_follow(c: char) -> bool {
    py_isspace(c)
        || c == '!'
        || ('#'..='&').contains(&c)
        || ('('..='+').contains(&c)
        || ('-'..='\\').contains(&c)
        || ('^'..='|').contains(&c)
        || in_bmp_from(c, '~')
}

/// Characters that may follow in a later comma-list value: no `=`, `,` or quotes.
fn second_follow(c: char) -> bool {
    py_isspace(c)
        || c == '!'
        || ('#'..='&').contains(&c)
        || ('('..='+').contains(&c)
        || ('-'..='<').contains(&c)
        || in_bmp_from(c, '>')
}

fn key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_.#/:".contains(c)
}

struct Parser<'a> {
    s: Vec<char>,
    i: usize,
    load: LoadFile<'a>,
}

type Parsed<T> = Result<T, Failure>;

impl Parser<'_> {
    fn at_eof(&self) -> bool {
        self.i >= self.s.len()
    }

    fn current(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn syntax(&self, expected: impl Into<String>, actual: impl Into<String>) -> Failure {
        Failure::Syntax {
            expected: expected.into(),
            actual: actual.into(),
            index: self.i,
        }
    }

    fn consume_whitespace(&mut self) {
        while self.current().is_some_and(is_ascii_ws) {
            self.i += 1;
        }
    }

    fn expect(&mut self, c: char, consume_whitespace: bool) -> Parsed<()> {
        if consume_whitespace {
            self.consume_whitespace();
        }
        match self.current() {
            None => return Err(self.syntax(c, "EOF")),
            Some(actual) if actual != c => return Err(self.syntax(c, actual)),
            Some(_) => self.i += 1,
        }
        if consume_whitespace {
            self.consume_whitespace();
        }
        Ok(())
    }

    fn parameter(&mut self) -> Parsed<Value> {
        let mut params = Map::new();
        let (key, value) = self.keyval()?;
        params.insert(key, value);
        let mut last_index = self.i;
        while !self.at_eof() {
            self.expect(',', true)?;
            let (key, value) = self.keyval()?;
            if params.contains_key(&key) {
                return Err(Failure::DuplicateKey {
                    key,
                    index: last_index + 1,
                });
            }
            params.insert(key, value);
            last_index = self.i;
        }
        Ok(Value::Object(params))
    }

    /// `key=values` or `key@=values` (the `@` asks for file loading, see `value_done`).
    fn keyval(&mut self) -> Parsed<(String, Value)> {
        let key = self.key();
        let files = self.optional_at();
        self.expect('=', true)?;
        let value = self.values(files)?;
        Ok((key, value))
    }

    fn optional_at(&mut self) -> bool {
        self.consume_whitespace();
        if self.current() == Some('@') {
            self.i += 1;
            self.consume_whitespace();
            true
        } else {
            false
        }
    }

    fn key(&mut self) -> String {
        let start = self.i;
        while self.current().is_some_and(key_char) {
            self.i += 1;
        }
        self.s[start..self.i].iter().collect()
    }

    fn values(&mut self, files: bool) -> Parsed<Value> {
        match self.current() {
            None => Ok(Value::String(String::new())),
            Some('[') => self.explicit_list(files),
            Some('{') => self.hash_literal(),
            Some(_) => self.csv_value(files),
        }
    }

    fn csv_value(&mut self, files: bool) -> Parsed<Value> {
        let first = self.first_value(files)?;
        self.consume_whitespace();
        if self.current() != Some(',') {
            return Ok(Value::String(first));
        }
        self.expect(',', true)?;
        let mut list = vec![first.clone()];
        loop {
            let attempt = (|| {
                let current = self.second_value(files)?;
                self.consume_whitespace();
                if self.at_eof() {
                    return Ok((current, true));
                }
                self.expect(',', true)?;
                Ok((current, false))
            })();
            match attempt {
                Ok((current, done)) => {
                    list.push(current);
                    if done {
                        break;
                    }
                }
                Err(e @ Failure::File(_)) => return Err(e),
                Err(e) => {
                    if self.at_eof() {
                        return Err(e);
                    }
                    // `a=b,c=d`: `c` was the next key, not a second value.
                    self.backtrack_to(',');
                    break;
                }
            }
        }
        if list.len() == 1 {
            return Ok(Value::String(first));
        }
        Ok(Value::Array(list.into_iter().map(Value::String).collect()))
    }

    fn backtrack_to(&mut self, c: char) {
        while self.i > 0 && self.s.get(self.i) != Some(&c) {
            self.i -= 1;
        }
    }

    fn explicit_list(&mut self, files: bool) -> Parsed<Value> {
        self.expect('[', true)?;
        let mut values = Vec::new();
        while self.current() != Some(']') {
            values.push(self.explicit_value(files)?);
            self.consume_whitespace();
            if self.current() != Some(']') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
        }
        self.expect(']', false)?;
        Ok(Value::Array(values))
    }

    fn explicit_value(&mut self, files: bool) -> Parsed<Value> {
        match self.current() {
            Some('[') => self.explicit_list(files),
            Some('{') => self.hash_literal(),
            _ => self.first_value(files).map(Value::String),
        }
    }

    fn hash_literal(&mut self) -> Parsed<Value> {
        self.expect('{', true)?;
        let mut map = Map::new();
        while self.current() != Some('}') {
            let key = self.key();
            let files = self.optional_at();
            self.expect('=', true)?;
            let value = self.explicit_value(files)?;
            self.consume_whitespace();
            if self.current() != Some('}') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
            map.insert(key, value);
        }
        self.expect('}', false)?;
        Ok(Value::Object(map))
    }

    fn first_value(&mut self, files: bool) -> Parsed<String> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q, files),
            _ => {
                let word = self.bare_word(first_follow).unwrap_or_default();
                self.value_done(word, files)
            }
        }
    }

    fn second_value(&mut self, files: bool) -> Parsed<String> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q, files),
            _ => match self.bare_word(second_follow) {
                Some(word) => self.value_done(word, files),
                None => Err(self.syntax("<second>", "<none>")),
            },
        }
    }

    /// A bare word: a start character (or `\,`) then follow characters (or `\,`);
    /// `\,` becomes a comma and trailing whitespace is dropped.
    fn bare_word(&mut self, follow: fn(char) -> bool) -> Option<String> {
        let start = self.i;
        let mut j = self.i;
        let mut first = true;
        loop {
            let c = self.s.get(j).copied();
            if c == Some('\\') && self.s.get(j + 1) == Some(&',') {
                j += 2;
            } else if c.is_some_and(|c| if first { start_word(c) } else { follow(c) }) {
                j += 1;
            } else {
                break;
            }
            first = false;
        }
        if j == start {
            return None;
        }
        self.i = j;
        let raw: String = self.s[start..j].iter().collect();
        Some(
            raw.replace("\\,", ",")
                .trim_end_matches(py_isspace)
                .to_string(),
        )
    }

    /// A quoted value (the quote char escaped as `\'` or `\"`, a backslash as `\\`).
    /// Mirrors the regex `'(?:\\'|[^'])*'`: the first unescaped quote closes; failing
    /// that, the last escaped one does (the regex backtracks into it).
    fn quoted(&mut self, q: char, files: bool) -> Parsed<String> {
        let start = self.i;
        let mut j = start + 1;
        let mut last_escaped_quote = None;
        let end = loop {
            match self.s.get(j) {
                None => match last_escaped_quote {
                    Some(k) => break k + 1,
                    None => {
                        let name = if q == '\'' {
                            "singled quoted"
                        } else {
                            "double quoted"
                        };
                        return Err(self.syntax(format!("<{name}>"), "<none>"));
                    }
                },
                Some(&c) if c == q => break j + 1,
                Some('\\') if self.s.get(j + 1) == Some(&q) => {
                    last_escaped_quote = Some(j + 1);
                    j += 2;
                }
                Some(_) => j += 1,
            }
        };
        self.i = end;
        let inner: String = self.s[start + 1..end - 1].iter().collect();
        let value = inner
            .replace(&format!("\\{q}"), &q.to_string())
            .replace("\\\\", "\\");
        self.value_done(value, files)
    }

    /// After `key@=`, `file://` and `fileb://` values name files, read at once.
    fn value_done(&self, value: String, files: bool) -> Parsed<String> {
        if !files {
            return Ok(value);
        }
        match (self.load)(&value) {
            None => Ok(value),
            Some(loaded) => loaded.map_err(Failure::File),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok(s: &str) -> Value {
        parse(s).unwrap_or_else(|e| panic!("{s}: {}", e.0))
    }

    fn err(s: &str) -> String {
        parse(s).unwrap_err().0
    }

    #[test]
    fn flat_pairs() {
        assert_eq!(
            ok("VisibilityTimeout=10,DelaySeconds=5"),
            json!({"VisibilityTimeout": "10", "DelaySeconds": "5"})
        );
        assert_eq!(ok("a="), json!({"a": ""}));
        assert_eq!(ok("a=b=c"), json!({"a": "b=c"}));
        assert_eq!(ok("a = b "), json!({"a": "b"}));
        assert_eq!(
            ok("Name=arn:aws:sqs:x:1:q"),
            json!({"Name": "arn:aws:sqs:x:1:q"})
        );
    }

    #[test]
    fn key_order_is_kept() {
        let v = ok("Id=a,MessageBody=x,DelaySeconds=3");
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["Id", "MessageBody", "DelaySeconds"]);
    }

    #[test]
    fn comma_lists_and_backtracking() {
        assert_eq!(ok("a=b,c"), json!({"a": ["b", "c"]}));
        assert_eq!(ok("a=b,c,d=e"), json!({"a": ["b", "c"], "d": "e"}));
        assert_eq!(ok("a=b,c=d"), json!({"a": "b", "c": "d"}));
        // A doubled comma is skipped, as the AWS CLI does.
        assert_eq!(ok("a=b,,c=d"), json!({"a": "b", "c": "d"}));
        assert_eq!(ok("a=x y  "), json!({"a": "x y"}));
    }

    #[test]
    fn explicit_lists_and_nesting() {
        assert_eq!(ok("a=[b,c]"), json!({"a": ["b", "c"]}));
        assert_eq!(ok("a=[]"), json!({"a": []}));
        assert_eq!(ok("a=[ b , c ]"), json!({"a": ["b", "c"]}));
        assert_eq!(
            ok("Name={DataType=String,StringValue=hi}"),
            json!({"Name": {"DataType": "String", "StringValue": "hi"}})
        );
        assert_eq!(
            ok("a={DataType=String,StringValue=x},b={DataType=Binary,BinaryValue=aGk=}"),
            json!({"a": {"DataType": "String", "StringValue": "x"},
                   "b": {"DataType": "Binary", "BinaryValue": "aGk="}})
        );
        assert_eq!(
            ok("k={L=[x,{A=1}],E={}}"),
            json!({"k": {"L": ["x", {"A": "1"}], "E": {}}})
        );
        assert_eq!(ok("a=[[1,2],[3]]"), json!({"a": [["1", "2"], ["3"]]}));
    }

    #[test]
    fn quoting() {
        assert_eq!(ok("a='x,y',b=2"), json!({"a": "x,y", "b": "2"}));
        assert_eq!(ok(r#"a="x, y""#), json!({"a": "x, y"}));
        assert_eq!(ok(r"a='it\'s'"), json!({"a": "it's"}));
        assert_eq!(ok(r#"a="say \"hi\"""#), json!({"a": "say \"hi\""}));
        assert_eq!(ok(r"a='back\\slash'"), json!({"a": r"back\slash"}));
        assert_eq!(ok(r"a=x\,y"), json!({"a": "x,y"}));
        assert_eq!(ok(r#"a=['x,1',"y]"]"#), json!({"a": ["x,1", "y]"]}));
        assert_eq!(ok("a=b,'c,d'"), json!({"a": ["b", "c,d"]}));
        assert_eq!(
            ok(r#"Body='{"k": "v"}'"#),
            json!({"Body": "{\"k\": \"v\"}"})
        );
        // No closing quote: the regex backtracks into the last escaped one.
        assert_eq!(ok(r"a='x\'"), json!({"a": r"x\"}));
    }

    #[test]
    fn syntax_errors_point_at_the_failure() {
        assert_eq!(
            err("VisibilityTimeout"),
            "Expected: '=', received: 'EOF' for input:\nVisibilityTimeout\n                 ^"
        );
        // Not a syntax error: `MessageBody` is a second value of Id (the model refuses it).
        assert_eq!(ok("Id=a,MessageBody"), json!({"Id": ["a", "MessageBody"]}));
        assert_eq!(
            err(" a=b"),
            "Expected: '=', received: 'a' for input:\n a=b\n ^"
        );
        assert_eq!(err(""), "Expected: '=', received: 'EOF' for input:\n\n^");
        assert_eq!(
            err("a b"),
            "Expected: '=', received: 'b' for input:\na b\n  ^"
        );
        assert_eq!(
            err("a=b,"),
            "Expected: '<second>', received: '<none>' for input:\na=b,\n    ^"
        );
        assert_eq!(
            err("a=[b"),
            "Expected: ',', received: 'EOF' for input:\na=[b\n    ^"
        );
        assert_eq!(
            err("a={b=c"),
            "Expected: ',', received: 'EOF' for input:\na={b=c\n      ^"
        );
        assert_eq!(
            err("a='b"),
            "Expected: '<singled quoted>', received: '<none>' for input:\na='b\n  ^"
        );
        assert_eq!(
            err("a=\"b"),
            "Expected: '<double quoted>', received: '<none>' for input:\na=\"b\n  ^"
        );
    }

    #[test]
    fn characters_outside_the_basic_plane_end_a_bare_value() {
        assert_eq!(
            err("a=x\u{1F600}"),
            "Expected: ',', received: '\u{1F600}' for input:\na=x\u{1F600}\n   ^"
        );
        assert_eq!(ok("a='x\u{1F600}'"), json!({"a": "x\u{1F600}"}));
        assert_eq!(ok("a=\u{e9},b=}"), json!({"a": "\u{e9}", "b": "}"}));
    }

    #[test]
    fn duplicate_keys_are_refused() {
        assert_eq!(
            err("Id=a,Id=b"),
            "Second instance of key \"Id\" encountered for input:\nId=a,Id=b\n     ^\nThis is often because there is a preceding \",\" instead of a space."
        );
        // Inside braces the later one wins, as in the AWS CLI.
        assert_eq!(ok("a={b=1,b=2}"), json!({"a": {"b": "2"}}));
    }

    #[test]
    fn caret_on_the_failing_line() {
        assert_eq!(
            err("a=[x]y\nz"),
            "Expected: ',', received: 'y' for input:\na=[x]y\n     ^\nz"
        );
        assert_eq!(
            err("a=1\nb=[x]y"),
            "Expected: ',', received: ']' for input:\na=1\nb=[x]y\n    ^"
        );
        assert_eq!(
            err("a b\nc=d"),
            "Expected: '=', received: 'b' for input:\na b\n  ^\nc=d"
        );
    }

    #[test]
    fn at_equals_values_load_files_as_they_are_met() {
        let load = |v: &str| -> Option<Result<String, String>> {
            match v.strip_prefix("file://")? {
                "x.txt" => Some(Ok("contents".into())),
                other => Some(Err(format!("no {other}"))),
            }
        };
        let parsed = |s: &str| parse_with_files(s, &load);
        assert_eq!(
            parsed("a@=file://x.txt,b={c@='file://x.txt'},d=file://x.txt"),
            Ok(json!({"a": "contents", "b": {"c": "contents"}, "d": "file://x.txt"}))
        );
        assert_eq!(
            parsed("a@=file://x.txt,file://x.txt"),
            Ok(json!({"a": ["contents", "contents"]}))
        );
        assert_eq!(parsed("a@=plain"), Ok(json!({"a": "plain"})));
        // The file is read before the missing brace is found.
        assert_eq!(
            parsed("a={b@=file://y.txt"),
            Err(ShorthandFailure::File("no y.txt".into()))
        );
        // Without a loader the value stays as written.
        assert_eq!(ok("a@=file://x.txt"), json!({"a": "file://x.txt"}));
    }
}
