//! Encryption: what protects a message where — on the wire, on SQS's disks, or before it
//! ever leaves the sender — and the queue's server-side encryption setting, editable with
//! SetQueueAttributes (SqsManagedSseEnabled, KmsMasterKeyId, KmsDataKeyReusePeriodSeconds).

use super::feedback::FeedbackView;
use super::{input_edits, select_changes, submits, Dispatch};
use crate::ui::state::{Action, Feedback, SSE_KMS, SSE_OFF, SSE_SQS};
use crate::ui::view::{duration, Encryption};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EncryptionProps {
    pub current: Encryption,
    pub mode: String,
    pub kms_key: String,
    pub kms_reuse_seconds: String,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn EncryptionPanel(props: &EncryptionProps) -> Html {
    let d = &props.dispatch;
    let on_mode = select_changes(d, Action::ChooseEncryption);
    let on_key = input_edits(d, Action::EditKmsKey);
    let on_reuse = input_edits(d, Action::EditKmsReuseSeconds);
    let on_save = submits(d, Action::SaveEncryption);
    let c = &props.current;
    let (badge, at_rest) = match (&c.kms_key, c.sqs_managed) {
        (Some(key), _) => (
            "SSE-KMS",
            format!(
                "SQS encrypts each message body with a data key made by your AWS KMS key {key}. It keeps using one data key for {} (KmsDataKeyReusePeriodSeconds) before asking KMS for a new one: longer means fewer KMS requests and a lower bill, shorter means less data under any one key. The key policy decides who may decrypt, and CloudTrail logs every use.",
                duration(c.kms_reuse_seconds as u64)
            ),
        ),
        (None, true) => (
            "SSE-SQS",
            "SQS encrypts each message body on its disks with keys that SQS itself owns and rotates. Nothing to set up, no KMS requests, no extra cost — but you cannot restrict or audit the key.".to_string(),
        ),
        (None, false) => (
            "Not encrypted at rest",
            "Message bodies are stored on SQS's servers as sent. Anyone who could read those disks could read them.".to_string(),
        ),
    };
    html! {
        <section class="card encryption" aria-labelledby="encryption-title">
            <div class="panel-head">
                <h2 id="encryption-title">{ "Encryption" }</h2>
                <span class={classes!("sse", (c.kms_key.is_none() && !c.sqs_managed).then_some("off"))}
                    data-testid="sse-mode">{ badge }</span>
            </div>
            <dl class="where">
                <dt>{ "In transit" }</dt>
                <dd>{ "Every request and response travels over HTTPS (TLS) between your code and the SQS endpoint, whatever the queue's setting. A queue policy denying aws:SecureTransport = false refuses plain HTTP." }</dd>
                <dt>{ "At rest" }</dt>
                <dd data-testid="at-rest">{ at_rest }</dd>
                <dt>{ "Not covered" }</dt>
                <dd>{ "Server-side encryption protects the body only: queue names and attributes, message IDs, timestamps, message attributes and metrics stay readable. Keep secrets out of attributes." }</dd>
                <dt>{ "By the client" }</dt>
                <dd>{ "Encrypt the body before sending (for example with the AWS Encryption SDK) and SQS only ever holds ciphertext: only consumers with your key can read it, in flight and at rest, whatever the queue does." }</dd>
            </dl>
            <form class="inline" onsubmit={on_save} novalidate=true>
                <label for="sse-mode">{ "Server-side encryption" }</label>
                <select id="sse-mode" onchange={on_mode}>
                    <option value={SSE_SQS} selected={props.mode == SSE_SQS}>{ "SSE-SQS (SQS-owned key)" }</option>
                    <option value={SSE_KMS} selected={props.mode == SSE_KMS}>{ "SSE-KMS (your KMS key)" }</option>
                    <option value={SSE_OFF} selected={props.mode == SSE_OFF}>{ "Disabled" }</option>
                </select>
                if props.mode == SSE_KMS {
                    <label for="kms-key">{ "KMS key" }</label>
                    <input id="kms-key" type="text" class="medium" spellcheck="false" autocomplete="off"
                        value={props.kms_key.clone()} oninput={on_key} />
                    <label for="kms-reuse">{ "Data key reuse" }</label>
                    <div class="with-unit">
                        <input id="kms-reuse" type="number" inputmode="numeric" class="short"
                            value={props.kms_reuse_seconds.clone()} oninput={on_reuse}
                            title="KmsDataKeyReusePeriodSeconds: 60 to 86400" />
                        <span class="unit">{ "seconds" }</span>
                    </div>
                }
                <button type="submit">{ "Save encryption" }</button>
            </form>
            <FeedbackView feedback={props.feedback.clone()} />
        </section>
    }
}
