//! `--output table`: the AWS CLI's table formatter (`TableFormatter` building a
//! `MultiTable`), rewritten from its algorithm.
//!
//! A response becomes a list of sections, each with a title (the operation name, then the
//! key of each nested value), optional column headers and rows of strings, and an indent
//! level that draws one more `|` on each side. All sections are drawn as wide as the
//! widest; columns share that width in proportion to their contents.
//!
//! The CLI fits the table to the terminal, or to 80 columns when its output is not a
//! terminal: that is what a script, a pipe or CI sees, so Fanout always uses 80. A table
//! wider than that has its one-row sections turned into key/value rows.

use super::is_scalar;
use super::wide::WIDE;
use crate::cli::params::py_str;
use crate::stable_sort::stable_sort;
use serde_json::{Map, Value};

/// The width the AWS CLI assumes when its output is not a terminal.
const TERMINAL_WIDTH: usize = 80;
/// Spaces around each cell's text.
const CELL_PADDING: usize = 4;

/// Draws `doc` as the AWS CLI's table titled `title`; a falsy document (`{}`, `[]`, `""`,
/// `0`, `false`, `null`) draws nothing. Fails where the CLI's formatter raises, with its
/// message (rows of different lengths in one section).
pub fn format_table(doc: &Value, title: &str) -> Result<String, String> {
    let mut table = MultiTable::default();
    if !table.build(Some(title), doc, 0)? {
        return Ok(String::new());
    }
    Ok(table.render())
}

/// Python's truth value of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
    }
}

/// Columns of display: East Asian wide, full-width and ambiguous characters count two,
/// every other character one (the CLI's `get_text_length`).
fn text_length(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let cp = u32::from(c);
            let wide = WIDE
                .binary_search_by(|&(lo, hi)| {
                    if hi < cp {
                        std::cmp::Ordering::Less
                    } else if lo > cp {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok();
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

fn spaces(n: i64) -> String {
    " ".repeat(usize::try_from(n).unwrap_or(0))
}

/// `text` centred in `length` columns between the edges; odd space goes to the right.
fn center_text(text: &str, length: usize, left_edge: &str, right_edge: &str) -> String {
    let text_len = text_length(text) as i64;
    let length = length as i64;
    let start = length / 2 - text_len / 2 - 1;
    let so_far = text_length(left_edge) as i64 + start + text_len;
    let right = length - text_length(right_edge) as i64 - so_far;
    format!(
        "{left_edge}{}{text}{}{right_edge}",
        spaces(start),
        spaces(right)
    )
}

/// `text` after two spaces (none if it would not fit), padded to `length` columns.
fn align_left(text: &str, length: usize, left_edge: &str, right_edge: &str) -> String {
    let text_len = text_length(text);
    let needed = text_len + 2 + text_length(left_edge) + text_length(right_edge);
    let padding = if length >= needed { 2 } else { 0 };
    let so_far = left_edge.chars().count() + padding + text_len;
    let right = length as i64 - so_far as i64 - right_edge.chars().count() as i64;
    format!(
        "{left_edge}{}{text}{}{right_edge}",
        " ".repeat(padding),
        spaces(right)
    )
}

#[derive(Default)]
struct Section {
    /// None for a section the CLI titled with Python's `None` (which still counts as
    /// four columns of width, the length of `str(None)`).
    title: Option<String>,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent_level: usize,
    num_cols: Option<usize>,
    max_widths: Vec<usize>,
}

impl Section {
    fn titled(title: Option<&str>, indent_level: usize) -> Section {
        Section {
            title: title.map(str::to_string),
            indent_level,
            ..Section::default()
        }
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.update_max_widths(&headers);
        self.num_cols.get_or_insert(headers.len());
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), String> {
        let expected = *self.num_cols.get_or_insert(row.len());
        if row.len() != expected {
            return Err(format!(
                "Row should have {expected} elements, instead it has {}",
                row.len()
            ));
        }
        self.update_max_widths(&row);
        self.rows.push(row);
        Ok(())
    }

    fn update_max_widths(&mut self, row: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|c| text_length(c)).collect();
        } else {
            for (w, c) in self.max_widths.iter_mut().zip(row) {
                *w = (*w).max(text_length(c));
            }
        }
    }

    /// Column widths (padding included) scaled to add up to `max_width`: rounded half to
    /// even as Python's `round` does, then off-by-ones taken from the first columns or
    /// given to the last.
    fn column_widths(&self, max_width: usize) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + CELL_PADDING).collect();
        let total: usize = unscaled.iter().sum();
        if unscaled.is_empty() || total == 0 {
            return unscaled;
        }
        let scale = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|&w| (scale * w as f64).round_ties_even() as i64)
            .collect();
        let mut off_by = scaled.iter().sum::<i64>() - max_width as i64;
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..scaled.len()).rev().collect()
            } else {
                (0..scaled.len()).collect()
            };
            for i in order {
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
            .into_iter()
            .map(|w| usize::try_from(w).unwrap_or(0))
            .collect()
    }

    /// The width this section needs: its columns with padding and borders, or its title.
    fn total_width(&self) -> usize {
        let outer = 2 * self.indent_level;
        let columns: usize = self.max_widths.iter().map(|w| w + CELL_PADDING).sum();
        let title = self.title.as_deref().map_or(4, text_length);
        (columns + 2 + outer).max(title + 2 + outer)
    }
}

#[derive(Default)]
struct MultiTable {
    sections: Vec<Section>,
}

impl MultiTable {
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    fn new_section(&mut self, title: Option<&str>, indent_level: usize) {
        self.sections.push(Section::titled(title, indent_level));
    }

    /// Adds `current` under `title` (or to the current section when there is none);
    /// false when it is falsy and nothing was added.
    fn build(
        &mut self,
        title: Option<&str>,
        current: &Value,
        indent: usize,
    ) -> Result<bool, String> {
        if !truthy(current) {
            return Ok(false);
        }
        if title.is_some() {
            self.new_section(title, indent);
        }
        match current {
            Value::Array(items) if items[0].is_object() => {
                self.add_list_of_dicts(items, indent, title)?;
            }
            Value::Array(items) => {
                for item in items {
                    match item {
                        _ if is_scalar(item) => self.current().add_row(vec![py_str(item)])?,
                        // A dict among scalars counts as the row of its keys, as Python
                        // iterates it.
                        Value::Object(m) => self.current().add_row(m.keys().cloned().collect())?,
                        Value::Array(row) if row.iter().all(is_scalar) => {
                            self.current().add_row(row.iter().map(py_str).collect())?
                        }
                        _ => {
                            self.build(None, item, 0)?;
                        }
                    }
                }
            }
            Value::Object(m) => self.add_dict(m, indent)?,
            _ => {}
        }
        Ok(true)
    }

    /// A dict: its scalars as one row under a header (a lone scalar as a key/value row),
    /// then each nested value as a section one level in.
    fn add_dict(&mut self, m: &Map<String, Value>, indent: usize) -> Result<(), String> {
        let (headers, more) = group_scalar_keys(m);
        if headers.len() == 1 {
            let key = &headers[0];
            self.current().add_row(vec![key.clone(), py_str(&m[key])])?;
        } else if !headers.is_empty() {
            let row = headers.iter().map(|k| py_str(&m[k])).collect();
            self.current().add_header(headers);
            self.current().add_row(row)?;
        }
        for key in more {
            self.build(Some(&key), &m[&key], indent + 1)?;
        }
        Ok(())
    }

    /// A list of dicts: one header of every scalar key, a row per dict; when the dicts
    /// hold nested values, each dict after the first starts its own section so that its
    /// nested sections follow its row.
    fn add_list_of_dicts(
        &mut self,
        items: &[Value],
        indent: usize,
        title: Option<&str>,
    ) -> Result<(), String> {
        let mut headers: Vec<String> = Vec::new();
        let mut more: Vec<String> = Vec::new();
        for item in items {
            let (h, n) = match item {
                Value::Object(m) => group_scalar_keys(m),
                other => {
                    not_a_dict(other)?;
                    continue;
                }
            };
            headers.extend(h);
            more.extend(n);
        }
        stable_sort(&mut headers);
        headers.dedup();
        stable_sort(&mut more);
        more.dedup();
        self.current().add_header(headers.clone());
        for (i, item) in items.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                self.new_section(title, indent);
                self.current().add_header(headers.clone());
            }
            let row = match item {
                Value::Object(m) => headers
                    .iter()
                    .map(|h| m.get(h).map(py_str).unwrap_or_default())
                    .collect(),
                _ if headers.is_empty() => Vec::new(),
                other => {
                    return Err(format!(
                        "'{}' object has no attribute 'get'",
                        python_type(other)
                    ))
                }
            };
            self.current().add_row(row)?;
            for key in &more {
                match item {
                    Value::Object(m) => {
                        if let Some(v) = m.get(key) {
                            self.build(Some(key), v, indent + 1)?;
                        }
                    }
                    other => not_a_dict_lookup(other, key)?,
                }
            }
        }
        Ok(())
    }

    fn render(mut self) -> String {
        let mut max_width = self.max_width();
        if max_width > TERMINAL_WIDTH {
            self.convert_to_vertical();
            max_width = self.max_width();
        }
        let mut out = "-".repeat(max_width);
        out.push('\n');
        for section in &self.sections {
            render_section(section, max_width, &mut out);
        }
        out
    }

    fn max_width(&self) -> usize {
        self.sections
            .iter()
            .map(Section::total_width)
            .max()
            .unwrap_or(0)
    }

    /// Turns each one-row section with headers into rows of header and value.
    fn convert_to_vertical(&mut self) {
        for section in &mut self.sections {
            if section.rows.len() == 1 && !section.headers.is_empty() {
                let mut vertical = Section::titled(section.title.as_deref(), section.indent_level);
                for (h, v) in section.headers.iter().zip(&section.rows[0]) {
                    // Two columns every time: this cannot fail.
                    let _ = vertical.add_row(vec![h.clone(), v.clone()]);
                }
                *section = vertical;
            }
        }
    }
}

/// A dict's keys split into those with scalar values and the rest, each sorted.
fn group_scalar_keys(m: &Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let (mut headers, mut more): (Vec<String>, Vec<String>) =
        m.keys().cloned().partition(|k| is_scalar(&m[k]));
    stable_sort(&mut headers);
    stable_sort(&mut more);
    (headers, more)
}

/// Where the CLI's formatter meets something other than a dict in a list of dicts: it
/// iterates it as if it were one, which only an empty list or string survives.
fn not_a_dict(v: &Value) -> Result<(), String> {
    match v {
        Value::Array(a) if a.is_empty() => Ok(()),
        Value::String(s) if s.is_empty() => Ok(()),
        Value::Array(_) => Err("list indices must be integers or slices, not str".into()),
        Value::String(_) => Err("string indices must be integers, not 'str'".into()),
        other => Err(format!("'{}' object is not iterable", python_type(other))),
    }
}

/// `key in item` for an item that is not a dict: a match is then indexed by the key, which
/// fails; no match skips the key.
fn not_a_dict_lookup(v: &Value, key: &str) -> Result<(), String> {
    match v {
        Value::Array(a) if a.iter().any(|e| e.as_str() == Some(key)) => {
            Err("list indices must be integers or slices, not str".into())
        }
        Value::String(s) if s.contains(key) => {
            Err("string indices must be integers, not 'str'".into())
        }
        Value::Array(_) | Value::String(_) => Ok(()),
        other => Err(format!(
            "argument of type '{}' is not iterable",
            python_type(other)
        )),
    }
}

fn python_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Writes one line of a section, inside one `|` per indent level on each side.
fn line(indent: usize, text: &str, out: &mut String) {
    let edge = "|".repeat(indent);
    out.push_str(&edge);
    out.push_str(text);
    out.push_str(&edge);
    out.push('\n');
}

fn render_section(section: &Section, max_width: usize, out: &mut String) {
    let indent = section.indent_level;
    let width = max_width.saturating_sub(indent * 2);
    if let Some(title) = section.title.as_deref().filter(|t| !t.is_empty()) {
        line(indent, &center_text(title, width, "|", "|"), out);
        if section.headers.is_empty() && section.rows.is_empty() {
            line(
                indent,
                &format!("+{}+", "-".repeat(width.saturating_sub(2))),
                out,
            );
        }
    }
    if !section.headers.is_empty() {
        let widths = section.column_widths(width);
        line(indent, &line_break(&widths), out);
        let cells: String = widths
            .iter()
            .zip(&section.headers)
            .enumerate()
            .map(|(i, (w, h))| center_text(h, *w, if i == 0 { "|" } else { "" }, "|"))
            .collect();
        line(indent, &cells, out);
    }
    if !section.rows.is_empty() {
        let widths = section.column_widths(width);
        if widths.is_empty() {
            return;
        }
        line(indent, &line_break(&widths), out);
        for row in &section.rows {
            let cells: String = widths
                .iter()
                .zip(row)
                .enumerate()
                .map(|(i, (w, c))| align_left(c, *w, if i == 0 { "|" } else { "" }, "|"))
                .collect();
            line(indent, &cells, out);
        }
        line(indent, &line_break(&widths), out);
    }
}

/// `+-----+------+`: each column's width, its borders included.
fn line_break(widths: &[usize]) -> String {
    widths
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                format!("+{}+", "-".repeat(w.saturating_sub(2)))
            } else {
                format!("{}+", "-".repeat(w.saturating_sub(1)))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    // Expected tables are what awscli's TableFormatter prints for the same documents.
    use super::*;
    use serde_json::json;

    fn table(doc: Value) -> String {
        format_table(&doc, "Op").unwrap()
    }

    #[test]
    fn a_lone_scalar_is_a_key_value_row_and_several_share_a_header() {
        assert_eq!(
            table(json!({"QueueUrl": "u"})),
            "-------------------\n|       Op        |\n+-----------+-----+\n|  QueueUrl |  u  |\n+-----------+-----+\n"
        );
        assert_eq!(
            table(json!({"B": "2", "A": "1"})),
            "------------\n|    Op    |\n+----+-----+\n|  A |  B  |\n+----+-----+\n|  1 |  2  |\n+----+-----+\n"
        );
    }

    #[test]
    fn wide_and_ambiguous_characters_count_two_columns() {
        assert_eq!(text_length("中文"), 4);
        assert_eq!(text_length("café"), 5);
        assert_eq!(text_length("α─"), 4);
        assert_eq!(
            table(json!({"Name": "中文"})),
            "------------------\n|       Op       |\n+-------+--------+\n|  Name |  中文  |\n+-------+--------+\n"
        );
    }

    #[test]
    fn empty_lists_null_values_and_nested_lists() {
        assert_eq!(table(json!({"Items": []})), "----\n|Op|\n+--+\n");
        assert_eq!(table(json!([])), "");
        assert_eq!(table(json!(null)), "");
        assert_eq!(
            table(json!({"Items": [{"A": null, "B": true}, {"A": "x"}]})),
            "--------------------\n|        Op        |\n+------------------+\n||      Items     ||\n|+-------+--------+|\n||   A   |   B    ||\n|+-------+--------+|\n||  None |  True  ||\n||  x    |        ||\n|+-------+--------+|\n"
        );
        // A list nested in a list of lists adds its rows to the same section.
        assert_eq!(
            format_table(&json!([["a", "b"], ["c", "d"], [["e"]]]), "Op"),
            Err("Row should have 2 elements, instead it has 1".into())
        );
    }

    #[test]
    fn a_table_wider_than_80_columns_turns_one_row_sections_into_key_value_rows() {
        let long = "x".repeat(80);
        assert_eq!(
            table(json!({"A": long, "B": "y"})),
            format!(
                "{}\n|{}Op{}|\n+---+{}+\n|  A|  {long}   |\n|  B|  y{}|\n+---+{}+\n",
                "-".repeat(91),
                " ".repeat(43),
                " ".repeat(44),
                "-".repeat(85),
                " ".repeat(82),
                "-".repeat(85)
            )
        );
    }
}
