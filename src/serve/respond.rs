//! Answers a request from the live site: a file, the site's 404 page, a
//! redirect to a folder's index, or the build's state for the reload script.
//! hyper has parsed and bounded the request; what it lets through is held here
//! to what a browser previewing a site sends.

use super::live::LiveSite;
use super::reload;
use super::route::{mime_type, route, Route};
use http_body_util::Full;
use hyper::body::Bytes;
use hyper::header::{self, HeaderName, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::sync::Arc;
use std::time::Duration;

/// How long a status request waits for a change before answering anyway; the
/// script asks again at once.
const LONG_POLL: Duration = Duration::from_secs(25);

pub type Body = Full<Bytes>;

pub async fn answer<B>(live: &LiveSite, request: &Request<B>) -> Response<Body> {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let refused = text(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD");
        return with_header(
            refused,
            header::ALLOW,
            HeaderValue::from_static("GET, HEAD"),
        );
    }
    // A GET with a body is not something a browser sends.
    if has_body(request) {
        return text(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request bodies are not accepted",
        );
    }
    // The target as sent: an absolute URL ("http://host/...") keeps its scheme
    // and is refused by `route` like anything that is not a plain path.
    let target = request.uri().to_string();
    match route(&target) {
        Err(bad) => text(StatusCode::BAD_REQUEST, bad.0),
        Ok(Route::Status { since }) => status(live, since).await,
        Ok(Route::File(path)) => file(live, &path, &target),
    }
}

fn has_body<B>(request: &Request<B>) -> bool {
    let headers = request.headers();
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .is_some_and(|length| length != "0")
}

async fn status(live: &LiveSite, since: Option<u64>) -> Response<Body> {
    let status = match since {
        Some(generation) => live.changed_since(generation, LONG_POLL).await,
        None => live.status(),
    };
    let json = serde_json::to_vec(&status).expect("the status serialises");
    respond(StatusCode::OK, "application/json", json.into())
}

fn file(live: &LiveSite, path: &str, target: &str) -> Response<Body> {
    // The version is read before the files: a rebuild in between pairs newer
    // files with an older version, which costs one extra reload, never a
    // page that misses its reload.
    let version = live.status().version;
    let files = live.files();
    if let Some(bytes) = files.get(path) {
        let body = if path.ends_with(".html") {
            reload::inject(bytes, version).into()
        } else {
            Bytes::from_owner(Shared(bytes.clone()))
        };
        return respond(StatusCode::OK, mime_type(path), body);
    }
    if files.contains_key(&format!("{path}/index.html")) {
        let (url_path, query) = target.split_once('?').unwrap_or((target, ""));
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        // `route` let only printable ASCII through, all of it valid in a header.
        return match HeaderValue::try_from(format!("{url_path}/{query}")) {
            Ok(location) => with_header(
                text(StatusCode::MOVED_PERMANENTLY, "moved"),
                header::LOCATION,
                location,
            ),
            Err(_) => text(StatusCode::BAD_REQUEST, "bad request target"),
        };
    }
    match files.get("404.html") {
        Some(page) => respond(
            StatusCode::NOT_FOUND,
            mime_type("404.html"),
            reload::inject(&reload::rebase_not_found(page), version).into(),
        ),
        None => text(StatusCode::NOT_FOUND, "not found"),
    }
}

/// A site file, sent from the live site's copy rather than copied again.
struct Shared(Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// Every response: its type, never sniffed, never cached (a preview changes
/// under the browser). hyper adds the length, and `Connection: close`.
fn respond(status: StatusCode, content_type: &'static str, body: Bytes) -> Response<Body> {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn text(status: StatusCode, text: &str) -> Response<Body> {
    respond(
        status,
        "text/plain; charset=utf-8",
        format!("{text}\n").into(),
    )
}

fn with_header(
    mut response: Response<Body>,
    name: HeaderName,
    value: HeaderValue,
) -> Response<Body> {
    response.headers_mut().insert(name, value);
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::block_on;
    use crate::serve::live::SiteFiles;

    fn site() -> LiveSite {
        let files: SiteFiles = [
            ("index.html", "<body>home</body>"),
            ("notes/index.html", "<body>notes</body>"),
            (
                "404.html",
                "<head><base href=\"https://example.org/\"></head>",
            ),
            ("style.css", "p{}"),
        ]
        .into_iter()
        .map(|(path, text)| (path.to_string(), Arc::new(text.as_bytes().to_vec())))
        .collect();
        LiveSite::new(Arc::new(files))
    }

    fn ask(live: &LiveSite, request: Request<()>) -> Response<Body> {
        block_on(answer(live, &request))
    }

    fn get(live: &LiveSite, target: &str) -> Response<Body> {
        ask(live, Request::get(target).body(()).unwrap())
    }

    fn header(response: &Response<Body>, name: HeaderName) -> Option<&str> {
        response.headers().get(name).and_then(|v| v.to_str().ok())
    }

    #[test]
    fn only_get_and_head_without_a_body() {
        let live = site();
        for method in [Method::POST, Method::PUT, Method::DELETE, Method::OPTIONS] {
            let request = Request::builder().method(method).uri("/").body(()).unwrap();
            let response = ask(&live, request);
            assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
            assert_eq!(header(&response, header::ALLOW), Some("GET, HEAD"));
        }
        let head = ask(&live, Request::head("/").body(()).unwrap());
        assert_eq!(head.status(), StatusCode::OK);
        for (name, value, status) in [
            ("content-length", "5", StatusCode::PAYLOAD_TOO_LARGE),
            (
                "transfer-encoding",
                "chunked",
                StatusCode::PAYLOAD_TOO_LARGE,
            ),
            ("content-length", "0", StatusCode::OK),
        ] {
            let request = Request::get("/").header(name, value).body(()).unwrap();
            assert_eq!(ask(&live, request).status(), status, "{name}: {value}");
        }
    }

    #[test]
    fn files_folders_and_the_404_page() {
        let live = site();
        let home = get(&live, "/");
        assert_eq!(home.status(), StatusCode::OK);
        assert_eq!(
            header(&home, header::CONTENT_TYPE),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(header(&home, header::CACHE_CONTROL), Some("no-store"));
        assert_eq!(
            header(&home, header::X_CONTENT_TYPE_OPTIONS),
            Some("nosniff")
        );
        let css = get(&live, "/style.css");
        assert_eq!(
            header(&css, header::CONTENT_TYPE),
            Some("text/css; charset=utf-8")
        );
        let folder = get(&live, "/notes?x=1");
        assert_eq!(folder.status(), StatusCode::MOVED_PERMANENTLY);
        assert_eq!(header(&folder, header::LOCATION), Some("/notes/?x=1"));
        assert_eq!(get(&live, "/notes/").status(), StatusCode::OK);
        assert_eq!(get(&live, "/missing").status(), StatusCode::NOT_FOUND);
        assert_eq!(
            get(&live, "/../index.html").status(),
            StatusCode::BAD_REQUEST
        );
        let absolute = get(&live, "http://localhost/index.html");
        assert_eq!(absolute.status(), StatusCode::BAD_REQUEST);
    }
}
