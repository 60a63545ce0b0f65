//! The POSIX-shell subset scripts are written in: words, quotes, escapes, continuations,
//! `$VAR`, `${VAR}`, `$(...)`, comments, `;` and `&&`.
//!
//! Parsing is separate from running: a script with a syntax error is rejected whole,
//! before any line has run, so a malformed script changes nothing.

use std::fmt;

/// A piece of a word: quoting decides whether an expansion is split into several words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Literal(String),
    Variable {
        name: String,
        quoted: bool,
    },
    /// `$(...)`: the inner text is a script of its own, run when the word is expanded.
    Substitution {
        script: String,
        quoted: bool,
    },
}

pub type Word = Vec<Part>;

/// One simple command: its words and where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimpleCommand {
    pub words: Vec<Word>,
    pub line: usize,
    /// Run only if the previous command succeeded (`a && b`).
    pub only_after_success: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The script stopped in the middle of something (a quote, `$(`, a trailing `&&`):
    /// more lines could complete it, so a console asks for a continuation line.
    pub incomplete: bool,
}

impl SyntaxError {
    /// Whether more input could make the script valid (a console then prompts for it).
    pub fn is_incomplete(&self) -> bool {
        self.incomplete
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: usize,
    column: usize,
}

impl Lexer {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn peek2(&self) -> Option<char> {
        self.chars.get(self.pos + 1).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }
    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            line: self.line,
            column: self.column,
            message: message.into(),
            incomplete: false,
        }
    }
    fn incomplete(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            incomplete: true,
            ..self.error(message)
        }
    }
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Splits a script into simple commands.
pub fn parse(script: &str) -> Result<Vec<SimpleCommand>, SyntaxError> {
    let mut lx = Lexer {
        chars: script.chars().collect(),
        pos: 0,
        line: 1,
        column: 1,
    };
    let mut commands = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut start_line = 1;
    let mut after_and = false;
    let finish =
        |words: &mut Vec<Word>, commands: &mut Vec<SimpleCommand>, line: usize, and: &mut bool| {
            if !words.is_empty() {
                commands.push(SimpleCommand {
                    words: std::mem::take(words),
                    line,
                    only_after_success: *and,
                });
                *and = false;
            }
        };
    while let Some(c) = lx.peek() {
        match c {
            ' ' | '\t' | '\r' => {
                lx.bump();
            }
            '\\' if lx.peek2() == Some('\n') => {
                lx.bump();
                lx.bump();
            }
            '\n' | ';' => {
                if c == ';' && words.is_empty() {
                    return Err(lx.error("syntax error near unexpected token `;'"));
                }
                lx.bump();
                finish(&mut words, &mut commands, start_line, &mut after_and);
            }
            '#' => {
                while let Some(c) = lx.peek() {
                    if c == '\n' {
                        break;
                    }
                    lx.bump();
                }
            }
            '&' if lx.peek2() == Some('&') => {
                if words.is_empty() {
                    return Err(lx.error("syntax error near unexpected token `&&'"));
                }
                lx.bump();
                lx.bump();
                finish(&mut words, &mut commands, start_line, &mut after_and);
                after_and = true;
            }
            '|' | '&' | '<' | '>' | '(' | ')' | '`' | '{' | '}' => {
                let what = match c {
                    '|' => "pipes (|) are not supported",
                    '&' => "background jobs (&) are not supported",
                    '<' | '>' => "redirections (< >) are not supported",
                    '`' => "backquotes are not supported: use $(...)",
                    _ => "subshells and groups are not supported",
                };
                return Err(lx.error(format!(
                    "{what}; Fanout scripts run aws commands, echo, sleep and variable assignments"
                )));
            }
            _ => {
                if words.is_empty() {
                    start_line = lx.line;
                }
                words.push(parse_word(&mut lx)?);
            }
        }
    }
    if after_and && words.is_empty() {
        return Err(lx.incomplete("syntax error: unexpected end of script after `&&'"));
    }
    finish(&mut words, &mut commands, start_line, &mut after_and);
    Ok(commands)
}

fn push_literal(word: &mut Word, c: char) {
    if let Some(Part::Literal(s)) = word.last_mut() {
        s.push(c);
    } else {
        word.push(Part::Literal(c.to_string()));
    }
}

fn parse_word(lx: &mut Lexer) -> Result<Word, SyntaxError> {
    let mut word = Word::new();
    // An empty quoted string ('' or "") is still a word.
    let mut quoted_empty = false;
    while let Some(c) = lx.peek() {
        match c {
            ' ' | '\t' | '\r' | '\n' | ';' | '|' | '<' | '>' | '(' | ')' | '`' => break,
            '&' => break,
            '\\' => {
                lx.bump();
                match lx.bump() {
                    Some('\n') => {}
                    Some(e) => push_literal(&mut word, e),
                    None => return Err(lx.incomplete("a backslash ends the script")),
                }
            }
            '\'' => {
                let (l, col) = (lx.line, lx.column);
                lx.bump();
                quoted_empty = true;
                loop {
                    match lx.bump() {
                        Some('\'') => break,
                        Some(c) => push_literal(&mut word, c),
                        None => {
                            return Err(SyntaxError {
                                line: l,
                                column: col,
                                message: "unterminated single quote".into(),
                                incomplete: true,
                            })
                        }
                    }
                }
            }
            '"' => {
                let (l, col) = (lx.line, lx.column);
                lx.bump();
                quoted_empty = true;
                loop {
                    match lx.peek() {
                        None => {
                            return Err(SyntaxError {
                                line: l,
                                column: col,
                                message: "unterminated double quote".into(),
                                incomplete: true,
                            })
                        }
                        Some('"') => {
                            lx.bump();
                            break;
                        }
                        Some('\\') => {
                            lx.bump();
                            match lx.bump() {
                                Some('\n') => {}
                                Some(e @ ('$' | '`' | '"' | '\\')) => push_literal(&mut word, e),
                                Some(e) => {
                                    push_literal(&mut word, '\\');
                                    push_literal(&mut word, e);
                                }
                                None => {}
                            }
                        }
                        Some('$') => parse_dollar(lx, &mut word, true)?,
                        Some('`') => {
                            return Err(lx.error("backquotes are not supported: use $(...)"))
                        }
                        Some(c) => {
                            lx.bump();
                            push_literal(&mut word, c);
                        }
                    }
                }
            }
            '$' => parse_dollar(lx, &mut word, false)?,
            c => {
                lx.bump();
                push_literal(&mut word, c);
            }
        }
    }
    if word.is_empty() && quoted_empty {
        word.push(Part::Literal(String::new()));
    }
    Ok(word)
}

/// `$NAME`, `${NAME}`, `$(script)`; a `$` before anything else is a literal dollar.
fn parse_dollar(lx: &mut Lexer, word: &mut Word, quoted: bool) -> Result<(), SyntaxError> {
    let (l, col) = (lx.line, lx.column);
    lx.bump(); // $
    match lx.peek() {
        Some('{') => {
            lx.bump();
            let mut name = String::new();
            loop {
                match lx.bump() {
                    Some('}') => break,
                    Some(c) if is_name_char(c) => name.push(c),
                    Some(_) => {
                        return Err(SyntaxError {
                            line: l,
                            column: col,
                            message: "only plain ${NAME} expansions are supported".into(),
                            incomplete: false,
                        })
                    }
                    None => {
                        return Err(SyntaxError {
                            line: l,
                            column: col,
                            message: "unterminated ${".into(),
                            incomplete: true,
                        })
                    }
                }
            }
            if name.is_empty() || !is_name_start(name.chars().next().unwrap_or('0')) {
                return Err(SyntaxError {
                    line: l,
                    column: col,
                    message: "bad substitution".into(),
                    incomplete: false,
                });
            }
            word.push(Part::Variable { name, quoted });
        }
        Some('(') => {
            lx.bump();
            let mut depth = 1;
            let mut script = String::new();
            let mut in_single = false;
            let mut in_double = false;
            loop {
                let Some(c) = lx.bump() else {
                    return Err(SyntaxError {
                        line: l,
                        column: col,
                        message: "unterminated $(".into(),
                        incomplete: true,
                    });
                };
                match c {
                    '\'' if !in_double => in_single = !in_single,
                    '"' if !in_single => in_double = !in_double,
                    '\\' if !in_single => {
                        script.push(c);
                        if let Some(n) = lx.bump() {
                            script.push(n);
                        }
                        continue;
                    }
                    '(' if !in_single && !in_double => depth += 1,
                    ')' if !in_single && !in_double => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                script.push(c);
            }
            word.push(Part::Substitution { script, quoted });
        }
        Some(c) if is_name_start(c) => {
            let mut name = String::new();
            while let Some(c) = lx.peek().filter(|&c| is_name_char(c)) {
                lx.bump();
                name.push(c);
            }
            word.push(Part::Variable { name, quoted });
        }
        _ => push_literal(word, '$'),
    }
    Ok(())
}

/// Quotes a string so that `parse` reads it back as one word with the same text.
pub fn quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,@%+".contains(c))
    {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(cmd: &SimpleCommand) -> Vec<String> {
        cmd.words
            .iter()
            .map(|w| {
                w.iter()
                    .map(|p| match p {
                        Part::Literal(s) => s.clone(),
                        Part::Variable { name, .. } => format!("<${name}>"),
                        Part::Substitution { script, .. } => format!("<$({script})>"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn quotes_escapes_and_continuations() {
        let cmds = parse("aws sqs x --a 'b c' \"d $E\" \\\n  --f=g\\ h # note\necho ''").unwrap();
        assert_eq!(cmds.len(), 2);
        assert_eq!(
            lits(&cmds[0]),
            ["aws", "sqs", "x", "--a", "b c", "d <$E>", "--f=g h"]
        );
        assert_eq!(lits(&cmds[1]), ["echo", ""]);
        assert_eq!(cmds[1].line, 3);
    }

    #[test]
    fn substitution_keeps_inner_quotes() {
        let cmds = parse("RH=$(aws sqs r --query 'M[0].R' --output text)").unwrap();
        assert_eq!(
            lits(&cmds[0]),
            ["RH=<$(aws sqs r --query 'M[0].R' --output text)>"]
        );
    }

    #[test]
    fn separators() {
        let cmds = parse("a; b && c").unwrap();
        assert_eq!(cmds.len(), 3);
        assert!(cmds[2].only_after_success && !cmds[1].only_after_success);
    }

    #[test]
    fn errors_name_line_and_column() {
        assert_eq!(
            parse("echo ok\necho 'open").unwrap_err().to_string(),
            "line 2, column 6: unterminated single quote"
        );
        assert!(parse("aws sqs list-queues | jq .")
            .unwrap_err()
            .message
            .contains("pipes"));
        assert!(parse("echo \"$(unclosed\"").is_err());
    }

    #[test]
    fn incomplete_input_is_marked() {
        for s in [
            "echo 'a",
            "echo \"a",
            "X=$(aws sqs",
            "a &&",
            "echo a \\",
            "echo ${A",
        ] {
            assert!(parse(s).unwrap_err().is_incomplete(), "{s}");
        }
        for s in ["a | b", "a ;; b", "echo ${A-b}"] {
            assert!(!parse(s).unwrap_err().is_incomplete(), "{s}");
        }
    }

    #[test]
    fn quote_round_trips() {
        for s in [
            "plain",
            "two words",
            "it's",
            "",
            "$HOME",
            "a\"b",
            "new\nline",
        ] {
            let cmds = parse(&format!("echo {}", quote(s))).unwrap();
            assert_eq!(lits(&cmds[0])[1], s);
        }
    }
}
