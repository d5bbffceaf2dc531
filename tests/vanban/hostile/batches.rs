//! Hostile inputs: batches.
