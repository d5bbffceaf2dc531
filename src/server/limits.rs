//! How much rendering runs at once: a fixed number of renderers (permits), a bounded queue
//! of requests waiting for one, and a time limit for each render. Rendering is CPU-bound, so
//! it runs in worker processes or on Tokio's blocking pool (see [`super::renderers`]), never
//! on the threads that serve connections.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::problem::{Problem, panic_message};
use crate::errors::Kind;

/// What a client is told to wait before trying again when the queue is full.
const RETRY_AFTER_SECONDS: u64 = 1;

/// The renderers, their queue and the time limit.
#[derive(Debug)]
pub struct Limits {
    permits: Arc<Semaphore>,
    concurrency: usize,
    queue: usize,
    waiting: AtomicUsize,
    timeout: Duration,
}

/// A place in the queue, given up when the wait ends however it ends (even when the request
/// is dropped because its client went away).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Limits {
    /// `concurrency` renders at once (at least one), at most `queue` requests waiting, and
    /// `timeout` for each render and for each wait in the queue.
    pub fn new(concurrency: usize, queue: usize, timeout: Duration) -> Self {
        let concurrency = concurrency.max(1);
        Limits {
            permits: Arc::new(Semaphore::new(concurrency)),
            concurrency,
            queue,
            waiting: AtomicUsize::new(0),
            timeout,
        }
    }

    /// Waits for a free renderer: at once when one is free, else in the queue. A full queue,
    /// or a wait longer than the time limit, is a 503 with `Retry-After`.
    pub async fn acquire(&self) -> Result<OwnedSemaphorePermit, Problem> {
        // The semaphore is fair: while requests wait, no permit is free for a newcomer.
        if let Ok(permit) = self.permits.clone().try_acquire_owned() {
            return Ok(permit);
        }
        let ahead = self.waiting.fetch_add(1, Ordering::SeqCst);
        let _waiting = Waiting(&self.waiting);
        if ahead >= self.queue {
            return Err(Problem::busy(RETRY_AFTER_SECONDS));
        }
        match tokio::time::timeout(self.timeout, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(closed)) => Err(Problem::internal(closed)),
            Err(_elapsed) => Err(Problem::busy(RETRY_AFTER_SECONDS)),
        }
    }

    /// Runs `work` on the blocking pool once a renderer is free, and waits for it at most the
    /// time limit. A panic in `work` is a 500; the server goes on serving.
    ///
    /// A Typst compile cannot be cancelled: when the time is up the client gets a 504, but the
    /// render runs to its end and keeps its renderer until then, so that timed-out renders
    /// never add up to more than `concurrency` busy cores. `vanban serve` renders in worker
    /// processes instead, which are killed when the time is up.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Problem> {
        let permit = self.acquire().await?;
        let span = tracing::Span::current();
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let _span = span.enter();
            work()
        });
        match tokio::time::timeout(self.timeout, task).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(Problem::internal(join_failure(error))),
            Err(_elapsed) => Err(Problem::new(Kind::TimedOut {
                seconds: self.timeout.as_secs_f64(),
            })),
        }
    }

    /// How long one render, or one wait in the queue, may take.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// How many renders run now.
    pub fn in_progress(&self) -> usize {
        self.concurrency - self.permits.available_permits()
    }

    /// How many requests wait for a renderer.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::SeqCst)
    }
}

/// What a failed blocking task says in the log: its panic message, if it panicked.
fn join_failure(error: tokio::task::JoinError) -> String {
    if !error.is_panic() {
        return format!("render task failed: {error}");
    }
    format!(
        "render task panicked: {}",
        panic_message(error.into_panic().as_ref())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_time()
            .build()
            .unwrap()
    }

    #[test]
    fn a_panic_becomes_a_500_and_frees_its_renderer() {
        runtime().block_on(async {
            let limits = Limits::new(1, 4, Duration::from_secs(5));
            let failed = limits.run(|| panic!("boom")).await.unwrap_err();
            assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
            assert_eq!(limits.in_progress(), 0);
            assert_eq!(limits.run(|| 42).await.unwrap(), 42);
        });
    }

    #[test]
    fn a_full_queue_is_busy() {
        runtime().block_on(async {
            let limits = Arc::new(Limits::new(1, 1, Duration::from_secs(5)));
            let (release, released) = std::sync::mpsc::channel::<()>();
            let first = {
                let limits = limits.clone();
                tokio::spawn(async move { limits.run(move || released.recv().ok()).await })
            };
            while limits.in_progress() == 0 {
                tokio::task::yield_now().await;
            }
            let second = {
                let limits = limits.clone();
                tokio::spawn(async move { limits.run(|| 2).await })
            };
            while limits.waiting() == 0 {
                tokio::task::yield_now().await;
            }
            let third = limits.run(|| 3).await.unwrap_err();
            assert_eq!(third.status(), StatusCode::SERVICE_UNAVAILABLE);
            release.send(()).unwrap();
            assert!(first.await.unwrap().is_ok());
            assert_eq!(second.await.unwrap().unwrap(), 2);
            assert_eq!(limits.waiting(), 0);
        });
    }

    #[test]
    fn a_slow_render_times_out_but_keeps_its_renderer() {
        runtime().block_on(async {
            let limits = Limits::new(1, 4, Duration::from_millis(50));
            let (release, released) = std::sync::mpsc::channel::<()>();
            let slow = limits.run(move || released.recv().ok()).await.unwrap_err();
            assert_eq!(slow.status(), StatusCode::GATEWAY_TIMEOUT);
            assert_eq!(limits.in_progress(), 1, "the render goes on");
            release.send(()).unwrap();
            assert_eq!(limits.run(|| 1).await.unwrap(), 1);
        });
    }
}
