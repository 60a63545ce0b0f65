//! Every message the selected queue holds, with its state as the engine reports it:
//! visible, in flight (counting down to visible again) or delayed (counting down to
//! visible), and how long until retention removes it. Countdowns are in virtual seconds
//! and move only when the clock does.
//!
//! A FIFO (or fair) queue's messages carry their group's colour, derived from the group
//! id (a legend above the table names them), and FIFO messages their sequence number.
//! Badges mark duplicates and out-of-order receives (from the trace); a message that has
//! just arrived from another queue (dead-letter move or redrive) slides in highlighted.

use super::send_receive::tail;
use crate::engine::SimTime;
use crate::thousands::thousands;
use crate::ui::describe::short_id;
use crate::ui::notes::MoveKind;
use crate::ui::view::{duration, Departure, GroupInfo, GroupTag, MessageRow, RowState, Unlisted};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    pub rows: Vec<MessageRow>,
    /// The queue's messages not drawn as rows, by state.
    #[prop_or_default]
    pub unlisted: Unlisted,
    /// Messages in the queue, including those not drawn.
    pub total: usize,
    pub fifo: bool,
    /// The first groups (`view::MAX_GROUPS`), and how many there are in all.
    pub groups: Vec<GroupInfo>,
    #[prop_or_default]
    pub group_count: usize,
    pub departures: Vec<Departure>,
}

#[function_component]
pub fn MessagesView(props: &MessagesProps) -> Html {
    let hidden = props.total.saturating_sub(props.rows.len());
    html! {
        <section class="card messages" aria-labelledby="messages-title">
            <h2 id="messages-title">{ format!("Messages in queue ({})", props.total) }</h2>
            if !props.groups.is_empty() {
                { group_legend(&props.groups, props.group_count, props.fifo) }
            }
            if props.rows.is_empty() {
                <p class="empty">{ "The queue is empty." }</p>
            } else {
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ "Message" }</th>
                            <th scope="col" class="state-col">{ "State and countdowns" }</th>
                            <th scope="col" class="num">{ "Receives" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.rows.iter().map(|r| html! { <Row key={r.key} row={r.clone()} /> }) }
                    </tbody>
                </table>
                if hidden > 0 {
                    <p class="more">{ unlisted_text(hidden, &props.unlisted) }</p>
                }
            }
            if !props.departures.is_empty() {
                <ul class="departures" aria-label="Messages that just left this queue">
                    { for props.departures.iter().map(|m| html! {
                        <li key={m.key.clone()} class="departed">
                            { departure_text(m) }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// "…and 9,950 more not listed: 9,950 in flight." Only the states some of them are in.
pub fn unlisted_text(hidden: usize, by_state: &Unlisted) -> String {
    let parts: Vec<String> = [
        (by_state.visible, "visible"),
        (by_state.in_flight, "in flight"),
        (by_state.delayed, "delayed"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, state)| format!("{} {state}", thousands(*n)))
    .collect();
    let more = format!("…and {} more not listed", thousands(hidden));
    if parts.is_empty() {
        format!("{more}.")
    } else {
        format!("{more}: {}.", parts.join(", "))
    }
}

fn departure_text(m: &Departure) -> String {
    match m.kind {
        MoveKind::DeadLetter { receive_count } => format!(
            "→ msg {} moved to dead-letter queue {} after {receive_count} receives",
            short_id(&m.message_id),
            m.to
        ),
        MoveKind::Redrive => format!("→ msg {} redriven to {}", short_id(&m.message_id), m.to),
    }
}

/// The groups with messages in the queue, each in its colour, with what holds it back.
/// (Plain functions rather than components where nothing is gained by skipping renders:
/// every component costs code size.)
fn group_legend(groups: &[GroupInfo], count: usize, fifo: bool) -> Html {
    let more = count.saturating_sub(groups.len());
    html! {
        <div class="group-legend" aria-label="Message groups">
            <span class="label">{ "Message groups" }</span>
            <ul>
                { for groups.iter().map(|g| {
                    let locked = fifo && g.in_flight > 0;
                    let title = if locked {
                        "Locked: a message of this group is in flight, so no later one is returned until it is deleted or its visibility timeout runs out."
                    } else {
                        "Messages of this group in the queue"
                    };
                    html! {
                        <li key={g.tag.id.to_string()} class={classes!("group-entry", locked.then_some("locked"))}
                            style={g.tag.style()} data-group={g.tag.id.to_string()} {title}>
                            <span class="swatch" aria-hidden="true"></span>
                            <code>{ g.tag.id.to_string() }</code>
                            <span class="count">{ format!("{} msg", g.messages) }</span>
                            if locked {
                                <span class="lock">{ "locked" }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            if more > 0 {
                <span class="more">{ format!("and {} more groups", thousands(more)) }</span>
            }
        </div>
    }
}

/// A message group's id in its colour.
pub fn group_chip(tag: &GroupTag) -> Html {
    html! {
        <span class="group-chip" style={tag.style()} title="Message group ID"
            data-group={tag.id.to_string()}>
            { tag.id.to_string() }
        </span>
    }
}

/// The "duplicate" and "out of order" badges, with what they mean on hover.
pub fn badges(duplicate: bool, reordered: bool) -> Html {
    html! {
        <>
            if duplicate {
                <span class="badge duplicate" title="A copy left behind when a delete missed one replica: the same message ID delivered again. Consumers must be idempotent.">
                    { "duplicate" }
                </span>
            }
            if reordered {
                <span class="badge reordered" title="Received while an older message was still waiting: standard queues only try to keep order.">
                    { "out of order" }
                </span>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    row: MessageRow,
}

#[function_component]
fn Row(props: &RowProps) -> Html {
    let r = &props.row;
    let style = r.group.as_ref().map(GroupTag::style);
    let arrived = r.arrived.as_ref().map(|a| match a.kind {
        MoveKind::DeadLetter { .. } => "arrived dead-lettered",
        MoveKind::Redrive => "arrived redriven",
    });
    html! {
        <tr class={classes!("message-row", r.group.is_some().then_some("grouped"), arrived)}
            data-message-id={r.message_id.clone()}
            data-group={r.group.as_ref().map(|g| g.id.to_string())} {style}>
            <td>
                <div class="body" title={r.body.to_string()}>{ r.body.to_string() }</div>
                <div class="meta">
                    <code class="id" title={r.message_id.clone()}>{ short_id(&r.message_id) }</code>
                    if let Some(tag) = &r.group {
                        { group_chip(tag) }
                    }
                    if let Some(seq) = &r.sequence_number {
                        <span class="seq" title={format!("SequenceNumber {seq}")}>{ format!("seq …{}", tail(seq)) }</span>
                    }
                    { badges(r.duplicate, r.reordered) }
                    if let Some(from) = &r.dead_letter_from {
                        <span class="badge dead-letter" title="Moved here by the source queue's redrive policy">{ format!("from {from}") }</span>
                    }
                    if let Some(a) = r.arrived.as_ref().filter(|a| a.kind == MoveKind::Redrive) {
                        <span class="badge redriven">{ format!("redriven from {}", a.from) }</span>
                    }
                </div>
            </td>
            <td>
                <div class="state-wrap">
                    { state_cell(&r.state) }
                    <span class="countdown retention" title={format!("Retention period ends at {}", r.expires_at)}>
                        { format!("expires in {}", duration(r.expires_in)) }
                    </span>
                </div>
            </td>
            <td class="num receive-count">{ r.receive_count }</td>
        </tr>
    }
}

fn state_cell(state: &RowState) -> Html {
    match *state {
        RowState::Visible => html! { <span class="state visible">{ "Visible" }</span> },
        RowState::InFlight {
            until,
            secs_left,
            percent_left,
        } => html! {
            <>
                <span class="state in-flight">{ "In flight" }</span>
                <span class="countdown visibility" title={until_title(until)}>
                    { format!("visible again in {}", duration(secs_left)) }
                </span>
                <span class="bar" aria-hidden="true">
                    <span class="fill" style={format!("width:{percent_left}%")}></span>
                </span>
            </>
        },
        RowState::Delayed { until, secs_left } => html! {
            <>
                <span class="state delayed">{ "Delayed" }</span>
                <span class="countdown delay" title={until_title(until)}>
                    { format!("visible in {}", duration(secs_left)) }
                </span>
            </>
        },
    }
}

fn until_title(until: SimTime) -> String {
    format!("Visible at {until}")
}
