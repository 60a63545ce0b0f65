use super::*;

/// The words of the first simple command, expansions shown as `<$NAME>`.
fn words(script: &str) -> Vec<String> {
    let list = parse(script).unwrap();
    let Command::Simple(c) = &list[0].first.command else {
        panic!("not a simple command: {script}");
    };
    c.words.iter().map(shown).collect()
}

fn shown(w: &Word) -> String {
    w.iter()
        .map(|p| match p {
            Part::Literal { text, .. } => text.clone(),
            Part::Variable { name, .. } => format!("<${name}>"),
            Part::Substitution { .. } => "<$(...)>".into(),
            Part::Arithmetic { .. } => "<$((...))>".into(),
        })
        .collect()
}

fn error(script: &str) -> String {
    parse(script).unwrap_err().to_string()
}

#[test]
fn quotes_escapes_and_continuations() {
    assert_eq!(
        words("aws sqs x --a 'b c' \"d $E\" \\\n  --f=g\\ h # note\necho ''"),
        ["aws", "sqs", "x", "--a", "b c", "d <$E>", "--f=g h"]
    );
    let list = parse("a \\\n b\n\necho ''").unwrap();
    let Command::Simple(c) = &list[1].first.command else {
        panic!()
    };
    assert_eq!(c.line, 4);
    assert_eq!(shown(&c.words[1]), "");
}

#[test]
fn separators_and_lists() {
    let list = parse("a; b && c || d\n! e").unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(
        list[1].rest.iter().map(|r| r.0).collect::<Vec<_>>(),
        [Connector::And, Connector::Or]
    );
    assert!(list[2].first.negated);
}

#[test]
fn compound_commands() {
    let list = parse(
        "for i in {1..3} x; do\n  echo $i\ndone\nwhile false; do :; done\nif a; then b; elif c; then d; else e; fi",
    )
    .unwrap();
    let Command::For { words, line, .. } = &list[0].first.command else {
        panic!()
    };
    assert_eq!(
        words.iter().map(shown).collect::<Vec<_>>(),
        ["1", "2", "3", "x"]
    );
    assert_eq!(*line, 1);
    assert!(matches!(
        list[1].first.command,
        Command::While {
            line: 4,
            until: false,
            ..
        }
    ));
    let Command::If {
        branches,
        otherwise,
    } = &list[2].first.command
    else {
        panic!()
    };
    assert_eq!(branches.len(), 2);
    assert!(otherwise.is_some());
}

#[test]
fn reserved_words_only_where_a_command_starts() {
    assert_eq!(words("echo for done fi"), ["echo", "for", "done", "fi"]);
    assert!(parse("'for' x").is_ok());
}

#[test]
fn brace_expansion() {
    assert_eq!(
        words("echo {01..3} {c..a} {1..10..4} x{a,b{1,2}}y {a} {} \"{1..2}\" \\{1..2} {5..-5..5}"),
        [
            "echo", "01", "02", "03", "c", "b", "a", "1", "5", "9", "xay", "xb1y", "xb2y", "{a}",
            "{}", "{1..2}", "{1..2}", "5", "0", "-5"
        ]
    );
    assert!(error("echo {1..200000}").contains("more than 100000 words"));
    assert!(error("echo {1..1000}{1..1000}").contains("more than 100000 words"));
    let many = "{1..100000} ".repeat(3);
    assert!(error(&format!("echo {many}")).contains("more than 200000 words in one script"));
}

#[test]
fn assignments_and_export() {
    let list = parse("A=1 B=\"$A x\" cmd C=3\nexport D=4 E").unwrap();
    let Command::Simple(c) = &list[0].first.command else {
        panic!()
    };
    assert_eq!(c.assignments.len(), 2);
    assert_eq!(
        c.words.iter().map(shown).collect::<Vec<_>>(),
        ["cmd", "C=3"]
    );
    let Command::Simple(e) = &list[1].first.command else {
        panic!()
    };
    assert_eq!(e.assignments[0].0, "D");
    assert!(e.words.is_empty());
    assert!(error("export -p").contains("export: only NAME=value"));
}

#[test]
fn errors_name_line_and_column() {
    assert_eq!(
        error("echo ok\necho 'open"),
        "line 2, column 6: unterminated single quote"
    );
    for (script, message) in [
        ("aws sqs list-queues | jq .", "line 1, column 21: pipes (|)"),
        ("echo a > f", "line 1, column 8: redirections"),
        ("cat <<EOF", "line 1, column 5: here-documents"),
        ("f() { echo; }", "line 1, column 2: functions"),
        ("function f { :; }", "line 1, column 1: functions"),
        ("case x in a) ;; esac", "line 1, column 1: case statements"),
        ("echo `date`", "line 1, column 6: backquotes"),
        ("sleep 1 &", "line 1, column 9: background jobs"),
        ("(echo)", "line 1, column 1: subshells"),
        ("((i++))", "line 1, column 1: arithmetic commands"),
        ("{ echo; }", "line 1, column 1: command groups"),
        ("[[ a ]]", "line 1, column 1: [[ ... ]]"),
        ("echo $1", "line 1, column 6: $1: positional"),
        ("echo ${A:-x}", "line 1, column 6: only plain ${NAME}"),
        (
            "x=$((i++))",
            "line 1, column 3: $((...)): the operator `++'",
        ),
        (
            "echo $((1 +))",
            "line 1, column 6: $((...)): an operand is missing",
        ),
        (
            "done",
            "line 1, column 1: syntax error near unexpected token `done'",
        ),
        (
            "for i in a; do\ndone",
            "line 2, column 1: syntax error near unexpected token `done'",
        ),
        (
            "if a; then b; fi c",
            "line 1, column 18: syntax error near unexpected token `c'",
        ),
        (
            "for 1 in a; do :; done",
            "line 1, column 5: for: `1': not a valid identifier",
        ),
        (
            "a;;",
            "line 1, column 2: syntax error near unexpected token `;;'",
        ),
    ] {
        let got = error(script);
        assert!(got.starts_with(message), "{script}: {got}");
    }
}

#[test]
fn incomplete_input_is_marked() {
    for s in [
        "echo 'a",
        "echo \"a",
        "X=$(aws sqs",
        "X=$((1 +",
        "a &&",
        "a ||\n",
        "a |",
        "echo a \\",
        "echo ${A",
        "for i in 1 2; do",
        "for i in 1 2",
        "while true; do echo",
        "if a; then b",
        "if a; then b; else",
        "if a",
    ] {
        assert!(parse(s).unwrap_err().is_incomplete(), "{s}");
    }
    for s in ["a | b", "a ;; b", "echo ${A-b}", "done", "if a; fi"] {
        assert!(!parse(s).unwrap_err().is_incomplete(), "{s}");
    }
}

#[test]
fn nesting_is_bounded() {
    let deep = "$(".repeat(200);
    assert!(error(&format!("echo {deep}")).contains("nest more than 100"));
    let arith = format!("echo $(({}1{}))", "(".repeat(200), ")".repeat(200));
    assert!(error(&arith).contains("nested more than 100"));
    let long = format!("echo $((1{}))", "+1".repeat(2000));
    assert!(error(&long).contains("more than 1000 operators"));
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
        "for",
        "A=b",
        "{1..2}",
        "#x",
        "!",
    ] {
        let q = quote(s);
        assert_eq!(words(&format!("{q} {q}")), [s, s], "{q}");
    }
}

#[test]
fn course_material_pastes_as_shown() {
    // A `$ ` prompt before aws/fanout, and spaces after a continuation backslash.
    assert_eq!(
        words("$ aws sqs list-queues \\  \n  --output text"),
        ["aws", "sqs", "list-queues", "--output", "text"]
    );
    // An escaped backslash before the spaces is not a continuation; `$ ` before other
    // words stays a literal dollar.
    assert_eq!(words("echo a\\\\  \nb"), ["echo", "a\\"]);
    assert_eq!(words("$ echo"), ["$", "echo"]);
    assert!(error("aws sqs send-message --queue-url <queue-url>").contains("placeholder"));
}
