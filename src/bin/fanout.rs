//! `fanout run [--seed N] [--chaos off|realistic|high] [--access lenient|strict] [--trace FILE] SCRIPT`
//! `fanout repl [--seed N] [--chaos off|realistic|high] [--access lenient|strict]`
//! `fanout bench [--json] [--quick] [--only FIGURE]`
//!
//! Runs a script of AWS CLI lines against the simulator and prints what the AWS CLI would,
//! or reads such lines one at a time at a prompt that shows the virtual clock.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::main(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use fanout::cli::{Output, Session, Stream};
    use fanout::engine::{AccessMode, Chaos, EngineConfig};
    use std::io::{Read, Write};

    const USAGE: &str =
        "usage: fanout run [--seed N] [--chaos off|realistic|high] [--access lenient|strict] [--trace FILE] SCRIPT|-
       fanout repl [--seed N] [--chaos off|realistic|high] [--access lenient|strict]
       fanout bench [--json] [--quick] [--only FIGURE]

`run` runs a script of `aws sqs ...` and `aws sns ...` lines (with echo, sleep N,
VAR=$(...) and `fanout ...` controls) against the simulator on a virtual clock and prints
what the AWS CLI would print. `repl` reads the same lines one at a time, with line
editing, history ($FANOUT_HISTORY or ~/.fanout_history) and tab completion.

  --seed N        seed of the simulation's random numbers (default 1)
  --chaos PROFILE how far standard queues stray from ideal: off (default), realistic, high
  --access MODE   queues without an access policy: lenient (default: SNS delivers, the
                  trace warns) or strict (refused, as on AWS)
  --trace FILE    (run) also write the engine's trace, one JSON event per line, to FILE

`bench` measures the engine (docs/PERFORMANCE.md): a table, or one JSON object with
--json; --quick runs smaller sizes; --only FIGURE runs the workload of one figure (the
start of its name, e.g. `lesson`), which is what a profiler should be pointed at.
";

    pub fn main(args: Vec<String>) -> i32 {
        match args.first().map(String::as_str) {
            Some("run") => run(&args[1..]),
            Some("repl") => match options(&args[1..]) {
                Ok(o) if o.script.is_none() && o.trace.is_none() => {
                    let mut session = Session::new(o.config);
                    session.shell_mut().host_files = true;
                    super::repl::repl(session)
                }
                Ok(o) => usage_error(&format!(
                    "unexpected argument '{}'",
                    o.script.unwrap_or_else(|| "--trace".into())
                )),
                Err(message) => usage_error(&message),
            },
            Some("bench") => match super::bench::bench(&args[1..]) {
                Ok(()) => 0,
                Err(message) => usage_error(&message),
            },
            Some("-h" | "--help" | "help") => {
                print!("{USAGE}");
                0
            }
            _ => {
                eprint!("{USAGE}");
                2
            }
        }
    }

    /// What `run` and `repl` are told on the command line.
    struct Options {
        config: EngineConfig,
        script: Option<String>,
        trace: Option<String>,
    }

    fn options(args: &[String]) -> Result<Options, String> {
        let mut o = Options {
            config: EngineConfig::default(),
            script: None,
            trace: None,
        };
        let mut i = 0;
        while i < args.len() {
            let value = |i: usize| args.get(i + 1).cloned();
            match args[i].as_str() {
                "--seed" => match value(i).and_then(|v| v.parse::<u64>().ok()) {
                    Some(s) => o.config.seed = s,
                    None => return Err("--seed needs a whole number".into()),
                },
                "--chaos" => match value(i).as_deref().and_then(Chaos::parse) {
                    Some(c) => o.config.chaos = c,
                    None => return Err("--chaos must be off, realistic or high".into()),
                },
                "--access" => match value(i).as_deref().and_then(AccessMode::parse) {
                    Some(a) => o.config.access = a,
                    None => return Err("--access must be lenient or strict".into()),
                },
                "--trace" => match value(i) {
                    Some(p) => o.trace = Some(p),
                    None => return Err("--trace needs a file name".into()),
                },
                s if o.script.is_none() && (!s.starts_with("--") || s == "-") => {
                    o.script = Some(s.to_string());
                    i += 1;
                    continue;
                }
                other => return Err(format!("unexpected argument '{other}'")),
            }
            i += 2;
        }
        Ok(o)
    }

    fn run(args: &[String]) -> i32 {
        let o = match options(args) {
            Ok(o) => o,
            Err(message) => return usage_error(&message),
        };
        let Some(path) = o.script else {
            return usage_error("no SCRIPT given");
        };
        let script = if path == "-" {
            let mut s = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut s) {
                eprintln!("fanout: cannot read standard input: {e}");
                return 2;
            }
            s
        } else {
            match std::fs::read_to_string(&path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("fanout: cannot read {path}: {e}");
                    return 2;
                }
            }
        };
        let mut session = Session::new(o.config);
        // `file://NAME` reads the real file system when the script did not write NAME.
        session.shell_mut().host_files = true;
        let output = session.run_script(&script);
        print_output(&output);
        if let Some(p) = o.trace {
            let lines: String = session
                .engine()
                .trace()
                .entries()
                .iter()
                .map(|e| serde_json::to_string(e).expect("trace serializes") + "\n")
                .collect();
            if let Err(e) = std::fs::write(&p, lines) {
                eprintln!("fanout: cannot write trace {p}: {e}");
                return 2;
            }
        }
        output.status
    }

    pub fn print_output(output: &Output) {
        let (mut stdout, mut stderr) = (std::io::stdout().lock(), std::io::stderr().lock());
        for (stream, text) in &output.chunks {
            let _ = match stream {
                Stream::Stdout => stdout.write_all(text.as_bytes()),
                Stream::Stderr => stderr.write_all(text.as_bytes()),
            };
        }
        let _ = stdout.flush();
        let _ = stderr.flush();
    }

    fn usage_error(message: &str) -> i32 {
        eprint!("fanout: {message}\n{USAGE}");
        2
    }
}

/// `fanout bench`: the workloads of `fanout::bench` timed by `Instant`, with the bytes
/// a resident message costs counted by this binary's allocator.
#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use fanout::bench::{native_figures, to_json, to_table, Sizes, FIGURE_KEYS};
    use libmimalloc_sys::{mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned};
    use std::alloc::{GlobalAlloc, Layout};
    use std::ffi::c_void;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

    /// Counts live bytes only while `COUNTING`, so the timed workloads pay one load.
    /// It wraps mimalloc (the whole binary's allocator: `run` and `repl` too), and counts
    /// the bytes asked for, not mimalloc's size classes, so `bytes_per` means what it did.
    struct Counting;
    static COUNTING: AtomicBool = AtomicBool::new(false);
    static LIVE: AtomicUsize = AtomicUsize::new(0);

    /// mimalloc's `MI_MAX_ALIGN_SIZE`: `mi_malloc` aligns every block of at least this
    /// many bytes to it (its size classes are multiples of 16), and smaller blocks to 8.
    const MI_MAX_ALIGN_SIZE: usize = 16;

    /// Whether plain `mi_malloc` of `size` bytes meets `align` (as std's `System` decides
    /// for malloc). The mimalloc crate always calls `mi_malloc_aligned`, whose checks
    /// cost about 20 instructions an allocation that nearly every Rust layout can skip.
    fn plain(align: usize, size: usize) -> bool {
        align <= MI_MAX_ALIGN_SIZE && align <= size
    }

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if COUNTING.load(Relaxed) {
                LIVE.fetch_add(layout.size(), Relaxed);
            }
            let p = if plain(layout.align(), layout.size()) {
                mi_malloc(layout.size())
            } else {
                mi_malloc_aligned(layout.size(), layout.align())
            };
            p.cast()
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if COUNTING.load(Relaxed) {
                LIVE.fetch_sub(layout.size(), Relaxed);
            }
            mi_free(ptr.cast::<c_void>())
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if COUNTING.load(Relaxed) {
                LIVE.fetch_add(new_size, Relaxed);
                LIVE.fetch_sub(layout.size(), Relaxed);
            }
            let p = if plain(layout.align(), new_size) {
                mi_realloc(ptr.cast::<c_void>(), new_size)
            } else {
                mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align())
            };
            p.cast()
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    pub fn bench(args: &[String]) -> Result<(), String> {
        let (mut json, mut quick, mut only) = (false, false, None);
        let mut args = args.iter();
        while let Some(a) = args.next() {
            match a.as_str() {
                "--json" => json = true,
                "--quick" => quick = true,
                "--only" => match args.next() {
                    Some(key) if FIGURE_KEYS.iter().any(|k| k.starts_with(key.as_str())) => {
                        only = Some(key.as_str())
                    }
                    _ => {
                        return Err(format!(
                            "--only needs the start of a figure's name: {}",
                            FIGURE_KEYS.join(", ")
                        ))
                    }
                },
                other => return Err(format!("unexpected argument '{other}'")),
            }
        }
        let sizes = if quick { Sizes::quick() } else { Sizes::full() };
        let origin = std::time::Instant::now();
        let clock = move || origin.elapsed().as_secs_f64() * 1000.0;
        // Frees made while counting may be of bytes allocated before; the wrap-around
        // cancels out in the difference the workload takes.
        let live_bytes = || {
            COUNTING.store(true, Relaxed);
            LIVE.load(Relaxed)
        };
        let figures = native_figures(&sizes, &clock, &live_bytes, only);
        COUNTING.store(false, Relaxed);
        if json {
            println!("{}", to_json(&figures, &sizes, "native"));
        } else {
            print!("{}", to_table(&figures));
        }
        Ok(())
    }
}

/// `fanout repl`: one session read a command at a time. Input that stops in the middle of
/// something (an open quote or `$(`, a trailing `\` or `&&`) asks for more lines before
/// it runs, as a shell does.
#[cfg(not(target_arch = "wasm32"))]
mod repl {
    use fanout::cli::complete::complete;
    use fanout::cli::{shell, Session, EXIT_OK};
    use fanout::engine::SimTime;
    use rustyline::completion::Completer;
    use rustyline::error::ReadlineError;
    use rustyline::highlight::Highlighter;
    use rustyline::hint::Hinter;
    use rustyline::history::DefaultHistory;
    use rustyline::validate::Validator;
    use rustyline::{CompletionType, Config, Editor, Helper};
    use std::cell::RefCell;
    use std::path::PathBuf;
    use std::rc::Rc;

    /// The editor's view of the session: completion reads it between commands.
    struct Completion {
        session: Rc<RefCell<Session>>,
        /// The lines of an incomplete command typed so far; they give the current line
        /// its context (an open `$(` or quote).
        pending: Rc<RefCell<String>>,
    }

    impl Completer for Completion {
        type Candidate = String;
        fn complete(
            &self,
            line: &str,
            pos: usize,
            _: &rustyline::Context<'_>,
        ) -> rustyline::Result<(usize, Vec<String>)> {
            let (Ok(session), Ok(pending)) = (self.session.try_borrow(), self.pending.try_borrow())
            else {
                return Ok((pos, Vec::new()));
            };
            let text = format!("{pending}{line}");
            let c = complete(
                &text,
                pending.len() + pos,
                session.engine(),
                session.shell(),
            );
            Ok(match c.start.checked_sub(pending.len()) {
                Some(start) => (start, c.candidates),
                None => (pos, Vec::new()),
            })
        }
    }
    impl Hinter for Completion {
        type Hint = String;
    }
    impl Highlighter for Completion {}
    impl Validator for Completion {}
    impl Helper for Completion {}

    /// `$FANOUT_HISTORY`, else `.fanout_history` in the home directory.
    fn history_path() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("FANOUT_HISTORY").filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
        let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
        Some(PathBuf::from(home).join(".fanout_history"))
    }

    /// `fanout 00:00:05> `, with milliseconds once a sleep leaves some.
    fn prompt(now: SimTime) -> String {
        let (s, ms) = (now.millis() / 1000, now.millis() % 1000);
        let clock = format!("{:02}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
        match ms {
            0 => format!("fanout {clock}> "),
            _ => format!("fanout {clock}.{ms:03}> "),
        }
    }

    /// Runs until end of input (Ctrl-D) and exits with the last command's status, as a
    /// shell does.
    pub fn repl(session: Session) -> i32 {
        let session = Rc::new(RefCell::new(session));
        let pending = Rc::new(RefCell::new(String::new()));
        let config = Config::builder()
            .completion_type(CompletionType::List)
            .max_history_size(10_000)
            .and_then(|b| b.history_ignore_dups(true))
            .map(|b| b.auto_add_history(false).build());
        let editor = config.and_then(Editor::<Completion, DefaultHistory>::with_config);
        let mut editor = match editor {
            Ok(e) => e,
            Err(e) => {
                eprintln!("fanout: cannot start the line editor: {e}");
                return 2;
            }
        };
        editor.set_helper(Some(Completion {
            session: Rc::clone(&session),
            pending: Rc::clone(&pending),
        }));
        let history = history_path();
        if let Some(p) = &history {
            // A first session has no history yet.
            let _ = editor.load_history(p);
        }
        let mut status = EXIT_OK;
        loop {
            let continuing = !pending.borrow().is_empty();
            let main = prompt(session.borrow().engine().now());
            let prompt = if continuing {
                format!("{:>width$}", "> ", width = main.len())
            } else {
                main
            };
            match editor.readline(&prompt) {
                Ok(line) => {
                    let command = format!("{}{line}", pending.borrow());
                    if matches!(shell::parse(&command), Err(e) if e.is_incomplete()) {
                        *pending.borrow_mut() = command + "\n";
                        continue;
                    }
                    pending.borrow_mut().clear();
                    if command.trim().is_empty() {
                        continue;
                    }
                    let _ = editor.add_history_entry(command.as_str());
                    if let Some(p) = &history {
                        if let Err(e) = editor.save_history(p) {
                            eprintln!("fanout: cannot save history to {}: {e}", p.display());
                        }
                    }
                    let output = session.borrow_mut().run_script(&command);
                    super::native::print_output(&output);
                    status = output.status;
                }
                Err(ReadlineError::Interrupted) => pending.borrow_mut().clear(),
                Err(ReadlineError::Eof) => {
                    // Input that ends inside a command is reported as the script
                    // would report it.
                    let rest = std::mem::take(&mut *pending.borrow_mut());
                    if !rest.trim().is_empty() {
                        let output = session.borrow_mut().run_script(rest.trim_end());
                        super::native::print_output(&output);
                        status = output.status;
                    }
                    return status;
                }
                Err(e) => {
                    eprintln!("fanout: cannot read input: {e}");
                    return 2;
                }
            }
        }
    }
}
