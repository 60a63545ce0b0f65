//! The console's interpreter as a Web Worker, started on first use (src/console_link).
//!
//! One request is out at a time: the next is built only when the previous answer has
//! been applied, from the page's engine as it is then, so the replica and the page never
//! disagree about what a request ran on. A worker that fails to load, stops answering
//! while it loads, or panics answers everything waiting with a message; the next request
//! starts a new one, rebuilt from the page's scenario.

use crate::console_link::page::{Outcome, PageLink};
use crate::console_link::worker::READY;
use crate::console_link::{Answer, Ask, Request, Sync};
use crate::engine::Engine;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The worker's script (static/console-worker.js), beside index.html.
const WORKER_URL: &str = "./console-worker.js";
/// What the worker's script posts when the interpreter's WebAssembly cannot be loaded.
const LOAD_FAILED: &str = "load-failed ";
/// Real milliseconds the worker may take to load (a slow network, a cold cache) before
/// the console says it could not start.
const LOAD_TIMEOUT_MS: u32 = 30_000;

/// The page's engine and its link to the replica, for asks that read the simulation.
#[derive(Clone)]
pub struct Mirror {
    pub engine: Rc<RefCell<Engine>>,
    pub link: Rc<RefCell<PageLink>>,
}

impl PartialEq for Mirror {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.engine, &other.engine) && Rc::ptr_eq(&self.link, &other.link)
    }
}

type Done = Box<dyn FnOnce(Outcome)>;

struct Job {
    ask: Ask,
    /// None for an ask that reads no simulation (the unfinished-input check).
    mirror: Option<Mirror>,
    done: Done,
    retried: bool,
}

enum Port {
    Worker {
        worker: Worker,
        ready: bool,
        /// Kept alive as long as the worker.
        _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
        _load_timeout: Option<Timeout>,
    },
    /// Answers in the page itself (the browser tests, which have no worker file).
    InPage(Rc<dyn Fn(&str) -> String>),
}

#[derive(Default)]
struct Link {
    port: Option<Port>,
    waiting: VecDeque<Job>,
    sent: Option<Job>,
}

thread_local! {
    static LINK: RefCell<Link> = RefCell::default();
}

/// Asks the console's interpreter; `done` gets the outcome (a run is already applied to
/// the page's engine by then).
pub fn ask(ask: Ask, mirror: Option<Mirror>, done: impl FnOnce(Outcome) + 'static) {
    LINK.with(|l| {
        l.borrow_mut().waiting.push_back(Job {
            ask,
            mirror,
            done: Box::new(done),
            retried: false,
        })
    });
    pump();
}

/// Runs the interpreter inside the page with `handle` (a `Replica`'s), instead of in a
/// worker: for the browser tests, which serve no worker file.
pub fn answer_in_page(handle: impl Fn(&str) -> String + 'static) {
    LINK.with(|l| l.borrow_mut().port = Some(Port::InPage(Rc::new(handle))));
}

/// Where a request goes, taken out of `LINK` so no borrow is held while sending.
enum Sender {
    Worker(Worker),
    InPage(Rc<dyn Fn(&str) -> String>),
    /// No worker could be created.
    Nowhere,
}

/// Sends the next request when nothing is out and the worker listens.
fn pump() {
    loop {
        let next = LINK.with(|l| {
            let mut l = l.borrow_mut();
            if l.sent.is_some() || l.waiting.is_empty() {
                return None;
            }
            if l.port.is_none() {
                l.port = start_worker();
            }
            let sender = match &l.port {
                None => Sender::Nowhere,
                Some(Port::Worker { ready: false, .. }) => return None,
                Some(Port::Worker { worker, .. }) => Sender::Worker(worker.clone()),
                Some(Port::InPage(handle)) => Sender::InPage(handle.clone()),
            };
            l.waiting.pop_front().map(|job| (job, sender))
        });
        let Some((job, sender)) = next else { return };
        if let Sender::Nowhere = sender {
            (job.done)(failed(
                "the console's interpreter could not be started in this browser (no Web Worker)",
            ));
            continue;
        }
        let request = match &job.mirror {
            None => Ok(Request {
                sync: Sync::Level,
                ask: job.ask.clone(),
            }),
            Some(m) => {
                let engine = m.engine.borrow();
                m.link.borrow_mut().request(&engine, job.ask.clone())
            }
        };
        let request = match request {
            Ok(r) => r.to_json(),
            Err(e) => {
                (job.done)(failed(&e));
                continue;
            }
        };
        LINK.with(|l| l.borrow_mut().sent = Some(job));
        match sender {
            Sender::Worker(worker) => {
                if worker.post_message(&request.into()).is_err() {
                    fail_all("the page could not send the command to the console's interpreter");
                }
            }
            Sender::InPage(handle) => {
                // Answered on a later turn of the event loop, as a worker would.
                wasm_bindgen_futures::spawn_local(async move { answered(&handle(&request)) });
            }
            Sender::Nowhere => {}
        }
        return;
    }
}

fn failed(message: &str) -> Outcome {
    Outcome::Other(Answer::Failed(message.to_string()))
}

fn start_worker() -> Option<Port> {
    let worker = Worker::new(WORKER_URL).ok()?;
    let onmessage = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        let text = e
            .dyn_into::<MessageEvent>()
            .ok()
            .and_then(|e| e.data().as_string())
            .unwrap_or_default();
        if text == READY {
            LINK.with(|l| {
                if let Some(Port::Worker {
                    ready,
                    _load_timeout,
                    ..
                }) = &mut l.borrow_mut().port
                {
                    *ready = true;
                    *_load_timeout = None;
                }
            });
            pump();
        } else if let Some(why) = text.strip_prefix(LOAD_FAILED) {
            fail_all(&format!(
                "the console's interpreter could not be loaded ({why})"
            ));
        } else {
            answered(&text);
        }
    });
    let onerror = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        let why = e
            .dyn_into::<ErrorEvent>()
            .ok()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "it could not be loaded".into());
        fail_all(&format!("the console's interpreter stopped: {why}"));
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    let timeout = Timeout::new(LOAD_TIMEOUT_MS, || {
        fail_all(
            "the console's interpreter did not load in time; check the connection and try again",
        )
    });
    Some(Port::Worker {
        worker,
        ready: false,
        _handlers: vec![onmessage, onerror],
        _load_timeout: Some(timeout),
    })
}

/// An answer to the request that is out: applied, then passed on (or the request sent
/// again once, rebuilt, when the replica was out of step).
fn answered(text: &str) {
    let Some(mut job) = LINK.with(|l| l.borrow_mut().sent.take()) else {
        return;
    };
    let answer = Answer::from_json(text);
    let outcome = match &job.mirror {
        None => Outcome::Other(answer),
        Some(m) => {
            let mut engine = m.engine.borrow_mut();
            m.link.borrow_mut().accept(&mut engine, answer)
        }
    };
    match outcome {
        Outcome::Retry if !job.retried => {
            job.retried = true;
            LINK.with(|l| l.borrow_mut().waiting.push_front(job));
        }
        Outcome::Retry => (job.done)(failed(
            "the console's interpreter could not follow the page's simulation",
        )),
        outcome => (job.done)(outcome),
    }
    pump();
}

/// The worker is gone: everything waiting is answered with `message`, and the next ask
/// starts a new worker with a replica rebuilt from the page.
fn fail_all(message: &str) {
    let (jobs, port) = LINK.with(|l| {
        let mut l = l.borrow_mut();
        let mut jobs: Vec<Job> = l.sent.take().into_iter().collect();
        jobs.extend(l.waiting.drain(..));
        (jobs, l.port.take())
    });
    if let Some(Port::Worker { worker, .. }) = &port {
        worker.terminate();
    }
    for job in jobs {
        if let Some(m) = &job.mirror {
            m.link.borrow_mut().forget();
        }
        (job.done)(failed(message));
    }
    // Dropped last: a handler may be what is running now.
    wasm_bindgen_futures::spawn_local(async move { drop(port) });
}
