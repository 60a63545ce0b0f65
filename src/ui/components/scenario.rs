//! The scenario bar: Export, Import and Share, the autosave offer and notices.

use super::console::copy_to_clipboard;
use super::Dispatch;
use crate::engine::journal::MAX_SCENARIO_BYTES;
use crate::engine::Engine;
use crate::ui::scenario::{encode_share, ScenarioAction, ScenarioStatus, AUTOSAVE_THROTTLE_MS};
use crate::ui::state::Action;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What Export and Share save, read when clicked rather than on every render.
#[derive(Clone)]
pub struct Source {
    pub engine: Rc<RefCell<Engine>>,
    pub console_history: Vec<String>,
}

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.engine, &other.engine) && self.console_history == other.console_history
    }
}

impl Source {
    fn json(&self) -> Result<String, String> {
        self.engine.borrow().scenario_json(&self.console_history)
    }
}

#[derive(Properties, PartialEq)]
pub struct ScenarioProps {
    pub status: ScenarioStatus,
    pub source: Source,
    pub dispatch: Dispatch,
}

fn act(d: &Dispatch, action: ScenarioAction) {
    d.dispatch(Action::Scenario(action));
}

fn notice(d: &Dispatch, text: String) {
    act(d, ScenarioAction::Notice(text));
}

/// Saves `json` as a file through a temporary object URL.
fn download(json: &str) -> Result<(), String> {
    let fail = |_| "the browser refused the download".to_string();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download("fanout-scenario.json");
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn share_url(json: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .and_then(|l| {
            Some(format!(
                "{}{}{}",
                l.origin().ok()?,
                l.pathname().ok()?,
                l.search().ok()?
            ))
        })
        .unwrap_or_default();
    format!("{base}{}", encode_share(json))
}

/// Saves a throttled autosave when its time is up, and any due one when the tab is hidden
/// or closed (`pagehide`, the last event a page can rely on), so no change is lost.
#[hook]
fn use_due_autosave(due: bool, d: &Dispatch) {
    {
        let d = d.clone();
        use_effect_with(due, move |&due| {
            let timer = due.then(|| {
                Timeout::new(AUTOSAVE_THROTTLE_MS, move || {
                    act(&d, ScenarioAction::SaveDue)
                })
            });
            move || drop(timer)
        });
    }
    let d = d.clone();
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn()>::new(move || act(&d, ScenarioAction::SaveDue));
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ =
                w.add_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = &window {
                let _ = w.remove_event_listener_with_callback(
                    "pagehide",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

#[function_component]
pub fn ScenarioBar(props: &ScenarioProps) -> Html {
    use_due_autosave(props.status.autosave_due, &props.dispatch);
    let export = {
        let (d, source) = (props.dispatch.clone(), props.source.clone());
        Callback::from(move |_| {
            if let Err(e) = source.json().and_then(|json| download(&json)) {
                notice(&d, format!("Export failed: {e}."));
            }
        })
    };
    let import = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.item(0)) else {
                return;
            };
            input.set_value("");
            // Refused from its size alone: a huge file is never read into memory.
            if file.size() > MAX_SCENARIO_BYTES as f64 {
                let mb = file.size() / (1024.0 * 1024.0);
                let limit = MAX_SCENARIO_BYTES / (1024 * 1024);
                let refusal = format!(
                    "the file is too large to import ({mb:.1} MB; the limit is {limit} MB)"
                );
                act(&d, ScenarioAction::Import(Err(refusal)));
                return;
            }
            let d = d.clone();
            spawn_local(async move {
                let text = match JsFuture::from(file.text()).await.map(|t| t.as_string()) {
                    Ok(Some(text)) => Ok(text),
                    _ => Err(format!("could not read {} as text", file.name())),
                };
                act(&d, ScenarioAction::Import(text));
            });
        })
    };
    let share = {
        let (d, source) = (props.dispatch.clone(), props.source.clone());
        Callback::from(move |_| {
            let d = d.clone();
            let json = source.json();
            spawn_local(async move {
                let text = match json {
                    Err(e) => format!("Share failed: {e}."),
                    Ok(json) => {
                        let url = share_url(&json);
                        if copy_to_clipboard(&url).await {
                            format!("Copied a link to this scenario ({} characters).", url.len())
                        } else {
                            format!("The clipboard is not available here. The link: {url}")
                        }
                    }
                };
                notice(&d, text);
            });
        })
    };
    let restore = {
        let d = props.dispatch.clone();
        Callback::from(move |_| act(&d, ScenarioAction::RestoreAutosave))
    };
    let discard = {
        let d = props.dispatch.clone();
        Callback::from(move |_| act(&d, ScenarioAction::DiscardAutosave))
    };
    let dismiss = {
        let d = props.dispatch.clone();
        Callback::from(move |_| act(&d, ScenarioAction::DismissNotice))
    };
    let status = &props.status;
    html! {
        <section class="scenario-bar" aria-label="Scenario">
            <button class="scenario-export" onclick={export}>{ "Export" }</button>
            <label class="scenario-import">{ "Import " }
                <input type="file" accept=".json,application/json" onchange={import} />
            </label>
            <button class="scenario-share" onclick={share}>{ "Share" }</button>
            if status.autosave_offered {
                <span class="scenario-offer" role="status">
                    { "An autosaved scenario from your last visit is available. " }
                    <button class="scenario-restore" onclick={restore}>{ "Restore" }</button>
                    <button class="scenario-discard" onclick={discard}>{ "Start fresh" }</button>
                </span>
            }
            if status.autosave_paused {
                <span class="scenario-paused" role="status">{ "autosave paused: storage full" }</span>
            }
            if let Some(text) = &status.notice {
                <span class="scenario-notice" role="status">{ text.clone() }
                    <button class="scenario-dismiss" onclick={dismiss} aria-label="Dismiss">{ "×" }</button>
                </span>
            }
        </section>
    }
}
