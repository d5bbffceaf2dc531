//! Where documents are rendered: in process (a router embedded in a program, the tests), or in
//! worker processes (`vanban serve`), which can be killed when a render passes its time limit,
//! since a Typst compile cannot be cancelled. Batches render in process either way.

mod job;
mod pool;
mod protocol;
mod worker;

pub use job::{Job, Output, Rendered, Route, Warning};
pub use worker::serve_jobs;

use std::sync::Arc;
use std::time::Duration;

use super::limits::Limits;
use super::problem::Problem;
use crate::{Engine, EngineOptions};
use pool::Pool;

/// How much of its time limit a render may run before its worker counts as stuck for
/// `/readyz`: documents render in well under a second, so a worker that has spent half the
/// limit on one is not likely to be free soon.
const STUCK_FRACTION: f64 = 0.5;

/// The renderers of a server.
pub enum Renderers {
    /// On Tokio's blocking pool, with this engine; a render past its time limit runs on.
    InProcess(Arc<Engine>),
    /// In worker processes, killed past the time limit.
    Workers(Arc<Pool>),
}

impl Renderers {
    /// `count` worker processes with `engine`'s options, each ready.
    pub async fn workers(count: usize, engine: &EngineOptions) -> std::io::Result<Self> {
        Ok(Renderers::Workers(Pool::start(count, engine).await?))
    }

    /// Does `job` once a renderer is free, within `limits`.
    pub async fn render(&self, limits: &Limits, job: Job) -> Result<Rendered, Problem> {
        match self {
            Renderers::InProcess(engine) => {
                let engine = engine.clone();
                limits.run(move || job::execute(&engine, &job)).await
            }
            Renderers::Workers(pool) => pool.render(limits, job).await,
        }
    }

    /// Whether some renderer can take work soon: in process, always; with workers, unless
    /// every one is being replaced or has run one render past [`STUCK_FRACTION`] of
    /// `timeout`.
    pub fn ready(&self, timeout: Duration) -> bool {
        match self {
            Renderers::InProcess(_) => true,
            Renderers::Workers(pool) => pool.ready(timeout.mul_f64(STUCK_FRACTION)),
        }
    }
}
