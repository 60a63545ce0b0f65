//! Prints a JSON response the way `aws ... --output FORMAT [--query EXPR]` would, for
//! tests/formats/crosscheck.sh, which compares it with what the AWS CLI printed for the
//! same response: `format_probe FORMAT OPERATION [QUERY] < response.json`.
use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [format, operation, rest @ ..] = args.as_slice() else {
        eprintln!("usage: format_probe FORMAT OPERATION [QUERY] < response.json");
        std::process::exit(2);
    };
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        std::process::exit(2);
    }
    // An operation without output prints nothing, not even in JSON.
    let doc = serde_json::from_str(&input).unwrap_or_else(|_| serde_json::json!({}));
    let query = rest.first().map(String::as_str);
    match fanout::cli::output::render(&doc, query, Some(format), operation) {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprint!("{}", e.message);
            std::process::exit(e.status);
        }
    }
}
