//! The `vanban` command line: parses arguments, runs a command, prints errors, picks the exit
//! code (0 ok, 1 bad input, 2 usage or internal error).

mod cli;

/// Typst allocates heavily; mimalloc makes a cold render about 10% faster than the system
/// allocator, and warm ones about 7% (see README, Performance). Its `no_thp` feature keeps it
/// from asking for transparent huge pages, which cost a 1,000-ward batch 40 MB of resident
/// memory and saved no time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let language = args.language();
    match cli::run(args, language) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.print(language);
            ExitCode::from(failure.exit_code())
        }
    }
}
