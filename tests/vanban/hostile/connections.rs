//! Hostile inputs: connections.
