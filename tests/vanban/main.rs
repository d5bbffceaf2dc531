//! Integration tests: the real binary on the bundled sample, and PDFs read back with poppler;
//! the real server over loopback sockets.

mod agreement;
mod bad_input;
mod batch;
mod corpus;
mod escaping;
mod hostile;
mod layout;
mod limits_properties;
mod measure;
mod plan;
mod report;
mod server;
mod sheet;
mod signing;
mod snapshot;
mod support;
mod wording;
mod worst_shapes;
