//! The worker's side (`vanban worker`, started by `vanban serve`): jobs in on standard input,
//! replies out on standard output, one at a time, until the server closes the input.

use std::io::{self, BufReader, BufWriter, Read, Write};

use axum::body::Bytes;

use super::job::{Job, execute};
use super::protocol::{self, JobHeader, Ready, ReplyHeader, Taken};
use crate::Engine;

/// Says [`Ready`], then does each job with `engine` and answers it, until `input` ends.
pub fn serve_jobs(engine: &Engine, input: impl Read, output: impl Write) -> io::Result<()> {
    let mut input = BufReader::new(input);
    let mut output = BufWriter::new(output);
    protocol::write(&mut output, &Ready { ready: true }, &[])?;
    while let Some((header, body)) = protocol::read::<JobHeader>(&mut input)? {
        protocol::write(&mut output, &Taken { taken: true }, &[])?;
        let language = header.language();
        let job = Job {
            route: header.route,
            language,
            body: Bytes::from(body),
        };
        let (reply, body) = ReplyHeader::of(execute(engine, &job), language);
        protocol::write(&mut output, &reply, &body)?;
    }
    Ok(())
}
