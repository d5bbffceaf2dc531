//! Hostile inputs: documents.
