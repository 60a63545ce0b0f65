//! The console: AWS CLI lines typed, pasted or recalled, run through the same shell as
//! `fanout run` (in the console's worker, loaded on first use, against a replica of the
//! page's engine), and printed as a terminal prints them.
//!
//! Keys: Enter runs (or adds a line when the input is unfinished, say an open quote),
//! Shift+Enter adds a line, Up/Down browse the history (from the first and last line of
//! the input, so a multi-line script can still be edited), Tab completes as `fanout repl`
//! does. A paste of several lines runs at once, as in a terminal. A file dropped on the
//! panel becomes `file://NAME` for the commands that follow.

use super::Dispatch;
use crate::console_link::page::Outcome;
use crate::console_link::{Answer, Ask, Stream};
use crate::ui::console::{tab, ConsoleAction, Entry, TabResult};
use crate::ui::console_worker::{ask, Mirror};
use crate::ui::state::Action;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ClipboardEvent, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub entries: Rc<Vec<Entry>>,
    pub history: Vec<String>,
    /// The commands typed on this page, as one script (for "Copy as script").
    pub script: String,
    pub commands: usize,
    /// The page's engine and its link to the interpreter's replica.
    pub interpreter: Mirror,
    pub dispatch: Dispatch,
}

/// Where Up/Down is in the history, and what was being typed before browsing began
/// (Down past the newest entry brings it back, as in a shell).
#[derive(Default)]
struct Browse {
    at: Option<usize>,
    draft: String,
}

impl Browse {
    fn older(&mut self, history: &[String], typed: &str) -> Option<String> {
        let at = match self.at {
            None => {
                self.draft = typed.to_string();
                history.len().checked_sub(1)?
            }
            Some(i) => i.checked_sub(1)?,
        };
        let entry = history.get(at)?.clone();
        self.at = Some(at);
        Some(entry)
    }

    fn newer(&mut self, history: &[String]) -> Option<String> {
        let next = self.at? + 1;
        match history.get(next) {
            Some(entry) => {
                self.at = Some(next);
                Some(entry.clone())
            }
            None => {
                self.at = None;
                Some(std::mem::take(&mut self.draft))
            }
        }
    }
}

/// A byte offset in `s` for a DOM text offset, which counts UTF-16 code units.
fn byte_offset(s: &str, utf16: u32) -> usize {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units >= utf16 as usize {
            return i;
        }
        units += c.len_utf16();
    }
    s.len()
}

/// Whether `input` stops in the middle of something (an open quote, a trailing `&&`):
/// the interpreter's parser says, asynchronously. A console that cannot answer says
/// "whole", so that running it reports why.
fn check(input: String, then: impl FnOnce(bool) + 'static) {
    ask(Ask::Check { input }, None, move |outcome| {
        then(outcome == Outcome::Other(Answer::Incomplete))
    });
}

/// The selection in a textarea as byte offsets into its value.
fn selection(area: &HtmlTextAreaElement, value: &str) -> (usize, usize) {
    let at = |r: Result<Option<u32>, _>| byte_offset(value, r.ok().flatten().unwrap_or(0));
    (at(area.selection_start()), at(area.selection_end()))
}

#[function_component]
pub fn ConsolePanel(props: &ConsoleProps) -> Html {
    let input = use_state(String::new);
    // Candidates of the latest Tab, listed under the input until the next key.
    let listed = use_state(Vec::<String>::new);
    let browse = use_mut_ref(Browse::default);
    let output_ref = use_node_ref();

    // Follow the newest output, as a terminal does.
    {
        let output_ref = output_ref.clone();
        let newest = props.entries.last().map(Entry::id);
        use_effect_with(newest, move |_| {
            if let Some(el) = output_ref.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }

    // Scripts run one at a time, in the order sent (the link queues them); the page's
    // simulation waits while any is out.
    let run = {
        let d = props.dispatch.clone();
        let input = input.clone();
        let browse = browse.clone();
        let mirror = props.interpreter.clone();
        Rc::new(move |script: String| {
            if script.trim().is_empty() {
                return;
            }
            d.dispatch(Action::Console(ConsoleAction::Start(script.clone())));
            input.set(String::new());
            *browse.borrow_mut() = Browse::default();
            let d = d.clone();
            let job = Ask::Run {
                input: script,
                only_if_complete: false,
            };
            ask(job, Some(mirror.clone()), move |outcome| {
                d.dispatch(Action::Console(ConsoleAction::Finished(outcome)));
            });
        })
    };

    let onkeydown = {
        let run = run.clone();
        let input = input.clone();
        let listed = listed.clone();
        let history = props.history.clone();
        let mirror = props.interpreter.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.is_composing() {
                return;
            }
            if !listed.is_empty() {
                listed.set(Vec::new());
            }
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let value = area.value();
            let (start, end) = selection(&area, &value);
            match e.key().as_str() {
                "Tab" if !e.shift_key() && !e.ctrl_key() && !e.alt_key() => {
                    // Tab never leaves the input while it has text (Shift+Tab does).
                    if value.is_empty() {
                        return;
                    }
                    e.prevent_default();
                    let (input, listed) = (input.clone(), listed.clone());
                    let job = Ask::Complete {
                        input: value.clone(),
                        cursor: start,
                    };
                    ask(job, Some(mirror.clone()), move |outcome| {
                        let Outcome::Other(Answer::Completion(completion)) = outcome else {
                            return;
                        };
                        // Typed on meanwhile: this completion is for an older input.
                        if area.value() != value {
                            return;
                        }
                        match tab(&value, start, completion) {
                            TabResult::Insert(next, at) => {
                                // Set now, so the cursor can be put after the completion;
                                // the render then writes the same value and leaves it there.
                                area.set_value(&next);
                                let at = next[..at].encode_utf16().count() as u32;
                                let _ = area.set_selection_range(at, at);
                                input.set(next);
                            }
                            TabResult::List(candidates) => listed.set(candidates),
                            TabResult::Nothing => {}
                        }
                    });
                }
                "Enter" if !e.shift_key() => {
                    e.prevent_default();
                    let (run, input) = (run.clone(), input.clone());
                    check(value.clone(), move |incomplete| {
                        if !incomplete {
                            return run(value);
                        }
                        // Unfinished: Enter adds a line, where a plain textarea would.
                        if area.value() == value {
                            let next = format!("{}\n{}", &value[..start], &value[end..]);
                            area.set_value(&next);
                            let at = value[..start].encode_utf16().count() as u32 + 1;
                            let _ = area.set_selection_range(at, at);
                            input.set(next);
                        }
                    });
                }
                "ArrowUp" if !value[..start].contains('\n') => {
                    if let Some(entry) = browse.borrow_mut().older(&history, &value) {
                        e.prevent_default();
                        input.set(entry);
                    }
                }
                "ArrowDown" if !value[end..].contains('\n') => {
                    if let Some(entry) = browse.borrow_mut().newer(&history) {
                        e.prevent_default();
                        input.set(entry);
                    }
                }
                _ => {}
            }
        })
    };

    let oninput = {
        let input = input.clone();
        Callback::from(move |e: InputEvent| {
            input.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };

    // Several lines pasted run at once, spliced into what was typed around the cursor.
    let onpaste = {
        let run = run.clone();
        let input = input.clone();
        Callback::from(move |e: Event| {
            let Some(pasted) = e
                .dyn_ref::<ClipboardEvent>()
                .and_then(ClipboardEvent::clipboard_data)
                .and_then(|d| d.get_data("text/plain").ok())
            else {
                return;
            };
            if !pasted.contains('\n') {
                return;
            }
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let value = area.value();
            let (start, end) = selection(&area, &value);
            let script = format!("{}{pasted}{}", &value[..start], &value[end..]);
            e.prevent_default();
            area.set_value(&script);
            input.set(script.clone());
            let run = run.clone();
            // An unfinished script (an open quote) stays as text, to be finished.
            check(script.clone(), move |incomplete| {
                if !incomplete {
                    run(script);
                }
            });
        })
    };

    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let d = props.dispatch.clone();
        let mirror = props.interpreter.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(files) = e.data_transfer().and_then(|t| t.files()) else {
                return;
            };
            for file in (0..files.length()).filter_map(|i| files.item(i)) {
                let d = d.clone();
                let mirror = mirror.clone();
                spawn_local(async move {
                    let name = file.name();
                    let Ok(Some(text)) = JsFuture::from(file.text()).await.map(|t| t.as_string())
                    else {
                        let note = format!("Could not read {name} as text.");
                        return d.dispatch(Action::Console(ConsoleAction::Note(note)));
                    };
                    let added = format!(
                        "Added {name} ({} bytes): parameters read it as file://{name}",
                        text.len()
                    );
                    // The file lives in the interpreter's shell, in its worker.
                    ask(Ask::AddFile { name, text }, Some(mirror), move |outcome| {
                        let note = match outcome {
                            Outcome::Other(Answer::FileAdded) => added,
                            Outcome::Other(Answer::Failed(why)) => {
                                format!("The file was not added: {why}.")
                            }
                            _ => "The file was not added.".to_string(),
                        };
                        d.dispatch(Action::Console(ConsoleAction::Note(note)));
                    });
                });
            }
        })
    };

    let oncopy = {
        let d = props.dispatch.clone();
        let script = props.script.clone();
        let n = props.commands;
        Callback::from(move |_| {
            let d = d.clone();
            let script = script.clone();
            spawn_local(async move {
                let note = if copy_to_clipboard(&script).await {
                    match n {
                        1 => "Copied 1 command to the clipboard as a script.".to_string(),
                        n => format!("Copied {n} commands to the clipboard as a script."),
                    }
                } else {
                    format!("The clipboard is not available here. The script:\n{script}")
                };
                d.dispatch(Action::Console(ConsoleAction::Note(note)));
            });
        })
    };

    // The input grows with what is typed, up to a point, then scrolls.
    let rows = (input.lines().count() + usize::from(input.ends_with('\n')))
        .clamp(1, 8)
        .to_string();
    html! {
        <section class="card console" aria-labelledby="console-title" {ondragover} {ondrop}>
            <div class="console-head">
                <h2 id="console-title">{ "Console" }</h2>
                <span class="hint">{ "Enter runs · Shift+Enter new line · ↑↓ history · Tab completes · drop a file to use it as file://NAME" }</span>
                <button type="button" disabled={props.commands == 0} onclick={oncopy}>{ "Copy as script" }</button>
                <button type="button" onclick={clear(&props.dispatch)}>{ "Clear" }</button>
            </div>
            <div class="terminal" ref={output_ref} role="log" aria-label="Console output">
                { for props.entries.iter().map(entry) }
            </div>
            <div class="terminal input-line">
                <span class="sign" aria-hidden="true">{ "$" }</span>
                <textarea id="console-input" aria-label="Console input" {rows} spellcheck="false"
                    autocomplete="off" autocapitalize="off" placeholder="aws sqs create-queue --queue-name orders"
                    value={(*input).clone()} {oninput} {onkeydown} {onpaste} />
            </div>
            if !listed.is_empty() {
                <ul class="terminal completions" aria-label="Completions">
                    { for listed.iter().map(|c| html! { <li>{ c }</li> }) }
                </ul>
            }
        </section>
    }
}

fn clear(d: &Dispatch) -> Callback<MouseEvent> {
    super::clicks(d, Action::Console(ConsoleAction::Clear))
}

/// The input echoed with its prompts: `$` on the first line, `>` on the ones after.
fn echo(input: &str) -> String {
    let mut s = String::new();
    for (i, line) in input.trim_end_matches('\n').lines().enumerate() {
        s.push_str(if i == 0 { "$ " } else { "> " });
        s.push_str(line);
        s.push('\n');
    }
    s
}

fn entry(e: &Entry) -> Html {
    match e {
        Entry::Run {
            id,
            input,
            chunks,
            status,
        } => html! {
            <pre key={*id} class="run" data-status={status.to_string()}>
                <span class="prompt">{ echo(input) }</span>
                { for chunks.iter().map(|(stream, text)| html! {
                    <span class={if *stream == Stream::Stderr { "stderr" } else { "stdout" }}>{ text }</span>
                }) }
                if *status != 0 {
                    <span class="status">{ format!("[exit status {status}]\n") }</span>
                }
            </pre>
        },
        Entry::Note { id, text } => html! {
            <pre key={*id} class="note">{ format!("{text}\n") }</pre>
        },
    }
}

/// Writes `text` with the async clipboard API; false where there is none (an insecure
/// origin) or the browser refuses.
pub(super) async fn copy_to_clipboard(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    present
        && JsFuture::from(navigator.clipboard().write_text(text))
            .await
            .is_ok()
}
