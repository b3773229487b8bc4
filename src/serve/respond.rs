//! Answers a request from the live site: a file, the site's 404 page, a
//! redirect to a folder's index, or the build's state for the reload script.

use super::http::{Body, Handler, Request, Response};
use super::live::LiveSite;
use super::reload;
use super::route::{mime_type, route, Route};
use std::sync::Arc;
use std::time::Duration;

/// How long a status request waits for a change before answering anyway; the
/// script asks again at once.
const LONG_POLL: Duration = Duration::from_secs(25);

pub struct SiteHandler {
    pub live: Arc<LiveSite>,
}

impl Handler for SiteHandler {
    fn handle(&self, request: &Request) -> Response {
        match route(&request.target) {
            Err(bad) => Response::text(400, bad.0),
            Ok(Route::Status { since }) => self.status(since),
            Ok(Route::File(path)) => self.file(&path, &request.target),
        }
    }
}

impl SiteHandler {
    fn status(&self, since: Option<u64>) -> Response {
        let status = match since {
            Some(generation) => self.live.wait_for_change(generation, LONG_POLL),
            None => self.live.status(),
        };
        let json = serde_json::to_vec(&status).expect("the status serialises");
        Response::new(200, "application/json", Body::Owned(json))
    }

    fn file(&self, path: &str, target: &str) -> Response {
        // The version is read before the files: a rebuild in between pairs newer
        // files with an older version, which costs one extra reload, never a
        // page that misses its reload.
        let version = self.live.status().version;
        let files = self.live.files();
        if let Some(bytes) = files.get(path) {
            let content_type = mime_type(path);
            let body = if path.ends_with(".html") {
                Body::Owned(reload::inject(bytes, version))
            } else {
                Body::Shared(bytes.clone())
            };
            return Response::new(200, content_type, body);
        }
        if files.contains_key(&format!("{path}/index.html")) {
            let (url_path, query) = target.split_once('?').unwrap_or((target, ""));
            let query = if query.is_empty() {
                String::new()
            } else {
                format!("?{query}")
            };
            return Response::text(301, "moved")
                .with_header("Location", format!("{url_path}/{query}"));
        }
        match files.get("404.html") {
            Some(page) => Response::new(
                404,
                mime_type("404.html"),
                Body::Owned(reload::inject(&reload::rebase_not_found(page), version)),
            ),
            None => Response::text(404, "not found"),
        }
    }
}
