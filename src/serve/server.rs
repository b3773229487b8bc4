//! The HTTP server: hyper's HTTP/1 on a tokio runtime of one thread, every
//! connection bounded in size and in time.
//!
//! Why hyper: it is the HTTP implementation the Rust ecosystem is built on, kept
//! up by the tokio project, and everything that keeps this server safe is one of
//! its settings: the size of a request head, how long a client may take to send
//! it, no keep-alive. The standard-library server it replaces spent a thread on
//! each connection, at most 64, so a few dozen idle connections turned every
//! page away; on tokio an idle connection costs a few kilobytes until the header
//! timeout drops it.
//!
//! Why not axum, which mdBook uses: `axum::serve` offers none of those settings,
//! so this accept loop would be needed anyway, and axum would only add a router
//! in front of the one route the preview has (`route.rs`).

use super::live::LiveSite;
use super::respond;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::future::{poll_fn, Future};
use std::io;
use std::net::SocketAddr;
use std::pin::{pin, Pin};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::Poll;
use std::thread::JoinHandle;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};

/// The request line and headers together may not exceed this (431).
pub const MAX_HEAD: usize = 8 * 1024;
/// A client that has not sent a whole request head by then is dropped, whether
/// it sent nothing or a part (slow-loris).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// No connection lasts longer: a long poll (25 s) and a large file over a slow
/// link fit, and a client that stops reading its response is let go.
const CONNECTION_DEADLINE: Duration = Duration::from_secs(60);
/// Connections open at once. More wait in the kernel's queue until one closes,
/// which the header timeout guarantees within seconds.
const MAX_CONNECTIONS: usize = 4096;
/// How long stopping waits for the requests in flight.
const GRACE: Duration = Duration::from_secs(1);

/// A running server. Stopping it, or dropping it, closes the listener, lets the
/// requests in flight finish for a moment and ends the rest.
pub struct Server {
    address: SocketAddr,
    stop: watch::Sender<bool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(listener: std::net::TcpListener, live: Arc<LiveSite>) -> io::Result<Server> {
        let address = listener.local_addr()?;
        allow_open_files();
        // One thread is plenty: every answer comes from memory, and the rebuilds
        // run on their own threads.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        listener.set_nonblocking(true)?;
        let listener = {
            let _inside = runtime.enter();
            TcpListener::from_std(listener)?
        };
        let (stop, stopping) = watch::channel(false);
        let thread = std::thread::Builder::new()
            .name("serve-http".into())
            .spawn(move || runtime.block_on(accept_loop(listener, live, stopping)))?;
        Ok(Server {
            address,
            stop,
            thread: Some(thread),
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Long polls must have been released (`LiveSite::close`) first, or they
    /// are cut off after the grace period.
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn accept_loop(listener: TcpListener, live: Arc<LiveSite>, stopping: watch::Receiver<bool>) {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_header_size(MAX_HEAD)
        // One request per connection: a client that wants another connects
        // again, and nothing is left to time out between requests.
        .keep_alive(false);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut stopped = pin!(stopped(stopping.clone()));
    loop {
        let accepted = tokio::select! {
            biased;
            () = &mut stopped => break,
            accepted = accept(&listener, &slots) => accepted,
        };
        match accepted {
            Ok((stream, slot)) => {
                let connection = serve(stream, &builder, live.clone(), stopping.clone());
                tokio::spawn(async move {
                    connection.await;
                    drop(slot);
                });
            }
            // Out of file descriptors, most likely: the connection waits in the
            // kernel's queue while others close, rather than the loop spinning.
            Err(error) if !is_per_connection(&error) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(_) => {}
        }
    }
    drop(listener);
    let everyone = u32::try_from(MAX_CONNECTIONS).expect("a small number");
    let _ = tokio::time::timeout(GRACE, slots.acquire_many(everyone)).await;
}

async fn accept(
    listener: &TcpListener,
    slots: &Arc<Semaphore>,
) -> io::Result<(TcpStream, OwnedSemaphorePermit)> {
    let slot = slots.clone().acquire_owned().await.expect("never closed");
    let (stream, _) = listener.accept().await?;
    Ok((stream, slot))
}

/// Errors that concern one connection only, which the next accept does not share.
fn is_per_connection(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::Interrupted
    )
}

async fn stopped(mut stopping: watch::Receiver<bool>) {
    // The sender gone means the server is gone: stop as well.
    let _ = stopping.wait_for(|stop| *stop).await;
}

fn serve(
    stream: TcpStream,
    builder: &http1::Builder,
    live: Arc<LiveSite>,
    stopping: watch::Receiver<bool>,
) -> impl Future<Output = ()> + Send + 'static {
    let asked = Arc::new(AtomicBool::new(false));
    let service = {
        let asked = asked.clone();
        service_fn(move |request| {
            asked.store(true, Ordering::Relaxed);
            let live = live.clone();
            Box::pin(async move { Ok::<_, Infallible>(respond::answer(&live, &request).await) })
        })
    };
    let mut connection = builder.serve_connection(TokioIo::new(stream), service);
    async move {
        let mut stopped = pin!(stopped(stopping));
        let mut told_to_stop = false;
        let served = tokio::time::timeout(
            CONNECTION_DEADLINE,
            poll_fn(|cx| {
                if !told_to_stop && stopped.as_mut().poll(cx).is_ready() {
                    told_to_stop = true;
                    // Without keep-alive, hyper's graceful shutdown waits for a
                    // request that may never come: only one being answered is
                    // worth waiting for.
                    if !asked.load(Ordering::Relaxed) {
                        return Poll::Ready(None);
                    }
                    Pin::new(&mut connection).graceful_shutdown();
                }
                connection.poll_without_shutdown(cx).map(Some)
            }),
        )
        .await;
        // A connection past its deadline, or stopped before it asked anything,
        // is simply dropped; any other, answered or refused by hyper (431, 400),
        // is closed with care.
        if let Ok(Some(_)) = served {
            close(connection.into_parts().io.into_inner()).await;
        }
    }
}

/// Closing while the client is still sending (the rest of an overlong head)
/// would reset the connection, and a reset can destroy the response before the
/// client reads it: half-close, drain a little, then drop.
async fn close(mut stream: TcpStream) {
    let _ = stream.shutdown().await;
    let mut sink = [0u8; 1024];
    let mut drained = 0;
    let drain = async {
        while let Ok(n) = stream.read(&mut sink).await {
            drained += n;
            if n == 0 || drained > 64 * 1024 {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_millis(200), drain).await;
}

/// Lifts this process's soft limit on open files to its hard limit, as servers
/// do: a desktop's default soft limit (often 1,024) would refuse connections
/// long before the server's own bound. Nothing changes where it cannot be read.
#[cfg(target_os = "linux")]
fn allow_open_files() {
    use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};
    let limit = getrlimit(Resource::Nofile);
    // The soft limit is never above the hard one: unequal means lower.
    if limit.current != limit.maximum {
        let _ = setrlimit(
            Resource::Nofile,
            Rlimit {
                current: limit.maximum,
                maximum: limit.maximum,
            },
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn allow_open_files() {}
