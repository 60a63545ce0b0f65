//! `--output yaml`: what the AWS CLI v2 prints through ruamel.yaml's safe dumper with
//! `default_flow_style=False`, rewritten from that emitter's rules.
//!
//! - Keys are sorted (the safe representer sorts plain dicts), lists are block sequences
//!   whose `- ` sits at its key's indentation, nested mappings are indented by two.
//! - Empty lists and dicts are the only flow collections: `[]` and `{}`.
//! - A string is plain unless YAML would read it back as something else (a YAML 1.2 number,
//!   boolean, null, date, `<<`, `=`) or its characters forbid it (leading indicators, `: `,
//!   ` #`, surrounding spaces, line breaks, control characters); then it is single-quoted,
//!   or double-quoted when it holds a `'` or a line break or needs an escape.
//! - Lines are folded at spaces past column 80, continuing two spaces further in.
//! - A plain scalar alone is followed by `...` (an open-ended document).
//!
//! No crate prints this: serde_yaml (deprecated) and its forks quote by YAML 1.1 rules,
//! write multi-line strings as literal blocks and never fold lines.

use crate::cli::params::py_repr;
use crate::stable_sort::stable_sort_by;
use resolve::resolves_to_other_type;
use serde_json::Value;

mod resolve;

const BEST_INDENT: usize = 2;
const BEST_WIDTH: usize = 80;
/// Keys this long or longer are written as explicit `? key` entries. ruamel.yaml counts
/// the key's tag too, `!!str`, though it does not write it.
const MAX_SIMPLE_KEY_LENGTH: usize = 128;
const STR_TAG_LENGTH: usize = "!!str".len();

/// The document as `--output yaml` prints it.
pub fn format_yaml(doc: &Value) -> String {
    let mut events = Vec::new();
    represent(doc, &mut events);
    let mut emitter = Emitter::default();
    let mut events = events.into_iter().peekable();
    emitter.node(&mut events, Context::Root);
    // The implicit document end, then the stream end.
    emitter.write_indent();
    if emitter.open_ended {
        emitter.write_indicator("...", true, false, false);
        emitter.write_indent();
    }
    emitter.out
}

enum Event {
    /// `plain_implicit`: written plain, it reads back as the same type.
    Scalar {
        value: String,
        plain_implicit: bool,
    },
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
}

fn represent(v: &Value, events: &mut Vec<Event>) {
    let scalar = |value: String| Event::Scalar {
        value,
        plain_implicit: true,
    };
    match v {
        Value::Null => events.push(scalar("null".into())),
        Value::Bool(b) => events.push(scalar(b.to_string())),
        Value::Number(n) if n.is_f64() => events.push(scalar(py_repr(v).to_lowercase())),
        Value::Number(n) => events.push(scalar(n.to_string())),
        Value::String(s) => events.push(Event::Scalar {
            value: s.clone(),
            plain_implicit: !resolves_to_other_type(s),
        }),
        Value::Array(items) => {
            events.push(Event::SequenceStart);
            for item in items {
                represent(item, events);
            }
            events.push(Event::SequenceEnd);
        }
        Value::Object(m) => {
            events.push(Event::MappingStart);
            let mut entries: Vec<_> = m.iter().collect();
            stable_sort_by(&mut entries, super::by_key);
            for (k, v) in entries {
                events.push(Event::Scalar {
                    value: k.clone(),
                    plain_implicit: !resolves_to_other_type(k),
                });
                represent(v, events);
            }
            events.push(Event::MappingEnd);
        }
    }
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank_or_end(c: char) -> bool {
    matches!(c, '\0' | ' ' | '\t' | '\r') || is_break(c)
}

/// Which styles a string allows, from its characters.
struct Analysis {
    empty: bool,
    multiline: bool,
    allow_block_plain: bool,
    allow_single_quoted: bool,
}

fn analyze(s: &str) -> Analysis {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return Analysis {
            empty: true,
            multiline: false,
            allow_block_plain: true,
            allow_single_quoted: true,
        };
    }
    let mut block_indicators = s.starts_with("---") || s.starts_with("...");
    let mut line_breaks = false;
    let mut special = false;
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;
    let n = chars.len();
    for (i, &c) in chars.iter().enumerate() {
        let followed_by_whitespace = i + 1 >= n || is_blank_or_end(chars[i + 1]);
        if i == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(c) {
                block_indicators = true;
            }
            if (c == '?' || c == ':') && followed_by_whitespace {
                block_indicators = true;
            }
            if c == '-' && followed_by_whitespace {
                block_indicators = true;
            }
        } else if (c == ':' && followed_by_whitespace) || (c == '#' && preceded_by_whitespace) {
            block_indicators = true;
        }
        if is_break(c) {
            line_breaks = true;
        }
        if !(c == '\n' || (' '..='~').contains(&c)) {
            let printable = (c == '\u{85}'
                || ('\u{A0}'..='\u{D7FF}').contains(&c)
                || ('\u{E000}'..='\u{FFFD}').contains(&c)
                || c >= '\u{10000}')
                && c != '\u{FEFF}';
            if !printable {
                special = true;
            }
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= i == n - 1;
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            leading_break |= i == 0;
            trailing_break |= i == n - 1;
            space_break |= previous_space;
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blank_or_end(c);
    }
    let mut allow_block_plain =
        !(leading_space || leading_break || trailing_space || trailing_break);
    let mut allow_single_quoted = true;
    if break_space || special || space_break {
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if line_breaks || block_indicators {
        allow_block_plain = false;
    }
    Analysis {
        empty: false,
        multiline: line_breaks,
        allow_block_plain,
        allow_single_quoted,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Root,
    SequenceItem,
    MappingValue,
    SimpleKey,
}

struct Emitter {
    out: String,
    indent: Option<usize>,
    /// Each pushed indent, and whether it was pushed for a sequence.
    indents: Vec<(Option<usize>, bool)>,
    column: usize,
    whitespace: bool,
    indention: bool,
    open_ended: bool,
    context: Context,
}

impl Default for Emitter {
    fn default() -> Self {
        Emitter {
            out: String::new(),
            indent: None,
            indents: Vec::new(),
            column: 0,
            whitespace: true,
            indention: true,
            open_ended: false,
            context: Context::Root,
        }
    }
}

type Events = std::iter::Peekable<std::vec::IntoIter<Event>>;

impl Emitter {
    fn node(&mut self, events: &mut Events, context: Context) {
        self.context = context;
        match events.next() {
            Some(Event::Scalar {
                value,
                plain_implicit,
            }) => {
                let analysis = analyze(&value);
                let style = self.choose_style(&value, plain_implicit, &analysis);
                self.increase_indent(true, false, false);
                let split = context != Context::SimpleKey;
                if context == Context::SequenceItem {
                    self.write_indent();
                }
                match style {
                    Style::Plain => self.write_plain(&value, split),
                    Style::Single => self.write_single_quoted(&value, split),
                    Style::Double => self.write_double_quoted(&value, split),
                }
                self.indent = self.pop_indent();
            }
            Some(Event::SequenceStart) => {
                if matches!(events.peek(), Some(Event::SequenceEnd)) {
                    events.next();
                    self.empty_flow("[", "]");
                } else {
                    self.block_sequence(events);
                }
            }
            Some(Event::MappingStart) => {
                if matches!(events.peek(), Some(Event::MappingEnd)) {
                    events.next();
                    self.empty_flow("{", "}");
                } else {
                    self.block_mapping(events);
                }
            }
            Some(Event::SequenceEnd | Event::MappingEnd) | None => {}
        }
    }

    fn pop_indent(&mut self) -> Option<usize> {
        self.indents.pop().and_then(|(indent, _)| indent)
    }

    fn choose_style(&self, value: &str, plain_implicit: bool, a: &Analysis) -> Style {
        let simple_key = self.context == Context::SimpleKey;
        if plain_implicit && !(simple_key && (a.empty || a.multiline)) && a.allow_block_plain {
            return Style::Plain;
        }
        if value.contains('\'') || value.contains('\n') {
            return Style::Double;
        }
        if a.allow_single_quoted && !(simple_key && a.multiline) {
            return Style::Single;
        }
        Style::Double
    }

    fn increase_indent(&mut self, flow: bool, sequence: bool, indentless: bool) {
        self.indents.push((self.indent, sequence));
        match self.indent {
            // A top-level flow node or scalar asks for no indent at all.
            None if flow => {}
            None => self.indent = Some(0),
            Some(i) if !indentless => self.indent = Some(i + BEST_INDENT),
            Some(_) => {}
        }
    }

    /// `[]` or `{}`, after `- ` lined up with the sequence's items.
    fn empty_flow(&mut self, open: &str, close: &str) {
        let align = match self.indents.last() {
            Some(&(base, true)) if self.indents.len() >= 2 => {
                (base.unwrap_or(0) + BEST_INDENT) as i64 - self.column as i64 - 1
            }
            _ => 0,
        };
        let pad = " ".repeat(usize::try_from(align).unwrap_or(0));
        self.write_indicator(&format!("{pad}{open}"), true, true, false);
        self.write_indicator(close, false, false, false);
        self.write_line_break();
    }

    fn block_sequence(&mut self, events: &mut Events) {
        // A list that is a mapping's value starts at its key's column.
        let indentless = self.context == Context::MappingValue && !self.indention;
        self.increase_indent(false, true, indentless);
        while !matches!(events.peek(), Some(Event::SequenceEnd) | None) {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.node(events, Context::SequenceItem);
        }
        events.next();
        self.indent = self.pop_indent();
    }

    fn block_mapping(&mut self, events: &mut Events) {
        self.increase_indent(false, false, false);
        loop {
            let simple = match events.peek() {
                Some(Event::Scalar { value, .. }) => {
                    value.chars().count() + STR_TAG_LENGTH < MAX_SIMPLE_KEY_LENGTH
                        && !analyze(value).multiline
                }
                Some(Event::MappingEnd) | None => break,
                Some(_) => false,
            };
            self.write_indent();
            if simple {
                self.node(events, Context::SimpleKey);
                self.write_indicator(":", false, false, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.node(events, Context::MappingValue);
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.node(events, Context::MappingValue);
        }
        events.next();
        self.indent = self.pop_indent();
    }

    fn write(&mut self, data: &str) {
        self.column += data.chars().count();
        self.out.push_str(data);
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        whitespace: bool,
        indention: bool,
    ) {
        if !self.whitespace && need_whitespace {
            self.write(" ");
        }
        self.write(indicator);
        self.whitespace = whitespace;
        self.indention = self.indention && indention;
        self.open_ended = false;
    }

    fn write_indent(&mut self) {
        let indent = self.indent.unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.write_line_break();
        }
        if self.column < indent {
            self.whitespace = true;
            self.out.push_str(&" ".repeat(indent - self.column));
            self.column = indent;
        }
    }

    fn write_line_break(&mut self) {
        self.write_break('\n');
    }

    fn write_break(&mut self, c: char) {
        self.whitespace = true;
        self.indention = true;
        self.column = 0;
        self.out.push(c);
    }

    /// The line breaks of a run in a quoted or plain scalar: a `\n` first is doubled, as
    /// one line break alone would read back as a space.
    fn write_breaks(&mut self, run: &[char]) {
        if run.first() == Some(&'\n') {
            self.write_line_break();
        }
        for &c in run {
            self.write_break(c);
        }
        self.write_indent();
    }

    fn write_plain(&mut self, text: &str, split: bool) {
        if self.context == Context::Root {
            self.open_ended = true;
        }
        if text.is_empty() {
            return;
        }
        if !self.whitespace {
            self.write(" ");
        }
        self.whitespace = false;
        self.indention = false;
        let chars: Vec<char> = text.chars().collect();
        let (mut spaces, mut breaks) = (false, false);
        let mut start = 0;
        for end in 0..=chars.len() {
            let ch = chars.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end && self.column > BEST_WIDTH && split {
                        self.write_indent();
                        self.whitespace = false;
                        self.indention = false;
                    } else {
                        self.write(&chars[start..end].iter().collect::<String>());
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    self.write_breaks(&chars[start..end]);
                    self.whitespace = false;
                    self.indention = false;
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || is_break(c)) {
                self.write(&chars[start..end].iter().collect::<String>());
                start = end;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
        }
    }

    fn write_single_quoted(&mut self, text: &str, split: bool) {
        self.write_indicator("'", true, false, false);
        let chars: Vec<char> = text.chars().collect();
        let (mut spaces, mut breaks) = (false, false);
        let mut start = 0;
        for end in 0..=chars.len() {
            let ch = chars.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end
                        && self.column > BEST_WIDTH
                        && split
                        && start != 0
                        && end != chars.len()
                    {
                        self.write_indent();
                    } else {
                        self.write(&chars[start..end].iter().collect::<String>());
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    self.write_breaks(&chars[start..end]);
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || c == '\'' || is_break(c)) && start < end {
                self.write(&chars[start..end].iter().collect::<String>());
                start = end;
            }
            if ch == Some('\'') {
                self.write("''");
                start = end + 1;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
        }
        self.write_indicator("'", false, false, false);
    }

    fn write_double_quoted(&mut self, text: &str, split: bool) {
        self.write_indicator("\"", true, false, false);
        let chars: Vec<char> = text.chars().collect();
        let mut start = 0;
        for end in 0..=chars.len() {
            let ch = chars.get(end).copied();
            let needs_escape = ch.is_none_or(|c| {
                matches!(
                    c,
                    '"' | '\\' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}'
                ) || !((' '..='~').contains(&c)
                    || ('\u{A0}'..='\u{D7FF}').contains(&c)
                    || ('\u{E000}'..='\u{FFFD}').contains(&c))
            });
            if needs_escape {
                if start < end {
                    self.write(&chars[start..end].iter().collect::<String>());
                    start = end;
                }
                if let Some(c) = ch {
                    self.write(&escape(c));
                    start = end + 1;
                }
            }
            if 0 < end
                && end + 1 < chars.len()
                && (ch == Some(' ') || start >= end)
                && self.column as i64 + end as i64 - start as i64 > BEST_WIDTH as i64
                && split
            {
                let data: String = chars[start.min(end)..end].iter().collect();
                self.write(&format!("{data}\\"));
                if start < end {
                    start = end;
                }
                self.write_indent();
                self.whitespace = false;
                self.indention = false;
                if chars.get(start) == Some(&' ') {
                    self.write("\\");
                }
            }
        }
        self.write_indicator("\"", false, false, false);
    }
}

fn escape(c: char) -> String {
    let short = match c {
        '\0' => "0",
        '\x07' => "a",
        '\x08' => "b",
        '\t' => "t",
        '\n' => "n",
        '\x0B' => "v",
        '\x0C' => "f",
        '\r' => "r",
        '\x1B' => "e",
        '"' => "\"",
        '\\' => "\\",
        '\u{85}' => "N",
        '\u{A0}' => "_",
        '\u{2028}' => "L",
        '\u{2029}' => "P",
        _ => "",
    };
    let cp = u32::from(c);
    if !short.is_empty() {
        format!("\\{short}")
    } else if cp <= 0xFF {
        format!("\\x{cp:02X}")
    } else if cp <= 0xFFFF {
        format!("\\u{cp:04X}")
    } else {
        format!("\\U{cp:08X}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_sorted_lists_at_their_keys_column_empty_collections_in_flow() {
        assert_eq!(
            format_yaml(&json!({"b": [1, {"y": 2, "x": []}], "a": {}, "c": [[]]})),
            "a: {}\nb:\n- 1\n- x: []\n  y: 2\nc:\n- []\n"
        );
        assert_eq!(format_yaml(&json!({})), "{}\n");
    }

    #[test]
    fn strings_that_would_read_back_as_other_types_are_quoted() {
        let doc = json!({"n": "123", "b": "true", "d": "2024-01-01", "e": "", "z": null,
            "y": "yes", "u": "_", "f": "1.5", "t": true});
        assert_eq!(
            format_yaml(&doc),
            "b: 'true'\nd: '2024-01-01'\ne: ''\nf: '1.5'\nn: '123'\nt: true\nu: _\ny: yes\nz: null\n"
        );
    }

    #[test]
    fn indicators_line_breaks_and_escapes_choose_the_quotes() {
        let doc = json!({"a": "{\"k\":1}", "b": "it's: here", "c": "one\ntwo", "d": "tab\there",
            "e": "- x", "f": "a #b", "g": "café ☃"});
        assert_eq!(
            format_yaml(&doc),
            "a: '{\"k\":1}'\nb: \"it's: here\"\nc: \"one\\ntwo\"\nd: \"tab\\there\"\ne: '- x'\nf: 'a #b'\ng: café ☃\n"
        );
    }

    #[test]
    fn long_lines_fold_at_spaces_and_long_keys_are_explicit() {
        let words = ["word"; 20].join(" ");
        assert_eq!(
            format_yaml(&json!({ "k": words })),
            format!("k: {}\n  word word word word\n", ["word"; 16].join(" "))
        );
        let key = "k".repeat(123);
        assert_eq!(
            format_yaml(&json!({ key.clone(): 1 })),
            format!("? {key}\n: 1\n")
        );
        let key = "k".repeat(122);
        assert_eq!(
            format_yaml(&json!({ key.clone(): 1 })),
            format!("{key}: 1\n")
        );
    }

    #[test]
    fn a_plain_scalar_alone_ends_its_document() {
        assert_eq!(format_yaml(&json!("abc")), "abc\n...\n");
        assert_eq!(format_yaml(&json!(null)), "null\n...\n");
        assert_eq!(format_yaml(&json!("123")), "'123'\n");
        assert_eq!(format_yaml(&json!(["a"])), "- a\n");
    }

    /// Which strings a plain scalar would read back as another type: a case per edge of
    /// ruamel.yaml's resolver patterns (the sign, `_`, the empty exponent, one- and
    /// two-digit date parts, the time zone, Python's `$` before a final newline), pinned
    /// while the patterns were still regular expressions.
    #[test]
    fn resolver_decisions_on_edge_cases() {
        let cases: &[(&str, bool)] = &[
            ("", true),
            ("true", true),
            ("True", true),
            ("TRUE", true),
            ("false", true),
            ("False", true),
            ("FALSE", true),
            ("tRue", false),
            ("fALSE", false),
            ("yes", false),
            ("no", false),
            ("on", false),
            ("off", false),
            ("y", false),
            ("n", false),
            ("truex", false),
            ("true ", false),
            ("true\n", true),
            ("true\n\n", false),
            ("~", true),
            ("null", true),
            ("Null", true),
            ("NULL", true),
            ("nULL", false),
            ("nul", false),
            ("~~", false),
            ("null\n", true),
            ("None", false),
            ("<<", true),
            ("<", false),
            ("<<<", false),
            ("=", true),
            ("==", false),
            ("!", true),
            ("&", true),
            ("*", true),
            ("!!", false),
            ("**", false),
            ("&a", false),
            ("*a", false),
            ("0", true),
            ("-0", true),
            ("+0", true),
            ("123", true),
            ("-123", true),
            ("+123", true),
            ("1_000", true),
            ("_1", false),
            ("_", false),
            ("-_", true),
            ("+__", true),
            ("-", false),
            ("+", false),
            ("0b101", true),
            ("0b", false),
            ("0b2", false),
            ("-0b1_0", true),
            ("0o17", true),
            ("0o8", false),
            ("0o", false),
            ("017", true),
            ("08", true),
            ("0_9", true),
            ("0x1F", true),
            ("0xg", false),
            ("0x", false),
            ("-0x1f", true),
            ("+0x_", true),
            ("0X1F", false),
            ("1,000", false),
            ("12a", false),
            ("1 2", false),
            ("١٢", false),
            ("１", false),
            ("1.5", true),
            ("1.", true),
            ("-1.", true),
            ("+.5", true),
            (".5", true),
            ("._", true),
            ("._5", true),
            (".", false),
            ("-.", false),
            ("1e5", true),
            ("1E5", true),
            ("1e+5", true),
            ("1e-5", true),
            ("1e", false),
            ("1e+", false),
            ("1.e5", true),
            ("1.5e", false),
            ("1.5e+", false),
            ("1.5e+3", true),
            (".5e3", false),
            (".5e+3", true),
            ("-.5E-3", true),
            ("1_0.0_1", true),
            ("_1.5", false),
            (".inf", true),
            ("-.inf", true),
            ("+.INF", true),
            (".Inf", true),
            (".iNF", false),
            (".nan", true),
            (".NaN", true),
            (".NAN", true),
            ("-.nan", false),
            ("+.nan", false),
            ("inf", false),
            ("nan", false),
            ("1.0.0", false),
            ("1..2", false),
            ("1e5.0", false),
            (".e5", false),
            ("1__.__", true),
            ("2024-01-01", true),
            ("2024-1-1", false),
            ("2024-01-01T00:00:00", true),
            ("2024-1-1t1:00:00", true),
            ("2024-01-01 00:00:00", true),
            ("2024-01-01  \t 1:00:00", true),
            ("2024-01-01T00:00:00Z", true),
            ("2024-01-01T00:00:00.123Z", true),
            ("2024-01-01T00:00:00.Z", true),
            ("2024-01-01T00:00:00 Z", true),
            ("2024-01-01T00:00:00\tZ", true),
            ("2024-01-01T00:00:00+01:00", true),
            ("2024-01-01T00:00:00-1", true),
            ("2024-01-01T00:00:00+01:0", false),
            ("2024-01-01T00:00:00+0100", false),
            ("2024-01-01T00:00:00 ", false),
            ("2024-01-01T00:00", false),
            ("2024-01-01T1:2:03", false),
            ("20240-01-01", false),
            ("2024-001-01", false),
            ("2024-01-001", false),
            ("2024-01-1", false),
            ("2024-01-01T", false),
            ("2024/01/01", false),
            ("2024-01-01\n", true),
            ("2024-01-01\n\n", false),
            ("2024-01-01x", false),
            ("24-01-01", false),
            ("2024-01-01T00:00:00.5 +05:30", true),
            ("2024-01-01T000:00:00", false),
            ("2024-01-01Z", false),
            ("\n", false),
            ("123\n", true),
            ("123\n\n", false),
            ("\n123", false),
            ("1.5\n", true),
            (" 123", false),
            ("123 ", false),
            ("trué", false),
            ("٢", false),
        ];
        let wrong: Vec<_> = cases
            .iter()
            .filter(|&&(s, quoted)| resolves_to_other_type(s) != quoted)
            .collect();
        assert!(wrong.is_empty(), "wrong decisions: {wrong:?}");
    }
}
