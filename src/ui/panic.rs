//! No panic reaches the user as a silently frozen page: it is logged to the console and a
//! banner offers a way back (after a panic the wasm instance cannot be trusted, so both
//! ways are reloads).
//!
//! The page autosaves after every change, so the work survives the panic in localStorage.
//! The banner's "Reload and restore" link reloads with `?autosave=restore`, which restores
//! that autosave at once instead of offering it; "Start fresh" reloads with
//! `?autosave=fresh`, which opens an empty simulation without the offer (the autosave
//! stays until the new simulation overwrites it). The flag is removed from the address
//! as soon as it is read, so a later reload behaves as usual. Both are plain links: the
//! broken instance runs no code when they are followed.

use std::panic::PanicHookInfo;

const BANNER_ID: &str = "fanout-panic-banner";
pub const RESTORE_LINK_ID: &str = "fanout-panic-restore";
pub const FRESH_LINK_ID: &str = "fanout-panic-fresh";
/// The query parameter the banner's links set.
const PARAM: &str = "autosave";

/// What the banner asked the reloaded page to do with the autosave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterPanic {
    Restore,
    Fresh,
}

impl AfterPanic {
    fn value(self) -> &'static str {
        match self {
            AfterPanic::Restore => "restore",
            AfterPanic::Fresh => "fresh",
        }
    }
}

pub fn install() {
    // Through Yew, so that its renderer does not replace this hook with its own.
    yew::set_custom_panic_hook(Box::new(on_panic));
}

fn on_panic(info: &PanicHookInfo<'_>) {
    // js-sys has no binding for the non-standard `Error.stack`; read it reflectively.
    let stack = js_sys::Reflect::get(&js_sys::Error::new(""), &"stack".into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    web_sys::console::error_1(&format!("Fanout panicked: {info}\n\nStack:\n{stack}").into());
    let message = match info.payload().downcast_ref::<&str>() {
        Some(s) => s.to_string(),
        None => info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_else(|| info.to_string()),
    };
    show_banner(&message);
}

/// `search` (a location's `?...` part) with the banner's flag set to `choice`, other
/// parameters (seed, chaos) kept.
pub fn reload_search(search: &str, choice: AfterPanic) -> String {
    let mut pairs: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(PARAM))
        .collect();
    let flag = format!("{PARAM}={}", choice.value());
    pairs.push(&flag);
    format!("?{}", pairs.join("&"))
}

/// Reads and removes the banner's flag from the page's address.
pub fn take_after_panic() -> Option<AfterPanic> {
    let window = web_sys::window()?;
    let location = window.location();
    let search = location.search().ok()?;
    let mut choice = None;
    let mut kept = Vec::new();
    for pair in search.trim_start_matches('?').split('&') {
        match pair.split_once('=') {
            Some((PARAM, "restore")) => choice = Some(AfterPanic::Restore),
            Some((PARAM, "fresh")) => choice = Some(AfterPanic::Fresh),
            _ if !pair.is_empty() => kept.push(pair),
            _ => {}
        }
    }
    choice?;
    let rest = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let url = format!("{path}{rest}{hash}");
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    choice
}

/// Puts the banner at the top of `<body>` with plain DOM calls: Yew may be the broken part.
pub fn show_banner(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let banner = match document.get_element_by_id(BANNER_ID) {
        Some(existing) => existing,
        None => {
            let Ok(div) = document.create_element("div") else {
                return;
            };
            div.set_id(BANNER_ID);
            div.set_class_name("panic-banner");
            let _ = div.set_attribute("role", "alert");
            let _ = body.prepend_with_node_1(&div);
            div
        }
    };
    banner.set_text_content(Some(&format!(
        "Something went wrong: {message}. The page has to be reloaded; your work was autosaved. "
    )));
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let links = [
        (RESTORE_LINK_ID, AfterPanic::Restore, "Reload and restore"),
        (FRESH_LINK_ID, AfterPanic::Fresh, "Start fresh"),
    ];
    for (i, (id, choice, label)) in links.into_iter().enumerate() {
        if i > 0 {
            let _ = banner.append_with_str_1(" or ");
        }
        let Ok(link) = document.create_element("a") else {
            return;
        };
        link.set_id(id);
        let _ = link.set_attribute("href", &reload_search(&search, choice));
        link.set_text_content(Some(label));
        let _ = banner.append_with_node_1(&link);
    }
}
