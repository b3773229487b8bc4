//! A deliberately small HTTP/1.1 server on the standard library: GET and HEAD,
//! one request per connection, bounded in every dimension a client controls.
//!
//! Why not a crate: the light blocking servers (tiny_http) read request lines and
//! headers without any length limit, and the complete ones bring an async runtime
//! a local preview has no use for. Answering GET and HEAD from memory and closing
//! the connection needs only this much, and every limit is visible here.

use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// The request line and headers together may not exceed this (414 or 431).
pub const MAX_HEAD: usize = 8 * 1024;
/// Connections served at once; more are answered 503 at once.
const MAX_CONNECTIONS: usize = 64;
/// A client that sends nothing for this long is dropped (slow-loris).
const READ_TIMEOUT: Duration = Duration::from_secs(10);
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
}

/// A request the server accepted: everything else was answered already.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub target: String,
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Body,
}

/// Site files are shared with the in-memory site rather than copied.
#[derive(Debug, Clone)]
pub enum Body {
    Shared(Arc<Vec<u8>>),
    Owned(Vec<u8>),
}

impl Body {
    fn bytes(&self) -> &[u8] {
        match self {
            Body::Shared(bytes) => bytes,
            Body::Owned(bytes) => bytes,
        }
    }
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: Body) -> Response {
        Response {
            status,
            content_type,
            headers: Vec::new(),
            body,
        }
    }

    pub fn text(status: u16, text: &str) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            Body::Owned(format!("{text}\n").into_bytes()),
        )
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }
}

pub trait Handler: Send + Sync + 'static {
    fn handle(&self, request: &Request) -> Response;
}

/// A running server; [`Server::stop`] ends it.
pub struct Server {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    active: Arc<AtomicUsize>,
    acceptor: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(listener: TcpListener, handler: Arc<dyn Handler>) -> io::Result<Server> {
        let address = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let active = Arc::new(AtomicUsize::new(0));
        let acceptor = {
            let (stopping, active) = (stopping.clone(), active.clone());
            std::thread::Builder::new()
                .name("serve-accept".into())
                .spawn(move || accept_loop(&listener, &handler, &stopping, &active))?
        };
        Ok(Server {
            address,
            stopping,
            active,
            acceptor: Some(acceptor),
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Stops accepting, then gives the requests in flight a moment to finish.
    /// Long polls must have been released by the handler's owner first.
    pub fn stop(mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // `accept` blocks: one connection of our own wakes it up to see the flag.
        let _ = TcpStream::connect_timeout(&wake_address(self.address), Duration::from_secs(1));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
        for _ in 0..100 {
            if self.active.load(Ordering::SeqCst) == 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Where to connect to reach a listener, even one bound to every address.
fn wake_address(bound: SocketAddr) -> SocketAddr {
    let ip = match bound.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, bound.port())
}

fn accept_loop(
    listener: &TcpListener,
    handler: &Arc<dyn Handler>,
    stopping: &AtomicBool,
    active: &Arc<AtomicUsize>,
) {
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(mut stream) = stream else { continue };
        if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
            let _ = send(
                &mut stream,
                &Response::text(503, "too many connections"),
                true,
            );
            active.fetch_sub(1, Ordering::SeqCst);
            continue;
        }
        let (handler, done) = (handler.clone(), active.clone());
        let spawned = std::thread::Builder::new()
            .name("serve-conn".into())
            .spawn(move || {
                serve_connection(stream, handler.as_ref());
                done.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            active.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

fn serve_connection(mut stream: TcpStream, handler: &dyn Handler) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let response = match read_request(&mut stream) {
        Ok(request) => {
            let head_only = request.method == Method::Head;
            let response = handler.handle(&request);
            let _ = send(&mut stream, &response, head_only);
            return close(stream);
        }
        Err(Refusal::Gone) => return,
        Err(Refusal::Respond(response)) => response,
    };
    let _ = send(&mut stream, &response, false);
    close(stream);
}

/// Closing without reading what the client may still be sending would reset the
/// connection and could lose the response: half-close, drain a little, then drop.
fn close(mut stream: TcpStream) {
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut sink = [0u8; 1024];
    let mut drained = 0;
    while let Ok(n) = stream.read(&mut sink) {
        drained += n;
        if n == 0 || drained > 64 * 1024 {
            break;
        }
    }
}

enum Refusal {
    /// The client went away or sent nothing in time: nobody to answer.
    Gone,
    Respond(Response),
}

fn read_request(stream: &mut TcpStream) -> Result<Request, Refusal> {
    let head = read_head(stream)?;
    parse_head(&head).map_err(Refusal::Respond)
}

/// Reads up to the blank line that ends the headers, never more than [`MAX_HEAD`].
fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, Refusal> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let n = match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(Refusal::Gone),
            Ok(n) => n,
        };
        head.extend_from_slice(&chunk[..n]);
        if let Some(end) = find(&head, b"\r\n\r\n") {
            if end + 4 > MAX_HEAD {
                return Err(Refusal::Respond(too_long(&head)));
            }
            head.truncate(end);
            return Ok(head);
        }
        if head.len() > MAX_HEAD {
            return Err(Refusal::Respond(too_long(&head)));
        }
    }
}

fn too_long(head: &[u8]) -> Response {
    let request_line_ended = find(head, b"\r\n").is_some_and(|end| end <= MAX_HEAD);
    if request_line_ended {
        Response::text(431, "request headers too large")
    } else {
        Response::text(414, "request target too long")
    }
}

fn parse_head(head: &[u8]) -> Result<Request, Response> {
    let text = std::str::from_utf8(head).map_err(|_| Response::text(400, "bad request"))?;
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Response::text(400, "bad request line"));
    };
    // Nothing a browser sends, and nothing that may reach a response header (a
    // redirect echoes the target): no control characters, no raw non-ASCII.
    if target.bytes().any(|b| !b.is_ascii_graphic()) {
        return Err(Response::text(400, "bad request target"));
    }
    if !version.starts_with("HTTP/1.") {
        return Err(Response::text(505, "HTTP version not supported"));
    }
    let method = match method {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        _ => return Err(Response::text(405, "only GET and HEAD").with_header("Allow", "GET, HEAD")),
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            return Err(Response::text(400, "bad header"));
        };
        let value = value.trim();
        // A GET with a body is not something a browser sends: refuse it rather
        // than leave unread bytes to be taken for the next request.
        let has_body = (name.eq_ignore_ascii_case("content-length") && value != "0")
            || name.eq_ignore_ascii_case("transfer-encoding");
        if has_body {
            return Err(Response::text(413, "request bodies are not accepted"));
        }
    }
    Ok(Request {
        method,
        target: target.to_string(),
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn send(stream: &mut TcpStream, response: &Response, head_only: bool) -> io::Result<()> {
    let body = response.body.bytes();
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        body.len()
    );
    for (name, value) in &response.headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Request, u16> {
        parse_head(text.as_bytes()).map_err(|r| r.status)
    }

    #[test]
    fn only_get_and_head_without_a_body() {
        assert_eq!(
            parse("GET / HTTP/1.1\r\nHost: x").unwrap().method,
            Method::Get
        );
        assert_eq!(parse("HEAD /a HTTP/1.0").unwrap().target, "/a");
        assert_eq!(parse("POST / HTTP/1.1").unwrap_err(), 405);
        assert_eq!(parse("DELETE / HTTP/1.1").unwrap_err(), 405);
        assert_eq!(
            parse("GET / HTTP/1.1\r\nContent-Length: 5").unwrap_err(),
            413
        );
        assert_eq!(
            parse("GET / HTTP/1.1\r\nContent-Length: 0").unwrap().target,
            "/"
        );
        assert_eq!(
            parse("GET / HTTP/1.1\r\nTransfer-Encoding: chunked").unwrap_err(),
            413
        );
        assert_eq!(parse("GET / HTTP/2").unwrap_err(), 505);
        assert_eq!(parse("GET /a b HTTP/1.1").unwrap_err(), 400);
        assert_eq!(parse("GET / HTTP/1.1\r\nno colon").unwrap_err(), 400);
        assert_eq!(parse("GET /a?x=\n1 HTTP/1.1").unwrap_err(), 400);
        assert_eq!(parse("GET /a?x=\r1 HTTP/1.1").unwrap_err(), 400);
        assert_eq!(parse("GET /caf\u{e9} HTTP/1.1").unwrap_err(), 400);
    }

    #[test]
    fn overlong_heads_are_told_apart() {
        assert_eq!(too_long(&vec![b'a'; MAX_HEAD + 1]).status, 414);
        let mut head = b"GET / HTTP/1.1\r\n".to_vec();
        head.extend(vec![b'a'; MAX_HEAD]);
        assert_eq!(too_long(&head).status, 431);
    }
}
