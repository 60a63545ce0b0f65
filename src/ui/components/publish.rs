//! "Publish message", like the console's: subject, message (or a JSON object of bodies
//! per protocol with MessageStructure=json), message attributes, and the message group
//! and deduplication ids of a FIFO topic. The feedback says how many subscriptions the
//! message fanned out to and how many filter policies dropped it.

use super::feedback::FeedbackView;
use super::{sns_checkbox, sns_click, sns_input, sns_submit, sns_textarea, Dispatch};
use crate::ui::sns_state::{AttributeField, AttributeRow, SnsAction};
use crate::ui::state::{Action, Feedback};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PublishProps {
    pub fifo: bool,
    pub content_based_deduplication: bool,
    pub message: String,
    pub subject: String,
    pub json_structure: bool,
    pub group_id: String,
    pub deduplication_id: String,
    pub attributes: Vec<AttributeRow>,
    pub feedback: Feedback,
    pub dispatch: Dispatch,
}

const TYPES: [&str; 4] = ["String", "String.Array", "Number", "Binary"];

#[function_component]
pub fn PublishPanel(props: &PublishProps) -> Html {
    let d = &props.dispatch;
    let placeholder = if props.json_structure {
        r#"{"default": "An order was placed", "sqs": "{\"order\": 1001}", "email": "Order 1001 placed"}"#
    } else {
        "Order 1001 placed"
    };
    html! {
        <form class="subpanel publish" onsubmit={sns_submit(d, SnsAction::Publish)} novalidate=true
            aria-labelledby="publish-title">
            <h3 id="publish-title">{ "Publish message" }</h3>
            <div class="field">
                <label for="pub-subject">{ "Subject (optional)" }</label>
                <input id="pub-subject" type="text" autocomplete="off" value={props.subject.clone()}
                    oninput={sns_input(d, SnsAction::EditSubject)} />
            </div>
            <div class="field checkbox">
                <input id="pub-json" type="checkbox" checked={props.json_structure}
                    onchange={sns_checkbox(d, SnsAction::SetJsonStructure)} />
                <label for="pub-json">{ "Custom payload for each delivery protocol" }</label>
                <small>{ "MessageStructure=json: a JSON object of bodies by protocol, with a required \"default\"." }</small>
            </div>
            <div class="field">
                <label for="pub-message">{ "Message" }</label>
                <textarea id="pub-message" rows="3" {placeholder} class={classes!(props.json_structure.then_some("code"))}
                    value={props.message.clone()} oninput={sns_textarea(d, SnsAction::EditMessage)} />
            </div>
            if props.fifo {
                <div class="field-row">
                    <div class="field">
                        <label for="pub-group">{ "Message group ID" }</label>
                        <input id="pub-group" type="text" autocomplete="off" spellcheck="false"
                            value={props.group_id.clone()} oninput={sns_input(d, SnsAction::EditGroupId)} />
                    </div>
                    <div class="field">
                        <label for="pub-dedup">{ "Message deduplication ID" }</label>
                        <input id="pub-dedup" type="text" autocomplete="off" spellcheck="false"
                            value={props.deduplication_id.clone()} oninput={sns_input(d, SnsAction::EditDeduplicationId)}
                            placeholder={if props.content_based_deduplication { "optional: the body's hash is used" } else { "required" }} />
                    </div>
                </div>
            }
            <fieldset class="attribute">
                <legend>{ "Message attributes" }</legend>
                <div class="field-row three attribute-head" aria-hidden="true">
                    <span>{ "Name" }</span><span>{ "Type" }</span><span>{ "Value" }</span>
                </div>
                { for props.attributes.iter().enumerate().map(|(i, row)| attribute_row(i, row, d, props.attributes.len() > 1)) }
                <button type="button" onclick={sns_click(d, SnsAction::AddAttribute)}>{ "Add attribute" }</button>
            </fieldset>
            <button type="submit" class="primary">{ "Publish message" }</button>
            <FeedbackView feedback={props.feedback.clone()} />
        </form>
    }
}

fn attribute_row(i: usize, row: &AttributeRow, d: &Dispatch, removable: bool) -> Html {
    let edit = |field: AttributeField| {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            d.dispatch(Action::Sns(SnsAction::EditAttribute(i, field, value)))
        })
    };
    let on_type = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            d.dispatch(Action::Sns(SnsAction::EditAttribute(
                i,
                AttributeField::Type,
                value,
            )))
        })
    };
    let n = i + 1;
    html! {
        <div key={i} class="field-row three attribute-row">
            <div class="field">
                <label class="sr-only" for={format!("pub-attr-name-{i}")}>{ format!("Attribute {n} name") }</label>
                <input id={format!("pub-attr-name-{i}")} type="text" autocomplete="off" spellcheck="false"
                    placeholder="store" value={row.name.clone()} oninput={edit(AttributeField::Name)} />
            </div>
            <div class="field">
                <label class="sr-only" for={format!("pub-attr-type-{i}")}>{ format!("Attribute {n} type") }</label>
                <select id={format!("pub-attr-type-{i}")} onchange={on_type}>
                    { for TYPES.iter().map(|t| html! {
                        <option key={*t} value={*t} selected={row.data_type == *t}>{ *t }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label class="sr-only" for={format!("pub-attr-value-{i}")}>{ format!("Attribute {n} value") }</label>
                <div class="with-button">
                    <input id={format!("pub-attr-value-{i}")} type="text" autocomplete="off" spellcheck="false"
                        placeholder="example_corp" value={row.value.clone()} oninput={edit(AttributeField::Value)} />
                    if removable {
                        <button type="button" class="danger small" aria-label={format!("Remove attribute {n}")}
                            onclick={sns_click(d, SnsAction::RemoveAttribute(i))}>{ "×" }</button>
                    }
                </div>
            </div>
        </div>
    }
}
