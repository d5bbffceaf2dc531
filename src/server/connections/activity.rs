//! What a connection is doing, for its timeouts: serving a request (no timeout here: the
//! body has its own, the render its own), or waiting for the client's next request, whose
//! headers must come within the header timeout and which must start within the idle
//! timeout.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Instant;

use super::ConnectionOptions;

/// How often a connection's deadline is looked at again while it may move.
const RECHECK: Duration = Duration::from_secs(1);

/// A connection's activity, shared by its socket, its requests and its watchdog.
#[derive(Debug)]
pub struct Activity(Mutex<State>);

#[derive(Debug)]
struct State {
    /// Requests being answered.
    busy: usize,
    /// Since when no request is: the connection's opening, or the end of the last answer.
    waiting_since: Instant,
    /// Whether no request has come yet.
    first: bool,
    /// When the first byte of the next request came, if it did.
    head_started: Option<Instant>,
}

impl Activity {
    /// A connection just opened.
    pub fn new() -> Self {
        Activity(Mutex::new(State {
            busy: 0,
            waiting_since: Instant::now(),
            first: true,
            head_started: None,
        }))
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A request's headers came: it is served until the returned guard is dropped (with
    /// its answer's last byte).
    pub fn begin(self: &Arc<Self>) -> Busy {
        let mut state = self.state();
        state.busy += 1;
        state.head_started = None;
        Busy(self.clone())
    }

    /// Bytes came from the client.
    fn read(&self) {
        let mut state = self.state();
        if state.busy == 0 && state.head_started.is_none() {
            state.head_started = Some(Instant::now());
        }
    }

    /// When the connection is to be closed if nothing else happens; `None` while a request
    /// is being served.
    fn deadline(&self, options: &ConnectionOptions) -> Option<Instant> {
        let state = self.state();
        if state.busy > 0 {
            None
        } else if state.first {
            Some(state.waiting_since + options.header_timeout)
        } else if let Some(started) = state.head_started {
            Some(started + options.header_timeout)
        } else {
            Some(state.waiting_since + options.idle_timeout)
        }
    }

    /// Resolves when the client has kept the connection waiting past its deadline.
    pub async fn expired(&self, options: &ConnectionOptions) {
        loop {
            let now = Instant::now();
            match self.deadline(options) {
                Some(deadline) if deadline <= now => return,
                Some(deadline) => tokio::time::sleep_until(deadline.min(now + RECHECK)).await,
                None => tokio::time::sleep(RECHECK).await,
            }
        }
    }
}

/// A request being served; the connection waits for the next one once it is dropped.
#[derive(Debug)]
pub struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        let mut state = self.0.state();
        state.busy -= 1;
        if state.busy == 0 {
            state.waiting_since = Instant::now();
            state.first = false;
            state.head_started = None;
        }
    }
}

/// A socket that tells its connection's [`Activity`] when bytes come.
#[derive(Debug)]
pub struct Watched {
    stream: TcpStream,
    activity: Arc<Activity>,
}

impl Watched {
    pub fn new(stream: TcpStream, activity: Arc<Activity>) -> Self {
        Watched { stream, activity }
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let read = Pin::new(&mut self.stream).poll_read(cx, buf);
        if matches!(read, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.read();
        }
        read
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
