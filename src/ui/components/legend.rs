//! What the message states mean: the vocabulary of the lesson, always in view.

use yew::prelude::*;

#[function_component]
pub fn Legend() -> Html {
    html! {
        <section class="card legend" aria-labelledby="legend-title">
            <h2 id="legend-title">{ "Message states" }</h2>
            <dl>
                <dt><span class="state visible">{ "Visible" }</span></dt>
                <dd>{ "Waiting in the queue; the next receive can get it." }</dd>
                <dt><span class="state in-flight">{ "In flight" }</span></dt>
                <dd>{ "Received, hidden from other receives until it is deleted or its visibility timeout runs out. Then it is visible again." }</dd>
                <dt><span class="state delayed">{ "Delayed" }</span></dt>
                <dd>{ "Sent with a delay; not receivable until the delay ends." }</dd>
            </dl>
        </section>
    }
}
