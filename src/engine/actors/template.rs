//! Message templates: `order {n}`, `group-{n%4}`.
//!
//! Placeholders: `{n}` is the message's number (1, 2, ...) within its producer, `{n%K}`
//! that number modulo K, `{actor}` the producer's name. Any other brace is kept as
//! written, so a JSON body such as `{"order": {n}}` needs no escaping.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    Number,
    NumberModulo(u64),
    Actor,
}

/// A parsed template; rendering one message is a few pushes onto a string.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub struct Template {
    source: String,
    parts: Vec<Part>,
}

impl Template {
    pub fn parse(source: &str) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = source;
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}');
            let part = match close.map(|c| &after[..c]) {
                Some("n") => Some(Part::Number),
                Some("actor") => Some(Part::Actor),
                Some(inner) if inner.starts_with("n%") => {
                    let k = inner[2..].parse::<u64>().ok().filter(|&k| k > 0);
                    Some(Part::NumberModulo(k.ok_or_else(|| {
                        format!("{{{inner}}} needs a whole number above 0 after n%, as in {{n%4}}")
                    })?))
                }
                _ => None,
            };
            match (part, close) {
                (Some(part), Some(close)) => {
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(part);
                    rest = &after[close + 1..];
                }
                _ => {
                    text.push('{');
                    rest = after;
                }
            }
        }
        text.push_str(rest);
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Template {
            source: source.to_string(),
            parts,
        })
    }

    pub fn render(&self, n: u64, actor: &str) -> String {
        // Every producer's send renders one: the string is sized once, and numbers go
        // through itoa rather than core::fmt's general machinery (about 700 instructions
        // a message for "message {n}" in the lesson hour).
        let mut out = String::with_capacity(self.source.len() + actor.len() + 20);
        let mut digits = itoa::Buffer::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Number => out.push_str(digits.format(n)),
                Part::NumberModulo(k) => out.push_str(digits.format(n % k)),
                Part::Actor => out.push_str(actor),
            }
        }
        out
    }

    pub fn source(&self) -> &str {
        &self.source
    }
}

impl From<Template> for String {
    fn from(t: Template) -> String {
        t.source
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_placeholders_and_keeps_other_braces() {
        let t = Template::parse(r#"{"order": {n}, "shard": "{n%4}", "by": "{actor}", "x": {}}"#)
            .unwrap();
        assert_eq!(
            t.render(7, "shop"),
            r#"{"order": 7, "shard": "3", "by": "shop", "x": {}}"#
        );
        assert_eq!(
            Template::parse("group-{n%4}").unwrap().render(8, ""),
            "group-0"
        );
        assert_eq!(Template::parse("{n").unwrap().render(1, ""), "{n");
    }

    #[test]
    fn a_bad_modulus_is_an_error() {
        for bad in ["{n%0}", "{n%x}", "{n%}"] {
            let e = Template::parse(bad).unwrap_err();
            assert!(e.contains("needs a whole number above 0"), "{bad}: {e}");
        }
    }
}
