//! The commands the shell answers itself, as pure functions of their arguments. Their
//! errors are worded as bash and GNU coreutils word them (without the `line N:` prefix,
//! which the runner adds).

/// The most numbers one `seq` prints; `for i in $(seq ...)` could not loop over more.
pub const MAX_SEQ: u64 = 1_000_000;

/// `echo [-n] ARGS...`
pub fn echo(args: &[String]) -> String {
    match args.first().map(String::as_str) {
        Some("-n") => args[1..].join(" "),
        _ => format!("{}\n", args.join(" ")),
    }
}

/// `test ARGS...` and `[ ARGS... ]` (`bracket` says which): whether the test holds, or a
/// usage error (exit status 2).
pub fn test(args: &[String], bracket: bool) -> Result<bool, String> {
    let name = if bracket { "[" } else { "test" };
    let args = if bracket {
        match args.split_last() {
            Some((last, rest)) if last == "]" => rest,
            _ => return Err(format!("{name}: missing `]'")),
        }
    } else {
        args
    };
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    evaluate(name, &a)
}

const BINARY: [&str; 9] = ["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge"];

/// POSIX's rules by argument count, so `[ "$X" = -n ]` compares strings.
fn evaluate(name: &str, a: &[&str]) -> Result<bool, String> {
    match a {
        [] => Ok(false),
        [s] => Ok(!s.is_empty()),
        ["!", s] => Ok(s.is_empty()),
        [op, s] => match *op {
            "-n" => Ok(!s.is_empty()),
            "-z" => Ok(s.is_empty()),
            "-e" | "-f" | "-d" | "-r" | "-s" | "-w" | "-x" => Err(format!(
                "{name}: {op}: file tests are not supported (Fanout scripts have no files)"
            )),
            _ => Err(format!("{name}: {op}: unary operator expected")),
        },
        [x, op, y] if BINARY.contains(op) => binary(name, x, op, y),
        ["!", rest @ ..] if rest.len() <= 3 => evaluate(name, rest).map(|b| !b),
        ["(", s, ")"] => Ok(!s.is_empty()),
        [_, op, _] => Err(format!("{name}: {op}: binary operator expected")),
        _ => Err(format!("{name}: too many arguments")),
    }
}

fn binary(name: &str, x: &str, op: &str, y: &str) -> Result<bool, String> {
    let int = |s: &str| {
        s.trim()
            .parse::<i64>()
            .map_err(|_| format!("{name}: {s}: integer expression expected"))
    };
    Ok(match op {
        "=" | "==" => x == y,
        "!=" => x != y,
        "-eq" => int(x)? == int(y)?,
        "-ne" => int(x)? != int(y)?,
        "-lt" => int(x)? < int(y)?,
        "-le" => int(x)? <= int(y)?,
        "-gt" => int(x)? > int(y)?,
        "-ge" => int(x)? >= int(y)?,
        _ => return Err(format!("{name}: {op}: binary operator expected")),
    })
}

/// `seq [FIRST [INCREMENT]] LAST`, whole numbers only: the lines it prints.
pub fn seq(args: &[String]) -> Result<String, String> {
    let number = |s: &String| {
        s.trim()
            .parse::<i64>()
            .map_err(|_| format!("seq: invalid argument: '{s}' (Fanout's seq takes whole numbers)"))
    };
    let (first, step, last) = match args {
        [] => return Err("seq: missing operand".into()),
        [last] => (1, 1, number(last)?),
        [first, last] => (number(first)?, 1, number(last)?),
        [first, step, last] => (number(first)?, number(step)?, number(last)?),
        [_, _, _, extra, ..] => return Err(format!("seq: extra operand '{extra}'")),
    };
    if step == 0 {
        return Err(format!("seq: invalid Zero increment value: '{}'", args[1]));
    }
    let span = if step > 0 {
        i128::from(last) - i128::from(first)
    } else {
        i128::from(first) - i128::from(last)
    };
    if span < 0 {
        return Ok(String::new());
    }
    let count = span / i128::from(step).abs() + 1;
    if count > i128::from(MAX_SEQ) {
        return Err(format!(
            "seq: {count} numbers is more than Fanout's limit of {MAX_SEQ}"
        ));
    }
    let mut out = String::new();
    for i in 0..count {
        out.push_str(&(i128::from(first) + i * i128::from(step)).to_string());
        out.push('\n');
    }
    Ok(out)
}
