//! Request and answer bodies as a connection serves them: a request body must arrive whole
//! within the body timeout (a trickle is cut off, and the route answers 408), and an
//! answer's body holds its request's [`Busy`] guard until its last byte is sent.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::BoxError;
use axum::body::{Body, Bytes};
use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::body::Incoming;
use tokio::time::{Instant, Sleep};

use super::activity::Busy;

/// A request body that did not arrive whole within the body timeout.
#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive within {} s", .0.as_secs_f64())]
pub struct BodyTimedOut(pub Duration);

/// A request body that fails with [`BodyTimedOut`] once its time is up.
pub struct Deadline {
    body: Incoming,
    /// When the time is up, counted from the end of the headers.
    until: Instant,
    limit: Duration,
    /// The timer, made at the first read (most requests have no body to read).
    timer: Option<Pin<Box<Sleep>>>,
}

impl Deadline {
    pub fn new(body: Incoming, limit: Duration) -> Self {
        Deadline {
            body,
            until: Instant::now() + limit,
            limit,
            timer: None,
        }
    }
}

impl HttpBody for Deadline {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = self.get_mut();
        let until = this.until;
        let timer = this
            .timer
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(until)));
        if timer.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Some(Err(BodyTimedOut(this.limit).into())));
        }
        Pin::new(&mut this.body)
            .poll_frame(cx)
            .map_err(BoxError::from)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// An answer's body, with the guard of the request it answers.
pub struct Tracked {
    body: Body,
    _busy: Busy,
}

impl Tracked {
    pub fn new(body: Body, busy: Busy) -> Self {
        Tracked { body, _busy: busy }
    }
}

impl HttpBody for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}
