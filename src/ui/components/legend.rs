//! What the message states and marks mean: the vocabulary of the lesson, always in view.

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
                <dt><span class="countdown retention">{ "expires in" }</span></dt>
                <dd>{ "Retention: the queue deletes a message this long after it was first sent, whatever its state." }</dd>
                <dt><span class="group-chip legend-chip">{ "group" }</span></dt>
                <dd>{ "Message group ID, one colour per group. A FIFO queue returns a group's messages in order and holds the group back while one of them is in flight." }</dd>
                <dt><span class="badge duplicate">{ "duplicate" }</span></dt>
                <dd>{ "The same message delivered again: a delete missed one copy. Standard queues deliver at least once." }</dd>
                <dt><span class="badge reordered">{ "out of order" }</span></dt>
                <dd>{ "Received before an older message: standard queues keep order only roughly." }</dd>
                <dt><span class="badge dead-letter">{ "from …" }</span></dt>
                <dd>{ "Moved to this dead-letter queue after too many receives. Redrive sends it back." }</dd>
            </dl>
        </section>
    }
}
