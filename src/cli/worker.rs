//! `vanban worker` (hidden): one render worker of `vanban serve`, which starts it, sends it
//! jobs on standard input, reads the replies on standard output, and kills it when a render
//! passes its time limit. Its log lines go to standard error, with its number.

use super::args::WorkerArgs;
use super::serve::init_log;
use super::{Failure, engine};

pub fn worker(args: &WorkerArgs) -> Result<(), Failure> {
    init_log();
    let _span = tracing::info_span!("worker", id = args.id).entered();
    let engine = engine(&args.engine.options())?;
    vanban::server::serve_jobs(&engine, std::io::stdin().lock(), std::io::stdout().lock())
        .map_err(Failure::internal)
}
