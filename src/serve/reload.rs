//! What serve adds to the pages it sends, and only to them: the live-reload
//! script, and a 404 page whose links work from wherever it is shown.
//! Files on disk and `dossier build` output never see any of it.

const SCRIPT: &str = include_str!("reload.js");

/// The page with the reload script placed just before its last `</body>` (at the
/// end when it has none), told the version it was served at.
pub fn inject(html: &[u8], version: u64) -> Vec<u8> {
    let script = format!(
        "<script data-dossier-serve>\n{}</script>\n",
        SCRIPT.replace("__DOSSIER_VERSION__", &version.to_string())
    );
    let at = rfind_ignore_case(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The built 404 page anchors its links at `base_url`, the published site; under
/// serve the site is at `/`.
pub fn rebase_not_found(html: &[u8]) -> Vec<u8> {
    const OPEN: &[u8] = b"<base href=\"";
    let Some(start) = find(html, OPEN).map(|i| i + OPEN.len()) else {
        return html.to_vec();
    };
    let Some(length) = html[start..].iter().position(|&b| b == b'"') else {
        return html.to_vec();
    };
    let mut out = Vec::with_capacity(html.len());
    out.extend_from_slice(&html[..start]);
    out.push(b'/');
    out.extend_from_slice(&html[start + length..]);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let page = inject(b"<body><p>x</p></BODY></html>", 42);
        let text = String::from_utf8(page).unwrap();
        let script = text.find("<script data-dossier-serve>").unwrap();
        assert!(script < text.find("</BODY>").unwrap());
        assert!(text.contains("var version = 42;"));
        assert!(text.starts_with("<body><p>x</p>"));
        let bare = String::from_utf8(inject(b"<p>x</p>", 1)).unwrap();
        assert!(bare.starts_with("<p>x</p><script"));
    }

    #[test]
    fn the_404_page_is_anchored_at_the_server_root() {
        let page = rebase_not_found(b"<head><base href=\"https://example.org/d/\">\n</head>");
        assert_eq!(page, b"<head><base href=\"/\">\n</head>");
        assert_eq!(rebase_not_found(b"<p>no base</p>"), b"<p>no base</p>");
    }
}
