//! The selected queue's CloudWatch-style metrics for the last minutes of virtual time:
//! counters per minute (sent, received, deleted, empty receives) and the visible and
//! in-flight gauges, each as a small inline SVG sparkline with its latest value.

use crate::ui::view::{MetricsView, METRIC_MINUTES};
use yew::prelude::*;

const WIDTH: u32 = 120;
const HEIGHT: u32 = 28;

#[derive(Properties, PartialEq)]
pub struct MetricsProps {
    pub metrics: MetricsView,
}

#[function_component]
pub fn Metrics(props: &MetricsProps) -> Html {
    let m = &props.metrics;
    let rows: [(&str, &str, &[u64], &str); 6] = [
        ("Sent", "sent", &m.sent, "per minute"),
        ("Received", "received", &m.received, "per minute"),
        ("Deleted", "deleted", &m.deleted, "per minute"),
        ("Empty receives", "empty", &m.empty_receives, "per minute"),
        ("Visible", "visible", &m.visible, "now"),
        ("In flight", "in-flight", &m.in_flight, "now"),
    ];
    html! {
        <section class="card metrics" aria-labelledby="metrics-title">
            <h2 id="metrics-title">{ "Metrics" }</h2>
            <p class="hint">{ format!(
                "One point per minute of virtual time, the last {METRIC_MINUTES} minutes; the last point is the current minute so far."
            ) }</p>
            <table class="sparklines">
                <tbody>
                    { for rows.iter().map(|(label, class, values, unit)| html! {
                        <tr key={*class} class={classes!("metric", format!("metric-{class}"))} data-metric={*class}>
                            <th scope="row">{ *label }</th>
                            <td class="spark">{ sparkline(label, values) }</td>
                            <td class="num latest">{ values.last().copied().unwrap_or(0) }</td>
                            <td class="unit">{ *unit }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// An SVG polyline of `values` scaled to the box, the highest value at the top.
fn sparkline(label: &str, values: &[u64]) -> Html {
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let n = values.len().max(2) as u32 - 1;
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let x = i as u32 * WIDTH / n;
            let y = HEIGHT - 2 - (v * (HEIGHT as u64 - 4) / max) as u32;
            format!("{x},{y}")
        })
        .collect();
    let summary = format!(
        "{label}: {}",
        values
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    html! {
        <svg class="sparkline" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} width={WIDTH.to_string()}
            height={HEIGHT.to_string()} role="img" aria-label={summary.clone()}>
            <title>{ summary }</title>
            <polyline points={points.join(" ")} fill="none" stroke="currentColor" stroke-width="1.5"
                stroke-linejoin="round" stroke-linecap="round" />
        </svg>
    }
}
