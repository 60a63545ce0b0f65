//! No panic reaches the user as a silently frozen page: it is logged to the console and a
//! banner asks for a reload (after a panic the wasm instance cannot be trusted).

use std::panic::PanicHookInfo;

const BANNER_ID: &str = "fanout-panic-banner";

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
        "Something went wrong: {message}. Please reload the page."
    )));
}
