//! `vanban serve`: the HTTP service, with structured logs on standard error.

use std::io::IsTerminal;
use std::time::Duration;

use tracing_subscriber::EnvFilter;
use vanban::errors::Kind;
use vanban::server::{self, ServerOptions};

use super::args::ServeArgs;
use super::{Failure, engine};

/// The environment variable that chooses what is logged (`info` by default; `debug`, or
/// per module: `vanban=debug`).
const LOG_FILTER: &str = "VANBAN_LOG";

/// How long, once every connection is closed, renders still running may keep the process.
const RENDERS_GRACE: Duration = Duration::from_secs(1);

pub fn serve(args: &ServeArgs) -> Result<(), Failure> {
    init_log();
    let engine_options = args.engine.options();
    let engine = engine(&engine_options)?;
    let options = ServerOptions {
        addr: args.addr,
        concurrency: args
            .concurrency
            .map_or(ServerOptions::default().concurrency, usize::from),
        queue: args.queue,
        render_timeout: args.render_timeout,
        body_limit: args.body_limit,
        max_wards: args.max_wards,
        connections: args.connections(),
        store: None,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Failure::internal)?;
    let store = match &args.database {
        Some(location) => Some(runtime.block_on(super::accounts::open(location))?),
        None => None,
    };
    let options = ServerOptions { store, ..options };
    let served = runtime.block_on(server::serve(engine, &engine_options, options.clone()));
    // The connections are closed by now; a batch's render still running on the blocking pool
    // cannot be cancelled, and nobody waits for it: the process exits after a moment (the
    // workers die with it).
    runtime.shutdown_timeout(RENDERS_GRACE);
    served.map_err(|error| {
        let addr = options.addr.to_string();
        Failure::from(Kind::CannotServe { addr }).because(error)
    })
}

/// Logs to standard error, filtered by [`LOG_FILTER`]; the workers log the same way.
pub fn init_log() {
    let filter = EnvFilter::try_from_env(LOG_FILTER).unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .init();
}
