//! A recursive-descent parser over characters: words are read on demand, so `$(...)`
//! parses its inner list in place and every command keeps its real line number, inside
//! loops, continuations and substitutions alike.

use super::{
    arith, brace, is_name, AndOr, Command, Connector, List, Part, Pipeline, SimpleCommand,
    SyntaxError, Word,
};

pub fn parse(script: &str) -> Result<List, SyntaxError> {
    let mut p = Parser {
        chars: as_copied(script),
        pos: 0,
        line: 1,
        column: 1,
        peeked: None,
        depth: 0,
        brace_budget: brace::MAX_SCRIPT_WORDS,
    };
    let list = p.list()?;
    let t = p.next()?;
    match t.kind {
        Kind::Eof => Ok(list),
        _ => Err(p.unexpected(&t)),
    }
}

/// Course material pasted as it is shown: a `$ ` prompt before `aws` or `fanout` at the
/// start of a line is dropped, and a continuation backslash followed by stray spaces (a
/// Markdown line break) still continues the line. Bash would refuse both; a learner
/// copying from a page means neither. Both keep every other character in its line and
/// column, so errors still point at what was typed.
fn as_copied(script: &str) -> Vec<char> {
    let mut chars: Vec<char> = Vec::with_capacity(script.len());
    for line in script.split_inclusive('\n') {
        let start = chars.len();
        chars.extend(line.chars());
        let indent = chars[start..]
            .iter()
            .take_while(|c| **c == ' ' || **c == '\t')
            .count();
        let rest: String = chars[start + indent..].iter().take(8).collect();
        if rest.starts_with("$ aws ") || rest.starts_with("$ fanout ") {
            chars[start + indent] = ' ';
        }
        let body_end = chars.len() - usize::from(chars.last() == Some(&'\n'));
        let trimmed = chars[start..body_end]
            .iter()
            .rposition(|c| *c != ' ' && *c != '\t')
            .map_or(start, |i| start + i + 1);
        let backslashes = chars[start..trimmed]
            .iter()
            .rev()
            .take_while(|c| **c == '\\')
            .count();
        if trimmed < body_end && backslashes % 2 == 1 {
            chars.drain(trimmed..body_end);
        }
    }
    chars
}

#[derive(Clone, Debug)]
enum Kind {
    /// A word, and its text when it is one unquoted literal (only such words can be
    /// reserved words or assignments).
    Word(Word, Option<String>),
    Newline,
    Semi,
    And,
    Or,
    CloseParen,
    Eof,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    line: usize,
    column: usize,
}

impl Token {
    fn plain(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(_, plain) => plain.as_deref(),
            _ => None,
        }
    }
    fn shown(&self) -> String {
        match &self.kind {
            Kind::Word(_, Some(p)) => p.clone(),
            Kind::Word(..) => "word".into(),
            Kind::Newline => "newline".into(),
            Kind::Semi => ";".into(),
            Kind::And => "&&".into(),
            Kind::Or => "||".into(),
            Kind::CloseParen => ")".into(),
            Kind::Eof => "end of script".into(),
        }
    }
}

/// Words that end a list where a command could start.
const CLOSERS: [&str; 6] = ["do", "done", "then", "elif", "else", "fi"];

struct Parser {
    chars: Vec<char>,
    pos: usize,
    line: usize,
    column: usize,
    peeked: Option<Token>,
    /// How deeply lists nest (`$(...)`, loop and `if` bodies), bounded so that no script
    /// can exhaust the stack of the parser or of the runner.
    depth: usize,
    /// What is left of the words brace expansion may give this script.
    brace_budget: usize,
}

const MAX_DEPTH: usize = 100;

impl Parser {
    fn at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.at(0)?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }
    fn error_at(&self, line: usize, column: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            line,
            column,
            message: message.into(),
            incomplete: false,
        }
    }
    fn error(&self, message: impl Into<String>) -> SyntaxError {
        self.error_at(self.line, self.column, message)
    }
    fn incomplete_at(&self, line: usize, column: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            incomplete: true,
            ..self.error_at(line, column, message)
        }
    }
    fn unexpected(&self, t: &Token) -> SyntaxError {
        if matches!(t.kind, Kind::Eof) {
            return self.incomplete_at(t.line, t.column, "syntax error: unexpected end of script");
        }
        self.error_at(
            t.line,
            t.column,
            format!("syntax error near unexpected token `{}'", t.shown()),
        )
    }

    fn peek(&mut self) -> Result<&Token, SyntaxError> {
        if self.peeked.is_none() {
            let t = self.lex()?;
            self.peeked = Some(t);
        }
        Ok(self.peeked.as_ref().expect("just filled"))
    }
    fn next(&mut self) -> Result<Token, SyntaxError> {
        match self.peeked.take() {
            Some(t) => Ok(t),
            None => self.lex(),
        }
    }
    fn skip_newlines(&mut self) -> Result<(), SyntaxError> {
        while matches!(self.peek()?.kind, Kind::Newline) {
            self.next()?;
        }
        Ok(())
    }

    // ---- grammar ----

    /// Commands up to the end of the script, a `)` or a closing reserved word.
    fn list(&mut self) -> Result<List, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("commands nest more than {MAX_DEPTH} levels deep")));
        }
        let list = self.list_inner();
        self.depth -= 1;
        list
    }

    fn list_inner(&mut self) -> Result<List, SyntaxError> {
        let mut list = List::new();
        loop {
            self.skip_newlines()?;
            let t = self.peek()?;
            let closes = matches!(t.kind, Kind::Eof | Kind::CloseParen)
                || t.plain().is_some_and(|p| CLOSERS.contains(&p));
            if closes {
                return Ok(list);
            }
            list.push(self.and_or()?);
            let t = self.peek()?;
            match t.kind {
                Kind::Semi | Kind::Newline => {
                    self.next()?;
                }
                Kind::Eof | Kind::CloseParen => {}
                _ if t.plain().is_some_and(|p| CLOSERS.contains(&p)) => {}
                _ => {
                    let t = self.next()?;
                    return Err(self.unexpected(&t));
                }
            }
        }
    }

    /// A list that must hold at least one command, ended by one of `closers`.
    fn body(
        &mut self,
        closers: &[&str],
        opener: &str,
        line: usize,
    ) -> Result<(List, String), SyntaxError> {
        let list = self.list()?;
        let t = self.next()?;
        match t.plain() {
            Some(p) if closers.contains(&p) && !list.is_empty() => Ok((list, p.to_string())),
            _ if matches!(t.kind, Kind::Eof) => Err(self.incomplete_at(
                t.line,
                t.column,
                format!(
                    "syntax error: unexpected end of script: `{opener}' on line {line} needs `{}'",
                    closers.join("' or `")
                ),
            )),
            _ => Err(self.unexpected(&t)),
        }
    }

    fn and_or(&mut self) -> Result<AndOr, SyntaxError> {
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            let connector = match self.peek()?.kind {
                Kind::And => Connector::And,
                Kind::Or => Connector::Or,
                _ => return Ok(AndOr { first, rest }),
            };
            let op = self.next()?;
            self.skip_newlines()?;
            if matches!(self.peek()?.kind, Kind::Eof) {
                return Err(self.incomplete_at(
                    op.line,
                    op.column,
                    format!(
                        "syntax error: unexpected end of script after `{}'",
                        op.shown()
                    ),
                ));
            }
            rest.push((connector, self.pipeline()?));
        }
    }

    fn pipeline(&mut self) -> Result<Pipeline, SyntaxError> {
        let negated = self.peek()?.plain() == Some("!");
        if negated {
            self.next()?;
        }
        Ok(Pipeline {
            negated,
            command: self.command()?,
        })
    }

    fn command(&mut self) -> Result<Command, SyntaxError> {
        let t = self.peek()?.clone();
        let Kind::Word(..) = t.kind else {
            self.next()?;
            return Err(self.unexpected(&t));
        };
        let refused = match t.plain() {
            Some("case" | "esac") => Some("case statements are not supported: use if/elif"),
            Some("select") => Some("select is not supported"),
            Some("function") => Some("functions are not supported"),
            Some("{" | "}") => Some("command groups { ... } are not supported"),
            Some("[[") => Some("[[ ... ]] is not supported: use [ ... ] (or test)"),
            Some("!") => Some("syntax error near unexpected token `!'"),
            _ => None,
        };
        if let Some(message) = refused {
            return Err(self.error_at(t.line, t.column, message));
        }
        match t.plain() {
            Some("for") => self.for_loop(),
            Some(w @ ("while" | "until")) => {
                let w = w.to_string();
                self.next()?;
                let (condition, _) = self.body(&["do"], &w, t.line)?;
                let (body, _) = self.body(&["done"], &w, t.line)?;
                self.after_compound()?;
                Ok(Command::While {
                    condition,
                    body,
                    until: w == "until",
                    line: t.line,
                })
            }
            Some("if") => self.if_command(),
            _ => self.simple_command().map(Command::Simple),
        }
    }

    /// After `done` or `fi` only a separator, `&&`, `||` or a closer may follow.
    fn after_compound(&mut self) -> Result<(), SyntaxError> {
        let t = self.peek()?;
        let ok =
            !matches!(t.kind, Kind::Word(..)) || t.plain().is_some_and(|p| CLOSERS.contains(&p));
        if ok {
            return Ok(());
        }
        let t = self.next()?;
        Err(self.unexpected(&t))
    }

    fn for_loop(&mut self) -> Result<Command, SyntaxError> {
        let start = self.next()?;
        let t = self.next()?;
        let name = match t.plain() {
            Some(n) if is_name(n) => n.to_string(),
            _ if matches!(t.kind, Kind::Word(..)) => {
                return Err(self.error_at(
                    t.line,
                    t.column,
                    format!("for: `{}': not a valid identifier", t.shown()),
                ))
            }
            _ => return Err(self.unexpected(&t)),
        };
        self.skip_newlines()?;
        let t = self.next()?;
        if t.plain() != Some("in") {
            if matches!(t.kind, Kind::Eof) {
                return Err(self.unexpected(&t));
            }
            return Err(self.error_at(
                t.line,
                t.column,
                "for without `in WORDS' is not supported (scripts take no arguments)",
            ));
        }
        let mut words = Vec::new();
        loop {
            let t = self.next()?;
            match t.kind {
                Kind::Word(w, _) => words.extend(
                    brace::expand(&w, &mut self.brace_budget)
                        .map_err(|m| self.error_at(t.line, t.column, m))?,
                ),
                Kind::Semi | Kind::Newline => break,
                _ => return Err(self.unexpected(&t)),
            }
        }
        self.skip_newlines()?;
        let t = self.next()?;
        if t.plain() != Some("do") {
            if matches!(t.kind, Kind::Eof) {
                return Err(self.incomplete_at(
                    t.line,
                    t.column,
                    format!(
                        "syntax error: unexpected end of script: `for' on line {} needs `do'",
                        start.line
                    ),
                ));
            }
            return Err(self.unexpected(&t));
        }
        let (body, _) = self.body(&["done"], "for", start.line)?;
        self.after_compound()?;
        Ok(Command::For {
            name,
            words,
            body,
            line: start.line,
        })
    }

    fn if_command(&mut self) -> Result<Command, SyntaxError> {
        let start = self.next()?;
        let mut branches = Vec::new();
        let mut otherwise = None;
        loop {
            let (condition, _) = self.body(&["then"], "if", start.line)?;
            let (body, closer) = self.body(&["elif", "else", "fi"], "if", start.line)?;
            branches.push((condition, body));
            match closer.as_str() {
                "elif" => continue,
                "else" => {
                    otherwise = Some(self.body(&["fi"], "if", start.line)?.0);
                    break;
                }
                _ => break,
            }
        }
        self.after_compound()?;
        Ok(Command::If {
            branches,
            otherwise,
        })
    }

    fn simple_command(&mut self) -> Result<SimpleCommand, SyntaxError> {
        let line = self.peek()?.line;
        let mut assignments = Vec::new();
        let mut words = Vec::new();
        let mut export = false;
        while let Kind::Word(..) = self.peek()?.kind {
            let t = self.next()?;
            let Kind::Word(word, plain) = t.kind else {
                unreachable!("peeked a word")
            };
            let assignment_allowed = words.is_empty() || export;
            match assignment(&word) {
                Some(a) if assignment_allowed => assignments.push(a),
                _ if export => match plain.as_deref() {
                    Some(n) if is_name(n) => {}
                    _ => {
                        return Err(self.error_at(
                            t.line,
                            t.column,
                            "export: only NAME=value and NAME are supported",
                        ))
                    }
                },
                _ if words.is_empty() && plain.as_deref() == Some("export") => export = true,
                _ => {
                    let expanded = brace::expand(&word, &mut self.brace_budget)
                        .map_err(|m| self.error_at(t.line, t.column, m))?;
                    words.extend(expanded);
                }
            }
        }
        Ok(SimpleCommand {
            assignments,
            words,
            line,
        })
    }

    // ---- tokens ----

    fn lex(&mut self) -> Result<Token, SyntaxError> {
        loop {
            match (self.at(0), self.at(1)) {
                (Some(' ' | '\t' | '\r'), _) => {
                    self.bump();
                }
                (Some('\\'), Some('\n')) => {
                    self.bump();
                    self.bump();
                }
                (Some('#'), _) => {
                    while self.at(0).is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                _ => break,
            }
        }
        let (line, column) = (self.line, self.column);
        let token = |kind| Token { kind, line, column };
        let Some(c) = self.at(0) else {
            return Ok(token(Kind::Eof));
        };
        let next = self.at(1);
        let op = |p: &mut Parser, n: usize, kind| {
            for _ in 0..n {
                p.bump();
            }
            Ok(token(kind))
        };
        match (c, next) {
            ('\n', _) => op(self, 1, Kind::Newline),
            (';', Some(';')) => Err(self.error(
                "syntax error near unexpected token `;;' (case statements are not supported)",
            )),
            (';', _) => op(self, 1, Kind::Semi),
            ('&', Some('&')) => op(self, 2, Kind::And),
            ('|', Some('|')) => op(self, 2, Kind::Or),
            (')', _) => op(self, 1, Kind::CloseParen),
            ('&', Some('>')) | ('<' | '>', _) => Err(self.redirection()),
            ('&', _) => {
                Err(self
                    .error("background jobs (&) are not supported: commands run one after another"))
            }
            ('|', _) => {
                let trailing = self.chars[self.pos + 1..].iter().all(|c| c.is_whitespace());
                let e = self
                    .error("pipes (|) are not supported: use --query to pick parts of an answer");
                Err(SyntaxError {
                    incomplete: trailing,
                    ..e
                })
            }
            ('(', Some('(')) => Err(self.error(
                "arithmetic commands (( ... )) are not supported: use X=$((...)) or [ ... ]",
            )),
            ('(', _) => Err(self.open_paren()),
            _ => {
                let (word, plain) = self.word()?;
                Ok(token(Kind::Word(word, plain)))
            }
        }
    }

    fn redirection(&self) -> SyntaxError {
        if self.at(0) == Some('<') && self.at(1) == Some('<') {
            return self.error("here-documents (<<) are not supported");
        }
        // `<queue-url>`: a placeholder of course material, not a redirection.
        if self.at(0) == Some('<') {
            let name: String = self.chars[self.pos + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '-' || **c == '_')
                .collect();
            if !name.is_empty() && self.at(name.chars().count() + 1) == Some('>') {
                return self.error(format!(
                    "<{name}> is a placeholder: put a real value, or a variable such as \"$QueueUrl\", in its place"
                ));
            }
        }
        self.error("redirections (<, >) are not supported: output is printed")
    }

    /// `(` after a word and before `)` starts a function definition; anywhere else a
    /// subshell (or an unquoted parenthesis meant literally).
    fn open_paren(&self) -> SyntaxError {
        let rest = self.chars[self.pos + 1..]
            .iter()
            .find(|c| !matches!(c, ' ' | '\t'));
        if rest == Some(&')') {
            return self.error("functions are not supported");
        }
        self.error(
            "subshells ( ... ) are not supported (quote a parenthesis that is meant literally)",
        )
    }

    fn word(&mut self) -> Result<(Word, Option<String>), SyntaxError> {
        let mut w = WordBuilder::default();
        while let Some(c) = self.at(0) {
            match c {
                ' ' | '\t' | '\r' | '\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')' => break,
                '`' => return Err(self.error("backquotes are not supported: use $(...)")),
                '\\' => {
                    let (l, col) = (self.line, self.column);
                    self.bump();
                    match self.bump() {
                        Some('\n') => {}
                        Some(e) => w.literal(e, true),
                        None => {
                            return Err(self.incomplete_at(l, col, "a backslash ends the script"))
                        }
                    }
                }
                '\'' => {
                    let (l, col) = (self.line, self.column);
                    self.bump();
                    w.quoted_empty();
                    loop {
                        match self.bump() {
                            Some('\'') => break,
                            Some(c) => w.literal(c, true),
                            None => {
                                return Err(self.incomplete_at(l, col, "unterminated single quote"))
                            }
                        }
                    }
                }
                '"' => self.double_quoted(&mut w)?,
                '$' => self.dollar(&mut w, false)?,
                c => {
                    self.bump();
                    w.literal(c, false);
                }
            }
        }
        Ok(w.finish())
    }

    fn double_quoted(&mut self, w: &mut WordBuilder) -> Result<(), SyntaxError> {
        let (l, col) = (self.line, self.column);
        self.bump();
        w.quoted_empty();
        loop {
            match self.at(0) {
                None => return Err(self.incomplete_at(l, col, "unterminated double quote")),
                Some('"') => {
                    self.bump();
                    return Ok(());
                }
                Some('\\') => {
                    self.bump();
                    match self.bump() {
                        Some('\n') => {}
                        Some(e @ ('$' | '`' | '"' | '\\')) => w.literal(e, true),
                        Some(e) => {
                            w.literal('\\', true);
                            w.literal(e, true);
                        }
                        None => {
                            return Err(self.incomplete_at(l, col, "unterminated double quote"))
                        }
                    }
                }
                Some('$') => self.dollar(w, true)?,
                Some('`') => return Err(self.error("backquotes are not supported: use $(...)")),
                Some(c) => {
                    self.bump();
                    w.literal(c, true);
                }
            }
        }
    }

    /// `$NAME`, `${NAME}`, `$?`, `$(list)`, `$((expr))`; a `$` before anything else is a
    /// literal dollar.
    fn dollar(&mut self, w: &mut WordBuilder, quoted: bool) -> Result<(), SyntaxError> {
        let (l, col) = (self.line, self.column);
        match (self.at(1), self.at(2)) {
            (Some('('), Some('(')) => {
                self.bump();
                self.bump();
                self.bump();
                let text = self.arithmetic_text(l, col)?;
                let expr = arith::parse(&text)
                    .map_err(|m| self.error_at(l, col, format!("$((...)): {m}")))?;
                w.part(Part::Arithmetic { expr, quoted });
            }
            (Some('('), _) => {
                self.bump();
                self.bump();
                let body = self.list()?;
                let t = self.next()?;
                match t.kind {
                    Kind::CloseParen => {}
                    Kind::Eof => return Err(self.incomplete_at(l, col, "unterminated $(")),
                    _ => return Err(self.unexpected(&t)),
                }
                w.part(Part::Substitution { body, quoted });
            }
            (Some('{'), _) => {
                self.bump();
                self.bump();
                let mut name = String::new();
                loop {
                    match self.bump() {
                        Some('}') => break,
                        Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '?' => {
                            name.push(c)
                        }
                        Some(_) => {
                            return Err(self.error_at(
                                l,
                                col,
                                "only plain ${NAME} expansions are supported",
                            ))
                        }
                        None => return Err(self.incomplete_at(l, col, "unterminated ${")),
                    }
                }
                if !(is_name(&name) || name == "?") {
                    return Err(self.error_at(l, col, format!("${{{name}}}: bad substitution")));
                }
                w.part(Part::Variable { name, quoted });
            }
            (Some('?'), _) => {
                self.bump();
                self.bump();
                w.part(Part::Variable {
                    name: "?".into(),
                    quoted,
                });
            }
            (Some(c), _) if c.is_ascii_digit() || "@*#".contains(c) => {
                return Err(self.error(format!(
                    "${c}: positional parameters are not supported (scripts take no arguments)"
                )))
            }
            (Some(c @ ('$' | '!' | '-')), _) => {
                return Err(self.error(format!("${c}: special parameter not supported")))
            }
            (Some('\'' | '"'), _) if !quoted => {
                return Err(self.error("$'...' and $\"...\" quoting is not supported"))
            }
            (Some(c), _) if c.is_ascii_alphabetic() || c == '_' => {
                self.bump();
                let mut name = String::new();
                while let Some(c) = self
                    .at(0)
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    self.bump();
                    name.push(c);
                }
                w.part(Part::Variable { name, quoted });
            }
            _ => {
                self.bump();
                w.literal('$', quoted);
            }
        }
        Ok(())
    }

    /// The text of `$((...))` up to its matching `))`.
    fn arithmetic_text(&mut self, l: usize, col: usize) -> Result<String, SyntaxError> {
        let mut depth = 0usize;
        let mut text = String::new();
        loop {
            match self.bump() {
                None => return Err(self.incomplete_at(l, col, "unterminated $((")),
                Some(')') if depth == 0 => {
                    if self.at(0) == Some(')') {
                        self.bump();
                        return Ok(text);
                    }
                    return Err(self.error_at(l, col, "$((...)): expected `))'"));
                }
                Some(c) => {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    text.push(c);
                }
            }
        }
    }
}

/// Collects a word's parts, merging neighbouring literal characters of the same quoting.
#[derive(Default)]
struct WordBuilder {
    parts: Word,
    quoted_empty: bool,
}

impl WordBuilder {
    fn literal(&mut self, c: char, quoted: bool) {
        if let Some(Part::Literal { text, quoted: q }) = self.parts.last_mut() {
            if *q == quoted {
                text.push(c);
                return;
            }
        }
        self.parts.push(Part::Literal {
            text: c.to_string(),
            quoted,
        });
    }
    fn part(&mut self, p: Part) {
        self.parts.push(p);
    }
    /// `''` and `""` are a word even with nothing inside.
    fn quoted_empty(&mut self) {
        self.quoted_empty = true;
    }
    fn finish(mut self) -> (Word, Option<String>) {
        if self.parts.is_empty() && self.quoted_empty {
            self.parts.push(Part::Literal {
                text: String::new(),
                quoted: true,
            });
        }
        let plain = match self.parts.as_slice() {
            [Part::Literal {
                text,
                quoted: false,
            }] => Some(text.clone()),
            _ => None,
        };
        (self.parts, plain)
    }
}

/// `NAME=rest...` where NAME is a valid shell name at the start of the word's unquoted
/// leading literal.
fn assignment(word: &[Part]) -> Option<(String, Word)> {
    let Some(Part::Literal {
        text: first,
        quoted: false,
    }) = word.first()
    else {
        return None;
    };
    let (name, value) = first.split_once('=')?;
    if !is_name(name) {
        return None;
    }
    let mut parts = Vec::new();
    if !value.is_empty() {
        parts.push(Part::Literal {
            text: value.to_string(),
            quoted: false,
        });
    }
    parts.extend(word[1..].iter().cloned());
    Some((name.to_string(), parts))
}
