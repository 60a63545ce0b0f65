//! `$((...))`: whole-number arithmetic on 64-bit integers that wrap on overflow, as in
//! bash. Operators, loosest first: `||`, `&&`, `== !=`, `< <= > >=`, `+ -`, `* / %`,
//! `**`, unary `- + !`; parentheses; numbers (decimal, `0x` hex, leading-zero octal);
//! variables as `NAME`, `$NAME`, `${NAME}` and `$?` (a value that is not a number is read
//! as an expression, as bash does). Assignments (`=`, `+=`, `++`) and
//! bit operators are refused: write `i=$((i + 1))`.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Pow,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Number(i64),
    Variable(String),
    Negate(Box<Expr>),
    Not(Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
}

/// Binary operators by binding strength, loosest first.
const LEVELS: [&[(&str, BinaryOp)]; 6] = [
    &[("||", BinaryOp::Or)],
    &[("&&", BinaryOp::And)],
    &[("==", BinaryOp::Eq), ("!=", BinaryOp::Ne)],
    &[
        ("<=", BinaryOp::Le),
        (">=", BinaryOp::Ge),
        ("<", BinaryOp::Lt),
        (">", BinaryOp::Gt),
    ],
    &[("+", BinaryOp::Add), ("-", BinaryOp::Sub)],
    &[
        ("*", BinaryOp::Mul),
        ("/", BinaryOp::Div),
        ("%", BinaryOp::Rem),
    ],
];

/// Operators a shell has that Fanout refuses, longest first so `**=` is not read as `**`.
const REFUSED: [&str; 17] = [
    "**=", "<<=", ">>=", "++", "--", "+=", "-=", "*=", "/=", "%=", "<<", ">>", "&=", "|=", "^=",
    "?", "~",
];

pub fn parse(text: &str) -> Result<Expr, String> {
    let mut p = Parser {
        s: text.chars().collect(),
        i: 0,
        depth: 0,
        operators: 0,
    };
    let e = p.level(0)?;
    p.blank();
    match p.s.get(p.i) {
        None => Ok(e),
        Some(_) => Err(format!("unexpected `{}'", p.rest())),
    }
}

struct Parser {
    s: Vec<char>,
    i: usize,
    /// Nesting of parentheses and unary operators, and the operators read: both bounded,
    /// as evaluating (and dropping) the tree recurses once per level.
    depth: usize,
    operators: usize,
}

const MAX_DEPTH: usize = 100;
const MAX_OPERATORS: usize = 1000;

impl Parser {
    fn blank(&mut self) {
        while self.s.get(self.i).is_some_and(|c| c.is_whitespace()) {
            self.i += 1;
        }
    }
    fn rest(&self) -> String {
        self.s[self.i..].iter().collect()
    }
    fn starts(&self, op: &str) -> bool {
        let mut ahead = self.s[self.i..].iter();
        op.chars().all(|c| ahead.next() == Some(&c))
    }
    fn refused(&self) -> Option<&'static str> {
        REFUSED.into_iter().find(|op| self.starts(op)).or_else(|| {
            // A lone `=` (assignment), `&`, `|` or `^` (bit operators).
            let c = *self.s.get(self.i)?;
            let next = self.s.get(self.i + 1).copied();
            match (c, next) {
                ('=', n) if n != Some('=') => Some("="),
                ('&', n) if n != Some('&') => Some("&"),
                ('|', n) if n != Some('|') => Some("|"),
                ('^', _) => Some("^"),
                _ => None,
            }
        })
    }
    fn count_operator(&mut self) -> Result<(), String> {
        self.operators += 1;
        if self.operators > MAX_OPERATORS {
            return Err(format!("more than {MAX_OPERATORS} operators"));
        }
        Ok(())
    }

    fn check_refused(&self) -> Result<(), String> {
        match self.refused() {
            Some(op) => Err(format!(
                "the operator `{op}' is not supported (write i=$((i + 1)) for assignments)"
            )),
            None => Ok(()),
        }
    }

    fn level(&mut self, n: usize) -> Result<Expr, String> {
        let Some(ops) = LEVELS.get(n) else {
            return self.power();
        };
        let mut left = self.level(n + 1)?;
        loop {
            self.blank();
            self.check_refused()?;
            let Some(&(text, op)) = ops.iter().find(|(t, _)| self.starts(t)) else {
                return Ok(left);
            };
            // `*` must not take the first half of `**`.
            if text == "*" && self.starts("**") {
                return Ok(left);
            }
            self.i += text.chars().count();
            self.count_operator()?;
            let right = self.level(n + 1)?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
    }

    /// `**` binds right to left: `2**3**2` is `2**9`.
    fn power(&mut self) -> Result<Expr, String> {
        let mut operands = vec![self.unary()?];
        loop {
            self.blank();
            self.check_refused()?;
            if !self.starts("**") {
                break;
            }
            self.i += 2;
            self.count_operator()?;
            operands.push(self.unary()?);
        }
        let mut e = operands.pop().unwrap_or(Expr::Number(0));
        while let Some(base) = operands.pop() {
            e = Expr::Binary(BinaryOp::Pow, Box::new(base), Box::new(e));
        }
        Ok(e)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!("nested more than {MAX_DEPTH} levels deep"));
        }
        let e = self.unary_inner();
        self.depth -= 1;
        e
    }

    fn unary_inner(&mut self) -> Result<Expr, String> {
        self.blank();
        self.check_refused()?;
        match self.s.get(self.i) {
            Some('-') => {
                self.i += 1;
                self.count_operator()?;
                Ok(Expr::Negate(Box::new(self.unary()?)))
            }
            Some('+') => {
                self.i += 1;
                self.unary()
            }
            Some('!') if self.s.get(self.i + 1) != Some(&'=') => {
                self.i += 1;
                self.count_operator()?;
                Ok(Expr::Not(Box::new(self.unary()?)))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Expr, String> {
        self.blank();
        let Some(&c) = self.s.get(self.i) else {
            return Err("an operand is missing at the end".into());
        };
        if c == '(' {
            self.i += 1;
            let e = self.level(0)?;
            self.blank();
            if self.s.get(self.i) != Some(&')') {
                return Err("missing `)'".into());
            }
            self.i += 1;
            return Ok(e);
        }
        if c.is_ascii_digit() {
            let word = self.take(|c| c.is_ascii_alphanumeric() || c == '_' || c == '#');
            return number(&word).map(Expr::Number);
        }
        if c == '$' {
            self.i += 1;
            return match self.s.get(self.i) {
                Some('?') => {
                    self.i += 1;
                    Ok(Expr::Variable("?".into()))
                }
                Some('{') => {
                    self.i += 1;
                    let name = self.name()?;
                    if self.s.get(self.i) != Some(&'}') {
                        return Err("only plain ${NAME} expansions are supported".into());
                    }
                    self.i += 1;
                    Ok(Expr::Variable(name))
                }
                _ => self.name().map(Expr::Variable),
            };
        }
        if c.is_ascii_alphabetic() || c == '_' {
            return self.name().map(Expr::Variable);
        }
        Err(format!("an operand is missing before `{}'", self.rest()))
    }

    fn take(&mut self, keep: impl Fn(char) -> bool) -> String {
        let start = self.i;
        while self.s.get(self.i).is_some_and(|&c| keep(c)) {
            self.i += 1;
        }
        self.s[start..self.i].iter().collect()
    }

    fn name(&mut self) -> Result<String, String> {
        let name = self.take(|c| c.is_ascii_alphanumeric() || c == '_');
        if super::is_name(&name) {
            Ok(name)
        } else {
            Err(format!("`{}' is not a variable name", self.rest()))
        }
    }
}

/// A number as bash reads one: `0x1f` hex, `017` octal, else decimal; an optional sign.
pub fn number(text: &str) -> Result<i64, String> {
    let t = text.trim();
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (radix, body) = if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        (16, hex)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, &digits[1..])
    } else {
        (10, digits)
    };
    let value =
        u64::from_str_radix(body, radix).map_err(|_| format!("{text}: not a whole number"))?;
    // Wraps like bash: 9223372036854775808 is i64::MIN.
    let v = value as i64;
    Ok(if negative { v.wrapping_neg() } else { v })
}

/// How deeply variables may hold expressions that name variables (`a=b; b=c+1`).
const MAX_INDIRECTION: usize = 20;

impl Expr {
    /// The value, reading variables through `var`. As in bash, a variable's value is an
    /// expression itself: unset or empty is 0, `b+1` is evaluated, a name is looked up.
    pub fn eval(&self, var: &dyn Fn(&str) -> String) -> Result<i64, String> {
        self.eval_at(var, 0)
    }

    fn eval_at(&self, var: &dyn Fn(&str) -> String, depth: usize) -> Result<i64, String> {
        let eval = |e: &Expr| e.eval_at(var, depth);
        Ok(match self {
            Expr::Number(n) => *n,
            Expr::Variable(name) => {
                let value = var(name);
                if value.trim().is_empty() {
                    0
                } else if let Ok(n) = number(&value) {
                    n
                } else if depth >= MAX_INDIRECTION {
                    return Err(format!("{value}: expression recursion level exceeded"));
                } else {
                    parse(&value)
                        .map_err(|e| format!("{value}: {e}"))?
                        .eval_at(var, depth + 1)?
                }
            }
            Expr::Negate(e) => eval(e)?.wrapping_neg(),
            Expr::Not(e) => i64::from(eval(e)? == 0),
            Expr::Binary(BinaryOp::And, a, b) => i64::from(eval(a)? != 0 && eval(b)? != 0),
            Expr::Binary(BinaryOp::Or, a, b) => i64::from(eval(a)? != 0 || eval(b)? != 0),
            Expr::Binary(op, a, b) => binary(*op, eval(a)?, eval(b)?)?,
        })
    }
}

fn binary(op: BinaryOp, a: i64, b: i64) -> Result<i64, String> {
    use BinaryOp::*;
    Ok(match op {
        Eq => i64::from(a == b),
        Ne => i64::from(a != b),
        Lt => i64::from(a < b),
        Le => i64::from(a <= b),
        Gt => i64::from(a > b),
        Ge => i64::from(a >= b),
        Add => a.wrapping_add(b),
        Sub => a.wrapping_sub(b),
        Mul => a.wrapping_mul(b),
        Div | Rem if b == 0 => return Err("division by 0".into()),
        Div => a.wrapping_div(b),
        Rem => a.wrapping_rem(b),
        Pow if b < 0 => return Err("exponent less than 0".into()),
        Pow => {
            let (mut base, mut e, mut acc) = (a, b as u64, 1i64);
            while e > 0 {
                if e & 1 == 1 {
                    acc = acc.wrapping_mul(base);
                }
                base = base.wrapping_mul(base);
                e >>= 1;
            }
            acc
        }
        // Evaluated with short-circuiting in `Expr::eval`; the same answer here.
        And => i64::from(a != 0 && b != 0),
        Or => i64::from(a != 0 || b != 0),
    })
}
