//! Inline SVG charts: drawn at build time, no script, coloured by the theme's CSS
//! so they follow light and dark mode, and always paired with a table in the page.

use crate::text::escape_html;
use std::fmt::Write as _;

/// One bar of a bar chart.
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: usize,
}

/// A horizontal bar chart with a label and a value on every bar.
pub fn bar_chart(title: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let (label_width, bar_width, row) = (260.0, 300.0, 28.0);
    let height = row * bars.len() as f64 + 8.0;
    let width = label_width + bar_width + 50.0;
    let mut svg = String::new();
    let id = format!("chart-{}", crate::text::slugify(title));
    write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}"><title id="{id}">{}</title>"#,
        escape_html(title)
    )
    .unwrap();
    for (i, bar) in bars.iter().enumerate() {
        let y = i as f64 * row + 4.0;
        let length =
            (bar.value as f64 / max as f64 * bar_width).max(if bar.value > 0 { 2.0 } else { 0.0 });
        let label = escape_html(&crate::text::truncate_words(bar.label, 38));
        write!(
            svg,
            r#"<text class="chart-label" x="{x}" y="{ty}" text-anchor="end">{label}</text><rect class="chart-bar" x="{bx}" y="{y}" width="{length:.1}" height="{h}"/><text class="chart-value" x="{vx:.1}" y="{ty}">{value}</text>"#,
            x = label_width - 8.0,
            ty = y + 15.0,
            bx = label_width,
            h = row - 8.0,
            vx = label_width + length + 6.0,
            value = bar.value,
        )
        .unwrap();
    }
    svg.push_str("</svg>");
    svg
}

/// A node of the co-mention network.
pub struct Node<'a> {
    pub label: &'a str,
    pub url: String,
    /// Used for the node's size.
    pub weight: usize,
    /// A CSS class naming the actor's kind.
    pub class: &'a str,
}

/// Actors on a circle, in the order given, with a line for each pair named together;
/// the line is thicker the more paragraphs name both. Deterministic: the same data
/// draws the same picture.
pub fn network(title: &str, nodes: &[Node], edges: &[(usize, usize, usize)], root: &str) -> String {
    // Labels run outwards along the radius, so neighbours never overlap; the
    // margin leaves room for a label of about thirty characters.
    let size = 900.0;
    let centre = size / 2.0;
    let radius = size / 2.0 - 210.0;
    let n = nodes.len().max(1) as f64;
    let position = |i: usize| {
        let angle = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        (
            centre + radius * angle.cos(),
            centre + radius * angle.sin(),
            angle,
        )
    };
    let max_edge = edges.iter().map(|e| e.2).max().unwrap_or(1).max(1) as f64;
    let max_weight = nodes.iter().map(|n| n.weight).max().unwrap_or(1).max(1) as f64;
    let mut svg = String::new();
    write!(
        svg,
        r#"<svg class="network" viewBox="0 0 {size} {size}" role="group" aria-labelledby="network-title"><title id="network-title">{}</title><g class="edges" aria-hidden="true">"#,
        escape_html(title)
    )
    .unwrap();
    for &(a, b, count) in edges {
        let (x1, y1, _) = position(a);
        let (x2, y2, _) = position(b);
        let stroke = 0.6 + 4.0 * count as f64 / max_edge;
        write!(svg, r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke-width="{stroke:.2}"/>"#).unwrap();
    }
    svg.push_str("</g>");
    for (i, node) in nodes.iter().enumerate() {
        let (x, y, angle) = position(i);
        let r = 4.0 + 8.0 * (node.weight as f64 / max_weight).sqrt();
        let right = angle.cos() >= -1e-9;
        let (lx, ly) = (x + (r + 5.0) * angle.cos(), y + (r + 5.0) * angle.sin());
        let degrees = angle.to_degrees() + if right { 0.0 } else { 180.0 };
        let anchor = if right { "start" } else { "end" };
        write!(
            svg,
            r#"<a href="{root}{url}" class="node {class}"><circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}"/><text x="{lx:.1}" y="{ly:.1}" dy="0.35em" text-anchor="{anchor}" transform="rotate({degrees:.1} {lx:.1} {ly:.1})">{label}</text></a>"#,
            url = escape_html(&node.url),
            class = node.class,
            label = escape_html(&crate::text::truncate_words(node.label, 30)),
        )
        .unwrap();
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_chart_escapes_labels_and_scales_to_the_largest() {
        let bars = [
            Bar {
                label: "<b>One</b>",
                value: 10,
            },
            Bar {
                label: "Two",
                value: 5,
            },
        ];
        let svg = bar_chart("Mentions", &bars);
        assert!(svg.contains("&lt;b&gt;One&lt;/b&gt;"));
        assert!(
            svg.contains(r#"width="300.0""#) && svg.contains(r#"width="150.0""#),
            "{svg}"
        );
    }

    #[test]
    fn network_links_every_node() {
        let nodes = [
            Node {
                label: "A",
                url: "actors/a.html".into(),
                weight: 3,
                class: "person",
            },
            Node {
                label: "B",
                url: "actors/b.html".into(),
                weight: 1,
                class: "state",
            },
        ];
        let svg = network("Co-mentions", &nodes, &[(0, 1, 2)], "../");
        assert_eq!(svg.matches("<a href=\"../actors/").count(), 2);
        assert_eq!(svg.matches("<line ").count(), 1);
    }
}
