//! Render workers: `vanban worker` processes, one per renderer, each with its own engine. A
//! render past its time limit is stopped the only way a Typst compile can be: its worker is
//! killed (SIGKILL) and reaped, then a fresh one is started in the background, and the
//! renderer's permit comes back once it is ready. A worker that dies (a crash, the kernel's
//! OOM killer) fails its request with a 500 and is replaced the same way. A worker dies with
//! its server (`PR_SET_PDEATHSIG`), even in the middle of a render.

use std::io;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::io::BufReader;
use tokio::process::{Child, ChildStdin, ChildStdout, Command};
use tokio::sync::OwnedSemaphorePermit;
use tracing::Instrument;

use super::super::limits::Limits;
use super::super::problem::Problem;
use super::job::{Job, Rendered};
use super::protocol::{self, JobHeader, Ready, ReplyHeader, Taken};
use crate::EngineOptions;
use crate::errors::{Kind, Language};

/// How long a new worker may take to load its templates and fonts and say it is ready.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// How long to wait before trying again when a worker cannot be started.
const RESTART_DELAY: Duration = Duration::from_secs(1);

/// The workers, and how to start more.
#[derive(Debug)]
pub struct Pool {
    /// Workers waiting for a job; a renderer's permit always finds one here.
    idle: Mutex<Vec<Worker>>,
    /// Workers being replaced (killed, or starting): they take no work.
    replacing: AtomicUsize,
    /// When each busy worker's render started.
    busy_since: Mutex<Vec<Instant>>,
    size: usize,
    program: PathBuf,
    engine: EngineOptions,
    next_id: AtomicU64,
}

/// One worker process and its pipes.
#[derive(Debug)]
struct Worker {
    id: u64,
    child: Child,
    jobs: ChildStdin,
    replies: BufReader<ChildStdout>,
}

impl Pool {
    /// Starts `size` workers of this program with `engine`'s options, and waits until each is
    /// ready.
    pub async fn start(size: usize, engine: &EngineOptions) -> io::Result<Arc<Pool>> {
        let pool = Arc::new(Pool {
            idle: Mutex::new(Vec::with_capacity(size)),
            replacing: AtomicUsize::new(0),
            busy_since: Mutex::new(Vec::with_capacity(size)),
            size,
            program: std::env::current_exe()?,
            engine: engine.clone(),
            next_id: AtomicU64::new(1),
        });
        let started = futures_util::future::try_join_all((0..size).map(|_| pool.spawn())).await?;
        pool.idle().extend(started);
        Ok(pool)
    }

    /// Whether some renderer can take work soon: not every worker is being replaced or busy
    /// with a render that has run for `stuck_after` already.
    pub fn ready(&self, stuck_after: Duration) -> bool {
        let stuck = lock(&self.busy_since)
            .iter()
            .filter(|since| since.elapsed() >= stuck_after)
            .count();
        stuck + self.replacing.load(Ordering::SeqCst) < self.size
    }

    /// Does `job` in a free worker, within `limits`. The exchange runs in its own task, so
    /// that it ends (and its worker is returned or killed) even when the client goes away.
    pub async fn render(self: &Arc<Self>, limits: &Limits, job: Job) -> Result<Rendered, Problem> {
        let permit = limits.acquire().await?;
        let timeout = limits.timeout();
        let pool = self.clone();
        let task = async move {
            let Some(mut worker) = pool.take(&permit).await else {
                pool.replacing.fetch_add(1, Ordering::SeqCst);
                pool.replace(None, permit, "no worker was free");
                return Err(Problem::internal("a renderer's permit found no worker"));
            };
            let busy = Busy::new(&pool.busy_since);
            let mut exchanged = tokio::time::timeout(timeout, worker.exchange(&job)).await;
            if let Ok(Err(Exchange::NotTaken(error))) = &exchanged {
                // The worker had died while idle, after `take` looked: a fresh one does the job.
                let status = worker.kill().await;
                tracing::warn!(worker = worker.id, %status, %error, "idle worker had exited: replacing it");
                match pool.spawn().await {
                    Ok(fresh) => worker = fresh,
                    Err(error) => {
                        pool.replacing.fetch_add(1, Ordering::SeqCst);
                        pool.replace(None, permit, "it could not be started");
                        return Err(Problem::internal(error));
                    }
                }
                exchanged = tokio::time::timeout(timeout, worker.exchange(&job)).await;
            }
            drop(busy);
            match exchanged {
                Ok(Ok(rendered)) => {
                    pool.idle().push(worker);
                    drop(permit);
                    Ok(rendered)
                }
                Ok(Err(Exchange::NotTaken(error) | Exchange::Failed(error))) => {
                    pool.replacing.fetch_add(1, Ordering::SeqCst);
                    let status = worker.kill().await;
                    let cause = format!("worker {} failed ({status}): {error}", worker.id);
                    pool.replace(Some(worker.id), permit, "it failed");
                    Err(Problem::internal(cause))
                }
                Err(_elapsed) => {
                    pool.replacing.fetch_add(1, Ordering::SeqCst);
                    let status = worker.kill().await;
                    tracing::warn!(
                        worker = worker.id,
                        %status,
                        seconds = timeout.as_secs_f64(),
                        "render past its time limit: worker killed"
                    );
                    pool.replace(Some(worker.id), permit, "it was killed");
                    Err(Problem::new(Kind::TimedOut {
                        seconds: timeout.as_secs_f64(),
                    }))
                }
            }
        };
        tokio::spawn(task.in_current_span())
            .await
            .map_err(Problem::internal)?
    }

    /// An idle worker, for the holder of `_permit`. One that has died while idle (killed from
    /// outside) is reaped and replaced first.
    async fn take(&self, _permit: &OwnedSemaphorePermit) -> Option<Worker> {
        let mut worker = self.idle().pop()?;
        if let Ok(Some(status)) = worker.child.try_wait() {
            tracing::warn!(worker = worker.id, %status, "idle worker had exited: replacing it");
            self.replacing.fetch_add(1, Ordering::SeqCst);
            let spawned = self.spawn().await;
            self.replacing.fetch_sub(1, Ordering::SeqCst);
            worker = spawned
                .inspect_err(|error| tracing::error!(%error, "cannot start a worker"))
                .ok()?;
        }
        Some(worker)
    }

    /// Starts a worker in the background in place of the one named `old` (counted in
    /// `replacing` by the caller), and gives `permit` back once it is ready; tries again every
    /// [`RESTART_DELAY`] until one starts.
    fn replace(self: &Arc<Self>, old: Option<u64>, permit: OwnedSemaphorePermit, why: &str) {
        tracing::info!(worker = old, "replacing a worker: {why}");
        let pool = self.clone();
        tokio::spawn(async move {
            loop {
                match pool.spawn().await {
                    Ok(worker) => {
                        pool.idle().push(worker);
                        break;
                    }
                    Err(error) => {
                        tracing::error!(%error, "cannot start a worker; trying again");
                        tokio::time::sleep(RESTART_DELAY).await;
                    }
                }
            }
            pool.replacing.fetch_sub(1, Ordering::SeqCst);
            drop(permit);
        });
    }

    /// Starts a worker and waits until it is ready.
    async fn spawn(&self) -> io::Result<Worker> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut command = Command::new(&self.program);
        command.args(["worker", "--id", &id.to_string()]);
        command
            .env_remove("VANBAN_TEMPLATES")
            .env_remove("VANBAN_FONT_DIR");
        if let Some(templates) = &self.engine.templates {
            command.arg("--templates").arg(templates);
        }
        for dir in &self.engine.font_dirs {
            command.arg("--font-dir").arg(dir);
        }
        // SAFETY: between fork and exec, the child only makes one async-signal-safe call.
        unsafe {
            command.pre_exec(|| {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) == -1 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()?;
        let pipes = child.stdin.take().zip(child.stdout.take());
        let (jobs, replies) = pipes.ok_or_else(|| io::Error::other("no pipes to the worker"))?;
        let mut worker = Worker {
            id,
            child,
            jobs,
            replies: BufReader::new(replies),
        };
        let ready = tokio::time::timeout(
            START_TIMEOUT,
            protocol::receive::<Ready>(&mut worker.replies),
        );
        match ready.await {
            Ok(Ok((Ready { ready: true }, _))) => {
                tracing::info!(worker = id, pid = worker.child.id(), "worker ready");
                Ok(worker)
            }
            outcome => {
                let status = worker.kill().await;
                Err(io::Error::other(format!(
                    "worker {id} did not start ({status}): {outcome:?}"
                )))
            }
        }
    }

    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<Worker>> {
        lock(&self.idle)
    }
}

/// A render's start in `busy_since`, removed when the render ends however it ends.
struct Busy<'a> {
    list: &'a Mutex<Vec<Instant>>,
    since: Instant,
}

impl<'a> Busy<'a> {
    fn new(list: &'a Mutex<Vec<Instant>>) -> Self {
        let since = Instant::now();
        lock(list).push(since);
        Busy { list, since }
    }
}

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        let mut list = lock(self.list);
        if let Some(at) = list.iter().position(|since| *since == self.since) {
            list.swap_remove(at);
        }
    }
}

/// A lock that a panic elsewhere does not poison: the lists stay consistent.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// How an exchange with a worker failed.
#[derive(Debug)]
enum Exchange {
    /// The worker did not take the job: it had died while idle.
    NotTaken(io::Error),
    /// The worker failed after taking the job.
    Failed(io::Error),
}

impl Worker {
    /// Sends `job` and reads the reply.
    async fn exchange(&mut self, job: &Job) -> Result<Rendered, Exchange> {
        let header = JobHeader {
            route: job.route.clone(),
            vietnamese: job.language == Language::Vietnamese,
        };
        protocol::send(&mut self.jobs, &header, &job.body)
            .await
            .map_err(Exchange::NotTaken)?;
        protocol::receive::<Taken>(&mut self.replies)
            .await
            .map_err(Exchange::NotTaken)?;
        let (reply, body) = protocol::receive::<ReplyHeader>(&mut self.replies)
            .await
            .map_err(Exchange::Failed)?;
        Ok(reply.rendered(body))
    }

    /// Kills the process (SIGKILL) and reaps it; says how it ended, for the log.
    async fn kill(&mut self) -> String {
        match self.child.kill().await {
            Ok(()) => match self.child.wait().await {
                Ok(status) => status.to_string(),
                Err(error) => format!("not reaped: {error}"),
            },
            Err(error) => format!("not killed: {error}"),
        }
    }
}
