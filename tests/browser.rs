//! Browser tests (wasm-bindgen-test in headless Chromium):
//! - the engine gives the same trace hashes in wasm as natively (tests/determinism.rs);
//! - the page works when driven only through DOM events, as a user would drive it.
//!
//! Run: `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser`
#![cfg(target_arch = "wasm32")]

use fanout::engine::Chaos;
use fanout::ui::params::{parse_query, Settings};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn trace_hashes_match_the_native_ones() {
    let pinned = include_str!("golden/reference_hashes.txt");
    let mut checked = 0;
    for line in pinned.lines().filter(|l| !l.trim().is_empty()) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [seed, chaos, hash] = parts[..] else {
            panic!("bad line in reference_hashes.txt: {line:?}");
        };
        let seed: u64 = seed.parse().expect("seed is a number");
        let chaos = Chaos::parse(chaos).expect("known chaos profile");
        let got = fanout::reference_trace_hash(seed, chaos);
        assert_eq!(
            got,
            hash,
            "seed {seed} chaos {}: wasm trace hash differs from the native one",
            chaos.name()
        );
        checked += 1;
    }
    assert!(checked > 0, "no pinned hashes found");
}

#[wasm_bindgen_test]
fn url_settings_are_parsed() {
    let s = parse_query("?seed=42&chaos=off");
    assert_eq!((s.seed, s.chaos), (42, Chaos::Off));
    assert!(s.ignored.is_empty());
    let s = parse_query("");
    assert_eq!((s.seed, s.chaos), (1, Chaos::Realistic));
    let s = parse_query("?seed=x&chaos=wild&lesson=3");
    assert_eq!((s.seed, s.chaos), (1, Chaos::Realistic));
    assert_eq!(s.ignored, vec!["seed=x", "chaos=wild"]);
}

#[wasm_bindgen_test]
fn panic_banner_is_visible() {
    fanout::ui::panic::show_banner("test failure");
    let banner = document()
        .get_element_by_id("fanout-panic-banner")
        .expect("banner inserted");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&banner).contains("Something went wrong: test failure"));
    banner.remove();
}

#[wasm_bindgen_test]
async fn create_send_poll_delete_through_the_dom() {
    let page = Page::mount();
    page.until("the page renders", |t| t.contains("Create queue"))
        .await;
    assert!(page.text().contains("Seed1"), "header shows the seed");

    // An invalid name: AWS's message, and no queue.
    page.fill("Queue name", "bad name!");
    page.click("Create queue");
    page.until("the AWS error for a bad name", |t| {
        t.contains("Can only include alphanumeric characters, hyphens, or underscores")
    })
    .await;
    assert!(page.root.query_selector("[role=alert]").unwrap().is_some());
    assert!(page.text().contains("Queues (0)"), "nothing was created");

    // An out-of-range visibility timeout: AWS's message, still no queue.
    page.fill("Queue name", "orders");
    page.fill("Visibility timeout", "99999");
    page.click("Create queue");
    page.until("the AWS error for a bad timeout", |t| {
        t.contains("Invalid value for the parameter VisibilityTimeout")
    })
    .await;
    assert!(page.text().contains("Queues (0)"));

    page.fill("Visibility timeout", "5");
    page.click("Create queue");
    page.until("the queue is created and selected", |t| {
        t.contains("Queue orders created.") && t.contains("Send and receive messages")
    })
    .await;
    assert!(page.text().contains("Queues (1)"));

    page.fill("Message body", "hello from wasm");
    page.click("Send message");
    page.until("the message is sent", |t| {
        t.contains("Message sent.") && t.contains("Messages in queue (1)")
    })
    .await;
    assert_eq!(page.messages_row(), "hello from wasm Visible 0");

    page.click("Poll for messages");
    page.until("the message is received and in flight", |t| {
        t.contains("Received 1 message.")
            && t.contains("Received messages (1)")
            && t.contains("Receive count 1")
    })
    .await;
    assert_eq!(page.messages_row(), "hello from wasm In flight · 5 s 1");

    // Step jumps to the next event: the visibility timeout running out, 5 s later.
    page.click("Step");
    // (The log already shows "0:00:05.000" as the end of the in-flight time: read the clock.)
    page.until("the clock to jump to 0:00:05", |_| {
        page.text_of("[data-testid=clock]") == "0:00:05.000"
    })
    .await;
    assert_eq!(page.messages_row(), "hello from wasm Visible 1");
    assert!(page.text().contains("Visibility timeout of msg"));

    page.click("Poll for messages");
    page.until("the second receive", |t| {
        t.contains("Receive count 2") && t.contains("Received messages (1)")
    })
    .await;
    assert_eq!(page.messages_row(), "hello from wasm In flight · 5 s 2");

    page.click("Delete");
    page.until("the message is deleted", |t| {
        t.contains("Message deleted.")
            && t.contains("Messages in queue (0)")
            && t.contains("Received messages (0)")
    })
    .await;
    assert!(page.text().contains("Deleted msg"));
    page.root.remove();
}

#[wasm_bindgen_test]
async fn a_long_poll_waits_for_a_message_or_its_end() {
    let page = Page::mount();
    page.until("the page renders", |t| t.contains("Create queue"))
        .await;
    page.fill("Queue name", "jobs");
    page.click("Create queue");
    page.until("the queue", |t| t.contains("Queue jobs created."))
        .await;

    // Nothing to receive: the engine parks the 20 s long poll.
    page.click("Poll for messages");
    page.until("the parked poll", |t| {
        t.contains("Polling… until 0:00:20.000")
    })
    .await;

    // A send answers it at once, without the clock moving.
    page.fill("Message body", "late job");
    page.click("Send message");
    page.until("the poll's answer", |t| {
        t.contains("Received 1 message.") && !t.contains("Polling…")
    })
    .await;
    assert_eq!(page.messages_row(), "late job In flight · 30 s 1");

    // The message is in flight until 0:00:30, so this poll waits out its 20 s, empty.
    page.click("Poll for messages");
    page.until("the second parked poll", |t| t.contains("Polling…"))
        .await;
    page.click("Step");
    page.until("the poll to end empty at 0:00:20", |t| {
        t.contains("The long poll ended without messages.") && !t.contains("Polling…")
    })
    .await;
    assert_eq!(page.text_of("[data-testid=clock]"), "0:00:20.000");
    page.root.remove();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

/// The app mounted in a fresh `<div>`, found and driven by visible names like a user.
struct Page {
    root: Element,
}

impl Page {
    fn mount() -> Page {
        let root = document().create_element("div").unwrap();
        // In the document, so that clicks on submit buttons submit their forms.
        document().body().unwrap().append_child(&root).unwrap();
        let settings = Settings {
            seed: 1,
            chaos: Chaos::Off,
            ignored: Vec::new(),
        };
        fanout::ui::mount_with(root.clone(), settings);
        Page { root }
    }

    fn text(&self) -> String {
        text(&self.root)
    }

    fn text_of(&self, selector: &str) -> String {
        let e = self.root.query_selector(selector).unwrap();
        e.map(|e| text(&e)).unwrap_or_default()
    }

    /// The messages view's rows as words: body, state, receive count (ids left out).
    fn messages_row(&self) -> String {
        let rows = self.all("section.messages tr.message-row");
        assert_eq!(rows.len(), 1, "expected one message row");
        let cells: Vec<String> = self
            .all("section.messages tr.message-row .body, section.messages tr.message-row .state, section.messages tr.message-row .receive-count")
            .iter()
            .map(|e| text(e).trim().to_string())
            .collect();
        cells.join(" ")
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    /// The control whose `<label>` reads exactly `label`.
    fn field(&self, label: &str) -> Element {
        let label_el = self
            .all("label")
            .into_iter()
            .find(|l| text(l).trim() == label)
            .unwrap_or_else(|| panic!("no label {label:?}"));
        let id = label_el.get_attribute("for").expect("label has for=");
        self.root
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap_or_else(|| panic!("no control #{id} for label {label:?}"))
    }

    /// Types into a field: sets its value and fires `input`, as typing does.
    fn fill(&self, label: &str, value: &str) {
        let field = self.field(label);
        js_sys::Reflect::set(&field, &"value".into(), &value.into()).unwrap();
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        field.dispatch_event(&event).unwrap();
    }

    /// Clicks the one enabled button whose text is exactly `name`.
    fn click(&self, name: &str) {
        let buttons: Vec<Element> = self
            .all("button")
            .into_iter()
            .filter(|b| text(b).trim() == name && !b.has_attribute("disabled"))
            .collect();
        assert_eq!(buttons.len(), 1, "expected one enabled {name:?} button");
        buttons[0].unchecked_ref::<HtmlElement>().click();
    }

    /// Waits (Yew renders asynchronously) until the page text satisfies `check`.
    async fn until(&self, what: &str, check: impl Fn(&str) -> bool) {
        for _ in 0..200 {
            if check(&self.text()) {
                return;
            }
            TimeoutFuture::new(10).await;
        }
        panic!(
            "timed out waiting for {what}; the page says:\n{}",
            self.text()
        );
    }
}
