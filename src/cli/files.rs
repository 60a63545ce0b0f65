//! Files that `file://` and `fileb://` parameter values read, and the `fanout file` lines
//! that put files there.
//!
//! A script (or the page, where learners drop files) fills the shell's virtual file area;
//! `aws ... --message-body file://body.txt` reads `body.txt` from it. The native `fanout
//! run` also reads the real file system, relative to the current directory as the AWS CLI
//! does, for a name the virtual area lacks. The page never touches the real disk.
//!
//! - `fanout file write NAME TEXT` stores TEXT exactly (no newline is added);
//! - `fanout file list` prints the names, one a line;
//! - `fanout file show NAME` prints a file as it is stored;
//! - `fanout file remove NAME` forgets it.

use super::params;
use std::collections::BTreeMap;

const USAGE: &str = "usage: fanout file write NAME TEXT
       fanout file list
       fanout file show NAME
       fanout file remove NAME";

/// Runs one `fanout file ...` line (the words after `file`); `Ok` is what it prints.
pub fn run(files: &mut BTreeMap<String, String>, args: &[String]) -> Result<String, String> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let missing = |name: &str| format!("file {name}: no such file in the virtual file area");
    match words.as_slice() {
        ["write", name, text] => {
            files.insert(virtual_name(name).to_string(), text.to_string());
            Ok(String::new())
        }
        ["list"] => Ok(files.keys().map(|n| format!("{n}\n")).collect()),
        ["show", name] => files
            .get(virtual_name(name))
            .cloned()
            .ok_or_else(|| missing(name)),
        ["remove", name] => files
            .remove(virtual_name(name))
            .map(|_| String::new())
            .ok_or_else(|| missing(name)),
        _ => Err(USAGE.to_string()),
    }
}

/// `./a.txt` and `a.txt` are the same file.
fn virtual_name(name: &str) -> &str {
    name.trim_start_matches("./")
}

/// Where a command's `file://` values are read from.
#[derive(Clone, Copy)]
pub struct ParamFiles<'a> {
    pub virtual_files: Option<&'a BTreeMap<String, String>>,
    /// Read the real file system for names the virtual area lacks (native `fanout run`).
    pub host: bool,
}

impl ParamFiles<'_> {
    /// No files at all: every `file://` value names a missing file.
    pub const NONE: ParamFiles<'static> = ParamFiles {
        virtual_files: None,
        host: false,
    };

    /// What a parameter value becomes: `None` when it names no file; else the text of a
    /// `file://` or the bytes of a `fileb://` (see [`params::bytes_value`]), or the
    /// AWS CLI's reason for failing.
    pub fn load(&self, value: &str) -> Option<Result<String, String>> {
        let (path, binary) = if let Some(p) = value.strip_prefix("file://") {
            (p, false)
        } else if let Some(p) = value.strip_prefix("fileb://") {
            (p, true)
        } else {
            return None;
        };
        let bytes = match self.read(path) {
            Ok(b) => b,
            Err(os_error) => {
                return Some(Err(format!("Unable to load paramfile {value}: {os_error}")))
            }
        };
        Some(if binary {
            Ok(params::bytes_value(&bytes))
        } else {
            String::from_utf8(bytes).map_err(|_| {
                format!("Unable to load paramfile ({path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.")
            })
        })
    }

    /// The file's bytes, or Python's `OSError` text for it.
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        if let Some(text) = self.virtual_files.and_then(|f| f.get(virtual_name(path))) {
            return Ok(text.clone().into_bytes());
        }
        let not_found = || {
            format!(
                "[Errno 2] No such file or directory: {}",
                params::py_repr_str(path)
            )
        };
        // The page has no disk (std::fs there only fails), and leaving std::fs out of it
        // leaves out the texts of every I/O error too.
        if !self.host || path.is_empty() || cfg!(target_arch = "wasm32") {
            return Err(not_found());
        }
        std::fs::read(path).map_err(|e| match e.raw_os_error() {
            Some(errno) => {
                // Rust words it "No such file or directory (os error 2)"; Python puts the
                // number first and the file name after.
                let text = e.to_string();
                let reason = text
                    .strip_suffix(&format!(" (os error {errno})"))
                    .unwrap_or(&text);
                format!("[Errno {errno}] {reason}: {}", params::py_repr_str(path))
            }
            None => not_found(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn write_list_show_remove() {
        let mut files = BTreeMap::new();
        assert_eq!(
            run(&mut files, &args(&["write", "b.txt", "hi"])),
            Ok("".into())
        );
        assert_eq!(
            run(&mut files, &args(&["write", "./a.json", "{}"])),
            Ok("".into())
        );
        assert_eq!(
            run(&mut files, &args(&["list"])),
            Ok("a.json\nb.txt\n".into())
        );
        assert_eq!(run(&mut files, &args(&["show", "b.txt"])), Ok("hi".into()));
        assert_eq!(run(&mut files, &args(&["remove", "b.txt"])), Ok("".into()));
        assert_eq!(
            run(&mut files, &args(&["show", "b.txt"])),
            Err("file b.txt: no such file in the virtual file area".into())
        );
        assert!(run(&mut files, &args(&["write", "x"]))
            .unwrap_err()
            .starts_with("usage:"));
    }

    #[test]
    fn loads_text_bytes_and_errors_like_the_aws_cli() {
        let files: BTreeMap<String, String> = [("body.txt".to_string(), "hé".to_string())].into();
        let p = ParamFiles {
            virtual_files: Some(&files),
            host: false,
        };
        assert_eq!(p.load("plain"), None);
        assert_eq!(p.load("file://body.txt"), Some(Ok("hé".into())));
        assert_eq!(p.load("file://./body.txt"), Some(Ok("hé".into())));
        assert_eq!(
            p.load("fileb://body.txt"),
            Some(Ok(params::bytes_value("hé".as_bytes())))
        );
        assert_eq!(
            p.load("file://nope.txt"),
            Some(Err("Unable to load paramfile file://nope.txt: [Errno 2] No such file or directory: 'nope.txt'".into()))
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_host_file_system_is_read_only_when_asked() {
        let p = ParamFiles {
            virtual_files: None,
            host: true,
        };
        let manifest = p.load("file://Cargo.toml").unwrap().unwrap();
        assert!(manifest.contains("[package]"));
        assert_eq!(
            p.load("file://src").unwrap().unwrap_err(),
            "Unable to load paramfile file://src: [Errno 21] Is a directory: 'src'"
        );
        assert!(ParamFiles::NONE.load("file://Cargo.toml").unwrap().is_err());
    }
}
