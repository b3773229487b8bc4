//! From a request target to a file of the site: percent-decoding, the rules that
//! keep every request inside the site, and the type of what is served.
//!
//! The server answers from the site held in memory, never from the disk, so no
//! request can reach a file outside the site whatever it is called: a symlink in
//! the output folder is not even looked at. These rules refuse the tricks anyway,
//! so that a mistake elsewhere could not turn into a leak.

/// The path the live-reload script asks for the build's state.
pub const STATUS_PATH: &str = "/__dossier/version";

/// What a request target asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A file of the site, by its path in the site (`notes/a.html`).
    File(String),
    /// The build's state, once it differs from `since` (a long poll).
    Status { since: Option<u64> },
}

/// Why a target was refused (400).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTarget(pub &'static str);

pub fn route(target: &str) -> Result<Route, BadTarget> {
    // Nothing a browser sends, and nothing that may reach a response header (a
    // redirect echoes the target): hyper lets raw non-ASCII bytes through.
    if !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(BadTarget("the target must be printable ASCII"));
    }
    // Only the origin form ("/path?query"): no absolute URLs, no "*".
    if !target.starts_with('/') {
        return Err(BadTarget("the target must be a path"));
    }
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    let path = path.split('#').next().unwrap_or_default();
    if path == STATUS_PATH {
        let since = query
            .into_iter()
            .flat_map(|q| q.split('&'))
            .find_map(|pair| pair.strip_prefix("since="))
            .and_then(|value| value.parse().ok());
        return Ok(Route::Status { since });
    }
    site_path(path).map(Route::File)
}

/// The site path of a URL path: decoded once, checked segment by segment, and
/// `index.html` added to a folder.
pub fn site_path(url_path: &str) -> Result<String, BadTarget> {
    let decoded = percent_decode(url_path)?;
    // Decoded once only: "%252e" is the name "%2e", which no page has. Whatever
    // the decoding produced is checked, so "%2e%2e" and "%2f" are held to the
    // same rules as ".." and "/".
    if decoded.contains('\\') {
        return Err(BadTarget("backslash in path"));
    }
    if decoded.chars().any(char::is_control) {
        return Err(BadTarget("control character in path"));
    }
    let relative = decoded
        .strip_prefix('/')
        .ok_or(BadTarget("the path must start with /"))?;
    let (relative, folder) = match relative.strip_suffix('/') {
        Some(inner) => (inner, true),
        None => (relative, relative.is_empty()),
    };
    let mut segments = Vec::new();
    if !relative.is_empty() {
        for segment in relative.split('/') {
            match segment {
                "" => return Err(BadTarget("empty path segment")),
                "." | ".." => return Err(BadTarget("dot segment in path")),
                _ => segments.push(segment),
            }
        }
    }
    if folder {
        segments.push("index.html");
    }
    Ok(segments.join("/"))
}

fn percent_decode(text: &str) -> Result<String, BadTarget> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let high = bytes.get(i + 1).and_then(|b| hex_value(*b));
            let low = bytes.get(i + 2).and_then(|b| hex_value(*b));
            match (high, low) {
                (Some(high), Some(low)) => out.push(high * 16 + low),
                _ => return Err(BadTarget("malformed percent escape")),
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| BadTarget("path is not UTF-8"))
}

fn hex_value(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// The `Content-Type` of a site file, by its extension.
pub fn mime_type(path: &str) -> &'static str {
    let extension = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(target: &str) -> Result<String, BadTarget> {
        route(target).map(|r| match r {
            Route::File(path) => path,
            other => panic!("{other:?}"),
        })
    }

    #[test]
    fn folders_get_their_index_and_queries_are_ignored() {
        assert_eq!(file("/").unwrap(), "index.html");
        assert_eq!(file("/notes/").unwrap(), "notes/index.html");
        assert_eq!(file("/notes/a.html?x=1").unwrap(), "notes/a.html");
        assert_eq!(file("/tags/caf%C3%A9.html").unwrap(), "tags/café.html");
    }

    #[test]
    fn nothing_outside_the_site_is_addressable() {
        for target in [
            "/../etc/passwd",
            "/notes/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/notes/%2e%2e%2f%2e%2e%2fetc/passwd",
            "/..%5c..%5cwindows",
            "/a\\b",
            "/%2fetc/passwd",
            "//etc/passwd",
            "/a%00.html",
            "/./index.html",
            "/%zz",
            "/%c3",
            "http://example.org/index.html",
            "*",
            "/caf\u{e9}.html",
            "/a b.html",
            "/a\tb.html",
        ] {
            assert!(file(target).is_err(), "{target} was accepted");
        }
        // Decoded once: a double-encoded dot is a name no page has, not "..".
        assert_eq!(file("/%252e%252e/x").unwrap(), "%2e%2e/x");
    }

    #[test]
    fn the_status_endpoint_reads_its_generation() {
        assert_eq!(
            route("/__dossier/version?since=7").unwrap(),
            Route::Status { since: Some(7) }
        );
        assert_eq!(
            route("/__dossier/version").unwrap(),
            Route::Status { since: None }
        );
    }

    #[test]
    fn types_follow_extensions() {
        assert_eq!(mime_type("a/b.HTML"), "text/html; charset=utf-8");
        assert_eq!(mime_type("static/style.css"), "text/css; charset=utf-8");
        assert_eq!(
            mime_type("search/index.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(mime_type("atom.xml"), "application/xml");
        assert_eq!(mime_type(".nojekyll"), "application/octet-stream");
        assert_eq!(mime_type("LICENSE"), "application/octet-stream");
    }
}
